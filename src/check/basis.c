/*
 * basis.c - who draws a relation (AM309, AM310).
 *
 * A relation with basis="source" (the default) says the text states it; if
 * it names holders in by=, some source it rests on should attribute it to
 * them. Actor A is *attributed* for relation r when a source S that r
 * gathers lists A among its authors, or some evidence item of the debate
 * quotes A (speaker=A) from S. r gathers the sources it cites itself and
 * those cited by its ends: its from nodes, its to node, and for an undercut
 * the attacked support (its own source= and its from and to nodes).
 *
 * Linear in the size of the debate: the (source, actor) pairs are one CSR
 * index (rows sorted once, searched by bisection), and each relation is
 * judged on bounded work: its first AM_BASIS_MAX_HOLDERS holders, at most
 * AM_BASIS_MAX_SOURCES distinct gathered sources, from at most
 * AM_BASIS_MAX_REFS source references. When a bound cuts the gathering
 * short the relation is not judged (silence, never a false warning).
 *
 * An editor's link (basis="editor") is drawn by nobody in the text, so a
 * by= on it is reported too (AM310).
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "model/graph.h"
#include "model/model.h"
#include "util/buf.h"

#define AM_BASIS_MAX_HOLDERS 64
#define AM_BASIS_MAX_SOURCES 64
#define AM_BASIS_MAX_REFS 256
/* Holders suggested in the hint, at most. */
#define MAX_SUGGESTED 3

typedef struct gathered {
	size_t src[AM_BASIS_MAX_SOURCES];
	size_t n;
	size_t refs;   /* source references looked at */
	int truncated; /* a bound was hit: do not judge */
} gathered;

static int actor_at(const argmap_map *m, const argmap_ref *r, size_t *idx)
{
	if (r->kind != ARGMAP_ITEM_ACTOR || r->index >= m->nactors)
		return 0;
	*idx = r->index;
	return 1;
}

static int source_at(const argmap_map *m, const argmap_ref *r, size_t *idx)
{
	if (r->kind != ARGMAP_ITEM_SOURCE || r->index >= m->nsources)
		return 0;
	*idx = r->index;
	return 1;
}

static const argmap_node *node_at(const argmap_map *m, const argmap_ref *r)
{
	if (r->kind != ARGMAP_ITEM_NODE || r->index >= m->nnodes)
		return NULL;
	return &m->nodes[r->index];
}

/* Arcs source -> actor: each author of each source, and the speaker of
 * each evidence item from its source. Vertices are max(sources, actors). */
static void pair_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const argmap_map *m = ud;
	size_t i, j, s, a;

	for (i = 0; i < m->nsources; i++)
		for (j = 0; j < m->sources[i].n_authors; j++)
			if (actor_at(m, &m->sources[i].authors[j], &a))
				arc(sink, i, a, 0);
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		if (n->kind != ARGMAP_NODE_EVIDENCE || !n->speaker || !actor_at(m, n->speaker, &a))
			continue;
		for (j = 0; j < n->n_sources; j++)
			if (source_at(m, &n->sources[j], &s))
				arc(sink, s, a, 0);
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* 1 if the (sorted) row of source s holds actor a. */
static int attributed(const am_graph *g, size_t s, size_t a)
{
	size_t lo = g->start[s], hi = g->start[s + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->to[mid] == a)
			return 1;
		if (g->to[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void gather_refs(const argmap_map *m, const argmap_ref *refs, size_t n, gathered *g)
{
	size_t i, k, s;

	for (i = 0; i < n && !g->truncated; i++) {
		if (++g->refs > AM_BASIS_MAX_REFS) {
			g->truncated = 1;
			return;
		}
		if (!source_at(m, &refs[i], &s))
			continue;
		for (k = 0; k < g->n && g->src[k] != s; k++)
			;
		if (k < g->n)
			continue;
		if (g->n == AM_BASIS_MAX_SOURCES) {
			g->truncated = 1;
			return;
		}
		g->src[g->n++] = s;
	}
}

/* The sources of each node in refs[0..n); each node costs one reference
 * even when it cites nothing, so a long from= list hits the bound. */
static void gather_nodes(const argmap_map *m, const argmap_ref *refs, size_t n, gathered *g)
{
	size_t i;

	for (i = 0; i < n && !g->truncated; i++) {
		const argmap_node *nd = node_at(m, &refs[i]);
		if (++g->refs > AM_BASIS_MAX_REFS) {
			g->truncated = 1;
			return;
		}
		if (nd)
			gather_refs(m, nd->sources, nd->n_sources, g);
	}
}

static void gather(const argmap_map *m, const argmap_relation *r, gathered *g)
{
	const argmap_relation *t = am_map_undercut_target(m, r);

	g->n = g->refs = 0;
	g->truncated = 0;
	gather_refs(m, r->sources, r->n_sources, g);
	gather_nodes(m, r->from, r->n_from, g);
	gather_nodes(m, &r->to, 1, g);
	if (t) {
		gather_refs(m, t->sources, t->n_sources, g);
		gather_nodes(m, t->from, t->n_from, g);
		gather_nodes(m, &t->to, 1, g);
	}
}

/* Adds actor a to the suggestions unless it is there already. */
static void suggest_add(size_t *sug, size_t *ns, size_t a)
{
	size_t k;

	for (k = 0; k < *ns; k++)
		if (sug[k] == a)
			return;
	if (*ns < MAX_SUGGESTED)
		sug[(*ns)++] = a;
}

/* Who the relation could rightly name: the speakers of its evidence ends,
 * then the authors of its gathered sources, then anyone else quoted from
 * them (bounded loops only). */
static void suggestions(const argmap_map *m, const am_graph *pairs, const argmap_relation *r,
                        const gathered *g, size_t *sug, size_t *ns)
{
	size_t i, j, a;

	*ns = 0;
	for (i = 0; i < r->n_from && i < AM_BASIS_MAX_REFS; i++) {
		const argmap_node *nd = node_at(m, &r->from[i]);
		if (nd && nd->speaker && actor_at(m, nd->speaker, &a))
			suggest_add(sug, ns, a);
	}
	for (i = 0; i < g->n; i++) {
		const argmap_source *s = &m->sources[g->src[i]];
		for (j = 0; j < s->n_authors && j < AM_BASIS_MAX_HOLDERS; j++)
			if (actor_at(m, &s->authors[j], &a))
				suggest_add(sug, ns, a);
	}
	for (i = 0; i < g->n; i++) {
		size_t row = pairs->start[g->src[i]], end = pairs->start[g->src[i] + 1];
		for (j = row; j < end && j < row + AM_BASIS_MAX_HOLDERS; j++)
			suggest_add(sug, ns, pairs->to[j]);
	}
}

static char *hint_for(const argmap_map *m, const am_graph *pairs, const argmap_relation *r,
                      const gathered *g)
{
	size_t sug[MAX_SUGGESTED], ns, i;
	am_buf b = {0};

	suggestions(m, pairs, r, g, sug, &ns);
	if (ns) {
		am_buf_puts(&b, "its sources are by or quote ");
		for (i = 0; i < ns; i++)
			am_buf_printf(&b, "%s'%s'", i ? (i + 1 == ns ? " or " : ", ") : "",
			              m->actors[sug[i]].id);
		am_buf_puts(&b,
		            "; name in by= only who draws it in the text, leave by= off when "
		            "the source states it without saying who, or write basis=\"editor\" "
		            "(without by=) if the editors draw it");
	} else {
		am_buf_puts(&b, "cite the source where they draw it (source=\"...\"), or write "
		                "basis=\"editor\" (without by=) if the editors draw it");
	}
	return am_buf_detach(&b);
}

/* "support 's1'" or "this support". */
static void describe(am_buf *b, const argmap_relation *r)
{
	if (r->id)
		am_buf_printf(b, "%s '%s'", argmap_relation_kind_name(r->kind), r->id);
	else
		am_buf_printf(b, "this %s", argmap_relation_kind_name(r->kind));
}

/* Reports the warning `code` at l with the message in b (consumed). */
static int warn(const argmap_map *m, argmap_diags *d, const char *code, argmap_loc l,
                const char *hint, am_buf *b)
{
	char *msg = am_buf_detach(b);
	size_t idx;

	if (!msg)
		return ARGMAP_ENOMEM;
	idx = argmap_diags_add(d, ARGMAP_SEV_WARNING, code, am_model_path(m, l.file), l.line, l.col,
	                       msg, hint, ARGMAP_NONE);
	free(msg);
	return idx == ARGMAP_NONE ? ARGMAP_ENOMEM : 0;
}

/* AM309 for one relation: one warning, at its first holder that no
 * gathered source attributes, naming (up to MAX_SUGGESTED of) them all. */
static int judge(const argmap_map *m, const am_graph *pairs, const argmap_relation *r,
                 argmap_diags *d)
{
	gathered g;
	size_t i, k, a, bad[AM_BASIS_MAX_HOLDERS], nbad = 0, shown;
	am_buf b = {0};
	char *hint;
	int rc;

	gather(m, r, &g);
	if (g.truncated || r->n_by > AM_BASIS_MAX_HOLDERS)
		return 0;
	for (i = 0; i < r->n_by; i++) {
		if (!actor_at(m, &r->by[i], &a))
			continue;
		for (k = 0; k < g.n && !attributed(pairs, g.src[k], a); k++)
			;
		if (k == g.n)
			bad[nbad++] = i;
	}
	if (!nbad)
		return 0;
	shown = nbad < MAX_SUGGESTED ? nbad : MAX_SUGGESTED;
	describe(&b, r);
	am_buf_puts(&b, " names ");
	for (i = 0; i < shown; i++)
		am_buf_printf(&b, "%s'%s'",
		              !i ? "" : (i + 1 == shown && nbad == shown ? " and " : ", "),
		              r->by[bad[i]].id);
	if (nbad > shown)
		am_buf_printf(&b, " and %zu more", nbad - shown);
	am_buf_puts(&b, nbad == 1 ? " in by=, but none of its sources has that actor as author "
	                            "or speaker"
	                          : " in by=, but none of its sources has these actors as "
	                            "authors or speakers");
	hint = hint_for(m, pairs, r, &g);
	rc = warn(m, d, "AM309", r->by[bad[0]].loc, hint, &b);
	free(hint);
	return rc;
}

/* AM310: an editor's link with a by=. */
static int editor_link_held(const argmap_map *m, argmap_diags *d, const argmap_relation *r)
{
	am_buf b = {0};

	describe(&b, r);
	am_buf_printf(&b,
	              " is an editor's link (basis=\"editor\") but names '%s' in by=; an "
	              "editor's link is not held by a speaker",
	              r->by[0].id);
	return warn(m, d, "AM310", r->by[0].loc,
	            "leave by= off: the holders of the joined claims are on the claims, and a "
	            "<note> says why the editors draw the link",
	            &b);
}

int am_check_basis(const argmap_map *m, argmap_diags *d)
{
	am_graph pairs = {0};
	size_t i, n = m->nsources > m->nactors ? m->nsources : m->nactors;
	int rc;

	rc = am_graph_build(&pairs, n, pair_arcs, (void *)m);
	if (rc != 0)
		goto done;
	for (i = 0; i < pairs.n; i++)
		qsort(pairs.to + pairs.start[i], pairs.start[i + 1] - pairs.start[i],
		      sizeof *pairs.to, cmp_size);
	for (i = 0; i < m->nrelations && rc == 0; i++) {
		const argmap_relation *r = &m->relations[i];
		if (r->loc.file != 0 || r->n_by == 0)
			continue;
		if (r->basis == ARGMAP_BASIS_EDITOR)
			rc = editor_link_held(m, d, r);
		else
			rc = judge(m, &pairs, r, d);
	}
done:
	am_graph_free(&pairs);
	return rc;
}

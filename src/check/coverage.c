/*
 * coverage.c - the evidence-coverage checks (AM801-AM806): what a claim
 * rests on, and the bookkeeping of sources and relations an editor wants
 * to see. AM801-AM805 are notes (facts about the argument a correct map may
 * well have, e.g. a map of opinion essays); AM806 is a warning (a relation
 * declared twice is a slip). argmap_check runs them unless
 * ARGMAP_CHECK_NO_COVERAGE is set. Only items of file 0 are judged.
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "check/coverage.h"
#include "model/graph.h"
#include "model/model.h"
#include "util/buf.h"

/* ------------------------------------------------- what lies beneath */

static size_t merge_source(size_t a, size_t b)
{
	if (a == AM_COV_NO_SOURCE)
		return b;
	if (b == AM_COV_NO_SOURCE || a == b)
		return a;
	return AM_COV_MANY;
}

/* The source an evidence node cites, or AM_COV_NO_SOURCE. */
static size_t evidence_source(const argmap_node *n)
{
	if (n->kind != ARGMAP_NODE_EVIDENCE || n->n_sources == 0 ||
	    n->sources[0].kind != ARGMAP_ITEM_SOURCE)
		return AM_COV_NO_SOURCE;
	return n->sources[0].index;
}

/* Adds actor a to v's quoted set (a == ARGMAP_NONE: someone unknown). */
static void add_quoted(am_coverage *c, size_t v, size_t a)
{
	size_t *q = &c->quoted[v * AM_COV_MAX_QUOTED], i;
	unsigned char *nq = &c->n_quoted[v];

	if (*nq == AM_COV_Q_OTHER)
		return;
	if (a == ARGMAP_NONE) {
		*nq = AM_COV_Q_OTHER;
		return;
	}
	for (i = 0; i < *nq; i++)
		if (q[i] == a)
			return;
	if (*nq == AM_COV_MAX_QUOTED)
		*nq = AM_COV_Q_OTHER;
	else
		q[(*nq)++] = a;
}

/* w's quoted set |= v's. */
static void merge_quoted(am_coverage *c, size_t w, size_t v)
{
	size_t i;

	if (c->n_quoted[v] == AM_COV_Q_OTHER) {
		c->n_quoted[w] = AM_COV_Q_OTHER;
		return;
	}
	for (i = 0; i < c->n_quoted[v]; i++)
		add_quoted(c, w, c->quoted[v * AM_COV_MAX_QUOTED + i]);
}

/* The people an evidence node quotes: its speaker, else its source's
 * authors, else someone unknown. */
static void evidence_quoted(am_coverage *c, const argmap_map *m, size_t v)
{
	const argmap_node *n = &m->nodes[v];
	const argmap_source *s;
	size_t i;

	if (n->speaker && n->speaker->kind == ARGMAP_ITEM_ACTOR) {
		add_quoted(c, v, n->speaker->index);
		return;
	}
	if (n->n_sources == 0 || n->sources[0].kind != ARGMAP_ITEM_SOURCE ||
	    m->sources[n->sources[0].index].n_authors == 0) {
		add_quoted(c, v, ARGMAP_NONE);
		return;
	}
	s = &m->sources[n->sources[0].index];
	for (i = 0; i < s->n_authors; i++)
		add_quoted(c, v,
		           s->authors[i].kind == ARGMAP_ITEM_ACTOR ? s->authors[i].index
		                                                   : ARGMAP_NONE);
}

void am_coverage_free(am_coverage *c)
{
	free(c->has_evidence);
	free(c->source);
	free(c->n_quoted);
	free(c->quoted);
	memset(c, 0, sizeof *c);
}

int am_coverage_build(am_coverage *c, const argmap_map *m)
{
	am_graph g = {0};
	size_t n = m->nnodes, *comp = NULL, *first = NULL, *members = NULL, *fill = NULL;
	size_t ncomp = 0, v, k, e;
	unsigned char *comp_has = NULL, *cited = NULL;
	size_t *comp_src = NULL;
	int rc = ARGMAP_ENOMEM;

	memset(c, 0, sizeof *c);
	c->n = n;
	c->has_evidence = calloc(n + 1, 1);
	c->source = malloc((n + 1) * sizeof *c->source);
	c->n_quoted = calloc(n + 1, 1);
	c->quoted = malloc((n + 1) * AM_COV_MAX_QUOTED * sizeof *c->quoted);
	comp = malloc((n + 1) * sizeof *comp);
	first = calloc(n + 2, sizeof *first);
	members = malloc((n + 1) * sizeof *members);
	fill = malloc((n + 1) * sizeof *fill);
	comp_has = calloc(n + 1, 1);
	comp_src = malloc((n + 1) * sizeof *comp_src);
	cited = calloc(m->nsources + 1, 1);
	if (!c->has_evidence || !c->source || !c->n_quoted || !c->quoted || !comp || !first ||
	    !members || !fill || !comp_has || !comp_src || !cited)
		goto done;
	if (am_map_graph_supports(&g, m) != 0 || am_graph_scc(&g, comp, &ncomp) != 0)
		goto done;
	/* Members of each component, contiguous (counting sort). */
	for (v = 0; v < n; v++)
		first[comp[v] + 1]++;
	for (k = 0; k < ncomp; k++)
		first[k + 1] += first[k];
	for (k = 0; k < ncomp; k++)
		fill[k] = first[k];
	for (v = 0; v < n; v++)
		members[fill[comp[v]]++] = v;
	for (k = 0; k < ncomp; k++) {
		comp_has[k] = 0;
		comp_src[k] = AM_COV_NO_SOURCE;
	}
	/* Tarjan completes a component after every component it reaches, and
	 * arcs run premise -> conclusion: descending component numbers visit
	 * premises before their conclusions, so each value is final when its
	 * component is reached, and is then pushed to the conclusions. */
	for (k = ncomp; k-- > 0;) {
		size_t i, lead;
		if (first[k] == first[k + 1])
			continue; /* never: every component has a member */
		lead = members[first[k]];
		for (i = first[k]; i < first[k + 1]; i++) {
			const argmap_node *nd = &m->nodes[members[i]];
			if (members[i] != lead)
				merge_quoted(c, lead, members[i]);
			if (nd->kind == ARGMAP_NODE_EVIDENCE) {
				evidence_quoted(c, m, members[i]);
				merge_quoted(c, lead, members[i]);
				size_t s = evidence_source(nd);
				comp_has[k] = 1;
				comp_src[k] = merge_source(comp_src[k], s);
				if (s != AM_COV_NO_SOURCE && !cited[s]) {
					cited[s] = 1;
					c->n_evidence_sources++;
				}
			}
		}
		for (i = first[k]; i < first[k + 1]; i++) {
			v = members[i];
			c->has_evidence[v] = comp_has[k];
			c->source[v] = comp_src[k];
			if (v != lead) {
				c->n_quoted[v] = 0;
				merge_quoted(c, v, lead);
			}
			for (e = g.start[v]; e < g.start[v + 1]; e++) {
				size_t w = comp[g.to[e]];
				if (w == k)
					continue;
				merge_quoted(c, members[first[w]], lead);
				comp_has[w] |= comp_has[k];
				comp_src[w] = merge_source(comp_src[w], comp_src[k]);
			}
		}
	}
	rc = 0;
done:
	am_graph_free(&g);
	free(comp);
	free(first);
	free(members);
	free(fill);
	free(comp_has);
	free(comp_src);
	free(cited);
	if (rc != 0)
		am_coverage_free(c);
	return rc;
}

/* ------------------------------------------------------------ checks */

typedef struct cov {
	const argmap_map *m;
	argmap_diags *d;
	am_coverage cv;
	int oom;
} cov;

static size_t note(cov *c, argmap_severity sev, const char *code, argmap_loc l, const char *hint,
                   const char *fmt, ...) AM_PRINTF(6, 7);

static size_t note(cov *c, argmap_severity sev, const char *code, argmap_loc l, const char *hint,
                   const char *fmt, ...)
{
	va_list ap;
	size_t idx;

	va_start(ap, fmt);
	idx = am_diag_v(c->d, sev, code, am_model_path(c->m, l.file), l.line, l.col, hint, fmt, ap);
	va_end(ap);
	if (idx == ARGMAP_NONE)
		c->oom = 1;
	return idx;
}

static const char *nid(const argmap_node *n)
{
	return n->id ? n->id : "?";
}

static int holds(const argmap_node *claim, size_t actor)
{
	size_t i;

	for (i = 0; i < claim->n_by; i++)
		if (claim->by[i].kind == ARGMAP_ITEM_ACTOR && claim->by[i].index == actor)
			return 1;
	return 0;
}

/* AM804: every piece of evidence beneath the claim quotes one of the
 * people who hold it (its speaker, or else its source's authors). Like
 * AM802, only in a debate whose evidence draws on two or more sources: in
 * a map of one article every claim is its authors' or its interviewees'
 * and rests on their words, so the note would only restate the map's
 * scope. */
static void rule_self_quoted(cov *c)
{
	const argmap_map *m = c->m;
	size_t i, j;

	if (c->cv.n_evidence_sources < 2)
		return;
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		size_t nq = c->cv.n_quoted[i];
		const size_t *q = c->cv.quoted + i * AM_COV_MAX_QUOTED;
		am_buf who = {0};
		char *w;
		if (n->kind != ARGMAP_NODE_CLAIM || n->loc.file != 0 || !c->cv.has_evidence[i] ||
		    nq == 0 || nq == AM_COV_Q_OTHER)
			continue;
		for (j = 0; j < nq && holds(n, q[j]); j++)
			;
		if (j < nq)
			continue;
		for (j = 0; j < nq; j++)
			am_buf_printf(&who, "%s'%s'", j ? ", " : "", m->actors[q[j]].id);
		w = am_buf_detach(&who);
		note(c, ARGMAP_SEV_NOTE, "AM804", n->loc,
		     "a holder's own words show that they say it, not that it is so; add evidence "
		     "that quotes someone else, a document or data",
		     "all the evidence beneath claim '%s' quotes those who hold it (%s)", nid(n),
		     w ? w : "?");
		free(w);
	}
}

/* AM801, AM802 (AM802 only in a debate whose evidence draws on two or
 * more sources: in a map of one article, every claim rests on it). */
static void rule_claims(cov *c)
{
	const argmap_map *m = c->m;
	unsigned char *supported = calloc(m->nnodes + 1, 1);
	size_t i;

	if (!supported) {
		c->oom = 1;
		return;
	}
	for (i = 0; i < m->nrelations; i++)
		if (m->relations[i].kind == ARGMAP_REL_SUPPORT &&
		    m->relations[i].to.kind == ARGMAP_ITEM_NODE)
			supported[m->relations[i].to.index] = 1;
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		if (n->kind != ARGMAP_NODE_CLAIM || n->loc.file != 0)
			continue;
		if (!c->cv.has_evidence[i]) {
			int sup = supported[i];
			note(c, ARGMAP_SEV_NOTE, "AM801", n->loc,
			     "quote the passage that backs it as <evidence> and add <support "
			     "from=\"EVIDENCE\" to=\"...\"/>",
			     sup ? "claim '%s' rests on no evidence: none of the claims that "
			           "support "
			           "it has evidence beneath it"
			         : "claim '%s' rests on no evidence: nothing supports it",
			     nid(n));
		} else if (c->cv.source[i] < m->nsources && c->cv.n_evidence_sources > 1) {
			note(c, ARGMAP_SEV_NOTE, "AM802", n->loc,
			     "corroborate it with evidence from another source",
			     "all the evidence beneath claim '%s' comes from one source, '%s'",
			     nid(n), m->sources[c->cv.source[i]].id);
		}
	}
	free(supported);
}

/* AM803: an attack none of whose premises has evidence beneath it. */
static void rule_attacks(cov *c)
{
	const argmap_map *m = c->m;
	size_t i, j;

	for (i = 0; i < m->nrelations; i++) {
		const argmap_relation *r = &m->relations[i];
		int has = 0;
		if ((r->kind != ARGMAP_REL_REBUT && r->kind != ARGMAP_REL_UNDERCUT) ||
		    r->loc.file != 0 || r->n_from == 0)
			continue;
		for (j = 0; j < r->n_from && !has; j++)
			if (r->from[j].kind == ARGMAP_ITEM_NODE &&
			    c->cv.has_evidence[r->from[j].index])
				has = 1;
		if (has)
			continue;
		note(
		    c, ARGMAP_SEV_NOTE, "AM803", r->loc,
		    "back the attacking claim with <evidence>, or quote the passage that makes the "
		    "attack",
		    "%s from '%s' to '%s' rests on no evidence", argmap_relation_kind_name(r->kind),
		    r->from[0].id, r->to.id ? r->to.id : "?");
	}
}

/* AM805. */
static void rule_sources(cov *c)
{
	const argmap_map *m = c->m;
	size_t i;

	for (i = 0; i < m->nsources; i++) {
		const argmap_source *s = &m->sources[i];
		int url = s->url && *s->url, date = s->date && *s->date;
		if (s->loc.file != 0 || (url && date))
			continue;
		note(c, ARGMAP_SEV_NOTE, "AM805", s->loc,
		     !url && !date
		         ? "add url=\"...\" and date=\"YYYY-MM-DD\" so a reader can find it"
		     : !url ? "add url=\"...\" if the source is online, so a reader can find it"
		            : "add date=\"YYYY-MM-DD\" (or YYYY-MM, YYYY)",
		     "source '%s' has %s", s->id,
		     !url && !date ? "neither a url nor a date"
		     : !url        ? "no url"
		                   : "no date");
	}
}

/* ------------------------------------------------- AM806 duplicates */

typedef struct relkey {
	char *key;
	size_t rel;
} relkey;

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_relkey(const void *a, const void *b)
{
	const relkey *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	return r ? r : (x->rel < y->rel ? -1 : x->rel > y->rel);
}

/* "kind\nto\nfrom1 from2 ..." with the premises sorted, or NULL. */
static char *relation_key(const argmap_relation *r)
{
	const char **ids = malloc((r->n_from + 1) * sizeof *ids);
	am_buf b = {0};
	size_t j;

	if (!ids)
		return NULL;
	for (j = 0; j < r->n_from; j++)
		ids[j] = r->from[j].id ? r->from[j].id : "";
	qsort(ids, r->n_from, sizeof *ids, cmp_str_ptr);
	am_buf_printf(&b, "%s\n%s\n", argmap_relation_kind_name(r->kind), r->to.id ? r->to.id : "");
	for (j = 0; j < r->n_from; j++) {
		if (j)
			am_buf_putc(&b, ' ');
		am_buf_puts(&b, ids[j]);
	}
	free(ids);
	return am_buf_detach(&b);
}

static void rule_twice(cov *c)
{
	const argmap_map *m = c->m;
	relkey *keys = calloc(m->nrelations + 1, sizeof *keys);
	size_t i, k = 0;

	if (!keys) {
		c->oom = 1;
		return;
	}
	for (i = 0; i < m->nrelations; i++) {
		keys[k].key = relation_key(&m->relations[i]);
		keys[k].rel = i;
		if (!keys[k].key) {
			c->oom = 1;
			goto done;
		}
		k++;
	}
	/* Sorted by key, then by declaration order: the first of each run is
	 * the original, every later one a repeat. */
	qsort(keys, k, sizeof *keys, cmp_relkey);
	for (i = 1; i < k; i++) {
		size_t first = i, d;
		const argmap_relation *r, *o;
		if (strcmp(keys[i].key, keys[i - 1].key) != 0)
			continue;
		while (first > 0 && strcmp(keys[first - 1].key, keys[i].key) == 0)
			first--;
		r = &m->relations[keys[i].rel];
		o = &m->relations[keys[first].rel];
		if (r->loc.file != 0)
			continue;
		d = note(c, ARGMAP_SEV_WARNING, "AM806", r->loc,
		         "remove one of them, or merge their notes, sources and holders into one",
		         "%s from '%s' to '%s' is declared twice",
		         argmap_relation_kind_name(r->kind), r->n_from ? r->from[0].id : "?",
		         r->to.id ? r->to.id : "?");
		if (d != ARGMAP_NONE &&
		    argmap_diags_add(c->d, ARGMAP_SEV_NOTE, "AM806", am_model_path(m, o->loc.file),
		                     o->loc.line, o->loc.col, "first declared here", NULL,
		                     d) == ARGMAP_NONE)
			c->oom = 1;
	}
done:
	for (i = 0; i < k; i++)
		free(keys[i].key);
	free(keys);
}

int am_check_coverage(const argmap_map *map, argmap_diags *diags)
{
	cov c;

	memset(&c, 0, sizeof c);
	c.m = map;
	c.d = diags;
	rule_twice(&c);
	rule_sources(&c);
	if (map->files[0].kind == ARGMAP_FILE_LIBRARY)
		return c.oom ? -1 : 0;
	if (am_coverage_build(&c.cv, map) != 0)
		return -1;
	rule_claims(&c);
	rule_attacks(&c);
	rule_self_quoted(&c);
	am_coverage_free(&c.cv);
	return c.oom ? -1 : 0;
}

/*
 * stats.c - argmap_stats_compute: counts, per-actor and per-source tallies,
 * top lists, the longest support chain and the coverage lists of a debate.
 * What each number means is in docs/analysis.md. Linear in the debate:
 * every tally is one pass over the items, deduplicated with stamps; the
 * chain is one pass over the support graph in SCC order (model/graph.h);
 * what lies beneath each claim comes from check/coverage.h.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/stats.h"
#include "model/graph.h"
#include "util/am_internal.h"

#define NEW(p, n) ((p) = calloc((n) + 1, sizeof *(p)))

static int is_node(const argmap_ref *r)
{
	return r->kind == ARGMAP_ITEM_NODE && r->index != ARGMAP_NONE;
}

static int is_actor(const argmap_ref *r)
{
	return r->kind == ARGMAP_ITEM_ACTOR && r->index != ARGMAP_NONE;
}

/* ------------------------------------------------------------ counts */

static void count_file(am_stats_counts *c, const argmap_map *m, size_t file)
{
	size_t i, n;

	memset(c, 0, sizeof *c);
	for (i = 0, n = argmap_map_node_count(m); i < n; i++) {
		const argmap_node *x = argmap_map_node(m, i);
		if (file != ARGMAP_NONE && x->loc.file != file)
			continue;
		if (x->kind == ARGMAP_NODE_QUESTION)
			c->questions++;
		else if (x->kind == ARGMAP_NODE_CLAIM)
			c->claims++;
		else
			c->evidence++;
	}
	for (i = 0, n = argmap_map_source_count(m); i < n; i++)
		if (file == ARGMAP_NONE || argmap_map_source(m, i)->loc.file == file)
			c->sources++;
	for (i = 0, n = argmap_map_actor_count(m); i < n; i++)
		if (file == ARGMAP_NONE || argmap_map_actor(m, i)->loc.file == file)
			c->actors++;
	for (i = 0, n = argmap_map_relation_count(m); i < n; i++) {
		const argmap_relation *r = argmap_map_relation(m, i);
		if (file != ARGMAP_NONE && r->loc.file != file)
			continue;
		switch (r->kind) {
		case ARGMAP_REL_SUPPORT:
			c->supports++;
			if (r->n_from > 1)
				c->linked_supports++;
			break;
		case ARGMAP_REL_REBUT: c->rebuts++; break;
		case ARGMAP_REL_UNDERCUT: c->undercuts++; break;
		case ARGMAP_REL_ANSWER: c->answers++; break;
		}
		if (r->basis == ARGMAP_BASIS_EDITOR && (unsigned)r->kind < 4) {
			c->editor[r->kind]++;
			c->editor_links++;
		}
	}
}

/* ------------------------------------------------------ per actor */

/* Counts relation `rel` once for each distinct actor in refs (stamped). */
static void tally(size_t *count, size_t *stamp, size_t rel, const argmap_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_actor(&refs[i]) && stamp[refs[i].index] != rel + 1) {
			stamp[refs[i].index] = rel + 1;
			count[refs[i].index]++;
		}
}

/* Who holds a node: a claim's by=, evidence's speaker. */
static void holders(const argmap_node *n, const argmap_ref **refs, size_t *k)
{
	if (n->kind == ARGMAP_NODE_EVIDENCE) {
		*refs = n->speaker;
		*k = n->speaker ? 1 : 0;
	} else {
		*refs = n->by;
		*k = n->n_by;
	}
}

static void per_actor(argmap_stats *s, const argmap_map *m, size_t *stamp_made, size_t *stamp_recv)
{
	size_t i, j, nn = argmap_map_node_count(m), nr = argmap_map_relation_count(m);

	for (i = 0; i < nn; i++) {
		const argmap_node *n = argmap_map_node(m, i);
		if (n->kind == ARGMAP_NODE_CLAIM)
			tally(s->claims_held, stamp_made, i, n->by, n->n_by);
		else if (n->kind == ARGMAP_NODE_EVIDENCE && n->speaker && is_actor(n->speaker))
			s->quoted[n->speaker->index]++;
	}
	/* the stamps name relations from here on */
	memset(stamp_made, 0, (argmap_map_actor_count(m) + 1) * sizeof *stamp_made);
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(m, i), *t = NULL;
		const argmap_ref *h;
		size_t k;
		if (r->kind != ARGMAP_REL_REBUT && r->kind != ARGMAP_REL_UNDERCUT)
			continue;
		/* made: who draws it, or (no by=) who holds its premises */
		if (r->n_by)
			tally(s->attacks_made, stamp_made, i, r->by, r->n_by);
		else
			for (j = 0; j < r->n_from; j++)
				if (is_node(&r->from[j])) {
					holders(argmap_map_node(m, r->from[j].index), &h, &k);
					tally(s->attacks_made, stamp_made, i, h, k);
				}
		/* received: who holds the claim attacked (an undercut: the claim
		 * whose support it attacks) */
		if (r->kind == ARGMAP_REL_UNDERCUT)
			t = am_map_undercut_target(m, r);
		if (r->kind == ARGMAP_REL_REBUT && is_node(&r->to)) {
			holders(argmap_map_node(m, r->to.index), &h, &k);
			tally(s->attacks_received, stamp_recv, i, h, k);
		} else if (t && is_node(&t->to)) {
			holders(argmap_map_node(m, t->to.index), &h, &k);
			tally(s->attacks_received, stamp_recv, i, h, k);
		}
	}
}

/* Evidence cited for an actor's claims: distinct evidence that directly
 * supports a claim they hold, over the support graph's arcs. */
static void evidence_cited(argmap_stats *s, const argmap_map *m, const am_graph *g, size_t *stamp)
{
	size_t e, a;

	for (e = 0; e < g->n; e++) {
		if (argmap_map_node(m, e)->kind != ARGMAP_NODE_EVIDENCE)
			continue;
		for (a = g->start[e]; a < g->start[e + 1]; a++) {
			const argmap_node *c = argmap_map_node(m, g->to[a]);
			if (c->kind == ARGMAP_NODE_CLAIM)
				tally(s->evidence_cited, stamp, e, c->by, c->n_by);
		}
	}
}

/* ------------------------------------------------ graph-wide results */

/* The longest chain of supports: longest path of the support graph, in
 * SCC order (descending component numbers visit premises first; arcs
 * inside a component, i.e. a cycle, are not followed). */
static int longest_chain(argmap_stats *s, const am_graph *g)
{
	size_t n = g->n, *comp = NULL, *order = NULL, *cnt = NULL, *dist = NULL, *pred = NULL;
	size_t ncomp = 0, v, k, e, best = ARGMAP_NONE, len;
	int rc = ARGMAP_ENOMEM;

	NEW(comp, n);
	NEW(order, n);
	NEW(cnt, n + 1);
	NEW(dist, n);
	NEW(pred, n);
	if (!comp || !order || !cnt || !dist || !pred || am_graph_scc(g, comp, &ncomp) != 0)
		goto done;
	/* vertices by descending component (counting sort) */
	for (v = 0; v < n; v++)
		cnt[ncomp - 1 - comp[v] + 1]++;
	for (k = 0; k < ncomp; k++)
		cnt[k + 1] += cnt[k];
	for (v = 0; v < n; v++)
		order[cnt[ncomp - 1 - comp[v]]++] = v;
	for (v = 0; v < n; v++)
		pred[v] = ARGMAP_NONE;
	for (k = 0; k < n; k++) {
		v = order[k];
		for (e = g->start[v]; e < g->start[v + 1]; e++) {
			size_t w = g->to[e];
			if (comp[w] != comp[v] && dist[v] + 1 > dist[w]) {
				dist[w] = dist[v] + 1;
				pred[w] = v;
			}
		}
	}
	for (v = 0; v < n; v++)
		if (dist[v] > 0 && (best == ARGMAP_NONE || dist[v] > dist[best]))
			best = v;
	rc = 0;
	if (best == ARGMAP_NONE)
		goto done;
	len = dist[best] + 1;
	if (!NEW(s->chain, len)) {
		rc = ARGMAP_ENOMEM;
		goto done;
	}
	s->chain_len = len;
	for (v = best, k = len; k-- > 0; v = pred[v])
		s->chain[k] = v;
done:
	free(comp);
	free(order);
	free(cnt);
	free(dist);
	free(pred);
	return rc;
}

/* Up to AM_STATS_TOP claims with the highest non-zero count. */
static size_t top(const argmap_map *m, const size_t *count, size_t *out)
{
	size_t k, i, n = argmap_map_node_count(m);

	for (k = 0; k < AM_STATS_TOP; k++) {
		size_t best = ARGMAP_NONE;
		for (i = 0; i < n; i++) {
			size_t j;
			if (argmap_map_node(m, i)->kind != ARGMAP_NODE_CLAIM || count[i] == 0)
				continue;
			for (j = 0; j < k && out[j] != i; j++)
				;
			if (j < k)
				continue;
			if (best == ARGMAP_NONE || count[i] > count[best])
				best = i;
		}
		if (best == ARGMAP_NONE)
			break;
		out[k] = best;
	}
	return k;
}

static void relation_tallies(argmap_stats *s, const argmap_map *m)
{
	size_t i, nr = argmap_map_relation_count(m);

	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(m, i), *t;
		if (r->kind == ARGMAP_REL_SUPPORT && is_node(&r->to))
			s->supports_in[r->to.index]++;
		else if (r->kind == ARGMAP_REL_REBUT && is_node(&r->to))
			s->attacks_in[r->to.index]++;
		else if ((t = am_map_undercut_target(m, r)) != NULL && is_node(&t->to))
			s->attacks_in[t->to.index]++;
		else if (r->kind == ARGMAP_REL_ANSWER && is_node(&r->to) &&
		         argmap_map_node(m, r->to.index)->kind == ARGMAP_NODE_QUESTION &&
		         (unsigned)r->stance < 4)
			s->answers[r->to.index][r->stance]++;
	}
}

static void sources_tallies(argmap_stats *s, const argmap_map *m, size_t *stamp)
{
	size_t i, j, nn = argmap_map_node_count(m);

	for (i = 0; i < nn; i++) {
		const argmap_node *n = argmap_map_node(m, i);
		for (j = 0; j < n->n_sources; j++) {
			const argmap_ref *r = &n->sources[j];
			if (r->kind != ARGMAP_ITEM_SOURCE || r->index == ARGMAP_NONE ||
			    stamp[r->index] == i + 1)
				continue;
			stamp[r->index] = i + 1;
			if (n->kind == ARGMAP_NODE_CLAIM)
				s->source_claims[r->index]++;
			else if (n->kind == ARGMAP_NODE_EVIDENCE)
				s->source_quotes[r->index]++;
		}
	}
}

static int claim_lists(argmap_stats *s, const argmap_map *m, const am_coverage *cv)
{
	size_t i, nn = argmap_map_node_count(m), ns = argmap_map_source_count(m);

	if (!NEW(s->unsupported, nn) || !NEW(s->no_evidence, nn) || !NEW(s->single_source, nn) ||
	    !NEW(s->single_source_of, nn))
		return ARGMAP_ENOMEM;
	for (i = 0; i < nn; i++) {
		if (argmap_map_node(m, i)->kind != ARGMAP_NODE_CLAIM)
			continue;
		if (!s->supports_in[i])
			s->unsupported[s->n_unsupported++] = i;
		if (!cv->has_evidence[i])
			s->no_evidence[s->n_no_evidence++] = i;
		else if (cv->source[i] < ns) {
			s->single_source[s->n_single_source] = i;
			s->single_source_of[s->n_single_source++] = cv->source[i];
		}
	}
	return 0;
}

/* ------------------------------------------------------------ entry */

void argmap_stats_free(argmap_stats *s)
{
	if (!s)
		return;
	free(s->per_file);
	free(s->claims_held);
	free(s->attacks_made);
	free(s->attacks_received);
	free(s->evidence_cited);
	free(s->quoted);
	free(s->source_claims);
	free(s->source_quotes);
	free(s->supports_in);
	free(s->attacks_in);
	free(s->answers);
	free(s->chain);
	free(s->unsupported);
	free(s->no_evidence);
	free(s->single_source);
	free(s->single_source_of);
	free(s);
}

int argmap_stats_compute(const argmap_map *m, argmap_stats **out)
{
	argmap_stats *s;
	am_graph g = {0};
	am_coverage cv = {0};
	size_t nf, na, ns, nn, f, *st1 = NULL, *st2 = NULL, *st3 = NULL;
	int rc = ARGMAP_ENOMEM;

	if (!m || !out)
		return am_fail(ARGMAP_EARG, "argmap_stats_compute: NULL argument");
	*out = NULL;
	nf = argmap_map_file_count(m);
	na = argmap_map_actor_count(m);
	ns = argmap_map_source_count(m);
	nn = argmap_map_node_count(m);
	if (!(s = calloc(1, sizeof *s)))
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	s->map = m;
	if (!NEW(s->per_file, nf) || !NEW(s->claims_held, na) || !NEW(s->attacks_made, na) ||
	    !NEW(s->attacks_received, na) || !NEW(s->evidence_cited, na) || !NEW(s->quoted, na) ||
	    !NEW(s->source_claims, ns) || !NEW(s->source_quotes, ns) || !NEW(s->supports_in, nn) ||
	    !NEW(s->attacks_in, nn) || !NEW(s->answers, nn) || !NEW(st1, na) || !NEW(st2, na) ||
	    !NEW(st3, ns > nn ? ns : nn))
		goto done;
	count_file(&s->total, m, ARGMAP_NONE);
	for (f = 0; f < nf; f++)
		count_file(&s->per_file[f], m, f);
	relation_tallies(s, m);
	per_actor(s, m, st1, st2);
	sources_tallies(s, m, st3);
	memset(st1, 0, (na + 1) * sizeof *st1);
	if (am_map_graph_supports(&g, m) != 0)
		goto done;
	evidence_cited(s, m, &g, st1);
	if (longest_chain(s, &g) != 0 || am_coverage_build(&cv, m) != 0 ||
	    claim_lists(s, m, &cv) != 0)
		goto done;
	s->n_most_attacked = top(m, s->attacks_in, s->most_attacked);
	s->n_most_supported = top(m, s->supports_in, s->most_supported);
	rc = 0;
done:
	am_graph_free(&g);
	am_coverage_free(&cv);
	free(st1);
	free(st2);
	free(st3);
	if (rc != 0) {
		argmap_stats_free(s);
		return am_fail(rc, "out of memory");
	}
	*out = s;
	return 0;
}

/*
 * fastlayout.c - a near-linear layered layout for huge maps: ranks and
 * order (fastplace.c gives coordinates and routes).
 *
 * Graphviz 2.42's dot is superlinear on large graphs (measured on the
 * synthetic maps: 1,000 claims 0.6 s, 5,000 claims 13 s of CPU), mostly in
 * network simplex. Above a size threshold argmap places the nodes itself
 * and Graphviz draws them (gv_fast.c), the classic way (Sugiyama et al.):
 *
 *  1. ranks: longest path from the top over the constraint edges (a DFS
 *     drops the edges that close a cycle), so every premise sits below its
 *     conclusion and questions are on top;
 *  2. every edge longer than one rank gets a virtual node on each rank it
 *     crosses (at most 4 (n + m) + 64 of them; edges past the cap are
 *     drawn straight), so that its route can pass between the boxes; an
 *     edge within one rank gets one on the next rank (a dip), so that the
 *     ordering weighs the crossings of its route round the boxes between;
 *  3. order within a rank (fastorder.c): dot's median sweeps with
 *     transpose, then sifting;
 *  4. x (fastplace.c): per rank, each node as near the weighted median of
 *     its neighbours as order and spacing allow (pool-adjacent-violators,
 *     linear), swept down and up; y: ranks stacked with the tallest node
 *     of each; routes through the virtual nodes, clear of the boxes.
 *
 * Pure C: no Graphviz types; gv_fast.c feeds it sizes and edges.
 */
#include <stdlib.h>
#include <string.h>

#include "argmap/common.h"
#include "render/fastlayers.h"
#include "render/fastlayout.h"

#define CROSS_PULL 0.25  /* weight of edges that do not rank, in x */
#define DIP ((size_t)-1) /* a flat edge, while the segments are counted */

void am_fast_layers_free(am_layers *L)
{
	free(L->rank);
	free(L->order);
	free(L->rstart);
	free(L->pos);
	free(L->sa);
	free(L->sb);
	free(L->sw);
	free(L->light);
	am_graph_free(&L->down);
	am_graph_free(&L->up);
	free(L->vfirst);
	free(L->vcount);
	free(L->flip);
	memset(L, 0, sizeof *L);
}

/* 1. longest-path ranks over the constraint edges without the arcs that
 * close a cycle; rank[] has n entries, zeroed. */
static int make_ranks(size_t n, size_t m, const size_t *from, const size_t *to,
                      const unsigned char *constraint, size_t *rank)
{
	am_graph out = {0};
	unsigned char *use = malloc(m + 1), *back = NULL;
	size_t *key = malloc((n + 1) * sizeof *key), *indeg = calloc(n + 1, sizeof *indeg);
	size_t *queue = malloc((n + 1) * sizeof *queue), i, k, head = 0, tail = 0;
	int rc = ARGMAP_ENOMEM;

	if (!use || !key || !indeg || !queue)
		goto out;
	for (i = 0; i < m; i++)
		use[i] = (constraint ? constraint[i] : 1) && from[i] != to[i];
	if (am_graph_from_arrays(&out, n, m, from, to, use) != 0)
		goto out;
	back = malloc(out.m + 1);
	if (!back || am_graph_dfs(&out, NULL, key, back) != 0)
		goto out;
	for (i = 0; i < n; i++)
		for (k = out.start[i]; k < out.start[i + 1]; k++)
			if (!back[k])
				indeg[out.to[k]]++;
	for (i = 0; i < n; i++)
		if (!indeg[i])
			queue[tail++] = i;
	while (head < tail) {
		size_t v = queue[head++];
		for (k = out.start[v]; k < out.start[v + 1]; k++) {
			size_t t = out.to[k];
			if (back[k])
				continue;
			if (rank[t] < rank[v] + 1)
				rank[t] = rank[v] + 1;
			if (--indeg[t] == 0)
				queue[tail++] = t;
		}
	}
	rc = 0;
out:
	am_graph_free(&out);
	free(use);
	free(back);
	free(key);
	free(indeg);
	free(queue);
	return rc;
}

/* 2. virtual nodes and segments (rank[] grows to hold the virtual nodes) */
static size_t span_of(const size_t *rank, size_t a, size_t b)
{
	return rank[a] > rank[b] ? rank[a] - rank[b] : rank[b] - rank[a];
}

static int make_segments(am_layers *L, const size_t *from, const size_t *to,
                         const unsigned char *constraint, size_t budget)
{
	size_t e, k, nv = L->n, ns = 0, extra = 0;

	L->vfirst = calloc(L->m + 1, sizeof *L->vfirst);
	L->vcount = calloc(L->m + 1, sizeof *L->vcount);
	L->flip = calloc(L->m + 1, 1);
	if (!L->vfirst || !L->vcount || !L->flip)
		return ARGMAP_ENOMEM;
	/* count first: vcount[e] is the span of each edge kept, 0 for those
	 * over the cap (drawn straight, outside the ordering), DIP for a flat
	 * edge: it dips to a virtual node on the next rank (the one before on
	 * the last rank), so that the ordering weighs its crossings too */
	for (e = 0; e < L->m; e++) {
		size_t s = span_of(L->rank, from[e], to[e]), flat = s == 0;
		if (s > 1 && extra + (s - 1) > budget)
			s = 0;
		L->vcount[e] = s;
		if (s) {
			extra += s - 1;
			ns += s;
		} else if (flat && from[e] != to[e] && L->nranks > 1 && extra + 1 <= budget) {
			L->vcount[e] = DIP;
			extra++;
			ns += 2;
		}
	}
	{
		size_t *r = realloc(L->rank, (L->n + extra + 1) * sizeof *r);
		if (!r)
			return ARGMAP_ENOMEM;
		L->rank = r;
	}
	L->sa = malloc((ns + 1) * sizeof *L->sa);
	L->sb = malloc((ns + 1) * sizeof *L->sb);
	L->sw = malloc((ns + 1) * sizeof *L->sw);
	L->light = malloc(ns + 1);
	if (!L->sa || !L->sb || !L->sw || !L->light)
		return ARGMAP_ENOMEM;
	ns = 0;
	for (e = 0; e < L->m; e++) {
		size_t up = from[e], low = to[e], s = L->vcount[e], prev;
		/* an edge that does not rank pulls less: the tree's own edges
		 * decide where a subtree sits */
		double f = constraint && !constraint[e] ? CROSS_PULL : 1;
		if (L->rank[up] > L->rank[low]) {
			up = to[e];
			low = from[e];
			L->flip[e] = 1;
		}
		L->vfirst[e] = nv;
		L->vcount[e] = 0;
		if (s == DIP) {
			size_t r = L->rank[up];
			int below = r + 1 < L->nranks;
			L->rank[nv] = below ? r + 1 : r - 1;
			L->sa[ns] = below ? up : nv;
			L->sb[ns] = below ? nv : up;
			L->sw[ns++] = f;
			L->sa[ns] = below ? low : nv;
			L->sb[ns] = below ? nv : low;
			L->sw[ns++] = f;
			L->vcount[e] = 1;
			nv++;
			continue;
		}
		if (s == 0)
			continue;
		prev = up;
		for (k = 1; k < s; k++) {
			L->rank[nv] = L->rank[up] + k;
			L->sa[ns] = prev;
			L->sb[ns] = nv;
			L->sw[ns++] = f * (prev == up ? 2 : 8);
			prev = nv++;
		}
		L->vcount[e] = s - 1;
		L->sa[ns] = prev;
		L->sb[ns] = low;
		L->sw[ns++] = f * (prev == up ? 1 : 2);
	}
	L->nv = nv;
	L->ns = ns;
	for (e = 0, k = 0; e < L->m; e++) {
		size_t c = L->vcount[e] + 1, span = span_of(L->rank, from[e], to[e]);
		if (span == 0 ? L->vcount[e] == 0 : span > 1 && L->vcount[e] == 0)
			continue; /* no segments */
		if (span == 0)
			c = 2;
		for (; c > 0; c--)
			L->light[k++] = constraint && !constraint[e];
	}
	if (am_graph_from_arrays(&L->down, nv, ns, L->sa, L->sb, NULL) != 0 ||
	    am_graph_from_arrays(&L->up, nv, ns, L->sb, L->sa, NULL) != 0)
		return ARGMAP_ENOMEM;
	return 0;
}

int am_fast_layers_build(am_layers *L, size_t n, size_t m, const size_t *from, const size_t *to,
                         const unsigned char *constraint)
{
	size_t i, max_rank = 0;
	int rc;

	memset(L, 0, sizeof *L);
	L->n = n;
	L->m = m;
	L->rank = calloc(n + 1, sizeof *L->rank);
	if (!L->rank)
		return ARGMAP_ENOMEM;
	rc = make_ranks(n, m, from, to, constraint, L->rank);
	for (i = 0; i < n; i++)
		if (L->rank[i] > max_rank)
			max_rank = L->rank[i];
	L->nranks = n ? max_rank + 1 : 0;
	if (rc == 0)
		rc = make_segments(L, from, to, constraint, 4 * (n + m) + 64);
	if (rc == 0)
		rc = am_fast_order(L, from, to);
	if (rc != 0)
		am_fast_layers_free(L);
	return rc;
}

void am_fast_routes_free(am_fast_routes *r)
{
	free(r->start);
	free(r->pts);
	r->start = NULL;
	r->pts = NULL;
}

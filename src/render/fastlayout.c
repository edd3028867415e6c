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
 *     drawn straight), so that its route can pass between the boxes;
 *  3. order within a rank: first the order in which a depth-first walk
 *     from the top nodes reaches each node (subtrees stay together), then
 *     barycenter sweeps down and up, keeping the order with the fewest
 *     crossings (counted exactly with a Fenwick tree, O(s log n) for s
 *     segments);
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

#define SWEEP_ROUNDS 6      /* down + up pairs of the crossing reduction */
#define TRANSPOSE_PASSES 4  /* adjacent-exchange passes after each sweep */
#define CROSS_PULL 0.25     /* weight of edges that do not rank, in x */
#define TRANSPOSE_WORK 1024 /* largest deg(u) deg(v) a pair is weighed at */

void am_fast_layers_free(am_layers *L)
{
	free(L->rank);
	free(L->order);
	free(L->rstart);
	free(L->pos);
	free(L->sa);
	free(L->sb);
	free(L->sw);
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
	size_t e, nv = L->n, ns = 0, extra = 0;

	L->vfirst = calloc(L->m + 1, sizeof *L->vfirst);
	L->vcount = calloc(L->m + 1, sizeof *L->vcount);
	L->flip = calloc(L->m + 1, 1);
	if (!L->vfirst || !L->vcount || !L->flip)
		return ARGMAP_ENOMEM;
	/* count first: vcount[e] is the span of each edge kept, 0 for flat
	 * edges and for those over the cap (drawn straight, outside the
	 * ordering) */
	for (e = 0; e < L->m; e++) {
		size_t s = span_of(L->rank, from[e], to[e]);
		if (s > 1 && extra + (s - 1) > budget)
			s = 0;
		L->vcount[e] = s;
		if (s) {
			extra += s - 1;
			ns += s;
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
	if (!L->sa || !L->sb || !L->sw)
		return ARGMAP_ENOMEM;
	ns = 0;
	for (e = 0; e < L->m; e++) {
		size_t up = from[e], low = to[e], s = L->vcount[e], k, prev;
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
	if (am_graph_from_arrays(&L->down, nv, ns, L->sa, L->sb, NULL) != 0 ||
	    am_graph_from_arrays(&L->up, nv, ns, L->sb, L->sa, NULL) != 0)
		return ARGMAP_ENOMEM;
	return 0;
}

/* ---------------------------------------------------------- 3. order */

typedef struct keyed {
	double key;
	size_t tie, v;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *p = a, *q = b;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->tie < q->tie ? -1 : p->tie > q->tie;
}

/* Sorts rank r by key[] (ties: the current order) and renumbers pos. */
static void sort_rank(am_layers *L, size_t r, const double *key, keyed *tmp)
{
	size_t i, a = L->rstart[r], b = L->rstart[r + 1];

	for (i = a; i < b; i++) {
		tmp[i - a].key = key[L->order[i]];
		tmp[i - a].tie = i;
		tmp[i - a].v = L->order[i];
	}
	qsort(tmp, b - a, sizeof *tmp, cmp_keyed);
	for (i = a; i < b; i++) {
		L->order[i] = tmp[i - a].v;
		L->pos[L->order[i]] = i;
	}
}

static int cmp_size(const void *a, const void *b)
{
	size_t p = *(const size_t *)a, q = *(const size_t *)b;
	return p < q ? -1 : p > q;
}

/* insertion sort for the usual few neighbours, qsort for hubs */
static void sort_small(size_t *a, size_t d)
{
	size_t j;

	if (d > 16) {
		qsort(a, d, sizeof *a, cmp_size);
		return;
	}
	for (j = 1; j < d; j++) {
		size_t t = a[j], q = j;
		while (q > 0 && a[q - 1] > t) {
			a[q] = a[q - 1];
			q--;
		}
		a[q] = t;
	}
}

/* Crossings between rank r and r + 1: the segments in the order of their
 * upper ends (then lower), counted as inversions of their lower ends. */
static size_t cross_between(const am_layers *L, size_t r, size_t *fen, size_t *buf)
{
	size_t i, k, base = L->rstart[r + 1], size = L->rstart[r + 2] - base, seen = 0, c = 0;

	memset(fen, 0, (size + 1) * sizeof *fen);
	for (i = L->rstart[r]; i < L->rstart[r + 1]; i++) {
		size_t v = L->order[i], d = 0, j;
		for (k = L->down.start[v]; k < L->down.start[v + 1]; k++)
			buf[d++] = L->pos[L->down.to[k]] - base;
		sort_small(buf, d); /* ties do not cross */
		for (j = 0; j < d; j++) {
			size_t p = buf[j] + 1, le = 0, q;
			for (q = p; q > 0; q -= q & (~q + 1))
				le += fen[q];
			c += seen - le;
			for (q = p; q <= size; q += q & (~q + 1))
				fen[q]++;
			seen++;
		}
	}
	return c;
}

static size_t count_crossings(const am_layers *L, size_t *fen, size_t *buf)
{
	size_t r, c = 0;

	for (r = 0; r + 1 < L->nranks; r++)
		c += cross_between(L, r, fen, buf);
	return c;
}

/* One sweep: each rank (after the first) sorted by the mean place of its
 * neighbours in the rank before (the barycenter; measured on the
 * generated maps it beat the median); a node without any keeps its slot,
 * and the others are sorted into the remaining slots. */
static void sweep(am_layers *L, int down, keyed *tmp)
{
	size_t step, i, k;

	for (step = 1; step < L->nranks; step++) {
		size_t r = down ? step : L->nranks - 1 - step, a = L->rstart[r],
		       b = L->rstart[r + 1];
		const am_graph *g = down ? &L->up : &L->down;
		size_t moving = 0, j = 0;
		for (i = a; i < b; i++) {
			size_t v = L->order[i], d = g->start[v + 1] - g->start[v];
			double sum = 0;
			if (!d)
				continue;
			for (k = g->start[v]; k < g->start[v + 1]; k++)
				sum += (double)L->pos[g->to[k]];
			tmp[moving].key = sum / (double)d;
			tmp[moving].tie = i;
			tmp[moving++].v = v;
		}
		qsort(tmp, moving, sizeof *tmp, cmp_keyed);
		for (i = a; i < b && j < moving; i++) {
			size_t v = L->order[i];
			if (g->start[v + 1] == g->start[v])
				continue; /* fixed */
			L->order[i] = tmp[j++].v;
			L->pos[L->order[i]] = i;
		}
	}
}

static size_t degree(const am_graph *g, size_t v)
{
	return g->start[v + 1] - g->start[v];
}

/* Crossings among the segments of u and v (on one side, g) when u is
 * left of v. */
static size_t pair_cross(const am_layers *L, const am_graph *g, size_t u, size_t v)
{
	size_t a, b, c = 0;

	for (a = g->start[u]; a < g->start[u + 1]; a++)
		for (b = g->start[v]; b < g->start[v + 1]; b++)
			c += L->pos[g->to[a]] > L->pos[g->to[b]];
	return c;
}

/* Adjacent exchanges that lower the crossings on both sides of a rank,
 * until none does (at most `passes` passes). Weighing a pair costs
 * deg(u) deg(v) on each side; pairs over TRANSPOSE_WORK are left as they
 * are, so a pass is linear in the nodes. */
static void transpose(am_layers *L, int passes)
{
	int pass, changed = 1;

	for (pass = 0; pass < passes && changed; pass++) {
		size_t r, i;
		changed = 0;
		for (r = 0; r < L->nranks; r++)
			for (i = L->rstart[r]; i + 1 < L->rstart[r + 1]; i++) {
				size_t u = L->order[i], v = L->order[i + 1], now, then;
				if (degree(&L->down, u) * degree(&L->down, v) > TRANSPOSE_WORK ||
				    degree(&L->up, u) * degree(&L->up, v) > TRANSPOSE_WORK)
					continue;
				now = pair_cross(L, &L->down, u, v) + pair_cross(L, &L->up, u, v);
				then = pair_cross(L, &L->down, v, u) + pair_cross(L, &L->up, v, u);
				if (then < now) {
					L->order[i] = v;
					L->order[i + 1] = u;
					L->pos[v] = i;
					L->pos[u] = i + 1;
					changed = 1;
				}
			}
	}
}

static int make_order(am_layers *L, const size_t *from, const size_t *to)
{
	am_graph all_out = {0}, all_in = {0};
	unsigned char *top = calloc(L->n + 1, 1);
	size_t *dfs = malloc((L->n + 1) * sizeof *dfs), *best = NULL, *fen = NULL, *buf = NULL;
	double *key = malloc((L->nv + 1) * sizeof *key);
	keyed *tmp = malloc((L->nv + 1) * sizeof *tmp);
	size_t i, e, r, maxdeg = 1, best_c, c;
	int rc = ARGMAP_ENOMEM, round;

	L->order = malloc((L->nv + 1) * sizeof *L->order);
	L->pos = malloc((L->nv + 1) * sizeof *L->pos);
	L->rstart = calloc(L->nranks + 2, sizeof *L->rstart);
	best = malloc((L->nv + 1) * sizeof *best);
	fen = malloc((L->nv + 2) * sizeof *fen);
	if (!top || !dfs || !key || !tmp || !L->order || !L->pos || !L->rstart || !best || !fen)
		goto out;
	if (am_graph_from_arrays(&all_out, L->n, L->m, from, to, NULL) != 0 ||
	    am_graph_from_arrays(&all_in, L->n, L->m, to, from, NULL) != 0)
		goto out;
	for (i = 0; i < L->n; i++)
		top[i] = all_in.start[i + 1] == all_in.start[i];
	if (am_graph_dfs(&all_out, top, dfs, NULL) != 0)
		goto out;
	/* first order: real nodes by first reach; a long edge's virtual
	 * nodes just before its lower end, so that it comes down beside it */
	for (i = 0; i < L->n; i++)
		key[i] = (double)dfs[i];
	for (e = 0; e < L->m; e++) {
		size_t low = L->flip[e] ? from[e] : to[e];
		for (i = 0; i < L->vcount[e]; i++)
			key[L->vfirst[e] + i] = (double)dfs[low] - 0.5;
	}
	for (i = 0; i < L->nv; i++)
		L->rstart[L->rank[i] + 1]++;
	for (r = 0; r < L->nranks; r++)
		L->rstart[r + 1] += L->rstart[r];
	{
		size_t *fill = best; /* scratch until the sweeps */
		memcpy(fill, L->rstart, L->nranks * sizeof *fill);
		for (i = 0; i < L->nv; i++) {
			L->order[fill[L->rank[i]]] = i;
			L->pos[i] = fill[L->rank[i]]++;
		}
	}
	for (r = 0; r < L->nranks; r++)
		sort_rank(L, r, key, tmp);
	for (i = 0; i < L->nv; i++) {
		size_t d = degree(&L->down, i);
		if (d > maxdeg)
			maxdeg = d;
	}
	buf = malloc(maxdeg * sizeof *buf);
	if (!buf)
		goto out;
	best_c = count_crossings(L, fen, buf);
	memcpy(best, L->order, L->nv * sizeof *best);
	for (round = 0; round < 2 * SWEEP_ROUNDS && best_c > 0; round++) {
		sweep(L, round % 2 == 0, tmp);
		transpose(L, TRANSPOSE_PASSES);
		c = count_crossings(L, fen, buf);
		if (c < best_c) {
			best_c = c;
			memcpy(best, L->order, L->nv * sizeof *best);
		}
	}
	memcpy(L->order, best, L->nv * sizeof *best);
	for (i = 0; i < L->nv; i++)
		L->pos[L->order[i]] = i;
	rc = 0;
out:
	am_graph_free(&all_out);
	am_graph_free(&all_in);
	free(top);
	free(dfs);
	free(key);
	free(tmp);
	free(best);
	free(fen);
	free(buf);
	return rc;
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
		rc = make_order(L, from, to);
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

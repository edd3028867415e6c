/*
 * fastlayout.c - a linear-time layered layout for huge maps.
 *
 * Graphviz 2.42's dot is superlinear on large graphs (measured on the
 * synthetic maps: 1,000 claims 0.6 s, 2,000 claims 2.1 s, 5,000 claims
 * 13 s of CPU), mostly in network simplex. Argument maps are nearly trees,
 * so above a size threshold argmap places the nodes itself and lets
 * Graphviz's "nop" engine draw them (straight edges):
 *
 *  1. ranks: longest path from the top over the constraint edges (a DFS
 *     drops the edges that close a cycle), so every premise sits below its
 *     conclusion and questions are on top;
 *  2. order within a rank: the order in which a depth-first walk from the
 *     top nodes (in creation order) first reaches each node, which keeps
 *     every subtree together;
 *  3. x: each rank packed left to right, then a few sweeps that pull each
 *     node towards the mean x of its neighbours in the rank above (going
 *     down) or below (going up), keeping order and spacing;
 *  4. y: ranks stacked with the tallest node of each and a fixed gap.
 *
 * Pure C: no Graphviz types; gv.c feeds it sizes and edges.
 */
#include <stdlib.h>
#include <string.h>

#include "model/graph.h"
#include "render/fastlayout.h"

/* Places nodes [start, end) of one rank (in `order`) as close to want[] as
 * their order and spacing allow: the mean of a left-to-right pass (each
 * node at its wish or pushed right) and a right-to-left pass (at its wish
 * or pushed left). Both keep the spacing, so their mean does too. */
static void place_rank(const size_t *order, size_t start, size_t end, const double *w,
                       const double *want, double *x, double *tmp, double sep)
{
	size_t i;

	for (i = start; i < end; i++) {
		size_t v = order[i];
		double lo = i > start ? tmp[i - 1] + (w[order[i - 1]] + w[v]) / 2 + sep : want[v];
		tmp[i] = want[v] > lo ? want[v] : lo;
	}
	for (i = end; i-- > start;) {
		size_t v = order[i];
		double hi =
		    i + 1 < end ? x[order[i + 1]] - (w[order[i + 1]] + w[v]) / 2 - sep : want[v];
		x[v] = want[v] < hi ? want[v] : hi;
	}
	for (i = start; i < end; i++)
		x[order[i]] = (x[order[i]] + tmp[i]) / 2;
}

int am_fast_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                   const size_t *to, const unsigned char *constraint, double nodesep,
                   double ranksep, double *x, double *y)
{
	am_graph out = {0}, all_out = {0}, all_in = {0};
	unsigned char *use = NULL, *back = NULL, *top_node = NULL;
	size_t *rank = NULL, *key = NULL, *bykey = NULL, *order = NULL, *indeg = NULL;
	size_t *rstart = NULL, *queue = NULL;
	double *want = NULL, *rank_h = NULL, *tmp = NULL;
	size_t i, k, max_rank = 0;
	int rc = ARGMAP_ENOMEM, pass;

	if (n == 0)
		return 0;
	use = malloc(m + 1);
	top_node = calloc(n + 1, 1);
	rank = calloc(n + 1, sizeof *rank);
	key = malloc((n + 1) * sizeof *key);
	bykey = malloc((n + 1) * sizeof *bykey);
	order = malloc((n + 1) * sizeof *order);
	indeg = calloc(n + 1, sizeof *indeg);
	queue = malloc((n + 1) * sizeof *queue);
	want = malloc((n + 1) * sizeof *want);
	tmp = malloc((n + 1) * sizeof *tmp);
	if (!use || !top_node || !rank || !key || !bykey || !order || !indeg || !queue || !want ||
	    !tmp)
		goto out;
	for (i = 0; i < m; i++)
		use[i] = constraint ? constraint[i] : 1;
	if (am_graph_from_arrays(&out, n, m, from, to, use) != 0)
		goto out;
	back = malloc(out.m + 1);
	if (!back)
		goto out;

	/* 1a. drop the constraint edges that close a cycle */
	if (am_graph_dfs(&out, NULL, key, back) != 0)
		goto out;
	/* 1b. longest-path ranks in topological order (Kahn) */
	for (i = 0; i < n; i++)
		for (k = out.start[i]; k < out.start[i + 1]; k++)
			if (!back[k])
				indeg[out.to[k]]++;
	{
		size_t head = 0, tail = 0;
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
	}
	for (i = 0; i < n; i++)
		if (rank[i] > max_rank)
			max_rank = rank[i];

	/* 2. order: by rank, then by first reach in a DFS over all edges
	 *    that starts from the nodes nothing points at */
	if (am_graph_from_arrays(&all_out, n, m, from, to, NULL) != 0 ||
	    am_graph_from_arrays(&all_in, n, m, to, from, NULL) != 0)
		goto out;
	for (i = 0; i < n; i++)
		top_node[i] = all_in.start[i + 1] == all_in.start[i];
	if (am_graph_dfs(&all_out, top_node, key, NULL) != 0)
		goto out;
	rstart = calloc(max_rank + 2, sizeof *rstart);
	rank_h = calloc(max_rank + 1, sizeof *rank_h);
	if (!rstart || !rank_h)
		goto out;
	for (i = 0; i < n; i++) {
		rstart[rank[i] + 1]++;
		if (h[i] > rank_h[rank[i]])
			rank_h[rank[i]] = h[i];
	}
	for (k = 0; k <= max_rank; k++)
		rstart[k + 1] += rstart[k];
	/* keys are a permutation: a counting sort by rank of the nodes in key
	 * order sorts by (rank, key) in linear time */
	for (i = 0; i < n; i++)
		bykey[key[i]] = i;
	for (i = 0; i < n; i++) {
		size_t v = bykey[i];
		order[rstart[rank[v]]++] = v;
	}
	for (k = max_rank + 1; k > 0; k--)
		rstart[k] = rstart[k - 1];
	rstart[0] = 0;

	/* 3. x: pack, then pull towards neighbours (down, up, down, up) */
	for (k = 0; k <= max_rank; k++) {
		double cur = 0;
		for (i = rstart[k]; i < rstart[k + 1]; i++) {
			size_t v = order[i];
			if (i > rstart[k])
				cur += (w[order[i - 1]] + w[v]) / 2 + nodesep;
			x[v] = cur;
		}
	}
	for (pass = 0; pass < 4; pass++) {
		int down = pass % 2 == 0;
		size_t r;
		for (r = 0; r <= max_rank; r++) {
			size_t kr = down ? r : max_rank - r;
			for (i = rstart[kr]; i < rstart[kr + 1]; i++) {
				size_t v = order[i], cnt = 0;
				double sum = 0;
				const am_graph *a = down ? &all_in : &all_out;
				for (k = a->start[v]; k < a->start[v + 1]; k++) {
					size_t u = a->to[k];
					if (down ? rank[u] < kr : rank[u] > kr) {
						sum += x[u];
						cnt++;
					}
				}
				want[v] = cnt ? sum / (double)cnt : x[v];
			}
			if (rstart[kr + 1] > rstart[kr])
				place_rank(order, rstart[kr], rstart[kr + 1], w, want, x, tmp,
				           nodesep);
		}
	}

	/* 4. y: top rank highest (Graphviz's y grows upwards) */
	{
		double cur = 0;
		for (k = 0; k <= max_rank; k++) {
			if (k)
				cur -= (rank_h[k - 1] + rank_h[k]) / 2 + ranksep;
			for (i = rstart[k]; i < rstart[k + 1]; i++)
				y[order[i]] = cur;
		}
	}
	rc = 0;
out:
	am_graph_free(&out);
	am_graph_free(&all_out);
	am_graph_free(&all_in);
	free(use);
	free(back);
	free(top_node);
	free(rank);
	free(key);
	free(bykey);
	free(order);
	free(indeg);
	free(queue);
	free(want);
	free(tmp);
	free(rstart);
	free(rank_h);
	return rc;
}

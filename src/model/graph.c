/*
 * graph.c - compressed adjacency rows and the traversals on them.
 */
#include <stdlib.h>
#include <string.h>

#include "model/graph.h"

typedef struct fill {
	am_graph *g;
	int counting;
} fill;

static void put_arc(void *sink, size_t from, size_t to, size_t label)
{
	fill *f = sink;
	am_graph *g = f->g;

	if (from >= g->n || to >= g->n)
		return;
	if (f->counting) {
		g->start[from + 1]++;
		return;
	}
	g->to[g->start[from]] = to;
	g->label[g->start[from]] = label;
	g->start[from]++;
}

int am_graph_build(am_graph *g, size_t n, am_graph_arcs_fn arcs, void *ud)
{
	fill f;
	size_t v;

	memset(g, 0, sizeof *g);
	g->n = n;
	g->start = calloc(n + 2, sizeof *g->start);
	if (!g->start)
		goto fail;
	f.g = g;
	f.counting = 1;
	arcs(ud, put_arc, &f);
	for (v = 0; v < n; v++)
		g->start[v + 1] += g->start[v];
	g->m = g->start[n];
	g->to = malloc((g->m + 1) * sizeof *g->to);
	g->label = malloc((g->m + 1) * sizeof *g->label);
	if (!g->to || !g->label)
		goto fail;
	/* fill with start[v] as v's cursor, which ends at start[v + 1] */
	f.counting = 0;
	arcs(ud, put_arc, &f);
	for (v = n; v > 0; v--)
		g->start[v] = g->start[v - 1];
	g->start[0] = 0;
	return 0;
fail:
	am_graph_free(g);
	return ARGMAP_ENOMEM;
}

typedef struct arrays {
	size_t m;
	const size_t *from, *to;
	const unsigned char *use;
} arrays;

static void array_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const arrays *a = ud;
	size_t i;

	for (i = 0; i < a->m; i++)
		if (!a->use || a->use[i])
			arc(sink, a->from[i], a->to[i], i);
}

int am_graph_from_arrays(am_graph *g, size_t n, size_t m, const size_t *from, const size_t *to,
                         const unsigned char *use)
{
	arrays a;

	a.m = m;
	a.from = from;
	a.to = to;
	a.use = use;
	return am_graph_build(g, n, array_arcs, &a);
}

void am_graph_free(am_graph *g)
{
	free(g->start);
	free(g->to);
	free(g->label);
	memset(g, 0, sizeof *g);
}

int am_graph_bfs(const am_graph *g, size_t src, size_t max_dist, int (*expand)(void *ud, size_t v),
                 void *ud, size_t *dist)
{
	return am_graph_bfs_multi(g, &src, 1, max_dist, expand, ud, dist);
}

int am_graph_bfs_multi(const am_graph *g, const size_t *src, size_t n_src, size_t max_dist,
                       int (*expand)(void *ud, size_t v), void *ud, size_t *dist)
{
	size_t *queue, head = 0, tail = 0, v, a, i;

	for (v = 0; v < g->n; v++)
		dist[v] = AM_GRAPH_FAR;
	for (i = 0; i < n_src && src[i] >= g->n; i++)
		;
	if (i == n_src)
		return 0;
	queue = malloc((g->n + 1) * sizeof *queue);
	if (!queue)
		return ARGMAP_ENOMEM;
	for (i = 0; i < n_src; i++)
		if (src[i] < g->n && dist[src[i]] == AM_GRAPH_FAR) {
			dist[src[i]] = 0;
			queue[tail++] = src[i];
		}
	while (head < tail) {
		v = queue[head++];
		if (dist[v] >= max_dist || (expand && !expand(ud, v)))
			continue;
		for (a = g->start[v]; a < g->start[v + 1]; a++) {
			size_t w = g->to[a];
			if (dist[w] == AM_GRAPH_FAR) {
				dist[w] = dist[v] + 1;
				queue[tail++] = w;
			}
		}
	}
	free(queue);
	return 0;
}

int am_graph_reach(const am_graph *g, unsigned char *mark)
{
	size_t *stack, top = 0, v, a;

	stack = malloc((g->n + 1) * sizeof *stack);
	if (!stack)
		return ARGMAP_ENOMEM;
	for (v = 0; v < g->n; v++)
		if (mark[v])
			stack[top++] = v;
	while (top) {
		v = stack[--top];
		for (a = g->start[v]; a < g->start[v + 1]; a++)
			if (!mark[g->to[a]]) {
				mark[g->to[a]] = 1;
				stack[top++] = g->to[a];
			}
	}
	free(stack);
	return 0;
}

static int dfs(const am_graph *g, const unsigned char *roots_first, size_t *order,
               unsigned char *back, size_t *parent);

int am_graph_dfs(const am_graph *g, const unsigned char *roots_first, size_t *order,
                 unsigned char *back)
{
	return dfs(g, roots_first, order, back, NULL);
}

int am_graph_dfs_tree(const am_graph *g, const unsigned char *roots_first, size_t *order,
                      size_t *parent)
{
	return dfs(g, roots_first, order, NULL, parent);
}

static int dfs(const am_graph *g, const unsigned char *roots_first, size_t *order,
               unsigned char *back, size_t *parent)
{
	size_t n = g->n, *stack = malloc((n + 1) * sizeof *stack);
	size_t *next = malloc((n + 1) * sizeof *next), rank = 0, r, top, pass;
	unsigned char *state = calloc(n + 1, 1); /* 0 new, 1 on the stack, 2 done */
	int rc = ARGMAP_ENOMEM;

	if (!stack || !next || !state)
		goto done;
	if (back)
		memset(back, 0, g->m);
	for (pass = roots_first ? 0 : 1; pass < 2; pass++)
		for (r = 0; r < n; r++) {
			if (state[r] || (pass == 0 && !roots_first[r]))
				continue;
			top = 0;
			stack[top++] = r;
			state[r] = 1;
			order[r] = rank++;
			if (parent)
				parent[r] = AM_GRAPH_FAR;
			next[r] = g->start[r];
			while (top) {
				size_t v = stack[top - 1];
				if (next[v] == g->start[v + 1]) {
					state[v] = 2;
					top--;
					continue;
				}
				{
					size_t a = next[v]++, w = g->to[a];
					if (state[w] == 1 && back) {
						back[a] = 1;
					} else if (state[w] == 0) {
						state[w] = 1;
						order[w] = rank++;
						if (parent)
							parent[w] = v;
						next[w] = g->start[w];
						stack[top++] = w;
					}
				}
			}
		}
	rc = 0;
done:
	free(stack);
	free(next);
	free(state);
	return rc;
}

int am_graph_scc(const am_graph *g, size_t *comp, size_t *ncomp)
{
	size_t n = g->n, idx = 0, nc = 0, sp = 0, cs = 0, v;
	size_t *index = malloc((n + 1) * sizeof *index), *low = malloc((n + 1) * sizeof *low);
	size_t *stack = malloc((n + 1) * sizeof *stack), *call = malloc((n + 1) * sizeof *call);
	size_t *next = malloc((n + 1) * sizeof *next);
	unsigned char *on = calloc(n + 1, 1);
	int rc = ARGMAP_ENOMEM;

	if (!index || !low || !stack || !call || !next || !on)
		goto done;
	for (v = 0; v < n; v++)
		index[v] = AM_GRAPH_FAR;
	for (v = 0; v < n; v++) {
		if (index[v] != AM_GRAPH_FAR)
			continue;
		call[cs] = v;
		next[cs++] = g->start[v];
		index[v] = low[v] = idx++;
		stack[sp++] = v;
		on[v] = 1;
		while (cs) {
			size_t u = call[cs - 1], a = next[cs - 1];
			if (a < g->start[u + 1]) {
				size_t w = g->to[a];
				next[cs - 1]++;
				if (index[w] == AM_GRAPH_FAR) {
					index[w] = low[w] = idx++;
					stack[sp++] = w;
					on[w] = 1;
					call[cs] = w;
					next[cs++] = g->start[w];
				} else if (on[w] && index[w] < low[u]) {
					low[u] = index[w];
				}
				continue;
			}
			if (low[u] == index[u]) {
				size_t w;
				do {
					w = stack[--sp];
					on[w] = 0;
					comp[w] = nc;
				} while (w != u);
				nc++;
			}
			cs--;
			if (cs && low[u] < low[call[cs - 1]])
				low[call[cs - 1]] = low[u];
		}
	}
	*ncomp = nc;
	rc = 0;
done:
	free(index);
	free(low);
	free(stack);
	free(call);
	free(next);
	free(on);
	return rc;
}

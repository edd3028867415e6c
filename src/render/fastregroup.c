/*
 * fastregroup.c - a first order for the fast layout's ordering
 * (fastorder.c) that keeps the subtrees whole (issue 17). Sweeps,
 * transpose and sifting move one node at a time, so a subtree that the
 * cross-links split over the map stays split: a node cannot leave its
 * siblings without crossing them. This sorts whole subtrees instead, by
 * where the last ordering put them; fastorder.c then orders again from
 * it. O(n + m) plus sorting each node's children (a merge sort for more
 * than 16, so a hub costs O(d log d)).
 *
 * It also makes the tree that both keep together (am_fast_tree): each
 * node under its in-neighbour on the nearest rank above, rather than the
 * one a depth-first walk happens to reach it from, which is often the far
 * end of a cross-link (the generator's cross-links join random claims);
 * 1,000-claim maps, seeds 1-6: 34,295 -> 31,617 ordering crossings.
 */
#include <stddef.h>
#include <string.h>

#include "model/graph.h"
#include "render/fastlayers.h"

/* Weight of the far end of a cross-link in its subtree's place, against 1
 * for each node of the subtree. Ordering crossings at 1,000 / 5,000
 * claims: 0: 6,089 / 164,371; 1: 6,037 / 162,574; 3: 4,956 / 159,931;
 * 10: 4,943 / 159,214; 30: 4,394 / 157,027; 100: 4,726 / 157,264. */
#define REGROUP_PULL 30.0

/* Sorts k[0..d) by bary[] keeping the order of ties: insertion for the
 * usual few children, a bottom-up merge sort (tmp: d entries) for a hub,
 * so that a node with many children costs O(d log d), not O(d^2). */
static void sort_kids(size_t *k, size_t d, const double *bary, size_t *tmp)
{
	size_t j, width;

	if (d <= 16) {
		for (j = 1; j < d; j++) {
			size_t t = k[j], q = j;
			while (q > 0 && bary[k[q - 1]] > bary[t]) {
				k[q] = k[q - 1];
				q--;
			}
			k[q] = t;
		}
		return;
	}
	for (width = 1; width < d; width *= 2) {
		size_t lo;
		for (lo = 0; lo < d; lo += 2 * width) {
			size_t mid = lo + width < d ? lo + width : d,
			       hi = lo + 2 * width < d ? lo + 2 * width : d;
			size_t a = lo, b = mid, o = lo;
			while (a < mid && b < hi)
				tmp[o++] = bary[k[b]] < bary[k[a]] ? k[b++] : k[a++];
			while (a < mid)
				tmp[o++] = k[a++];
			while (b < hi)
				tmp[o++] = k[b++];
		}
		memcpy(k, tmp, d * sizeof *k);
	}
}

/* A new first order that keeps each subtree of the depth-first tree
 * (parent[]) together: the children of every node (and the roots) in
 * the order of the mean place of their subtree in the current order,
 * each node's place (0..1 across its rank) counted with the places of
 * the far ends of its edges that are not tree edges, so that subtrees
 * joined by cross-links come together. key[] gets the preorder of the
 * real nodes. sc has 4 n doubles, ix 3 n + 2 sizes. */
void am_fast_regroup(const am_layers *L, const size_t *from, const size_t *to, const size_t *parent,
                     const size_t *pre, double *key, double *sc, size_t *ix)
{
	size_t n = L->n, i, e, *kids = ix, *kstart = ix + n, *stack = ix + 2 * n + 1, sp = 0,
	       next = 0;
	double *k = sc, *sum = sc + n, *cnt = sc + 2 * n, *bary = sc + 3 * n;

	for (i = 0; i < n; i++) {
		size_t r = L->rank[i], size = L->rstart[r + 1] - L->rstart[r];
		k[i] = size > 1 ? (double)(L->pos[i] - L->rstart[r]) / (double)(size - 1) : 0.5;
		sum[i] = k[i];
		cnt[i] = 1;
	}
	for (e = 0; e < L->m; e++) {
		size_t a = from[e], b = to[e];
		if (a == b || parent[b] == a)
			continue;
		sum[a] += REGROUP_PULL * k[b];
		cnt[a] += REGROUP_PULL;
		sum[b] += REGROUP_PULL * k[a];
		cnt[b] += REGROUP_PULL;
	}
	for (i = n; i > 0; i--) { /* pre[]: nodes in preorder, children after parents */
		size_t v = pre[i - 1], p = parent[v];
		bary[v] = sum[v] / cnt[v];
		if (p != AM_GRAPH_FAR) {
			sum[p] += sum[v];
			cnt[p] += cnt[v];
		}
	}
	/* children lists (roots under n), each sorted by bary */
	for (i = 0; i <= n; i++)
		kstart[i] = 0;
	for (i = 0; i < n; i++)
		kstart[parent[i] == AM_GRAPH_FAR ? n : parent[i]]++;
	{
		size_t acc = 0;
		for (i = 0; i <= n; i++) {
			size_t c = kstart[i];
			kstart[i] = acc;
			acc += c;
		}
	}
	for (i = 0; i < n; i++) { /* in preorder, so ties keep the old order */
		size_t v = pre[i], p = parent[v] == AM_GRAPH_FAR ? n : parent[v];
		kids[kstart[p]++] = v;
	}
	for (i = n + 1; i > 0; i--) /* back to the starts */
		kstart[i - 1] = i - 1 > 0 ? kstart[i - 2] : 0;
	/* kstart[i] is now i's start; i's end is the next start */
	for (i = 0; i <= n; i++)
		sort_kids(kids + kstart[i], (i < n ? kstart[i + 1] : n) - kstart[i], bary, stack);
	/* preorder: push each list reversed */
	{
		size_t a = kstart[n];
		for (i = n; i > a; i--)
			stack[sp++] = kids[i - 1];
	}
	while (sp > 0) {
		size_t v = stack[--sp], a = kstart[v], b = kstart[v + 1], j;
		key[v] = (double)next++;
		for (j = b; j > a; j--)
			stack[sp++] = kids[j - 1];
	}
}

void am_fast_tree(const am_layers *L, const am_graph *in, size_t *dfs, size_t *pre, size_t *parent,
                  size_t *ix)
{
	size_t n = L->n, v, k, sp = 0, next = 0, *cs = ix, *kid = ix + n + 2, *st = kid + n;

	for (v = 0; v < n; v++) {
		size_t best = AM_GRAPH_FAR;
		for (k = in->start[v]; k < in->start[v + 1]; k++) {
			size_t u = in->to[k];
			if (L->rank[u] >= L->rank[v])
				continue;
			if (best == AM_GRAPH_FAR || L->rank[u] > L->rank[best] ||
			    (L->rank[u] == L->rank[best] && dfs[u] < dfs[best]))
				best = u;
		}
		parent[v] = best;
	}
	/* children lists (the roots under n), in the walk's order */
	memset(cs, 0, (n + 2) * sizeof *cs);
	for (v = 0; v < n; v++)
		cs[(parent[v] == AM_GRAPH_FAR ? n : parent[v]) + 1]++;
	for (v = 0; v <= n; v++)
		cs[v + 1] += cs[v];
	for (k = 0; k < n; k++) { /* cs[p] runs to p's end, then back */
		v = pre[k];
		kid[cs[parent[v] == AM_GRAPH_FAR ? n : parent[v]]++] = v;
	}
	for (v = n + 1; v > 0; v--)
		cs[v] = cs[v - 1];
	cs[0] = 0;
	/* preorder: push each list reversed */
	for (k = cs[n + 1]; k > cs[n]; k--)
		st[sp++] = kid[k - 1];
	while (sp > 0) {
		v = st[--sp];
		dfs[v] = next;
		pre[next++] = v;
		for (k = cs[v + 1]; k > cs[v]; k--)
			st[sp++] = kid[k - 1];
	}
}

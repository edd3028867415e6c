/*
 * fastorder.c - step 3 of the fast layout (fastlayout.c): the order of the
 * nodes within each rank, with few crossings. The classic recipe of dot
 * (Gansner et al. 1993), then sifting:
 *
 *  - first the preorder of a tree over the real nodes (fastregroup.c,
 *    am_fast_tree: each node hangs under its in-neighbour on the nearest
 *    rank above; subtrees stay together), a long edge's virtual nodes just
 *    before its lower end;
 *  - up to 24 sweeps, alternately down and up, each sorting every rank by
 *    the median place of its neighbours in the rank before (a node's
 *    edges that do not rank only count when it has no other: the
 *    cross-links would drag a conclusion halfway across the map), each
 *    followed by transpose (adjacent exchanges that lower the crossings,
 *    until none does); they stop after 8 that gain under 0.5 %;
 *  - from the best order seen, sifting passes (each node moved to the
 *    place in its rank, within SIFT_WINDOW, where it crosses least) until
 *    one gains under 0.2 %;
 *  - then transpose and sifting again from a new first order that
 *    regroups the subtrees (fastregroup.c: each node's children in the
 *    order of where their subtrees ended up, pulled towards the far ends
 *    of their cross-links), while that gains (issue 17). Sweeps, transpose
 *    and sifting move one node at a time, and a subtree split over the
 *    map by the cross-links stays split: a node cannot leave its
 *    neighbours without crossing them. Regrouping moves whole subtrees.
 *    The median sweeps are left out of these rounds: on the generated
 *    maps they never found an order better than the regrouped one they
 *    started from (which is kept when they do not), and cost a third of
 *    a round.
 *
 * Issue 17, second round (ordering crossings, flat edges' dips included,
 * on bench/gen_map's maps, seed 1; bench/layout.sh has the drawings'
 * figures): the tree used to be the depth-first walk's, which often hung a
 * claim under the far end of a cross-link and regrouped it there; the
 * nearest-rank parent (1,000 claims, seeds 1-6: 34,295 -> 31,617 in all)
 * and a window of 1,000 instead of 400 (5,000 claims: 157,337 -> 153,804)
 * give 4,790 -> 4,547 at 1,000 claims, 157,188 -> 153,804 at 5,000 and
 * 2.84 M -> 2.63 M at 20,000 (seeds 1-3 at 5,000: 498,789 -> 484,802).
 *
 * Crossings are counted exactly with a Fenwick tree, O(s log n) for s
 * segments. Sifting a node costs its window's segments: one merge of two
 * short sorted lists per node of the window (the neighbour places of a
 * rank are sorted once per rank, not once per node, which made sifting
 * about 1.5 times faster), so a pass is O((n + m) SIFT_WINDOW); at 20,000
 * claims the ordering takes about 3-6 s of CPU (one regroup round only;
 * REGROUP_BIG).
 */
#include <stdlib.h>
#include <string.h>

#include "argmap/common.h"
#include "render/fastlayers.h"

#define SWEEP_ROUNDS 24     /* median sweeps, down and up alternately */
#define SWEEP_QUIT 8        /* ... stopped after this many that gain under 0.5 % */
#define TRANSPOSE_PASSES 64 /* most passes of one transpose */
#define SIFT_PASSES 8       /* most sifting passes (they stop when one gains nothing) */
#define SIFT_WINDOW 1000    /* how many places a node is tried either side */
#define TRANSPOSE_WORK 1024 /* largest deg(u) deg(v) a pair is weighed at */
#define REGROUPS 8          /* most new first orders that regroup the subtrees ... */
#define REGROUP_BIG 20000   /* ... and only one for more layered nodes than this */

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

static int cmp_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return p < q ? -1 : p > q;
}

/* dot's median value of the places p[0..d) (sorted here): the middle one;
 * of two, their mean; for an even count the two middle ones, weighted
 * towards the side whose neighbours are packed closer. */
static double median_value(double *p, size_t d)
{
	size_t j;
	double lspan, rspan;

	if (d <= 1)
		return d ? p[0] : 0;
	if (d == 2)
		return (p[0] + p[1]) / 2;
	if (d > 16)
		qsort(p, d, sizeof *p, cmp_double);
	else
		for (j = 1; j < d; j++) {
			double t = p[j];
			size_t q = j;
			while (q > 0 && p[q - 1] > t) {
				p[q] = p[q - 1];
				q--;
			}
			p[q] = t;
		}
	if (d % 2)
		return p[d / 2];
	lspan = p[d / 2 - 1] - p[0];
	rspan = p[d - 1] - p[d / 2];
	if (lspan + rspan <= 0)
		return (p[d / 2 - 1] + p[d / 2]) / 2;
	return (p[d / 2 - 1] * rspan + p[d / 2] * lspan) / (lspan + rspan);
}

/* One sweep: each rank (after the first) sorted by the median place of
 * its neighbours in the rank before; a node without any keeps its slot,
 * and the others are sorted into the remaining slots. Ties keep the
 * current order, or reverse it when `reverse`, which lets equal nodes
 * trade places from one sweep to the next, as in dot. pl holds the
 * largest degree. */
static void sweep(am_layers *L, int down, int reverse, keyed *tmp, double *pl)
{
	size_t step, i, k;

	for (step = 1; step < L->nranks; step++) {
		size_t r = down ? step : L->nranks - 1 - step, a = L->rstart[r],
		       b = L->rstart[r + 1];
		const am_graph *g = down ? &L->up : &L->down;
		size_t moving = 0, j = 0;
		for (i = a; i < b; i++) {
			size_t v = L->order[i], d = g->start[v + 1] - g->start[v], n1 = 0;
			double w1 = 0, w0 = 0;
			if (!d)
				continue;
			/* the edges that do not rank only count when no other does */
			for (k = g->start[v]; k < g->start[v + 1]; k++)
				if (!L->light[g->label[k]])
					w1 = 1;
			for (k = g->start[v]; k < g->start[v + 1]; k++) {
				w0 = L->light[g->label[k]];
				if (!(w1 && w0))
					pl[n1++] = (double)L->pos[g->to[k]];
			}
			tmp[moving].key = median_value(pl, n1);
			tmp[moving].tie = reverse ? b - i : i;
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

/* Crossings among the segments of u and v (on one side, g), added to
 * *uv when u is left of v and to *vu when v is left of u; one pass over
 * the deg(u) deg(v) pairs (segments with a shared lower end cross
 * neither way). */
static void pair_cross(const am_layers *L, const am_graph *g, size_t u, size_t v, size_t *uv,
                       size_t *vu)
{
	size_t a, b;

	for (a = g->start[u]; a < g->start[u + 1]; a++) {
		size_t pa = L->pos[g->to[a]];
		for (b = g->start[v]; b < g->start[v + 1]; b++) {
			size_t pb = L->pos[g->to[b]];
			*uv += pa > pb;
			*vu += pa < pb;
		}
	}
}

/* dot's transpose: adjacent exchanges that lower the crossings on both
 * sides of a rank, over the ranks where something changed (and their
 * neighbours), until a pass gains nothing (at most `passes`). With
 * `reverse`, pairs that cross as much either way are exchanged too.
 * Weighing a pair costs deg(u) deg(v) on each side; pairs over
 * TRANSPOSE_WORK are left as they are, so a pass is linear in the nodes.
 * cand has nranks entries. */
static void transpose(am_layers *L, int reverse, int passes, unsigned char *cand)
{
	int pass;
	size_t r, i, gained;

	memset(cand, 1, L->nranks);
	for (pass = 0; pass < passes; pass++) {
		gained = 0;
		for (r = 0; r < L->nranks; r++) {
			if (!cand[r])
				continue;
			cand[r] = 0;
			for (i = L->rstart[r]; i + 1 < L->rstart[r + 1]; i++) {
				size_t u = L->order[i], v = L->order[i + 1], now = 0, then = 0;
				if (degree(&L->down, u) * degree(&L->down, v) > TRANSPOSE_WORK ||
				    degree(&L->up, u) * degree(&L->up, v) > TRANSPOSE_WORK)
					continue;
				pair_cross(L, &L->down, u, v, &now, &then);
				pair_cross(L, &L->up, u, v, &now, &then);
				if (then < now || (reverse && now > 0 && then == now)) {
					L->order[i] = v;
					L->order[i + 1] = u;
					L->pos[v] = i;
					L->pos[u] = i + 1;
					gained += now - then;
					cand[r] = 1;
					if (r > 0)
						cand[r - 1] = 1;
					if (r + 1 < L->nranks)
						cand[r + 1] = 1;
				}
			}
		}
		if (gained == 0)
			break;
	}
}

/* sum over b in B of #{a in A : a < b} - #{a in A : a > b}, for sorted
 * A[0..da) and B[0..db): one merge, O(da + db); O(1) when one side is
 * empty or the two do not overlap (most pairs a sifted node is tried
 * against: their neighbours lie wholly to one side). Inline: sifting
 * calls it twice for every place it tries. */
static inline long merge_gain(const size_t *A, size_t da, const size_t *B, size_t db)
{
	size_t i = 0, j, lt = 0;
	long g = 0;

	if (!da || !db)
		return 0;
	if (B[0] > A[da - 1])
		return (long)(da * db);
	if (B[db - 1] < A[0])
		return -(long)(da * db);
	for (j = 0; j < db; j++) {
		size_t eq = 0, q;
		while (i < da && A[i] < B[j])
			i++;
		lt = i;
		for (q = i; q < da && A[q] == B[j]; q++)
			eq++;
		g += (long)lt - (long)(da - lt - eq);
	}
	return g;
}

/* The places of every rank-r node's neighbours, sorted per node, into
 * up_at[] and dn_at[] at the node's offsets in L->up and L->down; they
 * hold while rank r is sifted (only rank r moves). */
static void neighbour_places(const am_layers *L, size_t r, size_t *up_at, size_t *dn_at)
{
	size_t i, k;

	for (i = L->rstart[r]; i < L->rstart[r + 1]; i++) {
		size_t v = L->order[i];
		for (k = L->up.start[v]; k < L->up.start[v + 1]; k++)
			up_at[k] = L->pos[L->up.to[k]];
		sort_small(up_at + L->up.start[v], L->up.start[v + 1] - L->up.start[v]);
		for (k = L->down.start[v]; k < L->down.start[v + 1]; k++)
			dn_at[k] = L->pos[L->down.to[k]];
		sort_small(dn_at + L->down.start[v], L->down.start[v + 1] - L->down.start[v]);
	}
}

/* Sifting (Matuszewski, Schoenfeld and Molitor 1999) on rank r: each node
 * in turn is taken out and put back where it crosses least, within
 * SIFT_WINDOW places of where it was, the others keeping their order.
 * Moving v from just left of w to just right of it changes the crossings
 * by c(w, v) - c(v, w), one merge of their sorted neighbour places
 * (neighbour_places), O(deg v + deg w); so a node costs the segments of
 * the 2 SIFT_WINDOW nodes around it. Returns the crossings gained. up_at
 * and dn_at hold ns places each, gain and snap the largest rank. */
static size_t sift_rank(am_layers *L, size_t r, size_t *up_at, size_t *dn_at, long *gain,
                        size_t *snap)
{
	size_t a = L->rstart[r], b = L->rstart[r + 1], i, won = 0;
	const size_t *us = L->up.start, *ds = L->down.start;

	neighbour_places(L, r, up_at, dn_at);
	memcpy(snap, L->order + a, (b - a) * sizeof *snap);
	for (i = 0; i < b - a; i++) {
		size_t v = snap[i], p = L->pos[v], lo, hi, j, to;
		size_t du = us[v + 1] - us[v], dd = ds[v + 1] - ds[v];
		const size_t *nb = up_at + us[v], *dn = dn_at + ds[v];
		long cum, best = 0;
		if (du + dd == 0 || du * dd > TRANSPOSE_WORK)
			continue;
		lo = p - a > SIFT_WINDOW ? p - SIFT_WINDOW : a;
		hi = b - p - 1 > SIFT_WINDOW ? p + SIFT_WINDOW + 1 : b;
		for (j = lo; j < hi; j++) {
			size_t w = L->order[j];
			if (j == p)
				continue;
			/* v from left of w to right of w */
			gain[j - a] = merge_gain(nb, du, up_at + us[w], us[w + 1] - us[w]) +
			              merge_gain(dn, dd, dn_at + ds[w], ds[w + 1] - ds[w]);
		}
		to = p;
		for (j = p, cum = 0; j > lo; j--) { /* v just left of order[j - 1] */
			cum -= gain[j - 1 - a];
			if (cum < best) {
				best = cum;
				to = j - 1;
			}
		}
		for (j = p + 1, cum = 0; j < hi; j++) { /* v just right of order[j] */
			cum += gain[j - a];
			if (cum < best) {
				best = cum;
				to = j;
			}
		}
		if (to == p)
			continue;
		won += (size_t)-best;
		if (to < p)
			memmove(L->order + to + 1, L->order + to, (p - to) * sizeof *L->order);
		else
			memmove(L->order + p, L->order + p + 1, (to - p) * sizeof *L->order);
		L->order[to] = v;
		for (j = to < p ? to : p; j <= (to < p ? p : to); j++)
			L->pos[L->order[j]] = j;
	}
	return won;
}

typedef struct work {
	keyed *tmp;
	double *pl;
	unsigned char *cand;
	size_t *fen, *buf, *best, *up_at, *dn_at, maxdeg;
	long *gain;
} work;

/* Sweeps with transpose (when `sweeps`), then sifting, from the current
 * order (above); leaves the best order found in L and returns its
 * crossings. */
static size_t improve(am_layers *L, work *W, int sweeps)
{
	size_t i, r, best_c, c;
	int round, stale;

	transpose(L, 0, TRANSPOSE_PASSES, W->cand);
	best_c = count_crossings(L, W->fen, W->buf);
	memcpy(W->best, L->order, L->nv * sizeof *W->best);
	for (round = 0, stale = 0;
	     sweeps && round < SWEEP_ROUNDS && stale < SWEEP_QUIT && best_c > 0; round++) {
		int reverse = round % 4 < 2;
		sweep(L, round % 2 == 0, reverse, W->tmp, W->pl);
		transpose(L, !reverse, TRANSPOSE_PASSES, W->cand);
		c = count_crossings(L, W->fen, W->buf);
		stale = c < best_c - best_c / 200 ? 0 : stale + 1;
		if (c <= best_c) {
			best_c = c;
			memcpy(W->best, L->order, L->nv * sizeof *W->best);
		}
	}
	memcpy(L->order, W->best, L->nv * sizeof *W->best);
	for (i = 0; i < L->nv; i++)
		L->pos[L->order[i]] = i;
	/* sifting from the best order; every pass only ever gains, and they
	 * stop when one gains under 0.2 % */
	for (round = 0; round < SIFT_PASSES && best_c > 0; round++) {
		size_t won = 0;
		for (r = 0; r < L->nranks; r++)
			won += sift_rank(L, round % 2 ? L->nranks - 1 - r : r, W->up_at, W->dn_at,
			                 W->gain, W->buf + W->maxdeg);
		best_c -= won < best_c ? won : best_c;
		if (won <= best_c / 500)
			break;
	}
	return best_c;
}

/* Every rank sorted by key[] of its real nodes; a long edge's virtual
 * nodes get its lower end's key less a half, so that it comes down
 * beside it. */
static void order_by_key(am_layers *L, const size_t *from, const size_t *to, double *key,
                         keyed *tmp)
{
	size_t e, i, r;

	for (e = 0; e < L->m; e++) {
		size_t low = L->flip[e] ? from[e] : to[e];
		for (i = 0; i < L->vcount[e]; i++)
			key[L->vfirst[e] + i] = key[low] - 0.5;
	}
	for (r = 0; r < L->nranks; r++)
		sort_rank(L, r, key, tmp);
}

int am_fast_order(am_layers *L, const size_t *from, const size_t *to)
{
	am_graph all_out = {0}, all_in = {0};
	unsigned char *top = calloc(L->n + 1, 1);
	size_t *dfs = malloc((L->n + 1) * sizeof *dfs),
	       *parent = malloc((L->n + 1) * sizeof *parent);
	size_t *pre = malloc((L->n + 1) * sizeof *pre), *ix = malloc((3 * L->n + 3) * sizeof *ix);
	size_t *kept = malloc((L->nv + 1) * sizeof *kept);
	double *key = malloc((L->nv + 1) * sizeof *key), *sc = malloc((4 * L->n + 1) * sizeof *sc);
	work W = {0};
	size_t i, r, maxrank = 1, best_c, c;
	int rc = ARGMAP_ENOMEM, round, stale;

	W.maxdeg = 1;
	W.tmp = malloc((L->nv + 1) * sizeof *W.tmp);
	W.cand = malloc(L->nranks + 1);
	W.best = malloc((L->nv + 1) * sizeof *W.best);
	W.fen = malloc((L->nv + 2) * sizeof *W.fen);
	L->order = malloc((L->nv + 1) * sizeof *L->order);
	L->pos = malloc((L->nv + 1) * sizeof *L->pos);
	L->rstart = calloc(L->nranks + 2, sizeof *L->rstart);
	if (!top || !dfs || !parent || !pre || !ix || !kept || !key || !sc || !W.tmp || !W.cand ||
	    !W.best || !W.fen || !L->order || !L->pos || !L->rstart)
		goto out;
	if (am_graph_from_arrays(&all_out, L->n, L->m, from, to, NULL) != 0 ||
	    am_graph_from_arrays(&all_in, L->n, L->m, to, from, NULL) != 0)
		goto out;
	for (i = 0; i < L->n; i++)
		top[i] = all_in.start[i + 1] == all_in.start[i];
	if (am_graph_dfs_tree(&all_out, top, dfs, parent) != 0)
		goto out;
	for (i = 0; i < L->n; i++)
		pre[dfs[i]] = i;
	am_fast_tree(L, &all_in, dfs, pre, parent, ix);
	/* first order: real nodes by first reach */
	for (i = 0; i < L->nv; i++)
		L->rstart[L->rank[i] + 1]++;
	for (r = 0; r < L->nranks; r++)
		L->rstart[r + 1] += L->rstart[r];
	{
		size_t *fill = W.best; /* scratch until the sweeps */
		memcpy(fill, L->rstart, L->nranks * sizeof *fill);
		for (i = 0; i < L->nv; i++) {
			L->order[fill[L->rank[i]]] = i;
			L->pos[i] = fill[L->rank[i]]++;
		}
	}
	for (i = 0; i < L->n; i++)
		key[i] = (double)dfs[i];
	order_by_key(L, from, to, key, W.tmp);
	for (i = 0; i < L->nv; i++) {
		size_t d = degree(&L->down, i) + degree(&L->up, i);
		if (d > W.maxdeg)
			W.maxdeg = d;
	}
	for (r = 0; r < L->nranks; r++)
		if (L->rstart[r + 1] - L->rstart[r] > maxrank)
			maxrank = L->rstart[r + 1] - L->rstart[r];
	W.buf = malloc((W.maxdeg + maxrank + 1) * sizeof *W.buf);
	W.pl = malloc((W.maxdeg + 1) * sizeof *W.pl);
	W.gain = malloc((maxrank + 1) * sizeof *W.gain);
	W.up_at = malloc((L->ns + 1) * sizeof *W.up_at);
	W.dn_at = malloc((L->ns + 1) * sizeof *W.dn_at);
	if (!W.buf || !W.pl || !W.gain || !W.up_at || !W.dn_at)
		goto out;
	best_c = improve(L, &W, 1);
	memcpy(kept, L->order, L->nv * sizeof *kept);
	for (round = 0, stale = 0;
	     round < (L->nv > REGROUP_BIG ? 1 : REGROUPS) && stale < 2 && best_c > 0; round++) {
		am_fast_regroup(L, from, to, parent, pre, key, sc, ix);
		order_by_key(L, from, to, key, W.tmp);
		c = improve(L, &W, 0);
		stale = c < best_c - best_c / 100 ? 0 : stale + 1;
		if (c < best_c) {
			best_c = c;
			memcpy(kept, L->order, L->nv * sizeof *kept);
		}
	}
	memcpy(L->order, kept, L->nv * sizeof *kept);
	for (i = 0; i < L->nv; i++)
		L->pos[L->order[i]] = i;
	L->crossings = best_c;
	rc = 0;
out:
	am_graph_free(&all_out);
	am_graph_free(&all_in);
	free(top);
	free(dfs);
	free(parent);
	free(pre);
	free(ix);
	free(kept);
	free(key);
	free(sc);
	free(W.tmp);
	free(W.best);
	free(W.fen);
	free(W.buf);
	free(W.pl);
	free(W.cand);
	free(W.gain);
	free(W.up_at);
	free(W.dn_at);
	return rc;
}

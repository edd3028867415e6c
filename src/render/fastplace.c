/*
 * fastplace.c - coordinates and edge routes of the fast layout
 * (fastlayout.h), on the ordered layered graph of fastlayout.c.
 *
 * x: the drawing should have short edges, most of them straight down
 * (weights 1, 2, 8 as in dot: long edges are kept straight hardest). For
 * one rank with the others fixed, each node wants the weighted median of
 * its neighbours' x (a median puts a node right over one neighbour, where
 * a mean slants every edge a little: measured, the median halved the
 * typical edge's length), and the rank is then fitted to those wishes by
 * weighted least absolute deviations under "in order, at least the
 * spacing apart" (fit_rank: L1 isotonic regression, O(k log k)). The
 * ranks are swept down and up PLACE_ROUNDS times.
 *
 * Brandes and Köpf's coordinate assignment was tried too (four
 * alignments, block graph compaction, the mean of the two middle x; issue
 * 17): the typical edge got short (median 1.9 node widths at 5,000
 * claims) but its blocks spread the drawing to twice the widest rank's
 * width (area per node 278,000 pt^2 against dot's 161,000) and the mean
 * edge grew 1.6x; sweeps from it kept that width. bench/README.md has the
 * figures.
 *
 * Routes: an edge leaves its upper node through the bottom of that node's
 * rank band within the node's own width, crosses each gap between ranks
 * diagonally, runs vertically through every rank it crosses at its
 * virtual node (which the order kept clear of the boxes), and enters its
 * lower node from the top of the band within that node's width. No
 * segment then enters a box other than its two ends'. An edge within one
 * rank between nodes that are not neighbours dips into the gap below (on
 * the last rank: above) to its virtual node's place on the next band and
 * comes back: the ordering placed that node where the dip crosses least.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/common.h"
#include "render/fastlayers.h"
#include "render/fastlayout.h"

/* Sweeps with both neighbours. Mean / median edge length in node widths,
 * 1,000 and 5,000 claims (L1 fit): 4 rounds 11.16 / 1.19 and 46.5 / 3.74,
 * 12 rounds 11.04 / 1.00 and 45.7 / 2.49, 48 rounds 11.03 / 0.98 and
 * 45.4 / 1.84 (96: 45.4 / 1.75). At 20,000 claims 48 rounds cost about
 * 0.1 s more than 12. (Least squares, before: 12 rounds 11.60 / 2.20 at
 * 1,000; more rounds made it worse.) */
#define PLACE_ROUNDS 48
/* An edge leaves (enters) a box through a vertical-ish stub at least this
 * long: Graphviz draws an arrowhead on the first piece of the path only
 * if that piece is longer than the arrow (arrowsize 1.1: 11 pt), and
 * otherwise moves the path's start onto the next piece, which could then
 * graze a taller neighbour. */
#define STUB 12.0

/* Rank order[a..b) fitted to the wishes t (weights wt) in absolute
 * values: x minimises sum wt_v |x_v - t_v| under
 * x_{i+1} - x_i >= (w_i + w_{i+1}) / 2 + sep (sep / 2 beside a virtual
 * node). With z_i = x_i - off_i that is weighted L1 isotonic regression.
 * A crowded run of nodes then sits at the weighted median of its wishes,
 * not their mean (least squares, as before, put whole ranks of a wide
 * tree at their mean, each node a little off: the typical edge was 17
 * node widths long at 5,000 claims), so most nodes land exactly where
 * they want. Slope trick: a max-heap (hv, hw: b - a entries each) holds
 * the breakpoints of the prefix cost's slope and their weights; the
 * heap's top after node i is the best z_i of the prefix, and a backward
 * pass makes them nondecreasing. O(k log k) for k nodes. off has b - a
 * entries. */
static void heap_push(double *hv, double *hw, size_t *hn, double v, double wv)
{
	size_t i = (*hn)++;

	while (i > 0 && hv[(i - 1) / 2] < v) {
		hv[i] = hv[(i - 1) / 2];
		hw[i] = hw[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	hv[i] = v;
	hw[i] = wv;
}

static void heap_pop(double *hv, double *hw, size_t *hn)
{
	size_t i = 0, n = --(*hn);
	double v = hv[n], wv = hw[n];

	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && hv[c + 1] > hv[c])
			c++;
		if (hv[c] <= v)
			break;
		hv[i] = hv[c];
		hw[i] = hw[c];
		i = c;
	}
	if (n > 0) {
		hv[i] = v;
		hw[i] = wv;
	}
}

static void fit_rank(const size_t *order, size_t a, size_t b, const double *w, double sep,
                     const double *t, const double *wt, double *x, double *off, double *hv,
                     double *hw)
{
	size_t i, hn = 0;
	double z = 0;

	for (i = a; i < b; i++) {
		size_t v = order[i];
		double s, rest = wt[v];
		off[i - a] = i == a ? 0
		                    : off[i - a - 1] + (w[order[i - 1]] + w[v]) / 2 +
		                          (w[order[i - 1]] > 0 && w[v] > 0 ? sep : sep / 2);
		s = t[v] - off[i - a];
		/* wt |z - s| adds 2 wt of slope at s; keeping z_i <= z drops
		 * the wt of slope right of the top */
		heap_push(hv, hw, &hn, s, 2 * wt[v]);
		while (rest > 1e-12 && hn > 0) {
			if (hw[0] <= rest + 1e-12) {
				rest -= hw[0];
				heap_pop(hv, hw, &hn);
			} else {
				hw[0] -= rest;
				rest = 0;
			}
		}
		x[v] = hn > 0 ? hv[0] : s;
	}
	for (i = b; i > a; i--) {
		size_t v = order[i - 1];
		if (i == b || x[v] < z)
			z = x[v];
		x[v] = z + off[i - 1 - a];
	}
}

typedef struct pull {
	double x, w;
} pull;

static int cmp_pull(const void *a, const void *b)
{
	double p = ((const pull *)a)->x, q = ((const pull *)b)->x;
	return p < q ? -1 : p > q;
}

/* The weighted median of the d pulls (sorted here): where half the
 * weight lies on either side; on a tie, the midpoint of the two. */
static double weighted_median(pull *p, size_t d, double total)
{
	double acc = 0;
	size_t i;

	qsort(p, d, sizeof *p, cmp_pull);
	for (i = 0; i < d; i++) {
		acc += p[i].w;
		if (acc > total / 2 + 1e-9)
			return p[i].x;
		if (acc > total / 2 - 1e-9)
			return i + 1 < d ? (p[i].x + p[i + 1].x) / 2 : p[i].x;
	}
	return p[d - 1].x;
}

/* One sweep over the ranks; `up_nb`/`down_nb` say which neighbours pull.
 * Each node wants the weighted median of its neighbours' x (so that most
 * edges come out vertical, as dot's do, rather than all of them a little
 * slanted), with the weight of all of them. pulls holds the largest
 * degree. */
static void place_sweep(const am_layers *L, const double *w, double sep, int down, int up_nb,
                        int down_nb, double *x, double *t, double *wt, double *scratch, pull *pulls)
{
	size_t step, i, k, nv = L->nv;

	for (step = 0; step < L->nranks; step++) {
		size_t r = down ? step : L->nranks - 1 - step, a = L->rstart[r],
		       b = L->rstart[r + 1];
		for (i = a; i < b; i++) {
			size_t v = L->order[i], d = 0;
			double sw = 0;
			if (up_nb)
				for (k = L->up.start[v]; k < L->up.start[v + 1]; k++) {
					pulls[d].w = L->sw[L->up.label[k]];
					pulls[d++].x = x[L->up.to[k]];
					sw += L->sw[L->up.label[k]];
				}
			if (down_nb)
				for (k = L->down.start[v]; k < L->down.start[v + 1]; k++) {
					pulls[d].w = L->sw[L->down.label[k]];
					pulls[d++].x = x[L->down.to[k]];
					sw += L->sw[L->down.label[k]];
				}
			/* nothing pulls: stay (a feather weight) */
			t[v] = sw > 0 ? weighted_median(pulls, d, sw) : x[v];
			wt[v] = sw > 0 ? sw : 1e-6;
		}
		if (b > a)
			fit_rank(L->order, a, b, w, sep, t, wt, x, scratch, scratch + nv,
			         scratch + 2 * nv);
	}
}

int am_fast_place(const am_layers *L, const double *w, double nodesep, double *x)
{
	size_t nv = L->nv, r, i;
	double *t = malloc((nv + 1) * sizeof *t), *wt = malloc((nv + 1) * sizeof *wt);
	double *scratch = malloc((3 * nv + 1) * sizeof *scratch);
	size_t maxdeg = 1;
	pull *pulls = NULL;
	int rc = ARGMAP_ENOMEM, round;

	for (i = 0; i < nv; i++) {
		size_t d =
		    L->up.start[i + 1] - L->up.start[i] + L->down.start[i + 1] - L->down.start[i];
		if (d > maxdeg)
			maxdeg = d;
	}
	pulls = malloc(maxdeg * sizeof *pulls);
	if (!t || !wt || !scratch || !pulls)
		goto out;
	/* packed left to right, then parents over children (up), children
	 * under parents (down), then both neighbours, down and up */
	for (r = 0; r < L->nranks; r++) {
		double cur = 0;
		for (i = L->rstart[r]; i < L->rstart[r + 1]; i++) {
			if (i > L->rstart[r])
				cur += (w[L->order[i - 1]] + w[L->order[i]]) / 2 + nodesep;
			x[L->order[i]] = cur;
		}
	}
	place_sweep(L, w, nodesep, 0, 0, 1, x, t, wt, scratch, pulls);
	place_sweep(L, w, nodesep, 1, 1, 0, x, t, wt, scratch, pulls);
	for (round = 0; round < PLACE_ROUNDS; round++)
		place_sweep(L, w, nodesep, round % 2 == 1, 1, 1, x, t, wt, scratch, pulls);
	rc = 0;
out:
	free(t);
	free(wt);
	free(scratch);
	free(pulls);
	return rc;
}

/* ------------------------------------------------------------ routes */

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Bend points of edge e (see the top of the file); writes them at p (two
 * doubles each) when p is not NULL, and returns how many. */
static size_t route_of(const am_layers *L, size_t e, const size_t *from, const size_t *to,
                       const double *w, const double *hh, const double *X, const double *ry,
                       const double *rh, double ranksep, double *p)
{
	size_t t = from[e], h = to[e], up, low, k = 0, j, cnt;
	size_t rt = L->rank[t], rh_ = L->rank[h];
	double inset;

	if (t == h)
		return 0;
	if (rt == rh_) {
		size_t a = L->pos[t], b = L->pos[h], d = L->vfirst[e], rd;
		double yb = ry[rt] - rh[rt] / 2, ym = yb - ranksep / 2, s = -1;
		if (a + 1 == b || b + 1 == a)
			return 0;
		if (L->vcount[e] == 0) { /* no dip (over the cap): round below */
			if (p) {
				p[0] = X[t], p[1] = yb, p[2] = X[t], p[3] = ym;
				p[4] = X[h], p[5] = ym, p[6] = X[h], p[7] = yb;
			}
			return 4;
		}
		if (!p)
			return 3;
		/* down (or up, s = 1) to the dip's place on the next rank's
		 * band, and back */
		rd = L->rank[d];
		if (rd < rt) {
			s = 1;
			yb = ry[rt] + rh[rt] / 2;
		}
		inset = w[t] > 4 ? w[t] / 2 - 2 : 0;
		p[0] = clampd(X[d], X[t] - inset, X[t] + inset);
		p[1] = s < 0 ? fmin(yb, ry[rt] - hh[t] / 2 - STUB)
		             : fmax(yb, ry[rt] + hh[t] / 2 + STUB);
		p[2] = X[d];
		p[3] = ry[rd] - s * rh[rd] / 2;
		inset = w[h] > 4 ? w[h] / 2 - 2 : 0;
		p[4] = clampd(X[d], X[h] - inset, X[h] + inset);
		p[5] = s < 0 ? fmin(yb, ry[rt] - hh[h] / 2 - STUB)
		             : fmax(yb, ry[rt] + hh[h] / 2 + STUB);
		return 3;
	}
	if ((rt > rh_ ? rt - rh_ : rh_ - rt) > 1 && L->vcount[e] == 0)
		return 0; /* over the cap of virtual nodes: straight */
	cnt = 2 + 2 * L->vcount[e];
	if (!p)
		return cnt;
	up = L->flip[e] ? h : t;
	low = L->flip[e] ? t : h;
	{
		double nx = L->vcount[e] ? X[L->vfirst[e]] : X[low];
		inset = w[up] > 4 ? w[up] / 2 - 2 : 0;
		p[k++] = clampd(nx, X[up] - inset, X[up] + inset);
		p[k++] = fmin(ry[L->rank[up]] - rh[L->rank[up]] / 2,
		              ry[L->rank[up]] - hh[up] / 2 - STUB);
	}
	for (j = 0; j < L->vcount[e]; j++) {
		size_t v = L->vfirst[e] + j, r = L->rank[v];
		p[k++] = X[v];
		p[k++] = ry[r] + rh[r] / 2;
		p[k++] = X[v];
		p[k++] = ry[r] - rh[r] / 2;
	}
	{
		double px = L->vcount[e] ? X[L->vfirst[e] + L->vcount[e] - 1] : X[up];
		inset = w[low] > 4 ? w[low] / 2 - 2 : 0;
		p[k++] = clampd(px, X[low] - inset, X[low] + inset);
		p[k++] = fmax(ry[L->rank[low]] + rh[L->rank[low]] / 2,
		              ry[L->rank[low]] + hh[low] / 2 + STUB);
	}
	if (L->flip[e]) /* tail first */
		for (j = 0; j < cnt / 2; j++) {
			size_t q = cnt - 1 - j;
			double tx = p[2 * j], ty = p[2 * j + 1];
			p[2 * j] = p[2 * q];
			p[2 * j + 1] = p[2 * q + 1];
			p[2 * q] = tx;
			p[2 * q + 1] = ty;
		}
	return cnt;
}

static int make_routes(const am_layers *L, const size_t *from, const size_t *to, const double *w,
                       const double *h, const double *X, const double *ry, const double *rh,
                       double ranksep, am_fast_routes *out)
{
	size_t e, total = 0;

	out->start = malloc((L->m + 1) * sizeof *out->start);
	if (!out->start)
		return ARGMAP_ENOMEM;
	for (e = 0; e < L->m; e++) {
		out->start[e] = total;
		total += route_of(L, e, from, to, w, h, X, ry, rh, ranksep, NULL);
	}
	out->start[L->m] = total;
	out->pts = malloc((2 * total + 1) * sizeof *out->pts);
	if (!out->pts)
		return ARGMAP_ENOMEM;
	for (e = 0; e < L->m; e++)
		route_of(L, e, from, to, w, h, X, ry, rh, ranksep, out->pts + 2 * out->start[e]);
	return 0;
}

int am_fast_layout_routed(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                          const size_t *to, const unsigned char *constraint, double nodesep,
                          double ranksep, double *x, double *y, am_fast_routes *routes)
{
	am_layers L;
	double *lw = NULL, *lx = NULL, *ry = NULL, *rh = NULL, cur = 0;
	size_t i, r;
	int rc;

	if (routes)
		routes->start = NULL, routes->pts = NULL;
	if (n == 0) {
		if (routes && !(routes->start = calloc(m + 1, sizeof *routes->start)))
			return ARGMAP_ENOMEM;
		return 0;
	}
	rc = am_fast_layers_build(&L, n, m, from, to, constraint);
	if (rc != 0)
		return rc;
	rc = ARGMAP_ENOMEM;
	lw = calloc(L.nv + 1, sizeof *lw);
	lx = malloc((L.nv + 1) * sizeof *lx);
	ry = malloc((L.nranks + 1) * sizeof *ry);
	rh = calloc(L.nranks + 1, sizeof *rh);
	if (!lw || !lx || !ry || !rh)
		goto out;
	memcpy(lw, w, n * sizeof *lw); /* virtual nodes are 0 wide */
	if (am_fast_place(&L, lw, nodesep, lx) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if (h[i] > rh[L.rank[i]])
			rh[L.rank[i]] = h[i];
	/* y: top rank highest (Graphviz's y grows upwards) */
	for (r = 0; r < L.nranks; r++) {
		if (r)
			cur -= (rh[r - 1] + rh[r]) / 2 + ranksep;
		ry[r] = cur;
	}
	for (i = 0; i < n; i++) {
		x[i] = lx[i];
		y[i] = ry[L.rank[i]];
	}
	if (routes && make_routes(&L, from, to, lw, h, lx, ry, rh, ranksep, routes) != 0) {
		am_fast_routes_free(routes);
		goto out;
	}
	rc = 0;
out:
	am_fast_layers_free(&L);
	free(lw);
	free(lx);
	free(ry);
	free(rh);
	return rc;
}

int am_fast_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                   const size_t *to, const unsigned char *constraint, double nodesep,
                   double ranksep, double *x, double *y)
{
	return am_fast_layout_routed(n, w, h, m, from, to, constraint, nodesep, ranksep, x, y,
	                             NULL);
}

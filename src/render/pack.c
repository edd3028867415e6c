/*
 * pack.c - a page's units on shelves, in reading order (pack.h).
 */
#include <string.h>

#include "render/pack.h"

static int shelves(am_pack_box *b, size_t n, double cw, double gap, double *w_out, double *h_out)
{
	size_t i = 0, j;
	double y = 0, wmax = 0;

	*w_out = *h_out = 0;
	while (i < n) {
		double shelf_h = 0, x = 0, row = 0;
		/* the shelf's height: the tallest of the row that starts it */
		for (j = i; j < n; j++) {
			double nx = row + (j > i ? gap : 0) + b[j].w;
			if (j > i && nx > cw)
				break;
			row = nx;
			if (b[j].h > shelf_h)
				shelf_h = b[j].h;
		}
		if (b[i].w > cw)
			return -1;
		/* columns, each filled top to bottom while within shelf_h */
		while (i < n) {
			double col_w = 0, col_h = 0, x0 = x > 0 ? x + gap : 0;
			size_t start = i;
			while (i < n) {
				double top = col_h > 0 ? col_h + gap : 0;
				double w = b[i].w > col_w ? b[i].w : col_w;
				if ((i > start && top + b[i].h > shelf_h) || x0 + w > cw)
					break;
				b[i].x = x0;
				b[i].y = y + top;
				col_h = top + b[i].h;
				col_w = w;
				i++;
			}
			if (i == start)
				break; /* not even one more column here: the next shelf */
			x = x0 + col_w;
			if (x > wmax)
				wmax = x;
		}
		y += shelf_h + gap;
	}
	*w_out = wmax;
	*h_out = n ? y - gap : 0;
	return 0;
}

/* Bottom-left on a skyline: each unit in reading order goes where its
 * top is highest (then leftmost) over what is placed already. The skyline
 * is m segments, sorted: segment j runs from sx[j] to the next one's start
 * (the last to cw), and sy[j] is how far down it is taken (a unit's bottom
 * plus the gap). Each unit adds at most one segment: sx and sy hold n + 1.
 * O(n^2) for n units. Returns 0, or -1 when a unit is wider than cw. */
static int skyline(am_pack_box *b, size_t n, double cw, double gap, double *w_out, double *h_out,
                   double *sx, double *sy)
{
	size_t m = 1, i, j, k;

	sx[0] = 0;
	sy[0] = 0;
	*w_out = *h_out = 0;
	for (i = 0; i < n; i++) {
		double best_y = -1, x0 = 0, x1, next, ylast, w = b[i].w;
		size_t best = 0, e, add;
		int rest;
		if (w > cw)
			return -1;
		for (j = 0; j < m && sx[j] + w <= cw + 1e-9; j++) {
			double y = 0;
			for (k = j; k < m && sx[k] < sx[j] + w - 1e-9; k++)
				if (sy[k] > y)
					y = sy[k];
			if (best_y < 0 || y < best_y - 1e-9) {
				best_y = y;
				best = j;
			}
		}
		x0 = sx[best];
		b[i].x = x0;
		b[i].y = best_y;
		/* segments best..e-1 lie under [x0, x1): one segment at the
		 * unit's bottom, and what the last of them had past x1 */
		x1 = x0 + w + gap;
		for (e = best; e < m && sx[e] < x1; e++)
			;
		ylast = sy[e - 1];
		next = e < m ? sx[e] : cw;
		rest = x1 < next;
		add = 1 + (size_t)rest;
		memmove(sx + best + add, sx + e, (m - e) * sizeof *sx);
		memmove(sy + best + add, sy + e, (m - e) * sizeof *sy);
		m = m - (e - best) + add;
		sx[best] = x0;
		sy[best] = b[i].y + b[i].h + gap;
		if (rest) {
			sx[best + 1] = x1;
			sy[best + 1] = ylast;
		}
		if (x0 + w > *w_out)
			*w_out = x0 + w;
		if (b[i].y + b[i].h > *h_out)
			*h_out = b[i].y + b[i].h;
	}
	return 0;
}

int am_pack_shelves(am_pack_box *b, size_t n, double cw, double gap, double *w_out, double *h_out,
                    double *scratch)
{
	double ws, hs, wk, hk;

	if (shelves(b, n, cw, gap, &ws, &hs) != 0)
		return -1; /* a unit wider than cw */
	(void)skyline(b, n, cw, gap, &wk, &hk, scratch, scratch + n + 1);
	if (hk <= hs) {
		*w_out = wk;
		*h_out = hk;
		return 0;
	}
	/* the shelves were lower: again, for their positions */
	(void)shelves(b, n, cw, gap, w_out, h_out);
	return 0;
}

/* 1 if b packs at scale z into cw x ch points. */
static int fits_at(am_pack_box *b, size_t n, double cw, double ch, double gap, double z,
                   double *sky)
{
	double w, h;

	return am_pack_shelves(b, n, cw / z, gap / z, &w, &h, sky) == 0 && h * z <= ch &&
	       w * z <= cw;
}

/* am_pack_scale in the order of b. */
static double scale_in(am_pack_box *b, size_t n, double cw, double ch, double gap, double zlo,
                       double *sky)
{
	double lo = zlo, hi = 1.0;
	int it;

	if (!fits_at(b, n, cw, ch, gap, zlo, sky))
		return 0;
	if (fits_at(b, n, cw, ch, gap, 1.0, sky))
		return 1.0;
	for (it = 0; it < 24; it++) {
		double mid = (lo + hi) / 2;
		if (fits_at(b, n, cw, ch, gap, mid, sky))
			lo = mid;
		else
			hi = mid;
	}
	(void)fits_at(b, n, cw, ch, gap, lo, sky); /* the positions at lo */
	return lo;
}

double am_pack_scale(am_pack_box *b, size_t n, double cw, double ch, double gap, double zlo,
                     const am_pack_scratch *sc)
{
	size_t i, j;
	double z;

	if (zlo <= 0 || zlo > 1)
		return 0;
	z = scale_in(b, n, cw, ch, gap, zlo, sc->sky);
	if (z > 0 || n < 3)
		return z;
	/* the tallest first (stable: reading order among equals), and the
	 * positions back to b's order; insertion sort, O(n^2) */
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && sc->tmp[j - 1].h < b[i].h; j--) {
			sc->tmp[j] = sc->tmp[j - 1];
			sc->perm[j] = sc->perm[j - 1];
		}
		sc->tmp[j] = b[i];
		sc->perm[j] = i;
	}
	z = scale_in(sc->tmp, n, cw, ch, gap, zlo, sc->sky);
	if (z > 0)
		for (i = 0; i < n; i++) {
			b[sc->perm[i]].x = sc->tmp[i].x;
			b[sc->perm[i]].y = sc->tmp[i].y;
		}
	return z;
}

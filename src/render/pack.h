/*
 * pack.h - packing a page's separately laid out units (pack.c, no
 * Graphviz), in the units' reading order, two ways, and the lower packing
 * wins:
 * - shelves top to bottom, and on each shelf columns left to right, each
 *   filled top to bottom: a shelf is as tall as the tallest unit of the row
 *   that starts it (as many units as fit side by side), and the units after
 *   the row's first go under one another while a column stays within it;
 * - bottom-left on a skyline: each unit goes where its top is highest (then
 *   leftmost) over those placed before it, so short units fill the space
 *   beside a deep one and under each other.
 */
#ifndef ARGMAP_RENDER_PACK_H
#define ARGMAP_RENDER_PACK_H

#include <stddef.h>

/* A unit's box (w, h, in) and where it goes (x, y, out: its top left
 * corner, relative to the packing's top left). */
typedef struct am_pack_box {
	double w, h;
	double x, y;
} am_pack_box;

/* Packs b[0..n-1] into a box `cw` wide, `gap` between neighbours. Sets
 * every x, y and *w_out, *h_out (the packing's extent). scratch: 2n + 2
 * doubles. Returns 0, or -1 when a unit is wider than cw. O(n^2). */
int am_pack_shelves(am_pack_box *b, size_t n, double cw, double gap, double *w_out, double *h_out,
                    double *scratch);

/* Room for am_pack_scale, for n units: sky 2n + 2, tmp and perm n. */
typedef struct am_pack_scratch {
	double *sky;
	am_pack_box *tmp;
	size_t *perm;
} am_pack_scratch;

/* The largest scale z <= 1 at which b[0..n-1] (their sizes multiplied by
 * z, `gap` points between them, unscaled) pack into cw x ch points; 0 if
 * none of at least `zlo` does. Positions are left in layout units (as
 * am_pack_shelves at the scale found). When the units do not pack in
 * their order at zlo, they are packed tallest first (which packs tighter).
 * Bisection: 52 packings at most. */
double am_pack_scale(am_pack_box *b, size_t n, double cw, double ch, double gap, double zlo,
                     const am_pack_scratch *sc);

#endif

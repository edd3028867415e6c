/*
 * fastlayout.h - argmap's own layered layout for huge maps (fastlayout.c:
 * ranks, long edges broken at every rank, crossing reduction; fastplace.c:
 * coordinates and edge routes). Pure C: no Graphviz types. The caller owns
 * every array it passes; routes are the caller's, freed with
 * am_fast_routes_free.
 */
#ifndef AM_RENDER_FASTLAYOUT_H
#define AM_RENDER_FASTLAYOUT_H

#include <stddef.h>

/* Where each edge runs: edge i bends at the points
 * pts[2 * start[i] .. 2 * start[i + 1]) (x, y pairs, from its tail towards
 * its head, the two node centres not included). No bend points: a straight
 * line from centre to centre. The segments stay out of every node box
 * except the edge's own two. */
typedef struct am_fast_routes {
	size_t *start; /* m + 1 entries */
	double *pts;
} am_fast_routes;

/* Layered layout for huge maps: n nodes of w x h points, m edges
 * from[i] -> to[i] (from is drawn above), constraint[i] = 0 for edges that
 * must not rank (NULL: all rank). Writes centres to x[], y[] (points, y
 * grows upwards) and, if routes is not NULL, each edge's bend points into
 * *routes. Time and memory are O((n + m) log(n + m)) plus the bend points
 * of long edges, which are capped at 4 (n + m) + 64: edges beyond the cap
 * are drawn straight. Returns 0 or ARGMAP_ENOMEM (*routes then empty). */
int am_fast_layout_routed(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                          const size_t *to, const unsigned char *constraint, double nodesep,
                          double ranksep, double *x, double *y, am_fast_routes *routes);

/* The same without routes. */
int am_fast_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                   const size_t *to, const unsigned char *constraint, double nodesep,
                   double ranksep, double *x, double *y);

/* Frees what *r holds and empties it; an empty one is fine. */
void am_fast_routes_free(am_fast_routes *r);

#endif

/*
 * fastlayout.h - argmap's own layered layout for huge maps (fastlayout.c,
 * pure C: no Graphviz types). The declaration is moved verbatim from the
 * old render_internal.h; the caller owns every array.
 */
#ifndef AM_RENDER_FASTLAYOUT_H
#define AM_RENDER_FASTLAYOUT_H

#include <stddef.h>

/* Layered layout for huge maps (fastlayout.c): n nodes of w x h points, m
 * edges from[i] -> to[i] (from is drawn above), constraint[i] = 0 for edges
 * that must not rank (NULL: all rank). Writes centres to x[], y[] (points,
 * y grows upwards). Returns 0 or ARGMAP_ENOMEM. */
int am_fast_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                   const size_t *to, const unsigned char *constraint, double nodesep,
                   double ranksep, double *x, double *y);

#endif

/*
 * view_internal.h - the parts of am_view_build (view.c) kept in their own
 * files.
 */
#ifndef AM_MODEL_VIEW_INTERNAL_H
#define AM_MODEL_VIEW_INTERNAL_H

#include "model/view.h"

/* The focus of a view: `focus` holds one node id or several separated by
 * spaces; sets v->focus (the first), v->focus_on and v->n_focus, and
 * dist[0..n+m) (the mention graph's vertices: nodes, then relations) to
 * the number of arcs from the nearest focus (AM_GRAPH_FAR: farther than
 * 2 * depth). Every id that names no node is an AM711 in diags (with the
 * closest id as a hint). Returns 0, ARGMAP_EINVALID or ARGMAP_ENOMEM;
 * v->focus_on is v's to free either way. */
int am_view_focus(am_view *v, const argmap_map *map, const char *focus, unsigned depth,
                  size_t *dist, argmap_diags *diags, const char *file);

#endif

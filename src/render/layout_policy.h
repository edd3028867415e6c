/*
 * layout_policy.h - how a view is laid out, decided from its size before
 * Graphviz is touched (layout_policy.c, no Graphviz types): the bounds of
 * dot's network simplex and mincross, the spline routing, whether linked
 * premises are boxed, and whether argmap's fast layout replaces dot. The
 * tiers are static data and never freed.
 */
#ifndef AM_RENDER_LAYOUT_POLICY_H
#define AM_RENDER_LAYOUT_POLICY_H

#include <stddef.h>

#include "argmap/render.h"
#include "model/view.h"

/* Drawn nodes from which the fast layout replaces dot (without --group-by). */
#define AM_FAST_MIN_DEFAULT ((size_t)1000)

/* Layout bounds (Graphviz attribute values) chosen for a graph of this
 * many nodes + edges. */
typedef struct am_layout_tier {
	size_t max_elems;
	const char *nslimit, *nslimit1, *mclimit, *searchsize, *splines, *remincross;
} am_layout_tier;

/* The tier for the view: its drawn nodes plus twice its drawn relations. */
const am_layout_tier *am_layout_pick_tier(const am_view *v);

/* 1 if argmap places the nodes itself (fastlayout.c through gv_fast.c),
 * 0 if dot lays the view out. */
int am_layout_pick_fast(const argmap_render_options *o, const am_view *v);

/* 1 if the premises of linked reasons are drawn in a box (a dot cluster
 * each), 0 if they are only joined at their junction dot. */
int am_layout_boxes_linked(const am_view *v);

#endif

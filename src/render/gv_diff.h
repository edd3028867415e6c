/*
 * gv_diff.h - the change overlay of a diff's union (render option `diff`)
 * as Graphviz attributes (gv_diff.c), on the strings of diffmark.c. Called
 * by gv_graph.c for every node and edge it makes; nothing is set when the
 * item is the same in both versions or there is no diff.
 */
#ifndef AM_RENDER_GV_DIFF_H
#define AM_RENDER_GV_DIFF_H

#include <cgraph.h>

#include "render/labels.h"
#include "render/style.h"

/* Node i's border (style, colour, width, one more periphery). */
void am_gv_diff_node(Agnode_t *v, const am_labels *l, size_t i, const am_node_style *st);

/* An edge of relation r (drawn in `es`): its width, colour or double line;
 * `first` (one edge per relation) also gets the glyph as an external
 * label. */
void am_gv_diff_edge(Agedge_t *e, const am_labels *l, size_t r, const am_edge_style *es, int first);

#endif

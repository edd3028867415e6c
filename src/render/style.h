/*
 * style.h - the visual grammar as data (style.c): how each node kind and
 * relation kind is drawn in each theme. Plain strings, no Graphviz types;
 * the themes are static and never freed.
 */
#ifndef AM_RENDER_STYLE_H
#define AM_RENDER_STYLE_H

#include "argmap/map.h"

typedef struct am_node_style {
	const char *shape, *style, *fill, *border, *penwidth, *peripheries;
	const char *kind_color; /* the KIND header */
	const char *text_color;
} am_node_style;

typedef struct am_edge_style {
	const char *color, *style, *arrow, *penwidth, *arrowsize;
	const char *glyph; /* the arrowhead as drawn in the legend */
	const char *dash;  /* the legend's line: solid, dashed, dotted */
} am_edge_style;

typedef struct am_theme {
	am_node_style node[3];   /* question, claim, evidence */
	am_edge_style rel[4];    /* support, rebut, undercut, answer */
	am_edge_style editor[4]; /* the same, drawn by the map's editors (basis="editor") */
	const char *junction_fill;
	const char *meta_color; /* ids, citations */
	const char *title_color;
	const char *linked_border, *linked_fill;
	const char *group_border, *group_fill;
	const char *stance_color[4]; /* none, yes, no, qualified */
} am_theme;

/* The colour theme (print = 0) or the grayscale print theme (1). */
const am_theme *am_theme_get(int print);

/* How relation r of `map` is drawn in `th`: its kind's style, or the
 * editor's variant for basis="editor". */
const am_edge_style *am_theme_rel(const am_theme *th, const argmap_relation *r);

#endif

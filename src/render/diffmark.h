/*
 * diffmark.h - the change overlay of `argmap diff -T` (diffmark.c): how a
 * node or relation of a diff's union (argmap_diff_union, render option
 * `diff`) is marked added, removed, changed or renamed, as plain strings,
 * no Graphviz types (gv_diff.c sets the attributes). Grayscale-safe: each
 * change has a border line style or a double line, a thickness and a glyph
 * with a word, besides its colour. Everything reads opts->diff (NULL: no
 * overlay, and every function here appends nothing or returns NULL).
 */
#ifndef AM_RENDER_DIFFMARK_H
#define AM_RENDER_DIFFMARK_H

#include "render/labels.h"

typedef struct am_diff_style {
	const char *line;       /* a node's border: solid or dashed */
	const char *penwidth;   /* a node's border */
	const char *color;      /* border, glyph and word (grey shades in print) */
	int twice;              /* 1: a double border, and relations drawn as two
	                           parallel lines */
	const char *edge_pen;   /* a relation's line width; NULL: its kind's */
	const char *edge_color; /* NULL: the kind's colour */
	const char *glyph;      /* UTF-8: +, U+2212 minus, ~ */
	const char *word;       /* ADDED, REMOVED, CHANGED, RENAMED */
	const char *css;        /* the SVG class: am-diff-added, ... */
} am_diff_style;

/* How node i / relation r is marked, or NULL (no overlay, or the same in
 * both versions). */
const am_diff_style *am_diffmark_node(const am_labels *l, size_t i);
const am_diff_style *am_diffmark_rel(const am_labels *l, size_t r);

/* The node's header badge: " glyph WORD" as label markup. */
void am_diffmark_badge(const am_labels *l, size_t i, am_buf *o);

/* The rows at the foot of node i's box: what changed ("text was: ..."),
 * each line cut short; nothing when the node is the same. */
void am_diffmark_rows(const am_labels *l, size_t i, am_buf *o);

/* Tooltip lines ("\n" and the detail, escaped for a tooltip) and the
 * extra classes (" am-diff-added", " am-diff-label") of an item. */
void am_diffmark_node_tip(const am_labels *l, size_t i, am_buf *o);
void am_diffmark_rel_tip(const am_labels *l, size_t r, am_buf *o);
void am_diffmark_node_class(const am_labels *l, size_t i, am_buf *o);
void am_diffmark_rel_class(const am_labels *l, size_t r, am_buf *o);

/* The node's style attribute with the change's line style in it (base:
 * the kind's style), into o. */
void am_diffmark_node_style(const am_diff_style *s, const char *base, am_buf *o);

/* The legend rows (each a <TR>...</TR> of `cols` columns), or nothing. */
void am_diffmark_legend(const am_labels *l, am_buf *o, int cols);

#endif

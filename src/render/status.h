/*
 * status.h - the acceptability overlay of `argmap render --status`
 * (status.c): how a node's label (grounded) or acceptance (preferred) is
 * drawn, as plain strings, no Graphviz types. Grayscale-safe: each status
 * has its own border line style and a glyph with a word in the node's
 * header, besides its colour. Everything reads opts->status (NULL: no
 * overlay, and every function here appends nothing or returns NULL).
 */
#ifndef AM_RENDER_STATUS_H
#define AM_RENDER_STATUS_H

#include "render/labels.h"

typedef struct am_status_style {
	const char *line; /* the border's line style: solid, dashed, dotted */
	const char *penwidth;
	const char *color; /* the border colour (grey shades in the print theme) */
	const char *glyph; /* UTF-8, in the header and the legend */
	const char *word;  /* "IN", "OUT", "UNDEC", "SCEPTICAL", ... */
	const char *css;   /* the SVG class: am-status-in, ... */
} am_status_style;

/* How node i is drawn under opts->status, or NULL (no overlay, or a
 * question). */
const am_status_style *am_status_node(const am_labels *l, size_t i);

/* The node's header badge: " glyph WORD" as label markup. */
void am_status_badge(const am_labels *l, size_t i, am_buf *o);

/* The tooltip lines of item (node i, or relation r): "\n" and the
 * explanations, escaped for a tooltip. */
void am_status_node_tip(const am_labels *l, size_t i, am_buf *o);
void am_status_rel_tip(const am_labels *l, size_t r, am_buf *o);

/* The node's style attribute with the status's line style in it
 * (base: the kind's style), into o. */
void am_status_node_style(const am_status_style *s, const char *base, am_buf *o);

/* The legend rows (each a <TR>...</TR> of `cols` columns), or nothing. */
void am_status_legend(const am_labels *l, am_buf *o, int cols);

#endif

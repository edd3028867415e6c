/*
 * page.h - page maths for --page (page.c, no Graphviz types): the content
 * area handed to the layout as its size, and after layout the margins that
 * centre the drawing and the AM714 warning when text becomes illegible.
 */
#ifndef AM_RENDER_PAGE_H
#define AM_RENDER_PAGE_H

#include "render/job.h"

/* The content area (page minus margins, turned for --landscape), in
 * points. opts->page must not be ARGMAP_PAGE_NONE. */
void am_page_content(const argmap_render_options *o, double *w, double *h);

/* The scale (<= 1) at which a drawing of bw x bh points fits the page. */
double am_page_scale(const argmap_render_options *o, double bw, double bh);

/* For a laid-out drawing of bw x bh points: the margins in inches that
 * centre it on the page at the scale that fits it (never enlarged), and a
 * warning through `sink` when that scale is below 50 %, whose hint says
 * how many pages --pages takes: `pages`, found by trying (the caller ran
 * the paginator's filling when am_page_scale was below 0.5), or 0 when
 * unknown (then an estimate from the area, said to be one). Returns 0, or
 * -1 (nothing written, nothing said) for an empty drawing. */
int am_page_fit(const argmap_render_options *o, double bw, double bh, size_t pages,
                double *margin_x, double *margin_y, am_sink *sink);

#endif

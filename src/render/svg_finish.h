/*
 * svg_finish.h - argmap's additions to Graphviz's SVG (svg_finish.c, no
 * Graphviz types): the map's title and description, accessible names for
 * nodes and relations, the font fallbacks and the theme as CSS custom
 * properties, and classes on the legend.
 */
#ifndef AM_RENDER_SVG_FINISH_H
#define AM_RENDER_SVG_FINISH_H

#include <stddef.h>

#include "render/job.h"
#include "util/buf.h"

/* Appends the finished SVG for Graphviz's data[0..len) (NUL-terminated)
 * of `job` to `out`. Returns 0, or ARGMAP_ENOMEM (out->failed). Bytes
 * without an <svg tag are copied unchanged. */
int am_svg_finish(const char *data, size_t len, const am_job *job, am_buf *out);

#endif

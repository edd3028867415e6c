/*
 * escape.h - the only ways user text reaches Graphviz (escape.c): as
 * HTML-like label text, as a tooltip, as a link, or as an SVG id/class that
 * has passed am_rt_ident_ok. Each function appends to a caller-owned
 * buffer; a failed allocation sets the buffer's `failed` flag.
 */
#ifndef AM_RENDER_ESCAPE_H
#define AM_RENDER_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/* Appends s[0..n) escaped for a Graphviz HTML-like label: & < > " ' become
 * entities and every backslash is doubled (Graphviz substitutes \N, \G...
 * even inside HTML labels). The one escaping function for label text. */
void am_rt_html(am_buf *b, const char *s, size_t n);
void am_rt_html_str(am_buf *b, const char *s);

/* Appends s escaped for a Graphviz tooltip: & becomes &amp; and each
 * backslash becomes four (Graphviz 2.42 unescapes a tooltip once, then
 * substitutes \N, \G, \L... in it; measured: "\\\\N" shows "\N"). The one
 * escaping function for tooltips. */
void am_rt_esc(am_buf *b, const char *s);

/* Appends `url` made safe for Graphviz 2.42's unescaped SVG href (issue
 * #1687): only absolute http(s) URLs; & written as &amp;, everything
 * outside the RFC 3986 unreserved/reserved set (quotes, <, >, \, spaces,
 * non-ASCII bytes) percent-encoded, and a % not followed by two hex digits
 * encoded as %25. Returns 1 if appended, 0 (nothing appended) otherwise. */
int am_rt_url(am_buf *b, const char *url);

/* 1 if s may be used in an SVG id or CSS class: [A-Za-z][A-Za-z0-9_-]*,
 * at most 64 bytes. */
int am_rt_ident_ok(const char *s);

#endif

/*
 * html_svg.h - the web view's drawing in pieces (html_svg.c), for html.c.
 */
#ifndef AM_EXPORT_HTML_SVG_H
#define AM_EXPORT_HTML_SVG_H

#include <jansson.h>
#include <stddef.h>

#include "util/buf.h"

/* Splits Graphviz's SVG svg[0..n) (NUL-terminated at n) into its frame,
 * appended to `frame` (the <svg> element with its root group emptied but
 * for its title and background), the pieces' markup, in drawing order,
 * to `raw`, separated by form feeds (which XML never holds), and
 * *drawing, a new JSON object:
 *   "id": each piece's id attribute ("" when it has none);
 *   "k":  one letter per piece: q c e j (question, claim, evidence,
 *         junction), s r u a (support, rebut, undercut, answer edges),
 *         k (cluster), t (title block, legend);
 *   "b":  four integers per piece, its box x0 y0 x1 y1 in the root
 *         group's user units (generous for text);
 *   "e":  four integers per edge piece (in piece order): its path's first
 *         and last point.
 * `raw` never holds "<script", "</script" or "<!--" in any case (it may be
 * the text of a <script type="text/plain">).
 * Returns 0; 1 when the SVG is not of that shape, or its pieces hold one
 * of those (nothing is appended: inline it whole); -1 when out of memory. */
int am_html_split_svg(const char *svg, size_t n, am_buf *frame, am_buf *raw, json_t **drawing);

#endif

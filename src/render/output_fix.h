/*
 * output_fix.h - byte-level fix-ups of Graphviz's output (output_fix.c,
 * no Graphviz types): a fixed PDF date, and the SVG style sheet that names
 * the font's fallbacks. Both work on a buffer the caller owns.
 */
#ifndef AM_RENDER_OUTPUT_FIX_H
#define AM_RENDER_OUTPUT_FIX_H

#include <stddef.h>

#include "render/job.h"

/* Sets the fixed PDF /CreationDate (cairo 1.16 writes the current time)
 * to `date` ("YYYY-MM-DD" or NULL for 2000-01-01), in place, same length. */
void am_pdf_fix_date(char *pdf, size_t len, const char *date);

/* Splits an SVG into parts[] so that a style sheet naming the font with
 * its fallbacks follows the <svg ...> tag (CSS wins over Graphviz's
 * font-family attributes) without copying Graphviz's buffer. The parts
 * point into `data` and a static string. Returns the number of parts: 3,
 * or 1 (the SVG unchanged) when there is no <svg tag. */
size_t am_svg_fix_parts(const char *data, size_t len, am_part parts[3]);

#endif

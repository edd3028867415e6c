/*
 * output_fix.h - byte-level fix-ups of Graphviz's output (output_fix.c,
 * no Graphviz types): a fixed PDF date, on a buffer the caller owns. The
 * SVG's additions are svg_finish.h.
 */
#ifndef AM_RENDER_OUTPUT_FIX_H
#define AM_RENDER_OUTPUT_FIX_H

#include <stddef.h>

#include "render/job.h"

/* Sets the fixed PDF /CreationDate (cairo 1.16 writes the current time)
 * to `date` ("YYYY-MM-DD" or NULL for 2000-01-01), in place, same length. */
void am_pdf_fix_date(char *pdf, size_t len, const char *date);

#endif

/*
 * wrap.h - UTF-8 aware measuring, word wrapping and truncation of label
 * text (wrap.c). The *_html functions escape with am_rt_html and append
 * to a caller-owned buffer; nothing here allocates for the caller.
 */
#ifndef AM_RENDER_WRAP_H
#define AM_RENDER_WRAP_H

#include <stddef.h>

#include "util/buf.h"

/* Display width of s[0..n) in character cells: code points, except that
 * combining marks and zero-width characters count 0. */
size_t am_rt_width(const char *s, size_t n);

/* Greedy word wrap of UTF-8 text to `width` cells: calls fn for each line
 * (a slice of s, without the space it broke at). Words wider than `width`
 * are split at code-point boundaries (never before a combining mark).
 * Returns the number of lines. */
typedef void (*am_rt_line_fn)(void *ud, const char *line, size_t len);
size_t am_rt_wrap(const char *s, size_t width, am_rt_line_fn fn, void *ud);

/* Appends s wrapped to `width`, each line HTML-escaped, lines joined with
 * <BR/> (the cell's BALIGN decides alignment). At most max_lines lines:
 * the last one kept ends with an ellipsis. */
void am_rt_html_wrapped(am_buf *b, const char *s, size_t width, size_t max_lines);

/* Appends at most max_chars code points of s, then an ellipsis if cut. */
void am_rt_html_trunc(am_buf *b, const char *s, size_t max_chars);

#endif

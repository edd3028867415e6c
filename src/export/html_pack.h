/*
 * html_pack.h - bytes made small and inert for the web view (html_pack.c),
 * for html.c: deflated (zlib) and written in base64, which the viewer
 * reads back with the browser's own DecompressionStream('deflate').
 */
#ifndef AM_EXPORT_HTML_PACK_H
#define AM_EXPORT_HTML_PACK_H

#include <stddef.h>

#include "util/buf.h"

/* Appends to `out` the base64 (RFC 4648, padded, one line) of data[0..n)
 * compressed in the zlib format (RFC 1950) with fixed settings (level 6,
 * a 32 KiB window, the default strategy): the same bytes give the same
 * text, for a given zlib. The text holds only A-Z a-z 0-9 + / =, so it
 * can stand in any element's character data and never be read as markup.
 * Returns 0; -1 when out of memory (`out` may then hold part of it). */
int am_html_pack(am_buf *out, const char *data, size_t n);

#endif

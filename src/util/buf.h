/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 * A zeroed am_buf is empty and valid. After an allocation failure the
 * buffer keeps its content and sets `failed`; later appends do nothing.
 */
#ifndef AM_BUF_H
#define AM_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util/am_internal.h"

typedef struct am_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed;
} am_buf;

/* Makes room for `extra` more bytes at once (appends that fit then do not
 * reallocate). Returns 0, or -1 and sets `failed`. */
int am_buf_reserve(am_buf *b, size_t extra);
void am_buf_put(am_buf *b, const char *s, size_t n);
void am_buf_puts(am_buf *b, const char *s);
void am_buf_putc(am_buf *b, char c);
void am_buf_printf(am_buf *b, const char *fmt, ...) AM_PRINTF(2, 3);
void am_buf_vprintf(am_buf *b, const char *fmt, va_list ap) AM_PRINTF(2, 0);
/* Appends s as the inside of a JSON string (no quotes added). */
void am_buf_put_json(am_buf *b, const char *s);
/* Appends s[0..n) as XML/HTML character data or attribute value text:
 * & < > " ' become &amp; &lt; &gt; &quot; &#39;. The one escaper for text
 * argmap itself writes into SVG or HTML markup (render/escape.c builds
 * Graphviz's label escaping on it). */
void am_buf_put_xml(am_buf *b, const char *s, size_t n);
/* Hands the string to the caller (free() it); NULL if any append failed.
 * The buffer is reset to empty either way. */
char *am_buf_detach(am_buf *b);
void am_buf_free(am_buf *b);

#endif

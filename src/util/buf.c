#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for `extra` more bytes and the NUL: doubling (appends), or
 * exactly (a reserve of a known size). */
static int grow(am_buf *b, size_t extra, int exact)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return -1;
	if (extra > (size_t)-1 / 2 - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap && b->data)
		return 0;
	cap = exact ? need : b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	p[b->len] = '\0';
	b->data = p;
	b->cap = cap;
	return 0;
}

int am_buf_reserve(am_buf *b, size_t extra)
{
	return grow(b, extra, 1);
}

void am_buf_put(am_buf *b, const char *s, size_t n)
{
	if (grow(b, n, 0) < 0)
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void am_buf_puts(am_buf *b, const char *s)
{
	am_buf_put(b, s, strlen(s));
}

void am_buf_putc(am_buf *b, char c)
{
	am_buf_put(b, &c, 1);
}

void am_buf_vprintf(am_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (grow(b, (size_t)n, 0) < 0)
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void am_buf_printf(am_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	am_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void am_buf_put_json(am_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': am_buf_puts(b, "\\\""); break;
		case '\\': am_buf_puts(b, "\\\\"); break;
		case '\n': am_buf_puts(b, "\\n"); break;
		case '\r': am_buf_puts(b, "\\r"); break;
		case '\t': am_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20)
				am_buf_printf(b, "\\u%04x", c);
			else
				am_buf_putc(b, (char)c);
		}
	}
}

void am_buf_put_xml(am_buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		am_buf_put(b, s + start, i - start);
		am_buf_puts(b, rep);
		start = i + 1;
	}
	am_buf_put(b, s + start, n - start);
}

char *am_buf_detach(am_buf *b)
{
	char *s;

	if (b->failed) {
		am_buf_free(b);
		return NULL;
	}
	if (!b->data)
		am_buf_put(b, "", 0);
	s = b->failed ? NULL : b->data;
	if (!s)
		free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
	return s;
}

void am_buf_free(am_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/*
 * wrap.c - UTF-8 aware width, word wrap and truncation of label text; each
 * line is escaped with am_rt_html (escape.c).
 */
#include <string.h>

#include "render/escape.h"
#include "render/wrap.h"
#include "util/text.h"

/* Code points that take no cell of their own. */
static int zero_width(unsigned long cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2069) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF;
}

size_t am_rt_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		unsigned long cp;
		i += am_utf8_decode(s + i, n - i, &cp);
		if (!zero_width(cp))
			w++;
	}
	return w;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t am_rt_wrap(const char *s, size_t width, am_rt_line_fn fn, void *ud)
{
	size_t n = strlen(s), i = 0, lines = 0;
	size_t line_start = 0, line_end = 0, line_w = 0; /* current line: s[line_start..line_end) */
	int have_line = 0;

	if (width < 1)
		width = 1;
	while (i < n) {
		size_t w0, w1, ww;
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			break;
		w0 = i;
		while (i < n && !is_space(s[i]))
			i++;
		w1 = i;
		ww = am_rt_width(s + w0, w1 - w0);
		if (have_line && line_w + 1 + ww <= width) {
			line_end = w1;
			line_w += 1 + ww;
			continue;
		}
		if (have_line) {
			fn(ud, s + line_start, line_end - line_start);
			lines++;
		}
		/* Split a word wider than the line into full-width pieces. */
		while (ww > width) {
			size_t j = w0, cells = 0;
			while (j < w1) {
				unsigned long cp;
				size_t len = am_utf8_decode(s + j, w1 - j, &cp);
				int zw = zero_width(cp);
				if (!zw && cells == width)
					break;
				if (!zw)
					cells++;
				j += len;
			}
			fn(ud, s + w0, j - w0);
			lines++;
			ww -= cells;
			w0 = j;
		}
		line_start = w0;
		line_end = w1;
		line_w = ww;
		have_line = 1;
	}
	if (have_line) {
		fn(ud, s + line_start, line_end - line_start);
		lines++;
	}
	return lines;
}

typedef struct wrap_ctx {
	am_buf *b;
	size_t count, max;
	int truncated;
} wrap_ctx;

static void put_line(void *ud, const char *line, size_t len)
{
	wrap_ctx *c = ud;

	c->count++;
	if (c->count > c->max) {
		c->truncated = 1;
		return;
	}
	if (c->count > 1)
		am_buf_puts(c->b, "<BR/>");
	am_rt_html(c->b, line, len);
}

void am_rt_html_wrapped(am_buf *b, const char *s, size_t width, size_t max_lines)
{
	wrap_ctx c;

	c.b = b;
	c.count = 0;
	c.max = max_lines ? max_lines : (size_t)-1;
	c.truncated = 0;
	am_rt_wrap(s, width, put_line, &c);
	if (c.truncated)
		am_buf_puts(b, " \xE2\x80\xA6"); /* ... */
}

void am_rt_html_trunc(am_buf *b, const char *s, size_t max_chars)
{
	size_t n = strlen(s), i = 0, count = 0;

	while (i < n && count < max_chars) {
		unsigned long cp;
		i += am_utf8_decode(s + i, n - i, &cp);
		if (!zero_width(cp))
			count++;
	}
	/* keep combining marks that belong to the last character */
	while (i < n) {
		unsigned long cp;
		size_t len = am_utf8_decode(s + i, n - i, &cp);
		if (!zero_width(cp))
			break;
		i += len;
	}
	am_rt_html(b, s, i);
	if (i < n)
		am_buf_puts(b, "\xE2\x80\xA6");
}

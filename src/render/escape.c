/*
 * escape.c - every piece of user text that reaches Graphviz goes through
 * one of these functions: am_rt_html for label text (all labels are
 * HTML-like, so the cgraph refstr pitfall of mixing label kinds cannot
 * arise), am_rt_esc for tooltips, am_rt_url for links. Plus UTF-8 aware
 * word wrapping. See docs/rendering.md, "Safety".
 */
#include <string.h>

#include "render/render_internal.h"
#include "util/text.h"

void am_rt_html(am_buf *b, const char *s, size_t n)
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
		case '\\': rep = "\\\\"; break;
		default: continue;
		}
		am_buf_put(b, s + start, i - start);
		am_buf_puts(b, rep);
		start = i + 1;
	}
	am_buf_put(b, s + start, n - start);
}

void am_rt_html_str(am_buf *b, const char *s)
{
	am_rt_html(b, s, strlen(s));
}

void am_rt_esc(am_buf *b, const char *s)
{
	const char *start = s;

	for (; *s; s++) {
		if (*s != '&' && *s != '\\')
			continue;
		am_buf_put(b, start, (size_t)(s - start));
		am_buf_puts(b, *s == '&' ? "&amp;" : "\\\\\\\\");
		start = s + 1;
	}
	am_buf_puts(b, start);
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int am_rt_url(am_buf *b, const char *url)
{
	static const char keep[] = "-._~:/?#[]@!$()*+,;=";
	const unsigned char *p;

	if (!url)
		return 0;
	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return 0;
	if (am_url_problem(url))
		return 0;
	for (p = (const unsigned char *)url; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c != 0 && strchr(keep, c)))
			am_buf_putc(b, (char)c);
		else if (c == '&')
			am_buf_puts(b, "&amp;");
		else if (c == '%' && is_hex((char)p[1]) && is_hex((char)p[2]))
			am_buf_putc(b, '%');
		else
			am_buf_printf(b, "%%%02X", c);
	}
	return 1;
}

int am_rt_ident_ok(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (; *s; s++, n++) {
		char c = *s;
		if (n >= 64)
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* Code points that take no cell of their own. */
static int zero_width(unsigned long cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2069) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF;
}

/* Decodes the code point at s (valid UTF-8 expected; a stray byte counts as
 * one code point of one byte) and returns its length in bytes. */
static size_t cp_at(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, k;

	if (u[0] < 0x80 || n == 0) {
		*cp = u[0];
		return 1;
	}
	len = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
	if (len > n || len == 1) {
		*cp = u[0];
		return 1;
	}
	*cp = u[0] & (0x7F >> len);
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			*cp = u[0];
			return 1;
		}
		*cp = (*cp << 6) | (u[k] & 0x3F);
	}
	return len;
}

size_t am_rt_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		unsigned long cp;
		i += cp_at(s + i, n - i, &cp);
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
			have_line = 0;
		}
		/* Split a word wider than the line into full-width pieces. */
		while (ww > width) {
			size_t j = w0, cells = 0;
			while (j < w1) {
				unsigned long cp;
				size_t len = cp_at(s + j, w1 - j, &cp);
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
		i += cp_at(s + i, n - i, &cp);
		if (!zero_width(cp))
			count++;
	}
	/* keep combining marks that belong to the last character */
	while (i < n) {
		unsigned long cp;
		size_t len = cp_at(s + i, n - i, &cp);
		if (!zero_width(cp))
			break;
		i += len;
	}
	am_rt_html(b, s, i);
	if (i < n)
		am_buf_puts(b, "\xE2\x80\xA6");
}

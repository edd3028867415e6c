/*
 * escape.c - every piece of user text that reaches Graphviz goes through
 * one of these functions: am_rt_html for label text (all labels are
 * HTML-like, so the cgraph refstr pitfall of mixing label kinds cannot
 * arise), am_rt_esc for tooltips, am_rt_url for links, am_rt_ident_ok for ids
 * and classes. Word wrapping is wrap.c. See docs/rendering.md, "Safety".
 */
#include <string.h>

#include "render/escape.h"
#include "util/text.h"

void am_rt_html(am_buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	/* XML escaping, and each backslash doubled */
	for (i = 0; i < n; i++) {
		if (s[i] != '\\')
			continue;
		am_buf_put_xml(b, s + start, i - start);
		am_buf_puts(b, "\\\\");
		start = i + 1;
	}
	am_buf_put_xml(b, s + start, n - start);
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
	return am_ident_ok(s);
}

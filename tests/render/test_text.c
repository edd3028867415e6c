/*
 * The one escaping function per label kind, link encoding, safe ids and
 * UTF-8 aware wrapping (src/render/escape.c).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "render/escape.h"
#include "render/output_fix.h"
#include "render/wrap.h"
#include "util/buf.h"
#include "render_support.h"

static char *html(const char *s)
{
	am_buf b = {0};
	am_rt_html_str(&b, s);
	return am_buf_detach(&b);
}

static char *esc(const char *s)
{
	am_buf b = {0};
	am_rt_esc(&b, s);
	return am_buf_detach(&b);
}

Test(escape, html_label_text)
{
	char *s = html("<b>a & b</b> \"q\" 'x' \\N\\G");
	cr_expect_str_eq(s, "&lt;b&gt;a &amp; b&lt;/b&gt; &quot;q&quot; &#39;x&#39; \\\\N\\\\G");
	free(s);
	s = html("&amp; ]]> <!-- --> <?pi?> \xE2\x80\xAE");
	cr_expect_str_eq(s, "&amp;amp; ]]&gt; &lt;!-- --&gt; &lt;?pi?&gt; \xE2\x80\xAE");
	free(s);
	s = html("");
	cr_expect_str_eq(s, "");
	free(s);
}

Test(escape, tooltip_escstring)
{
	char *s = esc("a & b \\N \\n <x> \"q\"");
	/* only & and \ are special in a tooltip; Graphviz escapes the rest for
	 * XML; a backslash is unescaped once, then \N etc. are substituted */
	cr_expect_str_eq(s, "a &amp; b \\\\\\\\N \\\\\\\\n <x> \"q\"");
	free(s);
}

Test(escape, urls)
{
	am_buf b = {0};
	char *s;

	cr_expect_eq(am_rt_url(&b, "https://example.org/a?x=1&y='2'#f"), 1);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "https://example.org/a?x=1&amp;y=%272%27#f");
	free(s);
	cr_expect_eq(am_rt_url(&b, "http://example.org/%zz/%41"), 1);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "http://example.org/%25zz/%41");
	free(s);
	cr_expect_eq(am_rt_url(&b, "http://example.org/\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"), 1);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "http://example.org/%D0%9A%D0%B8%D1%97%D0%B2");
	free(s);
	/* other schemes, injections and malformed URLs are never linked */
	cr_expect_eq(am_rt_url(&b, "javascript:alert(1)"), 0);
	cr_expect_eq(am_rt_url(&b, "JAVASCRIPT:alert(1)"), 0);
	cr_expect_eq(am_rt_url(&b, "file:///etc/passwd"), 0);
	cr_expect_eq(am_rt_url(&b, "http://x/\" onmouseover=\"alert(1)"), 0);
	cr_expect_eq(am_rt_url(&b, "http://x/a b"), 0);
	cr_expect_eq(am_rt_url(&b, NULL), 0);
	cr_expect_eq(b.len, 0);
	am_buf_free(&b);
}

Test(escape, safe_ids)
{
	cr_expect(am_rt_ident_ok("cg-logan-no"));
	cr_expect(am_rt_ident_ok("a_1"));
	cr_expect(!am_rt_ident_ok("1abc"));
	cr_expect(!am_rt_ident_ok("a.b"));
	cr_expect(!am_rt_ident_ok("a b"));
	cr_expect(!am_rt_ident_ok("\xD0\xBA"));
	cr_expect(!am_rt_ident_ok(""));
	cr_expect(!am_rt_ident_ok(NULL));
	cr_expect(!am_rt_ident_ok("a\"onclick"));
	cr_expect(am_rt_ident_ok("a234567890123456789012345678901234567890123456789012345678901234"));
	cr_expect(!am_rt_ident_ok("a2345678901234567890123456789012345678901234567890123456789012345"));
}

typedef struct lines {
	char buf[16][128];
	size_t n;
} lines;

static void collect(void *ud, const char *line, size_t len)
{
	lines *l = ud;
	cr_assert(l->n < 16 && len < 128);
	memcpy(l->buf[l->n], line, len);
	l->buf[l->n][len] = '\0';
	l->n++;
}

Test(wrap, words_and_width)
{
	lines l = {{{0}}, 0};

	cr_expect_eq(am_rt_wrap("the quick brown fox jumps over", 10, collect, &l), 3);
	cr_expect_str_eq(l.buf[0], "the quick");
	cr_expect_str_eq(l.buf[1], "brown fox");
	cr_expect_str_eq(l.buf[2], "jumps over");
	l.n = 0;
	/* leading and trailing space goes; a line is a slice of the text */
	cr_expect_eq(am_rt_wrap("  spaces are\tkept  ", 40, collect, &l), 1);
	cr_expect_str_eq(l.buf[0], "spaces are\tkept");
}

Test(wrap, utf8_counts_characters_not_bytes)
{
	lines l = {{{0}}, 0};

	/* 11 characters (21 bytes) fit a width of 11 */
	cr_expect_eq(am_rt_wrap("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xD0\xA5\xD0\xB0\xD1\x80\xD0\xBA\xD1\x96\xD0\xB2", 11,
	                        collect, &l), 1);
	l.n = 0;
	/* combining marks take no cell: e + U+0301 is one character */
	cr_expect_eq(am_rt_width("e\xCC\x81", 3), 1);
	cr_expect_eq(am_rt_width("\xE2\x80\x9Cq\xE2\x80\x9D", 7), 3);
	cr_expect_eq(am_rt_wrap("ab\xCC\x81" "cd", 2, collect, &l), 2);
	cr_expect_str_eq(l.buf[0], "ab\xCC\x81", "a mark stays with its letter");
	cr_expect_str_eq(l.buf[1], "cd");
}

Test(wrap, long_words_are_split_losslessly)
{
	lines l = {{{0}}, 0};
	char joined[128] = "";
	size_t i;

	cr_expect_eq(am_rt_wrap("https://example.org/a/very/long/path", 10, collect, &l), 4);
	for (i = 0; i < l.n; i++)
		strcat(joined, l.buf[i]);
	cr_expect_str_eq(joined, "https://example.org/a/very/long/path");
	cr_expect_str_eq(l.buf[0], "https://ex");
}

Test(wrap, html_wrapped_and_truncated)
{
	am_buf b = {0};
	char *s;

	am_rt_html_wrapped(&b, "a<b c&d e", 3, 0);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "a&lt;b<BR/>c&amp;d<BR/>e");
	free(s);
	am_rt_html_wrapped(&b, "one two three four", 5, 2);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "one<BR/>two \xE2\x80\xA6");
	free(s);
	am_rt_html_trunc(&b, "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", 2);
	s = am_buf_detach(&b);
	cr_expect_str_eq(s, "\xD0\x9A\xD0\xB8\xE2\x80\xA6");
	free(s);
}

Test(pdf, creation_date_is_fixed_in_place)
{
	char pdf[] = "%PDF-1.5\n<< /CreationDate (D:20261124015436Z) >>\n";
	size_t len = strlen(pdf);

	am_pdf_fix_date(pdf, len, "2025-03-06");
	cr_expect_str_eq(pdf, "%PDF-1.5\n<< /CreationDate (D:20250306000000Z) >>\n");
	am_pdf_fix_date(pdf, len, NULL);
	cr_expect_str_eq(pdf, "%PDF-1.5\n<< /CreationDate (D:20000101000000Z) >>\n");
	cr_expect_eq(strlen(pdf), len);
}

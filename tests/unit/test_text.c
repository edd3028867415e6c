/* text.c: UTF-8, whitespace folding, similarity, dates and URLs. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

Test(text, utf8_check_finds_the_first_bad_byte)
{
	cr_expect_eq(am_utf8_check("abc", 3), 3);
	cr_expect_eq(am_utf8_check("Київ — “ok”", strlen("Київ — “ok”")), strlen("Київ — “ok”"));
	cr_expect_eq(am_utf8_check("ab\xC3\x28", 4), 2, "bad continuation byte");
	cr_expect_eq(am_utf8_check("\xC0\xAF", 2), 0, "overlong");
	cr_expect_eq(am_utf8_check("x\xED\xA0\x80", 4), 1, "surrogate");
	cr_expect_eq(am_utf8_check("\xF4\x90\x80\x80", 4), 0, "above U+10FFFF");
	cr_expect_eq(am_utf8_check("\xE2\x82", 2), 0, "truncated sequence");
}

Test(text, utf8_count_counts_code_points)
{
	cr_expect_eq(am_utf8_count("Київ", strlen("Київ")), 4);
	cr_expect_eq(am_utf8_count("a—b", strlen("a—b")), 3);
}

Test(text, fold_space_collapses_and_trims)
{
	char out[64];

	cr_expect_eq(am_fold_space(out, "  a \n\t b  "), 3);
	cr_expect_str_eq(out, "a b");
	am_fold_space(out, "");
	cr_expect_str_eq(out, "");
}

Test(text, edit_distance_is_bounded)
{
	cr_expect_eq(am_edit_distance("support", "suport", 2), 1);
	cr_expect_eq(am_edit_distance("kitten", "sitting", 5), 3);
	cr_expect_eq(am_edit_distance("a", "abcdef", 2), 3, "beyond max returns max+1");
	cr_expect_eq(am_edit_distance("same", "same", 1), 0);
	/* Damerau: a swap of adjacent characters is one edit */
	cr_expect_eq(am_edit_distance("yse", "yes", 1), 1);
	cr_expect_eq(am_edit_distance("suppotr", "support", 1), 1);
	cr_expect_eq(am_edit_distance("ab", "ba", 0), 1, "beyond max returns max+1");
	cr_expect_eq(am_edit_distance("ca", "abc", 3), 3, "optimal string alignment, not full Damerau");
	cr_expect_eq(am_edit_distance("qualfiied", "qualified", 2), 1);
}

Test(text, dates)
{
	cr_expect(am_date_valid("2025"));
	cr_expect(am_date_valid("2025-03"));
	cr_expect(am_date_valid("2025-03-07"));
	cr_expect(am_date_valid("2024-02-29"), "leap year");
	cr_expect(!am_date_valid("2025-02-29"));
	cr_expect(!am_date_valid("2025-13-01"));
	cr_expect(!am_date_valid("2025-3-7"));
	cr_expect(!am_date_valid("March 2025"));
	cr_expect(!am_date_valid("0000"));
	cr_expect(!am_date_valid("1900-02-29"), "1900 was not a leap year");
}

Test(text, urls)
{
	cr_expect_null(am_url_problem("https://www.foreignaffairs.com/russia/x?a=1#b"));
	cr_expect_null(am_url_problem("http://example.org"));
	cr_expect_not_null(am_url_problem("ftp://example.org"));
	cr_expect_not_null(am_url_problem("javascript:alert(1)"));
	cr_expect_not_null(am_url_problem("https://"));
	cr_expect_not_null(am_url_problem("https://x/\" onmouseover=\"alert(1)"));
	cr_expect_not_null(am_url_problem("https://exa mple.org"));
	cr_expect_not_null(am_url_problem("https://ex_ample.org/"));
}

/* buf.c: appends after a reserve fit without moving the data; a reserve
 * keeps the content and the NUL; an impossible one fails cleanly. */
Test(buf, reserve_then_append_does_not_reallocate)
{
	am_buf b = {0};
	const char *before;
	size_t i;

	cr_assert_eq(am_buf_reserve(&b, 1000), 0);
	cr_assert(b.data && b.data[0] == '\0' && b.len == 0);
	before = b.data;
	for (i = 0; i < 100; i++)
		am_buf_put(&b, "0123456789", 10);
	cr_expect_eq(b.data, before, "1,000 bytes reserved, yet the buffer moved");
	cr_expect_eq(b.len, 1000);
	cr_expect_eq(b.data[1000], '\0');
	am_buf_puts(&b, "!");
	cr_expect_eq(b.len, 1001);
	cr_expect(!strcmp(b.data + 995, "56789!"));
	cr_expect_eq(am_buf_reserve(&b, (size_t)-1 / 2), -1);
	cr_expect(b.failed);
	cr_expect_eq(b.len, 1001, "a failed reserve keeps the content");
	am_buf_free(&b);
}

Test(text, utf8_decode_is_bounded_and_always_advances)
{
	unsigned long cp;

	cr_expect_eq(am_utf8_decode("A", 1, &cp), 1);
	cr_expect_eq(cp, 'A');
	cr_expect_eq(am_utf8_decode("\xC3\xA9", 2, &cp), 2);
	cr_expect_eq(cp, 0xE9);
	cr_expect_eq(am_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	cr_expect_eq(cp, 0x1F600);
	/* truncated by n, by a NUL, or by a non-continuation byte: one bad byte */
	cr_expect_eq(am_utf8_decode("\xE2\x80\x94", 2, &cp), 1);
	cr_expect_eq(cp, AM_UTF8_BAD);
	cr_expect_eq(am_utf8_decode("\xE2\x80", SIZE_MAX, &cp), 1, "stops at the NUL");
	cr_expect_eq(cp, AM_UTF8_BAD);
	cr_expect_eq(am_utf8_decode("\xC3(", 2, &cp), 1);
	cr_expect_eq(cp, AM_UTF8_BAD);
	/* a stray continuation byte and a byte that starts nothing */
	cr_expect_eq(am_utf8_decode("\x80", 1, &cp), 1);
	cr_expect_eq(cp, AM_UTF8_BAD);
	cr_expect_eq(am_utf8_decode("\xFF\x80\x80\x80", 4, &cp), 1);
	cr_expect_eq(cp, AM_UTF8_BAD);
	cr_expect_eq(am_utf8_decode("x", 0, &cp), 0);
}

Test(text, utf8_prefix_cuts_at_character_boundaries)
{
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"; /* a e-acute euro emoji z */

	cr_expect_eq(am_utf8_prefix(s, 0), 0);
	cr_expect_eq(am_utf8_prefix(s, 1), 1);
	cr_expect_eq(am_utf8_prefix(s, 2), 3);
	cr_expect_eq(am_utf8_prefix(s, 3), 6);
	cr_expect_eq(am_utf8_prefix(s, 4), 10);
	cr_expect_eq(am_utf8_prefix(s, 5), 11);
	cr_expect_eq(am_utf8_prefix(s, 99), 11);
	cr_expect_eq(am_utf8_prefix("", 5), 0);
	/* a truncated sequence at the end is one (bad) character, never overread */
	cr_expect_eq(am_utf8_prefix("ab\xE2\x82", 3), 3);
	cr_expect_eq(am_utf8_prefix("ab\xE2\x82", 9), 4);
}

/* quotes.c: quotes verified against source texts the project writes itself. */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static char *dir;

static void setup(void)
{
	dir = ts_tmpdir();
	ts_put(dir, "speech.txt",
	         "The Mayor said: \xE2\x80\x9COur streets belong to everyone\xE2\x80\x9D \xE2\x80\x94 "
	         "and she meant it.\nWe will act\xE2\x80\xA6 soon.\n"
	         "The budget for 2026 is four million.\n",
	         (size_t)-1);
}

static void teardown(void)
{
	ts_rmtree(dir);
	free(dir);
}

TestSuite(quotes, .init = setup, .fini = teardown);

static argmap_diags *check_quote(const char *quote, const char *textfile_attr)
{
	char xml[2048];
	char *p;
	argmap_diags *d;

	snprintf(xml, sizeof xml,
	         TS_HEAD "  <source id=\"speech\" kind=\"speech\"%s><title>S</title></source>\n"
	                 "  <actor id=\"m\" kind=\"person\" name=\"Mayor\"/>\n"
	                 "  <claim id=\"c\" by=\"m\" source=\"speech\"><text>C.</text></claim>\n"
	                 "  <evidence id=\"e\" source=\"speech\"><quote>%s</quote></evidence>\n"
	                 "  <support from=\"e\" to=\"c\"/>\n" TS_TAIL,
	         textfile_attr, quote);
	p = ts_write(dir, "map.xml", xml, (size_t)-1);
	d = ts_check_file(p, dir);
	free(p);
	return d;
}

Test(quotes, verbatim_after_normalisation)
{
	/* straight quotes for typographic ones, a hyphen for the em dash,
	 * three dots for the ellipsis, a line break for a space */
	argmap_diags *d = check_quote("\"Our streets belong to everyone\" - and she meant it. We "
	                              "will act...\n soon.",
	                              "");
	char *dump = ts_dump(d);

	cr_expect_eq(ts_count(d, "AM601"), 0, "%s", dump);
	cr_expect_eq(ts_count(d, "AM602"), 0, "speech.txt is the default name: %s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(quotes, a_changed_word_fails_and_shows_the_closest_passage)
{
	argmap_diags *d = check_quote("The budget for 2026 is five million.", "");
	const argmap_diag *x = ts_find(d, "AM601");
	size_t i;
	int noted = 0;

	cr_assert(x);
	cr_expect_eq(x->line, 6, "points at the <quote>");
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *n = argmap_diags_get(d, i);
		if (n->parent == ARGMAP_NONE || strcmp(n->code, "AM601"))
			continue;
		noted = 1;
		cr_expect(strstr(n->message, "differs after \"The budget for 2026 is \""), "%s",
		          n->message);
		cr_expect(strstr(n->message, "the quote has \"five million.\""), "%s", n->message);
		cr_expect(strstr(n->message, "the text has \"four million."), "%s", n->message);
		cr_expect_eq(n->line, 3, "the passage's line in the text");
		cr_expect(strstr(n->file, "speech.txt"));
	}
	cr_expect(noted, "a note shows the closest passage");
	argmap_diags_free(d);
}

Test(quotes, case_matters)
{
	argmap_diags *d = check_quote("the budget for 2026", "");
	cr_expect_eq(ts_count(d, "AM601"), 1);
	argmap_diags_free(d);
}

Test(quotes, textfile_attribute_names_the_file)
{
	argmap_diags *d;

	ts_put(dir, "other-name.txt", "Completely different words here.", (size_t)-1);
	d = check_quote("different words", " textfile=\"other-name.txt\"");
	cr_expect_eq(ts_count(d, "AM601"), 0);
	argmap_diags_free(d);
}

Test(quotes, missing_text_is_a_note_not_a_pass)
{
	argmap_diags *d = check_quote("anything", " textfile=\"nope.txt\"");
	cr_expect_eq(ts_count(d, "AM602"), 1);
	cr_expect_eq(ts_find(d, "AM602")->severity, ARGMAP_SEV_WARNING,
	             "a text that --sources was given for and cannot be found (issue 15)");
	cr_expect_eq(ts_count(d, "AM601"), 0);
	argmap_diags_free(d);
}

Test(quotes, without_texts_a_note_says_they_were_not_verified)
{
	argmap_diags *d = ts_check_text(TS_HEAD
	    "  <source id=\"s\" kind=\"web\"><title>S</title></source>\n"
	    "  <actor id=\"a\" kind=\"person\" name=\"A\"/>\n"
	    "  <claim id=\"c\" by=\"a\" source=\"s\"><text>C.</text></claim>\n"
	    "  <evidence id=\"e\" source=\"s\"><quote>q</quote></evidence>\n"
	    "  <support from=\"e\" to=\"c\"/>\n" TS_TAIL);
	const argmap_diag *x = ts_find(d, "AM603");

	cr_assert(x);
	cr_expect_eq(x->severity, ARGMAP_SEV_NOTE);
	argmap_diags_free(d);
}

Test(quotes, several_folders_are_searched_in_order)
{
	char *other = ts_tmpdir(), dirs[8192], xml[1024];
	char *p;
	argmap_diags *d;

	ts_put(other, "elsewhere.txt", "Words found in the second folder.", (size_t)-1);
	snprintf(dirs, sizeof dirs, "%s:%s", dir, other);
	snprintf(xml, sizeof xml,
	         TS_HEAD "  <source id=\"s\" kind=\"web\" textfile=\"elsewhere.txt\"><title>S</title></source>\n"
	                 "  <actor id=\"m\" kind=\"person\" name=\"M\"/>\n"
	                 "  <claim id=\"c\" by=\"m\" source=\"s\"><text>C.</text></claim>\n"
	                 "  <evidence id=\"e\" source=\"s\"><quote>found in the second</quote></evidence>\n"
	                 "  <support from=\"e\" to=\"c\"/>\n" TS_TAIL);
	p = ts_write(dir, "map2.xml", xml, (size_t)-1);
	d = ts_check_file(p, dirs);
	cr_expect_eq(ts_count(d, "AM602"), 0);
	cr_expect_eq(ts_count(d, "AM601"), 0);
	argmap_diags_free(d);
	free(p);
	ts_rmtree(other);
	free(other);
}

/* The closest passage's column on a long line, past the 4 KiB code-point
 * marks, counts characters, not bytes: a line of 3,000 two-byte "é" then
 * the passage. Its own text file, so the shared speech stays small. */
Test(quotes, closest_passage_column_on_a_long_line_counts_characters)
{
	char *text = malloc(3000 * 2 + 64), *p = text, xml[1024], *path;
	argmap_diags *d;
	size_t i;
	int noted = 0;

	cr_assert(text);
	memcpy(p, "first line\n", 11);
	p += 11;
	for (i = 0; i < 3000; i++, p += 2)
		memcpy(p, "\xC3\xA9", 2);
	strcpy(p, " the lane opens in May.\n");
	ts_put(dir, "long.txt", text, (size_t)-1);
	snprintf(xml, sizeof xml,
	         TS_HEAD "  <source id=\"long\" kind=\"speech\"><title>L</title></source>\n"
	                 "  <actor id=\"m\" kind=\"person\" name=\"Mayor\"/>\n"
	                 "  <claim id=\"c\" by=\"m\" source=\"long\"><text>C.</text></claim>\n"
	                 "  <evidence id=\"e\" source=\"long\"><quote>the lane opens in June."
	                 "</quote></evidence>\n"
	                 "  <evidence id=\"f\" source=\"long\"><quote>the lane opens in May."
	                 "</quote></evidence>\n"
	                 "  <support from=\"e f\" to=\"c\"/>\n" TS_TAIL);
	path = ts_write(dir, "long.xml", xml, (size_t)-1);
	d = ts_check_file(path, dir);
	cr_expect_eq(ts_count(d, "AM601"), 1, "only the changed quote misses");
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *n = argmap_diags_get(d, i);
		if (n->parent == ARGMAP_NONE || strcmp(n->code, "AM601"))
			continue;
		noted = 1;
		cr_expect_eq(n->line, 2);
		cr_expect_eq(n->col, 3002, "3,000 characters and a space before it: %u", n->col);
		cr_expect(strstr(n->message, "the quote has \"June.\", the text has \"May."), "%s",
		          n->message);
	}
	cr_expect(noted);
	argmap_diags_free(d);
	free(path);
	free(text);
}

/* A quote that is the whole text, one at its very end, and one longer
 * than the text: the suffix-array search at its edges. */
Test(quotes, edges_of_the_text)
{
	argmap_diags *d = check_quote("The budget for 2026 is four million.", "");
	cr_expect_eq(ts_count(d, "AM601"), 0, "at the very end");
	argmap_diags_free(d);
	ts_put(dir, "tiny.txt", "Go.", (size_t)-1);
	d = check_quote("Go.", " textfile=\"tiny.txt\"");
	cr_expect_eq(ts_count(d, "AM601"), 0, "the whole text");
	argmap_diags_free(d);
	d = check_quote("Go. Now.", " textfile=\"tiny.txt\"");
	cr_expect_eq(ts_count(d, "AM601"), 1, "longer than the text");
	argmap_diags_free(d);
	d = check_quote("Ga.", " textfile=\"tiny.txt\"");
	cr_expect_eq(ts_count(d, "AM601"), 1, "a changed letter");
	argmap_diags_free(d);
}

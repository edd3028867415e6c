/*
 * One test per diagnostic code of the loader and checker: a small map with
 * exactly that mistake must produce the code, at the right line.
 */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* A minimal clean body: one actor, one source, a claim supported by
 * evidence, answering a question. */
#define ACTOR "  <actor id=\"ann\" kind=\"person\" name=\"Ann Example\"/>\n"
#define SOURCE "  <source id=\"src\" kind=\"article\"><title>T</title></source>\n"
#define CLEAN                                                                          \
	ACTOR SOURCE                                                                   \
	"  <question id=\"q\"><text>Is it so?</text></question>\n"                     \
	"  <claim id=\"c1\" by=\"ann\" source=\"src\"><text>It is so.</text></claim>\n" \
	"  <evidence id=\"e1\" source=\"src\" speaker=\"ann\"><quote>so it is</quote></evidence>\n" \
	"  <support id=\"s1\" from=\"e1\" to=\"c1\"/>\n"                                \
	"  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n"

static argmap_diags *check(const char *body)
{
	return ts_check_body(body);
}

/* Asserts that `code` is reported exactly `times` times, the first at `line`. */
static void expect(const char *body, const char *code, size_t times, unsigned line)
{
	argmap_diags *d = check(body);
	char *dump = ts_dump(d);
	const argmap_diag *x = ts_find(d, code);

	cr_expect_eq(ts_count(d, code), times, "%s reported %zu times, expected %zu:\n%s", code,
	             ts_count(d, code), times, dump);
	if (x && line)
		cr_expect_eq(x->line, line, "%s at line %u, expected %u:\n%s", code, x->line, line,
		             dump);
	free(dump);
	argmap_diags_free(d);
}

Test(codes, clean_map_has_no_errors_or_warnings)
{
	argmap_diags *d = check(CLEAN);
	char *dump = ts_dump(d);

	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s", dump);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 0, "%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(codes, AM013_wrong_root)
{
	argmap_diags *d = ts_check_text("<map xmlns=\"urn:argmap:1\"/>");
	cr_expect_eq(ts_count(d, "AM013"), 1);
	argmap_diags_free(d);
	d = ts_check_text("<argmap version=\"1\"/>");
	cr_expect_eq(ts_count(d, "AM013"), 1, "missing namespace must be AM013");
	argmap_diags_free(d);
	d = ts_check_text("<argmap xmlns=\"urn:argmap:1\" version=\"2\"/>");
	cr_expect_eq(ts_count(d, "AM013"), 1, "version 2 must be AM013");
	argmap_diags_free(d);
}

Test(codes, AM101_unknown_element_with_suggestion)
{
	argmap_diags *d = check(CLEAN "  <suport from=\"e1\" to=\"c1\"/>\n");
	const argmap_diag *x = ts_find(d, "AM101");

	cr_assert(x);
	cr_expect_eq(x->line, 10);
	cr_expect_eq(x->col, 3);
	cr_expect(x->hint && strstr(x->hint, "did you mean <support>?"), "hint: %s", x->hint);
	argmap_diags_free(d);
}

Test(codes, AM101_element_from_other_namespace)
{
	expect(CLEAN "  <x:foo xmlns:x=\"urn:other\"/>\n", "AM101", 1, 10);
}

Test(codes, AM102_unknown_attribute_names_it)
{
	argmap_diags *d = check(ACTOR SOURCE
	                        "  <claim id=\"c1\" by=\"ann\" wieght=\"3\"><text>x</text></claim>\n");
	const argmap_diag *x = ts_find(d, "AM102");

	cr_assert(x);
	cr_expect(strstr(x->message, "'wieght'"), "%s", x->message);
	cr_expect_eq(x->line, 5);
	cr_expect_eq(x->col, 27, "column of the attribute name, got %u", x->col);
	cr_expect_eq(ts_count(d, "AM107"), 0, "the validator must not repeat it");
	argmap_diags_free(d);
}

Test(codes, AM103_missing_attribute_names_it)
{
	argmap_diags *d = check(ACTOR "  <claim by=\"ann\"><text>x</text></claim>\n");
	const argmap_diag *x = ts_find(d, "AM103");

	cr_assert(x);
	cr_expect(strstr(x->message, "'id'"), "%s", x->message);
	cr_expect_eq(x->line, 4);
	argmap_diags_free(d);
}

Test(codes, AM104_bad_enumeration_value)
{
	argmap_diags *d = check(CLEAN "  <answer from=\"c1\" to=\"q\" stance=\"maybe\"/>\n");
	const argmap_diag *x = ts_find(d, "AM104");

	cr_assert(x);
	cr_expect(strstr(x->message, "yes, no, qualified"), "%s", x->message);
	argmap_diags_free(d);
}

Test(codes, AM104_bad_basis_suggests_the_value)
{
	argmap_diags *d = check(CLEAN "  <support from=\"e1\" to=\"c1\" basis=\"editors\"/>\n");
	const argmap_diag *x = ts_find(d, "AM104");

	cr_assert(x);
	cr_expect(strstr(x->message, "'basis' of <support> is 'editors'"), "%s", x->message);
	cr_expect(strstr(x->message, "source, editor"), "%s", x->message);
	cr_expect_eq(x->line, 10);
	cr_assert(x->hint);
	cr_expect(strstr(x->hint, "did you mean 'editor'?"), "%s", x->hint);
	argmap_diags_free(d);
}

Test(codes, AM104_bad_id_pattern)
{
	expect(ACTOR "  <claim id=\"1 bad\" by=\"ann\"><text>x</text></claim>\n", "AM104", 1, 4);
}

Test(codes, AM105_missing_child)
{
	expect(ACTOR "  <claim id=\"c\" by=\"ann\"/>\n", "AM105", 1, 4);
}

Test(codes, AM107_order_from_validator)
{
	/* <meta> after a declaration: only the schema validator sees order. */
	argmap_diags *d = check(CLEAN "  <meta><title>late</title></meta>\n");
	const argmap_diag *x = ts_find(d, "AM107");

	cr_assert(x, "no AM107");
	cr_expect(strstr(x->message, "<meta>"), "%s", x->message);
	argmap_diags_free(d);
}

Test(codes, AM107_order_and_repetition_after_another_error)
{
	/* libxml2's validator stops at the first content error of a parent;
	 * argmap's own pass still reports order and repetition. */
	argmap_diags *d = check(CLEAN "  <suport from=\"e1\" to=\"c1\"/>\n"
	                              "  <import href=\"x.xml\"/>\n"
	                              "  <claim id=\"c9\" by=\"ann\"><text>A</text><text>B</text></claim>\n");
	char *dump = ts_dump(d);

	cr_expect_eq(ts_count(d, "AM101"), 1, "%s", dump);
	cr_expect_eq(ts_count(d, "AM107"), 2, "%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(codes, AM108_stray_text)
{
	argmap_diags *d = check(CLEAN "  stray words\n");
	const argmap_diag *x = ts_find(d, "AM108");

	cr_assert(x);
	cr_expect_eq(x->line, 10, "points at the words");
	cr_expect_eq(x->col, 3);
	cr_expect_eq(ts_count(d, "AM107"), 0, "the validator must not repeat it");
	argmap_diags_free(d);
}

Test(codes, AM201_duplicate_id_with_note)
{
	argmap_diags *d = check(CLEAN "  <claim id=\"c1\" by=\"ann\"><text>again</text></claim>\n");
	const argmap_diag *x = ts_find(d, "AM201");
	size_t i, notes = 0;

	cr_assert(x);
	cr_expect_eq(x->line, 10);
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *n = argmap_diags_get(d, i);
		if (n->severity == ARGMAP_SEV_NOTE && n->parent != ARGMAP_NONE &&
		    !strcmp(n->code, "AM201")) {
			notes++;
			cr_expect_eq(n->line, 6, "note points at the first declaration");
		}
	}
	cr_expect_eq(notes, 1);
	argmap_diags_free(d);
}

Test(codes, AM202_unknown_reference_suggests)
{
	argmap_diags *d = check(CLEAN "  <rebut from=\"c1\" to=\"c2\"/>\n"
	                              "  <claim id=\"c3\" by=\"anne\"><text>x</text></claim>\n"
	                              "  <support from=\"c3\" to=\"c1\"/>\n");
	size_t i;
	int saw_anne = 0;

	cr_expect_eq(ts_count(d, "AM202"), 2);
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (!strcmp(x->code, "AM202") && strstr(x->message, "\"anne\"")) {
			saw_anne = 1;
			cr_expect(x->hint && strstr(x->hint, "did you mean 'ann'?"), "%s", x->hint);
			cr_expect_eq(x->line, 11);
			cr_expect_eq(x->col, 22, "points at the id inside by=, got %u", x->col);
		}
	}
	cr_expect(saw_anne);
	argmap_diags_free(d);
}

Test(codes, AM203_undercut_aimed_at_a_claim)
{
	argmap_diags *d = check(CLEAN "  <claim id=\"c2\" by=\"ann\"><text>No.</text></claim>\n"
	                              "  <undercut from=\"c2\" to=\"c1\"/>\n");
	const argmap_diag *x = ts_find(d, "AM203");

	cr_assert(x);
	cr_expect(strstr(x->message, "expected a support"), "%s", x->message);
	cr_expect(x->hint && strstr(x->hint, "<rebut>"), "%s", x->hint);
	argmap_diags_free(d);
}

Test(codes, AM203_answer_aimed_at_a_claim)
{
	argmap_diags *d = check(CLEAN "  <claim id=\"c2\" by=\"ann\"><text>No.</text></claim>\n"
	                              "  <answer from=\"c2\" to=\"c1\" stance=\"no\"/>\n");
	const argmap_diag *x = ts_find(d, "AM203");

	cr_assert(x);
	cr_expect(strstr(x->message, "expected a question"), "%s", x->message);
	argmap_diags_free(d);
}

Test(codes, AM204_self_support)
{
	expect(CLEAN "  <support from=\"c1\" to=\"c1\"/>\n", "AM204", 1, 10);
}

Test(codes, AM205_cycle_is_named)
{
	argmap_diags *d = check(CLEAN "  <claim id=\"c2\" by=\"ann\"><text>B.</text></claim>\n"
	                              "  <claim id=\"c3\" by=\"ann\"><text>C.</text></claim>\n"
	                              "  <support from=\"c1\" to=\"c2\"/>\n"
	                              "  <support from=\"c2\" to=\"c3\"/>\n"
	                              "  <support from=\"c3\" to=\"c1\"/>\n");
	const argmap_diag *x = ts_find(d, "AM205");
	size_t i, notes = 0;

	cr_assert(x);
	cr_expect_eq(ts_count(d, "AM205"), 1, "one cycle, one report");
	cr_expect(strstr(x->message, "'c1' -> 'c2' -> 'c3' -> 'c1'"), "%s", x->message);
	for (i = 0; i < argmap_diags_count(d); i++)
		notes += argmap_diags_get(d, i)->parent != ARGMAP_NONE &&
		         !strcmp(argmap_diags_get(d, i)->code, "AM205");
	cr_expect_eq(notes, 3, "a note per link of the cycle");
	argmap_diags_free(d);
}

Test(codes, AM206_premise_listed_twice)
{
	expect(CLEAN "  <claim id=\"c2\" by=\"ann\"><text>B.</text></claim>\n"
	             "  <support from=\"c2 c2\" to=\"c1\"/>\n",
	       "AM206", 1, 11);
}

Test(codes, AM301_empty_text)
{
	expect(CLEAN "  <claim id=\"c2\" by=\"ann\"><text>  </text></claim>\n"
	             "  <support from=\"c2\" to=\"c1\"/>\n",
	       "AM301", 1, 10);
}

Test(codes, AM302_unconnected_claim)
{
	expect(CLEAN "  <claim id=\"lonely\" by=\"ann\"><text>Alone.</text></claim>\n", "AM302", 1,
	       10);
}

Test(codes, AM303_unused_evidence)
{
	expect(CLEAN "  <evidence id=\"e2\" source=\"src\"><quote>unused</quote></evidence>\n",
	       "AM303", 1, 10);
}

Test(codes, AM304_unused_source)
{
	expect(CLEAN "  <source id=\"src2\" kind=\"web\"><title>U</title></source>\n", "AM304", 1,
	       10);
}

Test(codes, AM305_unused_actor)
{
	expect(CLEAN "  <actor id=\"bob\" kind=\"person\" name=\"Bob\"/>\n", "AM305", 1, 10);
}

Test(codes, AM306_unattributed_claim)
{
	expect(CLEAN "  <claim id=\"c2\"><text>B.</text></claim>\n"
	             "  <support from=\"c2\" to=\"c1\"/>\n",
	       "AM306", 1, 10);
}

Test(codes, AM307_bad_dates)
{
	argmap_diags *d = check(CLEAN "  <source id=\"s2\" kind=\"web\" date=\"2025-02-30\" "
	                              "accessed=\"yesterday\"><title>U</title></source>\n"
	                              "  <claim id=\"c2\" by=\"ann\" source=\"s2\"><text>B.</text></claim>\n"
	                              "  <support from=\"c2\" to=\"c1\"/>\n");
	cr_expect_eq(ts_count(d, "AM307"), 2);
	argmap_diags_free(d);
	d = check(CLEAN);
	cr_expect(!ts_find(d, "AM307"), "valid dates are not reported");
	argmap_diags_free(d);
}

Test(codes, AM308_bad_url)
{
	expect(CLEAN "  <source id=\"s2\" kind=\"web\" url=\"javascript:alert(1)\"><title>U</title></source>\n"
	             "  <claim id=\"c2\" by=\"ann\" source=\"s2\"><text>B.</text></claim>\n"
	             "  <support from=\"c2\" to=\"c1\"/>\n",
	       "AM308", 1, 10);
}

Test(codes, AM502_text_too_long)
{
	size_t n = 25000, i;
	char *body = malloc(n + 4096);

	cr_assert(body);
	strcpy(body, CLEAN "  <claim id=\"big\" by=\"ann\"><text>");
	i = strlen(body);
	memset(body + i, 'w', n);
	strcpy(body + i + n, "</text></claim>\n  <support from=\"big\" to=\"c1\"/>\n");
	expect(body, "AM502", 1, 10);
	free(body);
}

Test(codes, six_mistakes_all_reported_in_one_run)
{
	/* The acceptance case of the foundation issue. */
	argmap_diags *d = check(ACTOR SOURCE                                                /* 3,4 */
	    "  <claim id=\"c1\" by=\"ann\"><text>One.</text></claim>\n"                         /* 5 */
	    "  <claim id=\"c1\" by=\"ann\"><text>Two.</text></claim>\n"                         /* 6: AM201 */
	    "  <claim id=\"c2\" by=\"bob\" src=\"src\"><text>Three.</text></claim>\n"           /* 7: AM202, AM102 */
	    "  <support from=\"c2\" to=\"c1\"/>\n"                                              /* 8 */
	    "  <undercut from=\"c2\" to=\"c1\"/>\n"                                             /* 9: AM203 */
	    "  <suport from=\"c1\" to=\"c2\"/>\n"                                               /* 10: AM101 */
	    "  <source id=\"s9\" kind=\"web\" date=\"March 2025\"><title>X</title></source>\n"); /* 11: AM307 */
	struct {
		const char *code;
		unsigned line;
	} want[] = {{"AM201", 6}, {"AM202", 7}, {"AM102", 7}, {"AM203", 9}, {"AM101", 10},
	            {"AM307", 11}};
	char *dump = ts_dump(d);
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		const argmap_diag *x = ts_find(d, want[i].code);
		cr_expect(x, "%s missing:\n%s", want[i].code, dump);
		if (x)
			cr_expect_eq(x->line, want[i].line, "%s at %u, expected %u", want[i].code,
			             x->line, want[i].line);
	}
	free(dump);
	argmap_diags_free(d);
}

/* Messages shorten long map text by characters, never mid-character: 73
 * ASCII bytes after "ftp://" put byte 80 inside the first e-acute. */
Test(codes, AM308_long_url_is_cut_at_a_character)
{
	char body[2048], url[256];
	argmap_diags *d;
	const argmap_diag *x;
	int i, n;

	n = snprintf(url, sizeof url, "ftp://");
	for (i = 0; i < 73; i++)
		url[n++] = 'a';
	for (i = 0; i < 10; i++) {
		url[n++] = '\xC3';
		url[n++] = '\xA9';
	}
	url[n] = '\0';
	snprintf(body, sizeof body,
	         CLEAN "  <source id=\"s2\" kind=\"web\" url=\"%s\"><title>U</title></source>\n"
	               "  <claim id=\"c2\" by=\"ann\" source=\"s2\"><text>B.</text></claim>\n"
	               "  <support from=\"c2\" to=\"c1\"/>\n",
	         url);
	d = check(body);
	x = ts_find(d, "AM308");
	cr_assert(x);
	cr_expect(strstr(x->message, "aaa\xC3\xA9...\""), "%s", x->message);
	cr_expect_null(strchr(x->message, '?'), "no character was cut: %s", x->message);
	argmap_diags_free(d);
}

Test(codes, AM104_long_value_is_cut_at_a_character)
{
	char body[2048], value[256];
	argmap_diags *d;
	const argmap_diag *x;
	int i, n = 0;

	for (i = 0; i < 59; i++)
		value[n++] = 'y';
	for (i = 0; i < 10; i++) {
		value[n++] = '\xC3';
		value[n++] = '\xA9';
	}
	value[n] = '\0';
	snprintf(body, sizeof body,
	         CLEAN "  <answer from=\"c1\" to=\"q\" stance=\"%s\"/>\n", value);
	d = check(body);
	x = ts_find(d, "AM104");
	cr_assert(x);
	/* 60 characters: 59 'y' and one 'é', then the ellipsis */
	cr_expect(strstr(x->message, "yy\xC3\xA9...'"), "%s", x->message);
	cr_expect_null(strchr(x->message, '?'), "no character was cut: %s", x->message);
	argmap_diags_free(d);
}

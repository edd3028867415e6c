/*
 * basis.c: who draws a relation. AM309 (a stated relation names a holder
 * none of its sources attributes it to) and AM310 (an editor's link names a
 * holder), each raised where it should be and not where it should not.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* Ann writes the article; Bob is quoted in it; Cy speaks nowhere. */
#define PEOPLE                                                                                     \
	"  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"                                     \
	"  <actor id=\"bob\" kind=\"person\" name=\"Bob\"/>\n"                                     \
	"  <actor id=\"cy\" kind=\"person\" name=\"Cy\"/>\n"                                       \
	"  <source id=\"art\" kind=\"article\" authors=\"ann\"><title>A</title></source>\n"        \
	"  <source id=\"memo\" kind=\"report\"><title>M</title></source>\n"
/* Lines 3-7 are PEOPLE; these are lines 8-12. */
#define NODES                                                                                      \
	"  <claim id=\"c-ann\" by=\"ann\" source=\"art\"><text>Ann's thesis.</text></claim>\n"     \
	"  <claim id=\"c-bob\" by=\"bob\" source=\"art\"><text>Bob's point.</text></claim>\n"      \
	"  <claim id=\"c-cy\" by=\"cy\"><text>Cy's view.</text></claim>\n"                         \
	"  <claim id=\"c-memo\" by=\"ann\" source=\"memo\"><text>The memo's "                      \
	"point.</text></claim>\n"                                                                  \
	"  <evidence id=\"e-bob\" source=\"memo\" speaker=\"bob\"><quote>q</quote></evidence>\n"

static argmap_diags *check(const char *body)
{
	return ts_check_body(body);
}

/* Asserts that `code` is reported `times` times (the first at `line` if
 * non-zero) and that the map has no errors. */
static void expect(const char *body, const char *code, size_t times, unsigned line)
{
	argmap_diags *d = check(body);
	char *dump = ts_dump(d);
	const argmap_diag *x = ts_find(d, code);

	cr_expect_eq(ts_count(d, code), times, "%s reported %zu times, expected %zu:\n%s", code,
	             ts_count(d, code), times, dump);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s", dump);
	if (x && line)
		cr_expect_eq(x->line, line, "%s at line %u, expected %u:\n%s", code, x->line, line,
		             dump);
	free(dump);
	argmap_diags_free(d);
}

#define REL(x) PEOPLE NODES "  " x "\n"

Test(basis, author_of_an_end_source_is_attributed)
{
	expect(REL("<support from=\"c-bob\" to=\"c-ann\" by=\"ann\"/>"), "AM309", 0, 0);
}

Test(basis, speaker_quoted_in_an_end_source_is_attributed)
{
	/* c-memo cites the memo, in which the debate quotes Bob (e-bob), even
	 * though e-bob is not an end of this relation. */
	expect(REL("<support from=\"c-memo\" to=\"c-ann\" by=\"bob\"/>"), "AM309", 0, 0);
}

Test(basis, speaker_of_an_evidence_premise_is_attributed)
{
	expect(REL("<support from=\"e-bob\" to=\"c-cy\" by=\"bob\"/>"), "AM309", 0, 0);
}

Test(basis, source_of_the_relation_itself_counts)
{
	expect(REL("<rebut from=\"c-cy\" to=\"c-bob\" by=\"ann\" source=\"art\"/>"), "AM309", 0, 0);
}

Test(basis, holder_no_source_attributes_is_reported)
{
	argmap_diags *d = check(REL("<rebut from=\"c-cy\" to=\"c-ann\" by=\"cy\"/>"));
	const argmap_diag *x = ts_find(d, "AM309");
	char *dump = ts_dump(d);

	cr_assert(x, "%s", dump);
	cr_expect_eq(ts_count(d, "AM309"), 1, "%s", dump);
	cr_expect_eq(x->severity, ARGMAP_SEV_WARNING);
	cr_expect_eq(x->line, 13);
	cr_expect(strstr(x->message, "names 'cy' in by="), "%s", x->message);
	cr_assert(x->hint);
	cr_expect(strstr(x->hint, "'ann'"), "suggests the author: %s", x->hint);
	cr_expect(strstr(x->hint, "basis=\"editor\""), "%s", x->hint);
	free(dump);
	argmap_diags_free(d);
}

Test(basis, unattributed_holders_share_one_warning)
{
	/* ann is attributed (art); bob is quoted only in the memo, which no end
	 * cites; cy speaks nowhere. */
	argmap_diags *d = check(REL("<support from=\"c-bob\" to=\"c-ann\" by=\"ann bob cy\"/>"));
	const argmap_diag *x = ts_find(d, "AM309");
	char *dump = ts_dump(d);

	cr_assert(x, "%s", dump);
	cr_expect_eq(ts_count(d, "AM309"), 1, "%s", dump);
	cr_expect(strstr(x->message, "names 'bob' and 'cy' in by="), "%s", x->message);
	cr_expect(strstr(x->message, "these actors"), "%s", x->message);
	cr_expect_eq(x->col, 44, "at bob: %s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(basis, hint_names_who_is_quoted_in_the_sources)
{
	/* The memo has no authors, but the debate quotes Bob from it. */
	argmap_diags *d = check(REL("<rebut from=\"c-memo\" to=\"c-cy\" by=\"cy\"/>"));
	const argmap_diag *x = ts_find(d, "AM309");

	cr_assert(x && x->hint);
	cr_expect(strstr(x->hint, "are by or quote 'bob'"), "%s", x->hint);
	argmap_diags_free(d);
}

Test(basis, no_sources_anywhere_still_reported)
{
	argmap_diags *d =
	    check(PEOPLE NODES "  <claim id=\"c-cy2\" by=\"cy\"><text>More.</text></claim>\n"
	                       "  <support from=\"c-cy2\" to=\"c-cy\" by=\"cy\"/>\n");
	const argmap_diag *x = ts_find(d, "AM309");

	cr_assert(x);
	cr_assert(x->hint);
	cr_expect(strstr(x->hint, "cite the source"), "%s", x->hint);
	argmap_diags_free(d);
}

Test(basis, undercut_counts_the_attacked_support_ends)
{
	/* The undercut's own ends (c-cy, the support) cite nothing of Ann's,
	 * but the attacked support's conclusion cites her article. */
	expect(REL("<support id=\"s\" from=\"c-memo\" to=\"c-bob\"/>\n"
	           "  <undercut from=\"c-cy\" to=\"s\" by=\"ann\"/>"),
	       "AM309", 0, 0);
	expect(REL("<support id=\"s\" from=\"c-memo\" to=\"c-cy\"/>\n"
	           "  <undercut from=\"c-cy\" to=\"s\" by=\"cy\"/>"),
	       "AM309", 1, 14);
}

Test(basis, answer_is_judged_too)
{
	expect(REL("<question id=\"q\" source=\"memo\"><text>Q?</text></question>\n"
	           "  <answer from=\"c-cy\" to=\"q\" stance=\"yes\" by=\"cy\"/>"),
	       "AM309", 1, 14);
}

Test(basis, relation_without_by_is_not_judged)
{
	expect(REL("<rebut from=\"c-cy\" to=\"c-ann\"/>"), "AM309", 0, 0);
}

Test(basis, editor_link_without_by_is_clean)
{
	argmap_diags *d = check(REL("<rebut from=\"c-cy\" to=\"c-ann\" basis=\"editor\"/>"));
	char *dump = ts_dump(d);

	cr_expect_eq(ts_count(d, "AM309") + ts_count(d, "AM310"), 0, "%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(basis, editor_link_with_by_is_AM310_not_AM309)
{
	argmap_diags *d =
	    check(REL("<rebut from=\"c-cy\" to=\"c-ann\" basis=\"editor\" by=\"cy\"/>"));
	const argmap_diag *x = ts_find(d, "AM310");
	char *dump = ts_dump(d);

	cr_assert(x, "%s", dump);
	cr_expect_eq(ts_count(d, "AM310"), 1, "one per relation: %s", dump);
	cr_expect_eq(ts_count(d, "AM309"), 0, "%s", dump);
	cr_expect_eq(x->line, 13);
	cr_expect(strstr(x->message, "editor's link"), "%s", x->message);
	cr_expect(strstr(x->hint, "leave by= off"), "%s", x->hint);
	free(dump);
	argmap_diags_free(d);
	/* Even a holder the sources do attribute: the editors draw it. */
	expect(REL("<support from=\"c-bob\" to=\"c-ann\" by=\"ann\" basis=\"editor\"/>"), "AM310",
	       1, 13);
}

Test(basis, explicit_basis_source_is_judged)
{
	expect(REL("<rebut from=\"c-cy\" to=\"c-ann\" by=\"cy\" basis=\"source\"/>"), "AM309", 1,
	       13);
}

Test(basis, past_the_bounds_it_stays_silent)
{
	/* 65 distinct sources gathered: more than the 64 a relation is judged
	 * on, so it is not judged (no false warning from a cut search). */
	char *body = malloc(64 * 1024), *p;
	size_t i;

	cr_assert(body);
	p = body + sprintf(body, "%s", PEOPLE NODES);
	for (i = 0; i < 65; i++)
		p +=
		    sprintf(p, "  <source id=\"s%zu\" kind=\"web\"><title>T</title></source>\n", i);
	p += sprintf(p, "  <claim id=\"many\" by=\"cy\" source=\"");
	for (i = 0; i < 65; i++)
		p += sprintf(p, "%ss%zu", i ? " " : "", i);
	p += sprintf(p, "\"><text>Many.</text></claim>\n");
	sprintf(p, "  <support from=\"many\" to=\"c-cy\" by=\"cy\"/>\n");
	expect(body, "AM309", 0, 0);
	/* With 64 it is judged. */
	p = strstr(body, " s64\"");
	cr_assert(p);
	memmove(p, p + 4, strlen(p + 4) + 1);
	expect(body, "AM309", 1, 0);
	free(body);
}

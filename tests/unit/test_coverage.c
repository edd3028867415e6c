/*
 * coverage.c: the evidence-coverage group (AM801-AM806), each code raised
 * where it should be and not where it should not, and the switch that
 * turns the group off.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/coverage.h"
#include "support.h"

/* Two sources (so AM802/AM804 apply), three people. Lines 3-9. */
#define DECL                                                                                       \
	"  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"                                     \
	"  <actor id=\"bob\" kind=\"person\" name=\"Bob\"/>\n"                                     \
	"  <actor id=\"cy\" kind=\"person\" name=\"Cy\"/>\n"                                       \
	"  <source id=\"a\" kind=\"article\" authors=\"ann\" date=\"2025-01-02\" "                 \
	"url=\"https://example.org/a\"><title>A</title></source>\n"                                \
	"  <source id=\"b\" kind=\"report\" authors=\"bob\" date=\"2025\" "                        \
	"url=\"https://example.org/b\"><title>B</title></source>\n"                                \
	"  <evidence id=\"ea\" source=\"a\"><quote>qa</quote></evidence>\n"                        \
	"  <evidence id=\"eb\" source=\"b\" speaker=\"cy\"><quote>qb</quote></evidence>\n"

#define CLAIM(id, by) "  <claim id=\"" id "\" by=\"" by "\" source=\"a\"><text>" id "</text></claim>\n"

/* Checks DECL + body; asserts no errors and that `code` appears `times`
 * times (the first at `line` when non-zero). */
static void expect(const char *body, const char *code, size_t times, unsigned line)
{
	size_t n = strlen(DECL) + strlen(body) + 1;
	char *all = malloc(n);
	argmap_diags *d;
	char *dump;
	const argmap_diag *x;

	cr_assert(all);
	snprintf(all, n, "%s%s", DECL, body);
	d = ts_check_body(all);
	dump = ts_dump(d);
	x = ts_find(d, code);
	cr_expect_eq(ts_count(d, code), times, "%s reported %zu times, expected %zu:\n%s", code,
	             ts_count(d, code), times, dump);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s", dump);
	if (x && line)
		cr_expect_eq(x->line, line, "%s at line %u, expected %u:\n%s", code, x->line, line,
		             dump);
	free(dump);
	free(all);
	argmap_diags_free(d);
}

/* ------------------------------------------------------------ AM801 */

Test(coverage, claim_with_nothing_beneath)
{
	/* line 10: c1 */
	expect(CLAIM("c1", "ann") CLAIM("c2", "ann")
	           "  <support from=\"c1\" to=\"c2\"/>\n  <support from=\"ea eb\" to=\"c2\"/>\n",
	       "AM801", 1, 10);
}

Test(coverage, claim_resting_on_bare_claims)
{
	/* c2 is supported, but only by c1, which rests on nothing: both are
	 * reported, each with its own reason */
	argmap_diags *d = ts_check_body(DECL CLAIM("c1", "ann") CLAIM("c2", "ann")
	                                    "  <support from=\"c1\" to=\"c2\"/>\n"
	                                    "  <rebut from=\"ea\" to=\"c1\"/>\n"
	                                    "  <rebut from=\"eb\" to=\"c2\"/>\n");
	char *dump = ts_dump(d);

	cr_expect_eq(ts_count(d, "AM801"), 2, "%s", dump);
	cr_expect(strstr(dump, "claim 'c1' rests on no evidence: nothing supports it"), "%s", dump);
	cr_expect(strstr(dump, "claim 'c2' rests on no evidence: none of the claims"), "%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(coverage, evidence_two_steps_down_counts)
{
	expect(CLAIM("c1", "ann") CLAIM("c2", "ann") CLAIM("c3", "ann")
	           "  <support from=\"ea\" to=\"c1\"/>\n  <support from=\"c1\" to=\"c2\"/>\n"
	           "  <support from=\"c2 eb\" to=\"c3\"/>\n",
	       "AM801", 0, 0);
}

Test(coverage, a_support_cycle_does_not_hang)
{
	/* AM205 is an error; the coverage pass still ends and shares the
	 * cycle's evidence among its members */
	argmap_diags *d = ts_check_body(DECL CLAIM("c1", "ann") CLAIM("c2", "ann")
	                                    "  <support from=\"c1\" to=\"c2\"/>\n"
	                                    "  <support from=\"c2\" to=\"c1\"/>\n"
	                                    "  <support from=\"ea\" to=\"c1\"/>\n");
	cr_expect_eq(ts_count(d, "AM205"), 1);
	cr_expect_eq(ts_count(d, "AM801"), 0);
	argmap_diags_free(d);
}

/* ------------------------------------------------------------ AM802 */

Test(coverage, all_evidence_from_one_source)
{
	/* c2 rests on ea (source a) twice over; c3 on both sources */
	expect(CLAIM("c1", "bob") CLAIM("c2", "bob") CLAIM("c3", "bob")
	           "  <support from=\"ea\" to=\"c1\"/>\n  <support from=\"c1 ea\" to=\"c2\"/>\n"
	           "  <support from=\"c2 eb\" to=\"c3\"/>\n",
	       "AM802", 2, 10);
}

Test(coverage, one_source_map_is_not_reported)
{
	/* the debate's evidence cites one source only */
	argmap_diags *d = ts_check_body(
	    "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
	    "  <source id=\"a\" kind=\"article\" authors=\"ann\" date=\"2025\" "
	    "url=\"https://example.org/a\"><title>A</title></source>\n"
	    "  <evidence id=\"ea\" source=\"a\"><quote>qa</quote></evidence>\n" CLAIM("c1", "ann")
	        "  <support from=\"ea\" to=\"c1\"/>\n");
	cr_expect_eq(ts_count(d, "AM802"), 0);
	cr_expect_eq(ts_count(d, "AM804"), 0);
	cr_expect_eq(ts_count(d, "AM801"), 0);
	argmap_diags_free(d);
}

/* ------------------------------------------------------------ AM803 */

Test(coverage, rebuttal_without_evidence)
{
	/* line 12: the bare rebut; the one from evidence and the one from a
	 * backed claim are fine */
	expect(CLAIM("c1", "ann") CLAIM("c2", "bob") "  <rebut from=\"c2\" to=\"c1\"/>\n"
	                                              "  <rebut from=\"eb\" to=\"c1\"/>\n"
	                                              "  <support from=\"ea\" to=\"c1\"/>\n",
	       "AM803", 1, 12);
	expect(CLAIM("c1", "ann") CLAIM("c2", "bob") "  <support from=\"eb\" to=\"c2\"/>\n"
	                                              "  <rebut from=\"c2\" to=\"c1\"/>\n",
	       "AM803", 0, 0);
}

Test(coverage, undercut_without_evidence)
{
	expect(CLAIM("c1", "ann") CLAIM("c2", "bob")
	           "  <support id=\"s1\" from=\"ea\" to=\"c1\"/>\n"
	           "  <undercut from=\"c2\" to=\"s1\"/>\n",
	       "AM803", 1, 13);
}

/* ------------------------------------------------------------ AM804 */

Test(coverage, only_holders_quoted)
{
	/* ea quotes ann (no speaker: source a's author); c1 is ann's */
	expect(CLAIM("c1", "ann") "  <support from=\"ea\" to=\"c1\"/>\n", "AM804", 1, 10);
	/* the speaker, not the source's author, is who is quoted */
	expect(CLAIM("c1", "cy") "  <support from=\"eb\" to=\"c1\"/>\n", "AM804", 1, 10);
}

Test(coverage, someone_else_quoted)
{
	expect(CLAIM("c1", "bob") "  <support from=\"ea\" to=\"c1\"/>\n", "AM804", 0, 0);
	/* ea quotes ann, eb quotes cy: not only the holders */
	expect(CLAIM("c1", "ann") "  <support from=\"ea eb\" to=\"c1\"/>\n", "AM804", 0, 0);
	/* with both as holders, it is reported again */
	expect(CLAIM("c1", "ann cy") "  <support from=\"ea eb\" to=\"c1\"/>\n", "AM804", 1, 10);
}

/* ------------------------------------------------------------ AM805 */

Test(coverage, source_without_url_or_date)
{
	argmap_diags *d = ts_check_body(
	    "  <source id=\"s1\" kind=\"report\"><title>T</title></source>\n"
	    "  <source id=\"s2\" kind=\"report\" date=\"2024\"><title>T</title></source>\n"
	    "  <source id=\"s3\" kind=\"web\" url=\"https://example.org/\"><title>T</title></source>\n"
	    "  <source id=\"s4\" kind=\"web\" url=\"https://example.org/\" "
	    "date=\"2024-02\"><title>T</title></source>\n"
	    "  <claim id=\"c\" source=\"s1 s2 s3 s4\"><text>t</text></claim>\n");
	char *dump = ts_dump(d);
	const argmap_diag *x = ts_find(d, "AM805");

	cr_expect_eq(ts_count(d, "AM805"), 3, "%s", dump);
	cr_assert(x);
	cr_expect(strstr(x->message, "neither a url nor a date"), "%s", x->message);
	cr_expect_eq(x->severity, ARGMAP_SEV_NOTE);
	free(dump);
	argmap_diags_free(d);
}

/* ------------------------------------------------------------ AM806 */

Test(coverage, relation_declared_twice)
{
	argmap_diags *d =
	    ts_check_body(DECL CLAIM("c1", "ann") "  <support from=\"ea eb\" to=\"c1\"/>\n"
	                                          "  <support id=\"s2\" from=\"eb ea\" to=\"c1\"/>\n");
	char *dump = ts_dump(d);
	const argmap_diag *x = ts_find(d, "AM806");
	size_t i;
	int noted = 0;

	cr_expect_eq(ts_count(d, "AM806"), 1, "%s", dump);
	cr_assert(x);
	cr_expect_eq(x->severity, ARGMAP_SEV_WARNING);
	cr_expect_eq(x->line, 12, "%s", dump);
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *y = argmap_diags_get(d, i);
		if (y->severity == ARGMAP_SEV_NOTE && !strcmp(y->code, "AM806") && y->line == 11)
			noted = 1;
	}
	cr_expect(noted, "no note at the first declaration:\n%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(coverage, different_relations_are_not_twice)
{
	/* same ends, other kind; same premises, other conclusion; a premise
	 * more */
	expect(CLAIM("c1", "ann") CLAIM("c2", "ann") "  <support from=\"ea\" to=\"c1\"/>\n"
	                                              "  <rebut from=\"ea\" to=\"c2\"/>\n"
	                                              "  <support from=\"ea\" to=\"c2\"/>\n"
	                                              "  <support from=\"ea eb\" to=\"c1\"/>\n",
	       "AM806", 0, 0);
}

Test(coverage, answers_twice_whatever_the_stance)
{
	expect("  <question id=\"q\"><text>Q?</text></question>\n" CLAIM("c1", "ann")
	       "  <support from=\"ea eb\" to=\"c1\"/>\n"
	       "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n"
	       "  <answer from=\"c1\" to=\"q\" stance=\"no\"/>\n",
	       "AM806", 1, 14);
}

/* ------------------------------------------------------ the switch */

Test(coverage, no_coverage_flag_turns_the_group_off)
{
	const char *xml = TS_HEAD DECL CLAIM("c1", "ann") CLAIM("c2", "ann")
	    "  <support from=\"c1\" to=\"c2\"/>\n  <support from=\"c1\" to=\"c2\"/>\n"
	    "  <source id=\"s\" kind=\"web\"><title>T</title></source>\n"
	    "  <claim id=\"c3\" source=\"s\"><text>t</text></claim>\n"
	    "  <rebut from=\"c3\" to=\"c1\"/>\n" TS_TAIL;
	argmap_diags *on = argmap_diags_new(), *off = argmap_diags_new();
	argmap_check_options o = ARGMAP_CHECK_OPTIONS_INIT;
	argmap_map *m = NULL;
	size_t i;

	cr_assert_eq(argmap_map_load_memory(&m, "x.xml", xml, strlen(xml), NULL, on), 0);
	cr_assert_eq(argmap_check(m, NULL, on), 0);
	o.flags = ARGMAP_CHECK_NO_COVERAGE;
	cr_assert_eq(argmap_check(m, &o, off), 0);
	cr_expect_gt(ts_count(on, "AM801"), 0);
	cr_expect_gt(ts_count(on, "AM803"), 0);
	cr_expect_gt(ts_count(on, "AM805"), 0);
	cr_expect_gt(ts_count(on, "AM806"), 0);
	for (i = 0; i < argmap_diags_count(off); i++)
		cr_expect_neq(strncmp(argmap_diags_get(off, i)->code, "AM8", 3), 0, "%s",
		              argmap_diags_get(off, i)->code);
	argmap_map_free(m);
	argmap_diags_free(on);
	argmap_diags_free(off);
}

Test(coverage, cli_switch)
{
	char *dir = ts_tmpdir();
	char *path = ts_write(dir, "m.xml",
	                      TS_HEAD "  <claim id=\"c\"><text>t</text></claim>\n"
	                              "  <claim id=\"d\"><text>u</text></claim>\n"
	                              "  <support from=\"c\" to=\"d\"/>\n" TS_TAIL,
	                      (size_t)-1);
	const char *with[] = {"check", path, NULL};
	const char *without[] = {"check", "--no-coverage", path, NULL};
	char *err = NULL;

	cr_expect_eq(ts_run_cli(with, NULL, &err, 30), 0);
	cr_expect(strstr(err, "[AM801]"), "%s", err);
	free(err);
	err = NULL;
	cr_expect_eq(ts_run_cli(without, NULL, &err, 30), 0);
	cr_expect(!strstr(err, "[AM8"), "%s", err);
	free(err);
	free(path);
	ts_rmtree(dir);
	free(dir);
}

/* ------------------------------------------- the facts beneath, directly */

Test(coverage, facts_beneath)
{
	const char *xml = TS_HEAD DECL CLAIM("c1", "ann") CLAIM("c2", "ann") CLAIM("c3", "ann")
	    "  <support from=\"ea\" to=\"c1\"/>\n  <support from=\"c1 eb\" to=\"c2\"/>\n" TS_TAIL;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	am_coverage c;
	size_t i1, i2, i3, iea;

	cr_assert_eq(argmap_map_load_memory(&m, "x.xml", xml, strlen(xml), NULL, d), 0);
	cr_assert_eq(am_coverage_build(&c, m), 0);
	cr_assert_eq(argmap_map_find(m, "c1", &i1), ARGMAP_ITEM_NODE);
	cr_assert_eq(argmap_map_find(m, "c2", &i2), ARGMAP_ITEM_NODE);
	cr_assert_eq(argmap_map_find(m, "c3", &i3), ARGMAP_ITEM_NODE);
	cr_assert_eq(argmap_map_find(m, "ea", &iea), ARGMAP_ITEM_NODE);
	cr_expect_eq(c.n_evidence_sources, 2);
	cr_expect(c.has_evidence[iea] && c.has_evidence[i1] && c.has_evidence[i2]);
	cr_expect(!c.has_evidence[i3]);
	cr_expect_eq(c.source[i1], c.source[iea]);
	cr_expect_eq(c.source[i2], AM_COV_MANY);
	cr_expect_eq(c.source[i3], AM_COV_NO_SOURCE);
	cr_expect_eq(c.n_quoted[i1], 1);
	cr_expect_eq(c.n_quoted[i2], 2); /* ann (a's author) and cy (eb's speaker) */
	am_coverage_free(&c);
	argmap_map_free(m);
	argmap_diags_free(d);
}

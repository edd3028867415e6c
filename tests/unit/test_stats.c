/*
 * stats: argmap_stats on a small map whose every number was counted by
 * hand (the comments say how), its JSON form, and `argmap stats`.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/stats.h"
#include "json_check.h"
#include "support.h"

/* ann holds c1, c2; bob holds c3, c4. */
static const char MAP[] =
    TS_HEAD "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
            "  <actor id=\"bob\" kind=\"person\" name=\"Bob\"/>\n"
            "  <source id=\"s1\" kind=\"article\" authors=\"ann\"><title>S1</title></source>\n"
            "  <source id=\"s2\" kind=\"report\"><title>S2</title></source>\n"
            "  <question id=\"q\"><text>Q?</text></question>\n"
            "  <claim id=\"c1\" by=\"ann\" source=\"s1\"><text>one</text></claim>\n"
            "  <claim id=\"c2\" by=\"ann\" source=\"s1\"><text>two</text></claim>\n"
            "  <claim id=\"c3\" by=\"bob\" source=\"s2\"><text>three</text></claim>\n"
            "  <claim id=\"c4\" by=\"bob\"><text>four</text></claim>\n"
            "  <evidence id=\"e1\" source=\"s1\" speaker=\"bob\"><quote>q1</quote></evidence>\n"
            "  <evidence id=\"e2\" source=\"s2\"><quote>q2</quote></evidence>\n"
            "  <support from=\"e1\" to=\"c1\"/>\n"
            "  <support id=\"sup2\" from=\"c1 e2\" to=\"c2\"/>\n"
            "  <rebut from=\"c3\" to=\"c2\" by=\"bob\"/>\n"
            "  <undercut from=\"c4\" to=\"sup2\"/>\n"
            "  <rebut from=\"e2\" to=\"c3\" basis=\"editor\"/>\n"
            "  <answer from=\"c2\" to=\"q\" stance=\"yes\"/>\n"
            "  <answer from=\"c3\" to=\"q\" stance=\"no\"/>\n"
            "  <answer from=\"c4\" to=\"q\" stance=\"no\"/>\n" TS_TAIL;

static argmap_map *map;
static argmap_stats *st;

static void setup(void)
{
	argmap_diags *d = argmap_diags_new();

	cr_assert_eq(argmap_map_load_memory(&map, "m.xml", MAP, strlen(MAP), NULL, d), 0);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0);
	argmap_diags_free(d);
	cr_assert_eq(argmap_stats_compute(map, &st), 0);
}

static void teardown(void)
{
	argmap_stats_free(st);
	argmap_map_free(map);
}

static size_t node(const char *id)
{
	size_t i;

	cr_assert_eq(argmap_map_find(map, id, &i), ARGMAP_ITEM_NODE, "%s", id);
	return i;
}

static size_t actor(const char *id)
{
	size_t i;

	cr_assert_eq(argmap_map_find(map, id, &i), ARGMAP_ITEM_ACTOR, "%s", id);
	return i;
}

TestSuite(stats, .init = setup, .fini = teardown);

Test(stats, counts)
{
	const am_stats_counts *c = &st->total;

	cr_expect_eq(c->questions, 1);
	cr_expect_eq(c->claims, 4);
	cr_expect_eq(c->evidence, 2);
	cr_expect_eq(c->sources, 2);
	cr_expect_eq(c->actors, 2);
	cr_expect_eq(c->supports, 2);
	cr_expect_eq(c->linked_supports, 1); /* sup2 */
	cr_expect_eq(c->rebuts, 2);
	cr_expect_eq(c->undercuts, 1);
	cr_expect_eq(c->answers, 3);
	cr_expect_eq(c->editor_links, 1);
	cr_expect_eq(c->editor[ARGMAP_REL_REBUT], 1);
	cr_expect_eq(st->per_file[0].claims, 4); /* one file: the same */
}

Test(stats, per_actor)
{
	size_t ann = actor("ann"), bob = actor("bob");

	cr_expect_eq(st->claims_held[ann], 2);
	cr_expect_eq(st->claims_held[bob], 2);
	/* bob draws the rebut of c2 and holds c4, the undercut's premise; the
	 * editor's rebut from e2 (no speaker) is nobody's */
	cr_expect_eq(st->attacks_made[bob], 2);
	cr_expect_eq(st->attacks_made[ann], 0);
	/* c2 (ann's) is rebutted and its support sup2 undercut; c3 (bob's)
	 * is rebutted once */
	cr_expect_eq(st->attacks_received[ann], 2);
	cr_expect_eq(st->attacks_received[bob], 1);
	/* e1 supports c1 and e2 supports c2, both ann's */
	cr_expect_eq(st->evidence_cited[ann], 2);
	cr_expect_eq(st->evidence_cited[bob], 0);
	cr_expect_eq(st->quoted[bob], 1); /* e1's speaker */
	cr_expect_eq(st->quoted[ann], 0);
}

Test(stats, per_source)
{
	cr_expect_eq(st->source_claims[0], 2); /* s1: c1, c2 */
	cr_expect_eq(st->source_quotes[0], 1); /* e1 */
	cr_expect_eq(st->source_claims[1], 1); /* s2: c3 */
	cr_expect_eq(st->source_quotes[1], 1); /* e2 */
}

Test(stats, top_lists_and_chain)
{
	cr_assert_eq(st->n_most_attacked, 2);
	cr_expect_eq(st->most_attacked[0], node("c2")); /* rebut + undercut */
	cr_expect_eq(st->attacks_in[node("c2")], 2);
	cr_expect_eq(st->most_attacked[1], node("c3"));
	cr_assert_eq(st->n_most_supported, 2);
	cr_expect_eq(st->most_supported[0], node("c1")); /* tie: declaration order */
	cr_expect_eq(st->most_supported[1], node("c2"));
	cr_assert_eq(st->chain_len, 3);
	cr_expect_eq(st->chain[0], node("e1"));
	cr_expect_eq(st->chain[1], node("c1"));
	cr_expect_eq(st->chain[2], node("c2"));
}

Test(stats, questions_and_claim_lists)
{
	const size_t *a = st->answers[node("q")];

	cr_expect_eq(a[ARGMAP_STANCE_YES], 1);
	cr_expect_eq(a[ARGMAP_STANCE_NO], 2);
	cr_expect_eq(a[ARGMAP_STANCE_QUALIFIED], 0);
	cr_assert_eq(st->n_unsupported, 2);
	cr_expect_eq(st->unsupported[0], node("c3"));
	cr_expect_eq(st->unsupported[1], node("c4"));
	cr_assert_eq(st->n_no_evidence, 2);
	/* c1 rests on e1 (s1) alone; c2 on e1 and e2, two sources */
	cr_assert_eq(st->n_single_source, 1);
	cr_expect_eq(st->single_source[0], node("c1"));
	cr_expect_eq(st->single_source_of[0], 0);
}

Test(stats, json_form)
{
	char *s = argmap_stats_format_json(st);
	json_error_t err;
	json_t *j, *chain;

	cr_assert(s);
	cr_expect(ts_json_ok(s, strlen(s)), "%s", s);
	j = json_loads(s, 0, &err);
	cr_assert(j, "%s", err.text);
	cr_expect_eq(json_integer_value(json_object_get(json_object_get(j, "counts"), "claims")), 4);
	chain = json_object_get(j, "longest_support_chain");
	cr_expect_eq(json_integer_value(json_object_get(chain, "supports")), 2);
	cr_expect_str_eq(json_string_value(json_array_get(json_object_get(chain, "nodes"), 0)), "e1");
	cr_expect_str_eq(
	    json_string_value(json_object_get(json_array_get(json_object_get(j, "most_attacked"), 0),
	                                      "id")),
	    "c2");
	cr_expect_eq(json_integer_value(json_object_get(
	                 json_object_get(json_array_get(json_object_get(j, "questions"), 0), "answers"),
	                 "no")),
	             2);
	cr_expect_eq(json_array_size(json_object_get(j, "unsupported_claims")), 2);
	json_decref(j);
	free(s);
}

Test(stats, text_form)
{
	char *s = argmap_stats_format_text(st);

	cr_assert(s);
	cr_expect(strstr(s, "map: 1 question, 4 claims, 2 evidence, 2 sources, 2 actors\n"), "%s", s);
	cr_expect(strstr(s, "2 supports (1 linked), 2 rebuts, 1 undercut, 3 answers; 1 editor's link"),
	          "%s", s);
	cr_expect(strstr(s, "question q: 3 answers (1 yes, 2 no, 0 qualified)"), "%s", s);
	cr_expect(strstr(s, "longest support chain (2 supports): e1 -> c1 -> c2\n"), "%s", s);
	cr_expect(strstr(s, "most attacked (2): c2 (2), c3 (1)\n"), "%s", s);
	free(s);
}

Test(stats, empty_map_has_no_chain)
{
	static const char empty[] = TS_HEAD "  <claim id=\"c\"><text>t</text></claim>\n" TS_TAIL;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	argmap_stats *s = NULL;
	char *t;

	cr_assert_eq(argmap_map_load_memory(&m, "e.xml", empty, strlen(empty), NULL, d), 0);
	cr_assert_eq(argmap_stats_compute(m, &s), 0);
	cr_expect_eq(s->chain_len, 0);
	cr_expect_eq(s->n_most_attacked, 0);
	t = argmap_stats_format_text(s);
	cr_expect(t && strstr(t, "longest support chain: none"), "%s", t);
	free(t);
	argmap_stats_free(s);
	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(stats, cli)
{
	char *dir = ts_tmpdir(), *path = ts_write(dir, "m.xml", MAP, (size_t)-1);
	const char *text[] = {"stats", path, NULL};
	const char *json[] = {"stats", "--format", "json", path, path, NULL};
	const char *bad[] = {"stats", "--format", "yaml", path, NULL};
	char *out = NULL, *err = NULL;

	cr_expect_eq(ts_run_cli(text, &out, &err, 30), 0, "%s", err);
	cr_expect(out && strstr(out, "4 claims"), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(json, &out, &err, 30), 0, "%s", err);
	cr_expect(out && ts_json_ok(out, strlen(out)) && out[0] == '[', "%s", out);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(bad, NULL, &err, 30), 2);
	cr_expect(err && strstr(err, "unknown format"), "%s", err);
	free(err);
	free(path);
	ts_rmtree(dir);
	free(dir);
}

/*
 * diff: argmap_diff on small pairs of maps, one case per kind of change,
 * the cases that must be no change (reflow, reordering, comments, premise
 * order), likely renames, label changes, the JSON form and `argmap diff`.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/diff.h"
#include "argmap/stats.h"
#include "json_check.h"
#include "support.h"

#define PEOPLE                                                                                     \
	"  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"                                     \
	"  <actor id=\"bob\" kind=\"person\" name=\"Bob\"/>\n"                                     \
	"  <source id=\"s1\" kind=\"article\"><title>S1</title></source>\n"                        \
	"  <source id=\"s2\" kind=\"article\"><title>S2</title></source>\n"

/* the base version */
#define BASE                                                                                       \
	PEOPLE                                                                                     \
	    "  <question id=\"q\"><text>Q?</text></question>\n"                                    \
	    "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\"><text>One.</text></claim>\n"   \
	    "  <claim id=\"c2\" by=\"bob\"><text>Two.</text></claim>\n"                            \
	    "  <evidence id=\"e1\" source=\"s1\"><quote>Quote one.</quote></evidence>\n"           \
	    "  <support from=\"e1 c2\" to=\"c1\"/>\n"                                              \
	    "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n"

typedef struct pair {
	argmap_map *a, *b;
	argmap_diff *d;
} pair;

static argmap_map *load(const char *name, const char *body)
{
	size_t n = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;
	char *xml = malloc(n);
	argmap_diags *dg = argmap_diags_new();
	argmap_map *m = NULL;

	cr_assert(xml && dg);
	snprintf(xml, n, "%s%s%s", TS_HEAD, body, TS_TAIL);
	cr_assert_eq(argmap_map_load_memory(&m, name, xml, strlen(xml), NULL, dg), 0);
	cr_assert_eq(argmap_diags_count_severity(dg, ARGMAP_SEV_ERROR), 0, "%s", xml);
	free(xml);
	argmap_diags_free(dg);
	return m;
}

static pair diff(const char *old_body, const char *new_body)
{
	pair p;

	p.a = load("old.xml", old_body);
	p.b = load("new.xml", new_body);
	cr_assert_eq(argmap_diff_compute(p.a, p.b, &p.d), 0);
	return p;
}

static void done(pair *p)
{
	argmap_diff_free(p->d);
	argmap_map_free(p->a);
	argmap_map_free(p->b);
}

static size_t n_what(const pair *p, am_diff_what w, int rel)
{
	size_t i, n = 0;

	for (i = 0; i < p->d->n; i++)
		n += p->d->e[i].what == w && p->d->e[i].relation == rel;
	return n;
}

/* The changed field `name` of the only entry, or NULL. */
static const am_diff_field *field(const pair *p, const char *name)
{
	size_t k;

	cr_assert_eq(p->d->n, 1, "%zu entries", p->d->n);
	for (k = 0; k < p->d->e[0].n_fields; k++)
		if (!strcmp(p->d->e[0].fields[k].name, name))
			return &p->d->e[0].fields[k];
	return NULL;
}

Test(diff, same_map_is_no_change)
{
	pair p = diff(BASE, BASE);

	cr_expect_eq(argmap_diff_count(p.d), 0);
	done(&p);
}

Test(diff, reflow_reorder_comments_are_no_change)
{
	/* the same items, declared in another order, text reflowed, a
	 * comment added, the support's premises swapped */
	pair p = diff(BASE, PEOPLE "  <!-- reordered -->\n"
	                           "  <evidence id=\"e1\" source=\"s1\"><quote>Quote\n"
	                           "     one.</quote></evidence>\n"
	                           "  <claim id=\"c2\" by=\"bob\"><text>Two.</text></claim>\n"
	                           "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\"><text>\n"
	                           "    One.\n  </text></claim>\n"
	                           "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n"
	                           "  <support from=\"c2 e1\" to=\"c1\"/>\n"
	                           "  <question id=\"q\"><text>Q?</text></question>\n");
	char *t = argmap_diff_format_text(p.d);

	cr_expect_eq(argmap_diff_count(p.d), 0, "%s", t);
	cr_expect(t && strstr(t, "no differences"), "%s", t);
	free(t);
	done(&p);
}

Test(diff, added_and_removed_nodes)
{
	pair p = diff(BASE "  <claim id=\"gone\" by=\"ann\"><text>Old news.</text></claim>\n",
	              BASE "  <claim id=\"c3\" by=\"bob\"><text>Three.</text></claim>\n");

	cr_expect_eq(n_what(&p, AM_DIFF_ADDED, 0), 1);
	cr_expect_eq(n_what(&p, AM_DIFF_REMOVED, 0), 1);
	cr_expect_eq(n_what(&p, AM_DIFF_RENAMED, 0), 0); /* different texts */
	cr_expect_eq(p.d->n, 2);
	done(&p);
}

Test(diff, changed_text)
{
	pair p =
	    diff(BASE, PEOPLE "  <question id=\"q\"><text>Q?</text></question>\n"
	                      "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\"><text>One "
	                      "and a half.</text></claim>\n"
	                      "  <claim id=\"c2\" by=\"bob\"><text>Two.</text></claim>\n"
	                      "  <evidence id=\"e1\" source=\"s1\"><quote>Quote "
	                      "one.</quote></evidence>\n"
	                      "  <support from=\"e1 c2\" to=\"c1\"/>\n"
	                      "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n");
	const am_diff_field *f = field(&p, "text");

	cr_assert(f);
	cr_expect_str_eq(f->old_s, "One.");
	cr_expect_str_eq(f->new_s, "One and a half.");
	cr_expect_eq(p.d->e[0].what, AM_DIFF_CHANGED);
	done(&p);
}

/* A claim's title given, changed or dropped is a change of "title". */
Test(diff, changed_title)
{
	pair p =
	    diff(BASE, PEOPLE "  <question id=\"q\"><text>Q?</text></question>\n"
	                      "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\">"
	                      "<title>Just one</title><text>One.</text></claim>\n"
	                      "  <claim id=\"c2\" by=\"bob\"><text>Two.</text></claim>\n"
	                      "  <evidence id=\"e1\" source=\"s1\"><quote>Quote "
	                      "one.</quote></evidence>\n"
	                      "  <support from=\"e1 c2\" to=\"c1\"/>\n"
	                      "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n");
	const am_diff_field *f = field(&p, "title");

	cr_assert(f);
	cr_expect_null(f->old_s);
	cr_expect_str_eq(f->new_s, "Just one");
	cr_expect_null(field(&p, "text"));
	cr_expect_eq(p.d->n, 1);
	done(&p);
}

Test(diff, changed_quote_holders_sources_tags)
{
	const char *base = PEOPLE "  <claim id=\"c\" by=\"ann\" source=\"s1\" tags=\"x y\"><text>C."
	                          "</text></claim>\n";
	pair p = diff(base, PEOPLE "  <claim id=\"c\" by=\"bob ann\" source=\"s1\" tags=\"y x\">"
	                           "<text>C.</text></claim>\n");
	const am_diff_field *f = field(&p, "holders");

	cr_assert(f && f->is_set);
	cr_expect_eq(f->n_old, 1);
	cr_expect_eq(f->n_new, 2);
	cr_expect_str_eq(f->new_set[0], "ann"); /* sorted */
	cr_expect_null(field(&p, "tags"));      /* the same set, reordered */
	done(&p);

	p = diff(base, PEOPLE "  <claim id=\"c\" by=\"ann\" source=\"s2\" tags=\"x\"><text>C."
	                      "</text></claim>\n");
	cr_expect_not_null(field(&p, "sources"));
	cr_expect_not_null(field(&p, "tags"));
	done(&p);

	p = diff(PEOPLE "  <evidence id=\"e\" source=\"s1\"><quote>A.</quote></evidence>\n",
	         PEOPLE "  <evidence id=\"e\" source=\"s1\" speaker=\"ann\"><quote>B.</quote>"
	                "</evidence>\n");
	cr_expect_not_null(field(&p, "quote"));
	cr_expect_not_null(field(&p, "speaker"));
	done(&p);
}

Test(diff, relation_premise_set_and_stance)
{
	/* without an id, another premise set is another relation */
	pair p =
	    diff(BASE, PEOPLE "  <question id=\"q\"><text>Q?</text></question>\n"
	                      "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\"><text>One."
	                      "</text></claim>\n"
	                      "  <claim id=\"c2\" by=\"bob\"><text>Two.</text></claim>\n"
	                      "  <evidence id=\"e1\" source=\"s1\"><quote>Quote "
	                      "one.</quote></evidence>\n"
	                      "  <support from=\"e1\" to=\"c1\"/>\n"
	                      "  <answer from=\"c1\" to=\"q\" stance=\"no\"/>\n");
	const am_diff_field *f;
	size_t i;

	cr_expect_eq(n_what(&p, AM_DIFF_ADDED, 1), 1);
	cr_expect_eq(n_what(&p, AM_DIFF_REMOVED, 1), 1);
	cr_expect_eq(n_what(&p, AM_DIFF_CHANGED, 1), 1); /* the answer's stance */
	for (i = 0; i < p.d->n; i++)
		if (p.d->e[i].what == AM_DIFF_CHANGED) {
			cr_assert_eq(p.d->e[i].n_fields, 1);
			f = &p.d->e[i].fields[0];
			cr_expect_str_eq(f->name, "stance");
			cr_expect_str_eq(f->old_s, "yes");
			cr_expect_str_eq(f->new_s, "no");
		}
	done(&p);

	/* with an id, the same relation with other premises */
	p = diff(PEOPLE "  <claim id=\"a\"><text>A.</text></claim>\n"
	                "  <claim id=\"b\"><text>B.</text></claim>\n"
	                "  <claim id=\"c\"><text>C.</text></claim>\n"
	                "  <support id=\"s\" from=\"a\" to=\"c\"/>\n",
	         PEOPLE "  <claim id=\"a\"><text>A.</text></claim>\n"
	                "  <claim id=\"b\"><text>B.</text></claim>\n"
	                "  <claim id=\"c\"><text>C.</text></claim>\n"
	                "  <support id=\"s\" from=\"a b\" to=\"c\" basis=\"editor\"/>\n");
	cr_expect_not_null(f = field(&p, "premises"));
	cr_expect_eq(f->n_new, 2);
	cr_expect_not_null(field(&p, "basis"));
	done(&p);
}

Test(diff, likely_rename)
{
	pair p =
	    diff(BASE, PEOPLE "  <question id=\"q\"><text>Q?</text></question>\n"
	                      "  <claim id=\"c1\" by=\"ann\" source=\"s1\" tags=\"x\"><text>One."
	                      "</text></claim>\n"
	                      "  <claim id=\"c2-new\" by=\"bob\"><text>Two.</text></claim>\n"
	                      "  <evidence id=\"e1\" source=\"s1\"><quote>Quote "
	                      "one.</quote></evidence>\n"
	                      "  <support from=\"e1 c2-new\" to=\"c1\"/>\n"
	                      "  <answer from=\"c1\" to=\"q\" stance=\"yes\"/>\n");
	char *t = argmap_diff_format_text(p.d);

	/* one rename and nothing else: the support is read through it */
	cr_expect_eq(p.d->n, 1, "%s", t);
	cr_expect_eq(n_what(&p, AM_DIFF_RENAMED, 0), 1, "%s", t);
	cr_expect(strstr(t, "claim c2 renamed to c2-new"), "%s", t);
	free(t);
	done(&p);
}

Test(diff, label_change)
{
	/* new: evidence rebuts c1, which goes from IN to OUT */
	pair p =
	    diff(BASE, BASE "  <evidence id=\"e2\" source=\"s2\"><quote>No.</quote></evidence>\n"
	                    "  <rebut from=\"e2\" to=\"c1\"/>\n");
	char *t = argmap_diff_format_text(p.d), *j = argmap_diff_format_json(p.d);
	json_t *v, *l;
	json_error_t err;

	cr_assert_eq(p.d->n_labels, 1, "%s", t);
	cr_expect_eq(p.d->labels[0].old_l, ARGMAP_LABEL_IN);
	cr_expect_eq(p.d->labels[0].new_l, ARGMAP_LABEL_OUT);
	cr_expect(strstr(t, "~ claim c1: IN -> OUT"), "%s", t);
	cr_expect(strstr(t, "e2"), "the explanation names the rebuttal:\n%s", t);
	cr_assert(ts_json_ok(j, strlen(j)), "%s", j);
	v = json_loads(j, 0, &err);
	cr_assert(v, "%s", err.text);
	l = json_array_get(json_object_get(json_object_get(v, "labels"), "changed"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(l, "id")), "c1");
	cr_expect_str_eq(json_string_value(json_object_get(l, "old")), "IN");
	cr_expect_str_eq(json_string_value(json_object_get(l, "new")), "OUT");
	cr_expect_eq(json_array_size(json_object_get(json_object_get(v, "added"), "nodes")), 1);
	cr_expect_eq(json_array_size(json_object_get(json_object_get(v, "added"), "relations")), 1);
	cr_expect_eq(json_integer_value(json_object_get(json_object_get(v, "summary"), "added")),
	             2);
	json_decref(v);
	free(t);
	free(j);
	done(&p);
}

Test(diff, cli)
{
	char *dir = ts_tmpdir();
	char *a = ts_write(dir, "a.xml", TS_HEAD BASE TS_TAIL, (size_t)-1);
	char *b = ts_write(dir, "b.xml",
	                   TS_HEAD BASE "  <claim id=\"c9\" by=\"ann\"><text>Nine.</text></claim>\n"
	                                "  <rebut from=\"c9\" to=\"c2\"/>\n" TS_TAIL,
	                   (size_t)-1);
	const char *same[] = {"diff", "--exit-code", "-q", a, a, NULL};
	const char *differ[] = {"diff", "--exit-code", "-q", a, b, NULL};
	const char *json[] = {"diff", "--format", "json", "-q", a, b, NULL};
	const char *one[] = {"diff", a, NULL};
	const char *named[] = {"diff", "-q", "-L", "before", "--label", "after", a, b, NULL};
	const char *three[] = {"diff", "-L", "1", "-L", "2", "-L", "3", a, b, NULL};
	char *out = NULL, *err = NULL;

	cr_expect_eq(ts_run_cli(same, &out, &err, 30), 0, "%s", err);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(differ, &out, &err, 30), 1, "%s", err);
	cr_expect(out && strstr(out, "+ claim c9"), "%s", out);
	cr_expect(out && strstr(out, "+ rebut c9 -> c2"), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(json, &out, &err, 30), 0, "%s", err);
	cr_expect(out && ts_json_ok(out, strlen(out)), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(named, &out, &err, 30), 0, "%s", err);
	cr_expect(out && !strncmp(out, "--- before\n+++ after\n", 21), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(three, NULL, &err, 30), 2);
	cr_expect(err && strstr(err, "at most twice"), "%s", err);
	free(err);
	cr_expect_eq(ts_run_cli(one, NULL, &err, 30), 2);
	cr_expect(err && strstr(err, "two maps"), "%s", err);
	free(err);
	free(a);
	free(b);
	ts_rmtree(dir);
	free(dir);
}

/* -L names the versions wherever the diff names them (text, JSON, the
 * union's title block), instead of the files' paths; unnamed, the paths;
 * names set after a union was built do not reach into it. */
Test(diff, version_names)
{
	pair p = diff(BASE, BASE "  <claim id=\"c9\"><text>Nine.</text></claim>\n");
	argmap_diff_union *u = NULL, *v = NULL;
	char *text, *json;

	text = argmap_diff_format_text(p.d);
	cr_expect(text && strstr(text, "--- old.xml\n+++ new.xml\n"), "%s", text);
	free(text);
	cr_assert_eq(argmap_diff_union_build(p.d, &u), 0);
	cr_assert_eq(argmap_diff_set_names(p.d, "abc1234^", NULL), 0);
	text = argmap_diff_format_text(p.d);
	json = argmap_diff_format_json(p.d);
	cr_expect(text && strstr(text, "--- abc1234^\n+++ new.xml\n"), "%s", text);
	cr_expect(json && strstr(json, "\"old\": \"abc1234^\"") && strstr(json, "\"new.xml\""),
	          "%s", json);
	free(text);
	free(json);
	cr_assert_eq(argmap_diff_set_names(p.d, "v1", "v2"), 0);
	cr_assert_eq(argmap_diff_union_build(p.d, &v), 0);
	cr_expect_str_eq(v->old_path, "v1");
	cr_expect_str_eq(v->new_path, "v2");
	cr_expect(strstr(argmap_map_file(v->map, 0)->description, "Changes from v1 to v2:"), "%s",
	          argmap_map_file(v->map, 0)->description);
	/* the first union copied the paths when it was built */
	cr_expect_str_eq(u->old_path, "old.xml");
	cr_expect(strstr(argmap_map_file(u->map, 0)->description, "from old.xml to new.xml"));
	cr_expect_eq(argmap_diff_set_names(NULL, "a", "b"), ARGMAP_EARG);
	argmap_diff_union_free(u);
	argmap_diff_union_free(v);
	done(&p);
}

Test(diff, maps_with_errors_do_not_crash_stats_or_diff)
{
	/* the CLI refuses them; the library must still be safe on them */
	argmap_diags *dg = argmap_diags_new();
	argmap_map *bad = NULL, *good = NULL;
	argmap_diff *d = NULL;
	argmap_stats *st = NULL;
	char *t;

	argmap_map_load(&bad, ARGMAP_TEST_DATA "/many-mistakes.xml", NULL, dg);
	argmap_map_load(&good, ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml", NULL, dg);
	cr_assert(bad && good);
	cr_assert_gt(argmap_diags_count_severity(dg, ARGMAP_SEV_ERROR), 0);
	cr_assert_eq(argmap_diff_compute(bad, good, &d), 0);
	t = argmap_diff_format_text(d);
	cr_expect(t);
	free(t);
	t = argmap_diff_format_json(d);
	cr_expect(t && ts_json_ok(t, strlen(t)));
	free(t);
	argmap_diff_free(d);
	/* (a duplicate id names one item; the other shows as added and
	 * removed, so a broken map need not diff empty with itself) */
	cr_assert_eq(argmap_diff_compute(bad, bad, &d), 0);
	t = argmap_diff_format_text(d);
	cr_expect(t);
	free(t);
	argmap_diff_free(d);
	cr_assert_eq(argmap_stats_compute(bad, &st), 0);
	t = argmap_stats_format_text(st);
	cr_expect(t);
	free(t);
	t = argmap_stats_format_json(st);
	cr_expect(t && ts_json_ok(t, strlen(t)));
	free(t);
	argmap_stats_free(st);
	argmap_map_free(bad);
	argmap_map_free(good);
	argmap_diags_free(dg);
}

/* A random small map without errors of reference: claims with unique ids
 * (c<i> or c<i+10>, so that some ids differ between two maps), texts drawn
 * from a few (so renames happen), random holders, supports, rebuts and
 * answers between them. */
static char *random_body(unsigned *seed)
{
	static const char *const texts[] = {"A.", "B.", "C.", "D.", "E."};
	static const char *const kinds[] = {"support", "rebut", "answer"};
	char *buf = malloc(16384);
	unsigned ids[8];
	size_t len = 0, i, n = 2 + (size_t)(rand_r(seed) % 5);

	cr_assert(buf);
	len += (size_t)snprintf(buf + len, 16384 - len, "%s",
	                        PEOPLE "  <question id=\"q\"><text>Q?</text></question>\n");
	for (i = 0; i < n; i++) {
		ids[i] = (unsigned)i + (unsigned)(rand_r(seed) % 2) * 10;
		len += (size_t)snprintf(buf + len, 16384 - len,
		                        "  <claim id=\"c%u\" by=\"%s\"><text>%s</text></claim>\n",
		                        ids[i], rand_r(seed) % 2 ? "ann" : "bob",
		                        texts[rand_r(seed) % 5]);
	}
	for (i = 0; i < 4; i++) {
		unsigned k = (unsigned)(rand_r(seed) % 3), from = ids[rand_r(seed) % n],
		         to = ids[rand_r(seed) % n];
		if (k == 2)
			len += (size_t)snprintf(buf + len, 16384 - len,
			                        "  <answer from=\"c%u\" to=\"q\" stance=\"%s\"/>\n",
			                        from, rand_r(seed) % 2 ? "yes" : "no");
		else if (from != to)
			len += (size_t)snprintf(buf + len, 16384 - len,
			                        "  <%s from=\"c%u\" to=\"c%u\"/>\n", kinds[k], from,
			                        to);
	}
	return buf;
}

static argmap_map *load_any(const char *body)
{
	size_t n = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;
	char *xml = malloc(n);
	argmap_diags *dg = argmap_diags_new();
	argmap_map *m = NULL;

	cr_assert(xml && dg);
	snprintf(xml, n, "%s%s%s", TS_HEAD, body, TS_TAIL);
	/* a support cycle (AM205) is an error the diff does not mind */
	argmap_map_load_memory(&m, "r.xml", xml, strlen(xml), NULL, dg);
	cr_assert(m);
	free(xml);
	argmap_diags_free(dg);
	return m;
}

static size_t count_what(const argmap_diff *d, am_diff_what w, int rel)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->e[i].what == w && d->e[i].relation == rel;
	return n;
}

Test(diff, random_pairs_are_symmetric)
{
	unsigned seed = 20261201;
	int round;

	for (round = 0; round < 300; round++) {
		char *x = random_body(&seed), *y = random_body(&seed);
		argmap_map *a = load_any(x), *b = load_any(y);
		argmap_diff *ab = NULL, *ba = NULL, *aa = NULL;
		int rel;

		cr_assert_eq(argmap_diff_compute(a, b, &ab), 0);
		cr_assert_eq(argmap_diff_compute(b, a, &ba), 0);
		cr_assert_eq(argmap_diff_compute(a, a, &aa), 0);
		for (rel = 0; rel < 2; rel++) {
			cr_expect_eq(count_what(ab, AM_DIFF_ADDED, rel),
			             count_what(ba, AM_DIFF_REMOVED, rel), "round %d:\n%s\n---\n%s",
			             round, x, y);
			cr_expect_eq(count_what(ab, AM_DIFF_CHANGED, rel),
			             count_what(ba, AM_DIFF_CHANGED, rel), "round %d:\n%s\n---\n%s",
			             round, x, y);
		}
		cr_expect_eq(count_what(ab, AM_DIFF_RENAMED, 0), count_what(ba, AM_DIFF_RENAMED, 0),
		             "round %d:\n%s\n---\n%s", round, x, y);
		cr_expect_eq(ab->n_labels, ba->n_labels);
		cr_expect_eq(argmap_diff_count(aa), 0, "round %d:\n%s", round, x);
		argmap_diff_free(ab);
		argmap_diff_free(ba);
		argmap_diff_free(aa);
		argmap_map_free(a);
		argmap_map_free(b);
		free(x);
		free(y);
	}
}

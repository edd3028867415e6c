/*
 * test_eval.c - argmap_eval_map on maps: the translation (linked premises,
 * undercuts of a linked support, linked rebuttals), every kind of
 * explanation, and small random maps whose labels are checked against a
 * brute-force enumeration of the map-level conditions: a support holds
 * iff all premises hold and no undercut does; a claim holds iff one of its
 * supports holds (or it has none) and no rebuttal holds. Grounded is the
 * least such labelling, preferred the maximal ones (in IN and OUT).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "support.h"

static argmap_map *load_body(const char *body)
{
	char *xml;
	size_t len = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;
	argmap_map *map = NULL;
	argmap_diags *d = argmap_diags_new();

	xml = malloc(len);
	cr_assert_not_null(xml);
	snprintf(xml, len, "%s%s%s", TS_HEAD, body, TS_TAIL);
	cr_assert_eq(argmap_map_load_memory(&map, "t.xml", xml, strlen(xml), NULL, d), 0, "%s",
	             xml);
	cr_assert_not_null(map);
	free(xml);
	argmap_diags_free(d);
	return map;
}

static argmap_eval_result *eval(const argmap_map *map, argmap_semantics sem)
{
	argmap_eval_options o = ARGMAP_EVAL_OPTIONS_INIT;
	argmap_eval_result *r = NULL;

	o.semantics = sem;
	cr_assert_eq(argmap_eval_map(map, &o, &r), 0, "%s", argmap_error_last());
	return r;
}

static size_t item(const argmap_map *map, const char *id)
{
	size_t i;
	argmap_item_kind k = argmap_map_find(map, id, &i);

	cr_assert(k == ARGMAP_ITEM_NODE || k == ARGMAP_ITEM_RELATION, "no item %s", id);
	return k == ARGMAP_ITEM_NODE ? i : argmap_map_node_count(map) + i;
}

#define C(id) "<claim id=\"" id "\"><text>" id "</text></claim>\n"

/* label and explanation of `id` under grounded */
static void expect(const argmap_map *map, const argmap_eval_result *r, const char *id,
                   argmap_label l, const char *expl)
{
	size_t i = item(map, id);

	cr_expect_eq(r->label[i], l, "%s: %s, want %s (%s)", id, argmap_label_name(r->label[i]),
	             argmap_label_name(l), r->explanation[i]);
	if (expl)
		cr_expect_str_eq(r->explanation[i], expl, "%s", id);
}

Test(eval, rebutted_and_reinstated)
{
	argmap_map *m = load_body(C("a") C("b") C("c") "<rebut from=\"b\" to=\"a\"/>\n"
	                                               "<rebut from=\"c\" to=\"b\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "c", ARGMAP_LABEL_IN, "IN: an assumption (no support), not rebutted");
	expect(m, r, "b", ARGMAP_LABEL_OUT, "OUT: rebutted by c (IN)");
	expect(m, r, "a", ARGMAP_LABEL_IN, "IN: an assumption (no support); its rebuttal b is OUT");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, supported_not_established_and_undercut)
{
	argmap_map *m = load_body(C("a") C("p") C("q") C("u3") C(
	    "x") "<support id=\"s1\" from=\"p q\" to=\"a\"/>\n<undercut id=\"u\" from=\"u3\" "
	         "to=\"s1\"/>\n"
	         "<support id=\"s-danger\" from=\"p\" to=\"x\"/>\n<rebut from=\"a\" to=\"x\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "s1", ARGMAP_LABEL_OUT, "OUT: undercut by u3, IN");
	expect(m, r, "a", ARGMAP_LABEL_OUT,
	       "OUT: not established: its only support s1 fails (undercut by u3, IN)");
	expect(m, r, "u", ARGMAP_LABEL_IN, "IN: its premise u3 is IN");
	expect(m, r, "x", ARGMAP_LABEL_IN,
	       "IN: supported by s-danger (all premises IN); its rebuttal a is OUT");
	expect(m, r, "s-danger", ARGMAP_LABEL_IN, "IN: its premise p is IN; not undercut");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, linked_premises_all_needed)
{
	/* a <- (p + q) linked; q is rebutted: the support and a fail */
	argmap_map *m =
	    load_body(C("a") C("p") C("q") C("z") "<support id=\"s\" from=\"p q\" to=\"a\"/>\n"
	                                          "<rebut from=\"z\" to=\"q\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "s", ARGMAP_LABEL_OUT, "OUT: premise q is OUT");
	expect(m, r, "a", ARGMAP_LABEL_OUT,
	       "OUT: not established: its only support s fails (premise q is OUT)");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, two_supports_one_enough_all_fail_named)
{
	argmap_map *m =
	    load_body(C("a") C("p") C("q")
	                  C("z") "<support id=\"s1\" from=\"p\" to=\"a\"/>\n"
	                         "<support id=\"s2\" from=\"q\" to=\"a\"/>\n"
	                         "<rebut from=\"z\" to=\"p\"/>\n<rebut from=\"z\" to=\"q\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "a", ARGMAP_LABEL_OUT,
	       "OUT: not established: all 2 of its supports fail: s1 (premise p is OUT), s2 "
	       "(premise q is OUT)");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, undercut_of_a_linked_support_by_a_linked_undercut)
{
	argmap_map *m = load_body(C("a") C("p") C("q") C("u1")
	                              C("u2") "<support id=\"s\" from=\"p q\" to=\"a\"/>\n"
	                                      "<undercut id=\"uc\" from=\"u1 u2\" to=\"s\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "uc", ARGMAP_LABEL_IN, "IN: all premises IN (u1 and u2)");
	expect(m, r, "s", ARGMAP_LABEL_OUT, "OUT: undercut by uc, IN");
	expect(m, r, "a", ARGMAP_LABEL_OUT, NULL);
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, linked_rebut_needs_all_premises)
{
	argmap_map *m =
	    load_body(C("a") C("r1") C("r2") C("z") "<rebut id=\"rb\" from=\"r1 r2\" to=\"a\"/>\n"
	                                            "<rebut from=\"z\" to=\"r2\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "rb", ARGMAP_LABEL_OUT, "OUT: premise r2 is OUT");
	expect(m, r, "a", ARGMAP_LABEL_IN,
	       "IN: an assumption (no support); its rebuttal rb is OUT");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, cycles_self_attack_and_upstream_undec)
{
	argmap_map *m =
	    load_body(C("x") C("y") C("w") C("s")
	                  C("d") "<rebut from=\"x\" to=\"y\"/>\n<rebut from=\"y\" to=\"x\"/>\n"
	                         "<rebut from=\"x\" to=\"w\"/>\n<rebut from=\"s\" to=\"s\"/>\n"
	                         "<support id=\"sd\" from=\"w\" to=\"d\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "x", ARGMAP_LABEL_UNDEC, "UNDEC: in a cycle of rebuttals with y");
	expect(m, r, "w", ARGMAP_LABEL_UNDEC, "UNDEC: its rebuttal x is UNDEC");
	expect(m, r, "s", ARGMAP_LABEL_UNDEC, "UNDEC: it rebuts itself");
	expect(m, r, "sd", ARGMAP_LABEL_UNDEC, "UNDEC: premise w is UNDEC");
	expect(m, r, "d", ARGMAP_LABEL_UNDEC,
	       "UNDEC: no support holds for certain: sd is UNDEC (premise w is UNDEC)");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, evidence_mixed_cycles_and_broken_relations)
{
	/* a supports b, b rebuts a: a cycle through a support; e is evidence;
	 * the last rebut names an id that does not exist */
	argmap_map *m = load_body(C("a") C(
	    "b") "<evidence id=\"e\" source=\"s\"><quote>q</quote></evidence>\n"
	         "<support id=\"sab\" from=\"a\" to=\"b\"/>\n<rebut from=\"b\" to=\"a\"/>\n"
	         "<rebut id=\"broken\" from=\"nobody\" to=\"a\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	expect(m, r, "e", ARGMAP_LABEL_IN, "IN: evidence, which nothing attacks");
	expect(m, r, "a", ARGMAP_LABEL_UNDEC, "UNDEC: in a cycle of attacks with b");
	expect(m, r, "sab", ARGMAP_LABEL_UNDEC, "UNDEC: in a cycle of attacks with a and b");
	expect(m, r, "broken", ARGMAP_LABEL_NONE,
	       "not evaluated: its premises or its target do not resolve");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, preferred_limit_says_so)
{
	argmap_map *m =
	    load_body(C("x") C("y") "<rebut from=\"x\" to=\"y\"/>\n<rebut from=\"y\" to=\"x\"/>\n");
	argmap_eval_options o = ARGMAP_EVAL_OPTIONS_INIT;
	argmap_eval_result *r = NULL;

	o.semantics = ARGMAP_SEMANTICS_PREFERRED;
	o.max_extensions = 1;
	cr_assert_eq(argmap_eval_map(m, &o, &r), 0);
	cr_expect_not(r->complete);
	cr_expect_eq(r->n_extensions, 1);
	cr_assert_not_null(r->limit_message);
	cr_expect_not_null(strstr(r->limit_message, "count limit after 1 extension;"), "%s",
	                   r->limit_message);
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, preferred_floating_acceptance)
{
	/* x and y rebut each other, both rebut w, w rebuts d: d is IN in
	 * both preferred extensions (sceptical), x and y credulous, w rejected */
	argmap_map *m =
	    load_body(C("x") C("y") C("w")
	                  C("d") "<rebut from=\"x\" to=\"y\"/>\n<rebut from=\"y\" to=\"x\"/>\n"
	                         "<rebut from=\"x\" to=\"w\"/>\n<rebut from=\"y\" to=\"w\"/>\n"
	                         "<rebut from=\"w\" to=\"d\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_PREFERRED);

	cr_assert(r->complete);
	cr_expect_eq(r->n_extensions, 2);
	cr_expect_eq(r->label[item(m, "d")], ARGMAP_LABEL_UNDEC, "grounded leaves d UNDEC");
	cr_expect_eq(r->acceptance[item(m, "d")], ARGMAP_ACCEPT_SCEPTICAL);
	cr_expect_str_eq(r->acceptance_explanation[item(m, "d")],
	                 "sceptically accepted: IN in all 2 preferred extensions");
	cr_expect_eq(r->acceptance[item(m, "x")], ARGMAP_ACCEPT_CREDULOUS);
	cr_expect_eq(r->acceptance[item(m, "w")], ARGMAP_ACCEPT_REJECTED);
	cr_expect_str_eq(
	    r->acceptance_explanation[item(m, "w")],
	    "rejected: IN in none of the 2 preferred extensions (OUT in 2, UNDEC in 0)");
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, questions_and_answers_are_not_labelled)
{
	argmap_map *m = load_body("<question id=\"q\"><text>q?</text></question>\n" C(
	    "a") "<answer from=\"a\" to=\"q\" stance=\"yes\"/>\n");
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);

	cr_expect_eq(r->label[item(m, "q")], ARGMAP_LABEL_NONE);
	cr_expect_eq(r->label[argmap_map_node_count(m)], ARGMAP_LABEL_NONE);
	cr_expect_null(r->explanation[argmap_map_node_count(m)]);
	cr_expect_eq(r->label[item(m, "a")], ARGMAP_LABEL_IN);
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(eval, options_and_arguments)
{
	argmap_eval_options o;
	argmap_eval_result *r = (argmap_eval_result *)1;

	cr_expect_eq(argmap_eval_options_init(&o, 99), ARGMAP_EARG);
	cr_assert_eq(argmap_eval_options_init(&o, ARGMAP_EVAL_OPTIONS_VERSION), 0);
	cr_expect_eq(argmap_eval_map(NULL, &o, &r), ARGMAP_EARG);
	cr_expect_null(r);
	o.version = 7;
	{
		argmap_map *m = load_body(C("a"));
		cr_expect_eq(argmap_eval_map(m, &o, &r), ARGMAP_EARG);
		argmap_map_free(m);
	}
	argmap_eval_free(NULL);
	cr_expect_str_eq(argmap_label_name(ARGMAP_LABEL_UNDEC), "UNDEC");
	cr_expect_str_eq(argmap_acceptance_name(ARGMAP_ACCEPT_CREDULOUS), "credulous");
}

/* ------------------------------------------------ random maps, brute force */

enum { IN = ARGMAP_LABEL_IN, OUT = ARGMAP_LABEL_OUT, UNDEC = ARGMAP_LABEL_UNDEC };
#define MAXC 5
#define MAXR 5

typedef struct rmap {
	size_t nc, nr;
	int kind[MAXR];      /* 0 support, 1 rebut, 2 undercut */
	unsigned from[MAXR]; /* bit mask of claims */
	size_t to[MAXR];     /* claim, or (undercut) a relation that is a support */
} rmap;

static uint64_t rs = 0x2545f4914f6cdd1du;
static unsigned rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (unsigned)(rs >> 17);
}

/* three-valued and/or on labels */
static int all_in(const unsigned char *lab, unsigned mask, size_t nc)
{
	size_t i;
	int any_undec = 0;

	for (i = 0; i < nc; i++)
		if ((mask >> i) & 1u) {
			if (lab[i] == OUT)
				return OUT;
			any_undec |= lab[i] == UNDEC;
		}
	return any_undec ? UNDEC : IN;
}

/* Is lab (claims 0..nc-1, relations nc..) a complete labelling at map level? */
static int consistent(const rmap *m, const unsigned char *lab)
{
	size_t r, c, u;

	for (r = 0; r < m->nr; r++) {
		int want = all_in(lab, m->from[r], m->nc);
		if (m->kind[r] == 0) { /* undercuts of r */
			for (u = 0; u < m->nr; u++)
				if (m->kind[u] == 2 && m->to[u] == r) {
					unsigned char lu = lab[m->nc + u];
					if (lu == IN)
						want = OUT;
					else if (lu == UNDEC && want == IN)
						want = UNDEC;
				}
		}
		if (lab[m->nc + r] != want)
			return 0;
	}
	for (c = 0; c < m->nc; c++) {
		int nsup = 0, est = OUT, want;
		for (r = 0; r < m->nr; r++)
			if (m->kind[r] == 0 && m->to[r] == c) {
				unsigned char l = lab[m->nc + r];
				nsup++;
				if (l == IN)
					est = IN;
				else if (l == UNDEC && est == OUT)
					est = UNDEC;
			}
		want = nsup ? est : IN;
		for (r = 0; r < m->nr; r++)
			if (m->kind[r] == 1 && m->to[r] == c) {
				unsigned char l = lab[m->nc + r];
				if (l == IN)
					want = OUT;
				else if (l == UNDEC && want == IN)
					want = UNDEC;
			}
		if (lab[c] != want)
			return 0;
	}
	return 1;
}

/* a <= b in the information order (IN and OUT of a kept in b) */
static int info_le(const unsigned char *a, const unsigned char *b, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (a[i] != UNDEC && a[i] != b[i])
			return 0;
	return 1;
}

static char *rmap_xml(const rmap *m)
{
	static char buf[8192];
	size_t c, r, j, len = 0;
	static const char *el[] = {"support", "rebut", "undercut"};

	len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", TS_HEAD);
	for (c = 0; c < m->nc; c++)
		len += (size_t)snprintf(buf + len, sizeof buf - len,
		                        "<claim id=\"c%zu\"><text>c%zu</text></claim>\n", c, c);
	for (r = 0; r < m->nr; r++) {
		len += (size_t)snprintf(buf + len, sizeof buf - len, "<%s id=\"r%zu\" from=\"",
		                        el[m->kind[r]], r);
		for (j = 0; j < m->nc; j++)
			if ((m->from[r] >> j) & 1u)
				len += (size_t)snprintf(buf + len, sizeof buf - len, "c%zu ", j);
		len--; /* the last space */
		len += (size_t)snprintf(buf + len, sizeof buf - len, "\" to=\"%s%zu\"/>\n",
		                        m->kind[r] == 2 ? "r" : "c", m->to[r]);
	}
	snprintf(buf + len, sizeof buf - len, "%s", TS_TAIL);
	return buf;
}

static void random_map(rmap *m)
{
	size_t r;

	memset(m, 0, sizeof *m);
	m->nc = 2 + rnd() % (MAXC - 1);
	m->nr = 1 + rnd() % MAXR;
	for (r = 0; r < m->nr; r++) {
		m->kind[r] = (int)(rnd() % 3);
		m->from[r] = rnd() % 4 ? 1u << (rnd() % m->nc)
		                       : 1u << (rnd() % m->nc) | 1u << (rnd() % m->nc);
		m->to[r] = rnd() % m->nc;
		if (m->kind[r] == 2) {
			size_t s, n = 0;
			for (s = 0; s < m->nr; s++)
				n += s < r && m->kind[s] == 0;
			if (!n) {
				m->kind[r] = 1;
				continue;
			}
			n = rnd() % n;
			for (s = 0; s < r; s++)
				if (m->kind[s] == 0 && n-- == 0)
					break;
			m->to[r] = s;
		} else if (m->kind[r] == 0) {
			m->from[r] &= ~(1u << m->to[r]); /* no self-support */
			if (!m->from[r])
				m->from[r] = 1u << ((m->to[r] + 1) % m->nc);
		}
	}
}

static int same_labels(const argmap_label *a, const unsigned char *b, size_t k)
{
	size_t y;

	for (y = 0; y < k; y++)
		if (a[y] != b[y])
			return 0;
	return 1;
}

Test(eval, random_maps_against_brute_force)
{
	static unsigned char all[20000][MAXC + MAXR];
	size_t t;

	for (t = 0; t < 1500; t++) {
		rmap m;
		argmap_map *map = NULL;
		argmap_diags *d = argmap_diags_new();
		argmap_eval_result *res;
		const char *xml;
		size_t k, na = 0, i, j, total = 1, code, ng = 0, npref = 0;
		unsigned char lab[MAXC + MAXR];

		random_map(&m);
		xml = rmap_xml(&m);
		k = m.nc + m.nr;
		cr_assert_eq(argmap_map_load_memory(&map, "r.xml", xml, strlen(xml), NULL, d), 0,
		             "%s", xml);
		argmap_diags_free(d);
		res = eval(map, ARGMAP_SEMANTICS_PREFERRED);
		cr_assert(res->complete);
		for (i = 0; i < k; i++)
			total *= 3;
		for (code = 0; code < total; code++) {
			size_t x = code;
			for (i = 0; i < k; i++, x /= 3)
				lab[i] = (unsigned char)(1 + x % 3);
			if (consistent(&m, lab))
				memcpy(all[na++], lab, k);
		}
		cr_assert(na > 0);
		/* grounded: below every complete labelling */
		for (i = 0; i < na; i++) {
			for (j = 0; j < na && info_le(all[i], all[j], k); j++)
				;
			if (j == na) {
				ng++;
				for (j = 0; j < k; j++)
					cr_assert_eq(res->label[j], all[i][j],
					             "map %zu item %zu: grounded %s, want %s\n%s",
					             t, j, argmap_label_name(res->label[j]),
					             argmap_label_name(all[i][j]), xml);
			}
		}
		cr_assert_eq(ng, 1, "one least complete labelling");
		/* preferred: the maximal ones, each found by eval */
		for (i = 0; i < na; i++) {
			int maximal = 1, found = 0;
			for (j = 0; j < na && maximal; j++)
				if (j != i && info_le(all[i], all[j], k) &&
				    memcmp(all[i], all[j], k))
					maximal = 0;
			if (!maximal)
				continue;
			npref++;
			for (j = 0; j < res->n_extensions && !found; j++)
				found = same_labels(res->extensions + j * res->n_items, all[i], k);
			cr_assert(found, "map %zu: a preferred labelling is missing\n%s", t, xml);
		}
		cr_assert_eq(res->n_extensions, npref, "map %zu: %zu extensions, want %zu\n%s", t,
		             res->n_extensions, npref, xml);
		argmap_eval_free(res);
		argmap_map_free(map);
	}
}

/* ------------------------------------------------------------------ CLI */

#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

Test(eval_cli, text_lists_questions_answers_and_claims)
{
	const char *args[] = {"eval", EXAMPLE, NULL};
	char *out = NULL, *err = NULL;

	cr_assert_eq(ts_run_cli(args, &out, &err, 30), 0, "%s", err);
	cr_expect_not_null(strstr(out, "question q-lane: "), "%s", out);
	cr_expect_not_null(strstr(out, "  yes        IN        lane-yes\n"), "%s", out);
	cr_expect_not_null(strstr(out, "OUT: rebutted by ev-survey (IN)"), "%s", out);
	cr_expect_not_null(strstr(out, "claims (9; grounded: 6 IN, 3 OUT, 0 UNDEC)"), "%s", out);
	free(out);
	free(err);
}

Test(eval_cli, preferred_and_json)
{
	const char *args[] = {"eval", "--semantics", "preferred", "--format",
	                      "json", EXAMPLE,       NULL};
	char *out = NULL, *err = NULL;
	json_error_t je;
	json_t *doc, *m;

	cr_assert_eq(ts_run_cli(args, &out, &err, 30), 0, "%s", err);
	doc = json_loads(out, 0, &je);
	cr_assert_not_null(doc, "%s: %s", je.text, out);
	cr_assert(json_is_array(doc) && json_array_size(doc) == 1);
	m = json_array_get(doc, 0);
	cr_expect_str_eq(json_string_value(json_object_get(m, "semantics")), "preferred");
	cr_expect(json_is_true(json_object_get(m, "complete")));
	cr_expect_eq(json_array_size(json_object_get(m, "extensions")), 1);
	cr_expect_eq(json_integer_value(json_object_get(json_object_get(m, "claims"), "OUT")), 3);
	json_decref(doc);
	free(out);
	free(err);
}

Test(eval_cli, usage_and_exit_codes)
{
	const char *bad_sem[] = {"eval", "--semantics", "stable", EXAMPLE, NULL};
	const char *none[] = {"eval", NULL};
	const char *missing[] = {"eval", "/nonexistent/map.xml", NULL};
	const char *help[] = {"eval", "--help", NULL};
	char *out = NULL, *err = NULL, *dir, *path;

	cr_expect_eq(ts_run_cli(bad_sem, NULL, &err, 30), 2);
	cr_expect_not_null(strstr(err, "unknown semantics 'stable'"), "%s", err);
	free(err);
	cr_expect_eq(ts_run_cli(none, NULL, NULL, 30), 2);
	cr_expect_eq(ts_run_cli(missing, NULL, NULL, 30), 3);
	cr_expect_eq(ts_run_cli(help, &out, NULL, 30), 0);
	cr_expect_not_null(strstr(out, "--semantics"));
	free(out);
	/* a map with an error (a rebut of an unknown id) is still evaluated, exit 1 */
	dir = ts_tmpdir();
	path = ts_write(dir, "bad.xml",
	                TS_HEAD C("a") C("b") "<rebut from=\"b\" to=\"a\"/>\n"
	                                      "<rebut from=\"nobody\" to=\"b\"/>\n" TS_TAIL,
	                (size_t)-1);
	{
		const char *args[] = {"eval", path, NULL};
		cr_expect_eq(ts_run_cli(args, &out, &err, 30), 1, "%s", err);
		cr_expect_not_null(strstr(out, "OUT: rebutted by b (IN)"), "%s", out);
		free(out);
		free(err);
	}
	free(path);
	ts_rmtree(dir);
	free(dir);
}

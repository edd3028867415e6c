/*
 * The export API (argmap/export.h) and the argmap JSON export: format
 * names, options, failures, and the bytes for the exporters' small map
 * (tests/export/data/small.xml).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"
#include "support.h"

#define SMALL ARGMAP_SOURCE_DIR "/tests/export/data/small.xml"
#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

static argmap_map *load(const char *path)
{
	argmap_map *m = NULL;
	argmap_diags *d = argmap_diags_new();

	cr_assert_eq(argmap_map_load(&m, path, NULL, d), 0, "load %s", path);
	cr_assert_eq(argmap_check(m, NULL, d), 0);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s has errors", path);
	argmap_diags_free(d);
	return m;
}

static char *export_as(const argmap_map *m, argmap_export_format f, const char *focus, size_t *len)
{
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	size_t n = 0;

	o.format = f;
	o.focus = focus;
	cr_assert_eq(argmap_export(m, &o, NULL, &out, &n), 0, "%s", argmap_error_last());
	cr_assert(out);
	cr_assert_eq(strlen(out), n, "the length counts every byte, NUL after");
	if (len)
		*len = n;
	return out;
}

static json_t *export_json(const argmap_map *m, const char *focus)
{
	size_t n;
	char *s = export_as(m, ARGMAP_EXPORT_JSON, focus, &n);
	json_error_t e;
	json_t *doc;

	cr_assert(ts_json_ok(s, n), "not strict JSON");
	doc = json_loadb(s, n, 0, &e);
	cr_assert(doc, "%s", e.text);
	free(s);
	return doc;
}

static json_t *find(json_t *arr, const char *key, const char *val)
{
	size_t i;
	json_t *v;

	json_array_foreach(
	    arr, i, v) if (json_is_string(json_object_get(v, key)) &&
	                   !strcmp(json_string_value(json_object_get(v, key)), val)) return v;
	cr_assert_fail("no item with %s = %s", key, val);
	return NULL;
}

static const char *str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	cr_assert(json_is_string(v), "%s is not a string", key);
	return json_string_value(v);
}

static const char *item(json_t *arr, size_t i)
{
	json_t *v = json_array_get(arr, i);
	cr_assert(json_is_string(v), "item %zu is not a string", i);
	return json_string_value(v);
}

Test(export_api, format_names)
{
	static const struct {
		const char *name, *ext;
		argmap_export_format f;
	} rows[] = {{"json", "json", ARGMAP_EXPORT_JSON},
	            {"aif", "aif.json", ARGMAP_EXPORT_AIF},
	            {"argdown", "argdown", ARGMAP_EXPORT_ARGDOWN},
	            {"graphml", "graphml", ARGMAP_EXPORT_GRAPHML},
	            {"dot", "dot", ARGMAP_EXPORT_DOT}};
	argmap_export_format f;
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		cr_expect_str_eq(argmap_export_format_name(rows[i].f), rows[i].name);
		cr_expect_str_eq(argmap_export_format_ext(rows[i].f), rows[i].ext);
		cr_expect_eq(argmap_export_format_parse(rows[i].name, &f), 0);
		cr_expect_eq(f, rows[i].f);
	}
	cr_expect_eq(argmap_export_format_parse("GraphML", &f), 0);
	cr_expect_eq(f, ARGMAP_EXPORT_GRAPHML);
	cr_expect_eq(argmap_export_format_parse("ad", &f), 0);
	cr_expect_eq(f, ARGMAP_EXPORT_ARGDOWN);
	cr_expect_eq(argmap_export_format_parse("gv", &f), 0);
	cr_expect_eq(f, ARGMAP_EXPORT_DOT);
	cr_expect_eq(argmap_export_format_parse("svg", &f), ARGMAP_EARG);
	cr_expect(strstr(argmap_error_last(), "unknown format 'svg'"));
	cr_expect_eq(argmap_export_format_parse(NULL, &f), ARGMAP_EARG);
	cr_expect_null(argmap_export_format_name((argmap_export_format)99));
	cr_expect_null(argmap_export_format_ext((argmap_export_format)99));
}

Test(export_api, format_from_path)
{
	static const struct {
		const char *path;
		int ok;
		argmap_export_format f;
	} rows[] = {
	    {"out/x.json", 1, ARGMAP_EXPORT_JSON}, {"x.aif.json", 1, ARGMAP_EXPORT_AIF},
	    {"X.AIF.JSON", 1, ARGMAP_EXPORT_AIF},  {"a.b/x.argdown", 1, ARGMAP_EXPORT_ARGDOWN},
	    {"x.ad", 1, ARGMAP_EXPORT_ARGDOWN},    {"x.graphml", 1, ARGMAP_EXPORT_GRAPHML},
	    {"x.gv", 1, ARGMAP_EXPORT_DOT},        {"x.dot", 1, ARGMAP_EXPORT_DOT},
	    {"x.svg", 0, ARGMAP_EXPORT_JSON},      {"json", 0, ARGMAP_EXPORT_JSON},
	    {".json", 0, ARGMAP_EXPORT_JSON},      {"dir/.json", 0, ARGMAP_EXPORT_JSON},
	    {"x.json/", 0, ARGMAP_EXPORT_JSON},    {"x.json/y", 0, ARGMAP_EXPORT_JSON}};
	argmap_export_format f;
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int rc = argmap_export_format_from_path(rows[i].path, &f);
		cr_expect_eq(rc == 0, rows[i].ok, "%s", rows[i].path);
		if (rc == 0 && rows[i].ok)
			cr_expect_eq(f, rows[i].f, "%s", rows[i].path);
	}
}

Test(export_api, options_and_failures)
{
	argmap_export_options o;
	argmap_map *m = load(SMALL);
	char *out = (char *)1;
	size_t len = 7;

	cr_expect_eq(argmap_export_options_init(&o, ARGMAP_EXPORT_OPTIONS_VERSION), 0);
	cr_expect_eq(o.version, ARGMAP_EXPORT_OPTIONS_VERSION);
	cr_expect_eq(o.depth, 2);
	cr_expect_eq(o.format, ARGMAP_EXPORT_JSON);
	cr_expect_eq(argmap_export_options_init(&o, 99), ARGMAP_EARG);
	cr_expect_eq(argmap_export_options_init(NULL, ARGMAP_EXPORT_OPTIONS_VERSION), ARGMAP_EARG);

	cr_expect_eq(argmap_export(NULL, NULL, NULL, &out, &len), ARGMAP_EARG);
	cr_expect_null(out, "*out is cleared on failure");
	cr_expect_eq(len, 0);
	cr_expect_eq(argmap_export(m, NULL, NULL, NULL, &len), ARGMAP_EARG);

	argmap_export_options_init(&o, ARGMAP_EXPORT_OPTIONS_VERSION);
	o.version = 42;
	cr_expect_eq(argmap_export(m, &o, NULL, &out, &len), ARGMAP_EARG);
	o.version = ARGMAP_EXPORT_OPTIONS_VERSION;
	o.format = (argmap_export_format)99;
	cr_expect_eq(argmap_export(m, &o, NULL, &out, &len), ARGMAP_EARG);
	o.format = ARGMAP_EXPORT_DOT;
	cr_expect_eq(argmap_export(m, &o, NULL, &out, &len), ARGMAP_EARG);
	cr_expect(strstr(argmap_error_last(), "argmap_render"), "%s", argmap_error_last());
	cr_expect_null(out);

	/* NULL options: the whole map as JSON */
	cr_expect_eq(argmap_export(m, NULL, NULL, &out, &len), 0);
	cr_expect(out && !strncmp(out, "{\n  \"format\": \"argmap-json\",\n  \"version\": 1,", 40),
	          "%.60s", out);
	free(out);
	argmap_map_free(m);
}

Test(export_api, view_errors_are_diagnostics)
{
	argmap_map *m = load(SMALL);
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	argmap_diags *d = argmap_diags_new();
	char *out = NULL;
	size_t len = 0;

	o.focus = "c-yess";
	cr_expect_eq(argmap_export(m, &o, d, &out, &len), ARGMAP_EINVALID);
	cr_expect_null(out);
	cr_expect_eq(ts_count(d, "AM711"), 1, "%s", ts_dump(d));
	argmap_diags_free(d);
	d = argmap_diags_new();
	o.focus = "c-yes";
	o.depth = 1;
	cr_expect_eq(argmap_export(m, &o, d, &out, &len), 0);
	cr_expect_eq(ts_count(d, "AM713"), 1, "a view that hides nodes says so");
	free(out);
	argmap_diags_free(d);
	argmap_map_free(m);
}

/* The exact bytes of one node and one relation, and the header. */
Test(export_json, bytes)
{
	argmap_map *m = load(SMALL);
	char *s = export_as(m, ARGMAP_EXPORT_JSON, NULL, NULL);
	static const char head[] =
	    "{\n  \"format\": \"argmap-json\",\n  \"version\": 1,\n"
	    "  \"meta\": {\n    \"title\": \"Should the park get a pond?\",\n";

	cr_expect(!strncmp(s, head, sizeof head - 1), "%.200s", s);
	cr_expect(
	    strstr(s,
	           "    {\n"
	           "      \"id\": \"e-birds\",\n"
	           "      \"kind\": \"evidence\",\n"
	           "      \"text\": \"Ponds in nearby parks drew \\\"twelve new species\\\" in a "
	           "year.\",\n"
	           "      \"title\": null,\n"
	           "      \"note\": null,\n"
	           "      \"by\": [],\n"
	           "      \"sources\": [\n"
	           "        \"s-plan\"\n"
	           "      ],\n"
	           "      \"speaker\": \"a-council\",\n"
	           "      \"locator\": \"p. 2\",\n"
	           "      \"tags\": [],\n"
	           "      \"file\": 0,\n"
	           "      \"line\": 38,\n"
	           "      \"col\": 3,\n"
	           "      \"text_line\": 39\n"
	           "    }"),
	    "the evidence node's bytes:\n%s", s);
	cr_expect(strstr(s, "      \"id\": null,\n"
	                    "      \"key\": \"#5\",\n"
	                    "      \"kind\": \"undercut\",\n"
	                    "      \"from\": [\n"
	                    "        \"c-dry\"\n"
	                    "      ],\n"
	                    "      \"from_hidden\": 0,\n"
	                    "      \"linked\": false,\n"
	                    "      \"to\": \"r-nature\",\n"
	                    "      \"to_kind\": \"relation\",\n"
	                    "      \"stance\": null,\n"),
	          "the undercut's bytes:\n%s", s);
	cr_expect(strstr(s, "\"url\": \"https:\\/\\/example.org\\/pond\""), "'/' is escaped");
	cr_expect(s[strlen(s) - 1] == '\n' && s[strlen(s) - 2] == '}', "ends with }\\n");
	free(s);
	argmap_map_free(m);
}

Test(export_json, model)
{
	argmap_map *m = load(SMALL);
	json_t *doc = export_json(m, NULL), *nodes, *rels, *r, *n, *tags;

	cr_expect_str_eq(str(doc, "format"), "argmap-json");
	cr_expect_eq(json_integer_value(json_object_get(doc, "version")), 1);
	nodes = json_object_get(doc, "nodes");
	rels = json_object_get(doc, "relations");
	cr_expect_eq(json_array_size(nodes), argmap_map_node_count(m));
	cr_expect_eq(json_array_size(rels), argmap_map_relation_count(m));
	cr_expect_str_eq(str(json_array_get(nodes, 0), "id"), "q", "map order");
	cr_expect_str_eq(str(json_array_get(nodes, 0), "kind"), "question");
	n = find(nodes, "id", "c-cost");
	cr_expect_str_eq(str(n, "text"),
	                 "A pond costs too much: <5% of the budget> is left & #reserve *now*.");
	cr_expect_str_eq(item(json_object_get(n, "by"), 0), "a-kim");
	r = find(rels, "id", "r-nature");
	cr_expect(json_is_true(json_object_get(r, "linked")));
	cr_expect_eq(json_array_size(json_object_get(r, "from")), 2);
	cr_expect_str_eq(str(r, "basis"), "source");
	cr_expect_str_eq(item(json_object_get(r, "sources"), 0), "s-plan");
	r = find(rels, "key", "#1");
	cr_expect_str_eq(str(r, "kind"), "answer");
	cr_expect_str_eq(str(r, "stance"), "no");
	cr_expect_str_eq(str(r, "basis"), "editor");
	cr_expect_str_eq(str(r, "note"), "Kim does not say it in these words.");
	cr_expect(json_is_null(json_object_get(find(rels, "key", "#4"), "stance")));
	tags = json_object_get(doc, "tags");
	cr_expect_eq(json_array_size(tags), 3);
	cr_expect_str_eq(str(json_array_get(tags, 0), "name"), "nature");
	cr_expect_eq(json_integer_value(json_object_get(json_array_get(tags, 0), "count")), 2);
	cr_expect_str_eq(str(json_array_get(tags, 1), "name"), "money");
	n = find(json_object_get(doc, "sources"), "id", "s-plan");
	cr_expect_str_eq(str(n, "kind"), "report");
	cr_expect_str_eq(item(json_object_get(n, "authors"), 0), "a-council");
	n = find(json_object_get(doc, "actors"), "id", "a-kim");
	cr_expect_str_eq(str(n, "name"), "Kim Lee");
	cr_expect_str_eq(str(n, "kind"), "person");
	cr_expect(json_is_false(json_object_get(json_object_get(doc, "view"), "filtered")));
	json_decref(doc);
	argmap_map_free(m);
}

/* --focus: only the view's nodes, and no reference leaves the document. */
Test(export_json, view)
{
	argmap_map *m = load(SMALL);
	json_t *doc, *nodes, *rels, *v, *r;
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	char *s = NULL;
	size_t len, i, k;

	o.focus = "c-birds";
	o.depth = 1;
	o.hide_evidence = 1;
	cr_assert_eq(argmap_export(m, &o, NULL, &s, &len), 0);
	doc = json_loadb(s, len, 0, NULL);
	cr_assert(doc);
	v = json_object_get(doc, "view");
	nodes = json_object_get(doc, "nodes");
	rels = json_object_get(doc, "relations");
	cr_expect(json_is_true(json_object_get(v, "filtered")));
	cr_expect_str_eq(str(v, "focus"), "c-birds");
	cr_expect_eq((size_t)json_integer_value(json_object_get(v, "nodes_shown")),
	             json_array_size(nodes));
	cr_expect_lt(json_array_size(nodes), argmap_map_node_count(m));
	json_array_foreach(nodes, i, r) cr_expect_str_neq(str(r, "kind"), "evidence");
	json_array_foreach(rels, i, r)
	{
		json_t *f;
		json_array_foreach(json_object_get(r, "from"), k, f)
		    find(nodes, "id", json_string_value(f));
		if (!strcmp(str(r, "to_kind"), "node"))
			find(nodes, "id", str(r, "to"));
	}
	json_decref(doc);
	free(s);
	argmap_map_free(m);
}

/* A map that imports another draws the imported nodes its relations name
 * and the imported relations among them; a linked reason that joins two of
 * those nodes is drawn whole. No imported node is drawn without a relation,
 * and the totals count what the view can draw (shown never exceeds total).
 * Checked on a fixture and on the bundled debate map. */
static void expect_no_dangling_import(const char *path, const char *linked)
{
	argmap_map *m = load(path);
	json_t *doc = export_json(m, NULL), *v = json_object_get(doc, "view");
	json_t *nodes = json_object_get(doc, "nodes"), *rels = json_object_get(doc, "relations");
	json_t *n, *r, *f;
	size_t i, j, k;

	cr_expect_eq((size_t)json_integer_value(json_object_get(v, "nodes_shown")),
	             json_array_size(nodes));
	cr_expect_leq(json_integer_value(json_object_get(v, "nodes_shown")),
	              json_integer_value(json_object_get(v, "nodes_total")), "%s", path);
	json_array_foreach(nodes, i, n)
	{
		int touched = json_integer_value(json_object_get(n, "file")) == 0;
		json_array_foreach(rels, j, r)
		{
			if (!strcmp(str(r, "to_kind"), "node") && !strcmp(str(r, "to"), str(n, "id")))
				touched = 1;
			json_array_foreach(json_object_get(r, "from"), k, f)
			    touched |= !strcmp(json_string_value(f), str(n, "id"));
		}
		cr_expect(touched, "%s: imported node %s is drawn without a relation", path,
		          str(n, "id"));
	}
	if (linked)
		find(rels, "id", linked);
	json_decref(doc);
	argmap_map_free(m);
}

Test(export_json, imported_scope)
{
	expect_no_dangling_import(ARGMAP_SOURCE_DIR "/tests/export/data/scope.xml", "r-nature");
	expect_no_dangling_import(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/debate.xml",
	                          "cg-s-logan-sterner");
}

/* Byte-identical for identical input: twice in one process, and from a
 * second load of the same file. */
Test(export_json, deterministic)
{
	static const argmap_export_format fs[] = {ARGMAP_EXPORT_JSON, ARGMAP_EXPORT_ARGDOWN,
	                                          ARGMAP_EXPORT_GRAPHML};
	argmap_map *a = load(EXAMPLE), *b = load(EXAMPLE);
	size_t i;

	for (i = 0; i < sizeof fs / sizeof fs[0]; i++) {
		size_t la, lb, lc;
		char *x = export_as(a, fs[i], NULL, &la), *y = export_as(a, fs[i], NULL, &lb),
		     *z = export_as(b, fs[i], NULL, &lc);
		cr_expect(la == lb && !memcmp(x, y, la), "%s differs between two runs",
		          argmap_export_format_name(fs[i]));
		cr_expect(la == lc && !memcmp(x, z, la), "%s differs between two loads",
		          argmap_export_format_name(fs[i]));
		free(x);
		free(y);
		free(z);
	}
	argmap_map_free(a);
	argmap_map_free(b);
}

/* Text that would close a <script> element cannot, and U+2028 is escaped:
 * the HTML view embeds this JSON. */
Test(export_json, html_safe)
{
	argmap_map *m = NULL;
	argmap_diags *d = argmap_diags_new();
	static const char xml[] =
	    TS_HEAD "<question id=\"q\"><text>Is &lt;/script&gt; safe\xe2\x80\xa8 here?</text>"
	            "</question>" TS_TAIL;
	char *s;

	cr_assert_eq(argmap_map_load_memory(&m, "mem.xml", xml, sizeof xml - 1, NULL, d), 0);
	s = export_as(m, ARGMAP_EXPORT_JSON, NULL, NULL);
	cr_expect_null(strstr(s, "</script"), "%s", s);
	cr_expect(strstr(s, "<\\/script>"));
	cr_expect_null(strstr(s, "\xe2\x80\xa8"));
	free(s);
	argmap_map_free(m);
	argmap_diags_free(d);
}

/* A claim's <title>: JSON carries it ("title", null where there is none),
 * GraphML as n_title data, and it names the claim's Argdown statement (and
 * the arguments for it), while the statement's text stays the claim's. */
Test(export_json, a_claims_title_reaches_json_argdown_and_graphml)
{
	static const char body[] =
	    "  <source id=\"s\" kind=\"article\" url=\"https://example.org/a\" "
	    "date=\"2026-01-01\"><title>An article</title></source>\n"
	    "  <actor id=\"a\" kind=\"person\" name=\"Ann Author\"/>\n"
	    "  <claim id=\"c\" by=\"a\" source=\"s\"><title>Close the bridge to cars</title>"
	    "<text>The town should shut the old bridge to motor traffic this year.</text>"
	    "</claim>\n"
	    "  <claim id=\"d\" by=\"a\" source=\"s\"><text>Its deck is failing.</text></claim>\n"
	    "  <support from=\"d\" to=\"c\"/>\n";
	char *dir = ts_tmpdir(), *xml = malloc(sizeof body + 256), *path, *ad;
	argmap_map *m;
	json_t *doc, *nodes;

	cr_assert(xml);
	snprintf(xml, sizeof body + 256, "%s%s%s", TS_HEAD, body, TS_TAIL);
	path = ts_write(dir, "t.xml", xml, (size_t)-1);
	m = load(path);
	doc = export_json(m, NULL);
	nodes = json_object_get(doc, "nodes");
	cr_expect_str_eq(str(find(nodes, "id", "c"), "title"), "Close the bridge to cars");
	cr_expect(json_is_null(json_object_get(find(nodes, "id", "d"), "title")));
	ad = export_as(m, ARGMAP_EXPORT_ARGDOWN, NULL, NULL);
	cr_expect(strstr(ad, "[Author: Close the bridge to cars]: The town should shut the old "
	                     "bridge to motor traffic this year."),
	          "%s", ad);
	cr_expect(strstr(ad, "[Author: Its deck is failing]: Its deck is failing."), "%s", ad);
	free(ad);
	ad = export_as(m, ARGMAP_EXPORT_GRAPHML, NULL, NULL);
	cr_expect(strstr(ad, "<data key=\"n_title\">Close the bridge to cars</data>"), "%s", ad);
	free(ad);
	json_decref(doc);
	argmap_map_free(m);
	free(path);
	free(xml);
	ts_rmtree(dir);
	free(dir);
}

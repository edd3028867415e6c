/*
 * `argmap export` as a user meets it: help, usage errors, formats from
 * names, a map with errors is not exported, outputs never replace inputs,
 * and -T dot is the renderer's DOT.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

#define SMALL ARGMAP_SOURCE_DIR "/tests/export/data/small.xml"

static int run(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 60);
}

Test(export_cli, help)
{
	const char *h[] = {"export", "--help", NULL}, *top[] = {"--help", NULL};
	char *out, *err;

	cr_expect_eq(run(h, &out, &err), 0);
	cr_expect(strstr(out, "Usage: argmap export -T FORMAT"), "%s", out);
	cr_expect(strstr(out, "argdown"));
	cr_expect(strstr(out, "graphml"));
	cr_expect(strstr(out, "--focus ID"), "the shared view options are listed");
	cr_expect(strstr(out, "--hide evidence"));
	free(out);
	free(err);
	cr_expect_eq(run(top, &out, &err), 0);
	cr_expect(strstr(out, "export FILE..."), "%s", out);
	free(out);
	free(err);
}

Test(export_cli, usage_errors)
{
	static const struct {
		const char *args[10];
		const char *says;
	} rows[] = {
	    {{"export", SMALL, NULL}, "which format?"},
	    {{"export", "-T", "svg", SMALL, NULL}, "unknown format 'svg'"},
	    {{"export", "-o", "x.txt", SMALL, NULL}, "cannot tell the format of 'x.txt'"},
	    {{"export", "-T", "json", NULL}, "no map given"},
	    {{"export", "-T", "json", "-o", "a.json", "-d", "d", SMALL, NULL}, "either -o or -d"},
	    {{"export", "-T", "json", "-o", "a.json", SMALL, SMALL, NULL}, "-o takes one map"},
	    {{"export", "-T", "json", "--depth", "1", SMALL, NULL}, "--depth needs --focus"},
	    {{"export", "-T", "json", "--hide", "claims", SMALL, NULL}, "--hide takes 'evidence'"},
	    {{"export", "-T", "json", "--focus", "q", "--depth", "x", SMALL, NULL},
	     "--depth takes a whole number"},
	    {{"export", "-T", "json", SMALL, "sub/small.xml", NULL}, "would write the same output"},
	    /* a drawing's name is refused by export itself, for DOT too (which
	       export hands to the renderer) */
	    {{"export", "-T", "dot", "-o", "m.svg", SMALL, NULL}, "names an SVG drawing"},
	    {{"export", "-T", "json", "-o", "m.PDF", SMALL, NULL}, "names a PDF drawing"},
	};
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *err;
		cr_expect_eq(run(rows[i].args, NULL, &err), 2, "row %zu", i);
		cr_expect(strstr(err, rows[i].says), "row %zu: %s", i, err);
		cr_expect(strstr(err, "Try 'argmap export --help'"), "row %zu: %s", i, err);
		free(err);
	}
}

Test(export_cli, formats_from_names_and_stdout)
{
	char *dir = ts_tmpdir(), path[4096], *out, *err, *data;
	const char *a[] = {"export", "-q", "-o", path, SMALL, NULL};
	const char *so[] = {"export", "-T", "json", "-o", "-", SMALL, NULL};

	snprintf(path, sizeof path, "%s/x.json", dir);
	cr_expect_eq(run(a, NULL, &err), 0, "%s", err);
	free(err);
	data = ts_read(path, NULL);
	cr_assert(data, "-o x.json wrote x.json");
	cr_expect(strstr(data, "\"format\": \"argmap-json\""));
	cr_expect_eq(run(so, &out, &err), 0, "%s", err);
	cr_expect_str_eq(out, data, "-o - writes the same bytes to standard output");
	free(out);
	free(err);
	free(data);
	ts_rmtree(dir);
	free(dir);
}

Test(export_cli, dir_names_outputs)
{
	char *dir = ts_tmpdir(), sub[4096], path[4200], *err;
	const char *a[] = {"export", "-T", "json", "-d", sub, SMALL, NULL};
	struct stat st;

	snprintf(sub, sizeof sub, "%s/out", dir);
	snprintf(path, sizeof path, "%s/small.json", sub);
	cr_expect_eq(run(a, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "wrote "), "%s", err);
	free(err);
	cr_expect_eq(stat(path, &st), 0, "-d DIR writes DIR/small.json");
	ts_rmtree(dir);
	free(dir);
}

/* A map with check errors: exit 1, the errors printed as check prints
 * them, and an existing output left as it was. */
Test(export_cli, errors_are_not_exported)
{
	char *dir = ts_tmpdir(), *map, out[4096], *err, *data;
	const char *a[] = {"export", "-T", "json", "-o", out, NULL, NULL};

	map = ts_write(dir, "bad.xml",
	               TS_HEAD "<claim id=\"c\"><text>A</text></claim>"
	                       "<rebut from=\"c\" to=\"nowhere\"/>" TS_TAIL,
	               (size_t)-1);
	snprintf(out, sizeof out, "%s/bad.json", dir);
	ts_put(dir, "bad.json", "old", 3);
	a[5] = map;
	cr_expect_eq(run(a, NULL, &err), 1, "%s", err);
	cr_expect(strstr(err, "error:"), "%s", err);
	cr_expect(strstr(err, "not exported"), "%s", err);
	free(err);
	data = ts_read(out, NULL);
	cr_expect_str_eq(data, "old");
	free(data);
	free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(export_cli, never_over_an_input)
{
	char *dir = ts_tmpdir(), *map, *err, *data, *orig;
	const char *a[] = {"export", "-o", NULL, NULL, NULL};

	/* a map whose name says JSON: -o names it as the output too */
	orig = ts_read(SMALL, NULL);
	cr_assert(orig);
	map = ts_write(dir, "m.json", orig, (size_t)-1);
	a[2] = map;
	a[3] = map;
	cr_expect_eq(run(a, NULL, &err), 3, "%s", err);
	cr_expect(strstr(err, "AM721"), "%s", err);
	free(err);
	data = ts_read(map, NULL);
	cr_expect_str_eq(data, orig, "the input is untouched");
	free(data);
	free(map);
	free(orig);
	ts_rmtree(dir);
	free(dir);
}

/* View errors exit 1 with the view's diagnostic. */
Test(export_cli, view_errors)
{
	const char *a[] = {"export", "-T", "json", "-o", "-", "--focus", "c-yess", SMALL, NULL};
	char *out, *err;

	cr_expect_eq(run(a, &out, &err), 1, "%s", err);
	cr_expect(strstr(err, "AM711"), "%s", err);
	cr_expect(strstr(err, "c-yes"), "did you mean: %s", err);
	cr_expect_str_eq(out, "");
	free(out);
	free(err);
}

/* -T dot is `render -T dot`: the same bytes, one implementation. */
Test(export_cli, dot_is_the_renderers)
{
	const char *e[] = {"export", "-T", "dot", "-o", "-", "--focus", "c-yes", SMALL, NULL};
	const char *r[] = {"render", "-T", "dot", "-o", "-", "--focus", "c-yes", SMALL, NULL};
	char *eo, *ro, *err;

	cr_expect_eq(run(e, &eo, &err), 0, "%s", err);
	free(err);
	cr_expect_eq(run(r, &ro, &err), 0, "%s", err);
	free(err);
	cr_expect(strstr(eo, "digraph"), "%.100s", eo);
	cr_expect_str_eq(eo, ro);
	free(eo);
	free(ro);
}

/* --actor is the renderer's actor view, for every format: the traders'
 * two claims and what attacks or supports them are exported, the mayor's
 * claim that touches neither is not; in DOT (the renderer's) as in JSON. */
Test(export_cli, actor_view)
{
	const char *json[] = {
	    "export", "--actor", "traders", "-T",
	    "json",   "-o",      "-",       ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml",
	    NULL};
	const char *dot[] = {
	    "export", "--actor", "traders", "-T",
	    "dot",    "-o",      "-",       ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml",
	    NULL};
	const char *bad[] = {
	    "export", "--actor", "nobody", "-T",
	    "json",   "-o",      "-",      ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml",
	    NULL};
	char *out, *err;

	cr_assert_eq(run(json, &out, &err), 0, "%s", err);
	cr_expect(strstr(out, "\"lane-hurts-trade\""), "the traders' claim");
	cr_expect(strstr(out, "\"customers-drive\""), "the traders' other claim");
	cr_expect(!strstr(out, "\"danger-is-not-lane-specific\""), "not the mayor's aside");
	cr_expect(strstr(out, "\"filtered\": true"), "a view");
	free(out);
	free(err);
	cr_assert_eq(run(dot, &out, &err), 0, "%s", err);
	cr_expect(strstr(out, "lane-hurts-trade"), "%s", out);
	cr_expect(!strstr(out, "danger-is-not-lane-specific"), "the DOT is the same view");
	free(out);
	free(err);
	cr_expect_eq(run(bad, &out, &err), 1, "an unknown actor is an error: %s", err);
	cr_expect(strstr(err, "[AM715]"), "%s", err);
	free(out);
	free(err);
}

/*
 * test_status.c - `argmap render --status`: the labels of argmap eval on
 * the drawing in every format and theme, grayscale-safe (a border line
 * style and a glyph per status), in the legend and the tooltips.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_support.h"

#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

static argmap_eval_result *eval(const argmap_map *m, argmap_semantics sem)
{
	argmap_eval_options eo = ARGMAP_EVAL_OPTIONS_INIT;
	argmap_eval_result *r = NULL;

	eo.semantics = sem;
	cr_assert_eq(argmap_eval_map(m, &eo, &r), 0);
	return r;
}

static size_t count_label(const argmap_map *m, const argmap_eval_result *r, argmap_label l)
{
	size_t i, n = 0;

	for (i = 0; i < r->n_nodes; i++)
		n += argmap_map_node(m, i)->kind != ARGMAP_NODE_QUESTION && r->label[i] == l;
	return n;
}

Test(status, svg_both_themes_classes_tooltips_legend)
{
	argmap_map *m = rs_load(EXAMPLE);
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int theme;

	o.in_process = 1;
	o.status = r;
	for (theme = 0; theme < 2; theme++) {
		size_t len;
		char *svg;
		o.theme = theme ? ARGMAP_THEME_PRINT : ARGMAP_THEME_COLOR;
		svg = rs_render_ok(m, &o, &len);
		cr_expect_eq(rs_count(svg, len, "am&#45;status&#45;out\""),
		             count_label(m, r, ARGMAP_LABEL_OUT), "one class per OUT node");
		cr_expect_eq(rs_count(svg, len, "am&#45;status&#45;in\""),
		             count_label(m, r, ARGMAP_LABEL_IN));
		cr_expect_gt(rs_count(svg, len, "OUT: rebutted by ev&#45;survey (IN)"), 0,
		             "the explanation is in the tooltip");
		cr_expect_gt(rs_count(svg, len, "Grounded labels"), 0, "the legend says it");
		/* grayscale-safe: OUT borders are dashed whatever the colour */
		cr_expect_gt(rs_count(svg, len, "stroke-dasharray"), 0);
		free(svg);
	}
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(status, dot_styles_and_no_overlay_without_status)
{
	argmap_map *m = rs_load(EXAMPLE);
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_GROUNDED);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	char *dot;

	o.in_process = 1;
	o.format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(m, &o, &len);
	cr_expect_eq(rs_count(dot, len, "am-status"), 0);
	cr_expect_eq(rs_count(dot, len, "\xE2\x9C\x97 OUT"), 0);
	free(dot);
	o.status = r;
	dot = rs_render_ok(m, &o, &len);
	cr_expect_eq(rs_count(dot, len, "\xE2\x9C\x97 OUT</B>"),
	             count_label(m, r, ARGMAP_LABEL_OUT),
	             "the glyph and word in each OUT node's header");
	cr_expect_gt(rs_count(dot, len, "rounded,filled,dashed"), 0, "OUT claims drawn dashed");
	free(dot);
	argmap_eval_free(r);
	argmap_map_free(m);
}

Test(status, pdf_png_and_preferred)
{
	char *dir = ts_tmpdir(), *path = NULL;
	argmap_map *m =
	    rs_load_body(dir, "cycle.xml",
	                 "<question id=\"q\" source=\"s\"><text>Q?</text></question>\n"
	                 "<claim id=\"a\" by=\"x\" source=\"s\"><text>A.</text></claim>\n"
	                 "<claim id=\"b\" by=\"x\" source=\"s\"><text>B.</text></claim>\n"
	                 "<claim id=\"c\" by=\"x\" source=\"s\"><text>C.</text></claim>\n"
	                 "<rebut from=\"a\" to=\"b\"/><rebut from=\"b\" to=\"a\"/>\n"
	                 "<rebut from=\"b\" to=\"c\"/>\n"
	                 "<answer from=\"a\" to=\"q\" stance=\"yes\"/>\n"
	                 "<actor id=\"x\" kind=\"person\" name=\"X\"/>\n"
	                 "<source id=\"s\" kind=\"web\" authors=\"x\"><title>S</title></source>\n",
	                 &path);
	argmap_eval_result *r = eval(m, ARGMAP_SEMANTICS_PREFERRED);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	char *out;

	o.in_process = 1;
	o.status = r;
	out = rs_render_ok(m, &o, &len);
	cr_expect_eq(rs_count(out, len, "am&#45;status&#45;credulous\""), 3, "a, b and c");
	cr_expect_gt(rs_count(out, len, "Preferred acceptance"), 0);
	cr_expect_gt(rs_count(out, len, "credulously accepted: IN in 1 of 2"), 0);
	free(out);
	/* PDF and PNG in the renderer's child, as argmap render draws them:
	 * Graphviz 2.43's pango plugin cannot follow an in-process SVG (it
	 * reads a freed font cache entry) */
	o.in_process = 0;
	o.format = ARGMAP_RENDER_PDF;
	out = rs_render_ok(m, &o, &len);
	cr_expect(len > 4 && !memcmp(out, "%PDF", 4));
	free(out);
	o.format = ARGMAP_RENDER_PNG;
	o.theme = ARGMAP_THEME_PRINT;
	out = rs_render_ok(m, &o, &len);
	cr_expect(len > 8 && !memcmp(out, "\x89PNG", 4));
	free(out);
	argmap_eval_free(r);
	argmap_map_free(m);
	free(path);
	ts_rmtree(dir);
	free(dir);
}

Test(status, cli_names_the_outputs)
{
	char *dir = ts_tmpdir(), *p1, *p2;
	const char *args[] = {"render",  "-q",          "-d",       dir,        "-T",    "svg",
	                      "--theme", "color,print", "--status", "grounded", EXAMPLE, NULL};
	const char *bad[] = {"render", "--status", "stable", EXAMPLE, NULL};
	char *err = NULL;
	size_t n = strlen(dir) + 40;

	cr_assert_eq(ts_run_cli(args, NULL, &err, 60), 0, "%s", err);
	free(err);
	p1 = malloc(n);
	p2 = malloc(n);
	snprintf(p1, n, "%s/cycle-lane.status.svg", dir);
	snprintf(p2, n, "%s/cycle-lane.status.print.svg", dir);
	{
		char *s = ts_read(p1, NULL);
		cr_expect_not_null(s, "%s written", p1);
		free(s);
	}
	cr_expect_eq(ts_run_cli(bad, NULL, &err, 30), 2);
	cr_expect_not_null(strstr(err, "unknown status 'stable'"), "%s", err);
	free(err);
	{
		char *s = ts_read(p2, NULL);
		cr_expect_not_null(s, "%s written", p2);
		free(s);
	}
	free(p1);
	free(p2);
	ts_rmtree(dir);
	free(dir);
}

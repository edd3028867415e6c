/*
 * The graph argmap builds, read back from its own -T dot output: which
 * nodes and edges, with which classes and styles (independent of
 * Graphviz's coordinates), and the DOT golden files in data/.
 *
 * The golden files were written once and reviewed by hand; a difference is
 * a failure to explain, not a file to regenerate. To write them again on
 * purpose (and review the diff): ARGMAP_WRITE_GOLDEN=1 test_render_dot.
 */
#include <criterion/criterion.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "render_support.h"

static argmap_map *map;

static void setup(void)
{
	map = rs_load(RS_DATA("basic.xml"));
}

static void teardown(void)
{
	argmap_map_free(map);
}

TestSuite(dot, .init = setup, .fini = teardown);

static Agraph_t *render_graph(argmap_render_options *o, char **text)
{
	size_t len;
	char *dot;
	Agraph_t *g;

	o->format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(map, o, &len);
	cr_assert_eq(strlen(dot), len);
	g = agmemread(dot);
	cr_assert(g, "argmap's DOT does not parse");
	if (text)
		*text = dot;
	else
		free(dot);
	return g;
}

static char *attr(void *obj, const char *name)
{
	char *v = agget(obj, (char *)name);
	return v ? v : (char *)"";
}

static Agnode_t *node_of(Agraph_t *g, const char *id)
{
	size_t i;
	char name[32];

	cr_assert_eq(argmap_map_find(map, id, &i), ARGMAP_ITEM_NODE);
	snprintf(name, sizeof name, "n%zu", i);
	return agnode(g, name, 0);
}

static Agnode_t *junction_of(Agraph_t *g, const char *rel)
{
	size_t i;
	char name[32];

	cr_assert_eq(argmap_map_find(map, rel, &i), ARGMAP_ITEM_RELATION);
	snprintf(name, sizeof name, "j%zu", i);
	return agnode(g, name, 0);
}

/* The edge whose SVG id is `id`, or NULL. */
static Agedge_t *edge_by_id(Agraph_t *g, const char *id)
{
	Agnode_t *n;
	Agedge_t *e;

	for (n = agfstnode(g); n; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e; e = agnxtout(g, e))
			if (strcmp(attr(e, "id"), id) == 0)
				return e;
	return NULL;
}

static int has_class(void *obj, const char *cls)
{
	const char *c = attr(obj, "class");
	size_t n = strlen(cls);

	for (;;) {
		if (strncmp(c, cls, n) == 0 && (c[n] == ' ' || c[n] == '\0'))
			return 1;
		c = strchr(c, ' ');
		if (!c)
			return 0;
		c++;
	}
}

Test(dot, nodes_have_internal_names_and_safe_ids)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g = render_graph(&o, NULL);
	regex_t name_re, id_re;
	Agnode_t *n;
	int count = 0;

	cr_assert_eq(regcomp(&name_re, "^[nj][0-9]+$", REG_EXTENDED | REG_NOSUB), 0);
	cr_assert_eq(regcomp(&id_re, "^am-[a-z]+(-[A-Za-z][A-Za-z0-9_-]*|[0-9]+)$",
	                     REG_EXTENDED | REG_NOSUB), 0);
	for (n = agfstnode(g); n; n = agnxtnode(g, n)) {
		cr_expect_eq(regexec(&name_re, agnameof(n), 0, NULL, 0), 0, "node name %s", agnameof(n));
		cr_expect_eq(regexec(&id_re, attr(n, "id"), 0, NULL, 0), 0, "id %s", attr(n, "id"));
		if (agnameof(n)[0] == 'n') {
			cr_expect(aghtmlstr(attr(n, "label")), "%s: label is not HTML", agnameof(n));
			count++;
		}
	}
	cr_expect_eq(count, 11);
	cr_expect_str_eq(attr(node_of(g, "c-yes"), "id"), "am-n-c-yes");
	cr_expect_str_eq(agnameof(g), "argmap");
	regfree(&name_re);
	regfree(&id_re);
	agclose(g);
}

Test(dot, node_kinds_and_classes)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g = render_graph(&o, NULL);
	Agnode_t *q = node_of(g, "q"), *c = node_of(g, "c-unsafe"), *e = node_of(g, "e-count");

	cr_expect(has_class(q, "am-node") && has_class(q, "am-question"));
	cr_expect(has_class(q, "am-tag-traffic"));
	cr_expect(has_class(c, "am-claim") && has_class(c, "am-tag-safety"));
	cr_expect(has_class(e, "am-evidence"));
	cr_expect(strstr(attr(q, "style"), "rounded") && strstr(attr(q, "style"), "filled"));
	cr_expect_str_eq(attr(e, "style"), "filled", "evidence is square-cornered");
	/* full text and citation in the tooltip */
	cr_expect(strstr(attr(c, "tooltip"), "Main Street is unsafe for pedestrians."));
	cr_expect(strstr(attr(c, "tooltip"), "Source: Main Street traffic report, City Council (Transport), 2025-05-01"));
	/* the label shows kind, text, holder and short citation */
	cr_expect(strstr(attr(c, "label"), "CLAIM"));
	cr_expect(strstr(attr(c, "label"), "Main Street is unsafe for"));
	cr_expect(strstr(attr(c, "label"), "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0")); /* Олена */
	cr_expect(strstr(attr(c, "label"), "[1]"));
	cr_expect(strstr(attr(e, "label"), "<I>"), "evidence quotes are italic");
	cr_expect(strstr(attr(e, "label"), "[1] p. 4"));
	/* the stance of an answer is on the claim */
	cr_expect(strstr(attr(node_of(g, "c-no"), "label"), "ANSWER: "));
	cr_expect(strstr(attr(node_of(g, "c-no"), "label"), "<B>NO</B>"));
	agclose(g);
}

/* Style, arrowhead and colour of every relation kind: three differences
 * each, so that a grayscale print still tells them apart. */
Test(dot, relation_encodings)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g = render_graph(&o, NULL);
	Agedge_t *sup = edge_by_id(g, "am-r-s-unsafe");
	Agedge_t *reb = edge_by_id(g, "am-r8"), *und = NULL, *ans = NULL, *e;
	Agnode_t *n;

	for (n = agfstnode(g); n; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e; e = agnxtout(g, e)) {
			if (has_class(e, "am-undercut"))
				und = e;
			if (has_class(e, "am-answer") && has_class(e, "am-stance-no"))
				ans = e;
			if (has_class(e, "am-rebut"))
				reb = e;
		}
	cr_assert(sup && reb && und && ans);
	/* arrows point at the conclusion, which sits above: edges run from
	 * conclusion to premise with dir=back */
	cr_expect_str_eq(attr(sup, "dir"), "back");
	cr_expect_str_eq(attr(sup, "arrowtail"), "normal");
	cr_expect_str_eq(attr(sup, "style"), "solid");
	cr_expect_str_eq(attr(reb, "arrowtail"), "tee");
	cr_expect_str_eq(attr(reb, "style"), "dashed");
	cr_expect_str_eq(attr(und, "arrowtail"), "diamond");
	cr_expect_str_eq(attr(und, "style"), "dotted");
	cr_expect_str_eq(attr(ans, "arrowtail"), "onormal");
	cr_expect_str_eq(attr(ans, "style"), "bold");
	cr_expect_str_neq(attr(sup, "color"), attr(reb, "color"));
	cr_expect_str_neq(attr(reb, "color"), attr(und, "color"));
	cr_expect_str_neq(attr(sup, "color"), attr(und, "color"));
	/* the rebuttal runs from what it attacks (c-no) to the attacker */
	cr_expect_eq(agtail(reb), node_of(g, "c-no"));
	cr_expect_eq(aghead(reb), node_of(g, "c-walkers"));
	agclose(g);
}

Test(dot, linked_reason_and_undercut_target)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g = render_graph(&o, NULL), *box = NULL, *sg;
	Agnode_t *jl = junction_of(g, "s-linked"), *ju = junction_of(g, "s-unsafe");
	Agedge_t *e;
	int premises = 0;

	cr_assert(jl && ju, "linked and undercut supports get a junction dot");
	cr_expect(has_class(jl, "am-junction"));
	/* one edge from the conclusion into the dot, one per premise out of it */
	e = agfstin(g, jl);
	cr_assert(e);
	cr_expect_eq(agtail(e), node_of(g, "c-unsafe"));
	cr_expect_str_eq(attr(e, "id"), "am-r-s-linked");
	for (e = agfstout(g, jl); e; e = agnxtout(g, e)) {
		cr_expect_str_eq(attr(e, "dir"), "none");
		cr_expect(has_class(e, "am-premise"));
		premises++;
	}
	cr_expect_eq(premises, 2);
	cr_expect(edge_by_id(g, "am-p-s-linked-1") && edge_by_id(g, "am-p-s-linked-2"));
	/* the co-premises share one box */
	for (sg = agfstsubg(g); sg; sg = agnxtsubg(sg))
		if (strncmp(agnameof(sg), "cluster_l", 9) == 0)
			box = sg;
	cr_assert(box, "no box around linked premises");
	cr_expect(agsubnode(box, node_of(g, "c-crowds"), 0) && agsubnode(box, node_of(g, "c-speed"), 0));
	cr_expect_eq(agnnodes(box), 2);
	/* the undercut points at the dot of the support it attacks */
	e = agfstout(g, ju);
	for (; e && !has_class(e, "am-undercut"); e = agnxtout(g, e))
		;
	cr_assert(e, "no undercut out of the junction of s-unsafe");
	cr_expect_eq(aghead(e), node_of(g, "c-elsewhere"));
	agclose(g);
}

Test(dot, layout_is_bounded)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g = render_graph(&o, NULL);

	cr_expect(atof(attr(g, "nslimit")) > 0);
	cr_expect(atof(attr(g, "nslimit1")) > 0);
	cr_expect(atof(attr(g, "mclimit")) > 0);
	cr_expect(atoi(attr(g, "searchsize")) > 0);
	cr_expect_str_neq(attr(g, "splines"), "ortho");
	cr_expect_str_eq(attr(g, "fontname"), "DejaVu Sans");
	agclose(g);
}

static int gray(const char *c)
{
	unsigned r, gg, b;

	if (!strcmp(c, "black") || !strcmp(c, "white") || !*c)
		return 1;
	if (sscanf(c, "#%2x%2x%2x", &r, &gg, &b) != 3)
		return 0;
	return r == gg && gg == b;
}

Test(dot, print_theme_is_grayscale_without_fills)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	Agraph_t *g, *sg;
	Agnode_t *n;
	Agedge_t *e;
	char *text;

	o.theme = ARGMAP_THEME_PRINT;
	g = render_graph(&o, &text);
	for (n = agfstnode(g); n; n = agnxtnode(g, n)) {
		cr_expect(gray(attr(n, "color")), "%s color %s", agnameof(n), attr(n, "color"));
		if (agnameof(n)[0] == 'n')
			cr_expect(!strstr(attr(n, "style"), "filled") || !strcmp(attr(n, "fillcolor"), "white"),
			          "%s is filled %s", agnameof(n), attr(n, "fillcolor"));
		for (e = agfstout(g, n); e; e = agnxtout(g, e))
			cr_expect(gray(attr(e, "color")), "edge color %s", attr(e, "color"));
	}
	for (sg = agfstsubg(g); sg; sg = agnxtsubg(sg))
		if (!strncmp(agnameof(sg), "cluster", 7))
			cr_expect(!strcmp(attr(sg, "fillcolor"), "white"), "box filled");
	/* no colour inside the labels either */
	cr_expect(!strstr(text, "COLOR=\"#2e7d32\"") && !strstr(text, "#c62828"));
	/* the question has a double border instead of a fill */
	cr_expect_str_eq(attr(node_of(g, "q"), "peripheries"), "2");
	free(text);
	agclose(g);
}

static void golden(const char *name, argmap_render_options *o)
{
	char path[512];
	size_t len, glen = 0;
	char *dot, *want;

	snprintf(path, sizeof path, "%s/%s", ARGMAP_RENDER_DATA, name);
	o->format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(map, o, &len);
	if (getenv("ARGMAP_WRITE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		cr_assert(f);
		fwrite(dot, 1, len, f);
		fclose(f);
	}
	want = ts_read(path, &glen);
	cr_assert(want, "missing golden file %s", path);
	if (!(glen == len && memcmp(want, dot, len) == 0)) {
		char got[600];
		FILE *f;
		snprintf(got, sizeof got, "/tmp/argmap-golden-%s", name);
		if ((f = fopen(got, "wb")) != NULL) {
			fwrite(dot, 1, len, f);
			fclose(f);
		}
	}
	cr_expect(glen == len && memcmp(want, dot, len) == 0,
	          "-T dot differs from %s (%zu vs %zu bytes); explain the change before "
	          "regenerating it",
	          path, len, glen);
	free(want);
	free(dot);
}

Test(dot, golden_basic)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	golden("basic.dot", &o);
}

Test(dot, golden_print)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	o.theme = ARGMAP_THEME_PRINT;
	golden("basic.print.dot", &o);
}

Test(dot, golden_view)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	o.focus = "c-unsafe";
	o.depth = 1;
	o.hide_evidence = 1;
	o.group_by = ARGMAP_GROUP_ACTOR;
	o.legend = 0;
	golden("basic.view.dot", &o);
}

/* In DOT, an editor's link keeps its kind's line style but is thinner,
 * lighter and has the open circle behind its arrowhead, in both themes. */
Test(dot, editor_link_style)
{
	static const char body[] = "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
	                           "  <claim id=\"c-a\" by=\"ann\"><text>A.</text></claim>\n"
	                           "  <claim id=\"c-b\" by=\"ann\"><text>B.</text></claim>\n"
	                           "  <claim id=\"c-c\" by=\"ann\"><text>C.</text></claim>\n"
	                           "  <support from=\"c-b\" to=\"c-a\"/>\n"
	                           "  <rebut from=\"c-c\" to=\"c-a\" basis=\"editor\"/>\n";
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir = ts_tmpdir(), *dot;
	argmap_map *em = rs_load_body(dir, "ed.xml", body, NULL);
	size_t len;

	o.format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(em, &o, &len);
	cr_expect_eq(rs_count(dot, len, "arrowtail=teeodot"), 1, "%s", dot);
	cr_expect_eq(rs_count(dot, len, "arrowtail=normal,"), 1, "the stated support: %s", dot);
	cr_expect_eq(rs_count(dot, len, "odot"), 1, "%s", dot);
	free(dot);
	o.theme = ARGMAP_THEME_PRINT;
	dot = rs_render_ok(em, &o, &len);
	cr_expect_eq(rs_count(dot, len, "arrowtail=teeodot"), 1, "%s", dot);
	cr_expect(strstr(dot, "\"#777777\""), "grey in print: %s", dot);
	free(dot);
	argmap_map_free(em);
	ts_rmtree(dir);
	free(dir);
}

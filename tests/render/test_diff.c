/*
 * test_diff.c - `argmap diff -T`: the union of two versions
 * (argmap_diff_union_build) and its drawing with the change overlay
 * (render option `diff`): the classes, glyphs and words of added, removed,
 * changed and renamed items, the legend, the line styles that survive
 * grayscale, stable bytes, no marks for identical maps, and the command
 * line (maps with errors are not drawn).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render_support.h"
#include "util/buf.h"

#define OLD ARGMAP_TEST_DATA "/diff/old.xml"
#define NEW ARGMAP_TEST_DATA "/diff/new.xml"

TestSuite(diff, .timeout = 120 * TS_SLOW);

typedef struct two {
	argmap_map *a, *b;
	argmap_diff *d;
	argmap_diff_union *u;
} two;

static two load_two(const char *old_path, const char *new_path)
{
	two t;

	t.a = rs_load(old_path);
	t.b = rs_load(new_path);
	cr_assert_eq(argmap_diff_compute(t.a, t.b, &t.d), 0);
	cr_assert_eq(argmap_diff_union_build(t.d, &t.u), 0, "%s", argmap_error_last());
	return t;
}

static void free_two(two *t)
{
	argmap_diff_union_free(t->u);
	argmap_diff_free(t->d);
	argmap_map_free(t->a);
	argmap_map_free(t->b);
}

static size_t node_at(const two *t, const char *id)
{
	size_t i;

	cr_assert_eq(argmap_map_find(t->u->map, id, &i), ARGMAP_ITEM_NODE, "%s", id);
	return i;
}

static char *draw(const two *t, argmap_render_format f, argmap_render_theme th, size_t *len)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;

	o.in_process = 1;
	o.format = f;
	o.theme = th;
	o.diff = t->u;
	return rs_render_ok(t->u->map, &o, len);
}

Test(diff, union_holds_both_versions_with_a_change_each)
{
	two t = load_two(OLD, NEW);
	const argmap_diff_union *u = t.u;
	size_t nb = argmap_map_node_count(t.b), mb = argmap_map_relation_count(t.b), r, ghosts = 0;

	/* the new version at its own indices, then the removed node */
	cr_assert_eq(argmap_map_node_count(u->map), nb + 1);
	cr_expect_eq(u->node_change[node_at(&t, "yes")], ARGMAP_CHANGE_CHANGED);
	cr_expect_eq(u->node_change[node_at(&t, "is-cheap")], ARGMAP_CHANGE_RENAMED);
	cr_expect_eq(u->node_change[node_at(&t, "fast")], ARGMAP_CHANGE_ADDED);
	cr_expect_eq(u->node_change[node_at(&t, "gone")], ARGMAP_CHANGE_REMOVED);
	cr_expect_eq(node_at(&t, "gone"), nb, "removed nodes come after the new version's");
	cr_expect_eq(u->node_change[node_at(&t, "slow")], ARGMAP_CHANGE_NONE);
	cr_expect_eq(u->node_change[node_at(&t, "q")], ARGMAP_CHANGE_NONE);
	cr_expect(strstr(u->node_detail[node_at(&t, "yes")], "text was: It should be done."), "%s",
	          u->node_detail[node_at(&t, "yes")]);
	cr_expect(strstr(u->node_detail[node_at(&t, "yes")], "holders were: ann"));
	cr_expect(strstr(u->node_detail[node_at(&t, "is-cheap")], "renamed from cheap"));
	cr_expect_null(u->node_detail[node_at(&t, "slow")]);
	/* a removed relation points at the removed node; s-yes moved (its
	 * premises changed): changed where it is, removed where it was */
	for (r = mb; r < argmap_map_relation_count(u->map); r++) {
		const argmap_relation *rel = argmap_map_relation(u->map, r);
		cr_expect_eq(u->relation_change[r], ARGMAP_CHANGE_REMOVED);
		cr_expect_eq(rel->to.kind, ARGMAP_ITEM_NODE);
		cr_expect_eq(rel->from[0].kind, ARGMAP_ITEM_NODE);
		if (!rel->id && rel->to.index == node_at(&t, "yes")) {
			ghosts++;
			cr_expect_str_eq(rel->from[0].id, "is-cheap", "the old premise, renamed");
			cr_expect(strstr(u->relation_detail[r], "premises were: is-cheap"), "%s",
			          u->relation_detail[r]);
		}
	}
	cr_expect_eq(ghosts, 1);
	cr_expect_eq(argmap_map_relation_count(u->map), mb + 2,
	             "the removed support and the ghost");
	{
		size_t s;
		cr_assert_eq(argmap_map_find(u->map, "s-yes", &s), ARGMAP_ITEM_RELATION);
		cr_expect_eq(u->relation_change[s], ARGMAP_CHANGE_CHANGED);
	}
	/* the labels that changed, and file 0 naming both versions */
	cr_expect_eq(u->n_relabelled, 2);
	cr_expect_eq(u->old_label[node_at(&t, "slow")], ARGMAP_LABEL_IN);
	cr_expect_eq(u->new_label[node_at(&t, "slow")], ARGMAP_LABEL_OUT);
	cr_expect(strstr(u->label_detail[node_at(&t, "yes")], "before: OUT: rebutted by slow (IN)"),
	          "%s", u->label_detail[node_at(&t, "yes")]);
	cr_expect(strstr(u->label_detail[node_at(&t, "yes")], "\nnow: IN: supported by s-yes"));
	cr_expect_null(u->label_detail[node_at(&t, "fast")]);
	cr_expect(strstr(argmap_map_file(u->map, 0)->description, "old.xml to "));
	cr_expect(strstr(argmap_map_file(u->map, 0)->description, "new.xml: 2 added, 2 removed"),
	          "%s", argmap_map_file(u->map, 0)->description);
	free_two(&t);
}

Test(diff, svg_marks_classes_glyphs_and_legend_in_both_themes)
{
	two t = load_two(OLD, NEW);
	int th;

	for (th = 0; th < 2; th++) {
		size_t len;
		char *svg =
		    draw(&t, ARGMAP_RENDER_SVG, th ? ARGMAP_THEME_PRINT : ARGMAP_THEME_COLOR, &len);
		cr_expect_eq(rs_count(svg, len, "am&#45;claim am&#45;diff&#45;added\""), 1);
		cr_expect_eq(rs_count(svg, len, "am&#45;claim am&#45;diff&#45;removed\""), 1);
		cr_expect_eq(rs_count(svg, len, "am&#45;diff&#45;changed am&#45;diff&#45;label\""),
		             1, "yes changed, and its label");
		cr_expect_eq(
		    rs_count(svg, len, "am&#45;stance&#45;qualified am&#45;diff&#45;changed\""), 1,
		    "the answer whose stance changed");
		cr_expect_eq(
		    rs_count(svg, len, "am&#45;support am&#45;premise am&#45;diff&#45;changed\""),
		    2, "s-yes's two premises, now");
		cr_expect_eq(rs_count(svg, len, "am&#45;diff&#45;renamed\""), 1);
		cr_expect_eq(rs_count(svg, len, "am&#45;rebut am&#45;diff&#45;added\""), 1);
		cr_expect_eq(rs_count(svg, len, "am&#45;support am&#45;diff&#45;removed\""), 2,
		             "gone -> slow, and where s-yes was");
		cr_expect_eq(rs_count(svg, len, "am&#45;diff&#45;label"), 2);
		/* the words and glyphs, in the boxes and on the relations */
		cr_expect_gt(rs_count(svg, len, ">+ ADDED<"), 0);
		cr_expect_gt(rs_count(svg, len, ">\xE2\x88\x92 REMOVED<"), 0);
		cr_expect_gt(rs_count(svg, len, ">~ CHANGED<"), 0);
		cr_expect_gt(rs_count(svg, len, ">~ RENAMED<"), 0);
		cr_expect_gt(rs_count(svg, len, "text was: It should be done."), 0);
		cr_expect_gt(rs_count(svg, len, "OUT \xE2\x86\x92 IN"), 0, "yes's label changed");
		cr_expect_gt(rs_count(svg, len, "before: OUT: rebutted by slow (IN)"), 0,
		             "why, in the tooltip");
		/* the legend names every mark drawn, and the title block both files */
		cr_expect_eq(rs_count(svg, len, "ADDED: only in the new version"), 1);
		cr_expect_eq(rs_count(svg, len, "REMOVED: only in the old version"), 1);
		cr_expect_eq(rs_count(svg, len, "CHANGED: text, holders"), 1);
		cr_expect_eq(rs_count(svg, len, "RENAMED: the same text"), 1);
		cr_expect_gt(rs_count(svg, len, "old.xml"), 0);
		cr_expect_gt(rs_count(svg, len, "new.xml"), 0);
		free(svg);
	}
	free_two(&t);
}

Test(diff, grayscale_tells_the_changes_apart_by_line)
{
	two t = load_two(OLD, NEW);
	size_t len, gone = node_at(&t, "gone"), fast = node_at(&t, "fast");
	char *dot = draw(&t, ARGMAP_RENDER_DOT, ARGMAP_THEME_PRINT, &len);
	char key[64], *p, *end;

	/* removed: a dashed border; added: thick; changed: a double border */
	snprintf(key, sizeof key, "n%zu\t[", gone);
	cr_assert(p = strstr(dot, key), "%s", dot);
	end = strstr(p, "];");
	cr_assert(end);
	*end = '\0';
	cr_expect(strstr(p, "dashed"), "%s", p);
	*end = ']';
	snprintf(key, sizeof key, "n%zu\t[", fast);
	cr_assert(p = strstr(dot, key));
	end = strstr(p, "];");
	*end = '\0';
	cr_expect(strstr(p, "penwidth=3.4"), "%s", p);
	*end = ']';
	cr_expect_gt(rs_count(dot, len, "peripheries=2"), 0);
	/* relations: a double line for a changed one, the glyphs beside them */
	cr_expect_gt(rs_count(dot, len, "black:invis:black"), 0, "%s", dot);
	cr_expect_gt(rs_count(dot, len, "xlabel=\"+\""), 0);
	cr_expect_gt(rs_count(dot, len, "xlabel=\xE2\x88\x92]"), 0, "%s", dot);
	cr_expect_gt(rs_count(dot, len, "xlabel=\"~\""), 0);
	/* no colour carries a mark alone: the print theme has none */
	cr_expect_eq(rs_count(dot, len, "#1b7a2e"), 0);
	cr_expect_eq(rs_count(dot, len, "#c62828"), 0);
	free(dot);
	free_two(&t);
}

Test(diff, same_bytes_on_every_run)
{
	two t = load_two(OLD, NEW);
	argmap_render_format f[] = {ARGMAP_RENDER_SVG, ARGMAP_RENDER_PNG, ARGMAP_RENDER_PDF};
	size_t k;

	for (k = 0; k < 3; k++) {
		size_t l1, l2;
		char *x = draw(&t, f[k], ARGMAP_THEME_COLOR, &l1);
		char *y;
		two t2 = load_two(OLD, NEW);
		y = draw(&t2, f[k], ARGMAP_THEME_COLOR, &l2);
		cr_expect(l1 == l2 && memcmp(x, y, l1) == 0, "format %zu differs between runs", k);
		free(x);
		free(y);
		free_two(&t2);
	}
	free_two(&t);
}

Test(diff, identical_maps_draw_no_marks)
{
	two t = load_two(ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml",
	                 ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml");
	size_t len, i;
	char *svg;

	for (i = 0; i < argmap_map_node_count(t.u->map); i++)
		cr_expect_eq(t.u->node_change[i], ARGMAP_CHANGE_NONE);
	cr_expect_eq(argmap_map_node_count(t.u->map), argmap_map_node_count(t.b));
	cr_expect_eq(argmap_map_relation_count(t.u->map), argmap_map_relation_count(t.b));
	svg = draw(&t, ARGMAP_RENDER_SVG, ARGMAP_THEME_COLOR, &len);
	cr_expect_eq(rs_count(svg, len, "am&#45;diff"), 0);
	cr_expect_eq(rs_count(svg, len, "ADDED"), 0);
	cr_expect_eq(rs_count(svg, len, "REMOVED"), 0);
	cr_expect_eq(rs_count(svg, len, "CHANGED"), 0);
	cr_expect_eq(rs_count(svg, len, "none: the two versions are the same"), 1);
	cr_expect_eq(rs_count(svg, len, "0 added, 0 removed, 0 changed, 0 renamed."), 1);
	free(svg);
	free_two(&t);
}

Test(diff, html_page_carries_the_marks_and_options_are_checked)
{
	two t = load_two(OLD, NEW);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_eval_result *ev = NULL;
	size_t len;
	int rc;
	char *html = draw(&t, ARGMAP_RENDER_HTML, ARGMAP_THEME_COLOR, &len);

	cr_expect_gt(rs_count(html, len, "<html"), 0);
	{
		/* the drawing is in the page's packed pieces */
		size_t pl;
		char *pc = rs_page_data(html, "am-pieces", &pl);
		cr_expect_gt(rs_count(pc, pl, "am&#45;diff&#45;added"), 0);
		free(pc);
	}
	free(html);
	/* the marks belong to the union: not to another map */
	o.in_process = 1;
	o.diff = t.u;
	cr_expect_null(rs_render(t.b, &o, &len, &rc, NULL));
	cr_expect_eq(rc, ARGMAP_EARG);
	cr_assert_eq(argmap_eval_map(t.u->map, NULL, &ev), 0);
	o.status = ev;
	cr_expect_null(rs_render(t.u->map, &o, &len, &rc, NULL));
	cr_expect_eq(rc, ARGMAP_EARG);
	cr_expect(strstr(argmap_error_last(), "not both"));
	argmap_eval_free(ev);
	free_two(&t);
}

/* The page says in words what changed (#am-diff): the removed, renamed and
 * changed nodes with their details and the version names, the moved
 * support; nothing for an item that is the same; only from a struct of
 * version 3, and only for the union's own map. */
Test(diff, html_page_says_what_changed_in_each_item)
{
	two t = load_two(OLD, NEW);
	argmap_html_options ho = ARGMAP_HTML_OPTIONS_INIT;
	size_t len, dl;
	char *html, *dj, *out = NULL;

	cr_assert_eq(argmap_diff_set_names(t.d, "v1", "v2"), 0);
	argmap_diff_union_free(t.u);
	cr_assert_eq(argmap_diff_union_build(t.d, &t.u), 0);
	html = draw(&t, ARGMAP_RENDER_HTML, ARGMAP_THEME_COLOR, &len);
	dj = rs_page_data(html, "am-diff", &dl);
	cr_assert(dj, "the page has #am-diff");
	cr_expect(strstr(dj, "\"old\":\"v1\",\"new\":\"v2\""), "%s", dj);
	cr_expect(strstr(dj, "\"gone\":{\"change\":\"removed\""), "%s", dj);
	cr_expect(strstr(dj, "\"fast\":{\"change\":\"added\""), "%s", dj);
	cr_expect(strstr(dj, "\"is-cheap\":{\"change\":\"renamed\",\"detail\":\"renamed from cheap"),
	          "%s", dj);
	cr_expect(strstr(dj, "text was: It should be done."), "%s", dj);
	cr_expect(strstr(dj, "\"s-yes\":{\"change\":\"changed\""), "the moved support: %s", dj);
	cr_expect(strstr(dj, "\"label_was\":\"IN\",\"label_now\":\"OUT\""), "slow: %s", dj);
	cr_expect_null(strstr(dj, "\"q\":"), "the question is the same in both: %s", dj);
	free(dj);
	free(html);
	/* a page of an ordinary map has none */
	cr_assert_eq(argmap_html(t.b, &ho, "<svg></svg>", 11, NULL, &out, &len), 0);
	cr_expect_null(strstr(out, "id=\"am-diff\""));
	free(out);
	/* a diff of another map is refused; a version 2 struct has no diff */
	ho.diff = t.u;
	cr_expect_eq(argmap_html(t.b, &ho, "<svg></svg>", 11, NULL, &out, &len), ARGMAP_EARG);
	cr_expect(strstr(argmap_error_last(), "another map"));
	ho.version = 2;
	cr_assert_eq(argmap_html(t.b, &ho, "<svg></svg>", 11, NULL, &out, &len), 0);
	cr_expect_null(strstr(out, "id=\"am-diff\""), "version 2 has no diff field to read");
	free(out);
	free_two(&t);
}

Test(diff, an_id_taken_in_the_new_version_stays_apart)
{
	char *dir = ts_tmpdir(), *pa = NULL, *pb = NULL;
	argmap_map *a = rs_load_body(dir, "a.xml",
	                             "<claim id=\"x\"><text>X.</text></claim>\n"
	                             "<claim id=\"y\"><text>Y.</text></claim>\n"
	                             "<support from=\"x\" to=\"y\"/>\n",
	                             &pa);
	argmap_map *b = rs_load_body(dir, "b.xml",
	                             "<claim id=\"y\"><text>Y.</text></claim>\n"
	                             "<claim id=\"z\"><text>Z.</text></claim>\n"
	                             "<support id=\"x\" from=\"z\" to=\"y\"/>\n",
	                             &pb);
	argmap_diff *d = NULL;
	argmap_diff_union *u = NULL;
	size_t i;

	cr_assert_eq(argmap_diff_compute(a, b, &d), 0);
	cr_assert_eq(argmap_diff_union_build(d, &u), 0);
	cr_assert_eq(argmap_map_find(u->map, "x~old", &i), ARGMAP_ITEM_NODE);
	cr_expect_eq(u->node_change[i], ARGMAP_CHANGE_REMOVED);
	cr_expect_eq(argmap_map_find(u->map, "x", &i), ARGMAP_ITEM_RELATION);
	cr_expect_eq(u->relation_change[i], ARGMAP_CHANGE_ADDED);
	{
		argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
		size_t len;
		char *svg;
		o.in_process = 1;
		o.diff = u;
		svg = rs_render_ok(u->map, &o, &len);
		cr_expect_eq(rs_count(svg, len, "am&#45;claim am&#45;diff&#45;removed\""), 1);
		free(svg);
	}
	argmap_diff_union_free(u);
	argmap_diff_free(d);
	argmap_map_free(a);
	argmap_map_free(b);
	free(pa);
	free(pb);
	ts_rmtree(dir);
	free(dir);
}

Test(diff, command_line_draws_or_refuses)
{
	char *dir = ts_tmpdir(), *err = NULL, *out = NULL, path[1200], bad[1200];
	const char *draw_args[] = {"diff", "-q", "-T", "svg", "-o", path, OLD, NEW, NULL};
	const char *to_stdout[] = {"diff", "-T", "dot", "--theme", "print",
	                           "-o",   "-",  OLD,   NEW,       NULL};
	const char *broken[] = {"diff", "-T", "svg", "-o", path, OLD, bad, NULL};
	const char *usage1[] = {"diff", "-T", "jpeg", OLD, NEW, NULL};
	const char *usage2[] = {"diff", "-o", path, OLD, NEW, NULL};
	const char *usage3[] = {"diff", "-T", "svg", "--format", "json", OLD, NEW, NULL};
	const char *help[] = {"diff", "--help", NULL};
	const char *a4[] = {"diff", "-q", "-T", "pdf", "--theme", "print", "--page", "a4",
	                    "--landscape", "-o", path, OLD, NEW, NULL};
	const char *usage4[] = {"diff", "-T", "pdf", "--landscape", OLD, NEW, NULL};
	const char *code[] = {"diff", "-q", "--exit-code", "-T", "svg", "-o", path, OLD, NEW, NULL};
	size_t len;
	char *svg;

	snprintf(path, sizeof path, "%s/d.svg", dir);
	cr_assert_eq(ts_run_cli(draw_args, NULL, &err, 60), 0, "%s", err);
	free(err);
	svg = ts_read(path, &len);
	cr_assert(svg);
	cr_expect_gt(rs_count(svg, len, "am&#45;diff&#45;added"), 0);
	free(svg);
	cr_expect_eq(ts_run_cli(code, NULL, NULL, 60), 1, "--exit-code: they differ");
	cr_expect_eq(ts_run_cli(to_stdout, &out, &err, 60), 0, "%s", err);
	cr_expect(strstr(out, "xlabel=\"+\""));
	free(out);
	free(err);
	/* a version with a check error is not drawn, and nothing is written */
	unlink(path);
	snprintf(bad, sizeof bad, "%s/bad.xml", dir);
	ts_put(
	    dir, "bad.xml",
	    TS_HEAD
	    "<claim id=\"a\"><text>A.</text></claim>\n<support from=\"a\" to=\"nope\"/>\n" TS_TAIL,
	    (size_t)-1);
	cr_expect_eq(ts_run_cli(broken, NULL, &err, 60), 1);
	cr_expect(strstr(err, "has errors; fix them first"), "%s", err);
	cr_expect(strstr(err, "nothing drawn"));
	free(err);
	cr_expect_neq(access(path, F_OK), 0, "no output for a map with errors");
	cr_expect_eq(ts_run_cli(usage1, NULL, NULL, 60), 2);
	cr_expect_eq(ts_run_cli(usage2, NULL, NULL, 60), 2);
	cr_expect_eq(ts_run_cli(usage3, NULL, NULL, 60), 2);
	cr_expect_eq(ts_run_cli(usage4, NULL, NULL, 60), 2, "--landscape needs --page");
	/* a print handout of the changes: one A4 page, sideways */
	snprintf(path, sizeof path, "%s/d.pdf", dir);
	cr_expect_eq(ts_run_cli(a4, NULL, NULL, 60), 0);
	svg = ts_read(path, &len);
	cr_assert(svg);
	cr_expect_gt(rs_count(svg, len, "MediaBox [ 0 0 841.89 595.276 ]"), 0);
	free(svg);
	cr_expect_eq(ts_run_cli(help, &out, NULL, 60), 0);
	cr_expect(strstr(out, "-T FORMAT"));
	free(out);
	ts_rmtree(dir);
	free(dir);
}

/* --changes draws only what changed and what lies --depth relations
 * around it: in a chain q <- a <- b <- c <- d, a new text on d draws d and
 * c (depth 1), or d alone (depth 0); a new rebuttal of b draws both its
 * ends; without changes the whole map is drawn, and said so. */
#define CHAIN_BEGIN                                                                    \
	TS_HEAD "<question id=\"q\"><text>Should it be done?</text></question>\n"          \
	        "<claim id=\"a\"><text>Yes.</text></claim>\n"                                 \
	        "<claim id=\"b\"><text>It helps.</text></claim>\n"                            \
	        "<claim id=\"c\"><text>It helps many.</text></claim>\n"
#define CHAIN_END                                                                      \
	"<answer from=\"a\" to=\"q\" stance=\"yes\"/>\n<support from=\"b\" to=\"a\"/>\n"   \
	"<support from=\"c\" to=\"b\"/>\n<support from=\"d\" to=\"c\"/>\n"

static int drawn(const char *svg, size_t len, const char *id)
{
	char want[64];

	snprintf(want, sizeof want, "id=\"am&#45;n&#45;%s\"", id);
	return rs_count(svg, len, want) > 0;
}

Test(diff, changes_draws_only_what_changed_and_its_surroundings)
{
	char *dir = ts_tmpdir(), *err = NULL, *svg, old[1200], new1[1200], new2[1200], path[1200];
	const char *depth1[] = {"diff", "-q", "-T", "svg", "--changes", "-o", path, old, new1, NULL};
	const char *depth0[] = {"diff", "-q", "-T", "svg", "--changes", "--depth", "0",
	                        "-o", path, old, new1, NULL};
	const char *rebut[] = {"diff", "-q", "-T", "svg", "--changes", "-o", path, old, new2, NULL};
	const char *same[] = {"diff", "-T", "svg", "--changes", "-o", path, old, old, NULL};
	size_t len;

	snprintf(old, sizeof old, "%s/old.xml", dir);
	snprintf(new1, sizeof new1, "%s/new1.xml", dir);
	snprintf(new2, sizeof new2, "%s/new2.xml", dir);
	snprintf(path, sizeof path, "%s/d.svg", dir);
	ts_put(dir, "old.xml",
	       CHAIN_BEGIN "<claim id=\"d\"><text>Many ask for it.</text></claim>\n" CHAIN_END TS_TAIL,
	       (size_t)-1);
	ts_put(dir, "new1.xml",
	       CHAIN_BEGIN "<claim id=\"d\"><text>Most ask for it.</text></claim>\n" CHAIN_END TS_TAIL,
	       (size_t)-1);
	ts_put(dir, "new2.xml",
	       CHAIN_BEGIN "<claim id=\"d\"><text>Many ask for it.</text></claim>\n"
	                   "<claim id=\"x\"><text>It does not help.</text></claim>\n"
	                   "<rebut from=\"x\" to=\"b\"/>\n" CHAIN_END TS_TAIL,
	       (size_t)-1);

	cr_assert_eq(ts_run_cli(depth1, NULL, &err, 60), 0, "%s", err);
	free(err);
	svg = ts_read(path, &len);
	cr_assert(svg);
	cr_expect(drawn(svg, len, "d") && drawn(svg, len, "c"), "the change and its neighbour");
	cr_expect(!drawn(svg, len, "b") && !drawn(svg, len, "a") && !drawn(svg, len, "q"),
	          "nothing two relations away");
	cr_expect_gt(rs_count(svg, len, "shows what changed and what lies within 1 relation of it"),
	             0);
	cr_expect_eq(rs_count(svg, len, "penwidth=\"3.2\""), 0);
	free(svg);

	cr_assert_eq(ts_run_cli(depth0, NULL, &err, 60), 0, "%s", err);
	free(err);
	svg = ts_read(path, &len);
	cr_expect(drawn(svg, len, "d") && !drawn(svg, len, "c"), "depth 0: the change alone");
	free(svg);

	cr_assert_eq(ts_run_cli(rebut, NULL, &err, 60), 0, "%s", err);
	free(err);
	svg = ts_read(path, &len);
	/* b is now OUT, so a (which only b supported) is no longer IN: a's
	 * label changed too, and q, next to a, is drawn as well */
	cr_expect(drawn(svg, len, "x") && drawn(svg, len, "b"), "the new rebuttal's ends");
	cr_expect(drawn(svg, len, "a") && drawn(svg, len, "c"), "b's neighbours");
	cr_expect(drawn(svg, len, "q"), "next to a, whose label changed");
	cr_expect(!drawn(svg, len, "d"), "two relations from every change");
	free(svg);

	cr_assert_eq(ts_run_cli(same, NULL, &err, 60), 0, "%s", err);
	cr_expect(strstr(err, "do not differ: --changes draws the whole map"), "%s", err);
	free(err);
	svg = ts_read(path, &len);
	cr_expect(drawn(svg, len, "q") && drawn(svg, len, "d"));
	free(svg);
	ts_rmtree(dir);
	free(dir);
}

Test(diff, a_removed_item_keeps_its_file)
{
	char *dir = ts_tmpdir(), *pa, *pb, sub[1200];
	argmap_map *a, *b;
	argmap_diff *d = NULL;
	argmap_diff_union *u = NULL;
	size_t i;

	snprintf(sub, sizeof sub, "%s/new", dir);
	cr_assert_eq(mkdir(sub, 0777), 0);
	ts_put(dir, "part.xml",
	       TS_HEAD "<claim id=\"p1\"><text>P1.</text></claim>\n"
	               "<claim id=\"p2\"><text>P2.</text></claim>\n" TS_TAIL,
	       (size_t)-1);
	ts_put(sub, "part.xml", TS_HEAD "<claim id=\"p2\"><text>P2.</text></claim>\n" TS_TAIL,
	       (size_t)-1);
	a = rs_load_body(dir, "main.xml",
	                 "<import href=\"part.xml\"/>\n<claim id=\"m\"><text>M.</text></claim>\n"
	                 "<support from=\"p2\" to=\"m\"/>\n",
	                 &pa);
	b = rs_load_body(sub, "main.xml",
	                 "<import href=\"part.xml\"/>\n<claim id=\"m\"><text>M.</text></claim>\n"
	                 "<support from=\"p2\" to=\"m\"/>\n",
	                 &pb);
	cr_assert_eq(argmap_diff_compute(a, b, &d), 0);
	cr_assert_eq(argmap_diff_union_build(d, &u), 0);
	cr_assert_eq(argmap_map_find(u->map, "p1", &i), ARGMAP_ITEM_NODE);
	cr_expect_eq(u->node_change[i], ARGMAP_CHANGE_REMOVED);
	cr_expect_neq(argmap_map_node(u->map, i)->loc.file, 0, "p1 was in part.xml, not main.xml");
	cr_expect(strstr(argmap_map_file(u->map, argmap_map_node(u->map, i)->loc.file)->path,
	                 "new/part.xml"),
	          "the new version's part.xml");
	cr_expect_eq(argmap_map_file_count(u->map), argmap_map_file_count(b));
	argmap_diff_union_free(u);
	argmap_diff_free(d);
	argmap_map_free(a);
	argmap_map_free(b);
	free(pa);
	free(pb);
	ts_rmtree(dir);
	free(dir);
}

/* ------------------------------------------------ random pairs of maps */

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

#define RN 7 /* claims in the universe */

/* One version: which claims it has, renamed or reworded, and which of the
 * universe's relations, with which premises. */
static char *version(unsigned *seed, int second, const unsigned char *renamed)
{
	am_buf b = {0};
	unsigned char has[RN], sup[RN][RN];
	int i, j;

	am_buf_puts(&b, TS_HEAD);
	for (i = 0; i < RN; i++) {
		has[i] = rnd(seed) % 5 != 0;
		if (!has[i])
			continue;
		am_buf_printf(&b, "<claim id=\"%s%d\"><text>Text %d%s</text></claim>\n",
		              second && renamed[i] ? "r" : "c", i, i,
		              rnd(seed) % 4 == 0 ? " again" : "");
	}
	/* supports from a higher to a lower claim (no cycles), some linked,
	 * some with an id; rebuttals any way; undercuts of supports with ids */
	memset(sup, 0, sizeof sup);
	for (i = 0; i < RN; i++)
		for (j = 0; j < i; j++) {
			int k = (i + j) % RN;
			if (!has[i] || !has[j] || rnd(seed) % 3)
				continue;
			sup[i][j] = 1 + (rnd(seed) % 2);
			am_buf_puts(&b, "<support");
			if (sup[i][j] == 1)
				am_buf_printf(&b, " id=\"s%d_%d\"", i, j);
			am_buf_printf(&b, " from=\"%s%d", second && renamed[i] ? "r" : "c", i);
			if (k > j && k != i && has[k] && rnd(seed) % 3 == 0)
				am_buf_printf(&b, " %s%d", second && renamed[k] ? "r" : "c", k);
			am_buf_printf(&b, "\" to=\"%s%d\"/>\n", second && renamed[j] ? "r" : "c", j);
		}
	for (i = 0; i < RN; i++)
		for (j = 0; j < RN; j++)
			if (i != j && has[i] && has[j] && rnd(seed) % 6 == 0)
				am_buf_printf(&b, "<rebut from=\"%s%d\" to=\"%s%d\"/>\n",
				              second && renamed[i] ? "r" : "c", i,
				              second && renamed[j] ? "r" : "c", j);
	for (i = 0; i < RN; i++)
		for (j = 0; j < i; j++)
			if (sup[i][j] == 1 && rnd(seed) % 3 == 0) {
				int u = (i * 3 + j) % RN;
				if (has[u] && u != i && u != j)
					am_buf_printf(&b, "<undercut from=\"%s%d\" to=\"s%d_%d\"/>\n",
					              second && renamed[u] ? "r" : "c", u, i, j);
			}
	am_buf_puts(&b, TS_TAIL);
	return am_buf_detach(&b);
}

static argmap_map *load_text(const char *name, const char *xml, int *ok)
{
	argmap_diags *dg = argmap_diags_new();
	argmap_map *m = NULL;

	cr_assert(dg);
	*ok = argmap_map_load_memory(&m, name, xml, strlen(xml), NULL, dg) == 0 && m &&
	      argmap_check(m, NULL, dg) == 0 &&
	      argmap_diags_count_severity(dg, ARGMAP_SEV_ERROR) == 0;
	argmap_diags_free(dg);
	return m;
}

Test(diff, random_pairs_make_sound_unions)
{
	unsigned seed = 12345, kinds[5] = {0};
	int round, used = 0, c;

	for (round = 0; round < 400; round++) {
		unsigned char renamed[RN];
		char *xa, *xb;
		argmap_map *a, *b;
		argmap_diff *d = NULL;
		argmap_diff_union *u = NULL;
		int oka, okb, i;
		size_t k, n, m;

		for (i = 0; i < RN; i++)
			renamed[i] = rnd(&seed) % 6 == 0;
		xa = version(&seed, 0, renamed);
		xb = version(&seed, 1, renamed);
		a = load_text("old.xml", xa, &oka);
		b = load_text("new.xml", xb, &okb);
		if (oka && okb) {
			used++;
			cr_assert_eq(argmap_diff_compute(a, b, &d), 0);
			cr_assert_eq(argmap_diff_union_build(d, &u), 0);
			n = argmap_map_node_count(u->map);
			m = argmap_map_relation_count(u->map);
			/* the new version at its own indices and ids */
			for (k = 0; k < argmap_map_node_count(b); k++)
				cr_assert_str_eq(argmap_map_node(u->map, k)->id,
				                 argmap_map_node(b, k)->id);
			for (k = 0; k < n; k++) {
				size_t at;
				kinds[u->node_change[k]]++;
				cr_assert_eq(argmap_map_find(u->map, argmap_map_node(u->map, k)->id, &at),
				             ARGMAP_ITEM_NODE, "%s\n%s", xa, xb);
				cr_assert_eq(at, k);
			}
			for (k = 0; k < m; k++) {
				const argmap_relation *r = argmap_map_relation(u->map, k);
				size_t f;
				kinds[u->relation_change[k]]++;
				for (f = 0; f < r->n_from; f++)
					cr_assert(r->from[f].kind == ARGMAP_ITEM_NODE && r->from[f].index < n,
					          "%s\n%s", xa, xb);
				if (r->kind == ARGMAP_REL_UNDERCUT)
					cr_assert(r->to.kind == ARGMAP_ITEM_RELATION && r->to.index < m &&
					              argmap_map_relation(u->map, r->to.index)->kind ==
					                  ARGMAP_REL_SUPPORT,
					          "%s\n%s", xa, xb);
				else
					cr_assert(r->to.kind == ARGMAP_ITEM_NODE && r->to.index < n);
			}
			{
				argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
				size_t len;
				o.in_process = 1;
				o.format = ARGMAP_RENDER_DOT;
				o.diff = u;
				free(rs_render_ok(u->map, &o, &len));
			}
			argmap_diff_union_free(u);
			argmap_diff_free(d);
		}
		argmap_map_free(a);
		argmap_map_free(b);
		free(xa);
		free(xb);
	}
	cr_expect_gt(used, 200, "most random versions check clean (%d)", used);
	for (c = 0; c < 5; c++)
		cr_expect_gt(kinds[c], 0, "change %d occurs", c);
}

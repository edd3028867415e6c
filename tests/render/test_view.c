/*
 * Views: which nodes and relations --focus/--depth, --tag and --hide
 * evidence draw, what they count as hidden, and their errors.
 * tests/render/data/basic.xml has 11 nodes and 9 relations.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "model/view.h"
#include "util/buf.h"
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

TestSuite(view, .init = setup, .fini = teardown);

static size_t idx(const char *id)
{
	size_t i = ARGMAP_NONE;
	argmap_item_kind k = argmap_map_find(map, id, &i);
	cr_assert(k == ARGMAP_ITEM_NODE || k == ARGMAP_ITEM_RELATION, "no item %s", id);
	return i;
}

/* The ids of the drawn nodes, space-separated, in map order. */
static char *shown(const am_view *v)
{
	am_buf b = {0};
	size_t i;

	for (i = 0; i < v->n_nodes; i++)
		if (v->node_on[i])
			am_buf_printf(&b, "%s%s", b.len ? " " : "", argmap_map_node(map, i)->id);
	return am_buf_detach(&b);
}

static char *view_of(argmap_render_options *o, am_view *v)
{
	argmap_diags *d = argmap_diags_new();
	am_view_options vo = {o->focus, o->depth, o->tag, o->hide_evidence, o->actors, o->n_actors};
	int rc = am_view_build(v, map, &vo, d, "basic.xml");
	char *dump = ts_dump(d);

	cr_assert_eq(rc, 0, "%s", dump);
	free(dump);
	argmap_diags_free(d);
	return shown(v);
}

Test(view, whole_map)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s = view_of(&o, &v);

	cr_expect_eq(v.nodes_shown, 11);
	cr_expect_eq(v.rels_shown, 9);
	cr_expect_eq(v.filtered, 0);
	/* a linked reason and an undercut support are drawn through a dot */
	cr_expect_eq(v.junction[idx("s-linked")], 1);
	cr_expect_eq(v.junction[idx("s-unsafe")], 1);
	cr_expect_eq(v.drawn_from[idx("s-linked")], 2);
	free(s);
	am_view_free(&v);
}

Test(view, focus_depth_one)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s;

	o.focus = "c-unsafe";
	o.depth = 1;
	s = view_of(&o, &v);
	/* its conclusion, its linked premises, and the undercut of its support */
	cr_expect_str_eq(s, "c-yes c-unsafe c-crowds c-speed c-elsewhere");
	cr_expect_eq(v.focus, idx("c-unsafe"));
	cr_expect_eq(v.filtered, 1);
	/* what the boundary nodes lose is counted on them */
	cr_expect_eq(v.hidden_evidence[idx("c-speed")], 1);
	cr_expect_eq(v.hidden_rels[idx("c-yes")], 0, "c-yes answers q: that is its own relation");
	free(s);
	am_view_free(&v);
}

Test(view, focus_does_not_pass_through_questions)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s;

	o.focus = "c-yes";
	o.depth = 2;
	s = view_of(&o, &v);
	/* q is one step away, but the other answers are not pulled in */
	cr_expect_str_eq(s, "q c-yes c-unsafe c-crowds c-speed c-elsewhere");
	free(s);
	am_view_free(&v);
	o.focus = "q";
	o.depth = 1;
	s = view_of(&o, &v);
	cr_expect_str_eq(s, "q c-yes c-no c-later", "the question itself expands");
	free(s);
	am_view_free(&v);
}

Test(view, linked_premises_come_together)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s;

	o.focus = "c-crowds";
	o.depth = 0;
	s = view_of(&o, &v);
	cr_expect_str_eq(s, "c-crowds", "depth 0 is the node alone");
	free(s);
	am_view_free(&v);
	o.depth = 1;
	s = view_of(&o, &v);
	cr_expect_str_eq(s, "c-unsafe c-crowds c-speed");
	cr_expect_eq(v.rel_on[idx("s-linked")], 1);
	cr_expect_eq(v.junction[idx("s-linked")], 1);
	free(s);
	am_view_free(&v);
}

Test(view, tag_keeps_what_it_needs)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s;

	o.tag = "trade";
	s = view_of(&o, &v);
	/* c-no and c-walkers carry it; e-survey supports c-walkers; q is
	 * what c-no answers */
	cr_expect_str_eq(s, "q c-no c-walkers e-survey");
	cr_expect_eq(v.rels_shown, 3);
	free(s);
	am_view_free(&v);
	o.tag = "safety";
	s = view_of(&o, &v);
	cr_expect_str_eq(s, "q c-yes c-unsafe c-crowds c-speed c-elsewhere e-count");
	free(s);
	am_view_free(&v);
}

Test(view, hide_evidence_counts_it)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	am_view v;
	char *s;

	o.hide_evidence = 1;
	s = view_of(&o, &v);
	cr_expect_eq(v.nodes_shown, 9);
	cr_expect_eq(strstr(s, "e-") == NULL, 1, "%s", s);
	cr_expect_eq(v.hidden_evidence[idx("c-speed")], 1);
	cr_expect_eq(v.hidden_evidence[idx("c-walkers")], 1);
	cr_expect_eq(v.rels_shown, 7);
	free(s);
	am_view_free(&v);
	o.tag = "trade";
	s = view_of(&o, &v);
	cr_expect_str_eq(s, "q c-no c-walkers", "tag and hide together");
	free(s);
	am_view_free(&v);
}

Test(view, unknown_focus_suggests)
{
	am_view_options o = {0};
	argmap_diags *d = argmap_diags_new();
	const argmap_diag *x;
	am_view v;

	o.focus = "c-unsafr";
	cr_expect_eq(am_view_build(&v, map, &o, d, "basic.xml"), ARGMAP_EINVALID);
	x = ts_find(d, "AM711");
	cr_assert(x);
	cr_expect_eq(x->severity, ARGMAP_SEV_ERROR);
	cr_expect_str_eq(x->file, "basic.xml");
	cr_expect(x->hint && strstr(x->hint, "did you mean 'c-unsafe'"), "%s", x->hint);
	argmap_diags_free(d);
	d = argmap_diags_new();
	o.focus = "s-unsafe"; /* a relation, not a node */
	cr_expect_eq(am_view_build(&v, map, &o, d, "basic.xml"), ARGMAP_EINVALID);
	cr_expect_eq(ts_count(d, "AM711"), 1);
	argmap_diags_free(d);
}

Test(view, unknown_tag_lists_tags)
{
	am_view_options o = {0};
	argmap_diags *d = argmap_diags_new();
	const argmap_diag *x;
	am_view v;

	o.tag = "weather";
	cr_expect_eq(am_view_build(&v, map, &o, d, "basic.xml"), ARGMAP_EINVALID);
	x = ts_find(d, "AM712");
	cr_assert(x);
	cr_expect(x->hint && strstr(x->hint, "traffic, safety, trade"), "%s", x->hint);
	argmap_diags_free(d);
}

Test(view, public_stats)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_render_stats st;

	cr_assert_eq(argmap_render_view_stats(map, NULL, NULL, &st), 0);
	cr_expect_eq(st.nodes_total, 11);
	cr_expect_eq(st.nodes_shown, 11);
	cr_expect_eq(st.nodes_hidden, 0);
	cr_expect_eq(st.relations_total, 9);
	cr_expect_eq(st.relations_shown, 9);
	o.tag = "trade";
	cr_assert_eq(argmap_render_view_stats(map, &o, NULL, &st), 0);
	cr_expect_eq(st.nodes_shown, 4);
	cr_expect_eq(st.nodes_hidden, 7);
	o.tag = "none-such";
	cr_expect_eq(argmap_render_view_stats(map, &o, NULL, &st), ARGMAP_EINVALID);
	cr_expect_eq(argmap_render_view_stats(NULL, NULL, NULL, &st), ARGMAP_EARG);
	cr_expect_eq(argmap_render_view_stats(map, NULL, NULL, NULL), ARGMAP_EARG);
}

Test(view, note_on_render_says_how_many_are_hidden)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = NULL;
	const argmap_diag *x;
	size_t len;
	int rc;
	char *out;

	o.format = ARGMAP_RENDER_DOT;
	o.tag = "trade";
	out = rs_render(map, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	x = ts_find(d, "AM713");
	cr_assert(x);
	cr_expect_eq(x->severity, ARGMAP_SEV_NOTE);
	cr_expect(strstr(x->message, "4 of 11 nodes (7 hidden)"), "%s", x->message);
	/* and on the map itself */
	cr_expect(strstr(out, "It shows 4 of 11 nodes (7 hidden)"), "no footnote on the map");
	free(out);
	argmap_diags_free(d);
	/* the whole map has no note */
	o.tag = NULL;
	out = rs_render(map, &o, &len, &rc, &d);
	cr_expect_eq(ts_count(d, "AM713"), 0);
	cr_expect(!strstr(out, "It shows"));
	free(out);
	argmap_diags_free(d);
}

/*
 * layout_policy.c - how a view is laid out, chosen from its size alone
 * (layout_policy.h). render.c asks once and writes the answers into the
 * job; the Graphviz side only reads them.
 */
#include "render/layout_policy.h"
#include "render/testhooks.h"

/* Above this many drawn nodes, linked premises are joined at their dot but
 * not boxed: every box is a dot cluster, laid out on its own. */
#define MAX_NODES_FOR_BOXES 600

/* Layout bounds by size (nodes + edges). dot's network simplex and mincross
 * are bounded everywhere (facts note 2.5: dense graphs explode otherwise);
 * huge maps get straight-line edges, which route in linear time. */
static const am_layout_tier tiers[] = {
    {600, "30", "30", "1.0", "30", "true", "true"},
    {3000, "4", "4", "0.4", "20", "true", "true"},
    {12000, "1", "1", "0.1", "10", "polyline", "false"},
    {(size_t)-1, "0.5", "0.5", "0.05", "5", "line", "false"},
};

const am_layout_tier *am_layout_pick_tier(const am_view *v)
{
	size_t elems = v->nodes_shown + v->rels_shown * 2, i;

	for (i = 0; elems > tiers[i].max_elems; i++)
		;
	return &tiers[i];
}

/* From AM_FAST_MIN_DEFAULT drawn nodes on (and without --group-by), argmap
 * places the nodes itself (fastlayout.c) and Graphviz draws them. Maps that
 * large are posters either way (a generated 1,000-claim map has 1,290 nodes
 * and comes out over 100,000 pt wide from both); dot takes twice as long
 * there (bench/results.md), and the curated maps have 100-150 nodes, far
 * below. */
int am_layout_pick_fast(const argmap_render_options *o, const am_view *v)
{
	return o->group_by == ARGMAP_GROUP_NONE &&
	       v->nodes_shown >= AM_TEST_FAST_MIN(AM_FAST_MIN_DEFAULT);
}

int am_layout_boxes_linked(const am_view *v)
{
	return v->nodes_shown <= MAX_NODES_FOR_BOXES;
}

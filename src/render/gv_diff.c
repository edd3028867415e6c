/*
 * gv_diff.c - the change overlay as Graphviz attributes (gv_diff.h): a
 * node's border line style, width and peripheries; an edge's width, its
 * colour list ("c:invis:c" draws two parallel lines) and its glyph as an
 * xlabel, which Graphviz places after layout (so marks do not move the
 * drawing). The strings are diffmark.c's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "render/diffmark.h"
#include "render/gv_attr.h"
#include "render/gv_diff.h"

void am_gv_diff_node(Agnode_t *v, const am_labels *l, size_t i, const am_node_style *st)
{
	const am_diff_style *s = am_diffmark_node(l, i);
	am_buf b = {0};
	char per[16];

	if (!s)
		return;
	am_diffmark_node_style(s, st->style, &b);
	if (b.data)
		am_set(v, "style", b.data);
	am_buf_free(&b);
	am_set(v, "color", s->color);
	am_set(v, "penwidth", s->penwidth);
	if (s->twice) {
		snprintf(per, sizeof per, "%d", atoi(st->peripheries) + 1);
		am_set(v, "peripheries", per);
	}
}

void am_gv_diff_edge(Agedge_t *e, const am_labels *l, size_t r, const am_edge_style *es, int first)
{
	const am_diff_style *s = am_diffmark_rel(l, r);
	const char *color;
	am_buf b = {0};

	if (!s)
		return;
	color = s->edge_color ? s->edge_color : es->color;
	if (s->twice)
		am_buf_printf(&b, "%s:invis:%s", color, color);
	else
		am_buf_puts(&b, color);
	if (b.data)
		am_set(e, "color", b.data);
	am_buf_free(&b);
	if (s->edge_pen)
		am_set(e, "penwidth", s->edge_pen);
	if (!first)
		return;
	am_set(e, "xlabel", s->glyph);
	am_set(e, "fontcolor", s->color);
	am_set(e, "fontsize", "15");
	am_set(e, "fontname", "DejaVu Sans Bold");
}

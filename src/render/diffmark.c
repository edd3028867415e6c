/*
 * diffmark.c - the change overlay of a diff's union (diffmark.h): a node's
 * or relation's change as a border line style or double line, a width, a
 * glyph and a word, what changed in the box and the tooltip, and the
 * legend's rows.
 *
 *            node border        relation line          glyph
 *   added    solid, thick       thick                  +
 *   removed  dashed             thin, pale             U+2212 minus
 *   changed  double             two parallel lines     ~
 *   renamed  double             -                      ~ (RENAMED)
 *
 * A relation keeps its kind's line style (solid, dashed, dotted, bold) and
 * arrowhead, so the change is told by its width or doubled line and by the
 * glyph beside it.
 */
#include <string.h>

#include "render/diffmark.h"
#include "render/escape.h"
#include "render/wrap.h"

/* clang-format off */
/* [print][change - 1]: added, removed, changed, renamed */
static const am_diff_style styles[2][4] = {
	{{"solid", "3.4", "#1b7a2e", 0, "3.6", NULL, "+", "ADDED", "am-diff-added"},
	 {"dashed", "2.0", "#c62828", 0, "1.0", "#b0b0b0", "\xE2\x88\x92", "REMOVED", "am-diff-removed"},
	 {"solid", "1.6", "#b45f06", 1, NULL, NULL, "~", "CHANGED", "am-diff-changed"},
	 {"solid", "1.6", "#b45f06", 1, NULL, NULL, "~", "RENAMED", "am-diff-renamed"}},
	{{"solid", "3.4", "black", 0, "3.6", NULL, "+", "ADDED", "am-diff-added"},
	 {"dashed", "1.8", "#444444", 0, "1.0", "#999999", "\xE2\x88\x92", "REMOVED", "am-diff-removed"},
	 {"solid", "1.4", "black", 1, NULL, NULL, "~", "CHANGED", "am-diff-changed"},
	 {"solid", "1.4", "black", 1, NULL, NULL, "~", "RENAMED", "am-diff-renamed"}},
};
/* clang-format on */

static const char *legend_text[4] = {
    "ADDED: only in the new version (thick border; thick line)",
    "REMOVED: only in the old version (dashed border; thin, pale line)",
    "CHANGED: text, holders, sources, tags, premises or target (double border; double line)",
    "RENAMED: the same text under another id (double border)"};

static const argmap_diff_union *diff_of(const am_labels *l)
{
	const argmap_diff_union *u = l->opts->diff;

	return u && u->map == l->map ? u : NULL;
}

static const am_diff_style *style_of(const am_labels *l, argmap_change c)
{
	if (c < ARGMAP_CHANGE_ADDED || c > ARGMAP_CHANGE_RENAMED)
		return NULL;
	return &styles[l->opts->theme == ARGMAP_THEME_PRINT][c - ARGMAP_CHANGE_ADDED];
}

const am_diff_style *am_diffmark_node(const am_labels *l, size_t i)
{
	const argmap_diff_union *u = diff_of(l);

	return u && i < argmap_map_node_count(u->map) ? style_of(l, u->node_change[i]) : NULL;
}

const am_diff_style *am_diffmark_rel(const am_labels *l, size_t r)
{
	const argmap_diff_union *u = diff_of(l);

	return u && r < argmap_map_relation_count(u->map) ? style_of(l, u->relation_change[r])
	                                                  : NULL;
}

static int relabelled(const argmap_diff_union *u, size_t i)
{
	return u->old_label[i] != ARGMAP_LABEL_NONE && u->new_label[i] != ARGMAP_LABEL_NONE;
}

void am_diffmark_badge(const am_labels *l, size_t i, am_buf *o)
{
	const am_diff_style *s = am_diffmark_node(l, i);
	const argmap_diff_union *u = diff_of(l);

	if (s)
		am_buf_printf(o, "  <FONT COLOR=\"%s\"><B>%s %s</B></FONT>", s->color, s->glyph,
		              s->word);
	if (u && relabelled(u, i))
		am_buf_printf(o, "  <FONT><B>%s \xE2\x86\x92 %s</B></FONT>",
		              argmap_label_name(u->old_label[i]),
		              argmap_label_name(u->new_label[i]));
}

void am_diffmark_rows(const am_labels *l, size_t i, am_buf *o)
{
	const argmap_diff_union *u = diff_of(l);
	const char *d = u && i < argmap_map_node_count(u->map) ? u->node_detail[i] : NULL;
	const am_diff_style *s = am_diffmark_node(l, i);
	int lines = 0;

	while (d && *d && lines < 3) {
		const char *nl = strchr(d, '\n');
		size_t n = nl ? (size_t)(nl - d) : strlen(d);
		am_buf line = {0};
		am_buf_put(&line, d, n);
		am_buf_printf(o, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\"><I>",
		              s ? s->color : l->th->meta_color);
		if (line.data)
			am_rt_html_trunc(o, line.data, 64);
		am_buf_puts(o, "</I></FONT></TD></TR>");
		am_buf_free(&line);
		lines++;
		d = nl ? nl + 1 : NULL;
	}
}

static void tip(am_buf *o, const am_diff_style *s, const char *detail)
{
	if (s) {
		am_buf_puts(o, "\\n");
		am_rt_esc(o, s->glyph);
		am_buf_putc(o, ' ');
		am_rt_esc(o, s->word);
	}
	for (; detail && *detail;) {
		const char *nl = strchr(detail, '\n');
		size_t n = nl ? (size_t)(nl - detail) : strlen(detail);
		am_buf line = {0};
		am_buf_put(&line, detail, n);
		am_buf_puts(o, "\\n");
		if (line.data)
			am_rt_esc(o, line.data);
		am_buf_free(&line);
		detail = nl ? nl + 1 : NULL;
	}
}

void am_diffmark_node_tip(const am_labels *l, size_t i, am_buf *o)
{
	const argmap_diff_union *u = diff_of(l);

	if (!u || i >= argmap_map_node_count(u->map))
		return;
	tip(o, am_diffmark_node(l, i), u->node_detail[i]);
	if (relabelled(u, i)) {
		am_buf_printf(o, "\\ngrounded label: %s \xE2\x86\x92 %s",
		              argmap_label_name(u->old_label[i]),
		              argmap_label_name(u->new_label[i]));
		tip(o, NULL, u->label_detail[i]);
	}
}

void am_diffmark_rel_tip(const am_labels *l, size_t r, am_buf *o)
{
	const argmap_diff_union *u = diff_of(l);

	if (u && r < argmap_map_relation_count(u->map))
		tip(o, am_diffmark_rel(l, r), u->relation_detail[r]);
}

void am_diffmark_node_class(const am_labels *l, size_t i, am_buf *o)
{
	const am_diff_style *s = am_diffmark_node(l, i);
	const argmap_diff_union *u = diff_of(l);

	if (s)
		am_buf_printf(o, " %s", s->css);
	if (u && relabelled(u, i))
		am_buf_puts(o, " am-diff-label");
}

void am_diffmark_rel_class(const am_labels *l, size_t r, am_buf *o)
{
	const am_diff_style *s = am_diffmark_rel(l, r);

	if (s)
		am_buf_printf(o, " %s", s->css);
}

void am_diffmark_node_style(const am_diff_style *s, const char *base, am_buf *o)
{
	/* a lone "solid" (the print theme's evidence) gives way to the change */
	if (base && *base && strcmp(base, "solid") != 0)
		am_buf_printf(o, "%s,%s", base, s->line);
	else
		am_buf_puts(o, s->line);
}

void am_diffmark_legend(const am_labels *l, am_buf *o, int cols)
{
	const argmap_diff_union *u = diff_of(l);
	unsigned char seen[4] = {0};
	size_t k;
	int p, any;

	if (!u)
		return;
	p = l->opts->theme == ARGMAP_THEME_PRINT;
	for (k = 0; k < argmap_map_node_count(u->map); k++)
		if (u->node_change[k] != ARGMAP_CHANGE_NONE)
			seen[u->node_change[k] - 1] = 1;
	for (k = 0; k < argmap_map_relation_count(u->map); k++)
		if (u->relation_change[k] != ARGMAP_CHANGE_NONE)
			seen[u->relation_change[k] - 1] = 1;
	am_buf_printf(
	    o,
	    "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\"><B>Changes</B> "
	    "(border or line, and mark; what changed is in the box and the "
	    "tooltip)</FONT></TD></TR>",
	    cols);
	any = seen[0] || seen[1] || seen[2] || seen[3] || u->n_relabelled;
	if (!any)
		am_buf_printf(o,
		              "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">none: "
		              "the two versions are the same</FONT></TD></TR>",
		              cols);
	/* only the marks the drawing has */
	for (k = 0; k < 4; k++) {
		const am_diff_style *s = &styles[p][k];
		const char *span = cols > 3 ? " COLSPAN=\"5\"" : "";
		if (!seen[k])
			continue;
		if (s->twice)
			am_buf_printf(
			    o,
			    "<TR><TD COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"20\" FIXEDSIZE=\"TRUE\" "
			    "BORDER=\"1\" COLOR=\"%s\" CELLPADDING=\"2\"><TABLE BORDER=\"1\" "
			    "CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\" COLOR=\"%s\">"
			    "<TR><TD WIDTH=\"42\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"><FONT "
			    "POINT-SIZE=\"8\" COLOR=\"%s\"><B>%s</B></FONT></TD></TR></TABLE></TD>",
			    s->color, s->color, s->color, s->glyph);
		else
			am_buf_printf(
			    o,
			    "<TR><TD COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"20\" FIXEDSIZE=\"TRUE\" "
			    "BORDER=\"%s\" STYLE=\"%s\" COLOR=\"%s\"><FONT POINT-SIZE=\"10\" "
			    "COLOR=\"%s\"><B>%s</B></FONT></TD>",
			    k == 0 ? "3" : "1", k == 0 ? "solid" : "dashed", s->color, s->color,
			    s->glyph);
		am_buf_printf(o, "<TD ALIGN=\"LEFT\"%s><FONT POINT-SIZE=\"10\">%s</FONT></TD></TR>",
		              span, legend_text[k]);
	}
	if (u->n_relabelled)
		am_buf_printf(
		    o,
		    "<TR><TD COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"20\" FIXEDSIZE=\"TRUE\"><FONT "
		    "POINT-SIZE=\"8\"><B>IN \xE2\x86\x92 OUT</B></FONT></TD><TD "
		    "ALIGN=\"LEFT\"%s><FONT POINT-SIZE=\"10\">a claim whose grounded label "
		    "(argmap eval) changed</FONT></TD></TR>",
		    cols > 3 ? " COLSPAN=\"5\"" : "");
}

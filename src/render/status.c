/*
 * status.c - the acceptability overlay (status.h): a node's label or
 * acceptance as a border line style, a glyph and a word, its explanation
 * in the tooltip, and the legend's rows.
 *
 *   IN / sceptically accepted     solid, thick   U+2713 check mark
 *   OUT / rejected                dashed         U+2717 ballot x
 *   UNDEC / credulously accepted  dotted         ? (grounded), U+25D0 half circle (preferred)
 */
#include <string.h>

#include "render/escape.h"
#include "render/status.h"

/* clang-format off */
/* [print][status]: IN, OUT, UNDEC (grounded); the same rows serve
 * sceptical, rejected, credulous (preferred) with their own words. */
static const am_status_style grounded[2][3] = {
	{{"solid", "2.6", "#1b5e20", "\xE2\x9C\x93", "IN", "am-status-in"},
	 {"dashed", "1.8", "#b71c1c", "\xE2\x9C\x97", "OUT", "am-status-out"},
	 {"dotted", "2.2", "#e65100", "?", "UNDEC", "am-status-undec"}},
	{{"solid", "2.6", "black", "\xE2\x9C\x93", "IN", "am-status-in"},
	 {"dashed", "1.6", "#333333", "\xE2\x9C\x97", "OUT", "am-status-out"},
	 {"dotted", "2.2", "#333333", "?", "UNDEC", "am-status-undec"}},
};
static const am_status_style preferred[2][3] = {
	{{"solid", "2.6", "#1b5e20", "\xE2\x9C\x93", "SCEPTICAL", "am-status-sceptical"},
	 {"dashed", "1.8", "#b71c1c", "\xE2\x9C\x97", "REJECTED", "am-status-rejected"},
	 {"dotted", "2.2", "#e65100", "\xE2\x97\x90", "CREDULOUS", "am-status-credulous"}},
	{{"solid", "2.6", "black", "\xE2\x9C\x93", "SCEPTICAL", "am-status-sceptical"},
	 {"dashed", "1.6", "#333333", "\xE2\x9C\x97", "REJECTED", "am-status-rejected"},
	 {"dotted", "2.2", "#333333", "\xE2\x97\x90", "CREDULOUS", "am-status-credulous"}},
};
/* clang-format on */

static const char *legend_text[2][3] = {
    {"IN: holds (a support holds, no rebuttal does)", "OUT: rebutted, undercut or not established",
     "UNDEC: undecided (a cycle of attacks)"},
    {"SCEPTICAL: IN in every preferred extension", "REJECTED: IN in no preferred extension",
     "CREDULOUS: IN in some preferred extension, not all"}};

static int print_theme(const am_labels *l)
{
	return l->opts->theme == ARGMAP_THEME_PRINT;
}

static int is_preferred(const argmap_eval_result *st)
{
	return st->semantics == ARGMAP_SEMANTICS_PREFERRED && st->acceptance;
}

const am_status_style *am_status_node(const am_labels *l, size_t i)
{
	const argmap_eval_result *st = l->opts->status;
	int p;

	if (!st || i >= st->n_nodes)
		return NULL;
	p = print_theme(l);
	if (is_preferred(st)) {
		switch (st->acceptance[i]) {
		case ARGMAP_ACCEPT_SCEPTICAL: return &preferred[p][0];
		case ARGMAP_ACCEPT_REJECTED: return &preferred[p][1];
		case ARGMAP_ACCEPT_CREDULOUS: return &preferred[p][2];
		default: return NULL;
		}
	}
	switch (st->label[i]) {
	case ARGMAP_LABEL_IN: return &grounded[p][0];
	case ARGMAP_LABEL_OUT: return &grounded[p][1];
	case ARGMAP_LABEL_UNDEC: return &grounded[p][2];
	default: return NULL;
	}
}

void am_status_badge(const am_labels *l, size_t i, am_buf *o)
{
	const am_status_style *s = am_status_node(l, i);

	if (s)
		am_buf_printf(o, "  <FONT COLOR=\"%s\"><B>%s %s</B></FONT>", s->color, s->glyph,
		              s->word);
}

static void tip_line(am_buf *o, const char *s)
{
	if (!s)
		return;
	am_buf_puts(o, "\\n");
	am_rt_esc(o, s);
}

void am_status_node_tip(const am_labels *l, size_t i, am_buf *o)
{
	const argmap_eval_result *st = l->opts->status;

	if (!st || i >= st->n_nodes || st->label[i] == ARGMAP_LABEL_NONE)
		return;
	if (is_preferred(st))
		tip_line(o, st->acceptance_explanation[i]);
	tip_line(o, st->explanation[i]);
}

void am_status_rel_tip(const am_labels *l, size_t r, am_buf *o)
{
	const argmap_eval_result *st = l->opts->status;

	if (!st || r >= st->n_relations)
		return;
	if (is_preferred(st) && st->acceptance_explanation[st->n_nodes + r])
		tip_line(o, st->acceptance_explanation[st->n_nodes + r]);
	tip_line(o, st->explanation[st->n_nodes + r]);
}

void am_status_node_style(const am_status_style *s, const char *base, am_buf *o)
{
	/* a lone "solid" (the print theme's evidence) gives way to the status */
	if (base && *base && strcmp(base, "solid") != 0)
		am_buf_printf(o, "%s,%s", base, s->line);
	else
		am_buf_puts(o, s->line);
}

void am_status_legend(const am_labels *l, am_buf *o, int cols)
{
	const argmap_eval_result *st = l->opts->status;
	const am_status_style *rows;
	int p, pref, k;

	if (!st)
		return;
	p = print_theme(l);
	pref = is_preferred(st);
	rows = pref ? preferred[p] : grounded[p];
	am_buf_printf(o,
	              "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\"><B>%s</B> "
	              "(border and mark; the reason is in each node's tooltip)</FONT></TD></TR>",
	              cols, pref ? "Preferred acceptance" : "Grounded labels");
	for (k = 0; k < 3; k++)
		am_buf_printf(o,
		              "<TR><TD COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"20\" FIXEDSIZE=\"TRUE\" "
		              "BORDER=\"2\" STYLE=\"%s\" COLOR=\"%s\"><FONT POINT-SIZE=\"8\" "
		              "COLOR=\"%s\"><B>%s</B></FONT></TD><TD ALIGN=\"LEFT\"%s><FONT "
		              "POINT-SIZE=\"10\">%s</FONT></TD></TR>",
		              strcmp(rows[k].line, "solid") == 0 ? "rounded" : rows[k].line,
		              rows[k].color, rows[k].color, rows[k].glyph,
		              cols > 3 ? " COLSPAN=\"5\"" : "", legend_text[pref][k]);
}

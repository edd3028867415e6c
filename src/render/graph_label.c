/*
 * graph_label.c - the graph's own label: the title block (title,
 * description, numbered sources, editors), the legend, and the note of a
 * view that leaves things out, laid out as one HTML-like table. Plain
 * strings; user text goes through wrap.c only.
 */
#include <string.h>

#include "render/diffmark.h"
#include "render/labels.h"
#include "render/status.h"
#include "render/wrap.h"

static const char *file_title(const argmap_map *map, const argmap_render_options *o)
{
	const argmap_file *f = argmap_map_file(map, 0);
	const char *slash;

	if (o->title && *o->title)
		return o->title;
	if (f->title && *f->title)
		return f->title;
	slash = strrchr(f->path, '/');
	return slash ? slash + 1 : f->path;
}

/* The title block as a text block (a nested table would be stretched to
 * the legend's height, rows spread apart): title, description, numbered
 * sources, the map's editors and date. Lines are left-aligned by the
 * cell's BALIGN. */
static void title_block(const am_labels *b, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_file *f = argmap_map_file(map, 0);
	int page = b->opts->page != ARGMAP_PAGE_NONE;
	size_t ns = argmap_map_source_count(map), i, k;
	static const char gap[] = "<BR/><FONT POINT-SIZE=\"5\"> </FONT><BR/>";

	am_buf_printf(o, "<FONT POINT-SIZE=\"18\" COLOR=\"%s\"><B>", b->th->title_color);
	am_rt_html_wrapped(o, file_title(map, b->opts), page ? 48 : 56, 4);
	am_buf_puts(o, "</B></FONT>");
	if (b->opts->subtitle && *b->opts->subtitle) {
		am_buf_printf(o, "<BR/><FONT POINT-SIZE=\"13\" COLOR=\"%s\">", b->th->title_color);
		am_rt_html_wrapped(o, b->opts->subtitle, page ? 66 : 76, 2);
		am_buf_puts(o, "</FONT>");
	}
	if (f->description && *f->description) {
		am_buf_puts(o, gap);
		am_buf_puts(o, "<FONT POINT-SIZE=\"10.5\">");
		am_rt_html_wrapped(o, f->description, page ? 84 : 96, 5);
		am_buf_puts(o, "</FONT>");
	}
	/* the sources cited by what is drawn, numbered in order of first
	 * citation: nodes cite them as [k] */
	if (b->n_keys)
		am_buf_puts(o, gap);
	for (k = 1; k <= b->n_keys; k++)
		for (i = 0; i < ns; i++) {
			const argmap_source *s = argmap_map_source(map, i);
			am_buf line = {0};
			if (b->src_key[i] != k)
				continue;
			am_buf_printf(o, "%s<FONT POINT-SIZE=\"%s\">", k > 1 ? "<BR/>" : "",
			              b->n_keys > 8 ? "9" : "10");
			am_buf_printf(&line, "[%zu] ", k);
			am_buf_puts(&line, s->title ? s->title : s->id);
			if (s->n_authors) {
				am_buf_puts(&line, " \xE2\x80\x94 ");
				am_labels_names(&line, map, s->authors, s->n_authors, 4);
			}
			if (s->publisher) {
				am_buf_puts(&line, " \xC2\xB7 ");
				am_buf_puts(&line, s->publisher);
			}
			if (s->date) {
				am_buf_puts(&line, " \xC2\xB7 ");
				am_buf_puts(&line, s->date);
			}
			if (line.data)
				am_rt_html_wrapped(o, line.data, page ? 90 : 104, 3);
			am_buf_free(&line);
			am_buf_puts(o, "</FONT>");
		}
	/* the map's own metadata */
	if (f->n_editors || f->date) {
		am_buf line = {0};
		am_buf_puts(&line, "Map");
		if (f->n_editors) {
			am_buf_puts(&line, " by ");
			for (k = 0; k < f->n_editors; k++)
				am_buf_printf(&line, "%s%s", k ? ", " : "", f->editors[k]);
		}
		if (f->date)
			am_buf_printf(&line, ", dated %s", f->date);
		am_buf_puts(o, gap);
		am_buf_printf(o, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">", b->th->meta_color);
		if (line.data)
			am_rt_html_wrapped(o, line.data, 110, 2);
		am_buf_puts(o, "</FONT>");
		am_buf_free(&line);
	}
}

void am_labels_actor_answer(am_buf *o, const argmap_map *map, const argmap_render_options *opt)
{
	size_t k, a;

	for (k = 0; k < opt->n_actors; k++) {
		const char *name = opt->actors[k];
		if (argmap_map_find(map, opt->actors[k], &a) == ARGMAP_ITEM_ACTOR &&
		    argmap_map_actor(map, a)->name)
			name = argmap_map_actor(map, a)->name;
		if (k)
			am_buf_puts(o, k + 1 == opt->n_actors ? " and " : ", ");
		am_buf_printf(o, "%s\xE2\x80\x99s", name);
	}
	am_buf_puts(o, opt->n_actors > 1 ? " answers" : " answer");
}

/* The footnote of a view that leaves things out. */
static void view_note(const am_labels *b, am_buf *o, int label_cols)
{
	const argmap_render_options *opt = b->opts;
	const am_view *v = b->v;
	am_buf line = {0};

	am_buf_puts(&line, "This view");
	if (opt->actors && opt->n_actors) {
		am_buf_puts(&line, " is ");
		am_labels_actor_answer(&line, b->map, opt);
		am_buf_puts(&line, ": every claim held and every quote, and what directly "
		                   "supports, rebuts or undercuts them");
		if (opt->focus)
			am_buf_puts(&line, ";");
	}
	if (opt->focus && opt->diff) {
		/* argmap diff --changes: a focus on every change, too many to name */
		if (opt->depth == 0)
			am_buf_puts(&line, " shows only what changed");
		else
			am_buf_printf(
			    &line, " shows what changed and what lies within %u relation%s of it",
			    opt->depth, opt->depth == 1 ? "" : "s");
	} else if (opt->focus) {
		/* several ids (--focus repeated) are separated by spaces */
		const char *p = opt->focus;
		am_buf_puts(&line, " is centred on ");
		while (*p) {
			size_t n = strcspn(p, " ");
			if (n)
				am_buf_printf(&line, "%s\xE2\x80\x98%.*s\xE2\x80\x99",
				              p == opt->focus ? "" : ", ", (int)n, p);
			p += n;
			p += strspn(p, " ");
		}
		am_buf_printf(&line, " (%u step%s)", opt->depth, opt->depth == 1 ? "" : "s");
	}
	if (opt->tag)
		am_buf_printf(
		    &line, "%s keeps what is tagged \xE2\x80\x98%s\xE2\x80\x99 and what it needs",
		    opt->focus || opt->n_actors ? ";" : "", opt->tag);
	if (opt->hide_evidence)
		am_buf_printf(&line, "%s leaves out evidence",
		              opt->focus || opt->tag || opt->n_actors ? ";" : "");
	am_buf_printf(&line, ". It shows %zu of %zu nodes (%zu hidden) and %zu of %zu relations.",
	              v->nodes_shown, v->n_nodes, v->n_nodes - v->nodes_shown, v->rels_shown,
	              v->n_rels);
	am_buf_printf(o,
	              "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"%d\"><FONT "
	              "POINT-SIZE=\"10.5\" COLOR=\"%s\"><I>",
	              label_cols, b->th->title_color);
	if (line.data)
		am_rt_html_wrapped(o, line.data, 110, 3);
	am_buf_puts(o, "</I></FONT></TD></TR>");
	am_buf_free(&line);
}

/* Legend items: the three node kinds, then the four relation kinds, then
 * the linked-reason dot; each is two sample cells and a text cell. */
static void legend_item(const am_labels *b, am_buf *o, int item)
{
	const am_theme *th = b->th;
	static const char *node_text[] = {
	    "Question (answers say YES, NO or QUALIFIED)",
	    "Claim \xE2\x80\x94 who holds it \xC2\xB7 [n] source",
	    "Evidence: a quotation \xE2\x80\x94 who \xC2\xB7 [n] where"};
	static const char *node_text_nokeys[] = {
	    "Question (answers say YES, NO or QUALIFIED)",
	    "Claim \xE2\x80\x94 who holds it, and its source",
	    "Evidence: a quotation \xE2\x80\x94 who, and where"};
	/* --notes markers: a box's [n] is its note, and "quote [n]" the
	 * notes that give its quotes (no source keys are drawn) */
	static const char *claim_markers =
	    "Claim \xC2\xB7 [n] its note \xC2\xB7 quote [n]: its quotes' notes";
	/* --labels titles: the box is the claim's title, its note the text */
	static const char *claim_markers_titled =
	    "Claim in short \xC2\xB7 [n] in full \xC2\xB7 quote [n]: its quotes";
	static const char *claim_titled =
	    "Claim in short \xE2\x80\x94 who holds it \xC2\xB7 [n] source";
	int titled = b->opts->labels == ARGMAP_LABELS_TITLES;
	static const char *rel_text[] = {
	    "supports the claim it points at",
	    "rebuts: says the claim is false",
	    "undercuts: denies that a reason supports",
	    "answers the question it points at",
	};

	/* --pages: the legend's sample words at 9 pt (the cover is scaled to
	 * about 93 % on A4 landscape, and no word may be under 8 pt), in
	 * wider samples; 7 pt elsewhere */
	int pg = b->opts->pages, sw = pg ? 64 : 52;

	if (item < 3) {
		const am_node_style *st = &th->node[item];
		const char *text = b->src_key ? node_text[item] : node_text_nokeys[item];
		if (item == 1 && b->opts->notes == ARGMAP_NOTES_MARKERS)
			text = titled ? claim_markers_titled : claim_markers;
		else if (item == 1 && titled && b->opts->notes == ARGMAP_NOTES_ENDNOTES)
			text = claim_titled;
		am_buf_printf(o,
		              "<TD COLSPAN=\"2\" WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" "
		              "BORDER=\"%s\" COLOR=\"%s\" BGCOLOR=\"%s\">"
		              "<FONT POINT-SIZE=\"%d\" COLOR=\"%s\"><B>%s</B></FONT></TD>"
		              "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">%s</FONT></TD>",
		              sw, pg ? 18 : 16, item == 0 ? "2" : "1", st->border, st->fill,
		              pg ? 9 : 7, st->kind_color,
		              am_labels_kind_word((argmap_node_kind)item), text);
	} else if (item < 7) {
		const am_edge_style *es = &th->rel[item - 3];
		am_buf_printf(
		    o,
		    "<TD ALIGN=\"LEFT\" WIDTH=\"%d\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" SIDES=\"B\" "
		    "BORDER=\"2\" COLOR=\"%s\" STYLE=\"%s\"></TD>"
		    "<TD ALIGN=\"LEFT\" WIDTH=\"14\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\"><FONT "
		    "POINT-SIZE=\"11\" COLOR=\"%s\">%s</FONT></TD>"
		    "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">%s</FONT></TD>",
		    sw - 14, es->color, es->dash, es->color, es->glyph, rel_text[item - 3]);
	} else if (item == 8) {
		const am_edge_style *es = &th->editor[0];
		am_buf_printf(
		    o,
		    "<TD ALIGN=\"LEFT\" WIDTH=\"%d\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" SIDES=\"B\" "
		    "BORDER=\"1\" COLOR=\"%s\" STYLE=\"%s\"></TD>"
		    "<TD ALIGN=\"LEFT\" WIDTH=\"22\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\"><FONT "
		    "POINT-SIZE=\"9\" COLOR=\"%s\">%s</FONT></TD>"
		    "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT "
		    "POINT-SIZE=\"10\">editor\xE2\x80\x99s "
		    "link (light, \xE2\x97\x8B at the head): drawn by<BR/>the map\xE2\x80\x99s "
		    "editors, not stated in the source</FONT></TD>",
		    pg ? 42 : 38, es->color, es->dash, es->color, es->glyph);
	} else {
		am_buf_printf(o,
		              "<TD ALIGN=\"CENTER\" COLSPAN=\"2\" WIDTH=\"%d\" HEIGHT=\"16\" "
		              "FIXEDSIZE=\"TRUE\"><FONT POINT-SIZE=\"11\" "
		              "COLOR=\"%s\">\xE2\x97\x8F</FONT></TD>"
		              "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">linked "
		              "premises (boxed) count only together;<BR/>"
		              "an undercut aims at the dot of its reason</FONT></TD>",
		              sw, th->junction_fill);
	}
}

/* 1 if the drawing has an editor's link. */
static int draws_editor_link(const am_labels *b)
{
	const am_view *v = b->legend_v ? b->legend_v : b->v;
	size_t r, m = argmap_map_relation_count(b->map);

	for (r = 0; r < m; r++)
		if (v->rel_on[r] && argmap_map_relation(b->map, r)->basis == ARGMAP_BASIS_EDITOR)
			return 1;
	return 0;
}

/* 1 if legend item `item` (legend_item's numbering) is in the drawing of
 * the legend's view: a node of that kind, a relation of that kind, a
 * junction dot. A view that draws nothing explains everything. */
static int legend_has(const am_labels *b, int item)
{
	const am_view *v = b->legend_v ? b->legend_v : b->v;
	size_t n = argmap_map_node_count(b->map), m = argmap_map_relation_count(b->map), i;

	if (!v->nodes_shown)
		return 1;
	if (item < 3) {
		for (i = 0; i < n; i++)
			if (v->node_on[i] && (int)argmap_map_node(b->map, i)->kind == item)
				return 1;
		return 0;
	}
	for (i = 0; i < m; i++)
		if (v->rel_on[i] &&
		    (item == 7 ? v->junction[i] != 0
		               : (int)argmap_map_relation(b->map, i)->kind == item - 3))
			return 1;
	return 0;
}

/* The legend: one column of items, or (wide) two columns side by side,
 * with only what the drawing has (the editor's-link item 8 included). */
static void legend(const am_labels *b, am_buf *o, int wide)
{
	static const int tall_order[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
	static const int wide_order[] = {0, 3, 1, 4, 2, 5, 7, 6, 8};
	const int *all = wide ? wide_order : tall_order;
	int order[9], k, n = 0;

	for (k = 0; k < 9; k++)
		if (all[k] == 8 ? draws_editor_link(b) : legend_has(b, all[k]))
			order[n++] = all[k];

	am_buf_printf(o,
	              "<TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
	              "CELLPADDING=\"1\" STYLE=\"rounded\">",
	              b->th->group_border);
	am_buf_printf(o,
	              "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>How to "
	              "read this map</B></FONT></TD></TR>",
	              wide ? 7 : 3);
	for (k = 0; k < n; k++) {
		if (!wide || k % 2 == 0)
			am_buf_puts(o, "<TR>");
		else
			am_buf_puts(o, "<TD WIDTH=\"14\"></TD>");
		legend_item(b, o, order[k]);
		if (!wide || k % 2 == 1 || k + 1 == n)
			am_buf_puts(o, "</TR>");
	}
	am_status_legend(b, o, wide ? 7 : 3);
	am_diffmark_legend(b, o, wide ? 7 : 3);
	am_buf_puts(o, "</TABLE>");
}

int am_labels_graph(const am_labels *b, am_buf *o)
{
	const argmap_render_options *opt = b->opts;
	int tb = opt->title_block, lg = opt->legend, vn = b->v->filtered, stack, label_cols;

	if (!tb && !lg && !vn)
		return 0;
	/* Side by side, except on an upright page, where the legend goes
	 * under the title block, two items a row. (Graphviz spreads a cell's
	 * spare width over the columns of a nested table, so the stacked
	 * legend is made about as wide as the title block.) */
	stack = opt->page != ARGMAP_PAGE_NONE && !opt->landscape && tb && lg;
	am_buf_puts(o, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">");
	am_buf_puts(o, "<TR>");
	if (tb) {
		am_buf_puts(o, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">");
		title_block(b, o);
		am_buf_puts(o, stack ? "</TD></TR><TR><TD HEIGHT=\"8\"></TD></TR><TR>"
		                     : "</TD><TD WIDTH=\"36\"></TD>");
	}
	if (lg) {
		am_buf_puts(o, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\">");
		legend(b, o, stack);
		am_buf_puts(o, "</TD>");
	}
	if (!tb && !lg)
		am_buf_puts(o, "<TD></TD>");
	am_buf_puts(o, "</TR>");
	label_cols = !stack && tb && lg ? 3 : 1;
	if (vn) {
		am_buf_printf(o, "<TR><TD HEIGHT=\"10\" COLSPAN=\"%d\"></TD></TR>", label_cols);
		view_note(b, o, label_cols);
	}
	am_buf_printf(o, "<TR><TD HEIGHT=\"14\" COLSPAN=\"%d\"></TD></TR></TABLE>", label_cols);
	return 1;
}

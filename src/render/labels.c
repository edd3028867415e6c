/*
 * labels.c - the text of nodes, groups, junction dots and edges: HTML-like
 * label markup, tooltips, SVG ids and classes, as plain strings. User text
 * goes through escape.c and wrap.c only; nothing here knows Graphviz.
 */
#include <stdlib.h>
#include <string.h>

#include "render/diffmark.h"
#include "render/escape.h"
#include "render/labels.h"
#include "render/status.h"
#include "render/wrap.h"

static const char *kind_word[] = {"QUESTION", "CLAIM", "EVIDENCE"};
static const char *kind_class[] = {"am-question", "am-claim", "am-evidence"};
static const char *rel_class[] = {"am-support", "am-rebut", "am-undercut", "am-answer"};
static const char *stance_word[] = {"", "YES", "NO", "QUALIFIED"};

/* A titled claim's box wraps at this many characters, narrower than a
 * text's 34: a title of about 55 takes 3 short lines, and an expert's
 * handout, whose layouts are too wide rather than too deep, then fits one
 * A4 page at 8 pt (11 of the 16 bundled expert and voice handouts,
 * against 7 with texts, and 9 at 34, one of them under 8 pt). */
#define AM_TITLE_WRAP 24

int am_labels_titled(const argmap_render_options *o, const argmap_node *nd)
{
	return o->labels == ARGMAP_LABELS_TITLES && nd->kind == ARGMAP_NODE_CLAIM && nd->title &&
	       *nd->title;
}

const char *am_labels_box_text(const argmap_render_options *o, const argmap_node *nd)
{
	return am_labels_titled(o, nd) ? nd->title : nd->text;
}

const char *am_labels_kind_word(argmap_node_kind kind)
{
	return kind_word[kind];
}

/* ------------------------------------------------------------ helpers */

static const char *actor_name(const argmap_map *map, const argmap_ref *r)
{
	if (r->kind == ARGMAP_ITEM_ACTOR && r->index < argmap_map_actor_count(map))
		return argmap_map_actor(map, r->index)->name;
	return r->id;
}

static const argmap_source *source_of(const argmap_map *map, const argmap_ref *r)
{
	if (r->kind == ARGMAP_ITEM_SOURCE && r->index < argmap_map_source_count(map))
		return argmap_map_source(map, r->index);
	return NULL;
}

void am_labels_names(am_buf *b, const argmap_map *map, const argmap_ref *refs, size_t n, size_t max)
{
	size_t i, shown = n > max ? max - 1 : n;

	for (i = 0; i < shown; i++) {
		if (i)
			am_buf_puts(b, i + 1 == n ? " and " : ", ");
		am_buf_puts(b, actor_name(map, &refs[i]));
	}
	if (shown < n)
		am_buf_printf(b, " and %zu others", n - shown);
}

void am_labels_source_short(am_buf *b, const argmap_source *s, size_t max_name)
{
	const char *p = s->publisher && *s->publisher ? s->publisher : s->title;
	const char *paren;
	am_buf t = {0};

	if (!p || !*p)
		p = s->id;
	paren = strstr(p, " (");
	if (paren && paren > p)
		am_buf_put(&t, p, (size_t)(paren - p));
	else
		am_buf_puts(&t, p);
	if (t.data)
		am_rt_html_trunc(b, t.data, max_name);
	am_buf_free(&t);
	if (s->date) {
		am_buf_puts(b, ", ");
		am_rt_html_trunc(b, s->date, 20);
	}
}

void am_labels_svg_id(am_buf *b, const char *idp, const char *prefix, const char *id, size_t index)
{
	if (idp)
		am_buf_puts(b, idp);
	if (am_rt_ident_ok(id))
		am_buf_printf(b, "am-%s-%s", prefix, id);
	else
		am_buf_printf(b, "am-%s%zu", prefix, index);
}

/* Appends `sep` (tooltip markup: \\n is Graphviz's line break) and s
 * escaped for a tooltip, when s is set. */
static void tip_part(am_buf *o, const char *sep, const char *s)
{
	if (!s)
		return;
	am_buf_puts(o, sep);
	am_rt_esc(o, s);
}

/* ------------------------------------------------------------ indexes */

/* Numbers the sources that drawn nodes cite, in order of first citation. */
static int number_sources(am_labels *b)
{
	size_t n = argmap_map_node_count(b->map), ns = argmap_map_source_count(b->map), i, k;

	b->src_key = calloc(ns + 1, sizeof *b->src_key);
	if (!b->src_key)
		return -1;
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(b->map, i);
		if (!b->v->node_on[i])
			continue;
		for (k = 0; k < nd->n_sources; k++)
			if (nd->sources[k].kind == ARGMAP_ITEM_SOURCE &&
			    nd->sources[k].index < ns && !b->src_key[nd->sources[k].index])
				b->src_key[nd->sources[k].index] = ++b->n_keys;
	}
	return 0;
}

/* Per node, the drawn answers with a stance that it gives, in relation
 * order, so that stances() does not scan every relation for every node
 * (quadratic: 15 % of a 20,000-claim render). An answer that names a node
 * twice among its premises is listed once for it. */
typedef struct answers_ctx {
	const am_labels *b;
	size_t *last; /* per node: r + 1 once relation r is listed */
} answers_ctx;

static void answer_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	answers_ctx *a = ud;
	const argmap_map *map = a->b->map;
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map), r, k;

	memset(a->last, 0, (n + 1) * sizeof *a->last);
	for (r = 0; r < m; r++) {
		const argmap_relation *rel = argmap_map_relation(map, r);
		if (!a->b->v->rel_on[r] || rel->kind != ARGMAP_REL_ANSWER ||
		    rel->stance == ARGMAP_STANCE_NONE)
			continue;
		for (k = 0; k < rel->n_from; k++) {
			size_t i = rel->from[k].index;
			if (rel->from[k].kind != ARGMAP_ITEM_NODE || i >= n || a->last[i] == r + 1)
				continue;
			a->last[i] = r + 1;
			arc(sink, i, i, r);
		}
	}
}

static int index_answers(am_labels *b)
{
	answers_ctx a;
	int rc;

	a.b = b;
	a.last = malloc((argmap_map_node_count(b->map) + 1) * sizeof *a.last);
	if (!a.last)
		return -1;
	rc = am_graph_build(&b->answers, argmap_map_node_count(b->map), answer_arcs, &a);
	free(a.last);
	return rc;
}

int am_labels_init(am_labels *l, const am_job *job)
{
	memset(l, 0, sizeof *l);
	l->map = job->map;
	l->opts = job->opts;
	l->v = job->view;
	l->legend_v = job->legend_view;
	l->note_no = job->note_no;
	l->th = am_theme_get(job->opts->theme == ARGMAP_THEME_PRINT);
	if (job->src_key) {
		/* a page of several: the whole view's numbering */
		size_t ns = argmap_map_source_count(job->map);
		l->src_key = malloc((ns + 1) * sizeof *l->src_key);
		if (!l->src_key)
			return ARGMAP_ENOMEM;
		memcpy(l->src_key, job->src_key, ns * sizeof *l->src_key);
		l->n_keys = job->n_src_keys;
	}
	if ((!job->src_key && job->opts->title_block && number_sources(l) != 0) ||
	    index_answers(l) != 0 ||
	    (job->note_no &&
	     am_markers_build(&l->markers, job->map, job->view, job->quote_on) != 0)) {
		am_labels_free(l);
		return ARGMAP_ENOMEM;
	}
	return 0;
}

void am_labels_free(am_labels *l)
{
	free(l->src_key);
	am_graph_free(&l->answers);
	am_markers_free(&l->markers);
	l->src_key = NULL;
	l->n_keys = 0;
}

/* ------------------------------------------------------------ nodes */

/* A small label's size: `pt` as it is, or with --pages at least
 * AM_LABELS_PAGES_SMALL_PT, so that at the smallest scale gv_pages.c uses
 * no word of a page is under the minimum text size. */
static const char *small_pt(const am_labels *b, const char *pt)
{
	return b->opts->pages && atof(pt) < AM_LABELS_PAGES_SMALL_PT ? AM_LABELS_PAGES_SMALL_STR
	                                                             : pt;
}

/* The stances of the drawn answers node i gives: " · ANSWER: NO". */
static void stances(const am_labels *b, size_t i, am_buf *o)
{
	size_t k;

	for (k = b->answers.start[i]; k < b->answers.start[i + 1]; k++) {
		const argmap_relation *rel = argmap_map_relation(b->map, b->answers.label[k]);
		am_buf_printf(o, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s<B>%s</B></FONT>",
		              small_pt(b, "8.5"), b->th->stance_color[rel->stance],
		              k > b->answers.start[i] ? ", " : "  \xC2\xB7  ANSWER: ",
		              stance_word[rel->stance]);
	}
}

/* 1 if every holder of nd (or the person it quotes) is one of --actor:
 * in a handout of that actor, their name need not be on each box. */
static int held_by_actors(const am_labels *b, const argmap_node *nd)
{
	size_t k, a;
	const argmap_ref *who = nd->n_by ? nd->by : nd->speaker;
	size_t n_who = nd->n_by ? nd->n_by : 1;

	if (!b->opts->actors || !b->opts->n_actors || !who)
		return 0;
	for (k = 0; k < n_who; k++) {
		int found = 0;
		for (a = 0; a < b->opts->n_actors && !found; a++)
			found = who[k].id && b->opts->actors[a] &&
			        !strcmp(who[k].id, b->opts->actors[a]);
		if (!found)
			return 0;
	}
	return 1;
}

void am_labels_node(const am_labels *b, size_t i, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_node *nd = argmap_map_node(map, i);
	const am_node_style *st = &b->th->node[nd->kind];
	const char *meta = b->th->meta_color;
	size_t width = nd->kind == ARGMAP_NODE_QUESTION ? 40
	               : am_labels_titled(b->opts, nd)  ? AM_TITLE_WRAP
	               : nd->kind == ARGMAP_NODE_CLAIM  ? 34
	                                                : 38;
	/* --pages: claims at the small labels' size, so that at the smallest
	 * scale the claims are at the minimum too (the labels differ by weight,
	 * colour and capitals) */
	const char *size = nd->kind == ARGMAP_NODE_QUESTION ? (b->opts->pages ? "13" : "14")
	                   : nd->kind == ARGMAP_NODE_CLAIM  ? (b->opts->pages ? "11" : "12")
	                                                    : "11";
	size_t he = b->v->hidden_evidence[i], hr = b->v->hidden_rels[i];

	/* One column: the header's two cells are a table of their own, which
	 * Graphviz stretches to the column's width. (COLSPAN would make
	 * Graphviz size every node's table with network simplex: 22 % of a
	 * 1,000-claim render.) */
	am_buf_puts(o, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
	/* header: KIND and the id */
	am_buf_printf(
	    o,
	    "<TR><TD CELLPADDING=\"0\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
	    "CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" "
	    "COLOR=\"%s\"><B>%s</B></FONT>",
	    small_pt(b, "8"), st->kind_color, am_labels_kind_word(nd->kind));
	stances(b, i, o);
	am_status_badge(b, i, o);
	am_diffmark_badge(b, i, o);
	am_buf_puts(o, "</TD><TD ALIGN=\"RIGHT\">");
	/* the id (unless --no-ids) and the endnote number; Graphviz rejects
	 * an empty FONT element */
	if ((!b->opts->hide_ids && nd->id && *nd->id) || (b->note_no && b->note_no[i])) {
		if (!b->opts->hide_ids && nd->id && *nd->id) {
			am_buf_printf(o, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", small_pt(b, "8"),
			              meta);
			am_rt_html_trunc(o, nd->id, 30);
			am_buf_puts(o, "</FONT>");
		}
		if (b->note_no && b->note_no[i])
			am_buf_printf(o, "<FONT POINT-SIZE=\"%s\"><B>%s[%zu]</B></FONT>",
			              small_pt(b, "9"), b->opts->hide_ids ? "" : "  ",
			              b->note_no[i]);
	}
	am_buf_puts(o, "</TD></TR></TABLE></TD></TR>");
	/* the text */
	am_buf_printf(
	    o, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">", size,
	    st->text_color);
	if (nd->kind == ARGMAP_NODE_QUESTION)
		am_buf_puts(o, "<B>");
	if (nd->kind == ARGMAP_NODE_EVIDENCE) {
		am_buf q = {0};
		am_buf_puts(o, "<I>");
		am_buf_printf(&q, "\xE2\x80\x9C%s\xE2\x80\x9D", nd->text ? nd->text : "");
		if (q.data)
			am_rt_html_wrapped(o, q.data, width, 0);
		am_buf_free(&q);
		am_buf_puts(o, "</I>");
	} else if (am_labels_box_text(b->opts, nd) && *am_labels_box_text(b->opts, nd)) {
		am_rt_html_wrapped(o, am_labels_box_text(b->opts, nd), width, 0);
	} else {
		am_buf_puts(o, "(no text)");
	}
	if (nd->kind == ARGMAP_NODE_QUESTION)
		am_buf_puts(o, "</B>");
	am_buf_puts(o, "</FONT></TD></TR>");
	/* who holds it (or who is quoted) and a short citation: "[k] locator"
	 * with the sources listed in the title block, else the source's name */
	{
		am_buf line = {0};
		size_t key = 0;
		const argmap_source *s = nd->n_sources ? source_of(map, &nd->sources[0]) : NULL;
		if ((nd->n_by || nd->speaker) && !(b->markers.start && held_by_actors(b, nd))) {
			am_buf_puts(&line, "\xE2\x80\x94 ");
			if (nd->n_by)
				am_labels_names(&line, map, nd->by, nd->n_by, 4);
			else
				am_buf_puts(&line, actor_name(map, nd->speaker));
		}
		if (s && b->src_key)
			key = b->src_key[nd->sources[0].index];
		/* markers: the claim's endnote has the source and locator */
		if (key && !b->markers.start) {
			am_buf_printf(&line, "%s[%zu]", line.len ? " \xC2\xB7 " : "", key);
			if (nd->n_sources > 1)
				am_buf_printf(&line, " +%zu", nd->n_sources - 1);
			if (nd->locator)
				am_buf_printf(&line, " %s", nd->locator);
		}
		if (b->markers.start && b->markers.start[i + 1] > b->markers.start[i]) {
			/* --notes markers: the numbers of the quotes for this claim */
			size_t q;
			am_buf_printf(&line, "%s%s", line.len ? " \xC2\xB7 " : "",
			              b->markers.start[i + 1] - b->markers.start[i] > 1 ? "quotes"
			                                                                : "quote");
			for (q = b->markers.start[i]; q < b->markers.start[i + 1]; q++)
				if (b->note_no[b->markers.ev[q]])
					am_buf_printf(&line, " [%zu]",
					              b->note_no[b->markers.ev[q]]);
			he = 0;
		}
		if (line.len) {
			am_buf_printf(
			    o, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\">",
			    small_pt(b, "9.5"));
			am_rt_html_wrapped(o, line.data, width + 4, 3);
			am_buf_puts(o, "</FONT></TD></TR>");
		}
		am_buf_free(&line);
		if (nd->n_sources && !key) {
			am_buf_printf(
			    o, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">",
			    small_pt(b, "8.5"), meta);
			if (s)
				am_labels_source_short(o, s, nd->locator ? 24 : 34);
			else
				am_rt_html_trunc(o, nd->sources[0].id, 34);
			if (nd->n_sources > 1)
				am_buf_printf(o, " +%zu", nd->n_sources - 1);
			if (nd->locator) {
				am_buf_puts(o, " \xC2\xB7 ");
				am_rt_html_trunc(o, nd->locator, 30);
			}
			am_buf_puts(o, "</FONT></TD></TR>");
		}
	}
	if (he || hr) {
		am_buf_printf(o,
		              "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" COLOR=\"%s\"><I>not "
		              "shown here: ",
		              small_pt(b, "8.5"), meta);
		if (he)
			am_buf_printf(o, "%zu evidence", he);
		if (hr)
			am_buf_printf(o, "%s%zu relation%s", he ? ", " : "", hr,
			              hr == 1 ? "" : "s");
		am_buf_puts(o, "</I></FONT></TD></TR>");
	}
	am_diffmark_rows(b, i, o);
	am_buf_puts(o, "</TABLE>");
}

void am_labels_node_tooltip(const am_labels *b, size_t i, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_node *nd = argmap_map_node(map, i);
	am_buf t = {0};
	size_t k;

	am_buf_printf(&t, "%s %s: ", argmap_node_kind_name(nd->kind), nd->id ? nd->id : "");
	am_rt_esc(o, t.data ? t.data : "");
	am_buf_free(&t);
	am_rt_esc(o, nd->text ? nd->text : "");
	if (nd->n_by) {
		am_buf_puts(o, "\\n\xE2\x80\x94 held by ");
		am_labels_names(&t, map, nd->by, nd->n_by, 50);
		am_rt_esc(o, t.data ? t.data : "");
		am_buf_free(&t);
	}
	if (nd->speaker) {
		am_buf_puts(o, "\\n\xE2\x80\x94 quoting ");
		am_rt_esc(o, actor_name(map, nd->speaker));
	}
	for (k = 0; k < nd->n_sources; k++) {
		const argmap_source *s = source_of(map, &nd->sources[k]);
		am_buf_puts(o, "\\nSource: ");
		if (!s) {
			am_rt_esc(o, nd->sources[k].id);
			continue;
		}
		am_rt_esc(o, s->title ? s->title : s->id);
		tip_part(o, ", ", s->publisher);
		tip_part(o, ", ", s->date);
		tip_part(o, ", ", s->url);
	}
	tip_part(o, "\\nAt: ", nd->locator);
	tip_part(o, "\\nNote: ", nd->note);
	am_status_node_tip(b, i, o);
	am_diffmark_node_tip(b, i, o);
}

void am_labels_node_class(const am_labels *b, size_t i, am_buf *o)
{
	const argmap_node *nd = argmap_map_node(b->map, i);
	size_t k;

	am_buf_printf(o, "am-node %s", kind_class[nd->kind]);
	for (k = 0; k < nd->n_tags; k++)
		if (am_rt_ident_ok(nd->tags[k]))
			am_buf_printf(o, " am-tag-%s", nd->tags[k]);
	if (!b->opts->diff && (b->v->focus_on ? b->v->focus_on[i] : b->v->focus == i))
		am_buf_puts(o, " am-focus");
	if (am_status_node(b, i))
		am_buf_printf(o, " %s", am_status_node(b, i)->css);
	am_diffmark_node_class(b, i, o);
}

/* ------------------------------------------------------------ groups */

void am_labels_group(const am_labels *b, size_t key, am_buf *o)
{
	am_buf_puts(o, "<FONT POINT-SIZE=\"13\"><B>");
	if (b->opts->group_by == ARGMAP_GROUP_SOURCE) {
		const argmap_source *s = argmap_map_source(b->map, key);
		am_rt_html_wrapped(o, s->title ? s->title : s->id, 60, 3);
		am_buf_puts(o, "</B></FONT>");
		if (s->publisher || s->date) {
			am_buf_printf(o, "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">",
			              b->th->meta_color);
			am_labels_source_short(o, s, 60);
			am_buf_puts(o, "</FONT>");
		}
	} else {
		const argmap_actor *a = argmap_map_actor(b->map, key);
		am_rt_html_wrapped(o, a->name ? a->name : a->id, 60, 2);
		am_buf_puts(o, "</B></FONT>");
		if (a->affiliation || a->role) {
			am_buf_printf(o, "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">",
			              b->th->meta_color);
			am_rt_html_trunc(o, a->affiliation ? a->affiliation : a->role, 60);
			am_buf_puts(o, "</FONT>");
		}
	}
}

void am_labels_group_class(const am_labels *b, am_buf *o)
{
	am_buf_printf(o, "am-group am-group-%s",
	              b->opts->group_by == ARGMAP_GROUP_SOURCE ? "source" : "actor");
}

/* ------------------------------------------------------------ relations */

void am_labels_junction_class(const am_labels *b, size_t r, am_buf *o)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);

	am_buf_printf(o, "am-junction %s", rel_class[rel->kind]);
	if (rel->basis == ARGMAP_BASIS_EDITOR)
		am_buf_puts(o, " am-editor");
}

void am_labels_junction_tooltip(const am_labels *b, size_t r, am_buf *o)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);
	am_buf t = {0};

	am_buf_printf(&t, "%s%s%s", argmap_relation_kind_name(rel->kind), rel->id ? " " : "",
	              rel->id ? rel->id : "");
	am_rt_esc(o, t.data ? t.data : "");
	am_buf_free(&t);
	am_buf_puts(o, b->v->drawn_from[r] > 1 ? ": linked premises, which count only together"
	                                       : ": the inference an undercut attacks");
}

void am_labels_rel_tooltip(const am_labels *b, size_t rel_index, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_relation *r = argmap_map_relation(map, rel_index);
	am_buf t = {0};
	size_t k;

	am_buf_printf(&t, "%s%s%s: ", argmap_relation_kind_name(r->kind), r->id ? " " : "",
	              r->id ? r->id : "");
	for (k = 0; k < r->n_from; k++)
		am_buf_printf(&t, "%s%s", k ? " + " : "", r->from[k].id);
	am_buf_printf(&t, " \xE2\x86\x92 %s", r->to.id ? r->to.id : "?");
	if (r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE)
		am_buf_printf(&t, " (%s)", argmap_stance_name(r->stance));
	if (r->basis == ARGMAP_BASIS_EDITOR)
		am_buf_puts(
		    &t,
		    ", editor's link (the map's editors draw it; the source does not state it)");
	if (r->n_by) {
		am_buf_puts(&t, ", by ");
		am_labels_names(&t, map, r->by, r->n_by, 20);
	}
	am_rt_esc(o, t.data ? t.data : "");
	am_buf_free(&t);
	tip_part(o, "\\nNote: ", r->note);
	am_status_rel_tip(b, rel_index, o);
	am_diffmark_rel_tip(b, rel_index, o);
}

void am_labels_rel_class(const am_labels *b, size_t r, int premise, am_buf *o)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);

	am_buf_printf(o, "am-rel %s%s", rel_class[rel->kind], premise ? " am-premise" : "");
	if (rel->kind == ARGMAP_REL_ANSWER && rel->stance != ARGMAP_STANCE_NONE)
		am_buf_printf(o, " am-stance-%s", argmap_stance_name(rel->stance));
	if (rel->basis == ARGMAP_BASIS_EDITOR)
		am_buf_puts(o, " am-editor");
	am_diffmark_rel_class(b, r, o);
}

/* Appends words[from..to) of s percent-encoded for a text fragment: only
 * [A-Za-z0-9._~] stay (a '-' or ',' would be the directive's syntax),
 * spaces between words as %20. */
static void fragment_words(am_buf *o, const char *s, size_t from, size_t to)
{
	size_t w = 0;
	int in = 0, sep = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
		if (space) {
			if (in)
				w++;
			in = 0;
			continue;
		}
		if (!in && w >= from && w < to && sep)
			am_buf_puts(o, "%20");
		in = 1;
		if (w < from || w >= to)
			continue;
		sep = 1;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '~')
			am_buf_putc(o, (char)c);
		else
			am_buf_printf(o, "%%%02X", c);
	}
}

/* A text fragment (#:~:text=) that lands on the quote in its source: the
 * whole quote up to 8 words, else its first 5 and last 3 words. */
static void text_fragment(am_buf *o, const char *quote)
{
	size_t words = 0;
	const char *s;
	int in = 0;

	for (s = quote; *s; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
		if (!space && !in)
			words++;
		in = !space;
	}
	if (!words)
		return;
	am_buf_puts(o, "#:~:text=");
	if (words <= 8) {
		fragment_words(o, quote, 0, words);
		return;
	}
	fragment_words(o, quote, 0, 5);
	am_buf_putc(o, ',');
	fragment_words(o, quote, words - 3, words);
}

int am_labels_node_url(const am_labels *b, size_t i, am_buf *o)
{
	const argmap_node *nd = argmap_map_node(b->map, i);
	const argmap_source *src;

	if (nd->kind != ARGMAP_NODE_EVIDENCE || !nd->n_sources ||
	    b->opts->format != ARGMAP_RENDER_SVG)
		return 0;
	src = source_of(b->map, &nd->sources[0]);
	if (!src || !am_rt_url(o, src->url))
		return 0;
	if (nd->text && !strchr(src->url, '#'))
		text_fragment(o, nd->text);
	return 1;
}

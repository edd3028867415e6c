/*
 * graph.c - the model and its view as a cgraph graph: nodes, junction dots,
 * edges, clusters, the title block and the legend. The graph is built with
 * the cgraph API only; user text reaches it only as HTML-like labels
 * (am_rt_html) and tooltips (am_rt_esc), never as a name, id, class or URL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gv_internal.h"

/* One family for layout and PDF/PNG: a list of fallbacks here would make
 * pango match fonts for every text span (measured: 10-30 % of layout time).
 * SVG gets the fallbacks from a style sheet (gv.c). */
#define FONT "DejaVu Sans"

/* Above this many drawn nodes, linked premises are joined at their dot but
 * not boxed: every box is a dot cluster, laid out on its own. */
#define MAX_NODES_FOR_BOXES 600

/* From am_render_fast_min drawn nodes on (and without --group-by), argmap
 * places the nodes itself (fastlayout.c) and Graphviz's nop engine draws
 * them. Maps that large are posters either way (a generated 1,000-claim
 * map has 1,290 nodes and comes out over 100,000 pt wide from both); dot
 * takes twice as long there (bench/results.md), and the curated maps have
 * 100-150 nodes, far below. */
size_t am_render_fast_min = 1000;

/* Layout bounds by size (nodes + edges). dot's network simplex and mincross
 * are bounded everywhere (facts note 2.5: dense graphs explode otherwise);
 * huge maps get straight-line edges, which route in linear time. */
static const am_layout_tier tiers[] = {
	{600, "30", "30", "1.0", "30", "true", "true"},
	{3000, "4", "4", "0.4", "20", "true", "true"},
	{12000, "1", "1", "0.1", "10", "polyline", "false"},
	{(size_t)-1, "0.5", "0.5", "0.05", "5", "line", "false"},
};

const am_layout_tier *am_layout_tier_for(size_t elems)
{
	size_t i;

	for (i = 0; elems > tiers[i].max_elems; i++)
		;
	return &tiers[i];
}

void am_set_html(Agraph_t *g, void *obj, const char *name, const char *html)
{
	char *h = agstrdup_html(g, am_s(html));

	agsafeset(obj, am_s(name), h, am_s(""));
	agstrfree(g, h);
}

typedef struct gb {
	Agraph_t *g;
	const am_job *job;
	const argmap_map *map;
	const am_view *v;
	const am_theme *th;
	Agnode_t **node;   /* per map node, NULL if not drawn */
	Agnode_t **junc;   /* per relation, NULL if no junction */
	size_t *group;     /* per node: group index + 1, 0 = none */
	Agraph_t **groups; /* per group index */
	size_t n_groups;
	unsigned char *in_linked; /* per node: already inside a linked-reason box */
	size_t *anchored;  /* per node: drawn supports/answers it is a premise of */
	size_t *src_key;   /* per source: its number in the title block, 0 = none;
	                      NULL without a title block */
	size_t n_keys;
	size_t *ans_start; /* per node i: its drawn answers with a stance are */
	size_t *ans_rel;   /* ans_rel[ans_start[i] .. ans_start[i + 1]) */
	int label_cols;    /* columns of the graph label's outer table */
	am_buf a, b;       /* scratch */
	int failed;
} gb;

static const char *kind_word[] = {"QUESTION", "CLAIM", "EVIDENCE"};
static const char *kind_class[] = {"am-question", "am-claim", "am-evidence"};
static const char *rel_class[] = {"am-support", "am-rebut", "am-undercut", "am-answer"};
static const char *stance_word[] = {"", "YES", "NO", "QUALIFIED"};

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

/* "A, B and C" or "A, B, C and 4 others" as plain text (not escaped). */
static void names(am_buf *b, const argmap_map *map, const argmap_ref *refs, size_t n, size_t max)
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

/* The short name of a source: its publisher up to " (", else its title,
 * cut to max_name characters, then its date. HTML-escaped. */
static void source_short(am_buf *b, const argmap_source *s, size_t max_name)
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

/* Node and relation ids for SVG: am-n-<id> when the map id is safe for CSS,
 * else am-n<index>. Prefixes keep every kind of id apart. */
static void svg_id(am_buf *b, const char *prefix, const char *id, size_t index)
{
	if (am_rt_ident_ok(id))
		am_buf_printf(b, "am-%s-%s", prefix, id);
	else
		am_buf_printf(b, "am-%s%zu", prefix, index);
}

static char *take(gb *b, am_buf *buf)
{
	char *s = am_buf_detach(buf);
	if (!s)
		b->failed = 1;
	return s;
}

/* ------------------------------------------------------------ nodes */

/* Indexes, per node, the drawn answers with a stance that it gives, in
 * relation order, so that stances() does not scan every relation for
 * every node (quadratic: 15 % of a 20,000-claim render). */
static void index_answers(gb *b)
{
	size_t n = argmap_map_node_count(b->map), m = argmap_map_relation_count(b->map), r, k;
	size_t *last = calloc(n + 1, sizeof *last), total = 0;
	int pass;

	b->ans_start = calloc(n + 2, sizeof *b->ans_start);
	if (!last || !b->ans_start) {
		free(last);
		b->failed = 1;
		return;
	}
	/* pass 0 counts into ans_start[i + 1]; pass 1 fills, ans_start[i]
	 * being node i's next free slot; last[i] = r + 1 once r is listed */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			size_t i;
			for (i = 0; i < n; i++)
				b->ans_start[i + 1] += b->ans_start[i];
			total = b->ans_start[n];
			b->ans_rel = malloc((total + 1) * sizeof *b->ans_rel);
			if (!b->ans_rel) {
				b->failed = 1;
				break;
			}
			memset(last, 0, (n + 1) * sizeof *last);
		}
		for (r = 0; r < m; r++) {
			const argmap_relation *rel = argmap_map_relation(b->map, r);
			if (!b->v->rel_on[r] || rel->kind != ARGMAP_REL_ANSWER ||
			    rel->stance == ARGMAP_STANCE_NONE)
				continue;
			for (k = 0; k < rel->n_from; k++) {
				size_t i = rel->from[k].index;
				if (rel->from[k].kind != ARGMAP_ITEM_NODE || i >= n || last[i] == r + 1)
					continue;
				last[i] = r + 1;
				if (pass == 0)
					b->ans_start[i + 1]++;
				else
					b->ans_rel[b->ans_start[i]++] = r;
			}
		}
	}
	/* filling moved each start to the next node's: shift back */
	if (!b->failed) {
		for (r = n; r > 0; r--)
			b->ans_start[r] = b->ans_start[r - 1];
		b->ans_start[0] = 0;
	}
	free(last);
}

/* The stances of the drawn answers node i gives: " · ANSWER: NO". */
static void stances(gb *b, size_t i, am_buf *o)
{
	size_t k;

	for (k = b->ans_start[i]; k < b->ans_start[i + 1]; k++) {
		const argmap_relation *rel = argmap_map_relation(b->map, b->ans_rel[k]);
		am_buf_printf(o, "<FONT POINT-SIZE=\"8.5\" COLOR=\"%s\">%s<B>%s</B></FONT>",
		              b->th->stance_color[rel->stance],
		              k > b->ans_start[i] ? ", " : "  \xC2\xB7  ANSWER: ", stance_word[rel->stance]);
	}
}

static void node_label(gb *b, size_t i, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_node *nd = argmap_map_node(map, i);
	const am_node_style *st = &b->th->node[nd->kind];
	const char *meta = b->th->meta_color;
	size_t width = nd->kind == ARGMAP_NODE_QUESTION ? 40 : nd->kind == ARGMAP_NODE_CLAIM ? 34 : 38;
	const char *size = nd->kind == ARGMAP_NODE_QUESTION ? "14" : nd->kind == ARGMAP_NODE_CLAIM ? "12" : "11";
	size_t he = b->v->hidden_evidence[i], hr = b->v->hidden_rels[i];

	/* One column: the header's two cells are a table of their own, which
	 * Graphviz stretches to the column's width. (COLSPAN would make
	 * Graphviz size every node's table with network simplex: 22 % of a
	 * 1,000-claim render.) */
	am_buf_puts(o, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
	/* header: KIND and the id */
	am_buf_printf(o, "<TR><TD CELLPADDING=\"0\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
	                 "CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"%s\"><B>%s</B></FONT>",
	              st->kind_color, kind_word[nd->kind]);
	stances(b, i, o);
	am_buf_printf(o, "</TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"8\" COLOR=\"%s\">", meta);
	am_rt_html_trunc(o, nd->id ? nd->id : "", 30);
	am_buf_puts(o, "</FONT></TD></TR></TABLE></TD></TR>");
	/* the text */
	am_buf_printf(o, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"%s\" COLOR=\"%s\">",
	              size, st->text_color);
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
	} else if (nd->text && *nd->text) {
		am_rt_html_wrapped(o, nd->text, width, 0);
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
		if (nd->n_by || nd->speaker) {
			am_buf_puts(&line, "\xE2\x80\x94 ");
			if (nd->n_by)
				names(&line, map, nd->by, nd->n_by, 4);
			else
				am_buf_puts(&line, actor_name(map, nd->speaker));
		}
		if (s && b->src_key)
			key = b->src_key[nd->sources[0].index];
		if (key) {
			am_buf_printf(&line, "%s[%zu]", line.len ? " \xC2\xB7 " : "", key);
			if (nd->n_sources > 1)
				am_buf_printf(&line, " +%zu", nd->n_sources - 1);
			if (nd->locator)
				am_buf_printf(&line, " %s", nd->locator);
		}
		if (line.len) {
			am_buf_puts(o, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9.5\">");
			am_rt_html_wrapped(o, line.data, width + 4, 3);
			am_buf_puts(o, "</FONT></TD></TR>");
		}
		am_buf_free(&line);
		if (nd->n_sources && !key) {
			am_buf_printf(o, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\">", meta);
			if (s)
				source_short(o, s, nd->locator ? 24 : 34);
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
		am_buf_printf(o, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8.5\" COLOR=\"%s\"><I>not shown here: ", meta);
		if (he)
			am_buf_printf(o, "%zu evidence", he);
		if (hr)
			am_buf_printf(o, "%s%zu relation%s", he ? ", " : "", hr, hr == 1 ? "" : "s");
		am_buf_puts(o, "</I></FONT></TD></TR>");
	}
	am_buf_puts(o, "</TABLE>");
}

static void node_tooltip(gb *b, size_t i, am_buf *o)
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
		names(&t, map, nd->by, nd->n_by, 50);
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
		if (s->publisher) {
			am_buf_puts(o, ", ");
			am_rt_esc(o, s->publisher);
		}
		if (s->date) {
			am_buf_puts(o, ", ");
			am_rt_esc(o, s->date);
		}
		if (s->url) {
			am_buf_puts(o, ", ");
			am_rt_esc(o, s->url);
		}
	}
	if (nd->locator) {
		am_buf_puts(o, "\\nAt: ");
		am_rt_esc(o, nd->locator);
	}
	if (nd->note) {
		am_buf_puts(o, "\\nNote: ");
		am_rt_esc(o, nd->note);
	}
}

static void node_class(gb *b, size_t i, am_buf *o)
{
	const argmap_node *nd = argmap_map_node(b->map, i);
	size_t k;

	am_buf_printf(o, "am-node %s", kind_class[nd->kind]);
	for (k = 0; k < nd->n_tags; k++)
		if (am_rt_ident_ok(nd->tags[k]))
			am_buf_printf(o, " am-tag-%s", nd->tags[k]);
	if (b->v->focus == i)
		am_buf_puts(o, " am-focus");
}

/* The group (cluster) a node belongs to, as an index into a lazily built
 * list keyed by source or actor index; 0 when none. */
static size_t group_key(gb *b, size_t i, size_t *key)
{
	const argmap_node *nd = argmap_map_node(b->map, i);
	const argmap_ref *r = NULL;
	argmap_item_kind want;

	if (b->job->opts->group_by == ARGMAP_GROUP_SOURCE) {
		want = ARGMAP_ITEM_SOURCE;
		if (nd->n_sources)
			r = &nd->sources[0];
	} else {
		want = ARGMAP_ITEM_ACTOR;
		if (nd->n_by)
			r = &nd->by[0];
		else if (nd->speaker)
			r = nd->speaker;
	}
	if (!r || r->kind != want || r->index == ARGMAP_NONE)
		return 0;
	*key = r->index;
	return 1;
}

static Agraph_t *group_graph(gb *b, size_t i)
{
	size_t key;
	Agraph_t *sg;
	char name[64];

	if (b->job->opts->group_by == ARGMAP_GROUP_NONE || !group_key(b, i, &key))
		return NULL;
	/* groups[] is indexed by source/actor index */
	if (b->groups[key])
		return b->groups[key];
	snprintf(name, sizeof name, "cluster_g%zu", key);
	sg = agsubg(b->g, name, 1);
	if (!sg) {
		b->failed = 1;
		return NULL;
	}
	b->groups[key] = sg;
	snprintf(name, sizeof name, "am-group-%zu", key);
	am_set(sg, "id", name); /* unique: subgraphs inherit the root's id */
	am_buf_puts(&b->a, "<FONT POINT-SIZE=\"13\"><B>");
	if (b->job->opts->group_by == ARGMAP_GROUP_SOURCE) {
		const argmap_source *s = argmap_map_source(b->map, key);
		am_rt_html_wrapped(&b->a, s->title ? s->title : s->id, 60, 3);
		am_buf_puts(&b->a, "</B></FONT>");
		if (s->publisher || s->date) {
			am_buf_printf(&b->a, "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">", b->th->meta_color);
			source_short(&b->a, s, 60);
			am_buf_puts(&b->a, "</FONT>");
		}
	} else {
		const argmap_actor *a = argmap_map_actor(b->map, key);
		am_rt_html_wrapped(&b->a, a->name ? a->name : a->id, 60, 2);
		am_buf_puts(&b->a, "</B></FONT>");
		if (a->affiliation || a->role) {
			am_buf_printf(&b->a, "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"%s\">", b->th->meta_color);
			am_rt_html_trunc(&b->a, a->affiliation ? a->affiliation : a->role, 60);
			am_buf_puts(&b->a, "</FONT>");
		}
	}
	if (b->a.data)
		am_set_html(b->g, sg, "label", b->a.data);
	am_buf_free(&b->a);
	am_set(sg, "style", "rounded,filled");
	am_set(sg, "color", b->th->group_border);
	am_set(sg, "fillcolor", b->th->group_fill);
	am_set(sg, "penwidth", "1.2");
	am_set(sg, "labeljust", "l");
	am_set(sg, "margin", "12");
	am_buf_printf(&b->a, "am-group am-group-%s",
	              b->job->opts->group_by == ARGMAP_GROUP_SOURCE ? "source" : "actor");
	if (b->a.data)
		am_set(sg, "class", b->a.data);
	am_buf_free(&b->a);
	return sg;
}

static void add_nodes(gb *b)
{
	size_t n = argmap_map_node_count(b->map), i;
	char name[48];

	for (i = 0; i < n && !b->failed; i++) {
		const argmap_node *nd;
		const am_node_style *st;
		Agraph_t *sg;
		Agnode_t *v;
		char *s;

		if (!b->v->node_on[i])
			continue;
		nd = argmap_map_node(b->map, i);
		st = &b->th->node[nd->kind];
		snprintf(name, sizeof name, "n%zu", i);
		v = agnode(b->g, name, 1);
		if (!v) {
			b->failed = 1;
			return;
		}
		b->node[i] = v;
		sg = group_graph(b, i);
		if (sg)
			agsubnode(sg, v, 1);

		node_label(b, i, &b->a);
		if ((s = take(b, &b->a)) != NULL) {
			am_set_html(b->g, v, "label", s);
			free(s);
		}
		if (st->style[0])
			am_set(v, "style", st->style);
		am_set(v, "fillcolor", st->fill);
		am_set(v, "color", st->border);
		am_set(v, "penwidth", st->penwidth);
		if (strcmp(st->peripheries, "1") != 0)
			am_set(v, "peripheries", st->peripheries);
		if (b->v->focus == i)
			am_set(v, "penwidth", "3.2");

		node_tooltip(b, i, &b->a);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "tooltip", s);
			free(s);
		}
		svg_id(&b->a, "n", nd->id, i);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "id", s);
			free(s);
		}
		node_class(b, i, &b->a);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "class", s);
			free(s);
		}
		if (nd->kind == ARGMAP_NODE_EVIDENCE && nd->n_sources &&
		    b->job->opts->format == ARGMAP_RENDER_SVG) {
			const argmap_source *src = source_of(b->map, &nd->sources[0]);
			if (src && am_rt_url(&b->a, src->url) && (s = take(b, &b->a)) != NULL) {
				am_set(v, "URL", s);
				am_set(v, "target", "_blank");
				free(s);
			}
			am_buf_free(&b->a);
		}
	}
}

/* ------------------------------------------------------------ relations */

static Agnode_t *junction(gb *b, size_t r)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);
	const am_edge_style *es = &b->th->rel[rel->kind];
	char name[48];
	Agnode_t *j;
	char *s;

	if (b->junc[r])
		return b->junc[r];
	snprintf(name, sizeof name, "j%zu", r);
	j = agnode(b->g, name, 1);
	if (!j) {
		b->failed = 1;
		return NULL;
	}
	b->junc[r] = j;
	am_set(j, "shape", "circle");
	am_set(j, "style", "filled");
	am_set(j, "width", "0.13");
	am_set(j, "height", "0.13");
	am_set(j, "fixedsize", "true");
	am_set(j, "label", "");
	am_set(j, "fillcolor", es->color);
	am_set(j, "color", es->color);
	am_set(j, "penwidth", "1");
	svg_id(&b->a, "j", rel->id, r);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(j, "id", s);
		free(s);
	}
	am_buf_printf(&b->a, "am-junction %s", rel_class[rel->kind]);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(j, "class", s);
		free(s);
	}
	am_buf_printf(&b->a, "%s%s%s", argmap_relation_kind_name(rel->kind), rel->id ? " " : "",
	              rel->id ? rel->id : "");
	am_rt_esc(&b->b, b->a.data ? b->a.data : "");
	am_buf_free(&b->a);
	am_buf_puts(&b->b, b->v->drawn_from[r] > 1 ? ": linked premises, which count only together"
	                                           : ": the inference an undercut attacks");
	if ((s = take(b, &b->b)) != NULL) {
		am_set(j, "tooltip", s);
		free(s);
	}
	return j;
}

static void rel_tooltip(gb *b, const argmap_relation *r, am_buf *o)
{
	const argmap_map *map = b->map;
	am_buf t = {0};
	size_t k;

	am_buf_printf(&t, "%s%s%s: ", argmap_relation_kind_name(r->kind), r->id ? " " : "",
	              r->id ? r->id : "");
	for (k = 0; k < r->n_from; k++)
		am_buf_printf(&t, "%s%s", k ? " + " : "", r->from[k].id);
	am_buf_printf(&t, " \xE2\x86\x92 %s", r->to.id ? r->to.id : "?");
	if (r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE)
		am_buf_printf(&t, " (%s)", argmap_stance_name(r->stance));
	if (r->n_by) {
		am_buf_puts(&t, ", by ");
		names(&t, map, r->by, r->n_by, 20);
	}
	am_rt_esc(o, t.data ? t.data : "");
	am_buf_free(&t);
	if (r->note) {
		am_buf_puts(o, "\\nNote: ");
		am_rt_esc(o, r->note);
	}
}

static void style_edge(gb *b, Agedge_t *e, const am_edge_style *es, int head)
{
	am_set(e, "color", es->color);
	am_set(e, "style", es->style);
	am_set(e, "penwidth", es->penwidth);
	if (head) {
		am_set(e, "dir", "back");
		am_set(e, "arrowtail", es->arrow);
		am_set(e, "arrowsize", es->arrowsize);
	} else {
		am_set(e, "dir", "none");
	}
	(void)b;
}

static void edge_attrs(gb *b, Agedge_t *e, size_t r, const char *tip, int part, int premise)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);
	char *s;

	svg_id(&b->a, part ? "p" : "r", rel->id, r);
	if (part)
		am_buf_printf(&b->a, "-%d", part);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(e, "id", s);
		free(s);
	}
	am_buf_printf(&b->a, "am-rel %s%s", rel_class[rel->kind], premise ? " am-premise" : "");
	if (rel->kind == ARGMAP_REL_ANSWER && rel->stance != ARGMAP_STANCE_NONE)
		am_buf_printf(&b->a, " am-stance-%s", argmap_stance_name(rel->stance));
	if ((s = take(b, &b->a)) != NULL) {
		am_set(e, "class", s);
		free(s);
	}
	if (tip)
		am_set(e, "tooltip", tip);
}

/* Puts the drawn premises of a linked reason in one box, when they share
 * a group (or there are no groups) and none is boxed already. */
static void linked_box(gb *b, size_t r)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);
	Agraph_t *parent = NULL, *sg;
	size_t k, idx;
	int first = 1;
	char name[48];

	for (k = 0; k < rel->n_from; k++) {
		Agraph_t *gr;
		if (rel->from[k].kind != ARGMAP_ITEM_NODE || rel->from[k].index == ARGMAP_NONE)
			continue;
		idx = rel->from[k].index;
		if (!b->node[idx])
			continue;
		if (b->in_linked[idx])
			return;
		gr = group_graph(b, idx);
		if (first)
			parent = gr;
		else if (gr != parent)
			return;
		first = 0;
	}
	snprintf(name, sizeof name, "cluster_l%zu", r);
	sg = agsubg(parent ? parent : b->g, name, 1);
	if (!sg) {
		b->failed = 1;
		return;
	}
	snprintf(name, sizeof name, "am-linked-%zu", r);
	am_set(sg, "id", name); /* unique: subgraphs inherit the root's id */
	am_set(sg, "style", "rounded,filled");
	am_set(sg, "color", b->th->linked_border);
	am_set(sg, "fillcolor", b->th->linked_fill);
	am_set(sg, "tooltip", "linked premises: they support or attack only together");
	am_set(sg, "penwidth", "1.2");
	am_set(sg, "margin", "6");
	am_set(sg, "label", "");
	am_set(sg, "class", "am-linked");
	for (k = 0; k < rel->n_from; k++) {
		if (rel->from[k].kind != ARGMAP_ITEM_NODE || rel->from[k].index == ARGMAP_NONE)
			continue;
		idx = rel->from[k].index;
		if (!b->node[idx])
			continue;
		agsubnode(sg, b->node[idx], 1);
		b->in_linked[idx] = 1;
	}
}

static void add_relations(gb *b)
{
	size_t m = argmap_map_relation_count(b->map), r, pass;

	/* Attacks between premises that already have their place in the
	 * top-down reading (they support or answer something) do not pull the
	 * layout: they are drawn across it (constraint=false). An attacker
	 * that only attacks still sits below what it attacks. */
	for (r = 0; r < m; r++) {
		const argmap_relation *rel = argmap_map_relation(b->map, r);
		size_t k;
		if (!b->v->rel_on[r] || (rel->kind != ARGMAP_REL_SUPPORT && rel->kind != ARGMAP_REL_ANSWER))
			continue;
		for (k = 0; k < rel->n_from; k++)
			if (rel->from[k].kind == ARGMAP_ITEM_NODE && rel->from[k].index != ARGMAP_NONE)
				b->anchored[rel->from[k].index]++;
	}
	/* junctions of undercut supports first, so undercuts can aim at them */
	for (r = 0; r < m && !b->failed; r++)
		if (b->v->rel_on[r] && b->v->junction[r])
			junction(b, r);
	for (pass = 0; pass < 2; pass++)
		for (r = 0; r < m && !b->failed; r++) {
			const argmap_relation *rel = argmap_map_relation(b->map, r);
			const am_edge_style *es = &b->th->rel[rel->kind];
			Agnode_t *to = NULL, *j = NULL;
			Agedge_t *e;
			char *tip;
			size_t k;
			int part = 0, cross;

			if (!b->v->rel_on[r] || (rel->kind == ARGMAP_REL_UNDERCUT) != (pass == 1))
				continue;
			if (rel->kind == ARGMAP_REL_UNDERCUT)
				to = b->junc[rel->to.index];
			else if (rel->to.kind == ARGMAP_ITEM_NODE)
				to = b->node[rel->to.index];
			if (!to)
				continue;
			rel_tooltip(b, rel, &b->b);
			tip = take(b, &b->b);
			cross = 0;
			if (rel->kind == ARGMAP_REL_REBUT || rel->kind == ARGMAP_REL_UNDERCUT) {
				cross = 1;
				for (k = 0; k < rel->n_from; k++)
					if (rel->from[k].kind == ARGMAP_ITEM_NODE &&
					    rel->from[k].index != ARGMAP_NONE && b->node[rel->from[k].index] &&
					    !b->anchored[rel->from[k].index])
						cross = 0;
			}
			if (b->v->junction[r]) {
				j = b->junc[r];
				e = agedge(b->g, to, j, NULL, 1);
				if (!e) {
					b->failed = 1;
					free(tip);
					return;
				}
				style_edge(b, e, es, 1);
				edge_attrs(b, e, r, tip, 0, 0);
				if (cross)
					am_set(e, "constraint", "false");
				if (b->v->drawn_from[r] > 1 && b->v->nodes_shown <= MAX_NODES_FOR_BOXES)
					linked_box(b, r);
			}
			for (k = 0; k < rel->n_from; k++) {
				Agnode_t *p;
				if (rel->from[k].kind != ARGMAP_ITEM_NODE || rel->from[k].index == ARGMAP_NONE)
					continue;
				p = b->node[rel->from[k].index];
				if (!p)
					continue;
				e = agedge(b->g, j ? j : to, p, NULL, 1);
				if (!e) {
					b->failed = 1;
					break;
				}
				style_edge(b, e, es, j == NULL);
				edge_attrs(b, e, r, tip, j ? ++part : 0, j != NULL);
				if (cross)
					am_set(e, "constraint", "false");
			}
			free(tip);
		}
}

/* ------------------------------------------------- title block, legend */

static const char *file_title(const argmap_map *map)
{
	const argmap_file *f = argmap_map_file(map, 0);
	const char *slash;

	if (f->title && *f->title)
		return f->title;
	slash = strrchr(f->path, '/');
	return slash ? slash + 1 : f->path;
}

/* The title block as a text block (a nested table would be stretched to
 * the legend's height, rows spread apart): title, description, numbered
 * sources, the map's editors and date. Lines are left-aligned by the
 * cell's BALIGN. */
static void title_block(gb *b, am_buf *o)
{
	const argmap_map *map = b->map;
	const argmap_file *f = argmap_map_file(map, 0);
	int page = b->job->opts->page != ARGMAP_PAGE_NONE;
	size_t ns = argmap_map_source_count(map), i, k;
	static const char gap[] = "<BR/><FONT POINT-SIZE=\"5\"> </FONT><BR/>";

	am_buf_printf(o, "<FONT POINT-SIZE=\"18\" COLOR=\"%s\"><B>", b->th->title_color);
	am_rt_html_wrapped(o, file_title(map), page ? 48 : 56, 4);
	am_buf_puts(o, "</B></FONT>");
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
				names(&line, map, s->authors, s->n_authors, 4);
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

/* Numbers the sources that drawn nodes cite, in order of first citation. */
static void number_sources(gb *b)
{
	size_t n = argmap_map_node_count(b->map), ns = argmap_map_source_count(b->map), i, k;

	b->src_key = calloc(ns + 1, sizeof *b->src_key);
	if (!b->src_key) {
		b->failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(b->map, i);
		if (!b->v->node_on[i])
			continue;
		for (k = 0; k < nd->n_sources; k++)
			if (nd->sources[k].kind == ARGMAP_ITEM_SOURCE && nd->sources[k].index < ns &&
			    !b->src_key[nd->sources[k].index])
				b->src_key[nd->sources[k].index] = ++b->n_keys;
	}
}

/* The footnote of a view that leaves things out. */
static void view_note(gb *b, am_buf *o)
{
	const argmap_render_options *opt = b->job->opts;
	const am_view *v = b->v;
	am_buf line = {0};

	am_buf_puts(&line, "This view");
	if (opt->focus)
		am_buf_printf(&line, " is centred on \xE2\x80\x98%s\xE2\x80\x99 (%u step%s)", opt->focus,
		              opt->depth, opt->depth == 1 ? "" : "s");
	if (opt->tag)
		am_buf_printf(&line, "%s keeps what is tagged \xE2\x80\x98%s\xE2\x80\x99 and what it needs",
		              opt->focus ? ";" : "", opt->tag);
	if (opt->hide_evidence)
		am_buf_printf(&line, "%s leaves out evidence", opt->focus || opt->tag ? ";" : "");
	am_buf_printf(&line, ". It shows %zu of %zu nodes (%zu hidden) and %zu of %zu relations.",
	              v->nodes_shown, v->n_nodes, v->n_nodes - v->nodes_shown, v->rels_shown,
	              v->n_rels);
	am_buf_printf(o, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"%d\"><FONT POINT-SIZE=\"10.5\" COLOR=\"%s\"><I>",
	              b->label_cols,
	              b->th->title_color);
	if (line.data)
		am_rt_html_wrapped(o, line.data, 110, 3);
	am_buf_puts(o, "</I></FONT></TD></TR>");
	am_buf_free(&line);
}

/* Legend items: the three node kinds, then the four relation kinds, then
 * the linked-reason dot; each is two sample cells and a text cell. */
static void legend_item(gb *b, am_buf *o, int item)
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
	static const char *rel_text[] = {
		"supports the claim it points at",
		"rebuts: says the claim is false",
		"undercuts: denies that a reason supports",
		"answers the question it points at",
	};

	if (item < 3) {
		const am_node_style *st = &th->node[item];
		am_buf_printf(o, "<TD COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"16\" FIXEDSIZE=\"TRUE\" BORDER=\"%s\" COLOR=\"%s\" BGCOLOR=\"%s\">"
		                 "<FONT POINT-SIZE=\"7\" COLOR=\"%s\"><B>%s</B></FONT></TD>"
		                 "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">%s</FONT></TD>",
		              item == 0 ? "2" : "1", st->border, st->fill, st->kind_color, kind_word[item],
		              b->src_key ? node_text[item] : node_text_nokeys[item]);
	} else if (item < 7) {
		const am_edge_style *es = &th->rel[item - 3];
		am_buf_printf(o, "<TD ALIGN=\"LEFT\" WIDTH=\"38\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" SIDES=\"B\" BORDER=\"2\" COLOR=\"%s\" STYLE=\"%s\"></TD>"
		                 "<TD ALIGN=\"LEFT\" WIDTH=\"14\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\"><FONT POINT-SIZE=\"11\" COLOR=\"%s\">%s</FONT></TD>"
		                 "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">%s</FONT></TD>",
		              es->color, es->dash, es->color, es->glyph, rel_text[item - 3]);
	} else {
		am_buf_printf(o, "<TD ALIGN=\"CENTER\" COLSPAN=\"2\" WIDTH=\"52\" HEIGHT=\"16\" FIXEDSIZE=\"TRUE\"><FONT POINT-SIZE=\"11\" COLOR=\"%s\">\xE2\x97\x8F</FONT></TD>"
		                 "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">linked premises (boxed) count only together;<BR/>"
		                 "an undercut aims at the dot of its reason</FONT></TD>",
		              th->junction_fill);
	}
}

/* The legend: one column of items, or (wide) two columns side by side. */
static void legend(gb *b, am_buf *o, int wide)
{
	static const int tall_order[] = {0, 1, 2, 3, 4, 5, 6, 7};
	static const int wide_order[] = {0, 3, 1, 4, 2, 5, 7, 6};
	const int *order = wide ? wide_order : tall_order;
	int k;

	am_buf_printf(o, "<TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\" STYLE=\"rounded\">",
	              b->th->group_border);
	am_buf_printf(o, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>How to read this map</B></FONT></TD></TR>",
	              wide ? 7 : 3);
	for (k = 0; k < 8; k++) {
		if (!wide || k % 2 == 0)
			am_buf_puts(o, "<TR>");
		else
			am_buf_puts(o, "<TD WIDTH=\"14\"></TD>");
		legend_item(b, o, order[k]);
		if (!wide || k % 2 == 1)
			am_buf_puts(o, "</TR>");
	}
	am_buf_puts(o, "</TABLE>");
}

static void graph_label(gb *b)
{
	const argmap_render_options *opt = b->job->opts;
	am_buf *o = &b->b;
	int tb = opt->title_block, lg = opt->legend, vn = b->v->filtered, stack;
	char *s;

	if (!tb && !lg && !vn)
		return;
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
	b->label_cols = !stack && tb && lg ? 3 : 1;
	if (vn)
		view_note(b, o);
	am_buf_printf(o, "<TR><TD HEIGHT=\"14\" COLSPAN=\"%d\"></TD></TR></TABLE>", b->label_cols);
	if ((s = take(b, o)) != NULL) {
		am_set_html(b->g, b->g, "label", s);
		free(s);
	}
}

/* ----------------------------------------------- deterministic ids */

/* cgraph's default id discipline uses the address of a name's interned
 * string as its id, and keeps subgraphs in id order: the order of clusters
 * (and so the layout, the SVG and -T dot) would depend on malloc. This one
 * numbers names in the order they are first used. Ids are even for named
 * objects and odd for anonymous ones, as in the default discipline. */
typedef struct id_state {
	Agraph_t *g;      /* the root: names live in its string pool */
	char **names;     /* by index; id = 2 * (index + 1); pool strings, as
	                     agwrite reads their refstr header (HTML or not) */
	size_t n, cap;
	size_t *slots;    /* open addressing: index + 1, 0 = empty */
	size_t nslots;
	IDTYPE anon;
} id_state;

static size_t name_hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int id_grow(id_state *st)
{
	size_t ns = st->nslots ? st->nslots * 2 : 1024, i;
	size_t *slots = calloc(ns, sizeof *slots);

	if (!slots)
		return -1;
	for (i = 0; i < st->n; i++) {
		size_t h = name_hash(st->names[i]) & (ns - 1);
		while (slots[h])
			h = (h + 1) & (ns - 1);
		slots[h] = i + 1;
	}
	free(st->slots);
	st->slots = slots;
	st->nslots = ns;
	return 0;
}

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	id_state *st = calloc(1, sizeof *st);

	(void)disc;
	if (st) {
		st->g = g;
		st->anon = 1;
	}
	return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	id_state *st = state;
	size_t h;

	(void)objtype;
	if (!str) {
		*id = st->anon;
		st->anon += 2;
		return 1;
	}
	if (st->nslots) {
		for (h = name_hash(str) & (st->nslots - 1); st->slots[h]; h = (h + 1) & (st->nslots - 1))
			if (strcmp(st->names[st->slots[h] - 1], str) == 0) {
				*id = (IDTYPE)(2 * st->slots[h]);
				return 1;
			}
	}
	if (!createflag)
		return 0;
	if ((st->n + 1) * 2 > st->nslots && id_grow(st) != 0)
		return 0;
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 256;
		char **names = realloc(st->names, cap * sizeof *names);
		if (!names)
			return 0;
		st->names = names;
		st->cap = cap;
	}
	st->names[st->n] = agstrdup(st->g, str);
	if (!st->names[st->n])
		return 0;
	for (h = name_hash(str) & (st->nslots - 1); st->slots[h]; h = (h + 1) & (st->nslots - 1))
		;
	st->slots[h] = ++st->n;
	*id = (IDTYPE)(2 * st->n);
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 1;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	id_state *st = state;

	(void)objtype;
	if (id % 2 == 0 && id >= 2 && id / 2 <= st->n)
		return st->names[id / 2 - 1];
	return NULL;
}

static void id_close(void *state)
{
	id_state *st = state;

	/* the names go with the graph's string pool */
	free(st->names);
	free(st->slots);
	free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

Agiddisc_t am_id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

/* ------------------------------------------------------------ the graph */

static void graph_attrs(gb *b)
{
	const argmap_render_options *opt = b->job->opts;
	Agraph_t *g = b->g;
	size_t elems = b->v->nodes_shown + b->v->rels_shown * 2;
	const am_layout_tier *t = am_layout_tier_for(elems);

	agattr(g, AGRAPH, am_s("fontname"), am_s(FONT));
	agattr(g, AGRAPH, am_s("fontsize"), am_s("11"));
	/* A subgraph starts with its parent's id, so every subgraph gets an
	 * id of its own (graph.c: groups, linked boxes, the question rank);
	 * before that, each cluster repeated id="am-map" (found by fuzz_render). */
	agattr(g, AGRAPH, am_s("id"), am_s("am-map"));
	agattr(g, AGRAPH, am_s("class"), am_s("am-map"));
	agattr(g, AGRAPH, am_s("rankdir"), am_s("TB"));
	agattr(g, AGRAPH, am_s("nodesep"), am_s("0.30"));
	agattr(g, AGRAPH, am_s("ranksep"), am_s("0.50"));
	agattr(g, AGRAPH, am_s("splines"), am_s(t->splines));
	agattr(g, AGRAPH, am_s("outputorder"), am_s("edgesfirst"));
	agattr(g, AGRAPH, am_s("bgcolor"), am_s("white"));
	agattr(g, AGRAPH, am_s("pad"), am_s("0.25"));
	agattr(g, AGRAPH, am_s("labelloc"), am_s("t"));
	agattr(g, AGRAPH, am_s("labeljust"), am_s("l"));
	agattr(g, AGRAPH, am_s("nslimit"), am_s(t->nslimit));
	agattr(g, AGRAPH, am_s("nslimit1"), am_s(t->nslimit1));
	agattr(g, AGRAPH, am_s("mclimit"), am_s(t->mclimit));
	agattr(g, AGRAPH, am_s("searchsize"), am_s(t->searchsize));
	agattr(g, AGRAPH, am_s("remincross"), am_s(t->remincross));
	if (opt->group_by != ARGMAP_GROUP_NONE)
		agattr(g, AGRAPH, am_s("newrank"), am_s("true"));
	else if (b->v->nodes_shown >= am_render_fast_min) {
		agattr(g, AGRAPH, am_s("layout"), am_s("nop"));
		agattr(g, AGRAPH, am_s("splines"), am_s("line"));
	}
	if (opt->page != ARGMAP_PAGE_NONE) {
		/* the content area; gv.c centres it on the page after layout */
		double w = opt->page == ARGMAP_PAGE_A4 ? 595.276 - 2 * 34.016 : 612.0 - 2 * 36.0;
		double h = opt->page == ARGMAP_PAGE_A4 ? 841.890 - 2 * 34.016 : 792.0 - 2 * 36.0;
		char size[64];
		if (opt->landscape) {
			double x = w;
			w = h;
			h = x;
		}
		snprintf(size, sizeof size, "%.4f,%.4f", w / 72.0, h / 72.0);
		agattr(g, AGRAPH, am_s("size"), am_s(size));
		agattr(g, AGRAPH, am_s("pad"), am_s("0"));
	}

	agattr(g, AGNODE, am_s("fontname"), am_s(FONT));
	agattr(g, AGNODE, am_s("fontsize"), am_s("11"));
	agattr(g, AGNODE, am_s("shape"), am_s("box"));
	agattr(g, AGNODE, am_s("margin"), am_s("0.10,0.06"));
	/* "\N" as the default, so that junctions' empty labels are written
	 * out by -T dot (cgraph omits values equal to the default) */
	agattr(g, AGNODE, am_s("label"), am_s("\\N"));

	agattr(g, AGEDGE, am_s("fontname"), am_s(FONT));
	agattr(g, AGEDGE, am_s("fontsize"), am_s("10"));
}

/* Questions on the top rank, together. */
static void rank_questions(gb *b)
{
	size_t n = argmap_map_node_count(b->map), i, count = 0;
	Agraph_t *sg;

	for (i = 0; i < n; i++)
		if (b->node[i] && argmap_map_node(b->map, i)->kind == ARGMAP_NODE_QUESTION)
			count++;
	if (count == 0)
		return;
	sg = agsubg(b->g, am_s("questions"), 1);
	if (!sg) {
		b->failed = 1;
		return;
	}
	am_set(sg, "id", "am-questions");
	am_set(sg, "rank", "min");
	for (i = 0; i < n; i++)
		if (b->node[i] && argmap_map_node(b->map, i)->kind == ARGMAP_NODE_QUESTION)
			agsubnode(sg, b->node[i], 1);
}

Agraph_t *am_gv_graph_build(const am_job *job, Agdisc_t *disc)
{
	gb b;
	size_t n = argmap_map_node_count(job->map), m = argmap_map_relation_count(job->map);
	size_t groups = job->opts->group_by == ARGMAP_GROUP_SOURCE ? argmap_map_source_count(job->map)
	              : job->opts->group_by == ARGMAP_GROUP_ACTOR  ? argmap_map_actor_count(job->map)
	                                                           : 0;

	memset(&b, 0, sizeof b);
	b.job = job;
	b.map = job->map;
	b.v = job->view;
	b.th = am_theme_get(job->opts->theme == ARGMAP_THEME_PRINT);
	b.node = calloc(n + 1, sizeof *b.node);
	b.junc = calloc(m + 1, sizeof *b.junc);
	b.groups = calloc(groups + 1, sizeof *b.groups);
	b.in_linked = calloc(n + 1, 1);
	b.anchored = calloc(n + 1, sizeof *b.anchored);
	b.g = agopen(am_s("argmap"), Agdirected, disc);
	if (!b.node || !b.junc || !b.groups || !b.in_linked || !b.anchored || !b.g)
		b.failed = 1;
	if (!b.failed && job->opts->title_block)
		number_sources(&b);
	if (!b.failed)
		index_answers(&b);
	if (!b.failed) {
		graph_attrs(&b);
		graph_label(&b);
		add_nodes(&b);
	}
	if (!b.failed)
		add_relations(&b);
	if (!b.failed && job->opts->group_by == ARGMAP_GROUP_NONE)
		rank_questions(&b);
	am_buf_free(&b.a);
	am_buf_free(&b.b);
	free(b.node);
	free(b.junc);
	free(b.groups);
	free(b.in_linked);
	free(b.anchored);
	free(b.ans_start);
	free(b.ans_rel);
	free(b.src_key);
	if (b.failed && b.g) {
		agclose(b.g);
		b.g = NULL;
	}
	return b.g;
}

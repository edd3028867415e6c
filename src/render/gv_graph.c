/*
 * gv_graph.c - the model and its view as a cgraph graph: nodes, junction
 * dots, edges, clusters (groups, linked premises), the graph's attributes
 * and label. The graph is built with the cgraph API only; the text comes
 * from labels.c (already escaped), never as a name, id, class or URL of
 * user text. Layout decisions are the job's (layout_policy.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "render/gv_attr.h"
#include "render/gv_diff.h"
#include "render/gv_graph.h"
#include "render/labels.h"
#include "render/layout_policy.h"
#include "render/page.h"
#include "render/status.h"

/* One family for layout and PDF/PNG: a list of fallbacks here would make
 * pango match fonts for every text span (measured: 10-30 % of layout time).
 * SVG gets the fallbacks from a style sheet (output_fix.c). */
#define FONT "DejaVu Sans"

typedef struct gb {
	Agraph_t *g;
	const am_job *job;
	const argmap_map *map;
	const am_view *v;
	const am_theme *th;
	am_labels lab;            /* the text of everything drawn */
	Agnode_t **node;          /* per map node, NULL if not drawn */
	Agnode_t **junc;          /* per relation, NULL if no junction */
	Agraph_t **groups;        /* per group index */
	unsigned char *in_linked; /* per node: already inside a linked-reason box */
	size_t *anchored;         /* per node: drawn supports/answers it is a premise of */
	am_buf a, b;              /* scratch */
	int failed;
} gb;

/* The --id-prefix in front of every id argmap writes ("" for none). */
#define IDP(b) ((b)->job->opts->id_prefix ? (b)->job->opts->id_prefix : "")

static char *take(gb *b, am_buf *buf)
{
	char *s = am_buf_detach(buf);
	if (!s)
		b->failed = 1;
	return s;
}

/* ------------------------------------------------------------ nodes */

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
	char name[80];

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
	snprintf(name, sizeof name, "%sam-group-%zu", IDP(b), key);
	am_set(sg, "id", name); /* unique: subgraphs inherit the root's id */
	am_labels_group(&b->lab, key, &b->a);
	if (b->a.data)
		am_set_html(b->g, sg, "label", b->a.data);
	am_buf_free(&b->a);
	am_set(sg, "style", "rounded,filled");
	am_set(sg, "color", b->th->group_border);
	am_set(sg, "fillcolor", b->th->group_fill);
	am_set(sg, "penwidth", "1.2");
	am_set(sg, "labeljust", "l");
	am_set(sg, "margin", "12");
	am_labels_group_class(&b->lab, &b->a);
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

		am_labels_node(&b->lab, i, &b->a);
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
		if (am_status_node(&b->lab, i)) {
			const am_status_style *ss = am_status_node(&b->lab, i);
			am_status_node_style(ss, st->style, &b->b);
			if ((s = take(b, &b->b)) != NULL) {
				am_set(v, "style", s);
				free(s);
			}
			am_set(v, "color", ss->color);
			am_set(v, "penwidth", ss->penwidth);
		}
		am_gv_diff_node(v, &b->lab, i, st);
		/* a diff's focus (--changes) is every change: its border says which */
		if (!b->job->opts->diff && (b->v->focus_on ? b->v->focus_on[i] : b->v->focus == i))
			am_set(v, "penwidth", "3.2");

		am_labels_node_tooltip(&b->lab, i, &b->a);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "tooltip", s);
			free(s);
		}
		am_labels_svg_id(&b->a, IDP(b), "n", nd->id, i);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "id", s);
			free(s);
		}
		am_labels_node_class(&b->lab, i, &b->a);
		if ((s = take(b, &b->a)) != NULL) {
			am_set(v, "class", s);
			free(s);
		}
		if (am_labels_node_url(&b->lab, i, &b->a) && (s = take(b, &b->a)) != NULL) {
			am_set(v, "URL", s);
			am_set(v, "target", "_blank");
			free(s);
		}
		am_buf_free(&b->a);
	}
}

/* ------------------------------------------------------------ relations */

static Agnode_t *junction(gb *b, size_t r)
{
	const argmap_relation *rel = argmap_map_relation(b->map, r);
	const am_edge_style *es = am_theme_rel(b->th, rel);
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
	am_labels_svg_id(&b->a, IDP(b), "j", rel->id, r);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(j, "id", s);
		free(s);
	}
	am_labels_junction_class(&b->lab, r, &b->a);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(j, "class", s);
		free(s);
	}
	am_labels_junction_tooltip(&b->lab, r, &b->b);
	if ((s = take(b, &b->b)) != NULL) {
		am_set(j, "tooltip", s);
		free(s);
	}
	return j;
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

	am_labels_svg_id(&b->a, IDP(b), part ? "p" : "r", rel->id, r);
	if (part)
		am_buf_printf(&b->a, "-%d", part);
	if ((s = take(b, &b->a)) != NULL) {
		am_set(e, "id", s);
		free(s);
	}
	am_labels_rel_class(&b->lab, r, premise, &b->a);
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
	char name[80];

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
	snprintf(name, sizeof name, "%sam-linked-%zu", IDP(b), r);
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
		if (!b->v->rel_on[r] ||
		    (rel->kind != ARGMAP_REL_SUPPORT && rel->kind != ARGMAP_REL_ANSWER))
			continue;
		for (k = 0; k < rel->n_from; k++)
			if (rel->from[k].kind == ARGMAP_ITEM_NODE &&
			    rel->from[k].index != ARGMAP_NONE)
				b->anchored[rel->from[k].index]++;
	}
	/* junctions of undercut supports first, so undercuts can aim at them */
	for (r = 0; r < m && !b->failed; r++)
		if (b->v->rel_on[r] && b->v->junction[r])
			junction(b, r);
	for (pass = 0; pass < 2; pass++)
		for (r = 0; r < m && !b->failed; r++) {
			const argmap_relation *rel = argmap_map_relation(b->map, r);
			const am_edge_style *es = am_theme_rel(b->th, rel);
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
			am_labels_rel_tooltip(&b->lab, r, &b->b);
			tip = take(b, &b->b);
			cross = 0;
			if (rel->kind == ARGMAP_REL_REBUT || rel->kind == ARGMAP_REL_UNDERCUT) {
				cross = 1;
				for (k = 0; k < rel->n_from; k++)
					if (rel->from[k].kind == ARGMAP_ITEM_NODE &&
					    rel->from[k].index != ARGMAP_NONE &&
					    b->node[rel->from[k].index] &&
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
				am_gv_diff_edge(e, &b->lab, r, es, 1);
				if (cross)
					am_set(e, "constraint", "false");
				if (b->v->drawn_from[r] > 1 && am_layout_boxes_linked(b->v))
					linked_box(b, r);
			}
			for (k = 0; k < rel->n_from; k++) {
				Agnode_t *p;
				if (rel->from[k].kind != ARGMAP_ITEM_NODE ||
				    rel->from[k].index == ARGMAP_NONE)
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
				am_gv_diff_edge(e, &b->lab, r, es, j == NULL);
				if (cross)
					am_set(e, "constraint", "false");
			}
			free(tip);
		}
}

/* ------------------------------------------------------------ the graph */

static void graph_attrs(gb *b)
{
	const argmap_render_options *opt = b->job->opts;
	Agraph_t *g = b->g;
	const am_layout_tier *t = b->job->tier;
	char id[48];

	agattr(g, AGRAPH, am_s("fontname"), am_s(FONT));
	agattr(g, AGRAPH, am_s("fontsize"), am_s("11"));
	/* A subgraph starts with its parent's id, so every subgraph gets an
	 * id of its own (groups, linked boxes, the question rank);
	 * before that, each cluster repeated id="am-map" (found by fuzz_render). */
	snprintf(id, sizeof id, "%sam-map", IDP(b));
	agattr(g, AGRAPH, am_s("id"), id);
	agattr(g, AGRAPH, am_s("class"), am_s("am-map"));
	agattr(g, AGRAPH, am_s("rankdir"), am_s("TB"));
	/* a handout (--notes markers) packs its claims closer: with 1 in 3
	 * fewer points between boxes, three more of the bundled speakers'
	 * views need one page fewer (docs/rendering.md) */
	agattr(g, AGRAPH, am_s("nodesep"),
	       am_s(opt->notes == ARGMAP_NOTES_MARKERS ? "0.20" : "0.30"));
	agattr(g, AGRAPH, am_s("ranksep"),
	       am_s(opt->notes == ARGMAP_NOTES_MARKERS ? "0.30" : "0.50"));
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
	else if (b->job->fast) {
		/* for -T dot: the positions (gv_fast.c writes "pos") are
		 * drawn as they are by Graphviz's nop engine */
		agattr(g, AGRAPH, am_s("layout"), am_s("nop"));
		agattr(g, AGRAPH, am_s("splines"), am_s("line"));
	}
	if (opt->page != ARGMAP_PAGE_NONE || opt->pages) {
		/* the content area; gv_page.c centres it on the page after layout
		 * (PDF: gv_pdf.c scales and places the drawing itself) */
		double w, h;
		char size[64];
		am_page_content(opt, &w, &h);
		snprintf(size, sizeof size, "%.4f,%.4f", w / 72.0, h / 72.0);
		if (opt->format != ARGMAP_RENDER_PDF)
			agattr(g, AGRAPH, am_s("size"), am_s(size));
		agattr(g, AGRAPH, am_s("pad"),
		       am_s(opt->format == ARGMAP_RENDER_PDF ? "0.1" : "0"));
	}
	if (opt->format == ARGMAP_RENDER_PNG && opt->dpi > 0) {
		char dpi[32];
		snprintf(dpi, sizeof dpi, "%.2f", opt->dpi);
		agattr(g, AGRAPH, am_s("dpi"), am_s(dpi));
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
	char id[48];

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
	snprintf(id, sizeof id, "%sam-questions", IDP(b));
	am_set(sg, "id", id);
	am_set(sg, "rank", "min");
	for (i = 0; i < n; i++)
		if (b->node[i] && argmap_map_node(b->map, i)->kind == ARGMAP_NODE_QUESTION)
			agsubnode(sg, b->node[i], 1);
}

/* The graph label: title block, legend, view note (graph_label.c). */
static void graph_label(gb *b)
{
	char *s;

	if (!am_labels_graph(&b->lab, &b->b))
		return;
	if ((s = take(b, &b->b)) != NULL) {
		am_set_html(b->g, b->g, "label", s);
		free(s);
	}
}

Agraph_t *am_gv_graph_build(const am_job *job, Agdisc_t *disc)
{
	gb b;
	size_t n = argmap_map_node_count(job->map), m = argmap_map_relation_count(job->map);
	size_t groups =
	    job->opts->group_by == ARGMAP_GROUP_SOURCE  ? argmap_map_source_count(job->map)
	    : job->opts->group_by == ARGMAP_GROUP_ACTOR ? argmap_map_actor_count(job->map)
	                                                : 0;
	int labels_ok;

	memset(&b, 0, sizeof b);
	b.job = job;
	b.map = job->map;
	b.v = job->view;
	labels_ok = am_labels_init(&b.lab, job) == 0;
	b.th = b.lab.th;
	b.node = calloc(n + 1, sizeof *b.node);
	b.junc = calloc(m + 1, sizeof *b.junc);
	b.groups = calloc(groups + 1, sizeof *b.groups);
	b.in_linked = calloc(n + 1, 1);
	b.anchored = calloc(n + 1, sizeof *b.anchored);
	b.g = agopen(am_s("argmap"), Agdirected, disc);
	if (!labels_ok || !b.node || !b.junc || !b.groups || !b.in_linked || !b.anchored || !b.g)
		b.failed = 1;
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
	am_labels_free(&b.lab);
	free(b.node);
	free(b.junc);
	free(b.groups);
	free(b.in_linked);
	free(b.anchored);
	if (b.failed && b.g) {
		agclose(b.g);
		b.g = NULL;
	}
	return b.g;
}

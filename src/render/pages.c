/*
 * pages.c - the parts of --pages that need no Graphviz (pages.h): the
 * reading tree on model/graph.c's depth-first search, the view of one page,
 * the text of the stubs that say where a relation continues and their
 * markup, and the columns of a page's threads. Linear in the view, except
 * am_pages_stub (linear in the map, per node with a stub).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/labels.h"
#include "render/pages.h"
#include "render/wrap.h"

int am_pages_conclusion(const argmap_map *map, size_t r, size_t *idx)
{
	const argmap_relation *rel = argmap_map_relation(map, r);
	const argmap_relation *t = am_map_undercut_target(map, rel);
	const argmap_ref *to = t ? &t->to : &rel->to;

	if (to->kind != ARGMAP_ITEM_NODE || to->index >= argmap_map_node_count(map))
		return 0;
	if (rel->kind == ARGMAP_REL_UNDERCUT && !t)
		return 0;
	*idx = to->index;
	return 1;
}

typedef struct down_ctx {
	const argmap_map *map;
	const am_view *v;
} down_ctx;

/* conclusion -> premise for every drawn relation */
static void down_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const down_ctx *d = ud;
	size_t m = argmap_map_relation_count(d->map), r, k, c;

	for (r = 0; r < m; r++) {
		const argmap_relation *rel = argmap_map_relation(d->map, r);
		if (!d->v->rel_on[r] || !am_pages_conclusion(d->map, r, &c))
			continue;
		for (k = 0; k < rel->n_from; k++)
			if (rel->from[k].kind == ARGMAP_ITEM_NODE &&
			    rel->from[k].index != ARGMAP_NONE)
				arc(sink, c, rel->from[k].index, r);
	}
}

void am_pages_tree_free(am_pages_tree *t)
{
	free(t->parent);
	free(t->rank);
	free(t->by_rank);
	free(t->size);
	memset(t, 0, sizeof *t);
}

int am_pages_tree_build(am_pages_tree *t, const argmap_map *map, const am_view *v)
{
	size_t n = argmap_map_node_count(map), i, k;
	am_graph down = {0};
	unsigned char *roots = calloc(n + 1, 1);
	size_t *order = malloc((n + 1) * sizeof *order);
	down_ctx d;
	int rc = ARGMAP_ENOMEM;

	memset(t, 0, sizeof *t);
	t->n = n;
	t->parent = malloc((n + 1) * sizeof *t->parent);
	t->rank = malloc((n + 1) * sizeof *t->rank);
	t->by_rank = malloc((n + 1) * sizeof *t->by_rank);
	t->size = calloc(n + 1, sizeof *t->size);
	d.map = map;
	d.v = v;
	if (!roots || !order || !t->parent || !t->rank || !t->by_rank || !t->size ||
	    am_graph_build(&down, n, down_arcs, &d) != 0)
		goto out;
	/* questions first, then what nothing drawn leads to */
	for (i = 0; i < n; i++)
		roots[i] = v->node_on[i] && argmap_map_node(map, i)->kind == ARGMAP_NODE_QUESTION;
	if (am_graph_dfs_tree(&down, roots, order, t->parent) != 0)
		goto out;
	/* drawn nodes in preorder, then the others */
	for (i = 0; i < n; i++)
		t->by_rank[order[i]] = i;
	for (i = 0, k = 0; i < n; i++)
		if (v->node_on[t->by_rank[i]])
			order[k++] = t->by_rank[i];
	t->shown = k;
	for (i = 0; i < n; i++)
		if (!v->node_on[t->by_rank[i]])
			order[k++] = t->by_rank[i];
	memcpy(t->by_rank, order, n * sizeof *order);
	for (k = 0; k < n; k++)
		t->rank[t->by_rank[k]] = k;
	/* subtree sizes, leaves up; a subtree is a run of ranks */
	for (k = n; k-- > 0;) {
		i = t->by_rank[k];
		if (!v->node_on[i]) {
			t->parent[i] = AM_GRAPH_FAR;
			continue;
		}
		t->size[i] += 1;
		if (t->parent[i] != AM_GRAPH_FAR)
			t->size[t->parent[i]] += t->size[i];
	}
	rc = 0;
out:
	am_graph_free(&down);
	free(roots);
	free(order);
	if (rc)
		am_pages_tree_free(t);
	return rc;
}

int am_pages_view(am_view *p, const argmap_map *map, const am_view *full, const unsigned char *on)
{
	size_t n = argmap_map_node_count(map);
	size_t m = argmap_map_relation_count(map), i, j, k, c, pass;

	memset(p, 0, sizeof *p);
	p->node_on = calloc(n + 1, 1);
	p->rel_on = calloc(m + 1, 1);
	p->junction = calloc(m + 1, 1);
	p->drawn_from = calloc(m + 1, sizeof *p->drawn_from);
	p->hidden_evidence = malloc((n + 1) * sizeof *p->hidden_evidence);
	p->hidden_rels = malloc((n + 1) * sizeof *p->hidden_rels);
	if (full->focus_on && (p->focus_on = malloc(n + 1)) != NULL) /* every focus, marked */
		memcpy(p->focus_on, full->focus_on, n);
	if (!p->node_on || !p->rel_on || !p->junction || !p->drawn_from || !p->hidden_evidence ||
	    !p->hidden_rels || (full->focus_on && !p->focus_on)) {
		am_view_free(p);
		return ARGMAP_ENOMEM;
	}
	memcpy(p->hidden_evidence, full->hidden_evidence, n * sizeof *p->hidden_evidence);
	memcpy(p->hidden_rels, full->hidden_rels, n * sizeof *p->hidden_rels);
	for (i = 0; i < n; i++)
		p->node_on[i] = full->node_on[i] && on[i];
	/* supports, rebuttals, answers; then undercuts, which need the support */
	for (pass = 0; pass < 2; pass++)
		for (j = 0; j < m; j++) {
			const argmap_relation *r = argmap_map_relation(map, j);
			size_t drawn = 0;
			int to_on;
			if (!full->rel_on[j] || (r->kind == ARGMAP_REL_UNDERCUT) != (pass == 1))
				continue;
			if (r->kind == ARGMAP_REL_UNDERCUT)
				to_on = r->to.kind == ARGMAP_ITEM_RELATION && r->to.index < m &&
				        p->rel_on[r->to.index];
			else
				to_on = am_pages_conclusion(map, j, &c) && p->node_on[c];
			for (k = 0; k < r->n_from; k++)
				if (r->from[k].kind == ARGMAP_ITEM_NODE && r->from[k].index < n &&
				    p->node_on[r->from[k].index])
					drawn++;
			p->drawn_from[j] = drawn;
			if (to_on && drawn) {
				p->rel_on[j] = 1;
				p->rels_shown++;
				if (drawn > 1)
					p->junction[j] = 1;
				if (r->kind == ARGMAP_REL_UNDERCUT)
					p->junction[r->to.index] = 1;
			}
		}
	for (i = 0; i < n; i++)
		p->nodes_shown += p->node_on[i];
	/* the view's own totals, for its note */
	p->n_nodes = full->n_nodes;
	p->n_rels = full->n_rels;
	p->focus = full->focus;
	p->n_focus = full->n_focus;
	p->filtered = 0;
	return 0;
}

static const char *verb(argmap_relation_kind k, int in)
{
	static const char *out_w[] = {"supports", "rebuts", "undercuts the support of", "answers"};
	static const char *in_w[] = {"support", "rebuttal", "undercut", "answer"};

	return in ? in_w[k] : out_w[k];
}

/* A short name for node nd: its id, or (with --no-ids) the first words of
 * what its box says. */
static void short_name(am_buf *o, const argmap_node *nd, const argmap_render_options *opts)
{
	const char *t = am_labels_box_text(opts, nd) ? am_labels_box_text(opts, nd) : "";
	size_t len = strlen(t), cut = 32;

	if (!opts->hide_ids && nd->id) {
		am_buf_puts(o, nd->id);
		return;
	}
	if (len <= cut) {
		am_buf_printf(o, "\xE2\x80\x98%s\xE2\x80\x99", t);
		return;
	}
	while (cut > 0 && t[cut] != ' ')
		cut--;
	if (cut == 0)
		cut = 32;
	while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
		cut--;
	am_buf_printf(o, "\xE2\x80\x98%.*s\xE2\x80\xA6\xE2\x80\x99", (int)cut, t);
}

int am_pages_stub(am_buf *o, const argmap_map *map, const am_view *full, const unsigned char *on,
                  const size_t *page_of, size_t i, int in, const argmap_render_options *opts)
{
	size_t m = argmap_map_relation_count(map), j, k, c, lines = 0, more = 0;
	size_t start = o->len;

	for (j = 0; j < m; j++) {
		const argmap_relation *r = argmap_map_relation(map, j);
		if (!full->rel_on[j] || !am_pages_conclusion(map, j, &c))
			continue;
		for (k = 0; k < r->n_from; k++) {
			size_t p = r->from[k].index, other;
			if (r->from[k].kind != ARGMAP_ITEM_NODE || p == ARGMAP_NONE)
				continue;
			if (in ? !(c == i && !on[p]) : !(p == i && !on[c]))
				continue;
			other = in ? p : c;
			if (lines == 3) {
				more++;
				break;
			}
			if (lines)
				am_buf_putc(o, '\n');
			if (in)
				am_buf_printf(o, "\xE2\x86\x93 %s from ", verb(r->kind, 1));
			else
				am_buf_printf(o, "\xE2\x86\x91 %s ", verb(r->kind, 0));
			short_name(o, argmap_map_node(map, other), opts);
			if (page_of[other])
				am_buf_printf(o, ", p. %zu", page_of[other]);
			else
				am_buf_puts(o, ", p. 99");
			lines++;
			break;
		}
	}
	if (more)
		am_buf_printf(o, "\n\xE2\x80\xA6 and %zu more", more);
	return o->len > start;
}

static void last_len(void *ud, const char *line, size_t len)
{
	(void)line;
	*(size_t *)ud = len;
}

/* 40 cells, or a few more where the last line would be "p. 12" alone. */
static size_t stub_width(const char *line)
{
	size_t last = 0;

	am_rt_wrap(line, 40, last_len, &last);
	return last <= 7 ? 40 + last + 1 : 40;
}

void am_pages_stub_cell(am_buf *h, const char *text, int top)
{
	const char *line, *nl;

	am_buf_printf(h,
	              "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"2\" SIDES=\"%s\" "
	              "BORDER=\"1\" STYLE=\"dashed\" COLOR=\"#888888\"><FONT POINT-SIZE=\"%s\" "
	              "COLOR=\"#444444\">",
	              top ? "B" : "T", AM_LABELS_PAGES_SMALL_STR);
	for (line = text; line; line = nl ? nl + 1 : NULL) {
		am_buf one = {0};
		nl = strchr(line, '\n');
		am_buf_put(&one, line, nl ? (size_t)(nl - line) : strlen(line));
		if (line != text)
			am_buf_puts(h, "<BR/>");
		if (one.data)
			am_rt_html_wrapped(h, one.data, stub_width(one.data), 0);
		am_buf_free(&one);
	}
	am_buf_puts(h, "</FONT></TD></TR>");
}

void am_pages_stack(const am_pages_tree *t, const argmap_map *map, const unsigned char *on,
                    size_t *scratch, am_pages_edge_fn edge, void *ud)
{
	size_t k, i, *unit = scratch, *depth = scratch + t->n, *bottom_of = scratch + 2 * t->n;
	size_t col = 0, h_max = 0, bottom = SIZE_MAX;

	for (k = 0; k < t->shown; k++) {
		size_t p;
		i = t->by_rank[k];
		if (!on[i])
			continue;
		p = t->parent[i];
		if (p != AM_GRAPH_FAR && on[p]) {
			unit[i] = unit[p];
			depth[i] = depth[p] + 1;
		} else {
			unit[i] = i;
			depth[i] = 0;
			bottom_of[i] = i;
		}
		if (depth[i] > depth[bottom_of[unit[i]]])
			bottom_of[unit[i]] = i;
		if (depth[i] + 1 > h_max)
			h_max = depth[i] + 1;
	}
	for (k = 0; k < t->shown; k++) {
		size_t h;
		i = t->by_rank[k];
		if (!on[i] || unit[i] != i)
			continue;
		h = depth[bottom_of[i]] + 1;
		if (bottom != SIZE_MAX && col + h <= h_max &&
		    argmap_map_node(map, i)->kind != ARGMAP_NODE_QUESTION) {
			edge(ud, bottom, i);
			col += h;
		} else {
			col = h;
		}
		bottom = bottom_of[i];
	}
}

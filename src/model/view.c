/*
 * view.c - which nodes and relations a view draws. Pure C over the public
 * model; no Graphviz.
 *
 *  --focus ID --depth N  the nodes at most N relations away from ID; a
 *                        relation joins every node it mentions (premises,
 *                        conclusion; an undercut also joins the premises and
 *                        conclusion of the support it attacks). Paths do not
 *                        pass through a question (it would join every answer)
 *                        unless the question is ID itself.
 *  --tag T               the nodes carrying T; evidence without tags of its
 *                        own counts as carrying the tags of what it supports;
 *                        then, to stay connected, everything these nodes
 *                        support, attack or answer, up to the questions.
 *                        With --focus too: the intersection, plus ID.
 *  --hide evidence       no evidence nodes.
 * Always: a reason whose conclusion and one premise are shown is shown with
 * all its co-premises (a linked reason is never drawn in part), unless the
 * missing ones are hidden evidence. A relation is drawn when its conclusion
 * (for an undercut: the support it attacks) and at least one premise are.
 */
#include <stdlib.h>
#include <string.h>

#include "model/graph.h"
#include "model/view.h"
#include "util/am_internal.h"
#include "util/buf.h"
#include "util/suggest.h"
#include "util/text.h"

static int node_ref(const argmap_map *map, const argmap_ref *ref, size_t *idx)
{
	if (ref->kind != ARGMAP_ITEM_NODE || ref->index == ARGMAP_NONE ||
	    ref->index >= argmap_map_node_count(map))
		return 0;
	*idx = ref->index;
	return 1;
}

/* BFS over the mention graph: a question joins every answer, so passing
 * through it would pull in the whole debate; only the focus expands it. */
typedef struct focus_ctx {
	const argmap_map *map;
	size_t focus;
} focus_ctx;

static int may_expand(void *ud, size_t v)
{
	const focus_ctx *f = ud;

	return v == f->focus || v >= argmap_map_node_count(f->map) ||
	       argmap_map_node(f->map, v)->kind != ARGMAP_NODE_QUESTION;
}

static int has_tag(const argmap_node *nd, const char *tag)
{
	size_t i;

	for (i = 0; i < nd->n_tags; i++)
		if (strcmp(nd->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Marks in `sel` what the marked nodes need to stay connected: everything
 * they support, attack or answer, transitively. mark: scratch of n + m. */
static int upward_closure(const argmap_map *map, const am_graph *up, unsigned char *sel,
                          unsigned char *mark)
{
	size_t n = argmap_map_node_count(map);

	memset(mark, 0, up->n);
	memcpy(mark, sel, n);
	if (am_graph_reach(up, mark) != 0)
		return ARGMAP_ENOMEM;
	memcpy(sel, mark, n);
	return 0;
}

/* Adds the co-premises of every reason whose conclusion and one premise are
 * selected. Returns 1 if anything was added. */
static int complete_linked(const argmap_map *map, unsigned char *sel, int hide_evidence)
{
	size_t m = argmap_map_relation_count(map), i, k, idx;
	int added = 0;

	for (i = 0; i < m; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		int any = 0, to_on;
		if (r->n_from < 2)
			continue;
		if (r->kind == ARGMAP_REL_UNDERCUT) {
			const argmap_relation *t = am_map_undercut_target(map, r);
			to_on = t && node_ref(map, &t->to, &idx) && sel[idx];
		} else {
			to_on = node_ref(map, &r->to, &idx) && sel[idx];
		}
		if (!to_on)
			continue;
		for (k = 0; k < r->n_from; k++)
			if (node_ref(map, &r->from[k], &idx) && sel[idx])
				any = 1;
		if (!any)
			continue;
		for (k = 0; k < r->n_from; k++) {
			if (!node_ref(map, &r->from[k], &idx) || sel[idx])
				continue;
			if (hide_evidence &&
			    argmap_map_node(map, idx)->kind == ARGMAP_NODE_EVIDENCE)
				continue;
			sel[idx] = 1;
			added = 1;
		}
	}
	return added;
}

static void suggest_ids(am_buf *hint, const argmap_map *map, const char *id)
{
	size_t n = argmap_map_node_count(map), i;
	am_suggest s;

	am_suggest_init(&s, id);
	for (i = 0; i < n; i++)
		am_suggest_offer(&s, argmap_map_node(map, i)->id);
	if (am_suggest_best(&s))
		am_buf_printf(hint, "did you mean '%s'? ", am_suggest_best(&s));
	am_buf_puts(hint, "--focus takes the id of a question, claim or evidence item");
}

typedef struct tag_at {
	const char *tag;
	size_t at; /* order of first appearance */
} tag_at;

static int by_tag_then_at(const void *a, const void *b)
{
	const tag_at *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);

	return c ? c : (x->at > y->at) - (x->at < y->at);
}

static int by_at(const void *a, const void *b)
{
	const tag_at *x = a, *y = b;

	return (x->at > y->at) - (x->at < y->at);
}

/* The map's distinct tags, in order of first appearance: sort, keep the
 * first of each run, sort back (n log n; this runs in the parent before
 * the time-limited renderer child, so nothing here may be quadratic). */
static void list_tags(am_buf *hint, const argmap_map *map)
{
	size_t n = argmap_map_node_count(map), i, j, shown = 0;
	tag_at *seen = NULL;
	size_t n_seen = 0, total = 0;

	for (i = 0; i < n; i++)
		total += argmap_map_node(map, i)->n_tags;
	if (total)
		seen = malloc(total * sizeof *seen);
	for (i = 0; seen && i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		for (j = 0; j < nd->n_tags; j++) {
			seen[n_seen].tag = nd->tags[j];
			seen[n_seen].at = n_seen;
			n_seen++;
		}
	}
	if (n_seen) {
		qsort(seen, n_seen, sizeof *seen, by_tag_then_at);
		for (i = 0, j = 0; i < n_seen; i++)
			if (i == 0 || strcmp(seen[i].tag, seen[j - 1].tag) != 0)
				seen[j++] = seen[i];
		n_seen = j;
		qsort(seen, n_seen, sizeof *seen, by_at);
	}
	if (!n_seen) {
		am_buf_puts(hint, "this map has no tags");
	} else {
		am_buf_puts(hint, "tags in this map: ");
		for (i = 0; i < n_seen && shown < 12; i++, shown++)
			am_buf_printf(hint, "%s%s", i ? ", " : "", seen[i].tag);
		if (n_seen > shown)
			am_buf_printf(hint, " and %zu more", n_seen - shown);
	}
	free(seen);
}

void am_view_free(am_view *v)
{
	free(v->node_on);
	free(v->rel_on);
	free(v->junction);
	free(v->drawn_from);
	free(v->hidden_evidence);
	free(v->hidden_rels);
	memset(v, 0, sizeof *v);
}

static void mark_rel_nodes(const argmap_map *map, const argmap_relation *r, unsigned char *sel)
{
	size_t f, idx;
	const argmap_relation *t = am_map_undercut_target(map, r);

	for (f = 0; f < r->n_from; f++)
		if (node_ref(map, &r->from[f], &idx))
			sel[idx] = 1;
	if (node_ref(map, &r->to, &idx))
		sel[idx] = 1;
	if (t)
		mark_rel_nodes(map, t, sel);
}

static int rel_nodes_in(const argmap_map *map, const argmap_relation *r, const unsigned char *sel)
{
	size_t f, idx;
	const argmap_relation *t = am_map_undercut_target(map, r);

	for (f = 0; f < r->n_from; f++)
		if (!node_ref(map, &r->from[f], &idx) || !sel[idx])
			return 0;
	if (t)
		return rel_nodes_in(map, t, sel);
	return node_ref(map, &r->to, &idx) && sel[idx];
}

/* sel: the nodes file 0 declares or its relations mention; scope_rel: the
 * relations file 0 declares, and imported ones among those nodes. */
static void in_scope(const argmap_map *map, unsigned char *sel, unsigned char *scope_rel)
{
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map), i, j;

	for (i = 0; i < n; i++)
		sel[i] = argmap_map_node(map, i)->loc.file == 0;
	for (j = 0; j < m; j++) {
		const argmap_relation *r = argmap_map_relation(map, j);
		if (r->loc.file == 0) {
			scope_rel[j] = 1;
			mark_rel_nodes(map, r, sel);
		}
	}
	for (j = 0; j < m; j++)
		if (!scope_rel[j] && rel_nodes_in(map, argmap_map_relation(map, j), sel))
			scope_rel[j] = 1;
}

int am_view_build(am_view *v, const argmap_map *map, const am_view_options *o, argmap_diags *diags,
                  const char *file)
{
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map), i, j, k, idx;
	am_graph mentions = {0}, up = {0};
	unsigned char *sel = NULL, *tagsel = NULL, *scope_rel = NULL, *mark = NULL;
	size_t *dist = NULL;
	int rc = ARGMAP_ENOMEM;

	memset(v, 0, sizeof *v);
	v->n_nodes = n;
	v->n_rels = m;
	v->focus = ARGMAP_NONE;
	v->node_on = calloc(n + 1, 1);
	v->rel_on = calloc(m + 1, 1);
	v->junction = calloc(m + 1, 1);
	v->drawn_from = calloc(m + 1, sizeof *v->drawn_from);
	v->hidden_evidence = calloc(n + 1, sizeof *v->hidden_evidence);
	v->hidden_rels = calloc(n + 1, sizeof *v->hidden_rels);
	sel = calloc(n + 1, 1);
	if (!v->node_on || !v->rel_on || !v->junction || !v->drawn_from || !v->hidden_evidence ||
	    !v->hidden_rels || !sel)
		goto out;

	/* The map's own scope: what file 0 declares, and the imported nodes
	 * its relations mention. A debate map that refers to the claims of
	 * other maps draws those claims, not every map it imports. */
	scope_rel = calloc(m + 1, 1);
	if (!scope_rel)
		goto out;
	in_scope(map, sel, scope_rel);
	v->n_nodes = v->n_rels = 0;
	for (i = 0; i < n; i++)
		v->n_nodes += sel[i];
	for (j = 0; j < m; j++)
		v->n_rels += scope_rel[j];

	if (o->focus) {
		focus_ctx f;
		if (argmap_map_find(map, o->focus, &idx) != ARGMAP_ITEM_NODE) {
			am_buf hint = {0};
			char *h;
			suggest_ids(&hint, map, o->focus);
			h = am_buf_detach(&hint);
			if (diags)
				am_diag(
				    diags, ARGMAP_SEV_ERROR, "AM711", file, 0, 0, h,
				    "--focus '%s' names no question, claim or evidence in this map",
				    o->focus);
			free(h);
			rc = am_fail(ARGMAP_EINVALID, "--focus '%s': no such node", o->focus);
			goto out;
		}
		v->focus = idx;
		/* one relation away = two arcs of the mention graph */
		f.map = map;
		f.focus = idx;
		dist = malloc((n + m + 1) * sizeof *dist);
		if (!dist || am_map_graph_mentions(&mentions, map) != 0 ||
		    am_graph_bfs(&mentions, idx, 2 * (size_t)o->depth, may_expand, &f, dist) != 0)
			goto out;
		for (i = 0; i < n; i++)
			sel[i] = sel[i] && dist[i] != AM_GRAPH_FAR;
		sel[idx] = 1;
	}

	if (o->tag) {
		size_t any = 0;
		tagsel = calloc(n + 1, 1);
		if (!tagsel)
			goto out;
		for (i = 0; i < n; i++)
			if (has_tag(argmap_map_node(map, i), o->tag)) {
				tagsel[i] = 1;
				any++;
			}
		if (!any) {
			am_buf hint = {0};
			char *h;
			list_tags(&hint, map);
			h = am_buf_detach(&hint);
			if (diags)
				am_diag(diags, ARGMAP_SEV_ERROR, "AM712", file, 0, 0, h,
				        "--tag '%s' is carried by no node of this map", o->tag);
			free(h);
			rc = am_fail(ARGMAP_EINVALID, "--tag '%s' selects nothing", o->tag);
			goto out;
		}
		/* untagged evidence inherits the tags of what it supports */
		for (j = 0; j < m; j++) {
			const argmap_relation *r = argmap_map_relation(map, j);
			if (r->kind != ARGMAP_REL_SUPPORT || !node_ref(map, &r->to, &idx) ||
			    !has_tag(argmap_map_node(map, idx), o->tag))
				continue;
			for (k = 0; k < r->n_from; k++) {
				const argmap_node *e;
				if (!node_ref(map, &r->from[k], &idx))
					continue;
				e = argmap_map_node(map, idx);
				if (e->kind == ARGMAP_NODE_EVIDENCE && e->n_tags == 0)
					tagsel[idx] = 1;
			}
		}
		mark = malloc(n + m + 1);
		if (!mark || am_map_graph_upward(&up, map) != 0)
			goto out;
		do
			if (upward_closure(map, &up, tagsel, mark) != 0)
				goto out;
		while (complete_linked(map, tagsel, o->hide_evidence));
		for (i = 0; i < n; i++)
			sel[i] = sel[i] && tagsel[i];
		if (v->focus != ARGMAP_NONE)
			sel[v->focus] = 1;
	}

	if (o->hide_evidence)
		for (i = 0; i < n; i++)
			if (argmap_map_node(map, i)->kind == ARGMAP_NODE_EVIDENCE)
				sel[i] = 0;
	complete_linked(map, sel, o->hide_evidence);
	if (o->hide_evidence)
		for (i = 0; i < n; i++)
			if (argmap_map_node(map, i)->kind == ARGMAP_NODE_EVIDENCE)
				sel[i] = 0;

	memcpy(v->node_on, sel, n);
	for (i = 0; i < n; i++)
		v->nodes_shown += sel[i];

	/* relations: supports, rebuttals and answers first, then undercuts,
	 * which need to know whether the support they attack is drawn */
	for (k = 0; k < 2; k++) {
		for (j = 0; j < m; j++) {
			const argmap_relation *r = argmap_map_relation(map, j);
			const argmap_relation *t;
			size_t drawn = 0, f;
			int to_on;
			if ((r->kind == ARGMAP_REL_UNDERCUT) != (k == 1) || !scope_rel[j])
				continue;
			if (r->kind == ARGMAP_REL_UNDERCUT) {
				t = am_map_undercut_target(map, r);
				to_on = t && v->rel_on[r->to.index];
			} else {
				to_on = node_ref(map, &r->to, &idx) && sel[idx];
			}
			for (f = 0; f < r->n_from; f++)
				if (node_ref(map, &r->from[f], &idx) && sel[idx])
					drawn++;
			v->drawn_from[j] = drawn;
			if (to_on && drawn) {
				v->rel_on[j] = 1;
				v->rels_shown++;
				if (drawn > 1)
					v->junction[j] = 1;
				if (r->kind == ARGMAP_REL_UNDERCUT)
					v->junction[r->to.index] = 1;
			}
		}
	}

	/* what each shown node has that is not drawn */
	for (j = 0; j < m; j++) {
		const argmap_relation *r = argmap_map_relation(map, j);
		size_t f;
		if (v->rel_on[j] || !node_ref(map, &r->to, &idx) || !sel[idx])
			continue;
		for (f = 0; f < r->n_from; f++) {
			size_t p;
			if (!node_ref(map, &r->from[f], &p) || sel[p])
				continue;
			if (r->kind == ARGMAP_REL_SUPPORT &&
			    argmap_map_node(map, p)->kind == ARGMAP_NODE_EVIDENCE)
				v->hidden_evidence[idx]++;
			else
				v->hidden_rels[idx]++;
			break;
		}
	}
	v->filtered = v->nodes_shown < v->n_nodes || v->rels_shown < v->n_rels;
	rc = 0;
out:
	am_graph_free(&mentions);
	am_graph_free(&up);
	free(scope_rel);
	free(sel);
	free(tagsel);
	free(mark);
	free(dist);
	if (rc != 0) {
		if (rc == ARGMAP_ENOMEM)
			am_fail(ARGMAP_ENOMEM, "out of memory while selecting the view");
		am_view_free(v);
	}
	return rc;
}

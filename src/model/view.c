/*
 * view.c - which nodes and relations a view draws. Pure C over the public
 * model; no Graphviz.
 *
 *  --focus ID --depth N  the nodes at most N relations away from ID (or
 *                        from any of several ids: the union; view_focus.c); a
 *                        relation joins every node it mentions (premises,
 *                        conclusion; an undercut also joins the premises and
 *                        conclusion of the support it attacks). Paths do not
 *                        pass through a question (it would join every answer)
 *                        unless the question is ID itself.
 *  --tag T               the nodes carrying T; evidence without tags of its
 *                        own counts as carrying the tags of what it supports;
 *                        then, to stay connected, everything these nodes
 *                        support, attack or answer, up to the questions.
 *                        With --focus too: the intersection, plus the ids.
 *  --actor A (repeatable) every claim A holds and every quote of A (the
 *                        actor's own nodes); then what those support,
 *                        rebut, undercut or answer, and what directly
 *                        supports, rebuts or undercuts them, at any
 *                        distance. With --focus too: the union.
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
#include "model/view_internal.h"
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

/* Adds the co-premises of every reason of the map's scope (scope_rel) whose
 * conclusion and one premise are selected. Returns 1 if anything was added. */
static int complete_linked(const argmap_map *map, unsigned char *sel, int hide_evidence,
                           const unsigned char *scope_rel)
{
	size_t m = argmap_map_relation_count(map), i, k, idx;
	int added = 0;

	for (i = 0; i < m; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		int any = 0, to_on;
		if (r->n_from < 2 || !scope_rel[i])
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
/* "did you mean 'X'? tags in this map: ..." for a --tag that none carries. */
static void list_tags(am_buf *hint, const argmap_map *map, const char *wanted)
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
	if (n_seen) {
		am_suggest sg;
		am_suggest_init(&sg, wanted);
		for (i = 0; i < n_seen; i++)
			am_suggest_offer(&sg, seen[i].tag);
		if (am_suggest_best(&sg))
			am_buf_printf(hint, "did you mean '%s'? ", am_suggest_best(&sg));
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

static void mark_rel_nodes(const argmap_map *map, const argmap_relation *r, unsigned char *sel);

static int is_actor(const argmap_ref *r, const unsigned char *want, size_t na)
{
	return r && r->kind == ARGMAP_ITEM_ACTOR && r->index < na && want[r->index];
}

/* The conclusion node of r; for an undercut, that of the support it attacks. */
static int rel_conclusion(const argmap_map *map, const argmap_relation *r, size_t *idx)
{
	const argmap_relation *t = am_map_undercut_target(map, r);

	return node_ref(map, t ? &t->to : &r->to, idx);
}

static int unknown_actor(const argmap_map *map, const char *id, argmap_diags *diags,
                         const char *file, int holds_nothing)
{
	size_t na = argmap_map_actor_count(map), i;
	am_buf hint = {0};
	am_suggest s;
	char *h;

	if (!holds_nothing) {
		am_suggest_init(&s, id);
		for (i = 0; i < na; i++)
			am_suggest_offer(&s, argmap_map_actor(map, i)->id);
		if (am_suggest_best(&s))
			am_buf_printf(&hint, "did you mean '%s'? ", am_suggest_best(&s));
	}
	am_buf_puts(&hint, "'argmap list actors FILE' lists the actors and what each holds");
	h = am_buf_detach(&hint);
	if (diags) {
		if (holds_nothing)
			am_diag(diags, ARGMAP_SEV_ERROR, "AM715", file, 0, 0, h,
			        "--actor '%s' holds no claim and is quoted in no evidence of this "
			        "map",
			        id);
		else
			am_diag(diags, ARGMAP_SEV_ERROR, "AM715", file, 0, 0, h,
			        "--actor '%s' names no actor of this map", id);
	}
	free(h);
	return am_fail(ARGMAP_EINVALID, "--actor '%s': %s", id,
	               holds_nothing ? "nothing to show" : "no such actor");
}

/* Marks in asel (zeroed, n + 1) what --actor selects within `scope`.
 * Returns 0, ARGMAP_EINVALID (with AM715) or ARGMAP_ENOMEM. */
static int actor_select(const argmap_map *map, const am_view_options *o, const unsigned char *scope,
                        unsigned char *asel, argmap_diags *diags, const char *file)
{
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map);
	size_t na = argmap_map_actor_count(map), i, j, k, idx;
	unsigned char *want = calloc(na + 1, 1), *own = calloc(n + 1, 1);
	int rc = ARGMAP_ENOMEM;

	if (!want || !own)
		goto out;
	for (k = 0; k < o->n_actors; k++) {
		size_t a = ARGMAP_NONE, held = 0;
		if (argmap_map_find(map, o->actors[k], &a) != ARGMAP_ITEM_ACTOR || a >= na) {
			rc = unknown_actor(map, o->actors[k], diags, file, 0);
			goto out;
		}
		want[a] = 1;
		for (i = 0; i < n; i++) {
			const argmap_node *nd = argmap_map_node(map, i);
			size_t b;
			int mine = 0;
			if (!scope[i])
				continue;
			for (b = 0; b < nd->n_by; b++)
				if (nd->by[b].kind == ARGMAP_ITEM_ACTOR && nd->by[b].index == a)
					mine = 1;
			if (nd->speaker && nd->speaker->kind == ARGMAP_ITEM_ACTOR &&
			    nd->speaker->index == a)
				mine = 1;
			held += mine;
		}
		if (!held) {
			rc = unknown_actor(map, o->actors[k], diags, file, 1);
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		size_t b;
		for (b = 0; b < nd->n_by; b++)
			if (is_actor(&nd->by[b], want, na))
				own[i] = 1;
		if (is_actor(nd->speaker, want, na))
			own[i] = 1;
		own[i] = own[i] && scope[i];
		asel[i] = own[i];
	}
	for (j = 0; j < m; j++) {
		const argmap_relation *r = argmap_map_relation(map, j);
		int from_own = 0;
		for (k = 0; k < r->n_from; k++)
			if (node_ref(map, &r->from[k], &idx) && own[idx])
				from_own = 1;
		/* what the actor's nodes support, attack or answer */
		if (from_own)
			mark_rel_nodes(map, r, asel);
		/* what directly supports, rebuts or undercuts the actor's nodes */
		if (rel_conclusion(map, r, &idx) && own[idx])
			for (k = 0; k < r->n_from; k++)
				if (node_ref(map, &r->from[k], &idx))
					asel[idx] = 1;
	}
	rc = 0;
out:
	free(want);
	free(own);
	return rc;
}

void am_view_free(am_view *v)
{
	free(v->node_on);
	free(v->rel_on);
	free(v->junction);
	free(v->drawn_from);
	free(v->hidden_evidence);
	free(v->hidden_rels);
	free(v->focus_on);
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

/* 1 if r is a linked reason (not an undercut) whose conclusion and at least
 * one premise are in sel. */
static int linked_into(const argmap_map *map, const argmap_relation *r, const unsigned char *sel)
{
	size_t f, idx;

	if (r->n_from < 2 || r->kind == ARGMAP_REL_UNDERCUT || !node_ref(map, &r->to, &idx) ||
	    !sel[idx])
		return 0;
	for (f = 0; f < r->n_from; f++)
		if (node_ref(map, &r->from[f], &idx) && sel[idx])
			return 1;
	return 0;
}

/* sel: the nodes file 0 declares or its relations mention; scope_rel: the
 * relations file 0 declares, the imported linked reasons that join those
 * nodes (drawn whole: their other premises join the scope), and imported
 * relations among the nodes so selected. One pass each, so linear. */
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
	for (j = 0; j < m; j++) /* decided on the nodes above, marked after */
		if (!scope_rel[j] && linked_into(map, argmap_map_relation(map, j), sel))
			scope_rel[j] = 2;
	for (j = 0; j < m; j++)
		if (scope_rel[j] == 2) {
			scope_rel[j] = 1;
			mark_rel_nodes(map, argmap_map_relation(map, j), sel);
		}
	for (j = 0; j < m; j++)
		if (!scope_rel[j] && rel_nodes_in(map, argmap_map_relation(map, j), sel))
			scope_rel[j] = 1;
}

int am_view_build(am_view *v, const argmap_map *map, const am_view_options *o, argmap_diags *diags,
                  const char *file)
{
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map), i, j, k, idx;
	am_graph up = {0};
	unsigned char *sel = NULL, *tagsel = NULL, *scope_rel = NULL, *mark = NULL;
	unsigned char *asel = NULL;
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
		dist = malloc((n + m + 1) * sizeof *dist);
		if (!dist)
			goto out;
		rc = am_view_focus(v, map, o->focus, o->depth, dist, diags, file);
		if (rc != 0)
			goto out;
		rc = ARGMAP_ENOMEM;
	}
	if (o->n_actors) {
		asel = calloc(n + 1, 1);
		if (!asel)
			goto out;
		rc = actor_select(map, o, sel, asel, diags, file);
		if (rc != 0)
			goto out;
		rc = ARGMAP_ENOMEM;
	}
	if (dist || asel) {
		for (i = 0; i < n; i++)
			sel[i] = sel[i] && ((dist && dist[i] != AM_GRAPH_FAR) || (asel && asel[i]));
		for (i = 0; v->focus_on && i < n; i++)
			sel[i] |= v->focus_on[i];
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
			list_tags(&hint, map, o->tag);
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
		while (complete_linked(map, tagsel, o->hide_evidence, scope_rel));
		for (i = 0; i < n; i++)
			sel[i] = sel[i] && tagsel[i];
		for (i = 0; v->focus_on && i < n; i++)
			sel[i] |= v->focus_on[i];
	}

	if (o->hide_evidence)
		for (i = 0; i < n; i++)
			if (argmap_map_node(map, i)->kind == ARGMAP_NODE_EVIDENCE)
				sel[i] = 0;
	complete_linked(map, sel, o->hide_evidence, scope_rel);
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
	am_graph_free(&up);
	free(scope_rel);
	free(sel);
	free(tagsel);
	free(asel);
	free(mark);
	free(dist);
	if (rc != 0) {
		if (rc == ARGMAP_ENOMEM)
			am_fail(ARGMAP_ENOMEM, "out of memory while selecting the view");
		am_view_free(v);
	}
	return rc;
}

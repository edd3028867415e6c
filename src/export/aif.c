/*
 * aif.c - a map as AIF JSON, the format of AIFdb and OVA (docs/interop.md,
 * "AIF"), on the one walker.
 *
 *   claim, question          I-node, nodeID = the argmap id
 *   evidence                 I-node (the quote) + L-node "Speaker: quote"
 *                            --YA "Asserting"--> the I-node; the speaker
 *                            is the L-node's locution
 *   support                  RA-node: premises --> RA --> conclusion (one
 *                            RA with several premises for linked ones)
 *   rebut                    CA-node: attacker --> CA --> claim
 *   undercut                 CA-node: attacker --> CA --> the support's RA
 *   answer                   RA-node: claim --> RA --> question
 *   actor                    participant (participantID = index + 1)
 *
 * Everything AIF has no place for (sources and citations, holders, tags,
 * notes, locators, basis, stances, the meta block) goes to the one
 * namespaced object AM_AIF_NS_KEY at the top level, keyed by nodeID, so
 * AIF tools ignore it and argmap's importer restores the map from it.
 *
 * Node ids are deterministic and never collide with argmap ids, whose
 * characters exclude ':' and '#': "L:<id>" and "YA:<id>" for an
 * evidence's locution, "RA:<id>" / "CA:<id>" for a relation with an id,
 * "RA:#<n>" / "CA:#<n>" (the n-th relation written) for one without. Edge
 * ids count from 1 in the order the edges are written.
 */
#include "export/exporters.h"

#include <stdio.h>
#include <string.h>

#include "model/walk.h"
#include "read/aif.h" /* AM_AIF_NS_KEY, AM_AIF_NS_VERSION */
#include "util/am_internal.h"
#include "util/json.h"

typedef struct aif_out {
	const argmap_map *map;
	const am_view *view;
	json_t *root, *nodes, *edges, *locutions, *participants;
	json_t *ns, *ns_sources, *ns_actors, *ns_nodes, *ns_rels;
	size_t next_edge, rels_written;
	int fail;
} aif_out;

/* The nodeID of a relation: "RA:<id>", or "RA:#<n>" for the n-th relation
 * written (from 1): so an export of a view, imported, exports to the same
 * bytes. An undercut's support always has an id. */
static void rel_node_id(char *dst, size_t cap, const argmap_relation *r, size_t n)
{
	const char *t = r->kind == ARGMAP_REL_SUPPORT || r->kind == ARGMAP_REL_ANSWER ? "RA" : "CA";

	if (r->id)
		snprintf(dst, cap, "%s:%s", t, r->id);
	else
		snprintf(dst, cap, "%s:#%zu", t, n);
}

/* The view's arrays are indexed like the map's items (its n_nodes and
 * n_rels count the items in scope, not the arrays' lengths). */
static int node_shown(const aif_out *o, size_t i)
{
	return !o->view || (i < argmap_map_node_count(o->map) && o->view->node_on[i]);
}

static int rel_shown(const aif_out *o, size_t i)
{
	return !o->view || (i < argmap_map_relation_count(o->map) && o->view->rel_on[i]);
}

/* 1 if relation i is written: the view shows it, at least one of its
 * premises and what it aims at (a node; for an undercut, a support that is
 * written itself). AIF has no RA or CA without both ends, and an import
 * must give back exactly what was written. */
static int rel_written(const aif_out *o, size_t i)
{
	const argmap_relation *r = argmap_map_relation(o->map, i);
	size_t k;
	int premise = 0;

	if (!r || !rel_shown(o, i))
		return 0;
	for (k = 0; k < r->n_from && !premise; k++)
		premise = r->from[k].kind == ARGMAP_ITEM_NODE && node_shown(o, r->from[k].index);
	if (!premise)
		return 0;
	if (r->kind != ARGMAP_REL_UNDERCUT)
		return r->to.kind == ARGMAP_ITEM_NODE && node_shown(o, r->to.index);
	if (r->to.kind != ARGMAP_ITEM_RELATION)
		return 0;
	i = r->to.index;
	r = argmap_map_relation(o->map, i); /* the support: no deeper */
	if (!r || r->kind == ARGMAP_REL_UNDERCUT || !rel_shown(o, i))
		return 0;
	for (k = 0, premise = 0; k < r->n_from && !premise; k++)
		premise = r->from[k].kind == ARGMAP_ITEM_NODE && node_shown(o, r->from[k].index);
	return premise && r->to.kind == ARGMAP_ITEM_NODE && node_shown(o, r->to.index);
}

static json_t *new_node(const char *id, const char *text, const char *type)
{
	json_t *n = json_object();

	if (n && (am_json_set(n, "nodeID", json_string(id)) |
	          am_json_set(n, "text", am_json_text(text)) |
	          am_json_set(n, "type", json_string(type)))) {
		json_decref(n);
		return NULL;
	}
	return n;
}

static void add_node(aif_out *o, const char *id, const char *text, const char *type)
{
	json_t *n = new_node(id, text, type);

	if (!n || json_array_append_new(o->nodes, n))
		o->fail = 1;
}

static void add_edge(aif_out *o, const char *from, const char *to)
{
	json_t *e = json_object();

	if (!e ||
	    am_json_set(e, "edgeID", json_integer((json_int_t)++o->next_edge)) |
	        am_json_set(e, "fromID", json_string(from)) |
	        am_json_set(e, "toID", json_string(to)) ||
	    json_array_append_new(o->edges, e))
		o->fail = 1;
}

/* obj[key] = [ids of refs], left out when there are none. */
static int set_refs(json_t *obj, const char *key, const argmap_ref *refs, size_t n)
{
	json_t *a;
	size_t i;

	if (!n)
		return 0;
	a = json_array();
	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(refs[i].id))) {
			json_decref(a);
			a = NULL;
		}
	return am_json_set(obj, key, a);
}

/* obj[key] = text, left out when NULL. */
static int set_opt(json_t *obj, const char *key, const char *text)
{
	return text ? am_json_set(obj, key, json_string(text)) : 0;
}

static int set_strings(json_t *obj, const char *key, const char *const *s, size_t n)
{
	json_t *a;
	size_t i;

	if (!n)
		return 0;
	a = json_array();
	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(s[i]))) {
			json_decref(a);
			a = NULL;
		}
	return am_json_set(obj, key, a);
}

static void on_file(aif_out *o, size_t index, const argmap_file *f)
{
	json_t *meta;

	if (index != 0)
		return; /* the export is one debate: the meta of file 0 */
	meta = json_object();
	if (!meta ||
	    set_opt(meta, "title", f->title) | set_opt(meta, "description", f->description) |
	        set_strings(meta, "editors", f->editors, f->n_editors) |
	        set_opt(meta, "date", f->date) | set_opt(meta, "lang", f->lang) ||
	    am_json_set(o->ns, "meta", meta))
		o->fail = 1;
}

static void on_source(aif_out *o, const argmap_source *s)
{
	json_t *j = json_object();

	if (!j ||
	    am_json_set(j, "id", json_string(s->id)) |
	        am_json_set(j, "kind", json_string(argmap_source_kind_name(s->kind))) |
	        set_opt(j, "title", s->title) | set_opt(j, "publisher", s->publisher) |
	        set_refs(j, "authors", s->authors, s->n_authors) | set_opt(j, "date", s->date) |
	        set_opt(j, "url", s->url) | set_opt(j, "accessed", s->accessed) |
	        set_opt(j, "textfile", s->textfile) | set_opt(j, "note", s->note) ||
	    json_array_append_new(o->ns_sources, j))
		o->fail = 1;
}

/* An actor is both an AIF participant and an argmap record. */
static void on_actor(aif_out *o, size_t index, const argmap_actor *a)
{
	json_t *p = json_object(), *j = json_object();

	if (!p || !j ||
	    am_json_set(p, "participantID", json_integer((json_int_t)index + 1)) |
	        am_json_set(p, "firstname", json_string(a->name)) |
	        am_json_set(p, "surname", json_string("")) ||
	    json_array_append_new(o->participants, p)) {
		json_decref(j);
		o->fail = 1;
		return;
	}
	if (am_json_set(j, "id", json_string(a->id)) |
	        am_json_set(j, "kind", json_string(argmap_actor_kind_name(a->kind))) |
	        am_json_set(j, "participantID", json_integer((json_int_t)index + 1)) |
	        am_json_set(j, "name", json_string(a->name)) |
	        set_opt(j, "affiliation", a->affiliation) | set_opt(j, "role", a->role) |
	        set_opt(j, "note", a->note) ||
	    json_array_append_new(o->ns_actors, j))
		o->fail = 1;
}

/* The locution of an evidence: L-node "Name: quote", YA "Asserting". */
static void add_locution(aif_out *o, const argmap_node *n)
{
	char lid[160], yid[160];
	const argmap_actor *sp = NULL;
	json_t *loc;

	snprintf(lid, sizeof lid, "L:%s", n->id);
	snprintf(yid, sizeof yid, "YA:%s", n->id);
	if (n->speaker && n->speaker->kind == ARGMAP_ITEM_ACTOR)
		sp = argmap_map_actor(o->map, n->speaker->index);
	if (sp) {
		am_buf t = {0};
		am_buf_printf(&t, "%s: %s", sp->name, n->text ? n->text : "");
		if (t.failed)
			o->fail = 1;
		else
			add_node(o, lid, t.data, "L");
		am_buf_free(&t);
	} else {
		add_node(o, lid, n->text, "L");
	}
	add_node(o, yid, "Asserting", "YA");
	add_edge(o, lid, yid);
	add_edge(o, yid, n->id);
	if (!sp)
		return;
	loc = json_object();
	if (!loc ||
	    am_json_set(loc, "nodeID", json_string(lid)) |
	        am_json_set(loc, "personID", json_integer((json_int_t)n->speaker->index + 1)) ||
	    json_array_append_new(o->locutions, loc))
		o->fail = 1;
}

static void on_node(aif_out *o, const argmap_node *n)
{
	json_t *j = json_object();

	add_node(o, n->id, n->text, "I");
	if (n->kind == ARGMAP_NODE_EVIDENCE)
		add_locution(o, n);
	if (!j ||
	    am_json_set(j, "kind", json_string(argmap_node_kind_name(n->kind))) |
	        set_refs(j, "by", n->by, n->n_by) |
	        set_refs(j, "source", n->sources, n->n_sources) |
	        (n->speaker ? am_json_set(j, "speaker", json_string(n->speaker->id)) : 0) |
	        set_opt(j, "locator", n->locator) | set_strings(j, "tags", n->tags, n->n_tags) |
	        set_opt(j, "note", n->note) ||
	    json_object_set_new(o->ns_nodes, n->id, j))
		o->fail = 1;
}

static void on_relation(aif_out *o, size_t index, const argmap_relation *r)
{
	char id[160], target[160];
	const char *to = r->to.id;
	size_t i;
	json_t *j;

	if (!rel_written(o, index))
		return; /* an end of it is not in this view */
	rel_node_id(id, sizeof id, r, ++o->rels_written);
	if (r->kind == ARGMAP_REL_UNDERCUT) {
		rel_node_id(target, sizeof target, argmap_map_relation(o->map, r->to.index), 0);
		to = target;
	}
	add_node(o, id,
	         r->kind == ARGMAP_REL_SUPPORT || r->kind == ARGMAP_REL_ANSWER ? "Default Inference"
	                                                                       : "Default Conflict",
	         r->kind == ARGMAP_REL_SUPPORT || r->kind == ARGMAP_REL_ANSWER ? "RA" : "CA");
	for (i = 0; i < r->n_from; i++)
		if (r->from[i].kind == ARGMAP_ITEM_NODE && node_shown(o, r->from[i].index))
			add_edge(o, r->from[i].id, id);
	add_edge(o, id, to);
	j = json_object();
	if (!j ||
	    am_json_set(j, "kind", json_string(argmap_relation_kind_name(r->kind))) |
	        set_opt(j, "id", r->id) |
	        (r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE
	             ? am_json_set(j, "stance", json_string(argmap_stance_name(r->stance)))
	             : 0) |
	        set_refs(j, "by", r->by, r->n_by) |
	        set_refs(j, "source", r->sources, r->n_sources) |
	        (r->basis == ARGMAP_BASIS_EDITOR ? am_json_set(j, "basis", json_string("editor"))
	                                         : 0) |
	        set_opt(j, "note", r->note) ||
	    json_object_set_new(o->ns_rels, id, j))
		o->fail = 1;
}

static int visit(void *ud, am_walk_event ev, size_t index, const void *item)
{
	aif_out *o = ud;

	switch (ev) {
	case AM_WALK_FILE: on_file(o, index, item); break;
	case AM_WALK_SOURCE: on_source(o, item); break;
	case AM_WALK_ACTOR: on_actor(o, index, item); break;
	case AM_WALK_NODE: on_node(o, item); break;
	case AM_WALK_RELATION: on_relation(o, index, item); break;
	case AM_WALK_END: break;
	}
	return o->fail;
}

int am_export_aif(const argmap_map *map, const am_view *view, am_buf *out)
{
	aif_out o;
	int rc = ARGMAP_ENOMEM;

	memset(&o, 0, sizeof o);
	o.map = map;
	o.view = view;
	o.root = json_object();
	o.nodes = json_array();
	o.edges = json_array();
	o.locutions = json_array();
	o.participants = json_array();
	o.ns = json_object();
	o.ns_sources = json_array();
	o.ns_actors = json_array();
	o.ns_nodes = json_object();
	o.ns_rels = json_object();
	if (!o.root || !o.nodes || !o.edges || !o.locutions || !o.participants || !o.ns ||
	    !o.ns_sources || !o.ns_actors || !o.ns_nodes || !o.ns_rels)
		goto done;
	if (am_json_set(o.ns, "version", json_integer(AM_AIF_NS_VERSION)))
		goto done;
	if (am_walk(map, view, visit, &o) || o.fail)
		goto done;
	/* AIFdb's keys first, in AIFdb's order; then argmap's. */
	if (json_object_set(o.root, "nodes", o.nodes) ||
	    json_object_set(o.root, "edges", o.edges) ||
	    json_object_set(o.root, "locutions", o.locutions) ||
	    json_object_set(o.root, "participants", o.participants) ||
	    json_object_set(o.ns, "sources", o.ns_sources) ||
	    json_object_set(o.ns, "actors", o.ns_actors) ||
	    json_object_set(o.ns, "nodes", o.ns_nodes) ||
	    json_object_set(o.ns, "relations", o.ns_rels) ||
	    json_object_set(o.root, AM_AIF_NS_KEY, o.ns))
		goto done;
	/* am_json_append sets the last error itself when it fails */
	rc = am_json_append(out, o.root, AM_JSON_PRETTY) ? 1 : 0;
done:
	json_decref(o.nodes);
	json_decref(o.edges);
	json_decref(o.locutions);
	json_decref(o.participants);
	json_decref(o.ns_sources);
	json_decref(o.ns_actors);
	json_decref(o.ns_nodes);
	json_decref(o.ns_rels);
	json_decref(o.ns);
	json_decref(o.root);
	if (rc == 1)
		return ARGMAP_ENOMEM;
	if (rc)
		return am_fail(ARGMAP_ENOMEM, "out of memory while writing AIF");
	return 0;
}

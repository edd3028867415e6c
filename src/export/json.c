/*
 * json.c - the argmap JSON export: the whole model of a map (or a view of
 * it) as one document, for the interactive HTML view and other programs.
 *
 * The document is described by docs/argmap-json.schema.json; its rules:
 *  - a header {"format": "argmap-json", "version": 1};
 *  - arrays in map order (the walker's), items named by their ids; a
 *    relation without an id gets the key "#<index>" ('#' cannot start an
 *    XML id), so every relation can be named;
 *  - every key of an item is always present (null, [] or 0 when empty);
 *  - with a view, nodes and relations outside it are left out, and every
 *    reference to a node names a node of the document: a relation drawn
 *    without some hidden premises lists the premises shown in "from" and
 *    counts the others in "from_hidden".
 * Built as a jansson tree and serialised by am_json_append (deterministic,
 * HTML-safe). Linear in the size of the map: tags are counted through a
 * jansson object used as a hash set.
 */
#include <stdio.h>
#include <string.h>

#include "export/exporters.h"
#include "model/walk.h"
#include "util/am_internal.h"
#include "util/json.h"

typedef struct json_ctx {
	const argmap_map *map;
	const am_view *view;
	json_t *files, *sources, *actors, *nodes, *relations, *tags;
	json_t *tag_pos; /* tag -> index in tags */
} json_ctx;

static json_t *refs_json(const argmap_ref *refs, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(refs[i].id)) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *strings_json(const char *const *s, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(s[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* "file", "line", "col" of a location. */
static int set_loc(json_t *o, argmap_loc loc)
{
	return am_json_set(o, "file", json_integer((json_int_t)loc.file)) ||
	       am_json_set(o, "line", json_integer(loc.line)) ||
	       am_json_set(o, "col", json_integer(loc.col));
}

static int add_file(json_ctx *c, size_t index, const argmap_file *f)
{
	json_t *o, *imports = json_array();
	size_t i;

	for (i = 0; imports && i < f->n_imports; i++)
		if (json_array_append_new(imports, json_integer((json_int_t)f->imports[i])) != 0) {
			json_decref(imports);
			imports = NULL;
		}
	if (!imports)
		return -1;
	o = json_object();
	if (!o || am_json_set(o, "index", json_integer((json_int_t)index)) ||
	    am_json_set(o, "path", json_string(f->path)) ||
	    am_json_set(o, "kind",
	                json_string(f->kind == ARGMAP_FILE_LIBRARY ? "library" : "map")) ||
	    am_json_set(o, "title", am_json_text(f->title)) ||
	    am_json_set(o, "description", am_json_text(f->description)) ||
	    am_json_set(o, "editors", strings_json(f->editors, f->n_editors)) ||
	    am_json_set(o, "date", am_json_text(f->date)) ||
	    am_json_set(o, "lang", am_json_text(f->lang)) ||
	    am_json_set(o, "imports", json_incref(imports)) || set_loc(o, f->loc)) {
		json_decref(imports);
		json_decref(o);
		return -1;
	}
	json_decref(imports);
	return json_array_append_new(c->files, o) != 0 ? -1 : 0;
}

static int add_source(json_ctx *c, const argmap_source *s)
{
	json_t *o = json_object();

	if (!o || am_json_set(o, "id", json_string(s->id)) ||
	    am_json_set(o, "kind", json_string(argmap_source_kind_name(s->kind))) ||
	    am_json_set(o, "title", am_json_text(s->title)) ||
	    am_json_set(o, "publisher", am_json_text(s->publisher)) ||
	    am_json_set(o, "authors", refs_json(s->authors, s->n_authors)) ||
	    am_json_set(o, "date", am_json_text(s->date)) ||
	    am_json_set(o, "url", am_json_text(s->url)) ||
	    am_json_set(o, "accessed", am_json_text(s->accessed)) ||
	    am_json_set(o, "textfile", am_json_text(s->textfile)) ||
	    am_json_set(o, "note", am_json_text(s->note)) || set_loc(o, s->loc)) {
		json_decref(o);
		return -1;
	}
	return json_array_append_new(c->sources, o) != 0 ? -1 : 0;
}

static int add_actor(json_ctx *c, const argmap_actor *a)
{
	json_t *o = json_object();

	if (!o || am_json_set(o, "id", json_string(a->id)) ||
	    am_json_set(o, "kind", json_string(argmap_actor_kind_name(a->kind))) ||
	    am_json_set(o, "name", am_json_text(a->name)) ||
	    am_json_set(o, "affiliation", am_json_text(a->affiliation)) ||
	    am_json_set(o, "role", am_json_text(a->role)) ||
	    am_json_set(o, "note", am_json_text(a->note)) || set_loc(o, a->loc)) {
		json_decref(o);
		return -1;
	}
	return json_array_append_new(c->actors, o) != 0 ? -1 : 0;
}

/* Counts the node's tags in c->tags, in order of first appearance. */
static int count_tags(json_ctx *c, const argmap_node *n)
{
	size_t i;

	for (i = 0; i < n->n_tags; i++) {
		json_t *pos = json_object_get(c->tag_pos, n->tags[i]), *t;
		if (pos) {
			t = json_array_get(c->tags, (size_t)json_integer_value(pos));
			if (json_object_set_new(
			        t, "count",
			        json_integer(json_integer_value(json_object_get(t, "count")) +
			                     1)) != 0)
				return -1;
			continue;
		}
		t = json_object();
		if (!t || am_json_set(t, "name", json_string(n->tags[i])) ||
		    am_json_set(t, "count", json_integer(1))) {
			json_decref(t);
			return -1;
		}
		if (am_json_set(c->tag_pos, n->tags[i],
		                json_integer((json_int_t)json_array_size(c->tags))) != 0 ||
		    json_array_append_new(c->tags, t) != 0)
			return -1;
	}
	return 0;
}

static int add_node(json_ctx *c, const argmap_node *n)
{
	json_t *o = json_object();
	int ev = n->kind == ARGMAP_NODE_EVIDENCE;

	if (!o || am_json_set(o, "id", json_string(n->id)) ||
	    am_json_set(o, "kind", json_string(argmap_node_kind_name(n->kind))) ||
	    am_json_set(o, "text", json_string(n->text ? n->text : "")) ||
	    am_json_set(o, "title", am_json_text(n->title)) ||
	    am_json_set(o, "note", am_json_text(n->note)) ||
	    am_json_set(o, "by", refs_json(n->by, n->n_by)) ||
	    am_json_set(o, "sources", refs_json(n->sources, n->n_sources)) ||
	    am_json_set(o, "speaker",
	                ev && n->speaker ? json_string(n->speaker->id) : json_null()) ||
	    am_json_set(o, "locator", am_json_text(ev ? n->locator : NULL)) ||
	    am_json_set(o, "tags", strings_json(n->tags, n->n_tags)) || set_loc(o, n->loc) ||
	    am_json_set(o, "text_line", json_integer(n->text_loc.line))) {
		json_decref(o);
		return -1;
	}
	if (json_array_append_new(c->nodes, o) != 0)
		return -1;
	return count_tags(c, n);
}

static int add_relation(json_ctx *c, size_t index, const argmap_relation *r)
{
	json_t *o, *from = json_array();
	size_t i, hidden = 0;
	char key[32];
	int bad = !from;

	for (i = 0; !bad && i < r->n_from; i++) {
		const argmap_ref *p = &r->from[i];
		if (p->kind == ARGMAP_ITEM_NODE && p->index < argmap_map_node_count(c->map) &&
		    !c->view->node_on[p->index])
			hidden++;
		else
			bad = json_array_append_new(from, json_string(p->id)) != 0;
	}
	snprintf(key, sizeof key, "#%zu", index);
	o = bad ? NULL : json_object();
	bad = !o || am_json_set(o, "id", am_json_text(r->id)) ||
	      am_json_set(o, "key", json_string(r->id ? r->id : key)) ||
	      am_json_set(o, "kind", json_string(argmap_relation_kind_name(r->kind))) ||
	      am_json_set(o, "from", json_incref(from)) ||
	      am_json_set(o, "from_hidden", json_integer((json_int_t)hidden)) ||
	      am_json_set(o, "linked", json_boolean(r->n_from > 1)) ||
	      am_json_set(o, "to", json_string(r->to.id)) ||
	      am_json_set(o, "to_kind",
	                  json_string(r->to.kind == ARGMAP_ITEM_RELATION ? "relation" : "node")) ||
	      am_json_set(o, "stance",
	                  r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE
	                      ? json_string(argmap_stance_name(r->stance))
	                      : json_null()) ||
	      am_json_set(o, "by", refs_json(r->by, r->n_by)) ||
	      am_json_set(o, "sources", refs_json(r->sources, r->n_sources)) ||
	      am_json_set(o, "basis", json_string(argmap_basis_name(r->basis))) ||
	      am_json_set(o, "note", am_json_text(r->note)) || set_loc(o, r->loc);
	json_decref(from);
	if (bad) {
		json_decref(o);
		return -1;
	}
	return json_array_append_new(c->relations, o) != 0 ? -1 : 0;
}

static int visit(void *ud, am_walk_event ev, size_t index, const void *item)
{
	json_ctx *c = ud;

	switch (ev) {
	case AM_WALK_FILE: return add_file(c, index, item);
	case AM_WALK_SOURCE: return add_source(c, item);
	case AM_WALK_ACTOR: return add_actor(c, item);
	case AM_WALK_NODE: return add_node(c, item);
	case AM_WALK_RELATION: return add_relation(c, index, item);
	case AM_WALK_END: return 0;
	}
	return 0;
}

/* The document's "meta" (file 0's) and "view" objects. */
static json_t *meta_json(const argmap_map *map)
{
	const argmap_file *f = argmap_map_file(map, 0);
	json_t *o = json_object();

	if (!o || am_json_set(o, "title", am_json_text(f->title)) ||
	    am_json_set(o, "description", am_json_text(f->description)) ||
	    am_json_set(o, "editors", strings_json(f->editors, f->n_editors)) ||
	    am_json_set(o, "date", am_json_text(f->date)) ||
	    am_json_set(o, "lang", am_json_text(f->lang))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *view_json(const argmap_map *map, const am_view *v)
{
	json_t *o = json_object(), *ids = json_array();
	size_t i, n = argmap_map_node_count(map);

	if (!o) {
		json_decref(ids);
		return NULL;
	}
	/* every focus (--focus repeated: the union), in the map's order */
	for (i = 0; ids && v->focus_on && i < n; i++)
		if (v->focus_on[i] &&
		    json_array_append_new(ids, json_string(argmap_map_node(map, i)->id)))
			break;
	if (!ids || am_json_set(o, "focus_ids", ids) ||
	    am_json_set(o, "filtered", json_boolean(v->filtered)) ||
	    am_json_set(o, "focus",
	                v->focus != ARGMAP_NONE && v->focus < argmap_map_node_count(map)
	                    ? json_string(argmap_map_node(map, v->focus)->id)
	                    : json_null()) ||
	    am_json_set(o, "nodes_total", json_integer((json_int_t)v->n_nodes)) ||
	    am_json_set(o, "nodes_shown", json_integer((json_int_t)v->nodes_shown)) ||
	    am_json_set(o, "relations_total", json_integer((json_int_t)v->n_rels)) ||
	    am_json_set(o, "relations_shown", json_integer((json_int_t)v->rels_shown))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int am_export_json(const argmap_map *map, const am_view *view, am_buf *out)
{
	json_ctx c;
	json_t *doc = json_object();
	int rc = ARGMAP_ENOMEM;

	memset(&c, 0, sizeof c);
	c.map = map;
	c.view = view;
	c.files = json_array();
	c.sources = json_array();
	c.actors = json_array();
	c.nodes = json_array();
	c.relations = json_array();
	c.tags = json_array();
	c.tag_pos = json_object();
	if (!doc || !c.tag_pos || am_json_set(doc, "format", json_string("argmap-json")) ||
	    am_json_set(doc, "version", json_integer(1)) ||
	    am_json_set(doc, "meta", meta_json(map)) ||
	    am_json_set(doc, "view", view_json(map, view)) ||
	    am_json_set(doc, "files", json_incref(c.files)) ||
	    am_json_set(doc, "sources", json_incref(c.sources)) ||
	    am_json_set(doc, "actors", json_incref(c.actors)) ||
	    am_json_set(doc, "nodes", json_incref(c.nodes)) ||
	    am_json_set(doc, "relations", json_incref(c.relations)) ||
	    am_json_set(doc, "tags", json_incref(c.tags)))
		goto done;
	if (am_walk(map, view, visit, &c) != 0)
		goto done;
	rc = am_json_append(out, doc, AM_JSON_PRETTY);
done:
	if (rc == ARGMAP_ENOMEM && !out->failed)
		am_fail(ARGMAP_ENOMEM, "out of memory while building the JSON export");
	json_decref(doc);
	json_decref(c.files);
	json_decref(c.sources);
	json_decref(c.actors);
	json_decref(c.nodes);
	json_decref(c.relations);
	json_decref(c.tags);
	json_decref(c.tag_pos);
	return rc;
}

/*
 * navigate.c - go to definition, find references, rename, and document
 * symbols, on the last analysis of a document (lsp.h). Every id the model
 * records (by, source, from, to, speaker, authors, and each declaration)
 * is found across the imported files.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "lsp/rpc.h"
#include "util/json.h"

typedef void (*ref_fn)(const argmap_ref *ref, void *arg);

static void refs(const argmap_ref *r, size_t n, ref_fn fn, void *arg)
{
	size_t i;

	for (i = 0; r && i < n; i++)
		if (r[i].id && r[i].id[0])
			fn(&r[i], arg);
}

/* Every reference to an id in the debate. */
static void each_ref(const argmap_map *m, ref_fn fn, void *arg)
{
	size_t i, n;

	for (i = 0, n = argmap_map_source_count(m); i < n; i++) {
		const argmap_source *s = argmap_map_source(m, i);
		refs(s->authors, s->n_authors, fn, arg);
	}
	for (i = 0, n = argmap_map_node_count(m); i < n; i++) {
		const argmap_node *d = argmap_map_node(m, i);
		refs(d->by, d->n_by, fn, arg);
		refs(d->sources, d->n_sources, fn, arg);
		refs(d->speaker, d->speaker ? 1 : 0, fn, arg);
	}
	for (i = 0, n = argmap_map_relation_count(m); i < n; i++) {
		const argmap_relation *r = argmap_map_relation(m, i);
		refs(r->from, r->n_from, fn, arg);
		refs(&r->to, 1, fn, arg);
		refs(r->by, r->n_by, fn, arg);
		refs(r->sources, r->n_sources, fn, arg);
	}
}

/* The id under the cursor, copied into buf; NULL when there is none. */
static const char *word_at(am_lsp_doc *doc, size_t off, char *buf, size_t cap)
{
	size_t a, b;

	am_text_word(&doc->text, off, &a, &b);
	if (b == a || b - a >= cap)
		return NULL;
	memcpy(buf, doc->text.s + a, b - a);
	buf[b - a] = '\0';
	return buf;
}

static am_lsp_doc *doc_and_id(am_lsp_server *srv, const json_t *id, const json_t *params, char *buf,
                              size_t cap, const char **word)
{
	size_t off;
	am_lsp_doc *doc = am_lsp_position(srv, id, params, &off);

	if (!doc)
		return NULL;
	*word = word_at(doc, off, buf, cap);
	if (!doc->map || !*word || argmap_map_id_loc(doc->map, *word, NULL) == ARGMAP_ITEM_NONE)
		*word = NULL;
	return doc;
}

void am_lsp_definition(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	char buf[512];
	const char *w;
	am_lsp_doc *doc = doc_and_id(srv, id, params, buf, sizeof buf, &w);
	argmap_loc loc;

	if (!doc)
		return;
	if (!w) {
		am_lsp_reply(srv, id, json_null());
		return;
	}
	argmap_map_id_loc(doc->map, w, &loc);
	am_lsp_reply(srv, id, am_lsp_location(srv, doc, loc, strlen(w)));
}

typedef struct collect {
	am_lsp_server *srv;
	am_lsp_doc *doc;
	const char *id;
	json_t *out;
} collect;

static void add_location(const argmap_ref *r, void *arg)
{
	collect *c = arg;

	if (strcmp(r->id, c->id) == 0)
		json_array_append_new(c->out,
		                      am_lsp_location(c->srv, c->doc, r->loc, strlen(r->id)));
}

void am_lsp_references(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	char buf[512];
	const char *w;
	am_lsp_doc *doc = doc_and_id(srv, id, params, buf, sizeof buf, &w);
	collect c;

	if (!doc)
		return;
	c.out = json_array();
	if (w && c.out) {
		c.srv = srv;
		c.doc = doc;
		c.id = w;
		if (json_is_true(json_object_get(json_object_get(params, "context"),
		                                 "includeDeclaration"))) {
			argmap_loc loc;
			argmap_map_id_loc(doc->map, w, &loc);
			json_array_append_new(c.out, am_lsp_location(srv, doc, loc, strlen(w)));
		}
		each_ref(doc->map, add_location, &c);
	}
	am_lsp_reply(srv, id, c.out);
}

/* An id argmap accepts: an XML name of ASCII letters, digits, '-', '_',
 * '.', not starting with a digit, '-' or '.'. */
static int valid_new_id(const char *s)
{
	size_t i;

	if (!s || !*s || strlen(s) > 200 || (*s >= '0' && *s <= '9') || *s == '-' || *s == '.')
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return 0;
	return 1;
}

typedef struct edits {
	am_lsp_server *srv;
	am_lsp_doc *doc;
	const char *id, *new_id;
	json_t *changes; /* uri -> [TextEdit] */
} edits;

static void add_edit_at(edits *e, argmap_loc loc)
{
	json_t *l = am_lsp_location(e->srv, e->doc, loc, strlen(e->id)), *list;
	const char *uri = json_string_value(json_object_get(l, "uri"));

	if (!uri) {
		json_decref(l);
		return;
	}
	list = json_object_get(e->changes, uri);
	if (!list) {
		list = json_array();
		json_object_set_new(e->changes, uri, list);
	}
	json_array_append_new(list, json_pack("{s:O,s:s}", "range", json_object_get(l, "range"),
	                                      "newText", e->new_id));
	json_decref(l);
}

static void add_edit(const argmap_ref *r, void *arg)
{
	edits *e = arg;

	if (strcmp(r->id, e->id) == 0)
		add_edit_at(e, r->loc);
}

void am_lsp_rename(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	char buf[512];
	const char *w, *new_id = json_string_value(json_object_get(params, "newName"));
	size_t off;
	am_lsp_doc *doc = am_lsp_position(srv, id, params, &off);
	edits e;
	argmap_loc loc;

	if (!doc)
		return;
	if (!valid_new_id(new_id)) {
		am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS,
		                   "an id is letters, digits, '-', '_' and '.', starting with a "
		                   "letter or '_'");
		return;
	}
	/* Edits must match the text the client has now. */
	am_lsp_refresh(srv, doc);
	w = word_at(doc, off, buf, sizeof buf);
	if (!doc->map_current) {
		am_lsp_reply_error(
		    srv, id, AM_RPC_REQUEST_FAILED,
		    "the map has errors that stop it from being read; fix them first");
		return;
	}
	if (!doc->map || !w || argmap_map_id_loc(doc->map, w, &loc) == ARGMAP_ITEM_NONE) {
		am_lsp_reply_error(srv, id, AM_RPC_REQUEST_FAILED, "no id here to rename");
		return;
	}
	if (argmap_map_id_loc(doc->map, new_id, NULL) != ARGMAP_ITEM_NONE) {
		am_lsp_reply_error(srv, id, AM_RPC_REQUEST_FAILED, "that id is already taken");
		return;
	}
	e.srv = srv;
	e.doc = doc;
	e.id = w;
	e.new_id = new_id;
	e.changes = json_object();
	add_edit_at(&e, loc);
	each_ref(doc->map, add_edit, &e);
	am_lsp_reply(srv, id, json_pack("{s:o}", "changes", e.changes));
}

static json_t *symbol(am_lsp_server *srv, am_lsp_doc *doc, const char *id, const char *text,
                      int kind, const char *container)
{
	argmap_loc loc;
	char name[120];
	size_t n = 0;

	if (!id || argmap_map_id_loc(doc->map, id, &loc) == ARGMAP_ITEM_NONE || loc.file != 0)
		return NULL;
	if (text && *text) {
		/* "id: the text", cut at a character boundary */
		snprintf(name, sizeof name, "%s: %s", id, text);
		n = strlen(name);
		if (n == sizeof name - 1) { /* cut: drop a possibly partial last character */
			while (n && ((unsigned char)name[n - 1] & 0x80))
				n--;
			name[n] = '\0';
		}
	} else {
		snprintf(name, sizeof name, "%s", id);
	}
	return json_pack("{s:s,s:i,s:o,s:s}", "name", name, "kind", kind, "location",
	                 am_lsp_location(srv, doc, loc, strlen(id)), "containerName", container);
}

void am_lsp_symbols(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	am_lsp_doc *doc = am_lsp_find_doc(
	    srv,
	    json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri")));
	json_t *out;
	size_t i, n;
	/* SymbolKind: Interface 11, Class 5, String 15, Module 2, Object 19, Operator 25 */
	static const int node_kinds[] = {11, 5, 15};

	if (!doc) {
		am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS, "document not open");
		return;
	}
	out = json_array();
	if (!doc->map || !out) {
		am_lsp_reply(srv, id, out);
		return;
	}
	for (i = 0, n = argmap_map_node_count(doc->map); i < n; i++) {
		const argmap_node *d = argmap_map_node(doc->map, i);
		json_t *s = symbol(srv, doc, d->id, d->text, node_kinds[d->kind % 3],
		                   argmap_node_kind_name(d->kind));
		if (s)
			json_array_append_new(out, s);
	}
	for (i = 0, n = argmap_map_source_count(doc->map); i < n; i++) {
		const argmap_source *s = argmap_map_source(doc->map, i);
		json_t *j = symbol(srv, doc, s->id, s->title, 2, "source");
		if (j)
			json_array_append_new(out, j);
	}
	for (i = 0, n = argmap_map_actor_count(doc->map); i < n; i++) {
		const argmap_actor *a = argmap_map_actor(doc->map, i);
		json_t *j = symbol(srv, doc, a->id, a->name, 19, "actor");
		if (j)
			json_array_append_new(out, j);
	}
	for (i = 0, n = argmap_map_relation_count(doc->map); i < n; i++) {
		const argmap_relation *r = argmap_map_relation(doc->map, i);
		json_t *j = symbol(srv, doc, r->id, NULL, 25, argmap_relation_kind_name(r->kind));
		if (j)
			json_array_append_new(out, j);
	}
	am_lsp_reply(srv, id, out);
}

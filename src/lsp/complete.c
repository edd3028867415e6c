/*
 * complete.c - completion (lsp.h): ids in by, speaker, authors, source,
 * from and to (with the claim's text or the actor's name as detail),
 * element and attribute names from the schema, and enumerated values.
 * Ids are filtered by the typed prefix and capped at MAX_ITEMS, so a map of
 * 20,000 claims answers with a short list (isIncomplete tells the client to
 * ask again as the prefix grows).
 */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "util/json.h"

#define MAX_ITEMS 200

/* CompletionItemKind */
enum { K_PROPERTY = 10, K_VALUE = 12, K_KEYWORD = 14, K_REFERENCE = 18, K_CLASS = 7 };

typedef struct comp {
	am_lsp_doc *doc;
	json_t *items;
	json_t *range; /* the prefix being replaced */
	const char *prefix;
	size_t plen;
	int incomplete;
} comp;

static void add(comp *c, const char *label, int kind, const char *detail, const char *insert)
{
	json_t *it;
	char cut[104];

	if (!label || strncmp(label, c->prefix, c->plen) != 0)
		return;
	if (json_array_size(c->items) >= MAX_ITEMS) {
		c->incomplete = 1;
		return;
	}
	if (detail && strlen(detail) > 100) {
		size_t n = 100;
		memcpy(cut, detail, n);
		while (n && ((unsigned char)cut[n - 1] & 0x80))
			n--;
		memcpy(cut + n, "...", 4);
		detail = cut;
	}
	it = json_pack("{s:s,s:i,s:s?}", "label", label, "kind", kind, "detail", detail);
	if (it && c->range)
		json_object_set_new(
		    it, "textEdit",
		    json_pack("{s:O,s:s}", "range", c->range, "newText", insert ? insert : label));
	else if (it && insert)
		json_object_set_new(it, "insertText", json_string(insert));
	if (it)
		json_array_append_new(c->items, it);
}

enum { WANT_ACTORS = 1, WANT_SOURCES = 2, WANT_NODES = 4, WANT_RELATIONS = 8 };

static int wanted(const char *attr)
{
	if (!strcmp(attr, "by") || !strcmp(attr, "speaker") || !strcmp(attr, "authors"))
		return WANT_ACTORS;
	if (!strcmp(attr, "source"))
		return WANT_SOURCES;
	if (!strcmp(attr, "from"))
		return WANT_NODES;
	if (!strcmp(attr, "to"))
		return WANT_NODES | WANT_RELATIONS;
	return 0;
}

static void ids(comp *c, int want)
{
	const argmap_map *m = c->doc->map;
	size_t i, n;

	if (!m)
		return;
	if (want & WANT_ACTORS)
		for (i = 0, n = argmap_map_actor_count(m); i < n; i++) {
			const argmap_actor *a = argmap_map_actor(m, i);
			add(c, a->id, K_REFERENCE, a->name, NULL);
		}
	if (want & WANT_SOURCES)
		for (i = 0, n = argmap_map_source_count(m); i < n; i++) {
			const argmap_source *s = argmap_map_source(m, i);
			add(c, s->id, K_REFERENCE, s->title, NULL);
		}
	if (want & WANT_NODES)
		for (i = 0, n = argmap_map_node_count(m); i < n; i++) {
			const argmap_node *d = argmap_map_node(m, i);
			add(c, d->id, K_REFERENCE, d->text, NULL);
		}
	if (want & WANT_RELATIONS)
		for (i = 0, n = argmap_map_relation_count(m); i < n; i++) {
			const argmap_relation *r = argmap_map_relation(m, i);
			add(c, r->id, K_REFERENCE, argmap_relation_kind_name(r->kind), NULL);
		}
}

static json_t *range_of(am_text *t, size_t a, size_t b)
{
	unsigned l0, c0, l1, c1;

	am_text_position(t, a, &l0, &c0);
	am_text_position(t, b, &l1, &c1);
	return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)l0, "character",
	                 (json_int_t)c0, "end", "line", (json_int_t)l1, "character",
	                 (json_int_t)c1);
}

void am_lsp_completion(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	size_t off, i, n;
	am_lsp_doc *doc = am_lsp_position(srv, id, params, &off);
	am_cursor cur;
	comp c;
	char prefix[256];

	if (!doc)
		return;
	am_text_cursor(&doc->text, off, &cur);
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.items = json_array();
	n = off > cur.tok_start ? off - cur.tok_start : 0;
	if (n >= sizeof prefix)
		n = 0;
	memcpy(prefix, doc->text.s + cur.tok_start, n);
	prefix[n] = '\0';
	c.prefix = prefix;
	c.plen = n;
	c.range = range_of(&doc->text, cur.tok_start, off);
	switch (cur.kind) {
	case AM_CUR_ATTR_VALUE: {
		const char *const *vals = argmap_schema_attr_values(cur.elem, cur.attr, &n);
		for (i = 0; i < n; i++)
			add(&c, vals[i], K_VALUE, NULL, NULL);
		ids(&c, wanted(cur.attr));
		break;
	}
	case AM_CUR_ATTR_NAME:
		for (i = 0, n = argmap_schema_attr_count(cur.elem); i < n; i++) {
			int req = 0;
			const char *a = argmap_schema_attr(cur.elem, i, &req);
			char ins[80];
			snprintf(ins, sizeof ins, "%s=\"\"", a);
			add(&c, a, K_PROPERTY, req ? "required" : NULL, ins);
		}
		break;
	case AM_CUR_ELEMENT_NAME:
		if (cur.elem[0] && argmap_schema_child_count(cur.elem)) {
			for (i = 0, n = argmap_schema_child_count(cur.elem); i < n; i++)
				add(&c, argmap_schema_child(cur.elem, i), K_CLASS, NULL, NULL);
		} else {
			const char *const *names = argmap_schema_elements();
			for (i = 0; names[i]; i++)
				add(&c, names[i], K_CLASS, NULL, NULL);
		}
		break;
	default: break;
	}
	json_decref(c.range);
	am_lsp_reply(srv, id,
	             json_pack("{s:b,s:o}", "isIncomplete", c.incomplete, "items",
	                       c.items ? c.items : json_array()));
}

/*
 * graphml.c - the GraphML export: a map (or a view) as a directed graph
 * for network tools (networkx, Gephi, yEd, igraph), valid against the
 * GraphML 1.0 XSD. Written with libxml2's xmlTextWriter (its escaping;
 * libxml2's parser stays in src/read/).
 *
 *  - Every node of the view is a <node> with its id, and typed <data>:
 *    kind, text (the quote for evidence), actor and actor_name (holders;
 *    for evidence the speaker), source and source_title, locator, tags,
 *    note, file and line.
 *  - A relation with one premise and a node as its end is one <edge>,
 *    premise -> conclusion (or attacked claim, answered question).
 *  - A relation with several premises, and any relation an undercut
 *    attacks, is a <node> of kind "relation" (id: the relation's id, or
 *    "rel:<index>", which no argmap id can be), with an edge from each
 *    premise (role "premise") and one to its end (role "target"): edges
 *    join nodes only, so an undercut is an edge to such a node.
 *  - Edges carry relation (support, rebut, undercut, answer), role,
 *    relation_id, stance, actor, source, basis, note, linked.
 * Node and edge order follow the walker's; data keys are declared once,
 * in a fixed order. Linear in the size of the map.
 */
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/exporters.h"
#include "model/walk.h"
#include "util/am_internal.h"

typedef enum key_for { FOR_GRAPH, FOR_NODE, FOR_EDGE } key_for;

/* The data keys: id, what they are for, attr.name, attr.type. */
static const struct key {
	const char *id;
	key_for on;
	const char *name, *type;
} keys[] = {
    {"g_title", FOR_GRAPH, "title", "string"},
    {"g_description", FOR_GRAPH, "description", "string"},
    {"g_date", FOR_GRAPH, "date", "string"},
    {"g_editors", FOR_GRAPH, "editors", "string"},
    {"n_kind", FOR_NODE, "kind", "string"},
    {"n_text", FOR_NODE, "text", "string"},
    {"n_title", FOR_NODE, "title", "string"},
    {"n_actor", FOR_NODE, "actor", "string"},
    {"n_actor_name", FOR_NODE, "actor_name", "string"},
    {"n_source", FOR_NODE, "source", "string"},
    {"n_source_title", FOR_NODE, "source_title", "string"},
    {"n_locator", FOR_NODE, "locator", "string"},
    {"n_tags", FOR_NODE, "tags", "string"},
    {"n_note", FOR_NODE, "note", "string"},
    {"n_relation", FOR_NODE, "relation", "string"},
    {"n_file", FOR_NODE, "file", "string"},
    {"n_line", FOR_NODE, "line", "int"},
    {"e_relation", FOR_EDGE, "relation", "string"},
    {"e_role", FOR_EDGE, "role", "string"},
    {"e_relation_id", FOR_EDGE, "relation_id", "string"},
    {"e_stance", FOR_EDGE, "stance", "string"},
    {"e_actor", FOR_EDGE, "actor", "string"},
    {"e_source", FOR_EDGE, "source", "string"},
    {"e_basis", FOR_EDGE, "basis", "string"},
    {"e_note", FOR_EDGE, "note", "string"},
    {"e_linked", FOR_EDGE, "linked", "boolean"},
};

typedef struct gm_ctx {
	const argmap_map *map;
	const am_view *view;
	xmlTextWriterPtr w;
	size_t n, m;             /* the map's nodes and relations (the view's
	                            arrays are this long; view->n_nodes counts
	                            only the map's own scope) */
	unsigned char *junction; /* per relation: written as a node */
	size_t n_edges;
	int bad; /* a writer call failed */
} gm_ctx;

static int shown_node(const gm_ctx *c, const argmap_ref *ref)
{
	return ref->kind == ARGMAP_ITEM_NODE && ref->index < c->n && c->view->node_on[ref->index];
}

static void check(gm_ctx *c, int rc)
{
	if (rc < 0)
		c->bad = 1;
}

static void attr(gm_ctx *c, const char *name, const char *value)
{
	check(c, xmlTextWriterWriteAttribute(c->w, BAD_CAST name, BAD_CAST value));
}

/* <data key="key">value</data>, left out when value is NULL or empty. */
static void data(gm_ctx *c, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	check(c, xmlTextWriterStartElement(c->w, BAD_CAST "data"));
	attr(c, "key", key);
	check(c, xmlTextWriterWriteString(c->w, BAD_CAST value));
	check(c, xmlTextWriterEndElement(c->w));
}

/* The ids of refs joined by spaces (ids have no spaces), or with "; " the
 * names of the actors or titles of the sources they name. */
static void data_refs(gm_ctx *c, const char *key, const argmap_ref *refs, size_t n, int names)
{
	am_buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = refs[i].id;
		if (names && refs[i].kind == ARGMAP_ITEM_ACTOR &&
		    refs[i].index < argmap_map_actor_count(c->map))
			s = argmap_map_actor(c->map, refs[i].index)->name;
		else if (names && refs[i].kind == ARGMAP_ITEM_SOURCE &&
		         refs[i].index < argmap_map_source_count(c->map))
			s = argmap_map_source(c->map, refs[i].index)->title;
		if (i)
			am_buf_puts(&b, names ? "; " : " ");
		am_buf_puts(&b, s ? s : refs[i].id);
	}
	if (b.failed)
		c->bad = 1;
	data(c, key, b.data);
	am_buf_free(&b);
}

static void put_node(gm_ctx *c, const argmap_node *nd)
{
	int ev = nd->kind == ARGMAP_NODE_EVIDENCE;
	char line[32];
	am_buf tags = {0};
	size_t i;

	check(c, xmlTextWriterStartElement(c->w, BAD_CAST "node"));
	attr(c, "id", nd->id);
	data(c, "n_kind", argmap_node_kind_name(nd->kind));
	data(c, "n_text", nd->text);
	if (ev && nd->speaker) {
		data_refs(c, "n_actor", nd->speaker, 1, 0);
		data_refs(c, "n_actor_name", nd->speaker, 1, 1);
	} else {
		data_refs(c, "n_actor", nd->by, nd->n_by, 0);
		data_refs(c, "n_actor_name", nd->by, nd->n_by, 1);
	}
	data_refs(c, "n_source", nd->sources, nd->n_sources, 0);
	data_refs(c, "n_source_title", nd->sources, nd->n_sources, 1);
	data(c, "n_locator", nd->locator);
	for (i = 0; i < nd->n_tags; i++) {
		if (i)
			am_buf_putc(&tags, ' ');
		am_buf_puts(&tags, nd->tags[i]);
	}
	if (tags.failed)
		c->bad = 1;
	data(c, "n_tags", tags.data);
	am_buf_free(&tags);
	data(c, "n_title", nd->title);
	data(c, "n_note", nd->note);
	data(c, "n_file", argmap_map_file(c->map, nd->loc.file)->path);
	snprintf(line, sizeof line, "%u", nd->loc.line);
	data(c, "n_line", line);
	check(c, xmlTextWriterEndElement(c->w));
}

/* The GraphML id of relation r's junction node. */
static void junction_id(const argmap_relation *r, size_t index, char *buf, size_t size)
{
	if (r->id)
		snprintf(buf, size, "%s", r->id);
	else
		snprintf(buf, size, "rel:%zu", index);
}

static void put_junction(gm_ctx *c, size_t index, const argmap_relation *r)
{
	char id[160];

	junction_id(r, index, id, sizeof id);
	check(c, xmlTextWriterStartElement(c->w, BAD_CAST "node"));
	attr(c, "id", id);
	data(c, "n_kind", "relation");
	data(c, "n_relation", argmap_relation_kind_name(r->kind));
	data(c, "n_note", r->note);
	check(c, xmlTextWriterEndElement(c->w));
}

/* One edge from -> to with the relation's data; role "premise" edges
 * (into a junction) carry only the relation's kind and id. */
static void put_edge(gm_ctx *c, const char *from, const char *to, const argmap_relation *r,
                     const char *role)
{
	char id[32];

	snprintf(id, sizeof id, "e%zu", c->n_edges++);
	check(c, xmlTextWriterStartElement(c->w, BAD_CAST "edge"));
	attr(c, "id", id);
	attr(c, "source", from);
	attr(c, "target", to);
	data(c, "e_relation", argmap_relation_kind_name(r->kind));
	data(c, "e_role", role);
	data(c, "e_relation_id", r->id);
	if (strcmp(role, "premise") != 0) {
		if (r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE)
			data(c, "e_stance", argmap_stance_name(r->stance));
		data_refs(c, "e_actor", r->by, r->n_by, 0);
		data_refs(c, "e_source", r->sources, r->n_sources, 0);
		data(c, "e_basis", argmap_basis_name(r->basis));
		data(c, "e_note", r->note);
		data(c, "e_linked", r->n_from > 1 ? "true" : "false");
	}
	check(c, xmlTextWriterEndElement(c->w));
}

/* The GraphML id of what relation r points at. */
static const char *target_id(const gm_ctx *c, const argmap_relation *r, char *buf, size_t size)
{
	if (r->to.kind == ARGMAP_ITEM_RELATION) {
		if (r->to.index >= c->m || !c->junction[r->to.index])
			return NULL;
		junction_id(argmap_map_relation(c->map, r->to.index), r->to.index, buf, size);
		return buf;
	}
	return shown_node(c, &r->to) ? r->to.id : NULL;
}

static void put_relation(gm_ctx *c, size_t index, const argmap_relation *r)
{
	char to[160], jid[160];
	const char *t = target_id(c, r, to, sizeof to);
	size_t i;

	if (!t)
		return; /* an undercut of something that cannot be drawn */
	if (!c->junction[index]) {
		for (i = 0; i < r->n_from; i++)
			if (shown_node(c, &r->from[i])) {
				put_edge(c, r->from[i].id, t, r, "whole");
				break;
			}
		return;
	}
	junction_id(r, index, jid, sizeof jid);
	for (i = 0; i < r->n_from; i++)
		if (shown_node(c, &r->from[i]))
			put_edge(c, r->from[i].id, jid, r, "premise");
	put_edge(c, jid, t, r, "target");
}

/* Walk: nodes as they come; junctions after the nodes, then edges. */
typedef struct gm_pass {
	gm_ctx *c;
	int pass; /* 0: mark junctions, 1: nodes, 2: junction nodes, 3: edges */
} gm_pass;

static size_t drawn_from(const gm_ctx *c, const argmap_relation *r)
{
	size_t i, k = 0;

	for (i = 0; i < r->n_from; i++)
		k += (size_t)shown_node(c, &r->from[i]);
	return k;
}

static int visit(void *ud, am_walk_event ev, size_t index, const void *item)
{
	gm_pass *p = ud;
	gm_ctx *c = p->c;
	const argmap_relation *r = item;

	if (p->pass == 1 && ev == AM_WALK_NODE)
		put_node(c, item);
	if (ev != AM_WALK_RELATION)
		return c->bad ? ARGMAP_ENOMEM : 0;
	if (p->pass == 0) {
		if (drawn_from(c, r) > 1)
			c->junction[index] = 1;
		if (r->kind == ARGMAP_REL_UNDERCUT && r->to.kind == ARGMAP_ITEM_RELATION &&
		    r->to.index < c->m && c->view->rel_on[r->to.index])
			c->junction[r->to.index] = 1;
	} else if (p->pass == 2 && c->junction[index]) {
		put_junction(c, index, r);
	} else if (p->pass == 3) {
		put_relation(c, index, r);
	}
	return c->bad ? ARGMAP_ENOMEM : 0;
}

static void put_keys(gm_ctx *c)
{
	static const char *const fors[] = {"graph", "node", "edge"};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		check(c, xmlTextWriterStartElement(c->w, BAD_CAST "key"));
		attr(c, "id", keys[i].id);
		attr(c, "for", fors[keys[i].on]);
		attr(c, "attr.name", keys[i].name);
		attr(c, "attr.type", keys[i].type);
		check(c, xmlTextWriterEndElement(c->w));
	}
}

static void put_graph_data(gm_ctx *c)
{
	const argmap_file *f = argmap_map_file(c->map, 0);
	am_buf b = {0};
	size_t i;

	data(c, "g_title", f->title);
	data(c, "g_description", f->description);
	data(c, "g_date", f->date);
	for (i = 0; i < f->n_editors; i++) {
		if (i)
			am_buf_puts(&b, "; ");
		am_buf_puts(&b, f->editors[i]);
	}
	if (b.failed)
		c->bad = 1;
	data(c, "g_editors", b.data);
	am_buf_free(&b);
}

int am_export_graphml(const argmap_map *map, const am_view *view, am_buf *out)
{
	gm_ctx c;
	gm_pass p;
	xmlBufferPtr xb = xmlBufferCreate();
	int rc = 0;

	memset(&c, 0, sizeof c);
	c.map = map;
	c.view = view;
	c.n = argmap_map_node_count(map);
	c.m = argmap_map_relation_count(map);
	c.junction = calloc(c.m + 1, 1);
	c.w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
	if (!c.junction || !c.w) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing GraphML");
		goto done;
	}
	check(&c, xmlTextWriterSetIndent(c.w, 1));
	check(&c, xmlTextWriterSetIndentString(c.w, BAD_CAST "  "));
	check(&c, xmlTextWriterStartDocument(c.w, NULL, "UTF-8", NULL));
	check(&c, xmlTextWriterStartElement(c.w, BAD_CAST "graphml"));
	attr(&c, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	attr(&c, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	attr(&c, "xsi:schemaLocation",
	     "http://graphml.graphdrawing.org/xmlns "
	     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
	put_keys(&c);
	check(&c, xmlTextWriterStartElement(c.w, BAD_CAST "graph"));
	attr(&c, "id", "argmap");
	attr(&c, "edgedefault", "directed");
	put_graph_data(&c);
	p.c = &c;
	for (p.pass = 0; p.pass < 4 && !rc; p.pass++)
		rc = am_walk(map, view, visit, &p);
	check(&c, xmlTextWriterEndDocument(c.w)); /* closes graph and graphml */
	xmlFreeTextWriter(c.w);                   /* flushes into xb */
	c.w = NULL;
	if (rc == 0 && !c.bad)
		am_buf_put(out, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	if (rc == 0 && (c.bad || out->failed))
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing GraphML");
	else if (rc != 0)
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing GraphML");
done:
	if (c.w)
		xmlFreeTextWriter(c.w);
	if (xb)
		xmlBufferFree(xb);
	free(c.junction);
	return rc;
}

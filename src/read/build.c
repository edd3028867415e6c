/*
 * build.c - from one file's DOM to the model: sources, actors, nodes,
 * relations and the file's metadata, every string copied (whitespace
 * folded) into the map's arena with its position, every id registered.
 * Runs after the structural checks; whatever they reported is built as
 * far as it goes, so the checker can still say more.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "read/loader.h"
#include "util/buf.h"
#include "util/text.h"

/* Copies s into the arena with whitespace folded; reports AM502 at the
 * element el (or its attribute `attr`) when it is too long. */
static char *arena_text(ctx *c, const char *s, xmlNodePtr el, const char *attr, const char *what)
{
	char *t;
	size_t n;

	if (!s)
		return NULL;
	t = am_arena_alloc(&c->L->m->arena, strlen(s) + 1);
	if (!t) {
		c->L->oom = 1;
		return NULL;
	}
	n = am_fold_space(t, s);
	if (n > c->L->o.max_text_chars && am_utf8_count(t, n) > c->L->o.max_text_chars) {
		size_t off =
		    attr ? am_xml_attr_offset(c->x, el, attr) : am_xml_node_offset(c->x, el);
		am_load_diag(c, ARGMAP_SEV_ERROR, "AM502", off,
		             "shorten it; quote briefly and move commentary to a <note>",
		             "%s is %zu characters long, over the limit of %zu", what,
		             am_utf8_count(t, n), c->L->o.max_text_chars);
	}
	return t;
}

char *am_build_attr_text(ctx *c, xmlNodePtr el, const char *name)
{
	xmlChar *v = xmlGetNsProp(el, BAD_CAST name, NULL);
	char *t;

	if (!v)
		return NULL;
	t = arena_text(c, (char *)v, el, name, "the attribute value");
	xmlFree(v);
	return t;
}

static xmlNodePtr child(xmlNodePtr el, const char *name)
{
	xmlNodePtr ch;

	for (ch = el->children; ch; ch = ch->next)
		if (am_load_named(ch, name))
			return ch;
	return NULL;
}

static char *child_text(ctx *c, xmlNodePtr el, const char *name, argmap_loc *loc)
{
	xmlNodePtr ch = child(el, name);
	char *s, *t;

	if (!ch)
		return NULL;
	if (loc)
		*loc = am_load_loc_of(c, ch);
	s = am_xml_text(ch);
	if (!s)
		return NULL;
	t = arena_text(c, s, ch, NULL, name);
	xmlFree(s);
	return t;
}

/* Splits an id-list attribute into references that know where each id is
 * written. */
static argmap_ref *refs_of(ctx *c, xmlNodePtr el, const char *name, size_t *count)
{
	char *v = am_build_attr_text(c, el, name), *p, *save = NULL;
	size_t n = 0, i = 0, off, end;
	argmap_ref *refs;

	*count = 0;
	if (!v || !*v)
		return NULL;
	for (p = v; *p; p++)
		if (*p == ' ')
			n++;
	n++;
	refs = am_arena_alloc(&c->L->m->arena, n * sizeof *refs);
	if (!refs) {
		c->L->oom = 1;
		return NULL;
	}
	off = am_xml_attr_offset(c->x, el, name);
	end = off;
	while (end < c->x->len && c->x->buf[end] != '"' && c->x->buf[end] != '\'')
		end++;
	for (p = strtok_r(v, " ", &save); p && i < n; p = strtok_r(NULL, " ", &save)) {
		size_t plen = strlen(p), k;
		refs[i].id = p;
		refs[i].kind = ARGMAP_ITEM_NONE;
		refs[i].index = ARGMAP_NONE;
		/* find the token in the raw value to point at it exactly; the
		 * search goes forward from the previous token, so it is linear */
		for (k = off; k + plen <= end; k++)
			if (memcmp(c->x->buf + k, p, plen) == 0 &&
			    (k == off || strchr(" \t\r\n", c->x->buf[k - 1])))
				break;
		refs[i].loc = am_load_loc_at(c, k + plen <= end ? k : off);
		if (k + plen <= end)
			off = k + plen;
		i++;
	}
	*count = i;
	return refs;
}

static argmap_ref *ref_of(ctx *c, xmlNodePtr el, const char *name)
{
	size_t n;
	argmap_ref *r = refs_of(c, el, name, &n);
	return n ? r : NULL;
}

static const char **tags_of(ctx *c, xmlNodePtr el, size_t *count)
{
	size_t n, i;
	argmap_ref *r = refs_of(c, el, "tags", &n);
	const char **tags;

	*count = 0;
	if (!n)
		return NULL;
	tags = am_arena_alloc(&c->L->m->arena, n * sizeof *tags);
	if (!tags) {
		c->L->oom = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		tags[i] = r[i].id;
	*count = n;
	return tags;
}

static int enum_index(const char *v, const char *const *names, int n, int fallback)
{
	int i;

	for (i = 0; v && i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return fallback;
}

/* Counts el against the item limit (AM501 once, past it) and appends a
 * zeroed item to one of the model's arrays. NULL when over the limit or out
 * of memory (c->L->oom set). */
void *am_build_new_item(ctx *c, xmlNodePtr el, void *items, size_t *n, size_t *cap, size_t size)
{
	void *item;

	if (++c->L->items > c->L->o.max_items) {
		if (!c->L->limit_reported) {
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM501", am_xml_node_offset(c->x, el),
			             "split the debate into smaller maps",
			             "more than %zu items (sources, actors, nodes, relations and "
			             "imports) in one "
			             "debate; the rest is ignored",
			             c->L->o.max_items);
			c->L->limit_reported = 1;
			c->L->status = ARGMAP_ELIMIT;
		}
		return NULL;
	}
	item = am_model_grow((void **)items, n, cap, size);
	if (!item)
		c->L->oom = 1;
	return item;
}

static void register_id(ctx *c, xmlNodePtr el, const char *id, argmap_item_kind kind, size_t index,
                        const char *what)
{
	argmap_loc loc;
	const am_id_entry *old;
	int oom = 0;

	if (!id || !*id)
		return;
	loc = am_load_loc_at(c, am_xml_attr_offset(c->x, el, "id"));
	old = am_model_add_id(c->L->m, id, kind, index, loc, &oom);
	if (oom) {
		c->L->oom = 1;
		return;
	}
	if (old) {
		size_t d;
		unsigned line = loc.line, col = loc.col;
		d = argmap_diags_add(c->L->diags, ARGMAP_SEV_ERROR, "AM201", c->x->path, line, col,
		                     NULL, "give each item its own id", ARGMAP_NONE);
		if (d != ARGMAP_NONE) {
			am_buf b = {0};
			char *msg;
			/* Rewrite the message now that the index is known. */
			am_buf_printf(&b, "duplicate id '%s': this %s reuses it", id, what);
			msg = am_buf_detach(&b);
			if (msg) {
				argmap_diag *dd = (argmap_diag *)argmap_diags_get(c->L->diags, d);
				free((char *)dd->message);
				dd->message = msg;
			}
			argmap_diags_add(c->L->diags, ARGMAP_SEV_NOTE, "AM201",
			                 am_model_path(c->L->m, old->loc.file), old->loc.line,
			                 old->loc.col, "the id was first declared here", NULL, d);
		}
	}
}

static void build_source(ctx *c, xmlNodePtr el)
{
	static const char *const kinds[] = {"article",   "analysis",  "report", "book", "speech",
	                                    "interview", "statement", "web",    "other"};
	argmap_map *m = c->L->m;
	argmap_source *s;
	char *kind;

	s = am_build_new_item(c, el, &m->sources, &m->nsources, &m->capsources, sizeof *s);
	if (!s)
		return;
	s->id = am_build_attr_text(c, el, "id");
	kind = am_build_attr_text(c, el, "kind");
	s->kind = (argmap_source_kind)enum_index(kind, kinds, 9, ARGMAP_SOURCE_OTHER);
	s->title = child_text(c, el, "title", NULL);
	s->publisher = child_text(c, el, "publisher", NULL);
	s->note = child_text(c, el, "note", NULL);
	s->authors = refs_of(c, el, "authors", &s->n_authors);
	s->date = am_build_attr_text(c, el, "date");
	s->url = am_build_attr_text(c, el, "url");
	s->accessed = am_build_attr_text(c, el, "accessed");
	s->textfile = am_build_attr_text(c, el, "textfile");
	s->loc = am_load_loc_of(c, el);
	register_id(c, el, s->id, ARGMAP_ITEM_SOURCE, m->nsources - 1, "source");
}

static void build_actor(ctx *c, xmlNodePtr el)
{
	static const char *const kinds[] = {"person", "organisation", "government", "group"};
	argmap_map *m = c->L->m;
	argmap_actor *a;

	a = am_build_new_item(c, el, &m->actors, &m->nactors, &m->capactors, sizeof *a);
	if (!a)
		return;
	a->id = am_build_attr_text(c, el, "id");
	a->kind = (argmap_actor_kind)enum_index(am_build_attr_text(c, el, "kind"), kinds, 4, 0);
	a->name = am_build_attr_text(c, el, "name");
	if (!a->name)
		a->name = a->id;
	a->affiliation = am_build_attr_text(c, el, "affiliation");
	a->role = am_build_attr_text(c, el, "role");
	a->note = child_text(c, el, "note", NULL);
	a->loc = am_load_loc_of(c, el);
	register_id(c, el, a->id, ARGMAP_ITEM_ACTOR, m->nactors - 1, "actor");
}

static void build_node(ctx *c, xmlNodePtr el, argmap_node_kind kind)
{
	argmap_map *m = c->L->m;
	argmap_node *n;
	const char *body = kind == ARGMAP_NODE_EVIDENCE ? "quote" : "text";

	n = am_build_new_item(c, el, &m->nodes, &m->nnodes, &m->capnodes, sizeof *n);
	if (!n)
		return;
	n->kind = kind;
	n->id = am_build_attr_text(c, el, "id");
	n->loc = am_load_loc_of(c, el);
	n->text_loc = n->loc;
	n->text = child_text(c, el, body, &n->text_loc);
	n->note = child_text(c, el, "note", NULL);
	if (kind == ARGMAP_NODE_CLAIM)
		n->title = child_text(c, el, "title", NULL);
	n->tags = (const char *const *)tags_of(c, el, &n->n_tags);
	if (kind == ARGMAP_NODE_EVIDENCE) {
		n->sources = refs_of(c, el, "source", &n->n_sources);
		n->speaker = ref_of(c, el, "speaker");
		n->locator = am_build_attr_text(c, el, "locator");
	} else {
		n->by = refs_of(c, el, "by", &n->n_by);
		n->sources = refs_of(c, el, "source", &n->n_sources);
	}
	register_id(c, el, n->id, ARGMAP_ITEM_NODE, m->nnodes - 1, argmap_node_kind_name(kind));
}

static void build_relation(ctx *c, xmlNodePtr el, argmap_relation_kind kind)
{
	static const char *const stances[] = {"", "yes", "no", "qualified"};
	static const char *const bases[] = {"source", "editor"};
	argmap_map *m = c->L->m;
	argmap_relation *r;
	argmap_ref *to;

	r = am_build_new_item(c, el, &m->relations, &m->nrelations, &m->caprelations, sizeof *r);
	if (!r)
		return;
	r->kind = kind;
	r->id = am_build_attr_text(c, el, "id");
	r->from = refs_of(c, el, "from", &r->n_from);
	to = ref_of(c, el, "to");
	if (to) {
		r->to = *to;
	} else {
		r->to.id = "";
		r->to.index = ARGMAP_NONE;
		r->to.loc = am_load_loc_of(c, el);
	}
	r->by = refs_of(c, el, "by", &r->n_by);
	r->sources = refs_of(c, el, "source", &r->n_sources);
	r->stance = (argmap_stance)enum_index(am_build_attr_text(c, el, "stance"), stances, 4, 0);
	r->basis = (argmap_basis)enum_index(am_build_attr_text(c, el, "basis"), bases, 2,
	                                    ARGMAP_BASIS_SOURCE);
	r->note = child_text(c, el, "note", NULL);
	r->loc = am_load_loc_of(c, el);
	if (r->id)
		register_id(c, el, r->id, ARGMAP_ITEM_RELATION, m->nrelations - 1,
		            argmap_relation_kind_name(kind));
}

static void build_meta(ctx *c, xmlNodePtr meta, argmap_file *f)
{
	xmlNodePtr ch;
	size_t n = 0, i = 0;
	const char **eds;

	f->title = child_text(c, meta, "title", NULL);
	f->description = child_text(c, meta, "description", NULL);
	f->date = child_text(c, meta, "date", NULL);
	for (ch = meta->children; ch; ch = ch->next)
		n += am_load_named(ch, "editor");
	if (!n)
		return;
	eds = am_arena_alloc(&c->L->m->arena, n * sizeof *eds);
	if (!eds) {
		c->L->oom = 1;
		return;
	}
	for (ch = meta->children; ch; ch = ch->next)
		if (am_load_named(ch, "editor")) {
			char *s = am_xml_text(ch);
			eds[i] = s ? arena_text(c, s, ch, NULL, "editor") : "";
			if (!eds[i])
				eds[i] = "";
			i++;
			xmlFree(s);
		}
	f->editors = eds;
	f->n_editors = i;
}

void am_build_file(ctx *c, xmlNodePtr root, argmap_file *f)
{
	xmlNodePtr el;
	xmlChar *lang = xmlGetNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE);
	char *kind = am_build_attr_text(c, root, "kind");

	f->kind = kind && strcmp(kind, "library") == 0 ? ARGMAP_FILE_LIBRARY : ARGMAP_FILE_MAP;
	if (lang) {
		f->lang = am_arena_strdup(&c->L->m->arena, (char *)lang);
		xmlFree(lang);
	}
	f->loc = am_load_loc_of(c, root);
	for (el = root->children; el && !c->L->oom; el = el->next) {
		if (!am_load_is_am(el))
			continue;
		if (am_load_named(el, "meta"))
			build_meta(c, el, f);
		else if (am_load_named(el, "import"))
			am_imports_queue(c, el);
		else if (am_load_named(el, "source"))
			build_source(c, el);
		else if (am_load_named(el, "actor"))
			build_actor(c, el);
		else if (am_load_named(el, "question"))
			build_node(c, el, ARGMAP_NODE_QUESTION);
		else if (am_load_named(el, "claim"))
			build_node(c, el, ARGMAP_NODE_CLAIM);
		else if (am_load_named(el, "evidence"))
			build_node(c, el, ARGMAP_NODE_EVIDENCE);
		else if (am_load_named(el, "support"))
			build_relation(c, el, ARGMAP_REL_SUPPORT);
		else if (am_load_named(el, "rebut"))
			build_relation(c, el, ARGMAP_REL_REBUT);
		else if (am_load_named(el, "undercut"))
			build_relation(c, el, ARGMAP_REL_UNDERCUT);
		else if (am_load_named(el, "answer"))
			build_relation(c, el, ARGMAP_REL_ANSWER);
	}
}

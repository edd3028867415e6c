/*
 * load.c - from an XML document to the immutable model, file by file,
 * following <import>s. The DOM is freed as soon as a file is built.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "util/buf.h"
#include "model/model.h"
#include "read/schema.h"
#include "util/text.h"
#include "read/xml.h"

typedef struct pending_import {
	const char *href;
	argmap_loc loc;
	size_t from_file;
} pending_import;

typedef struct loader {
	argmap_map *m;
	argmap_diags *diags;
	argmap_load_options o;
	char *root_dir; /* realpath of the folder of file 0; NULL for memory */
	size_t items;
	int oom, limit_reported;
	int status;
	pending_import *imports;
	size_t nimports, capimports;
} loader;

/* The element currently being built, for positions. */
typedef struct ctx {
	loader *L;
	am_xml_doc *x;
	size_t file;
} ctx;

static const char *path_of(const ctx *c)
{
	return c->x->path;
}

static argmap_loc loc_at(const ctx *c, size_t off)
{
	argmap_loc l;

	l.file = c->file;
	am_xml_offset_pos(c->x, off, &l.line, &l.col);
	return l;
}

static argmap_loc loc_of(const ctx *c, xmlNodePtr el)
{
	return loc_at(c, am_xml_node_offset(c->x, el));
}

/* The namespace declaration of the document being read: elements that
 * share it need no string comparison. */
static _Thread_local const xmlNs *am_ns_seen;

static int is_am(xmlNodePtr n)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->ns)
		return 0;
	if (n->ns == am_ns_seen)
		return 1;
	if (n->ns->href && xmlStrEqual(n->ns->href, BAD_CAST AM_NS)) {
		am_ns_seen = n->ns;
		return 1;
	}
	return 0;
}

static int named(xmlNodePtr n, const char *name)
{
	return is_am(n) && xmlStrEqual(n->name, BAD_CAST name);
}

static void diag_at(const ctx *c, argmap_severity sev, const char *code, size_t off,
                    const char *hint, const char *fmt, ...) AM_PRINTF(6, 7);

static void diag_at(const ctx *c, argmap_severity sev, const char *code, size_t off,
                    const char *hint, const char *fmt, ...)
{
	am_buf b = {0};
	va_list ap;
	unsigned line, col;
	char *msg;

	va_start(ap, fmt);
	am_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = am_buf_detach(&b);
	if (!msg) {
		c->L->oom = 1;
		return;
	}
	am_xml_offset_pos(c->x, off, &line, &col);
	argmap_diags_add(c->L->diags, sev, code, path_of(c), line, col, msg, hint, ARGMAP_NONE);
	free(msg);
}

/* ------------------------------------------------- structural checks */

static const char *closest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t i, bestd = strlen(word) <= 4 ? 1 : 2;

	for (i = 0; i < n && names[i]; i++) {
		size_t d = am_edit_distance(word, names[i], bestd);
		if (d <= bestd && (!best || d < bestd || strcmp(names[i], best) < 0)) {
			if (d == 0)
				continue;
			best = names[i];
			bestd = d;
		}
	}
	return best;
}

static void join_names(am_buf *b, const char *const *names, size_t n, const char *open,
                       const char *close)
{
	size_t i;

	for (i = 0; i < n; i++) {
		am_buf_puts(b, i ? ", " : "");
		am_buf_printf(b, "%s%s%s", open, names[i], close);
	}
}

static char *attr_name(xmlAttrPtr a)
{
	am_buf b = {0};

	if (a->ns && a->ns->prefix)
		am_buf_printf(&b, "%s:", (const char *)a->ns->prefix);
	am_buf_puts(&b, (const char *)a->name);
	return am_buf_detach(&b);
}

static void check_attributes(ctx *c, xmlNodePtr el, const am_elem_rule *rule)
{
	xmlAttrPtr a;
	size_t i;
	const char *anames[64];
	size_t nnames = rule->nattrs < 64 ? rule->nattrs : 64;

	for (i = 0; i < nnames; i++)
		anames[i] = rule->attrs[i].name;

	for (a = el->properties; a; a = a->next) {
		char *name = attr_name(a);
		const am_attr_rule *ar;
		xmlChar *value;
		size_t off;

		if (!name) {
			c->L->oom = 1;
			break;
		}
		ar = am_schema_attr(rule, name);
		if (!ar) {
			off = am_xml_attr_offset(c->x, el, name);
			const char *s = closest(name, anames, nnames);
			am_buf hint = {0};
			char *h;
			if (s)
				am_buf_printf(&hint, "did you mean '%s'? ", s);
			am_buf_printf(&hint, "<%s> takes: ", rule->name);
			join_names(&hint, anames, nnames, "", "");
			h = am_buf_detach(&hint);
			/* point at the attribute name, not its value */
			while (off > 0 && c->x->buf[off - 1] != ' ' && c->x->buf[off - 1] != '\n' &&
			       c->x->buf[off - 1] != '\t')
				off--;
			diag_at(c, ARGMAP_SEV_ERROR, "AM102", off, h,
			        "attribute '%s' is not allowed on <%s>", name, rule->name);
			free(h);
			am_xml_mark(el);
			free(name);
			continue;
		}
		value = xmlNodeListGetString(el->doc, a->children, 1);
		if (value) {
			char *folded = malloc(strlen((char *)value) + 1);
			if (folded) {
				am_fold_space(folded, (char *)value);
				if (!am_schema_value_ok(ar, folded)) {
					am_buf msg = {0};
					off = am_xml_attr_offset(c->x, el, name);
					char *mtext;
					if (ar->nvalues) {
						am_buf_printf(&msg, "one of: ");
						join_names(&msg, (const char *const *)ar->values,
						           ar->nvalues, "", "");
					} else {
						am_buf_puts(&msg, am_schema_value_help(ar));
					}
					mtext = am_buf_detach(&msg);
					diag_at(c, ARGMAP_SEV_ERROR, "AM104", off, NULL,
					        "attribute '%s' of <%s> is '%.60s%s'; expected %s", name,
					        rule->name, folded, strlen(folded) > 60 ? "..." : "",
					        mtext ? mtext : "another value");
					free(mtext);
					am_xml_mark(el);
				}
				free(folded);
			}
			xmlFree(value);
		}
		free(name);
	}
	for (i = 0; i < rule->nattrs; i++) {
		const am_attr_rule *ar = &rule->attrs[i];
		int present;
		if (!ar->required)
			continue;
		if (strncmp(ar->name, "xml:", 4) == 0)
			present = xmlHasNsProp(el, BAD_CAST ar->name + 4, XML_XML_NAMESPACE) != NULL;
		else
			present = xmlHasNsProp(el, BAD_CAST ar->name, NULL) != NULL;
		if (!present) {
			am_buf hint = {0};
			char *h;
			am_buf_printf(&hint, "add %s=\"...\"", ar->name);
			if (ar->nvalues) {
				am_buf_puts(&hint, " with one of: ");
				join_names(&hint, (const char *const *)ar->values, ar->nvalues, "", "");
			}
			h = am_buf_detach(&hint);
			diag_at(c, ARGMAP_SEV_ERROR, "AM103", am_xml_node_offset(c->x, el), h,
			        "<%s> is missing the required attribute '%s'", rule->name, ar->name);
			free(h);
			am_xml_mark(el);
		}
	}
}

/* Where stray text `s` (inside text node `t` of `el`) starts: search the
 * buffer from the element before it. */
static size_t text_offset(const ctx *c, xmlNodePtr el, xmlNodePtr t, const char *s)
{
	xmlNodePtr prev = t->prev;
	size_t from, n = strcspn(s, " \t\r\n<&"), i;

	while (prev && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	from = am_xml_node_offset(c->x, prev ? prev : el);
	if (n > 32)
		n = 32;
	for (i = from; n && i + n <= c->x->len; i++)
		if (memcmp(c->x->buf + i, s, n) == 0)
			return i;
	return from;
}

/* Order and repetition, which libxml2's validator stops reporting after a
 * parent's first content error: <meta> first, then <import>s, then the
 * declarations; at most one of each text-like child. */
static void check_order(ctx *c, xmlNodePtr el, const am_elem_rule *rule)
{
	static const char *const single[] = {"meta", "title", "description", "date",
	                                     "publisher", "note", "text", "quote"};
	xmlNodePtr ch, prev;
	int phase = 0; /* 0 meta, 1 imports, 2 declarations */
	size_t i;

	for (ch = el->children; ch; ch = ch->next) {
		if (!is_am(ch))
			continue;
		if (!strcmp(rule->name, "argmap")) {
			int p = named(ch, "meta") ? 0 : named(ch, "import") ? 1 : 2;
			if (p < phase) {
				diag_at(c, ARGMAP_SEV_ERROR, "AM107", am_xml_node_offset(c->x, ch),
				        "inside <argmap> the order is: <meta>, then <import>s, then "
				        "the declarations",
				        "<%s> must come before %s", (const char *)ch->name,
				        phase == 2 ? "the declarations" : "the imports");
				am_xml_mark(el);
			}
			if (p > phase)
				phase = p;
		}
		for (i = 0; i < sizeof single / sizeof single[0]; i++) {
			if (ch->name[0] != single[i][0] || !xmlStrEqual(ch->name, BAD_CAST single[i]))
				continue;
			for (prev = el->children; prev != ch; prev = prev->next)
				if (named(prev, single[i]))
					break;
			if (prev != ch) {
				diag_at(c, ARGMAP_SEV_ERROR, "AM107", am_xml_node_offset(c->x, ch),
				        "merge them into one, or make a second item",
				        "<%s> has more than one <%s>", rule->name, single[i]);
				am_xml_mark(el);
			}
		}
	}
}

static void check_element(ctx *c, xmlNodePtr el, const am_elem_rule *rule, int depth)
{
	xmlNodePtr ch;
	size_t i;

	check_attributes(c, el, rule);
	for (i = 0; i < rule->nrequired; i++) {
		int found = 0;
		for (ch = el->children; ch && !found; ch = ch->next)
			found = named(ch, rule->required[i]);
		if (!found) {
			diag_at(c, ARGMAP_SEV_ERROR, "AM105", am_xml_node_offset(c->x, el), NULL,
			        "<%s> needs a <%s> element inside it", rule->name, rule->required[i]);
			am_xml_mark(el);
		}
	}
	check_order(c, el, rule);
	for (ch = el->children; ch; ch = ch->next) {
		const am_elem_rule *cr;
		int allowed = 0;

		if (ch->type == XML_TEXT_NODE && !rule->text && ch->content) {
			const char *s = (const char *)ch->content;
			while (*s && strchr(" \t\r\n", *s))
				s++;
			if (*s) {
				diag_at(c, ARGMAP_SEV_ERROR, "AM108", text_offset(c, el, ch, s),
				        "put text inside <text>, <quote> or <note>; use <!-- comments --> "
				        "for remarks",
				        "text is not allowed directly inside <%s>", rule->name);
			}
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (!is_am(ch)) {
			diag_at(c, ARGMAP_SEV_ERROR, "AM101", am_xml_node_offset(c->x, ch),
			        "argmap elements live in the namespace urn:argmap:1",
			        "<%s> is not an argmap element (namespace %s)", (const char *)ch->name,
			        ch->ns && ch->ns->href ? (const char *)ch->ns->href : "none");
			am_xml_mark(ch);
			continue;
		}
		for (i = 0; i < rule->nchildren && !allowed; i++)
			allowed = xmlStrEqual(ch->name, BAD_CAST rule->children[i]);
		cr = am_schema_element((const char *)ch->name);
		if (!allowed || !cr) {
			const char *s = closest((const char *)ch->name, rule->children, rule->nchildren);
			am_buf hint = {0};
			char *h;
			if (!s)
				s = closest((const char *)ch->name, am_schema_element_names(), SIZE_MAX);
			if (s)
				am_buf_printf(&hint, "did you mean <%s>? ", s);
			if (rule->nchildren) {
				am_buf_printf(&hint, "<%s> may contain: ", rule->name);
				join_names(&hint, rule->children, rule->nchildren, "<", ">");
			} else {
				am_buf_printf(&hint, "<%s> holds text only", rule->name);
			}
			h = am_buf_detach(&hint);
			diag_at(c, ARGMAP_SEV_ERROR, "AM101", am_xml_node_offset(c->x, ch), h,
			        cr ? "<%s> is not allowed inside <%s>"
			           : "unknown element <%s> inside <%s>",
			        (const char *)ch->name, rule->name);
			free(h);
			am_xml_mark(ch);
			continue;
		}
		if (depth < 64)
			check_element(c, ch, cr, depth + 1);
	}
}

/* --------------------------------------------------- building items */

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
		size_t off = attr ? am_xml_attr_offset(c->x, el, attr) : am_xml_node_offset(c->x, el);
		diag_at(c, ARGMAP_SEV_ERROR, "AM502", off,
		        "shorten it; quote briefly and move commentary to a <note>",
		        "%s is %zu characters long, over the limit of %zu", what,
		        am_utf8_count(t, n), c->L->o.max_text_chars);
	}
	return t;
}

static char *attr_text(ctx *c, xmlNodePtr el, const char *name)
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
		if (named(ch, name))
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
		*loc = loc_of(c, ch);
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
	char *v = attr_text(c, el, name), *p, *save = NULL;
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
		refs[i].loc = loc_at(c, k + plen <= end ? k : off);
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

static int count_item(ctx *c, xmlNodePtr el)
{
	if (++c->L->items <= c->L->o.max_items)
		return 1;
	if (!c->L->limit_reported) {
		diag_at(c, ARGMAP_SEV_ERROR, "AM501", am_xml_node_offset(c->x, el),
		        "split the debate into smaller maps",
		        "more than %zu items (sources, actors, nodes and relations) in one debate; "
		        "the rest is ignored",
		        c->L->o.max_items);
		c->L->limit_reported = 1;
		c->L->status = ARGMAP_ELIMIT;
	}
	return 0;
}

static void register_id(ctx *c, xmlNodePtr el, const char *id, argmap_item_kind kind,
                        size_t index, const char *what)
{
	argmap_loc loc;
	const am_id_entry *old;
	int oom = 0;

	if (!id || !*id)
		return;
	loc = loc_at(c, am_xml_attr_offset(c->x, el, "id"));
	old = am_model_add_id(c->L->m, id, kind, index, loc, &oom);
	if (oom) {
		c->L->oom = 1;
		return;
	}
	if (old) {
		size_t d;
		unsigned line = loc.line, col = loc.col;
		d = argmap_diags_add(c->L->diags, ARGMAP_SEV_ERROR, "AM201", path_of(c), line, col,
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
	static const char *const kinds[] = {"article", "analysis", "report", "book", "speech",
	                                    "interview", "statement", "web", "other"};
	argmap_map *m = c->L->m;
	argmap_source *s;
	char *kind;

	if (!count_item(c, el))
		return;
	s = am_model_grow((void **)&m->sources, &m->nsources, &m->capsources, sizeof *s);
	if (!s) {
		c->L->oom = 1;
		return;
	}
	s->id = attr_text(c, el, "id");
	kind = attr_text(c, el, "kind");
	s->kind = (argmap_source_kind)enum_index(kind, kinds, 9, ARGMAP_SOURCE_OTHER);
	s->title = child_text(c, el, "title", NULL);
	s->publisher = child_text(c, el, "publisher", NULL);
	s->note = child_text(c, el, "note", NULL);
	s->authors = refs_of(c, el, "authors", &s->n_authors);
	s->date = attr_text(c, el, "date");
	s->url = attr_text(c, el, "url");
	s->accessed = attr_text(c, el, "accessed");
	s->textfile = attr_text(c, el, "textfile");
	s->loc = loc_of(c, el);
	register_id(c, el, s->id, ARGMAP_ITEM_SOURCE, m->nsources - 1, "source");
}

static void build_actor(ctx *c, xmlNodePtr el)
{
	static const char *const kinds[] = {"person", "organisation", "government", "group"};
	argmap_map *m = c->L->m;
	argmap_actor *a;

	if (!count_item(c, el))
		return;
	a = am_model_grow((void **)&m->actors, &m->nactors, &m->capactors, sizeof *a);
	if (!a) {
		c->L->oom = 1;
		return;
	}
	a->id = attr_text(c, el, "id");
	a->kind = (argmap_actor_kind)enum_index(attr_text(c, el, "kind"), kinds, 4, 0);
	a->name = attr_text(c, el, "name");
	if (!a->name)
		a->name = a->id;
	a->affiliation = attr_text(c, el, "affiliation");
	a->role = attr_text(c, el, "role");
	a->note = child_text(c, el, "note", NULL);
	a->loc = loc_of(c, el);
	register_id(c, el, a->id, ARGMAP_ITEM_ACTOR, m->nactors - 1, "actor");
}

static void build_node(ctx *c, xmlNodePtr el, argmap_node_kind kind)
{
	argmap_map *m = c->L->m;
	argmap_node *n;
	const char *body = kind == ARGMAP_NODE_EVIDENCE ? "quote" : "text";

	if (!count_item(c, el))
		return;
	n = am_model_grow((void **)&m->nodes, &m->nnodes, &m->capnodes, sizeof *n);
	if (!n) {
		c->L->oom = 1;
		return;
	}
	n->kind = kind;
	n->id = attr_text(c, el, "id");
	n->loc = loc_of(c, el);
	n->text_loc = n->loc;
	n->text = child_text(c, el, body, &n->text_loc);
	n->note = child_text(c, el, "note", NULL);
	n->tags = (const char *const *)tags_of(c, el, &n->n_tags);
	if (kind == ARGMAP_NODE_EVIDENCE) {
		n->sources = refs_of(c, el, "source", &n->n_sources);
		n->speaker = ref_of(c, el, "speaker");
		n->locator = attr_text(c, el, "locator");
	} else {
		n->by = refs_of(c, el, "by", &n->n_by);
		n->sources = refs_of(c, el, "source", &n->n_sources);
	}
	register_id(c, el, n->id, ARGMAP_ITEM_NODE, m->nnodes - 1, argmap_node_kind_name(kind));
}

static void build_relation(ctx *c, xmlNodePtr el, argmap_relation_kind kind)
{
	static const char *const stances[] = {"", "yes", "no", "qualified"};
	argmap_map *m = c->L->m;
	argmap_relation *r;
	argmap_ref *to;

	if (!count_item(c, el))
		return;
	r = am_model_grow((void **)&m->relations, &m->nrelations, &m->caprelations, sizeof *r);
	if (!r) {
		c->L->oom = 1;
		return;
	}
	r->kind = kind;
	r->id = attr_text(c, el, "id");
	r->from = refs_of(c, el, "from", &r->n_from);
	to = ref_of(c, el, "to");
	if (to) {
		r->to = *to;
	} else {
		r->to.id = "";
		r->to.index = ARGMAP_NONE;
		r->to.loc = loc_of(c, el);
	}
	r->by = refs_of(c, el, "by", &r->n_by);
	r->sources = refs_of(c, el, "source", &r->n_sources);
	r->stance = (argmap_stance)enum_index(attr_text(c, el, "stance"), stances, 4, 0);
	r->note = child_text(c, el, "note", NULL);
	r->loc = loc_of(c, el);
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
		n += named(ch, "editor");
	if (!n)
		return;
	eds = am_arena_alloc(&c->L->m->arena, n * sizeof *eds);
	if (!eds) {
		c->L->oom = 1;
		return;
	}
	for (ch = meta->children; ch; ch = ch->next)
		if (named(ch, "editor")) {
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

static void build_file(ctx *c, xmlNodePtr root, argmap_file *f)
{
	xmlNodePtr el;
	xmlChar *lang = xmlGetNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE);
	char *kind = attr_text(c, root, "kind");

	f->kind = kind && strcmp(kind, "library") == 0 ? ARGMAP_FILE_LIBRARY : ARGMAP_FILE_MAP;
	if (lang) {
		f->lang = am_arena_strdup(&c->L->m->arena, (char *)lang);
		xmlFree(lang);
	}
	f->loc = loc_of(c, root);
	for (el = root->children; el && !c->L->oom; el = el->next) {
		if (!is_am(el))
			continue;
		if (named(el, "meta"))
			build_meta(c, el, f);
		else if (named(el, "import")) {
			pending_import *p;
			char *href = attr_text(c, el, "href");
			if (!href)
				continue;
			p = am_model_grow((void **)&c->L->imports, &c->L->nimports,
			                  &c->L->capimports, sizeof *p);
			if (!p) {
				c->L->oom = 1;
				return;
			}
			p->href = href;
			p->loc = loc_at(c, am_xml_attr_offset(c->x, el, "href"));
			p->from_file = c->file;
		} else if (named(el, "source"))
			build_source(c, el);
		else if (named(el, "actor"))
			build_actor(c, el);
		else if (named(el, "question"))
			build_node(c, el, ARGMAP_NODE_QUESTION);
		else if (named(el, "claim"))
			build_node(c, el, ARGMAP_NODE_CLAIM);
		else if (named(el, "evidence"))
			build_node(c, el, ARGMAP_NODE_EVIDENCE);
		else if (named(el, "support"))
			build_relation(c, el, ARGMAP_REL_SUPPORT);
		else if (named(el, "rebut"))
			build_relation(c, el, ARGMAP_REL_REBUT);
		else if (named(el, "undercut"))
			build_relation(c, el, ARGMAP_REL_UNDERCUT);
		else if (named(el, "answer"))
			build_relation(c, el, ARGMAP_REL_ANSWER);
	}
}

/* Checks the root element; returns 0 if the file is an argmap map. */
static int check_root(ctx *c, xmlNodePtr root)
{
	xmlChar *version;
	int ok = 1;

	if (!root) {
		diag_at(c, ARGMAP_SEV_ERROR, "AM013", 0, NULL, "the document has no root element");
		return -1;
	}
	if (!xmlStrEqual(root->name, BAD_CAST "argmap")) {
		diag_at(c, ARGMAP_SEV_ERROR, "AM013", am_xml_node_offset(c->x, root),
		        "an argmap map's root element is <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		        "not an argmap map: the root element is <%s>", (const char *)root->name);
		return -1;
	}
	if (!is_am(root)) {
		diag_at(c, ARGMAP_SEV_ERROR, "AM013", am_xml_node_offset(c->x, root),
		        "write <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		        "<argmap> is not in the argmap namespace (%s)",
		        root->ns && root->ns->href ? (const char *)root->ns->href : "no namespace");
		return -1;
	}
	version = xmlGetNsProp(root, BAD_CAST "version", NULL);
	if (version && !xmlStrEqual(version, BAD_CAST "1")) {
		diag_at(c, ARGMAP_SEV_ERROR, "AM013", am_xml_attr_offset(c->x, root, "version"),
		        "this argmap reads format version 1",
		        "format version '%.20s' is not supported", (const char *)version);
		ok = 0;
	}
	xmlFree(version);
	return ok ? 0 : -1;
}

/* ------------------------------------------------------------ files */

static size_t add_file(loader *L, const char *path, const char *key)
{
	argmap_map *m = L->m;
	argmap_file *f;
	char **keys;

	f = am_model_grow((void **)&m->files, &m->nfiles, &m->capfiles, sizeof *f);
	if (!f)
		return ARGMAP_NONE;
	keys = realloc(m->file_keys, m->capfiles * sizeof *keys);
	if (!keys) {
		m->nfiles--;
		return ARGMAP_NONE;
	}
	m->file_keys = keys;
	keys[m->nfiles - 1] = key ? strdup(key) : NULL;
	f->path = am_arena_strdup(&m->arena, path);
	if (!f->path) {
		free(keys[m->nfiles - 1]);
		m->nfiles--;
		return ARGMAP_NONE;
	}
	return m->nfiles - 1;
}

/* Loads one file into the model. Returns 0 or a negative status. */
static int load_one(loader *L, const char *path, const char *mem, size_t memlen,
                    const char *key)
{
	am_xml_doc x;
	ctx c;
	size_t fi;
	int rc;
	xmlNodePtr root;
	const am_elem_rule *rule;

	am_ns_seen = NULL; /* never trust a pointer into an earlier document */
	rc = am_xml_read(&x, path, mem, memlen, L->o.max_file_bytes, L->diags);
	if (rc) {
		am_xml_free(&x);
		return rc;
	}
	fi = add_file(L, path, key);
	if (fi == ARGMAP_NONE) {
		am_xml_free(&x);
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	x.path = L->m->files[fi].path;
	c.L = L;
	c.x = &x;
	c.file = fi;
	root = xmlDocGetRootElement(x.doc);
	if (check_root(&c, root) < 0) {
		am_xml_free(&x);
		return am_fail(ARGMAP_EINVALID, "%s: not an argmap map", path);
	}
	rc = am_schema_init();
	if (rc) {
		am_xml_free(&x);
		return rc;
	}
	rule = am_schema_element("argmap");
	if (rule)
		check_element(&c, root, rule, 0);
	rc = am_schema_validate(&x, L->diags);
	if (rc < 0) {
		am_xml_free(&x);
		return rc;
	}
	build_file(&c, root, &L->m->files[fi]);
	am_xml_free(&x);
	am_ns_seen = NULL; /* it pointed into the freed document */
	if (L->oom)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	return 0;
}

/* Joins dir and a relative href and folds "." and ".." lexically.
 * Returns NULL when ".." climbs above dir. */
static char *join_path(const char *dir, const char *href)
{
	am_buf b = {0};
	char *s, *out, *p, *save = NULL;
	const char **parts;
	size_t n = 0, i, cap;

	am_buf_printf(&b, "%s/%s", dir, href);
	s = am_buf_detach(&b);
	if (!s)
		return NULL;
	cap = strlen(s) / 2 + 2;
	parts = malloc(cap * sizeof *parts);
	out = malloc(strlen(s) + 2);
	if (!parts || !out) {
		free(parts);
		free(out);
		free(s);
		return NULL;
	}
	for (p = strtok_r(s, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		if (strcmp(p, ".") == 0)
			continue;
		if (strcmp(p, "..") == 0) {
			if (n == 0 || strcmp(parts[n - 1], "..") == 0)
				parts[n++] = p;
			else
				n--;
			continue;
		}
		parts[n++] = p;
	}
	out[0] = '\0';
	if (dir[0] == '/')
		strcat(out, "/");
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, "/");
		strcat(out, parts[i]);
	}
	if (!*out)
		strcpy(out, ".");
	free(parts);
	free(s);
	return out;
}

static void import_error(loader *L, const pending_import *p, const char *code, const char *hint,
                         const char *fmt, ...) AM_PRINTF(5, 6);

static void import_error(loader *L, const pending_import *p, const char *code, const char *hint,
                         const char *fmt, ...)
{
	am_buf b = {0};
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	am_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = am_buf_detach(&b);
	if (!msg)
		return;
	argmap_diags_add(L->diags, ARGMAP_SEV_ERROR, code, am_model_path(L->m, p->from_file),
	                 p->loc.line, p->loc.col, msg, hint, ARGMAP_NONE);
	free(msg);
}

/* Whether `path` (lexically normalised, relative to the cwd or absolute)
 * names something inside the root map's folder, before any file is
 * touched: "../" that climbs out is refused without looking. */
static int inside_root(const loader *L, const char *path)
{
	char cwd[4096], *full;
	size_t rootlen = strlen(L->root_dir);
	int ok;

	if (path[0] == '/')
		full = join_path("/", path + 1);
	else if (getcwd(cwd, sizeof cwd))
		full = join_path(cwd, path);
	else
		return 0;
	ok = full && strncmp(full, L->root_dir, rootlen) == 0 &&
	     (full[rootlen] == '/' || (rootlen == 1 && L->root_dir[0] == '/'));
	free(full);
	return ok;
}

static void load_imports(loader *L, int from_memory)
{
	size_t i;

	/* L->imports grows while we walk it: imported files add their own. */
	for (i = 0; i < L->nimports && !L->oom; i++) {
		pending_import p = L->imports[i];
		const char *from = am_model_path(L->m, p.from_file);
		char *dir, *joined, *real = NULL;
		size_t k, found = ARGMAP_NONE, rootlen;
		argmap_file *f;

		if (from_memory) {
			import_error(L, &p, "AM402", "load the map from a file to follow imports",
			             "import '%s' is not followed when reading from memory", p.href);
			continue;
		}
		if (p.href[0] == '/' || strchr(p.href, '\\') || strstr(p.href, "://")) {
			import_error(L, &p, "AM401",
			             "write the path relative to this map, e.g. href=\"shared.xml\"",
			             "import '%s' must be a relative path", p.href);
			continue;
		}
		dir = am_path_dir(from);
		joined = dir ? join_path(dir, p.href) : NULL;
		free(dir);
		if (!joined) {
			L->oom = 1;
			break;
		}
		if (!inside_root(L, joined)) {
			import_error(L, &p, "AM401",
			             "imports must stay inside the folder of the map being read",
			             "import '%s' leaves the map's folder", p.href);
			free(joined);
			continue;
		}
		errno = 0;
		real = realpath(joined, NULL);
		if (!real) {
			import_error(L, &p, "AM402", "check the href; it is relative to this map's folder",
			             "cannot import '%s': file not found", p.href);
			free(joined);
			continue;
		}
		rootlen = strlen(L->root_dir);
		if (!(strncmp(real, L->root_dir, rootlen) == 0 &&
		      (real[rootlen] == '/' || (rootlen == 1 && L->root_dir[0] == '/')))) {
			import_error(L, &p, "AM401",
			             "imports must stay inside the folder of the map being read",
			             "import '%s' leaves the map's folder", p.href);
			free(real);
			free(joined);
			continue;
		}
		for (k = 0; k < L->m->nfiles; k++)
			if (L->m->file_keys[k] && strcmp(L->m->file_keys[k], real) == 0)
				found = k;
		if (found == ARGMAP_NONE) {
			if (L->m->nfiles >= L->o.max_files) {
				import_error(L, &p, "AM403", "merge small files, or split the debate",
				             "import '%s' exceeds the limit on files in one debate", p.href);
				L->status = ARGMAP_ELIMIT;
				free(real);
				free(joined);
				continue;
			}
			if (load_one(L, joined, NULL, 0, real) == 0 ||
			    (L->m->nfiles && L->m->file_keys[L->m->nfiles - 1] &&
			     strcmp(L->m->file_keys[L->m->nfiles - 1], real) == 0))
				found = L->m->nfiles - 1;
			else
				import_error(L, &p, "AM402", NULL,
				             "cannot import '%s' (see the errors reported for it)", p.href);
		}
		f = &L->m->files[p.from_file];
		if (found != ARGMAP_NONE) {
			size_t *imp = am_arena_alloc(&L->m->arena, (f->n_imports + 1) * sizeof *imp);
			if (!imp) {
				L->oom = 1;
			} else {
				if (f->n_imports)
					memcpy(imp, f->imports, f->n_imports * sizeof *imp);
				imp[f->n_imports] = found;
				f->imports = imp;
				f->n_imports++;
			}
		}
		free(real);
		free(joined);
	}
}

static int load_common(argmap_map **out, const char *path, const char *mem, size_t memlen,
                       const argmap_load_options *opts, argmap_diags *diags)
{
	loader L;
	char *real = NULL;
	int rc;

	if (!out || !path)
		return am_fail(ARGMAP_EARG, "argmap_map_load: NULL argument");
	*out = NULL;
	if (opts && (rc = am_check_version(opts->version, ARGMAP_LOAD_OPTIONS_VERSION,
	                                   "argmap_load_options")) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	if (opts)
		L.o = *opts;
	if (!L.o.max_file_bytes)
		L.o.max_file_bytes = AM_DEFAULT_MAX_FILE_BYTES;
	if (!L.o.max_items)
		L.o.max_items = AM_DEFAULT_MAX_ITEMS;
	if (!L.o.max_files)
		L.o.max_files = AM_DEFAULT_MAX_FILES;
	if (!L.o.max_text_chars)
		L.o.max_text_chars = AM_DEFAULT_MAX_TEXT_CHARS;
	L.diags = diags;
	L.m = calloc(1, sizeof *L.m);
	if (!L.m)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	if (!mem) {
		char *dir = am_path_dir(path);
		real = realpath(path, NULL);
		L.root_dir = dir ? realpath(dir, NULL) : NULL;
		free(dir);
	}
	rc = load_one(&L, path, mem, memlen, real);
	if (rc == 0) {
		if (!mem && !L.root_dir)
			L.root_dir = strdup("/nonexistent/");
		if (L.root_dir || mem)
			load_imports(&L, mem != NULL);
		if (L.oom)
			rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	if (rc == 0) {
		am_model_resolve(L.m);
		*out = L.m;
		rc = L.status;
	} else {
		argmap_map_free(L.m);
	}
	free(L.imports);
	free(L.root_dir);
	free(real);
	return rc;
}

int argmap_map_load(argmap_map **out, const char *path, const argmap_load_options *opts,
                    argmap_diags *diags)
{
	return load_common(out, path, NULL, 0, opts, diags);
}

int argmap_map_load_memory(argmap_map **out, const char *name, const char *data, size_t len,
                           const argmap_load_options *opts, argmap_diags *diags)
{
	if (!data)
		return am_fail(ARGMAP_EARG, "argmap_map_load_memory: NULL data");
	return load_common(out, name ? name : "<memory>", data, len, opts, diags);
}

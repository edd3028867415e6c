/*
 * argdown.c - the Argdown export: a map (or a view) as an Argdown document
 * that the Argdown CLI and editor read (docs/interop.md has the mapping).
 *
 *  - Front matter: the map's title, description, editors and date, and
 *    under "argmap" the sources and actors (ids, names, citations).
 *  - Every node is a statement `[Title]: text #tags {data}`, in three
 *    sections (questions, claims, evidence), each in map order. The title
 *    is readable and unique: who holds or says it, and the first words
 *    (`[Shapiro: Security guarantees need US backing]`); the data keeps
 *    the id, kind, attributions, citation, speaker, locator and note.
 *  - A support with one premise is `+ [Premise]` under its conclusion, a
 *    rebut with one premise `- [Attacker]` under its target, an undercut
 *    with one premise `_> <Argument>` under the undercutter.
 *  - A linked support (several premises), and any support an undercut
 *    attacks, is an argument `<Title> {data}` with a premise-conclusion
 *    structure. A linked rebut or undercut is an argument too, whose
 *    conclusion is a new statement that attacks (-> / _>) the target.
 *  - Answers have no Argdown relation: each is listed, with its stance, in
 *    the question's data. So are the attributions of the relations written
 *    as +/-/_> lines (in the data of the statement they stand under).
 * Text goes through util/escape_argdown.h; data is JSON (YAML flow style).
 * Linear in the size of the map: relations are grouped by the statement
 * they stand under through the graph module, titles are kept unique
 * through a jansson object used as a hash set.
 */
#include <string.h>

#include "export/argdown_title.h"
#include "export/exporters.h"
#include "model/graph.h"
#include "model/walk.h"
#include "util/am_internal.h"
#include "util/escape_argdown.h"
#include "util/json.h"

typedef struct ad_ctx {
	const argmap_map *map;
	const am_view *view;
	am_buf *out;
	size_t n, m;
	char **node_title;        /* per node, NULL when not in the view */
	char **arg_title;         /* per relation written as an argument */
	char **concl_title;       /* per linked rebut/undercut: its conclusion */
	unsigned char *as_arg;    /* per relation: written as an argument */
	am_graph under;           /* node -> the relations that stand under it */
	am_ad_titles titles;      /* every title given */
	json_t *sources, *actors; /* for the front matter */
	am_buf section[4];        /* questions, claims, evidence, arguments */
} ad_ctx;

static int shown_rel(const ad_ctx *c, size_t r)
{
	return r < c->m && c->view->rel_on[r];
}

static int shown_node(const ad_ctx *c, const argmap_ref *ref)
{
	return ref->kind == ARGMAP_ITEM_NODE && ref->index < c->n && c->view->node_on[ref->index];
}

/* The premises of r that the view shows. */
static size_t drawn_from(const ad_ctx *c, const argmap_relation *r)
{
	size_t i, k = 0;

	for (i = 0; i < r->n_from; i++)
		k += (size_t)shown_node(c, &r->from[i]);
	return k;
}

static const argmap_actor *actor_of(const ad_ctx *c, const argmap_ref *ref)
{
	if (!ref || ref->kind != ARGMAP_ITEM_ACTOR || ref->index >= argmap_map_actor_count(c->map))
		return NULL;
	return argmap_map_actor(c->map, ref->index);
}

/* Who a node is by, for its title: a claim's first holder, evidence's
 * speaker or else its source's first author. */
static const argmap_actor *holder(const ad_ctx *c, const argmap_node *nd)
{
	const argmap_source *s;

	if (nd->kind == ARGMAP_NODE_EVIDENCE) {
		if (nd->speaker)
			return actor_of(c, nd->speaker);
		if (nd->n_sources && nd->sources[0].kind == ARGMAP_ITEM_SOURCE &&
		    nd->sources[0].index < argmap_map_source_count(c->map)) {
			s = argmap_map_source(c->map, nd->sources[0].index);
			return s->n_authors ? actor_of(c, &s->authors[0]) : NULL;
		}
		return NULL;
	}
	return nd->n_by ? actor_of(c, &nd->by[0]) : NULL;
}

/* What names nd in a title: its own <title> (a claim's, up to 120 bytes),
 * else the first words of its text. */
static void node_words(am_buf *b, const argmap_node *nd)
{
	size_t n;

	if (nd->kind != ARGMAP_NODE_CLAIM || !nd->title || !*nd->title) {
		am_ad_title_words(b, nd->text ? nd->text : "");
		return;
	}
	n = strlen(nd->title);
	if (n > 120) {
		n = 120;
		while (n > 0 && ((unsigned char)nd->title[n] & 0xC0) == 0x80)
			n--;
	}
	am_ad_title_chars(b, nd->title, n);
}

static char *node_title(ad_ctx *c, const argmap_node *nd)
{
	am_buf b = {0};
	const argmap_actor *a = holder(c, nd);

	if (nd->kind == ARGMAP_NODE_QUESTION)
		am_buf_puts(&b, "Question");
	else if (a)
		am_ad_title_actor(&b, a);
	if (b.len)
		am_buf_puts(&b, ": ");
	node_words(&b, nd);
	return am_ad_title_unique(&c->titles, &b, nd->id);
}

static const argmap_node *node_of(const ad_ctx *c, const argmap_ref *ref)
{
	return ref->kind == ARGMAP_ITEM_NODE && ref->index < c->n
	           ? argmap_map_node(c->map, ref->index)
	           : NULL;
}

/* "<holder>: for <the conclusion's first words>" and the like. */
static char *arg_title(ad_ctx *c, const argmap_relation *r, const char *word)
{
	am_buf b = {0};
	const argmap_actor *a = r->n_by ? actor_of(c, &r->by[0]) : NULL;
	const argmap_node *to = node_of(c, &r->to);

	if (a)
		am_ad_title_actor(&b, a);
	else if (r->basis == ARGMAP_BASIS_EDITOR)
		am_buf_puts(&b, "Editors");
	if (b.len)
		am_buf_puts(&b, ": ");
	am_buf_puts(&b, word);
	am_buf_putc(&b, ' ');
	if (to)
		node_words(&b, to);
	else if (r->to.kind == ARGMAP_ITEM_RELATION && r->to.index < c->m &&
	         c->arg_title[r->to.index])
		am_ad_title_chars(&b, c->arg_title[r->to.index], strlen(c->arg_title[r->to.index]));
	return am_ad_title_unique(&c->titles, &b, r->id ? r->id : word);
}

/* ---------------------------------------------------------------- data */

static int add_ids(json_t *o, const char *key, const argmap_ref *refs, size_t n)
{
	json_t *a;
	size_t i;

	if (n == 0)
		return 0;
	a = json_array();
	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(refs[i].id)) != 0) {
			json_decref(a);
			a = NULL;
		}
	return am_json_set(o, key, a);
}

static int add_text(json_t *o, const char *key, const char *s)
{
	return s ? am_json_set(o, key, json_string(s)) : 0;
}

/* What a relation says beyond its ends: id, kind, by, sources, basis,
 * stance, note (only what is there). */
static json_t *relation_data(const ad_ctx *c, const argmap_relation *r, int with_ends)
{
	json_t *o = json_object(), *from;
	size_t i;

	if (!o || add_text(o, "id", r->id) ||
	    am_json_set(o, "kind", json_string(argmap_relation_kind_name(r->kind))))
		goto fail;
	if (with_ends) {
		from = json_array();
		if (am_json_set(o, "from", from) != 0)
			goto fail;
		for (i = 0; i < r->n_from; i++)
			if (shown_node(c, &r->from[i]) &&
			    json_array_append_new(from, json_string(r->from[i].id)) != 0)
				goto fail;
		if (am_json_set(o, "to", json_string(r->to.id)) != 0)
			goto fail;
	}
	if ((r->kind == ARGMAP_REL_ANSWER && r->stance != ARGMAP_STANCE_NONE &&
	     am_json_set(o, "stance", json_string(argmap_stance_name(r->stance)))) ||
	    add_ids(o, "by", r->by, r->n_by) || add_ids(o, "sources", r->sources, r->n_sources) ||
	    (r->basis == ARGMAP_BASIS_EDITOR && am_json_set(o, "basis", json_string("editor"))) ||
	    add_text(o, "note", r->note))
		goto fail;
	return o;
fail:
	json_decref(o);
	return NULL;
}

/* A relation written as a line keeps its data in the statement it stands
 * under when it has any beyond its ends (answers always: their stance). */
static int line_has_data(const argmap_relation *r)
{
	return r->kind == ARGMAP_REL_ANSWER || r->id || r->n_by || r->n_sources || r->note ||
	       r->basis == ARGMAP_BASIS_EDITOR;
}

static int put_data(ad_ctx *c, json_t *o)
{
	int rc;

	if (!o)
		return am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
	am_buf_putc(c->out, ' ');
	rc = am_argdown_data(c->out, o);
	json_decref(o);
	return rc;
}

static json_t *node_data(const ad_ctx *c, size_t v, const argmap_node *nd)
{
	json_t *o = json_object(), *rels = NULL;
	size_t k;

	if (!o || am_json_set(o, "id", json_string(nd->id)) ||
	    am_json_set(o, "kind", json_string(argmap_node_kind_name(nd->kind))) ||
	    add_ids(o, "by", nd->by, nd->n_by) ||
	    add_ids(o, "sources", nd->sources, nd->n_sources) ||
	    (nd->speaker && am_json_set(o, "speaker", json_string(nd->speaker->id))) ||
	    add_text(o, "locator", nd->locator) || add_text(o, "note", nd->note))
		goto fail;
	for (k = c->under.start[v]; k < c->under.start[v + 1]; k++) {
		const argmap_relation *r = argmap_map_relation(c->map, c->under.label[k]);
		if (!line_has_data(r))
			continue;
		if (!rels && am_json_set(o, "relations", rels = json_array()) != 0)
			goto fail;
		if (json_array_append_new(rels, relation_data(c, r, 1)) != 0)
			goto fail;
	}
	return o;
fail:
	json_decref(o);
	return NULL;
}

/* ---------------------------------------------------------- statements */

/* `#tag` for a tag of letters, digits and '-'; `#(tag)` for any other
 * (Argdown reads it verbatim, to the first ')': a ')' in a tag, which
 * Argdown cannot hold, is written as ']'). */
static void put_tags(am_buf *out, const argmap_node *nd)
{
	size_t i, k;

	for (i = 0; i < nd->n_tags; i++) {
		const char *t = nd->tags[i];
		size_t n = strlen(t);
		int plain = n > 0;
		for (k = 0; k < n && plain; k++)
			plain = (t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') ||
			        (t[k] >= '0' && t[k] <= '9') || t[k] == '-';
		am_buf_puts(out, plain ? " #" : " #(");
		for (k = 0; k < n; k++)
			am_buf_putc(out, t[k] == ')' ? ']' : t[k]);
		if (!plain)
			am_buf_putc(out, ')');
	}
}

/* The +, - and _> lines that stand under node v. */
static void put_lines(ad_ctx *c, size_t v)
{
	size_t k, i;

	for (k = c->under.start[v]; k < c->under.start[v + 1]; k++) {
		size_t ri = c->under.label[k];
		const argmap_relation *r = argmap_map_relation(c->map, ri);
		const argmap_ref *p = NULL;
		for (i = 0; i < r->n_from && !p; i++)
			if (shown_node(c, &r->from[i]))
				p = &r->from[i];
		if (!p)
			continue;
		switch (r->kind) {
		case ARGMAP_REL_SUPPORT:
			am_buf_printf(c->out, "  + [%s]\n", c->node_title[p->index]);
			break;
		case ARGMAP_REL_REBUT:
			am_buf_printf(c->out, "  - [%s]\n", c->node_title[p->index]);
			break;
		case ARGMAP_REL_UNDERCUT:
			am_buf_printf(c->out, "  _> <%s>\n", c->arg_title[r->to.index]);
			break;
		case ARGMAP_REL_ANSWER: break;
		}
	}
}

static int put_statement(ad_ctx *c, size_t v, const argmap_node *nd)
{
	am_buf *keep = c->out;
	int rc;

	c->out = &c->section[nd->kind <= ARGMAP_NODE_EVIDENCE ? nd->kind : ARGMAP_NODE_CLAIM];
	am_buf_printf(c->out, "[%s]: ", c->node_title[v]);
	am_argdown_text(c->out, nd->text && *nd->text ? nd->text : nd->id);
	put_tags(c->out, nd);
	rc = put_data(c, node_data(c, v, nd));
	am_buf_putc(c->out, '\n');
	put_lines(c, v);
	am_buf_putc(c->out, '\n');
	c->out = keep;
	return rc;
}

/* ----------------------------------------------------------- arguments */

static int put_argument(ad_ctx *c, size_t ri)
{
	const argmap_relation *r = argmap_map_relation(c->map, ri);
	am_buf *keep = c->out;
	size_t i, k = 0;
	int rc;

	c->out = &c->section[3];
	am_buf_printf(c->out, "<%s>", c->arg_title[ri]);
	rc = put_data(c, relation_data(c, r, 0));
	am_buf_puts(c->out, "\n\n");
	for (i = 0; i < r->n_from; i++)
		if (shown_node(c, &r->from[i]))
			am_buf_printf(c->out, "(%zu) [%s]\n", ++k, c->node_title[r->from[i].index]);
	am_buf_puts(c->out, "----\n");
	if (r->kind == ARGMAP_REL_SUPPORT) {
		am_buf_printf(c->out, "(%zu) [%s]\n\n", k + 1, c->node_title[r->to.index]);
		c->out = keep;
		return rc;
	}
	/* a rebut or undercut: its conclusion says what the premises attack */
	am_buf_printf(c->out, "(%zu) [%s]: ", k + 1, c->concl_title[ri]);
	if (r->kind == ARGMAP_REL_REBUT) {
		const argmap_node *to = node_of(c, &r->to);
		am_buf_puts(c->out, "It is not so that: ");
		am_argdown_text(c->out, to && to->text ? to->text : r->to.id);
		am_buf_printf(c->out, "\n  -> [%s]\n\n", c->node_title[r->to.index]);
	} else {
		am_buf_puts(c->out, "The reason ");
		am_argdown_text(c->out, c->arg_title[r->to.index]);
		am_buf_printf(c->out, " does not hold.\n  _> <%s>\n\n", c->arg_title[r->to.index]);
	}
	c->out = keep;
	return rc;
}

/* -------------------------------------------------------- front matter */

static int add_source(ad_ctx *c, const argmap_source *s)
{
	json_t *e = json_object();

	return am_json_set(c->sources, s->id, e) ||
	       am_json_set(e, "kind", json_string(argmap_source_kind_name(s->kind))) ||
	       add_text(e, "title", s->title) || add_text(e, "publisher", s->publisher) ||
	       add_ids(e, "authors", s->authors, s->n_authors) || add_text(e, "date", s->date) ||
	       add_text(e, "url", s->url) || add_text(e, "accessed", s->accessed);
}

static int add_actor(ad_ctx *c, const argmap_actor *a)
{
	json_t *e = json_object();

	return am_json_set(c->actors, a->id, e) ||
	       am_json_set(e, "kind", json_string(argmap_actor_kind_name(a->kind))) ||
	       add_text(e, "name", a->name) || add_text(e, "affiliation", a->affiliation) ||
	       add_text(e, "role", a->role);
}

static json_t *library_data(const ad_ctx *c)
{
	json_t *o = json_object();

	if (!o || am_json_set(o, "format", json_string("argmap-argdown")) ||
	    am_json_set(o, "version", json_integer(1)) ||
	    am_json_set(o, "sources", json_incref(c->sources)) ||
	    am_json_set(o, "actors", json_incref(c->actors))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int put_front(ad_ctx *c)
{
	const argmap_file *f = argmap_map_file(c->map, 0);
	json_t *v;
	size_t i;
	int rc = 0;

	am_buf_puts(c->out, "===\n");
	if (f->title) {
		am_buf_puts(c->out, "title: ");
		v = json_string(f->title);
		rc = v ? am_argdown_data(c->out, v) : ARGMAP_ENOMEM;
		json_decref(v);
		am_buf_putc(c->out, '\n');
	}
	if (!rc && f->description) {
		am_buf_puts(c->out, "subTitle: ");
		v = json_string(f->description);
		rc = v ? am_argdown_data(c->out, v) : ARGMAP_ENOMEM;
		json_decref(v);
		am_buf_putc(c->out, '\n');
	}
	if (!rc && f->n_editors) {
		v = json_array();
		for (i = 0; v && i < f->n_editors; i++)
			if (json_array_append_new(v, json_string(f->editors[i])) != 0) {
				json_decref(v);
				v = NULL;
			}
		am_buf_puts(c->out, "author: ");
		rc = v ? am_argdown_data(c->out, v) : ARGMAP_ENOMEM;
		json_decref(v);
		am_buf_putc(c->out, '\n');
	}
	if (!rc && f->date)
		am_buf_printf(c->out, "date: \"%s\"\n",
		              f->date); /* a checked date: digits and '-' */
	if (!rc) {
		am_buf_puts(c->out, "argmap: ");
		v = library_data(c);
		rc = v ? am_argdown_data(c->out, v) : ARGMAP_ENOMEM;
		json_decref(v);
		am_buf_putc(c->out, '\n');
	}
	am_buf_puts(c->out, "===\n\n");
	return rc ? am_fail(rc, "out of memory writing Argdown") : 0;
}

/* ------------------------------------------------------------- driver */

/* First walk: titles of the nodes in the view, the sources and actors of
 * the front matter, and which relations are arguments. */
static int plan_visit(void *ud, am_walk_event ev, size_t index, const void *item)
{
	ad_ctx *c = ud;
	const argmap_relation *r = item;

	switch (ev) {
	case AM_WALK_SOURCE:
		return add_source(c, item) ? am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown")
		                           : 0;
	case AM_WALK_ACTOR:
		return add_actor(c, item) ? am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown")
		                          : 0;
	case AM_WALK_NODE:
		c->node_title[index] = node_title(c, item);
		return c->node_title[index]
		           ? 0
		           : am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
	case AM_WALK_RELATION:
		if (r->kind == ARGMAP_REL_ANSWER)
			return 0;
		if (drawn_from(c, r) > 1)
			c->as_arg[index] = 1;
		/* what an undercut attacks must be an argument */
		if (r->kind == ARGMAP_REL_UNDERCUT && r->to.kind == ARGMAP_ITEM_RELATION &&
		    shown_rel(c, r->to.index) &&
		    argmap_map_relation(c->map, r->to.index)->kind != ARGMAP_REL_ANSWER)
			c->as_arg[r->to.index] = 1;
		return 0;
	case AM_WALK_FILE:
	case AM_WALK_END: return 0;
	}
	return 0;
}

/* Where the relations written as lines stand (a support or rebut under
 * what it attacks or supports, an undercut under its premise), and the
 * titles of the arguments: supports first, as a linked undercut's title
 * names its target's. */
static int plan_lines(ad_ctx *c)
{
	size_t r, i;
	size_t *at = malloc((c->m + 1) * sizeof *at);
	unsigned char *use = calloc(c->m + 1, 1);
	int rc = 0, pass;

	if (!at || !use) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
		goto done;
	}
	for (r = 0; r < c->m; r++) {
		const argmap_relation *rel = argmap_map_relation(c->map, r);
		at[r] = 0;
		if (!shown_rel(c, r) || c->as_arg[r])
			continue;
		if (rel->kind != ARGMAP_REL_UNDERCUT) {
			if (shown_node(c, &rel->to)) {
				at[r] = rel->to.index;
				use[r] = 1;
			}
		} else if (rel->to.kind == ARGMAP_ITEM_RELATION && c->as_arg[rel->to.index]) {
			for (i = 0; i < rel->n_from && !use[r]; i++)
				if (shown_node(c, &rel->from[i])) {
					at[r] = rel->from[i].index;
					use[r] = 1;
				}
		}
	}
	if (am_graph_from_arrays(&c->under, c->n, c->m, at, at, use) != 0) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
		goto done;
	}
	for (pass = 0; pass < 2 && !rc; pass++)
		for (r = 0; r < c->m && !rc; r++) {
			const argmap_relation *rel = argmap_map_relation(c->map, r);
			int support = rel->kind == ARGMAP_REL_SUPPORT;
			if (!c->as_arg[r] || support != (pass == 0))
				continue;
			if (!(c->arg_title[r] = arg_title(c, rel, support ? "for" : "against")) ||
			    (!support && !(c->concl_title[r] = arg_title(c, rel, "Not"))))
				rc = am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
		}
done:
	free(at);
	free(use);
	return rc;
}

/* Second walk: each node's statement into its section, each argument
 * into the last. */
static int emit_visit(void *ud, am_walk_event ev, size_t index, const void *item)
{
	ad_ctx *c = ud;

	if (ev == AM_WALK_NODE)
		return put_statement(c, index, item);
	if (ev == AM_WALK_RELATION && c->as_arg[index])
		return put_argument(c, index);
	return 0;
}

int am_export_argdown(const argmap_map *map, const am_view *view, am_buf *out)
{
	static const char *const headings[4] = {"Questions", "Claims", "Evidence", "Arguments"};
	ad_ctx c;
	size_t r;
	int rc, k;

	memset(&c, 0, sizeof c);
	c.map = map;
	c.view = view;
	c.out = out;
	c.n = argmap_map_node_count(map);
	c.m = argmap_map_relation_count(map);
	c.node_title = calloc(c.n + 1, sizeof *c.node_title);
	c.arg_title = calloc(c.m + 1, sizeof *c.arg_title);
	c.concl_title = calloc(c.m + 1, sizeof *c.concl_title);
	c.as_arg = calloc(c.m + 1, 1);
	c.sources = json_object();
	c.actors = json_object();
	if (am_ad_titles_init(&c.titles) != 0 || !c.node_title || !c.arg_title || !c.concl_title ||
	    !c.as_arg || !c.sources || !c.actors) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
		goto done;
	}
	if ((rc = am_walk(map, view, plan_visit, &c)) != 0 || (rc = plan_lines(&c)) != 0 ||
	    (rc = put_front(&c)) != 0 || (rc = am_walk(map, view, emit_visit, &c)) != 0)
		goto done;
	am_buf_puts(out, "// Exported by argmap (argmap export -T argdown): ids, attributions and\n"
	                 "// citations are in each item's data; see argmap's docs/interop.md.\n");
	/* Argdown refuses a document of comments only: a library file (or an
	 * empty view) gets a heading */
	if (!c.section[0].len && !c.section[1].len && !c.section[2].len)
		am_buf_puts(out, "\n# Sources and actors (in the front matter)\n");
	for (k = 0; k < 4; k++)
		if (c.section[k].len) {
			am_buf_printf(out, "\n# %s\n\n", headings[k]);
			am_buf_put(out, c.section[k].data,
			           c.section[k].len - 1); /* one blank line */
			if (c.section[k].failed)
				out->failed = 1;
		}
	if (out->failed)
		rc = am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown");
done:
	for (r = 0; c.node_title && r < c.n; r++)
		free(c.node_title[r]);
	for (r = 0; c.arg_title && c.concl_title && r < c.m; r++) {
		free(c.arg_title[r]);
		free(c.concl_title[r]);
	}
	for (k = 0; k < 4; k++)
		am_buf_free(&c.section[k]);
	free(c.node_title);
	free(c.arg_title);
	free(c.concl_title);
	free(c.as_arg);
	am_graph_free(&c.under);
	am_ad_titles_free(&c.titles);
	json_decref(c.sources);
	json_decref(c.actors);
	return rc;
}

/*
 * diff_format.c - argmap_diff as a review (text) and as JSON (jansson,
 * serialised by util/json.c; like bpmn-js-differ: added, removed and
 * changed lists, nodes by id and relations; schema in docs/analysis.md).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/diff.h"
#include "util/buf.h"
#include "util/json.h"

static const char *sid(const char *s)
{
	return s ? s : "?";
}

static const argmap_map *side(const argmap_diff *d, const am_diff_entry *e)
{
	return e->new_i != ARGMAP_NONE ? d->b : d->a;
}

static size_t side_i(const am_diff_entry *e)
{
	return e->new_i != ARGMAP_NONE ? e->new_i : e->old_i;
}

static size_t count(const argmap_diff *d, am_diff_what w)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->e[i].what == w;
	return n;
}

/* ------------------------------------------------------------- text */

static void where(am_buf *b, const argmap_map *m, argmap_loc l)
{
	am_buf_printf(b, "%s:%u", argmap_map_file(m, l.file)->path, l.line);
}

static void rel_text(am_buf *b, const argmap_relation *r)
{
	size_t j;

	am_buf_printf(b, "%s ", argmap_relation_kind_name(r->kind));
	if (r->id)
		am_buf_printf(b, "%s (", r->id);
	for (j = 0; j < r->n_from; j++)
		am_buf_printf(b, "%s%s", j ? " + " : "", sid(r->from[j].id));
	am_buf_printf(b, " -> %s", r->to.id ? r->to.id : "?");
	if (r->id)
		am_buf_putc(b, ')');
}

static void value_text(am_buf *b, const am_diff_field *f, int old)
{
	size_t i, n = old ? f->n_old : f->n_new;
	const char **set = old ? f->old_set : f->new_set;
	const char *s = old ? f->old_s : f->new_s;

	if (!f->is_set) {
		if (s)
			am_buf_printf(b, "\"%s\"", s);
		else
			am_buf_puts(b, "(none)");
		return;
	}
	if (n == 0)
		am_buf_puts(b, "(none)");
	for (i = 0; i < n; i++)
		am_buf_printf(b, "%s%s", i ? ", " : "", sid(set[i]));
}

static void fields_text(am_buf *b, const am_diff_entry *e)
{
	size_t k;

	for (k = 0; k < e->n_fields; k++) {
		am_buf_printf(b, "    - %s: ", e->fields[k].name);
		value_text(b, &e->fields[k], 1);
		am_buf_printf(b, "\n    + %s: ", e->fields[k].name);
		value_text(b, &e->fields[k], 0);
		am_buf_putc(b, '\n');
	}
}

static void entry_text(am_buf *b, const argmap_diff *d, const am_diff_entry *e)
{
	static const char mark[] = {'+', '-', '~', '>'};
	const argmap_map *m = side(d, e);

	am_buf_printf(b, "%c ", mark[e->what]);
	if (e->relation) {
		const argmap_relation *r = argmap_map_relation(m, side_i(e));
		rel_text(b, r);
		am_buf_puts(b, "  (");
		if (e->what == AM_DIFF_CHANGED) {
			where(b, d->a, argmap_map_relation(d->a, e->old_i)->loc);
			am_buf_puts(b, " -> ");
		}
		where(b, m, r->loc);
		am_buf_puts(b, ")\n");
	} else {
		const argmap_node *n = argmap_map_node(m, side_i(e));
		if (e->what == AM_DIFF_RENAMED)
			am_buf_printf(b, "%s %s renamed to %s (same text; likely a rename)  (",
			              argmap_node_kind_name(n->kind),
			              argmap_map_node(d->a, e->old_i)->id, n->id);
		else
			am_buf_printf(b, "%s %s  (", argmap_node_kind_name(n->kind), sid(n->id));
		if (e->what == AM_DIFF_CHANGED || e->what == AM_DIFF_RENAMED) {
			where(b, d->a, argmap_map_node(d->a, e->old_i)->loc);
			am_buf_puts(b, " -> ");
		}
		where(b, m, n->loc);
		am_buf_puts(b, ")\n");
		if (e->what == AM_DIFF_ADDED || e->what == AM_DIFF_REMOVED)
			am_buf_printf(b, "    %c %s: \"%s\"\n", mark[e->what],
			              n->kind == ARGMAP_NODE_EVIDENCE ? "quote" : "text",
			              n->text ? n->text : "");
	}
	fields_text(b, e);
}

char *argmap_diff_format_text(const argmap_diff *d)
{
	static const am_diff_what order[] = {AM_DIFF_REMOVED, AM_DIFF_ADDED, AM_DIFF_RENAMED,
	                                     AM_DIFF_CHANGED};
	am_buf b = {0};
	size_t i, k, rel;

	if (!d)
		return NULL;
	am_buf_printf(&b, "--- %s\n+++ %s\n", am_diff_version_name(d, 0),
	              am_diff_version_name(d, 1));
	am_buf_printf(&b,
	              "@@ %zu added, %zu removed, %zu changed, %zu renamed; %zu claim%s changed "
	              "label\n",
	              count(d, AM_DIFF_ADDED), count(d, AM_DIFF_REMOVED), count(d, AM_DIFF_CHANGED),
	              count(d, AM_DIFF_RENAMED), d->n_labels, d->n_labels == 1 ? "" : "s");
	if (argmap_diff_count(d) == 0)
		am_buf_puts(&b, "no differences\n");
	for (rel = 0; rel < 2; rel++)
		for (k = 0; k < sizeof order / sizeof order[0]; k++)
			for (i = 0; i < d->n; i++)
				if (d->e[i].what == order[k] && (size_t)d->e[i].relation == rel) {
					am_buf_putc(&b, '\n');
					entry_text(&b, d, &d->e[i]);
				}
	if (d->n_labels)
		am_buf_puts(&b, "\nlabels (grounded semantics):\n");
	for (i = 0; i < d->n_labels; i++) {
		const am_diff_label *l = &d->labels[i];
		const char *was = d->ea->explanation[l->old_i], *now = d->eb->explanation[l->new_i];
		am_buf_printf(&b, "~ claim %s: %s -> %s\n",
		              sid(argmap_map_node(d->b, l->new_i)->id), argmap_label_name(l->old_l),
		              argmap_label_name(l->new_l));
		am_buf_printf(&b, "    - %s\n    + %s\n", was ? was : argmap_label_name(l->old_l),
		              now ? now : argmap_label_name(l->new_l));
	}
	return am_buf_detach(&b);
}

/* ------------------------------------------------------------- JSON */

static json_t *strs(const char *const *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, am_json_text(v[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *ref_ids(const argmap_ref *r, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, am_json_text(r[i].id)) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *value_json(const am_diff_field *f, int old)
{
	if (f->is_set)
		return strs(old ? f->old_set : f->new_set, old ? f->n_old : f->n_new);
	return am_json_text(old ? f->old_s : f->new_s);
}

static int attrs_json(json_t *o, const am_diff_entry *e)
{
	json_t *attrs = json_object();
	size_t k;
	int bad = !attrs;

	for (k = 0; !bad && k < e->n_fields; k++) {
		json_t *v = json_object();
		bad |= !v;
		bad |= am_json_set(v, "old", value_json(&e->fields[k], 1));
		bad |= am_json_set(v, "new", value_json(&e->fields[k], 0));
		bad |= am_json_set(attrs, e->fields[k].name, v);
	}
	return bad | am_json_set(o, "attrs", attrs);
}

static json_t *entry_json(const argmap_diff *d, const am_diff_entry *e)
{
	const argmap_map *m = side(d, e);
	json_t *o = json_object();
	int bad = !o;

	if (e->relation) {
		const argmap_relation *r = argmap_map_relation(m, side_i(e));
		bad |= am_json_set(o, "id", am_json_text(r->id));
		bad |= am_json_set(o, "kind", json_string(argmap_relation_kind_name(r->kind)));
		bad |= am_json_set(o, "from", ref_ids(r->from, r->n_from));
		bad |= am_json_set(o, "to", am_json_text(r->to.id));
		if (r->kind == ARGMAP_REL_ANSWER)
			bad |= am_json_set(o, "stance", json_string(argmap_stance_name(r->stance)));
	} else {
		const argmap_node *n = argmap_map_node(m, side_i(e));
		if (e->what == AM_DIFF_RENAMED)
			bad |= am_json_set(o, "old_id",
			                   am_json_text(argmap_map_node(d->a, e->old_i)->id));
		bad |= am_json_set(o, "id", am_json_text(n->id));
		bad |= am_json_set(o, "kind", json_string(argmap_node_kind_name(n->kind)));
		if (e->what == AM_DIFF_ADDED || e->what == AM_DIFF_REMOVED)
			bad |= am_json_set(o, "text", am_json_text(n->text));
	}
	if (e->what == AM_DIFF_CHANGED || e->what == AM_DIFF_RENAMED)
		bad |= attrs_json(o, e);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* {"nodes": [...], "relations": [...]} of the entries of one kind. */
static json_t *group_json(const argmap_diff *d, am_diff_what w, int with_relations)
{
	json_t *g = json_object(), *nodes = json_array(), *rels = json_array();
	size_t i;
	int bad = !g || !nodes || !rels;

	for (i = 0; !bad && i < d->n; i++)
		if (d->e[i].what == w)
			bad |= json_array_append_new(d->e[i].relation ? rels : nodes,
			                             entry_json(d, &d->e[i])) != 0;
	bad |= am_json_set(g, "nodes", nodes);
	if (with_relations)
		bad |= am_json_set(g, "relations", rels);
	else
		json_decref(rels);
	if (bad) {
		json_decref(g);
		return NULL;
	}
	return g;
}

static json_t *labels_json(const argmap_diff *d)
{
	json_t *o = json_object(), *a = json_array();
	size_t i;
	int bad = !o || !a;

	bad |= am_json_set(o, "semantics", json_string("grounded"));
	for (i = 0; !bad && i < d->n_labels; i++) {
		const am_diff_label *l = &d->labels[i];
		json_t *x = json_object();
		bad |= !x;
		bad |= am_json_set(x, "id", am_json_text(argmap_map_node(d->b, l->new_i)->id));
		bad |= am_json_set(x, "old", json_string(argmap_label_name(l->old_l)));
		bad |= am_json_set(x, "new", json_string(argmap_label_name(l->new_l)));
		bad |=
		    am_json_set(x, "old_explanation", am_json_text(d->ea->explanation[l->old_i]));
		bad |=
		    am_json_set(x, "new_explanation", am_json_text(d->eb->explanation[l->new_i]));
		bad |= json_array_append_new(a, x) != 0;
	}
	bad |= am_json_set(o, "changed", a);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

char *argmap_diff_format_json(const argmap_diff *d)
{
	json_t *o, *sum, *ren;
	am_buf b = {0};
	int bad;

	if (!d)
		return NULL;
	o = json_object();
	sum = json_object();
	bad = !o || !sum;
	bad |= am_json_set(o, "old", am_json_text(am_diff_version_name(d, 0)));
	bad |= am_json_set(o, "new", am_json_text(am_diff_version_name(d, 1)));
	bad |= am_json_set(sum, "added", json_integer((json_int_t)count(d, AM_DIFF_ADDED)));
	bad |= am_json_set(sum, "removed", json_integer((json_int_t)count(d, AM_DIFF_REMOVED)));
	bad |= am_json_set(sum, "changed", json_integer((json_int_t)count(d, AM_DIFF_CHANGED)));
	bad |= am_json_set(sum, "renamed", json_integer((json_int_t)count(d, AM_DIFF_RENAMED)));
	bad |= am_json_set(sum, "labels_changed", json_integer((json_int_t)d->n_labels));
	bad |= am_json_set(o, "summary", sum);
	bad |= am_json_set(o, "added", group_json(d, AM_DIFF_ADDED, 1));
	bad |= am_json_set(o, "removed", group_json(d, AM_DIFF_REMOVED, 1));
	bad |= am_json_set(o, "changed", group_json(d, AM_DIFF_CHANGED, 1));
	ren = group_json(d, AM_DIFF_RENAMED, 0);
	bad |= am_json_set(o, "renamed", ren ? json_incref(json_object_get(ren, "nodes")) : NULL);
	json_decref(ren);
	bad |= am_json_set(o, "labels", labels_json(d));
	if (!bad)
		bad = am_json_append(&b, o, AM_JSON_PRETTY) != 0;
	json_decref(o);
	if (bad) {
		am_buf_free(&b);
		return NULL;
	}
	return am_buf_detach(&b);
}

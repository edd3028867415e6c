/*
 * stats_format.c - argmap_stats as text (for a terminal) and as JSON
 * (jansson, serialised by util/json.c; the schema is in docs/analysis.md).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/stats.h"
#include "util/buf.h"
#include "util/json.h"

static const char *node_id(const argmap_stats *s, size_t i)
{
	const char *id = argmap_map_node(s->map, i)->id;

	return id ? id : "?";
}

/* ------------------------------------------------------------- JSON */

static json_t *num(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *counts_json(const am_stats_counts *c)
{
	json_t *o = json_object(), *ed = json_object();
	int bad = !o || !ed;

	bad |= am_json_set(o, "questions", num(c->questions));
	bad |= am_json_set(o, "claims", num(c->claims));
	bad |= am_json_set(o, "evidence", num(c->evidence));
	bad |= am_json_set(o, "sources", num(c->sources));
	bad |= am_json_set(o, "actors", num(c->actors));
	bad |= am_json_set(o, "supports", num(c->supports));
	bad |= am_json_set(o, "linked_supports", num(c->linked_supports));
	bad |= am_json_set(o, "rebuts", num(c->rebuts));
	bad |= am_json_set(o, "undercuts", num(c->undercuts));
	bad |= am_json_set(o, "answers", num(c->answers));
	bad |= am_json_set(ed, "supports", num(c->editor[ARGMAP_REL_SUPPORT]));
	bad |= am_json_set(ed, "rebuts", num(c->editor[ARGMAP_REL_REBUT]));
	bad |= am_json_set(ed, "undercuts", num(c->editor[ARGMAP_REL_UNDERCUT]));
	bad |= am_json_set(ed, "answers", num(c->editor[ARGMAP_REL_ANSWER]));
	bad |= am_json_set(ed, "total", num(c->editor_links));
	bad |= am_json_set(o, "editor_links", ed);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *id_list(const argmap_stats *s, const size_t *idx, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (json_array_append_new(a, am_json_text(node_id(s, idx[i]))) != 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *top_json(const argmap_stats *s, const size_t *idx, size_t n, const size_t *count,
                        const char *key)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++) {
		json_t *o = json_object();
		if (!o || am_json_set(o, "id", am_json_text(node_id(s, idx[i]))) ||
		    am_json_set(o, key, num(count[idx[i]])) || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *actors_json(const argmap_stats *s)
{
	json_t *a = json_array();
	size_t i, n = argmap_map_actor_count(s->map);

	for (i = 0; a && i < n; i++) {
		const argmap_actor *x = argmap_map_actor(s->map, i);
		json_t *o = json_object();
		int bad = !o;
		bad |= am_json_set(o, "id", am_json_text(x->id));
		bad |= am_json_set(o, "name", am_json_text(x->name));
		bad |= am_json_set(o, "claims_held", num(s->claims_held[i]));
		bad |= am_json_set(o, "attacks_made", num(s->attacks_made[i]));
		bad |= am_json_set(o, "attacks_received", num(s->attacks_received[i]));
		bad |= am_json_set(o, "evidence_cited", num(s->evidence_cited[i]));
		bad |= am_json_set(o, "quoted", num(s->quoted[i]));
		if (bad || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *sources_json(const argmap_stats *s)
{
	json_t *a = json_array();
	size_t i, n = argmap_map_source_count(s->map);

	for (i = 0; a && i < n; i++) {
		const argmap_source *x = argmap_map_source(s->map, i);
		json_t *o = json_object();
		int bad = !o;
		bad |= am_json_set(o, "id", am_json_text(x->id));
		bad |= am_json_set(o, "title", am_json_text(x->title));
		bad |= am_json_set(o, "claims", num(s->source_claims[i]));
		bad |= am_json_set(o, "quotes", num(s->source_quotes[i]));
		if (bad || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *questions_json(const argmap_stats *s)
{
	json_t *a = json_array();
	size_t i, n = argmap_map_node_count(s->map);

	for (i = 0; a && i < n; i++) {
		const size_t *q = s->answers[i];
		json_t *o, *st;
		int bad;
		if (argmap_map_node(s->map, i)->kind != ARGMAP_NODE_QUESTION)
			continue;
		o = json_object();
		st = json_object();
		bad = !o || !st;
		bad |= am_json_set(st, "yes", num(q[ARGMAP_STANCE_YES]));
		bad |= am_json_set(st, "no", num(q[ARGMAP_STANCE_NO]));
		bad |= am_json_set(st, "qualified", num(q[ARGMAP_STANCE_QUALIFIED]));
		bad |= am_json_set(st, "none", num(q[ARGMAP_STANCE_NONE]));
		bad |= am_json_set(o, "id", am_json_text(node_id(s, i)));
		bad |= am_json_set(o, "answers", st);
		if (bad || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *files_json(const argmap_stats *s)
{
	json_t *a = json_array();
	size_t f, n = argmap_map_file_count(s->map);

	for (f = 0; a && f < n; f++) {
		const argmap_file *x = argmap_map_file(s->map, f);
		json_t *o = json_object();
		int bad = !o;
		bad |= am_json_set(o, "path", am_json_text(x->path));
		bad |= am_json_set(o, "kind",
		                   json_string(x->kind == ARGMAP_FILE_LIBRARY ? "library" : "map"));
		bad |= am_json_set(o, "title", am_json_text(x->title));
		bad |= am_json_set(o, "counts", counts_json(&s->per_file[f]));
		if (bad || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

char *argmap_stats_format_json(const argmap_stats *s)
{
	json_t *o, *chain, *single;
	am_buf b = {0};
	size_t i;
	int bad;

	if (!s)
		return NULL;
	o = json_object();
	chain = json_object();
	single = json_array();
	bad = !o || !chain || !single;
	bad |= am_json_set(o, "map", am_json_text(argmap_map_file(s->map, 0)->path));
	bad |= am_json_set(o, "title", am_json_text(argmap_map_file(s->map, 0)->title));
	bad |= am_json_set(o, "counts", counts_json(&s->total));
	bad |= am_json_set(o, "files", files_json(s));
	bad |= am_json_set(o, "actors", actors_json(s));
	bad |= am_json_set(o, "sources", sources_json(s));
	bad |= am_json_set(
	    o, "most_attacked",
	    top_json(s, s->most_attacked, s->n_most_attacked, s->attacks_in, "attacks"));
	bad |= am_json_set(
	    o, "most_supported",
	    top_json(s, s->most_supported, s->n_most_supported, s->supports_in, "supports"));
	bad |= am_json_set(chain, "supports", num(s->chain_len ? s->chain_len - 1 : 0));
	bad |= am_json_set(chain, "nodes", id_list(s, s->chain, s->chain_len));
	bad |= am_json_set(o, "longest_support_chain", chain);
	bad |= am_json_set(o, "questions", questions_json(s));
	bad |= am_json_set(o, "unsupported_claims", id_list(s, s->unsupported, s->n_unsupported));
	bad |= am_json_set(o, "no_evidence_claims", id_list(s, s->no_evidence, s->n_no_evidence));
	for (i = 0; !bad && i < s->n_single_source; i++) {
		json_t *x = json_object();
		bad |= !x;
		bad |= am_json_set(x, "id", am_json_text(node_id(s, s->single_source[i])));
		bad |= am_json_set(
		    x, "source",
		    am_json_text(argmap_map_source(s->map, s->single_source_of[i])->id));
		bad |= json_array_append_new(single, x) != 0;
	}
	bad |= am_json_set(o, "single_source_claims", single);
	if (!bad)
		bad = am_json_append(&b, o, AM_JSON_PRETTY) != 0;
	json_decref(o);
	if (bad) {
		am_buf_free(&b);
		return NULL;
	}
	return am_buf_detach(&b);
}

/* ------------------------------------------------------------- text */

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void counts_text(am_buf *b, const am_stats_counts *c, int indent)
{
	am_buf_printf(b, "%zu %s, %zu %s, %zu evidence, %zu %s, %zu %s\n", c->questions,
	              plural(c->questions, "question", "questions"), c->claims,
	              plural(c->claims, "claim", "claims"), c->evidence, c->sources,
	              plural(c->sources, "source", "sources"), c->actors,
	              plural(c->actors, "actor", "actors"));
	am_buf_printf(b, "%*s%zu %s (%zu linked), %zu %s, %zu %s, %zu %s; %zu editor's %s\n",
	              indent, "", c->supports, plural(c->supports, "support", "supports"),
	              c->linked_supports, c->rebuts, plural(c->rebuts, "rebut", "rebuts"),
	              c->undercuts, plural(c->undercuts, "undercut", "undercuts"), c->answers,
	              plural(c->answers, "answer", "answers"), c->editor_links,
	              plural(c->editor_links, "link", "links"));
}

/* How many ids a text list names before "and N more". */
#define TEXT_LIST_MAX 12

/* "label (n): a, b, c" on lines of at most about 100 characters; past
 * TEXT_LIST_MAX ids, "... and N more" (--format json lists them all). */
static void list_text(am_buf *b, const argmap_stats *s, const char *label, const size_t *idx,
                      size_t n, const size_t *count)
{
	size_t i, col, shown = n > TEXT_LIST_MAX ? TEXT_LIST_MAX : n;

	if (n == 0) {
		am_buf_printf(b, "%s: none\n", label);
		return;
	}
	am_buf_printf(b, "%s (%zu):", label, n);
	col = strlen(label) + 8;
	for (i = 0; i < shown; i++) {
		const char *id = node_id(s, idx[i]);
		size_t w = strlen(id) + (count ? 6 : 2);
		if (col + w > 100) {
			am_buf_puts(b, "\n   ");
			col = 3;
		}
		if (count)
			am_buf_printf(b, " %s (%zu)%s", id, count[idx[i]], i + 1 < n ? "," : "");
		else
			am_buf_printf(b, " %s%s", id, i + 1 < n ? "," : "");
		col += w;
	}
	if (shown < n)
		am_buf_printf(b, " ... and %zu more", n - shown);
	am_buf_putc(b, '\n');
}

/* The chain, bottom first, wrapped like a list. */
static void chain_text(am_buf *b, const argmap_stats *s)
{
	size_t i, col;

	if (!s->chain_len) {
		am_buf_puts(b, "longest support chain: none\n");
		return;
	}
	am_buf_printf(b, "longest support chain (%zu %s):", s->chain_len - 1,
	              plural(s->chain_len - 1, "support", "supports"));
	col = 32;
	for (i = 0; i < s->chain_len; i++) {
		const char *id = node_id(s, s->chain[i]);
		size_t w = strlen(id) + 4;
		if (col + w > 100) {
			am_buf_puts(b, "\n   ");
			col = 3;
		}
		am_buf_printf(b, " %s%s", id, i + 1 < s->chain_len ? " ->" : "");
		col += w;
	}
	am_buf_putc(b, '\n');
}

static const char *sid(const char *s)
{
	return s ? s : "?";
}

static size_t id_width(const argmap_stats *s, int actors)
{
	size_t i, w = 6,
	          n = actors ? argmap_map_actor_count(s->map) : argmap_map_source_count(s->map);

	for (i = 0; i < n; i++) {
		const char *id =
		    actors ? argmap_map_actor(s->map, i)->id : argmap_map_source(s->map, i)->id;
		size_t l = id ? strlen(id) : 1;
		if (l > w)
			w = l;
	}
	return w > 40 ? 40 : w;
}

static void tables_text(am_buf *b, const argmap_stats *s)
{
	size_t i, n = argmap_map_actor_count(s->map), w = id_width(s, 1);

	if (n) {
		am_buf_printf(b, "actors:\n  %-*s  %6s %8s %9s %9s %7s\n", (int)w, "id", "claims",
		              "attacks", "attacked", "evidence", "quoted");
		for (i = 0; i < n; i++)
			am_buf_printf(b, "  %-*s  %6zu %8zu %9zu %9zu %7zu\n", (int)w,
			              sid(argmap_map_actor(s->map, i)->id), s->claims_held[i],
			              s->attacks_made[i], s->attacks_received[i],
			              s->evidence_cited[i], s->quoted[i]);
	}
	n = argmap_map_source_count(s->map);
	w = id_width(s, 0);
	if (n) {
		am_buf_printf(b, "sources:\n  %-*s  %6s %6s\n", (int)w, "id", "claims", "quotes");
		for (i = 0; i < n; i++)
			am_buf_printf(b, "  %-*s  %6zu %6zu\n", (int)w,
			              sid(argmap_map_source(s->map, i)->id), s->source_claims[i],
			              s->source_quotes[i]);
	}
}

char *argmap_stats_format_text(const argmap_stats *s)
{
	am_buf b = {0};
	size_t i, n;
	const argmap_file *f0;

	if (!s)
		return NULL;
	f0 = argmap_map_file(s->map, 0);
	am_buf_printf(&b, "%s%s%s\n", f0->path, f0->title ? ": " : "", f0->title ? f0->title : "");
	n = argmap_map_file_count(s->map);
	am_buf_printf(&b, "%s: ", n > 1 ? "debate" : "map");
	counts_text(&b, &s->total, 4);
	for (i = 0; n > 1 && i < n; i++) {
		am_buf_printf(&b, "  %s: ", argmap_map_file(s->map, i)->path);
		counts_text(&b, &s->per_file[i], 6);
	}
	for (i = 0; i < argmap_map_node_count(s->map); i++) {
		const size_t *q = s->answers[i];
		size_t tot = q[0] + q[1] + q[2] + q[3];
		if (argmap_map_node(s->map, i)->kind != ARGMAP_NODE_QUESTION)
			continue;
		am_buf_printf(&b, "question %s: %zu %s (%zu yes, %zu no, %zu qualified",
		              node_id(s, i), tot, plural(tot, "answer", "answers"),
		              q[ARGMAP_STANCE_YES], q[ARGMAP_STANCE_NO],
		              q[ARGMAP_STANCE_QUALIFIED]);
		if (q[ARGMAP_STANCE_NONE])
			am_buf_printf(&b, ", %zu without a stance", q[ARGMAP_STANCE_NONE]);
		am_buf_puts(&b, ")\n");
	}
	list_text(&b, s, "most attacked", s->most_attacked, s->n_most_attacked, s->attacks_in);
	list_text(&b, s, "most supported", s->most_supported, s->n_most_supported, s->supports_in);
	chain_text(&b, s);
	list_text(&b, s, "unsupported claims", s->unsupported, s->n_unsupported, NULL);
	list_text(&b, s, "claims resting on no evidence", s->no_evidence, s->n_no_evidence, NULL);
	list_text(&b, s, "claims resting on a single source", s->single_source, s->n_single_source,
	          NULL);
	tables_text(&b, s);
	return am_buf_detach(&b);
}

/*
 * list.c - `argmap list` as data (argmap/list.h): the actors, claims, tags
 * or sources a view can select, as aligned text or as JSON through
 * util/json.h, like every JSON argmap writes.
 */
#include <stdlib.h>
#include <string.h>

#include "argmap/list.h"
#include "util/am_internal.h"
#include "util/buf.h"
#include "util/json.h"

static int mine(const argmap_ref *r, size_t actor)
{
	return r && r->kind == ARGMAP_ITEM_ACTOR && r->index == actor;
}

/* Claims held and quotes given by actor a, in file 0. */
static void actor_counts(const argmap_map *map, size_t a, size_t *claims, size_t *quotes)
{
	size_t n = argmap_map_node_count(map), i, k;

	*claims = *quotes = 0;
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		if (nd->loc.file != 0)
			continue;
		for (k = 0; k < nd->n_by; k++)
			if (mine(&nd->by[k], a)) {
				++*claims;
				break;
			}
		if (mine(nd->speaker, a))
			++*quotes;
	}
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* One line of at most `max` bytes of s, cut at a UTF-8 boundary. */
static void print_cut(am_buf *out, const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max) {
		am_buf_puts(out, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	am_buf_printf(out, "%.*s\xE2\x80\xA6", (int)max, s);
}

static int list_json(const argmap_map *map, argmap_list_what what, json_t *arr)
{
	size_t i, k, n = argmap_map_node_count(map);
	int bad = 0;

	if (what == ARGMAP_LIST_ACTORS) {
		for (i = 0; i < argmap_map_actor_count(map); i++) {
			const argmap_actor *a = argmap_map_actor(map, i);
			json_t *o = json_object();
			size_t c, q;
			actor_counts(map, i, &c, &q);
			bad |=
			    !o || am_json_set(o, "id", am_json_text(a->id)) ||
			    am_json_set(o, "kind", am_json_text(argmap_actor_kind_name(a->kind))) ||
			    am_json_set(o, "name", am_json_text(a->name)) ||
			    am_json_set(o, "affiliation", am_json_text(a->affiliation)) ||
			    am_json_set(o, "role", am_json_text(a->role)) ||
			    am_json_set(o, "claims", json_integer((json_int_t)c)) ||
			    am_json_set(o, "quotes", json_integer((json_int_t)q)) ||
			    json_array_append_new(arr, o);
		}
	} else if (what == ARGMAP_LIST_CLAIMS) {
		for (i = 0; i < n; i++) {
			const argmap_node *nd = argmap_map_node(map, i);
			json_t *o, *by;
			if (nd->loc.file != 0 || nd->kind == ARGMAP_NODE_EVIDENCE)
				continue;
			o = json_object();
			by = json_array();
			for (k = 0; by && k < nd->n_by; k++)
				bad |= json_array_append_new(by, am_json_text(nd->by[k].id));
			bad |=
			    !o || am_json_set(o, "id", am_json_text(nd->id)) ||
			    am_json_set(o, "kind", am_json_text(argmap_node_kind_name(nd->kind))) ||
			    am_json_set(o, "by", by) ||
			    am_json_set(o, "text", am_json_text(nd->text)) ||
			    json_array_append_new(arr, o);
		}
	} else if (what == ARGMAP_LIST_SOURCES) {
		for (i = 0; i < argmap_map_source_count(map); i++) {
			const argmap_source *s = argmap_map_source(map, i);
			json_t *o = json_object();
			bad |= !o || am_json_set(o, "id", am_json_text(s->id)) ||
			       am_json_set(o, "kind",
			                   am_json_text(argmap_source_kind_name(s->kind))) ||
			       am_json_set(o, "title", am_json_text(s->title)) ||
			       am_json_set(o, "publisher", am_json_text(s->publisher)) ||
			       am_json_set(o, "date", am_json_text(s->date)) ||
			       am_json_set(o, "url", am_json_text(s->url)) ||
			       json_array_append_new(arr, o);
		}
	}
	return bad ? -1 : 0;
}

/* Tags of file 0 in order of first appearance, with their counts: a
 * sort-free pass would be quadratic, so this is n log n through qsort. */
typedef struct tag_count {
	const char *tag;
	size_t first, count;
} tag_count;

static int by_tag(const void *a, const void *b)
{
	const tag_count *x = a, *y = b;
	int c = strcmp(x->tag, y->tag);
	return c ? c : (x->first > y->first) - (x->first < y->first);
}

static int by_first(const void *a, const void *b)
{
	const tag_count *x = a, *y = b;
	return (x->first > y->first) - (x->first < y->first);
}

static tag_count *count_tags(const argmap_map *map, size_t *n_out)
{
	size_t n = argmap_map_node_count(map), i, k, total = 0, m = 0, j;
	tag_count *t;

	for (i = 0; i < n; i++)
		if (argmap_map_node(map, i)->loc.file == 0)
			total += argmap_map_node(map, i)->n_tags;
	t = malloc((total + 1) * sizeof *t);
	if (!t)
		return NULL;
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		if (nd->loc.file != 0)
			continue;
		for (k = 0; k < nd->n_tags; k++) {
			t[m].tag = nd->tags[k];
			t[m].first = m;
			t[m].count = 1;
			m++;
		}
	}
	qsort(t, m, sizeof *t, by_tag);
	for (i = 0, j = 0; i < m; i++) {
		if (j && strcmp(t[j - 1].tag, t[i].tag) == 0)
			t[j - 1].count++;
		else
			t[j++] = t[i];
	}
	qsort(t, j, sizeof *t, by_first);
	*n_out = j;
	return t;
}

static void list_text(am_buf *o, const argmap_map *map, argmap_list_what what)
{
	size_t i, k, n = argmap_map_node_count(map);

	if (what == ARGMAP_LIST_ACTORS) {
		for (i = 0; i < argmap_map_actor_count(map); i++) {
			const argmap_actor *a = argmap_map_actor(map, i);
			size_t c, q;
			actor_counts(map, i, &c, &q);
			am_buf_printf(o, "%-22s %-40s", a->id, or_empty(a->name));
			if (c || q)
				am_buf_printf(o, "  %zu claim%s, %zu quote%s", c, c == 1 ? "" : "s",
				              q, q == 1 ? "" : "s");
			else
				am_buf_puts(o, "  (nothing in this map)");
			if (a->affiliation || a->role) {
				am_buf_puts(o, "  \xC2\xB7 ");
				print_cut(o, a->affiliation ? a->affiliation : a->role, 50);
			}
			am_buf_puts(o, "\n");
		}
	} else if (what == ARGMAP_LIST_CLAIMS) {
		for (i = 0; i < n; i++) {
			const argmap_node *nd = argmap_map_node(map, i);
			if (nd->loc.file != 0 || nd->kind == ARGMAP_NODE_EVIDENCE)
				continue;
			am_buf_printf(o, "%-28s %-8s ", or_empty(nd->id),
			              argmap_node_kind_name(nd->kind));
			for (k = 0; k < nd->n_by && k < 2; k++)
				am_buf_printf(o, "%s%s", k ? "," : "", nd->by[k].id);
			if (nd->n_by > 2)
				am_buf_printf(o, ",+%zu", nd->n_by - 2);
			am_buf_puts(o, nd->n_by ? ": " : "");
			print_cut(o, or_empty(nd->text), 80);
			am_buf_puts(o, "\n");
		}
	} else if (what == ARGMAP_LIST_SOURCES) {
		for (i = 0; i < argmap_map_source_count(map); i++) {
			const argmap_source *s = argmap_map_source(map, i);
			am_buf_printf(o, "%-22s ", s->id);
			print_cut(o, or_empty(s->title), 70);
			if (s->publisher)
				am_buf_printf(o, " \xC2\xB7 %s", s->publisher);
			if (s->date)
				am_buf_printf(o, " \xC2\xB7 %s", s->date);
			if (s->url)
				am_buf_printf(o, " \xC2\xB7 %s", s->url);
			am_buf_puts(o, "\n");
		}
	}
}

static char *tags_text(const argmap_map *map)
{
	size_t nt = 0, i;
	tag_count *t = count_tags(map, &nt);
	am_buf b = {0};

	if (!t)
		return NULL;
	for (i = 0; i < nt; i++)
		am_buf_printf(&b, "%-30s %zu\n", t[i].tag, t[i].count);
	free(t);
	return am_buf_detach(&b);
}

static int tags_json(const argmap_map *map, json_t *arr)
{
	size_t nt = 0, i;
	tag_count *t = count_tags(map, &nt);
	int bad = !t;

	for (i = 0; !bad && i < nt; i++) {
		json_t *o = json_object();
		bad |= !o || am_json_set(o, "tag", am_json_text(t[i].tag)) ||
		       am_json_set(o, "nodes", json_integer((json_int_t)t[i].count)) ||
		       json_array_append_new(arr, o);
	}
	free(t);
	return bad ? -1 : 0;
}

char *argmap_list_format_text(const argmap_map *map, argmap_list_what what)
{
	am_buf b = {0};

	if (!map || what > ARGMAP_LIST_SOURCES) {
		am_fail(ARGMAP_EARG, "argmap_list_format_text: NULL map or unknown list");
		return NULL;
	}
	if (what == ARGMAP_LIST_TAGS)
		return tags_text(map);
	list_text(&b, map, what);
	return am_buf_detach(&b);
}

char *argmap_list_format_json(const argmap_map *map, argmap_list_what what)
{
	json_t *arr;
	am_buf b = {0};
	int bad;

	if (!map || what > ARGMAP_LIST_SOURCES) {
		am_fail(ARGMAP_EARG, "argmap_list_format_json: NULL map or unknown list");
		return NULL;
	}
	arr = json_array();
	bad = !arr ||
	      (what == ARGMAP_LIST_TAGS ? tags_json(map, arr) : list_json(map, what, arr)) != 0 ||
	      am_json_append(&b, arr, AM_JSON_PRETTY) != 0;
	json_decref(arr);
	if (bad) {
		am_buf_free(&b);
		am_fail(ARGMAP_ENOMEM, "out of memory while listing");
		return NULL;
	}
	return am_buf_detach(&b);
}

/*
 * cmd_list.c - `argmap list actors|claims|tags|sources FILE`: what a view
 * can select (--actor, --focus, --tag), so that nobody greps XML for ids.
 * Text (one item a line, aligned) or JSON (an array of objects, through
 * util/json.h like every JSON argmap writes).
 *
 * Counts are of the map's own scope: the nodes its file declares (an
 * imported library's declarations are listed, but hold nothing here).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/json.h"

enum what { LIST_ACTORS, LIST_CLAIMS, LIST_TAGS, LIST_SOURCES };

static void list_usage(FILE *out)
{
	fputs("Usage: argmap list WHAT [options] FILE\n"
	      "\n"
	      "List what a view of the map can select. WHAT is one of:\n"
	      "  actors    id, name, affiliation, and how many claims each holds and how\n"
	      "            many quotes are theirs (for argmap render --actor ID)\n"
	      "  claims    questions and claims: id, who holds them, their text (for\n"
	      "            --focus ID)\n"
	      "  tags      each tag and how many nodes carry it (for --tag TAG)\n"
	      "  sources   id, title, publisher, date and URL of each source\n"
	      "\n"
	      "Options:\n"
	      "  --format FORMAT   text (default) or json (an array of objects)\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 listed, 1 the map has errors, 2 usage error, 3 the file\n"
	      "could not be read or standard output could not be written.\n",
	      out);
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "argmap list: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
	fputs("Try 'argmap list --help'.\n", stderr);
	return CLI_USAGE;
}

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
static void print_cut(FILE *out, const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max) {
		fputs(s, out);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	fprintf(out, "%.*s\xE2\x80\xA6", (int)max, s);
}

static int list_json(const argmap_map *map, enum what what, json_t *arr)
{
	size_t i, k, n = argmap_map_node_count(map);
	int bad = 0;

	if (what == LIST_ACTORS) {
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
	} else if (what == LIST_CLAIMS) {
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
	} else if (what == LIST_SOURCES) {
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

static void list_text(const argmap_map *map, enum what what)
{
	size_t i, k, n = argmap_map_node_count(map);

	if (what == LIST_ACTORS) {
		for (i = 0; i < argmap_map_actor_count(map); i++) {
			const argmap_actor *a = argmap_map_actor(map, i);
			size_t c, q;
			actor_counts(map, i, &c, &q);
			printf("%-22s %-40s", a->id, or_empty(a->name));
			if (c || q)
				printf("  %zu claim%s, %zu quote%s", c, c == 1 ? "" : "s", q,
				       q == 1 ? "" : "s");
			else
				fputs("  (nothing in this map)", stdout);
			if (a->affiliation || a->role) {
				fputs("  \xC2\xB7 ", stdout);
				print_cut(stdout, a->affiliation ? a->affiliation : a->role, 50);
			}
			putchar('\n');
		}
	} else if (what == LIST_CLAIMS) {
		for (i = 0; i < n; i++) {
			const argmap_node *nd = argmap_map_node(map, i);
			if (nd->loc.file != 0 || nd->kind == ARGMAP_NODE_EVIDENCE)
				continue;
			printf("%-28s %-8s ", or_empty(nd->id), argmap_node_kind_name(nd->kind));
			for (k = 0; k < nd->n_by && k < 2; k++)
				printf("%s%s", k ? "," : "", nd->by[k].id);
			if (nd->n_by > 2)
				printf(",+%zu", nd->n_by - 2);
			fputs(nd->n_by ? ": " : "", stdout);
			print_cut(stdout, or_empty(nd->text), 80);
			putchar('\n');
		}
	} else if (what == LIST_SOURCES) {
		for (i = 0; i < argmap_map_source_count(map); i++) {
			const argmap_source *s = argmap_map_source(map, i);
			printf("%-22s ", s->id);
			print_cut(stdout, or_empty(s->title), 70);
			if (s->publisher)
				printf(" \xC2\xB7 %s", s->publisher);
			if (s->date)
				printf(" \xC2\xB7 %s", s->date);
			if (s->url)
				printf(" \xC2\xB7 %s", s->url);
			putchar('\n');
		}
	}
}

int cli_list(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	static const char *names[] = {"actors", "claims", "tags", "sources"};
	enum cli_format fmt = CLI_TEXT;
	enum what what = LIST_ACTORS;
	argmap_diags *diags;
	argmap_map *map = NULL;
	int opt, rc, found = 0;
	size_t i;

	optind = 1;
	while ((opt = cli_getopt("list", argc, argv, "h", longopts)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else
				return usage_error("unknown format (use text or json):", optarg);
			break;
		case 'h':
			list_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (argc - optind != 2)
		return usage_error(argc - optind < 2 ? "give what to list and a map, e.g. "
		                                       "'argmap list actors map.xml'"
		                                     : "one map at a time",
		                   NULL);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(argv[optind], names[i])) {
			what = (enum what)i;
			found = 1;
		}
	if (!found)
		return usage_error("can list actors, claims, tags or sources, not", argv[optind]);
	diags = argmap_diags_new();
	if (!diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = cli_load_and_check(argv[optind + 1], NULL, diags, &map);
	if (rc == CLI_OK && argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR))
		rc = CLI_ERRORS;
	if (rc != CLI_OK || !map) {
		cli_print_diags(diags, CLI_TEXT, 1);
		argmap_diags_free(diags);
		argmap_map_free(map);
		return rc == CLI_OK ? CLI_ERRORS : rc;
	}
	argmap_diags_free(diags);
	if (what == LIST_TAGS) {
		size_t nt = 0;
		tag_count *t = count_tags(map, &nt);
		json_t *arr = fmt == CLI_JSON ? json_array() : NULL;
		int bad = !t || (fmt == CLI_JSON && !arr);
		for (i = 0; !bad && i < nt; i++) {
			if (fmt == CLI_TEXT) {
				printf("%-30s %zu\n", t[i].tag, t[i].count);
			} else {
				json_t *o = json_object();
				bad |=
				    !o || am_json_set(o, "tag", am_json_text(t[i].tag)) ||
				    am_json_set(o, "nodes", json_integer((json_int_t)t[i].count)) ||
				    json_array_append_new(arr, o);
			}
		}
		if (arr && !bad) {
			am_buf b = {0};
			bad = am_json_append(&b, arr, AM_JSON_PRETTY) != 0;
			if (!bad)
				fwrite(b.data, 1, b.len, stdout);
			am_buf_free(&b);
		}
		json_decref(arr);
		free(t);
		rc = bad ? CLI_IO : CLI_OK;
	} else if (fmt == CLI_JSON) {
		json_t *arr = json_array();
		am_buf b = {0};
		rc = !arr || list_json(map, what, arr) != 0 ||
		             am_json_append(&b, arr, AM_JSON_PRETTY) != 0
		         ? CLI_IO
		         : CLI_OK;
		if (rc == CLI_OK)
			fwrite(b.data, 1, b.len, stdout);
		am_buf_free(&b);
		json_decref(arr);
	} else {
		list_text(map, what);
	}
	if (rc == CLI_IO)
		fputs("argmap list: out of memory\n", stderr);
	argmap_map_free(map);
	cli_flush_stdout();
	return rc;
}

/*
 * style.c - what docs/editing.md asks of a map's text that the schema
 * cannot say: a quote is whole and verbatim, so it has no elision ("...",
 * "…", "[...]") even before --sources checks it against the source (AM315);
 * tags are separated by spaces, so a comma inside one is a list written the
 * wrong way (AM316); a tag used once that is a typo away from a tag used
 * on several nodes is most likely that tag misspelt (AM317), and a --tag
 * view would silently leave its node out; a claim's title is short and
 * shorter than its text (AM318). Items of file 0 only; linear in
 * the text (tags sorted once: n log n).
 */
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "util/suggest.h"
#include "util/text.h"

/* "Did you mean" searches for once-used tags, each over the distinct tags:
 * past this many, a map of 20,000 distinct tags is still checked in
 * linear time (as MAX_SUGGESTIONS in check.c). */
#define MAX_TAG_SUGGESTIONS 100

static const char *path_of(const argmap_map *m, argmap_loc l)
{
	const argmap_file *f = argmap_map_file(m, l.file);
	return f ? f->path : NULL;
}

/* The elision in s ("[...]", "[…]", "...", "…"), or NULL. */
static const char *elision(const char *s)
{
	static const char *const forms[] = {"[...]", "[\xE2\x80\xA6]", "...", "\xE2\x80\xA6"};
	size_t i;

	for (i = 0; s && i < sizeof forms / sizeof forms[0]; i++)
		if (strstr(s, forms[i]))
			return forms[i];
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The number of nodes of the debate (every file) that carry `tag`, found in
 * the sorted array all[0..n). */
static size_t uses(const char *const *all, size_t n, const char *tag)
{
	size_t lo = 0, hi = n, first, count = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(all[mid], tag) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (first = lo; first + count < n && !strcmp(all[first + count], tag); count++)
		;
	return count;
}

/* AM317: a tag of a file-0 node used nowhere else, within a typo (the one
 * suggester's rule, but not a mere prefix: "security-guarantees" is no
 * misspelt "security") of a tag that several nodes carry. */
static int rule_tag_typos(const argmap_map *map, argmap_diags *diags)
{
	size_t i, k, j, n = argmap_map_node_count(map), total = 0, m = 0, searches = 0;
	const char **all, **common;
	size_t n_common = 0;
	int rc = 0;

	for (i = 0; i < n; i++)
		total += argmap_map_node(map, i)->n_tags;
	if (total < 2)
		return 0;
	all = malloc(total * sizeof *all);
	common = malloc(total * sizeof *common);
	if (!all || !common) {
		free(all);
		free(common);
		return ARGMAP_ENOMEM;
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < argmap_map_node(map, i)->n_tags; k++)
			all[m++] = argmap_map_node(map, i)->tags[k];
	qsort(all, m, sizeof *all, by_name);
	/* the distinct tags that at least two nodes carry */
	for (j = 0; j < m; j = k) {
		for (k = j + 1; k < m && !strcmp(all[k], all[j]); k++)
			;
		if (k - j >= 2)
			common[n_common++] = all[j];
	}
	for (i = 0; i < n && n_common && searches < MAX_TAG_SUGGESTIONS && rc == 0; i++) {
		const argmap_node *d = argmap_map_node(map, i);
		if (d->loc.file != 0)
			continue;
		for (k = 0; k < d->n_tags && searches < MAX_TAG_SUGGESTIONS; k++) {
			am_suggest sg;
			if (strchr(d->tags[k], ',') || uses(all, m, d->tags[k]) != 1)
				continue;
			searches++;
			am_suggest_init(&sg, d->tags[k]);
			for (j = 0; j < n_common; j++)
				am_suggest_offer(&sg, common[j]);
			if (!am_suggest_best(&sg) || sg.prefix)
				continue;
			if (am_diag(
			        diags, ARGMAP_SEV_WARNING, "AM317", path_of(map, d->loc),
			        d->loc.line, d->loc.col,
			        "a --tag view leaves out a node whose tag is misspelt; if the tag "
			        "is meant, ignore this",
			        "%s '%s' has the tag '%s', used nowhere else: did you mean '%s' "
			        "(on %zu nodes)?",
			        argmap_node_kind_name(d->kind), d->id, d->tags[k],
			        am_suggest_best(&sg),
			        uses(all, m, am_suggest_best(&sg))) == ARGMAP_NONE) {
				rc = ARGMAP_ENOMEM;
				break;
			}
		}
	}
	free(all);
	free(common);
	return rc;
}

/* AM318: a claim's title is a box's worth: at most this many characters,
 * and shorter than the text it stands for. */
#define TITLE_MAX_CHARS 80

static int rule_title(const argmap_node *d, const argmap_map *map, argmap_diags *diags)
{
	size_t t, x;

	if (d->kind != ARGMAP_NODE_CLAIM || !d->title || !*d->title)
		return 0;
	t = am_utf8_count(d->title, strlen(d->title));
	x = d->text ? am_utf8_count(d->text, strlen(d->text)) : 0;
	if (t <= TITLE_MAX_CHARS && t < x)
		return 0;
	return am_diag(diags, ARGMAP_SEV_WARNING, "AM318", path_of(map, d->loc), d->loc.line,
	               d->loc.col,
	               "a title is the claim in a few words, for a box (at most 80 characters); "
	               "the text says it in full",
	               "the title of claim '%s' has %zu characters, %s", d->id, t,
	               t > TITLE_MAX_CHARS ? "more than 80" : "no shorter than its text") ==
	               ARGMAP_NONE
	           ? ARGMAP_ENOMEM
	           : 0;
}

int am_check_style(const argmap_map *map, argmap_diags *diags)
{
	size_t i, k, n = argmap_map_node_count(map);

	for (i = 0; i < n; i++) {
		const argmap_node *d = argmap_map_node(map, i);
		const char *e;
		if (d->loc.file != 0)
			continue;
		if (d->kind == ARGMAP_NODE_EVIDENCE && (e = elision(d->text)) != NULL &&
		    am_diag(
		        diags, ARGMAP_SEV_WARNING, "AM315", path_of(map, d->text_loc),
		        d->text_loc.line, d->text_loc.col,
		        "a quote is one whole passage, word for word: quote it in full, or make "
		        "two <evidence> items for two passages",
		        "the quote of evidence '%s' leaves something out ('%s')", d->id,
		        e) == ARGMAP_NONE)
			return ARGMAP_ENOMEM;
		if (rule_title(d, map, diags) != 0)
			return ARGMAP_ENOMEM;
		for (k = 0; k < d->n_tags; k++) {
			if (!strchr(d->tags[k], ','))
				continue;
			if (am_diag(diags, ARGMAP_SEV_WARNING, "AM316", path_of(map, d->loc),
			            d->loc.line, d->loc.col,
			            "separate tags with spaces: tags=\"economy safety\"",
			            "%s '%s' has the tag '%s', with a comma",
			            argmap_node_kind_name(d->kind), d->id,
			            d->tags[k]) == ARGMAP_NONE)
				return ARGMAP_ENOMEM;
		}
	}
	return rule_tag_typos(map, diags);
}

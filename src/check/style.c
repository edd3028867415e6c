/*
 * style.c - what docs/editing.md asks of a map's text that the schema
 * cannot say: a quote is whole and verbatim, so it has no elision ("...",
 * "…", "[...]") even before --sources checks it against the source (AM315);
 * tags are separated by spaces, so a comma inside one is a list written the
 * wrong way (AM316). Items of file 0 only; linear in the text.
 */
#include <string.h>

#include "check/check_internal.h"

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
	return 0;
}

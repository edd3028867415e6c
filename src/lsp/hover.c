/*
 * hover.c - hover on an id (the item's text, who holds it, its source)
 * and on a diagnostic (its code's explanation from docs/diagnostics.md,
 * compiled in) (lsp.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "util/json.h"

extern const char argmap_diagnostics_md[];
extern const size_t argmap_diagnostics_md_len;

char *am_lsp_code_doc(const char *code)
{
	const char *p = argmap_diagnostics_md, *end = p + argmap_diagnostics_md_len, *s, *e;
	size_t n = strlen(code);
	char head[32];
	am_buf b = {0};

	if (n < 5 || n > 8)
		return NULL;
	snprintf(head, sizeof head, "### %s ", code);
	for (s = strstr(p, head); s && s != p && s[-1] != '\n'; s = strstr(s + 1, head)) {
	}
	if (!s)
		return NULL;
	/* to the next heading */
	for (e = strchr(s, '\n'); e && e < end; e = strchr(e + 1, '\n'))
		if (e[1] == '#')
			break;
	if (!e)
		e = end;
	am_buf_put(&b, s, (size_t)(e - s));
	return am_buf_detach(&b);
}

static void refs_names(am_buf *b, const argmap_map *m, const char *what, const argmap_ref *r,
                       size_t n)
{
	size_t i;

	if (!n)
		return;
	am_buf_printf(b, "\n\n*%s:* ", what);
	for (i = 0; i < n; i++) {
		const char *name = r[i].id;
		if (r[i].kind == ARGMAP_ITEM_ACTOR && r[i].index != ARGMAP_NONE)
			name = argmap_map_actor(m, r[i].index)->name;
		else if (r[i].kind == ARGMAP_ITEM_SOURCE && r[i].index != ARGMAP_NONE)
			name = argmap_map_source(m, r[i].index)->title;
		am_buf_printf(b, "%s%s (`%s`)", i ? ", " : "", name ? name : "", r[i].id);
	}
}

static void describe(am_buf *b, const argmap_map *m, const char *id)
{
	size_t i;

	switch (argmap_map_find(m, id, &i)) {
	case ARGMAP_ITEM_NODE: {
		const argmap_node *d = argmap_map_node(m, i);
		am_buf_printf(b, "**%s** `%s`", argmap_node_kind_name(d->kind), id);
		if (d->title && *d->title)
			am_buf_printf(b, " \xE2\x80\x94 *%s*", d->title);
		am_buf_printf(b, "\n\n%s", d->text ? d->text : "");
		refs_names(b, m, "held by", d->by, d->n_by);
		refs_names(b, m, "speaker", d->speaker, d->speaker ? 1 : 0);
		refs_names(b, m, "source", d->sources, d->n_sources);
		if (d->note)
			am_buf_printf(b, "\n\n*note:* %s", d->note);
		break;
	}
	case ARGMAP_ITEM_ACTOR: {
		const argmap_actor *a = argmap_map_actor(m, i);
		am_buf_printf(b, "**actor** `%s`\n\n%s (%s)", id, a->name ? a->name : "",
		              argmap_actor_kind_name(a->kind));
		if (a->role)
			am_buf_printf(b, ", %s", a->role);
		if (a->affiliation)
			am_buf_printf(b, ", %s", a->affiliation);
		break;
	}
	case ARGMAP_ITEM_SOURCE: {
		const argmap_source *s = argmap_map_source(m, i);
		am_buf_printf(b, "**source** `%s` (%s)\n\n%s", id, argmap_source_kind_name(s->kind),
		              s->title ? s->title : "");
		if (s->publisher)
			am_buf_printf(b, ", %s", s->publisher);
		if (s->date)
			am_buf_printf(b, ", %s", s->date);
		refs_names(b, m, "authors", s->authors, s->n_authors);
		if (s->url)
			am_buf_printf(b, "\n\n%s", s->url);
		break;
	}
	case ARGMAP_ITEM_RELATION: {
		const argmap_relation *r = argmap_map_relation(m, i);
		size_t k;
		am_buf_printf(b, "**%s** `%s`: ", argmap_relation_kind_name(r->kind), id);
		for (k = 0; k < r->n_from; k++)
			am_buf_printf(b, "%s`%s`", k ? " + " : "", r->from[k].id);
		am_buf_printf(b, " → `%s`", r->to.id);
		refs_names(b, m, "by", r->by, r->n_by);
		refs_names(b, m, "source", r->sources, r->n_sources);
		break;
	}
	default: break;
	}
}

void am_lsp_hover(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	size_t off, a, e, i, n;
	am_lsp_doc *doc = am_lsp_position(srv, id, params, &off);
	am_buf b = {0};
	char word[256];
	unsigned line, col;

	if (!doc)
		return;
	am_text_word(&doc->text, off, &a, &e);
	if (e > a && e - a < sizeof word) {
		memcpy(word, doc->text.s + a, e - a);
		word[e - a] = '\0';
		if (doc->map)
			describe(&b, doc->map, word);
		if (!b.len && word[0] == 'A' && word[1] == 'M') {
			char *d = am_lsp_code_doc(word);
			if (d)
				am_buf_puts(&b, d);
			free(d);
		}
	}
	/* The diagnostics on this line, with their explanations. */
	am_text_position(&doc->text, off, &line, &col);
	for (i = 0, n = doc->diags ? argmap_diags_count(doc->diags) : 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(doc->diags, i);
		char *expl;
		if (d->parent != ARGMAP_NONE || d->line != line + 1 ||
		    (d->file && doc->path && strcmp(d->file, doc->path) != 0))
			continue;
		expl = am_lsp_code_doc(d->code);
		am_buf_printf(&b, "%s%s", b.len ? "\n\n---\n\n" : "", expl ? expl : d->code);
		free(expl);
	}
	if (!b.len) {
		am_buf_free(&b);
		am_lsp_reply(srv, id, json_null());
		return;
	}
	am_lsp_reply(srv, id,
	             json_pack("{s:{s:s,s:s}}", "contents", "kind", "markdown", "value",
	                       b.data ? b.data : ""));
	am_buf_free(&b);
}

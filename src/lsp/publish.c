/*
 * publish.c - a document's diagnostics as textDocument/publishDiagnostics
 * (lsp.h): one notification for the document and one per imported file
 * it reports on (unless that file is open and reports for itself); notes
 * become relatedInformation of their parent; files reported on before and
 * not now are cleared.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"

static int lsp_severity(argmap_severity s)
{
	return s == ARGMAP_SEV_ERROR ? 1 : s == ARGMAP_SEV_WARNING ? 2 : 3;
}

/* The LSP range of a diagnostic: from its position to the end of the word
 * there (at least one character). */
static json_t *diag_range(am_text *text, const argmap_diag *d)
{
	size_t off, a, b;

	if (!text || !d->line)
		return am_lsp_range(NULL, d->line, d->col, 1);
	off = am_text_offset_of_loc(text, d->line, d->col);
	am_text_word(text, off, &a, &b);
	if (b <= off)
		b = off < text->len ? off + 1 : off;
	return am_lsp_range(text, d->line, d->col, b - off);
}

typedef struct file_diags {
	const char *file; /* NULL: the document itself */
	json_t *list;
} file_diags;

/* The array for `file`, created on first use. */
static json_t *group(file_diags **g, size_t *n, const char *file)
{
	size_t i;
	file_diags *ng;

	for (i = 0; i < *n; i++)
		if ((*g)[i].file == file || ((*g)[i].file && file && !strcmp((*g)[i].file, file)))
			return (*g)[i].list;
	ng = realloc(*g, (*n + 1) * sizeof *ng);
	if (!ng)
		return NULL;
	*g = ng;
	ng[*n].file = file;
	ng[*n].list = json_array();
	return ng[(*n)++].list;
}

static char *file_uri(am_lsp_doc *doc, const char *file)
{
	if (!file || (doc->path && !strcmp(file, doc->path)) || !strcmp(file, doc->uri))
		return strdup(doc->uri);
	return file[0] == '/' ? am_lsp_path_uri(file) : NULL;
}

void am_lsp_publish(am_lsp_server *srv, am_lsp_doc *doc, const argmap_diags *diags, am_text *own)
{
	size_t i, n = diags ? argmap_diags_count(diags) : 0, ng = 0, k;
	file_diags *g = NULL;
	json_t **made = calloc(n ? n : 1, sizeof *made);
	char **others = NULL;
	size_t nothers = 0;

	if (!made)
		return;
	group(&g, &ng, NULL); /* the document itself always gets a list */
	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		const char *file =
		    d->file && doc->path && !strcmp(d->file, doc->path) ? NULL : d->file;
		am_text *text = file ? NULL : own;
		if (file && !strcmp(file, doc->uri)) {
			file = NULL;
			text = own;
		}
		if (d->parent != ARGMAP_NONE && d->parent < n && made[d->parent]) {
			/* a note: related information of its parent */
			json_t *rel = json_object_get(made[d->parent], "relatedInformation");
			char *uri = file_uri(doc, d->file);
			if (uri && rel)
				json_array_append_new(rel, json_pack("{s:{s:s,s:o},s:s}",
				                                     "location", "uri", uri,
				                                     "range", diag_range(text, d),
				                                     "message", d->message));
			free(uri);
			continue;
		}
		{
			json_t *list = group(&g, &ng, file), *o;
			am_buf msg = {0};
			am_buf_puts(&msg, d->message);
			if (d->hint)
				am_buf_printf(&msg, "\nhint: %s", d->hint);
			o = json_pack("{s:o,s:i,s:s,s:s,s:s?,s:[]}", "range", diag_range(text, d),
			              "severity", lsp_severity(d->severity), "code", d->code,
			              "source", "argmap", "message",
			              msg.data ? msg.data : d->message, "relatedInformation");
			am_buf_free(&msg);
			if (o && list) {
				json_array_append_new(list, o);
				made[i] = o;
			} else {
				json_decref(o);
			}
		}
	}
	for (k = 0; k < ng; k++) {
		char *uri = file_uri(doc, g[k].file);
		am_lsp_doc *open = g[k].file ? am_lsp_find_doc_path(srv, g[k].file) : NULL;
		json_t *p;
		if (!uri || (open && open != doc)) { /* an open file reports for itself */
			free(uri);
			json_decref(g[k].list);
			continue;
		}
		p = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", g[k].list);
		if (k == 0 && p)
			json_object_set_new(p, "version", json_integer(doc->map_version));
		am_lsp_notify(srv, "textDocument/publishDiagnostics", p);
		if (g[k].file) {
			char **no = realloc(others, (nothers + 1) * sizeof *no);
			if (no) {
				others = no;
				others[nothers++] = uri;
				uri = NULL;
			}
		}
		free(uri);
	}
	/* Files this document reported for before and not now: clear them. */
	for (i = 0; i < doc->nothers; i++) {
		int still = 0;
		for (k = 0; k < nothers; k++)
			still |= !strcmp(others[k], doc->others[i]);
		if (!still)
			am_lsp_notify(
			    srv, "textDocument/publishDiagnostics",
			    json_pack("{s:s,s:[]}", "uri", doc->others[i], "diagnostics"));
		free(doc->others[i]);
	}
	free(doc->others);
	doc->others = others;
	doc->nothers = nothers;
	free(g);
	free(made);
}

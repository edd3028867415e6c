/*
 * imports.c - following <import>s. Every href is relative to the map that
 * holds it and must stay inside the folder of the map being read: ".."
 * that climbs out is refused lexically before any file is touched, and
 * the realpath (symbolic links resolved) is checked again before the file
 * is read. Each file is loaded once, however often it is imported.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/loader.h"
#include "util/buf.h"
#include "util/text.h"

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
	va_list ap;

	va_start(ap, fmt);
	am_diag_v(L->diags, ARGMAP_SEV_ERROR, code, am_model_path(L->m, p->from_file), p->loc.line,
	          p->loc.col, hint, fmt, ap);
	va_end(ap);
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

void am_imports_queue(ctx *c, xmlNodePtr el)
{
	pending_import *p;
	char *href = am_build_attr_text(c, el, "href");

	if (!href)
		return;
	/* Each <import> counts against the item limit, so their number (and
	 * the pending list) is bounded however small each one is. */
	p = am_build_new_item(c, el, &c->L->imports, &c->L->nimports, &c->L->capimports, sizeof *p);
	if (!p)
		return;
	p->href = href;
	p->loc = am_load_loc_at(c, am_xml_attr_offset(c->x, el, "href"));
	p->from_file = c->file;
}

void am_imports_follow(loader *L, int from_memory)
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
			             "import '%s' is not followed when reading from memory",
			             p.href);
			continue;
		}
		if (p.href[0] == '/' || strchr(p.href, '\\') || strstr(p.href, "://")) {
			import_error(
			    L, &p, "AM401",
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
			import_error(L, &p, "AM402",
			             "check the href; it is relative to this map's folder",
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
				import_error(
				    L, &p, "AM403", "merge small files, or split the debate",
				    "import '%s' exceeds the limit on files in one debate", p.href);
				L->status = ARGMAP_ELIMIT;
				free(real);
				free(joined);
				continue;
			}
			if (am_load_one(L, joined, NULL, 0, real) == 0 ||
			    (L->m->nfiles && L->m->file_keys[L->m->nfiles - 1] &&
			     strcmp(L->m->file_keys[L->m->nfiles - 1], real) == 0))
				found = L->m->nfiles - 1;
			else
				import_error(L, &p, "AM402", NULL,
				             "cannot import '%s' (see the errors reported for it)",
				             p.href);
		}
		f = &L->m->files[p.from_file];
		/* A file imported again by the same map is listed once: the list
		 * holds at most max_files entries, so copying it on growth stays
		 * bounded (it was copied per <import>: quadratic arena memory). */
		for (k = 0; found != ARGMAP_NONE && k < f->n_imports; k++)
			if (f->imports[k] == found)
				found = ARGMAP_NONE;
		if (found != ARGMAP_NONE) {
			size_t *imp =
			    am_arena_alloc(&L->m->arena, (f->n_imports + 1) * sizeof *imp);
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

/*
 * load.c - the loader: from XML files to the immutable model, file by
 * file, following <import>s; the DOM is freed as soon as a file is built.
 * The public entry points argmap_map_load and argmap_map_load_memory.
 * See loader.h for how the work is split.
 */
#define _GNU_SOURCE /* O_PATH */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "model/model.h"
#include "read/loader.h"
#include "read/schema.h"
#include "read/xml.h"
#include "util/text.h"

_Thread_local const xmlNs *am_load_ns_seen;

void am_load_diag(const ctx *c, argmap_severity sev, const char *code, size_t off, const char *hint,
                  const char *fmt, ...)
{
	va_list ap;
	unsigned line, col;
	size_t idx;

	am_xml_offset_pos(c->x, off, &line, &col);
	va_start(ap, fmt);
	idx = am_diag_v(c->L->diags, sev, code, c->x->path, line, col, hint, fmt, ap);
	va_end(ap);
	if (idx == ARGMAP_NONE && c->L->diags)
		c->L->oom = 1;
}

static size_t add_file(loader *L, const char *path, const char *key)
{
	argmap_map *m = L->m;
	argmap_file *f;
	char **keys;

	f = am_model_grow((void **)&m->files, &m->nfiles, &m->capfiles, sizeof *f);
	if (!f)
		return ARGMAP_NONE;
	keys = realloc(m->file_keys, m->capfiles * sizeof *keys);
	if (!keys) {
		m->nfiles--;
		return ARGMAP_NONE;
	}
	m->file_keys = keys;
	keys[m->nfiles - 1] = key ? strdup(key) : NULL;
	f->path = am_arena_strdup(&m->arena, path);
	if (!f->path) {
		free(keys[m->nfiles - 1]);
		m->nfiles--;
		return ARGMAP_NONE;
	}
	return m->nfiles - 1;
}

char *am_load_file_key(int fd, const char *path)
{
	struct stat st;
	char buf[64];

	if (fd >= 0 ? fstat(fd, &st) != 0 : stat(path, &st) != 0)
		return NULL;
	snprintf(buf, sizeof buf, "%llu:%llu", (unsigned long long)st.st_dev,
	         (unsigned long long)st.st_ino);
	return strdup(buf);
}

static int set_rel(loader *L, size_t fi, const char *rel)
{
	if (fi >= L->caprel) {
		size_t cap = L->m->capfiles > fi ? L->m->capfiles : fi + 1;
		char **r = realloc(L->rel, cap * sizeof *r);
		if (!r)
			return -1;
		memset(r + L->caprel, 0, (cap - L->caprel) * sizeof *r);
		L->rel = r;
		L->caprel = cap;
	}
	L->rel[fi] = rel ? strdup(rel) : NULL;
	return rel && !L->rel[fi] ? -1 : 0;
}

int am_load_one(loader *L, const char *path, int fd, const char *mem, size_t memlen,
                const char *key, const char *rel)
{
	am_xml_doc x;
	ctx c;
	size_t fi;
	int rc;
	xmlNodePtr root;
	const am_elem_rule *rule;

	am_load_ns_seen = NULL; /* never trust a pointer into an earlier document */
	rc = fd >= 0 ? am_xml_read_fd(&x, path, fd, L->o.max_file_bytes, L->diags)
	             : am_xml_read(&x, path, mem, memlen, L->o.max_file_bytes, L->diags);
	if (rc)
		goto done;
	fi = add_file(L, path, key);
	if (fi == ARGMAP_NONE || set_rel(L, fi, rel) < 0) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
		goto done;
	}
	x.path = L->m->files[fi].path;
	c.L = L;
	c.x = &x;
	c.file = fi;
	root = xmlDocGetRootElement(x.doc);
	if (am_structure_check_root(&c, root) < 0) {
		rc = am_fail(ARGMAP_EINVALID, "%s: not an argmap map", path);
		goto done;
	}
	rc = am_schema_init();
	if (rc)
		goto done;
	am_structure_bound_children(&c, root);
	rule = am_schema_element("argmap");
	if (rule)
		am_structure_check(&c, root, rule);
	rc = am_schema_validate(&x, L->diags);
	if (rc < 0)
		goto done;
	rc = 0;
	am_build_file(&c, root, &L->m->files[fi]);
	if (L->oom)
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
done:
	am_xml_free(&x);
	am_load_ns_seen = NULL; /* it pointed into the freed document */
	return rc;
}

/* mem == NULL: read `path`; else mem holds the text, and with as_file it is
 * the text of `path` (imports followed beneath its folder), without it a
 * nameless buffer whose imports are not followed. */
static int load_common(argmap_map **out, const char *path, const char *mem, size_t memlen,
                       int as_file, const argmap_load_options *opts, argmap_diags *diags)
{
	loader L;
	char *key = NULL, *base = NULL;
	int rc;

	if (!out || !path)
		return am_fail(ARGMAP_EARG, "argmap_map_load: NULL argument");
	*out = NULL;
	if (opts && (rc = am_check_version(opts->version, ARGMAP_LOAD_OPTIONS_VERSION,
	                                   "argmap_load_options")) != 0)
		return rc;
	memset(&L, 0, sizeof L);
	L.root_fd = -1;
	if (opts)
		L.o = *opts;
	if (!L.o.max_file_bytes)
		L.o.max_file_bytes = AM_DEFAULT_MAX_FILE_BYTES;
	if (!L.o.max_items)
		L.o.max_items = AM_DEFAULT_MAX_ITEMS;
	if (!L.o.max_files)
		L.o.max_files = AM_DEFAULT_MAX_FILES;
	if (!L.o.max_text_chars)
		L.o.max_text_chars = AM_DEFAULT_MAX_TEXT_CHARS;
	L.diags = diags;
	L.m = calloc(1, sizeof *L.m);
	if (!L.m)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	if (!mem || as_file) {
		/* The map's own folder, however it is named (a symbolic link to
		 * it is fine: the command line is trusted); imports are opened
		 * beneath this descriptor, never by name. */
		char *dir = am_path_dir(path);
		const char *slash = strrchr(path, '/');
		L.root_fd = dir ? open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
		free(dir);
		key = am_load_file_key(-1, path);
		base = strdup(slash ? slash + 1 : path);
	}
	rc = am_load_one(&L, path, -1, mem, memlen, key, base);
	if (rc == 0) {
		am_imports_follow(&L, mem != NULL && !as_file);
		if (L.oom)
			rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	if (rc == 0) {
		am_model_resolve(L.m);
		*out = L.m;
		rc = L.status;
	} else {
		argmap_map_free(L.m);
	}
	free(L.imports);
	if (L.root_fd >= 0)
		close(L.root_fd);
	for (size_t i = 0; i < L.caprel; i++)
		free(L.rel[i]);
	free(L.rel);
	free(key);
	free(base);
	return rc;
}

int argmap_map_load(argmap_map **out, const char *path, const argmap_load_options *opts,
                    argmap_diags *diags)
{
	return load_common(out, path, NULL, 0, 1, opts, diags);
}

int argmap_map_load_memory(argmap_map **out, const char *name, const char *data, size_t len,
                           const argmap_load_options *opts, argmap_diags *diags)
{
	if (!data)
		return am_fail(ARGMAP_EARG, "argmap_map_load_memory: NULL data");
	return load_common(out, name ? name : "<memory>", data, len, 0, opts, diags);
}

int argmap_map_load_text(argmap_map **out, const char *path, const char *data, size_t len,
                         const argmap_load_options *opts, argmap_diags *diags)
{
	if (!data || !path)
		return am_fail(ARGMAP_EARG, "argmap_map_load_text: NULL argument");
	return load_common(out, path, data, len, 1, opts, diags);
}

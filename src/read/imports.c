/*
 * imports.c - following <import>s. Every href is relative to the map that
 * holds it and must stay inside the folder of the map being read: ".."
 * that climbs out is refused lexically before any file is touched; the
 * file is then opened beneath a descriptor of that folder, so that what is
 * checked is what is read (no name is resolved twice: a symbolic link
 * swapped in between cannot lead outside), and read from that descriptor.
 * Each file (device and inode) is loaded once, however often imported.
 */
#define _GNU_SOURCE /* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
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
	argmap_file *f = p->from_file < L->m->nfiles ? &L->m->files[p->from_file] : NULL;

	va_start(ap, fmt);
	am_diag_v(L->diags, ARGMAP_SEV_ERROR, code, am_model_path(L->m, p->from_file), p->loc.line,
	          p->loc.col, hint, fmt, ap);
	va_end(ap);
	/* the checks leave out what the missing file may have declared */
	if (f && !f->n_failed_imports++)
		f->failed_import = p->loc;
}

#define AM_OPEN_FLAGS (O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)

/* One component at a time from dirfd, each opened with O_NOFOLLOW: a
 * symbolic link anywhere on the path is refused (ELOOP), not followed. */
static int open_by_components(int dirfd, const char *rel)
{
	char *s = strdup(rel), *p, *save = NULL, *next;
	int cur = dirfd, fd = -ENOENT;

	if (!s)
		return -ENOMEM;
	for (p = strtok_r(s, "/", &save); p; p = next) {
		int flags;
		next = strtok_r(NULL, "/", &save);
		if (strcmp(p, ".") == 0 || strcmp(p, "..") == 0) {
			fd = -EXDEV;
			break;
		}
		flags = next ? (O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
		             : (AM_OPEN_FLAGS | O_NOFOLLOW);
		fd = openat(cur, p, flags);
		if (fd < 0)
			fd = -errno;
		if (cur != dirfd)
			close(cur);
		cur = dirfd;
		if (fd < 0 || !next)
			break;
		cur = fd;
		fd = -ENOENT;
	}
	if (cur != dirfd)
		close(cur);
	free(s);
	/* O_NOFOLLOW on a directory component with O_PATH opens the link
	 * itself: then the next openat fails with ENOTDIR; call it leaving. */
	return fd == -ENOTDIR || fd == -ELOOP ? -ELOOP : fd;
}

int am_open_beneath(int dirfd, const char *rel, int force_fallback)
{
	if (rel[0] == '/' || strcmp(rel, "..") == 0 || strncmp(rel, "../", 3) == 0)
		return -EXDEV;
#ifdef SYS_openat2
	if (!force_fallback) {
		struct open_how how;
		long fd;

		memset(&how, 0, sizeof how);
		how.flags = AM_OPEN_FLAGS;
		how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
		do
			fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
		while (fd < 0 && errno == EAGAIN);
		if (fd >= 0)
			return (int)fd;
		/* no openat2 (kernel before 5.6, or a seccomp filter): fall back */
		if (errno != ENOSYS && errno != EPERM && errno != E2BIG && errno != EINVAL)
			return -errno;
	}
#else
	(void)force_fallback;
#endif
	return open_by_components(dirfd, rel);
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
		const char *from_rel = p.from_file < L->caprel ? L->rel[p.from_file] : NULL;
		char *dir, *joined, *rel, *key;
		size_t k, found = ARGMAP_NONE;
		argmap_file *f;
		int fd;

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
		/* The path inside the root folder, folded lexically: ".." that
		 * climbs out is refused before any file is touched. */
		dir = from_rel ? am_path_dir(from_rel) : NULL;
		rel = dir ? join_path(dir, p.href) : NULL;
		free(dir);
		dir = am_path_dir(from);
		joined = dir ? join_path(dir, p.href) : NULL;
		free(dir);
		if (!rel || !joined) {
			free(rel);
			free(joined);
			L->oom = 1;
			break;
		}
		if (strcmp(rel, "..") == 0 || strncmp(rel, "../", 3) == 0) {
			import_error(L, &p, "AM401",
			             "imports must stay inside the folder of the map being read",
			             "import '%s' leaves the map's folder", p.href);
			goto next;
		}
		fd = L->root_fd >= 0 ? am_open_beneath(L->root_fd, rel, 0) : -ENOENT;
		if (fd == -EXDEV || fd == -ELOOP) {
			import_error(L, &p, "AM401",
			             "imports must stay inside the folder of the map being read; a "
			             "symbolic link may not lead out of it",
			             "import '%s' leaves the map's folder", p.href);
			goto next;
		}
		if (fd < 0) {
			if (fd == -ENOENT || fd == -ENOTDIR)
				import_error(L, &p, "AM402",
				             "check the href; it is relative to this map's folder",
				             "cannot import '%s': file not found", p.href);
			else
				import_error(L, &p, "AM402", NULL, "cannot import '%s': %s", p.href,
				             strerror(-fd));
			goto next;
		}
		key = am_load_file_key(fd, NULL);
		if (!key) {
			close(fd);
			L->oom = 1;
			goto next;
		}
		for (k = 0; k < L->m->nfiles; k++)
			if (L->m->file_keys[k] && strcmp(L->m->file_keys[k], key) == 0)
				found = k;
		if (found == ARGMAP_NONE) {
			if (L->m->nfiles >= L->o.max_files) {
				import_error(
				    L, &p, "AM403", "merge small files, or split the debate",
				    "import '%s' exceeds the limit on files in one debate", p.href);
				L->status = ARGMAP_ELIMIT;
				close(fd);
				free(key);
				goto next;
			}
			if (am_load_one(L, joined, fd, NULL, 0, key, rel) == 0 ||
			    (L->m->nfiles && L->m->file_keys[L->m->nfiles - 1] &&
			     strcmp(L->m->file_keys[L->m->nfiles - 1], key) == 0))
				found = L->m->nfiles - 1;
			else
				import_error(L, &p, "AM402", NULL,
				             "cannot import '%s' (see the errors reported for it)",
				             p.href);
		}
		close(fd);
		free(key);
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
	next:
		free(rel);
		free(joined);
	}
}

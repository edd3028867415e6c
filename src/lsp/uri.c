/*
 * uri.c - file URIs, the workspace boundary, the sources folders, and
 * argmap positions as LSP ranges and locations (lsp.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lsp/lsp.h"
#include "util/json.h"
#include "util/text.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *am_lsp_uri_path(const char *uri)
{
	const char *p;
	char *out, *o;

	if (!uri || strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/' || strlen(p) > PATH_MAX)
		return NULL;
	out = malloc(strlen(p) + 1);
	if (!out)
		return NULL;
	for (o = out; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%') {
			int h = hexval(p[1]), l = h >= 0 ? hexval(p[2]) : -1;
			if (h < 0 || l < 0 || (h == 0 && l == 0)) {
				free(out);
				return NULL; /* malformed, or a NUL byte */
			}
			*o++ = (char)(h * 16 + l);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *am_lsp_path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	am_buf b = {0};
	const unsigned char *p;

	am_buf_puts(&b, "file://");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			am_buf_putc(&b, (char)*p);
		} else {
			am_buf_putc(&b, '%');
			am_buf_putc(&b, hex[*p >> 4]);
			am_buf_putc(&b, hex[*p & 15]);
		}
	}
	return am_buf_detach(&b);
}

int am_lsp_inside(const char *root, const char *path)
{
	char *dir = am_path_dir(path), real[PATH_MAX];
	size_t n = strlen(root);
	int ok;

	if (!dir)
		return 0;
	ok = realpath(dir, real) != NULL;
	free(dir);
	if (!ok)
		return 0;
	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(real, root, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/* Reads "sources" from the .argmap.json beside the map (at most 64 KiB, a
 * regular file, no symbolic link). Caller frees; NULL if none. */
static char *config_sources(const char *map_path)
{
	char *dir = am_path_dir(map_path), *out = NULL, buf[65536];
	am_buf b = {0};
	int fd;
	ssize_t n;
	struct stat st;
	json_t *v = NULL;
	const char *s;

	if (!dir)
		return NULL;
	am_buf_printf(&b, "%s/.argmap.json", dir);
	free(dir);
	if (b.failed) {
		am_buf_free(&b);
		return NULL;
	}
	fd = open(b.data, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	am_buf_free(&b);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size >= (off_t)sizeof buf) {
		close(fd);
		return NULL;
	}
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return NULL;
	v = json_loadb(buf, (size_t)n, JSON_REJECT_DUPLICATES, NULL);
	s = json_string_value(json_object_get(v, "sources"));
	if (s)
		out = strdup(s);
	json_decref(v);
	return out;
}

char *am_lsp_sources_for(const char *root, const char *opt, const char *map_path)
{
	char *spec = opt ? strdup(opt) : config_sources(map_path);
	char *base = opt ? (root ? strdup(root) : NULL) : am_path_dir(map_path);
	char *save = NULL, *p, *out = NULL;
	am_buf b = {0};
	const char *limit;

	if (!spec || !base) {
		free(spec);
		free(base);
		return NULL;
	}
	/* The workspace bounds the folders; without a root, the map's folder. */
	limit = root ? root : base;
	for (p = strtok_r(spec, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
		char *joined, real[PATH_MAX];
		am_buf j = {0};
		if (p[0] == '/')
			am_buf_puts(&j, p);
		else
			am_buf_printf(&j, "%s/%s", base, p);
		joined = am_buf_detach(&j);
		if (!joined)
			continue;
		if (realpath(joined, real) &&
		    (strcmp(limit, "/") == 0 ||
		     (strncmp(real, limit, strlen(limit)) == 0 &&
		      (real[strlen(limit)] == '/' || real[strlen(limit)] == '\0')))) {
			if (b.len)
				am_buf_putc(&b, ':');
			am_buf_puts(&b, real);
		}
		free(joined);
	}
	if (b.len)
		out = am_buf_detach(&b);
	am_buf_free(&b);
	free(spec);
	free(base);
	return out;
}

static json_t *pos(unsigned line, unsigned ch)
{
	return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)ch);
}

json_t *am_lsp_range(am_text *text, unsigned line, unsigned col, size_t len)
{
	unsigned l0 = line ? line - 1 : 0, c0 = col ? col - 1 : 0, l1, c1;

	if (text && line) {
		size_t off = am_text_offset_of_loc(text, line, col), end = off + len;
		am_text_position(text, off, &l0, &c0);
		am_text_position(text, end, &l1, &c1);
	} else {
		l1 = l0;
		c1 = c0 + (unsigned)len;
	}
	return json_pack("{s:o,s:o}", "start", pos(l0, c0), "end", pos(l1, c1));
}

json_t *am_lsp_location(am_lsp_server *srv, am_lsp_doc *doc, argmap_loc loc, size_t len)
{
	const argmap_file *f = argmap_map_file(doc->map, loc.file);
	am_text *text = NULL;
	char *uri;
	json_t *r;

	if (!f)
		return NULL;
	if (loc.file == 0) {
		text = &doc->snap;
	} else {
		am_lsp_doc *other = am_lsp_find_doc_path(srv, f->path);
		if (other && other->map_version == other->version && other->map)
			text = &other->snap;
	}
	uri = loc.file == 0 ? strdup(doc->uri) : am_lsp_path_uri(f->path);
	if (!uri)
		return NULL;
	r = json_pack("{s:s,s:o}", "uri", uri, "range", am_lsp_range(text, loc.line, loc.col, len));
	free(uri);
	return r;
}

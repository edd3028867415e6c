/*
 * bytes.c - the map's bytes, before libxml2 sees them: read from a file
 * safely (regular files only, size-capped, never blocking on a FIFO) or
 * copied from memory, then argmap's own rules checked on the raw bytes
 * (not empty, no NUL, UTF-8 only). See xml.h.
 */
#include "read/xml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/text.h"

static int read_fd(int fd, size_t cap, char **out, size_t *outlen, int *too_big)
{
	size_t len = 0, alloc = 65536;
	char *buf = malloc(alloc + 1);

	*too_big = 0;
	if (!buf)
		return ENOMEM;
	for (;;) {
		ssize_t n;
		if (len == alloc) {
			char *p;
			if (alloc > cap) {
				*too_big = 1;
				free(buf);
				return 0;
			}
			alloc *= 2;
			p = realloc(buf, alloc + 1);
			if (!p) {
				free(buf);
				return ENOMEM;
			}
			buf = p;
		}
		n = read(fd, buf + len, alloc - len);
		if (n < 0) {
			int e = errno;
			if (e == EINTR)
				continue;
			free(buf);
			return e;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > cap) {
			*too_big = 1;
			free(buf);
			return 0;
		}
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

/* Reads the file at path, or (fd >= 0) the file already open as fd, named
 * path in diagnostics. An fd given is the caller's: it is not closed here,
 * so what was checked (an import opened beneath the map's folder) is what
 * is read. */
static int read_file(am_xml_doc *x, const char *path, int given_fd, size_t max_bytes,
                     argmap_diags *diags)
{
	struct stat st;
	int fd = given_fd, e, too_big;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if (fd < 0)
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		e = errno;
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0,
		        e == ENOENT ? "check the path; maps are read relative to the current folder"
		                    : NULL,
		        "cannot open: %s", strerror(e));
		return am_fail(ARGMAP_EIO, "%s: cannot open: %s", path, strerror(e));
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		if (given_fd < 0)
			close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0, NULL, "cannot stat: %s",
		        strerror(e));
		return am_fail(ARGMAP_EIO, "%s: cannot stat: %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		const char *what = S_ISDIR(st.st_mode)    ? "a directory"
		                   : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
		                   : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
		                   : S_ISSOCK(st.st_mode)                       ? "a socket"
		                                          : "not a regular file";
		if (given_fd < 0)
			close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM001", path, 0, 0,
		        "argmap reads regular files only; give the path of an .xml map",
		        "is %s, not a map file", what);
		return am_fail(ARGMAP_EIO, "%s: not a regular file", path);
	}
	if ((unsigned long long)st.st_size > max_bytes) {
		if (given_fd < 0)
			close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0,
		        "split the map into several files that import each other",
		        "file is %llu bytes, over the limit of %zu bytes",
		        (unsigned long long)st.st_size, max_bytes);
		return am_fail(ARGMAP_ELIMIT, "%s: file too large", path);
	}
	/* Regular files never block; clear O_NONBLOCK anyway for NFS & co. */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	e = read_fd(fd, max_bytes, &x->buf, &x->len, &too_big);
	if (given_fd < 0)
		close(fd);
	if (e) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0, NULL, "cannot read: %s",
		        strerror(e));
		return am_fail(e == ENOMEM ? ARGMAP_ENOMEM : ARGMAP_EIO, "%s: cannot read: %s",
		               path, strerror(e));
	}
	if (too_big) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0,
		        "split the map into several files that import each other",
		        "file grew past the limit of %zu bytes while being read", max_bytes);
		return am_fail(ARGMAP_ELIMIT, "%s: file too large", path);
	}
	return 0;
}

/* Attributes (namespace declarations included) on one start tag. No argmap
 * element has more than a handful; libxml2's attribute parsing (and any
 * per-attribute scan of the tag) is quadratic in their number. */
#define AM_MAX_ATTRIBUTES 256

static const char *skip_past(const char *p, const char *end, const char *stop)
{
	size_t k = strlen(stop);

	for (; p + k <= end; p++)
		if (*p == stop[0] && memcmp(p, stop, k) == 0)
			return p + k;
	return end;
}

/* One linear pass over the markup: the offset of the first start tag with
 * more than AM_MAX_ATTRIBUTES attributes, or n. Comments, CDATA sections,
 * processing instructions, declarations and end tags are skipped; in a
 * start tag an '=' outside quotes starts an attribute value. */
static size_t crowded_tag(const char *b, size_t n, size_t *count)
{
	const char *p = b, *end = b + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *tag = p++;
		size_t nattr = 0;
		char quote = 0;

		if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
			p = skip_past(p + 3, end, "-->");
			continue;
		}
		if (end - p >= 8 && memcmp(p, "![CDATA[", 8) == 0) {
			p = skip_past(p + 8, end, "]]>");
			continue;
		}
		if (p < end && *p == '?') {
			p = skip_past(p + 1, end, "?>");
			continue;
		}
		for (; p < end; p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
			} else if (*p == '"' || *p == '\'') {
				quote = *p;
			} else if (*p == '=') {
				if (++nattr > AM_MAX_ATTRIBUTES && tag[1] != '!' && tag[1] != '/') {
					*count = nattr;
					return (size_t)(tag - b);
				}
			} else if (*p == '>' || *p == '<') {
				break;
			}
		}
	}
	return n;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Parses one `S name Eq quoted-value` of the declaration at d[*i]; returns
 * 0 and the value's offset and length, or -1. Eq is S? '=' S?. */
static int decl_attr(const char *d, size_t n, size_t *i, const char *name, size_t *at, size_t *len)
{
	size_t j = *i, k = strlen(name);
	const char *e;

	if (j >= n || !is_space(d[j]))
		return -1;
	while (j < n && is_space(d[j]))
		j++;
	if (n - j < k || memcmp(d + j, name, k) != 0)
		return -1;
	j += k;
	while (j < n && is_space(d[j]))
		j++;
	if (j >= n || d[j] != '=')
		return -1;
	j++;
	while (j < n && is_space(d[j]))
		j++;
	if (j >= n || (d[j] != '"' && d[j] != '\''))
		return -1;
	e = memchr(d + j + 1, d[j], n - j - 1);
	if (!e)
		return -1;
	*at = j + 1;
	*len = (size_t)(e - (d + j + 1));
	*i = (size_t)(e - d) + 1;
	return 0;
}

/* The XML declaration at the start of d ("<?xml" S ...), strictly as
 *   '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>'
 * with VersionInfo = S 'version' Eq ('"1.' [0-9]+ '"' | "'1.' [0-9]+ \"'\"),
 * EncodingDecl = S 'encoding' Eq quoted [A-Za-z] [A-Za-z0-9._-]*,
 * SDDecl = S 'standalone' Eq quoted ('yes' | 'no'). Returns NULL and the
 * encoding's offset and length (0 when there is none), or what is wrong
 * with *at where. Anything libxml2 might read more leniently is refused. */
static const char *xml_decl(const char *d, size_t n, size_t *at, size_t *len)
{
	size_t i = 5, v, vl, k;

	if (n > 4096)
		n = 4096; /* a declaration is short; never scan the whole file */
	*len = 0;
	*at = 0;
	if (decl_attr(d, n, &i, "version", &v, &vl) < 0 || vl < 3 || memcmp(d + v, "1.", 2) != 0)
		return "it must start with version=\"1.0\"";
	for (k = 2; k < vl; k++)
		if (d[v + k] < '0' || d[v + k] > '9')
			return "version must be 1.0";
	if (decl_attr(d, n, &(size_t){i}, "encoding", &v, &vl) == 0) {
		decl_attr(d, n, &i, "encoding", &v, &vl);
		*at = v;
		if (vl == 0 || !((d[v] >= 'A' && d[v] <= 'Z') || (d[v] >= 'a' && d[v] <= 'z')))
			return "the encoding name is not valid";
		for (k = 1; k < vl; k++) {
			char c = d[v + k];
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
				return "the encoding name is not valid";
		}
		*len = vl;
	}
	if (decl_attr(d, n, &(size_t){i}, "standalone", &v, &vl) == 0) {
		decl_attr(d, n, &i, "standalone", &v, &vl);
		if (!((vl == 3 && memcmp(d + v, "yes", 3) == 0) ||
		      (vl == 2 && memcmp(d + v, "no", 2) == 0))) {
			*at = v;
			return "standalone must be \"yes\" or \"no\"";
		}
	}
	while (i < n && is_space(d[i]))
		i++;
	if (n - i < 2 || d[i] != '?' || d[i + 1] != '>') {
		*at = i;
		return "expected ?> (only version, encoding and standalone, in that order)";
	}
	return NULL;
}

/* Checks argmap's own rules on the raw bytes before libxml2 sees them:
 * not empty, no NUL, valid UTF-8, no other declared encoding, no start tag
 * with absurdly many attributes. */
static int precheck(am_xml_doc *x, argmap_diags *diags)
{
	const char *b = x->buf;
	size_t n = x->len, bad, i;
	unsigned line, col;

	for (i = 0; i < n && strchr(" \t\r\n", b[i]); i++)
		;
	if (i == n) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM004", x->path, 0, 0,
		        "a map starts with <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		        "file is empty");
		return ARGMAP_EINVALID;
	}
	if (n >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
	               ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, 1, 1,
		        "save the file as UTF-8 (without a UTF-16 byte order mark)",
		        "file is UTF-16; argmap maps must be UTF-8");
		return ARGMAP_EINVALID;
	}
	for (i = 0; i < n; i++)
		if (b[i] == '\0') {
			am_xml_offset_pos(x, i, &line, &col);
			am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
			        "remove the NUL byte; the file may be binary or UTF-16",
			        "file contains a NUL byte");
			return ARGMAP_EINVALID;
		}
	bad = am_utf8_check(b, n);
	if (bad < n) {
		am_xml_offset_pos(x, bad, &line, &col);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
		        "save the file as UTF-8; argmap reads no other encoding",
		        "invalid UTF-8 (byte 0x%02X)", (unsigned)(unsigned char)b[bad]);
		return ARGMAP_EINVALID;
	}
	bad = crowded_tag(b, n, &i);
	if (bad < n) {
		am_xml_offset_pos(x, bad, &line, &col);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM006", x->path, line, col,
		        "argmap elements have at most a few attributes; remove the unknown ones",
		        "a start tag with more than %d attributes", AM_MAX_ATTRIBUTES);
		return ARGMAP_EINVALID;
	}
	/* The XML declaration, parsed as XML 1.0 §2.8 writes it; only UTF-8. */
	i = (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	if (n - i >= 6 && memcmp(b + i, "<?xml", 5) == 0 && is_space(b[i + 5])) {
		size_t at = 0, vlen = 0;
		const char *why = xml_decl(b + i, n - i, &at, &vlen);
		if (why) {
			am_xml_offset_pos(x, i + at, &line, &col);
			am_diag(
			    diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
			    "write <?xml version=\"1.0\" encoding=\"UTF-8\"?>, or no declaration",
			    "malformed XML declaration: %s", why);
			return ARGMAP_EINVALID;
		}
		if (vlen && !(vlen == 5 && strncasecmp(b + i + at, "UTF-8", 5) == 0)) {
			am_xml_offset_pos(x, i + at, &line, &col);
			am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
			        "write encoding=\"UTF-8\" and save the file as UTF-8",
			        "declares encoding \"%.*s\"; argmap maps must be UTF-8",
			        (int)(vlen > 40 ? 40 : vlen), b + i + at);
			return ARGMAP_EINVALID;
		}
	}
	return 0;
}

int am_read_raw_bytes(am_xml_doc *x, const char *path, const char *mem, size_t memlen,
                      size_t max_bytes, argmap_diags *diags)
{
	int rc;

	if (mem) {
		if (memlen > max_bytes) {
			am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0, NULL,
			        "input is %zu bytes, over the limit of %zu bytes", memlen,
			        max_bytes);
			return am_fail(ARGMAP_ELIMIT, "%s: input too large", path);
		}
		x->buf = malloc(memlen + 1);
		if (!x->buf)
			return am_fail(ARGMAP_ENOMEM, "out of memory");
		memcpy(x->buf, mem, memlen);
		x->buf[memlen] = '\0';
		x->len = memlen;
	} else {
		rc = read_file(x, path, -1, max_bytes, diags);
		if (rc)
			return rc;
	}
	if (am_xml_index_lines(x) < 0)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	return 0;
}

int am_xml_load_bytes(am_xml_doc *x, const char *path, int fd, const char *mem, size_t memlen,
                      size_t max_bytes, argmap_diags *diags)
{
	int rc;

	if (fd >= 0 && !mem) {
		rc = read_file(x, path, fd, max_bytes, diags);
		if (rc)
			return rc;
		if (am_xml_index_lines(x) < 0)
			return am_fail(ARGMAP_ENOMEM, "out of memory");
	} else {
		rc = am_read_raw_bytes(x, path, mem, memlen, max_bytes, diags);
		if (rc)
			return rc;
	}
	rc = precheck(x, diags);
	if (rc)
		return am_fail(rc, "%s: not a valid argmap file", path);
	if (x->len > (size_t)INT32_MAX)
		return am_fail(ARGMAP_ELIMIT, "%s: input too large", path);
	return 0;
}

/*
 * quotes.c - verifying quotes against the full texts of their sources.
 *
 * Rule (docs/format.md, "Verifying quotes"): the text of source S is the
 * file DIR/T where T is S's textfile attribute, or "S.txt" without one;
 * DIR is the first folder of a colon-separated list that has the file.
 * A quote verifies when it appears in that text after both are normalised:
 * whitespace runs become one space; typographic double quotes become ",
 * single quotes and apostrophes become ', dashes and minus signs become -,
 * the ellipsis character becomes "...", no-break and thin spaces become a
 * space, soft hyphens and zero-width characters vanish. Case and every
 * other character must match.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "check/check_internal.h"
#include "model/model.h"
#include "util/text.h"

#include <divsufsort.h>

#define MAX_TEXT_BYTES ((size_t)16 * 1024 * 1024)

/* A normalised text with, for each byte, the offset it came from. */
typedef struct ntext {
	char *s;
	size_t len;
	uint32_t *from; /* from[i] = offset in the original of s[i] (< 16 MiB) */
	char *orig;     /* original bytes (texts only) */
	size_t origlen;
	int missing; /* the file could not be read */
	char *path;
	/* Texts only, built once per text (am_text_index): */
	int32_t *sa;   /* suffix array of s (libdivsufsort) */
	size_t *lines; /* offsets in orig where each line starts */
	size_t nlines;
	size_t *cp_mark; /* code points in orig before each CP_STEP bytes */
} ntext;

/* Code points are counted from a mark every CP_STEP bytes of the text, so a
 * column costs at most CP_STEP steps, whatever the line's length. */
#define CP_STEP 4096

static void ntext_free(ntext *t)
{
	free(t->s);
	free(t->from);
	free(t->orig);
	free(t->path);
	free(t->sa);
	free(t->lines);
	free(t->cp_mark);
}

static const char *replacement(unsigned long cp)
{
	switch (cp) {
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x00AB:
	case 0x00BB:
	case 0x2033: return "\"";
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2032:
	case 0x02BC: return "'";
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212: return "-";
	case 0x2026: return "...";
	case 0x00A0:
	case 0x2007:
	case 0x2009:
	case 0x200A:
	case 0x202F:
	case 0x2002:
	case 0x2003: return " ";
	case 0x00AD:
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0xFEFF: return "";
	default: return NULL;
	}
}

static int normalise(const char *in, size_t n, ntext *out)
{
	const char *p = in, *end = in + n;
	/* Normalising never lengthens: a replacement is no longer than the
	 * character it replaces, and a space is emitted only for a run of
	 * whitespace that emitted nothing. */
	size_t cap = n + 1, k = 0;
	int space = 0;

	if (n >= UINT32_MAX)
		return -1; /* texts and maps are capped far below */
	out->s = malloc(cap);
	out->from = malloc(cap * sizeof *out->from);
	if (!out->s || !out->from)
		return -1;
	while (p < end) {
		const char *start = p;
		unsigned long cp;
		p += am_utf8_decode(p, (size_t)(end - p), &cp);
		const char *rep = replacement(cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    (rep && !strcmp(rep, " "))) {
			space = k > 0;
			continue;
		}
		if (rep && !*rep)
			continue;
		if (space) {
			out->from[k] = (uint32_t)(start - in);
			out->s[k++] = ' ';
			space = 0;
		}
		if (rep) {
			for (; *rep; rep++) {
				out->from[k] = (uint32_t)(start - in);
				out->s[k++] = *rep;
			}
		} else {
			for (; start < p; start++) {
				out->from[k] = (uint32_t)(start - in);
				out->s[k++] = *start;
			}
		}
	}
	out->s[k] = '\0';
	out->len = k;
	return 0;
}

/* A name that stays in the folder it is looked up in. */
static int plain_file_name(const char *s)
{
	if (!s || !*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* Opens `name` in the first folder of the colon-separated `dirs` that has
 * it; t->path is set to the path opened (or, if none, the first tried). */
static int open_text(const char *dirs, const char *name, ntext *t)
{
	const char *p = dirs;

	for (;;) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		am_buf b = {0};
		char *path;
		int fd;

		am_buf_printf(&b, "%.*s/%s", (int)n, n ? p : ".", name);
		path = am_buf_detach(&b);
		if (!path)
			return -2;
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
		if (fd >= 0 || !t->path) {
			free(t->path);
			t->path = path;
		} else {
			free(path);
		}
		if (fd >= 0 || !end)
			return fd;
		p = end + 1;
	}
}

static int index_text(ntext *t);

static int load_text(const char *dirs, const char *name, ntext *t)
{
	struct stat st;
	int fd;
	size_t len = 0;

	fd = open_text(dirs, name, t);
	if (fd == -2)
		return -1;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > MAX_TEXT_BYTES) {
		if (fd >= 0)
			close(fd);
		t->missing = 1;
		return 0;
	}
	t->orig = malloc((size_t)st.st_size + 1);
	if (!t->orig) {
		close(fd);
		return -1;
	}
	while (len < (size_t)st.st_size) {
		ssize_t r = read(fd, t->orig + len, (size_t)st.st_size - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	t->orig[len] = '\0';
	t->origlen = len;
	if (am_utf8_check(t->orig, len) != len) {
		t->missing = 1;
		return 0;
	}
	if (normalise(t->orig, len, t) < 0)
		return -1;
	return index_text(t);
}

/* Builds what searching and positions need: the suffix array of the
 * normalised text (O(n log n), 4 bytes per byte), line starts and code
 * point marks of the original. Returns 0 or -1 (out of memory). */
static int index_text(ntext *t)
{
	size_t i, k = 0;

	if (t->len > (size_t)INT32_MAX)
		return -1; /* unreachable: texts are capped at MAX_TEXT_BYTES */
	t->sa = malloc((t->len + 1) * sizeof *t->sa);
	t->cp_mark = malloc((t->origlen / CP_STEP + 1) * sizeof *t->cp_mark);
	t->nlines = 1;
	for (i = 0; i < t->origlen; i++)
		t->nlines += t->orig[i] == '\n';
	t->lines = malloc(t->nlines * sizeof *t->lines);
	if (!t->sa || !t->cp_mark || !t->lines)
		return -1;
	if (t->len && divsufsort((const sauchar_t *)t->s, t->sa, (saidx_t)t->len) != 0)
		return -1;
	t->lines[k++] = 0;
	for (i = 0; i < t->origlen; i++)
		if (t->orig[i] == '\n')
			t->lines[k++] = i + 1;
	{
		size_t cps = 0;
		for (i = 0; i < t->origlen; i++) {
			if (i % CP_STEP == 0)
				t->cp_mark[i / CP_STEP] = cps;
			cps += ((unsigned char)t->orig[i] & 0xC0) != 0x80;
		}
		if (t->origlen % CP_STEP == 0)
			t->cp_mark[t->origlen / CP_STEP] = cps;
	}
	return 0;
}

/* Length of the common prefix of q[0..n) and the suffix of t at `at`. */
static size_t common_prefix(const ntext *t, size_t at, const char *q, size_t n)
{
	size_t k = 0, room = t->len - at;

	while (k < n && k < room && t->s[at + k] == q[k])
		k++;
	return k;
}

/*
 * The longest prefix of q[0..n) that occurs in the text, by binary search
 * of the suffix array: the suffix sharing the longest prefix with q sorts
 * next to where q would. Returns its length; *at is where it occurs (of the
 * two neighbours, the longer match, then the earlier offset). O(n log len).
 */
static size_t longest_prefix(const ntext *t, const char *q, size_t n, size_t *at)
{
	size_t lo = 0, hi = t->len, best = 0;

	*at = 0;
	if (!t->len)
		return 0;
	while (lo < hi) { /* first suffix not below q */
		size_t mid = lo + (hi - lo) / 2, off = (size_t)t->sa[mid];
		size_t k = common_prefix(t, off, q, n);
		int below = k < n && (off + k == t->len ||
		                      (unsigned char)t->s[off + k] < (unsigned char)q[k]);
		if (below)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t j = lo > 0 ? lo - 1 : 0; j <= lo && j < t->len; j++) {
		size_t off = (size_t)t->sa[j], k = common_prefix(t, off, q, n);
		if (k > best || (k == best && k > 0 && off < *at)) {
			best = k;
			*at = off;
		}
	}
	return best;
}

/* Code points of the original text before byte `x`: from the mark at or
 * below it (at most CP_STEP steps). */
static size_t cps_before(const ntext *t, size_t x)
{
	size_t i, n = t->cp_mark[x / CP_STEP];

	for (i = x / CP_STEP * CP_STEP; i < x; i++)
		n += ((unsigned char)t->orig[i] & 0xC0) != 0x80;
	return n;
}

/* Line and column of an original offset in a text file: a binary search of
 * the line starts, and code points counted from the nearest mark. */
static void text_pos(const ntext *t, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = t->nlines, ls, cps;

	if (off > t->origlen)
		off = t->origlen;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	ls = t->lines[lo];
	cps = cps_before(t, off) - cps_before(t, ls);
	*line = (unsigned)(lo + 1);
	*col = (unsigned)(cps + 1);
}

/* Appends at most `max` bytes of s, cut at a UTF-8 boundary. */
static void put_snippet(am_buf *b, const char *s, size_t n, size_t max)
{
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	am_buf_put(b, s, n);
}

static void explain_miss(const argmap_map *m, const argmap_node *ev, const ntext *t, const char *q,
                         size_t qlen, argmap_diags *diags, size_t parent)
{
	size_t lo, best_at = 0, start, common;
	unsigned line, col;
	am_buf b = {0};
	char *msg;

	(void)m;
	(void)ev;
	lo = longest_prefix(t, q, qlen, &best_at);
	common = lo;
	/* Show the difference from the start of the word where it begins. */
	while (common > 0 && common < qlen && q[common - 1] != ' ')
		common--;
	if (common == 0)
		common = lo;
	if (common < 8) {
		argmap_diags_add(diags, ARGMAP_SEV_NOTE, "AM601", t->path, 0, 0,
		                 "no passage of the text starts like this quote", NULL, parent);
		return;
	}
	start = best_at;
	text_pos(t, t->from[start], &line, &col);
	am_buf_puts(&b, "closest passage: \"");
	put_snippet(&b, t->s + start, t->len - start, qlen + 20);
	am_buf_puts(&b, "\"; it differs after \"");
	if (common > 40) {
		size_t cut = common - 40;
		while (cut < common && ((unsigned char)q[cut] & 0xC0) == 0x80)
			cut++;
		am_buf_puts(&b, "...");
		am_buf_put(&b, q + cut, common - cut);
	} else {
		am_buf_put(&b, q, common);
	}
	am_buf_puts(&b, "\": the quote has \"");
	put_snippet(&b, q + common, qlen - common, 24);
	am_buf_puts(&b, "\", the text has \"");
	put_snippet(&b, t->s + start + common, t->len - start - common, 24);
	am_buf_puts(&b, "\"");
	msg = am_buf_detach(&b);
	if (msg)
		argmap_diags_add(diags, ARGMAP_SEV_NOTE, "AM601", t->path, line, col, msg, NULL,
		                 parent);
	free(msg);
}

int am_check_quotes(const argmap_map *m, const char *dir, argmap_diags *diags)
{
	ntext *texts = NULL;
	size_t i, nquotes = 0;
	int rc = 0;

	for (i = 0; i < m->nnodes; i++)
		if (m->nodes[i].kind == ARGMAP_NODE_EVIDENCE && m->nodes[i].loc.file == 0)
			nquotes++;
	if (!nquotes)
		return 0;
	if (!dir) {
		argmap_diags_add(diags, ARGMAP_SEV_NOTE, "AM603", m->files[0].path, 0, 0,
		                 "quotes were not verified against their sources' texts",
		                 "pass --sources DIR with the full texts to verify them",
		                 ARGMAP_NONE);
		return 0;
	}
	texts = calloc(m->nsources + 1, sizeof *texts);
	if (!texts)
		return -1;
	for (i = 0; i < m->nnodes && rc == 0; i++) {
		const argmap_node *ev = &m->nodes[i];
		const argmap_source *s;
		ntext *t, q;
		size_t si, d, found_at;

		if (ev->kind != ARGMAP_NODE_EVIDENCE || ev->loc.file != 0 || !ev->text ||
		    !*ev->text || ev->n_sources != 1 || ev->sources[0].kind != ARGMAP_ITEM_SOURCE)
			continue;
		si = ev->sources[0].index;
		s = &m->sources[si];
		t = &texts[si];
		if (!t->s && !t->missing && !plain_file_name(s->textfile ? s->textfile : s->id)) {
			/* The schema already refuses such a value (AM104); never
			 * follow it out of the folders named with --sources. */
			t->missing = 1;
			am_diag(
			    diags, ARGMAP_SEV_WARNING, "AM602", am_model_path(m, s->loc.file),
			    s->loc.line, s->loc.col,
			    "textfile is a plain file name, without folders",
			    "the text of source '%s' is not looked up: '%s' is not a plain file "
			    "name; its quotes are not verified",
			    s->id, s->textfile ? s->textfile : s->id);
		}
		if (!t->s && !t->missing) {
			char *name = NULL;
			if (!s->textfile) {
				am_buf b = {0};
				am_buf_printf(&b, "%s.txt", s->id);
				name = am_buf_detach(&b);
			}
			if ((!s->textfile && !name) ||
			    load_text(dir, s->textfile ? s->textfile : name, t) < 0) {
				free(name);
				rc = -1;
				break;
			}
			free(name);
			if (t->missing)
				am_diag(
				    diags, ARGMAP_SEV_WARNING, "AM602",
				    am_model_path(m, s->loc.file), s->loc.line, s->loc.col,
				    "put the source's full text there as UTF-8, or set "
				    "textfile=\"NAME\" on the <source>",
				    "cannot read the text of source '%s' (%s); its quotes are not "
				    "verified",
				    s->id, t->path);
		}
		if (t->missing)
			continue;
		memset(&q, 0, sizeof q);
		if (normalise(ev->text, strlen(ev->text), &q) < 0) {
			ntext_free(&q);
			rc = -1;
			break;
		}
		if (q.len && longest_prefix(t, q.s, q.len, &found_at) < q.len) {
			d = am_diag(
			    diags, ARGMAP_SEV_ERROR, "AM601", am_model_path(m, 0),
			    ev->text_loc.line, ev->text_loc.col,
			    "copy the passage verbatim; only whitespace, quote marks, dashes "
			    "and ellipses may differ",
			    "the quote of evidence '%s' does not appear in the text of source "
			    "'%s'",
			    ev->id ? ev->id : "?", s->id);
			if (d != ARGMAP_NONE)
				explain_miss(m, ev, t, q.s, q.len, diags, d);
		}
		ntext_free(&q);
	}
	for (i = 0; i < m->nsources; i++)
		ntext_free(&texts[i]);
	free(texts);
	return rc;
}

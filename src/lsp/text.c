/*
 * text.c - document text, lines, positions and the cursor's context
 * (text.h).
 */
#include "lsp/text.h"

#include <stdlib.h>
#include <string.h>

static int reserve(am_text *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 256;
	char *s;

	if (t->s && n + 1 <= t->cap)
		return 0;
	while (cap < n + 1)
		cap *= 2;
	s = realloc(t->s, cap);
	if (!s)
		return -1;
	t->s = s;
	t->cap = cap;
	return 0;
}

int am_text_set(am_text *t, const char *s, size_t n)
{
	if (reserve(t, n) < 0)
		return -1;
	if (n)
		memcpy(t->s, s, n);
	t->s[n] = '\0';
	t->len = n;
	t->dirty = 1;
	return 0;
}

int am_text_splice(am_text *t, size_t from, size_t to, const char *s, size_t n)
{
	size_t tail;

	if (from > t->len)
		from = t->len;
	if (to > t->len)
		to = t->len;
	if (to < from)
		to = from;
	tail = t->len - to;
	if (reserve(t, from + n + tail) < 0)
		return -1;
	memmove(t->s + from + n, t->s + to, tail);
	if (n)
		memcpy(t->s + from, s, n);
	t->len = from + n + tail;
	t->s[t->len] = '\0';
	t->dirty = 1;
	return 0;
}

int am_text_copy(am_text *dst, const am_text *src)
{
	return am_text_set(dst, src->s ? src->s : "", src->len);
}

void am_text_free(am_text *t)
{
	free(t->s);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

/* Builds the line index when the text changed. -1 when out of memory
 * (then there is one line, which keeps every lookup in bounds). */
static int index_lines(am_text *t)
{
	size_t i, n = 1;

	if (!t->dirty && t->lines)
		return 0;
	if (!t->s) { /* never set: an empty text */
		if (reserve(t, 0) < 0)
			return -1;
		t->s[0] = '\0';
		t->len = 0;
	}
	for (i = 0; i < t->len; i++)
		n += t->s[i] == '\n';
	if (n > t->caplines || !t->lines) {
		size_t *l = realloc(t->lines, n * sizeof *l);
		if (!l) {
			t->nlines = 0;
			return -1;
		}
		t->lines = l;
		t->caplines = n;
	}
	t->lines[0] = 0;
	for (i = 0, n = 1; i < t->len; i++)
		if (t->s[i] == '\n')
			t->lines[n++] = i + 1;
	t->nlines = n;
	t->dirty = 0;
	return 0;
}

static size_t line_start(am_text *t, size_t line, size_t *end)
{
	size_t st, e;

	if (index_lines(t) < 0 || !t->nlines) {
		*end = t->len;
		return 0;
	}
	if (line >= t->nlines) {
		*end = t->len;
		return t->len;
	}
	st = t->lines[line];
	e = line + 1 < t->nlines ? t->lines[line + 1] - 1 : t->len;
	*end = e;
	return st;
}

/* Bytes and UTF-16 units of the character starting with byte c. */
static size_t char_len(unsigned char c, unsigned *units)
{
	*units = 1;
	if (c < 0xC0)
		return 1;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	*units = 2;
	return 4;
}

size_t am_text_offset(am_text *t, long line, long utf16)
{
	size_t end, off;
	long u = 0;

	if (line < 0)
		return 0;
	off = line_start(t, (size_t)line, &end);
	while (off < end && u < utf16) {
		unsigned units;
		size_t k = char_len((unsigned char)t->s[off], &units);
		if (off + k > end)
			k = end - off;
		off += k;
		u += units;
	}
	return off;
}

void am_text_position(am_text *t, size_t off, unsigned *line, unsigned *utf16)
{
	size_t lo = 0, hi, p;
	unsigned u = 0;

	if (off > t->len)
		off = t->len;
	if (index_lines(t) < 0 || !t->nlines) {
		*line = 0;
		*utf16 = 0;
		return;
	}
	hi = t->nlines; /* the last line start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (p = t->lines[lo]; p < off;) {
		unsigned units;
		p += char_len((unsigned char)t->s[p], &units);
		u += units;
	}
	*line = (unsigned)lo;
	*utf16 = u;
}

size_t am_text_offset_of_loc(am_text *t, unsigned line, unsigned col)
{
	size_t end, off;
	unsigned c;

	if (!line)
		return 0;
	off = line_start(t, line - 1, &end);
	for (c = 1; c < col && off < end; c++) {
		unsigned units;
		size_t k = char_len((unsigned char)t->s[off], &units);
		off += k <= end - off ? k : end - off;
	}
	return off;
}

static int id_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || c == ':' || c >= 0x80;
}

void am_text_word(const am_text *t, size_t off, size_t *start, size_t *end)
{
	size_t a = off > t->len ? t->len : off, b = a, lim = a > 256 ? a - 256 : 0;

	while (a > lim && id_char((unsigned char)t->s[a - 1]))
		a--;
	while (b < t->len && b - a < 512 && id_char((unsigned char)t->s[b]))
		b++;
	*start = a;
	*end = b;
}

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Copies the name at s[i..] (up to a space, '/', '>', '=', a quote) into
 * dst; returns its end. */
static size_t copy_name(const am_text *t, size_t i, size_t lim, char *dst, size_t dstlen)
{
	size_t k = 0;

	while (i < lim && !space(t->s[i]) && !strchr("/>=\"'<", t->s[i])) {
		if (k + 1 < dstlen)
			dst[k++] = t->s[i];
		i++;
	}
	dst[k] = '\0';
	return i;
}

/* The element that encloses the tag starting at `lt`: scans back over
 * complete elements, within AM_TEXT_LOOKBACK bytes. */
static void parent_of(const am_text *t, size_t lt, char *dst, size_t dstlen)
{
	size_t i = lt, lim = lt > AM_TEXT_LOOKBACK ? lt - AM_TEXT_LOOKBACK : 0;
	unsigned depth = 0;

	dst[0] = '\0';
	while (i > lim) {
		const char *gt;
		i--;
		if (t->s[i] != '<')
			continue;
		if (t->s[i + 1] == '?' || t->s[i + 1] == '!')
			continue;
		if (t->s[i + 1] == '/') {
			depth++;
			continue;
		}
		gt = memchr(t->s + i, '>', lt - i);
		if (gt && gt > t->s + i && gt[-1] == '/')
			continue; /* <empty/> */
		if (depth) {
			depth--;
			continue;
		}
		copy_name(t, i + 1, lt, dst, dstlen);
		return;
	}
}

void am_text_cursor(am_text *t, size_t off, am_cursor *c)
{
	size_t i, lim, lt = (size_t)-1, name_start = 0, name_end = 0;
	char quote = 0;

	memset(c, 0, sizeof *c);
	if (off > t->len)
		off = t->len;
	c->tok_start = c->tok_end = off;
	lim = off > AM_TEXT_LOOKBACK ? off - AM_TEXT_LOOKBACK : 0;
	for (i = off; i > lim; i--) {
		if (t->s[i - 1] == '>')
			return; /* in text content */
		if (t->s[i - 1] == '<') {
			lt = i - 1;
			break;
		}
	}
	if (lt == (size_t)-1 || t->s[lt + 1] == '!' || t->s[lt + 1] == '?')
		return;
	if (t->s[lt + 1] == '/') {
		c->kind = AM_CUR_NONE;
		return;
	}
	i = copy_name(t, lt + 1, off, c->elem, sizeof c->elem);
	if (i >= off) { /* still typing the element's name */
		c->kind = AM_CUR_ELEMENT_NAME;
		c->tok_start = lt + 1;
		am_text_word(t, off, &name_start, &c->tok_end);
		parent_of(t, lt, c->elem, sizeof c->elem);
		return;
	}
	/* Walk the attributes up to the cursor, minding quotes. */
	for (; i < off; i++) {
		char ch = t->s[i];
		if (quote) {
			if (ch == quote)
				quote = 0;
			continue;
		}
		if (ch == '"' || ch == '\'') {
			size_t k = i;
			quote = ch;
			c->value_start = i + 1;
			/* the attribute name before '=' */
			while (k > lt && (space(t->s[k - 1]) || t->s[k - 1] == '='))
				k--;
			name_end = k;
			while (k > lt && !space(t->s[k - 1]))
				k--;
			name_start = k;
		}
	}
	if (quote) {
		size_t n = name_end - name_start, a = off, b = off;
		c->kind = AM_CUR_ATTR_VALUE;
		if (n >= sizeof c->attr)
			n = sizeof c->attr - 1;
		memcpy(c->attr, t->s + name_start, n);
		c->attr[n] = '\0';
		while (a > c->value_start && !space(t->s[a - 1]))
			a--;
		while (b < t->len && b - off < 512 && !space(t->s[b]) && t->s[b] != quote &&
		       t->s[b] != '<' && t->s[b] != '>')
			b++;
		c->tok_start = a;
		c->tok_end = b;
		return;
	}
	c->kind = AM_CUR_ATTR_NAME;
	am_text_word(t, off, &c->tok_start, &c->tok_end);
}

/*
 * diag.c - the diagnostics list and its text and JSON forms.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/am_internal.h"
#include "util/buf.h"
#include "util/text.h"

struct argmap_diags {
	argmap_diag *items;
	size_t len, cap;
	int incomplete; /* an add failed for lack of memory */
};

static char *dup_or_null(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* Code points that must not reach a terminal or an editor from a map:
 * C1 controls (CSI, OSC, DCS, ST, NEL...), the invisible direction marks
 * and overrides (Trojan Source), and the line and paragraph separators,
 * which some terminals and editors treat as new lines. */
static int unsafe_cp(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Diagnostics quote the maps they describe, and maps are untrusted: a
 * control character or a bidirectional override in a message could forge
 * a diagnostic line or rewrite a terminal. Each such character becomes a
 * '?', and so does each byte that is not part of valid UTF-8 (a map text
 * cut in the middle of a character, a file name in another encoding), so
 * that every text and JSON form is valid UTF-8. In place: never longer. */
static void sanitize(char *s)
{
	char *r = s, *w = s;

	if (!s)
		return;
	while (*r) {
		unsigned char c = (unsigned char)*r;
		unsigned long cp;
		size_t len;
		int valid;
		if (c < 0x80) {
			*w++ = c < 0x20 || c == 0x7f ? '?' : (char)c;
			r++;
			continue;
		}
		len = am_utf8_decode(r, SIZE_MAX, &cp);
		valid = am_utf8_check(r, len) == len;
		if (!valid || unsafe_cp(cp)) {
			r += valid ? len : 1; /* before w overwrites r[0] */
			*w++ = '?';
			continue;
		}
		memmove(w, r, len);
		w += len;
		r += len;
	}
	*w = '\0';
}

argmap_diags *argmap_diags_new(void)
{
	return calloc(1, sizeof(argmap_diags));
}

static void diag_release(argmap_diag *d)
{
	free((char *)d->code);
	free((char *)d->file);
	free((char *)d->message);
	free((char *)d->hint);
}

void argmap_diags_free(argmap_diags *diags)
{
	size_t i;

	if (!diags)
		return;
	for (i = 0; i < diags->len; i++)
		diag_release(&diags->items[i]);
	free(diags->items);
	free(diags);
}

size_t argmap_diags_count(const argmap_diags *diags)
{
	return diags ? diags->len : 0;
}

const argmap_diag *argmap_diags_get(const argmap_diags *diags, size_t i)
{
	return diags && i < diags->len ? &diags->items[i] : NULL;
}

size_t argmap_diags_count_severity(const argmap_diags *diags, argmap_severity sev)
{
	size_t i, n = 0;

	if (!diags)
		return 0;
	for (i = 0; i < diags->len; i++)
		if (diags->items[i].severity == sev && diags->items[i].parent == ARGMAP_NONE)
			n++;
	return n;
}

void argmap_diags_promote_warnings(argmap_diags *diags)
{
	size_t i;

	for (i = 0; diags && i < diags->len; i++)
		if (diags->items[i].severity == ARGMAP_SEV_WARNING)
			diags->items[i].severity = ARGMAP_SEV_ERROR;
}

size_t argmap_diags_add(argmap_diags *diags, argmap_severity sev, const char *code,
                        const char *file, unsigned line, unsigned col, const char *message,
                        const char *hint, size_t parent)
{
	argmap_diag d;

	if (!diags)
		return ARGMAP_NONE;
	if (diags->len == diags->cap) {
		size_t cap = diags->cap ? diags->cap * 2 : 16;
		argmap_diag *p = realloc(diags->items, cap * sizeof *p);
		if (!p) {
			diags->incomplete = 1;
			return ARGMAP_NONE;
		}
		diags->items = p;
		diags->cap = cap;
	}
	memset(&d, 0, sizeof d);
	d.severity = sev;
	d.line = line;
	d.col = line ? col : 0;
	d.parent = parent;
	d.code = dup_or_null(code ? code : "AM000");
	d.file = dup_or_null(file);
	d.message = dup_or_null(message ? message : "");
	d.hint = dup_or_null(hint);
	if (!d.code || !d.message || (file && !d.file) || (hint && !d.hint)) {
		diag_release(&d);
		diags->incomplete = 1;
		return ARGMAP_NONE;
	}
	sanitize((char *)d.code);
	sanitize((char *)d.file);
	sanitize((char *)d.message);
	sanitize((char *)d.hint);
	diags->items[diags->len] = d;
	return diags->len++;
}

/* ------------------------------------------------------------- sorting */

typedef struct group {
	size_t first, count; /* a primary diagnostic and the notes after it */
	const argmap_diag *head;
	size_t order;
} group;

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int group_cmp(const void *pa, const void *pb)
{
	const group *a = pa, *b = pb;
	int c = cmp_str(a->head->file, b->head->file);

	if (c)
		return c;
	if (a->head->line != b->head->line)
		return a->head->line < b->head->line ? -1 : 1;
	if (a->head->col != b->head->col)
		return a->head->col < b->head->col ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static int same_diag(const argmap_diag *a, const argmap_diag *b)
{
	return a->severity == b->severity && a->line == b->line && a->col == b->col &&
	       strcmp(a->code, b->code) == 0 && cmp_str(a->file, b->file) == 0 &&
	       strcmp(a->message, b->message) == 0;
}

int argmap_diags_sort(argmap_diags *diags)
{
	group *groups = NULL;
	argmap_diag *out = NULL;
	size_t *newidx = NULL;
	size_t ng = 0, i, k, n, kept = ARGMAP_NONE;
	size_t *first = NULL, *next = NULL, *last = NULL;
	int rc = ARGMAP_ENOMEM;

	if (!diags || diags->len < 2)
		return 0;
	n = diags->len;
	groups = calloc(n, sizeof *groups);
	out = malloc(n * sizeof *out);
	newidx = malloc(n * sizeof *newidx);
	if (!groups || !out || !newidx)
		goto done;
	/* Notes may come anywhere after their parent: gather each group. */
	for (i = 0; i < n; i++) {
		if (diags->items[i].parent != ARGMAP_NONE)
			continue;
		groups[ng].first = i;
		groups[ng].head = &diags->items[i];
		groups[ng].order = ng;
		ng++;
	}
	qsort(groups, ng, sizeof *groups, group_cmp);
	/* Each primary's notes, in order, as linked lists (linear time). */
	first = malloc(n * sizeof *first);
	next = malloc(n * sizeof *next);
	last = malloc(n * sizeof *last);
	if (!first || !next || !last)
		goto done;
	for (i = 0; i < n; i++)
		first[i] = next[i] = last[i] = ARGMAP_NONE;
	for (i = 0; i < n; i++) {
		size_t p = diags->items[i].parent;
		if (p == ARGMAP_NONE || p >= n || diags->items[p].parent != ARGMAP_NONE)
			continue;
		if (first[p] == ARGMAP_NONE)
			first[p] = i;
		else
			next[last[p]] = i;
		last[p] = i;
	}
	k = 0;
	for (i = 0; i < ng; i++) {
		size_t j, head = groups[i].first;
		/* The same problem reached twice (a shared file imported by two
		 * maps checked together) is reported once. */
		if (kept != ARGMAP_NONE && same_diag(&out[kept], groups[i].head)) {
			diag_release(&diags->items[head]);
			diags->items[head].code = NULL;
			for (j = first[head]; j != ARGMAP_NONE; j = next[j]) {
				diag_release(&diags->items[j]);
				diags->items[j].code = NULL;
			}
			continue;
		}
		newidx[head] = k;
		kept = k;
		out[k++] = diags->items[head];
		for (j = first[head]; j != ARGMAP_NONE; j = next[j]) {
			newidx[j] = k;
			out[k++] = diags->items[j];
		}
	}
	/* Orphaned notes (a parent that failed to be added) go last. */
	for (i = 0; i < n; i++) {
		size_t p = diags->items[i].parent;
		if (!diags->items[i].code)
			continue;
		if (p != ARGMAP_NONE && (p >= n || diags->items[p].parent != ARGMAP_NONE)) {
			newidx[i] = k;
			out[k] = diags->items[i];
			out[k++].parent = ARGMAP_NONE;
		}
	}
	for (i = 0; i < k; i++)
		if (out[i].parent != ARGMAP_NONE)
			out[i].parent = newidx[out[i].parent];
	free(diags->items);
	diags->items = out;
	diags->cap = n;
	diags->len = k;
	out = NULL;
	rc = 0;
done:
	free(groups);
	free(out);
	free(newidx);
	free(first);
	free(next);
	free(last);
	return rc;
}

/* ---------------------------------------------------------- formatting */

const char *argmap_severity_name(argmap_severity sev)
{
	switch (sev) {
	case ARGMAP_SEV_ERROR: return "error";
	case ARGMAP_SEV_WARNING: return "warning";
	default: return "note";
	}
}

static void put_place(am_buf *b, const argmap_diag *d)
{
	if (d->file) {
		am_buf_puts(b, d->file);
		if (d->line) {
			am_buf_printf(b, ":%u", d->line);
			if (d->col)
				am_buf_printf(b, ":%u", d->col);
		}
		am_buf_puts(b, ": ");
	} else {
		am_buf_puts(b, "argmap: ");
	}
}

char *argmap_diag_format_text(const argmap_diag *d)
{
	am_buf b = {0};

	if (!d)
		return NULL;
	put_place(&b, d);
	am_buf_printf(&b, "%s: %s", argmap_severity_name(d->severity), d->message);
	if (d->parent == ARGMAP_NONE)
		am_buf_printf(&b, " [%s]", d->code);
	if (d->hint)
		am_buf_printf(&b, "\n    hint: %s", d->hint);
	return am_buf_detach(&b);
}

/* A JSON string, or null for NULL. */
static void put_json_or_null(am_buf *b, const char *s)
{
	if (!s) {
		am_buf_puts(b, "null");
		return;
	}
	am_buf_putc(b, '"');
	am_buf_put_json(b, s);
	am_buf_putc(b, '"');
}

static void put_json_diag(am_buf *b, const argmap_diag *d)
{
	am_buf_puts(b, "{\"severity\":\"");
	am_buf_puts(b, argmap_severity_name(d->severity));
	am_buf_puts(b, "\",\"code\":\"");
	am_buf_put_json(b, d->code);
	am_buf_puts(b, "\",\"file\":");
	put_json_or_null(b, d->file);
	am_buf_printf(b, ",\"line\":%u,\"column\":%u,\"message\":\"", d->line, d->col);
	am_buf_put_json(b, d->message);
	am_buf_puts(b, "\",\"hint\":");
	put_json_or_null(b, d->hint);
}

char *argmap_diags_format_json(const argmap_diags *diags)
{
	am_buf b = {0};
	size_t i, j;
	int first = 1;

	size_t n = diags ? diags->len : 0, *firstn = NULL, *nextn = NULL, *lastn = NULL;

	if (n) {
		firstn = malloc(n * sizeof *firstn);
		nextn = malloc(n * sizeof *nextn);
		lastn = malloc(n * sizeof *lastn);
		if (!firstn || !nextn || !lastn) {
			free(firstn);
			free(nextn);
			free(lastn);
			return NULL;
		}
		for (i = 0; i < n; i++)
			firstn[i] = nextn[i] = lastn[i] = ARGMAP_NONE;
		for (i = 0; i < n; i++) {
			size_t p = diags->items[i].parent;
			if (p == ARGMAP_NONE || p >= n)
				continue;
			if (firstn[p] == ARGMAP_NONE)
				firstn[p] = i;
			else
				nextn[lastn[p]] = i;
			lastn[p] = i;
		}
	}
	am_buf_putc(&b, '[');
	for (i = 0; i < n; i++) {
		const argmap_diag *d = &diags->items[i];
		int nfirst = 1;
		if (d->parent != ARGMAP_NONE)
			continue;
		am_buf_puts(&b, first ? "\n  " : ",\n  ");
		first = 0;
		put_json_diag(&b, d);
		am_buf_puts(&b, ",\"notes\":[");
		for (j = firstn[i]; j != ARGMAP_NONE; j = nextn[j]) {
			if (!nfirst)
				am_buf_putc(&b, ',');
			nfirst = 0;
			put_json_diag(&b, &diags->items[j]);
			am_buf_putc(&b, '}');
		}
		am_buf_puts(&b, "]}");
	}
	free(firstn);
	free(nextn);
	free(lastn);
	am_buf_puts(&b, first ? "]\n" : "\n]\n");
	return am_buf_detach(&b);
}

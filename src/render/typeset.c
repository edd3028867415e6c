/*
 * typeset.c - wrapped running text on cairo pages (typeset.h). Greedy line
 * filling, word by word: linear in the text. Widths come from cairo's own
 * font metrics of DejaVu Sans, the family of the drawing.
 */
#include <stdlib.h>
#include <string.h>

#include "render/typeset.h"
#include "util/buf.h"

#define FONT "DejaVu Sans"
#define LINE 1.28 /* line height, in font sizes */

static void set_font(cairo_t *cr, const am_ts_run *r)
{
	cairo_select_font_face(cr, FONT,
	                       r->italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
	                       r->bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, r->size);
	cairo_set_source_rgb(cr, r->gray, r->gray, r->gray);
}

static double text_width(cairo_t *cr, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

double am_ts_width(cairo_t *cr, const am_ts_run *run)
{
	double w;

	cairo_save(cr);
	set_font(cr, run);
	w = text_width(cr, run->text ? run->text : "");
	cairo_restore(cr);
	return w;
}

/* cairo's tag attributes quote with '...': a quote or backslash in a URI
 * would end the value, so both are percent-encoded. */
static void link_begin(cairo_t *cr, const char *uri)
{
	am_buf a = {0};
	const char *p;

	am_buf_puts(&a, "uri='");
	for (p = uri; *p; p++) {
		if (*p == '\'' || *p == '\\' || (unsigned char)*p < 0x21)
			am_buf_printf(&a, "%%%02X", (unsigned char)*p);
		else
			am_buf_put(&a, p, 1);
	}
	am_buf_puts(&a, "'");
	if (a.data)
		cairo_tag_begin(cr, CAIRO_TAG_LINK, a.data);
	am_buf_free(&a);
}

double am_ts_line(cairo_t *cr, double x, double baseline, const am_ts_run *run)
{
	double w;

	cairo_save(cr);
	set_font(cr, run);
	w = text_width(cr, run->text ? run->text : "");
	if (run->uri)
		link_begin(cr, run->uri);
	cairo_move_to(cr, x, baseline);
	cairo_show_text(cr, run->text ? run->text : "");
	if (run->uri)
		cairo_tag_end(cr, CAIRO_TAG_LINK);
	cairo_restore(cr);
	return w;
}

/* One word of a line: a byte range of a run. */
typedef struct word {
	size_t run;
	const char *s;
	size_t len;
	double w, space; /* its width; the width of a space before it */
} word;

typedef struct line {
	word *w;
	size_t n, cap;
	double width, size;
} line;

static int push(am_ts *ts, line *l, const word *w)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		word *nw = realloc(l->w, cap * sizeof *nw);
		if (!nw) {
			ts->failed = 1;
			return -1;
		}
		l->w = nw;
		l->cap = cap;
	}
	l->width += (l->n ? w->space : 0) + w->w;
	l->w[l->n++] = *w;
	return 0;
}

static void flush(am_ts *ts, line *l, const am_ts_run *runs, double x)
{
	am_buf t = {0};
	double size = 0, base;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (runs[l->w[i].run].size > size)
			size = runs[l->w[i].run].size;
	if (l->n == 0)
		return;
	if (ts->new_page && ts->y + size * LINE > ts->bottom)
		ts->new_page(ts, ts->ud);
	base = ts->y + size * 0.95;
	for (i = 0; i < l->n; i++) {
		const word *w = &l->w[i];
		am_ts_run r = runs[w->run];
		if (i)
			x += w->space;
		am_buf_free(&t);
		am_buf_put(&t, w->s, w->len);
		if (!t.data) {
			ts->failed = 1;
			break;
		}
		r.text = t.data;
		x += am_ts_line(ts->cr, x, base, &r);
	}
	am_buf_free(&t);
	ts->y += size * LINE;
	l->n = 0;
	l->width = 0;
}

/* Length of the longest prefix of s[0..len) (whole UTF-8 characters, at
 * least one) that is at most `room` wide. */
static size_t fit_prefix(cairo_t *cr, const char *s, size_t len, double room)
{
	size_t cut = 0, next;
	char buf[512];

	while (cut < len) {
		next = cut + 1;
		while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80)
			next++;
		if (next >= sizeof buf)
			break;
		memcpy(buf, s, next);
		buf[next] = '\0';
		if (cut && text_width(cr, buf) > room)
			break;
		cut = next;
	}
	return cut ? cut : len;
}

double am_ts_par(am_ts *ts, const am_ts_run *runs, size_t n, double first_indent, double indent,
                 double after)
{
	line l = {0};
	double y0 = ts->y, room;
	size_t r;
	int first = 1;

	room = ts->width - first_indent;
	for (r = 0; r < n && !ts->failed; r++) {
		const char *p = runs[r].text ? runs[r].text : "";
		double space;
		cairo_save(ts->cr);
		set_font(ts->cr, &runs[r]);
		space = text_width(ts->cr, " ");
		while (*p) {
			word w;
			const char *e;
			char buf[512];
			int lead = *p == ' ';
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			e = strchr(p, ' ');
			if (!e)
				e = p + strlen(p);
			w.run = r;
			w.s = p;
			w.len = (size_t)(e - p);
			/* runs are words apart, except before punctuation */
			w.space = !lead && p == runs[r].text && strchr(".,;:)", *p) ? 0 : space;
			if (w.len < sizeof buf) {
				memcpy(buf, p, w.len);
				buf[w.len] = '\0';
				w.w = text_width(ts->cr, buf);
			} else {
				w.w = room + 1;
			}
			if (l.n && l.width + w.space + w.w > room) {
				cairo_restore(ts->cr);
				flush(ts, &l, runs, ts->left + (first ? first_indent : indent));
				cairo_save(ts->cr);
				set_font(ts->cr, &runs[r]);
				first = 0;
				room = ts->width - indent;
			}
			if (w.w > room) {
				/* a word wider than the column: cut it */
				size_t cut = fit_prefix(ts->cr, p, w.len, room);
				w.len = cut;
				memcpy(buf, p, cut < sizeof buf ? cut : 0);
				buf[cut < sizeof buf ? cut : 0] = '\0';
				w.w = text_width(ts->cr, buf);
				e = p + cut;
			}
			if (push(ts, &l, &w) != 0)
				break;
			p = e;
		}
		cairo_restore(ts->cr);
	}
	if (l.n)
		flush(ts, &l, runs, ts->left + (first ? first_indent : indent));
	free(l.w);
	ts->y += after;
	return ts->y > y0 ? ts->y - y0 : ts->y;
}

/*
 * pdf_doc.c - the PDF document of pdf_doc.h: a cairo PDF surface written
 * into memory, its metadata (Title, Author, Subject, Creator and a
 * CreationDate taken from the map's date, so the bytes are reproducible),
 * page headers and footers, bookmarks, links and the endnotes (endnotes.c
 * through typeset.c). No Graphviz.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "render/endnotes.h"
#include "render/labels.h"
#include "render/page.h"
#include "render/pdf_doc.h"
#include "render/typeset.h"

#define CHROME_PT 8.0 /* header and footer text */
#define HEAD_H 20.0
#define FOOT_H 24.0

void am_pdf_page_size(const argmap_render_options *o, double *pw, double *ph, double *margin)
{
	argmap_render_options a4 = *o;
	double cw, ch;

	if (a4.page == ARGMAP_PAGE_NONE) {
		a4.page = ARGMAP_PAGE_A4;
		a4.landscape = 0;
	}
	am_page_content(&a4, &cw, &ch);
	*margin = a4.page == ARGMAP_PAGE_A4 ? 34.016 : 36.0;
	*pw = cw + 2 * *margin;
	*ph = ch + 2 * *margin;
}

static cairo_status_t write_out(void *ud, const unsigned char *data, unsigned int len)
{
	am_buf *b = ud;

	am_buf_put(b, (const char *)data, len);
	return b->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static const char *doc_title(const am_job *job)
{
	const argmap_file *f = argmap_map_file(job->map, 0);
	const char *slash;

	if (job->opts->title && *job->opts->title)
		return job->opts->title;
	if (f->title && *f->title)
		return f->title;
	slash = strrchr(f->path, '/');
	return slash ? slash + 1 : f->path;
}

/* "YYYY-MM-DDT00:00:00" from the map's date, else a fixed day: never the
 * clock, so that the same map gives the same bytes. */
static void doc_date(const argmap_file *f, char out[32])
{
	const char *d = f->date;
	int ok = d && strlen(d) >= 10 && d[4] == '-' && d[7] == '-';
	size_t k;

	for (k = 0; ok && k < 10; k++)
		if (k != 4 && k != 7 && (d[k] < '0' || d[k] > '9'))
			ok = 0;
	snprintf(out, 32, "%.10sT00:00:00", ok ? d : "2000-01-01");
}

static void metadata(am_pdf *p)
{
	const am_job *job = p->job;
	const argmap_file *f = argmap_map_file(job->map, 0);
	am_buf a = {0}, s = {0};
	char date[32];
	size_t k;

	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE, p->title);
	for (k = 0; k < f->n_editors; k++)
		am_buf_printf(&a, "%s%s", k ? ", " : "", f->editors[k]);
	if (a.data)
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR, a.data);
	if (job->opts->actors && job->opts->n_actors)
		am_labels_actor_answer(&s, job->map, job->opts);
	else if (job->opts->subtitle && *job->opts->subtitle)
		am_buf_puts(&s, job->opts->subtitle);
	else if (f->description)
		am_buf_puts(&s, f->description);
	if (s.data)
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_SUBJECT, s.data);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "argmap");
	doc_date(f, date);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	am_buf_free(&a);
	am_buf_free(&s);
}

int am_pdf_open(am_pdf *p, const am_job *job, double pw, double ph)
{
	double w, h;

	memset(p, 0, sizeof *p);
	p->job = job;
	p->title = doc_title(job);
	am_pdf_page_size(job->opts, &w, &h, &p->margin);
	if (job->opts->page == ARGMAP_PAGE_NONE)
		p->margin = 0;
	p->surf = cairo_pdf_surface_create_for_stream(write_out, &p->out, pw, ph);
	p->cr = cairo_create(p->surf);
	if (cairo_surface_status(p->surf) != CAIRO_STATUS_SUCCESS ||
	    cairo_status(p->cr) != CAIRO_STATUS_SUCCESS) {
		am_pdf_discard(p);
		return ARGMAP_ENOMEM;
	}
	cairo_pdf_surface_restrict_to_version(p->surf, CAIRO_PDF_VERSION_1_5);
	metadata(p);
	p->pw = pw;
	p->ph = ph;
	p->page = 1;
	return 0;
}

void am_pdf_next_page(am_pdf *p, double pw, double ph)
{
	cairo_show_page(p->cr);
	if (pw != p->pw || ph != p->ph)
		cairo_pdf_surface_set_size(p->surf, pw, ph);
	p->pw = pw;
	p->ph = ph;
	p->page++;
}

double am_pdf_top(const am_pdf *p)
{
	return p->margin + (p->chrome ? HEAD_H : 0);
}

double am_pdf_bottom(const am_pdf *p)
{
	return p->ph - p->margin - (p->chrome ? FOOT_H : 0);
}

/* The short reference of a source as plain text: its publisher (or title)
 * up to " (", at most 40 bytes at a character boundary, and its date. */
static void short_ref(am_buf *b, const argmap_source *s)
{
	const char *t = s->publisher && *s->publisher ? s->publisher : s->title;
	const char *paren;
	size_t len;

	if (!t || !*t)
		t = s->id;
	paren = strstr(t, " (");
	len = paren && paren > t ? (size_t)(paren - t) : strlen(t);
	if (len > 40) {
		len = 40;
		while (len > 0 && ((unsigned char)t[len] & 0xC0) == 0x80)
			len--;
		am_buf_put(b, t, len);
		am_buf_puts(b, "\xE2\x80\xA6");
	} else {
		am_buf_put(b, t, len);
	}
	if (s->date)
		am_buf_printf(b, ", %s", s->date);
}

void am_pdf_chrome(am_pdf *p, const unsigned char *on)
{
	const argmap_map *map = p->job->map;
	double left = p->margin, right = p->pw - p->margin, w;
	char num[32];
	am_ts_run r = {p->title, CHROME_PT, 1, 0, 0.35, NULL};
	am_ts_run pn = {num, CHROME_PT, 0, 0, 0.35, NULL};

	if (!p->chrome)
		return;
	snprintf(num, sizeof num, "p. %d", p->page);
	w = am_ts_width(p->cr, &pn);
	am_ts_line(p->cr, right - w, p->margin + CHROME_PT, &pn);
	{
		/* the title, cut at a character to leave room for the page number */
		am_buf t = {0};
		size_t len = strlen(p->title);
		am_buf_puts(&t, p->title);
		while (t.data && len > 8 && am_ts_width(p->cr, &r) > right - left - w - 12) {
			do
				len--;
			while (len > 0 && ((unsigned char)p->title[len] & 0xC0) == 0x80);
			am_buf_free(&t);
			am_buf_put(&t, p->title, len);
			am_buf_puts(&t, "\xE2\x80\xA6");
			r.text = t.data;
		}
		if (t.data) {
			r.text = t.data;
			am_ts_line(p->cr, left, p->margin + CHROME_PT, &r);
		}
		am_buf_free(&t);
	}
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, left, p->margin + CHROME_PT + 4);
	cairo_line_to(p->cr, right, p->margin + CHROME_PT + 4);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	/* footer: the sources cited on this page, by their numbers */
	if (on && p->src_key) {
		size_t n = argmap_map_node_count(map), ns = argmap_map_source_count(map), i, k;
		unsigned char *cited = calloc(ns + 1, 1);
		am_buf f = {0};
		if (!cited)
			return;
		for (i = 0; i < n; i++) {
			const argmap_node *nd = argmap_map_node(map, i);
			if (!on[i])
				continue;
			for (k = 0; k < nd->n_sources; k++)
				if (nd->sources[k].kind == ARGMAP_ITEM_SOURCE &&
				    nd->sources[k].index < ns)
					cited[nd->sources[k].index] = 1;
		}
		for (k = 1; k <= p->n_keys; k++)
			for (i = 0; i < ns; i++)
				if (cited[i] && p->src_key[i] == k) {
					am_buf_printf(&f, "%s[%zu] ", f.len ? "  \xC2\xB7  " : "",
					              k);
					short_ref(&f, argmap_map_source(map, i));
				}
		if (f.data) {
			am_ts ts = {
			    p->cr, left, right - left, p->ph, p->ph - p->margin - FOOT_H + 8, NULL,
			    NULL,  0};
			am_ts_run fr = {f.data, CHROME_PT, 0, 0, 0.3, NULL};
			am_ts_par(&ts, &fr, 1, 0, 0, 0);
		}
		am_buf_free(&f);
		free(cited);
	}
}

void am_pdf_bookmark(am_pdf *p, const char *name)
{
	char link[32];

	snprintf(link, sizeof link, "page=%d", p->page);
	cairo_pdf_surface_add_outline(p->surf, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

void am_pdf_link(am_pdf *p, double x, double y, double w, double h, const char *url)
{
	am_buf u = {0}, a = {0};
	const char *c;

	if (!am_endnotes_url(&u, url) || !u.data) {
		am_buf_free(&u);
		return;
	}
	am_buf_printf(&a, "rect=[%.2f %.2f %.2f %.2f] uri='", x, y, w, h);
	for (c = u.data; *c; c++) {
		if (*c == '\'' || *c == '\\')
			am_buf_printf(&a, "%%%02X", (unsigned char)*c);
		else
			am_buf_putc(&a, *c);
	}
	am_buf_putc(&a, '\'');
	if (a.data) {
		cairo_tag_begin(p->cr, CAIRO_TAG_LINK, a.data);
		cairo_tag_end(p->cr, CAIRO_TAG_LINK);
	}
	am_buf_free(&u);
	am_buf_free(&a);
}

static void notes_page(am_ts *ts, void *ud)
{
	am_pdf *p = ud;
	double pw, ph, m;

	am_pdf_page_size(p->job->opts, &pw, &ph, &m);
	am_pdf_next_page(p, pw, ph);
	p->margin = m;
	am_pdf_chrome(p, NULL);
	ts->y = am_pdf_top(p) + 6;
	ts->bottom = am_pdf_bottom(p);
}

void am_pdf_endnotes(am_pdf *p, const size_t *note_no, size_t n_notes)
{
	am_pdf_endnotes_at(p, note_no, n_notes, -1);
}

void am_pdf_endnotes_at(am_pdf *p, const size_t *note_no, size_t n_notes, double y)
{
	am_ts ts;
	int first;

	if (!note_no)
		return;
	memset(&ts, 0, sizeof ts);
	ts.cr = p->cr;
	ts.new_page = notes_page;
	ts.ud = p;
	p->chrome = 1;
	if (y < 0) {
		notes_page(&ts, p);
	} else {
		ts.y = y;
		ts.bottom = am_pdf_bottom(p);
	}
	first = p->page;
	/* text column: the page's content width, at most 460 pt for reading */
	ts.left = p->margin;
	ts.width = p->pw - 2 * p->margin;
	if (ts.width > 460) {
		ts.left += (ts.width - 460) / 2;
		ts.width = 460;
	}
	{
		int save = p->page;
		p->page = first;
		am_pdf_bookmark(p, "Notes and sources");
		p->page = save;
	}
	am_endnotes_write(&ts, p->job, note_no, n_notes, p->src_key, p->n_keys);
	if (ts.failed)
		p->failed = 1;
}

void am_pdf_discard(am_pdf *p)
{
	if (p->cr)
		cairo_destroy(p->cr);
	if (p->surf) {
		cairo_surface_finish(p->surf);
		cairo_surface_destroy(p->surf);
	}
	am_buf_free(&p->out);
	p->cr = NULL;
	p->surf = NULL;
}

int am_pdf_close(am_pdf *p, am_sink *sink)
{
	am_part part;
	int rc;

	cairo_show_page(p->cr);
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->surf);
	rc = cairo_surface_status(p->surf) != CAIRO_STATUS_SUCCESS || p->out.failed || p->failed
	         ? ARGMAP_ENOMEM
	         : 0;
	cairo_surface_destroy(p->surf);
	p->surf = NULL;
	if (rc == 0) {
		part.data = p->out.data ? p->out.data : "";
		part.len = p->out.len;
		rc = sink->output(sink, &part, 1);
	} else {
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "out of memory while writing the PDF",
		           NULL);
	}
	am_buf_free(&p->out);
	return rc;
}

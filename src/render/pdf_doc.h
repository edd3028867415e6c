/*
 * pdf_doc.h - one PDF document on a cairo PDF surface (gv_pdf.c), shared by
 * the one-page and the several-page paths: metadata, pages with a header
 * and footer, links, bookmarks and the endnotes. cairo only; the graphs
 * are drawn into it by gv_pdf.c and gv_pages.c.
 */
#ifndef AM_RENDER_PDF_DOC_H
#define AM_RENDER_PDF_DOC_H

#include <cairo.h>

#include "render/job.h"
#include "util/buf.h"

typedef struct am_pdf {
	const am_job *job;
	cairo_surface_t *surf;
	cairo_t *cr;
	am_buf out;        /* the PDF's bytes */
	double pw, ph;     /* the current page's size, points */
	double margin;     /* of a page of opts->page; 0 without */
	int page;          /* the current page, 1-based */
	int chrome;        /* 1: header and footer on every page */
	const char *title; /* the document's title */
	const size_t *src_key;
	size_t n_keys;
	int failed;
} am_pdf;

/* The page of opts->page (A4 without one), upright or turned, its margin
 * and its content area. */
void am_pdf_page_size(const argmap_render_options *o, double *pw, double *ph, double *margin);

/* Opens a document whose first page is pw x ph, with the map's metadata.
 * Returns 0 or ARGMAP_ENOMEM. */
int am_pdf_open(am_pdf *p, const am_job *job, double pw, double ph);

/* Ends the current page and starts one of pw x ph. */
void am_pdf_next_page(am_pdf *p, double pw, double ph);

/* Header (title, page number) and footer (the short references of the
 * sources that the nodes on[] cite; on may be NULL) of the current page. */
void am_pdf_chrome(am_pdf *p, const unsigned char *on);

/* The top and bottom of the area between header and footer. */
double am_pdf_top(const am_pdf *p);
double am_pdf_bottom(const am_pdf *p);

/* A bookmark to the current page. */
void am_pdf_bookmark(am_pdf *p, const char *name);

/* A link over the rectangle (page coordinates) to a source's URL, when
 * it has a safe http(s) one. */
void am_pdf_link(am_pdf *p, double x, double y, double w, double h, const char *url);

/* The endnotes and the bibliography from the top of a new page. */
void am_pdf_endnotes(am_pdf *p, const size_t *note_no, size_t n_notes);

/* The same from y on the current page (which has its header and footer);
 * y < 0: from the top of a new page. */
void am_pdf_endnotes_at(am_pdf *p, const size_t *note_no, size_t n_notes, double y);

/* Finishes the document and hands it to the sink; frees everything.
 * Returns 0, ARGMAP_ENOMEM or the sink's status. */
int am_pdf_close(am_pdf *p, am_sink *sink);

/* Frees a document that is not handed on. */
void am_pdf_discard(am_pdf *p);

#endif

/*
 * gv_pdf.h - PDF through argmap's own cairo surface (gv_pdf.c): Graphviz
 * draws each laid-out graph into a part of a page that argmap owns, so a
 * PDF can carry metadata (Title, Author, Subject, a fixed CreationDate),
 * links to the sources, bookmarks, endnotes, and several pages (--pages).
 */
#ifndef AM_RENDER_GV_PDF_H
#define AM_RENDER_GV_PDF_H

#include <gvc.h>

#include "render/job.h"

/* --notes endnotes: numbers the drawn nodes that want a note in reading
 * order; *note_no (caller frees) has one entry per node. Without endnotes
 * sets *note_no to NULL. Returns 0 or ARGMAP_ENOMEM. */
int am_gv_pdf_number(const am_job *job, size_t **note_no);

/* One page: the laid-out graph g (at its natural size, or fitted to the
 * top of job->opts->page), then the endnotes. Hands the PDF to the sink.
 * `pages`: what --pages takes, for AM714's hint (0: not counted).
 * Returns 0 or a negative argmap_status (with a diagnostic). */
int am_gv_pdf_single(GVC_t *gvc, Agraph_t *g, const am_job *job, size_t pages, am_sink *sink);

/* --pages: builds, lays out and draws one graph per page itself (with
 * `disc`), never below the minimum text size; then the endnotes. */
int am_gv_pdf_pages(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink);

/* How many pages the map of `job` takes with --pages (as PDF, on its
 * --page, before the notes): the paginator's filling run, nothing drawn,
 * for AM714's hint when a view does not fit one page. Costs what the
 * filling of --pages costs (linear in the view). Returns 0 (*count set)
 * or a negative argmap_status. */
int am_gv_pdf_pages_count(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink,
                          size_t *count);

#endif

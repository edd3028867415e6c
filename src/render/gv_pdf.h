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
 * Returns 0 or a negative argmap_status (with a diagnostic). */
int am_gv_pdf_single(GVC_t *gvc, Agraph_t *g, const am_job *job, am_sink *sink);

/* --pages: builds, lays out and draws one graph per page itself (with
 * `disc`), never below the minimum text size; then the endnotes. */
int am_gv_pdf_pages(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink);

#endif

/*
 * endnotes.h - --notes endnotes (endnotes.c): which nodes get a number, and
 * the notes and bibliography set after the map with typeset.h. No
 * Graphviz; the pages are the caller's (gv_pdf.c).
 */
#ifndef AM_RENDER_ENDNOTES_H
#define AM_RENDER_ENDNOTES_H

#include <stddef.h>

#include "render/job.h"
#include "render/typeset.h"
#include "util/buf.h"

/* 1 if node i has something for an endnote: a quote, an editor's note, a
 * source, or a text its box leaves out for its title (am_labels_titled). */
int am_endnotes_wanted(const argmap_map *map, const argmap_render_options *o, size_t i);

/* --notes markers: for each drawn node c, the quotes listed on it
 * (quote_on[e], not drawn, a premise of a support or rebuttal of c that is
 * not drawn): ev[start[c]..start[c+1]), in map order. Linear in the map. */
typedef struct am_markers {
	size_t *start, *ev;
} am_markers;

/* Fills mk (freed with am_markers_free; all NULL when quote_on is NULL).
 * Returns 0 or ARGMAP_ENOMEM. */
int am_markers_build(am_markers *mk, const argmap_map *map, const am_view *v,
                     const unsigned char *quote_on);
void am_markers_free(am_markers *mk);

/* Numbers the drawn nodes that want a note, in the reading order
 * order[0..n_order) (node indices; each once): note_no[i] = 1, 2, ...;
 * 0 for the others; with markers (mk->start not NULL), each node's quotes
 * are numbered right after it. note_no has one entry per map node.
 * Returns the count. */
size_t am_endnotes_number(const argmap_map *map, const argmap_render_options *o, const am_view *v,
                          const size_t *order, size_t n_order, const am_markers *mk,
                          size_t *note_no);

/* Appends `url` as a link target for a PDF (http(s) only, percent-encoded
 * like am_rt_url, '&' left as it is). Returns 1 if appended. */
int am_endnotes_url(am_buf *b, const char *url);

/* Sets "Notes" (every numbered node: full quote, speaker, source and
 * locator, editor's note; a titled claim's title, then its text) and
 * "Sources" (each numbered source: authors, title, publisher, date, URL as
 * a link, accessed) from ts->y. src_key is the title block's numbering of
 * sources (NULL: every source cited by a drawn node, in map order). */
void am_endnotes_write(am_ts *ts, const am_job *job, const size_t *note_no, size_t n_notes,
                       const size_t *src_key, size_t n_keys);

#endif

/*
 * gv_pdf_draw.h - drawing a laid-out graph into a PDF page (gv_pdf.c), for
 * gv_pdf.c and gv_pages.c.
 */
#ifndef AM_RENDER_GV_PDF_DRAW_H
#define AM_RENDER_GV_PDF_DRAW_H

#include <gvc.h>

#include "render/pdf_doc.h"

/* What Graphviz draws: the layout's bounding box (graph points, y up) and
 * the pad around it; w x h is the whole drawing at scale 1. */
typedef struct am_gv_box_t {
	double llx, lly, urx, ury, pad, w, h;
} am_gv_box_t;

/* The box of a laid-out graph. Returns 0, or -1 when it has none. */
int am_gv_box(Agraph_t *g, am_gv_box_t *b);

/* Draws g at scale z with its top-left corner at (x, y) of the current
 * page, and a link over each evidence box to its source's URL. Returns 0
 * or ARGMAP_ERENDER. */
int am_gv_pdf_draw(am_pdf *p, GVC_t *gvc, Agraph_t *g, const am_job *job, const am_gv_box_t *b,
                   double x, double y, double z);

#endif

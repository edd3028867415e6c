/*
 * gv_page.h - the Graphviz glue of --page (gv_page.c): reads the laid-out
 * bounding box and sets the margins page.c computes.
 */
#ifndef AM_RENDER_GV_PAGE_H
#define AM_RENDER_GV_PAGE_H

#include <cgraph.h>

#include "render/job.h"

/* After layout: centres the drawing on the page; AM714 through `sink`
 * when its text becomes too small to read. */
void am_gv_page_fit(Agraph_t *g, const am_job *job, am_sink *sink);

#endif

/*
 * gv_page.h - the Graphviz glue of --page (gv_page.c): reads the laid-out
 * bounding box and sets the margins page.c computes.
 */
#ifndef AM_RENDER_GV_PAGE_H
#define AM_RENDER_GV_PAGE_H

#include <stddef.h>

#include <cgraph.h>

#include "render/job.h"

/* After layout: the scale at which the drawing fits job->opts->page (1
 * when it has no box). */
double am_gv_page_scale(Agraph_t *g, const am_job *job);

/* After layout: centres the drawing on the page; AM714 through `sink`
 * when its text becomes too small to read, saying that --pages takes
 * `pages` (0: not counted; am_page_fit). */
void am_gv_page_fit(Agraph_t *g, const am_job *job, size_t pages, am_sink *sink);

#endif

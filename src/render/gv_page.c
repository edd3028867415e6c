/*
 * gv_page.c - --page after layout: the bounding box Graphviz computed goes
 * to page.c, the margins it returns go back into the graph.
 */
#include <stdio.h>

#include <cgraph.h>

#include "render/gv_attr.h"
#include "render/gv_page.h"
#include "render/page.h"

/* The laid-out bounding box; 0, or -1 when there is none. */
static int bbox(Agraph_t *g, double *w, double *h)
{
	double llx, lly, urx, ury;
	const char *bb = agget(g, am_s("bb"));

	/* gvLayout writes "llx lly urx ury"; a DOT bb attribute uses commas */
	if (!bb || sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &llx, &lly, &urx, &ury) != 4)
		return -1;
	*w = urx - llx;
	*h = ury - lly;
	return 0;
}

double am_gv_page_scale(Agraph_t *g, const am_job *job)
{
	double w, h;

	return bbox(g, &w, &h) == 0 ? am_page_scale(job->opts, w, h) : 1.0;
}

void am_gv_page_fit(Agraph_t *g, const am_job *job, size_t pages, am_sink *sink)
{
	double w, h, mx, my;
	char buf[96];

	if (bbox(g, &w, &h) != 0 || am_page_fit(job->opts, w, h, pages, &mx, &my, sink) != 0)
		return;
	snprintf(buf, sizeof buf, "%.4f,%.4f", mx, my);
	agsafeset(g, am_s("margin"), buf, am_s(""));
}

/*
 * gv_page.c - --page after layout: the bounding box Graphviz computed goes
 * to page.c, the margins it returns go back into the graph.
 */
#include <stdio.h>

#include <cgraph.h>

#include "render/gv_attr.h"
#include "render/gv_page.h"
#include "render/page.h"

void am_gv_page_fit(Agraph_t *g, const am_job *job, am_sink *sink)
{
	double llx, lly, urx, ury, mx, my;
	const char *bb = agget(g, am_s("bb"));
	char buf[96];

	/* gvLayout writes "llx lly urx ury"; a DOT bb attribute uses commas */
	if (!bb || sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &llx, &lly, &urx, &ury) != 4)
		return;
	if (am_page_fit(job->opts, urx - llx, ury - lly, &mx, &my, sink) != 0)
		return;
	snprintf(buf, sizeof buf, "%.4f,%.4f", mx, my);
	agsafeset(g, am_s("margin"), buf, am_s(""));
}

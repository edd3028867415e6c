/*
 * gv_graph.h - the job's model and view as a cgraph graph (gv_graph.c).
 */
#ifndef AM_RENDER_GV_GRAPH_H
#define AM_RENDER_GV_GRAPH_H

#include <cgraph.h>

#include "render/job.h"

/* Builds the graph for the job with discipline `disc`; the caller owns it
 * (agclose). Returns NULL when out of memory. The graph's nodes are named
 * n<i>, j<i>; clusters cluster_g<i>, cluster_l<i>: never user text. */
Agraph_t *am_gv_graph_build(const am_job *job, Agdisc_t *disc);

#endif

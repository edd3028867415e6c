/*
 * gv_ids.h - a cgraph id discipline (gv_ids.c) that numbers object names
 * in order of first use, so that cgraph's id-ordered sets (subgraphs) do
 * not depend on malloc addresses. Its state belongs to the graph and goes
 * with agclose.
 */
#ifndef AM_RENDER_GV_IDS_H
#define AM_RENDER_GV_IDS_H

#include <cgraph.h>

extern Agiddisc_t am_gv_id_disc;

#endif

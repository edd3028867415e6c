/*
 * gv_fast.h - the layout engine of huge maps (gv_fast.c), a Graphviz
 * plugin named AM_FAST_ENGINE that places nodes with fastlayout.c and
 * draws straight edges. gv_run.c uses it when the job says job->fast.
 */
#ifndef AM_RENDER_GV_FAST_H
#define AM_RENDER_GV_FAST_H

#include <gvc.h>
#include <gvplugin.h>

#define AM_FAST_ENGINE "argmap_fast"
extern gvplugin_library_t gvplugin_argmap_layout_LTX_library;

/* Lays out `g` with the fast engine; with want_pos, then writes each
 * node's position into "pos", so that -T dot carries them for Graphviz's
 * own nop engine (the graph's "layout" stays "nop"). Returns gvLayout's
 * result (0: laid out; the caller then owes gvFreeLayout), or -1. */
int am_gv_fast_layout(GVC_t *gvc, Agraph_t *g, int want_pos);

#endif

/*
 * gv_internal.h - the Graphviz side of the renderer (graph.c, gv.c). The
 * only header that includes Graphviz; it never reaches the public API.
 *
 * cgraph's API takes `char *` for strings it only reads; am_s() is the one
 * place that drops the const of our strings for it.
 */
#ifndef AM_GV_INTERNAL_H
#define AM_GV_INTERNAL_H

#include <stdint.h>

#include <cgraph.h>
#include <gvc.h>
#include <gvplugin.h>

#include "render/render_internal.h"

static inline char *am_s(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* Sets an attribute (declared on first use with an empty default). */
static inline void am_set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, am_s(name), am_s(value), am_s(""));
}

/* Sets an HTML-like label attribute ("label") from markup in `html`. */
void am_set_html(Agraph_t *g, void *obj, const char *name, const char *html);

/* Layout bounds chosen for a graph of this many nodes + edges; also used
 * by the builder to pick cheaper spline routing for huge maps. */
typedef struct am_layout_tier {
	size_t max_elems;
	const char *nslimit, *nslimit1, *mclimit, *searchsize, *splines, *remincross;
} am_layout_tier;
const am_layout_tier *am_layout_tier_for(size_t elems);

/* Numbers object names in order of first use (graph.c), so that cgraph's
 * id-ordered sets (subgraphs) do not depend on malloc addresses. */
extern Agiddisc_t am_id_disc;

/* Builds the graph for the job with discipline `disc`. Returns NULL when
 * out of memory. The graph's nodes are named n<i>, j<i>; clusters
 * cluster_g<i>, cluster_l<i>: never user text. */
Agraph_t *am_gv_graph_build(const am_job *job, Agdisc_t *disc);

/* gvfast.c: the layout engine of huge maps, named AM_FAST_ENGINE, which
 * places nodes with fastlayout.c and draws straight edges (see there). */
#define AM_FAST_ENGINE "argmap_fast"
extern gvplugin_library_t gvplugin_argmap_layout_LTX_library;

/* textlayout.c: measures text with FreeType for SVG (see there). */
extern gvplugin_library_t gvplugin_argmap_text_LTX_library;
/* Releases the fonts textlayout.c opened. */
void am_textlayout_reset(void);

#endif

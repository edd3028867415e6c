/*
 * gv_private.h - every Graphviz symbol argmap uses that no installed
 * Graphviz header declares. Graphviz 2.42/2.43 (Debian 12: libgvc6
 * 2.42.2) exports them from its shared libraries but installs only the
 * plugin API (gvplugin*.h, types.h), not the headers below. The prototypes
 * are copied from those headers of Graphviz 2.42.2; src/render/CMakeLists.txt
 * checks at configure time that each one links, and stops with a clear
 * message on a Graphviz that lacks one. Include only from gv_*.c.
 */
#ifndef AM_RENDER_GV_PRIVATE_H
#define AM_RENDER_GV_PRIVATE_H

#include <gvc.h>
#include <gvplugin.h>

/* ---- libgvc.so.6: layout helpers every layout engine calls ------------ */

/* lib/common/utils.c, declared in lib/common/utils.h (render.h): sizes a
 * node and parses its label; common_init_edge does the same for edges. */
extern void common_init_node(node_t *n);
extern int common_init_edge(edge_t *e);
/* lib/common/utils.c (utils.h): node width/height from its label. */
extern void gv_nodesize(node_t *n, boolean flip);
/* lib/common/utils.c (utils.h): the graph's spline type from "splines". */
extern void setEdgeType(graph_t *g, int dflt);
/* lib/common/routespl.c (render.h): a straight edge clipped at the nodes. */
extern void makeStraightEdge(graph_t *g, edge_t *e, int edgetype, splineInfo *info);
/* lib/common/utils.c (utils.h): the bounding box from the positions. */
extern void compute_bb(graph_t *g);
/* lib/common/postproc.c (render.h): translation to the origin, graph label. */
extern void dotneato_postprocess(graph_t *g);
/* lib/common/utils.c (utils.h): free what common_init_node/_edge bound. */
extern void gv_cleanup_node(node_t *n);
extern void gv_cleanup_edge(edge_t *e);
/* lib/common/globals.h (EXTERN int State): the last finished phase. */
extern int State;

/* lib/common/const.h */
#define AM_GV_SPLINES 1 /* GVSPLINES: State once edges are routed */
#define AM_ET_LINE 2    /* ET_LINE: straight edges */

/* ---- the plugin libraries' entry points ------------------------------ */

/* Each plugin library exports its gvplugin_library_t as
 * gvplugin_<name>_LTX_library (plugin/<name>/gvplugin_<name>.c), for
 * gvContextPlugins; they are linked in (src/CMakeLists.txt) so that
 * rendering never reads Graphviz's plugin configuration (config6a). */
extern gvplugin_library_t gvplugin_core_LTX_library;       /* libgvplugin_core.so.6 */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library; /* libgvplugin_dot_layout.so.6 */
extern gvplugin_library_t gvplugin_pango_LTX_library;      /* libgvplugin_pango.so.6 */

#endif

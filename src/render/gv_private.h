/*
 * gv_private.h - every Graphviz symbol argmap uses that no installed
 * Graphviz header declares. Graphviz 2.42/2.43 (Debian 12: libgvc6
 * 2.42.2) exports them from its shared libraries but installs only the
 * plugin API (gvplugin*.h, types.h), not the private headers named below.
 * The prototypes are copied from those headers of Graphviz 2.42.2;
 * src/render/CMakeLists.txt checks at configure time that each one links,
 * and stops with a clear message on a Graphviz that lacks one. Include
 * only from gv_*.c.
 */
#ifndef AM_RENDER_GV_PRIVATE_H
#define AM_RENDER_GV_PRIVATE_H

#include <gvc.h>
#include <gvplugin.h>

/* ---- libgvc.so.6: layout helpers every layout engine calls ------------ */

/* Defined in Graphviz's lib/common (utils.c unless noted) and declared in
 * its private lib/common/render.h (directly or through the utils.h it
 * includes); exported by libgvc.so.6 (checked with nm on Debian 12's
 * libgvc6 2.42.2-7). */
extern void common_init_node(node_t *n);          /* sizes a node, parses its label */
extern int common_init_edge(edge_t *e);           /* the same for an edge's labels */
extern void gv_nodesize(node_t *n, boolean flip); /* width/height from the label */
extern void setEdgeType(graph_t *g, int dflt);    /* spline type from "splines" */
/* routespl.c: a straight edge clipped at the node borders */
extern void makeStraightEdge(graph_t *g, edge_t *e, int edgetype, splineInfo *info);
/* splines.c: installs the Bezier ps[0..pn) (pn = 3k + 1, tail to head) as
 * the edge's spline, clipped at both nodes' borders and at the arrows */
extern void clip_and_install(edge_t *fe, node_t *hn, pointf *ps, int pn, splineInfo *info);
extern void compute_bb(graph_t *g); /* the bounding box from the positions */
/* postproc.c: translation to the origin, the graph label's place */
extern void dotneato_postprocess(graph_t *g);
extern void gv_cleanup_node(node_t *n); /* frees what common_init_node bound */
extern void gv_cleanup_edge(edge_t *e); /* frees what common_init_edge bound */
/* lib/common/globals.h ("EXTERN int State"): the last finished phase */
extern int State;

/* lib/common/textspan.c (declared in lib/common/render.h): measures a
 * span with the context's text layout plugin, or estimates it; used by
 * gv_pango.c to move the pango plugin's font cache off a context */
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);
/* ---- libgvplugin_dot_layout.so.6 ------------------------------------- */

/* lib/dotgen/decompose.c (declared in lib/dotgen/dotprocs.h): the
 * connected components of g. It marks visited nodes with a static char
 * counter that wraps to 1 every 255 calls, a value other phases leave in
 * ND_mark: dot then skips nodes and crashes in mincross. gv_cmark.c keeps
 * a process that lays out many graphs away from the wrap. */
extern void decompose(graph_t *g, int pass);

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

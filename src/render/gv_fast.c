/*
 * gv_fast.c - "argmap_fast", a Graphviz layout engine (plugin API) for huge
 * maps. In one pass:
 *
 *  1. Graphviz initialises and sizes every node and edge with its own code
 *     (HTML-like labels parsed and measured once);
 *  2. fastlayout.c places the nodes from those sizes;
 *  3. each edge follows the route fastlayout.c gives it (bend points that
 *     keep it out of the other boxes), as a polyline Bezier clipped at
 *     both node borders and arrows (clip_and_install); an edge without
 *     bends is a straight line (makeStraightEdge). Then the post-processing
 *     dot does: bounding box, title block (the graph label), translation
 *     to the origin.
 *
 * Graphviz's "nop" engine reads positions before it sizes labels, so the
 * same result through it took two passes, each parsing every label: 54 %
 * of a 1,000-claim render (bench/README.md).
 *
 * Graphviz 2.42 installs the plugin API (gvplugin_layout.h, types.h) but
 * not the header that declares the helpers every layout engine calls; libgvc
 * exports them, and gv_private.h declares them (with where each comes from).
 * tests/render/test_layout.c renders through this engine, under the
 * sanitizers and valgrind as well.
 */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include <gvplugin_layout.h>

#include "render/fastlayout.h"
#include "render/gv_attr.h"
#include "render/gv_fast.h"
#include "render/gv_private.h"

static boolean never_swap(edge_t *e)
{
	(void)e;
	return FALSE;
}

static boolean never_merge(node_t *n)
{
	(void)n;
	return FALSE;
}

static splineInfo straight = {never_swap, never_merge, TRUE, FALSE};

/* Installs edge k's route (centre, bend points, centre) as a Bezier of
 * straight pieces; 0 if it has none (or no memory), for a straight edge. */
static int draw_route(edge_t *e, const am_fast_routes *r, size_t k, size_t m)
{
	size_t b, nb, i, j = 0;
	pointf *ps, a, c;

	if (k >= m || !r->start)
		return 0;
	b = r->start[k];
	nb = r->start[k + 1] - b;
	if (nb == 0)
		return 0;
	ps = malloc((3 * (nb + 1) + 1) * sizeof *ps);
	if (!ps)
		return 0;
	a = ND_coord(agtail(e));
	ps[j++] = a;
	for (i = 0; i <= nb; i++) {
		if (i < nb) {
			c.x = r->pts[2 * (b + i)];
			c.y = r->pts[2 * (b + i) + 1];
		} else {
			c = ND_coord(aghead(e));
		}
		ps[j].x = a.x + (c.x - a.x) / 3;
		ps[j++].y = a.y + (c.y - a.y) / 3;
		ps[j].x = a.x + 2 * (c.x - a.x) / 3;
		ps[j++].y = a.y + 2 * (c.y - a.y) / 3;
		ps[j++] = c;
		a = c;
	}
	clip_and_install(e, aghead(e), ps, (int)j, &straight);
	free(ps);
	return 1;
}

static void fast_engine_layout(graph_t *g)
{
	size_t n = (size_t)agnnodes(g), m = (size_t)agnedges(g), i = 0, k = 0;
	node_t **nodes = calloc(n + 1, sizeof *nodes), *v;
	double *w = calloc(n + 1, sizeof *w), *h = calloc(n + 1, sizeof *h);
	double *x = calloc(n + 1, sizeof *x), *y = calloc(n + 1, sizeof *y);
	size_t *from = calloc(m + 1, sizeof *from), *to = calloc(m + 1, sizeof *to);
	size_t *index = calloc(n + 2, sizeof *index);
	unsigned char *cons = calloc(m + 1, 1);
	Agsym_t *constraint = agattr(g, AGEDGE, am_s("constraint"), NULL);
	am_fast_routes routes = {NULL, NULL};
	int placed = 0, ok = 1;

	setEdgeType(g, AM_ET_LINE);
	GD_ndim(agroot(g)) = 2;
	for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
		agbindrec(v, am_s("Agnodeinfo_t"), sizeof(Agnodeinfo_t), TRUE);
		common_init_node(v);
		/* position in inches, which compute_bb reads; freed by
		 * gv_cleanup_node */
		ND_pos(v) = calloc(2, sizeof(double));
		if (!ND_pos(v))
			ok = 0;
		gv_nodesize(v, GD_flip(g));
	}
	for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
		edge_t *e;
		for (e = agfstout(g, v); e; e = agnxtout(g, e)) {
			agbindrec(e, am_s("Agedgeinfo_t"), sizeof(Agedgeinfo_t), TRUE);
			common_init_edge(e);
		}
	}

	if (ok && nodes && w && h && x && y && from && to && index && cons) {
		for (v = agfstnode(g); v && i < n; v = agnxtnode(g, v), i++) {
			nodes[i] = v;
			w[i] = ND_lw(v) + ND_rw(v);
			h[i] = ND_ht(v);
			if ((size_t)AGSEQ(v) <= n + 1)
				index[AGSEQ(v)] = i;
		}
		for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
			edge_t *e;
			for (e = agfstout(g, v); e && k < m; e = agnxtout(g, e), k++) {
				const char *c = constraint ? agxget(e, constraint) : NULL;
				from[k] = index[AGSEQ(agtail(e))];
				to[k] = index[AGSEQ(aghead(e))];
				cons[k] = !(c && strcmp(c, "false") == 0);
			}
		}
		placed = am_fast_layout_routed(i, w, h, k, from, to, cons, 0.30 * 72.0, 0.50 * 72.0,
		                               x, y, &routes) == 0;
	}
	if (placed) {
		for (k = 0; k < i; k++) {
			ND_coord(nodes[k]).x = x[k];
			ND_coord(nodes[k]).y = y[k];
			ND_pos(nodes[k])[0] = x[k] / 72.0;
			ND_pos(nodes[k])[1] = y[k] / 72.0;
		}
		k = 0;
		for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
			edge_t *e;
			for (e = agfstout(g, v); e; e = agnxtout(g, e), k++)
				if (!draw_route(e, &routes, k, m))
					makeStraightEdge(g, e, AM_ET_LINE, &straight);
		}
		State = AM_GV_SPLINES;
		compute_bb(g);
		dotneato_postprocess(g);
	} else {
		/* gv_run.c sees the error and draws nothing */
		agerr(AGERR, "out of memory while placing the nodes\n");
	}

	free(nodes);
	free(w);
	free(h);
	free(x);
	free(y);
	free(from);
	free(to);
	free(index);
	free(cons);
	am_fast_routes_free(&routes);
}

static void fast_engine_cleanup(graph_t *g)
{
	node_t *v;

	for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
		edge_t *e;
		for (e = agfstout(g, v); e; e = agnxtout(g, e))
			gv_cleanup_edge(e);
		gv_cleanup_node(v);
	}
}

static gvlayout_engine_t fast_engine = {fast_engine_layout, fast_engine_cleanup};
static gvlayout_features_t fast_features = {0};

static gvplugin_installed_t fast_types[] = {
    {0, AM_FAST_ENGINE, 0, &fast_engine, &fast_features},
    {0, NULL, 0, NULL, NULL},
};

static gvplugin_api_t fast_apis[] = {
    {API_layout, fast_types},
    {(api_t)0, NULL},
};

static char fast_name[] = "argmap_layout";
gvplugin_library_t gvplugin_argmap_layout_LTX_library = {fast_name, fast_apis};

/* gvLayout reads the graph's "layout" attribute and prefers it to its
 * engine argument, so the attribute names this engine during the call;
 * afterwards it is "nop" again, which is what -T dot must carry. */
int am_gv_fast_layout(GVC_t *gvc, Agraph_t *g, int want_pos)
{
	Agnode_t *v;
	Agsym_t *pos;
	int rc;

	agset(g, am_s("layout"), am_s(AM_FAST_ENGINE));
	rc = gvLayout(gvc, g, AM_FAST_ENGINE);
	agset(g, am_s("layout"), am_s("nop"));
	if (rc != 0 || !want_pos)
		return rc;
	pos = agattr(g, AGNODE, am_s("pos"), am_s(""));
	if (!pos)
		return -1;
	for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
		char buf[64];
		snprintf(buf, sizeof buf, "%.2f,%.2f", ND_coord(v).x, ND_coord(v).y);
		if (agxset(v, pos, buf) != 0)
			return -1;
	}
	return 0;
}

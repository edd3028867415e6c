/*
 * fastlayers.h - the layered graph of the fast layout, shared by
 * fastlayout.c (which builds and orders it) and fastplace.c (which gives
 * it coordinates and routes its edges). Every array is owned by the
 * am_layers and freed by am_fast_layers_free.
 *
 * Nodes 0..n-1 are the map's; n..nv-1 are virtual nodes, one per rank that
 * a long edge crosses, so that every segment joins two adjacent ranks, and
 * one on the next rank (the one before, on the last) for each edge within
 * a rank (its "dip": two segments from its ends down to it).
 */
#ifndef AM_RENDER_FASTLAYERS_H
#define AM_RENDER_FASTLAYERS_H

#include <stddef.h>

#include "model/graph.h"

typedef struct am_layers {
	size_t n, m;          /* real nodes, edges */
	size_t nv;            /* real + virtual nodes */
	size_t nranks;        /* ranks 0 (top) .. nranks - 1 */
	size_t *rank;         /* nv */
	size_t *order;        /* nv: by rank, then left to right */
	size_t *rstart;       /* nranks + 1: rank r is order[rstart[r] .. rstart[r+1]) */
	size_t *pos;          /* nv: where each node is in order[] */
	size_t ns;            /* segments */
	size_t *sa, *sb;      /* ns: the upper and the lower end (adjacent ranks) */
	double *sw;           /* ns: weight (1 real-real, 2 real-virtual, 8 virtual-virtual;
	                       * a quarter of that for edges that do not rank) */
	unsigned char *light; /* ns: 1 for the segments of edges that do not rank */
	am_graph down, up;    /* over nv: sa -> sb and sb -> sa, label = segment */
	size_t *vfirst;       /* m: the first virtual node of edge i (top to bottom) */
	size_t *vcount;       /* m: how many (1 for a flat edge's dip) */
	unsigned char *flip;  /* m: 1 when the edge's tail is its lower end */
	size_t crossings;     /* of the order am_fast_order left, between adjacent ranks */
} am_layers;

/* Ranks, virtual nodes and an order with few crossings (fastlayout.c).
 * Returns 0 or ARGMAP_ENOMEM (L is then freed). */
int am_fast_layers_build(am_layers *L, size_t n, size_t m, const size_t *from, const size_t *to,
                         const unsigned char *constraint);

void am_fast_layers_free(am_layers *L);

/* Fills order, pos and rstart of L (ranks and segments made) with an
 * order of few crossings (fastorder.c); from/to are the map's m edges.
 * Returns 0 or ARGMAP_ENOMEM (the caller frees L). */
int am_fast_order(am_layers *L, const size_t *from, const size_t *to);

/* The tree that the first order and the regrouping keep together
 * (fastregroup.c): each real node's parent is its in-neighbour (in: the
 * map's edges reversed) on the nearest rank above, the one the
 * depth-first walk reached first on a tie; a node with none is a root.
 * dfs[] (n: that walk's numbers) and pre[] (its inverse) get the preorder
 * of the new tree, children in the walk's order; parent[] the tree.
 * ix has 3 n + 2 sizes (scratch). O(n + m). */
void am_fast_tree(const am_layers *L, const am_graph *in, size_t *dfs, size_t *pre, size_t *parent,
                  size_t *ix);

/* A new first order (key[] of the n real nodes: their preorder) that
 * keeps each subtree of the depth-first tree parent[] (AM_GRAPH_FAR for a
 * root; pre[] lists the nodes in its preorder) together: the children of
 * every node, and the roots, sorted by the mean place of their subtree in
 * L's current order, cross-links' far ends counted (fastregroup.c).
 * sc has 4 n doubles, ix 3 n + 2 sizes (scratch). */
void am_fast_regroup(const am_layers *L, const size_t *from, const size_t *to, const size_t *parent,
                     const size_t *pre, double *key, double *sc, size_t *ix);

/* x of every layered node (nv entries, centres) for widths w (the virtual
 * nodes are 0 wide), in the order L gives (fastplace.c). Returns 0 or
 * ARGMAP_ENOMEM. */
int am_fast_place(const am_layers *L, const double *w, double nodesep, double *x);

#endif

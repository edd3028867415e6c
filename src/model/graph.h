/*
 * graph.h - the one graph module: compressed adjacency rows (CSR) and the
 * traversals every stage needs (BFS with a depth bound, reachability,
 * first-reach DFS order, cycle-closing arcs, strongly connected components),
 * plus the graphs a map induces (map_graph.c).
 *
 * Every function is linear in vertices + arcs and iterative (no recursion,
 * so no depth limit). Vertices are 0..n-1. Each arc carries a `label` of the
 * caller's choosing (a relation index, an edge index). Arcs of a vertex keep
 * the order in which they were emitted, so every traversal is deterministic.
 * Nothing here allocates except the build functions and the scratch that a
 * traversal frees before it returns.
 */
#ifndef AM_MODEL_GRAPH_H
#define AM_MODEL_GRAPH_H

#include <stddef.h>

#include "argmap/map.h"

/* Arcs of v are to[start[v] .. start[v + 1]), with label[] alongside.
 * Owned by the graph; freed by am_graph_free. */
typedef struct am_graph {
	size_t n, m;
	size_t *start; /* n + 1 entries */
	size_t *to;    /* m entries */
	size_t *label; /* m entries */
} am_graph;

/* The way a builder is told the arcs: `arcs(ud, arc, sink)` must call
 * `arc(sink, from, to, label)` once per arc, the same arcs in the same order
 * each time it is called (it is called twice: to count, then to fill). Arcs
 * with an end >= n are ignored. */
typedef void (*am_graph_arc_fn)(void *sink, size_t from, size_t to, size_t label);
typedef void (*am_graph_arcs_fn)(void *ud, am_graph_arc_fn arc, void *sink);

/* Builds `g` over n vertices. Returns 0 or ARGMAP_ENOMEM (g is then empty
 * and needs no free). */
int am_graph_build(am_graph *g, size_t n, am_graph_arcs_fn arcs, void *ud);

/* Builds `g` from arrays: arc i is from[i] -> to[i] with label i, kept when
 * use is NULL or use[i] is non-zero. Returns 0 or ARGMAP_ENOMEM. */
int am_graph_from_arrays(am_graph *g, size_t n, size_t m, const size_t *from, const size_t *to,
                         const unsigned char *use);

/* Frees what `g` owns and empties it; a zeroed graph is fine. */
void am_graph_free(am_graph *g);

/* Breadth-first distances from `src`: dist[v] is the number of arcs on a
 * shortest path, or AM_GRAPH_FAR when v is not reached. A vertex at
 * distance max_dist is not expanded, and neither is one for which
 * `expand(ud, v)` returns 0 (expand NULL: all). dist has n entries.
 * Returns 0 or ARGMAP_ENOMEM. */
#define AM_GRAPH_FAR ((size_t)-1)
int am_graph_bfs(const am_graph *g, size_t src, size_t max_dist, int (*expand)(void *ud, size_t v),
                 void *ud, size_t *dist);
/* The same from several sources at once (src[0..n_src), each at distance
 * 0; out-of-range ones are ignored): dist[v] is the distance to the
 * nearest. Linear in the graph's size, however many sources. */
int am_graph_bfs_multi(const am_graph *g, const size_t *src, size_t n_src, size_t max_dist,
                       int (*expand)(void *ud, size_t v), void *ud, size_t *dist);

/* Marks (sets mark[v] = 1) every vertex reachable from a vertex already
 * marked. mark has n entries. Returns 0 or ARGMAP_ENOMEM. */
int am_graph_reach(const am_graph *g, unsigned char *mark);

/* Depth-first search from every vertex in turn (roots in index order; with
 * `roots_first`, the vertices for which roots_first[v] is non-zero are
 * tried as roots before all others). order[v] is the rank at which v was
 * first reached (0..n-1); back[a] (if not NULL, m entries) is set to 1 for
 * each arc a that closes a cycle (its head is on the DFS stack), 0
 * otherwise: removing those arcs leaves the graph acyclic. Returns 0 or
 * ARGMAP_ENOMEM. */
int am_graph_dfs(const am_graph *g, const unsigned char *roots_first, size_t *order,
                 unsigned char *back);

/* The same search as am_graph_dfs, keeping its tree: parent[v] (n entries)
 * is the vertex from which v was first reached, AM_GRAPH_FAR for a root.
 * Each subtree is a run of consecutive ranks in order[]. Returns 0 or
 * ARGMAP_ENOMEM. */
int am_graph_dfs_tree(const am_graph *g, const unsigned char *roots_first, size_t *order,
                      size_t *parent);

/* Strongly connected components (Tarjan, iterative): comp[v] is v's
 * component, numbered in the order they complete; *ncomp gets how many.
 * comp has n entries. Returns 0 or ARGMAP_ENOMEM. */
int am_graph_scc(const am_graph *g, size_t *comp, size_t *ncomp);

/* ------------------------------------------------ the graphs of a map */

/* Premise -> conclusion for every support between nodes (self-supports
 * left out); label = relation index. Vertices are the map's nodes. Arcs of a
 * node are in reverse order of relation and premise (the order the cycle
 * check has always reported in). */
int am_map_graph_supports(am_graph *g, const argmap_map *map);

/* The mention graph, bipartite over n nodes and then m relations (vertex
 * n + r is relation r): node <-> relation for every node a relation
 * mentions (premises and conclusion; an undercut also mentions the premises
 * and conclusion of the support it attacks). Two arcs apart = one
 * relation apart. Labels are unused (0). */
int am_map_graph_mentions(am_graph *g, const argmap_map *map);

/* The upward graph, bipartite like the mention graph: premise -> relation ->
 * what it supports, attacks or answers (for an undercut: the premises and
 * conclusion of the support it attacks). Reachability in it is "everything
 * a node leads to". Labels are unused (0). */
int am_map_graph_upward(am_graph *g, const argmap_map *map);

/* The support an undercut attacks, or NULL (not an undercut, unresolved,
 * or aimed at another undercut). */
const argmap_relation *am_map_undercut_target(const argmap_map *map, const argmap_relation *r);

#endif

/*
 * framework.h - a map as a Dung framework (the table of docs/semantics.md):
 *
 *   A(x)    each node (questions too, which nothing attacks and which
 *           attack nothing; their labels are never reported)
 *   S(r)    each support, and R(r) each rebut or undercut with several
 *           premises; M(r,p) for each premise p of those: A(p) -> M(r,p)
 *           -> S(r) / R(r), so the relation holds only when all premises do
 *   N(c)    each node with a support: S(s) -> N(c) for each support s of c,
 *           and N(c) -> A(c)
 *   attacks A(r) or R(r) -> A(c) for a rebut of c; A(u) or R(u) -> S(s)
 *           for an undercut of s
 *
 * Vertices 0 .. n_nodes-1 are A(node i). Linear in the map's size: one
 * vertex per node, per relation and per premise, one per supported node;
 * one arc per premise, per support, per supported node and per attack.
 */
#ifndef AM_ANALYZE_FRAMEWORK_H
#define AM_ANALYZE_FRAMEWORK_H

#include <stddef.h>

#include "argmap/map.h"
#include "model/graph.h"

typedef enum am_fw_kind {
	AM_FW_NODE = 0, /* A(x): item = node */
	AM_FW_REL,      /* S(r) or R(r): item = relation */
	AM_FW_PREMISE,  /* M(r,p): item = relation, node = p */
	AM_FW_NOSUP     /* N(c): item = node c */
} am_fw_kind;

typedef struct am_fw {
	size_t n_nodes, n_rels, n;
	unsigned char *kind; /* am_fw_kind per vertex */
	size_t *item;        /* node or relation index per vertex */
	size_t *node;        /* M(r,p): p; otherwise ARGMAP_NONE */
	/* Per relation: the vertex whose label is the relation's (S(r), R(r),
	 * or A(p) of a rebut or undercut with the one premise p), ARGMAP_NONE
	 * when the relation is not in the framework (an answer, or a relation
	 * whose premises or target do not resolve). */
	size_t *rel_vertex;
	size_t *nosup; /* per node: N(c), or ARGMAP_NONE */
	am_graph att;  /* attacker -> attacked; label = arc index */
	am_graph rev;  /* attacked -> attacker; label = the same arc index */
	size_t
	    *arc_rel; /* per arc index: the relation it comes from, ARGMAP_NONE for N(c) -> A(c) */
} am_fw;

/* Builds the framework of `map`. Returns 0 or ARGMAP_ENOMEM (fw is then
 * empty). Free with am_fw_free (a zeroed am_fw is fine). */
int am_fw_build(am_fw *fw, const argmap_map *map);
void am_fw_free(am_fw *fw);

/* The resolved node premises of relation r: writes them to out (room for
 * r->n_from) and returns how many. */
size_t am_fw_premises(const argmap_map *map, const argmap_relation *r, size_t *out);

/* The node a rebut attacks, or ARGMAP_NONE (unresolved, or a question). */
size_t am_fw_rebut_target(const argmap_map *map, const argmap_relation *r);

#endif

/*
 * view.h - which nodes and relations one view of a map shows (--focus,
 * --depth, --tag, --hide evidence). Pure model code: the renderer draws a
 * view, and exporters will export one.
 */
#ifndef AM_MODEL_VIEW_H
#define AM_MODEL_VIEW_H

#include <stddef.h>

#include "argmap/diag.h"
#include "argmap/map.h"

/* What to select. Zeroed: the whole map (its own scope). Strings are
 * borrowed for the call. */
typedef struct am_view_options {
	const char *focus; /* a node id, or several separated by spaces: only
	                      their neighbourhoods (the union); NULL: all */
	unsigned depth;    /* with focus: how many relations away */
	const char *tag;   /* only nodes carrying this tag, and what they need */
	int hide_evidence; /* 1: no evidence nodes */
	/* --actor: what these actors hold and say, and what directly supports,
	 * rebuts, undercuts or answers it (no depth limit); with focus, the
	 * union of both selections */
	const char *const *actors;
	size_t n_actors;
} am_view_options;

/* What one view of a map shows. Arrays are indexed like the map's nodes
 * and relations (argmap_map_node_count / argmap_map_relation_count long,
 * not n_nodes / n_rels); all are owned by the view. */
typedef struct am_view {
	size_t n_nodes, n_rels;  /* how many the map's own scope holds: the totals
	                            a view note reports, never an array length */
	unsigned char *node_on;  /* 1: the node is drawn */
	unsigned char *rel_on;   /* 1: the relation is drawn */
	unsigned char *junction; /* 1: the relation is drawn through a junction dot */
	size_t *drawn_from;      /* per relation: how many of its premises are drawn */
	size_t *hidden_evidence; /* per node: hidden evidence that supports it */
	size_t *hidden_rels;     /* per node: other relations touching it not drawn */
	size_t nodes_shown, rels_shown;
	size_t focus;            /* node index of the (first) focus, ARGMAP_NONE if none */
	unsigned char *focus_on; /* per node: 1 for every focus; NULL: no focus */
	size_t n_focus;          /* how many nodes focus_on marks */
	int filtered;            /* 1 if any option left something out */
} am_view;

/* Computes the view of `map` for `opts` into `v` (which the caller frees
 * with am_view_free on success). Diagnostics (AM711 unknown focus, AM712
 * unused tag, AM715 unknown actor or one with nothing in the map) name `file` and go to `diags`
 * (may be NULL). Returns 0, ARGMAP_EINVALID or ARGMAP_ENOMEM; on failure `v` is already freed. Time
 * and memory are linear in the map's size. */
int am_view_build(am_view *v, const argmap_map *map, const am_view_options *opts,
                  argmap_diags *diags, const char *file);

/* Frees what `v` owns and zeroes it; a zeroed view is fine. */
void am_view_free(am_view *v);

#endif

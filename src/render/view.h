/*
 * view.h - what one view of a map shows (view.c, pure C): the result of
 * --focus/--depth, --tag and --hide evidence. The declarations are moved
 * verbatim from the old render_internal.h; the view owns its arrays.
 */
#ifndef AM_RENDER_VIEW_H
#define AM_RENDER_VIEW_H

#include <stddef.h>

#include "util/am_internal.h"

/* What one view of a map shows. Arrays are indexed like the map's nodes
 * and relations; all are owned by the view. */
typedef struct am_view {
	size_t n_nodes, n_rels;
	unsigned char *node_on;     /* 1: the node is drawn */
	unsigned char *rel_on;      /* 1: the relation is drawn */
	unsigned char *junction;    /* 1: the relation is drawn through a junction dot */
	size_t *drawn_from;         /* per relation: how many of its premises are drawn */
	size_t *hidden_evidence;    /* per node: hidden evidence that supports it */
	size_t *hidden_rels;        /* per node: other relations touching it not drawn */
	size_t nodes_shown, rels_shown;
	size_t focus;               /* node index of --focus, ARGMAP_NONE if none */
	int filtered;               /* 1 if any option left something out */
} am_view;

/* Computes the view of `map` for `opts`. Diagnostics (AM711, AM712) name
 * `file` and go to `diags` (may be NULL). Returns 0, ARGMAP_EINVALID,
 * ARGMAP_ENOMEM. On failure the view is freed. */
int am_view_build(am_view *v, const argmap_map *map, const argmap_render_options *opts,
                  argmap_diags *diags, const char *file);
void am_view_free(am_view *v);

#endif

/*
 * walk.h - the one walker over a map: every exporter and the renderer visit
 * a map (or one view of it) through it, so that they all see the same items
 * in the same order.
 *
 * Order: the files (meta), then sources, actors, nodes (questions, claims,
 * evidence as declared) and relations, each section in the order the
 * loader built it (file 0 first, then imports as they were followed). With
 * a view, only the nodes and relations it shows are visited; files, sources
 * and actors are always visited (the view does not filter them).
 */
#ifndef AM_MODEL_WALK_H
#define AM_MODEL_WALK_H

#include <stddef.h>

#include "argmap/map.h"
#include "model/view.h"

typedef enum am_walk_event {
	AM_WALK_FILE,     /* item: const argmap_file * */
	AM_WALK_SOURCE,   /* item: const argmap_source * */
	AM_WALK_ACTOR,    /* item: const argmap_actor * */
	AM_WALK_NODE,     /* item: const argmap_node * */
	AM_WALK_RELATION, /* item: const argmap_relation * */
	AM_WALK_END       /* item: NULL, index 0; once, after everything */
} am_walk_event;

/* Called once per item; `index` is the item's index in its section of the
 * map. A non-zero return stops the walk, and am_walk returns it. Items are
 * borrowed from the map. */
typedef int (*am_walk_fn)(void *ud, am_walk_event ev, size_t index, const void *item);

/* Visits `map` (restricted to `view` when not NULL; a view of another map
 * is a programming error). Returns 0 or the first non-zero return of fn. */
int am_walk(const argmap_map *map, const am_view *view, am_walk_fn fn, void *ud);

#endif

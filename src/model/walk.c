/*
 * walk.c - the one walker over a map or a view.
 */
#include "model/walk.h"

int am_walk(const argmap_map *map, const am_view *view, am_walk_fn fn, void *ud)
{
	size_t i, n;
	int rc;

	for (i = 0, n = argmap_map_file_count(map); i < n; i++)
		if ((rc = fn(ud, AM_WALK_FILE, i, argmap_map_file(map, i))) != 0)
			return rc;
	for (i = 0, n = argmap_map_source_count(map); i < n; i++)
		if ((rc = fn(ud, AM_WALK_SOURCE, i, argmap_map_source(map, i))) != 0)
			return rc;
	for (i = 0, n = argmap_map_actor_count(map); i < n; i++)
		if ((rc = fn(ud, AM_WALK_ACTOR, i, argmap_map_actor(map, i))) != 0)
			return rc;
	for (i = 0, n = argmap_map_node_count(map); i < n; i++)
		if ((!view || view->node_on[i]) &&
		    (rc = fn(ud, AM_WALK_NODE, i, argmap_map_node(map, i))) != 0)
			return rc;
	for (i = 0, n = argmap_map_relation_count(map); i < n; i++)
		if ((!view || view->rel_on[i]) &&
		    (rc = fn(ud, AM_WALK_RELATION, i, argmap_map_relation(map, i))) != 0)
			return rc;
	return fn(ud, AM_WALK_END, 0, NULL);
}

/*
 * map_graph.c - the graphs a map induces, on the public model only.
 */
#include "model/graph.h"

static int node_at(const argmap_map *map, const argmap_ref *ref, size_t *idx)
{
	if (ref->kind != ARGMAP_ITEM_NODE || ref->index == ARGMAP_NONE ||
	    ref->index >= argmap_map_node_count(map))
		return 0;
	*idx = ref->index;
	return 1;
}

const argmap_relation *am_map_undercut_target(const argmap_map *map, const argmap_relation *r)
{
	const argmap_relation *t;

	if (r->kind != ARGMAP_REL_UNDERCUT || r->to.kind != ARGMAP_ITEM_RELATION ||
	    r->to.index == ARGMAP_NONE || r->to.index >= argmap_map_relation_count(map))
		return NULL;
	t = argmap_map_relation(map, r->to.index);
	return t->kind == ARGMAP_REL_UNDERCUT ? NULL : t;
}

static void support_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const argmap_map *map = ud;
	size_t i = argmap_map_relation_count(map), j, from, to;

	while (i-- > 0) {
		const argmap_relation *r = argmap_map_relation(map, i);
		if (r->kind != ARGMAP_REL_SUPPORT || !node_at(map, &r->to, &to))
			continue;
		for (j = r->n_from; j-- > 0;)
			if (node_at(map, &r->from[j], &from) && from != to)
				arc(sink, from, to, i);
	}
}

int am_map_graph_supports(am_graph *g, const argmap_map *map)
{
	return am_graph_build(g, argmap_map_node_count(map), support_arcs, (void *)map);
}

/* Calls arc(node, n + r) (reversed: arc(n + r, node)) for each node that
 * relation r mentions. */
static void mentions_of(const argmap_map *map, size_t r, int reversed, am_graph_arc_fn arc,
                        void *sink)
{
	size_t n = argmap_map_node_count(map), rv = n + r, i, k;
	const argmap_relation *rel = argmap_map_relation(map, r), *t;

	for (i = 0; i < rel->n_from; i++)
		if (node_at(map, &rel->from[i], &k))
			reversed ? arc(sink, rv, k, 0) : arc(sink, k, rv, 0);
	if (node_at(map, &rel->to, &k))
		reversed ? arc(sink, rv, k, 0) : arc(sink, k, rv, 0);
	if ((t = am_map_undercut_target(map, rel)) != NULL) {
		for (i = 0; i < t->n_from; i++)
			if (node_at(map, &t->from[i], &k))
				reversed ? arc(sink, rv, k, 0) : arc(sink, k, rv, 0);
		if (node_at(map, &t->to, &k))
			reversed ? arc(sink, rv, k, 0) : arc(sink, k, rv, 0);
	}
}

static void mention_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const argmap_map *map = ud;
	size_t m = argmap_map_relation_count(map), r;

	for (r = 0; r < m; r++) {
		mentions_of(map, r, 0, arc, sink);
		mentions_of(map, r, 1, arc, sink);
	}
}

int am_map_graph_mentions(am_graph *g, const argmap_map *map)
{
	return am_graph_build(g, argmap_map_node_count(map) + argmap_map_relation_count(map),
	                      mention_arcs, (void *)map);
}

static void upward_arcs(void *ud, am_graph_arc_fn arc, void *sink)
{
	const argmap_map *map = ud;
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map), r, i, k;

	for (r = 0; r < m; r++) {
		const argmap_relation *rel = argmap_map_relation(map, r), *t;
		for (i = 0; i < rel->n_from; i++)
			if (node_at(map, &rel->from[i], &k))
				arc(sink, k, n + r, 0);
		if (node_at(map, &rel->to, &k))
			arc(sink, n + r, k, 0);
		if ((t = am_map_undercut_target(map, rel)) != NULL) {
			if (node_at(map, &t->to, &k))
				arc(sink, n + r, k, 0);
			for (i = 0; i < t->n_from; i++)
				if (node_at(map, &t->from[i], &k))
					arc(sink, n + r, k, 0);
		}
	}
}

int am_map_graph_upward(am_graph *g, const argmap_map *map)
{
	return am_graph_build(g, argmap_map_node_count(map) + argmap_map_relation_count(map),
	                      upward_arcs, (void *)map);
}

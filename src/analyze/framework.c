/*
 * framework.c - the Dung framework of a map (framework.h has the table).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/framework.h"

static int is_target_node(const argmap_map *map, const argmap_ref *ref, size_t *node)
{
	if (ref->kind != ARGMAP_ITEM_NODE || ref->index >= argmap_map_node_count(map))
		return 0;
	if (argmap_map_node(map, ref->index)->kind == ARGMAP_NODE_QUESTION)
		return 0;
	*node = ref->index;
	return 1;
}

size_t am_fw_premises(const argmap_map *map, const argmap_relation *r, size_t *out)
{
	size_t j, k = 0, p;

	for (j = 0; j < r->n_from; j++)
		if (is_target_node(map, &r->from[j], &p))
			out[k++] = p;
	return k;
}

size_t am_fw_rebut_target(const argmap_map *map, const argmap_relation *r)
{
	size_t c;

	return r->kind == ARGMAP_REL_REBUT && is_target_node(map, &r->to, &c) ? c : ARGMAP_NONE;
}

/* The support relation an undercut attacks, or ARGMAP_NONE. */
static size_t undercut_target(const argmap_map *map, const argmap_relation *r)
{
	const argmap_relation *t = am_map_undercut_target(map, r);

	return t && t->kind == ARGMAP_REL_SUPPORT ? r->to.index : ARGMAP_NONE;
}

typedef struct arcs {
	size_t m, cap;
	size_t *from, *to, *rel;
} arcs;

static int add_arc(arcs *a, size_t from, size_t to, size_t rel)
{
	if (a->m == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		size_t *f = realloc(a->from, cap * sizeof *f);
		if (!f)
			return -1;
		a->from = f;
		f = realloc(a->to, cap * sizeof *f);
		if (!f)
			return -1;
		a->to = f;
		f = realloc(a->rel, cap * sizeof *f);
		if (!f)
			return -1;
		a->rel = f;
		a->cap = cap;
	}
	a->from[a->m] = from;
	a->to[a->m] = to;
	a->rel[a->m] = rel;
	a->m++;
	return 0;
}

static size_t new_vertex(am_fw *fw, am_fw_kind kind, size_t item, size_t node)
{
	size_t v = fw->n++;

	fw->kind[v] = (unsigned char)kind;
	fw->item[v] = item;
	fw->node[v] = node;
	return v;
}

/* Is relation r (its premises p[0..k)) in the framework? */
static int evaluated(const argmap_map *map, const argmap_relation *r, size_t k)
{
	if (!k)
		return 0;
	switch (r->kind) {
	case ARGMAP_REL_SUPPORT: return 1;
	case ARGMAP_REL_REBUT: return am_fw_rebut_target(map, r) != ARGMAP_NONE;
	case ARGMAP_REL_UNDERCUT: return undercut_target(map, r) != ARGMAP_NONE;
	default: return 0;
	}
}

int am_fw_build(am_fw *fw, const argmap_map *map)
{
	size_t nn = argmap_map_node_count(map), nr = argmap_map_relation_count(map);
	size_t cap = nn, i, j, k, maxp = 1;
	size_t *prem = NULL;
	arcs a;
	int rc = ARGMAP_ENOMEM;

	memset(fw, 0, sizeof *fw);
	memset(&a, 0, sizeof a);
	fw->n_nodes = nn;
	fw->n_rels = nr;
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		cap += 1 + r->n_from; /* S/R and the M's */
		if (r->n_from > maxp)
			maxp = r->n_from;
	}
	cap += nn; /* the N's */
	fw->kind = malloc(cap + 1);
	fw->item = malloc((cap + 1) * sizeof *fw->item);
	fw->node = malloc((cap + 1) * sizeof *fw->node);
	fw->rel_vertex = malloc((nr + 1) * sizeof *fw->rel_vertex);
	fw->nosup = malloc((nn + 1) * sizeof *fw->nosup);
	prem = malloc(maxp * sizeof *prem);
	if (!fw->kind || !fw->item || !fw->node || !fw->rel_vertex || !fw->nosup || !prem)
		goto done;
	for (i = 0; i < nr; i++)
		fw->rel_vertex[i] = ARGMAP_NONE;
	for (i = 0; i < nn; i++) {
		new_vertex(fw, AM_FW_NODE, i, ARGMAP_NONE);
		fw->nosup[i] = ARGMAP_NONE;
	}
	/* first pass: the relations' vertices and their premise chains */
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		size_t rv;
		k = am_fw_premises(map, r, prem);
		if (!evaluated(map, r, k))
			continue;
		if (r->kind != ARGMAP_REL_SUPPORT && k == 1) {
			fw->rel_vertex[i] = prem[0]; /* A(p) attacks directly */
			continue;
		}
		rv = new_vertex(fw, AM_FW_REL, i, ARGMAP_NONE);
		fw->rel_vertex[i] = rv;
		for (j = 0; j < k; j++) {
			size_t mv = new_vertex(fw, AM_FW_PREMISE, i, prem[j]);
			if (add_arc(&a, prem[j], mv, i) || add_arc(&a, mv, rv, i))
				goto done;
		}
	}
	/* second pass: supports -> N(c) -> A(c), rebuts, undercuts */
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		size_t rv = fw->rel_vertex[i], t;
		if (rv == ARGMAP_NONE)
			continue;
		if (r->kind == ARGMAP_REL_SUPPORT) {
			if (!is_target_node(map, &r->to, &t))
				continue;
			if (fw->nosup[t] == ARGMAP_NONE) {
				fw->nosup[t] = new_vertex(fw, AM_FW_NOSUP, t, ARGMAP_NONE);
				if (add_arc(&a, fw->nosup[t], t, ARGMAP_NONE))
					goto done;
			}
			if (add_arc(&a, rv, fw->nosup[t], i))
				goto done;
		} else if (r->kind == ARGMAP_REL_REBUT) {
			if (add_arc(&a, rv, am_fw_rebut_target(map, r), i))
				goto done;
		} else {
			size_t s = undercut_target(map, r);
			t = s < nr ? fw->rel_vertex[s] : ARGMAP_NONE;
			if (t != ARGMAP_NONE && add_arc(&a, rv, t, i))
				goto done;
		}
	}
	if (am_graph_from_arrays(&fw->att, fw->n, a.m, a.from, a.to, NULL) ||
	    am_graph_from_arrays(&fw->rev, fw->n, a.m, a.to, a.from, NULL))
		goto done;
	fw->arc_rel = a.rel;
	a.rel = NULL;
	rc = 0;
done:
	free(a.from);
	free(a.to);
	free(a.rel);
	free(prem);
	if (rc)
		am_fw_free(fw);
	return rc;
}

void am_fw_free(am_fw *fw)
{
	free(fw->kind);
	free(fw->item);
	free(fw->node);
	free(fw->rel_vertex);
	free(fw->nosup);
	free(fw->arc_rel);
	am_graph_free(&fw->att);
	am_graph_free(&fw->rev);
	memset(fw, 0, sizeof *fw);
}

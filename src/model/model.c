/*
 * model.c - argmap_map storage and the public read-only accessors.
 */
#include "model/model.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

void *am_model_grow(void **arr, size_t *n, size_t *cap, size_t size)
{
	char *p;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		p = realloc(*arr, nc * size);
		if (!p)
			return NULL;
		*arr = p;
		*cap = nc;
	}
	p = (char *)*arr + *n * size;
	memset(p, 0, size);
	(*n)++;
	return p;
}

static int rehash(argmap_map *m, size_t cap)
{
	am_id_entry *old = m->ids, *ids;
	size_t oldcap = m->capids, i;

	ids = calloc(cap, sizeof *ids);
	if (!ids)
		return -1;
	for (i = 0; i < oldcap; i++) {
		size_t j;
		if (!old[i].id)
			continue;
		for (j = am_hash_str(old[i].id) & (cap - 1); ids[j].id; j = (j + 1) & (cap - 1))
			;
		ids[j] = old[i];
	}
	free(old);
	m->ids = ids;
	m->capids = cap;
	return 0;
}

const am_id_entry *am_model_find_id(const argmap_map *m, const char *id)
{
	size_t j;

	if (!m->capids || !id)
		return NULL;
	for (j = am_hash_str(id) & (m->capids - 1); m->ids[j].id; j = (j + 1) & (m->capids - 1))
		if (strcmp(m->ids[j].id, id) == 0)
			return &m->ids[j];
	return NULL;
}

const am_id_entry *am_model_add_id(argmap_map *m, const char *id, argmap_item_kind kind,
                                   size_t index, argmap_loc loc, int *oom)
{
	const am_id_entry *old = am_model_find_id(m, id);
	size_t j;

	if (old)
		return old;
	if ((m->nids + 1) * 2 > m->capids && rehash(m, m->capids ? m->capids * 2 : 256) < 0) {
		*oom = 1;
		return NULL;
	}
	for (j = am_hash_str(id) & (m->capids - 1); m->ids[j].id; j = (j + 1) & (m->capids - 1))
		;
	m->ids[j].id = id;
	m->ids[j].kind = kind;
	m->ids[j].index = index;
	m->ids[j].loc = loc;
	m->nids++;
	return NULL;
}

static void resolve_ref(const argmap_map *m, argmap_ref *r)
{
	const am_id_entry *e = am_model_find_id(m, r->id);

	r->kind = e ? e->kind : ARGMAP_ITEM_NONE;
	r->index = e ? e->index : ARGMAP_NONE;
}

static void resolve_list(const argmap_map *m, const argmap_ref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		resolve_ref(m, (argmap_ref *)&refs[i]);
}

void am_model_resolve(argmap_map *m)
{
	size_t i;

	for (i = 0; i < m->nsources; i++)
		resolve_list(m, m->sources[i].authors, m->sources[i].n_authors);
	for (i = 0; i < m->nnodes; i++) {
		argmap_node *n = &m->nodes[i];
		resolve_list(m, n->by, n->n_by);
		resolve_list(m, n->sources, n->n_sources);
		if (n->speaker)
			resolve_list(m, n->speaker, 1);
	}
	for (i = 0; i < m->nrelations; i++) {
		argmap_relation *r = &m->relations[i];
		resolve_list(m, r->from, r->n_from);
		resolve_ref(m, &r->to);
		resolve_list(m, r->by, r->n_by);
		resolve_list(m, r->sources, r->n_sources);
	}
}

const char *am_model_path(const argmap_map *m, size_t file)
{
	return m && file < m->nfiles ? m->files[file].path : NULL;
}

void argmap_map_free(argmap_map *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nfiles; i++)
		free(m->file_keys ? m->file_keys[i] : NULL);
	free(m->file_keys);
	free(m->files);
	free(m->sources);
	free(m->actors);
	free(m->nodes);
	free(m->relations);
	free(m->ids);
	am_arena_free(&m->arena);
	free(m);
}

#define ACCESSORS(name, field, count, type)                                                        \
	size_t argmap_map_##name##_count(const argmap_map *m)                                      \
	{                                                                                          \
		return m ? m->count : 0;                                                           \
	}                                                                                          \
	const type *argmap_map_##name(const argmap_map *m, size_t i)                               \
	{                                                                                          \
		return m && i < m->count ? &m->field[i] : NULL;                                    \
	}

ACCESSORS(file, files, nfiles, argmap_file)
ACCESSORS(source, sources, nsources, argmap_source)
ACCESSORS(actor, actors, nactors, argmap_actor)
ACCESSORS(node, nodes, nnodes, argmap_node)
ACCESSORS(relation, relations, nrelations, argmap_relation)

argmap_item_kind argmap_map_find(const argmap_map *m, const char *id, size_t *index)
{
	const am_id_entry *e = m ? am_model_find_id(m, id) : NULL;

	if (index)
		*index = e ? e->index : ARGMAP_NONE;
	return e ? e->kind : ARGMAP_ITEM_NONE;
}

argmap_item_kind argmap_map_id_loc(const argmap_map *m, const char *id, argmap_loc *loc)
{
	const am_id_entry *e = m && id ? am_model_find_id(m, id) : NULL;

	if (loc) {
		if (e) {
			*loc = e->loc;
		} else {
			loc->file = ARGMAP_NONE;
			loc->line = loc->col = 0;
		}
	}
	return e ? e->kind : ARGMAP_ITEM_NONE;
}

const char *argmap_node_kind_name(argmap_node_kind k)
{
	static const char *const names[] = {"question", "claim", "evidence"};
	return (unsigned)k < 3 ? names[k] : "?";
}

const char *argmap_relation_kind_name(argmap_relation_kind k)
{
	static const char *const names[] = {"support", "rebut", "undercut", "answer"};
	return (unsigned)k < 4 ? names[k] : "?";
}

const char *argmap_stance_name(argmap_stance s)
{
	static const char *const names[] = {"", "yes", "no", "qualified"};
	return (unsigned)s < 4 ? names[s] : "?";
}

const char *argmap_basis_name(argmap_basis b)
{
	static const char *const names[] = {"source", "editor"};
	return (unsigned)b < 2 ? names[b] : "?";
}

const char *argmap_source_kind_name(argmap_source_kind k)
{
	static const char *const names[] = {"article",   "analysis",  "report", "book", "speech",
	                                    "interview", "statement", "web",    "other"};
	return (unsigned)k < 9 ? names[k] : "?";
}

const char *argmap_actor_kind_name(argmap_actor_kind k)
{
	static const char *const names[] = {"person", "organisation", "government", "group"};
	return (unsigned)k < 4 ? names[k] : "?";
}

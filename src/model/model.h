/*
 * model.h - the storage behind argmap_map (internal).
 *
 * Items live in growable arrays while a debate loads; every string and
 * reference array lives in the arena. Ids are kept in one hash table across
 * all files. After loading, the arrays never move again, so the pointers
 * the public accessors hand out stay valid until argmap_map_free.
 */
#ifndef AM_MODEL_H
#define AM_MODEL_H

#include "util/am_internal.h"
#include "util/arena.h"

typedef struct am_id_entry {
	const char *id;
	argmap_item_kind kind;
	size_t index;
	argmap_loc loc;
} am_id_entry;

struct argmap_map {
	am_arena arena;
	argmap_file *files;
	size_t nfiles, capfiles;
	char **file_keys; /* "dev:ino" of each file, to load each once */
	argmap_source *sources;
	size_t nsources, capsources;
	argmap_actor *actors;
	size_t nactors, capactors;
	argmap_node *nodes;
	size_t nnodes, capnodes;
	argmap_relation *relations;
	size_t nrelations, caprelations;
	am_id_entry *ids; /* open addressing, capacity a power of two */
	size_t nids, capids;
};

/* Grows an array of `size`-byte items to hold one more; returns the new
 * slot (zeroed) or NULL. */
void *am_model_grow(void **arr, size_t *n, size_t *cap, size_t size);

/* Registers an id. Returns NULL on success, the existing entry if the id is
 * taken (nothing is changed then), or sets *oom. */
const am_id_entry *am_model_add_id(argmap_map *m, const char *id, argmap_item_kind kind,
                                   size_t index, argmap_loc loc, int *oom);
const am_id_entry *am_model_find_id(const argmap_map *m, const char *id);

/* Resolves every reference of every item against the id table. */
void am_model_resolve(argmap_map *m);

/* The path of a file index, for diagnostics. */
const char *am_model_path(const argmap_map *m, size_t file);

#endif

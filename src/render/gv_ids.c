/*
 * gv_ids.c - argmap's deterministic id discipline for cgraph (gv_ids.h).
 */
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "render/gv_ids.h"
#include "util/hash.h"

/* cgraph's default id discipline uses the address of a name's interned
 * string as its id, and keeps subgraphs in id order: the order of clusters
 * (and so the layout, the SVG and -T dot) would depend on malloc. This one
 * numbers names in the order they are first used. Ids are even for named
 * objects and odd for anonymous ones, as in the default discipline. */
typedef struct id_state {
	Agraph_t *g;  /* the root: names live in its string pool */
	char **names; /* by index; id = 2 * (index + 1); pool strings, as
	                 agwrite reads their refstr header (HTML or not) */
	size_t n, cap;
	size_t *slots; /* open addressing: index + 1, 0 = empty */
	size_t nslots;
	IDTYPE anon;
} id_state;

static int id_grow(id_state *st)
{
	size_t ns = st->nslots ? st->nslots * 2 : 1024, i;
	size_t *slots = calloc(ns, sizeof *slots);

	if (!slots)
		return -1;
	for (i = 0; i < st->n; i++) {
		size_t h = am_hash_str(st->names[i]) & (ns - 1);
		while (slots[h])
			h = (h + 1) & (ns - 1);
		slots[h] = i + 1;
	}
	free(st->slots);
	st->slots = slots;
	st->nslots = ns;
	return 0;
}

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	id_state *st = calloc(1, sizeof *st);

	(void)disc;
	if (st) {
		st->g = g;
		st->anon = 1;
	}
	return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	id_state *st = state;
	size_t h;

	(void)objtype;
	if (!str) {
		*id = st->anon;
		st->anon += 2;
		return 1;
	}
	if (st->nslots) {
		for (h = am_hash_str(str) & (st->nslots - 1); st->slots[h];
		     h = (h + 1) & (st->nslots - 1))
			if (strcmp(st->names[st->slots[h] - 1], str) == 0) {
				*id = (IDTYPE)(2 * st->slots[h]);
				return 1;
			}
	}
	if (!createflag)
		return 0;
	if ((st->n + 1) * 2 > st->nslots && id_grow(st) != 0)
		return 0;
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 256;
		char **names = realloc(st->names, cap * sizeof *names);
		if (!names)
			return 0;
		st->names = names;
		st->cap = cap;
	}
	st->names[st->n] = agstrdup(st->g, str);
	if (!st->names[st->n])
		return 0;
	for (h = am_hash_str(str) & (st->nslots - 1); st->slots[h]; h = (h + 1) & (st->nslots - 1))
		;
	st->slots[h] = ++st->n;
	*id = (IDTYPE)(2 * st->n);
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 1;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	id_state *st = state;

	(void)objtype;
	if (id % 2 == 0 && id >= 2 && id / 2 <= st->n)
		return st->names[id / 2 - 1];
	return NULL;
}

static void id_close(void *state)
{
	id_state *st = state;

	/* the names go with the graph's string pool */
	free(st->names);
	free(st->slots);
	free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

Agiddisc_t am_gv_id_disc = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

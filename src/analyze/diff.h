/*
 * diff.h - the data behind argmap_diff (internal): diff.c computes it,
 * diff_format.c prints it. Strings are borrowed from the two maps (or the
 * two evaluations the struct owns); arrays are owned by the struct.
 */
#ifndef AM_ANALYZE_DIFF_H
#define AM_ANALYZE_DIFF_H

#include <stddef.h>

#include "argmap/diff.h"
#include "argmap/eval.h"

typedef enum am_diff_what {
	AM_DIFF_ADDED,
	AM_DIFF_REMOVED,
	AM_DIFF_CHANGED,
	AM_DIFF_RENAMED /* nodes only: same kind and text, another id */
} am_diff_what;

/* One attribute that differs: a scalar (old_s/new_s, NULL = absent) or a
 * set of ids or tags, sorted (old_set/new_set; the arrays are owned). */
typedef struct am_diff_field {
	const char *name; /* "text", "quote", "holders", "premises", ... */
	int is_set;
	const char *old_s, *new_s;
	const char **old_set, **new_set;
	size_t n_old, n_new;
} am_diff_field;

typedef struct am_diff_entry {
	am_diff_what what;
	int relation;        /* 0: a node, 1: a relation */
	size_t old_i, new_i; /* index in each map; ARGMAP_NONE where absent */
	am_diff_field *fields;
	size_t n_fields;
} am_diff_entry;

typedef struct am_diff_label {
	size_t old_i, new_i; /* node indices */
	argmap_label old_l, new_l;
} am_diff_label;

struct argmap_diff {
	const argmap_map *a, *b; /* old, new */
	am_diff_entry *e;
	size_t n, cap;
	am_diff_label *labels;
	size_t n_labels;
	argmap_eval_result *ea, *eb; /* NULL if evaluation failed */
	/* renames, sorted by old id: old id -> new id (borrowed) */
	const char **ren_old, **ren_new;
	size_t n_ren;
	char *old_name, *new_name; /* argmap_diff_set_names; NULL: the path */
};

/* What the diff calls the old (which 0) or new (1) version. */
const char *am_diff_version_name(const argmap_diff *d, int which);

/* The id `id` of the old map reads as in the new one (renames applied). */
const char *am_diff_new_id(const argmap_diff *d, const char *id);

#endif

/*
 * argmap/diff.h - `argmap diff OLD NEW`: what changed between two versions
 * of a map or a debate.
 *
 * Questions, claims and evidence are matched by id across the whole
 * debate; relations by id, and those without an id (or whose id matches
 * nothing) by their kind, sorted premises and conclusion. An item is
 * changed when its kind, text or quote, a claim's title, holders (by=, an
 * evidence's speaker), sources or tags differ (a relation: its premises,
 * conclusion, stance, holders, sources or basis); the loader folds white
 * space, so reflowed text, reordered elements and comments are no change.
 * A removed node and an added node of the same kind and text are reported
 * as a likely rename, and the relations are compared with the old id read
 * as the new one. The grounded labelling (argmap/eval.h) of both versions is
 * compared too: the claims whose label changed, with both explanations.
 * Time and memory are linear in the two debates, but for sorting.
 */
#ifndef ARGMAP_DIFF_H
#define ARGMAP_DIFF_H

#include "common.h"
#include "eval.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct argmap_diff argmap_diff;

/** Compares `old_map` with `new_map`. On success *out is the caller's
 *  (argmap_diff_free); it borrows ids and texts from both maps, which must
 *  outlive it. Returns 0, ARGMAP_ENOMEM or ARGMAP_EARG (NULL arguments). */
ARGMAP_API int argmap_diff_compute(const argmap_map *old_map, const argmap_map *new_map,
                                   argmap_diff **out);

ARGMAP_API void argmap_diff_free(argmap_diff *diff);

/** How many items were added, removed, changed or renamed, plus how many
 *  claims changed label: 0 when the versions are the same. */
ARGMAP_API size_t argmap_diff_count(const argmap_diff *diff);

/** Names the two versions in what is made of the diff from now on (the
 *  text's ---/+++ lines, the JSON's "old" and "new", a union's title
 *  block) instead of the paths of their files, as `diff --label` does:
 *  "c2f9078^" for a file taken out of git into a scratch folder. Either
 *  name may be NULL (that version's path). The names are copied. Returns
 *  0, ARGMAP_EARG (diff NULL) or ARGMAP_ENOMEM (nothing changed). */
ARGMAP_API int argmap_diff_set_names(argmap_diff *diff, const char *old_name, const char *new_name);

/** The diff as text for a review (one block per item, "-" old and "+" new
 *  values), or as JSON (pretty; schema in docs/analysis.md). The caller
 *  frees with free(); NULL when out of memory. */
ARGMAP_API char *argmap_diff_format_text(const argmap_diff *diff);
ARGMAP_API char *argmap_diff_format_json(const argmap_diff *diff);

/** How an item of the union (argmap_diff_union) differs between the two
 *  versions. */
typedef enum argmap_change {
	ARGMAP_CHANGE_NONE = 0, /* in both, the same */
	ARGMAP_CHANGE_ADDED,    /* only in the new version */
	ARGMAP_CHANGE_REMOVED,  /* only in the old version (or, a relation: where it
	                           was before it was retargeted) */
	ARGMAP_CHANGE_CHANGED,  /* in both, with another text, quote, holders, sources,
	                           tags, premises, conclusion, ... */
	ARGMAP_CHANGE_RENAMED   /* a node: the same kind and text under another id */
} argmap_change;

/**
 * Both versions as one ordinary map, for drawing a diff (render option
 * `diff`, argmap/render.h): every node and relation of the new version at
 * its own index (so items keep their ids and places), then the removed
 * nodes and relations of the old one (a removed id that the new version
 * uses for something else gets "~old" appended); a relation whose
 * premises or conclusion changed is there twice: changed, where it is now,
 * and removed, where it was. The old version's sources and actors that the
 * new one lacks come along for the removed items. File 0 is the new
 * version's, with a description naming both versions and the counts.
 *
 * Per item its change, and a plain-text detail of what changed (lines
 * separated by '\n': "text was: ...", "holders were: ann",
 * "renamed from old-id"; NULL when there is nothing to say). old_label /
 * new_label are the grounded labels of the claims whose label changed
 * (ARGMAP_LABEL_NONE elsewhere). Everything is owned by the union and
 * freed with argmap_diff_union_free; texts are borrowed from the two maps
 * of the diff, which must outlive it.
 */
typedef struct argmap_diff_union {
	const argmap_map *map;
	const argmap_change *node_change;     /* [argmap_map_node_count(map)] */
	const argmap_change *relation_change; /* [argmap_map_relation_count(map)] */
	const char *const *node_detail;
	const char *const *relation_detail;
	const argmap_label *old_label, *new_label; /* per node */
	const char *const *label_detail;           /* per node whose label changed: "before: the
	                                              old explanation\nnow: the new one"; NULL
	                                              elsewhere */
	const char *old_path, *new_path;           /* file 0 of each version, or
	                                              the names argmap_diff_set_names
	                                              gave (copies, the union's) */
	size_t n_added, n_removed, n_changed, n_renamed, n_relabelled; /* nodes and
	                                              relations; claims (relabelled) */
} argmap_diff_union;

/** Builds the union of the diff's two versions. *out is the caller's
 *  (argmap_diff_union_free). Returns 0, ARGMAP_ENOMEM or ARGMAP_EARG. */
ARGMAP_API int argmap_diff_union_build(const argmap_diff *diff, argmap_diff_union **out);

ARGMAP_API void argmap_diff_union_free(argmap_diff_union *u);

#ifdef __cplusplus
}
#endif
#endif

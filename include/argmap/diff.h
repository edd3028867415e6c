/*
 * argmap/diff.h - `argmap diff OLD NEW`: what changed between two versions
 * of a map or a debate.
 *
 * Questions, claims and evidence are matched by id across the whole
 * debate; relations by id, and those without an id (or whose id matches
 * nothing) by their kind, sorted premises and conclusion. An item is
 * changed when its kind, text or quote, holders (by=, an evidence's
 * speaker), sources or tags differ (a relation: its premises, conclusion,
 * stance, holders, sources or basis); the loader folds white space, so
 * reflowed text, reordered elements and comments are no change. A removed
 * node and an added node of the same kind and text are reported as a
 * likely rename, and the relations are compared with the old id read as
 * the new one. The grounded labelling (argmap/eval.h) of both versions is
 * compared too: the claims whose label changed, with both explanations.
 * Time and memory are linear in the two debates, but for sorting.
 */
#ifndef ARGMAP_DIFF_H
#define ARGMAP_DIFF_H

#include "common.h"
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

/** The diff as text for a review (one block per item, "-" old and "+" new
 *  values), or as JSON (pretty; schema in docs/analysis.md). The caller
 *  frees with free(); NULL when out of memory. */
ARGMAP_API char *argmap_diff_format_text(const argmap_diff *diff);
ARGMAP_API char *argmap_diff_format_json(const argmap_diff *diff);

#ifdef __cplusplus
}
#endif
#endif

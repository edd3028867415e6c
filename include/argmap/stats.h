/*
 * argmap/stats.h - `argmap stats`: what a map or a debate holds, and how its
 * argument is built.
 *
 * For the debate (file 0 and everything it imports) and for each file:
 * counts of every item and relation kind (linked supports, editor's links);
 * per actor, the claims held, attacks made and received, evidence cited
 * for their claims and times quoted; per source, the claims and quotes
 * citing it; the most attacked and most supported claims; the longest
 * chain of supports; each question's answers by stance; the claims nothing
 * supports, those resting on no evidence, and those whose evidence all
 * comes from one source. docs/analysis.md defines every number and the
 * JSON schema. Time and memory are linear in the debate's size, but for
 * sorting (n log n).
 */
#ifndef ARGMAP_STATS_H
#define ARGMAP_STATS_H

#include "common.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct argmap_stats argmap_stats;

/** Computes the statistics of `map`. On success *out is the caller's
 *  (argmap_stats_free); it borrows the map's ids and texts, so the map must
 *  outlive it. Returns 0, ARGMAP_ENOMEM or ARGMAP_EARG (NULL arguments). */
ARGMAP_API int argmap_stats_compute(const argmap_map *map, argmap_stats **out);

ARGMAP_API void argmap_stats_free(argmap_stats *stats);

/** The statistics as text for a terminal (several lines, each ending in a
 *  newline), or as JSON (pretty, schema in docs/analysis.md). The caller
 *  frees the string with free(); NULL when out of memory. */
ARGMAP_API char *argmap_stats_format_text(const argmap_stats *stats);
ARGMAP_API char *argmap_stats_format_json(const argmap_stats *stats);

#ifdef __cplusplus
}
#endif
#endif

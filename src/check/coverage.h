/*
 * coverage.h - what evidence lies beneath each node (internal): the facts
 * behind the evidence-coverage checks (AM801-AM804, coverage.c) and the
 * statistics (analyze/stats.c), computed once on the support graph.
 *
 * "Beneath" follows supports from conclusion to premises, any number of
 * steps: evidence is beneath itself, and beneath every claim it supports
 * directly or through other claims (linked premises count one by one).
 * Supports are acyclic in a correct map (AM205); a cycle is not an error
 * here: its nodes share what lies beneath any of them. Time and memory are
 * linear in nodes + premises (one SCC pass over model/graph.h).
 */
#ifndef AM_CHECK_COVERAGE_H
#define AM_CHECK_COVERAGE_H

#include <stddef.h>

#include "argmap/map.h"

/* Values of am_coverage.source. */
#define AM_COV_NO_SOURCE ((size_t)-1) /* no evidence beneath, or none with a known source */
#define AM_COV_MANY ((size_t)-2)      /* evidence beneath from two or more sources */

/* Who the evidence beneath a node quotes: up to AM_COV_MAX_QUOTED actors
 * are named; past that, or when some evidence quotes nobody known (no
 * speaker, and a source without authors), n_quoted is AM_COV_Q_OTHER. */
#define AM_COV_MAX_QUOTED 4
#define AM_COV_Q_OTHER 255

/* Indexed like the map's nodes; owned by the struct (am_coverage_free). */
typedef struct am_coverage {
	size_t n;
	unsigned char *has_evidence; /* 1: some evidence is beneath the node */
	size_t *source;              /* the one source index all that evidence cites, or AM_COV_* */
	size_t n_evidence_sources;   /* distinct sources cited by the debate's evidence */
	unsigned char *n_quoted;     /* per node: how many actors in quoted, or AM_COV_Q_OTHER */
	size_t *quoted;              /* node v's actors: quoted[v * AM_COV_MAX_QUOTED + i] */
} am_coverage;

/* Fills `c` for `map`. Returns 0, or ARGMAP_ENOMEM (c is then empty). */
int am_coverage_build(am_coverage *c, const argmap_map *map);

/* Frees what `c` owns and zeroes it; a zeroed struct is fine. */
void am_coverage_free(am_coverage *c);

#endif

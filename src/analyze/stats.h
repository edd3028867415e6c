/*
 * stats.h - the data behind argmap_stats (internal): stats.c computes it,
 * stats_format.c prints it as text and JSON. Every array is owned by the
 * struct; ids and texts are borrowed from the map.
 */
#ifndef AM_ANALYZE_STATS_H
#define AM_ANALYZE_STATS_H

#include <stddef.h>

#include "argmap/stats.h"
#include "check/coverage.h"

/* How many of each kind, in one file or in the whole debate. */
typedef struct am_stats_counts {
	size_t questions, claims, evidence, sources, actors;
	size_t supports, linked_supports, rebuts, undercuts, answers;
	size_t editor[4]; /* editor's links (basis="editor"), by argmap_relation_kind */
	size_t editor_links;
} am_stats_counts;

/* How many claims the top lists name at most. */
#define AM_STATS_TOP 5

struct argmap_stats {
	const argmap_map *map;
	am_stats_counts total;
	am_stats_counts *per_file; /* argmap_map_file_count entries */
	/* per actor (indexed like the map's actors) */
	size_t *claims_held, *attacks_made, *attacks_received, *evidence_cited, *quoted;
	/* per source */
	size_t *source_claims, *source_quotes;
	/* per node: supports of it; rebuttals of it plus undercuts of its supports */
	size_t *supports_in, *attacks_in;
	/* per node, questions only: answers by argmap_stance */
	size_t (*answers)[4];
	/* top lists: node indices, best first (ties in declaration order) */
	size_t most_attacked[AM_STATS_TOP], n_most_attacked;
	size_t most_supported[AM_STATS_TOP], n_most_supported;
	/* the longest chain of supports, bottom premise first: chain_len nodes,
	 * chain_len - 1 supports (0 nodes when there is no support) */
	size_t *chain, chain_len;
	/* claims: supported by nothing; resting on no evidence; all evidence
	 * from one source (single_source_of[i] is that source) */
	size_t *unsupported, n_unsupported;
	size_t *no_evidence, n_no_evidence;
	size_t *single_source, *single_source_of, n_single_source;
};

#endif

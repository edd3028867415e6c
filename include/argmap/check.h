/*
 * argmap/check.h - the semantic checks behind `argmap check`.
 *
 * The loader already reports what the schema and the id resolution find
 * (malformed XML, unknown elements and attributes, duplicate and unknown
 * ids). argmap_check adds the rules that need the whole debate: references
 * to the wrong kind of item, self-support and support cycles, items
 * connected to nothing, empty texts, unused sources and actors, claims with
 * no attribution, malformed dates and URLs, (with quote_texts_dir)
 * quotes that do not appear verbatim in their source's text, and the
 * evidence-coverage group (AM801-AM806: claims and attacks that rest on no
 * evidence, or on one source, or on their holders' own words; sources with
 * no URL or date; relations declared twice), unless switched off.
 *
 * Only items declared in the debate's file 0 and its imports are checked;
 * diagnostics go to `diags`; the map is not changed.
 */
#ifndef ARGMAP_CHECK_H
#define ARGMAP_CHECK_H

#include "common.h"
#include "diag.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct argmap_check_options {
	unsigned int version; /* ARGMAP_CHECK_OPTIONS_VERSION */
	/** Folders holding the full texts of sources, separated by ':' and
	 *  searched in order (see docs/format.md, "Verifying quotes"). NULL:
	 *  quotes are not verified, and one note says so. A source whose text
	 *  is in none of them gets a note (AM602), never a silent pass. */
	const char *quote_texts_dir;
	/** ARGMAP_CHECK_* flags, or'ed; 0 runs every rule. */
	unsigned int flags;
} argmap_check_options;

/** Leave out the evidence-coverage group (AM801-AM806). */
#define ARGMAP_CHECK_NO_COVERAGE 1u

#define ARGMAP_CHECK_OPTIONS_VERSION 2
#define ARGMAP_CHECK_OPTIONS_INIT {ARGMAP_CHECK_OPTIONS_VERSION, NULL, 0}

/** Set *opts to the defaults of this `version` (ARGMAP_CHECK_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_check_options_init(argmap_check_options *opts, unsigned int version);

/** Run every semantic rule. Returns 0, or ARGMAP_ENOMEM / ARGMAP_EARG (NULL
 *  arguments, options of an unknown version). `opts` may be NULL. */
ARGMAP_API int argmap_check(const argmap_map *map, const argmap_check_options *opts,
                            argmap_diags *diags);

#ifdef __cplusplus
}
#endif
#endif

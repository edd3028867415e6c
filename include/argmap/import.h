/*
 * argmap/import.h - maps from other tools' formats: AIF JSON (AIFdb, OVA,
 * the public argument corpora; also xAIF, which wraps it) into argmap XML.
 *
 * An import turns the input into the text of one argmap map, which the
 * caller then loads with argmap_map_load_memory and checks with
 * argmap_check like any other map, and writes (argmap_write_file_atomic)
 * only when it checks clean: `argmap import` does exactly that. The
 * mapping, and what it cannot keep, is in docs/interop.md ("AIF").
 *
 * The input is untrusted. It is read with the map reader's limits (a
 * regular file, 8 MiB), must be UTF-8 JSON with no duplicate keys, at
 * most `max_depth` levels deep and `max_values` values, and at most
 * `max_items` AIF nodes, edges, locutions and participants. Time and
 * memory are linear in its size (the ids are sorted once: n log n in the
 * number of nodes). Every AIF node that cannot be mapped, and every
 * change made to a text, is a diagnostic (AM851-AM860 in
 * docs/diagnostics.md); nothing is dropped silently.
 *
 * Conventions are those of argmap/common.h: 0 or a negative argmap_status,
 * problems in the input go to `diags`, the caller owns what it is handed,
 * and the library never prints and never exits.
 */
#ifndef ARGMAP_IMPORT_H
#define ARGMAP_IMPORT_H

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Import settings. Start from ARGMAP_IMPORT_OPTIONS_INIT or
 *  argmap_import_options_init(); 0 in a limit means its default. */
typedef struct argmap_import_options {
	unsigned int version;  /* ARGMAP_IMPORT_OPTIONS_VERSION */
	size_t max_file_bytes; /* 0 = default (8 MiB, as for maps) */
	size_t max_items;      /* AIF nodes + edges + locutions + participants;
	                          0 = default (100000, as for maps) */
	size_t max_values;     /* JSON values of any kind; 0 = default (1000000) */
	unsigned max_depth;    /* JSON nesting of arrays and objects; 0 = default (32) */
} argmap_import_options;

#define ARGMAP_IMPORT_OPTIONS_VERSION 1
#define ARGMAP_IMPORT_OPTIONS_INIT {ARGMAP_IMPORT_OPTIONS_VERSION, 0, 0, 0, 0}

/** Set *opts to the defaults of this `version` (ARGMAP_IMPORT_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_import_options_init(argmap_import_options *opts, unsigned int version);

/**
 * Convert the AIF JSON file at `path` into argmap XML.
 *
 * On success returns 0 and sets *xml to a malloc'd, NUL-terminated UTF-8
 * buffer of *len bytes (the NUL not counted) that the caller frees with
 * free(); the diagnostics then hold only warnings and notes about what
 * could not be kept. On failure *xml is NULL, *len 0, and it returns
 * ARGMAP_EIO (unreadable: AM001, AM003), ARGMAP_ELIMIT (a limit: AM002,
 * AM852, AM859), ARGMAP_EINVALID (not JSON, or not AIF: AM851, AM854,
 * with diagnostics), ARGMAP_ENOMEM, or ARGMAP_EARG (NULL arguments,
 * options of an unknown version). `opts` may be NULL (the defaults);
 * `diags` may not.
 */
ARGMAP_API int argmap_import_aif(const char *path, const argmap_import_options *opts,
                                 argmap_diags *diags, char **xml, size_t *len);

/** The same from memory; `name` names the input in diagnostics and in the
 *  imported map's source. */
ARGMAP_API int argmap_import_aif_memory(const char *name, const char *data, size_t size,
                                        const argmap_import_options *opts, argmap_diags *diags,
                                        char **xml, size_t *len);

#ifdef __cplusplus
}
#endif
#endif

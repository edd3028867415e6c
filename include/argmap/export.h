/*
 * argmap/export.h - a map (or one view of it) as text other tools read:
 * argmap's own JSON, AIF JSON (AIFdb, OVA), Argdown and GraphML.
 *
 * Every export is built in memory from the model through the one walker,
 * so an export of a view (--focus, --tag, --hide evidence) holds exactly
 * what the drawing of that view shows. Output is deterministic: the same
 * map and options give byte-identical bytes. What each format keeps and
 * loses is in docs/interop.md.
 *
 * DOT is not produced here: libargmap does not link Graphviz, and the DOT
 * argmap lays out is the renderer's (argmap_render with ARGMAP_RENDER_DOT,
 * in libargmap-render). ARGMAP_EXPORT_DOT exists so that programs and the
 * command line name all formats in one list; argmap_export refuses it
 * with ARGMAP_EARG.
 *
 * Conventions are those of argmap/common.h: 0 or a negative argmap_status,
 * problems in the map go to `diags`, the caller owns what it is handed,
 * and the library never prints and never exits.
 */
#ifndef ARGMAP_EXPORT_H
#define ARGMAP_EXPORT_H

#include "common.h"
#include "diag.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum argmap_export_format {
	ARGMAP_EXPORT_JSON = 0, /* argmap JSON: the whole model (docs/argmap-json.schema.json) */
	ARGMAP_EXPORT_AIF,      /* AIF JSON: nodes, edges, locutions (AIFdb, OVA) */
	ARGMAP_EXPORT_ARGDOWN,  /* Argdown text */
	ARGMAP_EXPORT_GRAPHML,  /* GraphML with typed data keys */
	ARGMAP_EXPORT_DOT       /* the renderer's DOT: use argmap_render */
} argmap_export_format;

/** Export settings. Start from ARGMAP_EXPORT_OPTIONS_INIT or
 *  argmap_export_options_init(). The strings are borrowed for the call.
 *  The view fields mean what they mean in argmap_render_options. */
typedef struct argmap_export_options {
	unsigned int version;        /* ARGMAP_EXPORT_OPTIONS_VERSION */
	argmap_export_format format;
	const char *focus;           /* a node id: only its neighbourhood; several ids
	                                separated by spaces: the union; NULL: all */
	unsigned depth;              /* with focus: how many relations away (default 2) */
	const char *tag;             /* only nodes carrying this tag, and what they need
	                                to stay connected; NULL: no filter */
	int hide_evidence;           /* 1: leave evidence out */
	const char *const *actors;   /* actor ids (n_actors of them): the actor view of
	                                argmap_render_options (every claim they hold,
	                                every quote of theirs, and what directly
	                                supports, rebuts, undercuts or answers those);
	                                NULL: none */
	size_t n_actors;
	/* Later versions add fields here. */
} argmap_export_options;

#define ARGMAP_EXPORT_OPTIONS_VERSION 1
#define ARGMAP_EXPORT_OPTIONS_INIT                                                         \
	{ARGMAP_EXPORT_OPTIONS_VERSION, ARGMAP_EXPORT_JSON, NULL, 2, NULL, 0, NULL, 0}

/** Set *opts to the defaults of this `version` (ARGMAP_EXPORT_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_export_options_init(argmap_export_options *opts, unsigned int version);

/**
 * Export `map` (or the view `opts` asks for) as opts->format into memory.
 *
 * On success returns 0 and sets *out to a malloc'd, NUL-terminated buffer
 * of *len bytes (the NUL not counted); the caller frees it with free().
 * On failure returns a negative argmap_status and sets *out to NULL and
 * *len to 0:
 *   ARGMAP_EARG      NULL arguments, options of an unknown version, an
 *                    unknown format, or ARGMAP_EXPORT_DOT (see above);
 *   ARGMAP_EINVALID  the view names an unknown node or selects nothing
 *                    (AM711, AM712 in `diags`);
 *   ARGMAP_ENOMEM    out of memory.
 * A view that leaves something out adds the note AM713. Diagnostics name
 * file 0 of the map; `diags` may be NULL. Export only a map whose check
 * found no errors: the exporters trust the model's references. `opts` may
 * be NULL (the whole map as JSON). Time and memory are linear in the size
 * of the map. Thread-safe for distinct maps, and for one map read by
 * several threads.
 */
ARGMAP_API int argmap_export(const argmap_map *map, const argmap_export_options *opts,
                             argmap_diags *diags, char **out, size_t *len);

/** The name of a format: "json", "aif", "argdown", "graphml", "dot".
 *  Static storage; NULL for a value outside the enum. */
ARGMAP_API const char *argmap_export_format_name(argmap_export_format format);

/** The usual file name extension of a format, without the dot: "json",
 *  "aif.json", "argdown", "graphml", "dot". Static storage; NULL for a
 *  value outside the enum. */
ARGMAP_API const char *argmap_export_format_ext(argmap_export_format format);

/** Parse a format name ("json", "aif", "argdown" or "ad", "graphml",
 *  "dot" or "gv", any case) into *format. Returns 0, or ARGMAP_EARG if
 *  the name is unknown. */
ARGMAP_API int argmap_export_format_parse(const char *name, argmap_export_format *format);

/** The format a file name asks for, from its extension: ".aif.json" is
 *  AIF, ".json" argmap JSON, ".argdown"/".ad" Argdown, ".graphml" GraphML,
 *  ".dot"/".gv" DOT (any case). Returns 0, or ARGMAP_EARG when the name
 *  does not tell. */
ARGMAP_API int argmap_export_format_from_path(const char *path, argmap_export_format *format);

#ifdef __cplusplus
}
#endif
#endif

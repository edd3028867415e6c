/*
 * argmap/common.h - export macro, status codes, last-error message, version,
 * and the rule for option structs.
 *
 * Conventions for the whole public API:
 *  - Functions that can fail return int: 0 on success, a negative
 *    argmap_status on failure. After a failure, argmap_error_last() holds a
 *    one-line message for this thread until the next failing call.
 *  - Problems *in the input* (a malformed map, an unknown id) are not
 *    failures of the call: they are appended to an argmap_diags list and the
 *    call still succeeds wherever it could do its work.
 *  - Whoever calls *_new or *_load owns the result and frees it with the
 *    matching *_free. Pointers returned by accessors are borrowed: they stay
 *    valid until their owner is freed.
 *  - The library never prints and never exits.
 *  - Option structs (argmap_load_options, argmap_check_options,
 *    argmap_render_options) start with `unsigned int version`. Initialise
 *    them with ARGMAP_<X>_OPTIONS_INIT or argmap_<x>_options_init(&o,
 *    ARGMAP_<X>_OPTIONS_VERSION), then set fields: a program built against
 *    older headers keeps working when the struct grows. A function given a
 *    struct with an unknown version fails with ARGMAP_EARG. NULL options
 *    mean the defaults.
 */
#ifndef ARGMAP_COMMON_H
#define ARGMAP_COMMON_H

#include <stddef.h>

#include "argmap/version.h" /* generated: in the build tree, beside the others when installed */

/* ARGMAP_API marks the functions libargmap and libargmap-render export.
 * The libraries are built with hidden visibility, so anything without it
 * (every internal am_* function) stays out of the dynamic symbol table. */
#ifndef ARGMAP_API
#if defined(__GNUC__) || defined(__clang__)
#define ARGMAP_API __attribute__((visibility("default")))
#else
#define ARGMAP_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Index value meaning "no such item". */
#define ARGMAP_NONE ((size_t)-1)

typedef enum argmap_status {
	ARGMAP_OK = 0,
	ARGMAP_EINVALID = -1, /* the input has errors; see the diagnostics */
	ARGMAP_EIO = -2,      /* a file could not be read or written */
	ARGMAP_ENOMEM = -3,   /* out of memory */
	ARGMAP_ELIMIT = -4,   /* a documented size limit was exceeded */
	ARGMAP_EARG = -5,     /* a caller passed an invalid argument */
	ARGMAP_ERENDER = -6,  /* Graphviz failed to lay out or render */
	ARGMAP_EINTERNAL = -7 /* a bug in argmap */
} argmap_status;

/** The message of the last failing call in this thread ("" if none).
 *  Borrowed: valid until the next argmap call in this thread. */
ARGMAP_API const char *argmap_error_last(void);

/** The version of the library in use at run time, e.g. "0.1.0" (compare
 *  with ARGMAP_VERSION_STRING, the headers' version). Static storage. */
ARGMAP_API const char *argmap_version(void);

/** Releases argmap's process-wide state (the compiled schema; libxml2 itself
 *  is left to the program, which may call xmlCleanupParser before exit).
 *  Call at most once, just before the process exits, when no other thread
 *  uses argmap; no argmap function may be called afterwards. Optional: it
 *  only keeps leak checkers quiet. */
ARGMAP_API void argmap_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif

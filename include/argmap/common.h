/*
 * argmap/common.h - status codes, last-error message, version.
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
 */
#ifndef ARGMAP_COMMON_H
#define ARGMAP_COMMON_H

#include <stddef.h>

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
const char *argmap_error_last(void);

/** The library version, e.g. "0.1.0". Static storage. */
const char *argmap_version(void);

/** Releases argmap's process-wide state (the compiled schema; libxml2 itself
 *  is left to the program, which may call xmlCleanupParser before exit).
 *  Call at most once, just before the process exits, when no other thread
 *  uses argmap; no argmap function may be called afterwards. Optional: it
 *  only keeps leak checkers quiet. */
void argmap_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif

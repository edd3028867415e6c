/*
 * am_internal.h - declarations shared inside libargmap (never installed).
 * Everything here is prefixed am_ and may change at any time.
 */
#ifndef AM_INTERNAL_H
#define AM_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "argmap/argmap.h"

#if defined(__GNUC__)
#define AM_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define AM_PRINTF(fmt, args)
#endif

/* Records a failure message for argmap_error_last() and returns `status`,
 * so callers can write `return am_fail(ARGMAP_EIO, "...", ...);`. */
int am_fail(int status, const char *fmt, ...) AM_PRINTF(2, 3);

/* Checks the version field of an option struct: 0 when it is `want`,
 * otherwise ARGMAP_EARG with a message naming `what` ("argmap_load_options")
 * in argmap_error_last(). */
int am_check_version(unsigned int got, unsigned int want, const char *what);

/* The body of argmap_<what>_init: checks opts and the version, then copies
 * `size` bytes of the defaults `init` into opts. Returns 0 or ARGMAP_EARG
 * (with a message). */
int am_options_init(void *opts, const void *init, size_t size, unsigned int got, unsigned int want,
                    const char *what);

/* Adds a formatted diagnostic; returns its index or ARGMAP_NONE. */
size_t am_diag(argmap_diags *diags, argmap_severity sev, const char *code, const char *file,
               unsigned line, unsigned col, const char *hint, const char *fmt, ...) AM_PRINTF(8, 9);
/* The same with a va_list, for functions that wrap it (ap is consumed). */
size_t am_diag_v(argmap_diags *diags, argmap_severity sev, const char *code, const char *file,
                 unsigned line, unsigned col, const char *hint, const char *fmt, va_list ap)
    AM_PRINTF(8, 0);

/* Defaults for argmap_load_options fields left at 0. */
#define AM_DEFAULT_MAX_FILE_BYTES ((size_t)8 * 1024 * 1024)
#define AM_DEFAULT_MAX_ITEMS ((size_t)100000)
#define AM_DEFAULT_MAX_FILES ((size_t)256)
#define AM_DEFAULT_MAX_TEXT_CHARS ((size_t)20000)

#endif

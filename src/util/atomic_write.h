/*
 * atomic_write.h - publish bytes as a file so that a failure at any stage
 * leaves the old file as it was and no temporary file behind (facts note
 * section 6): temp file in the same directory, full write, fsync, close,
 * rename, fsync of the directory (atomic_write.c). Generic: no diagnostics,
 * no messages; the caller words the failure.
 */
#ifndef AM_UTIL_ATOMIC_WRITE_H
#define AM_UTIL_ATOMIC_WRITE_H

#include <stddef.h>

/* What failed: the step ("creating a temporary file", "writing", "fsync",
 * "close", "rename"; NULL when out of memory) and its errno. Static
 * strings. */
typedef struct am_atomic_error {
	const char *step;
	int err;
} am_atomic_error;

/* Writes data[0..len) to `path` atomically. The file gets mode
 * 0666 & ~umask (mkstemp would give 0600). SIGXFSZ is blocked while
 * writing, so a file size limit fails the write with EFBIG instead of
 * killing the process. Returns 0, or -1 with *e filled in. */
int am_atomic_write(const char *path, const void *data, size_t len, am_atomic_error *e);

/* Removes the temporary file of every am_atomic_write in progress in this
 * process. Async-signal-safe (unlink only): for a signal handler of the
 * program, which then ends; the writes it interrupts must not go on. */
void am_atomic_cleanup(void);

#endif

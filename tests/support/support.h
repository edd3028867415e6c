/*
 * support.h - helpers shared by the test programs.
 */
#ifndef ARGMAP_TEST_SUPPORT_H
#define ARGMAP_TEST_SUPPORT_H

#include <stddef.h>

#include "argmap/argmap.h"

/* The namespace line every test map starts with. */
#define TS_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<argmap xmlns=\"urn:argmap:1\" version=\"1\">\n"
#define TS_TAIL "</argmap>\n"

/* TS_UNDER_ASAN is defined in an AddressSanitizer build. Such builds run
 * 3-5 times slower (Debug, -O0, instrumented) on a shared 2-core CI
 * machine, so every timeout and time limit that guards against a hang or
 * against work that grows faster than its input is multiplied by TS_SLOW:
 * the guards catch orders of magnitude, not speed. */
#if defined(__SANITIZE_ADDRESS__)
#define TS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TS_UNDER_ASAN 1
#endif
#endif
#ifdef TS_UNDER_ASAN
#define TS_SLOW 4
#else
#define TS_SLOW 1
#endif

/* A fresh temporary directory (removed by ts_rmtree); caller frees. */
char *ts_tmpdir(void);
void ts_rmtree(const char *dir);

/* Writes len bytes (len == (size_t)-1: strlen) to dir/name; returns the
 * path (caller frees). Aborts the test on failure. */
char *ts_write(const char *dir, const char *name, const char *data, size_t len);
/* The same, when the caller does not need the path. */
void ts_put(const char *dir, const char *name, const char *data, size_t len);
/* Reads a whole file (caller frees), NULL if it cannot; *len if non-NULL. */
char *ts_read(const char *path, size_t *len);

/* Loads XML text as a map (through a temp file, so imports work),
 * checks it, and returns the diagnostics (caller frees). */
argmap_diags *ts_check_text(const char *xml);
/* ts_check_text of TS_HEAD body TS_TAIL: the elements of a map's root. */
argmap_diags *ts_check_body(const char *body);
/* Same, from an existing path; quotes verified against `sources` if set. */
argmap_diags *ts_check_file(const char *path, const char *sources);

/* Number of primary diagnostics with this code. */
size_t ts_count(const argmap_diags *d, const char *code);
/* The first primary diagnostic with this code, or NULL. */
const argmap_diag *ts_find(const argmap_diags *d, const char *code);
/* All diagnostics as text, one per line (caller frees), for messages. */
char *ts_dump(const argmap_diags *d);

/* Runs the argmap CLI with args (NULL-terminated), optional stdin data,
 * capturing output (caller frees *out / *err if non-NULL). Kills it after
 * timeout_s seconds. Returns the exit code, 128+signal, or -1. */
int ts_run_cli(const char *const *args, char **out, char **err, int timeout_s);

/* ts_run_cli with a different standard output (a path opened for
 * writing, e.g. /dev/full; *out is then empty) and limits (0: none) set in
 * the child before exec: RLIMIT_FSIZE and RLIMIT_AS, in bytes. The file
 * size limit also applies to the captured stderr. */
typedef struct ts_run_opts {
	const char *stdout_path;
	long fsize_limit;
	long as_limit;
} ts_run_opts;
int ts_run_cli_with(const char *const *args, const ts_run_opts *o, char **out, char **err,
                    int timeout_s);

/* Peak resident memory of the last ts_run_cli child, in KiB. */
long ts_last_maxrss_kib(void);
/* Wall time of the last ts_run_cli, in seconds. */
double ts_last_seconds(void);

#endif

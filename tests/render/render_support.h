/*
 * render_support.h - helpers shared by the renderer tests (on top of
 * tests/support/support.h).
 */
#ifndef ARGMAP_RENDER_SUPPORT_H
#define ARGMAP_RENDER_SUPPORT_H

#include <stddef.h>
#include <sys/types.h>

#include "support.h"

/* The fixture maps of tests/render/data. */
#define RS_DATA(name) ARGMAP_RENDER_DATA "/" name

/* Loads and checks a map file; the test fails if it has errors. Caller
 * frees with argmap_map_free. */
argmap_map *rs_load(const char *path);

/* Writes TS_HEAD body TS_TAIL to dir/name, loads and checks it (no errors
 * allowed). *path (if non-NULL) gets the file's path (caller frees). */
argmap_map *rs_load_body(const char *dir, const char *name, const char *body, char **path);

/* Renders; returns the bytes (caller frees) or NULL, with *rc the status
 * and *diags (if non-NULL) the diagnostics (caller frees). */
char *rs_render(const argmap_map *map, const argmap_render_options *o, size_t *len, int *rc,
                argmap_diags **diags);

/* Renders and fails the test unless it succeeds. */
char *rs_render_ok(const argmap_map *map, const argmap_render_options *o, size_t *len);

/* Number of non-overlapping occurrences of needle in hay[0..len). */
size_t rs_count(const char *hay, size_t len, const char *needle);
/* What src/export/html_pack.c wrote in b[0..n) (base64 of a zlib stream),
 * checked to be only base64 and one whole stream, inflated: malloc'd,
 * NUL-terminated, *len bytes. */
char *rs_unpack(const char *b, size_t n, size_t *len);
/* A web page's packed data element `id` (#am-model, #am-status,
 * #am-drawing, #am-pieces), inflated as rs_unpack does. */
char *rs_page_data(const char *html, const char *id, size_t *len);

/* 1 if the file at path holds exactly data[0..len). */
int rs_file_is(const char *path, const char *data, size_t len);

/* Number of entries in dir whose name starts with ".argmap-". */
int rs_temp_files(const char *dir);

/* Runs the CLI like ts_run_cli, but with the given umask (or -1 to keep
 * it), RLIMIT_FSIZE (0: unlimited) and extra environment (NAME=VALUE or
 * NULL). Returns the exit status or 128+signal. */
int rs_run_cli_ex(const char *const *args, char **err, int timeout_s, int mask, long fsize,
                  const char *env);

/* The text of the first diagnostic with this code, or NULL. */
const char *rs_message(const argmap_diags *d, const char *code);

#endif

/*
 * output.h - where the commands may write (output.c): the files no output
 * may replace, and standard output.
 */
#ifndef ARGMAP_CLI_OUTPUT_H
#define ARGMAP_CLI_OUTPUT_H

#include <stddef.h>

#include <argmap/argmap.h>

/* Every file of the map, every input on the command line and every file
 * directly in a --sources folder (quote verification reads plain file
 * names there, so these are the texts it may have read): never
 * overwritten, compared by device and inode. NULL-terminated; free with
 * cli_free_protected. */
typedef struct protected_list {
	const char **paths;
	char **owned; /* the joined --sources paths */
	size_t n_owned;
} protected_list;

/* Fills `p` for `map`, the command line's inputs and the --sources folders
 * (colon-separated, may be NULL). Returns 0, or -1 when out of memory (p
 * is then empty). */
int cli_protected_paths(protected_list *p, const argmap_map *map, char *const *inputs, int n_inputs,
                        const char *sources);
void cli_free_protected(protected_list *p);

/* DIR/NAME SUFFIX for input `in`, where NAME is its file name without
 * ".xml" (maps/a.xml, ".json" -> DIR/a.json). Caller frees; NULL when out
 * of memory. */
char *cli_output_name(const char *dir, const char *in, const char *suffix);

/* Writes data to standard output and flushes it; on failure says why
 * ("argmap CMD: cannot write to standard output: ...") and returns CLI_IO. */
int cli_write_stdout(const char *cmd, const char *data, size_t len);

/* Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the
 * temporary file of a write in progress (argmap_write_cleanup), then die
 * of the signal. A signal ignored by whoever started us stays ignored. */
void cli_catch_fatal_signals(void);

#endif

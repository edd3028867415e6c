/*
 * diff_args.h - the command line of `argmap diff` (diff_args.c), shared
 * by `argmap` (cmd_diff.c: the review as text or JSON, and -T handed on)
 * and argmap-render (cmd_diff_draw.c: the drawing of the union).
 */
#ifndef ARGMAP_CLI_DIFF_ARGS_H
#define ARGMAP_CLI_DIFF_ARGS_H

#include <stdio.h>

#include "cli.h"

typedef struct cli_diff_args {
	enum cli_format fmt; /* --format: text or json */
	int quiet, exit_code;
	int draw; /* -T given: draw the union instead */
	argmap_render_format format;
	argmap_render_theme theme;
	argmap_page_size page; /* --page: fit the drawing on one page */
	int landscape;
	const char *output; /* -o; NULL: NEW's name .diff[.print].EXT here */
	const char *old_path, *new_path;
	const char *labels[2]; /* -L OLD [-L NEW]: the versions' names */
	int n_labels;
	int changes;    /* --changes: draw only what changed and its surroundings */
	unsigned depth; /* --depth: with --changes, relations around (default 1) */
} cli_diff_args;

/* Gives the diff the versions' names from -L (argmap_diff_set_names).
 * Returns CLI_OK, or CLI_IO when out of memory (the caller says so). */
int cli_diff_name_versions(const cli_diff_args *a, argmap_diff *d);

/* Parses argv (argv[0] is the command's name). Returns -1 to go on, or an
 * exit status (CLI_OK after --help, CLI_USAGE with a message). */
int cli_diff_parse(int argc, char **argv, cli_diff_args *a);

/* Loads and checks one version (coverage notes off); prints its
 * diagnostics (all of them when it has errors, none with quiet). Returns
 * CLI_OK, CLI_ERRORS (with "fix them first") or CLI_IO. */
int cli_diff_load(const char *path, int quiet, argmap_map **map);

/* `argmap-render --diff ARGS` (cmd_diff_draw.c): argv[0] is "--diff". */
int cli_diff_draw(int argc, char **argv);

#endif

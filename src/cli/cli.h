/*
 * cli.h - the subcommands of the argmap tool and what they share.
 */
#ifndef ARGMAP_CLI_H
#define ARGMAP_CLI_H

#include <stdio.h>

#include "argmap/argmap.h"

enum { CLI_OK = 0, CLI_ERRORS = 1, CLI_USAGE = 2, CLI_IO = 3 };

enum cli_format { CLI_TEXT, CLI_JSON };

/* argv[0] is the command's name ("check", or the program's path); options
 * start at argv[1]. They return the exit code. cli_render runs in
 * argmap-render (render_main.c), which `argmap render` execs. */
int cli_check(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_export(int argc, char **argv);

/* Execs argmap-render with argv (argv[0] is replaced by its path; argv is
 * NULL-terminated): `argmap render`, and `argmap export -T dot`, which is
 * the renderer's DOT. Returns CLI_IO (with a message) when it cannot. */
int cli_exec_render(int argc, char **argv);

/* Prints diagnostics (sorted, deduplicated): text to stderr, JSON to
 * stdout. Notes are left out in text form when quiet is set. */
void cli_print_diags(argmap_diags *diags, enum cli_format fmt, int quiet);

/* Loads and checks one map: diagnostics go to diags; *map is set (caller
 * frees) when a model was built. Returns an exit code for this file. */
int cli_load_and_check(const char *path, const char *sources_dir, argmap_diags *diags,
                       argmap_map **map);

/* First thing in main(): process settings of the programs (SIGXFSZ
 * ignored, so that a file size limit is a write error). */
void cli_start(void);

/* Flushes stdout and remembers the errno of a write error for
 * cli_finish; cli_stdout_failed records one seen elsewhere (an errno, or
 * CLI_STDOUT_REPORTED when the caller printed the message itself). */
#define CLI_STDOUT_REPORTED (-2)
void cli_flush_stdout(void);
void cli_stdout_failed(int err);

/* Last thing before main() returns rc: flushes and closes stdout and
 * checks stdout and stderr for write errors; returns CLI_IO (with a
 * message when stderr still works) if there was one, else rc. */
int cli_finish(int rc);

/* Releases process-wide library state at exit (for leak checkers). */
void cli_cleanup(void);

#endif

/*
 * cli.h - the subcommands of the argmap tool and what they share.
 */
#ifndef ARGMAP_CLI_H
#define ARGMAP_CLI_H

#include <stdio.h>

#include "argmap/argmap.h"

enum { CLI_OK = 0, CLI_ERRORS = 1, CLI_USAGE = 2, CLI_IO = 3 };

enum cli_format { CLI_TEXT, CLI_JSON, CLI_SARIF, CLI_GITHUB, CLI_JSON_SUMMARY };

/* argv[0] is the command's name ("check", or the program's path); options
 * start at argv[1]. They return the exit code. cli_render runs in
 * argmap-render (render_main.c), which `argmap render` execs. */
int cli_check(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);

/* Execs argmap-render with argv (argv[0] is replaced by its path; argv is
 * NULL-terminated): `argmap render`, and `argmap export -T dot`, which is
 * the renderer's DOT. Returns CLI_IO (with a message) when it cannot. */
int cli_exec_render(int argc, char **argv);
int cli_stats(int argc, char **argv);
int cli_diff(int argc, char **argv);
int cli_lsp(int argc, char **argv);
int cli_schema(int argc, char **argv);
int cli_new(int argc, char **argv);
int cli_watch(int argc, char **argv);
int cli_list(int argc, char **argv);

/* Prints "argmap CMD: <message>" and "Try 'argmap CMD --help'." on
 * stderr and returns CLI_USAGE: every usage error of every command. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int cli_usage_error(const char *cmd, const char *fmt, ...);

/* getopt_long (optind is the caller's to reset) with the option errors
 * said as cli_usage_error says them ("argmap render: unknown option
 * '--foo'", "option '--dir' needs an argument", "option '--d' is
 * ambiguous (--dir, --dpi)"); returns '?' after printing one. */
struct option;
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/* Prints diagnostics (sorted, deduplicated): text to stderr, JSON to
 * stdout. Notes are left out in text form when quiet is set. */
void cli_print_diags(argmap_diags *diags, enum cli_format fmt, int quiet);
/* The same; promoted[i] (after argmap_diags_sort; may be NULL) marks the
 * errors that --werror made of warnings: "[AM302, -Werror]". */
/* Text form only: print the first n errors (and their notes), then how
 * many more there are; 0 prints all. */
void cli_set_max_errors(size_t n);
void cli_print_diags_werror(argmap_diags *diags, enum cli_format fmt, int quiet,
                            const unsigned char *promoted);

/* The maps a command line names: each FILE as it is, "-" for standard
 * input, and every *.xml file below each directory (sorted, hidden folders
 * skipped, at most 16 levels). *out is a NULL-terminated array the caller
 * frees with cli_free_paths. Returns 0, or CLI_IO (with a message). */
int cli_expand_paths(char **args, int n, char ***out);
void cli_free_paths(char **paths);

/* Loads and checks one map ("-": standard input, read whole, at most the
 * loader's size limit, named "<stdin>", its imports relative to the
 * current folder): diagnostics go to diags; *map is set (caller
 * frees) when a model was built. Returns an exit code for this file. */
int cli_load_and_check(const char *path, const char *sources_dir, argmap_diags *diags,
                       argmap_map **map);
/* The same with argmap_check_options.flags (ARGMAP_CHECK_NO_COVERAGE). */
int cli_load_and_check_flags(const char *path, const char *sources_dir, unsigned check_flags,
                             argmap_diags *diags, argmap_map **map);

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

/*
 * view_args.h - the view options every command that shows a map takes
 * (`render`, `export`): --actor ID, --focus ID, --depth N, --tag TAG,
 * --hide evidence.
 * One parser and one help text, so that the commands cannot drift apart.
 *
 * Use: put CLI_VIEW_LONGOPTS in the command's getopt_long table; hand
 * every option getopt returns to cli_view_option first; after the loop,
 * call cli_view_finish.
 */
#ifndef ARGMAP_CLI_VIEW_ARGS_H
#define ARGMAP_CLI_VIEW_ARGS_H

#include <getopt.h>

#define CLI_MAX_ACTORS 16
/* --focus, repeatable: at most 16 ids of at most 128 bytes (the format's
 * limit), kept separated by spaces, as the options structs take them. */
#define CLI_MAX_FOCUS 16

/* What the options asked for. Strings point into argv. */
typedef struct cli_view_args {
	const char *actors[CLI_MAX_ACTORS]; /* --actor, repeatable */
	size_t n_actors;
	const char *focus; /* NULL: the whole map; else focus_list */
	char focus_list[CLI_MAX_FOCUS * 130];
	size_t n_focus;
	unsigned depth; /* default 2 */
	int depth_given;
	const char *tag; /* NULL: no filter */
	int hide_evidence;
} cli_view_args;

#define CLI_VIEW_ARGS_INIT                                                                         \
	{                                                                                          \
		{NULL}, 0, NULL, "", 0, 2, 0, NULL, 0                                              \
	}

/* getopt_long values of the view options; a command's own long options
 * use values below CLI_OPT_VIEW_FIRST. */
enum {
	CLI_OPT_VIEW_FIRST = 0x1000,
	CLI_OPT_FOCUS = CLI_OPT_VIEW_FIRST,
	CLI_OPT_DEPTH,
	CLI_OPT_TAG,
	CLI_OPT_HIDE,
	CLI_OPT_ACTOR
};

#define CLI_VIEW_LONGOPTS                                                                          \
	{"focus", required_argument, NULL, CLI_OPT_FOCUS},                                         \
	    {"depth", required_argument, NULL, CLI_OPT_DEPTH},                                     \
	    {"tag", required_argument, NULL, CLI_OPT_TAG},                                         \
	    {"hide", required_argument, NULL, CLI_OPT_HIDE},                                       \
	{                                                                                          \
		"actor", required_argument, NULL, CLI_OPT_ACTOR                                    \
	}

/* The help lines of the view options, for the command's --help. */
extern const char cli_view_help[];

/* If `opt` is a view option, parses `arg` into v and returns 0 (CLI_OK),
 * or prints "argmap CMD: ..." and returns CLI_USAGE when arg is bad.
 * Returns -1 when `opt` is not a view option. */
int cli_view_option(cli_view_args *v, int opt, const char *arg, const char *cmd);

/* The checks across options (--depth needs --focus): CLI_OK or
 * CLI_USAGE with a message. */
int cli_view_finish(const cli_view_args *v, const char *cmd);

#endif

/*
 * render_cli.h - `argmap render`'s command line (render_args.c) and the
 * run it drives (cmd_render.c).
 */
#ifndef ARGMAP_CLI_RENDER_CLI_H
#define ARGMAP_CLI_RENDER_CLI_H

#include "cli.h"
#include "view_args.h"

#define MAX_FORMATS 5
#define MAX_THEMES 2

typedef struct render_cli {
	argmap_render_options opts;
	argmap_render_format formats[MAX_FORMATS];
	int n_formats;
	argmap_render_theme themes[MAX_THEMES];
	int n_themes;
	cli_view_args view;
	const char *output, *dir, *sources;
	int quiet;
	int werror; /* --werror: warnings fail the map or the output */
	int status; /* --status: -1 none, else an argmap_semantics */
	char *const *inputs;
	int n_inputs;
} render_cli;

/* Parses argv into c (zeroed, with opts and view at their defaults and
 * status -1): CLI_OK, CLI_USAGE (said why), or -1 after --help. */
int cli_render_parse(render_cli *c, int argc, char **argv);

#endif

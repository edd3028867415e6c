/*
 * view_args.c - the view options of `render` and `export` (view_args.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "view_args.h"

const char cli_view_help[] =
    "  --actor ID            one person's (or body's) argument: every claim ID\n"
    "                        holds, every quote of ID, and what directly supports,\n"
    "                        rebuts or undercuts them, at any distance; repeat it\n"
    "                        for several ('argmap list actors FILE' lists ids)\n"
    "  --focus ID            only the neighbourhood of the node ID; repeat it (or\n"
    "                        list ids: --focus a,b) for the union of several\n"
    "  --depth N             with --focus: up to N relations away (default 2)\n"
    "  --tag TAG             only what carries TAG, and what it needs to stay\n"
    "                        connected (up to the questions)\n"
    "  --hide evidence       leave out evidence (each claim counts what it lost)\n";

static int bad(const char *cmd, const char *what, const char *arg)
{
	fprintf(stderr, "argmap %s: %s, not '%s'\nTry 'argmap %s --help'.\n", cmd, what, arg, cmd);
	return CLI_USAGE;
}

/* Appends the ids of `arg` (separated by commas or spaces) to the list. */
static int add_focus(cli_view_args *v, const char *arg, const char *cmd)
{
	const char *p = arg;
	size_t used = strlen(v->focus_list), len;
	int any = 0;

	while (*p) {
		while (*p == ',' || *p == ' ')
			p++;
		len = strcspn(p, ", ");
		if (!len)
			break;
		if (len > 128)
			return bad(cmd, "--focus takes ids of at most 128 characters", arg);
		if (v->n_focus >= CLI_MAX_FOCUS)
			return bad(cmd, "at most 16 --focus ids", arg);
		if (used)
			v->focus_list[used++] = ' ';
		memcpy(v->focus_list + used, p, len);
		used += len;
		v->focus_list[used] = '\0';
		v->n_focus++;
		any = 1;
		p += len;
	}
	if (!any)
		return bad(cmd, "--focus takes the id of a question, claim or evidence item", arg);
	v->focus = v->focus_list;
	return CLI_OK;
}

int cli_view_option(cli_view_args *v, int opt, const char *arg, const char *cmd)
{
	char *end;
	unsigned long n;

	switch (opt) {
	case CLI_OPT_FOCUS: return add_focus(v, arg, cmd);
	case CLI_OPT_DEPTH:
		errno = 0;
		n = strtoul(arg, &end, 10);
		if (errno || end == arg || *end || *arg == '-' || *arg == '+' || n > 1000)
			return bad(cmd, "--depth takes a whole number from 0 to 1000", arg);
		v->depth = (unsigned)n;
		v->depth_given = 1;
		return CLI_OK;
	case CLI_OPT_TAG: v->tag = arg; return CLI_OK;
	case CLI_OPT_ACTOR:
		if (v->n_actors >= CLI_MAX_ACTORS)
			return bad(cmd, "at most 16 --actor options", arg);
		v->actors[v->n_actors++] = arg;
		return CLI_OK;
	case CLI_OPT_HIDE:
		if (strcmp(arg, "evidence") != 0)
			return bad(cmd, "--hide takes 'evidence'", arg);
		v->hide_evidence = 1;
		return CLI_OK;
	default: return -1;
	}
}

int cli_view_finish(const cli_view_args *v, const char *cmd)
{
	if (v->depth_given && !v->focus) {
		fprintf(stderr, "argmap %s: --depth needs --focus ID\nTry 'argmap %s --help'.\n",
		        cmd, cmd);
		return CLI_USAGE;
	}
	return CLI_OK;
}

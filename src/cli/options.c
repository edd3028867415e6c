/*
 * options.c - option errors said the same way by every command (cli.h):
 *   argmap CMD: unknown option '--foo'
 *   Try 'argmap CMD --help'.
 * getopt's own messages name the program as argv[0] is ("check", or
 * argmap-render's path), so they are switched off and said here.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "argmap %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'argmap %s --help'.\n", cmd);
	return CLI_USAGE;
}

/* The long options whose names start with name[0..len): how many, and
 * (in list) their names, for "is ambiguous (--dir, --dpi)". */
static int prefix_matches(const struct option *longopts, const char *name, size_t len, char *list,
                          size_t cap)
{
	int n = 0;
	size_t used = 0;

	list[0] = '\0';
	for (; longopts && longopts->name; longopts++) {
		if (strncmp(longopts->name, name, len) != 0)
			continue;
		if (strlen(longopts->name) == len)
			return 1; /* an exact match is never ambiguous */
		n++;
		if (used + strlen(longopts->name) + 5 < cap)
			used += (size_t)snprintf(list + used, cap - used, "%s--%s",
			                         used ? ", " : "", longopts->name);
	}
	return n;
}

/* Says what was wrong with the option getopt_long just refused. */
static void option_error(const char *cmd, int argc, char **argv, const char *shortopts,
                         const struct option *longopts)
{
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : NULL;
	const char *eq;
	size_t len;
	char list[256];

	if (arg && !strncmp(arg, "--", 2) && arg[2]) {
		const char *name = arg + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		if (optopt && eq)
			cli_usage_error(cmd, "option '--%.*s' takes no argument", (int)len, name);
		else if (optopt)
			cli_usage_error(cmd, "option '--%.*s' needs an argument", (int)len, name);
		else if (prefix_matches(longopts, name, len, list, sizeof list) > 1)
			cli_usage_error(cmd, "option '--%.*s' is ambiguous (%s)", (int)len, name,
			                list);
		else
			cli_usage_error(cmd, "unknown option '--%.*s'", (int)len, name);
		return;
	}
	eq = optopt > 0 && optopt < 128 ? strchr(shortopts, optopt) : NULL;
	if (eq && eq[1] == ':')
		cli_usage_error(cmd, "option '-%c' needs an argument", optopt);
	else if (optopt > 32 && optopt < 127)
		cli_usage_error(cmd, "unknown option '-%c'", optopt);
	else
		cli_usage_error(cmd, "unknown option '%s'", arg ? arg : "?");
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
               const struct option *longopts)
{
	int opt;

	opterr = 0;
	opt = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (opt == '?' || opt == ':') {
		option_error(cmd, argc, argv, shortopts, longopts);
		return '?';
	}
	return opt;
}

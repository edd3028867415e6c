/*
 * argmap - the command-line tool. It parses arguments, calls the public
 * library API, prints diagnostics and maps outcomes to exit codes:
 *   0 success, 1 the maps have errors, 2 usage error, 3 I/O or internal.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "cli.h"

static void usage(FILE *out)
{
	fputs("Usage: argmap <command> [options] FILE...\n"
	      "\n"
	      "Check and render hand-written XML argument maps.\n"
	      "\n"
	      "Commands:\n"
	      "  check FILE...     report every problem in the maps (alias: validate)\n"
	      "  render FILE...    draw the maps as SVG, PDF, PNG or DOT\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help        show this help (argmap COMMAND --help for a command)\n"
	      "  -V, --version     show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 the maps have errors, 2 usage error,\n"
	      "3 a file could not be read or written (or an internal error).\n"
	      "\n"
	      "Examples:\n"
	      "  argmap check maps/*/*.xml\n"
	      "  argmap check --sources maps/example/texts maps/example/cycle-lane.xml\n"
	      "  argmap check --format json maps/ukraine-2025/debate.xml\n"
	      "  argmap render -d output -T svg,pdf maps/example/cycle-lane.xml\n"
	      "\n"
	      "The format is described in docs/format.md; every diagnostic code in\n"
	      "docs/diagnostics.md; see also man argmap (docs/argmap.1).\n",
	      out);
}

int main(int argc, char **argv)
{
	const char *cmd;
	int rc;

	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("argmap %s\n", argmap_version());
		return 0;
	}
	if (!strcmp(cmd, "check") || !strcmp(cmd, "validate"))
		rc = cli_check(argc - 1, argv + 1);
	else if (!strcmp(cmd, "render"))
		rc = cli_render(argc - 1, argv + 1);
	else {
		fprintf(stderr, "argmap: unknown command '%s'\n", cmd);
		fprintf(stderr, "Try 'argmap --help'.\n");
		rc = CLI_USAGE;
	}
	cli_cleanup();
	return rc;
}

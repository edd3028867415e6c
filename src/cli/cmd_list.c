/*
 * cmd_list.c - `argmap list actors|claims|tags|sources FILE`: what a view
 * can select (--actor, --focus, --tag), so that nobody greps XML for ids.
 * Text (one item a line, aligned) or JSON (an array of objects): both are
 * the library's (argmap/list.h), so this file only parses and prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void list_usage(FILE *out)
{
	fputs("Usage: argmap list WHAT [options] FILE\n"
	      "\n"
	      "List what a view of the map can select. WHAT is one of:\n"
	      "  actors    id, name, affiliation, and how many claims each holds and how\n"
	      "            many quotes are theirs (for argmap render --actor ID)\n"
	      "  claims    questions and claims: id, who holds them, their text (for\n"
	      "            --focus ID)\n"
	      "  tags      each tag and how many nodes carry it (for --tag TAG)\n"
	      "  sources   id, title, publisher, date and URL of each source\n"
	      "\n"
	      "Options:\n"
	      "  --format FORMAT   text (default) or json (an array of objects)\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 listed, 1 the map has errors, 2 usage error, 3 the file\n"
	      "could not be read or standard output could not be written.\n",
	      out);
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "argmap list: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
	fputs("Try 'argmap list --help'.\n", stderr);
	return CLI_USAGE;
}

int cli_list(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	static const char *names[] = {"actors", "claims", "tags", "sources"};
	enum cli_format fmt = CLI_TEXT;
	argmap_list_what what = ARGMAP_LIST_ACTORS;
	char *out;
	argmap_diags *diags;
	argmap_map *map = NULL;
	int opt, rc, found = 0;
	size_t i;

	optind = 1;
	while ((opt = cli_getopt("list", argc, argv, "h", longopts)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else
				return usage_error("unknown format (use text or json):", optarg);
			break;
		case 'h':
			list_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (argc - optind != 2)
		return usage_error(argc - optind < 2 ? "give what to list and a map, e.g. "
		                                       "'argmap list actors map.xml'"
		                                     : "one map at a time",
		                   NULL);
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(argv[optind], names[i])) {
			what = (argmap_list_what)i;
			found = 1;
		}
	if (!found)
		return usage_error("can list actors, claims, tags or sources, not", argv[optind]);
	diags = argmap_diags_new();
	if (!diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = cli_load_and_check(argv[optind + 1], NULL, diags, &map);
	if (rc == CLI_OK && argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR))
		rc = CLI_ERRORS;
	if (rc != CLI_OK || !map) {
		cli_print_diags(diags, CLI_TEXT, 1);
		argmap_diags_free(diags);
		argmap_map_free(map);
		return rc == CLI_OK ? CLI_ERRORS : rc;
	}
	argmap_diags_free(diags);
	out = fmt == CLI_JSON ? argmap_list_format_json(map, what)
	                      : argmap_list_format_text(map, what);
	rc = out ? CLI_OK : CLI_IO;
	if (out && fputs(out, stdout) == EOF)
		cli_stdout_failed(0);
	free(out);
	if (rc == CLI_IO)
		fputs("argmap list: out of memory\n", stderr);
	argmap_map_free(map);
	cli_flush_stdout();
	return rc;
}

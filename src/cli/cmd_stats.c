/*
 * cmd_stats.c - `argmap stats`: what each map or debate holds and how its
 * argument is built (argmap/stats.h), as text or JSON on stdout.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void stats_usage(FILE *out)
{
	fputs("Usage: argmap stats [options] FILE...\n"
	      "\n"
	      "Count what each map holds, with everything it imports (a debate), and\n"
	      "how its argument is built: items and relations of every kind (linked\n"
	      "supports, editor's links), per file and in all; per actor the claims\n"
	      "held, attacks made and received, evidence cited for their claims and\n"
	      "times quoted; per source the claims and quotes citing it; the most\n"
	      "attacked and most supported claims; the longest chain of supports;\n"
	      "each question's answers by stance; the claims nothing supports, those\n"
	      "resting on no evidence and those resting on a single source.\n"
	      "The map is checked first; its diagnostics go to stderr.\n"
	      "\n"
	      "Options:\n"
	      "  --format FORMAT   text (default) or json (an array with one object per\n"
	      "                    map; schema in docs/stats.schema.json)\n"
	      "  -q, --quiet       print no diagnostics, only errors that stop the count\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 counted, 1 a map has errors (nothing is counted for it),\n"
	      "2 usage error, 3 a file could not be read or the output not written.\n"
	      "Every number is defined in " ARGMAP_DOCDIR "/analysis.md.\n",
	      out);
}

static void put(const char *s)
{
	errno = 0;
	if (fputs(s, stdout) == EOF)
		cli_stdout_failed(errno);
}

int cli_stats(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	enum cli_format fmt = CLI_TEXT;
	int quiet = 0, opt, i, worst = CLI_OK, first = 1;

	optind = 1;
	while ((opt = cli_getopt("stats", argc, argv, "qh", longopts)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else {
				return cli_usage_error(
				    "stats", "unknown format '%s' (use text or json)", optarg);
			}
			break;
		case 'q': quiet = 1; break;
		case 'h':
			stats_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (optind >= argc) {
		return cli_usage_error("stats", "%s", "no map given");
	}
	if (fmt == CLI_JSON)
		put("[\n");
	for (i = optind; i < argc; i++) {
		argmap_diags *diags = argmap_diags_new();
		argmap_map *map = NULL;
		argmap_stats *st = NULL;
		char *out = NULL;
		int rc;
		if (!diags) {
			fputs("argmap: out of memory\n", stderr);
			return CLI_IO;
		}
		/* the coverage notes would repeat what the lists say */
		rc = cli_load_and_check_flags(argv[i], NULL, ARGMAP_CHECK_NO_COVERAGE, diags, &map);
		if (argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR) && rc == CLI_OK)
			rc = CLI_ERRORS;
		if (!quiet || rc != CLI_OK)
			cli_print_diags(diags, CLI_TEXT, 1);
		if (rc == CLI_OK) {
			if (argmap_stats_compute(map, &st) != 0 ||
			    !(out = fmt == CLI_JSON ? argmap_stats_format_json(st)
			                            : argmap_stats_format_text(st))) {
				fprintf(stderr, "argmap stats: %s: out of memory\n", argv[i]);
				rc = CLI_IO;
			} else {
				if (!first)
					put(fmt == CLI_JSON ? ",\n" : "\n");
				first = 0;
				put(out);
			}
		} else if (rc == CLI_ERRORS) {
			fprintf(stderr, "argmap stats: %s has errors; fix them first\n", argv[i]);
		}
		free(out);
		argmap_stats_free(st);
		argmap_map_free(map);
		argmap_diags_free(diags);
		if (rc > worst && rc != CLI_USAGE)
			worst = rc;
	}
	if (fmt == CLI_JSON)
		put("]\n");
	cli_flush_stdout();
	return worst;
}

/*
 * cmd_diff.c - `argmap diff OLD NEW`: what changed between two versions of
 * a map or debate (argmap/diff.h), as a review or JSON on stdout.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void diff_usage(FILE *out)
{
	fputs("Usage: argmap diff [options] OLD NEW\n"
	      "\n"
	      "Compare two versions of a map, each read with everything it imports.\n"
	      "Questions, claims and evidence are matched by id; relations by id, or\n"
	      "by kind, sorted premises and conclusion. Reported: what was added,\n"
	      "removed or changed (kind, text or quote, holders, speaker, sources,\n"
	      "tags; a relation's premises, conclusion, stance, holders, sources,\n"
	      "basis) with old and new values; a removed and an added node with the\n"
	      "same text as a likely rename; and the claims whose grounded label\n"
	      "(argmap eval) changed, with both explanations. Reflowed text,\n"
	      "reordered elements and comments are no change.\n"
	      "\n"
	      "Options:\n"
	      "  --format FORMAT   text (default: '-' old, '+' new, '~' changed,\n"
	      "                    '>' renamed) or json (added, removed, changed lists\n"
	      "                    of nodes and relations, renamed, labels)\n"
	      "  --exit-code       exit 1 when the versions differ\n"
	      "  -q, --quiet       print no diagnostics of the maps, only errors\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 compared (with --exit-code: no differences), 1 a map has\n"
	      "errors (nothing is compared) or, with --exit-code, they differ, 2 usage\n"
	      "error, 3 a file could not be read or the output not written.\n"
	      "See " ARGMAP_DOCDIR "/analysis.md.\n",
	      out);
}

static int load(const char *path, int quiet, argmap_map **map)
{
	argmap_diags *diags = argmap_diags_new();
	int rc;

	if (!diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = cli_load_and_check_flags(path, NULL, ARGMAP_CHECK_NO_COVERAGE, diags, map);
	if (argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR) && rc == CLI_OK)
		rc = CLI_ERRORS;
	if (!quiet || rc != CLI_OK)
		cli_print_diags(diags, CLI_TEXT, 1);
	if (rc == CLI_ERRORS)
		fprintf(stderr, "argmap diff: %s has errors; fix them first\n", path);
	argmap_diags_free(diags);
	return rc;
}

int cli_diff(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"exit-code", no_argument, NULL, 'x'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	enum cli_format fmt = CLI_TEXT;
	int quiet = 0, exit_code = 0, opt, rc;
	argmap_map *a = NULL, *b = NULL;
	argmap_diff *d = NULL;
	char *out = NULL;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else {
				fprintf(stderr,
				        "argmap diff: unknown format '%s' (use text or json)\n",
				        optarg);
				return CLI_USAGE;
			}
			break;
		case 'x': exit_code = 1; break;
		case 'q': quiet = 1; break;
		case 'h':
			diff_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: fputs("Try 'argmap diff --help'.\n", stderr); return CLI_USAGE;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, "argmap diff: %s\nTry 'argmap diff --help'.\n",
		        argc - optind < 2 ? "give two maps, OLD and NEW" : "give exactly two maps");
		return CLI_USAGE;
	}
	rc = load(argv[optind], quiet, &a);
	if (rc == CLI_OK)
		rc = load(argv[optind + 1], quiet, &b);
	if (rc != CLI_OK)
		goto done;
	if (argmap_diff_compute(a, b, &d) != 0 ||
	    !(out = fmt == CLI_JSON ? argmap_diff_format_json(d) : argmap_diff_format_text(d))) {
		fprintf(stderr, "argmap diff: out of memory\n");
		rc = CLI_IO;
		goto done;
	}
	errno = 0;
	if (fputs(out, stdout) == EOF)
		cli_stdout_failed(errno);
	cli_flush_stdout();
	if (exit_code && argmap_diff_count(d) > 0)
		rc = CLI_ERRORS;
done:
	free(out);
	argmap_diff_free(d);
	argmap_map_free(a);
	argmap_map_free(b);
	return rc;
}

/*
 * check_cmd.c - `argmap check`: report every problem in the maps.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void check_usage(FILE *out)
{
	fputs("Usage: argmap check [options] FILE|DIR|-...\n"
	      "       argmap validate [options] FILE...\n"
	      "\n"
	      "Report every problem in each map in one run, compiler style:\n"
	      "  path:line:col: error: message [CODE]\n"
	      "with a hint line and notes that point at related places.\n"
	      "Each map is read with everything it imports. A folder stands for every\n"
	      "*.xml file below it; - reads one map from standard input (its imports\n"
	      "are relative to the current folder).\n"
	      "\n"
	      "Options:\n"
	      "  --sources DIRS    verify every quote against its source's full text,\n"
	      "                    DIR/<textfile> or DIR/<source-id>.txt; DIRS is one\n"
	      "                    folder or several separated by ':' (a folder that\n"
	      "                    does not exist is a usage error; a text that is in\n"
	      "                    none of them, a warning, AM602)\n"
	      "  --format FORMAT   text (default, on stderr); on stdout: json (an array\n"
	      "                    with one object per diagnostic), json-summary (one\n"
	      "                    object: that array, and the counts of errors,\n"
	      "                    warnings, notes and files), sarif (SARIF 2.1.0,\n"
	      "                    for code-scanning interfaces) or github (GitHub\n"
	      "                    Actions annotations)\n"
	      "  --no-coverage     leave out the evidence-coverage checks (AM801-AM806:\n"
	      "                    claims and attacks that rest on no evidence, on one\n"
	      "                    source or on their holders' words; sources with no\n"
	      "                    URL or date; relations declared twice)\n"
	      "  --werror          treat warnings as errors (marked [CODE, -Werror])\n"
	      "  --max-errors N    print the first N errors only, then how many more\n"
	      "                    (text format; 0, the default, prints them all)\n"
	      "  -q, --quiet       leave out the summary line and the notes that stand\n"
	      "                    alone (notes that explain an error stay)\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 no errors (warnings allowed unless --werror), 1 errors,\n"
	      "2 usage error, 3 a file could not be read, the report could not be written\n"
	      "or memory ran out.\n"
	      "Codes are explained in " ARGMAP_DOCDIR "/diagnostics.md\n"
	      "(docs/diagnostics.md in the source tree).\n",
	      out);
}

/* --format json-summary: one object, the array of --format json and the
 * counts of the summary line (docs/diagnostics.md, docs/check.schema.json):
 *   {"version": 1, "diagnostics": [...], "summary": {"files": 1, "errors": 0,
 *    "warnings": 0, "notes": 2}}
 * "notes" counts the notes that stand alone; those that explain another
 * diagnostic are inside it, as in the array. */
static void print_json_summary(argmap_diags *diags, size_t nmaps)
{
	size_t i, n, notes = 0;
	char *json;

	if (argmap_diags_sort(diags) != 0 || !(json = argmap_diags_format_json(diags))) {
		fputs("argmap: out of memory while formatting diagnostics as JSON\n", stderr);
		cli_stdout_failed(CLI_STDOUT_REPORTED);
		return;
	}
	for (i = strlen(json); i > 0 && json[i - 1] == '\n'; i--)
		json[i - 1] = '\0';
	n = argmap_diags_count(diags);
	for (i = 0; i < n; i++)
		notes += argmap_diags_get(diags, i)->severity == ARGMAP_SEV_NOTE &&
		         argmap_diags_get(diags, i)->parent == ARGMAP_NONE;
	printf("{\n\"version\": 1,\n\"diagnostics\": %s,\n\"summary\": {\"files\": %zu, "
	       "\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu}\n}\n",
	       json, nmaps, argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR),
	       argmap_diags_count_severity(diags, ARGMAP_SEV_WARNING), notes);
	free(json);
	cli_flush_stdout();
}

/* Each folder of --sources must exist: a typo would otherwise verify
 * nothing and pass. */
static int check_sources(const char *dirs)
{
	char *copy = strdup(dirs), *p, *save = NULL;
	int rc = 0;

	if (!copy)
		return 0;
	for (p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save)) {
		struct stat st;
		if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "argmap check: --sources: '%s' is not a folder\n", p);
			rc = -1;
		}
	}
	free(copy);
	if (rc)
		fputs("Try 'argmap check --help'.\n", stderr);
	return rc;
}

int cli_check(int argc, char **argv)
{
	static const struct option longopts[] = {{"sources", required_argument, NULL, 's'},
	                                         {"format", required_argument, NULL, 'f'},
	                                         {"werror", no_argument, NULL, 'W'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {"no-coverage", no_argument, NULL, 'C'},
	                                         {"max-errors", required_argument, NULL, 'M'},
	                                         {NULL, 0, NULL, 0}};
	enum cli_format fmt = CLI_TEXT;
	const char *sources = NULL;
	int werror = 0, quiet = 0, opt, worst = CLI_OK;
	unsigned flags = 0;
	argmap_diags *diags;
	size_t nerr, nwarn, i, nmaps;
	char **paths = NULL;
	unsigned char *promoted = NULL;
	size_t max_errors = 0;

	optind = 1;
	while ((opt = cli_getopt("check", argc, argv, "qh", longopts)) != -1) {
		switch (opt) {
		case 's': sources = optarg; break;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else if (!strcmp(optarg, "json-summary"))
				fmt = CLI_JSON_SUMMARY;
			else if (!strcmp(optarg, "sarif"))
				fmt = CLI_SARIF;
			else if (!strcmp(optarg, "github"))
				fmt = CLI_GITHUB;
			else {
				return cli_usage_error(
				    "check",
				    "unknown format '%s' (use text, json, json-summary, sarif or "
				    "github)",
				    optarg);
			}
			break;
		case 'W': werror = 1; break;
		case 'C': flags |= ARGMAP_CHECK_NO_COVERAGE; break;
		case 'M': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (!*optarg || *end || v < 0) {
				return cli_usage_error(
				    "check", "--max-errors wants a number from 0, not '%s'",
				    optarg);
			}
			max_errors = (size_t)v;
			break;
		}
		case 'q': quiet = 1; break;
		case 'h':
			check_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (optind >= argc) {
		return cli_usage_error("check", "%s", "no map given");
	}
	if (sources && check_sources(sources) != 0)
		return CLI_USAGE;
	diags = argmap_diags_new();
	if (!diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	if (cli_expand_paths(argv + optind, argc - optind, &paths) != 0) {
		argmap_diags_free(diags);
		return CLI_IO;
	}
	for (i = 0; paths[i]; i++) {
		argmap_map *map = NULL;
		int rc = cli_load_and_check_flags(paths[i], sources, flags, diags, &map);
		argmap_map_free(map);
		if (rc > worst && rc != CLI_USAGE)
			worst = rc;
	}
	nmaps = i;
	cli_free_paths(paths);
	if (werror) {
		size_t k, n;
		argmap_diags_sort(diags);
		n = argmap_diags_count(diags);
		promoted = calloc(n ? n : 1, 1);
		for (k = 0; promoted && k < n; k++)
			promoted[k] = argmap_diags_get(diags, k)->severity == ARGMAP_SEV_WARNING;
		argmap_diags_promote_warnings(diags);
	}
	cli_set_max_errors(max_errors);
	if (fmt == CLI_JSON_SUMMARY)
		print_json_summary(diags, nmaps);
	else
		cli_print_diags_werror(diags, fmt, quiet, promoted);
	free(promoted);
	nerr = argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR);
	nwarn = argmap_diags_count_severity(diags, ARGMAP_SEV_WARNING);
	if (nerr && worst == CLI_OK)
		worst = CLI_ERRORS;
	if (!quiet && fmt == CLI_TEXT)
		fprintf(stderr, "argmap: checked %zu map%s: %zu error%s, %zu warning%s\n", nmaps,
		        nmaps == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s", nwarn,
		        nwarn == 1 ? "" : "s");
	argmap_diags_free(diags);
	return worst;
}

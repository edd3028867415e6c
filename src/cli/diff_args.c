/*
 * diff_args.c - `argmap diff`'s options, help and loading (diff_args.h),
 * for both programs that run it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff_args.h"

static void diff_usage(FILE *out)
{
	fputs("Usage: argmap diff [options] OLD NEW\n"
	      "       argmap diff -T FORMAT [-o OUT] [--theme THEME] [--changes] OLD NEW\n"
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
	      "With -T, draw instead one map of both versions: the new one with the\n"
	      "old one's removed items, each marked in colour and in a way that\n"
	      "survives grayscale: added + (thick border or line), removed \xE2\x88\x92 (dashed\n"
	      "border, thin pale line), changed ~ (double border or line; what it\n"
	      "was is written in the box), renamed ~; a moved relation is drawn where\n"
	      "it is (changed) and where it was (removed). A legend explains the\n"
	      "marks; the title block names both versions.\n"
	      "\n"
	      "Options:\n"
	      "  --format FORMAT   text (default: '-' old, '+' new, '~' changed,\n"
	      "                    '>' renamed) or json (added, removed, changed lists\n"
	      "                    of nodes and relations, renamed, labels)\n"
	      "  -T FORMAT         draw the diff: svg, pdf, png, html or dot\n"
	      "  -o, --output OUT  with -T: the file to write ('-': standard output);\n"
	      "                    default NEW's name .diff[.print].FORMAT, here\n"
	      "  --theme THEME     with -T: color (default) or print (grayscale)\n"
	      "  --page SIZE       with -T: a4 or letter: fit the drawing on one page\n"
	      "  --landscape       with --page: use the page sideways\n"
	      "  --changes         with -T: draw only what changed (an item added,\n"
	      "                    removed, changed or renamed, a claim whose label\n"
	      "                    changed, the ends of a changed relation) and what\n"
	      "                    lies within --depth relations of it\n"
	      "  --depth N         with --changes: how many relations around (default 1)\n"
	      "  -L, --label NAME  name a version (first OLD, then NEW) in the\n"
	      "                    review's ---/+++ lines, the JSON and the drawing's\n"
	      "                    title block, instead of its path (a file taken out\n"
	      "                    of git into a scratch folder: -L c2f9078^ -L c2f9078)\n"
	      "  --exit-code       exit 1 when the versions differ\n"
	      "  -q, --quiet       print no diagnostics of the maps, only errors\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 compared (with --exit-code: no differences), 1 a map has\n"
	      "errors (nothing is compared) or the drawing failed or, with --exit-code,\n"
	      "they differ, 2 usage error, 3 a file could not be read or the output\n"
	      "not written.\n"
	      "See " ARGMAP_DOCDIR "/analysis.md and " ARGMAP_DOCDIR "/rendering.md.\n",
	      out);
}

static int parse_draw_format(const char *s, argmap_render_format *f)
{
	static const struct {
		const char *name;
		argmap_render_format f;
	} names[] = {{"svg", ARGMAP_RENDER_SVG}, {"pdf", ARGMAP_RENDER_PDF},
	             {"png", ARGMAP_RENDER_PNG}, {"html", ARGMAP_RENDER_HTML},
	             {"dot", ARGMAP_RENDER_DOT}, {"gv", ARGMAP_RENDER_DOT}};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(s, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

int cli_diff_parse(int argc, char **argv, cli_diff_args *a)
{
	enum { OPT_THEME = 256, OPT_PAGE, OPT_LANDSCAPE, OPT_CHANGES, OPT_DEPTH };
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"exit-code", no_argument, NULL, 'x'},
	                                         {"theme", required_argument, NULL, OPT_THEME},
	                                         {"page", required_argument, NULL, OPT_PAGE},
	                                         {"landscape", no_argument, NULL, OPT_LANDSCAPE},
	                                         {"changes", no_argument, NULL, OPT_CHANGES},
	                                         {"depth", required_argument, NULL, OPT_DEPTH},
	                                         {"output", required_argument, NULL, 'o'},
	                                         {"label", required_argument, NULL, 'L'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	int opt, themed = 0, formatted = 0, depth_given = 0;

	memset(a, 0, sizeof *a);
	a->fmt = CLI_TEXT;
	a->depth = 1;
	optind = 1;
	while ((opt = cli_getopt("diff", argc, argv, "qhT:o:L:", longopts)) != -1) {
		switch (opt) {
		case 'f':
			formatted = 1;
			if (!strcmp(optarg, "text"))
				a->fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				a->fmt = CLI_JSON;
			else {
				return cli_usage_error(
				    "diff", "unknown format '%s' (use text or json)", optarg);
			}
			break;
		case 'T':
			if (parse_draw_format(optarg, &a->format) != 0) {
				return cli_usage_error(
				    "diff",
				    "unknown drawing format '%s' (use svg, pdf, png, "
				    "html or dot)",
				    optarg);
			}
			a->draw = 1;
			break;
		case 'o': a->output = optarg; break;
		case 'L':
			if (a->n_labels == 2)
				return cli_usage_error("diff", "%s",
				                       "-L names a version: give it at most twice "
				                       "(OLD, then NEW)");
			a->labels[a->n_labels++] = optarg;
			break;
		case OPT_THEME:
			themed = 1;
			if (!strcmp(optarg, "color") || !strcmp(optarg, "colour"))
				a->theme = ARGMAP_THEME_COLOR;
			else if (!strcmp(optarg, "print"))
				a->theme = ARGMAP_THEME_PRINT;
			else {
				return cli_usage_error(
				    "diff", "unknown theme '%s' (use color or print)", optarg);
			}
			break;
		case OPT_PAGE:
			themed = 1;
			if (!strcasecmp(optarg, "a4"))
				a->page = ARGMAP_PAGE_A4;
			else if (!strcasecmp(optarg, "letter"))
				a->page = ARGMAP_PAGE_LETTER;
			else {
				return cli_usage_error(
				    "diff", "unknown page size '%s' (use a4 or letter)", optarg);
			}
			break;
		case OPT_LANDSCAPE: a->landscape = themed = 1; break;
		case OPT_CHANGES: a->changes = themed = 1; break;
		case OPT_DEPTH: {
			char *end;
			unsigned long d;
			errno = 0;
			d = strtoul(optarg, &end, 10);
			if (!*optarg || *end || errno || optarg[0] == '-' || d > 100)
				return cli_usage_error("diff",
				                       "--depth takes a number of relations "
				                       "from 0 to 100, not '%s'",
				                       optarg);
			a->depth = (unsigned)d;
			depth_given = 1;
			break;
		}
		case 'x': a->exit_code = 1; break;
		case 'q': a->quiet = 1; break;
		case 'h':
			diff_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (argc - optind != 2) {
		return cli_usage_error("diff", "%s",
		                       argc - optind < 2 ? "give two maps, OLD and NEW"
		                                         : "give exactly two maps");
	}
	if (!a->draw && (a->output || themed)) {
		return cli_usage_error("diff", "%s is for drawings: give -T FORMAT too",
		                       a->output    ? "-o"
		                       : a->changes ? "--changes"
		                                    : "--theme, --page or --landscape");
	}
	if (depth_given && !a->changes) {
		return cli_usage_error("diff", "--depth goes with --changes");
	}
	if (a->landscape && a->page == ARGMAP_PAGE_NONE) {
		return cli_usage_error("diff", "--landscape needs --page a4 or --page letter");
	}
	if (a->draw && formatted) {
		return cli_usage_error("diff",
		                       "--format is for the review; -T draws: give one of them");
	}
	a->old_path = argv[optind];
	a->new_path = argv[optind + 1];
	return -1;
}

int cli_diff_load(const char *path, int quiet, argmap_map **map)
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

int cli_diff_name_versions(const cli_diff_args *a, argmap_diff *d)
{
	if (a->n_labels == 0)
		return CLI_OK;
	return argmap_diff_set_names(d, a->labels[0], a->labels[1]) != 0 ? CLI_IO : CLI_OK;
}

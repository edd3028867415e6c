/*
 * cmd_export.c - `argmap export`: write maps as argmap JSON, AIF, Argdown,
 * GraphML or DOT.
 *
 * Each map is loaded and checked first; a map with errors is not exported
 * and its outputs are not touched. Every output is built in memory
 * (argmap_export) and then written atomically (argmap_write_file_atomic),
 * never over an input. DOT is the renderer's: `-T dot` runs
 * `argmap-render -T dot` with the same outputs and view, so there is one
 * DOT writer.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "output.h"
#include "view_args.h"

#define FORMATS "json, aif, argdown, graphml or dot"

static void export_usage(FILE *out)
{
	fputs("Usage: argmap export -T FORMAT [options] FILE...\n"
	      "\n"
	      "Write each map (with everything it imports) in a format other tools read.\n"
	      "A map with check errors is not exported; warnings are printed and the\n"
	      "export goes on. The output is the same bytes for the same map.\n"
	      "\n"
	      "Formats (-T, --format):\n"
	      "  json        the whole argmap model, for programs and the HTML view\n"
	      "              (docs/argmap-json.schema.json)\n"
	      "  aif         AIF JSON (nodes, edges, locutions) for AIFdb, OVA and the\n"
	      "              argument corpora\n"
	      "  argdown     Argdown text: statements, arguments with premises and\n"
	      "              conclusions, +/-/_> relations, attributions as YAML data\n"
	      "  graphml     GraphML for network tools (networkx, Gephi, yEd)\n"
	      "  dot         the DOT argmap lays out (the same as 'argmap render -T dot')\n"
	      "\n"
	      "Output:\n"
	      "  -T, --format FMT      the format; may be left out with -o when OUT's\n"
	      "                        extension tells (.json .aif.json .argdown .ad\n"
	      "                        .graphml .dot .gv); with -T, an extension of\n"
	      "                        another format is a usage error (-T argdown\n"
	      "                        -o map.json), but AIF may go in a .json\n"
	      "  -o, --output OUT      write to OUT (one FILE only; '-' is standard output)\n"
	      "  -d, --dir DIR         write DIR/NAME.EXT for each FILE, where NAME is\n"
	      "                        FILE's name without .xml and EXT the format's\n"
	      "                        (json, aif.json, argdown, graphml, dot).\n"
	      "                        DIR is created if missing. Default: the current folder\n"
	      "\n"
	      "Views (an export of a view holds what its drawing shows):\n",
	      out);
	fputs(cli_view_help, out);
	fputs("\n"
	      "Checking:\n"
	      "  --sources DIR         verify quotes against the full texts in DIR first\n"
	      "  -q, --quiet           print only warnings and errors\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "Exit status: 0 every map exported, 1 a map has errors (or the view selects\n"
	      "nothing), 2 usage error, 3 a file could not be read or written (standard\n"
	      "output too) or memory ran out.\n"
	      "What each format keeps and loses: " ARGMAP_DOCDIR "/interop.md\n"
	      "(docs/ in the source tree).\n",
	      out);
}

typedef struct export_cli {
	argmap_export_format format;
	int have_format;
	cli_view_args view;
	const char *output, *dir, *sources;
	int quiet;
	char *const *inputs;
	int n_inputs;
} export_cli;

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("argmap export: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'argmap export --help'.\n", stderr);
	return CLI_USAGE;
}

enum { OPT_SOURCES = 256 };

/* The drawing format PATH's extension names (render's, not export's), or
 * NULL: `-T dot -o map.svg` is refused here, in export's words. */
static const char *drawing_extension(const char *path)
{
	static const char *const exts[][2] = {
	    {"svg", "an SVG"}, {"pdf", "a PDF"}, {"png", "a PNG"}, {"html", "an HTML"}};
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return NULL;
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
		if (!strcasecmp(dot + 1, exts[i][0]))
			return exts[i][1];
	return NULL;
}

static int parse_args(export_cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
	                                         {"dir", required_argument, NULL, 'd'},
	                                         {"format", required_argument, NULL, 'T'},
	                                         CLI_VIEW_LONGOPTS,
	                                         {"sources", required_argument, NULL, OPT_SOURCES},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	int opt, rc;

	optind = 1;
	while ((opt = cli_getopt("export", argc, argv, "o:d:T:qh", longopts)) != -1) {
		if ((rc = cli_view_option(&c->view, opt, optarg, "export")) >= 0) {
			if (rc != CLI_OK)
				return rc;
			continue;
		}
		switch (opt) {
		case 'o': c->output = optarg; break;
		case 'd': c->dir = optarg; break;
		case 'T':
			if (argmap_export_format_parse(optarg, &c->format) != 0)
				return usage_error("unknown format '%s' (use " FORMATS ")", optarg);
			c->have_format = 1;
			break;
		case OPT_SOURCES: c->sources = optarg; break;
		case 'q': c->quiet = 1; break;
		case 'h':
			export_usage(stdout);
			cli_flush_stdout();
			return -1;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	c->inputs = argv + optind;
	c->n_inputs = argc - optind;
	if (c->n_inputs <= 0)
		return usage_error("%s", "no map given");
	if (c->output && c->dir)
		return usage_error("%s", "give either -o or -d, not both");
	if ((rc = cli_view_finish(&c->view, "export")) != CLI_OK)
		return rc;
	if (c->output && c->n_inputs != 1)
		return usage_error("%s", "-o takes one map; use -d DIR for several");
	if (c->have_format && c->output && strcmp(c->output, "-") != 0) {
		argmap_export_format named;
		/* AIF is JSON: -T aif -o map.json is what it says */
		const char *drawing = drawing_extension(c->output);
		if (drawing)
			return usage_error("-T %s, but -o '%s' names %s drawing: give -o NAME.%s, "
			                   "or draw it with 'argmap render'",
			                   argmap_export_format_ext(c->format), c->output, drawing,
			                   argmap_export_format_ext(c->format));
		if (argmap_export_format_from_path(c->output, &named) == 0 && named != c->format &&
		    !(c->format == ARGMAP_EXPORT_AIF && named == ARGMAP_EXPORT_JSON))
			return usage_error(
			    "-T %s, but -o '%s' names a file of another format: give "
			    "-o NAME.%s, or leave -T out to follow the name",
			    argmap_export_format_ext(c->format), c->output,
			    argmap_export_format_ext(c->format));
	}
	if (!c->have_format) {
		if (!c->output || !strcmp(c->output, "-"))
			return usage_error("%s", "which format? add -T " FORMATS);
		if (argmap_export_format_from_path(c->output, &c->format) != 0)
			return usage_error(
			    "cannot tell the format of '%s' from its name: add -T " FORMATS,
			    c->output);
		c->have_format = 1;
	}
	return CLI_OK;
}

/* `-T dot`: the renderer's DOT, through argmap-render with the same
 * outputs, view and checks. Only returns when argmap-render cannot run. */
static int export_dot(const export_cli *c)
{
	char depth[16];
	char **av = calloc((size_t)c->n_inputs + 24 + (size_t)2 * CLI_MAX_ACTORS, sizeof *av);
	int n = 0, i, rc;

	if (!av) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	av[n++] = (char *)"render";
	av[n++] = (char *)"-T";
	av[n++] = (char *)"dot";
	if (c->output) {
		av[n++] = (char *)"-o";
		av[n++] = (char *)c->output;
	}
	if (c->dir) {
		av[n++] = (char *)"-d";
		av[n++] = (char *)c->dir;
	}
	if (c->view.focus) {
		snprintf(depth, sizeof depth, "%u", c->view.depth);
		av[n++] = (char *)"--focus";
		av[n++] = (char *)c->view.focus;
		av[n++] = (char *)"--depth";
		av[n++] = depth;
	}
	for (size_t k = 0; k < c->view.n_actors; k++) {
		av[n++] = (char *)"--actor";
		av[n++] = (char *)c->view.actors[k];
	}
	if (c->view.tag) {
		av[n++] = (char *)"--tag";
		av[n++] = (char *)c->view.tag;
	}
	if (c->view.hide_evidence) {
		av[n++] = (char *)"--hide";
		av[n++] = (char *)"evidence";
	}
	if (c->sources) {
		av[n++] = (char *)"--sources";
		av[n++] = (char *)c->sources;
	}
	if (c->quiet)
		av[n++] = (char *)"--quiet";
	av[n++] = (char *)"--";
	for (i = 0; i < c->n_inputs; i++)
		av[n++] = c->inputs[i];
	av[n] = NULL;
	fflush(NULL);
	rc = cli_exec_render(n, av);
	free(av);
	return rc;
}

/* Writes one output: standard output, -o OUT or DIR/NAME.EXT. */
static int write_output(const export_cli *c, const char *in, const char *data, size_t len,
                        const protected_list *protect, argmap_diags *diags)
{
	char suffix[32];
	char *path;
	int rc = CLI_OK;

	if (c->output && !strcmp(c->output, "-"))
		return cli_write_stdout("export", data, len);
	snprintf(suffix, sizeof suffix, ".%s", argmap_export_format_ext(c->format));
	path = c->output ? strdup(c->output) : cli_output_name(c->dir ? c->dir : ".", in, suffix);
	if (!path) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	if (c->dir && mkdir(c->dir, 0777) != 0 && errno != EEXIST) {
		/* created only when there is something to write */
		fprintf(stderr, "argmap export: cannot create folder %s: %s\n", c->dir,
		        strerror(errno));
		rc = CLI_IO;
	} else if (argmap_write_file_atomic(path, data, len, protect->paths, diags) != 0) {
		rc = CLI_IO; /* AM721, AM722 say why */
	} else if (!c->quiet) {
		fprintf(stderr, "argmap export: wrote %s (%zu bytes)\n", path, len);
	}
	free(path);
	return rc;
}

static int export_one(const export_cli *c, const char *in, argmap_diags *diags)
{
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	argmap_map *map = NULL;
	argmap_diags *cd = argmap_diags_new();
	protected_list protect = {0};
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (!cd) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = cli_load_and_check(in, c->sources, cd, &map);
	if (rc == CLI_OK && argmap_diags_count_severity(cd, ARGMAP_SEV_ERROR))
		rc = CLI_ERRORS;
	/* the check's notes only matter when they explain its errors */
	cli_print_diags(cd, CLI_TEXT, rc == CLI_OK ? 1 : c->quiet);
	argmap_diags_free(cd);
	if (rc != CLI_OK || !map) {
		fprintf(stderr, "argmap export: %s: not exported: %s\n", in,
		        rc == CLI_IO ? "it could not be read" : "fix the errors above first");
		argmap_map_free(map);
		return rc == CLI_OK ? CLI_ERRORS : rc;
	}
	o.format = c->format;
	o.focus = c->view.focus;
	o.depth = c->view.depth;
	o.tag = c->view.tag;
	o.hide_evidence = c->view.hide_evidence;
	o.actors = c->view.n_actors ? c->view.actors : NULL;
	o.n_actors = c->view.n_actors;
	rc = argmap_export(map, &o, diags, &data, &len);
	if (rc == ARGMAP_EINVALID) {
		rc = CLI_ERRORS; /* the view names no node or selects nothing */
	} else if (rc != 0) {
		fprintf(stderr, "argmap export: %s: %s\n", in, argmap_error_last());
		rc = CLI_IO;
	} else if (cli_protected_paths(&protect, map, c->inputs, c->n_inputs, c->sources) != 0) {
		fputs("argmap: out of memory\n", stderr);
		rc = CLI_IO;
	} else {
		rc = write_output(c, in, data, len, &protect, diags);
	}
	cli_free_protected(&protect);
	free(data);
	argmap_map_free(map);
	return rc;
}

int cli_export(int argc, char **argv)
{
	static const cli_view_args view_init = CLI_VIEW_ARGS_INIT;
	export_cli c;
	int rc, i, k, worst = CLI_OK;

	memset(&c, 0, sizeof c);
	c.view = view_init;
	rc = parse_args(&c, argc, argv);
	if (rc < 0)
		return CLI_OK; /* --help */
	if (rc != CLI_OK)
		return rc;
	if (c.format == ARGMAP_EXPORT_DOT)
		return export_dot(&c);
	/* two inputs with one name would write the same output */
	if (!c.output)
		for (i = 0; i < c.n_inputs; i++) {
			char *a = cli_output_name(".", c.inputs[i], "");
			for (k = 0; a && k < i; k++) {
				char *b = cli_output_name(".", c.inputs[k], "");
				int same = b && !strcmp(a, b);
				free(b);
				if (same) {
					free(a);
					return usage_error(
					    "two maps named '%s' would write the same "
					    "output; export them separately with -o",
					    c.inputs[i]);
				}
			}
			free(a);
		}
	cli_catch_fatal_signals();
	for (i = 0; i < c.n_inputs; i++) {
		argmap_diags *diags = argmap_diags_new();
		if (!diags) {
			fputs("argmap: out of memory\n", stderr);
			return CLI_IO;
		}
		rc = export_one(&c, c.inputs[i], diags);
		cli_print_diags(diags, CLI_TEXT, c.quiet);
		argmap_diags_free(diags);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}

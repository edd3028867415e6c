/*
 * render_args.c - the options of `argmap render` (render_cli.h): its help,
 * and every usage error said before anything is read.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render_cli.h"

static void render_usage(FILE *out)
{
	fputs("Usage: argmap render [options] FILE...\n"
	      "\n"
	      "Draw each map (with everything it imports) as SVG for the web, PDF or PNG\n"
	      "for print, the DOT text argmap lays out, or one interactive HTML page (the\n"
	      "drawing, its data and a viewer: search, details, links to a claim; no\n"
	      "network). A map with check errors is not drawn; warnings are printed and\n"
	      "drawing goes on.\n"
	      "\n"
	      "Output:\n"
	      "  -o, --output OUT      write to OUT (one FILE only; '-' is standard output).\n"
	      "                        The format follows OUT's extension (.svg .pdf .png\n"
	      "                        .dot .gv .html); with -T, OUT's extension must\n"
	      "                        agree (-T svg -o map.pdf is a usage error)\n"
	      "  -d, --dir DIR         write DIR/NAME.EXT for each FILE, format and theme,\n"
	      "                        where NAME is FILE's name without .xml, EXT the\n"
	      "                        format, and the print theme adds '.print' before EXT\n"
	      "                        (carnegie.xml -> DIR/carnegie.svg, carnegie.print.pdf).\n"
	      "                        DIR is created if missing. Default: the current folder\n"
	      "  -T, --format FMT      svg (default), pdf, png, dot or html; repeat it or\n"
	      "                        give a comma list (-T svg,pdf) for several outputs\n"
	      "  --id-prefix P         SVG and HTML: put P in front of every id (am-map,\n"
	      "                        am-n-ID...), so that two maps inlined in one page\n"
	      "                        never share one. P: a letter, then letters, digits,\n"
	      "                        '-' or '_' (at most 32)\n"
	      "\n"
	      "Looks:\n"
	      "  --theme THEME         color (default) or print (grayscale, no fills, for\n"
	      "                        black-and-white printers); repeat or list for both\n"
	      "  --page SIZE           a4 or letter: fit the drawing on one page with margins\n"
	      "                        (says so when the text would become too small)\n"
	      "  --landscape           with --page: use the page sideways\n"
	      "  --pages               PDF over as many pages (of --page, default A4) as\n"
	      "                        keep every word at least --min-text points: one\n"
	      "                        thread of the argument per page, \"continued on\n"
	      "                        p. N\" where a relation crosses pages; filled\n"
	      "                        three ways (one layout per page, threads stacked,\n"
	      "                        threads packed in 2D), the fewest pages win\n"
	      "  --min-text PT         with --pages: smallest text on a page (default 8)\n"
	      "  --notes MODE          inline (default) or endnotes (PDF): numbered notes\n"
	      "                        with the full quotes, editor's notes and sources,\n"
	      "                        and a bibliography, after the map; markers (PDF):\n"
	      "                        endnotes, and each claim lists its quotes' numbers\n"
	      "                        instead of drawing their boxes (a compact handout;\n"
	      "                        a box's [n] is its note)\n"
	      "  --no-ids              leave the ids out of the boxes\n"
	      "  --labels WHAT         text (default) or titles: a claim's box shows its\n"
	      "                        <title> where it has one; its full text is then in\n"
	      "                        the tooltip and, with --notes, in its numbered note\n"
	      "  --title TEXT          the title block's title (and the PDF's), instead of\n"
	      "                        the map's: \"Week 3: Justin Logan\"\n"
	      "  --subtitle TEXT       a line under the title\n"
	      "  --dpi N               PNG: pixels per inch (default 96)\n"
	      "  --no-legend           leave out the legend\n"
	      "  --no-title            leave out the title block (title, sources, date)\n"
	      "\n"
	      "Views (each says on the map and here how many nodes it hides):\n",
	      out);
	fputs(cli_view_help, out);
	fputs("  --group-by KEY        source, actor or none (default): a box per group\n"
	      "  --status SEM          grounded or preferred: draw which claims stand (argmap\n"
	      "                        eval): IN solid and \xE2\x9C\x93, OUT dashed and "
	      "\xE2\x9C\x97, UNDEC dotted\n"
	      "                        and ?, the reason in each tooltip; outputs are named\n"
	      "                        NAME.status[.print].EXT (preferred: NAME.preferred...)\n"
	      "\n"
	      "Limits and checking:\n"
	      "  --time-limit S        give up drawing one output after S seconds (default\n"
	      "                        60; 0 = no limit)\n"
	      "  --memory-limit MB     memory for the renderer (default 3072)\n"
	      "  --sources DIR         verify quotes against the full texts in DIR\n"
	      "  --werror              treat warnings as errors (marked [CODE, -Werror]):\n"
	      "                        a map whose check warns is not drawn, an output\n"
	      "                        whose drawing warns (AM714: text too small to\n"
	      "                        read) is not written, and the exit status is 1\n"
	      "  -q, --quiet           print only warnings and errors\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "Exit status: 0 every map drawn, 1 a map has errors or could not be drawn,\n"
	      "2 usage error, 3 a file could not be read or written (standard output too)\n"
	      "or memory ran out.\n"
	      "See " ARGMAP_DOCDIR "/rendering.md; codes are explained\n"
	      "in " ARGMAP_DOCDIR "/diagnostics.md (docs/ in the source tree).\n",
	      out);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("argmap render: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'argmap render --help'.\n", stderr);
	return CLI_USAGE;
}

/* Calls add(c, item) for each item of a comma-separated list; a usage
 * error naming `what` ("format", "theme") and `choices` for an unknown
 * item (add returns -1) or a list too long to be real. */
static int each_listed(render_cli *c, const char *list, const char *what, const char *choices,
                       int (*add)(render_cli *c, const char *item))
{
	char buf[64];
	char *tok, *save = NULL;

	if (strlen(list) >= sizeof buf)
		return usage_error("unknown %s '%s' (use %s)", what, list, choices);
	strcpy(buf, list);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (add(c, tok) != 0)
			return usage_error("unknown %s '%s' (use %s)", what, tok, choices);
	return CLI_OK;
}

static int add_format(render_cli *c, const char *item)
{
	argmap_render_format f;
	int i;

	if (argmap_render_format_parse(item, &f) != 0)
		return -1;
	for (i = 0; i < c->n_formats; i++)
		if (c->formats[i] == f)
			return 0;
	if (c->n_formats < MAX_FORMATS)
		c->formats[c->n_formats++] = f;
	return 0;
}

static int add_theme(render_cli *c, const char *item)
{
	argmap_render_theme t;
	int i;

	if (!strcmp(item, "color") || !strcmp(item, "colour"))
		t = ARGMAP_THEME_COLOR;
	else if (!strcmp(item, "print"))
		t = ARGMAP_THEME_PRINT;
	else
		return -1;
	for (i = 0; i < c->n_themes; i++)
		if (c->themes[i] == t)
			return 0;
	if (c->n_themes < MAX_THEMES)
		c->themes[c->n_themes++] = t;
	return 0;
}

/* The library refuses other prefixes too (ARGMAP_EARG); here they are a
 * usage error with the rule spelt out. */
static int id_prefix_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 32 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

static int parse_number(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

enum {
	OPT_THEME = 256,
	OPT_PAGE,
	OPT_LANDSCAPE,
	OPT_NO_LEGEND,
	OPT_NO_TITLE,
	OPT_GROUP,
	OPT_TIME,
	OPT_MEMORY,
	OPT_SOURCES,
	OPT_STATUS,
	OPT_PAGES,
	OPT_MIN_TEXT,
	OPT_NOTES,
	OPT_NO_IDS,
	OPT_LABELS,
	OPT_TITLE,
	OPT_SUBTITLE,
	OPT_DPI,
	OPT_ID_PREFIX,
	OPT_WERROR
};

int cli_render_parse(render_cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"dir", required_argument, NULL, 'd'},
	    {"format", required_argument, NULL, 'T'},
	    {"theme", required_argument, NULL, OPT_THEME},
	    {"page", required_argument, NULL, OPT_PAGE},
	    {"landscape", no_argument, NULL, OPT_LANDSCAPE},
	    {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
	    {"no-title", no_argument, NULL, OPT_NO_TITLE},
	    {"group-by", required_argument, NULL, OPT_GROUP},
	    CLI_VIEW_LONGOPTS,
	    {"time-limit", required_argument, NULL, OPT_TIME},
	    {"memory-limit", required_argument, NULL, OPT_MEMORY},
	    {"sources", required_argument, NULL, OPT_SOURCES},
	    {"status", required_argument, NULL, OPT_STATUS},
	    {"pages", no_argument, NULL, OPT_PAGES},
	    {"min-text", required_argument, NULL, OPT_MIN_TEXT},
	    {"notes", required_argument, NULL, OPT_NOTES},
	    {"no-ids", no_argument, NULL, OPT_NO_IDS},
	    {"labels", required_argument, NULL, OPT_LABELS},
	    {"title", required_argument, NULL, OPT_TITLE},
	    {"subtitle", required_argument, NULL, OPT_SUBTITLE},
	    {"dpi", required_argument, NULL, OPT_DPI},
	    {"id-prefix", required_argument, NULL, OPT_ID_PREFIX},
	    {"werror", no_argument, NULL, OPT_WERROR},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	int opt, rc;
	double v;

	optind = 1;
	while ((opt = cli_getopt("render", argc, argv, "o:d:T:qh", longopts)) != -1) {
		if ((rc = cli_view_option(&c->view, opt, optarg, "render")) >= 0) {
			if (rc != CLI_OK)
				return rc;
			continue;
		}
		switch (opt) {
		case 'o': c->output = optarg; break;
		case 'd': c->dir = optarg; break;
		case 'T':
			if ((rc = each_listed(c, optarg, "format", "svg, pdf, png or dot",
			                      add_format)) != CLI_OK)
				return rc;
			break;
		case OPT_THEME:
			if ((rc = each_listed(c, optarg, "theme", "color or print", add_theme)) !=
			    CLI_OK)
				return rc;
			break;
		case OPT_PAGE:
			if (!strcasecmp(optarg, "a4"))
				c->opts.page = ARGMAP_PAGE_A4;
			else if (!strcasecmp(optarg, "letter"))
				c->opts.page = ARGMAP_PAGE_LETTER;
			else if (!strcasecmp(optarg, "none"))
				c->opts.page = ARGMAP_PAGE_NONE;
			else
				return usage_error("unknown page size '%s' (use a4 or letter)",
				                   optarg);
			break;
		case OPT_LANDSCAPE: c->opts.landscape = 1; break;
		case OPT_NO_LEGEND: c->opts.legend = 0; break;
		case OPT_NO_TITLE: c->opts.title_block = 0; break;
		case OPT_GROUP:
			if (!strcmp(optarg, "source"))
				c->opts.group_by = ARGMAP_GROUP_SOURCE;
			else if (!strcmp(optarg, "actor"))
				c->opts.group_by = ARGMAP_GROUP_ACTOR;
			else if (!strcmp(optarg, "none"))
				c->opts.group_by = ARGMAP_GROUP_NONE;
			else
				return usage_error(
				    "unknown grouping '%s' (use source, actor or none)", optarg);
			break;
		case OPT_TIME:
			if (parse_number(optarg, 0, 86400, &v) != 0)
				return usage_error(
				    "--time-limit takes seconds from 0 to 86400, not '%s'", optarg);
			c->opts.time_limit = v == 0 ? -1.0 : v;
			break;
		case OPT_MEMORY:
			if (parse_number(optarg, 16, 1048576, &v) != 0)
				return usage_error(
				    "--memory-limit takes megabytes from 16 to 1048576, not '%s'",
				    optarg);
			c->opts.memory_limit = (size_t)v << 20;
			break;
		case OPT_SOURCES: c->sources = optarg; break;
		case OPT_STATUS:
			if (!strcmp(optarg, "grounded"))
				c->status = ARGMAP_SEMANTICS_GROUNDED;
			else if (!strcmp(optarg, "preferred"))
				c->status = ARGMAP_SEMANTICS_PREFERRED;
			else
				return usage_error(
				    "unknown status '%s' (use grounded or preferred)", optarg);
			break;
		case OPT_PAGES: c->opts.pages = 1; break;
		case OPT_MIN_TEXT:
			if (parse_number(optarg, 4, 14, &v) != 0)
				return usage_error("--min-text takes points from 4 to 14, not '%s'",
				                   optarg);
			c->opts.min_text = v;
			break;
		case OPT_NOTES:
			if (!strcmp(optarg, "endnotes"))
				c->opts.notes = ARGMAP_NOTES_ENDNOTES;
			else if (!strcmp(optarg, "markers"))
				c->opts.notes = ARGMAP_NOTES_MARKERS;
			else if (!strcmp(optarg, "inline"))
				c->opts.notes = ARGMAP_NOTES_INLINE;
			else
				return usage_error(
				    "--notes takes 'inline', 'endnotes' or 'markers', not '%s'",
				    optarg);
			break;
		case OPT_NO_IDS: c->opts.hide_ids = 1; break;
		case OPT_LABELS:
			if (!strcmp(optarg, "text"))
				c->opts.labels = ARGMAP_LABELS_TEXT;
			else if (!strcmp(optarg, "titles"))
				c->opts.labels = ARGMAP_LABELS_TITLES;
			else
				return usage_error("--labels takes 'text' or 'titles', not '%s'",
				                   optarg);
			break;
		case OPT_TITLE: c->opts.title = optarg; break;
		case OPT_SUBTITLE: c->opts.subtitle = optarg; break;
		case OPT_DPI:
			if (parse_number(optarg, 18, 1200, &v) != 0)
				return usage_error("--dpi takes a number from 18 to 1200, not '%s'",
				                   optarg);
			c->opts.dpi = v;
			break;
		case OPT_ID_PREFIX:
			if (!id_prefix_ok(optarg))
				return usage_error(
				    "--id-prefix takes a letter, then letters, digits, "
				    "'-' or '_' (at most 32), not '%s'",
				    optarg);
			c->opts.id_prefix = optarg;
			break;
		case OPT_WERROR: c->werror = 1; break;
		case 'q': c->quiet = 1; break;
		case 'h':
			render_usage(stdout);
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
	if ((rc = cli_view_finish(&c->view, "render")) != CLI_OK)
		return rc;
	c->opts.focus = c->view.focus;
	c->opts.depth = c->view.depth;
	c->opts.tag = c->view.tag;
	c->opts.hide_evidence = c->view.hide_evidence;
	c->opts.n_actors = c->view.n_actors;
	c->opts.actors = c->view.n_actors ? c->view.actors : NULL;
	if (c->opts.pages && c->opts.page == ARGMAP_PAGE_NONE)
		c->opts.page = ARGMAP_PAGE_A4;
	if (c->opts.min_text != 0 && !c->opts.pages)
		return usage_error("%s", "--min-text needs --pages");
	if (c->opts.landscape && c->opts.page == ARGMAP_PAGE_NONE)
		return usage_error("%s", "--landscape needs --page a4 or --page letter");
	if (c->n_themes == 0)
		c->themes[c->n_themes++] = ARGMAP_THEME_COLOR;
	if (c->output) {
		if (c->n_inputs != 1)
			return usage_error("%s", "-o takes one map; use -d DIR for several");
		if (c->n_formats > 1 || c->n_themes > 1)
			return usage_error(
			    "%s", "-o writes one file: give one -T and one --theme, or use -d DIR");
		const char *dot = strrchr(c->output, '.');
		const char *slash = strrchr(c->output, '/');
		argmap_render_format named;
		if (dot && (!slash || dot > slash) && c->n_formats == 1 &&
		    argmap_render_format_parse(dot + 1, &named) == 0 && named != c->formats[0])
			/* SVG bytes in a .pdf would fool whoever opens it */
			return usage_error(
			    "-T %s, but -o '%s' names a .%s file: give -o NAME.%s, or "
			    "leave -T out to follow the name",
			    argmap_render_format_ext(c->formats[0]), c->output, dot + 1,
			    argmap_render_format_ext(c->formats[0]));
		if (c->n_formats == 0) {
			if (!strcmp(c->output, "-")) {
				c->formats[c->n_formats++] = ARGMAP_RENDER_SVG;
			} else if (!dot || (slash && dot < slash) ||
			           argmap_render_format_parse(dot + 1, &c->formats[0]) != 0) {
				return usage_error("cannot tell the format of '%s' from its name: "
				                   "add -T svg, pdf, png or dot",
				                   c->output);
			} else {
				c->n_formats = 1;
			}
		}
	}
	if (c->n_formats == 0)
		c->formats[c->n_formats++] = ARGMAP_RENDER_SVG;
	if (c->opts.pages || c->opts.notes != ARGMAP_NOTES_INLINE) {
		int i, pdf = 0;
		for (i = 0; i < c->n_formats; i++)
			pdf |= c->formats[i] == ARGMAP_RENDER_PDF;
		if (!pdf)
			return usage_error(
			    "%s is written in PDF only: add -T pdf (or -o NAME.pdf); "
			    "for images of the pages: pdftoppm -png -r 150 NAME.pdf NAME",
			    c->opts.pages ? "--pages" : "--notes endnotes|markers");
	}
	return CLI_OK;
}

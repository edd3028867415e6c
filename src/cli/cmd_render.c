/*
 * cmd_render.c - `argmap render`: draw maps as SVG, PDF, PNG or DOT.
 *
 * Each map is loaded and checked first; a map with errors is not drawn and
 * its outputs are not touched. Every output is rendered into memory and
 * then written atomically (argmap_write_file_atomic), never over an input.
 * The options are render_args.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render_cli.h"
#include "render_output.h"

/* The output of `in` under -d: DIR/NAME[.status|.preferred][.print].EXT
 * (caller frees). */
static char *output_path(const render_cli *c, const char *in, argmap_render_theme theme,
                         argmap_render_format f)
{
	const char *dir = c->dir ? c->dir : ".";
	size_t n = strlen(in);
	char *named, *out;

	if (c->status < 0)
		return cli_output_path(dir, in, theme, f);
	/* cli_output_path names outputs after the input's name less ".xml" */
	if (n > 4 && !strcmp(in + n - 4, ".xml"))
		n -= 4;
	named = malloc(n + 32);
	if (!named)
		return NULL;
	snprintf(named, n + 32, "%.*s.%s.xml", (int)n, in,
	         c->status == ARGMAP_SEMANTICS_PREFERRED ? "preferred" : "status");
	out = cli_output_path(dir, named, theme, f);
	free(named);
	return out;
}

static int same_diag(const argmap_diag *a, const argmap_diag *b)
{
	return a->severity == b->severity && a->line == b->line && a->col == b->col &&
	       !strcmp(a->code, b->code) && !strcmp(a->message, b->message) &&
	       !a->file == !b->file && (!a->file || !strcmp(a->file, b->file));
}

/* Prints the diagnostics of d that `shown` does not hold yet (an output's
 * view note is the same for every format and theme: said once), with
 * --werror's promotion, and adds them to shown. Returns how many errors d
 * holds once promoted, or -1 when out of memory. */
static int print_new(const render_cli *c, argmap_diags *d, argmap_diags *shown, int quiet)
{
	argmap_diags *fresh = argmap_diags_new();
	size_t i, k, n, n_shown = argmap_diags_count(shown), top = ARGMAP_NONE;
	unsigned char *promoted = NULL;
	int skip = 0, errors;

	if (!fresh || argmap_diags_sort(d) != 0)
		goto fail;
	n = argmap_diags_count(d);
	for (i = 0; i < n; i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (x->parent == ARGMAP_NONE) {
			skip = 0;
			for (k = 0; k < n_shown && !skip; k++)
				skip = argmap_diags_get(shown, k)->parent == ARGMAP_NONE &&
				       same_diag(argmap_diags_get(shown, k), x);
		}
		if (skip)
			continue;
		k = argmap_diags_add(fresh, x->severity, x->code, x->file, x->line, x->col,
		                     x->message, x->hint,
		                     x->parent == ARGMAP_NONE ? ARGMAP_NONE : top);
		if (k == ARGMAP_NONE)
			goto fail;
		if (x->parent == ARGMAP_NONE)
			top = k;
		argmap_diags_add(shown, x->severity, x->code, x->file, x->line, x->col, x->message,
		                 x->hint, ARGMAP_NONE);
	}
	errors = (int)argmap_diags_count_severity(d, ARGMAP_SEV_ERROR);
	if (c->werror) {
		errors += (int)argmap_diags_count_severity(d, ARGMAP_SEV_WARNING);
		if (argmap_diags_sort(fresh) != 0)
			goto fail;
		n = argmap_diags_count(fresh);
		promoted = calloc(n + 1, 1);
		if (!promoted)
			goto fail;
		for (i = 0; i < n; i++)
			promoted[i] = argmap_diags_get(fresh, i)->severity == ARGMAP_SEV_WARNING;
		argmap_diags_promote_warnings(fresh);
	}
	cli_print_diags_werror(fresh, CLI_TEXT, quiet, promoted);
	free(promoted);
	argmap_diags_free(fresh);
	return errors;
fail:
	argmap_diags_free(fresh);
	fputs("argmap: out of memory\n", stderr);
	return -1;
}

/* Draws and writes one output: its notes and warnings first, then "wrote
 * FILE". Returns an exit code; ARGMAP_EINVALID from argmap_render (the
 * view selects nothing: the same for every output) as -1. */
static int render_output(const render_cli *c, const char *in, const argmap_map *map,
                         const argmap_render_options *o, const protected_list *protect,
                         argmap_diags *shown)
{
	argmap_diags *d = argmap_diags_new();
	char *data = NULL, *path = NULL;
	size_t len = 0;
	int rc, errors;

	if (!d) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = argmap_render(map, o, d, &data, &len);
	errors = print_new(c, d, shown, c->quiet);
	argmap_diags_free(d);
	if (rc == ARGMAP_EINVALID) {
		rc = -1;
	} else if (rc != 0 || errors < 0) {
		/* AM701..AM706 say what happened; the output is untouched */
		rc = errors < 0 ? CLI_IO : CLI_ERRORS;
	} else if (errors > 0) {
		/* --werror: a drawing that warns is not written */
		if (!c->quiet)
			fprintf(stderr,
			        "argmap render: %s: not written: --werror and the warnings above\n",
			        c->output ? c->output : in);
		rc = CLI_ERRORS;
	} else if (c->output && !strcmp(c->output, "-")) {
		rc = cli_write_stdout("render", data, len);
	} else if (!(path =
	                 c->output ? strdup(c->output) : output_path(c, in, o->theme, o->format))) {
		rc = CLI_IO;
	} else if (c->dir && mkdir(c->dir, 0777) != 0 && errno != EEXIST) {
		/* created only when there is something to write */
		fprintf(stderr, "argmap render: cannot create folder %s: %s\n", c->dir,
		        strerror(errno));
		rc = CLI_IO;
	} else {
		d = argmap_diags_new();
		rc = !d || argmap_write_file_atomic(path, data, len, protect->paths, d) != 0
		         ? CLI_IO
		         : CLI_OK;
		if (d)
			cli_print_diags(d, CLI_TEXT, c->quiet);
		else
			fputs("argmap: out of memory\n", stderr);
		argmap_diags_free(d);
		if (rc == CLI_OK && !c->quiet)
			fprintf(stderr, "argmap render: wrote %s (%zu bytes)\n", path, len);
	}
	free(path);
	free(data);
	return rc;
}

/* The check's diagnostics of one map, --werror's promotion marked;
 * returns how many errors it has then. */
static size_t print_check(const render_cli *c, argmap_diags *cd, int ok)
{
	unsigned char *promoted = NULL;
	size_t i, n;

	if (c->werror) {
		argmap_diags_sort(cd);
		n = argmap_diags_count(cd);
		promoted = calloc(n + 1, 1);
		for (i = 0; promoted && i < n; i++)
			promoted[i] = argmap_diags_get(cd, i)->severity == ARGMAP_SEV_WARNING;
		argmap_diags_promote_warnings(cd);
	}
	/* the check's notes only matter when they explain its errors */
	n = argmap_diags_count_severity(cd, ARGMAP_SEV_ERROR);
	cli_print_diags_werror(cd, CLI_TEXT, ok && !n ? 1 : c->quiet, promoted);
	free(promoted);
	return n;
}

static int render_one(const render_cli *c, const char *in, argmap_diags *shown)
{
	argmap_eval_result *status = NULL;
	argmap_map *map = NULL;
	argmap_diags *cd = argmap_diags_new();
	protected_list protect = {0};
	int rc, worst = CLI_OK, t, f;

	if (!cd) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	rc = cli_load_and_check(in, c->sources, cd, &map);
	if (print_check(c, cd, rc == CLI_OK) && rc == CLI_OK)
		rc = CLI_ERRORS;
	argmap_diags_free(cd);
	if (rc != CLI_OK || !map) {
		fprintf(stderr, "argmap render: %s: not drawn: %s\n", in,
		        rc == CLI_IO ? "it could not be read" : "fix the errors above first");
		argmap_map_free(map);
		return rc == CLI_OK ? CLI_ERRORS : rc;
	}
	if (argmap_map_file(map, 0)->kind == ARGMAP_FILE_LIBRARY) {
		if (!c->quiet)
			fprintf(
			    stderr,
			    "argmap render: %s: a library file (sources and actors); it is drawn "
			    "as part of the maps that import it\n",
			    in);
		argmap_map_free(map);
		return CLI_OK;
	}
	if (c->status >= 0) {
		argmap_eval_options eo = ARGMAP_EVAL_OPTIONS_INIT;
		eo.semantics = (argmap_semantics)c->status;
		if (argmap_eval_map(map, &eo, &status) != 0) {
			fprintf(stderr, "argmap render: %s: %s\n", in, argmap_error_last());
			argmap_map_free(map);
			return CLI_IO;
		}
		if (!status->complete && !c->quiet)
			fprintf(stderr, "argmap render: %s: %s\n", in, status->limit_message);
	}
	if (cli_protected_paths(&protect, map, c->inputs, c->n_inputs, c->sources) != 0) {
		argmap_eval_free(status);
		argmap_map_free(map);
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	for (t = 0; t < c->n_themes; t++)
		for (f = 0; f < c->n_formats; f++) {
			argmap_render_options o = c->opts;
			o.theme = c->themes[t];
			o.format = c->formats[f];
			o.status = status;
			if (o.format != ARGMAP_RENDER_PDF) {
				/* several pages and endnotes are PDF's; the others keep
				 * the notes in tooltips */
				o.pages = 0;
				o.notes = ARGMAP_NOTES_INLINE;
			}
			rc = render_output(c, in, map, &o, &protect, shown);
			if (rc < 0) {
				/* the view names no node or selects nothing: the same
				 * for every output of this map */
				worst = CLI_ERRORS;
				goto done;
			}
			if (rc > worst)
				worst = rc;
		}
done:
	cli_free_protected(&protect);
	argmap_eval_free(status);
	argmap_map_free(map);
	return worst;
}

int cli_render(int argc, char **argv)
{
	render_cli c;
	static const argmap_render_options init = ARGMAP_RENDER_OPTIONS_INIT;
	static const cli_view_args view_init = CLI_VIEW_ARGS_INIT;
	int rc, i, worst = CLI_OK;

	memset(&c, 0, sizeof c);
	c.opts = init;
	c.view = view_init;
	c.status = -1;
	cli_catch_fatal_signals();
	rc = cli_render_parse(&c, argc, argv);
	if (rc < 0)
		return CLI_OK; /* --help */
	if (rc != CLI_OK)
		return rc;
	if (c.output && !strcmp(c.output, "-") && isatty(STDOUT_FILENO) &&
	    (c.formats[0] == ARGMAP_RENDER_PDF || c.formats[0] == ARGMAP_RENDER_PNG))
		return cli_usage_error("render", "%s",
		                       "will not write a binary format to a terminal; use -o FILE");
	/* two inputs with one name would write the same outputs */
	if (!c.output)
		for (i = 0; i < c.n_inputs; i++) {
			int k;
			char *a = cli_output_path(".", c.inputs[i], ARGMAP_THEME_COLOR,
			                          ARGMAP_RENDER_SVG);
			for (k = 0; a && k < i; k++) {
				char *b = cli_output_path(".", c.inputs[k], ARGMAP_THEME_COLOR,
				                          ARGMAP_RENDER_SVG);
				int same = b && !strcmp(a, b);
				free(b);
				if (same) {
					free(a);
					return cli_usage_error(
					    "render",
					    "two maps named '%s' would write the same outputs; "
					    "render them separately with -o",
					    c.inputs[i]);
				}
			}
			free(a);
		}
	for (i = 0; i < c.n_inputs; i++) {
		argmap_diags *diags = argmap_diags_new();
		if (!diags) {
			fputs("argmap: out of memory\n", stderr);
			return CLI_IO;
		}
		/* diags: what was printed of this map's outputs, said once */
		rc = render_one(&c, c.inputs[i], diags);
		argmap_diags_free(diags);
		if (rc > worst && rc != CLI_USAGE)
			worst = rc;
	}
	return worst;
}

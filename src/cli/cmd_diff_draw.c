/*
 * cmd_diff_draw.c - `argmap diff -T FORMAT OLD NEW`, in argmap-render
 * (`argmap diff` execs `argmap-render --diff ARGS`): the union of both
 * versions (argmap_diff_union_build) drawn with the renderer's change
 * overlay (render option `diff`), written atomically where no input is.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff_args.h"
#include "output.h"
#include "render_output.h"

/* OUT, or NEW's name .diff[.print].EXT in the current folder. */
static char *out_path(const cli_diff_args *a)
{
	size_t n = strlen(a->new_path);
	char *named, *out;

	if (a->output)
		return strdup(a->output);
	if (n > 4 && !strcmp(a->new_path + n - 4, ".xml"))
		n -= 4;
	if (!(named = malloc(n + 16)))
		return NULL;
	snprintf(named, n + 16, "%.*s.diff.xml", (int)n, a->new_path);
	out = cli_output_path(".", named, a->theme, a->format);
	free(named);
	return out;
}

/* Both versions' files and both inputs: never overwritten. */
static const char **protect_both(protected_list *p, protected_list *q, const argmap_map *a,
                                 const argmap_map *b, char **inputs)
{
	size_t n = 0, k = 0, i;
	const char **all;

	if (cli_protected_paths(p, a, inputs, 2, NULL) != 0 ||
	    cli_protected_paths(q, b, inputs, 2, NULL) != 0)
		return NULL;
	while (p->paths[n])
		n++;
	while (q->paths[k])
		k++;
	if (!(all = malloc((n + k + 1) * sizeof *all)))
		return NULL;
	for (i = 0; i < n; i++)
		all[i] = p->paths[i];
	for (i = 0; i < k; i++)
		all[n + i] = q->paths[i];
	all[n + k] = NULL;
	return all;
}

static int write_drawing(const cli_diff_args *a, const char *data, size_t len, const char **protect,
                         argmap_diags *diags)
{
	char *path;
	int rc = CLI_OK;

	if (a->output && !strcmp(a->output, "-"))
		return cli_write_stdout("diff", data, len);
	if (!(path = out_path(a))) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	if (argmap_write_file_atomic(path, data, len, protect, diags) != 0)
		rc = CLI_IO;
	else if (!a->quiet)
		fprintf(stderr, "argmap diff: wrote %s (%zu bytes)\n", path, len);
	free(path);
	return rc;
}

int cli_diff_draw(int argc, char **argv)
{
	cli_diff_args a;
	argmap_map *old_map = NULL, *new_map = NULL;
	argmap_diff *d = NULL;
	argmap_diff_union *u = NULL;
	argmap_diags *diags = NULL;
	protected_list p = {0}, q = {0};
	const char **protect = NULL;
	char *inputs[2], *data = NULL;
	size_t len = 0;
	int rc;

	cli_catch_fatal_signals();
	if ((rc = cli_diff_parse(argc, argv, &a)) >= 0)
		return rc;
	if (!a.draw) {
		fputs("argmap-render --diff: give -T FORMAT (or run argmap diff)\n", stderr);
		return CLI_USAGE;
	}
	if (a.output && !strcmp(a.output, "-") && isatty(STDOUT_FILENO) &&
	    (a.format == ARGMAP_RENDER_PDF || a.format == ARGMAP_RENDER_PNG)) {
		fputs("argmap diff: will not write a binary format to a terminal; use -o FILE\n",
		      stderr);
		return CLI_USAGE;
	}
	rc = cli_diff_load(a.old_path, a.quiet, &old_map);
	if (rc == CLI_OK)
		rc = cli_diff_load(a.new_path, a.quiet, &new_map);
	if (rc != CLI_OK) {
		fputs("argmap diff: nothing drawn\n", stderr);
		goto done;
	}
	inputs[0] = (char *)a.old_path;
	inputs[1] = (char *)a.new_path;
	if (!(diags = argmap_diags_new()) || argmap_diff_compute(old_map, new_map, &d) != 0 ||
	    cli_diff_name_versions(&a, d) || argmap_diff_union_build(d, &u) != 0 ||
	    !(protect = protect_both(&p, &q, old_map, new_map, inputs))) {
		fputs("argmap: out of memory\n", stderr);
		rc = CLI_IO;
		goto done;
	}
	{
		argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
		o.format = a.format;
		o.theme = a.theme;
		o.page = a.page;
		o.landscape = a.landscape;
		o.diff = u;
		if (argmap_render(u->map, &o, diags, &data, &len) != 0) {
			/* AM701..AM706 say what happened; nothing is written */
			rc = CLI_ERRORS;
			goto done;
		}
	}
	rc = write_drawing(&a, data, len, protect, diags);
	if (rc == CLI_OK && a.exit_code && argmap_diff_count(d) > 0)
		rc = CLI_ERRORS;
done:
	if (diags)
		cli_print_diags(diags, CLI_TEXT, a.quiet);
	argmap_diags_free(diags);
	free(data);
	free(protect);
	cli_free_protected(&p);
	cli_free_protected(&q);
	argmap_diff_union_free(u);
	argmap_diff_free(d);
	argmap_map_free(old_map);
	argmap_map_free(new_map);
	return rc;
}

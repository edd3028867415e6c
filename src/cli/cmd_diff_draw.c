/*
 * cmd_diff_draw.c - `argmap diff -T FORMAT OLD NEW`, in argmap-render
 * (`argmap diff` execs `argmap-render --diff ARGS`): the union of both
 * versions (argmap_diff_union_build) drawn with the renderer's change
 * overlay (render option `diff`), written atomically where no input is;
 * with --changes only the changed items and what is around them (a view
 * focused on every one of them).
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

/* Marks node i and, for a relation, the nodes it joins (an undercut's
 * target relation: its premises and conclusion), at most `hops` levels
 * of undercut deep (a chain of undercuts cannot loop: the loader refuses
 * one that does, but a bound costs nothing). */
static void mark_relation(const argmap_map *m, size_t r, unsigned char *on, int hops)
{
	const argmap_relation *rel = argmap_map_relation(m, r);
	size_t k;

	for (k = 0; k < rel->n_from; k++)
		if (rel->from[k].kind == ARGMAP_ITEM_NODE && rel->from[k].index != ARGMAP_NONE)
			on[rel->from[k].index] = 1;
	if (rel->to.index == ARGMAP_NONE)
		return;
	if (rel->to.kind == ARGMAP_ITEM_NODE)
		on[rel->to.index] = 1;
	else if (rel->to.kind == ARGMAP_ITEM_RELATION && hops > 0)
		mark_relation(m, rel->to.index, on, hops - 1);
}

/* --changes: the ids of every node that changed, whose grounded label
 * changed or that a changed relation joins, separated by spaces (a
 * focus list, argmap_render_options.focus), into *out (malloc'd; "" when
 * nothing changed). Linear in the union's size. Returns 0 or -1 (out of
 * memory). */
static int changed_focus(const argmap_diff_union *u, char **out)
{
	const argmap_map *m = u->map;
	size_t n = argmap_map_node_count(m), nr = argmap_map_relation_count(m), i, len = 1;
	unsigned char *on = calloc(n ? n : 1, 1);
	char *s, *p;

	*out = NULL;
	if (!on)
		return -1;
	for (i = 0; i < n; i++)
		if (u->node_change[i] != ARGMAP_CHANGE_NONE || u->old_label[i] != u->new_label[i])
			on[i] = 1;
	for (i = 0; i < nr; i++)
		if (u->relation_change[i] != ARGMAP_CHANGE_NONE)
			mark_relation(m, i, on, 64);
	for (i = 0; i < n; i++)
		if (on[i])
			len += strlen(argmap_map_node(m, i)->id) + 1;
	if (!(s = malloc(len))) {
		free(on);
		return -1;
	}
	p = s;
	for (i = 0; i < n; i++) {
		size_t k;
		if (!on[i])
			continue;
		k = strlen(argmap_map_node(m, i)->id);
		if (p != s)
			*p++ = ' ';
		memcpy(p, argmap_map_node(m, i)->id, k);
		p += k;
	}
	*p = '\0';
	free(on);
	*out = s;
	return 0;
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
	char *inputs[2], *data = NULL, *focus = NULL;
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
	if (a.changes && changed_focus(u, &focus) != 0) {
		fputs("argmap: out of memory\n", stderr);
		rc = CLI_IO;
		goto done;
	}
	if (focus && !*focus && !a.quiet)
		fputs("argmap diff: the versions do not differ: --changes draws the whole map\n",
		      stderr);
	{
		argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
		if (focus && *focus) {
			o.focus = focus;
			o.depth = a.depth;
		}
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
	free(focus);
	free(protect);
	cli_free_protected(&p);
	cli_free_protected(&q);
	argmap_diff_union_free(u);
	argmap_diff_free(d);
	argmap_map_free(old_map);
	argmap_map_free(new_map);
	return rc;
}

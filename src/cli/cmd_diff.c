/*
 * cmd_diff.c - `argmap diff OLD NEW`: what changed between two versions of
 * a map or debate (argmap/diff.h), as a review or JSON on stdout. With -T
 * the drawing is argmap-render's (cmd_diff_draw.c): this program hands the
 * command line on, as `argmap render` does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_args.h"

/* Execs `argmap-render --diff ARGS...` (argv[0] is "diff"). */
static int hand_on(int argc, char **argv)
{
	char **av = calloc((size_t)argc + 2, sizeof *av);
	int i, rc;

	if (!av) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	av[0] = (char *)"argmap-render";
	av[1] = (char *)"--diff";
	for (i = 1; i < argc; i++)
		av[i + 1] = argv[i];
	av[argc + 1] = NULL;
	fflush(NULL);
	rc = cli_exec_render(argc + 1, av);
	free(av);
	return rc;
}

int cli_diff(int argc, char **argv)
{
	cli_diff_args a;
	argmap_map *old_map = NULL, *new_map = NULL;
	argmap_diff *d = NULL;
	char *out = NULL;
	int rc = cli_diff_parse(argc, argv, &a);

	if (rc >= 0)
		return rc;
	if (a.draw)
		return hand_on(argc, argv);
	rc = cli_diff_load(a.old_path, a.quiet, &old_map);
	if (rc == CLI_OK)
		rc = cli_diff_load(a.new_path, a.quiet, &new_map);
	if (rc != CLI_OK)
		goto done;
	if (argmap_diff_compute(old_map, new_map, &d) != 0 || cli_diff_name_versions(&a, d) ||
	    !(out = a.fmt == CLI_JSON ? argmap_diff_format_json(d) : argmap_diff_format_text(d))) {
		fprintf(stderr, "argmap diff: out of memory\n");
		rc = CLI_IO;
		goto done;
	}
	errno = 0;
	if (fputs(out, stdout) == EOF)
		cli_stdout_failed(errno);
	cli_flush_stdout();
	if (a.exit_code && argmap_diff_count(d) > 0)
		rc = CLI_ERRORS;
done:
	free(out);
	argmap_diff_free(d);
	argmap_map_free(old_map);
	argmap_map_free(new_map);
	return rc;
}

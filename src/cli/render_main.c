/*
 * argmap-render - `argmap render`, as its own program: the only one that
 * links libargmap-render and so Graphviz. `argmap render ARGS` execs
 * `argmap-render ARGS` (see main.c); it can also be run directly. `argmap
 * diff -T ...` execs `argmap-render --diff ...` (cmd_diff_draw.c).
 */
#include <string.h>

#include "cli.h"
#include "diff_args.h"

int main(int argc, char **argv)
{
	int rc;

	cli_start();
	/* `argmap diff -T`: argmap-render --diff ARGS */
	rc = argc > 1 && !strcmp(argv[1], "--diff") ? cli_diff_draw(argc - 1, argv + 1)
	                                            : cli_render(argc, argv);
	cli_cleanup();
	return cli_finish(rc);
}

/*
 * argmap-render - `argmap render`, as its own program: the only one that
 * links libargmap-render and so Graphviz. `argmap render ARGS` execs
 * `argmap-render ARGS` (see main.c); it can also be run directly.
 */
#include "cli.h"

int main(int argc, char **argv)
{
	int rc;

	cli_start();
	rc = cli_render(argc, argv);
	cli_cleanup();
	return cli_finish(rc);
}

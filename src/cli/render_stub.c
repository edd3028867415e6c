/* Placeholder until the renderer lands. */
#include <stdio.h>

#include "cli.h"

int cli_render(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("argmap render: not available in this build\n", stderr);
	return CLI_USAGE;
}

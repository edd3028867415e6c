/*
 * planted_cli.c - a command-line program with deliberate bugs, for the
 * valgrind meta-tests: run under exactly the valgrind command line the
 * suite uses for the argmap CLI, it must make that check fail.
 *
 *   planted_cli leak | overflow | clean
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *volatile sink;
static volatile size_t eight = 8;

int main(int argc, char **argv)
{
	int i;

	if (argc != 2)
		return 2;
	if (strcmp(argv[1], "leak") == 0) {
		for (i = 0; i < 8; i++)
			sink = malloc(100);
		sink = NULL;
	} else if (strcmp(argv[1], "overflow") == 0) {
		char *p = malloc(8);
		if (!p)
			return 3;
		sink = p; /* escapes: the compiler may not drop the block */
		p[eight] = 'x';
		free(p);
	} else if (strcmp(argv[1], "clean") != 0) {
		return 2;
	}
	puts("planted_cli: done");
	return 0;
}

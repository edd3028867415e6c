/*
 * cmd_schema.c - `argmap schema`: the embedded RELAX NG schema on standard
 * output, for editors of maps kept outside the source tree.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cli_schema(int argc, char **argv)
{
	size_t len;
	const char *rng;

	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs("Usage: argmap schema > argmap.rng\n"
		      "\n"
		      "Print the RELAX NG schema of the map format (the one argmap checks\n"
		      "against, compiled in), so that an XML editor can validate and complete\n"
		      "maps kept anywhere: point it at the file, or write\n"
		      "  <?xml-model href=\"argmap.rng\" type=\"application/xml\"\n"
		      "     schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
		      "at the top of a map.\n",
		      stdout);
		cli_flush_stdout();
		return CLI_OK;
	}
	if (argc > 1) {
		fprintf(stderr, "argmap schema: unexpected argument '%s'\n", argv[1]);
		fputs("Try 'argmap schema --help'.\n", stderr);
		return CLI_USAGE;
	}
	rng = argmap_schema_text(&len);
	if (fwrite(rng, 1, len, stdout) != len)
		cli_stdout_failed(CLI_STDOUT_REPORTED);
	cli_flush_stdout();
	return CLI_OK;
}

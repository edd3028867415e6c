/*
 * cmd_lsp.c - `argmap lsp`: the language server on standard input and
 * output (src/lsp/, docs/editors.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "lsp/run.h"

static void lsp_usage(FILE *out)
{
	fputs("Usage: argmap lsp [options]\n"
	      "\n"
	      "Serve the Language Server Protocol on standard input and output, for\n"
	      "editors: the diagnostics of `argmap check` as you type, go to definition,\n"
	      "find references and rename of every id, completion of ids, elements,\n"
	      "attributes and values, hover, document symbols. Editors start it\n"
	      "themselves; see " ARGMAP_DOCDIR "/editors.md (docs/editors.md in the\n"
	      "source tree) for VS Code, Neovim and Emacs.\n"
	      "\n"
	      "Quotes are verified when a sources folder is given: initializationOptions\n"
	      "{\"sources\": \"DIR\"} (relative to the workspace), or a file .argmap.json\n"
	      "{\"sources\": \"DIR\"} beside the map (relative to the map's folder).\n"
	      "Nothing outside the workspace is read.\n"
	      "\n"
	      "Options:\n"
	      "  --debounce MS     wait MS milliseconds after a change before checking\n"
	      "                    again (default 150)\n"
	      "  --log             one line per check on standard error, with its time\n"
	      "  --stdio           accepted and ignored (editors pass it)\n"
	      "  -h, --help        show this help\n",
	      out);
}

int cli_lsp(int argc, char **argv)
{
	static const struct option longopts[] = {{"debounce", required_argument, NULL, 'd'},
	                                         {"log", no_argument, NULL, 'l'},
	                                         {"stdio", no_argument, NULL, 's'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	unsigned long debounce = 150;
	int opt, log = 0;
	char *end;

	optind = 1;
	while ((opt = cli_getopt("lsp", argc, argv, "h", longopts)) != -1) {
		switch (opt) {
		case 'd':
			debounce = strtoul(optarg, &end, 10);
			if (!*optarg || *end || debounce > 5000) {
				return cli_usage_error(
				    "lsp",
				    "--debounce wants milliseconds from 0 to 5000, not "
				    "'%s'",
				    optarg);
			}
			break;
		case 'l': log = 1; break;
		case 's': break;
		case 'h':
			lsp_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (optind < argc) {
		return cli_usage_error("lsp", "unexpected argument '%s'", argv[optind]);
	}
	return am_lsp_run(STDIN_FILENO, STDOUT_FILENO, (unsigned)debounce, log);
}

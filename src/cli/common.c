/*
 * common.c - what the subcommands share: loading, checking, printing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

void cli_print_diags(argmap_diags *diags, enum cli_format fmt, int quiet)
{
	size_t i, n;

	if (argmap_diags_sort(diags) != 0)
		fputs("argmap: out of memory while sorting diagnostics\n", stderr);
	if (fmt == CLI_JSON) {
		char *json = argmap_diags_format_json(diags);
		if (json) {
			fputs(json, stdout);
			free(json);
		}
		return;
	}
	n = argmap_diags_count(diags);
	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		char *line;
		if (quiet && d->severity == ARGMAP_SEV_NOTE)
			continue;
		line = argmap_diag_format_text(d);
		if (line) {
			fprintf(stderr, "%s\n", line);
			free(line);
		}
	}
}

int cli_load_and_check(const char *path, const char *sources_dir, argmap_diags *diags,
                       argmap_map **out)
{
	argmap_map *map = NULL;
	argmap_check_options copts = ARGMAP_CHECK_OPTIONS_INIT;
	int rc;

	*out = NULL;
	rc = argmap_map_load(&map, path, NULL, diags);
	if (rc == ARGMAP_EIO || rc == ARGMAP_ENOMEM || rc == ARGMAP_EINTERNAL) {
		argmap_map_free(map);
		return CLI_IO;
	}
	if (map) {
		copts.quote_texts_dir = sources_dir;
		if (argmap_check(map, &copts, diags) != 0) {
			fprintf(stderr, "argmap: %s\n", argmap_error_last());
			argmap_map_free(map);
			return CLI_IO;
		}
	}
	*out = map;
	return rc == 0 ? CLI_OK : CLI_ERRORS;
}

void cli_cleanup(void)
{
	argmap_shutdown();
}

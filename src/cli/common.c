/*
 * common.c - what the subcommands share: loading, checking, printing.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_print_diags(argmap_diags *diags, enum cli_format fmt, int quiet)
{
	size_t i, n;

	if (argmap_diags_sort(diags) != 0)
		fputs("argmap: out of memory while sorting diagnostics\n", stderr);
	if (fmt == CLI_JSON) {
		char *json = argmap_diags_format_json(diags);
		if (json) {
			errno = 0;
			if (fputs(json, stdout) == EOF)
				cli_stdout_failed(errno);
			free(json);
		} else {
			fputs("argmap: out of memory while formatting diagnostics as JSON\n",
			      stderr);
			cli_stdout_failed(CLI_STDOUT_REPORTED);
		}
		cli_flush_stdout();
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
	return cli_load_and_check_flags(path, sources_dir, 0, diags, out);
}

int cli_load_and_check_flags(const char *path, const char *sources_dir, unsigned check_flags,
                             argmap_diags *diags, argmap_map **out)
{
	argmap_map *map = NULL;
	argmap_check_options copts = ARGMAP_CHECK_OPTIONS_INIT;
	int rc;

	*out = NULL;
	rc = argmap_map_load(&map, path, NULL, diags);
	if (rc == ARGMAP_ENOMEM || rc == ARGMAP_EINTERNAL) {
		/* no diagnostic says it: the failure itself is the message */
		const char *why = argmap_error_last();
		fprintf(stderr, "argmap: %s: %s\n",
		        rc == ARGMAP_ENOMEM ? "out of memory while reading a map"
		                            : "internal error",
		        why && *why ? why : path);
	}
	if (rc == ARGMAP_EIO || rc == ARGMAP_ENOMEM || rc == ARGMAP_EINTERNAL) {
		argmap_map_free(map);
		return CLI_IO;
	}
	if (map) {
		copts.quote_texts_dir = sources_dir;
		copts.flags = check_flags;
		if (argmap_check(map, &copts, diags) != 0) {
			fprintf(stderr, "argmap: %s: checking ran out of memory or failed: %s\n",
			        path, argmap_error_last());
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

void cli_start(void)
{
	/* ulimit -f: a write past the limit fails with EFBIG (exit 3 with a
	 * message) instead of killing the program with SIGXFSZ (exit 153). */
	signal(SIGXFSZ, SIG_IGN);
}

/* The errno of the first failed write to stdout (stdio forgets it once
 * the error flag is set), -1 when there was one without an errno, or
 * CLI_STDOUT_REPORTED when its message is printed already. */
static int stdout_errno;

void cli_stdout_failed(int err)
{
	if (!stdout_errno)
		stdout_errno = err ? err : -1;
}

void cli_flush_stdout(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		cli_stdout_failed(errno);
}

int cli_finish(int rc)
{
	int err;

	/* A report that could not be written is an I/O failure, whatever the
	 * maps said: `argmap check --format json > /dev/full` must not exit 0. */
	cli_flush_stdout();
	if (stdout_errno) {
		err = stdout_errno;
		if (err != CLI_STDOUT_REPORTED)
			fprintf(stderr, "argmap: cannot write to standard output%s%s\n",
			        err > 0 ? ": " : "", err > 0 ? strerror(err) : "");
		rc = CLI_IO;
	}
	errno = 0;
	if (fclose(stdout) != 0 && rc != CLI_IO) {
		err = errno;
		fprintf(stderr, "argmap: cannot write to standard output: %s\n", strerror(err));
		rc = CLI_IO;
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		rc = CLI_IO; /* nowhere left to say so */
	return rc;
}

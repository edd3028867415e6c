/*
 * common.c - what the subcommands share: loading, checking, printing.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A workflow-command value: '%', CR, LF escaped, and in properties also
 * ':' and ','. */
static void gh_escape(const char *s, int property)
{
	for (; s && *s; s++) {
		if (*s == '%')
			fputs("%25", stdout);
		else if (*s == '\r')
			fputs("%0D", stdout);
		else if (*s == '\n')
			fputs("%0A", stdout);
		else if (property && *s == ':')
			fputs("%3A", stdout);
		else if (property && *s == ',')
			fputs("%2C", stdout);
		else
			putchar(*s);
	}
}

/* GitHub Actions workflow commands on stdout, one per primary diagnostic:
 *   ::error file=F,line=L,col=C,title=AM202::message%0Ahint: ... */
static void print_github(const argmap_diags *diags)
{
	size_t i, n = argmap_diags_count(diags);

	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		if (d->parent != ARGMAP_NONE)
			continue;
		printf("::%s ", d->severity == ARGMAP_SEV_ERROR     ? "error"
		                : d->severity == ARGMAP_SEV_WARNING ? "warning"
		                                                    : "notice");
		if (d->file) {
			fputs("file=", stdout);
			gh_escape(d->file, 1);
			if (d->line)
				printf(",line=%u", d->line);
			if (d->col)
				printf(",col=%u", d->col);
			putchar(',');
		}
		printf("title=%s::", d->code);
		gh_escape(d->message, 0);
		if (d->hint) {
			fputs("%0Ahint: ", stdout);
			gh_escape(d->hint, 0);
		}
		putchar('\n');
	}
	cli_flush_stdout();
}

static size_t max_errors; /* 0: all */

void cli_set_max_errors(size_t n)
{
	max_errors = n;
}

void cli_print_diags(argmap_diags *diags, enum cli_format fmt, int quiet)
{
	cli_print_diags_werror(diags, fmt, quiet, NULL);
}

/* The text form of d, with ", -Werror" after its code when it was a
 * warning that --werror promoted: "[AM302, -Werror]", as gcc says. */
static void print_text(const argmap_diag *d, int promoted)
{
	char *line = argmap_diag_format_text(d), *nl, *code;

	if (!line)
		return;
	nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	code = promoted ? strrchr(line, '[') : NULL;
	if (code && code[strlen(code) - 1] == ']') {
		code[strlen(code) - 1] = '\0';
		fprintf(stderr, "%s, -Werror]", line);
	} else {
		fputs(line, stderr);
	}
	if (nl)
		fprintf(stderr, "\n%s", nl + 1);
	fputc('\n', stderr);
	free(line);
}

void cli_print_diags_werror(argmap_diags *diags, enum cli_format fmt, int quiet,
                            const unsigned char *promoted)
{
	size_t i, n, errors = 0, hidden = 0;
	int shown = 1;

	if (argmap_diags_sort(diags) != 0)
		fputs("argmap: out of memory while sorting diagnostics\n", stderr);
	if (fmt == CLI_JSON || fmt == CLI_SARIF) {
		char *json = fmt == CLI_JSON ? argmap_diags_format_json(diags)
		                             : argmap_diags_format_sarif(diags);
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
	if (fmt == CLI_GITHUB) {
		print_github(diags);
		return;
	}
	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		if (d->parent == ARGMAP_NONE) {
			shown = 1;
			if (d->severity == ARGMAP_SEV_ERROR && max_errors &&
			    ++errors > max_errors) {
				shown = 0;
				hidden++;
			}
		}
		/* -q drops standalone notes; notes that explain an error stay */
		if (!shown || (quiet && d->severity == ARGMAP_SEV_NOTE && d->parent == ARGMAP_NONE))
			continue;
		print_text(d, promoted && promoted[i]);
	}
	if (hidden)
		fprintf(stderr, "argmap: %zu more error%s not shown (--max-errors %zu)\n", hidden,
		        hidden == 1 ? "" : "s", max_errors);
}

/* Standard input, read whole (at most the loader's 8 MiB), as a map named
 * "<stdin>". */
static int load_stdin(argmap_map **map, argmap_diags *diags)
{
	const size_t limit = (size_t)8 * 1024 * 1024;
	size_t len = 0, cap = 65536;
	char *buf = malloc(cap);
	int rc;

	if (!buf)
		return ARGMAP_ENOMEM;
	for (;;) {
		ssize_t n;
		if (len == cap) {
			char *nb = cap > limit ? NULL : realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				if (cap > limit) {
					argmap_diags_add(
					    diags, ARGMAP_SEV_ERROR, "AM002", "<stdin>", 0, 0,
					    "standard input is larger than 8 MiB",
					    "split the debate into several maps", ARGMAP_NONE);
					return ARGMAP_ELIMIT;
				}
				return ARGMAP_ENOMEM;
			}
			buf = nb;
			cap *= 2;
		}
		n = read(STDIN_FILENO, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			argmap_diags_add(diags, ARGMAP_SEV_ERROR, "AM003", "<stdin>", 0, 0,
			                 "cannot read standard input", NULL, ARGMAP_NONE);
			free(buf);
			return ARGMAP_EIO;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	/* as the text of a file in the current folder: imports are relative to it */
	rc = argmap_map_load_text(map, "<stdin>", buf, len, NULL, diags);
	free(buf);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct path_list {
	char **v;
	size_t n, cap;
} path_list;

static int push(path_list *l, char *p)
{
	if (!p)
		return -1;
	if (l->n + 2 > l->cap) {
		size_t cap = l->cap * 2 + 16;
		char **nv = realloc(l->v, cap * sizeof *nv);
		if (!nv) {
			free(p);
			return -1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = p;
	l->v[l->n] = NULL;
	return 0;
}

/* Every *.xml below dir, sorted, into l; hidden entries skipped. */
static int walk_dir(path_list *l, const char *dir, int depth)
{
	DIR *d = depth < 16 ? opendir(dir) : NULL;
	struct dirent *e;
	path_list here = {0};
	size_t i;
	int rc = 0;

	if (!d)
		return depth < 16 ? -1 : 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char *p;
		if (e->d_name[0] == '.')
			continue;
		p = malloc(strlen(dir) + n + 2);
		if (!p || push(&here, p) < 0) {
			rc = -1;
			break;
		}
		sprintf(p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	if (here.n)
		qsort(here.v, here.n, sizeof *here.v, cmp_str);
	for (i = 0; i < here.n; i++) {
		struct stat st;
		size_t n = strlen(here.v[i]);
		if (rc == 0 && stat(here.v[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = walk_dir(l, here.v[i], depth + 1) < 0 ? -1 : 0;
			free(here.v[i]);
		} else if (rc == 0 && n > 4 && !strcmp(here.v[i] + n - 4, ".xml")) {
			rc = push(l, here.v[i]);
		} else {
			free(here.v[i]);
		}
	}
	free(here.v);
	return rc;
}

int cli_expand_paths(char **args, int n, char ***out)
{
	path_list l = {0};
	int i;

	*out = NULL;
	for (i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = l.n;
			int wrc = walk_dir(&l, args[i], 0);
			/* a folder without maps is itself reported (AM001) */
			if (wrc == 0 && l.n == before && push(&l, strdup(args[i])) < 0)
				wrc = -1;
			if (wrc < 0) {
				fprintf(stderr, "argmap: %s: cannot list the folder: %s\n", args[i],
				        strerror(errno));
				cli_free_paths(l.v);
				return CLI_IO;
			}
		} else if (push(&l, strdup(args[i])) < 0) {
			fputs("argmap: out of memory\n", stderr);
			cli_free_paths(l.v);
			return CLI_IO;
		}
	}
	if (!l.v && push(&l, NULL) < 0 && !l.v) {
		l.v = calloc(1, sizeof *l.v);
		if (!l.v)
			return CLI_IO;
	}
	*out = l.v;
	return 0;
}

void cli_free_paths(char **paths)
{
	size_t i;

	for (i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
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
	if (!strcmp(path, "-")) {
		rc = load_stdin(&map, diags);
		path = "<stdin>";
	} else {
		rc = argmap_map_load(&map, path, NULL, diags);
	}
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
	/* Help texts and reports up to 64 KiB reach the file in one write at
	 * the final flush, whose errno (ENOSPC, EFBIG) the message can name;
	 * stdio forgets it when a write fails midway. */
	static char stdout_buffer[1 << 16];
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
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

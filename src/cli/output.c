/*
 * output.c - where the commands may write (output.h): standard output,
 * and the files no output may replace. Shared by `argmap export` and
 * `argmap render`.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

char *cli_output_name(const char *dir, const char *in, const char *suffix)
{
	const char *base = strrchr(in, '/');
	size_t stem, n;
	char *out;

	base = base ? base + 1 : in;
	stem = strlen(base);
	if (stem > 4 && !strcmp(base + stem - 4, ".xml"))
		stem -= 4;
	n = strlen(dir) + stem + strlen(suffix) + 2;
	out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s%.*s%s", dir, !*dir || dir[strlen(dir) - 1] == '/' ? "" : "/",
		         (int)stem, base, suffix);
	return out;
}

int cli_write_stdout(const char *cmd, const char *data, size_t len)
{
	errno = 0;
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
		int err = errno ? errno : EIO;
		fprintf(stderr, "argmap %s: cannot write to standard output: %s\n", cmd,
		        strerror(err));
		cli_stdout_failed(CLI_STDOUT_REPORTED);
		return CLI_IO;
	}
	return CLI_OK;
}

void cli_free_protected(protected_list *p)
{
	size_t i;

	/* owned[0..n_owned) are each set before n_owned counts them; the
	 * analyser loses that across realloc */
	for (i = 0; p->owned && i < p->n_owned; i++)
		free(p->owned[i]); /* NOLINT(clang-analyzer-core.CallAndMessage) */
	free(p->owned);
	free(p->paths);
	memset(p, 0, sizeof *p);
}

static int add_source_texts(protected_list *p, size_t *k, size_t *cap, const char *dirs)
{
	const char *d = dirs;

	while (d && *d) {
		const char *colon = strchr(d, ':');
		size_t dl = colon ? (size_t)(colon - d) : strlen(d);
		char *dir = strndup(d, dl ? dl : 1);
		DIR *h;
		struct dirent *e;
		if (!dir)
			return -1;
		if (!dl)
			dir[0] = '.';
		h = opendir(dir);
		while (h && (e = readdir(h))) {
			char *path;
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			if (*k + 1 >= *cap) {
				size_t nc = *cap * 2;
				const char **np = realloc(p->paths, nc * sizeof *np);
				char **no = np ? realloc(p->owned, nc * sizeof *no) : NULL;
				if (np)
					p->paths = np;
				if (!no) {
					closedir(h);
					free(dir);
					return -1;
				}
				p->owned = no;
				*cap = nc;
			}
			path = malloc(strlen(dir) + strlen(e->d_name) + 2);
			if (!path) {
				closedir(h);
				free(dir);
				return -1;
			}
			sprintf(path, "%s/%s", dir, e->d_name);
			p->owned[p->n_owned++] = path;
			p->paths[(*k)++] = path;
		}
		if (h)
			closedir(h);
		free(dir);
		d = colon ? colon + 1 : NULL;
	}
	return 0;
}

int cli_protected_paths(protected_list *p, const argmap_map *map, char *const *inputs, int n_inputs,
                        const char *sources)
{
	size_t nf = argmap_map_file_count(map), i, k = 0, cap = nf + (size_t)n_inputs + 16;

	memset(p, 0, sizeof *p);
	p->paths = malloc(cap * sizeof *p->paths);
	p->owned = malloc(cap * sizeof *p->owned);
	if (!p->paths || !p->owned)
		goto fail;
	for (i = 0; i < nf; i++)
		p->paths[k++] = argmap_map_file(map, i)->path;
	for (i = 0; i < (size_t)n_inputs; i++)
		p->paths[k++] = inputs[i];
	if (sources && add_source_texts(p, &k, &cap, sources) != 0)
		goto fail;
	p->paths[k] = NULL;
	return 0;
fail:
	cli_free_protected(p);
	return -1;
}

/* SIGINT, SIGTERM, SIGHUP during a write: remove the temporary file, then
 * die of the signal as if there were no handler (the shell sees it). */
static void on_fatal_signal(int sig)
{
	argmap_write_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_catch_fatal_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		/* a signal ignored by whoever started us stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

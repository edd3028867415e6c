/*
 * cmd_watch.c - `argmap watch FILE...`: check the maps again (and with
 * --render, draw them again) every time one of their files is saved, with
 * one status line per run. inotify on the folders of the maps and of
 * everything they import, so that editors that save by renaming a new file
 * over the old one are seen too.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define MAX_WATCHES 256
#define MAX_RENDER_ARGS 32

static void watch_usage(FILE *out)
{
	fputs("Usage: argmap watch [options] FILE...\n"
	      "\n"
	      "Check the maps, then check them again every time one of their files (the\n"
	      "map or anything it imports) is saved, until interrupted. Each run prints\n"
	      "the diagnostics and one status line:\n"
	      "  12:04:31 checked 1 map: 0 errors, 1 warning\n"
	      "\n"
	      "Options:\n"
	      "  --sources DIRS    verify quotes, as argmap check --sources\n"
	      "  --werror          treat warnings as errors\n"
	      "  --render 'ARGS'   after a run without errors, run argmap render ARGS on\n"
	      "                    each map (ARGS split at spaces, e.g. '-d out -T svg')\n"
	      "  --max-runs N      stop after N runs (for scripts and tests)\n"
	      "  -h, --help        show this help\n",
	      out);
}

typedef struct watcher {
	int fd;
	int wd[MAX_WATCHES];
	char *dir[MAX_WATCHES];
	int any[MAX_WATCHES]; /* a sources folder: every file in it counts */
	size_t n;
	char *names[MAX_WATCHES]; /* files read: "wd/name" */
	size_t nnames;
} watcher;

/* Watches the folder of `file` (or, with any, the folder `file`) and
 * remembers the file's name in it. */
static void add_watch(watcher *w, const char *file, int any);

static void add_dir(watcher *w, const char *file)
{
	add_watch(w, file, 0);
}

static void remember(watcher *w, int wd, const char *name)
{
	char key[PATH_MAX + 16];
	size_t i;

	snprintf(key, sizeof key, "%d/%s", wd, name);
	for (i = 0; i < w->nnames; i++)
		if (!strcmp(w->names[i], key))
			return;
	if (w->nnames < MAX_WATCHES && (w->names[w->nnames] = strdup(key)) != NULL)
		w->nnames++;
}

static void add_watch(watcher *w, const char *file, int any)
{
	const char *slash = any ? NULL : strrchr(file, '/');
	char dir[PATH_MAX];
	size_t i;
	int wd;

	if (any)
		snprintf(dir, sizeof dir, "%s", file);
	else if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash == file ? 1 : slash - file), file);
	else
		snprintf(dir, sizeof dir, ".");
	for (i = 0; i < w->n; i++)
		if (!strcmp(w->dir[i], dir))
			break;
	if (i == w->n) {
		if (w->n == MAX_WATCHES)
			return;
		/* a save is a write that ends, or a new file renamed over the old */
		wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO);
		if (wd < 0)
			return;
		w->dir[w->n] = strdup(dir);
		if (!w->dir[w->n]) {
			inotify_rm_watch(w->fd, wd);
			return;
		}
		w->any[w->n] = any;
		w->wd[w->n++] = wd;
	}
	if (!any)
		remember(w, w->wd[i], slash ? slash + 1 : file);
}

/* Runs `argmap render ARGS FILE` as a child; its exit status. */
static int render(const char *self, char **rargs, int nr, const char *file)
{
	static char render_cmd[] = "render";
	char *args[MAX_RENDER_ARGS + 4];
	int i, k = 0, st;
	pid_t pid;

	args[k++] = (char *)self;
	args[k++] = render_cmd;
	for (i = 0; i < nr; i++)
		args[k++] = rargs[i];
	args[k++] = (char *)file;
	args[k] = NULL;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execv(self, args);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return CLI_IO;
	return WIFEXITED(st) ? WEXITSTATUS(st) : CLI_IO;
}

/* One run: check every map, print, render; watch every file it read. */
static int run_once(watcher *w, char **files, int n, const char *sources, int werror,
                    const char *self, char **rargs, int nr)
{
	argmap_diags *diags = argmap_diags_new();
	size_t nerr, nwarn, k;
	int i, worst = CLI_OK;
	char stamp[16];
	time_t now = time(NULL);
	struct tm tm;

	if (!diags)
		return CLI_IO;
	if (sources) {
		char *copy = strdup(sources), *p, *save = NULL;
		for (p = copy ? strtok_r(copy, ":", &save) : NULL; p;
		     p = strtok_r(NULL, ":", &save))
			add_watch(w, p, 1);
		free(copy);
	}
	for (i = 0; i < n; i++) {
		argmap_map *map = NULL;
		int rc = cli_load_and_check(files[i], sources, diags, &map);
		add_dir(w, files[i]);
		for (k = 0; map && k < argmap_map_file_count(map); k++)
			add_dir(w, argmap_map_file(map, k)->path);
		argmap_map_free(map);
		if (rc > worst)
			worst = rc;
	}
	if (werror)
		argmap_diags_promote_warnings(diags);
	cli_print_diags(diags, CLI_TEXT, 0);
	nerr = argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR);
	nwarn = argmap_diags_count_severity(diags, ARGMAP_SEV_WARNING);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
	fprintf(stderr, "%s checked %d map%s: %zu error%s, %zu warning%s\n", stamp, n,
	        n == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
	argmap_diags_free(diags);
	if (nerr && worst == CLI_OK)
		worst = CLI_ERRORS;
	if (rargs && worst == CLI_OK)
		for (i = 0; i < n; i++) {
			int rc = render(self, rargs, nr, files[i]);
			fprintf(stderr, "%s render %s: %s\n", stamp, files[i],
			        rc == 0 ? "done" : "failed");
		}
	fflush(stderr);
	return worst;
}

/* 1 if the events in buf name a file the last run read (a map, an
 * import) or any file of a sources folder. */
static int relevant(const watcher *w, const char *buf, ssize_t len)
{
	const char *p = buf;
	size_t i;

	while (p < buf + len) {
		/* the kernel aligns each event record; buf is aligned for it */
		const struct inotify_event *e = (const struct inotify_event *)(const void *)p;
		char key[PATH_MAX + 16];
		p += sizeof *e + e->len;
		if (!e->len)
			continue;
		for (i = 0; i < w->n; i++)
			if (w->wd[i] == e->wd && w->any[i])
				return 1;
		snprintf(key, sizeof key, "%d/%s", e->wd, e->name);
		for (i = 0; i < w->nnames; i++)
			if (!strcmp(w->names[i], key))
				return 1;
	}
	return 0;
}

int cli_watch(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"sources", required_argument, NULL, 's'}, {"werror", no_argument, NULL, 'W'},
	    {"render", required_argument, NULL, 'r'},  {"max-runs", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
	const char *sources = NULL;
	char *render_spec = NULL, *rargs[MAX_RENDER_ARGS], *save = NULL, *p, self[PATH_MAX];
	int opt, werror = 0, nr = 0, rc = CLI_OK, use_render = 0;
	long max_runs = 0, runs = 0;
	ssize_t sl;
	watcher w;
	size_t i;

	optind = 1;
	while ((opt = cli_getopt("watch", argc, argv, "h", longopts)) != -1) {
		switch (opt) {
		case 's': sources = optarg; break;
		case 'W': werror = 1; break;
		case 'r':
			render_spec = optarg;
			use_render = 1;
			break;
		case 'm':
			max_runs = strtol(optarg, &p, 10);
			if (!*optarg || *p || max_runs < 1) {
				return cli_usage_error(
				    "watch", "--max-runs wants a number from 1, not '%s'", optarg);
			}
			break;
		case 'h':
			watch_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (optind >= argc) {
		return cli_usage_error("watch", "%s", "no map given");
	}
	for (p = render_spec ? strtok_r(render_spec, " ", &save) : NULL; p;
	     p = strtok_r(NULL, " ", &save)) {
		if (nr == MAX_RENDER_ARGS) {
			return cli_usage_error("watch", "%s", "--render: too many arguments");
		}
		rargs[nr++] = p;
	}
	sl = readlink("/proc/self/exe", self, sizeof self - 1);
	if (sl <= 0) {
		fprintf(stderr, "argmap watch: cannot find this program: %s\n", strerror(errno));
		return CLI_IO;
	}
	self[sl] = '\0';
	memset(&w, 0, sizeof w);
	w.fd = inotify_init1(IN_CLOEXEC);
	if (w.fd < 0) {
		fprintf(stderr, "argmap watch: inotify: %s\n", strerror(errno));
		return CLI_IO;
	}
	for (;;) {
		char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
		struct pollfd pfd;
		ssize_t n;
		rc = run_once(&w, argv + optind, argc - optind, sources, werror, self,
		              use_render ? rargs : NULL, nr);
		if (max_runs && ++runs >= max_runs)
			break;
		for (;;) { /* wait for a save of a file of interest */
			n = read(w.fd, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				fprintf(stderr, "argmap watch: inotify: %s\n",
				        n < 0 ? strerror(errno) : "closed");
				rc = CLI_IO;
				goto done;
			}
			if (relevant(&w, buf, n))
				break;
		}
		/* the rest of the burst of one save (editors write, rename, touch) */
		pfd.fd = w.fd;
		pfd.events = POLLIN;
		while (poll(&pfd, 1, 100) > 0 && read(w.fd, buf, sizeof buf) > 0) {
		}
	}
done:
	for (i = 0; i < w.n; i++)
		free(w.dir[i]);
	for (i = 0; i < w.nnames; i++)
		free(w.names[i]);
	close(w.fd);
	return rc;
}

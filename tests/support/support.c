#define _DEFAULT_SOURCE 1
#include "support.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long last_rss;
static double last_secs;

char *ts_tmpdir(void)
{
	char tmpl[] = "/tmp/argmap-test-XXXXXX";
	char *d = mkdtemp(tmpl);

	cr_assert(d, "mkdtemp: %s", strerror(errno));
	return strdup(d);
}

void ts_rmtree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			ts_rmtree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

char *ts_write(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *f;

	cr_assert(path);
	sprintf(path, "%s/%s", dir, name);
	if (len == (size_t)-1)
		len = strlen(data);
	f = fopen(path, "wb");
	cr_assert(f, "cannot write %s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
	return path;
}

void ts_put(const char *dir, const char *name, const char *data, size_t len)
{
	free(ts_write(dir, name, data, len));
}

char *ts_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	return buf;
}

argmap_diags *ts_check_file(const char *path, const char *sources)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	argmap_check_options o = ARGMAP_CHECK_OPTIONS_INIT;

	cr_assert(d);
	argmap_map_load(&m, path, NULL, d);
	if (m) {
		o.quote_texts_dir = sources;
		cr_assert_eq(argmap_check(m, &o, d), 0);
		argmap_map_free(m);
	}
	argmap_diags_sort(d);
	return d;
}

argmap_diags *ts_check_text(const char *xml)
{
	char *dir = ts_tmpdir(), *path = ts_write(dir, "map.xml", xml, (size_t)-1);
	argmap_diags *d = ts_check_file(path, NULL);

	free(path);
	ts_rmtree(dir);
	free(dir);
	return d;
}

argmap_diags *ts_check_body(const char *body)
{
	size_t n = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;
	char *xml = malloc(n);
	argmap_diags *d;

	cr_assert(xml);
	snprintf(xml, n, "%s%s%s", TS_HEAD, body, TS_TAIL);
	d = ts_check_text(xml);
	free(xml);
	return d;
}

size_t ts_count(const argmap_diags *d, const char *code)
{
	size_t i, n = 0;

	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (x->parent == ARGMAP_NONE && !strcmp(x->code, code))
			n++;
	}
	return n;
}

const argmap_diag *ts_find(const argmap_diags *d, const char *code)
{
	size_t i;

	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (x->parent == ARGMAP_NONE && !strcmp(x->code, code))
			return x;
	}
	return NULL;
}

char *ts_dump(const argmap_diags *d)
{
	size_t i, cap = 1, len = 0;
	char *out = malloc(1);

	cr_assert(out);
	out[0] = '\0';
	for (i = 0; i < argmap_diags_count(d); i++) {
		char *line = argmap_diag_format_text(argmap_diags_get(d, i));
		size_t n = strlen(line);
		if (len + n + 2 > cap) {
			cap = (len + n + 2) * 2;
			out = realloc(out, cap);
			cr_assert(out);
		}
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
		free(line);
	}
	return out;
}

static char *slurp_fd(int fd)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	ssize_t n;

	cr_assert(buf);
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
			cr_assert(buf);
		}
	}
	buf[len] = '\0';
	return buf;
}

int ts_run_cli(const char *const *args, char **out, char **err, int timeout_s)
{
	return ts_run_cli_with(args, NULL, out, err, timeout_s);
}

int ts_run_cli_with(const char *const *args, const ts_run_opts *o, char **out, char **err,
                    int timeout_s)
{
	char outpath[] = "/tmp/argmap-out-XXXXXX", errpath[] = "/tmp/argmap-err-XXXXXX";
	int ofd = mkstemp(outpath), efd = mkstemp(errpath), status = 0;
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	size_t n = 0;

	cr_assert(ofd >= 0 && efd >= 0);
	while (args[n])
		n++;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		const char **argv = calloc(n + 2, sizeof *argv);
		int devnull = open("/dev/null", O_RDONLY);
		size_t i;
		argv[0] = ARGMAP_CLI;
		for (i = 0; i < n; i++)
			argv[i + 1] = args[i];
		dup2(devnull, 0);
		if (o && o->stdout_path) {
			int fd = open(o->stdout_path, O_WRONLY);
			if (fd < 0)
				_exit(126);
			dup2(fd, 1);
		} else {
			dup2(ofd, 1);
		}
		dup2(efd, 2);
		if (o && o->fsize_limit) {
			struct rlimit rl = {(rlim_t)o->fsize_limit, (rlim_t)o->fsize_limit};
			setrlimit(RLIMIT_FSIZE, &rl);
		}
		if (o && o->as_limit) {
			struct rlimit rl = {(rlim_t)o->as_limit, (rlim_t)o->as_limit};
			setrlimit(RLIMIT_AS, &rl);
		}
		alarm((unsigned)timeout_s);
		execv(ARGMAP_CLI, (char *const *)argv);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	last_secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	last_rss = ru.ru_maxrss;
	lseek(ofd, 0, SEEK_SET);
	lseek(efd, 0, SEEK_SET);
	if (out)
		*out = slurp_fd(ofd);
	if (err)
		*err = slurp_fd(efd);
	close(ofd);
	close(efd);
	unlink(outpath);
	unlink(errpath);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

long ts_last_maxrss_kib(void)
{
	return last_rss;
}

double ts_last_seconds(void)
{
	return last_secs;
}

/*
 * replay.c - runs fuzz inputs without libFuzzer, so the normal (gcc)
 * build and the sanitizer build replay the seed corpus and every input
 * that ever crashed, leaked or hung a fuzzer (tests/fuzz/regressions/).
 *
 *   replay_check [--max-seconds S] FILE-OR-DIR...
 *
 * Each regular file (directories are read one level deep, in name order)
 * is passed to LLVMFuzzerTestOneInput. A broken invariant aborts (the
 * targets use FUZZ_CHECK); an input that takes longer than S seconds
 * (default 10) fails the run, as libFuzzer's -timeout would. Exit status:
 * 0 all inputs passed, 1 a slow input or an unreadable path, 2 no inputs.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double max_seconds = 10.0;
static size_t runs, failures;
static double total;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int read_all(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0;
	uint8_t *buf;

	if (!f)
		return -1;
	buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		{
			uint8_t *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (!buf)
		return -1;
	*out = buf;
	*len = n;
	return 0;
}

static void run_file(const char *path)
{
	uint8_t *data = NULL;
	size_t len = 0;
	double t0, dt;

	if (read_all(path, &data, &len) != 0) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		failures++;
		return;
	}
	t0 = now();
	LLVMFuzzerTestOneInput(data, len);
	dt = now() - t0;
	free(data);
	runs++;
	total += dt;
	if (dt > max_seconds) {
		fprintf(stderr, "replay: %s took %.2f s (limit %.1f s)\n", path, dt, max_seconds);
		failures++;
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (!d) {
		fprintf(stderr, "replay: cannot open %s: %s\n", dir, strerror(errno));
		failures++;
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *p);
			if (!p)
				abort();
			names = p;
		}
		names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!names[n])
			abort();
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			run_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		struct stat st;
		if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
			max_seconds = atof(argv[++i]);
			continue;
		}
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			failures++;
		} else if (S_ISDIR(st.st_mode)) {
			run_dir(argv[i]);
		} else {
			run_file(argv[i]);
		}
	}
	printf("replay: %zu inputs in %.2f s, %zu failed\n", runs, total, failures);
	if (failures)
		return 1;
	return runs ? 0 : 2;
}

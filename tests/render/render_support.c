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
#include <unistd.h>
#include <zlib.h>

#include "render_support.h"

argmap_map *rs_load(const char *path)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *map = NULL;
	char *dump;

	cr_assert(d);
	cr_assert_eq(argmap_map_load(&map, path, NULL, d), 0, "cannot load %s", path);
	cr_assert(map);
	cr_assert_eq(argmap_check(map, NULL, d), 0);
	dump = ts_dump(d);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s has errors:\n%s",
	             path, dump);
	free(dump);
	argmap_diags_free(d);
	return map;
}

argmap_map *rs_load_body(const char *dir, const char *name, const char *body, char **path)
{
	size_t n = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;
	char *xml = malloc(n), *p;
	argmap_map *map;

	cr_assert(xml);
	snprintf(xml, n, "%s%s%s", TS_HEAD, body, TS_TAIL);
	p = ts_write(dir, name, xml, (size_t)-1);
	free(xml);
	map = rs_load(p);
	if (path)
		*path = p;
	else
		free(p);
	return map;
}

char *rs_render(const argmap_map *map, const argmap_render_options *o, size_t *len, int *rc,
                argmap_diags **diags)
{
	argmap_diags *d = argmap_diags_new();
	argmap_render_options lim = *o;
	char *out = NULL;
	size_t n = 0;
	int r;

	cr_assert(d);
	/* The library's default 60 s wall-clock limit is a product setting, not
	 * a test oracle: under ASan on a loaded 2-core machine one handout's
	 * hundreds of trial layouts took 61 s (CI, stop 19). Tests that do not
	 * set a limit run without one; Criterion's --timeout guards hangs. */
	if (lim.time_limit == 0)
		lim.time_limit = -1.0;
	r = argmap_render(map, &lim, d, &out, &n);
	if (rc)
		*rc = r;
	if (len)
		*len = n;
	if (diags)
		*diags = d;
	else
		argmap_diags_free(d);
	return out;
}

char *rs_render_ok(const argmap_map *map, const argmap_render_options *o, size_t *len)
{
	argmap_diags *d = NULL;
	int rc = -99;
	char *out = rs_render(map, o, len, &rc, &d);
	char *dump = ts_dump(d);

	cr_assert_eq(rc, 0, "render failed (%d: %s):\n%s", rc, argmap_error_last(), dump);
	cr_assert(out);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s", dump);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 0,
	             "unexpected warnings:\n%s", dump);
	free(dump);
	argmap_diags_free(d);
	return out;
}

size_t rs_count(const char *hay, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle), i;

	if (!hay || !k)
		return 0;
	for (i = 0; i + k <= len;) {
		if (memcmp(hay + i, needle, k) == 0) {
			n++;
			i += k;
		} else {
			i++;
		}
	}
	return n;
}

int rs_file_is(const char *path, const char *data, size_t len)
{
	size_t n = 0;
	char *got = ts_read(path, &n);
	int same = got && n == len && memcmp(got, data, len) == 0;

	free(got);
	return same;
}

int rs_temp_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	cr_assert(d, "cannot list %s", dir);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, ".argmap-", 8) == 0)
			n++;
	closedir(d);
	return n;
}

int rs_run_cli_ex(const char *const *args, char **err, int timeout_s, int mask, long fsize,
                  const char *env)
{
	char errpath[] = "/tmp/argmap-rerr-XXXXXX";
	int efd = mkstemp(errpath), status = 0;
	size_t n = 0;
	pid_t pid;

	cr_assert(efd >= 0);
	while (args[n])
		n++;
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		const char **argv = calloc(n + 2, sizeof *argv);
		int devnull = open("/dev/null", O_RDWR);
		size_t i;
		argv[0] = ARGMAP_CLI;
		for (i = 0; i < n; i++)
			argv[i + 1] = args[i];
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(efd, 2);
		if (mask >= 0)
			umask((mode_t)mask);
		if (fsize > 0) {
			struct rlimit rl;
			rl.rlim_cur = rl.rlim_max = (rlim_t)fsize;
			setrlimit(RLIMIT_FSIZE, &rl);
		}
		if (env)
			putenv((char *)env);
		alarm((unsigned)timeout_s);
		execv(ARGMAP_CLI, (char *const *)argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (err) {
		lseek(efd, 0, SEEK_SET);
		*err = ts_read(errpath, NULL);
	}
	close(efd);
	unlink(errpath);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

const char *rs_message(const argmap_diags *d, const char *code)
{
	const argmap_diag *x = ts_find(d, code);
	return x ? x->message : NULL;
}

/* base64 text b[0..n) (only its alphabet, padded), decoded into a
 * malloc'd buffer of *len bytes. */
static unsigned char *from_base64(const char *b, size_t n, size_t *len)
{
	static const char abc[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char *out = malloc(n / 4 * 3 + 1);
	size_t i, o = 0;

	cr_assert(out);
	cr_assert_eq(n % 4, 0, "base64 comes in groups of four");
	for (i = 0; i < n; i += 4) {
		unsigned long v = 0;
		int k, pad = 0;
		for (k = 0; k < 4; k++) {
			const char *c = b[i + k] == '=' ? NULL : memchr(abc, b[i + k], 64);
			cr_assert(c || (b[i + k] == '=' && i + 4 == n && k >= 2),
			          "only base64 in the text (0x%02x at %zu)",
			          (unsigned char)b[i + k], i + k);
			pad += !c;
			v = v << 6 | (unsigned long)(c ? c - abc : 0);
		}
		out[o++] = (unsigned char)(v >> 16);
		if (pad < 2)
			out[o++] = (unsigned char)(v >> 8);
		if (pad < 1)
			out[o++] = (unsigned char)v;
	}
	*len = o;
	return out;
}

/* What am_html_pack wrote in b[0..n), inflated: malloc'd, NUL-terminated,
 * *len bytes. */
char *rs_unpack(const char *b, size_t n, size_t *len)
{
	size_t zn, cap = 1024;
	unsigned char *z = from_base64(b, n, &zn);
	char *out = malloc(cap);
	z_stream s;
	int rc;

	memset(&s, 0, sizeof s);
	cr_assert(out && inflateInit(&s) == Z_OK);
	s.next_in = z;
	s.avail_in = (uInt)zn;
	do {
		if (s.total_out + 1 >= cap) {
			cap *= 2;
			out = realloc(out, cap);
			cr_assert(out);
		}
		s.next_out = (Bytef *)out + s.total_out;
		s.avail_out = (uInt)(cap - 1 - s.total_out);
		rc = inflate(&s, Z_NO_FLUSH);
		cr_assert(rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR, "inflate: %d", rc);
	} while (rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && s.avail_in == 0));
	cr_assert_eq(rc, Z_STREAM_END, "the stream is whole");
	cr_assert_eq(s.avail_in, 0, "nothing after the stream");
	*len = s.total_out;
	out[*len] = '\0';
	inflateEnd(&s);
	free(z);
	return out;
}

/* The page's data element `id`, inflated (html.c, put_packed). */
char *rs_page_data(const char *html, const char *id, size_t *len)
{
	char open[160];
	const char *p, *q;

	snprintf(open, sizeof open,
	         "<script type=\"application/octet-stream\" id=\"%s\" "
	         "data-encoding=\"deflate base64\">",
	         id);
	p = strstr(html, open);
	cr_assert(p, "the page has no %s", id);
	p += strlen(open);
	q = strstr(p, "</script>");
	cr_assert(q);
	return rs_unpack(p, (size_t)(q - p), len);
}

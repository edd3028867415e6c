/*
 * Containment (issue 5 section 3) and safe output (issue 3 section 5):
 * whatever goes wrong - a check error, a Graphviz error, a crash, exit(),
 * a runaway layout, memory, a full disk, an output that is an input - the
 * run says so clearly, existing outputs stay byte-identical, and no
 * temporary file is left behind.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "render/testhooks.h"
#include "util/buf.h"
#include "render_support.h"

TestSuite(contain, .timeout = 120 * TS_SLOW);
TestSuite(output, .timeout = 120 * TS_SLOW);

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Renders basic.xml with a fault injected; returns the diagnostics
 * (caller frees) and checks that the call failed cleanly. */
static argmap_diags *faulty(int fault, argmap_render_options *o, int expect_rc)
{
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	argmap_diags *d = NULL;
	size_t len = 99;
	int rc = 0;
	char *out;

	am_render_fault = fault;
	out = rs_render(map, o, &len, &rc, &d);
	am_render_fault = AM_FAULT_NONE;
	cr_expect_eq(rc, expect_rc, "status %d, expected %d (%s)", rc, expect_rc, argmap_error_last());
	if (expect_rc != 0) {
		cr_expect_null(out);
		cr_expect_eq(len, 0);
	}
	free(out);
	argmap_map_free(map);
	return d;
}

static void expect_code(argmap_diags *d, const char *code, const char *words)
{
	const argmap_diag *x = ts_find(d, code);
	char *dump = ts_dump(d);

	cr_assert(x, "no %s in:\n%s", code, dump);
	cr_expect_eq(x->severity, ARGMAP_SEV_ERROR);
	cr_expect(x->file && strstr(x->file, "basic.xml"), "the message names the map");
	cr_expect(strstr(x->message, words), "%s: '%s' lacks '%s'", code, x->message, words);
	free(dump);
}

Test(contain, crash_of_the_renderer)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = faulty(AM_FAULT_CRASH, &o, ARGMAP_ERENDER);

	expect_code(d, "AM703", "crashed with signal 11");
	argmap_diags_free(d);
}

Test(contain, exit_inside_graphviz)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = faulty(AM_FAULT_EXIT, &o, ARGMAP_ERENDER);

	expect_code(d, "AM703", "exited with status 1");
	expect_code(d, "AM703", "gvwrite_no_z problem");
	argmap_diags_free(d);
}

Test(contain, runaway_cpu_hits_the_time_limit)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	double t0 = now();
	argmap_diags *d;

	o.time_limit = 1.0;
	d = faulty(AM_FAULT_HANG, &o, ARGMAP_ERENDER);
	cr_expect(now() - t0 < 4.0, "took %.1f s", now() - t0);
	expect_code(d, "AM701", "limit of 1 s");
	cr_expect(ts_find(d, "AM701")->hint && strstr(ts_find(d, "AM701")->hint, "--focus"));
	argmap_diags_free(d);
}

Test(contain, blocked_renderer_hits_the_wall_clock)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	double t0 = now();
	argmap_diags *d;

	o.time_limit = 0.5;
	d = faulty(AM_FAULT_SLEEP, &o, ARGMAP_ERENDER);
	cr_expect(now() - t0 < 3.0, "took %.1f s", now() - t0);
	expect_code(d, "AM701", "exceeded the time limit");
	argmap_diags_free(d);
}

Test(contain, memory_limit)
{
#ifdef TS_UNDER_ASAN
	cr_skip_test("no RLIMIT_AS under AddressSanitizer");
#else
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d;

	o.memory_limit = (size_t)512 << 20;
	d = faulty(AM_FAULT_HOG, &o, ARGMAP_ERENDER);
	expect_code(d, "AM702", "ran out of memory (limit 512 MiB)");
	cr_expect(strstr(ts_find(d, "AM702")->hint, "--memory-limit"));
	argmap_diags_free(d);
#endif
}

Test(contain, real_graphviz_with_too_little_memory)
{
#ifdef TS_UNDER_ASAN
	cr_skip_test("no RLIMIT_AS under AddressSanitizer");
#else
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d;
	const argmap_diag *x;
	size_t i;

	/* too little even to start pango and cairo: whatever Graphviz does
	 * (crash, abort, exit), it is one clear error */
	o.format = ARGMAP_RENDER_PDF;
	o.memory_limit = (size_t)24 << 20;
	d = faulty(AM_FAULT_NONE, &o, ARGMAP_ERENDER);
	for (i = 0, x = NULL; i < argmap_diags_count(d); i++)
		if (argmap_diags_get(d, i)->severity == ARGMAP_SEV_ERROR)
			x = argmap_diags_get(d, i);
	cr_assert(x);
	cr_expect(!strcmp(x->code, "AM702") || !strcmp(x->code, "AM703") || !strcmp(x->code, "AM704"),
	          "%s: %s", x->code, x->message);
	argmap_diags_free(d);
#endif
}

Test(contain, graphviz_errors_are_diagnostics)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = faulty(AM_FAULT_GVERROR, &o, ARGMAP_ERENDER);

	/* a label Graphviz rejects fails the run instead of showing \N */
	expect_code(d, "AM704", "Graphviz failed during layout");
	cr_expect(strstr(ts_find(d, "AM704")->message, "n_bad"), "%s", ts_find(d, "AM704")->message);
	argmap_diags_free(d);
	o.in_process = 1;
	d = faulty(AM_FAULT_GVERROR, &o, ARGMAP_ERENDER);
	expect_code(d, "AM704", "Graphviz failed during layout");
	argmap_diags_free(d);
}

Test(contain, what_the_renderer_prints_becomes_warnings)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = faulty(AM_FAULT_NOISE, &o, 0);
	size_t i, n = 0;

	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (!strcmp(x->code, "AM705")) {
			cr_expect_eq(x->severity, ARGMAP_SEV_WARNING);
			cr_expect(strstr(x->message, "the renderer printed: "));
			n++;
		}
	}
	cr_expect_eq(n, 2, "one warning per line printed");
	argmap_diags_free(d);
}

/* A dense map: 1,000 claims, 1,500 random cross supports. */
static char *dense_map(const char *dir)
{
	am_buf b = {0};
	unsigned long seed = 12345;
	size_t i;
	char *body, *path;

	am_buf_puts(&b, TS_HEAD);
	am_buf_puts(&b, "<actor id=\"a\" kind=\"person\" name=\"A\"/>\n<source id=\"s\" kind=\"web\"><title>S</title></source>\n"
	                "<question id=\"q\"><text>Dense?</text></question>\n");
	for (i = 0; i < 1000; i++)
		am_buf_printf(&b, "<claim id=\"c%zu\" by=\"a\" source=\"s\"><text>Claim number %zu says something "
		                  "fairly long about the matter at hand.</text></claim>\n", i, i);
	am_buf_puts(&b, "<answer from=\"c0\" to=\"q\" stance=\"yes\"/>\n");
	for (i = 1; i < 1000; i++)
		am_buf_printf(&b, "<support from=\"c%zu\" to=\"c%zu\"/>\n", i, (i - 1) / 3);
	for (i = 0; i < 1500; i++) {
		size_t from, to;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		from = (size_t)(seed >> 33) % 999 + 1;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		to = (size_t)(seed >> 33) % from; /* earlier claim: no cycle */
		if (to == (from - 1) / 3)
			continue;
		am_buf_printf(&b, "<rebut from=\"c%zu\" to=\"c%zu\"/>\n", from, to);
	}
	am_buf_puts(&b, TS_TAIL);
	body = am_buf_detach(&b);
	path = ts_write(dir, "dense.xml", body, (size_t)-1);
	free(body);
	return path;
}

Test(contain, dense_map_finishes_or_stops_in_time)
{
	char *dir = ts_tmpdir(), *in = dense_map(dir), *out, *err = NULL;
	const char *args[] = {"render", "--time-limit", "3", "-o", NULL, NULL, NULL};
	double t0 = now();
	int rc;

	out = ts_write(dir, "dense.svg", "OLD", 3);
	args[4] = out;
	args[5] = in;
	rc = rs_run_cli_ex(args, &err, 60, -1, 0, NULL);
	cr_expect(now() - t0 < 12.0, "took %.1f s", now() - t0);
	if (rc == 0) {
		cr_expect(!rs_file_is(out, "OLD", 3));
	} else {
		cr_expect_eq(rc, 1, "%s", err);
		cr_expect(strstr(err, "[AM701]"), "%s", err);
		cr_expect(strstr(err, "dense.xml"), "the error names the map: %s", err);
		cr_expect(rs_file_is(out, "OLD", 3), "the existing output changed");
	}
	cr_expect_eq(rs_temp_files(dir), 0);
	free(err);
	free(in);
	free(out);
	ts_rmtree(dir);
	free(dir);
}

/* ---------------------------------------------------------- safe output */

static char *dir_with_map(char **in)
{
	char *dir = ts_tmpdir();
	char *src = ts_read(RS_DATA("basic.xml"), NULL);

	cr_assert(src);
	*in = ts_write(dir, "map.xml", src, (size_t)-1);
	free(src);
	return dir;
}

Test(output, check_errors_leave_outputs_alone)
{
	char *dir = ts_tmpdir(), *in, *out, *err = NULL;
	const char *args[] = {"render", "-o", NULL, NULL, NULL};
	int rc;

	in = ts_write(dir, "bad.xml",
	              TS_HEAD "<claim id=\"c\"><text>x</text></claim>\n"
	                      "<support from=\"nowhere\" to=\"c\"/>\n" TS_TAIL,
	              (size_t)-1);
	out = ts_write(dir, "bad.svg", "OLD", 3);
	args[2] = out;
	args[3] = in;
	rc = rs_run_cli_ex(args, &err, 30, -1, 0, NULL);
	cr_expect_eq(rc, 1, "%s", err);
	cr_expect(strstr(err, "not drawn"), "%s", err);
	cr_expect(rs_file_is(out, "OLD", 3));
	cr_expect_eq(rs_temp_files(dir), 0);
	free(err);
	free(in);
	free(out);
	ts_rmtree(dir);
	free(dir);
}

Test(output, disk_full_leaves_the_old_file)
{
	char *in, *dir = dir_with_map(&in), *out, *err = NULL;
	const char *args[] = {"render", "-o", NULL, NULL, NULL};
	int rc;

	out = ts_write(dir, "map.svg", "OLD", 3);
	args[2] = out;
	args[3] = in;
	/* ulimit -f: 4 KiB; the SVG is much larger */
	rc = rs_run_cli_ex(args, &err, 60, -1, 4096, NULL);
	cr_expect_eq(rc, 3, "exit %d: %s", rc, err);
	cr_expect(strstr(err, "[AM722]"), "%s", err);
	cr_expect(strstr(err, "File too large"), "%s", err);
	cr_expect(rs_file_is(out, "OLD", 3), "the existing output changed");
	cr_expect_eq(rs_temp_files(dir), 0, "a temporary file was left behind");
	free(err);
	free(in);
	free(out);
	ts_rmtree(dir);
	free(dir);
}

Test(output, sigxfsz_is_absorbed_by_the_writer)
{
	char *dir = ts_tmpdir(), path[512];
	pid_t pid;
	int status;

	snprintf(path, sizeof path, "%s/big.bin", dir);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = {1000, 1000};
		static char data[20000];
		argmap_diags *d = argmap_diags_new();
		int rc;
		setrlimit(RLIMIT_FSIZE, &rl);
		rc = argmap_write_file_atomic(path, data, sizeof data, NULL, d);
		_exit(rc == ARGMAP_EIO && ts_count(d, "AM722") == 1 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	cr_expect(WIFEXITED(status), "the writer was killed by signal %d", WTERMSIG(status));
	cr_expect_eq(WEXITSTATUS(status), 0);
	cr_expect_eq(access(path, F_OK), -1);
	cr_expect_eq(rs_temp_files(dir), 0);
	ts_rmtree(dir);
	free(dir);
}

static void refuse(const char *how)
{
	char *in, *dir = dir_with_map(&in), *err = NULL, *before, alias[512];
	const char *args[] = {"render", "-T", "svg", "-o", alias, NULL, NULL};
	size_t n;
	int rc;

	before = ts_read(in, &n);
	if (!strcmp(how, "same"))
		snprintf(alias, sizeof alias, "%s", in);
	else if (!strcmp(how, "dot"))
		snprintf(alias, sizeof alias, "%s/./map.xml", dir);
	else {
		snprintf(alias, sizeof alias, "%s/alias.svg", dir);
		if (!strcmp(how, "symlink"))
			cr_assert_eq(symlink(in, alias), 0);
		else
			cr_assert_eq(link(in, alias), 0);
	}
	args[5] = in;
	rc = rs_run_cli_ex(args, &err, 30, -1, 0, NULL);
	cr_expect_eq(rc, 3, "%s: exit %d: %s", how, rc, err);
	cr_expect(strstr(err, "[AM721]"), "%s: %s", how, err);
	cr_expect(rs_file_is(in, before, n), "%s: the input changed", how);
	cr_expect_eq(rs_temp_files(dir), 0);
	free(before);
	free(err);
	free(in);
	ts_rmtree(dir);
	free(dir);
}

Test(output, refuses_to_overwrite_the_input)
{
	refuse("same");
	refuse("dot");
	refuse("symlink");
	refuse("hardlink");
}

Test(output, refuses_to_overwrite_an_import)
{
	char *dir = ts_tmpdir(), *lib, *in, *err = NULL, *before;
	const char *args[] = {"render", "-T", "pdf", "-o", NULL, NULL, NULL};
	size_t n;
	int rc;

	lib = ts_write(dir, "people.xml",
	               "<?xml version=\"1.0\"?>\n<argmap xmlns=\"urn:argmap:1\" version=\"1\" kind=\"library\">\n"
	               "<actor id=\"a\" kind=\"person\" name=\"A\"/>\n</argmap>\n",
	               (size_t)-1);
	in = ts_write(dir, "m.xml",
	              TS_HEAD "<import href=\"people.xml\"/>\n<question id=\"q\"><text>Q?</text></question>\n"
	                      "<claim id=\"c\" by=\"a\"><text>C.</text></claim>\n<answer from=\"c\" to=\"q\" stance=\"yes\"/>\n" TS_TAIL,
	              (size_t)-1);
	before = ts_read(lib, &n);
	args[4] = lib;
	args[5] = in;
	rc = rs_run_cli_ex(args, &err, 30, -1, 0, NULL);
	cr_expect_eq(rc, 3, "exit %d: %s", rc, err);
	cr_expect(strstr(err, "[AM721]"), "%s", err);
	cr_expect(rs_file_is(lib, before, n));
	free(before);
	free(err);
	free(lib);
	free(in);
	ts_rmtree(dir);
	free(dir);
}

static unsigned mode_after(int mask, const char *existing_mode)
{
	char *in, *dir = dir_with_map(&in), *err = NULL, out[512];
	const char *args[] = {"render", "-q", "-o", out, NULL, NULL};
	struct stat st;
	int rc;

	snprintf(out, sizeof out, "%s/map.svg", dir);
	if (existing_mode) {
		char *p = ts_write(dir, "map.svg", "OLD", 3);
		chmod(p, (mode_t)strtol(existing_mode, NULL, 8));
		free(p);
	}
	args[4] = in;
	rc = rs_run_cli_ex(args, &err, 30, mask, 0, NULL);
	cr_expect_eq(rc, 0, "%s", err);
	cr_assert_eq(stat(out, &st), 0);
	cr_expect_eq(rs_temp_files(dir), 0);
	free(err);
	free(in);
	ts_rmtree(dir);
	free(dir);
	return (unsigned)(st.st_mode & 07777);
}

Test(output, mode_follows_the_umask)
{
	cr_expect_eq(mode_after(022, NULL), 0644);
	cr_expect_eq(mode_after(027, NULL), 0640);
	cr_expect_eq(mode_after(077, NULL), 0600);
	/* not mkstemp's 0600, and not the replaced file's mode either */
	cr_expect_eq(mode_after(022, "0600"), 0644);
}

Test(output, writer_contract)
{
	char *dir = ts_tmpdir(), path[512], sub[512];
	const char *protect[] = {NULL, NULL};
	argmap_diags *d = argmap_diags_new();

	snprintf(path, sizeof path, "%s/out.txt", dir);
	cr_assert_eq(argmap_write_file_atomic(path, "hello", 5, NULL, d), 0);
	cr_expect(rs_file_is(path, "hello", 5));
	cr_assert_eq(argmap_write_file_atomic(path, "", 0, NULL, d), 0, "empty output is fine");
	cr_expect(rs_file_is(path, "", 0));
	/* refused: same file */
	protect[0] = path;
	cr_expect_eq(argmap_write_file_atomic(path, "x", 1, protect, d), ARGMAP_EARG);
	cr_expect_eq(ts_count(d, "AM721"), 1);
	/* a directory, a missing folder */
	cr_expect_eq(argmap_write_file_atomic(dir, "x", 1, NULL, d), ARGMAP_EIO);
	snprintf(sub, sizeof sub, "%s/no/such/out.txt", dir);
	cr_expect_eq(argmap_write_file_atomic(sub, "x", 1, NULL, d), ARGMAP_EIO);
	cr_expect_eq(ts_count(d, "AM722"), 2);
	cr_expect_eq(argmap_write_file_atomic(NULL, "x", 1, NULL, d), ARGMAP_EARG);
	cr_expect_eq(rs_temp_files(dir), 0);
	argmap_diags_free(d);
	ts_rmtree(dir);
	free(dir);
}

Test(output, read_only_folder)
{
	char *dir = ts_tmpdir(), path[512];
	argmap_diags *d = argmap_diags_new();

	if (geteuid() == 0) {
		/* root ignores directory permissions; use a path below a file */
		char *f = ts_write(dir, "file", "x", 1);
		snprintf(path, sizeof path, "%s/out.svg", f);
		free(f);
	} else {
		chmod(dir, 0555);
		snprintf(path, sizeof path, "%s/out.svg", dir);
	}
	cr_expect_eq(argmap_write_file_atomic(path, "x", 1, NULL, d), ARGMAP_EIO);
	cr_expect(ts_find(d, "AM722") && strstr(ts_find(d, "AM722")->message, "cannot write the output"));
	chmod(dir, 0755);
	argmap_diags_free(d);
	ts_rmtree(dir);
	free(dir);
}

/* ------------------------------------------- targets that are not files */

/* A character device standing in for /dev/null (1,3) or /dev/full (1,7),
 * in our own folder, so that a writer that replaces its target damages
 * nothing of the machine's. Skips when mknod is not allowed. */
static void standin(const char *dir, const char *name, unsigned minor, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", dir, name);
	if (mknod(path, S_IFCHR | 0666, makedev(1, minor)) != 0)
		cr_skip_test("cannot mknod a character device here: %s", strerror(errno));
}

static int is_chr(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

Test(output, a_device_is_written_into_never_replaced)
{
	char *dir = ts_tmpdir(), null[512], full[512];
	argmap_diags *d = argmap_diags_new();

	standin(dir, "null", 3, null, sizeof null);
	standin(dir, "full", 7, full, sizeof full);
	cr_expect_eq(argmap_write_file_atomic(null, "<svg/>", 6, NULL, d), 0, "%s",
	             argmap_error_last());
	cr_expect(is_chr(null), "the device is still a device");
	cr_expect_eq(argmap_write_file_atomic(full, "<svg/>", 6, NULL, d), ARGMAP_EIO);
	cr_expect(is_chr(full), "the device is still a device");
	cr_expect(rs_message(d, "AM722") &&
	              strstr(rs_message(d, "AM722"), "No space left on device"),
	          "%s", rs_message(d, "AM722") ? rs_message(d, "AM722") : "no AM722");
	cr_expect_eq(rs_temp_files(dir), 0);
	argmap_diags_free(d);
	ts_rmtree(dir);
	free(dir);
}

Test(output, a_fifo_is_written_into)
{
	char *dir = ts_tmpdir(), fifo[512], got[64] = {0};
	int pfd[2], status;
	pid_t reader;
	struct stat st;
	ssize_t n;

	snprintf(fifo, sizeof fifo, "%s/pipe", dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(pipe(pfd), 0);
	reader = fork();
	if (reader == 0) { /* reads the FIFO, hands back what came */
		int fd = open(fifo, O_RDONLY);
		char buf[64];
		ssize_t k = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
		if (k > 0)
			(void)!write(pfd[1], buf, (size_t)k);
		_exit(0);
	}
	close(pfd[1]);
	cr_expect_eq(argmap_write_file_atomic(fifo, "<svg/>", 6, NULL, NULL), 0, "%s",
	             argmap_error_last());
	{
		struct pollfd pf = {pfd[0], POLLIN, 0};
		n = poll(&pf, 1, 5000) == 1 ? read(pfd[0], got, sizeof got - 1) : -1;
	}
	close(pfd[0]);
	kill(reader, SIGKILL); /* still blocked in open() if nothing wrote to the FIFO */
	waitpid(reader, &status, 0);
	cr_expect_eq(n, 6);
	cr_expect_str_eq(got, "<svg/>");
	cr_expect(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO is still a FIFO");
	cr_expect_eq(rs_temp_files(dir), 0);
	ts_rmtree(dir);
	free(dir);
}

/* A symlink is followed: a regular target is replaced atomically where it
 * is (the link stays), a device target is written into, a link to nothing
 * is refused. */
Test(output, symlinks_are_followed_and_kept)
{
	char *dir = ts_tmpdir(), file[512], link1[512], link2[512], link3[512], full[512];
	char *got;
	struct stat st;
	argmap_diags *d = argmap_diags_new();

	snprintf(file, sizeof file, "%s/real.svg", dir);
	snprintf(link1, sizeof link1, "%s/link.svg", dir);
	snprintf(link2, sizeof link2, "%s/dev.svg", dir);
	snprintf(link3, sizeof link3, "%s/dangling.svg", dir);
	ts_put(dir, "real.svg", "old", 3);
	cr_assert_eq(symlink("real.svg", link1), 0);
	cr_expect_eq(argmap_write_file_atomic(link1, "new", 3, NULL, d), 0, "%s",
	             argmap_error_last());
	cr_expect(lstat(link1, &st) == 0 && S_ISLNK(st.st_mode), "the link stays a link");
	got = ts_read(file, NULL);
	cr_expect_str_eq(got, "new");
	free(got);

	standin(dir, "full", 7, full, sizeof full);
	cr_assert_eq(symlink(full, link2), 0);
	cr_expect_eq(argmap_write_file_atomic(link2, "new", 3, NULL, d), ARGMAP_EIO);
	cr_expect(lstat(link2, &st) == 0 && S_ISLNK(st.st_mode), "the link stays a link");
	cr_expect(is_chr(full));

	cr_assert_eq(symlink("nowhere/x.svg", link3), 0);
	cr_expect_eq(argmap_write_file_atomic(link3, "new", 3, NULL, d), ARGMAP_EIO);
	cr_expect(lstat(link3, &st) == 0 && S_ISLNK(st.st_mode), "the link stays a link");
	cr_expect_eq(rs_temp_files(dir), 0);
	argmap_diags_free(d);
	ts_rmtree(dir);
	free(dir);
}

/* The command line: -o on a device is exit 0 (null) or 3 (full), with the
 * device left in place. */
Test(output, cli_output_to_devices)
{
	char *in, *dir = dir_with_map(&in), null[512], full[512], *err = NULL;
	const char *args[] = {"render", "-T", "svg", "-o", NULL, NULL, NULL};

	standin(dir, "null", 3, null, sizeof null);
	standin(dir, "full", 7, full, sizeof full);
	args[4] = null;
	args[5] = in;
	cr_expect_eq(ts_run_cli(args, NULL, &err, 60), 0, "%s", err);
	cr_expect(is_chr(null));
	free(err);
	args[4] = full;
	cr_expect_eq(ts_run_cli(args, NULL, &err, 60), 3, "%s", err);
	cr_expect(strstr(err, "No space left on device"), "%s", err);
	cr_expect(is_chr(full));
	free(err);
	free(in);
	ts_rmtree(dir);
	free(dir);
}

/* ------------------------------------------------ the child dies too */

static void nap_10ms(void)
{
	struct timespec ts = {0, 10000000};
	nanosleep(&ts, NULL);
}

/* The first child of `pid` (from /proc), or 0. */
static pid_t child_of(pid_t pid)
{
	char path[64];
	long c = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)pid, (long)pid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%ld", &c) != 1)
		c = 0;
	fclose(f);
	return (pid_t)c;
}

/* Killing the process that renders (SIGKILL: no handler runs) must kill
 * its Graphviz child too, here one spinning with no time limit. A
 * subreaper stands in for init, so that the orphan can be waited for. */
Test(contain, the_renderer_dies_with_its_parent)
{
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	pid_t x;
	int status = 0;

	x = fork();
	cr_assert(x >= 0);
	if (x == 0) {
		pid_t m, g = 0;
		double t0;
		int i;
		prctl(PR_SET_CHILD_SUBREAPER, 1);
		m = fork();
		if (m == 0) {
			argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
			char *data = NULL;
			size_t len = 0;
			o.time_limit = -1.0; /* none: --time-limit 0 */
			am_render_fault = AM_FAULT_HANG;
			argmap_render(map, &o, NULL, &data, &len);
			_exit(0);
		}
		for (i = 0; i < 500 && !(g = child_of(m)); i++)
			nap_10ms();
		kill(m, SIGKILL);
		waitpid(m, NULL, 0);
		if (!g)
			_exit(2); /* the renderer never started */
		t0 = now();
		while (now() - t0 < 1.0) {
			if (waitpid(g, NULL, WNOHANG) == g)
				_exit(0);
			nap_10ms();
		}
		kill(g, SIGKILL);
		waitpid(g, NULL, 0);
		_exit(1);
	}
	while (waitpid(x, &status, 0) < 0 && errno == EINTR)
		;
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	          "status %d: 1 = the child outlived its parent by a second, 2 = it never ran",
	          WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	argmap_map_free(map);
}

/* An output may not be any input: the texts --sources may read count, by
 * inode (here the text itself, and a hard link to it elsewhere). */
Test(output, refuses_to_overwrite_a_sources_text)
{
	char *in, *dir = dir_with_map(&in), texts[512], text[600], lnk[600], *err = NULL;
	const char *args[] = {"render", "-T", "svg", "--sources", texts, "-o", NULL, NULL, NULL};
	const char *const outs[] = {text, lnk};
	size_t i;

	snprintf(texts, sizeof texts, "%s/texts", dir);
	cr_assert_eq(mkdir(texts, 0777), 0);
	ts_put(texts, "src.txt", "the full text", (size_t)-1);
	snprintf(text, sizeof text, "%s/src.txt", texts);
	snprintf(lnk, sizeof lnk, "%s/out.svg", dir);
	cr_assert_eq(link(text, lnk), 0);
	for (i = 0; i < 2; i++) {
		args[6] = outs[i];
		args[7] = in;
		cr_expect_eq(ts_run_cli(args, NULL, &err, 60), 3, "%s: %s", outs[i], err);
		cr_expect(strstr(err, "[AM721]"), "%s", err);
		cr_expect(rs_file_is(text, "the full text", 13), "the text is unchanged");
		free(err);
	}
	free(in);
	ts_rmtree(dir);
	free(dir);
}

/* ------------------------------------------- a signal during the write */

static void cleanup_and_die(int sig)
{
	argmap_write_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* SIGTERM while the temporary file is being written (inotify says when it
 * appears; 256 MB take a while): a handler that calls
 * argmap_write_cleanup, as argmap-render's does, leaves no temporary. */
Test(output, a_signal_during_the_write_leaves_no_temporary)
{
	char *dir = ts_tmpdir(), path[512];
	int in = inotify_init1(IN_CLOEXEC), status = 0;
	char ev[4096];
	pid_t pid;

	cr_assert(in >= 0);
	cr_assert(inotify_add_watch(in, dir, IN_CREATE) >= 0);
	snprintf(path, sizeof path, "%s/big.svg", dir);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		size_t n = (size_t)256 << 20;
		char *big = calloc(1, n);
		signal(SIGTERM, cleanup_and_die);
		if (!big)
			_exit(2);
		argmap_write_file_atomic(path, big, n, NULL, NULL);
		_exit(1); /* the write finished before the signal came */
	}
	cr_assert(read(in, ev, sizeof ev) > 0, "no file was created");
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	close(in);
	cr_expect(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "status %#x", status);
	cr_expect_eq(rs_temp_files(dir), 0, "a temporary file was left behind");
	cr_expect_neq(access(path, F_OK), 0, "no output was published");
	ts_rmtree(dir);
	free(dir);
}

/* Whether a published output is complete: JSON ends with "}\n", SVG
 * with "</svg>\n". */
static int ends_whole(const char *path, const char *format)
{
	const char *tail = strcmp(format, "json") ? "</svg>\n" : "}\n";
	size_t n = strlen(tail);
	char buf[16] = "";
	FILE *f = fopen(path, "rb");
	int ok;

	if (!f)
		return 0;
	ok = fseek(f, -(long)n, SEEK_END) == 0 && fread(buf, 1, n, f) == n && !memcmp(buf, tail, n);
	fclose(f);
	return ok;
}

/* The same through the programs: `argmap export` (argmap itself) and
 * `argmap render` (argmap-render, which argmap execs) get SIGTERM the
 * moment their temporary file appears. A run killed during its write
 * leaves no temporary and the old output as it was; a run that finished
 * (or was killed only after publishing a whole output) is tried again, up
 * to eight times, and at least one must have been killed during the
 * write. */
static void signal_the_cli_during_its_write(const char *format, const char *name, size_t claims)
{
	char *in_dir = ts_tmpdir(), *out_dir = ts_tmpdir(), *in, target[512];
	am_buf b = {0};
	int attempt, killed = 0;
	size_t i;

	am_buf_puts(&b, TS_HEAD "<actor id=\"a\" kind=\"person\" name=\"A\"/>\n"
	                "<question id=\"q\"><text>Big?</text></question>\n");
	for (i = 0; i < claims; i++)
		am_buf_printf(&b,
		              "<claim id=\"c%zu\" by=\"a\"><text>Claim %zu makes a long point that "
		              "takes many words to say, about the lane, the shops and the "
		              "council.</text></claim>\n<answer from=\"c%zu\" to=\"q\" "
		              "stance=\"yes\"/>\n",
		              i, i, i);
	am_buf_puts(&b, TS_TAIL);
	{
		char *body = am_buf_detach(&b);
		cr_assert(body);
		in = ts_write(in_dir, "big.xml", body, (size_t)-1);
		free(body);
	}
	snprintf(target, sizeof target, "%s/%s", out_dir, name);
	for (attempt = 0; attempt < 8 && !killed; attempt++) {
		int in_fd = inotify_init1(IN_CLOEXEC), status = 0;
		char ev[4096];
		pid_t pid;

		ts_put(out_dir, name, "old", 3);
		cr_assert(in_fd >= 0);
		cr_assert(inotify_add_watch(in_fd, out_dir, IN_CREATE) >= 0);
		pid = fork();
		cr_assert(pid >= 0);
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			const char *cmd = strcmp(format, "json") ? "render" : "export";
			dup2(null, 1);
			dup2(null, 2);
			execl(ARGMAP_CLI, "argmap", cmd, "-q", "-T", format, "-o", target, in,
			      (char *)NULL);
			_exit(127);
		}
		for (;;) {
			struct pollfd p = {in_fd, POLLIN, 0};
			ssize_t n;
			if (poll(&p, 1, 60000) <= 0)
				break;
			n = read(in_fd, ev, sizeof ev);
			if (n > 0 && strstr(((struct inotify_event *)ev)->name, ".argmap-")) {
				kill(pid, SIGTERM);
				break;
			}
		}
		waitpid(pid, &status, 0);
		close(in_fd);
		if (WIFSIGNALED(status)) {
			cr_expect_eq(WTERMSIG(status), SIGTERM, "status %#x", status);
			/* killed during the write: the old file stands; killed
			 * after the rename (slow builds): the new one is whole */
			if (rs_file_is(target, "old", 3))
				killed = 1;
			else
				cr_expect(ends_whole(target, format), "%s is cut short", name);
		} else {
			cr_expect_eq(WEXITSTATUS(status), 0, "%s exited %d", format,
			             WEXITSTATUS(status));
		}
		cr_expect_eq(rs_temp_files(out_dir), 0, "a temporary file was left behind");
	}
	cr_expect(killed, "no run of %s was killed during its write", format);
	free(in);
	ts_rmtree(in_dir);
	ts_rmtree(out_dir);
	free(in_dir);
	free(out_dir);
}

Test(output, a_signal_during_argmap_exports_write_leaves_no_temporary)
{
	signal_the_cli_during_its_write("json", "big.json", 3000);
}

Test(output, a_signal_during_argmap_renders_write_leaves_no_temporary)
{
	/* fewer claims: a drawing takes seconds under ASan, a few tries must fit */
	signal_the_cli_during_its_write("svg", "big.svg", 600);
}

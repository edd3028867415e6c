/*
 * contain.c - run the Graphviz job in a forked child so that nothing it
 * does can take the caller down or hang it (issue 5, section 3).
 *
 * The child gets RLIMIT_AS (memory), RLIMIT_CPU (time) and no core dumps,
 * sends its diagnostics and output over a pipe as framed records, and has
 * its stdout and stderr captured through a second pipe (Graphviz, pango and
 * GLib print there; what they print becomes AM705 warnings, or explains a
 * failure). The parent enforces a wall-clock deadline with poll(), kills the
 * child when it passes, reaps it, and turns how the child ended into one
 * clear diagnostic:
 *   AM701 time limit (wall clock or CPU)    AM702 memory limit
 *   AM703 crashed or exited without output  AM706 could not run at all
 * The child leaves with _exit(), so no atexit handler or stdio buffer of the
 * parent runs twice.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "render/job.h"
#include "render/run.h"
#include "util/buf.h"

#define MAX_STDERR_KEPT ((size_t)16384)

/* ---------------------------------------------------- record framing */

enum { REC_DIAG = 'D', REC_OUTPUT = 'O', REC_DONE = 'Z' };

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int send_record(int fd, char type, const char *data, size_t len)
{
	unsigned char head[9];
	uint64_t l = len;
	int i;

	head[0] = (unsigned char)type;
	for (i = 0; i < 8; i++)
		head[1 + i] = (unsigned char)(l >> (8 * i));
	if (write_all(fd, head, sizeof head) != 0)
		return -1;
	return data && len ? write_all(fd, data, len) : 0;
}

typedef struct child_sink {
	am_sink base;
	int fd;
	int broken;
} child_sink;

static void child_diag(am_sink *s, argmap_severity sev, const char *code, const char *msg,
                       const char *hint)
{
	child_sink *c = (child_sink *)s;
	am_buf b = {0};

	/* severity digit, code, message, hint: NUL-separated */
	am_buf_putc(&b, (char)('0' + (int)sev));
	am_buf_put(&b, code, strlen(code) + 1);
	am_buf_put(&b, msg, strlen(msg) + 1);
	if (hint)
		am_buf_put(&b, hint, strlen(hint) + 1);
	if (!b.failed && send_record(c->fd, REC_DIAG, b.data, b.len) != 0)
		c->broken = 1;
	am_buf_free(&b);
}

static int child_output(am_sink *s, const am_part *parts, size_t n)
{
	child_sink *c = (child_sink *)s;
	size_t i, total = 0;

	for (i = 0; i < n; i++)
		total += parts[i].len;
	if (send_record(c->fd, REC_OUTPUT, NULL, total) != 0) {
		c->broken = 1;
		return ARGMAP_EIO;
	}
	for (i = 0; i < n; i++)
		if (write_all(c->fd, parts[i].data, parts[i].len) != 0) {
			c->broken = 1;
			return ARGMAP_EIO;
		}
	return 0;
}

static void set_limit(int resource, rlim_t value)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) != 0)
		return;
	if (rl.rlim_max != RLIM_INFINITY && value > rl.rlim_max)
		value = rl.rlim_max;
	rl.rlim_cur = value;
	if (resource == RLIMIT_CPU && (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > value + 2))
		rl.rlim_max = value + 2; /* SIGXCPU at the soft limit, SIGKILL soon after */
	setrlimit(resource, &rl);
}

#if defined(__SANITIZE_ADDRESS__)
#define AM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AM_ASAN 1
#endif
#endif

static void child_main(const am_job *job, double time_limit, size_t mem_limit, int data_fd,
                       int err_fd)
{
	child_sink s;
	int rc, devnull;

	/* stdout and stderr go to the parent, stdin is closed */
	if (dup2(err_fd, STDERR_FILENO) < 0 || dup2(err_fd, STDOUT_FILENO) < 0)
		_exit(121);
	close(err_fd);
	devnull = open("/dev/null", O_RDONLY);
	if (devnull >= 0) {
		dup2(devnull, STDIN_FILENO);
		close(devnull);
	}
	signal(SIGPIPE, SIG_DFL);
	signal(SIGXCPU, SIG_DFL);
	set_limit(RLIMIT_CORE, 0);
	if (time_limit > 0)
		set_limit(RLIMIT_CPU, (rlim_t)ceil(time_limit));
#ifndef AM_ASAN
	/* ASan reserves terabytes of address space: no RLIMIT_AS under it */
	if (mem_limit)
		set_limit(RLIMIT_AS, (rlim_t)mem_limit);
#else
	(void)mem_limit;
#endif
	s.base.diag = child_diag;
	s.base.output = child_output;
	s.fd = data_fd;
	s.broken = 0;
	rc = am_gv_run(job, &s.base);
	fflush(stdout);
	fflush(stderr);
	if (rc == 0 && !s.broken && send_record(data_fd, REC_DONE, NULL, 0) == 0)
		_exit(0);
	_exit(rc == 0 ? 122 : 1);
}

/* ---------------------------------------------------- the parent */

/* The largest output record the parent makes room for in one step. */
#define MAX_RESERVE ((uint64_t)1 << 30)

typedef struct reader {
	am_buf in;       /* unparsed record bytes */
	am_buf err;      /* the child's stdout/stderr (first MAX_STDERR_KEPT bytes) */
	int done;        /* REC_DONE seen */
	int got_output;
	int error_diags; /* error diagnostics received */
} reader;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void take_records(reader *r, const am_job *job, argmap_diags *diags, am_buf *out)
{
	size_t pos = 0;

	while (r->in.len - pos >= 9) {
		const unsigned char *h = (const unsigned char *)r->in.data + pos;
		uint64_t len = 0;
		int i;
		for (i = 0; i < 8; i++)
			len |= (uint64_t)h[1 + i] << (8 * i);
		if (r->in.len - pos - 9 < len)
			break;
		if (h[0] == REC_DIAG && len >= 3) {
			const char *p = (const char *)h + 9, *end = p + len;
			argmap_severity sev = (argmap_severity)(p[0] - '0');
			const char *code = p + 1;
			const char *msg = code + strlen(code) + 1;
			const char *hint = msg < end ? msg + strlen(msg) + 1 : end;
			if (sev > ARGMAP_SEV_ERROR)
				sev = ARGMAP_SEV_ERROR;
			if (msg < end) {
				argmap_diags_add(diags, sev, code, job->file, 0, 0, msg,
				                 hint < end ? hint : NULL, ARGMAP_NONE);
				if (sev == ARGMAP_SEV_ERROR)
					r->error_diags++;
			}
		} else if (h[0] == REC_OUTPUT) {
			am_buf_free(out);
			if (pos == 0) {
				/* the usual case: the record starts the buffer, which
				 * becomes the output (no copy of a large drawing) */
				size_t rest = r->in.len - 9 - (size_t)len;
				*out = r->in;
				memset(&r->in, 0, sizeof r->in);
				am_buf_put(&r->in, out->data + 9 + len, rest);
				memmove(out->data, out->data + 9, (size_t)len);
				out->len = (size_t)len;
				out->data[out->len] = '\0';
				r->got_output = 1;
				continue; /* pos stays 0: the rest is now r->in */
			}
			am_buf_put(out, (const char *)h + 9, (size_t)len);
			r->got_output = 1;
		} else if (h[0] == REC_DONE) {
			r->done = 1;
		}
		pos += 9 + (size_t)len;
	}
	if (pos) {
		memmove(r->in.data, r->in.data + pos, r->in.len - pos);
		r->in.len -= pos;
	}
	/* an output record under way: room for all of it at once (up to
	 * MAX_RESERVE; the child's word on its length is not trusted further) */
	if (r->in.len >= 9 && r->in.data[0] == REC_OUTPUT) {
		const unsigned char *h = (const unsigned char *)r->in.data;
		uint64_t len = 0;
		int i;
		for (i = 0; i < 8; i++)
			len |= (uint64_t)h[1 + i] << (8 * i);
		if (len <= MAX_RESERVE)
			am_buf_reserve(&r->in, 9 + (size_t)len - r->in.len);
	}
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* The child's own words, shortened to one line, for a message. */
static void last_words(am_buf *b, const reader *r)
{
	const char *s = r->err.data;
	size_t n = 0;

	if (!s || !*s)
		return;
	am_buf_puts(b, "; it said: ");
	for (; *s && n < 300; s++, n++)
		am_buf_putc(b, (*s == '\n' || *s == '\r' || *s == '\t') ? ' ' : *s);
	if (*s)
		am_buf_puts(b, "...");
}

/* One line the child printed, as a warning; in argmap's words where
 * Graphviz's are obscure. */
static void stderr_line(const char *line, const am_job *job, argmap_diags *diags)
{
	double scale;

	/* Graphviz prefixes some messages with its command's name, which a
	 * library never set */
	if (!strncmp(line, "(null): ", 8))
		line += 8;
	if (sscanf(line, "graph is too large for cairo-renderer bitmaps. Scaling by %lf", &scale) == 1 &&
	    scale > 0 && scale < 1) {
		am_diag(diags, ARGMAP_SEV_WARNING, "AM705", job->file, 0, 0,
		        "write SVG or PDF, which have no such limit, or draw part of the map "
		        "(--focus ID --depth N, --tag TAG, --hide evidence)",
		        "the map is too large for a PNG image (Graphviz's limit is 32,767 pixels a "
		        "side): it is scaled to %.0f%%, so its body text is about %.1f pt",
		        scale * 100.0, 12.0 * scale);
		return;
	}
	am_diag(diags, ARGMAP_SEV_WARNING, "AM705", job->file, 0, 0, NULL, "the renderer printed: %s",
	        line);
}

/* Warnings for what the child printed on a successful run. */
static void stderr_warnings(const reader *r, const am_job *job, argmap_diags *diags)
{
	char *copy, *line, *next;
	int count = 0;

	if (!r->err.data || !*r->err.data)
		return;
	copy = malloc(r->err.len + 1);
	if (!copy)
		return;
	memcpy(copy, r->err.data, r->err.len + 1);
	for (line = copy; line && *line && count < 20; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line)
			continue;
		stderr_line(line, job, diags);
		count++;
	}
	free(copy);
}

static void report_end(int status, int timed_out, double limit, size_t mem_limit, reader *r,
                       const am_job *job, argmap_diags *diags)
{
	am_buf m = {0};
	char *msg;
	const char *hint = NULL, *code = "AM703";
	int memory = contains(r->err.data, "out of memory") ||
	             contains(r->err.data, "failed to allocate") ||
	             contains(r->err.data, "Cannot allocate memory") ||
	             contains(r->err.data, "Error creating thread") ||
	             contains(r->err.data, "std::bad_alloc");

	if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
		code = "AM701";
		am_buf_printf(&m, "layout and rendering exceeded the %s limit of %g s",
		              timed_out ? "time" : "CPU time", limit);
		hint = "draw part of the map (--focus ID --depth N, --tag TAG, --hide evidence), "
		       "or raise --time-limit";
	} else if (memory) {
		code = "AM702";
		am_buf_printf(&m, "the renderer ran out of memory (limit %zu MiB)", mem_limit >> 20);
		last_words(&m, r);
		hint = "draw part of the map (--focus, --tag, --hide evidence), or raise --memory-limit";
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		am_buf_printf(&m, "the renderer (Graphviz) crashed with signal %d (%s)", sig, strsignal(sig));
		last_words(&m, r);
		if (mem_limit && (sig == SIGSEGV || sig == SIGABRT || sig == SIGTRAP || sig == SIGBUS)) {
			am_buf_printf(&m, "; this can mean it hit the memory limit of %zu MiB",
			              mem_limit >> 20);
			hint = "raise --memory-limit, or draw part of the map (--focus, --tag, --hide evidence)";
		} else {
			hint = "this is a bug in Graphviz or argmap: please report it with the map";
		}
	} else if (WIFEXITED(status)) {
		am_buf_printf(&m, "the renderer (Graphviz) exited with status %d without finishing",
		              WEXITSTATUS(status));
		last_words(&m, r);
		hint = "this is a bug in Graphviz or argmap: please report it with the map";
	} else {
		am_buf_puts(&m, "the renderer ended in an unexpected way");
	}
	msg = am_buf_detach(&m);
	argmap_diags_add(diags, ARGMAP_SEV_ERROR, code, job->file, 0, 0,
	                 msg ? msg : "the renderer failed", hint, ARGMAP_NONE);
	am_fail(ARGMAP_ERENDER, "%s: %s", job->file, msg ? msg : "the renderer failed");
	free(msg);
}

int am_contain_run(const am_job *job, double time_limit, size_t mem_limit, argmap_diags *diags,
                   am_buf *out)
{
	int data_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
	reader r;
	pid_t pid;
	double deadline = time_limit > 0 ? now_s() + time_limit : 0;
	int status = 0, timed_out = 0, open_fds = 2, rc;
	char chunk[65536];

	memset(&r, 0, sizeof r);
	if (pipe(data_pipe) != 0 || pipe(err_pipe) != 0) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM706", job->file, 0, 0, NULL,
		        "cannot start the renderer: pipe: %s", strerror(errno));
		rc = am_fail(ARGMAP_ERENDER, "pipe: %s", strerror(errno));
		goto close_all;
	}
	fcntl(data_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(err_pipe[0], F_SETFD, FD_CLOEXEC);
	pid = fork();
	if (pid < 0) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM706", job->file, 0, 0, NULL,
		        "cannot start the renderer: fork: %s", strerror(errno));
		rc = am_fail(ARGMAP_ERENDER, "fork: %s", strerror(errno));
		goto close_all;
	}
	if (pid == 0) {
		close(data_pipe[0]);
		close(err_pipe[0]);
		child_main(job, time_limit, mem_limit, data_pipe[1], err_pipe[1]);
		_exit(123); /* not reached */
	}
	close(data_pipe[1]);
	close(err_pipe[1]);
	data_pipe[1] = err_pipe[1] = -1;

	while (open_fds > 0) {
		struct pollfd pf[2];
		int nf = 0, timeout_ms = -1, k;
		if (deadline > 0) {
			double left = deadline - now_s();
			if (left <= 0) {
				timed_out = 1;
				break;
			}
			timeout_ms = (int)(left * 1000.0) + 1;
		}
		if (data_pipe[0] >= 0) {
			pf[nf].fd = data_pipe[0];
			pf[nf++].events = POLLIN;
		}
		if (err_pipe[0] >= 0) {
			pf[nf].fd = err_pipe[0];
			pf[nf++].events = POLLIN;
		}
		k = poll(pf, (nfds_t)nf, timeout_ms);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (k = 0; k < nf; k++) {
			ssize_t got;
			if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = read(pf[k].fd, chunk, sizeof chunk);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(pf[k].fd);
				if (pf[k].fd == data_pipe[0])
					data_pipe[0] = -1;
				else
					err_pipe[0] = -1;
				open_fds--;
				continue;
			}
			if (pf[k].fd == data_pipe[0]) {
				am_buf_put(&r.in, chunk, (size_t)got);
				take_records(&r, job, diags, out);
			} else if (r.err.len < MAX_STDERR_KEPT) {
				size_t keep = MAX_STDERR_KEPT - r.err.len;
				am_buf_put(&r.err, chunk, (size_t)got < keep ? (size_t)got : keep);
			}
		}
		if (r.in.failed || out->failed)
			break; /* out of memory here: stop the child */
	}
	if (timed_out || open_fds > 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;

	if (r.in.failed || out->failed) {
		am_buf_free(out);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM706", job->file, 0, 0, NULL,
		        "out of memory while receiving the rendered map");
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	} else if (!timed_out && r.done && r.got_output && WIFEXITED(status) &&
	           WEXITSTATUS(status) == 0) {
		stderr_warnings(&r, job, diags);
		rc = 0;
	} else if (!timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 1 && r.error_diags) {
		/* the job failed cleanly and said why */
		am_buf_free(out);
		stderr_warnings(&r, job, diags);
		rc = am_fail(ARGMAP_ERENDER, "%s: Graphviz failed", job->file);
	} else {
		am_buf_free(out);
		report_end(status, timed_out, time_limit, mem_limit, &r, job, diags);
		rc = ARGMAP_ERENDER;
	}
close_all:
	if (data_pipe[0] >= 0)
		close(data_pipe[0]);
	if (data_pipe[1] >= 0)
		close(data_pipe[1]);
	if (err_pipe[0] >= 0)
		close(err_pipe[0]);
	if (err_pipe[1] >= 0)
		close(err_pipe[1]);
	am_buf_free(&r.in);
	am_buf_free(&r.err);
	return rc;
}

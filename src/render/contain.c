/*
 * contain.c - run the Graphviz job in a sandboxed child (util/sandbox.c)
 * so that nothing it does can take the caller down or hang it (issue 5,
 * section 3). This file is the render-specific glue: the child runs
 * am_gv_run with a sink that sends its diagnostics and output over the
 * data pipe as framed records; the parent parses them, turns what the
 * child printed (Graphviz, pango and GLib print) into AM705 warnings or an
 * explanation of a failure, and turns how the child ended into one clear
 * diagnostic:
 *   AM701 time limit (wall clock or CPU)    AM702 memory limit
 *   AM703 crashed or exited without output  AM706 could not run at all
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "render/job.h"
#include "render/run.h"
#include "util/buf.h"
#include "util/sandbox.h"

#define MAX_STDERR_KEPT ((size_t)16384)

/* ---------------------------------------------------- record framing */

enum { REC_DIAG = 'D', REC_OUTPUT = 'O', REC_DONE = 'Z' };

static int send_record(int fd, char type, const char *data, size_t len)
{
	unsigned char head[9];
	uint64_t l = len;
	int i;

	head[0] = (unsigned char)type;
	for (i = 0; i < 8; i++)
		head[1 + i] = (unsigned char)(l >> (8 * i));
	if (am_sandbox_write_all(fd, head, sizeof head) != 0)
		return -1;
	return data && len ? am_sandbox_write_all(fd, data, len) : 0;
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
		if (am_sandbox_write_all(c->fd, parts[i].data, parts[i].len) != 0) {
			c->broken = 1;
			return ARGMAP_EIO;
		}
	return 0;
}

/* ---------------------------------------------------- the parent */

/* The largest output record the parent makes room for in one step. */
#define MAX_RESERVE ((uint64_t)1 << 30)

typedef struct reader {
	am_buf in; /* unparsed record bytes */
	int done;  /* REC_DONE seen */
	int got_output;
	int error_diags; /* error diagnostics received */
	const am_job *job;
	argmap_diags *diags;
	am_buf *out;
} reader;

/* The child: the job, reporting through the pipe. Its return value is the
 * child's exit status: 0 only when everything, and REC_DONE, was sent. */
static int child_run(void *ud, int data_fd)
{
	const am_job *job = ((const reader *)ud)->job;
	child_sink s;
	int rc;

	s.base.diag = child_diag;
	s.base.output = child_output;
	s.fd = data_fd;
	s.broken = 0;
	rc = am_gv_run(job, &s.base);
	fflush(stdout);
	fflush(stderr);
	if (rc == 0 && !s.broken && send_record(data_fd, REC_DONE, NULL, 0) == 0)
		return 0;
	return rc == 0 ? 122 : 1;
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
static void last_words(am_buf *b, const am_buf *printed)
{
	const char *s = printed->data;
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
	if (sscanf(line, "graph is too large for cairo-renderer bitmaps. Scaling by %lf", &scale) ==
	        1 &&
	    scale > 0 && scale < 1) {
		am_diag(diags, ARGMAP_SEV_WARNING, "AM705", job->file, 0, 0,
		        "write SVG or PDF, which have no such limit, or draw part of the map "
		        "(--focus ID --depth N, --tag TAG, --hide evidence)",
		        "the map is too large for a PNG image (Graphviz's limit is 32,767 pixels a "
		        "side): it is scaled to %.0f%%, so its body text is about %.1f pt",
		        scale * 100.0, 12.0 * scale);
		return;
	}
	am_diag(diags, ARGMAP_SEV_WARNING, "AM705", job->file, 0, 0, NULL,
	        "the renderer printed: %s", line);
}

/* Warnings for what the child printed on a successful run. */
static void stderr_warnings(const am_buf *printed, const am_job *job, argmap_diags *diags)
{
	char *copy, *line, *next;
	int count = 0;

	if (!printed->data || !*printed->data)
		return;
	copy = malloc(printed->len + 1);
	if (!copy)
		return;
	memcpy(copy, printed->data, printed->len + 1);
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

static void report_end(int status, int timed_out, double limit, size_t mem_limit,
                       const am_buf *printed, const am_job *job, argmap_diags *diags)
{
	am_buf m = {0};
	char *msg;
	const char *hint = NULL, *code = "AM703";
	int memory = contains(printed->data, "out of memory") ||
	             contains(printed->data, "failed to allocate") ||
	             contains(printed->data, "Cannot allocate memory") ||
	             contains(printed->data, "Error creating thread") ||
	             contains(printed->data, "std::bad_alloc");

	if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
		code = "AM701";
		am_buf_printf(&m, "layout and rendering exceeded the %s limit of %g s",
		              timed_out ? "time" : "CPU time", limit);
		hint = "draw part of the map (--focus ID --depth N, --tag TAG, --hide evidence), "
		       "or raise --time-limit";
	} else if (memory) {
		code = "AM702";
		am_buf_printf(&m, "the renderer ran out of memory (limit %zu MiB)",
		              mem_limit >> 20);
		last_words(&m, printed);
		hint = "draw part of the map (--focus, --tag, --hide evidence), or raise "
		       "--memory-limit";
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		am_buf_printf(&m, "the renderer (Graphviz) crashed with signal %d (%s)", sig,
		              strsignal(sig));
		last_words(&m, printed);
		if (mem_limit &&
		    (sig == SIGSEGV || sig == SIGABRT || sig == SIGTRAP || sig == SIGBUS)) {
			am_buf_printf(&m, "; this can mean it hit the memory limit of %zu MiB",
			              mem_limit >> 20);
			hint = "raise --memory-limit, or draw part of the map (--focus, --tag, "
			       "--hide evidence)";
		} else {
			hint = "this is a bug in Graphviz or argmap: please report it with the map";
		}
	} else if (WIFEXITED(status)) {
		am_buf_printf(&m, "the renderer (Graphviz) exited with status %d without finishing",
		              WEXITSTATUS(status));
		last_words(&m, printed);
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

/* The parent's side of the data pipe. */
static int on_data(void *ud, const char *bytes, size_t n)
{
	reader *r = ud;

	am_buf_put(&r->in, bytes, n);
	take_records(r, r->job, r->diags, r->out);
	return r->in.failed || r->out->failed; /* out of memory here: stop the child */
}

int am_contain_run(const am_job *job, double time_limit, size_t mem_limit, argmap_diags *diags,
                   am_buf *out)
{
	am_sandbox sb;
	am_sandbox_result res;
	reader r;
	int rc;

	memset(&r, 0, sizeof r);
	r.job = job;
	r.diags = diags;
	r.out = out;
	sb.time_limit = time_limit;
	sb.mem_limit = mem_limit;
	sb.keep_printed = MAX_STDERR_KEPT;
	sb.child = child_run;
	sb.data = on_data;
	sb.ud = &r; /* the child uses its copy of r.job; the parent fills r */
	if (am_sandbox_run(&sb, &res) != 0) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM706", job->file, 0, 0, NULL,
		        "cannot start the renderer: %s: %s", res.failed_step, strerror(res.err));
		rc = am_fail(ARGMAP_ERENDER, "%s: %s", res.failed_step, strerror(res.err));
		goto done;
	}
	if (r.in.failed || out->failed) {
		am_buf_free(out);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM706", job->file, 0, 0, NULL,
		        "out of memory while receiving the rendered map");
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	} else if (!res.timed_out && r.done && r.got_output && WIFEXITED(res.status) &&
	           WEXITSTATUS(res.status) == 0) {
		stderr_warnings(&res.printed, job, diags);
		rc = 0;
	} else if (!res.timed_out && WIFEXITED(res.status) && WEXITSTATUS(res.status) == 1 &&
	           r.error_diags) {
		/* the job failed cleanly and said why */
		am_buf_free(out);
		stderr_warnings(&res.printed, job, diags);
		rc = am_fail(ARGMAP_ERENDER, "%s: Graphviz failed", job->file);
	} else {
		am_buf_free(out);
		report_end(res.status, res.timed_out, time_limit, mem_limit, &res.printed, job,
		           diags);
		rc = ARGMAP_ERENDER;
	}
done:
	am_buf_free(&r.in);
	am_buf_free(&res.printed);
	return rc;
}

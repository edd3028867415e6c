/*
 * sandbox.c - fork, limits, pipes and a wall-clock deadline (sandbox.h).
 * The parent polls both pipes until the child closes them, kills the child
 * when the deadline passes or the caller asks it to stop, and reaps it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/sandbox.h"

#if defined(__SANITIZE_ADDRESS__)
#define AM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AM_ASAN 1
#endif
#endif

int am_sandbox_write_all(int fd, const void *p, size_t n)
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

static void child_main(const am_sandbox *sb, int data_fd, int err_fd)
{
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
	if (sb->time_limit > 0) {
		rlim_t secs = (rlim_t)sb->time_limit; /* rounded up: no libm */
		if ((double)secs < sb->time_limit)
			secs++;
		set_limit(RLIMIT_CPU, secs);
	}
#ifndef AM_ASAN
	/* ASan reserves terabytes of address space: no RLIMIT_AS under it */
	if (sb->mem_limit)
		set_limit(RLIMIT_AS, (rlim_t)sb->mem_limit);
#endif
	rc = sb->child(sb->ud, data_fd);
	fflush(stdout);
	fflush(stderr);
	_exit(rc);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int am_sandbox_run(const am_sandbox *sb, am_sandbox_result *res)
{
	int data_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
	double deadline = sb->time_limit > 0 ? now_s() + sb->time_limit : 0;
	int open_fds = 2, rc = -1;
	pid_t pid, parent;
	char chunk[65536];

	memset(res, 0, sizeof *res);
	if (pipe(data_pipe) != 0 || pipe(err_pipe) != 0) {
		res->failed_step = "pipe";
		res->err = errno;
		goto done;
	}
	fcntl(data_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(err_pipe[0], F_SETFD, FD_CLOEXEC);
	parent = getpid();
	pid = fork();
	if (pid < 0) {
		res->failed_step = "fork";
		res->err = errno;
		goto done;
	}
	if (pid == 0) {
		/* Die with the parent: killing argmap (SIGKILL, a closed
		 * terminal) must not leave Graphviz running up to its CPU limit,
		 * or forever with no limit. If the parent died before prctl, we
		 * were already reparented: leave now. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
			_exit(122);
		close(data_pipe[0]);
		close(err_pipe[0]);
		child_main(sb, data_pipe[1], err_pipe[1]);
		_exit(123); /* not reached */
	}
	close(data_pipe[1]);
	close(err_pipe[1]);
	data_pipe[1] = err_pipe[1] = -1;

	while (open_fds > 0 && !res->stopped) {
		struct pollfd pf[2];
		int nf = 0, timeout_ms = -1, k;
		if (deadline > 0) {
			double left = deadline - now_s();
			if (left <= 0) {
				res->timed_out = 1;
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
				if (sb->data(sb->ud, chunk, (size_t)got) != 0)
					res->stopped = 1;
			} else if (res->printed.len < sb->keep_printed) {
				size_t keep = sb->keep_printed - res->printed.len;
				am_buf_put(&res->printed, chunk,
				           (size_t)got < keep ? (size_t)got : keep);
			}
		}
	}
	if (res->timed_out || open_fds > 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &res->status, 0) < 0 && errno == EINTR)
		;
	rc = 0;
done:
	if (data_pipe[0] >= 0)
		close(data_pipe[0]);
	if (data_pipe[1] >= 0)
		close(data_pipe[1]);
	if (err_pipe[0] >= 0)
		close(err_pipe[0]);
	if (err_pipe[1] >= 0)
		close(err_pipe[1]);
	return rc;
}

/*
 * sandbox.h - run a function in a forked child with resource limits and
 * collect what it writes, with a wall-clock limit (sandbox.c). Generic: it
 * knows nothing of what the child does or sends.
 *
 * The child gets RLIMIT_CPU (time), RLIMIT_AS (memory; not under ASan,
 * which reserves terabytes of address space), no core dumps, /dev/null as
 * stdin, and its stdout and stderr on one pipe to the parent; a second
 * pipe (data_fd) carries whatever the child sends. The child leaves with
 * _exit() (the only exit here), so no atexit handler or stdio buffer of
 * the parent runs twice. The parent never prints. The child is killed
 * (PR_SET_PDEATHSIG, SIGKILL) when the thread that started it ends, so
 * it never outlives a killed parent; a multithreaded host must therefore
 * call am_sandbox_run from a thread that lives until it returns (it
 * blocks until then anyway).
 */
#ifndef AM_UTIL_SANDBOX_H
#define AM_UTIL_SANDBOX_H

#include <stddef.h>

#include "util/buf.h"

typedef struct am_sandbox {
	double time_limit;   /* seconds, wall clock and CPU; <= 0: none */
	size_t mem_limit;    /* bytes of address space; 0: none */
	size_t keep_printed; /* bytes of the child's stdout+stderr kept */
	/* Runs in the child; returns its exit status. data_fd is the pipe to
	 * the parent's `data` callback. */
	int (*child)(void *ud, int data_fd);
	/* Runs in the parent for each chunk the child sent. Returns 0 to go
	 * on, nonzero to stop (the child is then killed). */
	int (*data)(void *ud, const char *bytes, size_t n);
	void *ud;
} am_sandbox;

typedef struct am_sandbox_result {
	int status;              /* the child's wait status (waitpid) */
	int timed_out;           /* 1: the wall-clock limit passed; the child was killed */
	int stopped;             /* 1: `data` asked to stop; the child was killed */
	am_buf printed;          /* the first keep_printed bytes the child printed;
	                            owned by the caller (am_buf_free), also on failure */
	const char *failed_step; /* "pipe" or "fork" if the child never ran */
	int err;                 /* errno of failed_step */
} am_sandbox_result;

/* Runs sb->child in a child process and waits for it (reaped on return).
 * Returns 0 when the child ran (how it ended is in `res`), -1 when it could
 * not be started (res->failed_step, res->err). */
int am_sandbox_run(const am_sandbox *sb, am_sandbox_result *res);

/* Writes all of p[0..n) to fd, retrying on EINTR. Returns 0 or -1. */
int am_sandbox_write_all(int fd, const void *p, size_t n);

#endif

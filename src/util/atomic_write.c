/*
 * atomic_write.c - publish bytes as a file so that a failure at any stage
 * leaves the old file as it was and no temporary file behind (facts note
 * section 6): temp file in the same directory, full write, fsync, close,
 * rename, fsync of the directory.
 *
 * The temporary file is created with open(O_CREAT|O_EXCL, 0666), so the
 * kernel applies the umask: the published file has mode 0666 & ~umask
 * (mkstemp would give 0600).
 *
 * Only a regular file (or nothing) is replaced. A target that exists and
 * is something else - a device such as /dev/null or /dev/full, a FIFO, a
 * socket - is written into directly, as any Unix tool would: renaming over
 * it would replace /dev/null with a regular file when run as root. A
 * symbolic link is followed (realpath): its target is treated by the same
 * two rules, and the link itself stays; a link to nothing is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/atomic_write.h"
#include "util/text.h"

/* Writes everything; SIGXFSZ (RLIMIT_FSIZE) is blocked so write fails with
 * EFBIG instead of killing the process, and a pending one is consumed. */
static int write_fd(int fd, const char *p, size_t n, int *err)
{
	sigset_t block, old, pending;
	int rc = 0;

	sigemptyset(&block);
	sigaddset(&block, SIGXFSZ);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	while (n) {
		ssize_t w = write(fd, p, n > ((size_t)1 << 30) ? ((size_t)1 << 30) : n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			rc = -1;
			break;
		}
		if (w == 0) {
			*err = EIO;
			rc = -1;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	if (!sigismember(&old, SIGXFSZ) && sigpending(&pending) == 0 &&
	    sigismember(&pending, SIGXFSZ)) {
		struct timespec zero = {0, 0};
		sigtimedwait(&block, NULL, &zero);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

static int fail(am_atomic_error *e, const char *step, int err)
{
	e->step = step;
	e->err = err;
	return -1;
}

/* Writes into an existing non-regular file (device, FIFO): no temporary
 * file, no rename, no fsync. Returns 1 when path turned out to be a
 * regular file after all (the caller writes it atomically), 0 or -1. */
static int write_into(const char *path, const void *data, size_t len, am_atomic_error *e)
{
	struct stat st;
	int fd, err = 0;

	fd = open(path, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fail(e, "opening", errno);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		close(fd); /* replaced by a regular file since lstat */
		return 1;
	}
	if (write_fd(fd, data, len, &err) != 0) {
		close(fd);
		return fail(e, "writing", err);
	}
	if (close(fd) != 0 && errno != EINTR)
		return fail(e, "close", errno);
	return 0;
}

/* The temporary files being written right now, for am_atomic_cleanup,
 * which a signal handler may call at any moment: fixed storage, slots
 * claimed with an atomic compare-and-swap, no allocation. A write that
 * finds no free slot (more than AM_PENDING at once) is not registered. */
#define AM_PENDING 8
static char pending_path[AM_PENDING][4096];
static volatile int pending_used[AM_PENDING]; /* 0 free, 1 claimed, 2 armed */

static int pending_add(const char *tmp)
{
	int i;
	size_t n = strlen(tmp);

	if (n >= sizeof pending_path[0])
		return -1;
	for (i = 0; i < AM_PENDING; i++)
		if (__sync_bool_compare_and_swap(&pending_used[i], 0, 1)) {
			memcpy(pending_path[i], tmp, n + 1);
			__sync_synchronize();
			pending_used[i] = 2;
			return i;
		}
	return -1;
}

static void pending_drop(int slot)
{
	if (slot >= 0) {
		__sync_synchronize();
		pending_used[slot] = 0;
	}
}

void am_atomic_cleanup(void)
{
	int i;

	for (i = 0; i < AM_PENDING; i++)
		if (pending_used[i] == 2)
			unlink(pending_path[i]); /* async-signal-safe */
}

static int replace_file(const char *path, const void *data, size_t len, am_atomic_error *e);

int am_atomic_write(const char *path, const void *data, size_t len, am_atomic_error *e)
{
	struct stat st;
	char *real = NULL;
	int rc;

	e->step = NULL;
	e->err = 0;
	if (lstat(path, &st) != 0) {
		st.st_mode = S_IFREG; /* nothing there: create it */
	} else if (S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (!real)
			return fail(e, "following the symbolic link", errno);
		path = real;
		if (stat(path, &st) != 0)
			st.st_mode = S_IFREG; /* gone since: create it */
	}
	rc = 1;
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		rc = write_into(path, data, len, e);
	if (rc == 1)
		rc = replace_file(path, data, len, e);
	free(real);
	return rc;
}

static int replace_file(const char *path, const void *data, size_t len, am_atomic_error *e)
{
	static unsigned long counter;
	char *dir = NULL, *tmp = NULL;
	int fd = -1, err = 0, rc, tries, slot = -1;
	size_t tmp_len;

	dir = am_path_dir(path);
	tmp_len = strlen(path) + 64;
	tmp = malloc(tmp_len);
	if (!dir || !tmp) {
		free(dir);
		free(tmp);
		return fail(e, NULL, ENOMEM);
	}
	for (tries = 0; tries < 100; tries++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(tmp, tmp_len, "%s/.argmap-%ld-%lu-%lx.tmp", dir, (long)getpid(), ++counter,
		         (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20));
		/* registered before it exists: a signal in between unlinks nothing */
		slot = pending_add(tmp);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
		pending_drop(slot);
		slot = -1;
	}
	if (fd < 0) {
		rc = fail(e, "creating a temporary file", errno);
		goto out;
	}
	if (write_fd(fd, data, len, &err) != 0) {
		rc = fail(e, "writing", err);
		goto cleanup;
	}
	if (fsync(fd) != 0) {
		rc = fail(e, "fsync", errno);
		goto cleanup;
	}
	if (close(fd) != 0) {
		fd = -1;
		rc = fail(e, "close", errno);
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		rc = fail(e, "rename", errno);
		goto cleanup;
	}
	pending_drop(slot);
	slot = -1;
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd); /* best effort: some file systems refuse */
			close(dfd);
		}
	}
	rc = 0;
	goto out;
cleanup:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	pending_drop(slot);
	free(dir);
	free(tmp);
	return rc;
}

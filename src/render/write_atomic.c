/*
 * write_atomic.c - publish bytes as a file so that a failure at any stage
 * leaves the old file as it was and no temporary file behind (facts note
 * section 6): temp file in the same directory, full write, fsync, close,
 * rename, fsync of the directory.
 *
 * The temporary file is created with open(O_CREAT|O_EXCL, 0666), so the
 * kernel applies the umask: the published file has mode 0666 & ~umask
 * (mkstemp would give 0600).
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

#include "util/am_internal.h"
#include "util/text.h"

static int refuse(const char *path, const char *what, argmap_diags *diags)
{
	if (diags)
		am_diag(diags, ARGMAP_SEV_ERROR, "AM721", path, 0, 0,
		        "choose another output name or folder (-o FILE, -d DIR)",
		        "refusing to overwrite %s", what);
	return am_fail(ARGMAP_EARG, "%s: refusing to overwrite %s", path, what);
}

static int io_error(const char *path, const char *step, int err, argmap_diags *diags)
{
	const char *hint = err == ENOSPC || err == EDQUOT ? "free some disk space and try again"
	                 : err == EFBIG ? "the file size limit (ulimit -f) or the file system's limit was reached"
	                 : err == EACCES || err == EPERM || err == EROFS
	                         ? "check that the output folder exists and is writable"
	                         : NULL;

	if (diags)
		am_diag(diags, ARGMAP_SEV_ERROR, "AM722", path, 0, 0, hint,
		        "cannot write the output (%s): %s; any existing file is unchanged", step,
		        strerror(err));
	return am_fail(ARGMAP_EIO, "%s: cannot write (%s): %s", path, step, strerror(err));
}

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

int argmap_write_file_atomic(const char *path, const void *data, size_t len,
                             const char *const *protect, argmap_diags *diags)
{
	static unsigned long counter;
	struct stat out_st, in_st;
	char *dir = NULL, *tmp = NULL;
	int fd = -1, err = 0, rc, tries, have_out;
	size_t tmp_len;

	if (!path || !*path || (!data && len))
		return am_fail(ARGMAP_EARG, "argmap_write_file_atomic: bad arguments");
	have_out = stat(path, &out_st) == 0;
	if (have_out && S_ISDIR(out_st.st_mode))
		return io_error(path, "it is a directory", EISDIR, diags);
	if (have_out && protect) {
		const char *const *p;
		for (p = protect; *p; p++)
			if (stat(*p, &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
			    in_st.st_ino == out_st.st_ino) {
				char what[512];
				snprintf(what, sizeof what, "the input file %s (same file)", *p);
				return refuse(path, what, diags);
			}
	}
	dir = am_path_dir(path);
	tmp_len = strlen(path) + 64;
	tmp = malloc(tmp_len);
	if (!dir || !tmp) {
		free(dir);
		free(tmp);
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	for (tries = 0; tries < 100; tries++) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(tmp, tmp_len, "%s/.argmap-%ld-%lu-%lx.tmp", dir, (long)getpid(), ++counter,
		         (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20));
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		rc = io_error(path, "creating a temporary file", errno, diags);
		goto out;
	}
	if (write_fd(fd, data, len, &err) != 0) {
		rc = io_error(path, "writing", err, diags);
		goto fail;
	}
	if (fsync(fd) != 0) {
		rc = io_error(path, "fsync", errno, diags);
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		rc = io_error(path, "close", errno, diags);
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		rc = io_error(path, "rename", errno, diags);
		goto fail;
	}
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd); /* best effort: some file systems refuse */
			close(dfd);
		}
	}
	rc = 0;
	goto out;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	free(dir);
	free(tmp);
	return rc;
}

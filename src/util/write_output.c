/*
 * write_output.c - argmap_write_file_atomic, the public way to publish a
 * rendered or exported map (in libargmap, so that `argmap export` needs no
 * Graphviz): refuses to overwrite a directory or one of the map's own
 * input files (AM721), writes through util/atomic_write.c, and words any
 * failure as AM722 with a hint.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "util/am_internal.h"
#include "util/atomic_write.h"

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
	const char *hint =
	    err == ENOSPC || err == EDQUOT ? "free some disk space and try again"
	    : err == EFBIG
	        ? "the file size limit (ulimit -f) or the file system's limit was reached"
	    : err == EACCES || err == EPERM || err == EROFS
	        ? "check that the output folder exists and is writable"
	        : NULL;

	if (diags)
		am_diag(diags, ARGMAP_SEV_ERROR, "AM722", path, 0, 0, hint,
		        "cannot write the output (%s): %s; any existing file is unchanged", step,
		        strerror(err));
	return am_fail(ARGMAP_EIO, "%s: cannot write (%s): %s", path, step, strerror(err));
}

int argmap_write_file_atomic(const char *path, const void *data, size_t len,
                             const char *const *protect, argmap_diags *diags)
{
	struct stat out_st, in_st;
	am_atomic_error e;
	int have_out;

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
	if (am_atomic_write(path, data, len, &e) == 0)
		return 0;
	if (!e.step)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	return io_error(path, e.step, e.err, diags);
}

void argmap_write_cleanup(void)
{
	am_atomic_cleanup();
}

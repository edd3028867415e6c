/*
 * diag_format.c - am_diag and am_diag_v: format a message, add it as a
 * diagnostic. On the public argmap_diags_add only, so that the renderer's
 * shared library (which cannot reach the core's internals) compiles the
 * same file instead of a copy of it.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "util/am_internal.h"
#include "util/buf.h"

size_t am_diag_v(argmap_diags *diags, argmap_severity sev, const char *code, const char *file,
                 unsigned line, unsigned col, const char *hint, const char *fmt, va_list ap)
{
	am_buf b = {0};
	size_t idx;
	char *msg;

	am_buf_vprintf(&b, fmt, ap);
	msg = am_buf_detach(&b);
	/* out of memory: the diagnostic still says where, and the list learns
	 * that it is incomplete if even this placeholder cannot be added */
	idx = argmap_diags_add(diags, sev, code, file, line, col,
	                       msg ? msg : "(out of memory while formatting this message)", hint,
	                       ARGMAP_NONE);
	free(msg);
	return idx;
}

size_t am_diag(argmap_diags *diags, argmap_severity sev, const char *code, const char *file,
               unsigned line, unsigned col, const char *hint, const char *fmt, ...)
{
	va_list ap;
	size_t idx;

	va_start(ap, fmt);
	idx = am_diag_v(diags, sev, code, file, line, col, hint, fmt, ap);
	va_end(ap);
	return idx;
}

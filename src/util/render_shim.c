/*
 * render_shim.c - what libargmap-render.so needs from the core's internals
 * but cannot reach, since libargmap.so exports only argmap_* (hidden
 * visibility). Compiled into the shared renderer only; everywhere else
 * (libargmap, the static libraries, the programs, the tests) the core's own
 * error.c and diag.c provide these.
 *
 * am_fail writes into the core's one last-error slot through the
 * semi-private argmap__error_setv, so argmap_error_last() sees the
 * renderer's messages. am_diag is rebuilt on the public argmap_diags_add.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "util/am_internal.h"
#include "util/buf.h"

ARGMAP_API void argmap__error_setv(const char *fmt, va_list ap);

int am_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	argmap__error_setv(fmt, ap);
	va_end(ap);
	return status;
}

size_t am_diag(argmap_diags *diags, argmap_severity sev, const char *code, const char *file,
               unsigned line, unsigned col, const char *hint, const char *fmt, ...)
{
	am_buf b = {0};
	va_list ap;
	size_t idx;
	char *msg;

	va_start(ap, fmt);
	am_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = am_buf_detach(&b);
	/* out of memory: the list still learns that it is incomplete when
	 * its own copy of this placeholder fails too */
	idx = argmap_diags_add(diags, sev, code, file, line, col, msg ? msg : "(out of memory)",
	                       hint, ARGMAP_NONE);
	free(msg);
	return idx;
}

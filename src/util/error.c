#include <stdio.h>

#include "util/am_internal.h"

static _Thread_local char last_error[512];

const char *argmap_error_last(void)
{
	return last_error;
}

int am_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	return status;
}

/* Semi-private (libgit2's double underscore): exported only so that the
 * am_fail of libargmap-render.so (src/util/render_shim.c) records its
 * messages in this one slot. Not in any installed header. */
ARGMAP_API void argmap__error_setv(const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;
void argmap__error_setv(const char *fmt, va_list ap)
{
	vsnprintf(last_error, sizeof last_error, fmt, ap);
}

const char *argmap_version(void)
{
	return ARGMAP_VERSION_STRING;
}

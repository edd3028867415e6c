/*
 * render_shim.c - what libargmap-render.so needs from the core's internals
 * but cannot reach, since libargmap.so exports only argmap_* (hidden
 * visibility). Compiled into the shared renderer only; everywhere else
 * (libargmap, the static libraries, the programs, the tests) the core's own
 * error.c provides it.
 *
 * am_fail writes into the core's one last-error slot through the
 * semi-private argmap__error_setv, so argmap_error_last() sees the
 * renderer's messages. Everything else the renderer needs from util/ and
 * model/ is compiled into it from the same files (src/CMakeLists.txt).
 */
#include <stdarg.h>

#include "util/am_internal.h"

ARGMAP_API void argmap__error_setv(const char *fmt, va_list ap);

int am_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	argmap__error_setv(fmt, ap);
	va_end(ap);
	return status;
}

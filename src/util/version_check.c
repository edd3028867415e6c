/*
 * version_check.c - the version test of option structs, shared by the core
 * and (compiled again into libargmap-render.so) the renderer.
 */
#include "util/am_internal.h"

int am_check_version(unsigned int got, unsigned int want, const char *what)
{
	if (got == want)
		return 0;
	return am_fail(ARGMAP_EARG,
	               "%s has version %u, this library knows version %u: initialise it with "
	               "its _INIT macro or _init function",
	               what, got, want);
}

/*
 * version_check.c - the version test of option structs and the body of
 * every argmap_<x>_options_init, shared by the core and (compiled again
 * into libargmap-render.so) the renderer.
 */
#include <string.h>

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

int am_options_init(void *opts, const void *init, size_t size, unsigned int got, unsigned int want,
                    const char *what)
{
	if (!opts)
		return am_fail(ARGMAP_EARG, "%s_init: NULL options", what);
	if (am_check_version(got, want, what))
		return ARGMAP_EARG;
	memcpy(opts, init, size);
	return 0;
}

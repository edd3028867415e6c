/*
 * options.c - argmap_render_options_init (libgit2 style, like the core's
 * src/util/options.c): the defaults of the version the caller knows.
 */
#include <string.h>

#include "util/am_internal.h"

int argmap_render_options_init(argmap_render_options *opts, unsigned int version)
{
	static const argmap_render_options init = ARGMAP_RENDER_OPTIONS_INIT;

	if (!opts)
		return am_fail(ARGMAP_EARG, "argmap_render_options_init: NULL options");
	if (am_check_version(version, ARGMAP_RENDER_OPTIONS_VERSION, "argmap_render_options"))
		return ARGMAP_EARG;
	memcpy(opts, &init, sizeof init);
	return 0;
}

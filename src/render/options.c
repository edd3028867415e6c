/*
 * options.c - argmap_render_options_init (libgit2 style, like the core's
 * src/util/options.c): the defaults of the version the caller knows.
 */
#include "util/am_internal.h"

int argmap_render_options_init(argmap_render_options *opts, unsigned int version)
{
	static const argmap_render_options init = ARGMAP_RENDER_OPTIONS_INIT;

	return am_options_init(opts, &init, sizeof init, version, ARGMAP_RENDER_OPTIONS_VERSION,
	                       "argmap_render_options");
}

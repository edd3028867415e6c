/*
 * options.c - the _init functions of the core's option structs (libgit2
 * style: a program built against older headers passes the version it
 * knows, and gets that version's defaults).
 */
#include "util/am_internal.h"

int argmap_load_options_init(argmap_load_options *opts, unsigned int version)
{
	static const argmap_load_options init = ARGMAP_LOAD_OPTIONS_INIT;

	return am_options_init(opts, &init, sizeof init, version, ARGMAP_LOAD_OPTIONS_VERSION,
	                       "argmap_load_options");
}

int argmap_check_options_init(argmap_check_options *opts, unsigned int version)
{
	static const argmap_check_options init = ARGMAP_CHECK_OPTIONS_INIT;

	return am_options_init(opts, &init, sizeof init, version, ARGMAP_CHECK_OPTIONS_VERSION,
	                       "argmap_check_options");
}

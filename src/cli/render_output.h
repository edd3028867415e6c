/*
 * render_output.h - where `argmap render` writes (render_output.c; the
 * protected files and standard output are output.h's).
 */
#ifndef ARGMAP_CLI_RENDER_OUTPUT_H
#define ARGMAP_CLI_RENDER_OUTPUT_H

#include <stddef.h>

#include <argmap/argmap.h>

#include "output.h"

/* DIR/NAME[.print].EXT for input `in` (caller frees; NULL when out of
 * memory). */
char *cli_output_path(const char *dir, const char *in, argmap_render_theme theme,
                      argmap_render_format f);

#endif

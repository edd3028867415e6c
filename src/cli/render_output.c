/*
 * render_output.c - where `argmap render` writes (render_output.h): output
 * names (standard output and the protected files are in output.c).
 */
#include <stdio.h>

#include "cli.h"
#include "render_output.h"

/* DIR/NAME[.print].EXT for input `in` (caller frees). */
char *cli_output_path(const char *dir, const char *in, argmap_render_theme theme,
                      argmap_render_format f)
{
	char suffix[32];

	snprintf(suffix, sizeof suffix, "%s.%s", theme == ARGMAP_THEME_PRINT ? ".print" : "",
	         argmap_render_format_ext(f));
	return cli_output_name(dir, in, suffix);
}

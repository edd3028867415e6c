/*
 * gv_pango.c - the pango plugin's text layout (plugin/pango/
 * gvtextlayout_pango.c, Graphviz 2.42) remembers the last font it loaded
 * in a static `char *fontname` that points at the name in the context's
 * font dictionary, and compares each new span's font with it (strcmp).
 * gvFreeContext frees that dictionary, so the next PDF or PNG drawn in
 * the same process with a new context reads freed memory (ASan: heap-use-
 * after-free in strcmp, seen when a test drew a PNG and then a PDF).
 * The contained child draws once per process, but the library and its
 * tests may draw many times in one.
 *
 * The guard lays out one character in a font whose name differs from
 * every real font's and lives in this file: the plugin then remembers
 * that name, which is never freed.
 */
#include <string.h>

#include "render/gv_pango.h"
#include "render/gv_private.h"

static char forget_font[] = "argmap-no-font"; /* what the cache keeps */
static char forget_text[] = "x";

void am_gv_pango_forget(GVC_t *gvc)
{
	textfont_t font;
	textspan_t span;

	if (!gvc)
		return;
	memset(&font, 0, sizeof font);
	memset(&span, 0, sizeof span);
	font.name = forget_font;
	font.size = 1.0;
	span.str = forget_text;
	span.font = &font;
	span.just = 'n';
	(void)textspan_size(gvc, &span);
	if (span.layout && span.free_layout)
		span.free_layout(span.layout);
}

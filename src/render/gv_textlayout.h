/*
 * gv_textlayout.h - a Graphviz textlayout plugin that measures text with
 * FreeType for SVG (gv_textlayout.c). It keeps the fonts it opens until
 * am_textlayout_reset.
 */
#ifndef AM_RENDER_GV_TEXTLAYOUT_H
#define AM_RENDER_GV_TEXTLAYOUT_H

#include <gvplugin.h>

extern gvplugin_library_t gvplugin_argmap_text_LTX_library;

/* Releases the fonts gv_textlayout.c opened. */
void am_textlayout_reset(void);

#endif

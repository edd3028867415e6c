/*
 * gv_pango.h - keeps the pango plugin's text layout cache from pointing
 * into a freed Graphviz context (gv_pango.c). Include only from gv_*.c.
 */
#ifndef AM_RENDER_GV_PANGO_H
#define AM_RENDER_GV_PANGO_H

#include <gvc.h>

/* Call on a context whose text was laid out by pango (PDF, PNG) just
 * before gvFreeContext(gvc): afterwards the plugin's cache names a font
 * that argmap owns for the life of the process, not one in gvc's font
 * dictionary. Costs one text layout of one character. */
void am_gv_pango_forget(GVC_t *gvc);

#endif

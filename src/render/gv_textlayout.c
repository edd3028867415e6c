/*
 * gv_textlayout.c - a Graphviz textlayout plugin that measures text with
 * FreeType advance widths, for SVG output.
 *
 * Why: Graphviz's pango plugin lays out every text span with pango (font
 * matching, shaping). On a 1,000-claim map (about 9,300 spans) that took
 * 0.45 s of a 0.8 s layout; this plugin takes a few milliseconds. SVG does
 * not need pango's layouts (the browser draws the text), so SVG uses this
 * plugin and PDF/PNG, which cairo draws from pango layouts, keep pango.
 *
 * Width = sum of the glyph advances of the font fontconfig picks for the
 * family, weight and slant (kerning is ignored, so text is measured a
 * little wide, never narrow); characters the font lacks count one em.
 * Height and baseline come from the font's ascender and descender, which
 * is what pango reports for DejaVu Sans. When the font cannot be loaded the
 * plugin declines and Graphviz falls back to its own estimate.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <fontconfig/fontconfig.h>

#include <gvplugin_textlayout.h>

#include "render/gv_textlayout.h"
#include "util/text.h"

#define MAX_FACES 8

typedef struct face_entry {
	char *family;
	int flags; /* HTML_BF | HTML_IF */
	FT_Face face;
	char *path;
} face_entry;

static FT_Library ft;
static int ft_failed;
static face_entry faces[MAX_FACES];
static int n_faces;

static FT_Face load_face(const char *family, int flags, char **path)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *file = NULL;
	int index = 0;
	FT_Face face = NULL;

	pat = FcNameParse((const FcChar8 *)family);
	if (!pat)
		return NULL;
	FcPatternAddInteger(pat, FC_WEIGHT, (flags & HTML_BF) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, (flags & HTML_IF) ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (!match)
		return NULL;
	if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
		FcPatternGetInteger(match, FC_INDEX, 0, &index);
		if (FT_New_Face(ft, (const char *)file, index, &face) != 0)
			face = NULL;
		else
			*path = strdup((const char *)file);
	}
	FcPatternDestroy(match);
	return face;
}

static face_entry *get_face(const char *family, int flags)
{
	int i;

	if (ft_failed)
		return NULL;
	if (!ft && FT_Init_FreeType(&ft) != 0) {
		ft_failed = 1;
		return NULL;
	}
	for (i = 0; i < n_faces; i++)
		if (faces[i].flags == flags && strcmp(faces[i].family, family) == 0)
			return faces[i].face ? &faces[i] : NULL;
	if (n_faces == MAX_FACES)
		return NULL;
	faces[n_faces].family = strdup(family);
	faces[n_faces].flags = flags;
	faces[n_faces].path = NULL;
	faces[n_faces].face =
	    faces[n_faces].family ? load_face(family, flags, &faces[n_faces].path) : NULL;
	n_faces++;
	return faces[n_faces - 1].face ? &faces[n_faces - 1] : NULL;
}

static boolean am_textlayout(textspan_t *span, char **fontpath)
{
	const char *family = span->font && span->font->name ? span->font->name : "DejaVu Sans";
	double size = span->font && span->font->size > 0 ? span->font->size : 14.0;
	int flags = span->font ? (int)(span->font->flags & (HTML_BF | HTML_IF)) : 0;
	face_entry *fe = get_face(family, flags);
	const char *s = span->str ? span->str : "";
	double upm, width = 0.0;
	FT_Face face;

	if (!fe)
		return FALSE;
	face = fe->face;
	upm = face->units_per_EM ? (double)face->units_per_EM : 2048.0;
	while (*s) {
		unsigned long cp;
		FT_UInt gi;
		FT_Fixed adv = 0;
		s += am_utf8_decode(s, SIZE_MAX, &cp);
		gi = FT_Get_Char_Index(face, cp);
		if (gi && FT_Get_Advance(face, gi, FT_LOAD_NO_SCALE, &adv) == 0)
			width += (double)adv / upm;
		else if (cp >= 0x20)
			width += 1.0;
	}
	span->size.x = width * size;
	span->size.y = (double)(face->ascender - face->descender) / upm * size;
	span->yoffset_layout = (double)face->ascender / upm * size;
	span->yoffset_centerline = 0.1 * size;
	span->layout = NULL;
	span->free_layout = NULL;
	if (fontpath)
		*fontpath = fe->path;
	return TRUE;
}

void am_textlayout_reset(void)
{
	int i;

	for (i = 0; i < n_faces; i++) {
		if (faces[i].face)
			FT_Done_Face(faces[i].face);
		free(faces[i].family);
		free(faces[i].path);
	}
	n_faces = 0;
	if (ft)
		FT_Done_FreeType(ft);
	ft = NULL;
	ft_failed = 0;
}

static gvtextlayout_engine_t am_text_engine = {am_textlayout};

static gvplugin_installed_t am_text_types[] = {
    {0, "textlayout", 10, &am_text_engine, NULL},
    {0, NULL, 0, NULL, NULL},
};

static gvplugin_api_t am_text_apis[] = {
    {API_textlayout, am_text_types},
    {(api_t)0, NULL},
};

static char am_text_name[] = "argmap_text";
gvplugin_library_t gvplugin_argmap_text_LTX_library = {am_text_name, am_text_apis};

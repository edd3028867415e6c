/*
 * gv_attr.h - setting cgraph attributes from const strings. cgraph's API
 * takes `char *` for strings it only reads; am_s() is the one place that
 * drops the const of our strings for it. cgraph copies every value into its
 * string pool, so the caller keeps ownership of what it passes.
 */
#ifndef AM_RENDER_GV_ATTR_H
#define AM_RENDER_GV_ATTR_H

#include <stdint.h>

#include <cgraph.h>

static inline char *am_s(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* Sets an attribute (declared on first use with an empty default). */
static inline void am_set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, am_s(name), am_s(value), am_s(""));
}

/* Sets an HTML-like label attribute (e.g. "label") from markup in `html`. */
static inline void am_set_html(Agraph_t *g, void *obj, const char *name, const char *html)
{
	char *h = agstrdup_html(g, am_s(html));

	agsafeset(obj, am_s(name), h, am_s(""));
	agstrfree(g, h);
}

#endif

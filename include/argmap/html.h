/*
 * argmap/html.h - the interactive web view: one self-contained HTML page
 * holding a drawing of the map (the SVG argmap_render made), the map's
 * JSON model (argmap_export's "json") and a small viewer script and style
 * sheet built into the library. The page needs no network: no CDN, fonts
 * or scripts are fetched, and it carries its own Content-Security-Policy
 * (no eval, no inline event handlers; script and style sheets allowed by
 * their SHA-256 hashes only). What the page does, its DOM contract and the
 * policy a server may send with it are in docs/rendering.md, "The web view".
 *
 * argmap_render with ARGMAP_RENDER_HTML draws the SVG and calls this; call
 * it directly to wrap an SVG you rendered yourself. libargmap itself has
 * no Graphviz: this only assembles bytes.
 *
 * Conventions are those of argmap/common.h.
 */
#ifndef ARGMAP_HTML_H
#define ARGMAP_HTML_H

#include "common.h"
#include "diag.h"
#include "diff.h"
#include "eval.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

/** HTML settings. Start from ARGMAP_HTML_OPTIONS_INIT. The view fields
 *  must be those the SVG was drawn with (they choose what the embedded
 *  model holds); strings are borrowed for the call. */
typedef struct argmap_html_options {
	unsigned int version;  /* ARGMAP_HTML_OPTIONS_VERSION */
	const char *focus;     /* the view: as in argmap_render_options */
	unsigned depth;
	const char *tag;
	int hide_evidence;
	const char *id_prefix; /* the SVG's id prefix (NULL: none); the page's
	                          own ids (am-search, am-panel) do not take it */
	/* version 2. A struct of version 1 is still taken: these are then
	 * NULL / 0. */
	const char *const *actors; /* the actor view (n_actors ids), as in
	                              argmap_render_options; NULL: none */
	size_t n_actors;
	const argmap_eval_result *status; /* argmap_eval_map of this map: each
	                              drawn node's label and explanation (and,
	                              preferred, its acceptance) go into the page
	                              for its "status" toggle; NULL: the grounded
	                              labelling, computed here. Borrowed. */
	/* version 3. Structs of versions 1 and 2 are still taken: this is
	 * then NULL. */
	const argmap_diff_union *diff; /* `argmap diff -T html`: `map` must be
	                              diff->map; each changed node's and relation's
	                              change and detail go into the page (#am-diff),
	                              and its panel says what changed and in which
	                              version. NULL: no diff. Borrowed. */
} argmap_html_options;

#define ARGMAP_HTML_OPTIONS_VERSION 3
#define ARGMAP_HTML_OPTIONS_INIT                                                           \
	{ARGMAP_HTML_OPTIONS_VERSION, NULL, 2, NULL, 0, NULL, NULL, 0, NULL, NULL}

/**
 * Build the page for `map` around svg[0..svg_len) (an SVG argmap_render
 * made of the same map and view).
 *
 * On success returns 0 and sets *out to a malloc'd, NUL-terminated buffer
 * of *len bytes (caller frees with free()). On failure returns a negative
 * argmap_status and sets *out to NULL and *len to 0: ARGMAP_EARG (NULL
 * arguments, options of an unknown version, no <svg> element in `svg`,
 * a `status` of another map's size, a `diff` whose union is not `map`),
 * ARGMAP_EINVALID (the view names an unknown node or selects nothing:
 * AM711, AM712 in `diags`, which may be NULL), ARGMAP_ENOMEM.
 * Deterministic: the same inputs give the same bytes (for a given zlib).
 * Text from the map reaches the page only as escaped character data,
 * inside the settings' JSON (where '<', '>', '&' and '/' are \u-escaped,
 * so no text can end the <script type="application/json"> element or open
 * a comment in it), or deflated in base64 (the model, the status and the
 * drawing's pieces, in <script type="application/octet-stream"> elements:
 * nothing in base64 is markup).
 * Linear in svg_len and the size of the map.
 */
ARGMAP_API int argmap_html(const argmap_map *map, const argmap_html_options *opts,
                           const char *svg, size_t svg_len, argmap_diags *diags, char **out,
                           size_t *len);

#ifdef __cplusplus
}
#endif
#endif

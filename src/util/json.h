/*
 * json.h - the one place that turns a jansson tree into bytes.
 *
 * Every JSON argmap writes (exports, --format json, the language server)
 * goes through am_json_append, so that all of it is deterministic (keys in
 * insertion order, which the writers choose) and UTF-8; '/' is written as
 * "\/", so "</script>" never appears in the output. (Inside an HTML
 * <script> element, '<' must be escaped as well, against "<!--<script";
 * the HTML writer does that.)
 *
 * jansson is the JSON library (Debian's libjansson-dev). The library never
 * calls jansson's process-wide setters (json_set_alloc_funcs,
 * json_object_seed): a host program keeps its own settings.
 */
#ifndef AM_JSON_H
#define AM_JSON_H

#include <jansson.h>

#include "util/buf.h"

typedef enum am_json_style {
	AM_JSON_COMPACT = 0, /* one line, for machines (LSP, embedded data) */
	AM_JSON_PRETTY = 1   /* two-space indent and a final newline, for files */
} am_json_style;

/* Appends `v` to `out` in the given style. Returns 0, or -1 (out of memory,
 * or `v` holds invalid UTF-8) with the last error set; `out` then holds
 * whatever was appended before the call. `v` stays the caller's. */
int am_json_append(am_buf *out, const json_t *v, am_json_style style);

/* json_string for text the model holds (already checked UTF-8): a JSON
 * null for NULL. Returns a new reference, NULL when out of memory. */
json_t *am_json_text(const char *s);

/* Sets obj[key] = v, taking v's reference (json_object_set_new), and
 * returns -1 when v is NULL or the set fails, so a chain of calls can be
 * or'ed together and checked once. */
int am_json_set(json_t *obj, const char *key, json_t *v);

#endif

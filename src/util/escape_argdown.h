/*
 * escape_argdown.h - what argmap's text may look like inside an Argdown
 * document (the Argdown export, src/export/argdown.c). The one place that
 * knows Argdown's syntax characters.
 *
 * Argdown reads `[ ] < > { } / * _ # @ \ `` ` as syntax inside a
 * statement's text (titles, relations, emphasis, tags, mentions, comments,
 * data); a backslash makes any character literal, which the Argdown CLI
 * 1.7.5 parses back to the original text (tests/export). Its YAML data
 * (`{...}` after a text, the front matter) ends at the first '}', even
 * inside a quoted string.
 */
#ifndef AM_UTIL_ESCAPE_ARGDOWN_H
#define AM_UTIL_ESCAPE_ARGDOWN_H

#include <jansson.h>

#include "util/buf.h"

/* Appends `s` as Argdown text: every syntax character behind a backslash,
 * control characters (newlines, tabs) as spaces. */
void am_argdown_text(am_buf *out, const char *s);

/* Appends `v` as Argdown data: compact JSON (YAML's flow style, so valid
 * YAML) from am_json_append, with '{' and '}' inside strings written as
 * \u007b and \u007d, so that the data ends where Argdown thinks it ends.
 * Returns 0, or a negative argmap_status with the last error set. */
int am_argdown_data(am_buf *out, const json_t *v);

#endif

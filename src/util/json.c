/*
 * json.c - deterministic, HTML-safe serialisation of jansson trees.
 */
#include "util/json.h"

#include <string.h>

#include "util/am_internal.h"

/* jansson writes U+2028 and U+2029 raw; they end a line in JavaScript
 * before ES2019, so they are written as \u2028 and \u2029 here. Outside
 * strings JSON is ASCII, and jansson hands over whole characters, so the
 * three bytes of either are always in one piece of one string. */
static int dump_cb(const char *buffer, size_t size, void *data)
{
	am_buf *out = data;
	size_t i, start = 0;

	for (i = 0; i + 2 < size; i++)
		if ((unsigned char)buffer[i] == 0xE2 && (unsigned char)buffer[i + 1] == 0x80 &&
		    ((unsigned char)buffer[i + 2] == 0xA8 ||
		     (unsigned char)buffer[i + 2] == 0xA9)) {
			am_buf_put(out, buffer + start, i - start);
			am_buf_puts(out,
			            (unsigned char)buffer[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 2;
			start = i + 1;
		}
	am_buf_put(out, buffer + start, size - start);
	return out->failed ? -1 : 0;
}

int am_json_append(am_buf *out, const json_t *v, am_json_style style)
{
	size_t flags = JSON_PRESERVE_ORDER | JSON_ESCAPE_SLASH | JSON_REAL_PRECISION(10);
	if (style == AM_JSON_PRETTY)
		flags |= JSON_INDENT(2);
	else
		flags |= JSON_COMPACT;
	if (!v)
		return am_fail(ARGMAP_EARG, "no JSON value to write");
	if (json_dump_callback(v, dump_cb, out, flags) != 0 || out->failed)
		return am_fail(out->failed ? ARGMAP_ENOMEM : ARGMAP_EINTERNAL,
		               "could not write JSON");
	if (style == AM_JSON_PRETTY)
		am_buf_putc(out, '\n');
	return out->failed ? am_fail(ARGMAP_ENOMEM, "out of memory writing JSON") : 0;
}

json_t *am_json_text(const char *s)
{
	return s ? json_string(s) : json_null();
}

int am_json_set(json_t *obj, const char *key, json_t *v)
{
	if (!v)
		return -1;
	return json_object_set_new(obj, key, v) == 0 ? 0 : -1;
}

/*
 * escape_argdown.c - argmap text inside Argdown (escape_argdown.h).
 */
#include "util/escape_argdown.h"

#include <string.h>

#include "util/am_internal.h"
#include "util/json.h"

void am_argdown_text(am_buf *out, const char *s)
{
	static const char syntax[] = "[]<>{}/*_#@\\`";
	const char *run = s;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != 0x7F && !strchr(syntax, c))
			continue;
		am_buf_put(out, run, (size_t)(s - run));
		if (c < 0x20 || c == 0x7F) {
			am_buf_putc(out, ' ');
		} else {
			am_buf_putc(out, '\\');
			am_buf_putc(out, (char)c);
		}
		run = s + 1;
	}
	am_buf_put(out, run, (size_t)(s - run));
}

int am_argdown_data(am_buf *out, const json_t *v)
{
	am_buf json = {0};
	size_t i, run = 0;
	int rc, in_string = 0;

	if ((rc = am_json_append(&json, v, AM_JSON_COMPACT)) != 0) {
		am_buf_free(&json);
		return rc;
	}
	/* JSON outside strings is structure; inside, a '\' escapes the next
	 * byte, so an escaped quote never ends the string */
	for (i = 0; i < json.len; i++) {
		char c = json.data[i];
		if (in_string && c == '\\') {
			i++;
		} else if (c == '"') {
			in_string = !in_string;
		} else if (in_string && (c == '{' || c == '}')) {
			am_buf_put(out, json.data + run, i - run);
			am_buf_puts(out, c == '{' ? "\\u007b" : "\\u007d");
			run = i + 1;
		}
	}
	am_buf_put(out, json.data + run, json.len - run);
	am_buf_free(&json);
	return out->failed ? am_fail(ARGMAP_ENOMEM, "out of memory writing Argdown") : 0;
}

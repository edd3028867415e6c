/*
 * aif_json.c - the bytes of an AIF file to a jansson tree, with the map
 * reader's hardening (docs/security.md): valid UTF-8 only, no more than
 * max_depth levels of nesting and max_values values (checked in one pass
 * before jansson allocates anything, so memory is bounded by the input
 * size times a constant), duplicate keys refused (JSON_REJECT_DUPLICATES).
 *
 * OVA writes raw line breaks and tabs inside strings, which JSON does not
 * allow; since argmap folds whitespace in every text, they are read as
 * spaces, with one warning (AM853). Other raw control characters are
 * refused.
 */
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"
#include "util/text.h"

/* 1-based line and character column of byte `off`. */
static void position(const char *b, size_t off, unsigned *line, unsigned *col)
{
	size_t i, start = 0;
	unsigned l = 1;

	for (i = 0; i < off; i++)
		if (b[i] == '\n') {
			l++;
			start = i + 1;
		}
	*line = l;
	*col = (unsigned)am_utf8_count(b + start, off - start) + 1;
}

static int scan(char *b, size_t n, const char *name, const am_aif_limits *lim, argmap_diags *diags)
{
	size_t i, values = 0, fixed = 0, first_fix = 0;
	unsigned depth = 0, line, col;
	int in_str = 0, esc = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];
		if (in_str) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				in_str = 0;
			else if (c == '\t' || c == '\n' || c == '\r') {
				if (!fixed++)
					first_fix = i;
				b[i] = ' ';
			} else if (c < 0x20) {
				position(b, i, &line, &col);
				am_diag(diags, ARGMAP_SEV_ERROR, "AM851", name, line, col,
				        "write control characters in JSON strings as \\u escapes",
				        "not valid JSON: a raw control character (0x%02X) inside a "
				        "string",
				        (unsigned)c);
				return am_fail(ARGMAP_EINVALID, "%s: not valid JSON", name);
			}
			continue;
		}
		if (c == '"' || c == ',' || c == '{' || c == '[')
			values++;
		if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[') {
			if (++depth > lim->max_depth) {
				position(b, i, &line, &col);
				am_diag(diags, ARGMAP_SEV_ERROR, "AM852", name, line, col,
				        "AIF needs a handful of levels; this is not an AIF map",
				        "JSON nested more than %u levels deep", lim->max_depth);
				return am_fail(ARGMAP_ELIMIT, "%s: JSON nested too deeply", name);
			}
		} else if ((c == '}' || c == ']') && depth > 0)
			depth--;
		if (values > lim->max_values) {
			position(b, i, &line, &col);
			am_diag(diags, ARGMAP_SEV_ERROR, "AM852", name, line, col,
			        "split the map into several AIF files", "more than %zu JSON values",
			        lim->max_values);
			return am_fail(ARGMAP_ELIMIT, "%s: too many JSON values", name);
		}
	}
	if (fixed) {
		position(b, first_fix, &line, &col);
		am_diag(diags, ARGMAP_SEV_WARNING, "AM853", name, line, col,
		        "the tool that wrote the file should escape them as \\n and \\t",
		        "%zu raw line break%s or tab%s inside JSON strings (not valid JSON), read "
		        "as spaces",
		        fixed, fixed == 1 ? "" : "s", fixed == 1 ? "" : "s");
	}
	return 0;
}

int am_aif_parse_json(char *buf, size_t len, const char *name, const am_aif_limits *lim,
                      argmap_diags *diags, json_t **root)
{
	size_t i, bad;
	unsigned line, col;
	json_error_t err;
	int rc;

	*root = NULL;
	for (i = 0; i < len && strchr(" \t\r\n", buf[i]) && buf[i]; i++)
		;
	if (i == len) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM004", name, 0, 0,
		        "an AIF file is a JSON object with \"nodes\" and \"edges\"",
		        "file is empty");
		return am_fail(ARGMAP_EINVALID, "%s: empty", name);
	}
	bad = am_utf8_check(buf, len);
	if (bad < len) {
		position(buf, bad, &line, &col);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM005", name, line, col,
		        "save the file as UTF-8; JSON is UTF-8", "invalid UTF-8 (byte 0x%02X)",
		        (unsigned)(unsigned char)buf[bad]);
		return am_fail(ARGMAP_EINVALID, "%s: not UTF-8", name);
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		memset(buf, ' ', 3); /* a UTF-8 byte order mark: harmless, and jansson refuses it */
	rc = scan(buf, len, name, lim, diags);
	if (rc)
		return rc;
	*root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (!*root) {
		if (json_error_code(&err) == json_error_out_of_memory)
			return am_fail(ARGMAP_ENOMEM, "out of memory");
		am_diag(diags, ARGMAP_SEV_ERROR, "AM851", name,
		        err.line > 0 ? (unsigned)err.line : 0,
		        err.column > 0 ? (unsigned)err.column : 0, NULL, "not valid JSON: %s",
		        err.text);
		return am_fail(ARGMAP_EINVALID, "%s: not valid JSON", name);
	}
	return 0;
}

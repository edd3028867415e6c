/*
 * json_check.h - a strict JSON validity check (RFC 8259) for what argmap
 * prints, shared by the tests and the fuzz targets: exactly one value,
 * strings of valid UTF-8 (no overlongs, surrogates or code points above
 * U+10FFFF) without raw control characters, only the standard escapes, a
 * \u escape never a lone surrogate, numbers without leading zeros, no NUL.
 *
 * Header-only (static functions) and independent of argmap's own UTF-8
 * code, so that it checks that code instead of repeating it.
 */
#ifndef ARGMAP_TEST_JSON_CHECK_H
#define ARGMAP_TEST_JSON_CHECK_H

#include <stddef.h>
#include <string.h>

typedef struct ts_json_in {
	const unsigned char *p, *end;
} ts_json_in;

static void ts_json_ws(ts_json_in *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r'))
		j->p++;
}

static int ts_json_lit(ts_json_in *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
		return 0;
	j->p += n;
	return 1;
}

/* One UTF-8 encoded character of two to four bytes at j->p. */
static int ts_json_utf8(ts_json_in *j)
{
	unsigned c = *j->p, cp, len, k;

	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if ((size_t)(j->end - j->p) < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((j->p[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (j->p[k] & 0x3Fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	j->p += len;
	return 1;
}

static int ts_json_hex4(ts_json_in *j, unsigned *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 4; k++) {
		unsigned char h;
		if (++j->p >= j->end)
			return 0;
		h = *j->p;
		*v <<= 4;
		if (h >= '0' && h <= '9')
			*v |= h - '0';
		else if (h >= 'a' && h <= 'f')
			*v |= h - 'a' + 10;
		else if (h >= 'A' && h <= 'F')
			*v |= h - 'A' + 10;
		else
			return 0;
	}
	return 1;
}

static int ts_json_string(ts_json_in *j)
{
	if (j->p >= j->end || *j->p != '"')
		return 0;
	j->p++;
	while (j->p < j->end) {
		unsigned c = *j->p;
		if (c == '"') {
			j->p++;
			return 1;
		}
		if (c < 0x20)
			return 0; /* raw control characters are not allowed in JSON strings */
		if (c >= 0x80) {
			if (!ts_json_utf8(j))
				return 0;
			continue;
		}
		if (c == '\\') {
			unsigned v, w;
			if (++j->p >= j->end)
				return 0;
			switch (*j->p) {
			case '"':
			case '\\':
			case '/':
			case 'b':
			case 'f':
			case 'n':
			case 'r':
			case 't': break;
			case 'u':
				if (!ts_json_hex4(j, &v))
					return 0;
				if (v >= 0xDC00 && v <= 0xDFFF)
					return 0; /* a lone low surrogate */
				if (v >= 0xD800 && v <= 0xDBFF) {
					if (j->end - j->p < 3 || j->p[1] != '\\' || j->p[2] != 'u')
						return 0;
					j->p += 2;
					if (!ts_json_hex4(j, &w) || w < 0xDC00 || w > 0xDFFF)
						return 0;
				}
				break;
			default: return 0;
			}
		}
		j->p++;
	}
	return 0;
}

static int ts_json_value(ts_json_in *j, int depth);

static int ts_json_digits(ts_json_in *j)
{
	const unsigned char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static int ts_json_number(ts_json_in *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!ts_json_digits(j))
		return 0;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!ts_json_digits(j))
			return 0;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!ts_json_digits(j))
			return 0;
	}
	return 1;
}

static int ts_json_seq(ts_json_in *j, int depth, unsigned char close, int object)
{
	j->p++;
	ts_json_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return 1;
	}
	for (;;) {
		if (object) {
			ts_json_ws(j); /* space after a ',' (pretty-printed JSON) */
			if (!ts_json_string(j))
				return 0;
			ts_json_ws(j);
			if (j->p >= j->end || *j->p != ':')
				return 0;
			j->p++;
		}
		if (!ts_json_value(j, depth + 1))
			return 0;
		ts_json_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 1;
		}
		return 0;
	}
}

static int ts_json_value(ts_json_in *j, int depth)
{
	if (depth > 64)
		return 0;
	ts_json_ws(j);
	if (j->p >= j->end)
		return 0;
	switch (*j->p) {
	case '{': return ts_json_seq(j, depth, '}', 1);
	case '[': return ts_json_seq(j, depth, ']', 0);
	case '"': return ts_json_string(j);
	case 't': return ts_json_lit(j, "true");
	case 'f': return ts_json_lit(j, "false");
	case 'n': return ts_json_lit(j, "null");
	default: return ts_json_number(j);
	}
}

/* 1 if s[0..n) is exactly one valid JSON value (surrounding space allowed). */
static int ts_json_ok(const char *s, size_t n)
{
	ts_json_in j;

	if (!s)
		return 0;
	j.p = (const unsigned char *)s;
	j.end = j.p + n;
	if (!ts_json_value(&j, 0))
		return 0;
	ts_json_ws(&j);
	return j.p == j.end;
}

#endif

/*
 * schema_values.c - attribute values against the schema's datatypes
 * (schema.h: am_schema_value_ok, am_schema_value_help). The patterns the
 * loader meets most often are checked by hand-written equivalents; the
 * rest by the regex the schema table compiled once.
 */
#include <string.h>

#include <libxml/xmlregexp.h>

#include "read/schema.h"
#include "util/buf.h"
#include "util/text.h"

/* Fast equivalents of the schema's most frequent patterns (libxml2's regex
 * engine is a tenth of the time of a large check). test_schema.c checks
 * that each agrees with the compiled pattern on tricky inputs. */
static int id_char(unsigned char ch, int first)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_' ||
	       (!first && ((ch >= '0' && ch <= '9') || ch == '.' || ch == '-'));
}

/* [A-Za-z_][A-Za-z0-9_.\-]{0,127}, then a space or the end; *end = where */
static int one_id(const char *s, const char **end)
{
	size_t n = 0;

	if (!id_char((unsigned char)*s, 1))
		return 0;
	for (n = 1; s[n] && s[n] != ' '; n++)
		if (n >= 128 || !id_char((unsigned char)s[n], 0))
			return 0;
	*end = s + n;
	return 1;
}

/* [^ ]{1,64}, counted in characters */
static int one_tag(const char *s, const char **end)
{
	size_t chars = 0;

	for (; *s && *s != ' '; s++)
		if (((unsigned char)*s & 0xC0) != 0x80 && ++chars > 64)
			return 0;
	*end = s;
	return chars > 0;
}

static int list_ok(const char *s, int (*one)(const char *, const char **), int many)
{
	const char *end;

	for (;;) {
		if (!one(s, &end))
			return 0;
		if (!*end)
			return 1;
		if (!many)
			return 0;
		s = end + 1; /* a single space, then the next item */
	}
}

int am_schema_value_ok_slow(const am_attr_rule *a, const char *value)
{
	size_t i;

	if (a->nvalues) {
		for (i = 0; i < a->nvalues; i++)
			if (strcmp(a->values[i], value) == 0)
				return 1;
		return 0;
	}
	if (a->min_length && strlen(value) < a->min_length)
		return 0;
	if (a->regex)
		return xmlRegexpExec((xmlRegexpPtr)a->regex, BAD_CAST value) == 1;
	return 1;
}

/* xsd:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
static int language_ok(const char *s)
{
	size_t n = 0;
	int first = 1;

	for (;; s++) {
		int alpha = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
		int digit = *s >= '0' && *s <= '9';
		if (alpha || (digit && !first)) {
			if (++n > 8)
				return 0;
			continue;
		}
		if (n == 0 || (*s != '-' && *s != '\0'))
			return 0;
		if (!*s)
			return 1;
		n = 0;
		first = 0;
	}
}

int am_schema_value_ok(const am_attr_rule *a, const char *value)
{
	if (a->type && !strcmp(a->type, "language"))
		return language_ok(value);
	if (a->type && !a->nvalues) {
		if (!strcmp(a->type, "id") || !strcmp(a->type, "idref"))
			return list_ok(value, one_id, 0);
		if (!strcmp(a->type, "idrefs"))
			return list_ok(value, one_id, 1);
		if (!strcmp(a->type, "tags"))
			return list_ok(value, one_tag, 1);
	}
	return am_schema_value_ok_slow(a, value);
}

const char *am_schema_value_help(const am_attr_rule *a)
{
	static const struct {
		const char *type, *help;
	} helps[] = {
	    {"id", "an id: a letter or '_', then letters, digits, '_', '-' or '.' (at most 128)"},
	    {"idref", "one id (a letter or '_', then letters, digits, '_', '-' or '.')"},
	    {"idrefs", "one or more ids separated by single spaces"},
	    {"tags", "one or more tags separated by single spaces"},
	    {"nonempty", "a non-empty text"},
	    {"path", "a non-empty relative path"},
	    {"filename", "a file name without folders (letters, digits, '_', '-', '.')"},
	    {"language", "a language tag such as en, uk or en-GB"},
	};
	size_t i;

	for (i = 0; a->type && i < sizeof helps / sizeof helps[0]; i++)
		if (strcmp(helps[i].type, a->type) == 0)
			return helps[i].help;
	return "a valid value";
}

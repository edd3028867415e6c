#include "util/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t am_utf8_check(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		unsigned long cp;
		size_t len, k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (n - i < len)
			return i;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

size_t am_utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

size_t am_utf8_decode(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, k;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = s[0] >= 0xF8 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	if (len == 1 || len > n) {
		*cp = AM_UTF8_BAD;
		return 1;
	}
	*cp = s[0] & (0x7Fu >> len);
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*cp = AM_UTF8_BAD;
			return 1;
		}
		*cp = (*cp << 6) | (s[k] & 0x3Fu);
	}
	return len;
}

size_t am_utf8_prefix(const char *s, size_t max_chars)
{
	size_t i = 0, chars = 0;
	unsigned long cp;

	while (s[i] && chars < max_chars) {
		i += am_utf8_decode(s + i, SIZE_MAX, &cp);
		chars++;
	}
	return i;
}

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t am_fold_space(char *dst, const char *s)
{
	size_t n = 0;
	int pending = 0;

	for (; *s; s++) {
		if (is_xml_space(*s)) {
			pending = n > 0;
			continue;
		}
		if (pending)
			dst[n++] = ' ';
		pending = 0;
		dst[n++] = *s;
	}
	dst[n] = '\0';
	return n;
}

size_t am_edit_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), i, j, result, prev_best = 0;
	size_t *rows, *r2, *r1, *r0;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	if (lb > 256 || la > 256)
		return max + 1;
	/* Optimal string alignment (Damerau-Levenshtein without repeated
	 * edits of a substring): insert, delete, substitute, and swap two
	 * adjacent characters, each costing 1 ("yse" -> "yes" is 1). Three
	 * rows: two back (for the swap), the last, the current. */
	rows = malloc(3 * (lb + 1) * sizeof *rows);
	if (!rows)
		return max + 1;
	r2 = rows;
	r1 = rows + lb + 1;
	r0 = rows + 2 * (lb + 1);
	for (j = 0; j <= lb; j++)
		r1[j] = r2[j] = j;
	for (i = 1; i <= la; i++) {
		size_t best, *t;
		r0[0] = i;
		best = i;
		for (j = 1; j <= lb; j++) {
			size_t v = r1[j - 1] + (a[i - 1] != b[j - 1]);
			if (r1[j] + 1 < v)
				v = r1[j] + 1;
			if (r0[j - 1] + 1 < v)
				v = r0[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    r2[j - 2] + 1 < v)
				v = r2[j - 2] + 1;
			r0[j] = v;
			if (v < best)
				best = v;
		}
		/* a swap reaches back two rows: stop only when both are past max */
		if (best > max && prev_best > max) {
			free(rows);
			return max + 1;
		}
		prev_best = best;
		t = r2;
		r2 = r1;
		r1 = r0;
		r0 = t;
	}
	result = r1[lb];
	free(rows);
	return result > max ? max + 1 : result;
}

static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int am_date_valid(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(s);
	int y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	if (!digits(s, 4))
		return 0;
	y = atoi(s);
	if (y < 1)
		return 0;
	if (n == 4)
		return 1;
	if (s[4] != '-' || !digits(s + 5, 2))
		return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	if (s[7] != '-' || !digits(s + 8, 2))
		return 0;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

const char *am_url_problem(const char *s)
{
	const char *host, *p;

	if (strncmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return "must start with http:// or https://";
	for (p = s; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '`')
			return "must not contain spaces, quotes, angle brackets or control "
			       "characters";
	for (p = host; *p && *p != '/' && *p != '?' && *p != '#'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == ':' ||
		      (unsigned char)*p >= 0x80))
			return "has a malformed host name";
	if (p == host || *host == '.' || *host == '-' || *host == ':')
		return "has no host name";
	return NULL;
}

char *am_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	d = malloc((size_t)(slash - path) + 1);
	if (d) {
		memcpy(d, path, (size_t)(slash - path));
		d[slash - path] = '\0';
	}
	return d;
}

int am_ident_ok(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (; *s; s++, n++) {
		char c = *s;
		if (n >= 64)
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/*
 * text.h - small pure text functions: UTF-8, whitespace, similarity,
 * dates and URLs. No allocation unless stated.
 */
#ifndef AM_TEXT_H
#define AM_TEXT_H

#include <stddef.h>

/* Offset of the first byte that is not part of valid UTF-8 (overlongs,
 * surrogates and code points above U+10FFFF are invalid), or `n` if all
 * of s[0..n) is valid. */
size_t am_utf8_check(const char *s, size_t n);

/* Number of code points in s[0..n) (s assumed valid UTF-8). */
size_t am_utf8_count(const char *s, size_t n);

/* The one UTF-8 decoder. Decodes the code point that starts s[0..n) into
 * *cp and returns its length in bytes (0 only when n is 0). A byte that
 * does not start a complete sequence of continuation bytes is one byte
 * decoding to AM_UTF8_BAD (U+FFFD), so a caller always advances. It never
 * reads past a NUL (not a continuation byte): n may be SIZE_MAX for a
 * NUL-terminated string. Overlongs are not rejected here (am_utf8_check
 * is the validator). */
#define AM_UTF8_BAD 0xFFFDul
size_t am_utf8_decode(const char *s, size_t n, unsigned long *cp);

/* The one way to shorten user text in a message: the number of bytes of
 * the first `max_chars` characters of the NUL-terminated s (all of s if it
 * is shorter), never ending inside a UTF-8 sequence. For
 * printf("%.*s%s", (int)k, s, s[k] ? "..." : ""), where "%.60s" would cut
 * by bytes, mid-character, and make the output invalid UTF-8. */
size_t am_utf8_prefix(const char *s, size_t max_chars);

/* Copies s with runs of XML whitespace folded to one space and the ends
 * trimmed, into dst (which must hold strlen(s)+1 bytes). Returns the length. */
size_t am_fold_space(char *dst, const char *s);

/* Damerau-Levenshtein distance (optimal string alignment: a swap of two
 * adjacent characters costs 1, like an insertion, deletion or
 * substitution) between a and b, or max+1 if it exceeds max. */
size_t am_edit_distance(const char *a, const char *b, size_t max);

/* 1 if s is YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date. */
int am_date_valid(const char *s);

/* NULL if s is an absolute http(s) URL with a host and no spaces or
 * control characters; otherwise a short reason ("must start with ...").
 */
const char *am_url_problem(const char *s);

/* 1 if s may be used in an SVG/HTML id or CSS class as it is:
 * [A-Za-z][A-Za-z0-9_-]*, at most 64 bytes. (render/escape.h's
 * am_rt_ident_ok and the HTML page's id table both ask this.) */
int am_ident_ok(const char *s);

/* The folder part of a path: "a/b.xml" -> "a", "b.xml" -> ".", "/b" -> "/".
 * Caller frees; NULL when out of memory. */
char *am_path_dir(const char *path);

#endif

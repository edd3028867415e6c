/*
 * argdown_title.h - the titles of the Argdown export (argdown_title.c):
 * `[Holder: first words of the text]`, made of characters that cannot be
 * Argdown syntax, and unique within one document.
 */
#ifndef AM_EXPORT_ARGDOWN_TITLE_H
#define AM_EXPORT_ARGDOWN_TITLE_H

#include <jansson.h>

#include "argmap/map.h"
#include "util/buf.h"

/* The titles given so far (jansson objects used as hash sets, so that
 * giving n titles is linear in n). */
typedef struct am_ad_titles {
	json_t *taken; /* title -> true */
	json_t *next;  /* title base -> the next number to try */
} am_ad_titles;

/* Returns 0, or -1 when out of memory (then free it anyway). */
int am_ad_titles_init(am_ad_titles *t);
void am_ad_titles_free(am_ad_titles *t);

/* Appends the characters of s[0..n) that may stand in a title: letters,
 * digits, non-ASCII characters, and ' , . - ? ! % &; runs of anything
 * else become one space. */
void am_ad_title_chars(am_buf *b, const char *s, size_t n);
/* The short name of an actor: a person's last name, else the name. */
void am_ad_title_actor(am_buf *b, const argmap_actor *a);
/* The first words of `text` (at most six, about 48 bytes). */
void am_ad_title_words(am_buf *b, const char *text);
/* Makes `b` a title not given yet ("X", else "X (2)", "X (3)"...; the
 * characters of `fallback` when b is empty), records it, and returns it
 * (caller frees; b is left empty); NULL when out of memory. */
char *am_ad_title_unique(am_ad_titles *t, am_buf *b, const char *fallback);

#endif

/*
 * argdown_title.c - the readable, unique titles of the Argdown export
 * (argdown_title.h).
 */
#include "export/argdown_title.h"

#include <string.h>

#include "util/am_internal.h"
#include "util/json.h"

/* Title: at most this many words of the text, and about this many bytes. */
#define TITLE_WORDS 6
#define TITLE_BYTES 48

int am_ad_titles_init(am_ad_titles *t)
{
	t->taken = json_object();
	t->next = json_object();
	return t->taken && t->next ? 0 : -1;
}

void am_ad_titles_free(am_ad_titles *t)
{
	json_decref(t->taken);
	json_decref(t->next);
	t->taken = t->next = NULL;
}

/* Appends the characters of s[0..n) that may stand in a title: letters,
 * digits, non-ASCII characters, and a little punctuation; runs of anything
 * else become one space. */
void am_ad_title_chars(am_buf *b, const char *s, size_t n)
{
	static const char keep[] = "',.-?!%&";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int ok = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
		         (ch >= 'A' && ch <= 'Z') || (ch && strchr(keep, ch));
		if (ok)
			am_buf_putc(b, (char)ch);
		else if (b->len && b->data[b->len - 1] != ' ')
			am_buf_putc(b, ' ');
	}
}

/* The short name of an actor: a person's last name, else the name. */
void am_ad_title_actor(am_buf *b, const argmap_actor *a)
{
	const char *name = a->name && *a->name ? a->name : a->id;
	const char *sp = a->kind == ARGMAP_ACTOR_PERSON ? strrchr(name, ' ') : NULL;

	if (sp && sp[1])
		name = sp + 1;
	am_ad_title_chars(b, name, strlen(name));
}

/* The first words of `text` (at most TITLE_WORDS, about TITLE_BYTES). */
void am_ad_title_words(am_buf *b, const char *text)
{
	size_t start = b->len, words = 0;
	const char *p = text;

	while (*p && words < TITLE_WORDS && b->len - start < TITLE_BYTES) {
		const char *w;
		while (*p == ' ')
			p++;
		w = p;
		while (*p && *p != ' ')
			p++;
		if (p > w) {
			if (b->len > start && b->data[b->len - 1] != ' ')
				am_buf_putc(b, ' ');
			am_ad_title_chars(b, w, (size_t)(p - w));
			words++;
		}
	}
	/* no trailing space or comma */
	while (b->len > start && !b->failed && strchr(" ,.-", b->data[b->len - 1]))
		b->data[--b->len] = '\0';
}

/* Makes `b` a title no other item has ("X", else "X (2)", "X (3)"...),
 * records it, and returns it (caller frees); NULL when out of memory. */
char *am_ad_title_unique(am_ad_titles *t, am_buf *b, const char *fallback)
{
	json_t *next;
	json_int_t k;
	char *base;

	while (b->len && !b->failed && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (!b->failed && (b->len == 0 || b->data[0] == ' ')) {
		b->len = 0;
		am_ad_title_chars(b, fallback, strlen(fallback));
	}
	base = am_buf_detach(b);
	if (!base)
		return NULL;
	if (!json_object_get(t->taken, base)) {
		if (am_json_set(t->taken, base, json_true()) != 0) {
			free(base);
			return NULL;
		}
		return base;
	}
	next = json_object_get(t->next, base);
	for (k = next ? json_integer_value(next) : 2;; k++) {
		am_buf_printf(b, "%s (%lld)", base, (long long)k);
		if (b->failed || !json_object_get(t->taken, b->data))
			break;
		b->len = 0;
	}
	if (b->failed || am_json_set(t->taken, b->data, json_true()) != 0 ||
	    am_json_set(t->next, base, json_integer(k + 1)) != 0) {
		am_buf_free(b);
		free(base);
		return NULL;
	}
	free(base);
	return am_buf_detach(b);
}

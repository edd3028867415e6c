/*
 * aif_ids.c - readable ids and clean texts for imported maps.
 *
 * An id is a prefix and a slug of the item's text: its first five words,
 * ASCII letters and digits in lower case, at most 40 characters
 * ("c-disagreements-between-party-members"); when that id is taken, a
 * number follows (the AIF node's position, so it does not depend on what
 * else the map holds). The set of taken ids is an open-addressing table
 * on the one string hash, kept at most half full.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"
#include "util/hash.h"
#include "util/text.h"

#define SLUG_WORDS 5
#define SLUG_CHARS 40

int am_aif_valid_id(const char *s)
{
	size_t i;

	if (!s || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (i = 1; s[i]; i++) {
		char c = s[i];
		if (i >= 128 || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		                  (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return 1;
}

static size_t probe(const aif_idset *set, const char *id)
{
	size_t mask = set->cap - 1, i = am_hash_str(id) & mask;

	while (set->slot[i] && strcmp(set->slot[i], id) != 0)
		i = (i + 1) & mask;
	return i;
}

int am_aif_idset_has(const aif_idset *set, const char *id)
{
	return set->cap && set->slot[probe(set, id)] != NULL;
}

int am_aif_idset_add(aif_idset *set, const char *id)
{
	size_t i;

	if ((set->n + 1) * 2 > set->cap) {
		aif_idset big = {calloc(set->cap ? set->cap * 2 : 64, sizeof(char *)),
		                 set->cap ? set->cap * 2 : 64, 0};
		if (!big.slot)
			return -1;
		for (i = 0; i < set->cap; i++)
			if (set->slot[i])
				big.slot[probe(&big, set->slot[i])] = set->slot[i];
		big.n = set->n;
		free(set->slot);
		*set = big;
	}
	i = probe(set, id);
	if (set->slot[i])
		return 1;
	set->slot[i] = id;
	set->n++;
	return 0;
}

void am_aif_idset_free(aif_idset *set)
{
	free(set->slot);
	memset(set, 0, sizeof *set);
}

const char *am_aif_new_id(am_arena *a, aif_idset *set, const char *prefix, const char *text,
                          size_t disamb)
{
	char buf[128];
	size_t len, base, words = 0;
	const char *p;
	int sep = 0;

	len = (size_t)snprintf(buf, sizeof buf, "%s", prefix);
	base = len;
	for (p = text ? text : ""; *p && words < SLUG_WORDS; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && len > base) {
				if (++words >= SLUG_WORDS || len + 1 >= base + SLUG_CHARS)
					break;
				buf[len++] = '-';
			}
			sep = 0;
			if (len >= base + SLUG_CHARS)
				break;
			buf[len++] = c;
		} else if (c != '\'' && (unsigned char)c < 0x80) {
			sep = 1; /* apostrophes and non-ASCII letters join: "it's" */
		}
	}
	if (len == base)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "item");
	buf[len] = '\0';
	if (base == 0 && !am_aif_valid_id(buf)) { /* no prefix and a leading digit */
		memmove(buf + 2, buf, len + 1);
		memcpy(buf, "x-", 2);
		len += 2;
	}
	for (;;) {
		char *id = am_arena_strdup(a, buf);
		int r;
		if (!id)
			return NULL;
		r = am_aif_idset_has(set, id) ? 1 : am_aif_idset_add(set, id);
		if (r < 0)
			return NULL;
		if (r == 0)
			return id;
		snprintf(buf + len, sizeof buf - len, "-%zu", disamb++);
	}
}

int am_aif_xml_bad(unsigned long cp)
{
	return (cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) || cp == 0xFFFE || cp == 0xFFFF ||
	       (cp >= 0xD800 && cp <= 0xDFFF);
}

const char *am_aif_clean_text(am_arena *a, const char *text, size_t max_chars, int *changed)
{
	size_t n = strlen(text), i = 0, chars = 0, o = 0;
	char *dst = am_arena_alloc(a, n + 1);

	*changed = 0;
	if (!dst)
		return NULL;
	while (i < n) {
		unsigned long cp;
		size_t k = am_utf8_decode(text + i, n - i, &cp);
		if (chars == max_chars) {
			*changed = 2;
			break;
		}
		if (am_aif_xml_bad(cp)) {
			dst[o++] = ' ';
			*changed = 1;
		} else {
			memcpy(dst + o, text + i, k);
			o += k;
		}
		i += k;
		chars++;
	}
	dst[o] = '\0';
	return dst;
}

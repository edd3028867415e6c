/*
 * suggest.c - "did you mean"; see suggest.h for the rule.
 */
#include "util/suggest.h"

#include <string.h>

#include "util/text.h"

/* The largest edit distance that still reads as a typo of a word this long. */
static size_t max_distance(size_t len)
{
	return len <= 4 ? 1 : len <= 11 ? 2 : 3;
}

void am_suggest_init(am_suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->max = word ? max_distance(strlen(word)) : 0;
	s->prefix = 0;
}

void am_suggest_offer(am_suggest *s, const char *candidate)
{
	size_t d;

	if (!s->word || !candidate)
		return;
	d = am_edit_distance(s->word, candidate, s->max);
	if (d > s->max) {
		size_t n = strlen(candidate);
		/* the weakest match: the word starts with the candidate */
		if (n >= 4 && strncmp(s->word, candidate, n) == 0 && s->word[n] &&
		    (!s->best || (s->prefix && n < strlen(s->best)))) {
			s->best = candidate;
			s->prefix = 1;
		}
		return;
	}
	if (d == 0)
		return;
	if (s->prefix) { /* any close candidate beats a prefix */
		s->best = candidate;
		s->max = d;
		s->prefix = 0;
		return;
	}
	/* s->max shrinks to the best distance found, so a later candidate
	 * replaces the best only when it is closer, or as close and first in
	 * strcmp order. */
	if (s->best && d == s->max && strcmp(candidate, s->best) >= 0)
		return;
	s->best = candidate;
	s->max = d;
}

const char *am_suggest_best(const am_suggest *s)
{
	return s->best;
}

const char *am_suggest_closest(const char *word, const char *const *names, size_t n)
{
	am_suggest s;
	size_t i;

	am_suggest_init(&s, word);
	for (i = 0; names && i < n && names[i]; i++)
		am_suggest_offer(&s, names[i]);
	return am_suggest_best(&s);
}

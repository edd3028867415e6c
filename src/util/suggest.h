/*
 * suggest.h - "did you mean": the closest of some candidate names to a
 * word that matched none of them.
 *
 * Candidates are offered one at a time, so any container can feed them:
 *
 *	am_suggest s;
 *	am_suggest_init(&s, word);
 *	for (each candidate)
 *		am_suggest_offer(&s, name);
 *	best = am_suggest_best(&s);   (NULL: nothing is close enough)
 *
 * The rule, the same for every caller:
 * - a candidate is close when its edit distance (am_edit_distance, in
 *   bytes) to the word is at most 1 for words of up to 4 bytes, 2 for
 *   words of 5 to 11 bytes and 3 for longer words;
 * - failing that, a candidate of at least 4 bytes that the word starts
 *   with is close too, the weakest kind ("rebuttal" -> "rebut"): any
 *   candidate within the distance wins over it, the shortest such prefix
 *   wins among them;
 * - a candidate equal to the word is never a suggestion;
 * - the closest candidate wins; among equally close ones, the one first in
 *   strcmp order, so the answer does not depend on the order candidates
 *   are offered in (a hash table's, say).
 *
 * No allocation: am_suggest_best returns one of the offered pointers, so
 * it lives as long as the caller's candidate does.
 */
#ifndef AM_SUGGEST_H
#define AM_SUGGEST_H

#include <stddef.h>

typedef struct am_suggest {
	const char *word; /* borrowed */
	const char *best; /* borrowed from the caller's candidates */
	size_t max;       /* the largest distance still accepted */
	int prefix;       /* best is only a prefix of the word */
} am_suggest;

/* Starts a search for names close to `word` (borrowed; NULL matches nothing). */
void am_suggest_init(am_suggest *s, const char *word);

/* Considers one candidate (borrowed; NULL is ignored). */
void am_suggest_offer(am_suggest *s, const char *candidate);

/* The best candidate offered so far, or NULL. */
const char *am_suggest_best(const am_suggest *s);

/* The same over names[0..n), stopping early at a NULL entry, so a
 * NULL-terminated array can be passed with n = SIZE_MAX. */
const char *am_suggest_closest(const char *word, const char *const *names, size_t n);

#endif

/* suggest.c: one "did you mean" rule for the loader, the checker and views. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "util/suggest.h"

Test(suggest, threshold_grows_with_the_word)
{
	/* up to 4 bytes: one edit */
	cr_expect_str_eq(am_suggest_closest("ann", (const char *const[]){"anne"}, 1), "anne");
	cr_expect_null(am_suggest_closest("ann", (const char *const[]){"annex"}, 1));
	/* 5 to 11 bytes: two edits */
	cr_expect_str_eq(am_suggest_closest("suport", (const char *const[]){"support"}, 1),
	                 "support");
	cr_expect_str_eq(am_suggest_closest("clam-x", (const char *const[]){"claim-xy"}, 1),
	                 "claim-xy");
	cr_expect_null(am_suggest_closest("clam-x", (const char *const[]){"claim-xyz"}, 1));
	/* 12 bytes and more: three edits */
	cr_expect_str_eq(
	    am_suggest_closest("dexcriptiqnx", (const char *const[]){"description"}, 1),
	    "description");
	cr_expect_null(
	    am_suggest_closest("dexcriptiqnxx", (const char *const[]){"description"}, 1));
}

Test(suggest, closest_wins_then_strcmp_order)
{
	const char *const fwd[] = {"c-safe", "c-unsafe", "c-unsafx", "c-unsafr2"};
	const char *const rev[] = {"c-unsafr2", "c-unsafx", "c-unsafe", "c-safe"};
	am_suggest s;
	size_t i;

	/* c-unsafe and c-unsafx are both one edit from c-unsafr: c-unsafe
	 * sorts first, whichever order they come in */
	cr_expect_str_eq(am_suggest_closest("c-unsafr", fwd, 4), "c-unsafe");
	cr_expect_str_eq(am_suggest_closest("c-unsafr", rev, 4), "c-unsafe");
	/* a closer candidate after a farther one still wins */
	am_suggest_init(&s, "claim-12");
	am_suggest_offer(&s, "claim-21");
	am_suggest_offer(&s, "blaim-99");
	am_suggest_offer(&s, "claim-13");
	am_suggest_offer(&s, "claim-1");
	cr_expect_str_eq(am_suggest_best(&s), "claim-1");
	/* the same through the accumulator, one at a time */
	am_suggest_init(&s, "c-unsafr");
	for (i = 0; i < 4; i++)
		am_suggest_offer(&s, rev[i]);
	cr_expect_str_eq(am_suggest_best(&s), "c-unsafe");
}

Test(suggest, the_word_itself_is_no_suggestion)
{
	cr_expect_null(am_suggest_closest("claim", (const char *const[]){"claim"}, 1));
	cr_expect_str_eq(am_suggest_closest("claim", (const char *const[]){"claim", "clam"}, 2),
	                 "clam");
}

Test(suggest, nulls_and_empty_inputs)
{
	am_suggest s;
	const char *const names[] = {"meta", NULL, "mata2"};

	/* a NULL entry ends the array, so SIZE_MAX works on NULL-terminated lists */
	cr_expect_str_eq(am_suggest_closest("mata", names, SIZE_MAX), "meta");
	cr_expect_null(am_suggest_closest("mata", NULL, 3));
	cr_expect_null(am_suggest_closest("x", names, 0));
	am_suggest_init(&s, NULL);
	am_suggest_offer(&s, "x");
	cr_expect_null(am_suggest_best(&s));
	am_suggest_init(&s, "x");
	am_suggest_offer(&s, NULL);
	cr_expect_null(am_suggest_best(&s));
	/* the empty word: nothing is a typo of it but one-letter names */
	cr_expect_str_eq(am_suggest_closest("", (const char *const[]){"ab", "b", "a"}, 3), "a");
}

Test(suggest, a_prefix_of_the_word_is_the_weakest_match)
{
	static const char *const names[] = {"rebut", "support", "undercut", "answer"};
	static const char *const both[] = {"rebut", "rebuttals"};

	cr_expect_str_eq(am_suggest_closest("rebuttal", names, 4), "rebut");
	cr_expect_str_eq(am_suggest_closest("rebuttal", both, 2), "rebuttals",
	                 "a close candidate beats a prefix");
	cr_expect_null(am_suggest_closest("reb", names, 4), "a prefix of the candidate is not");
}

/* Issue 15, messages a new user trips over: a failed <import> is one
 * error, not thirty follow-on AM202s; "did you mean" for tags; libxml2's
 * tag mismatch points at the opening tag too. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static char *dir;

static void setup(void)
{
	dir = ts_tmpdir();
}

static void teardown(void)
{
	ts_rmtree(dir);
	free(dir);
}

TestSuite(msgs, .init = setup, .fini = teardown, .timeout = 60 * TS_SLOW);

#define USES_PEOPLE                                                                                \
	"  <claim id=\"c1\" by=\"ann bob\" source=\"letter\"><text>One.</text></claim>\n"          \
	"  <claim id=\"c2\" by=\"ann\" source=\"letter\"><text>Two.</text></claim>\n"              \
	"  <support from=\"c2\" to=\"c1\" by=\"bob\"/>\n"

Test(msgs, a_failed_import_is_one_error_and_one_note_not_a_flood_of_am202)
{
	char *p =
	    ts_write(dir, "m.xml", TS_HEAD "  <import href=\"people.xml\"/>\n" USES_PEOPLE TS_TAIL,
	             (size_t)-1);
	argmap_diags *d = ts_check_file(p, NULL);
	const argmap_diag *note;

	cr_expect_eq(ts_count(d, "AM402"), 1, "%s", ts_dump(d));
	cr_expect_eq(ts_count(d, "AM202"), 0, "no follow-on errors: %s", ts_dump(d));
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 1, "%s", ts_dump(d));
	note = ts_find(d, "AM404");
	cr_assert_not_null(note, "%s", ts_dump(d));
	cr_expect_eq(note->severity, ARGMAP_SEV_NOTE);
	cr_expect_eq(note->line, 3, "at the <import>: %s", ts_dump(d));
	cr_expect(strstr(note->message, "6 references to ids that no loaded file declares are "
	                                "not reported"),
	          "%s", note->message);
	argmap_diags_free(d);
	free(p);
}

Test(msgs, a_map_that_imports_a_map_whose_import_failed_is_spared_too)
{
	char *mid = ts_write(dir, "mid.xml",
	                     "<argmap xmlns=\"urn:argmap:1\" version=\"1\" kind=\"library\">\n"
	                     "  <import href=\"gone.xml\"/>\n" TS_TAIL,
	                     (size_t)-1);
	char *p = ts_write(
	    dir, "m.xml", TS_HEAD "  <import href=\"mid.xml\"/>\n" USES_PEOPLE TS_TAIL, (size_t)-1);
	argmap_diags *d = ts_check_file(p, NULL);

	cr_expect_eq(ts_count(d, "AM202"), 0, "%s", ts_dump(d));
	cr_expect_eq(ts_count(d, "AM404"), 1, "%s", ts_dump(d));
	argmap_diags_free(d);
	free(mid);
	free(p);
}

Test(msgs, without_a_failed_import_every_unknown_id_is_still_an_am202)
{
	char *lib = ts_write(dir, "people.xml",
	                     "<argmap xmlns=\"urn:argmap:1\" version=\"1\" kind=\"library\">\n"
	                     "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n" TS_TAIL,
	                     (size_t)-1);
	char *p =
	    ts_write(dir, "m.xml", TS_HEAD "  <import href=\"people.xml\"/>\n" USES_PEOPLE TS_TAIL,
	             (size_t)-1);
	argmap_diags *d = ts_check_file(p, NULL);

	/* bob twice, letter twice */
	cr_expect_eq(ts_count(d, "AM202"), 4, "%s", ts_dump(d));
	cr_expect_eq(ts_count(d, "AM404"), 0, "%s", ts_dump(d));
	argmap_diags_free(d);
	free(lib);
	free(p);
}

Test(msgs, a_tag_mismatch_points_at_the_start_tag_too)
{
	argmap_diags *d = ts_check_text("<?xml version=\"1.0\"?>\n"
	                                "<argmap xmlns=\"urn:argmap:1\" version=\"1\">\n"
	                                "  <claim id=\"a\">\n"
	                                "    <text>A claim.\n"
	                                "  </claim>\n"
	                                "</argmap>\n");
	size_t i, n = argmap_diags_count(d), err = ARGMAP_NONE;
	const argmap_diag *note = NULL;

	for (i = 0; i < n; i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (x->severity == ARGMAP_SEV_ERROR && !strcmp(x->code, "AM010"))
			err = i;
		else if (x->severity == ARGMAP_SEV_NOTE && !strcmp(x->code, "AM010"))
			note = x;
	}
	cr_assert_neq(err, ARGMAP_NONE, "%s", ts_dump(d));
	cr_expect_eq(argmap_diags_get(d, err)->line, 5, "libxml2's place, the end tag");
	cr_assert_not_null(note, "a note at the start tag: %s", ts_dump(d));
	cr_expect_eq(note->parent, err, "attached to the error (kept by -q, related in LSP)");
	cr_expect_eq(note->line, 4, "%s", ts_dump(d));
	cr_expect_eq(note->col, 5, "at '<text': %s", ts_dump(d));
	cr_expect(strstr(note->message, "<text> starts here"), "%s", note->message);
	argmap_diags_free(d);
}

Test(msgs, a_tag_used_once_a_typo_away_from_a_common_one_gets_a_did_you_mean)
{
	argmap_diags *d =
	    ts_check_body("  <claim id=\"a\" tags=\"weekend access\"><text>A.</text></claim>\n"
	                  "  <claim id=\"b\" tags=\"weekend\"><text>B.</text></claim>\n"
	                  "  <support from=\"b\" to=\"a\"/>\n"
	                  "  <claim id=\"c\" tags=\"weeknd\"><text>C.</text></claim>\n"
	                  "  <support from=\"c\" to=\"a\"/>\n");
	const argmap_diag *w = ts_find(d, "AM317");

	cr_assert_not_null(w, "%s", ts_dump(d));
	cr_expect_eq(w->severity, ARGMAP_SEV_WARNING);
	cr_expect(strstr(w->message, "claim 'c' has the tag 'weeknd', used nowhere else: did you "
	                             "mean 'weekend' (on 2 nodes)?"),
	          "%s", w->message);
	cr_expect_eq(ts_count(d, "AM317"), 1, "'access' is used once but near no common tag: %s",
	             ts_dump(d));
	argmap_diags_free(d);
}

/* AM318: a title over 80 characters, or no shorter than its text, warns;
 * a short one, and a title of its own element before or after the text,
 * are read and quiet. */
Test(msgs, a_claims_title_is_short_and_shorter_than_its_text)
{
	argmap_diags *d = ts_check_body(
	    "  <claim id=\"a\"><title>Build the lane</title>"
	    "<text>Riverton should build the protected lane this year.</text></claim>\n"
	    "  <claim id=\"b\"><text>Short.</text><title>A title longer than the text</title>"
	    "</claim>\n"
	    "  <support from=\"b\" to=\"a\"/>\n"
	    "  <claim id=\"c\"><title>"
	    "A title that goes on and on and on well past the eighty characters a box can hold"
	    "</title><text>A text that goes on and on and on well past the eighty characters a box "
	    "can hold, and more.</text></claim>\n"
	    "  <support from=\"c\" to=\"a\"/>\n");
	char *dump = ts_dump(d);

	cr_expect_eq(ts_count(d, "AM318"), 2, "%s", dump);
	cr_expect(strstr(dump, "the title of claim 'b' has 28 characters, no shorter than its text"),
	          "%s", dump);
	cr_expect(strstr(dump, "the title of claim 'c' has 81 characters, more than 80"), "%s",
	          dump);
	cr_expect(!strstr(dump, "the title of claim 'a'"), "%s", dump);
	cr_expect_eq(ts_count(d, "AM107"), 0, "%s", dump);
	free(dump);
	argmap_diags_free(d);
}

Test(msgs, a_swap_counts_as_one_edit_and_a_longer_tag_is_no_typo)
{
	argmap_diags *d =
	    ts_check_body("  <claim id=\"a\" tags=\"security\"><text>A.</text></claim>\n"
	                  "  <claim id=\"b\" tags=\"security\"><text>B.</text></claim>\n"
	                  "  <support from=\"b\" to=\"a\"/>\n"
	                  "  <claim id=\"c\" tags=\"seucrity\"><text>C.</text></claim>\n"
	                  "  <support from=\"c\" to=\"a\"/>\n"
	                  "  <claim id=\"e\" tags=\"security-guarantees\"><text>E.</text></claim>\n"
	                  "  <support from=\"e\" to=\"a\"/>\n");

	cr_expect_eq(ts_count(d, "AM317"), 1, "%s", ts_dump(d));
	cr_expect(strstr(ts_find(d, "AM317")->message, "'seucrity'"), "%s", ts_dump(d));
	argmap_diags_free(d);
}

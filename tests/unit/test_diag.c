/* diag.c: the list, its text and JSON forms, sorting and de-duplication. */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"

Test(diag, text_form_is_gnu_style)
{
	argmap_diags *d = argmap_diags_new();
	char *s;

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "maps/a.xml", 12, 5, "unknown id 'c9'",
	                 "did you mean 'c8'?", ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_NOTE, "AM202", "maps/a.xml", 3, 0, "declared here", NULL, 0);
	argmap_diags_add(d, ARGMAP_SEV_WARNING, "AM003", "x.xml", 0, 7, "cannot open", NULL,
	                 ARGMAP_NONE);
	s = argmap_diag_format_text(argmap_diags_get(d, 0));
	cr_expect_str_eq(s, "maps/a.xml:12:5: error: unknown id 'c9' [AM202]\n"
	                    "    hint: did you mean 'c8'?");
	free(s);
	s = argmap_diag_format_text(argmap_diags_get(d, 1));
	cr_expect_str_eq(s, "maps/a.xml:3: note: declared here", "no column when unknown");
	free(s);
	s = argmap_diag_format_text(argmap_diags_get(d, 2));
	cr_expect_str_eq(s, "x.xml: warning: cannot open [AM003]", "no line, no column");
	free(s);
	argmap_diags_free(d);
}

Test(diag, counts_and_promotion)
{
	argmap_diags *d = argmap_diags_new();

	argmap_diags_add(d, ARGMAP_SEV_WARNING, "AM302", "a", 1, 1, "w", NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "a", 2, 1, "e", NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_NOTE, "AM202", "a", 1, 1, "n", NULL, 1);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 1);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 1);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_NOTE), 0, "notes are not primary");
	argmap_diags_promote_warnings(d);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 2);
	argmap_diags_free(d);
}

Test(diag, sort_keeps_notes_with_parents_and_drops_repeats)
{
	argmap_diags *d = argmap_diags_new();

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM201", "b.xml", 9, 1, "dup", NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "a.xml", 5, 2, "x", NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_NOTE, "AM201", "b.xml", 2, 1, "first", NULL, 0);
	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "a.xml", 5, 2, "x", NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "a.xml", 1, 1, "y", NULL, ARGMAP_NONE);
	cr_assert_eq(argmap_diags_sort(d), 0);
	cr_assert_eq(argmap_diags_count(d), 4, "the repeated a.xml:5:2 is dropped");
	cr_expect_eq(argmap_diags_get(d, 0)->line, 1);
	cr_expect_eq(argmap_diags_get(d, 1)->line, 5);
	cr_expect_str_eq(argmap_diags_get(d, 2)->file, "b.xml");
	cr_expect_eq(argmap_diags_get(d, 3)->parent, 2, "the note follows and points at its parent");
	argmap_diags_free(d);
}

Test(diag, json_is_an_array_of_objects_with_escaped_strings)
{
	argmap_diags *d = argmap_diags_new();
	char *json;

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM202", "dir/\"q\".xml", 3, 4, "bad \"id\"\\",
	                 NULL, ARGMAP_NONE);
	argmap_diags_add(d, ARGMAP_SEV_NOTE, "AM202", "dir/\"q\".xml", 1, 1, "here", NULL, 0);
	json = argmap_diags_format_json(d);
	cr_assert(json);
	cr_expect(strstr(json, "\"file\":\"dir/\\\"q\\\".xml\""), "%s", json);
	cr_expect(strstr(json, "\"message\":\"bad \\\"id\\\"\\\\\""), "%s", json);
	cr_expect(strstr(json, "\"line\":3,\"column\":4"), "%s", json);
	cr_expect(strstr(json, "\"notes\":[{\"severity\":\"note\""), "%s", json);
	cr_expect_eq(json[0], '[');
	free(json);
	argmap_diags_free(d);
}

Test(diag, empty_json)
{
	argmap_diags *d = argmap_diags_new();
	char *json = argmap_diags_format_json(d);

	cr_expect_str_eq(json, "[]\n");
	free(json);
	argmap_diags_free(d);
}

Test(diag, control_characters_and_bidi_overrides_are_neutralised)
{
	argmap_diags *d = argmap_diags_new();
	const argmap_diag *x;

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM005", "a\x1b[2Jb.xml", 1, 1,
	                 "enc \"x\n/etc/passwd:1:1: error: forged\" \xE2\x80\xAE" "evil\xE2\x81\xA6" " ok",
	                 "\x07" "bell", ARGMAP_NONE);
	x = argmap_diags_get(d, 0);
	cr_expect_str_eq(x->file, "a?[2Jb.xml");
	cr_expect_str_eq(x->message, "enc \"x?/etc/passwd:1:1: error: forged\" ?evil? ok");
	cr_expect_str_eq(x->hint, "?bell");
	argmap_diags_free(d);
}

/* C1 controls (here CSI, OSC, ST, DCS, NEL in their UTF-8 forms), the
 * invisible direction marks (LRM, RLM, ALM) and the line and paragraph
 * separators reach terminals and editors as commands or new lines. */
Test(diag, c1_controls_marks_and_separators_are_neutralised)
{
	argmap_diags *d = argmap_diags_new();
	const argmap_diag *x;

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM005", "f\xC2\x9D" "0;t\xC2\x9C.xml", 1, 1,
	                 "a\xC2\x9B" "2J b\xC2\x90q c\xC2\x85" "d e\xE2\x80\x8E" "f\xE2\x80\x8F"
	                 "g\xD8\x9C" "h\xE2\x80\xA8i\xE2\x80\xA9j \xC2\xA0\xC3\xA9\xE2\x82\xAC ok",
	                 "\xC2\x80\xC2\x9F", ARGMAP_NONE);
	x = argmap_diags_get(d, 0);
	cr_expect_str_eq(x->file, "f?0;t?.xml");
	/* NBSP, e-acute and the euro sign are ordinary text and stay */
	cr_expect_str_eq(x->message, "a?2J b?q c?d e?f?g?h?i?j \xC2\xA0\xC3\xA9\xE2\x82\xAC ok");
	cr_expect_str_eq(x->hint, "??");
	argmap_diags_free(d);
}

/* A text cut in the middle of a character, a lone continuation byte, an
 * overlong form or a surrogate must not make the JSON invalid UTF-8. */
Test(diag, invalid_utf8_becomes_question_marks)
{
	argmap_diags *d = argmap_diags_new();
	const argmap_diag *x;

	argmap_diags_add(d, ARGMAP_SEV_ERROR, "AM104", "latin1-\xE9.xml", 1, 1,
	                 "cut \xE2\x82 here, lone \x80, overlong \xC0\xAF, surrogate \xED\xA0\x80.",
	                 "end \xF0\x9F\x98", ARGMAP_NONE);
	x = argmap_diags_get(d, 0);
	cr_expect_str_eq(x->file, "latin1-?.xml");
	cr_expect_str_eq(x->message, "cut ?? here, lone ?, overlong ??, surrogate ???.");
	cr_expect_str_eq(x->hint, "end ???");
	argmap_diags_free(d);
}

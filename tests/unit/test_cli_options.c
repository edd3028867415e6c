/* Issue 15, the command line's remaining conventions: option errors said
 * the same way by every command, `render --werror`, a format that
 * contradicts -o's extension, repeated --focus as a union, a view's notes
 * before "wrote FILE". */
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

TestSuite(opts, .init = setup, .fini = teardown, .timeout = 120 * TS_SLOW);

static int run(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 60);
}

Test(opts, every_command_names_itself_in_option_errors_with_a_try_line)
{
	static const char *const cmds[] = {"check", "render", "export", "import", "eval",
	                                   "stats", "list",   "lsp",    "watch",  "diff"};
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		const char *a[] = {cmds[i], "--no-such-option", "m.xml", NULL};
		char want[256], try_line[128], *err;
		cr_expect_eq(run(a, NULL, &err), 2, "%s", cmds[i]);
		snprintf(want, sizeof want, "argmap %s: unknown option '--no-such-option'\n",
		         cmds[i]);
		snprintf(try_line, sizeof try_line, "Try 'argmap %s --help'.\n", cmds[i]);
		cr_expect(strstr(err, want), "%s: %s", cmds[i], err);
		cr_expect(strstr(err, try_line), "%s: %s", cmds[i], err);
		cr_expect_null(strstr(err, "unrecognized"), "%s: getopt's own words: %s", cmds[i],
		               err);
		free(err);
	}
}

Test(opts, missing_arguments_and_ambiguous_prefixes_are_named)
{
	const char *a[] = {"render", "m.xml", "-o", NULL};
	const char *b[] = {"render", "--d", "x", "m.xml", NULL};
	const char *c[] = {"check", "--help=yes", "m.xml", NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 2);
	cr_expect(strstr(err, "argmap render: option '-o' needs an argument\n"
	                      "Try 'argmap render --help'.\n"),
	          "%s", err);
	free(err);
	cr_expect_eq(run(b, NULL, &err), 2);
	cr_expect(strstr(err, "argmap render: option '--d' is ambiguous (--dir, --depth, --dpi)"),
	          "%s", err);
	free(err);
	cr_expect_eq(run(c, NULL, &err), 2);
	cr_expect(strstr(err, "argmap check: option '--help' takes no argument"), "%s", err);
	free(err);
}

Test(opts, value_errors_of_every_command_end_with_the_try_line)
{
	const char *const rows[][4] = {
	    {"eval", "--semantics", "stable", "argmap eval: unknown semantics 'stable'"},
	    {"eval", "--format", "xml", "argmap eval: unknown format 'xml'"},
	    {"eval", "--max-extensions", "0", "argmap eval: --max-extensions wants"},
	    {"stats", "--format", "xml", "argmap stats: unknown format 'xml'"},
	    {"check", "--format", "xml", "argmap check: unknown format 'xml'"},
	    {"check", "--max-errors", "-1", "argmap check: --max-errors wants"},
	    {"lsp", "--debounce", "9999", "argmap lsp: --debounce wants"},
	    {"watch", "--max-runs", "0", "argmap watch: --max-runs wants"},
	    {"import", "--format", "xml", "argmap import: unknown format 'xml'"},
	    {"diff", "--format", "xml", "argmap diff: unknown format 'xml'"},
	    {"diff", "-T", "gif", "argmap diff: unknown drawing format 'gif'"},
	    {"diff", "--theme", "neon", "argmap diff: unknown theme 'neon'"},
	};
	size_t i;

	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		const char *a[] = {rows[i][0], rows[i][1], rows[i][2], "m.xml", NULL};
		char try_line[128], *err;
		cr_expect_eq(run(a, NULL, &err), 2, "row %zu", i);
		snprintf(try_line, sizeof try_line, "\nTry 'argmap %s --help'.\n", rows[i][0]);
		cr_expect(strstr(err, rows[i][3]), "row %zu: %s", i, err);
		cr_expect(strstr(err, try_line), "row %zu: %s", i, err);
		free(err);
	}
}

#define CYCLE_LANE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

Test(opts, repeated_focus_is_the_union_of_the_neighbourhoods)
{
	const char *one[] = {"export",  "-q", "-T", "json", "--focus",  "lane-yes",
	                     "--depth", "0",  "-o", "-",    CYCLE_LANE, NULL};
	const char *two[] = {"export",   "-q",      "-T",       "json",    "--focus",
	                     "lane-yes", "--depth", "0",        "--focus", "paint-fails",
	                     "-o",       "-",       CYCLE_LANE, NULL};
	const char *listed[] = {"export",  "-q", "-T", "json", "--focus",  "lane-yes,paint-fails",
	                        "--depth", "0",  "-o", "-",    CYCLE_LANE, NULL};
	char *out, *out2, *err;

	cr_assert_eq(run(one, &out, &err), 0, "%s", err);
	cr_expect(strstr(out, "\"nodes_shown\": 1,"), "%s", out);
	free(out);
	free(err);
	cr_assert_eq(run(two, &out, &err), 0, "%s", err);
	/* both foci, and the co-premise of paint-fails' linked support */
	cr_expect(
	    strstr(out, "\"focus_ids\": [\n      \"lane-yes\",\n      \"paint-fails\"\n    ]"),
	    "%s", out);
	cr_expect(strstr(out, "\"nodes_shown\": 3,"), "not the last --focus alone: %s", out);
	cr_expect(strstr(out, "\"id\": \"lane-yes\""), "%s", out);
	cr_expect(strstr(out, "\"id\": \"paint-fails\""), "%s", out);
	free(err);
	cr_assert_eq(run(listed, &out2, &err), 0, "%s", err);
	cr_expect_str_eq(out2, out, "--focus a,b is --focus a --focus b");
	free(out);
	free(out2);
	free(err);
}

Test(opts, every_unknown_focus_and_an_unknown_tag_get_a_did_you_mean)
{
	const char *f[] = {"export",  "-T",      "json", "--focus", "lane-yes,paint-fial",
	                   "--focus", "lane-ye", "-o",   "-",       CYCLE_LANE,
	                   NULL};
	const char *t[] = {"export", "-T", "json", "--tag", "safty", "-o", "-", CYCLE_LANE, NULL};
	char *err;

	cr_expect_eq(run(f, NULL, &err), 1);
	cr_expect(strstr(err, "--focus 'paint-fial' names no question"), "%s", err);
	cr_expect(strstr(err, "did you mean 'paint-fails'?"), "%s", err);
	cr_expect(strstr(err, "--focus 'lane-ye' names no question"), "each is reported: %s", err);
	free(err);
	cr_expect_eq(run(t, NULL, &err), 1);
	cr_expect(strstr(err, "--tag 'safty' is carried by no node of this map [AM712]\n"
	                      "    hint: did you mean 'safety'? tags in this map:"),
	          "%s", err);
	free(err);
}

Test(opts, repeated_focus_marks_every_focus_in_the_drawing)
{
	const char *a[] = {"render",  "-q",          "--focus", "lane-yes", "--depth",  "0",
	                   "--focus", "paint-fails", "-o",      "-",        CYCLE_LANE, NULL};
	char *out, *err, *p;
	int n = 0;

	cr_assert_eq(run(a, &out, &err), 0, "%s", err);
	for (p = out; (p = strstr(p, "am&#45;focus\"")) != NULL; p++)
		n++;
	cr_expect_eq(n, 2, "two focus nodes drawn as such: %d", n);
	cr_expect(strstr(out, "centred on \xE2\x80\x98lane&#45;yes\xE2\x80\x99, "
	                      "\xE2\x80\x98paint&#45;fails\xE2\x80\x99 (0 steps)"),
	          "the view note names both foci");
	free(out);
	free(err);
}

#define DEBATE ARGMAP_SOURCE_DIR "/maps/ukraine-2025/debate.xml"

Test(opts, render_werror_fails_on_a_drawing_that_warns_and_writes_nothing)
{
	char out[4096], *err;
	const char *plain[] = {"render", "--page", "a4", "-o", out, DEBATE, NULL};
	const char *strict[] = {"render", "--werror", "--page", "a4", "-o", out, DEBATE, NULL};
	FILE *f;

	snprintf(out, sizeof out, "%s/debate.svg", dir);
	cr_expect_eq(run(plain, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "warning: the map is too large for one legible A4 page"), "%s", err);
	cr_expect(strstr(err, "[AM714]"), "%s", err);
	free(err);
	remove(out);
	cr_expect_eq(run(strict, NULL, &err), 1, "%s", err);
	cr_expect(strstr(err, "error: the map is too large for one legible A4 page"), "%s", err);
	cr_expect(strstr(err, "[AM714, -Werror]"), "promoted as check says it: %s", err);
	cr_expect(strstr(err, "not written: --werror"), "%s", err);
	cr_expect_null(strstr(err, "wrote"), "%s", err);
	f = fopen(out, "r");
	cr_expect_null(f, "no output for a drawing that fails --werror");
	if (f)
		fclose(f);
	free(err);
}

Test(opts, render_werror_does_not_draw_a_map_whose_check_warns)
{
	char *p = ts_write(dir, "twice.xml",
	                   TS_HEAD "  <claim id=\"a\"><text>A.</text></claim>\n"
	                           "  <claim id=\"b\"><text>B.</text></claim>\n"
	                           "  <support from=\"a\" to=\"b\"/>\n"
	                           "  <support from=\"a\" to=\"b\"/>\n" TS_TAIL,
	                   (size_t)-1);
	char out[4096], *err;
	const char *a[] = {"render", "--werror", "-o", out, p, NULL};

	snprintf(out, sizeof out, "%s/twice.svg", dir);
	cr_expect_eq(run(a, NULL, &err), 1, "%s", err);
	cr_expect(strstr(err, "is declared twice [AM806, -Werror]"), "%s", err);
	cr_expect(strstr(err, "not drawn"), "%s", err);
	free(err);
	free(p);
}

Test(opts, a_format_that_contradicts_the_output_name_is_a_usage_error)
{
	char out[4096], *err;
	const char *r[] = {"render", "-T", "svg", "-o", out, CYCLE_LANE, NULL};
	const char *gv[] = {"render", "-q", "-T", "dot", "-o", out, CYCLE_LANE, NULL};
	const char *e[] = {"export", "-T", "argdown", "-o", out, CYCLE_LANE, NULL};
	const char *aif[] = {"export", "-q", "-T", "aif", "-o", out, CYCLE_LANE, NULL};
	FILE *f;

	snprintf(out, sizeof out, "%s/out.pdf", dir);
	cr_expect_eq(run(r, NULL, &err), 2);
	cr_expect(strstr(err, "argmap render: -T svg, but -o '"), "%s", err);
	cr_expect(strstr(err, "out.pdf' names a .pdf file"), "%s", err);
	cr_expect(strstr(err, "Try 'argmap render --help'."), "%s", err);
	f = fopen(out, "r");
	cr_expect_null(f, "no SVG bytes in a .pdf");
	if (f)
		fclose(f);
	free(err);
	snprintf(out, sizeof out, "%s/out.gv", dir);
	cr_expect_eq(run(gv, NULL, &err), 0, ".gv is DOT: %s", err);
	free(err);
	snprintf(out, sizeof out, "%s/out.json", dir);
	cr_expect_eq(run(e, NULL, &err), 2);
	cr_expect(strstr(err, "argmap export: -T argdown, but -o '"), "%s", err);
	free(err);
	cr_expect_eq(run(aif, NULL, &err), 0, "AIF is JSON: %s", err);
	free(err);
}

Test(opts, render_prints_a_views_notes_before_wrote_and_once_for_all_outputs)
{
	char *err, *note, *wrote, *again;
	const char *a[] = {"render", "--focus", "lane-yes", "-T", "svg,dot",
	                   "-d",     dir,       CYCLE_LANE, NULL};

	cr_assert_eq(run(a, NULL, &err), 0, "%s", err);
	note = strstr(err, "note: this view shows");
	wrote = strstr(err, "argmap render: wrote ");
	cr_assert(note && wrote, "%s", err);
	cr_expect(note < wrote, "the note comes first: %s", err);
	again = strstr(note + 1, "note: this view shows");
	cr_expect_null(again, "said once for the SVG and the DOT: %s", err);
	cr_expect(strstr(wrote + 1, "argmap render: wrote "), "two outputs: %s", err);
	free(err);
}

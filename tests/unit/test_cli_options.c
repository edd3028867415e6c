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

TestSuite(opts, .init = setup, .fini = teardown, .timeout = 120);

static int run(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 60);
}

Test(opts, every_command_names_itself_in_option_errors_with_a_try_line)
{
	static const char *const cmds[] = {"check", "render", "export", "import", "eval",
	                                   "stats", "list",   "lsp",    "watch"};
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
	free(out);
	free(err);
}

/* The command-line conventions of issue 15: "-" for standard input, a
 * folder for every map in it, argmap help CMD, argmap schema, and the
 * sarif and github formats. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json_check.h"
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

TestSuite(conv, .init = setup, .fini = teardown, .timeout = 60 * TS_SLOW);

#define BAD_BODY                                                                                  \
	"  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"                                    \
	"  <claim id=\"c\" by=\"anne\"><text>x</text></claim>\n"

static int run(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 30);
}

Test(conv, dash_reads_standard_input_with_imports_from_the_current_folder)
{
	char *lib = ts_write(dir, "lib.xml",
	                     "<argmap xmlns=\"urn:argmap:1\" version=\"1\" kind=\"library\">\n"
	                     "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n" TS_TAIL,
	                     (size_t)-1);
	char *p = ts_write(dir, "in.xml",
	                   TS_HEAD "  <import href=\"lib.xml\"/>\n"
	                           "  <claim id=\"c\" by=\"anne\"><text>x</text></claim>\n" TS_TAIL,
	                   (size_t)-1);
	char cmd[4096], *err;
	int rc;

	snprintf(cmd, sizeof cmd, "cd '%s' && '%s' check - < in.xml 2> err.txt", dir, ARGMAP_CLI);
	rc = system(cmd);
	cr_assert(WIFEXITED(rc));
	cr_expect_eq(WEXITSTATUS(rc), 1);
	snprintf(cmd, sizeof cmd, "%s/err.txt", dir);
	err = ts_read(cmd, NULL);
	cr_expect(strstr(err, "<stdin>:4:21: error: claim 'c' by=\"anne\": no item has this id "
	                      "[AM202]\n    hint: did you mean 'ann'?"),
	          "the import is followed, so the hint knows 'ann': %s", err);
	free(err);
	free(p);
	free(lib);
}

Test(conv, a_folder_checks_every_map_below_it)
{
	char sub[4096], *a, *b, *c, *err;
	const char *args[] = {"check", dir, NULL};

	snprintf(sub, sizeof sub, "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	a = ts_write(dir, "a.xml", TS_HEAD BAD_BODY TS_TAIL, (size_t)-1);
	b = ts_write(sub, "b.xml", TS_HEAD BAD_BODY TS_TAIL, (size_t)-1);
	c = ts_write(dir, "notes.txt", "not a map", (size_t)-1);
	cr_expect_eq(run(args, NULL, &err), 1);
	cr_expect(strstr(err, "/a.xml:4:21: error"), "%s", err);
	cr_expect(strstr(err, "/sub/b.xml:4:21: error"), "%s", err);
	cr_expect_null(strstr(err, "notes.txt"), "%s", err);
	cr_expect(strstr(err, "checked 2 maps: 2 errors"), "%s", err);
	free(err);
	free(a);
	free(b);
	free(c);
}

Test(conv, help_command_and_schema)
{
	const char *h[] = {"help", "check", NULL}, *s[] = {"schema", NULL},
	           *bad[] = {"schema", "x", NULL}, *hl[] = {"help", "lsp", NULL};
	char *out, *err, *rng;
	size_t len;

	cr_expect_eq(run(h, &out, &err), 0);
	cr_expect(strstr(out, "Usage: argmap check"), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(run(hl, &out, &err), 0);
	cr_expect(strstr(out, "Usage: argmap lsp"), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(run(s, &out, &err), 0);
	rng = ts_read(ARGMAP_SOURCE_DIR "/docs/argmap.rng", &len);
	cr_expect_eq(strlen(out), len);
	cr_expect(strcmp(out, rng) == 0, "argmap schema prints docs/argmap.rng");
	free(rng);
	free(out);
	free(err);
	cr_expect_eq(run(bad, NULL, &err), 2);
	free(err);
}

Test(conv, github_and_sarif_formats)
{
	char *p = ts_write(dir, "bad.xml", TS_HEAD BAD_BODY TS_TAIL, (size_t)-1);
	const char *g[] = {"check", "--format", "github", p, NULL},
	           *s[] = {"check", "--format", "sarif", p, NULL};
	char *out, *err, want[4200];

	cr_expect_eq(run(g, &out, &err), 1);
	snprintf(want, sizeof want,
	         "::error file=%s,line=4,col=21,title=AM202::claim 'c' by=\"anne\": no item has "
	         "this id%%0Ahint: did you mean 'ann'?\n",
	         p);
	cr_expect(strstr(out, want), "%s", out);
	free(out);
	free(err);
	cr_expect_eq(run(s, &out, &err), 1);
	cr_expect(ts_json_ok(out, strlen(out)), "%s", out);
	cr_expect(strstr(out, "\"version\": \"2.1.0\""), "%s", out);
	cr_expect(strstr(out, "\"ruleId\": \"AM202\""), "%s", out);
	cr_expect(strstr(out, "\"startLine\": 4"), "%s", out);
	cr_expect(strstr(out, "\"startColumn\": 21"), "%s", out);
	free(out);
	free(err);
	free(p);
}

Test(conv, werror_says_so_and_quiet_keeps_attached_notes)
{
	char *p = ts_write(dir, "dup.xml",
	                   TS_HEAD "  <actor id=\"a\" kind=\"person\" name=\"A\"/>\n"
	                           "  <claim id=\"c\" by=\"a\"><text>Alone.</text></claim>\n"
	                           "  <claim id=\"c\" by=\"a\"><text>Again.</text></claim>\n" TS_TAIL,
	                   (size_t)-1);
	const char *a[] = {"check", "-q", "--werror", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 1);
	cr_expect(strstr(err, "connected to nothing [AM302, -Werror]"), "%s", err);
	cr_expect(strstr(err, "duplicate id 'c'"), "%s", err);
	cr_expect(strstr(err, ":4:14: note: the id was first declared here"),
	          "-q keeps the note that explains an error: %s", err);
	cr_expect_null(strstr(err, "AM603"), "-q drops the standalone note: %s", err);
	cr_expect_null(strstr(err, "checked 1 map"), "%s", err);
	free(err);
	free(p);
}

Test(conv, sources_that_do_not_exist_are_a_usage_error)
{
	char *p = ts_write(dir, "m.xml", TS_HEAD BAD_BODY TS_TAIL, (size_t)-1);
	const char *a[] = {"check", "--sources", "/nonexistent-argmap-texts", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 2);
	cr_expect(strstr(err, "argmap check: --sources: '/nonexistent-argmap-texts' is not a folder"),
	          "%s", err);
	free(err);
	free(p);
}

Test(conv, new_writes_a_starter_that_passes_check_and_never_replaces)
{
	char path[4096], *before, *after;
	const char *n[] = {"new", path, NULL}, *c[] = {"check", "--werror", path, NULL};
	char *err;

	snprintf(path, sizeof path, "%s/start.xml", dir);
	cr_expect_eq(run(n, NULL, &err), 0, "%s", err);
	free(err);
	cr_expect_eq(run(c, NULL, &err), 0, "the starter passes check --werror: %s", err);
	cr_expect(strstr(err, "0 errors, 0 warnings"), "%s", err);
	free(err);
	before = ts_read(path, NULL);
	cr_expect(strstr(before, "<!--"), "the starter explains itself in comments");
	cr_expect_eq(run(n, NULL, &err), 3);
	cr_expect(strstr(err, "exists already; not replaced"), "%s", err);
	free(err);
	after = ts_read(path, NULL);
	cr_expect_str_eq(after, before);
	free(before);
	free(after);
}

static void nap(void)
{
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
}

/* Waits until the file at path holds `want` at least `times` times. */
static int wait_for(const char *path, const char *want, int times, int seconds)
{
	int i;

	for (i = 0; i < seconds * 20; i++) {
		char *s = ts_read(path, NULL);
		int n = 0;
		const char *p = s;
		while (p && (p = strstr(p, want)) != NULL) {
			n++;
			p++;
		}
		free(s);
		if (n >= times)
			return 1;
		nap();
	}
	return 0;
}

Test(conv, watch_checks_again_on_every_save)
{
	char *p = ts_write(dir, "w.xml", TS_HEAD BAD_BODY TS_TAIL, (size_t)-1), errp[4096], *err;
	pid_t pid;
	int st = 0, i;

	snprintf(errp, sizeof errp, "%s/watch.err", dir);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		FILE *e = freopen(errp, "w", stderr);
		(void)e;
		execl(ARGMAP_CLI, ARGMAP_CLI, "watch", "--max-runs", "2", p, (char *)NULL);
		_exit(127);
	}
	cr_assert(wait_for(errp, "checked 1 map: 1 error", 1, 30), "the first run");
	/* saved as editors do: a new file renamed over the old one */
	free(ts_write(dir, "w.tmp",
	              TS_HEAD "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
	                      "  <claim id=\"c\" by=\"ann\"><text>x</text></claim>\n" TS_TAIL,
	              (size_t)-1));
	{
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s/w.tmp", dir);
		cr_assert_eq(rename(tmp, p), 0);
	}
	for (i = 0; i < 600 && waitpid(pid, &st, WNOHANG) == 0; i++)
		nap();
	if (i == 600)
		kill(pid, SIGKILL);
	cr_assert(i < 600, "watch stops after --max-runs 2");
	err = ts_read(errp, NULL);
	cr_expect(strstr(err, "checked 1 map: 0 errors, 1 warning"), "the second run sees the fix: %s",
	          err);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s", err);
	free(err);
	free(p);
}

Test(conv, did_you_mean_counts_a_swap_as_one_edit)
{
	char *p = ts_write(dir, "swap.xml",
	                   TS_HEAD "  <question id=\"q\"><text>Q?</text></question>\n"
	                           "  <claim id=\"c\"><text>x</text></claim>\n"
	                           "  <answer from=\"c\" to=\"q\" stance=\"yse\"/>\n" TS_TAIL,
	                   (size_t)-1);
	const char *a[] = {"check", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 1);
	cr_expect(strstr(err, "is 'yse'; expected one of: yes, no, qualified [AM104]\n"
	                      "    hint: did you mean 'yes'?"),
	          "%s", err);
	free(err);
	free(p);
}

Test(conv, elisions_in_quotes_and_commas_in_tags_are_warned)
{
	char *p = ts_write(
	    dir, "style.xml",
	    TS_HEAD "  <source id=\"s\" kind=\"web\"><title>S</title></source>\n"
	            "  <claim id=\"c\" source=\"s\" tags=\"economy,safety\"><text>x</text></claim>\n"
	            "  <evidence id=\"e1\" source=\"s\"><quote>One [...] two</quote></evidence>\n"
	            "  <evidence id=\"e2\" source=\"s\"><quote>One \xE2\x80\xA6 two</quote></evidence>\n"
	            "  <evidence id=\"e3\" source=\"s\"><quote>One, two</quote></evidence>\n"
	            "  <support from=\"e1\" to=\"c\"/><support from=\"e2\" to=\"c\"/>\n"
	            "  <support from=\"e3\" to=\"c\"/>\n" TS_TAIL,
	    (size_t)-1);
	const char *a[] = {"check", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 0);
	cr_expect(strstr(err, ":4:3: warning: claim 'c' has the tag 'economy,safety', with a comma "
	                      "[AM316]"),
	          "%s", err);
	cr_expect(strstr(err, ":5:32: warning: the quote of evidence 'e1' leaves something out "
	                      "('[...]') [AM315]"),
	          "%s", err);
	cr_expect(strstr(err, "evidence 'e2' leaves something out ('\xE2\x80\xA6')"), "%s", err);
	cr_expect_null(strstr(err, "'e3' leaves"), "%s", err);
	free(err);
	free(p);
}

Test(conv, misplaced_quote_and_a_longer_element_name_are_explained)
{
	char *p = ts_write(dir, "q.xml",
	                   TS_HEAD "  <claim id=\"c\"><quote>x</quote></claim>\n"
	                           "  <rebuttal from=\"c\" to=\"c\"/>\n" TS_TAIL,
	                   (size_t)-1);
	const char *a[] = {"check", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 1);
	cr_expect(strstr(err, "<quote> is not allowed inside <claim> [AM101]\n    hint: a <claim> "
	                      "states its position in <text>; a quote from a source goes in an "
	                      "<evidence source=\"...\"> that supports it."),
	          "%s", err);
	cr_expect(strstr(err, "unknown element <rebuttal> inside <argmap> [AM101]\n    hint: did "
	                      "you mean <rebut>?"),
	          "%s", err);
	free(err);
	free(p);
}

Test(conv, max_errors_stops_printing_and_counts_the_rest)
{
	char *p = ts_write(dir, "many.xml",
	                   TS_HEAD "  <claim id=\"a\" by=\"x1\"><text>x</text></claim>\n"
	                           "  <claim id=\"b\" by=\"x2\"><text>x</text></claim>\n"
	                           "  <claim id=\"c\" by=\"x3\"><text>x</text></claim>\n"
	                           "  <support from=\"a\" to=\"b\"/><support from=\"c\" to=\"b\"/>\n" TS_TAIL,
	                   (size_t)-1);
	const char *a[] = {"check", "--max-errors", "1", p, NULL},
	           *bad[] = {"check", "--max-errors", "x", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 1);
	cr_expect(strstr(err, "by=\"x1\": no item has this id"), "%s", err);
	cr_expect_null(strstr(err, "by=\"x2\""), "%s", err);
	cr_expect(strstr(err, "argmap: 2 more errors not shown (--max-errors 1)"), "%s", err);
	cr_expect(strstr(err, "checked 1 map: 3 errors"), "the summary counts them all: %s", err);
	free(err);
	cr_expect_eq(run(bad, NULL, &err), 2);
	free(err);
	free(p);
}

/* The argmap command as a user meets it: help, usage errors, exit codes,
 * output formats. */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"
#include "support.h"

#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"
#define TEXTS ARGMAP_SOURCE_DIR "/maps/example/texts"

static int run(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 30);
}

Test(cli, help_and_version)
{
	const char *h[] = {"--help", NULL}, *v[] = {"--version", NULL}, *ch[] = {"check", "--help", NULL};
	char *out, *err;

	cr_expect_eq(run(h, &out, &err), 0);
	cr_expect(strstr(out, "Usage: argmap <command>"), "%s", out);
	cr_expect(strstr(out, "check"));
	free(out);
	free(err);
	cr_expect_eq(run(v, &out, &err), 0);
	cr_expect(strncmp(out, "argmap ", 7) == 0, "%s", out);
	free(out);
	free(err);
	cr_expect_eq(run(ch, &out, &err), 0);
	cr_expect(strstr(out, "--sources DIR"), "%s", out);
	cr_expect(strstr(out, "--werror"));
	free(out);
	free(err);
}

Test(cli, usage_errors_exit_2)
{
	const char *none[] = {NULL}, *bad[] = {"frobnicate", NULL}, *nofile[] = {"check", NULL},
	           *badopt[] = {"check", "--colour", EXAMPLE, NULL},
	           *badfmt[] = {"check", "--format", "xml", EXAMPLE, NULL};
	char *err;

	cr_expect_eq(run(none, NULL, &err), 2);
	free(err);
	cr_expect_eq(run(bad, NULL, &err), 2);
	cr_expect(strstr(err, "unknown command 'frobnicate'"), "%s", err);
	free(err);
	cr_expect_eq(run(nofile, NULL, &err), 2);
	cr_expect(strstr(err, "no map given"), "%s", err);
	free(err);
	cr_expect_eq(run(badopt, NULL, &err), 2);
	free(err);
	cr_expect_eq(run(badfmt, NULL, &err), 2);
	cr_expect(strstr(err, "unknown format 'xml'"), "%s", err);
	free(err);
}

Test(cli, clean_map_exits_0_and_validate_is_an_alias)
{
	const char *a[] = {"check", "--sources", TEXTS, EXAMPLE, NULL};
	const char *b[] = {"validate", "--werror", "--sources", TEXTS, EXAMPLE, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "0 errors, 0 warnings"), "%s", err);
	free(err);
	cr_expect_eq(run(b, NULL, &err), 0, "%s", err);
	free(err);
}

Test(cli, missing_file_exits_3)
{
	const char *a[] = {"check", "/nonexistent/map.xml", NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 3);
	cr_expect(strstr(err, "/nonexistent/map.xml: error: cannot open: No such file or directory [AM003]"),
	          "%s", err);
	free(err);
}

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

TestSuite(cli_maps, .init = setup, .fini = teardown, .timeout = 60 * TS_SLOW);

#define WARN_ONLY TS_HEAD "  <actor id=\"a\" kind=\"person\" name=\"A\"/>\n" \
	"  <claim id=\"c\" by=\"a\"><text>Alone.</text></claim>\n" TS_TAIL

Test(cli_maps, warnings_exit_0_unless_werror)
{
	char *p = ts_write(dir, "w.xml", WARN_ONLY, (size_t)-1);
	const char *a[] = {"check", p, NULL}, *b[] = {"check", "--werror", p, NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 0);
	cr_expect(strstr(err, ":4:3: warning: claim 'c' is connected to nothing [AM302]"), "%s", err);
	free(err);
	cr_expect_eq(run(b, NULL, &err), 1);
	cr_expect(strstr(err, ":4:3: error: claim 'c' is connected to nothing [AM302, -Werror]"), "%s", err);
	free(err);
	free(p);
}

Test(cli_maps, json_output_lists_every_diagnostic)
{
	char *p = ts_write(dir, "bad.xml",
	                   TS_HEAD "  <claim id=\"c\" by=\"nobody\"><text>x</text></claim>\n"
	                           "  <claim id=\"c\" by=\"nobody\"><text>y</text></claim>\n" TS_TAIL,
	                   (size_t)-1);
	const char *a[] = {"check", "--format", "json", p, NULL};
	char *out, *err;
	size_t objects = 0;
	const char *s;

	cr_expect_eq(run(a, &out, &err), 1);
	cr_expect_eq(out[0], '[', "%s", out);
	cr_expect(ts_json_ok(out, strlen(out)), "not valid JSON:\n%s", out);
	for (s = out; (s = strstr(s, "{\"severity\":\"")); s++)
		objects++;
	/* 2 x AM202, 1 x AM201 (+1 note), 1 x AM302 for the duplicate */
	cr_expect_geq(objects, 5, "%s", out);
	cr_expect(strstr(out, "\"code\":\"AM201\""), "%s", out);
	cr_expect(strstr(out, "\"code\":\"AM202\""), "%s", out);
	cr_expect_eq(strstr(err, "AM20"), NULL, "JSON mode prints diagnostics on stdout only");
	free(out);
	free(err);
	free(p);
}

Test(cli_maps, several_files_in_one_run)
{
	char *good = ts_write(dir, "good.xml", WARN_ONLY, (size_t)-1);
	char *bad = ts_write(dir, "bad.xml", TS_HEAD "<claim/>" TS_TAIL, (size_t)-1);
	const char *a[] = {"check", good, bad, "/nonexistent.xml", NULL};
	char *err;

	cr_expect_eq(run(a, NULL, &err), 3, "the worst outcome wins: I/O");
	cr_expect(strstr(err, "good.xml:4:3: warning"), "%s", err);
	cr_expect(strstr(err, "bad.xml:3:1: error"), "%s", err);
	cr_expect(strstr(err, "checked 3 maps"), "%s", err);
	free(err);
	free(good);
	free(bad);
}

/* AM104 quotes the first 60 characters of a bad value; 1 + 40 two-byte
 * characters put byte 60 inside one. The JSON must stay valid UTF-8. */
Test(cli_maps, json_stays_valid_utf8_when_map_text_is_cut)
{
	char xml[1024], val[128];
	char *p, *out, *err;
	const char *a[] = {"check", "--format", "json", NULL, NULL};
	int i, n = 0;

	val[n++] = 'a';
	for (i = 0; i < 40; i++) {
		val[n++] = '\xC3';
		val[n++] = '\xA9';
	}
	val[n] = '\0';
	snprintf(xml, sizeof xml,
	         TS_HEAD "  <source id=\"s\" kind=\"%s\"><title>T</title></source>\n" TS_TAIL, val);
	p = ts_write(dir, "cut.xml", xml, (size_t)-1);
	a[3] = p;
	cr_expect_eq(run(a, &out, &err), 1, "%s", err);
	cr_expect(strstr(out, "AM104"), "%s", out);
	cr_expect(ts_json_ok(out, strlen(out)), "not valid JSON (UTF-8):\n%s", out);
	free(out);
	free(err);
	free(p);
}

/* The checker the tests and fuzzers rely on must refuse what it should. */
Test(cli, the_json_checker_is_strict)
{
	static const char *good[] = {"[]", " {\"a\":[1,-2,0.5,1e3,true,false,null]}\n",
	                             "\"\\u00e9\\ud83d\\ude00\xC3\xA9\xF0\x9F\x98\x80\""};
	static const char *bad[] = {
	    "",        "[",        "[1,]",         "{\"a\"}",          "01",          "\"\x01\"",
	    "\"\\x\"", "\"\xC3\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\\ud800\"", "\"\\udc00\"",
	    "[] []",   "\"\x80\""};
	size_t i;

	for (i = 0; i < sizeof good / sizeof *good; i++)
		cr_expect(ts_json_ok(good[i], strlen(good[i])), "refused good %zu: %s", i, good[i]);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect(!ts_json_ok(bad[i], strlen(bad[i])), "accepted bad %zu: %s", i, bad[i]);
	cr_expect(!ts_json_ok("[]\0", 3), "a NUL byte");
}

/* A report that cannot be written is exit 3 with a message, in every
 * command: /dev/full fails every write with ENOSPC. */
Test(cli, write_errors_on_stdout_exit_3)
{
	const ts_run_opts full = {"/dev/full", 0, 0};
	const char *json[] = {"check", "--format", "json", EXAMPLE, NULL};
	const char *bad[] = {"check", "--format", "json", ARGMAP_TEST_DATA "/many-mistakes.xml",
	                     NULL};
	const char *help[] = {"--help", NULL}, *ver[] = {"--version", NULL},
	           *chelp[] = {"check", "--help", NULL};
	const char *const *all[] = {json, bad, help, ver, chelp};
	size_t i;

	for (i = 0; i < sizeof all / sizeof *all; i++) {
		char *err;
		cr_expect_eq(ts_run_cli_with(all[i], &full, NULL, &err, 30), 3, "%s %s: %s",
		             all[i][0], all[i][1] ? all[i][1] : "", err);
		cr_expect(strstr(err, "cannot write to standard output: No space left on device"),
		          "%s", err);
		free(err);
	}
}

/* ulimit -f: the report fails with EFBIG, exit 3, instead of SIGXFSZ
 * killing argmap (exit 153). */
Test(cli, file_size_limit_on_stdout_exits_3)
{
	const ts_run_opts small = {NULL, 256, 0};
	const char *bad[] = {"check", "--format", "json", ARGMAP_TEST_DATA "/many-mistakes.xml",
	                     NULL};
	char *out, *err;

	cr_expect_eq(ts_run_cli_with(bad, &small, &out, &err, 30), 3, "%s", err);
	cr_expect(strstr(err, "cannot write to standard output: File too large"), "%s", err);
	free(out);
	free(err);
}

/* Out of memory is exit 3 and says so (here a 40 MB address space for a
 * 5 MB map). */
Test(cli_maps, out_of_memory_says_so)
{
	const ts_run_opts small = {NULL, 0, 40L << 20};
	const char *a[] = {"check", "-q", NULL, NULL};
	char *big, *p, *err;
	size_t n = 0, cap = 6u << 20;
	int i, rc;

#ifdef TS_UNDER_ASAN
	cr_skip_test("no RLIMIT_AS under AddressSanitizer");
#endif
	big = malloc(cap);
	cr_assert(big);
	n += (size_t)sprintf(big, TS_HEAD "<actor id=\"a\" kind=\"person\" name=\"A\"/>\n");
	for (i = 0; i < 60000; i++)
		n += (size_t)sprintf(
		    big + n,
		    "<claim id=\"c%d\" by=\"a\"><text>Claim %d with some words.</text></claim>\n",
		    i, i);
	strcpy(big + n, TS_TAIL);
	p = ts_write(dir, "big.xml", big, (size_t)-1);
	free(big);
	a[2] = p;
	rc = ts_run_cli_with(a, &small, NULL, &err, 60);
	cr_expect_eq(rc, 3, "%s", err);
	cr_expect(strstr(err, "out of memory"), "%s", err);
	free(err);
	free(p);
}

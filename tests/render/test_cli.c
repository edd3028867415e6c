/*
 * `argmap render` on the command line: options, output naming, formats,
 * views, exit codes, and what it prints.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render_support.h"

TestSuite(cli, .timeout = 120 * TS_SLOW);

static int cli(const char *const *args, char **out, char **err)
{
	return ts_run_cli(args, out, err, 60);
}

static int exists(const char *dir, const char *name)
{
	char p[1300];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return access(p, F_OK) == 0;
}

Test(cli, help_and_usage_errors)
{
	char *out = NULL, *err = NULL;
	const char *help[] = {"render", "--help", NULL};
	const char *none[] = {"render", NULL};
	const char *two[] = {"render", "-o", "/tmp/x.svg", RS_DATA("basic.xml"), RS_DATA("basic.xml"), NULL};
	const char *ext[] = {"render", "-o", "/tmp/x.jpeg", RS_DATA("basic.xml"), NULL};
	const char *depth[] = {"render", "--depth", "3", RS_DATA("basic.xml"), NULL};
	const char *land[] = {"render", "--landscape", RS_DATA("basic.xml"), NULL};
	const char *fmt[] = {"render", "-T", "jpeg", RS_DATA("basic.xml"), NULL};
	const char *theme[] = {"render", "--theme", "dark", RS_DATA("basic.xml"), NULL};
	const char *tl[] = {"render", "--time-limit", "soon", RS_DATA("basic.xml"), NULL};
	const char *both[] = {"render", "-o", "/tmp/x.svg", "-d", "/tmp", RS_DATA("basic.xml"), NULL};
	const char *hide[] = {"render", "--hide", "claims", RS_DATA("basic.xml"), NULL};
	const char *unk[] = {"render", "--colour", RS_DATA("basic.xml"), NULL};

	cr_expect_eq(cli(help, &out, &err), 0);
	cr_expect(strstr(out, "Usage: argmap render"));
	cr_expect(strstr(out, "--focus ID"));
	cr_expect(strstr(out, "carnegie.print.pdf"), "the naming of -d outputs is documented");
	free(out);
	free(err);
	cr_expect_eq(cli(none, NULL, NULL), 2);
	cr_expect_eq(cli(two, NULL, &err), 2);
	cr_expect(strstr(err, "-o takes one map"));
	free(err);
	cr_expect_eq(cli(ext, NULL, &err), 2);
	cr_expect(strstr(err, "cannot tell the format"));
	free(err);
	cr_expect_eq(cli(depth, NULL, NULL), 2);
	cr_expect_eq(cli(land, NULL, NULL), 2);
	cr_expect_eq(cli(fmt, NULL, NULL), 2);
	cr_expect_eq(cli(theme, NULL, NULL), 2);
	cr_expect_eq(cli(tl, NULL, NULL), 2);
	cr_expect_eq(cli(both, NULL, NULL), 2);
	cr_expect_eq(cli(hide, NULL, NULL), 2);
	cr_expect_eq(cli(unk, NULL, NULL), 2);
}

Test(cli, dir_naming_formats_and_themes)
{
	char *dir = ts_tmpdir(), sub[600], *err = NULL;
	const char *args[] = {"render", "-d", sub, "-T", "svg,pdf", "-T", "dot", "--theme", "color,print",
	                      RS_DATA("basic.xml"), NULL};
	int rc;

	snprintf(sub, sizeof sub, "%s/out", dir); /* created on demand */
	rc = cli(args, NULL, &err);
	cr_expect_eq(rc, 0, "%s", err);
	cr_expect(exists(sub, "basic.svg") && exists(sub, "basic.pdf") && exists(sub, "basic.dot"));
	cr_expect(exists(sub, "basic.print.svg") && exists(sub, "basic.print.pdf") &&
	          exists(sub, "basic.print.dot"));
	cr_expect_eq(rs_count(err, strlen(err), "argmap render: wrote "), 6, "%s", err);
	free(err);
	ts_rmtree(dir);
	free(dir);
}

Test(cli, output_format_follows_the_extension)
{
	char *dir = ts_tmpdir(), out[600], *data;
	const char *args[] = {"render", "-q", "-o", out, RS_DATA("basic.xml"), NULL};
	const char *forced[] = {"render", "-q", "-T", "svg", "-o", out, RS_DATA("basic.xml"), NULL};
	size_t n;

	snprintf(out, sizeof out, "%s/m.pdf", dir);
	cr_expect_eq(cli(args, NULL, NULL), 0);
	data = ts_read(out, &n);
	cr_expect(data && n > 5 && !memcmp(data, "%PDF-", 5));
	free(data);
	snprintf(out, sizeof out, "%s/m.gv", dir);
	cr_expect_eq(cli(args, NULL, NULL), 0);
	data = ts_read(out, &n);
	cr_expect(data && !strncmp(data, "digraph argmap {", 16));
	free(data);
	/* issue 15: SVG bytes in a .pdf are a usage error, and the PDF stays */
	snprintf(out, sizeof out, "%s/m.pdf", dir);
	cr_expect_eq(cli(forced, NULL, NULL), 2, "-T svg contradicts -o m.pdf");
	data = ts_read(out, &n);
	cr_expect(data && n > 5 && !memcmp(data, "%PDF-", 5), "the PDF is untouched");
	free(data);
	ts_rmtree(dir);
	free(dir);
}

Test(cli, standard_output)
{
	const char *svg[] = {"render", "-o", "-", RS_DATA("basic.xml"), NULL};
	const char *png[] = {"render", "-q", "-T", "png", "-o", "-", RS_DATA("basic.xml"), NULL};
	char *out = NULL, *err = NULL;

	cr_expect_eq(cli(svg, &out, &err), 0, "%s", err);
	cr_expect(out && strstr(out, "<svg") && strstr(out, "</svg>"));
	cr_expect(!strstr(err, "wrote"));
	free(out);
	free(err);
	cr_expect_eq(cli(png, &out, NULL), 0);
	cr_expect(out && !memcmp(out, "\x89PNG", 4));
	free(out);
}

Test(cli, library_files_are_skipped)
{
	const char *args[] = {"render", "-d", "/tmp", ARGMAP_SOURCE_DIR "/maps/ukraine-2025/shared.xml", NULL};
	char *err = NULL;

	cr_expect_eq(cli(args, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "a library file"), "%s", err);
	cr_expect(access("/tmp/shared.svg", F_OK) != 0);
	free(err);
}

Test(cli, views_report_what_they_hide)
{
	char *dir = ts_tmpdir(), out[600], *err = NULL;
	const char *tag[] = {"render", "--tag", "trade", "-o", out, RS_DATA("basic.xml"), NULL};
	const char *focus[] = {"render", "--focus", "c-unsafr", "-o", out, RS_DATA("basic.xml"), NULL};
	const char *ok[] = {"render", "--focus", "c-unsafe", "--depth", "1", "--hide", "evidence",
	                    "--group-by", "actor", "-o", out, RS_DATA("basic.xml"), NULL};

	snprintf(out, sizeof out, "%s/v.svg", dir);
	cr_expect_eq(cli(tag, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "note: this view shows 4 of 11 nodes (7 hidden)"), "%s", err);
	cr_expect(strstr(err, "[AM713]"));
	free(err);
	cr_expect_eq(cli(ok, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "[AM713]"));
	free(err);
	unlink(out);
	cr_expect_eq(cli(focus, NULL, &err), 1);
	cr_expect(strstr(err, "[AM711]") && strstr(err, "did you mean 'c-unsafe'"), "%s", err);
	cr_expect(access(out, F_OK) != 0, "nothing is written for a failed view");
	free(err);
	ts_rmtree(dir);
	free(dir);
}

Test(cli, warnings_print_and_rendering_goes_on)
{
	char *dir = ts_tmpdir(), *in, out[600], *err = NULL;
	const char *args[] = {"render", "-o", out, NULL, NULL};

	/* a claim nobody holds is a warning (AM306), not an error */
	in = ts_write(dir, "w.xml",
	              TS_HEAD "<question id=\"q\"><text>Q?</text></question>\n"
	                      "<claim id=\"c\"><text>C.</text></claim>\n"
	                      "<answer from=\"c\" to=\"q\" stance=\"no\"/>\n" TS_TAIL,
	              (size_t)-1);
	snprintf(out, sizeof out, "%s/w.svg", dir);
	args[3] = in;
	cr_expect_eq(cli(args, NULL, &err), 0, "%s", err);
	cr_expect(strstr(err, "warning:"), "%s", err);
	cr_expect(access(out, F_OK) == 0);
	free(err);
	free(in);
	ts_rmtree(dir);
	free(dir);
}

Test(cli, several_maps_one_bad)
{
	char *dir = ts_tmpdir(), *bad, *err = NULL;
	const char *args[] = {"render", "-q", "-d", dir, NULL, RS_DATA("basic.xml"), NULL};

	bad = ts_write(dir, "bad.xml", TS_HEAD "<claim id=\"c\"/>\n" TS_TAIL, (size_t)-1);
	args[4] = bad;
	cr_expect_eq(cli(args, NULL, &err), 1, "%s", err);
	cr_expect(exists(dir, "basic.svg"), "the good map is still drawn");
	cr_expect(!exists(dir, "bad.svg"));
	free(err);
	free(bad);
	ts_rmtree(dir);
	free(dir);
}

Test(cli, same_names_would_collide)
{
	char *dir = ts_tmpdir(), sub[600], *copy, *src, *err = NULL;
	const char *args[] = {"render", "-d", dir, RS_DATA("basic.xml"), NULL, NULL};

	snprintf(sub, sizeof sub, "%s/other", dir);
	mkdir(sub, 0755);
	src = ts_read(RS_DATA("basic.xml"), NULL);
	copy = ts_write(sub, "basic.xml", src, (size_t)-1);
	args[4] = copy;
	cr_expect_eq(cli(args, NULL, &err), 2, "%s", err);
	cr_expect(strstr(err, "would write the same outputs"), "%s", err);
	free(err);
	free(src);
	free(copy);
	ts_rmtree(dir);
	free(dir);
}

/* -o - under ulimit -f: EFBIG, exit 3 with a message, not SIGXFSZ (153);
 * and a standard output that fails (/dev/full) is exit 3 too. The map
 * draws without warnings: the size limit binds the captured standard
 * error as well, which warnings would fill before the message. */
Test(cli, stdout_write_errors_exit_3)
{
	const ts_run_opts small = {NULL, 1024, 0}, full = {"/dev/full", 0, 0};
	const char *args[] = {"render", "-o", "-", ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml",
	                      NULL};
	const char *help[] = {"render", "--help", NULL};
	char *out = NULL, *err = NULL;

	cr_expect_eq(ts_run_cli_with(args, &small, &out, &err, 60), 3, "%s", err);
	cr_expect(strstr(err, "cannot write to standard output: File too large"), "%s", err);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli_with(args, &full, NULL, &err, 60), 3, "%s", err);
	cr_expect(strstr(err, "No space left on device"), "%s", err);
	free(err);
	cr_expect_eq(ts_run_cli_with(help, &full, NULL, &err, 60), 3, "%s", err);
	cr_expect(strstr(err, "cannot write to standard output: No space left on device"), "%s",
	          err);
	free(err);
}

/* -d DIR is created only when there is something to write in it. */
Test(cli, dir_is_not_created_when_nothing_is_drawn)
{
	char *dir = ts_tmpdir(), sub[600], *bad, *err = NULL;
	const char *args[] = {"render", "-d", sub, NULL, NULL};
	struct stat st;

	bad = ts_write(dir, "bad.xml", TS_HEAD "<claim/>" TS_TAIL, (size_t)-1);
	snprintf(sub, sizeof sub, "%s/out", dir);
	args[3] = bad;
	cr_expect_eq(cli(args, NULL, &err), 1, "%s", err);
	cr_expect_neq(stat(sub, &st), 0, "%s was created for a run that wrote nothing", sub);
	free(err);
	free(bad);
	ts_rmtree(dir);
	free(dir);
}

/*
 * Hostile input: each file is rejected with a clear error naming the file
 * and the reason, without crashing, in under 2 s and 200 MB, and nothing
 * from another file or the network appears in any output. Each case runs
 * the real CLI in a child process.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

#define SECRET "ARGMAP-SECRET-7f3a9c"
#define OPEN "<argmap xmlns=\"urn:argmap:1\" version=\"1\">"

static char *dir;
static char *secret_path;

static void setup(void)
{
	dir = ts_tmpdir();
	secret_path = ts_write(dir, "secret.txt", SECRET "\n", (size_t)-1);
}

static void teardown(void)
{
	ts_rmtree(dir);
	free(dir);
	free(secret_path);
}

TestSuite(hostile, .init = setup, .fini = teardown, .timeout = 60 * TS_SLOW);

/* Runs `argmap check path` and asserts the contract above. */
static void expect_rejected(const char *path, const char *code)
{
	const char *args[] = {"check", path, NULL};
	char *out = NULL, *err = NULL;
	int rc = ts_run_cli(args, &out, &err, 20);

	cr_expect(rc == 1 || rc == 3, "exit %d (expected 1 or 3); stderr:\n%s", rc, err);
	cr_expect(strstr(err, path), "the error names the file:\n%s", err);
	cr_expect(strstr(err, code), "expected %s in:\n%s", code, err);
	cr_expect(!strstr(out, SECRET) && !strstr(err, SECRET), "secret leaked");
	cr_expect(!strstr(err, "root:"), "/etc/passwd leaked");
	cr_expect_lt(ts_last_seconds(), 2.0, "took %.2f s", ts_last_seconds());
	cr_expect_lt(ts_last_maxrss_kib(), 200L * 1024, "used %ld KiB", ts_last_maxrss_kib());
	free(out);
	free(err);
}

static char *write_text(const char *name, const char *text)
{
	return ts_write(dir, name, text, (size_t)-1);
}

Test(hostile, external_entity_to_local_file)
{
	char xml[1024];
	char *p;

	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE argmap [<!ENTITY x SYSTEM \"file://%s\">]>\n"
	         OPEN "<claim id=\"c\"><text>&x;</text></claim></argmap>\n",
	         secret_path);
	p = write_text("xxe.xml", xml);
	expect_rejected(p, "AM011");
	free(p);
}

Test(hostile, external_parameter_entity)
{
	char xml[1024];
	char *p;

	ts_put(dir, "evil.dtd", "<!ENTITY leak SYSTEM \"file:///etc/passwd\">", (size_t)-1);
	snprintf(xml, sizeof xml,
	         "<!DOCTYPE argmap [<!ENTITY %% p SYSTEM \"file://%s/evil.dtd\"> %%p;]>\n"
	         OPEN "<claim id=\"c\"><text>&leak;</text></claim></argmap>\n",
	         dir);
	p = write_text("xxe-param.xml", xml);
	expect_rejected(p, "AM011");
	free(p);
}

Test(hostile, doctype_pointing_at_loopback_url)
{
	struct sockaddr_in addr;
	socklen_t alen = sizeof addr;
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	struct pollfd pfd;
	char xml[512];
	char *p;

	cr_assert(s >= 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = 0;
	cr_assert_eq(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
	cr_assert_eq(listen(s, 4), 0);
	cr_assert_eq(getsockname(s, (struct sockaddr *)&addr, &alen), 0);
	snprintf(xml, sizeof xml,
	         "<?xml version=\"1.0\"?>\n<!DOCTYPE argmap SYSTEM \"http://127.0.0.1:%d/x.dtd\">\n"
	         OPEN "</argmap>\n",
	         ntohs(addr.sin_port));
	p = write_text("netdtd.xml", xml);
	expect_rejected(p, "AM011");
	pfd.fd = s;
	pfd.events = POLLIN;
	cr_expect_eq(poll(&pfd, 1, 100), 0, "argmap connected to the loopback listener");
	close(s);
	free(p);
}

Test(hostile, billion_laughs)
{
	char *p = write_text("laughs.xml",
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE argmap [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	    "]>\n" OPEN "<claim id=\"c\"><text>&i;</text></claim></argmap>\n");
	expect_rejected(p, "AM011");
	free(p);
}

Test(hostile, one_large_entity_referenced_20000_times)
{
	size_t big = 100 * 1024, refs = 20000, n = big + refs * 4 + 512, k = 0, i;
	char *xml = malloc(n), *p;

	cr_assert(xml);
	k += (size_t)sprintf(xml + k, "<!DOCTYPE argmap [<!ENTITY e \"");
	memset(xml + k, 'x', big);
	k += big;
	k += (size_t)sprintf(xml + k, "\">]>\n" OPEN "<claim id=\"c\"><text>");
	for (i = 0; i < refs; i++)
		k += (size_t)sprintf(xml + k, "&e;");
	k += (size_t)sprintf(xml + k, "</text></claim></argmap>\n");
	p = ts_write(dir, "quad.xml", xml, k);
	expect_rejected(p, "AM011");
	free(xml);
	free(p);
}

Test(hostile, xinclude_of_a_local_file)
{
	char xml[1024];
	char *p;

	snprintf(xml, sizeof xml,
	         OPEN "<claim id=\"c\"><text><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
	              "href=\"%s\" parse=\"text\"/></text></claim></argmap>\n",
	         secret_path);
	p = write_text("xinclude.xml", xml);
	expect_rejected(p, "AM012");
	free(p);
}

Test(hostile, fifo_does_not_block)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/fifo.xml", dir);
	cr_assert_eq(mkfifo(path, 0600), 0);
	expect_rejected(path, "AM001");
}

Test(hostile, directory)
{
	expect_rejected(dir, "AM001");
}

Test(hostile, empty_file)
{
	char *p = write_text("empty.xml", "");
	expect_rejected(p, "AM004");
	free(p);
}

Test(hostile, truncated_file)
{
	char *p = write_text("truncated.xml", "<?xml version=\"1.0\"?>\n" OPEN
	                                      "\n  <claim id=\"c1\"><text>cut he");
	expect_rejected(p, "AM010");
	free(p);
}

Test(hostile, invalid_utf8)
{
	char *p = write_text("badutf8.xml", OPEN "<claim id=\"c\"><text>bad \xC3\x28 byte</text>"
	                                         "</claim></argmap>\n");
	expect_rejected(p, "AM005");
	free(p);
}

Test(hostile, nul_byte)
{
	const char xml[] = OPEN "<claim id=\"c\"><text>nul \0 here</text></claim></argmap>\n";
	char *p = ts_write(dir, "nul.xml", xml, sizeof xml - 1);
	expect_rejected(p, "AM005");
	free(p);
}

Test(hostile, utf16_declaration_on_utf8_bytes)
{
	char *p = write_text("utf16decl.xml", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" OPEN
	                                      "</argmap>\n");
	expect_rejected(p, "AM005");
	free(p);
}

/* The XML declaration as the spec allows it to be written (S? = S?, either
 * quote, line breaks anywhere S is allowed): every encoding but UTF-8 is
 * refused before libxml2 could switch to it. A line break before '=' used
 * to slip past the raw-byte check, after which libxml2 decoded Latin-1 as
 * such, or UTF-7, which can hide markup (+ADw- is '<'). */
Test(hostile, declared_encodings_other_than_utf8_are_refused)
{
	static const char *const decls[] = {
	    "<?xml version=\"1.0\" encoding\n=\"ISO-8859-1\"?>",
	    "<?xml version=\"1.0\" encoding=\n\"ISO-8859-1\"?>",
	    "<?xml version=\"1.0\" encoding\r\n=\r\n'UTF-7'?>",
	    "<?xml version='1.0'\tencoding\t=\t\"UTF-16\"?>",
	    "<?xml\nversion=\"1.0\"\nencoding\n=\n'latin1'\nstandalone='yes'?>",
	    "<?xml version=\"1.0\" encoding=\"UCS-4\"?>",
	    "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>",
	    "<?xml version=\"1.0\" encoding=\"UTF8\"?>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8 \"?>",
	    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding\n='ISO-8859-1'?>",
	};
	size_t i;

	for (i = 0; i < sizeof decls / sizeof decls[0]; i++) {
		char xml[512], name[32];
		char *p;
		snprintf(xml, sizeof xml,
		         "%s\n" OPEN "<actor id=\"a\" kind=\"person\" name=\"Ren\xC3\xA9\"/>"
		         "<claim id=\"c\" by=\"a\"><text>+ADw-/text+AD4-</text></claim></argmap>\n",
		         decls[i]);
		snprintf(name, sizeof name, "enc%zu.xml", i);
		p = write_text(name, xml);
		expect_rejected(p, "AM005");
		free(p);
	}
}

/* A malformed declaration is refused too (it could hide an encoding). */
Test(hostile, malformed_xml_declarations_are_refused)
{
	static const char *const decls[] = {
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" encoding=\"ISO-8859-1\"?>",
	    "<?xml encoding=\"ISO-8859-1\" version=\"1.0\"?>",
	    "<?xml version=\"1.0\" encoding=ISO-8859-1?>",
	    "<?xml version=\"1.0\" encoding=\"ISO-8859-1'?>",
	    "<?xml version=\"1.0\"encoding=\"ISO-8859-1\"?>",
	    "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"ISO-8859-1\"?>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"",
	};
	size_t i;

	for (i = 0; i < sizeof decls / sizeof decls[0]; i++) {
		char xml[512], name[32];
		char *p;
		snprintf(xml, sizeof xml, "%s\n" OPEN "</argmap>\n", decls[i]);
		snprintf(name, sizeof name, "bad%zu.xml", i);
		p = write_text(name, xml);
		expect_rejected(p, "AM0");
		free(p);
	}
}

/* UTF-8 declared in every way the spec allows is read. */
Test(hostile, utf8_declarations_in_any_spelling_are_accepted)
{
	static const char *const decls[] = {
	    "<?xml version=\"1.0\"?>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	    "<?xml version='1.0' encoding='utf-8'?>",
	    "<?xml version = \"1.0\"\n encoding\n=\n\"Utf-8\" standalone = 'no' ?>",
	    "<?xml version=\"1.0\" standalone=\"yes\"?>",
	    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	};
	size_t i;

	for (i = 0; i < sizeof decls / sizeof decls[0]; i++) {
		char xml[512], name[32];
		char *p, *out = NULL, *err = NULL;
		const char *args[] = {"check", NULL, NULL};
		int rc;
		snprintf(xml, sizeof xml,
		         "%s\n" OPEN
		         "<actor id=\"a\" kind=\"person\" name=\"Ren\xC3\xA9\"/></argmap>\n",
		         decls[i]);
		snprintf(name, sizeof name, "ok%zu.xml", i);
		p = write_text(name, xml);
		args[1] = p;
		rc = ts_run_cli(args, &out, &err, 20);
		cr_expect_eq(rc, 0, "%s: exit %d:\n%s", decls[i], rc, err);
		free(out);
		free(err);
		free(p);
	}
}

Test(hostile, nesting_300_deep)
{
	size_t depth = 300, i, k = 0;
	char *xml = malloc(depth * 16 + 256), *p;

	cr_assert(xml);
	k += (size_t)sprintf(xml, OPEN "<claim id=\"c\"><text>");
	for (i = 0; i < depth; i++)
		k += (size_t)sprintf(xml + k, "<b>");
	for (i = 0; i < depth; i++)
		k += (size_t)sprintf(xml + k, "</b>");
	k += (size_t)sprintf(xml + k, "</text></claim></argmap>\n");
	p = ts_write(dir, "deep.xml", xml, k);
	expect_rejected(p, "AM010");
	free(xml);
	free(p);
}

static char *big_file(const char *name, size_t payload, int in_attribute)
{
	size_t n = payload + 256, k;
	char *xml = malloc(n), *p;

	cr_assert(xml);
	k = (size_t)sprintf(xml, in_attribute ? OPEN "<actor id=\"a\" kind=\"person\" name=\""
	                                      : OPEN "<claim id=\"c\"><text>");
	memset(xml + k, 'A', payload);
	k += payload;
	k += (size_t)sprintf(xml + k, in_attribute ? "\"/></argmap>\n" : "</text></claim></argmap>\n");
	p = ts_write(dir, name, xml, k);
	free(xml);
	return p;
}

Test(hostile, attribute_of_50_mb)
{
	char *p = big_file("bigattr.xml", 50u * 1024 * 1024, 1);
	expect_rejected(p, "AM002");
	free(p);
}

Test(hostile, text_of_10_mb)
{
	char *p = big_file("bigtext.xml", 10u * 1024 * 1024, 0);
	expect_rejected(p, "AM002");
	free(p);
}

/* With the file-size cap lifted through the API, libxml2's own limit and
 * argmap's text limit still hold. */
Test(hostile, text_limits_behind_the_size_cap)
{
	argmap_load_options o = ARGMAP_LOAD_OPTIONS_INIT;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	char *p = big_file("bigtext2.xml", 10u * 1024 * 1024 + 100, 0);
	char *p2 = big_file("midtext.xml", 100000, 0);
	int rc;

	o.max_file_bytes = 64u * 1024 * 1024;
	rc = argmap_map_load(&m, p, &o, d);
	/* libxml2 may refuse it (AM010) or hand it over; argmap's own text
	 * limit (AM502) then refuses it. Either way: an error, no crash. */
	cr_expect(rc == ARGMAP_EINVALID || rc == 0, "rc %d", rc);
	cr_expect_eq(ts_count(d, "AM010") + ts_count(d, "AM502"), 1);
	argmap_map_free(m);
	argmap_diags_free(d);
	d = argmap_diags_new();
	rc = argmap_map_load(&m, p2, &o, d);
	cr_expect_eq(ts_count(d, "AM502"), 1, "100,000 characters is over the text limit");
	argmap_map_free(m);
	argmap_diags_free(d);
	free(p);
	free(p2);
}

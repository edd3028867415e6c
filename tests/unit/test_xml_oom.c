/*
 * Out of memory inside libxml2's parser is ARGMAP_ENOMEM (exit 3, "out of
 * memory"), never a diagnostic that blames the map, and nothing is
 * printed. libxml2's allocator is replaced (xmlMemSetup, in this test
 * process only) by one that fails the k-th allocation and every one
 * after it, for each k among the allocations the parse makes.
 *
 * Only the parse: libxml2 2.9.14's RELAX NG compiler (in xmlRegexpCompile)
 * and validator dereference NULL after some failed allocations, which
 * argmap cannot guard (docs/security.md). The schema is compiled first,
 * without failures, and k stays below the parse's own allocation count,
 * measured by the same parse outside argmap.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/xml.h"
#include "support.h"

static long budget = -1; /* allocations left before they fail; -1: no limit */
static long made;        /* allocations asked for */
static int failed;

static int take(void)
{
	made++;
	if (budget < 0)
		return 1;
	if (budget == 0) {
		failed = 1;
		return 0;
	}
	budget--;
	return 1;
}
static void *t_malloc(size_t n) { return take() ? malloc(n) : NULL; }
static void *t_realloc(void *p, size_t n) { return take() ? realloc(p, n) : NULL; }
static char *t_strdup(const char *s) { return take() ? strdup(s) : NULL; }

static const char map[] =
    TS_HEAD "  <source id=\"s\" kind=\"report\"><title>A report</title></source>\n"
            "  <actor id=\"a\" kind=\"person\" name=\"Ann\"/>\n"
            "  <question id=\"q\"><text>Should the lane be built?</text></question>\n"
            "  <claim id=\"c\" by=\"a\" source=\"s\" tags=\"x y\"><text>Yes, it should.</text></claim>\n"
            "  <evidence id=\"e\" source=\"s\"><quote>It is safe &amp; sound.</quote></evidence>\n"
            "  <support from=\"e\" to=\"c\"/>\n"
            "  <answer from=\"c\" to=\"q\" stance=\"yes\"/>\n" TS_TAIL;

/* The allocations one parse of the map makes, as argmap parses it. */
static long parse_allocations(void)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	long before = made;

	ctxt = xmlNewParserCtxt();
	cr_assert(ctxt);
	doc = xmlCtxtReadMemory(ctxt, map, (int)(sizeof map - 1), "oom.xml", NULL,
	                        am_xml_parse_options());
	cr_assert(doc);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return made - before;
}

Test(xml_oom, a_failed_allocation_in_the_parser_is_out_of_memory_and_prints_nothing)
{
	char errpath[] = "/tmp/argmap-oom-XXXXXX";
	int errfd = mkstemp(errpath), saved_err = dup(2);
	long k, n;
	int saw_oom = 0;
	char printed[256] = "";

	cr_assert(errfd >= 0 && saved_err >= 0);
	{
		argmap_map *m = NULL;
		cr_assert_eq(argmap_map_load_memory(&m, "warm.xml", map, sizeof map - 1, NULL, NULL),
		             0, "%s", argmap_error_last());
		argmap_map_free(m);
	}
	cr_assert_eq(xmlMemSetup(free, t_malloc, t_realloc, t_strdup), 0);
	n = parse_allocations();
	cr_assert_gt(n, 20, "the parse allocates (%ld)", n);
	dup2(errfd, 2);
	for (k = 0; k < n; k++) {
		argmap_map *m = NULL;
		argmap_diags *d = argmap_diags_new();
		int rc;

		cr_assert(d);
		budget = k;
		failed = 0;
		rc = argmap_map_load_memory(&m, "oom.xml", map, sizeof map - 1, NULL, d);
		budget = -1;
		cr_expect(rc == 0 || rc == ARGMAP_ENOMEM,
		          "allocation %ld of %ld failed: rc %d, not ARGMAP_ENOMEM (%s)", k, n, rc,
		          argmap_error_last());
		if (rc == ARGMAP_ENOMEM) {
			saw_oom = 1;
			cr_expect(strstr(argmap_error_last(), "out of memory"), "%s",
			          argmap_error_last());
		}
		if (rc != 0)
			cr_expect_eq(ts_count(d, "AM010"), 0,
			             "allocation %ld failed: reported as not well-formed XML", k);
		argmap_map_free(m);
		argmap_diags_free(d);
	}
	dup2(saved_err, 2);
	cr_expect(saw_oom, "some failed allocation was reported");
	{
		ssize_t got = pread(errfd, printed, sizeof printed - 1, 0);
		cr_expect_eq(got, 0, "libxml2 printed: %s", got > 0 ? printed : "");
	}
	close(errfd);
	close(saved_err);
	unlink(errpath);
}

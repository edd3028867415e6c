/*
 * argmap is a library: a host program that uses libxml2 itself must find
 * libxml2 as it left it after any argmap call. Its structured error
 * handler and external entity loader stay installed, none of argmap's
 * parse or validation errors reach the host's handler, and libxml2 keeps
 * working for the host, after argmap_shutdown too.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "argmap/argmap.h"
#include "support.h"

static int host_errors;
static int host_loads;
static int host_marker;

static void host_serror(void *ud, xmlErrorPtr e)
{
	(void)e;
	cr_expect_eq(ud, &host_marker, "the host's handler got its own context");
	host_errors++;
}

static xmlParserInputPtr host_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	host_loads++;
	return NULL;
}

static void host_setup(void)
{
	xmlInitParser();
	xmlSetStructuredErrorFunc(&host_marker, host_serror);
	xmlSetExternalEntityLoader(host_loader);
	host_errors = host_loads = 0;
}

static void expect_host_state(const char *after)
{
	cr_expect(xmlStructuredError == host_serror,
	          "after %s the host's structured error handler is gone", after);
	cr_expect(xmlStructuredErrorContext == &host_marker,
	          "after %s the host's error context is gone", after);
	cr_expect(xmlGetExternalEntityLoader() == host_loader,
	          "after %s the host's external entity loader is gone", after);
}

/* The host still parses, and libxml2 still reports to the host's
 * handler and asks the host's loader. */
static void expect_host_parses(void)
{
	static const char good[] = "<r><x a=\"1\">t</x></r>";
	static const char bad[] = "<r><x></r>";
	static const char dtd[] = "<!DOCTYPE r SYSTEM \"r.dtd\"><r/>";
	xmlDocPtr doc;

	host_errors = host_loads = 0;
	doc = xmlReadMemory(good, (int)strlen(good), "good.xml", NULL, XML_PARSE_NONET);
	cr_expect(doc, "the host's own parse of a small document fails");
	xmlFreeDoc(doc);
	cr_expect_eq(host_errors, 0);
	doc = xmlReadMemory(bad, (int)strlen(bad), "bad.xml", NULL, XML_PARSE_NONET);
	cr_expect_null(doc);
	xmlFreeDoc(doc);
	cr_expect_gt(host_errors, 0, "libxml2 no longer reports to the host's handler");
	doc = xmlReadMemory(dtd, (int)strlen(dtd), "dtd.xml", NULL, XML_PARSE_DTDLOAD);
	xmlFreeDoc(doc);
	cr_expect_eq(host_loads, 1, "libxml2 no longer asks the host's entity loader");
}

static int load(const char *xml, argmap_diags *d)
{
	argmap_map *m = NULL;
	int rc = argmap_map_load_memory(&m, "mem.xml", xml, strlen(xml), NULL, d);

	argmap_map_free(m);
	return rc;
}

TestSuite(host_libxml2, .init = host_setup);

Test(host_libxml2, handlers_survive_valid_and_invalid_maps)
{
	argmap_diags *d = argmap_diags_new();

	cr_expect_eq(load(TS_HEAD "<claim id=\"c1\"><text>A claim.</text></claim>\n" TS_TAIL, d),
	             0);
	expect_host_state("a valid map");
	cr_expect_eq(argmap_diags_count(d), 0);

	/* not well-formed: a parser error */
	cr_expect_lt(load(TS_HEAD "<claim id=\"c1\"><text>A & B</text></claim>\n" TS_TAIL, d), 0);
	expect_host_state("a malformed map");
	/* well-formed but invalid: structural and RELAX NG errors */
	load(TS_HEAD "<claim id=\"c1\"><text>A</text><text>B</text></claim>\n"
	             "<suport from=\"c1\" to=\"c1\"/>\n<claim id=\"c2\"/>\n" TS_TAIL,
	     d);
	expect_host_state("an invalid map");
	/* a DOCTYPE with an external entity */
	cr_expect_lt(load("<!DOCTYPE argmap [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" TS_HEAD
	                  "<claim id=\"c1\"><text>&x;</text></claim>\n" TS_TAIL,
	                  d),
	             0);
	expect_host_state("a map with a DOCTYPE");
	cr_expect_gt(argmap_diags_count(d), 3, "argmap reported the errors itself");
	cr_expect_eq(host_errors, 0, "%d of argmap's errors reached the host's handler",
	             host_errors);
	cr_expect_eq(host_loads, 0, "argmap's parse asked the host's entity loader");
	expect_host_parses();
	argmap_diags_free(d);
}

Test(host_libxml2, shutdown_leaves_libxml2_to_the_host)
{
	argmap_diags *d = argmap_diags_new();

	cr_expect_eq(load(TS_HEAD "<claim id=\"c1\"><text>A claim.</text></claim>\n" TS_TAIL, d),
	             0);
	argmap_diags_free(d);
	argmap_shutdown();
	expect_host_state("argmap_shutdown");
	expect_host_parses();
}

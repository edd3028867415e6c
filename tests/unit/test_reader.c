/* xml.c: the hardened reader and exact positions. */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "read/xml.h"

Test(reader, parse_options_are_exactly_the_safe_set)
{
	int o = am_xml_parse_options();

	/* COMPACT and NOBLANKS only change how the tree is stored. */
	cr_expect_eq(o, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT |
	                    XML_PARSE_NOBLANKS);
	cr_expect_eq(o & (XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR |
	                  XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE | XML_PARSE_HUGE |
	                  XML_PARSE_RECOVER),
	             0);
}

/* argmap installs no entity loader (libxml2's is process-wide and the
 * host's): a counting one stands in for the host's, to see every load. */
static int loads;

static xmlParserInputPtr counting_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	loads++;
	return NULL;
}

static void quiet(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

/* External DTD, external general entity, external parameter entity, under
 * the most dangerous options there are. */
static xmlDocPtr parse_evil(int deny)
{
	static const char evil[] = "<!DOCTYPE r SYSTEM \"evil.dtd\" [\n"
	                           "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
	                           "<!ENTITY % p SYSTEM \"p.dtd\">\n"
	                           "%p;\n"
	                           "]>\n"
	                           "<r>&x;</r>\n";
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;

	cr_assert(ctxt);
	if (deny)
		am_xml_deny_entities(ctxt);
	ctxt->sax->serror = quiet;
	doc = xmlCtxtReadMemory(ctxt, evil, (int)strlen(evil), "evil.xml", NULL,
	                        XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

Test(reader, entity_hooks_deny_every_load_even_past_a_doctype)
{
	xmlExternalEntityLoader old;
	xmlDocPtr doc;
	xmlChar *text;

	xmlInitParser();
	old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(counting_loader);
	loads = 0;
	xmlFreeDoc(parse_evil(0));
	cr_assert_gt(loads, 0, "control: a plain context asks the loader");
	loads = 0;
	xmlFreeDoc(parse_evil(1));
	cr_expect_eq(loads, 0, "with argmap's SAX hooks the loader was asked %d times", loads);

	/* with libxml2's own loader, nothing of the file arrives */
	xmlSetExternalEntityLoader(old);
	doc = parse_evil(1);
	text = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
	cr_expect(!text || !strstr((const char *)text, "root:"), "/etc/passwd leaked: %s",
	          (const char *)text);
	xmlFree(text);
	xmlFreeDoc(doc);
}

Test(reader, a_doctype_never_reaches_the_entity_loader)
{
	static const char xml[] = "<!DOCTYPE argmap SYSTEM \"x.dtd\" [\n"
	                          "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	                          "<argmap xmlns=\"urn:argmap:1\" version=\"1\">&x;</argmap>\n";
	argmap_diags *d = argmap_diags_new();
	am_xml_doc x;

	xmlInitParser();
	xmlSetExternalEntityLoader(counting_loader);
	loads = 0;
	cr_expect_eq(am_xml_read(&x, "mem.xml", xml, strlen(xml), 1 << 20, d), ARGMAP_EINVALID);
	cr_expect_eq(loads, 0);
	cr_expect_null(x.doc);
	cr_expect_str_eq(argmap_diags_get(d, 0)->code, "AM011");
	am_xml_free(&x);
	argmap_diags_free(d);
}

static void read_mem(am_xml_doc *x, const char *xml)
{
	argmap_diags *d = argmap_diags_new();
	int rc = am_xml_read(x, "mem.xml", xml, strlen(xml), 1 << 20, d);
	cr_assert_eq(rc, 0, "read failed");
	argmap_diags_free(d);
}

Test(reader, element_positions_are_exact)
{
	am_xml_doc x;
	xmlNodePtr root, a, b;
	unsigned line, col;

	read_mem(&x, "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:argmap:1\">\n"
	             "  <a k=\"v\"\n     j=\"w\"/>  <b/>\n"
	             "  <c>Київ</c><d/>\n</r>\n");
	root = xmlDocGetRootElement(x.doc);
	am_xml_node_pos(&x, root, &line, &col);
	cr_expect(line == 2 && col == 1, "root at %u:%u", line, col);
	a = xmlFirstElementChild(root);
	am_xml_node_pos(&x, a, &line, &col);
	cr_expect(line == 3 && col == 3, "a multi-line start tag is located at its '<' (%u:%u)",
	          line, col);
	b = xmlNextElementSibling(a);
	am_xml_node_pos(&x, b, &line, &col);
	cr_expect(line == 4 && col == 15, "b at %u:%u", line, col);
	/* columns count characters, not bytes */
	am_xml_node_pos(&x, xmlNextElementSibling(xmlNextElementSibling(b)), &line, &col);
	cr_expect(line == 5 && col == 14, "d after Cyrillic text at %u:%u", line, col);
	am_xml_offset_pos(&x, am_xml_attr_offset(&x, a, "j"), &line, &col);
	cr_expect(line == 4 && col == 9, "attribute value j at %u:%u", line, col);
	am_xml_free(&x);
}

Test(reader, lines_beyond_65535_are_exact)
{
	size_t lines = 70002, i, k = 0;
	char *xml = malloc(lines + 200);
	am_xml_doc x;
	unsigned line, col;

	cr_assert(xml);
	k += (size_t)sprintf(xml, "<r xmlns=\"urn:argmap:1\">");
	for (i = 0; i < lines; i++)
		xml[k++] = '\n';
	k += (size_t)sprintf(xml + k, "<late/>\n</r>\n");
	read_mem(&x, xml);
	am_xml_node_pos(&x, xmlFirstElementChild(xmlDocGetRootElement(x.doc)), &line, &col);
	cr_expect_eq(line, 70003);
	cr_expect_eq(col, 1);
	am_xml_free(&x);
	free(xml);
}

Test(reader, schema_errors_past_65535_lines_report_the_right_line)
{
	size_t lines = 70000, i, k = 0;
	char *xml = malloc(lines + 400);
	argmap_diags *d;
	const argmap_diag *x;

	cr_assert(xml);
	k += (size_t)sprintf(xml, TS_HEAD);
	for (i = 0; i < lines; i++)
		xml[k++] = '\n';
	k += (size_t)sprintf(xml + k, "<claim id=\"c\" bogus=\"1\"><text>x</text></claim>\n" TS_TAIL);
	xml[k] = '\0';
	d = ts_check_text(xml);
	x = ts_find(d, "AM102");
	cr_assert(x);
	cr_expect_eq(x->line, 70003);
	argmap_diags_free(d);
	free(xml);
}

Test(reader, well_formedness_errors_carry_line_and_column)
{
	argmap_diags *d = ts_check_text(TS_HEAD "  <claim id=\"c\"><text>a & b</text></claim>\n" TS_TAIL);
	const argmap_diag *x = ts_find(d, "AM010");

	cr_assert(x);
	cr_expect_eq(x->line, 3);
	cr_expect_gt(x->col, 0);
	cr_expect(x->hint && strstr(x->hint, "&amp;"), "hint: %s", x->hint);
	argmap_diags_free(d);
}

Test(reader, accepted_tree_has_no_entity_references)
{
	am_xml_doc x;
	argmap_diags *d = argmap_diags_new();
	/* Predefined and character references are fine and are expanded. */
	const char *xml = "<r xmlns=\"urn:argmap:1\">a &amp; b &#x41;</r>";

	cr_assert_eq(am_xml_read(&x, "m.xml", xml, strlen(xml), 1024, d), 0);
	for (xmlNodePtr n = xmlDocGetRootElement(x.doc)->children; n; n = n->next)
		cr_expect_neq(n->type, XML_ENTITY_REF_NODE);
	am_xml_free(&x);
	argmap_diags_free(d);
}

Test(reader, memory_input_over_the_cap_is_refused)
{
	am_xml_doc x;
	argmap_diags *d = argmap_diags_new();

	cr_expect_eq(am_xml_read(&x, "m.xml", "<r/>", 4, 3, d), ARGMAP_ELIMIT);
	cr_expect_eq(argmap_diags_count(d), 1);
	am_xml_free(&x);
	argmap_diags_free(d);
}

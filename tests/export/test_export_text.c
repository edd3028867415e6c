/*
 * The text exports: Argdown (and GraphML) bytes for the exporters' small
 * map (tests/export/data/small.xml) and for maps written here.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define SMALL ARGMAP_SOURCE_DIR "/tests/export/data/small.xml"

static char *export_file(const char *path, argmap_export_format f, const char *focus)
{
	argmap_map *m = NULL;
	argmap_diags *d = argmap_diags_new();
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	size_t len = 0;

	cr_assert_eq(argmap_map_load(&m, path, NULL, d), 0);
	cr_assert_eq(argmap_check(m, NULL, d), 0);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s", ts_dump(d));
	o.format = f;
	o.focus = focus;
	cr_assert_eq(argmap_export(m, &o, NULL, &out, &len), 0, "%s", argmap_error_last());
	cr_assert_eq(strlen(out), len);
	argmap_map_free(m);
	argmap_diags_free(d);
	return out;
}

static char *export_body(const char *body, argmap_export_format f)
{
	char *dir = ts_tmpdir(), *path, *xml, *out;
	size_t n = strlen(TS_HEAD) + strlen(body) + strlen(TS_TAIL) + 1;

	xml = malloc(n);
	cr_assert(xml);
	snprintf(xml, n, "%s%s%s", TS_HEAD, body, TS_TAIL);
	path = ts_write(dir, "m.xml", xml, (size_t)-1);
	out = export_file(path, f, NULL);
	free(xml);
	free(path);
	ts_rmtree(dir);
	free(dir);
	return out;
}

#define HAS(s, needle) cr_expect(strstr((s), (needle)), "no %s in:\n%s", (needle), (s))

Test(export_argdown, bytes)
{
	char *s = export_file(SMALL, ARGMAP_EXPORT_ARGDOWN, NULL);

	cr_expect(!strncmp(s, "===\ntitle: \"Should the park get a pond?\"\n", 41), "%.80s", s);
	HAS(s, "\nargmap: {\"format\":\"argmap-argdown\",\"version\":1,\"sources\":{\"s-plan\":"
	       "{\"kind\":\"report\",\"title\":\"Park plan\",\"authors\":[\"a-council\"],"
	       "\"date\":\"2026-01-05\",\"url\":\"https:\\/\\/example.org\\/pond\"}");
	HAS(s, "\n===\n\n// Exported by argmap");
	/* a statement: title from holder and first words, text escaped,
	 * tags, data */
	HAS(s, "\n[Lee: A pond costs too much 5%]: A pond costs too much: \\<5% of the budget\\> "
	       "is left & \\#reserve \\*now\\*. #money #(budget_2027.v1) {\"id\":\"c-cost\","
	       "\"kind\":\"claim\",\"by\":[\"a-kim\"],\"sources\":[\"s-letter\"]}\n");
	/* a rebut under its target, with its attribution in the target's data */
	HAS(s, "\"relations\":[{\"kind\":\"rebut\",\"from\":[\"c-cost\"],\"to\":\"c-yes\","
	       "\"by\":[\"a-kim\"],\"sources\":[\"s-letter\"]}]}\n  - [Lee: A pond costs too much "
	       "5%]\n");
	/* a support with one premise */
	HAS(s, "  + [Park Council: Ponds in nearby parks drew twelve]\n");
	/* the undercut under its premise, to the argument */
	HAS(s, "\n  _> <Park Council: for The park should get a pond>\n");
	/* the linked support: an argument with premises and conclusion */
	HAS(s, "\n# Arguments\n\n<Park Council: for The park should get a pond> "
	       "{\"id\":\"r-nature\",\"kind\":\"support\",\"by\":[\"a-council\"],"
	       "\"sources\":[\"s-plan\"]}\n\n(1) [Park Council: A pond brings birds and frogs]\n"
	       "(2) [Park Council: Rain fills a pond for free]\n----\n(3) [Park Council: The park "
	       "should get a pond]\n");
	/* answers with their stance in the question's data */
	HAS(s, "{\"kind\":\"answer\",\"from\":[\"c-cost\"],\"to\":\"q\",\"stance\":\"no\","
	       "\"basis\":\"editor\",\"note\":\"Kim does not say it in these words.\"}");
	/* evidence: speaker and locator */
	HAS(s, "\"speaker\":\"a-council\",\"locator\":\"p. 2\"}");
	cr_expect_null(strstr(s, "\n\n\n"), "no double blank lines");
	cr_expect(s[strlen(s) - 1] == '\n');
	free(s);
}

/* Same holder and words: titles stay unique; braces in data cannot end it. */
Test(export_argdown, unique_titles_and_safe_data)
{
	char *s = export_body("<actor id=\"a\" kind=\"person\" name=\"Ann Smith\"/>"
	                      "<claim id=\"c1\" by=\"a\"><text>Taxes should rise.</text></claim>"
	                      "<claim id=\"c2\" by=\"a\"><text>Taxes should rise!</text>"
	                      "<note>A {brace} and a } here</note></claim>"
	                      "<claim id=\"c3\" by=\"a\"><text>Taxes should rise?</text></claim>"
	                      "<claim id=\"c4\"><text>[[]] //</text></claim>",
	                      ARGMAP_EXPORT_ARGDOWN);

	HAS(s, "\n[Smith: Taxes should rise]: Taxes should rise.");
	HAS(s, "\n[Smith: Taxes should rise!]: Taxes should rise!");
	HAS(s, "\n[Smith: Taxes should rise?]: Taxes should rise?");
	HAS(s, "\"note\":\"A \\u007bbrace\\u007d and a \\u007d here\"");
	HAS(s, "\n[c4]: \\[\\[\\]\\] \\/\\/ {\"id\":\"c4\"");
	free(s);
	s = export_body("<claim id=\"c1\"><text>Same words here.</text></claim>"
	                "<claim id=\"c2\"><text>Same words here.</text></claim>"
	                "<claim id=\"c3\"><text>Same words here (2)</text></claim>",
	                ARGMAP_EXPORT_ARGDOWN);
	HAS(s, "\n[Same words here]: ");
	HAS(s, "\n[Same words here (2)]: ");
	HAS(s, "\n[Same words here 2]: ");
	free(s);
}

/* A linked rebut: an argument whose conclusion attacks the target. */
Test(export_argdown, linked_rebut)
{
	char *s = export_body("<claim id=\"t\"><text>The bridge is safe.</text></claim>"
	                      "<claim id=\"p1\"><text>The cables are rusted.</text></claim>"
	                      "<claim id=\"p2\"><text>Rust weakens cables.</text></claim>"
	                      "<rebut from=\"p1 p2\" to=\"t\" basis=\"editor\"/>",
	                      ARGMAP_EXPORT_ARGDOWN);

	HAS(s, "<Editors: against The bridge is safe> {\"kind\":\"rebut\",\"basis\":\"editor\"}\n\n"
	       "(1) [The cables are rusted]\n(2) [Rust weakens cables]\n----\n"
	       "(3) [Editors: Not The bridge is safe]: It is not so that: The bridge is safe.\n"
	       "  -> [The bridge is safe]\n");
	free(s);
}

Test(export_graphml, bytes)
{
	char *s = export_file(SMALL, ARGMAP_EXPORT_GRAPHML, NULL);

	cr_expect(!strncmp(s,
	                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
	                   "xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
	                   87),
	          "%.120s", s);
	HAS(s, "\n  <key id=\"n_line\" for=\"node\" attr.name=\"line\" attr.type=\"int\"/>\n");
	HAS(s,
	    "\n  <key id=\"e_linked\" for=\"edge\" attr.name=\"linked\" attr.type=\"boolean\"/>\n");
	HAS(s, "\n  <graph id=\"argmap\" edgedefault=\"directed\">\n"
	       "    <data key=\"g_title\">Should the park get a pond?</data>\n");
	/* text escaped by libxml2's writer; evidence: speaker, locator */
	HAS(s, "<data key=\"n_text\">A pond costs too much: &lt;5% of the budget&gt; is left "
	       "&amp; #reserve *now*.</data>");
	HAS(s, "    <node id=\"e-birds\">\n      <data key=\"n_kind\">evidence</data>\n"
	       "      <data key=\"n_text\">Ponds in nearby parks drew &quot;twelve new "
	       "species&quot; in a "
	       "year.</data>\n      <data key=\"n_actor\">a-council</data>\n"
	       "      <data key=\"n_actor_name\">Park Council</data>\n");
	HAS(s, "<data key=\"n_locator\">p. 2</data>");
	/* the linked support is a node; its premises lead into it */
	HAS(s, "    <node id=\"r-nature\">\n      <data key=\"n_kind\">relation</data>\n"
	       "      <data key=\"n_relation\">support</data>\n    </node>\n");
	HAS(s, "source=\"c-birds\" target=\"r-nature\">\n      <data "
	       "key=\"e_relation\">support</data>\n"
	       "      <data key=\"e_role\">premise</data>\n");
	HAS(s,
	    "source=\"r-nature\" target=\"c-yes\">\n      <data key=\"e_relation\">support</data>\n"
	    "      <data key=\"e_role\">target</data>\n      <data key=\"e_relation_id\">r-nature"
	    "</data>\n      <data key=\"e_actor\">a-council</data>\n"
	    "      <data key=\"e_source\">s-plan</data>\n"
	    "      <data key=\"e_basis\">source</data>\n"
	    "      <data key=\"e_linked\">true</data>\n");
	/* the undercut is an edge to that node; an answer carries its stance */
	HAS(s, "source=\"c-dry\" target=\"r-nature\">\n      <data "
	       "key=\"e_relation\">undercut</data>");
	HAS(s, "source=\"c-cost\" target=\"q\">\n      <data key=\"e_relation\">answer</data>\n"
	       "      <data key=\"e_role\">whole</data>\n      <data key=\"e_stance\">no</data>\n");
	cr_expect(!strcmp(s + strlen(s) - 22, "  </graph>\n</graphml>\n"), "%s",
	          s + strlen(s) - 22);
	free(s);
}

/* A linked relation without an id gets a node id no argmap id can be. */
Test(export_graphml, junction_ids)
{
	char *s = export_body("<claim id=\"t\"><text>T.</text></claim>"
	                      "<claim id=\"p1\"><text>P1.</text></claim>"
	                      "<claim id=\"p2\"><text>P2.</text></claim>"
	                      "<support from=\"p1 p2\" to=\"t\"/>",
	                      ARGMAP_EXPORT_GRAPHML);

	HAS(s, "<node id=\"rel:0\">");
	HAS(s, "source=\"p2\" target=\"rel:0\"");
	HAS(s, "source=\"rel:0\" target=\"t\"");
	free(s);
}

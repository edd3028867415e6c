/*
 * SVG for the web: well-formed XML, user text that round-trips exactly
 * (tooltips) or up to line breaks (visible text), hostile strings that
 * stay text, safe ids, classes and links, and byte-identical output.
 */
#include <criterion/criterion.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/buf.h"
#include "render_support.h"

static const char *const hostile[] = {
	"<b>bold</b> and <script>alert(1)</script>",
	"a & b &amp; c &#x202E; &bogus;",
	"say \"hi\" 'x' `y`",
	"\\N and \\G \\L \\n \\E \\T \\H",
	"{a|b}<p>c</p> | <unbalanced",
	"]]> <!-- --> <?pi?> <![CDATA[x]]>",
	"bidi \xE2\x80\xAE reversed \xE2\x80\xAC and \xE2\x81\xA6 isolate \xE2\x81\xA9 end",
	"\xC3\xA9t\xC3\xA9 \xE2\x86\x92 \xE4\xB8\xAD \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x94 dash",
	"http://x/\" onmouseover=\"alert(1)",
	"%s %n %x",
};
#define N_HOSTILE (sizeof hostile / sizeof hostile[0])

static void xml_escape(am_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			am_buf_puts(b, "&amp;");
		else if (*s == '<')
			am_buf_puts(b, "&lt;");
		else if (*s == '>')
			am_buf_puts(b, "&gt;");
		else if (*s == '"')
			am_buf_puts(b, "&quot;");
		else
			am_buf_putc(b, *s);
	}
}

/* A map whose claims h0..hN carry the hostile texts (and one 10,000-char
 * word), evidence e0 quotes hostile[0], and a source with a URL that
 * needs encoding. */
static argmap_map *hostile_map(char **dir)
{
	am_buf b = {0};
	size_t i;
	char *body;
	argmap_map *map;

	am_buf_puts(&b, "<source id=\"s\" kind=\"web\" url=\"https://example.org/a?x=1&amp;y='2'\"><title>");
	xml_escape(&b, hostile[1]);
	am_buf_puts(&b, "</title></source>\n<actor id=\"p\" kind=\"person\" name=\"");
	xml_escape(&b, hostile[0]);
	am_buf_puts(&b, "\"/>\n<question id=\"q\"><text>");
	xml_escape(&b, hostile[5]);
	am_buf_puts(&b, "</text></question>\n");
	for (i = 0; i <= N_HOSTILE; i++) {
		am_buf_printf(&b, "<claim id=\"h%zu\" by=\"p\" source=\"s\"><text>", i);
		if (i < N_HOSTILE) {
			xml_escape(&b, hostile[i]);
		} else {
			size_t k;
			for (k = 0; k < 10000; k++)
				am_buf_putc(&b, "WxY"[k % 3]);
		}
		am_buf_printf(&b, "</text></claim>\n<answer from=\"h%zu\" to=\"q\" stance=\"yes\"/>\n", i);
	}
	am_buf_puts(&b, "<evidence id=\"e0\" source=\"s\" speaker=\"p\" locator=\"&lt;p&gt; 1\"><quote>");
	xml_escape(&b, hostile[3]);
	am_buf_puts(&b, "</quote></evidence>\n<support from=\"e0\" to=\"h0\"/>\n"
	                "<claim id=\"odd.id\" by=\"p\" source=\"s\"><text>An id with a dot.</text></claim>\n"
	                "<rebut from=\"odd.id\" to=\"h1\"/>\n");
	body = am_buf_detach(&b);
	*dir = ts_tmpdir();
	map = rs_load_body(*dir, "hostile.xml", body, NULL);
	free(body);
	return map;
}

static int xml_errors;

static void count_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
	xml_errors++;
}

static xmlDocPtr parse_svg(const char *svg, size_t len)
{
	xmlDocPtr doc;

	xml_errors = 0;
	xmlSetStructuredErrorFunc(NULL, count_error);
	doc = xmlReadMemory(svg, (int)len, "map.svg", NULL, XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	cr_assert(doc, "the SVG is not well-formed XML");
	cr_expect_eq(xml_errors, 0, "libxml2 reported %d problems in the SVG", xml_errors);
	return doc;
}

/* The element with this id attribute. */
static xmlNodePtr by_id(xmlNodePtr n, const char *id)
{
	for (; n; n = n->next) {
		xmlNodePtr r;
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *v = xmlGetProp(n, BAD_CAST "id");
			int hit = v && strcmp((const char *)v, id) == 0;
			xmlFree(v);
			if (hit)
				return n;
		}
		if ((r = by_id(n->children, id)) != NULL)
			return r;
	}
	return NULL;
}

/* All <text> contents under n, each followed by sep. */
static void texts(xmlNodePtr n, am_buf *out, const char *sep)
{
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "text")) {
			xmlChar *c = xmlNodeGetContent(n);
			am_buf_puts(out, (const char *)c);
			am_buf_puts(out, sep);
			xmlFree(c);
		}
		texts(n->children, out, sep);
	}
}

/* The xlink:title of the first <a> under n. */
static char *tooltip_of(xmlNodePtr n)
{
	for (; n; n = n->next) {
		char *r;
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "a")) {
			xmlChar *t = xmlGetNsProp(n, BAD_CAST "title", BAD_CAST "http://www.w3.org/1999/xlink");
			if (t) {
				r = strdup((const char *)t);
				xmlFree(t);
				return r;
			}
		}
		if ((r = tooltip_of(n->children)) != NULL)
			return r;
	}
	return NULL;
}

/* s without any whitespace (space, tab, newline, U+00A0). */
static char *squeeze(const char *s)
{
	char *o = malloc(strlen(s) + 1), *p = o;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		*p++ = *s;
	}
	*p = '\0';
	return o;
}

Test(svg, hostile_text_round_trips)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *svg;
	size_t len, i;
	argmap_map *map = hostile_map(&dir);
	xmlDocPtr doc;

	svg = rs_render_ok(map, &o, &len);
	doc = parse_svg(svg, len);
	for (i = 0; i <= N_HOSTILE; i++) {
		char id[32], *tip, *want_tip, *seen, *want;
		am_buf t = {0}, w = {0};
		xmlNodePtr g;
		snprintf(id, sizeof id, "am-n-h%zu", i);
		g = by_id(xmlDocGetRootElement(doc), id);
		cr_assert(g, "no node %s in the SVG", id);
		if (i < N_HOSTILE)
			am_buf_puts(&w, hostile[i]);
		else {
			size_t k;
			for (k = 0; k < 10000; k++)
				am_buf_putc(&w, "WxY"[k % 3]);
		}
		/* the tooltip carries the text exactly */
		tip = tooltip_of(g->children);
		cr_assert(tip, "%s has no tooltip", id);
		am_buf_printf(&t, "claim h%zu: %s\n", i, w.data);
		want_tip = am_buf_detach(&t);
		cr_expect(strncmp(tip, want_tip, strlen(want_tip)) == 0,
		          "tooltip of %s:\n got: %.200s\nwant: %.200s", id, tip, want_tip);
		/* the visible lines carry it up to where lines break */
		texts(g->children, &t, " ");
		seen = squeeze(t.data);
		want = squeeze(w.data);
		cr_expect(strstr(seen, want) != NULL, "visible text of %s:\n%.300s\nwant %.300s", id,
		          seen, want);
		free(tip);
		free(want_tip);
		free(seen);
		free(want);
		am_buf_free(&t);
		am_buf_free(&w);
	}
	xmlFreeDoc(doc);
	free(svg);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

/* Elements other than Graphviz's, or event-handler attributes. */
static int injected(xmlNodePtr n)
{
	static const char *const ok[] = {"svg", "g", "title", "text", "path", "polygon", "ellipse",
	                                 "polyline", "a", "style", NULL};
	int bad = 0;

	for (; n; n = n->next) {
		xmlAttrPtr a;
		int k, known = 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; ok[k]; k++)
			known |= !strcmp((const char *)n->name, ok[k]);
		cr_expect(known, "unexpected element <%s>", n->name);
		bad += !known;
		for (a = n->properties; a; a = a->next) {
			int handler = !strncmp((const char *)a->name, "on", 2);
			cr_expect(!handler, "event attribute %s", a->name);
			bad += handler;
		}
		bad += injected(n->children);
	}
	return bad;
}

Test(svg, nothing_but_text_and_safe_attributes)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *svg, *p;
	size_t len;
	argmap_map *map = hostile_map(&dir);
	regex_t id_re, class_re, internal;
	xmlDocPtr doc;
	regmatch_t m[2];

	svg = rs_render_ok(map, &o, &len);
	doc = parse_svg(svg, len);
	/* no attribute or element was injected: user text is only text */
	cr_expect_eq(injected(xmlDocGetRootElement(doc)), 0);
	cr_expect(!strstr(svg, "<script"));
	cr_expect(!strstr(svg, "<b>"));
	cr_expect(!strstr(svg, "<![CDATA["));
	/* the link is http(s) only and encoded: & as &amp;, ' as %27; the quote's
	 * words follow as a text fragment, percent-encoded (\\ as %5C) */
	cr_expect(strstr(svg, "xlink:href=\"https://example.org/a?x=1&amp;y=%272%27#:~:text=%5CN%20and%20%5CG"),
	          "link not found or not encoded");
	cr_expect_eq(rs_count(svg, len, "xlink:href="), 1, "only evidence links to its source");
	/* ids and classes come from safe map ids and fixed words */
	cr_assert_eq(regcomp(&id_re, " id=\"([^\"]*)\"", REG_EXTENDED), 0);
	cr_assert_eq(regcomp(&class_re, " class=\"([^\"]*)\"", REG_EXTENDED), 0);
	cr_assert_eq(regcomp(&internal, ">[nj][0-9]+</text>", REG_EXTENDED | REG_NOSUB), 0);
	for (p = svg; regexec(&id_re, p, 2, m, 0) == 0; p += m[0].rm_eo) {
		char v[256];
		int n = (int)(m[1].rm_eo - m[1].rm_so);
		snprintf(v, sizeof v, "%.*s", n, p + m[1].rm_so);
		cr_expect(!strncmp(v, "am&#45;", 7) || !strncmp(v, "a_am&#45;", 9) ||
		          !strcmp(v, "graph0") || !strncmp(v, "node", 4) || !strncmp(v, "edge", 4) ||
		          !strncmp(v, "clust", 5) || !strncmp(v, "a_", 2),
		          "unexpected id %s", v);
		cr_expect(!strchr(v, '.') && !strchr(v, ' '), "unsafe id %s", v);
	}
	for (p = svg; regexec(&class_re, p, 2, m, 0) == 0; p += m[0].rm_eo) {
		int n = (int)(m[1].rm_eo - m[1].rm_so), k;
		for (k = 0; k < n; k++) {
			char c = p[m[1].rm_so + k];
			cr_expect((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			          c == '-' || c == '_' || c == ' ' || c == '&' || c == '#' || c == ';',
			          "unsafe class character '%c'", c);
		}
	}
	/* the node with an unsafe id got a numbered one */
	cr_expect(strstr(svg, "id=\"am&#45;n"));
	cr_expect(!strstr(svg, "odd.id\"") && !strstr(svg, "odd&#46;id\""));
	/* no label fell back to Graphviz's internal node name */
	cr_expect_neq(regexec(&internal, svg, 0, NULL, 0), 0, "a node shows its internal name");
	regfree(&id_re);
	regfree(&class_re);
	regfree(&internal);
	xmlFreeDoc(doc);
	free(svg);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(svg, font_named_with_fallbacks)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	size_t len;
	char *svg = rs_render_ok(map, &o, &len);

	cr_expect(strstr(svg, "font-family=\"DejaVu Sans\""));
	cr_expect(strstr(svg, "<style type=\"text/css\">\ntext { font-family: \"DejaVu Sans\""));
	cr_expect(strstr(svg, "sans-serif; }\n"));
	xmlFreeDoc(parse_svg(svg, len));
	free(svg);
	argmap_map_free(map);
}

Test(svg, classes_for_css_restyling)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	size_t len;
	char *svg = rs_render_ok(map, &o, &len);

	cr_expect(strstr(svg, "class=\"node am&#45;node am&#45;question am&#45;tag&#45;traffic\""));
	cr_expect(strstr(svg, "class=\"node am&#45;node am&#45;evidence\""));
	cr_expect(strstr(svg, "class=\"edge am&#45;rel am&#45;rebut\""));
	cr_expect(strstr(svg, "class=\"edge am&#45;rel am&#45;answer am&#45;stance&#45;qualified\""));
	cr_expect(strstr(svg, "class=\"node am&#45;junction am&#45;support\""));
	cr_expect(strstr(svg, "class=\"cluster am&#45;linked\""));
	cr_expect(strstr(svg, "id=\"am&#45;n&#45;c&#45;yes\""));
	cr_expect(!strstr(svg, "<title>n0</title>"), "node titles are their text (test_embed.c)");
	free(svg);
	argmap_map_free(map);
}

Test(svg, byte_identical)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	size_t l1, l2;
	char *a = rs_render_ok(map, &o, &l1), *b;

	b = rs_render_ok(map, &o, &l2);
	cr_expect(l1 == l2 && memcmp(a, b, l1) == 0, "two renders differ");
	free(a);
	free(b);
	o.in_process = 1;
	a = rs_render_ok(map, &o, &l1);
	b = rs_render_ok(map, &o, &l2);
	cr_expect(l1 == l2 && memcmp(a, b, l1) == 0, "two in-process renders differ");
	free(a);
	free(b);
	argmap_map_free(map);
}

/* An editor's link (basis="editor") carries am-editor, its own look (the
 * open circle behind the arrowhead) and says so in its tooltip and in the
 * legend, in both themes; a stated relation has none of this, and without
 * an editor's link the legend has no such item. */
Test(svg, editor_links_are_marked)
{
	static const char body[] =
	    "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
	    "  <claim id=\"c-a\" by=\"ann\"><text>A.</text></claim>\n"
	    "  <claim id=\"c-b\" by=\"ann\"><text>B.</text></claim>\n"
	    "  <claim id=\"c-c\" by=\"ann\"><text>C.</text></claim>\n"
	    "  <support id=\"stated\" from=\"c-b\" to=\"c-a\"/>\n"
	    "  <rebut id=\"drawn\" from=\"c-c\" to=\"c-a\" basis=\"editor\"/>\n";
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir = ts_tmpdir(), *svg, *p, *q;
	argmap_map *map = rs_load_body(dir, "ed.xml", body, NULL);
	size_t len;
	int theme;

	for (theme = 0; theme < 2; theme++) {
		o.theme = theme ? ARGMAP_THEME_PRINT : ARGMAP_THEME_COLOR;
		svg = rs_render_ok(map, &o, &len);
		xmlFreeDoc(parse_svg(svg, len));
		/* the editor's rebuttal */
		p = strstr(svg, "id=\"am&#45;r&#45;drawn\"");
		cr_assert(p, "no edge am-r-drawn");
		q = strstr(p, "class=\"");
		cr_assert(q);
		cr_expect_eq(strncmp(q, "class=\"edge am&#45;rel am&#45;rebut am&#45;editor\"", 50),
		             0, "%.80s", q);
		cr_expect(strstr(p, "editor's link") || strstr(p, "editor&#39;s link"),
		          "tooltip says editor's link");
		/* the stated support */
		p = strstr(svg, "id=\"am&#45;r&#45;stated\"");
		cr_assert(p, "no edge am-r-stated");
		q = strstr(p, "class=\"");
		cr_assert(q);
		cr_expect_eq(strncmp(q, "class=\"edge am&#45;rel am&#45;support\"", 38), 0, "%.80s",
		             q);
		cr_expect_eq(rs_count(svg, len, "am&#45;editor"), 1, "only the editor's link");
		cr_expect_eq(rs_count(svg, len, "editor\xE2\x80\x99s link"), 1, "the legend item");
		free(svg);
	}
	argmap_map_free(map);

	/* The same map with the rebuttal stated: no trace of editors. */
	o.theme = ARGMAP_THEME_COLOR;
	map = rs_load_body(dir, "st.xml",
	                   "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"
	                   "  <claim id=\"c-a\" by=\"ann\"><text>A.</text></claim>\n"
	                   "  <claim id=\"c-c\" by=\"ann\"><text>C.</text></claim>\n"
	                   "  <rebut id=\"drawn\" from=\"c-c\" to=\"c-a\"/>\n",
	                   NULL);
	svg = rs_render_ok(map, &o, &len);
	cr_expect_eq(rs_count(svg, len, "am&#45;editor"), 0);
	cr_expect_eq(rs_count(svg, len, "editor\xE2\x80\x99s link"), 0, "no legend item");
	cr_expect_eq(rs_count(svg, len, "editor's link"), 0);
	free(svg);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

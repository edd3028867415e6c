/*
 * SVG that embeds cleanly and the HTML page (issue 13): the document's
 * title and description, accessible names, --id-prefix on every id, the
 * theme as CSS custom properties, legend classes; the page's parts, its
 * Content-Security-Policy hashes, JSON that cannot end its <script>, and
 * hostile text. The browser tests (tests/browser) check what a reader sees.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "argmap/html.h"
#include "export/html_pack.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "render_support.h"

#define HOSTILE_TITLE "</script><script>alert(1)</script> & <!--<script>"

static const char body[] =
    "<meta><title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
    "&lt;!--&lt;script&gt;</title>\n"
    "<description>A &lt;b&gt;small&lt;/b&gt; map</description><date>2026-11-30</date></meta>\n"
    "<source id=\"s\" kind=\"web\" url=\"https://example.org/a\"><title>T "
    "&lt;i&gt;</title></source>\n"
    "<actor id=\"p\" kind=\"person\" name=\"P &lt;img src=x&gt;\"/>\n"
    "<question id=\"q\" source=\"s\"><text>Is it &lt;safe&gt;?</text></question>\n"
    "<claim id=\"c\" by=\"p\" source=\"s\"><text>It is &lt;/script&gt; safe</text></claim>\n"
    "<claim id=\"odd.id\" by=\"p\" source=\"s\"><text>An id with a dot.</text></claim>\n"
    "<evidence id=\"e\" source=\"s\" speaker=\"p\"><quote>Quoted words that are long enough "
    "to be cut into a start and an end</quote></evidence>\n"
    "<answer from=\"c\" to=\"q\" stance=\"yes\"/>\n"
    "<support from=\"e\" to=\"c\"/>\n"
    "<rebut from=\"odd.id\" to=\"c\"/>\n";

static argmap_map *small_map(char **dir)
{
	*dir = ts_tmpdir();
	return rs_load_body(*dir, "small.xml", body, NULL);
}

static xmlDocPtr parse(const char *svg, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(svg, (int)len, "map.svg", NULL, XML_PARSE_NONET);

	cr_assert(doc, "the SVG is not well-formed XML");
	return doc;
}

/* The text of the first child element of `e` named `name`, or NULL. */
static xmlNodePtr child(xmlNodePtr e, const char *name)
{
	for (e = e->children; e; e = e->next)
		if (e->type == XML_ELEMENT_NODE && !strcmp((const char *)e->name, name))
			return e;
	return NULL;
}

static int ids_without(xmlNodePtr e, const char *prefix)
{
	int bad = 0;

	for (; e; e = e->next) {
		xmlChar *id;
		if (e->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(e, (const xmlChar *)"id");
		if (id && strncmp((const char *)id, prefix, strlen(prefix)) != 0 &&
		    strncmp((const char *)id, "a_", 2) != 0) {
			fprintf(stderr, "id without the prefix: %s\n", id);
			bad++;
		}
		if (id && !strncmp((const char *)id, "a_", 2) &&
		    strncmp((const char *)id + 2, prefix, strlen(prefix)) != 0)
			bad++;
		xmlFree(id);
		bad += ids_without(e->children, prefix);
	}
	return bad;
}

static xmlNodePtr by_id(xmlNodePtr e, const char *id)
{
	for (; e; e = e->next) {
		xmlNodePtr f;
		xmlChar *v;
		if (e->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(e, (const xmlChar *)"id");
		if (v && !strcmp((const char *)v, id)) {
			xmlFree(v);
			return e;
		}
		xmlFree(v);
		if ((f = by_id(e->children, id)) != NULL)
			return f;
	}
	return NULL;
}

static char *text_of(xmlNodePtr e)
{
	xmlChar *c = xmlNodeGetContent(e);
	char *s = strdup((const char *)c);

	xmlFree(c);
	return s;
}

Test(embed, title_desc_and_accessible_names)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *svg, *s;
	argmap_map *map = small_map(&dir);
	size_t len;
	xmlDocPtr doc;
	xmlNodePtr root, n;

	svg = rs_render_ok(map, &o, &len);
	doc = parse(svg, len);
	root = xmlDocGetRootElement(doc);
	n = root->children;
	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	cr_assert(n && !strcmp((const char *)n->name, "title"), "<title> is <svg>'s first child");
	s = text_of(n);
	cr_expect_str_eq(s, HOSTILE_TITLE);
	free(s);
	s = text_of(child(root, "desc"));
	cr_expect_str_eq(s, "A <b>small</b> map");
	free(s);
	s = text_of(child(by_id(root->children, "am-n-c"), "title"));
	cr_expect_str_eq(s, "Claim c: It is </script> safe");
	free(s);
	s = text_of(child(by_id(root->children, "am-n-q"), "title"));
	cr_expect_str_eq(s, "Question q: Is it <safe>?");
	free(s);
	cr_expect(!strstr(svg, "<title>n0</title>") && !strstr(svg, "<title>argmap</title>"),
	          "no internal name is a title");
	cr_expect(strstr(svg, "<title>odd.id \xE2\x86\x92 c</title>"),
	          "an edge is named by its ends");
	xmlFreeDoc(doc);
	free(svg);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(embed, id_prefix_on_every_id)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *svg;
	argmap_map *map = small_map(&dir);
	size_t len;
	int rc;
	xmlDocPtr doc;

	o.id_prefix = "m2-";
	svg = rs_render_ok(map, &o, &len);
	doc = parse(svg, len);
	cr_expect_eq(ids_without(xmlDocGetRootElement(doc), "m2-"), 0);
	cr_expect(by_id(xmlDocGetRootElement(doc), "m2-am-n-c"));
	cr_expect(by_id(xmlDocGetRootElement(doc), "m2-am-map"));
	cr_expect(strstr(svg, "#m2-am-map { --am-question-fill"), "the theme is set on the map");
	xmlFreeDoc(doc);
	free(svg);

	o.id_prefix = "2bad";
	cr_expect_null(rs_render(map, &o, &len, &rc, NULL));
	cr_expect_eq(rc, ARGMAP_EARG);
	o.id_prefix = "a\"><script>";
	cr_expect_null(rs_render(map, &o, &len, &rc, NULL));
	cr_expect_eq(rc, ARGMAP_EARG);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(embed, theme_properties_and_legend_classes)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *svg;
	argmap_map *map = small_map(&dir);
	size_t len;

	svg = rs_render_ok(map, &o, &len);
	cr_expect(strstr(svg, "--am-support: #2e7d32;"));
	cr_expect(strstr(svg, ".am-rel.am-support path"));
	cr_expect(strstr(svg, "class=\"am-legend am-lg-s-support\""), "the legend's support line");
	cr_expect(strstr(svg, "class=\"am-legend am-lg-f-rebut\""), "the legend's rebut glyph");
	cr_expect(strstr(svg, "class=\"am-legend am-lg-f-question-fill\""));
	/* no element outside the legend is classed as legend */
	cr_expect_eq(rs_count(svg, len, "am-legend"), rs_count(svg, len, "class=\"am-legend"));
	free(svg);
	o.theme = ARGMAP_THEME_PRINT;
	svg = rs_render_ok(map, &o, &len);
	cr_expect(strstr(svg, "--am-support: black;"));
	free(svg);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

/* The contents of the first element that starts with `open`. */
static char *between(const char *s, const char *open, const char *close, size_t *n)
{
	const char *a = strstr(s, open), *b;

	cr_assert(a, "no %s", open);
	a += strlen(open);
	b = strstr(a, close);
	cr_assert(b);
	*n = (size_t)(b - a);
	return (char *)a;
}

Test(embed, pack_round_trip)
{
	/* every length's base64 tail, a text of every byte, a long text
	 * that spans many of deflate's output chunks */
	size_t sizes[] = {0, 1, 2, 3, 4, 5, 255, 256, 70000, 3000000};
	size_t i, j, len;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t n = sizes[i];
		char *in = malloc(n + 1), *out;
		am_buf a = {0}, b = {0};
		unsigned long x = 12345;
		cr_assert(in);
		for (j = 0; j < n; j++) {
			/* bytes of all values, some runs (so deflate has work) */
			x = x * 1103515245u + 12345u;
			in[j] = j % 7 == 0 ? (char)(x >> 16) : "<script>&\f</g>"[j % 15];
		}
		cr_assert_eq(am_html_pack(&a, in, n), 0);
		cr_assert_eq(am_html_pack(&b, in, n), 0);
		cr_expect(a.len == b.len && !memcmp(a.data, b.data, a.len), "deterministic");
		cr_expect_eq(a.len % 4, 0);
		out = rs_unpack(a.data ? a.data : "", a.len, &len);
		cr_expect(len == n && !memcmp(in, out, n), "%zu bytes round-trip", n);
		free(out);
		free(in);
		am_buf_free(&a);
		am_buf_free(&b);
	}
}

Test(embed, html_page)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir, *html, *again, *p, h[45], want[96];
	argmap_map *map = small_map(&dir);
	size_t len, len2, n;

	o.format = ARGMAP_RENDER_HTML;
	html = rs_render_ok(map, &o, &len);
	cr_expect(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 31));
	cr_expect(strstr(html, "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                       "&lt;!--&lt;script&gt;</title>"));
	cr_expect(!strstr(html, "<?xml") && !strstr(html, "<!DOCTYPE svg"),
	          "the SVG starts at its <svg> element");
	/* the DOM contract */
	cr_expect(strstr(html, "id=\"am-search\""));
	cr_expect(strstr(html, "id=\"am-panel\""));
	/* exactly three scripts, two of them data; no map text closes one */
	/* the model, the settings, the status, the drawing's index and
	 * pieces, the viewer */
	cr_expect_eq(rs_count(html, len, "<script"), 6);
	cr_expect_eq(rs_count(html, len, "</script"), 6);
	p = between(html, "<script type=\"application/json\" id=\"am-config\">", "</script>", &n);
	cr_expect(!memchr(p, '<', n) && !memchr(p, '>', n) && !memchr(p, '&', n),
	          "no map text can end the data or open a comment in it");
	cr_expect(!strstr(html, "It is"), "the claims' text is only in the packed data");
	{
		/* the packed parts inflate to the model and the pieces; the
		 * hostile text is in them as JSON strings and escaped SVG text */
		size_t ml, pl;
		char *m = rs_page_data(html, "am-model", &ml),
		     *pc = rs_page_data(html, "am-pieces", &pl);
		json_error_t err;
		json_t *j = json_loadb(m, ml, 0, &err), *nd;
		size_t k;
		int found = 0;
		cr_assert(j, "the model is JSON: %s", err.text);
		json_array_foreach(json_object_get(j, "nodes"), k, nd) found +=
		    !strcmp(json_string_value(json_object_get(nd, "text")), "It is </script> safe");
		cr_expect_eq(found, 1, "the claim's text survives, whole");
		cr_expect(strstr(pc, "It is &lt;/script&gt; safe"), "the pieces hold it escaped");
		cr_expect(!strstr(pc, "<script") && !strstr(pc, "</script") && !strstr(pc, "<!--"),
		          "no map text is markup in the pieces");
		cr_expect(
		    strstr(pc, "id=\"am&#45;n&#45;c\" class=\"node am&#45;node am&#45;claim\""),
		    "the pieces hold the nodes");
		json_decref(j);
		free(m);
		free(pc);
	}
	/* the unsafe id's DOM id is in the config */
	cr_expect(strstr(html, "\"odd.id\":\"am-n2\""), "%s", strstr(html, "am-config"));
	/* the policy names the hash of exactly the script and style sheets */
	cr_expect(strstr(html, "default-src 'none'; script-src 'sha256-"));
	p = between(html, "<script>", "</script>", &n);
	am_sha256_base64(p, n, h);
	snprintf(want, sizeof want, "script-src 'sha256-%s'", h);
	cr_expect(strstr(html, want), "the script's hash is in the policy");
	p = between(html, "<style>", "</style>", &n);
	am_sha256_base64(p, n, h);
	snprintf(want, sizeof want, "style-src 'sha256-%s'", h);
	cr_expect(strstr(html, want), "the style sheet's hash is in the policy");
	p = between(html, "<style type=\"text/css\">", "</style>", &n);
	am_sha256_base64(p, n, h);
	snprintf(want, sizeof want, " 'sha256-%s'", h);
	cr_expect(strstr(html, want), "the SVG's style sheet's hash is in the policy");
	cr_expect(!strstr(html, " onclick=") && !strstr(html, " onload=") &&
	              !strstr(html, " onerror="),
	          "no inline handler");
	/* deterministic */
	again = rs_render_ok(map, &o, &len2);
	cr_expect(len == len2 && !memcmp(html, again, len), "the same bytes twice");
	free(again);
	free(html);
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(embed, html_api)
{
	argmap_html_options ho = ARGMAP_HTML_OPTIONS_INIT;
	char *dir, *out = (char *)1;
	argmap_map *map = small_map(&dir);
	size_t len = 1;

	cr_expect_eq(argmap_html(map, &ho, "no drawing", 10, NULL, &out, &len), ARGMAP_EARG);
	cr_expect_null(out);
	cr_expect_eq(len, 0);
	ho.version = 99;
	cr_expect_eq(argmap_html(map, &ho, "<svg></svg>", 11, NULL, &out, &len), ARGMAP_EARG);
	ho.version = ARGMAP_HTML_OPTIONS_VERSION;
	ho.focus = "nowhere";
	cr_expect_eq(argmap_html(map, &ho, "<svg></svg>", 11, NULL, &out, &len), ARGMAP_EINVALID);
	ho.focus = NULL;
	cr_assert_eq(argmap_html(map, &ho, "<svg></svg>", 11, NULL, &out, &len), 0);
	cr_expect(strstr(out, "<main id=\"am-view\""));
	free(out);
	/* a struct of version 1 (before actors and status) is still taken */
	ho.version = 1;
	cr_assert_eq(argmap_html(map, &ho, "<svg></svg>", 11, NULL, &out, &len), 0);
	cr_expect(strstr(out, "id=\"am-status\""), "the page computes the grounded labels");
	{
		size_t sl;
		char *st = rs_page_data(out, "am-status", &sl);
		cr_expect(strstr(st, "\"semantics\":\"grounded\""), "%s", st);
		free(st);
	}
	free(out);
	ho.version = ARGMAP_HTML_OPTIONS_VERSION;
	{
		argmap_eval_result other = {0};
		other.n_nodes = 9999;
		ho.status = &other;
		cr_expect_eq(argmap_html(map, &ho, "<svg></svg>", 11, NULL, &out, &len),
		             ARGMAP_EARG, "a status of another map is refused");
		ho.status = NULL;
	}
	argmap_map_free(map);
	ts_rmtree(dir);
	free(dir);
}

Test(embed, sha256_vectors)
{
	static const char *const msg[] = {
	    "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"};
	static const char *const b64[] = {"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
	                                  "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
	                                  "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="};
	char h[45];
	size_t i;
	char *a = malloc(1000000);

	for (i = 0; i < 3; i++) {
		am_sha256_base64(msg[i], strlen(msg[i]), h);
		cr_expect_str_eq(h, b64[i], "SHA-256 of \"%s\"", msg[i]);
	}
	/* one million 'a' (FIPS 180-2 appendix B.3): cdc76e5c...c7112cd0 */
	memset(a, 'a', 1000000);
	am_sha256_base64(a, 1000000, h);
	cr_expect_str_eq(h, "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA=");
	free(a);
}

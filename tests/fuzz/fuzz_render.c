/*
 * fuzz_render.c - libFuzzer target: small maps through graph building,
 * Graphviz layout and SVG rendering, and the SVG checked as a web page
 * would receive it.
 *
 * Inputs over 2 KiB are skipped and at most 64 items are loaded, so that
 * the dot layout stays in milliseconds (run.sh also sets -max_len=2048 and
 * -timeout). A map is drawn only when its check finds no errors, as the
 * CLI does (argmap/render.h: "render only a map whose check found no
 * errors"). The option byte (fuzz_common.h) also picks the view: focus,
 * depth, tag, hidden evidence, grouping, theme, page; and one input in
 * eight goes through the contained child (fork, limits, pipe) instead of
 * in-process rendering.
 *
 * Oracles, besides the sanitizers:
 *  - a clean small map renders (0), or fails only with a diagnostic;
 *  - the SVG re-parses with libxml2 as well-formed XML with an <svg> root;
 *  - it is safe to embed: no <script>, <foreignObject>, <iframe>, <object>,
 *    <embed> or <handler> element, no on* event attribute, no href other
 *    than http(s):// or a fragment (#...), no "javascript:" anywhere in an
 *    attribute value, and no id used twice (a page that embeds the SVG
 *    addresses its parts by id).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "argmap/argmap.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_INPUT 2048
#define FUZZ_MAX_ITEMS 64

static void quiet_xml(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

static int contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

static int forbidden_element(const xmlChar *name)
{
	static const char *const bad[] = {"script", "foreignObject", "iframe", "object",
	                                  "embed",  "handler",       "listener"};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (xmlStrcasecmp(name, BAD_CAST bad[i]) == 0)
			return 1;
	return 0;
}

typedef struct id_list {
	char **ids;
	size_t n, cap;
} id_list;

static void note_id(id_list *l, const char *id)
{
	if (l->n == l->cap) {
		char **p = realloc(l->ids, (l->cap = l->cap ? l->cap * 2 : 64) * sizeof *p);
		FUZZ_CHECK(p, "out of memory");
		l->ids = p;
	}
	l->ids[l->n] = strdup(id);
	FUZZ_CHECK(l->ids[l->n], "out of memory");
	l->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_ids_unique(id_list *l)
{
	size_t i;

	qsort(l->ids, l->n, sizeof *l->ids, cmp_str);
	for (i = 1; i < l->n; i++)
		FUZZ_CHECK_KNOWN("svg-duplicate-ids", strcmp(l->ids[i - 1], l->ids[i]) != 0,
		                 "SVG id \"%s\" is used twice", l->ids[i]);
	for (i = 0; i < l->n; i++)
		free(l->ids[i]);
	free(l->ids);
}

static void check_svg_tree(xmlNodePtr n, int depth, id_list *ids)
{
	FUZZ_CHECK(depth < 200, "SVG nested deeper than 200");
	for (; n; n = n->next) {
		xmlAttrPtr a;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		FUZZ_CHECK(!forbidden_element(n->name), "SVG holds a <%s> element", n->name);
		for (a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			const char *s = v ? (const char *)v : "";
			FUZZ_CHECK(strncasecmp((const char *)a->name, "on", 2) != 0,
			           "SVG <%s> has an event attribute %s=\"%s\"", n->name, a->name, s);
			FUZZ_CHECK(!contains_nocase(s, "javascript:"), "SVG <%s> %s=\"%s\"", n->name, a->name,
			           s);
			if (xmlStrEqual(a->name, BAD_CAST "id") && !a->ns)
				note_id(ids, s);
			if (xmlStrEqual(a->name, BAD_CAST "href"))
				FUZZ_CHECK(s[0] == '#' || strncmp(s, "http://", 7) == 0 ||
				               strncmp(s, "https://", 8) == 0,
				           "SVG <%s> links to \"%s\"", n->name, s);
			xmlFree(v);
		}
		check_svg_tree(n->children, depth + 1, ids);
	}
}

static void check_svg(const char *svg, size_t len)
{
	xmlDocPtr doc;
	xmlNodePtr root;
	id_list ids = {NULL, 0, 0};

	FUZZ_CHECK(len < (size_t)64 << 20, "SVG of %zu bytes", len);
	xmlSetStructuredErrorFunc(NULL, quiet_xml);
	/* No DTD loading, no entity substitution, no network: the SVG must be
	 * well-formed on its own. */
	doc = xmlReadMemory(svg, (int)len, "render.svg", NULL, XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc)
		fprintf(stderr, "---- SVG ----\n%.*s\n----\n", (int)(len > 20000 ? 20000 : len), svg);
	FUZZ_CHECK(doc, "the SVG is not well-formed XML");
	root = xmlDocGetRootElement(doc);
	FUZZ_CHECK(root && xmlStrEqual(root->name, BAD_CAST "svg"), "the root is not <svg>");
	check_svg_tree(root, 0, &ids);
	check_ids_unique(&ids);
	xmlFreeDoc(doc);
}

static void pick_view(const argmap_map *m, unsigned bits, argmap_render_options *o)
{
	size_t i, n = argmap_map_node_count(m);

	/* bits 0-4 went to the load limits; the view uses bits 5-7 and a hash
	 * of the node count, so that plain XML inputs vary too. */
	unsigned v = (bits >> 5) ^ (unsigned)(n * 2654435761u >> 24);

	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(m, i);
		if ((v & 1) && !o->focus && nd->id && i == n / 2)
			o->focus = nd->id;
		if ((v & 2) && !o->tag && nd->n_tags)
			o->tag = nd->tags[0];
	}
	o->depth = (v >> 2) & 3;
	o->hide_evidence = (v >> 4) & 1;
	o->group_by = (argmap_group_by)((v >> 5) % 3);
	o->theme = (argmap_render_theme)((v >> 7) & 1);
	o->page = (argmap_page_size)((v >> 8) % 3);
	o->landscape = o->page != ARGMAP_PAGE_NONE && ((v >> 10) & 1);
	o->legend = !((v >> 11) & 1);
	o->title_block = !((v >> 12) & 1);
	/* one input in eight: the contained child with its limits */
	o->in_process = ((v >> 13) & 7) != 0;
	o->time_limit = 10.0;
	o->memory_limit = (size_t)1 << 30;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_opts fo;
	argmap_diags *d;
	argmap_map *m = NULL;
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *out = NULL;
	size_t len = 0;
	int rc;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	fuzz_take_options(&data, &size, &fo);
	if (!fo.load.max_items || fo.load.max_items > FUZZ_MAX_ITEMS)
		fo.load.max_items = FUZZ_MAX_ITEMS;
	d = argmap_diags_new();
	FUZZ_CHECK(d, "out of memory");
	rc = argmap_map_load_memory(&m, "fuzz.xml", (const char *)data, size, &fo.load, d);
	fuzz_check_load_result(rc, m, d);
	if (rc != 0 || !m)
		goto done;
	fuzz_check_model(m);
	FUZZ_CHECK(argmap_check(m, NULL, d) == 0, "argmap_check failed");
	if (argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) != 0)
		goto done;

	pick_view(m, fo.bits, &o);
	o.format = ARGMAP_RENDER_SVG;
	rc = argmap_render(m, &o, d, &out, &len);
	if (rc == ARGMAP_EINVALID) {
		/* the view selects nothing or names no node: AM711/AM712 */
		FUZZ_CHECK(!out && len == 0, "failed render left output behind");
		FUZZ_CHECK(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) > 0,
		           "EINVALID without an error diagnostic");
		goto done;
	}
	if (rc != 0) {
		char *json = argmap_diags_format_json(d);
		fprintf(stderr, "render diagnostics: %s\n", json ? json : "?");
		free(json);
	}
	FUZZ_CHECK(rc == 0, "a clean map of at most %d items did not render: %d (%s)", FUZZ_MAX_ITEMS,
	           rc, argmap_error_last());
	FUZZ_CHECK(out && out[len] == '\0', "SVG not NUL-terminated");
	check_svg(out, len);
done:
	free(out);
	fuzz_check_diags(d);
	argmap_map_free(m);
	argmap_diags_free(d);
	return 0;
}

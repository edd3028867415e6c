/*
 * structure.c - structural checks of one file against the schema table:
 * the root element, attributes (allowed, required, valid values), child
 * elements, their order and repetition, and stray text, each with a
 * precise position and a "did you mean" (AM013, AM101-AM108). Whatever it
 * reports it marks, so the RELAX NG validator does not say it again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "read/loader.h"
#include "read/schema.h"
#include "util/buf.h"
#include "util/suggest.h"
#include "util/text.h"

static void join_names(am_buf *b, const char *const *names, size_t n, const char *open,
                       const char *close)
{
	size_t i;

	for (i = 0; i < n; i++) {
		am_buf_puts(b, i ? ", " : "");
		am_buf_printf(b, "%s%s%s", open, names[i], close);
	}
}

static char *attr_name(xmlAttrPtr a)
{
	am_buf b = {0};

	if (a->ns && a->ns->prefix)
		am_buf_printf(&b, "%s:", (const char *)a->ns->prefix);
	am_buf_puts(&b, (const char *)a->name);
	return am_buf_detach(&b);
}

static void check_attributes(ctx *c, xmlNodePtr el, const am_elem_rule *rule)
{
	xmlAttrPtr a;
	size_t i;
	const char *anames[64];
	size_t nnames = rule->nattrs < 64 ? rule->nattrs : 64;

	for (i = 0; i < nnames; i++)
		anames[i] = rule->attrs[i].name;

	for (a = el->properties; a; a = a->next) {
		char *name = attr_name(a);
		const am_attr_rule *ar;
		xmlChar *value;
		size_t off;

		if (!name) {
			c->L->oom = 1;
			break;
		}
		ar = am_schema_attr(rule, name);
		if (!ar) {
			off = am_xml_attr_offset(c->x, el, name);
			const char *s = am_suggest_closest(name, anames, nnames);
			am_buf hint = {0};
			char *h;
			if (s)
				am_buf_printf(&hint, "did you mean '%s'? ", s);
			am_buf_printf(&hint, "<%s> takes: ", rule->name);
			join_names(&hint, anames, nnames, "", "");
			h = am_buf_detach(&hint);
			/* point at the attribute name, not its value */
			while (off > 0 && c->x->buf[off - 1] != ' ' && c->x->buf[off - 1] != '\n' &&
			       c->x->buf[off - 1] != '\t')
				off--;
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM102", off, h,
			             "attribute '%s' is not allowed on <%s>", name, rule->name);
			free(h);
			am_xml_mark(el);
			free(name);
			continue;
		}
		value = xmlNodeListGetString(el->doc, a->children, 1);
		if (value) {
			char *folded = malloc(strlen((char *)value) + 1);
			if (folded) {
				am_fold_space(folded, (char *)value);
				if (!am_schema_value_ok(ar, folded)) {
					am_buf msg = {0}, hint = {0};
					off = am_xml_attr_offset(c->x, el, name);
					char *mtext, *htext;
					const char *s = NULL;
					if (ar->nvalues) {
						am_buf_printf(&msg, "one of: ");
						join_names(&msg, (const char *const *)ar->values,
						           ar->nvalues, "", "");
						s = am_suggest_closest(
						    folded, (const char *const *)ar->values,
						    ar->nvalues);
					} else {
						am_buf_puts(&msg, am_schema_value_help(ar));
					}
					if (s)
						am_buf_printf(&hint, "did you mean '%s'?", s);
					mtext = am_buf_detach(&msg);
					htext = s ? am_buf_detach(&hint) : NULL;
					am_load_diag(
					    c, ARGMAP_SEV_ERROR, "AM104", off, htext,
					    "attribute '%s' of <%s> is '%.*s%s'; expected %s", name,
					    rule->name, (int)am_utf8_prefix(folded, 60), folded,
					    folded[am_utf8_prefix(folded, 60)] ? "..." : "",
					    mtext ? mtext : "another value");
					free(mtext);
					free(htext);
					am_xml_mark(el);
				}
				free(folded);
			}
			xmlFree(value);
		}
		free(name);
	}
	for (i = 0; i < rule->nattrs; i++) {
		const am_attr_rule *ar = &rule->attrs[i];
		int present;
		if (!ar->required)
			continue;
		if (strncmp(ar->name, "xml:", 4) == 0)
			present =
			    xmlHasNsProp(el, BAD_CAST ar->name + 4, XML_XML_NAMESPACE) != NULL;
		else
			present = xmlHasNsProp(el, BAD_CAST ar->name, NULL) != NULL;
		if (!present) {
			am_buf hint = {0};
			char *h;
			am_buf_printf(&hint, "add %s=\"...\"", ar->name);
			if (ar->nvalues) {
				am_buf_puts(&hint, " with one of: ");
				join_names(&hint, (const char *const *)ar->values, ar->nvalues, "",
				           "");
			}
			h = am_buf_detach(&hint);
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM103", am_xml_node_offset(c->x, el), h,
			             "<%s> is missing the required attribute '%s'", rule->name,
			             ar->name);
			free(h);
			am_xml_mark(el);
		}
	}
}

/* The offset of the first element after node n in document order that is
 * not inside n (a following sibling of n or of an ancestor), or len. */
static size_t next_element_offset(const ctx *c, xmlNodePtr n)
{
	for (; n && n->type != XML_DOCUMENT_NODE; n = n->parent) {
		xmlNodePtr s;
		for (s = n->next; s; s = s->next)
			if (s->type == XML_ELEMENT_NODE)
				return am_xml_node_offset(c->x, s);
	}
	return c->x->len;
}

/* Where stray text `s` (inside text node `t` of `el`) starts: search the
 * buffer from the element before it up to the element after it. Text that
 * starts with a reference (&#65;) is not in the raw bytes as decoded; the
 * bound keeps the failed search local, so all the searches of a file take
 * time linear in its size (times the nesting depth). */
static size_t text_offset(const ctx *c, xmlNodePtr el, xmlNodePtr t, const char *s)
{
	xmlNodePtr prev = t->prev;
	size_t from, to, n = strcspn(s, " \t\r\n<&"), i;

	while (prev && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	from = am_xml_node_offset(c->x, prev ? prev : el);
	to = next_element_offset(c, t);
	if (to > c->x->len || to < from)
		to = c->x->len;
	if (n > 32)
		n = 32;
	for (i = from; n && i + n <= to; i++)
		if (memcmp(c->x->buf + i, s, n) == 0)
			return i;
	return from;
}

/* Order and repetition, which libxml2's validator stops reporting after a
 * parent's first content error: <meta> first, then <import>s, then the
 * declarations; at most one of each text-like child. */
static void check_order(ctx *c, xmlNodePtr el, const am_elem_rule *rule)
{
	static const char *const single[] = {"meta",      "title", "description", "date",
	                                     "publisher", "note",  "text",        "quote"};
	xmlNodePtr ch;
	unsigned seen = 0; /* bit i: a single[i] child came before */
	int phase = 0;     /* 0 meta, 1 imports, 2 declarations */
	size_t i;

	for (ch = el->children; ch; ch = ch->next) {
		if (!am_load_is_am(ch))
			continue;
		if (!strcmp(rule->name, "argmap")) {
			int p = am_load_named(ch, "meta") ? 0 : am_load_named(ch, "import") ? 1 : 2;
			if (p < phase) {
				am_load_diag(
				    c, ARGMAP_SEV_ERROR, "AM107", am_xml_node_offset(c->x, ch),
				    "inside <argmap> the order is: <meta>, then <import>s, then "
				    "the declarations",
				    "<%s> must come before %s", (const char *)ch->name,
				    phase == 2 ? "the declarations" : "the imports");
				am_xml_mark(el);
			}
			if (p > phase)
				phase = p;
		}
		for (i = 0; i < sizeof single / sizeof single[0]; i++) {
			if (ch->name[0] != (unsigned char)single[i][0] ||
			    !xmlStrEqual(ch->name, BAD_CAST single[i]))
				continue;
			/* seen, not a scan of the siblings before: that was quadratic */
			if (seen & (1u << i)) {
				am_load_diag(c, ARGMAP_SEV_ERROR, "AM107",
				             am_xml_node_offset(c->x, ch),
				             "merge them into one, or make a second item",
				             "<%s> has more than one <%s>", rule->name, single[i]);
				am_xml_mark(el);
			}
			seen |= 1u << i;
		}
	}
}

static void check_element(ctx *c, xmlNodePtr el, const am_elem_rule *rule, int depth)
{
	xmlNodePtr ch;
	size_t i;

	check_attributes(c, el, rule);
	for (i = 0; i < rule->nrequired; i++) {
		int found = 0;
		for (ch = el->children; ch && !found; ch = ch->next)
			found = am_load_named(ch, rule->required[i]);
		if (!found) {
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM105", am_xml_node_offset(c->x, el),
			             NULL, "<%s> needs a <%s> element inside it", rule->name,
			             rule->required[i]);
			am_xml_mark(el);
		}
	}
	check_order(c, el, rule);
	for (ch = el->children; ch; ch = ch->next) {
		const am_elem_rule *cr;
		int allowed = 0;

		if (ch->type == XML_TEXT_NODE && !rule->text && ch->content) {
			const char *s = (const char *)ch->content;
			while (*s && strchr(" \t\r\n", *s))
				s++;
			if (*s) {
				am_load_diag(
				    c, ARGMAP_SEV_ERROR, "AM108", text_offset(c, el, ch, s),
				    "put text inside <text>, <quote> or <note>; use <!-- comments "
				    "--> "
				    "for remarks",
				    "text is not allowed directly inside <%s>", rule->name);
			}
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (!am_load_is_am(ch)) {
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM101", am_xml_node_offset(c->x, ch),
			             "argmap elements live in the namespace urn:argmap:1",
			             "<%s> is not an argmap element (namespace %s)",
			             (const char *)ch->name,
			             ch->ns && ch->ns->href ? (const char *)ch->ns->href : "none");
			am_xml_mark(ch);
			continue;
		}
		for (i = 0; i < rule->nchildren && !allowed; i++)
			allowed = xmlStrEqual(ch->name, BAD_CAST rule->children[i]);
		cr = am_schema_element((const char *)ch->name);
		if (!allowed || !cr) {
			const char *s = am_suggest_closest((const char *)ch->name, rule->children,
			                                   rule->nchildren);
			am_buf hint = {0};
			char *h;
			if (!s)
				s = am_suggest_closest((const char *)ch->name,
				                       am_schema_element_names(), SIZE_MAX);
			if (xmlStrEqual(ch->name, BAD_CAST "quote") &&
			    (!strcmp(rule->name, "claim") || !strcmp(rule->name, "question")))
				am_buf_printf(&hint,
				              "a <%s> states its position in <text>; a quote "
				              "from a source goes in an <evidence source=\"...\"> "
				              "that supports it. ",
				              rule->name);
			else if (s)
				am_buf_printf(&hint, "did you mean <%s>? ", s);
			if (rule->nchildren) {
				am_buf_printf(&hint, "<%s> may contain: ", rule->name);
				join_names(&hint, rule->children, rule->nchildren, "<", ">");
			} else {
				am_buf_printf(&hint, "<%s> holds text only", rule->name);
			}
			h = am_buf_detach(&hint);
			am_load_diag(c, ARGMAP_SEV_ERROR, "AM101", am_xml_node_offset(c->x, ch), h,
			             cr ? "<%s> is not allowed inside <%s>"
			                : "unknown element <%s> inside <%s>",
			             (const char *)ch->name, rule->name);
			free(h);
			am_xml_mark(ch);
			continue;
		}
		if (depth < 64)
			check_element(c, ch, cr, depth + 1);
	}
}

int am_structure_check_root(ctx *c, xmlNodePtr root)
{
	xmlChar *version;
	int ok = 1;

	if (!root) {
		am_load_diag(c, ARGMAP_SEV_ERROR, "AM013", 0, NULL,
		             "the document has no root element");
		return -1;
	}
	if (!xmlStrEqual(root->name, BAD_CAST "argmap")) {
		am_load_diag(
		    c, ARGMAP_SEV_ERROR, "AM013", am_xml_node_offset(c->x, root),
		    "an argmap map's root element is <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		    "not an argmap map: the root element is <%s>", (const char *)root->name);
		return -1;
	}
	if (!am_load_is_am(root)) {
		am_load_diag(c, ARGMAP_SEV_ERROR, "AM013", am_xml_node_offset(c->x, root),
		             "write <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		             "<argmap> is not in the argmap namespace (%s)",
		             root->ns && root->ns->href ? (const char *)root->ns->href
		                                        : "no namespace");
		return -1;
	}
	version = xmlGetNsProp(root, BAD_CAST "version", NULL);
	if (version && !xmlStrEqual(version, BAD_CAST "1")) {
		am_load_diag(c, ARGMAP_SEV_ERROR, "AM013",
		             am_xml_attr_offset(c->x, root, "version"),
		             "this argmap reads format version 1",
		             "format version '%.*s%s' is not supported",
		             (int)am_utf8_prefix((const char *)version, 20), (const char *)version,
		             version[am_utf8_prefix((const char *)version, 20)] ? "..." : "");
		ok = 0;
	}
	xmlFree(version);
	return ok ? 0 : -1;
}

void am_structure_check(ctx *c, xmlNodePtr el, const am_elem_rule *rule)
{
	check_element(c, el, rule, 0);
}

/* Element children of any element but the root: no argmap element needs
 * more than a few (a <meta> a few hundred editors), and libxml2's RELAX NG
 * <interleave> takes time super-linear in their number. */
#define AM_MAX_CHILDREN 256

void am_structure_bound_children(ctx *c, xmlNodePtr root)
{
	xmlNodePtr el = root ? root->children : NULL;

	/* Iterative pre-order walk below the root (the DOM is at most 256 deep,
	 * but recursion is not needed). */
	while (el && el != root) {
		if (el->type == XML_ELEMENT_NODE) {
			xmlNodePtr ch, next;
			size_t n = 0;

			for (ch = el->children; ch; ch = next) {
				next = ch->next;
				if (ch->type == XML_ELEMENT_NODE && ++n == AM_MAX_CHILDREN + 1)
					am_load_diag(
					    c, ARGMAP_SEV_ERROR, "AM503",
					    am_xml_node_offset(c->x, ch),
					    "split the element, or remove what it repeats",
					    "<%s> has more than %d child elements; the rest "
					    "is ignored",
					    (const char *)el->name, AM_MAX_CHILDREN);
				if (n > AM_MAX_CHILDREN) {
					xmlUnlinkNode(ch);
					xmlFreeNode(ch);
				}
			}
			if (n > AM_MAX_CHILDREN) {
				am_xml_mark(el);
				am_load_ns_seen = NULL; /* it may have pointed into a freed node */
			}
			if (el->children) {
				el = el->children;
				continue;
			}
		}
		while (el != root && !el->next)
			el = el->parent;
		if (el != root)
			el = el->next;
	}
}

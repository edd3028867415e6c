/*
 * xml.c - the hardened parse: libxml2 from memory, no DOCTYPE, no entities,
 * no XInclude, errors through the parser context; the start offset of every
 * element recorded. Reading the bytes is bytes.c's job, positions are
 * positions.c's. See xml.h.
 */
#include "read/xml.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "util/buf.h"
#include "util/text.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_impl(void)
{
	xmlInitParser();
}

void am_xml_init(void)
{
	pthread_once(&init_once, init_impl);
}

/* ------------------------------------------- no entities, per context */

static void no_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
                           const xmlChar *systemId, xmlChar *content)
{
	(void)ctx;
	(void)name;
	(void)type;
	(void)publicId;
	(void)systemId;
	(void)content;
}

static void no_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *publicId,
                                    const xmlChar *systemId, const xmlChar *notationName)
{
	(void)ctx;
	(void)name;
	(void)publicId;
	(void)systemId;
	(void)notationName;
}

static void no_external_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
                               const xmlChar *SystemID)
{
	(void)ctx;
	(void)name;
	(void)ExternalID;
	(void)SystemID;
}

static xmlParserInputPtr no_resolve_entity(void *ctx, const xmlChar *publicId,
                                           const xmlChar *systemId)
{
	(void)ctx;
	(void)publicId;
	(void)systemId;
	return NULL;
}

static xmlEntityPtr no_parameter_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

void am_xml_deny_entities(xmlParserCtxtPtr ctxt)
{
	xmlSAXHandlerPtr sax = ctxt->sax;

	sax->entityDecl = no_entity_decl;
	sax->unparsedEntityDecl = no_unparsed_entity_decl;
	sax->externalSubset = no_external_subset;
	sax->resolveEntity = no_resolve_entity;
	sax->getParameterEntity = no_parameter_entity;
}

int am_xml_parse_options(void)
{
	return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS;
}

/* ------------------------------------------------------------ reading */

char *am_xml_text(xmlNodePtr el)
{
	xmlNodePtr c;
	am_buf b = {0};
	char *s;
	xmlChar *out;

	for (c = el->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE || c->type == XML_ENTITY_REF_NODE) {
			am_buf_free(&b);
			return NULL;
		}
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			am_buf_puts(&b, (const char *)c->content);
	}
	s = am_buf_detach(&b);
	if (!s)
		return NULL;
	out = xmlStrdup((const xmlChar *)s);
	free(s);
	return (char *)out;
}

/* ------------------------------------------------------------ parsing */

typedef struct parse_state {
	am_xml_doc *x;
	argmap_diags *diags;
	int doctype; /* a DOCTYPE was seen (parser stopped) */
	size_t doctype_off;
	int errors; /* parser errors reported */
	int oom;    /* libxml2's first error was an allocation failure */
	startElementNsSAX2Func sax_start;
} parse_state;

/* Byte offset of the parser in our buffer. The input is UTF-8 parsed
 * without an encoding converter (precheck made sure), so this is exact;
 * xmlByteConsumed computes the same thing far more slowly. */
static long parser_offset(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt->input;

	if (!in || !in->cur || !in->base || in->cur < in->base)
		return -1;
	return (long)in->consumed + (long)(in->cur - in->base);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	parse_state *st = ctxt->_private;
	xmlNodePtr before = ctxt->node;
	long consumed;
	size_t off;

	st->sax_start(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes,
	              nb_defaulted, attributes);
	if (!ctxt->node || ctxt->node == before)
		return;
	consumed = parser_offset(ctxt);
	if (consumed < 0 || (size_t)consumed > st->x->len)
		return;
	off = (size_t)consumed;
	while (off > 0 && st->x->buf[off] != '<')
		off--;
	am_xml_set_node_offset(ctxt->node, off);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
                               const xmlChar *SystemID)
{
	xmlParserCtxtPtr ctxt = ctx;
	parse_state *st = ctxt->_private;
	long consumed = parser_offset(ctxt);
	size_t off = consumed > 0 && (size_t)consumed <= st->x->len ? (size_t)consumed : 0;
	const char *p;

	(void)name;
	(void)ExternalID;
	(void)SystemID;
	/* Point at "<!DOCTYPE": search backwards from where the parser is. */
	p = NULL;
	while (off > 0) {
		if (st->x->len - off >= 9 && memcmp(st->x->buf + off, "<!DOCTYPE", 9) == 0) {
			p = st->x->buf + off;
			break;
		}
		off--;
	}
	st->doctype = 1;
	st->doctype_off = p ? (size_t)(p - st->x->buf) : 0;
	xmlStopParser(ctxt);
}

/* Rewords libxml2's well-formedness messages where they are cryptic. */
static const char *wf_hint(int code)
{
	switch (code) {
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return "write a literal '&' as &amp; and '<' as &lt;";
	case XML_ERR_TAG_NAME_MISMATCH:
	case XML_ERR_TAG_NOT_FINISHED: return "every <element> needs its matching </element>";
	case XML_ERR_DOCUMENT_END: return "the file must have exactly one root element, <argmap>";
	case XML_ERR_INTERNAL_ERROR:
	case XML_ERR_NO_MEMORY:
		return "the document hit one of libxml2's size limits (10 MB text, depth 256)";
	default: return NULL;
	}
}

/* libxml2 reports a mismatched end tag where it is ("</titel>"); the note
 * points at the start tag it did not match: e->int1 is that tag's line and
 * e->str1 its name, and the column is that of the last "<name" on the line.
 * Linear in the line: a name holds no '<', so each comparison stops at the
 * next '<' at the latest. */
static void note_start_tag(parse_state *st, const xmlError *e, size_t parent)
{
	const am_xml_doc *x = st->x;
	size_t line = e->int1 > 0 ? (size_t)e->int1 : 0, start, end, n, p, found = (size_t)-1;
	unsigned l = (unsigned)line, col = 0;
	char msg[160];

	if (parent == ARGMAP_NONE || !line || !x->lines || line > x->nlines || !e->str1)
		return;
	start = x->lines[line - 1];
	end = line < x->nlines ? x->lines[line] : x->len;
	n = strlen(e->str1);
	for (p = start; p + n + 1 < end; p++)
		if (x->buf[p] == '<' && memcmp(x->buf + p + 1, e->str1, n) == 0 &&
		    strchr(" \t\r\n/>", x->buf[p + 1 + n]))
			found = p;
	if (found != (size_t)-1)
		am_xml_offset_pos(x, found, &l, &col);
	snprintf(msg, sizeof msg, "<%.100s> starts here; its end tag is missing or misspelt",
	         (const char *)e->str1);
	argmap_diags_add(st->diags, ARGMAP_SEV_NOTE, "AM010", x->path, l, col, msg, NULL, parent);
}

/* The parser's structured error handler. libxml2 passes it ctxt->userData,
 * which is the parser context itself. */
static void on_xml_error(void *ud, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ud;
	parse_state *st = ctxt->_private;
	unsigned line = e->line > 0 ? (unsigned)e->line : 0;
	unsigned col = e->int2 > 0 ? (unsigned)e->int2 : 0;
	size_t idx;
	char *msg;

	if (st->doctype || e->level == XML_ERR_WARNING)
		return;
	/* After the first fatal error libxml2 only reports its consequences
	 * (and, for a huge attribute, a bogus "Memory allocation failed"):
	 * the first message is the one that helps. */
	if (st->errors >= 1 || st->oom)
		return;
	/* As the first error it is real: no input under the size cap reaches
	 * the limits that libxml2 2.9 also reports this way (10 MB texts). */
	if (e->code == XML_ERR_NO_MEMORY || !e->message) {
		st->oom = 1; /* no message: libxml2 could not allocate it */
		return;
	}
	msg = strdup(e->message);
	if (!msg)
		return;
	am_fold_space(msg, msg);
	if (strstr(msg, "Excessive depth")) {
		free(msg);
		msg = strdup("elements are nested deeper than 256 levels");
		if (!msg)
			return;
	}
	idx = am_diag(st->diags, ARGMAP_SEV_ERROR, "AM010", st->x->path, line, col,
	              wf_hint(e->code), "not well-formed XML: %s", msg);
	free(msg);
	if (e->code == XML_ERR_TAG_NAME_MISMATCH)
		note_start_tag(st, e, idx);
	st->errors++;
}

static void quiet_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static int has_xinclude(am_xml_doc *x, xmlNodePtr n, argmap_diags *diags)
{
	int found = 0;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns && n->ns->href &&
		    (xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/2001/XInclude") ||
		     xmlStrEqual(n->ns->href, BAD_CAST "http://www.w3.org/2003/XInclude"))) {
			unsigned line, col;
			am_xml_node_pos(x, n, &line, &col);
			am_diag(
			    diags, ARGMAP_SEV_ERROR, "AM012", x->path, line, col,
			    "use <import href=\"other.xml\"/> to share declarations between maps",
			    "XInclude (<%s>) is not allowed in argmap maps", (const char *)n->name);
			found = 1;
		}
		found |= has_xinclude(x, n->children, diags);
	}
	return found;
}

static int read_any(am_xml_doc *x, const char *path, int fd, const char *mem, size_t memlen,
                    size_t max_bytes, argmap_diags *diags);

int am_xml_read(am_xml_doc *x, const char *path, const char *mem, size_t memlen, size_t max_bytes,
                argmap_diags *diags)
{
	return read_any(x, path, -1, mem, memlen, max_bytes, diags);
}

int am_xml_read_fd(am_xml_doc *x, const char *path, int fd, size_t max_bytes, argmap_diags *diags)
{
	return read_any(x, path, fd, NULL, 0, max_bytes, diags);
}

/* Parses x->buf into x->doc with argmap's handlers on a context of its own.
 * Returns 0 (x->doc may be NULL; st says why) or a negative status. */
static int parse(am_xml_doc *x, parse_state *st, const char *path)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (!ctxt)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	ctxt->_private = st;
	st->sax_start =
	    ctxt->sax->startElementNs ? ctxt->sax->startElementNs : xmlSAX2StartElementNs;
	ctxt->sax->startElementNs = on_start;
	/* Any DOCTYPE stops the parser before its internal subset is read, so
	 * no entity is ever declared and nothing is ever loaded. In depth, the
	 * SAX hooks that declare, resolve or load entities do nothing. */
	ctxt->sax->internalSubset = on_internal_subset;
	am_xml_deny_entities(ctxt);
	/* This context's errors go to this handler, not to the host's global
	 * one: libxml2 uses sax->serror when the handler is a SAX2 one. */
	ctxt->sax->serror = on_xml_error;
	if (ctxt->sax->initialized != XML_SAX2_MAGIC) {
		xmlFreeParserCtxt(ctxt);
		return am_fail(ARGMAP_EINTERNAL, "internal error: libxml2 gave a SAX1 context");
	}
	x->doc = xmlCtxtReadMemory(ctxt, x->buf, (int)x->len, path, NULL, am_xml_parse_options());
	xmlFreeParserCtxt(ctxt);
	return 0;
}

static int read_any(am_xml_doc *x, const char *path, int fd, const char *mem, size_t memlen,
                    size_t max_bytes, argmap_diags *diags)
{
	parse_state st;
	int rc;

	memset(x, 0, sizeof *x);
	x->path = path;
	am_xml_init();
	rc = am_xml_load_bytes(x, path, fd, mem, memlen, max_bytes, diags);
	if (rc)
		return rc;

	memset(&st, 0, sizeof st);
	st.x = x;
	st.diags = diags;
	{
		/* Where libxml2 has no context to report through (a failed
		 * allocation deep inside), it prints via this thread's generic
		 * handler, stderr by default: silenced while the parser runs,
		 * then put back as the host had it. */
		xmlGenericErrorFunc host_fn = xmlGenericError;
		void *host_ctx = xmlGenericErrorContext;
		xmlSetGenericErrorFunc(NULL, quiet_generic_error);
		rc = parse(x, &st, path);
		xmlSetGenericErrorFunc(host_ctx, host_fn);
		if (rc)
			return rc;
	}

	if (st.doctype) {
		unsigned line, col;
		am_xml_offset_pos(x, st.doctype_off, &line, &col);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM011", path, line, col,
		        "delete the <!DOCTYPE ...> and any entities; use <import> to share "
		        "declarations",
		        "DOCTYPE declarations are not allowed in argmap maps (they enable "
		        "entity expansion and external file access)");
		if (x->doc) {
			xmlFreeDoc(x->doc);
			x->doc = NULL;
		}
		return am_fail(ARGMAP_EINVALID, "%s: DOCTYPE not allowed", path);
	}
	/* No document and no error reported: only a failed allocation does
	 * that (a DOCTYPE, the other way to stop the parser, is handled above). */
	if (st.oom || (!x->doc && !st.errors)) {
		if (x->doc) {
			xmlFreeDoc(x->doc);
			x->doc = NULL;
		}
		return am_fail(ARGMAP_ENOMEM, "%s: out of memory while parsing the XML", path);
	}
	if (st.errors) {
		if (x->doc) {
			xmlFreeDoc(x->doc);
			x->doc = NULL;
		}
		return am_fail(ARGMAP_EINVALID, "%s: not well-formed XML", path);
	}
	if (has_xinclude(x, x->doc->children, diags)) {
		xmlFreeDoc(x->doc);
		x->doc = NULL;
		return am_fail(ARGMAP_EINVALID, "%s: XInclude not allowed", path);
	}
	return 0;
}

void am_xml_free(am_xml_doc *x)
{
	if (!x)
		return;
	if (x->doc)
		xmlFreeDoc(x->doc);
	free(x->buf);
	free(x->lines);
	free(x->pos);
	memset(x, 0, sizeof *x);
}

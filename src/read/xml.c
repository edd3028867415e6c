/*
 * xml.c - hardened reading and parsing; see xml.h.
 */
#include "read/xml.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "util/buf.h"
#include "util/text.h"

/* The last position turned into a column. Positions are asked for in
 * nearly increasing order, so counting characters from the last one keeps
 * a map written on one long line linear instead of quadratic. */
struct am_pos_cache {
	size_t line; /* 0-based line index */
	size_t off;
	size_t col;  /* 1-based column of off */
};

/* _private of an element: (offset of '<' + 1) << 1 | marked. */
#define PRIV_OFFSET(p) ((((uintptr_t)(p)) >> 1) - 1)

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

static int read_fd(int fd, size_t cap, char **out, size_t *outlen, int *too_big)
{
	size_t len = 0, alloc = 65536;
	char *buf = malloc(alloc + 1);

	*too_big = 0;
	if (!buf)
		return ENOMEM;
	for (;;) {
		ssize_t n;
		if (len == alloc) {
			char *p;
			if (alloc > cap) {
				*too_big = 1;
				free(buf);
				return 0;
			}
			alloc *= 2;
			p = realloc(buf, alloc + 1);
			if (!p) {
				free(buf);
				return ENOMEM;
			}
			buf = p;
		}
		n = read(fd, buf + len, alloc - len);
		if (n < 0) {
			int e = errno;
			if (e == EINTR)
				continue;
			free(buf);
			return e;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > cap) {
			*too_big = 1;
			free(buf);
			return 0;
		}
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

static int read_file(am_xml_doc *x, const char *path, size_t max_bytes, argmap_diags *diags)
{
	struct stat st;
	int fd, e, too_big;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		e = errno;
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0,
		        e == ENOENT ? "check the path; maps are read relative to the current folder"
		                    : NULL,
		        "cannot open: %s", strerror(e));
		return am_fail(ARGMAP_EIO, "%s: cannot open: %s", path, strerror(e));
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0, NULL, "cannot stat: %s",
		        strerror(e));
		return am_fail(ARGMAP_EIO, "%s: cannot stat: %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		const char *what = S_ISDIR(st.st_mode)    ? "a directory"
		                   : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
		                   : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
		                   : S_ISSOCK(st.st_mode) ? "a socket"
		                                          : "not a regular file";
		close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM001", path, 0, 0,
		        "argmap reads regular files only; give the path of an .xml map",
		        "is %s, not a map file", what);
		return am_fail(ARGMAP_EIO, "%s: not a regular file", path);
	}
	if ((unsigned long long)st.st_size > max_bytes) {
		close(fd);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0,
		        "split the map into several files that import each other",
		        "file is %llu bytes, over the limit of %zu bytes",
		        (unsigned long long)st.st_size, max_bytes);
		return am_fail(ARGMAP_ELIMIT, "%s: file too large", path);
	}
	/* Regular files never block; clear O_NONBLOCK anyway for NFS & co. */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	e = read_fd(fd, max_bytes, &x->buf, &x->len, &too_big);
	close(fd);
	if (e) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM003", path, 0, 0, NULL, "cannot read: %s",
		        strerror(e));
		return am_fail(e == ENOMEM ? ARGMAP_ENOMEM : ARGMAP_EIO, "%s: cannot read: %s",
		               path, strerror(e));
	}
	if (too_big) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0,
		        "split the map into several files that import each other",
		        "file grew past the limit of %zu bytes while being read", max_bytes);
		return am_fail(ARGMAP_ELIMIT, "%s: file too large", path);
	}
	return 0;
}

/* ---------------------------------------------------------- positions */

static int index_lines(am_xml_doc *x)
{
	size_t i, n = 1, k = 0;

	for (i = 0; i < x->len; i++)
		if (x->buf[i] == '\n')
			n++;
	x->lines = malloc(n * sizeof *x->lines);
	if (!x->lines)
		return -1;
	x->lines[k++] = 0;
	for (i = 0; i < x->len; i++)
		if (x->buf[i] == '\n')
			x->lines[k++] = i + 1;
	x->nlines = n;
	x->pos = calloc(1, sizeof *x->pos);
	if (!x->pos)
		return -1;
	x->pos->col = 1;
	return 0;
}

void am_xml_offset_pos(const am_xml_doc *x, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi, start, c;
	struct am_pos_cache *pc = x->pos;

	*line = *col = 0;
	if (!x->lines || !x->nlines)
		return;
	if (off > x->len)
		off = x->len;
	if (pc && pc->line + 1 < x->nlines && x->lines[pc->line] <= off &&
	    off < x->lines[pc->line + 1])
		lo = pc->line;
	else if (pc && pc->line + 1 == x->nlines && x->lines[pc->line] <= off)
		lo = pc->line;
	else {
		hi = x->nlines;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (x->lines[mid] <= off)
				lo = mid;
			else
				hi = mid;
		}
	}
	start = x->lines[lo];
	if (pc && pc->line == lo && pc->off <= off)
		c = pc->col + am_utf8_count(x->buf + pc->off, off - pc->off);
	else if (pc && pc->line == lo && off - start > pc->off - off)
		c = pc->col - am_utf8_count(x->buf + off, pc->off - off);
	else
		c = am_utf8_count(x->buf + start, off - start) + 1;
	if (pc) {
		pc->line = lo;
		pc->off = off;
		pc->col = c;
	}
	*line = (unsigned)(lo + 1);
	*col = (unsigned)c;
}

size_t am_xml_node_offset(const am_xml_doc *x, xmlNodePtr node)
{
	long line;

	if (node && node->type == XML_ELEMENT_NODE && node->_private)
		return (size_t)PRIV_OFFSET(node->_private);
	line = node ? xmlGetLineNo(node) : 0;
	if (line > 0 && x->lines && (size_t)line <= x->nlines)
		return x->lines[line - 1];
	return 0;
}

void am_xml_node_pos(const am_xml_doc *x, xmlNodePtr node, unsigned *line, unsigned *col)
{
	if (node && node->type == XML_ELEMENT_NODE && node->_private) {
		am_xml_offset_pos(x, am_xml_node_offset(x, node), line, col);
		return;
	}
	*line = node && xmlGetLineNo(node) > 0 ? (unsigned)xmlGetLineNo(node) : 0;
	*col = 0;
}

size_t am_xml_attr_offset(const am_xml_doc *x, xmlNodePtr el, const char *name)
{
	size_t off = am_xml_node_offset(x, el), i, nlen = strlen(name);
	char quote = 0;

	/* Scan the start tag, skipping quoted values, for `name` followed by
	 * optional space, '=', optional space and a quote. */
	for (i = off + 1; i < x->len; i++) {
		char c = x->buf[i];
		if (quote) {
			if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			quote = c;
			continue;
		}
		if (c == '>')
			break;
		if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') && i + 1 + nlen < x->len &&
		    memcmp(x->buf + i + 1, name, nlen) == 0) {
			size_t j = i + 1 + nlen;
			while (j < x->len && strchr(" \t\r\n", x->buf[j]))
				j++;
			if (j < x->len && x->buf[j] == '=') {
				j++;
				while (j < x->len && strchr(" \t\r\n", x->buf[j]))
					j++;
				if (j < x->len && (x->buf[j] == '"' || x->buf[j] == '\''))
					return j + 1;
			}
		}
	}
	return off;
}

void am_xml_mark(xmlNodePtr node)
{
	if (node && node->type == XML_ELEMENT_NODE)
		node->_private = (void *)((uintptr_t)node->_private | 1u);
}

int am_xml_marked(xmlNodePtr node)
{
	return node && node->type == XML_ELEMENT_NODE && ((uintptr_t)node->_private & 1u);
}

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
	int doctype;            /* a DOCTYPE was seen (parser stopped) */
	size_t doctype_off;
	int errors;             /* parser errors reported */
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

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
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
	ctxt->node->_private = (void *)(((uintptr_t)off + 1) << 1);
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
	case XML_ERR_TAG_NOT_FINISHED:
		return "every <element> needs its matching </element>";
	case XML_ERR_DOCUMENT_END:
		return "the file must have exactly one root element, <argmap>";
	case XML_ERR_INTERNAL_ERROR:
	case XML_ERR_NO_MEMORY:
		return "the document hit one of libxml2's size limits (10 MB text, depth 256)";
	default:
		return NULL;
	}
}

/* The parser's structured error handler. libxml2 passes it ctxt->userData,
 * which is the parser context itself. */
static void on_xml_error(void *ud, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ud;
	parse_state *st = ctxt->_private;
	unsigned line = e->line > 0 ? (unsigned)e->line : 0;
	unsigned col = e->int2 > 0 ? (unsigned)e->int2 : 0;
	char *msg;

	if (st->doctype || e->level == XML_ERR_WARNING)
		return;
	/* After the first fatal error libxml2 only reports its consequences
	 * (and, for a huge attribute, a bogus "Memory allocation failed"):
	 * the first message is the one that helps. */
	if (st->errors >= 1)
		return;
	msg = strdup(e->message ? e->message : "malformed XML");
	if (!msg)
		return;
	am_fold_space(msg, msg);
	if (strstr(msg, "Excessive depth")) {
		free(msg);
		msg = strdup("elements are nested deeper than 256 levels");
		if (!msg)
			return;
	}
	am_diag(st->diags, ARGMAP_SEV_ERROR, "AM010", st->x->path, line, col, wf_hint(e->code),
	        "not well-formed XML: %s", msg);
	free(msg);
	st->errors++;
}

/* Checks argmap's own rules on the raw bytes before libxml2 sees them:
 * not empty, no NUL, valid UTF-8, no other declared encoding. */
static int precheck(am_xml_doc *x, argmap_diags *diags)
{
	const char *b = x->buf;
	size_t n = x->len, bad, i;
	unsigned line, col;

	for (i = 0; i < n && strchr(" \t\r\n", b[i]); i++)
		;
	if (i == n) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM004", x->path, 0, 0,
		        "a map starts with <argmap xmlns=\"urn:argmap:1\" version=\"1\">",
		        "file is empty");
		return ARGMAP_EINVALID;
	}
	if (n >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
	               ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, 1, 1,
		        "save the file as UTF-8 (without a UTF-16 byte order mark)",
		        "file is UTF-16; argmap maps must be UTF-8");
		return ARGMAP_EINVALID;
	}
	for (i = 0; i < n; i++)
		if (b[i] == '\0') {
			am_xml_offset_pos(x, i, &line, &col);
			am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
			        "remove the NUL byte; the file may be binary or UTF-16",
			        "file contains a NUL byte");
			return ARGMAP_EINVALID;
		}
	bad = am_utf8_check(b, n);
	if (bad < n) {
		am_xml_offset_pos(x, bad, &line, &col);
		am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
		        "save the file as UTF-8; argmap reads no other encoding",
		        "invalid UTF-8 (byte 0x%02X)", (unsigned)(unsigned char)b[bad]);
		return ARGMAP_EINVALID;
	}
	/* <?xml ... encoding="X"?>: X must be UTF-8. */
	i = (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	if (n - i > 5 && memcmp(b + i, "<?xml", 5) == 0) {
		const char *end = strstr(b + i, "?>");
		const char *enc = strstr(b + i, "encoding");
		if (end && enc && enc < end) {
			const char *v = enc + 8;
			while (*v == ' ' || *v == '=' || *v == '\t')
				v++;
			if (*v == '"' || *v == '\'') {
				char q = *v++;
				const char *e = strchr(v, q);
				if (e && e < end &&
				    !((e - v == 5 && strncasecmp(v, "UTF-8", 5) == 0) ||
				      (e - v == 4 && strncasecmp(v, "UTF8", 4) == 0) ||
				      (e - v == 8 && strncasecmp(v, "US-ASCII", 8) == 0) ||
				      (e - v == 5 && strncasecmp(v, "ASCII", 5) == 0))) {
					am_xml_offset_pos(x, (size_t)(v - b), &line, &col);
					am_diag(diags, ARGMAP_SEV_ERROR, "AM005", x->path, line, col,
					        "write encoding=\"UTF-8\" and save the file as UTF-8",
					        "declares encoding \"%.*s\"; argmap maps must be UTF-8",
					        (int)(e - v > 40 ? 40 : e - v), v);
					return ARGMAP_EINVALID;
				}
			}
		}
	}
	return 0;
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
			am_diag(diags, ARGMAP_SEV_ERROR, "AM012", x->path, line, col,
			        "use <import href=\"other.xml\"/> to share declarations between maps",
			        "XInclude (<%s>) is not allowed in argmap maps", (const char *)n->name);
			found = 1;
		}
		found |= has_xinclude(x, n->children, diags);
	}
	return found;
}

int am_xml_read(am_xml_doc *x, const char *path, const char *mem, size_t memlen,
                size_t max_bytes, argmap_diags *diags)
{
	xmlParserCtxtPtr ctxt = NULL;
	parse_state st;
	int rc;

	memset(x, 0, sizeof *x);
	x->path = path;
	am_xml_init();
	if (mem) {
		if (memlen > max_bytes) {
			am_diag(diags, ARGMAP_SEV_ERROR, "AM002", path, 0, 0, NULL,
			        "input is %zu bytes, over the limit of %zu bytes", memlen, max_bytes);
			return am_fail(ARGMAP_ELIMIT, "%s: input too large", path);
		}
		x->buf = malloc(memlen + 1);
		if (!x->buf)
			return am_fail(ARGMAP_ENOMEM, "out of memory");
		memcpy(x->buf, mem, memlen);
		x->buf[memlen] = '\0';
		x->len = memlen;
	} else {
		rc = read_file(x, path, max_bytes, diags);
		if (rc)
			return rc;
	}
	if (index_lines(x) < 0)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	rc = precheck(x, diags);
	if (rc)
		return am_fail(rc, "%s: not a valid argmap file", path);
	if (x->len > (size_t)INT32_MAX)
		return am_fail(ARGMAP_ELIMIT, "%s: input too large", path);

	memset(&st, 0, sizeof st);
	st.x = x;
	st.diags = diags;
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	ctxt->_private = &st;
	st.sax_start = ctxt->sax->startElementNs ? ctxt->sax->startElementNs
	                                         : xmlSAX2StartElementNs;
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
	x->doc = xmlCtxtReadMemory(ctxt, x->buf, (int)x->len, path, NULL,
	                           am_xml_parse_options());
	xmlFreeParserCtxt(ctxt);

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
	if (!x->doc || st.errors) {
		if (!st.errors)
			am_diag(diags, ARGMAP_SEV_ERROR, "AM010", path, 0, 0, NULL,
			        "not well-formed XML");
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

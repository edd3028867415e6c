/*
 * xml.h - the libxml2 boundary: a hardened reader and positions.
 *
 * Only files in src/read include this header; nothing outside
 * the library ever sees a libxml2 type.
 *
 * am_xml_read reads a file itself (regular files only, size-capped, never
 * blocking on a FIFO), rejects what argmap maps may not contain (encodings
 * other than UTF-8, NUL bytes, any DOCTYPE, XInclude), and parses from
 * memory with XML_PARSE_NONET | XML_PARSE_BIG_LINES. Every element
 * remembers the byte offset of its start tag, so diagnostics carry exact
 * lines and columns.
 *
 * libxml2's process-wide state is the host program's: nothing here sets a
 * global error handler or the external entity loader, or calls
 * xmlCleanupParser. Parse errors reach argmap through the parser
 * context's own SAX serror handler. External entities are kept out per
 * context: the parser stops at the DOCTYPE (before its internal subset,
 * so nothing is declared or loaded), and the SAX hooks that declare,
 * resolve or load entities are replaced by ones that do nothing
 * (am_xml_deny_entities), so even a DOCTYPE that got through could not
 * reach the entity loader. 2.9.14 has no per-context entity loader.
 */
#ifndef AM_XML_H
#define AM_XML_H

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/am_internal.h"

#define AM_NS "urn:argmap:1"

typedef struct am_xml_doc {
	xmlDocPtr doc;    /* NULL if the document could not be parsed */
	const char *path; /* borrowed from the caller */
	char *buf;        /* the file's bytes, NUL-terminated */
	size_t len;
	size_t *lines; /* byte offset of each line start */
	size_t nlines;
	struct am_pos_cache *pos; /* last position computed (see xml.c) */
} am_xml_doc;

/* The options word used for every parse (a test asserts it). */
int am_xml_parse_options(void);

/* Initialises libxml2 once (xmlInitParser, which is idempotent). */
void am_xml_init(void);

/* Replaces the SAX hooks of ctxt that declare, resolve or load entities
 * (entityDecl, unparsedEntityDecl, externalSubset, resolveEntity,
 * getParameterEntity) with ones that do nothing: no entity is declared, no
 * external subset or entity is loaded, whatever the parse options. */
void am_xml_deny_entities(xmlParserCtxtPtr ctxt);

/*
 * Reads and parses `path` (or, when mem != NULL, the `memlen` bytes at mem,
 * named `path` in messages). On success returns 0 with out->doc set.
 * Otherwise reports to diags and returns ARGMAP_EIO (unreadable: AM001-3),
 * ARGMAP_ELIMIT (too large: AM002) or ARGMAP_EINVALID (AM004-AM012);
 * out is still valid to pass to am_xml_free.
 */
int am_xml_read(am_xml_doc *out, const char *path, const char *mem, size_t memlen, size_t max_bytes,
                argmap_diags *diags);
/* The same for a file the caller has opened (and still owns) as fd. */
int am_xml_read_fd(am_xml_doc *out, const char *path, int fd, size_t max_bytes,
                   argmap_diags *diags);
void am_xml_free(am_xml_doc *x);

/* ---------------------------------------- the pieces of am_xml_read */

/* bytes.c: fills x->buf/len (from the file at path, or open as fd >= 0
 * (not closed), or a copy of mem),
 * indexes its lines and checks argmap's rules on the raw bytes (AM001-AM005).
 * 0 or a negative status, with diagnostics. */
int am_xml_load_bytes(am_xml_doc *x, const char *path, int fd, const char *mem, size_t memlen,
                      size_t max_bytes, argmap_diags *diags);

/* bytes.c: fills x->buf/len from the file at path (regular files only,
 * size-capped, as for maps: AM001-AM003) or a copy of mem, and indexes its
 * lines, with none of the XML rules: for the readers of other formats
 * (read/aif_json.c), which check their bytes themselves. */
int am_read_raw_bytes(am_xml_doc *x, const char *path, const char *mem, size_t memlen,
                      size_t max_bytes, argmap_diags *diags);

/* positions.c: builds x->lines and x->pos from x->buf; -1 when out of memory. */
int am_xml_index_lines(am_xml_doc *x);
/* Records the byte offset of an element's '<' (the parser calls it). */
void am_xml_set_node_offset(xmlNodePtr node, size_t off);

/* ------------------------------------------------------- positions.c */

/* Line and column (1-based, in characters) of a byte offset. */
void am_xml_offset_pos(const am_xml_doc *x, size_t off, unsigned *line, unsigned *col);
/* Byte offset of an element's '<', or the best guess from its line. */
size_t am_xml_node_offset(const am_xml_doc *x, xmlNodePtr node);
void am_xml_node_pos(const am_xml_doc *x, xmlNodePtr node, unsigned *line, unsigned *col);
/* Byte offset of the first character of attribute `name`'s value in the
 * start tag of `el`; the element's offset when not found. */
size_t am_xml_attr_offset(const am_xml_doc *x, xmlNodePtr el, const char *name);

/* Marks, and asks whether, a node already has a structural diagnostic. */
void am_xml_mark(xmlNodePtr node);
int am_xml_marked(xmlNodePtr node);

/* The concatenated text of an element's text/CDATA children, or NULL when
 * it has element children. Caller xmlFree()s. */
char *am_xml_text(xmlNodePtr el);

#endif

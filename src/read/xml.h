/*
 * xml.h - the libxml2 boundary: a hardened reader and positions.
 *
 * Only xml.c, schema.c and load.c include this header; nothing outside
 * the library ever sees a libxml2 type.
 *
 * am_xml_read reads a file itself (regular files only, size-capped, never
 * blocking on a FIFO), rejects what argmap maps may not contain (encodings
 * other than UTF-8, NUL bytes, any DOCTYPE, XInclude), and parses from
 * memory with XML_PARSE_NONET | XML_PARSE_BIG_LINES under a deny-all
 * external entity loader. Every element remembers the byte offset of its
 * start tag, so diagnostics carry exact lines and columns.
 */
#ifndef AM_XML_H
#define AM_XML_H

#include <libxml/tree.h>

#include "util/am_internal.h"

#define AM_NS "urn:argmap:1"

typedef struct am_xml_doc {
	xmlDocPtr doc;     /* NULL if the document could not be parsed */
	const char *path;  /* borrowed from the caller */
	char *buf;         /* the file's bytes, NUL-terminated */
	size_t len;
	size_t *lines;     /* byte offset of each line start */
	size_t nlines;
	struct am_pos_cache *pos; /* last position computed (see xml.c) */
} am_xml_doc;

/* The options word used for every parse (a test asserts it). */
int am_xml_parse_options(void);

/* Installs the deny-all entity loader and initialises libxml2 once. */
void am_xml_init(void);

/*
 * Reads and parses `path` (or, when mem != NULL, the `memlen` bytes at mem,
 * named `path` in messages). On success returns 0 with out->doc set.
 * Otherwise reports to diags and returns ARGMAP_EIO (unreadable: AM001-3),
 * ARGMAP_ELIMIT (too large: AM002) or ARGMAP_EINVALID (AM004-AM012);
 * out is still valid to pass to am_xml_free.
 */
int am_xml_read(am_xml_doc *out, const char *path, const char *mem, size_t memlen,
                size_t max_bytes, argmap_diags *diags);
void am_xml_free(am_xml_doc *x);

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

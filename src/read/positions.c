/*
 * positions.c - byte offsets to lines and columns, and the offset of each
 * element's start tag, which the parser records in the element's
 * _private. See xml.h.
 */
#include "read/xml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* The last position turned into a column. Positions are asked for in
 * nearly increasing order, so counting characters from the last one keeps
 * a map written on one long line linear instead of quadratic. */
struct am_pos_cache {
	size_t line; /* 0-based line index */
	size_t off;
	size_t col; /* 1-based column of off */
};

/* _private of an element: (offset of '<' + 1) << 1 | marked. */
#define PRIV_OFFSET(p) ((((uintptr_t)(p)) >> 1) - 1)

int am_xml_index_lines(am_xml_doc *x)
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

void am_xml_set_node_offset(xmlNodePtr node, size_t off)
{
	node->_private = (void *)(((uintptr_t)off + 1) << 1);
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

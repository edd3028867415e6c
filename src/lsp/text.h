/*
 * text.h - a document's text as the language server sees it: lines, LSP
 * positions (UTF-16 code units, as the protocol counts them) against byte
 * offsets and argmap's positions (1-based, in characters), and what the
 * cursor is in (an element name, an attribute, a value).
 *
 * Every function is linear in the bytes it looks at and bounded: the
 * cursor context looks back at most AM_TEXT_LOOKBACK bytes, so a
 * half-typed file of any size answers in constant time.
 *
 * Ownership: an am_text owns its copy of the bytes and its line index.
 */
#ifndef AM_LSP_TEXT_H
#define AM_LSP_TEXT_H

#include <stddef.h>

#define AM_TEXT_LOOKBACK ((size_t)65536)

typedef struct am_text {
	char *s; /* NUL-terminated; may hold NUL bytes from a hostile client */
	size_t len, cap;
	size_t *lines; /* byte offset of each line start; valid when !dirty */
	size_t nlines, caplines;
	int dirty;
} am_text;

/* Replaces the whole text. 0, or -1 when out of memory. */
int am_text_set(am_text *t, const char *s, size_t n);
/* Replaces bytes [from, to) with s. 0, or -1. */
int am_text_splice(am_text *t, size_t from, size_t to, const char *s, size_t n);
/* Copies src into dst (dst is overwritten). 0, or -1. */
int am_text_copy(am_text *dst, const am_text *src);
void am_text_free(am_text *t);

/* Byte offset of an LSP position (0-based line, UTF-16 units), clamped to
 * the line and the text. */
size_t am_text_offset(am_text *t, long line, long utf16);
/* LSP position of a byte offset. */
void am_text_position(am_text *t, size_t off, unsigned *line, unsigned *utf16);
/* Byte offset of an argmap position (1-based line, 1-based characters);
 * col 0 means the line's start. */
size_t am_text_offset_of_loc(am_text *t, unsigned line, unsigned col);

/* Where the cursor is. */
typedef enum am_cursor_kind {
	AM_CUR_NONE = 0,
	AM_CUR_ELEMENT_NAME, /* after '<' (or '</'): elem = the parent, if known */
	AM_CUR_ATTR_NAME,    /* inside a start tag, between attributes */
	AM_CUR_ATTR_VALUE    /* inside attr="..." */
} am_cursor_kind;

typedef struct am_cursor {
	am_cursor_kind kind;
	char elem[64];    /* the element whose tag the cursor is in (or the parent) */
	char attr[64];    /* AM_CUR_ATTR_VALUE: the attribute */
	size_t tok_start; /* the word the cursor is in: [tok_start, tok_end) */
	size_t tok_end;
	size_t value_start; /* AM_CUR_ATTR_VALUE: first byte of the value */
} am_cursor;

/* What the cursor at byte offset `off` is in. */
void am_text_cursor(am_text *t, size_t off, am_cursor *c);

/* The word at off among id characters (letters, digits, '-', '_', '.',
 * ':', and any non-ASCII byte): [*start, *end). */
void am_text_word(const am_text *t, size_t off, size_t *start, size_t *end);

#endif

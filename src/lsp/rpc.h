/*
 * rpc.h - the language server's wire: LSP base-protocol framing
 * ("Content-Length: N\r\n\r\n" then N bytes of JSON) and JSON-RPC 2.0
 * messages, both untrusted.
 *
 * The reader is fed whatever read() returned and hands out one complete
 * body at a time. Limits: a header block of at most AM_RPC_MAX_HEADER
 * bytes, a body of at most AM_RPC_MAX_BODY bytes; a body over the limit is
 * skipped without being buffered, a malformed header block is dropped up
 * to its blank line, so a hostile or confused client can neither crash the
 * server nor make it hold more than one body in memory. Memory use is
 * linear in the largest accepted body.
 *
 * Ownership: the reader owns its buffer (am_rpc_reader_free); a body
 * returned by am_rpc_next is borrowed until the next call.
 */
#ifndef AM_LSP_RPC_H
#define AM_LSP_RPC_H

#include <jansson.h>
#include <stddef.h>

#include "util/buf.h"

#define AM_RPC_MAX_HEADER ((size_t)4096)
/* An 8 MiB map sent as one JSON string with every byte escaped. */
#define AM_RPC_MAX_BODY ((size_t)64 * 1024 * 1024)

typedef struct am_rpc_reader {
	char *buf;
	size_t len, cap, start; /* pending bytes are buf[start..len) */
	size_t body_len;        /* of the message being read; 0 while in headers */
	int in_body;
	size_t skip;       /* bytes of an oversized body still to drop */
	unsigned problems; /* framing errors seen (for the log) */
} am_rpc_reader;

/* Appends n bytes read from the client. 0, or -1 when out of memory. */
int am_rpc_feed(am_rpc_reader *r, const char *data, size_t n);

/* The next complete body: 1 with *body and *len set, 0 when more bytes are
 * needed. Framing errors are counted in r->problems and skipped. */
int am_rpc_next(am_rpc_reader *r, const char **body, size_t *len);

void am_rpc_reader_free(am_rpc_reader *r);

/* Parses a body as one JSON value (duplicate keys rejected, no NUL in
 * strings, jansson's nesting limit). NULL when it is not JSON. */
json_t *am_rpc_parse(const char *body, size_t len);

/* Frames v (Content-Length header + compact JSON) into out. 0, or -1. */
int am_rpc_frame(am_buf *out, const json_t *v);

/* JSON-RPC error codes the server uses. */
enum {
	AM_RPC_PARSE_ERROR = -32700,
	AM_RPC_INVALID_REQUEST = -32600,
	AM_RPC_METHOD_NOT_FOUND = -32601,
	AM_RPC_INVALID_PARAMS = -32602,
	AM_RPC_INTERNAL_ERROR = -32603,
	AM_RPC_NOT_INITIALIZED = -32002,
	AM_RPC_REQUEST_FAILED = -32803
};

#endif

/*
 * fuzz_lsp.c - libFuzzer target: the language server's message handling
 * on untrusted input, in memory (no threads, output discarded).
 *
 *  - An input that starts with "Content-Length" is a raw client stream:
 *    framed, parsed and dispatched as `argmap lsp` would, fed in two
 *    pieces split at a point the input chooses.
 *  - Any other input is a map a client opens (when it is UTF-8): then
 *    completion, hover, definition, references, rename and symbols at
 *    positions derived from the input, an incremental change that cuts a
 *    piece out, and the same requests again on the half-typed text.
 *
 * The server's workspace root is a folder that does not exist, so no
 * document is inside it and nothing is read from disk: the target also
 * asserts the rule that the server never reads outside its workspace.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/lsp.h"
#include "lsp/rpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void handle(am_lsp_server *srv, json_t *m)
{
	char *s = json_dumps(m, JSON_COMPACT);

	if (s) {
		am_lsp_handle(srv, s, strlen(s));
		am_lsp_tick(srv);
	}
	free(s);
	json_decref(m);
}

static void requests(am_lsp_server *srv, const uint8_t *data, size_t size, int round)
{
	static const char *const methods[] = {"textDocument/completion", "textDocument/hover",
	                                      "textDocument/definition", "textDocument/references",
	                                      "textDocument/rename"};
	size_t i, k;

	for (k = 0; k < 3; k++) {
		unsigned line = size ? data[(k * 7 + round) % size] % 40 : 0;
		unsigned ch = size ? data[(k * 13 + 1) % size] % 80 : 0;
		for (i = 0; i < sizeof methods / sizeof methods[0]; i++)
			handle(srv, json_pack("{s:s,s:I,s:s,s:{s:{s:s},s:{s:i,s:i},s:s,s:{s:b}}}",
			                      "jsonrpc", "2.0", "id", (json_int_t)(k * 10 + i), "method",
			                      methods[i], "params", "textDocument", "uri",
			                      "file:///argmap-fuzz/m.xml", "position", "line", line,
			                      "character", ch, "newName", "renamed", "context",
			                      "includeDeclaration", 1));
	}
	handle(srv, json_pack("{s:s,s:i,s:s,s:{s:{s:s}}}", "jsonrpc", "2.0", "id", 99, "method",
	                      "textDocument/documentSymbol", "params", "textDocument", "uri",
	                      "file:///argmap-fuzz/m.xml"));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	am_lsp_server srv;

	am_lsp_server_init(&srv, -1);
	am_lsp_handle(&srv, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}",
	              58);
	free(srv.root);
	srv.root = strdup("/argmap-fuzz-no-such-workspace");
	if (size >= 14 && memcmp(data, "Content-Length", 14) == 0) {
		am_rpc_reader r;
		const char *body;
		size_t len, cut = size > 16 ? data[15] % size : size;
		memset(&r, 0, sizeof r);
		am_rpc_feed(&r, (const char *)data, cut);
		while (am_rpc_next(&r, &body, &len) == 1 && !srv.exiting) {
			am_lsp_handle(&srv, body, len);
			am_lsp_tick(&srv);
		}
		am_rpc_feed(&r, (const char *)data + cut, size - cut);
		while (am_rpc_next(&r, &body, &len) == 1 && !srv.exiting) {
			am_lsp_handle(&srv, body, len);
			am_lsp_tick(&srv);
		}
		am_rpc_reader_free(&r);
	} else {
		json_t *text = json_stringn((const char *)data, size);
		if (text) {
			unsigned l0 = size ? data[0] % 20 : 0, l1 = size > 1 ? data[1] % 20 : 0;
			handle(&srv, json_pack("{s:s,s:s,s:{s:{s:s,s:i,s:o}}}", "jsonrpc", "2.0",
			                       "method", "textDocument/didOpen", "params",
			                       "textDocument", "uri", "file:///argmap-fuzz/m.xml",
			                       "version", 1, "text", text));
			requests(&srv, data, size, 0);
			handle(&srv,
			       json_pack("{s:s,s:s,s:{s:{s:s,s:i},s:[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]}}",
			                 "jsonrpc", "2.0", "method", "textDocument/didChange", "params",
			                 "textDocument", "uri", "file:///argmap-fuzz/m.xml", "version", 2,
			                 "contentChanges", "range", "start", "line", l0, "character", 3,
			                 "end", "line", l1, "character", 9, "text", "<claim id=\""));
			requests(&srv, data, size, 1);
		}
	}
	am_lsp_server_free(&srv);
	return 0;
}

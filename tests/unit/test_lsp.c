/*
 * test_lsp.c - the language server's parts on their own: framing of
 * untrusted bytes, JSON-RPC replies to malformed messages, positions in
 * UTF-16, the cursor's context, URIs. (tests/lsp/nvim_test.sh drives the
 * whole server from Neovim.)
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lsp/lsp.h"
#include "lsp/rpc.h"

static int next_body(am_rpc_reader *r, char *out, size_t cap)
{
	const char *b;
	size_t n;

	if (am_rpc_next(r, &b, &n) != 1)
		return 0;
	cr_assert_lt(n, cap);
	memcpy(out, b, n);
	out[n] = '\0';
	return 1;
}

Test(lsp_rpc, frames_split_anywhere)
{
	const char *msg = "Content-Length: 7\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n[]";
	size_t i, n = strlen(msg);
	char out[64];
	int got = 0;

	/* fed one byte at a time: the same two bodies */
	am_rpc_reader r;
	memset(&r, 0, sizeof r);
	for (i = 0; i < n; i++) {
		cr_assert_eq(am_rpc_feed(&r, msg + i, 1), 0);
		while (next_body(&r, out, sizeof out)) {
			cr_assert_str_eq(out, got ? "[]" : "{\"a\":1}");
			got++;
		}
	}
	cr_assert_eq(got, 2);
	cr_assert_eq(r.problems, 0);
	am_rpc_reader_free(&r);
}

Test(lsp_rpc, bad_headers_are_skipped)
{
	const char *msg = "Content-Length: x\r\n\r\n"
	                  "Content-Length: 3\r\nContent-Length: 3\r\n\r\n"
	                  "Content-Type: foo\r\n\r\n"
	                  "Content-Length: 99999999999\r\n\r\n"
	                  "Content-Length: 2\r\n\r\n{}";
	char out[64];
	am_rpc_reader r;

	memset(&r, 0, sizeof r);
	am_rpc_feed(&r, msg, strlen(msg));
	/* the huge length skips everything after it, unbuffered */
	cr_assert_eq(next_body(&r, out, sizeof out), 0);
	cr_assert_eq(r.problems, 4);
	cr_assert_gt(r.skip, 0);
	am_rpc_reader_free(&r);
}

Test(lsp_rpc, header_without_end_is_bounded)
{
	char junk[AM_RPC_MAX_HEADER * 3];
	char out[64];
	am_rpc_reader r;

	memset(junk, 'x', sizeof junk);
	memset(&r, 0, sizeof r);
	am_rpc_feed(&r, junk, sizeof junk);
	cr_assert_eq(next_body(&r, out, sizeof out), 0);
	cr_assert_geq(r.problems, 2);
	am_rpc_feed(&r, "\r\n\r\nContent-Length: 2\r\n\r\n{}", 27);
	while (next_body(&r, out, sizeof out) && strcmp(out, "{}") != 0) {
	}
	cr_assert_str_eq(out, "{}");
	am_rpc_reader_free(&r);
}

/* Sends body to a fresh server's handler and returns everything it wrote. */
static const char *exchange(am_lsp_server *srv, const char *body)
{
	am_lsp_handle(srv, body, strlen(body));
	am_lsp_tick(srv);
	return srv->out.data ? srv->out.data : "";
}

Test(lsp_server, malformed_messages_get_errors)
{
	am_lsp_server srv;
	const char *out;

	am_lsp_server_init(&srv, -1);
	out = exchange(&srv, "{not json");
	cr_assert(strstr(out, "-32700"), "%s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"x\"}");
	cr_assert(strstr(out, "-32700"), "duplicate keys are rejected: %s", out);
	srv.out.len = 0;
	out = exchange(&srv, "[1,2]");
	cr_assert(strstr(out, "-32600"), "%s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\"}");
	cr_assert(strstr(out, "-32002"), "requests before initialize: %s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{}}");
	cr_assert(strstr(out, "\"definitionProvider\":true"), "%s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"shutdown\"}");
	cr_assert(strstr(out, "-32600"), "an object id: %s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\","
	                     "\"params\":{\"textDocument\":{\"uri\":\"file:///nope.xml\"}}}");
	cr_assert(strstr(out, "-32602"), "a document not open: %s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such\",\"params\":{}}");
	cr_assert(strstr(out, "-32601"), "%s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}");
	cr_assert(strstr(out, "\"id\":7,\"result\":null"), "%s", out);
	exchange(&srv, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	cr_assert_eq(srv.exiting, 1);
	cr_assert_eq(srv.exit_code, 0);
	am_lsp_server_free(&srv);
}

Test(lsp_server, half_typed_document_gets_diagnostics)
{
	am_lsp_server srv;
	const char *out;

	am_lsp_server_init(&srv, -1);
	exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
	                     "{\"textDocument\":{\"uri\":\"untitled:1\",\"version\":1,\"text\":"
	                     "\"<argmap xmlns=\\\"urn:argmap:1\\\" version=\\\"1\\\">\\n<claim "
	                     "id=\\\"\"}}}");
	cr_assert(strstr(out, "publishDiagnostics"), "%s", out);
	cr_assert(strstr(out, "\"code\":\"AM010\""), "%s", out);
	srv.out.len = 0;
	out = exchange(&srv, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/completion\","
	                     "\"params\":{\"textDocument\":{\"uri\":\"untitled:1\"},\"position\":"
	                     "{\"line\":1,\"character\":1}}}");
	cr_assert(strstr(out, "\"label\":\"claim\""), "%s", out);
	am_lsp_server_free(&srv);
}

Test(lsp_text, positions_count_utf16)
{
	am_text t = {0};
	unsigned line, ch;
	/* "a😀b" then "é=x": the emoji is two UTF-16 units, four bytes */
	const char *s = "a\xF0\x9F\x98\x80" "b\n\xC3\xA9=x";

	am_text_set(&t, s, strlen(s));
	cr_assert_eq(am_text_offset(&t, 0, 3), 5); /* after the emoji */
	cr_assert_eq(am_text_offset(&t, 0, 99), 6); /* clamped to the line */
	cr_assert_eq(am_text_offset(&t, 1, 1), 9);
	cr_assert_eq(am_text_offset(&t, 7, 0), t.len);
	am_text_position(&t, 5, &line, &ch);
	cr_assert_eq(line, 0);
	cr_assert_eq(ch, 3);
	/* argmap's column 3 of line 1 is 'b' (characters, not bytes) */
	cr_assert_eq(am_text_offset_of_loc(&t, 1, 3), 5);
	am_text_splice(&t, 1, 5, "", 0);
	cr_assert_str_eq(t.s, "ab\n\xC3\xA9=x");
	am_text_position(&t, t.len, &line, &ch);
	cr_assert_eq(line, 1);
	cr_assert_eq(ch, 3);
	am_text_free(&t);
}

Test(lsp_text, cursor_context)
{
	am_text t = {0};
	am_cursor c;
	const char *s = "<argmap>\n  <claim id=\"a\" by=\"x y\" so\n  <cl";

	am_text_set(&t, s, strlen(s));
	am_text_cursor(&t, (size_t)(strstr(s, "x y") - s + 3), &c);
	cr_assert_eq(c.kind, AM_CUR_ATTR_VALUE);
	cr_assert_str_eq(c.attr, "by");
	cr_assert_str_eq(c.elem, "claim");
	cr_assert_eq(c.tok_start, (size_t)(strstr(s, "x y") - s + 2));
	am_text_cursor(&t, (size_t)(strstr(s, " so") - s + 3), &c);
	cr_assert_eq(c.kind, AM_CUR_ATTR_NAME);
	cr_assert_str_eq(c.elem, "claim");
	am_text_cursor(&t, strlen(s), &c);
	cr_assert_eq(c.kind, AM_CUR_ELEMENT_NAME);
	am_text_cursor(&t, 3, &c);
	cr_assert_eq(c.kind, AM_CUR_ELEMENT_NAME);
	cr_assert_str_eq(c.elem, "");
	am_text_free(&t);
}

Test(lsp_uri, paths_and_the_workspace)
{
	char *p = am_lsp_uri_path("file:///tmp/a%20b/m.xml");
	char *u;

	cr_assert_str_eq(p, "/tmp/a b/m.xml");
	u = am_lsp_path_uri(p);
	cr_assert_str_eq(u, "file:///tmp/a%20b/m.xml");
	free(p);
	free(u);
	cr_assert_null(am_lsp_uri_path("file:///tmp/%00x"));
	cr_assert_null(am_lsp_uri_path("file://host/x"));
	cr_assert_null(am_lsp_uri_path("untitled:1"));
	cr_assert_null(am_lsp_uri_path("file:///tmp/%zz"));
	cr_assert(am_lsp_inside("/tmp", "/tmp/x.xml"));
	cr_assert(!am_lsp_inside("/tmp/lsp-no-such-dir", "/tmp/x.xml"));
	cr_assert(!am_lsp_inside("/usr", "/usrx/y.xml"));
}

Test(lsp_hover, code_explanations_are_embedded)
{
	char *d = am_lsp_code_doc("AM202");

	cr_assert_not_null(d);
	cr_assert(strncmp(d, "### AM202 ", 10) == 0, "%s", d);
	cr_assert(strstr(d, "nothing declares"), "%s", d);
	cr_assert_null(strstr(d, "### AM203"), "stops at the next heading");
	free(d);
	cr_assert_null(am_lsp_code_doc("AM999"));
}

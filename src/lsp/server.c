/*
 * server.c - the language server's main loop, lifecycle and documents
 * (lsp.h); their diagnostics are published by publish.c. Every message is untrusted: anything that
 * is not what the protocol says gets an error reply (requests) or is dropped (notifications), never
 * a crash.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lsp/lsp.h"
#include "lsp/rpc.h"
#include "util/json.h"

#define MAX_DOCS 1024
#define MAX_CHANGES 4096

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void am_lsp_server_init(am_lsp_server *srv, int out_fd)
{
	memset(srv, 0, sizeof *srv);
	srv->out_fd = out_fd;
	srv->debounce_ms = 150;
}

static void flush_out(am_lsp_server *srv)
{
	size_t done = 0;

	if (srv->out_fd < 0) {
		if (srv->out.len > (1u << 20))
			srv->out.len = 0; /* fuzzing: keep memory bounded */
		return;
	}
	while (done < srv->out.len) {
		ssize_t n = write(srv->out_fd, srv->out.data + done, srv->out.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			srv->exiting = 1; /* the client is gone */
			srv->exit_code = 1;
			break;
		}
		done += (size_t)n;
	}
	srv->out.len = 0;
	if (srv->out.data)
		srv->out.data[0] = '\0';
}

void am_lsp_send(am_lsp_server *srv, const json_t *v)
{
	if (v && am_rpc_frame(&srv->out, v) == 0)
		flush_out(srv);
	srv->out.failed = 0;
}

void am_lsp_reply(am_lsp_server *srv, const json_t *id, json_t *result)
{
	json_t *m = json_object();

	if (m && !am_json_set(m, "jsonrpc", json_string("2.0")) &&
	    !am_json_set(m, "id", json_incref((json_t *)id)) &&
	    !am_json_set(m, "result", result ? result : json_null()))
		am_lsp_send(srv, m);
	else if (!m)
		json_decref(result);
	json_decref(m);
}

void am_lsp_reply_error(am_lsp_server *srv, const json_t *id, int code, const char *msg)
{
	json_t *m = json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id",
	                      id ? id : json_null(), "error", "code", code, "message", msg);
	am_lsp_send(srv, m);
	json_decref(m);
}

void am_lsp_notify(am_lsp_server *srv, const char *method, json_t *params)
{
	json_t *m =
	    json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params);
	am_lsp_send(srv, m);
	json_decref(m);
}

am_lsp_doc *am_lsp_find_doc(am_lsp_server *srv, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < srv->ndocs; i++)
		if (strcmp(srv->docs[i]->uri, uri) == 0)
			return srv->docs[i];
	return NULL;
}

am_lsp_doc *am_lsp_find_doc_path(am_lsp_server *srv, const char *path)
{
	size_t i;

	for (i = 0; path && i < srv->ndocs; i++)
		if (srv->docs[i]->path && strcmp(srv->docs[i]->path, path) == 0)
			return srv->docs[i];
	return NULL;
}

static void doc_free(am_lsp_doc *d)
{
	size_t i;

	free(d->uri);
	free(d->path);
	free(d->sources);
	am_text_free(&d->text);
	am_text_free(&d->snap);
	argmap_map_free(d->map);
	argmap_diags_free(d->diags);
	for (i = 0; i < d->nothers; i++)
		free(d->others[i]);
	free(d->others);
	free(d);
}

void am_lsp_server_free(am_lsp_server *srv)
{
	size_t i;

	am_lsp_worker_stop(srv->worker);
	for (i = 0; i < srv->ndocs; i++)
		doc_free(srv->docs[i]);
	free(srv->docs);
	free(srv->root);
	free(srv->sources);
	am_buf_free(&srv->out);
	memset(srv, 0, sizeof *srv);
}

/* ------------------------------------------------------------- analysis */

static am_lsp_job *make_job(am_lsp_doc *doc)
{
	am_lsp_job *job = calloc(1, sizeof *job);

	if (!job)
		return NULL;
	job->uri = strdup(doc->uri);
	job->path = doc->path ? strdup(doc->path) : NULL;
	job->sources = doc->sources ? strdup(doc->sources) : NULL;
	job->in_workspace = doc->in_workspace;
	job->version = doc->version;
	if (!job->uri || (doc->path && !job->path) || (doc->sources && !job->sources) ||
	    am_text_copy(&job->text, &doc->text) < 0) {
		am_lsp_job_free(job);
		return NULL;
	}
	return job;
}

static void install(am_lsp_server *srv, am_lsp_result *res)
{
	am_lsp_doc *doc = am_lsp_find_doc(srv, res->uri);

	srv->last_analysis = res->seconds;
	if (srv->log)
		fprintf(stderr, "argmap lsp: checked %s (version %ld) in %.0f ms\n", res->uri,
		        res->version, res->seconds * 1000);
	if (!doc || res->version < doc->map_version) {
		am_lsp_result_free(res);
		return;
	}
	doc->map_version = res->version;
	doc->map_current = res->map != NULL;
	if (res->map) {
		argmap_map_free(doc->map);
		am_text_free(&doc->snap);
		doc->map = res->map;
		doc->snap = res->text;
		res->map = NULL;
		memset(&res->text, 0, sizeof res->text);
		am_lsp_publish(srv, doc, res->diags, &doc->snap);
	} else {
		/* Nothing could be built (a half-typed tag): navigation keeps the
		 * last map; the diagnostics are of this text. */
		am_lsp_publish(srv, doc, res->diags, &res->text);
	}
	argmap_diags_free(doc->diags);
	doc->diags = res->diags;
	res->diags = NULL;
	am_lsp_result_free(res);
}

static void analyze_now(am_lsp_server *srv, am_lsp_doc *doc)
{
	am_lsp_job *job = make_job(doc);
	am_lsp_result *res;

	doc->pending = 0;
	if (!job)
		return;
	res = calloc(1, sizeof *res);
	if (res) {
		am_lsp_analyze(job, res);
		install(srv, res);
	}
	am_lsp_job_free(job);
}

void am_lsp_refresh(am_lsp_server *srv, am_lsp_doc *doc)
{
	if (doc->map_version != doc->version || doc->pending || !doc->map_current)
		analyze_now(srv, doc);
}

int am_lsp_tick(am_lsp_server *srv)
{
	double t = now(), next = -1;
	size_t i;

	for (i = 0; i < srv->ndocs; i++) {
		am_lsp_doc *d = srv->docs[i];
		if (!d->pending)
			continue;
		if (d->due <= t || !srv->worker) {
			if (srv->worker) {
				am_lsp_job *job = make_job(d);
				d->pending = 0;
				if (job)
					am_lsp_worker_submit(srv->worker, job);
			} else {
				analyze_now(srv, d);
			}
		} else if (next < 0 || d->due - t < next) {
			next = d->due - t;
		}
	}
	return next < 0 ? -1 : (int)(next * 1000) + 1;
}

void am_lsp_collect(am_lsp_server *srv)
{
	am_lsp_result *r;

	while (srv->worker && (r = am_lsp_worker_take(srv->worker)) != NULL)
		install(srv, r);
}

static void schedule(am_lsp_server *srv, am_lsp_doc *doc, double delay)
{
	doc->pending = 1;
	doc->due = now() + delay;
	(void)srv;
}

/* --------------------------------------------------------- notifications */

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void did_open(am_lsp_server *srv, const json_t *params)
{
	const json_t *td = json_object_get(params, "textDocument");
	const char *uri = str(td, "uri"), *text = str(td, "text");
	json_t *ver = json_object_get(td, "version");
	am_lsp_doc *doc, **nd;

	if (!uri || !text || strlen(uri) > PATH_MAX * 3)
		return;
	doc = am_lsp_find_doc(srv, uri);
	if (!doc) {
		if (srv->ndocs >= MAX_DOCS)
			return;
		if (srv->ndocs == srv->capdocs) {
			nd = realloc(srv->docs, (srv->capdocs * 2 + 8) * sizeof *nd);
			if (!nd)
				return;
			srv->docs = nd;
			srv->capdocs = srv->capdocs * 2 + 8;
		}
		doc = calloc(1, sizeof *doc);
		if (!doc || !(doc->uri = strdup(uri))) {
			free(doc);
			return;
		}
		doc->path = am_lsp_uri_path(uri);
		doc->in_workspace =
		    doc->path && (!srv->root || am_lsp_inside(srv->root, doc->path));
		if (doc->in_workspace && doc->path)
			doc->sources = am_lsp_sources_for(
			    srv->root, srv->sources ? srv->sources : NULL, doc->path);
		doc->map_version = -1;
		srv->docs[srv->ndocs++] = doc;
	}
	doc->version = json_is_integer(ver) ? (long)json_integer_value(ver) : 0;
	if (am_text_set(&doc->text, text, json_string_length(json_object_get(td, "text"))) < 0)
		return;
	schedule(srv, doc, 0);
}

static void did_change(am_lsp_server *srv, const json_t *params)
{
	const json_t *td = json_object_get(params, "textDocument"), *ch;
	am_lsp_doc *doc = am_lsp_find_doc(srv, str(td, "uri"));
	json_t *changes = json_object_get(params, "contentChanges"), *ver;
	size_t i;

	/* Each change costs a pass over the document (its line index): the
	 * number in one message is bounded, so a message costs at most
	 * MAX_CHANGES passes. */
	if (!doc || !json_is_array(changes) || json_array_size(changes) > MAX_CHANGES)
		return;
	json_array_foreach(changes, i, ch)
	{
		const json_t *range = json_object_get(ch, "range"),
		             *text = json_object_get(ch, "text");
		if (!json_is_string(text))
			continue;
		if (range) {
			const json_t *s = json_object_get(range, "start"),
			             *e = json_object_get(range, "end");
			size_t a = am_text_offset(
			    &doc->text, (long)json_integer_value(json_object_get(s, "line")),
			    (long)json_integer_value(json_object_get(s, "character")));
			size_t b = am_text_offset(
			    &doc->text, (long)json_integer_value(json_object_get(e, "line")),
			    (long)json_integer_value(json_object_get(e, "character")));
			if (b < a) {
				size_t t = a;
				a = b;
				b = t;
			}
			am_text_splice(&doc->text, a, b, json_string_value(text),
			               json_string_length(text));
		} else {
			am_text_set(&doc->text, json_string_value(text), json_string_length(text));
		}
	}
	ver = json_object_get(td, "version");
	doc->version = json_is_integer(ver) ? (long)json_integer_value(ver) : doc->version + 1;
	schedule(srv, doc, srv->debounce_ms / 1000.0);
}

static void did_close(am_lsp_server *srv, const json_t *params)
{
	const char *uri = str(json_object_get(params, "textDocument"), "uri");
	size_t i;

	for (i = 0; uri && i < srv->ndocs; i++) {
		am_lsp_doc *d = srv->docs[i];
		size_t k;
		if (strcmp(d->uri, uri) != 0)
			continue;
		am_lsp_notify(srv, "textDocument/publishDiagnostics",
		              json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
		for (k = 0; k < d->nothers; k++)
			am_lsp_notify(srv, "textDocument/publishDiagnostics",
			              json_pack("{s:s,s:[]}", "uri", d->others[k], "diagnostics"));
		doc_free(d);
		srv->docs[i] = srv->docs[--srv->ndocs];
		return;
	}
}

static void did_save(am_lsp_server *srv)
{
	size_t i;

	/* A saved file may be imported by any open map: check them all. */
	for (i = 0; i < srv->ndocs; i++)
		schedule(srv, srv->docs[i], 0);
}

/* ------------------------------------------------------------ initialize */

static void initialize(am_lsp_server *srv, const json_t *id, const json_t *params)
{
	const char *root_uri = str(params, "rootUri"), *root_path = str(params, "rootPath");
	const json_t *opts = json_object_get(params, "initializationOptions");
	const json_t *folders = json_object_get(params, "workspaceFolders"), *deb;
	char *root = NULL, real[PATH_MAX];
	json_t *caps;

	if (json_is_array(folders) && json_array_size(folders))
		root = am_lsp_uri_path(str(json_array_get(folders, 0), "uri"));
	if (!root && root_uri)
		root = am_lsp_uri_path(root_uri);
	if (!root && root_path && root_path[0] == '/')
		root = strdup(root_path);
	free(srv->root);
	srv->root = root && realpath(root, real) ? strdup(real) : NULL;
	free(root);
	if (json_is_string(json_object_get(opts, "sources")))
		srv->sources = strdup(str(opts, "sources"));
	deb = json_object_get(opts, "debounceMs");
	if (json_is_integer(deb) && json_integer_value(deb) >= 0 && json_integer_value(deb) <= 5000)
		srv->debounce_ms = (unsigned)json_integer_value(deb);
	if (json_is_true(json_object_get(opts, "log")))
		srv->log = 1;
	caps = json_pack("{s:{s:b,s:i,s:{s:b}},s:b,s:b,s:b,s:b,s:{s:b},s:{s:[s,s,s,s],s:b}}",
	                 "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
	                 "definitionProvider", 1, "referencesProvider", 1, "hoverProvider", 1,
	                 "documentSymbolProvider", 1, "renameProvider", "prepareProvider", 0,
	                 "completionProvider", "triggerCharacters", "\"", " ", "<", "'",
	                 "resolveProvider", 0);
	srv->initialized = 1;
	am_lsp_reply(srv, id,
	             json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps, "serverInfo", "name",
	                       "argmap", "version", argmap_version()));
}

/* --------------------------------------------------------------- dispatch */

typedef void (*request_fn)(am_lsp_server *, const json_t *, const json_t *);

static const struct {
	const char *method;
	request_fn fn;
} requests[] = {
    {"textDocument/definition", am_lsp_definition}, {"textDocument/references", am_lsp_references},
    {"textDocument/rename", am_lsp_rename},         {"textDocument/documentSymbol", am_lsp_symbols},
    {"textDocument/completion", am_lsp_completion}, {"textDocument/hover", am_lsp_hover},
};

static int valid_id(const json_t *id)
{
	return json_is_integer(id) || json_is_string(id);
}

void am_lsp_handle(am_lsp_server *srv, const char *body, size_t len)
{
	json_t *msg = am_rpc_parse(body, len), *id, *params;
	const char *method;
	size_t i;

	if (!msg) {
		am_lsp_reply_error(srv, NULL, AM_RPC_PARSE_ERROR, "not JSON");
		return;
	}
	if (!json_is_object(msg) || !json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(str(msg, "jsonrpc"), "2.0") != 0) {
		am_lsp_reply_error(srv, NULL, AM_RPC_INVALID_REQUEST, "not a JSON-RPC 2.0 message");
		goto done;
	}
	id = json_object_get(msg, "id");
	method = str(msg, "method");
	params = json_object_get(msg, "params");
	if (!method) {
		if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
			am_lsp_reply_error(srv, valid_id(id) ? id : NULL, AM_RPC_INVALID_REQUEST,
			                   "no method");
		goto done; /* a response to a request of ours: we send none */
	}
	if (id && !valid_id(id)) {
		am_lsp_reply_error(srv, NULL, AM_RPC_INVALID_REQUEST,
		                   "id must be a number or string");
		goto done;
	}
	if (params && !json_is_object(params) && !json_is_array(params)) {
		if (id)
			am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS,
			                   "params must be structured");
		goto done;
	}
	if (!strcmp(method, "exit")) {
		srv->exiting = 1;
		srv->exit_code = srv->shutdown ? 0 : 1;
		goto done;
	}
	if (!id) { /* notifications */
		if (!srv->initialized || srv->shutdown)
			goto done;
		if (!strcmp(method, "textDocument/didOpen"))
			did_open(srv, params);
		else if (!strcmp(method, "textDocument/didChange"))
			did_change(srv, params);
		else if (!strcmp(method, "textDocument/didClose"))
			did_close(srv, params);
		else if (!strcmp(method, "textDocument/didSave"))
			did_save(srv);
		goto done; /* others ($/cancelRequest, initialized, ...) need nothing */
	}
	if (!strcmp(method, "initialize")) {
		if (srv->initialized)
			am_lsp_reply_error(srv, id, AM_RPC_INVALID_REQUEST, "already initialized");
		else
			initialize(srv, id, params);
		goto done;
	}
	if (!srv->initialized) {
		am_lsp_reply_error(srv, id, AM_RPC_NOT_INITIALIZED, "initialize first");
		goto done;
	}
	if (srv->shutdown) {
		am_lsp_reply_error(srv, id, AM_RPC_INVALID_REQUEST, "the server is shutting down");
		goto done;
	}
	if (!strcmp(method, "shutdown")) {
		srv->shutdown = 1;
		am_lsp_reply(srv, id, json_null());
		goto done;
	}
	for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		if (!strcmp(method, requests[i].method)) {
			if (!json_is_object(params))
				am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS,
				                   "params must be an object");
			else
				requests[i].fn(srv, id, params);
			goto done;
		}
	}
	am_lsp_reply_error(srv, id, AM_RPC_METHOD_NOT_FOUND, "method not supported");
done:
	json_decref(msg);
}

am_lsp_doc *am_lsp_position(am_lsp_server *srv, const json_t *id, const json_t *params, size_t *off)
{
	const json_t *pos = json_object_get(params, "position");
	am_lsp_doc *doc = am_lsp_find_doc(srv, str(json_object_get(params, "textDocument"), "uri"));
	const json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");

	if (!doc) {
		am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS, "document not open");
		return NULL;
	}
	if (!json_is_integer(l) || !json_is_integer(c)) {
		am_lsp_reply_error(srv, id, AM_RPC_INVALID_PARAMS,
		                   "position needs line and character");
		return NULL;
	}
	*off = am_text_offset(&doc->text, (long)json_integer_value(l), (long)json_integer_value(c));
	return doc;
}

/* ------------------------------------------------------------- main loop */

int am_lsp_run(int in_fd, int out_fd, unsigned debounce_ms, int log)
{
	am_lsp_server srv;
	am_rpc_reader rd;
	char buf[65536];
	int rc;

	signal(SIGPIPE, SIG_IGN);
	memset(&rd, 0, sizeof rd);
	am_lsp_server_init(&srv, out_fd);
	srv.debounce_ms = debounce_ms;
	srv.log = log;
	srv.worker = am_lsp_worker_start();
	if (!srv.worker) {
		fputs("argmap lsp: cannot start the worker thread\n", stderr);
		am_lsp_server_free(&srv);
		return 3;
	}
	while (!srv.exiting) {
		struct pollfd p[2];
		int timeout = am_lsp_tick(&srv);
		const char *body;
		size_t len;

		p[0].fd = in_fd;
		p[0].events = POLLIN;
		p[1].fd = am_lsp_worker_fd(srv.worker);
		p[1].events = POLLIN;
		if (poll(p, 2, timeout) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[1].revents)
			am_lsp_collect(&srv);
		if (p[0].revents) {
			ssize_t n = read(in_fd, buf, sizeof buf);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) { /* the client closed its end without "exit" */
				srv.exit_code = srv.shutdown ? 0 : 1;
				break;
			}
			if (am_rpc_feed(&rd, buf, (size_t)n) < 0) {
				fputs("argmap lsp: out of memory\n", stderr);
				srv.exit_code = 3;
				break;
			}
			while (!srv.exiting && am_rpc_next(&rd, &body, &len) == 1)
				am_lsp_handle(&srv, body, len);
			if (rd.problems) {
				fprintf(stderr,
				        "argmap lsp: skipped %u malformed message frame%s\n",
				        rd.problems, rd.problems == 1 ? "" : "s");
				rd.problems = 0;
			}
		}
	}
	rc = srv.exit_code;
	am_rpc_reader_free(&rd);
	am_lsp_server_free(&srv);
	return rc;
}

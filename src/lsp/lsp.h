/*
 * lsp.h - the language server behind `argmap lsp` (private to src/lsp).
 *
 *   rpc.c       framing and JSON-RPC parsing of untrusted bytes
 *   text.c      document text, positions, the cursor's context
 *   analyze.c   load + check one document, on a worker thread
 *   server.c    the main loop, lifecycle, documents, diagnostics
 *   uri.c       file URIs and the workspace boundary
 *   navigate.c  definition, references, rename, document symbols
 *   complete.c  completion
 *   hover.c     hover on ids and on diagnostic codes
 *
 * One thread reads the client, answers requests and owns every document
 * and every map; the worker thread only turns a copy of a document's text
 * into a map and its diagnostics (argmap's library keeps no shared state),
 * so a request is answered from the last analysis while the next one runs:
 * the reply after a change does not wait for a 20,000-claim map to load.
 *
 * Ownership: the server owns its documents; a document owns its texts,
 * its map and its list of other files it published diagnostics for.
 */
#ifndef AM_LSP_LSP_H
#define AM_LSP_LSP_H

#include <jansson.h>

#include "argmap/argmap.h"
#include "lsp/text.h"
#include "util/buf.h"

typedef struct am_lsp_job {
	char *uri;
	char *path;       /* absolute path of a file: URI, NULL otherwise */
	int in_workspace; /* imports may be followed */
	char *sources;    /* folders for quote verification (':'), NULL */
	long version;
	am_text text;
} am_lsp_job;

typedef struct am_lsp_result {
	char *uri;
	long version;
	argmap_map *map;     /* NULL when nothing could be built */
	argmap_diags *diags; /* NULL only when out of memory */
	am_text text;        /* what the map was built from */
	double seconds;      /* the analysis's wall time */
	struct am_lsp_result *next;
} am_lsp_result;

typedef struct am_lsp_worker am_lsp_worker;

typedef struct am_lsp_doc {
	char *uri;
	char *path;
	int in_workspace;
	char *sources;
	long version;
	am_text text; /* the client's current text */
	/* the last analysis */
	argmap_map *map;
	argmap_diags *diags; /* of `map` */
	am_text snap;        /* the text `map` was built from */
	long map_version;    /* of the last analysis */
	int map_current;     /* `map` is of that analysis (not kept from an earlier one) */
	int pending;         /* changed and not yet submitted */
	double due;          /* when to submit it (monotonic seconds) */
	char **others;       /* other files' URIs this document published for */
	size_t nothers;
} am_lsp_doc;

typedef struct am_lsp_server {
	int out_fd; /* -1: output is kept in `out` only (tests, fuzzing) */
	am_buf out; /* framed messages not yet written */
	am_lsp_doc **docs;
	size_t ndocs, capdocs;
	char *root;    /* real path of the workspace root; NULL: each map's folder */
	char *sources; /* initializationOptions.sources, resolved; NULL if none */
	unsigned debounce_ms;
	int initialized, shutdown, exiting, exit_code;
	am_lsp_worker *worker; /* NULL: analyse synchronously (fuzzing) */
	const char *log_prefix;
	int log;              /* write a log line per analysis to stderr */
	double last_analysis; /* seconds, for the log and the benchmark */
} am_lsp_server;

/* ------------------------------------------------------------ server.c */
/* Sets up a server writing to out_fd (-1: only into srv->out). */
void am_lsp_server_init(am_lsp_server *srv, int out_fd);
void am_lsp_server_free(am_lsp_server *srv);
/* Handles one message body (JSON-RPC, untrusted). */
void am_lsp_handle(am_lsp_server *srv, const char *body, size_t len);
/* Submits documents whose debounce expired; returns ms until the next is
 * due, or -1 when none is waiting. */
int am_lsp_tick(am_lsp_server *srv);
/* Installs finished analyses and publishes their diagnostics. */
void am_lsp_collect(am_lsp_server *srv);
/* The main loop on in_fd/out_fd; returns the exit status. */
int am_lsp_run(int in_fd, int out_fd, unsigned debounce_ms, int log);
/* Sends a message (takes nothing: v stays the caller's). */
void am_lsp_send(am_lsp_server *srv, const json_t *v);
/* Sends a notification; takes ownership of params. */
void am_lsp_notify(am_lsp_server *srv, const char *method, json_t *params);
/* Publishes diags, the analysis of doc (publish.c), whose positions are
 * in `own` (the text analysed); clears the files reported on before and
 * not now. Borrows everything. */
void am_lsp_publish(am_lsp_server *srv, am_lsp_doc *doc, const argmap_diags *diags, am_text *own);
void am_lsp_reply(am_lsp_server *srv, const json_t *id, json_t *result);
void am_lsp_reply_error(am_lsp_server *srv, const json_t *id, int code, const char *msg);
am_lsp_doc *am_lsp_find_doc(am_lsp_server *srv, const char *uri);
/* The document open for a file path, or NULL. */
am_lsp_doc *am_lsp_find_doc_path(am_lsp_server *srv, const char *path);
/* Brings doc->map up to date with its text now (for rename). */
void am_lsp_refresh(am_lsp_server *srv, am_lsp_doc *doc);

/* ----------------------------------------------------------- analyze.c */
void am_lsp_analyze(am_lsp_job *job, am_lsp_result *res);
void am_lsp_job_free(am_lsp_job *job);
void am_lsp_result_free(am_lsp_result *res);
am_lsp_worker *am_lsp_worker_start(void);
/* Takes the job (freed by the worker); a waiting job for the same URI is
 * replaced. 0, or -1 (the job is freed). */
int am_lsp_worker_submit(am_lsp_worker *w, am_lsp_job *job);
/* A finished result (the caller frees it), or NULL. */
am_lsp_result *am_lsp_worker_take(am_lsp_worker *w);
/* Readable when a result is waiting. */
int am_lsp_worker_fd(const am_lsp_worker *w);
void am_lsp_worker_stop(am_lsp_worker *w);

/* --------------------------------------------------------------- uri.c */
/* The absolute path of a file: URI (caller frees), or NULL. */
char *am_lsp_uri_path(const char *uri);
/* The file: URI of an absolute path (caller frees), or NULL. */
char *am_lsp_path_uri(const char *path);
/* 1 if path (which need not exist) lies inside folder `root` (real path). */
int am_lsp_inside(const char *root, const char *path);
/* The sources folders for a map: `opt` (from the client, relative to the
 * root) or a .argmap.json beside the map; each folder kept only when it is
 * inside the workspace. Caller frees; NULL when none. */
char *am_lsp_sources_for(const char *root, const char *opt, const char *map_path);

/* LSP positions of argmap locations. text may be NULL (no text: the
 * column is taken as UTF-16 units). */
json_t *am_lsp_range(am_text *text, unsigned line, unsigned col, size_t len);
/* A Location of loc in map (text: of file 0, or NULL). */
json_t *am_lsp_location(am_lsp_server *srv, am_lsp_doc *doc, argmap_loc loc, size_t len);

/* ---------------------------------------------------------- features */
void am_lsp_definition(am_lsp_server *srv, const json_t *id, const json_t *params);
void am_lsp_references(am_lsp_server *srv, const json_t *id, const json_t *params);
void am_lsp_rename(am_lsp_server *srv, const json_t *id, const json_t *params);
void am_lsp_symbols(am_lsp_server *srv, const json_t *id, const json_t *params);
void am_lsp_completion(am_lsp_server *srv, const json_t *id, const json_t *params);
void am_lsp_hover(am_lsp_server *srv, const json_t *id, const json_t *params);

/* The document and byte offset of a TextDocumentPositionParams, or NULL
 * (an error reply has then been sent). */
am_lsp_doc *am_lsp_position(am_lsp_server *srv, const json_t *id, const json_t *params,
                            size_t *off);
/* The explanation of a diagnostic code from docs/diagnostics.md (caller
 * frees), or NULL. */
char *am_lsp_code_doc(const char *code);

#endif

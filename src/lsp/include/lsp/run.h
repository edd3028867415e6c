/*
 * run.h - the one entry point `argmap lsp` (cli/cmd_lsp.c) calls.
 */
#ifndef AM_LSP_RUN_H
#define AM_LSP_RUN_H

/* Serves the Language Server Protocol on in_fd/out_fd until the client
 * sends "exit" or closes its end; debounce_ms is the wait after a change
 * before the map is checked again; log: one line per check on stderr.
 * Returns the exit status (0 after shutdown + exit, 1 without shutdown,
 * 3 when the server could not start). */
int am_lsp_run(int in_fd, int out_fd, unsigned debounce_ms, int log);

#endif

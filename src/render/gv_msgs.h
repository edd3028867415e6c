/*
 * gv_msgs.h - Graphviz's messages as diagnostics (gv_msgs.c). Between
 * begin and end, everything Graphviz reports through agerr is kept in a
 * private buffer, which flush hands to the sink. Not thread-safe.
 */
#ifndef AM_RENDER_GV_MSGS_H
#define AM_RENDER_GV_MSGS_H

#include "render/job.h"

/* Installs the hook and clears Graphviz's error count. */
void am_gv_msgs_begin(void);

/* Hands what Graphviz said since the last flush to the sink, naming the
 * phase (`during`: "during layout"...). Returns the number of errors. */
int am_gv_msgs_flush(am_sink *sink, const char *during);

/* Flushes; 1 if Graphviz reported any error (agerrors() is checked too,
 * so an error never passes silently), else 0. */
int am_gv_msgs_failed(am_sink *sink, const char *during);

/* Flushes ("while cleaning up"), restores the previous hook, clears the
 * error count and frees the buffer. */
void am_gv_msgs_end(am_sink *sink);

#endif

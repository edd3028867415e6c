/*
 * job.h - one render job and the sink it reports to. render.c fills the
 * job (the view and the layout decisions made once, before Graphviz is
 * touched); the code that runs Graphviz (gv_run.c, in-process or in the
 * contained child) only reads it. A job borrows everything it points to.
 */
#ifndef AM_RENDER_JOB_H
#define AM_RENDER_JOB_H

#include <stddef.h>

#include "render/layout_policy.h"
#include "model/view.h"
#include "util/am_internal.h"

/* A piece of output that the sink does not own. */
typedef struct am_part {
	const char *data;
	size_t len;
} am_part;

typedef struct am_sink am_sink;
struct am_sink {
	/* A diagnostic from the job (file is the job's file). */
	void (*diag)(am_sink *s, argmap_severity sev, const char *code, const char *msg,
	             const char *hint);
	/* The output: the concatenation of parts[0..n), so that a renderer
	 * can add bytes around Graphviz's buffer without copying it (an SVG of
	 * a huge map is tens of MB). Called once. Returns 0, ARGMAP_ENOMEM or
	 * ARGMAP_EIO. */
	int (*output)(am_sink *s, const am_part *parts, size_t n);
};

typedef struct am_job {
	const argmap_map *map;
	const argmap_render_options *opts;
	const am_view *view;
	const char *file;           /* for messages: file 0 of the map */
	const am_layout_tier *tier; /* am_layout_pick_tier(view) */
	int fast;                   /* am_layout_pick_fast: 1 = argmap's fast
	                               layout (gv_fast.c), 0 = dot */
	const size_t *note_no;      /* per node: endnote number, 0 = none; NULL
	                               (the default) without endnotes */
	const size_t *src_key;      /* per source: its number, to be used instead
	                               of numbering the view's own (one page of
	                               several cites by the whole view's keys);
	                               NULL: the default */
	size_t n_src_keys;
	const unsigned char *quote_on; /* --notes markers: per node, 1 for the
	                               evidence the view would draw without
	                               markers (numbered, listed on its claims);
	                               NULL otherwise */
	const am_view *legend_view;    /* the view whose kinds of boxes and
	                                  relations the legend explains (the
	                                  whole view, for the cover of --pages);
	                                  NULL: view */
} am_job;

#endif

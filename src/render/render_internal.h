/*
 * render_internal.h - what the files of src/render share. No Graphviz types
 * here: only render_gv.c and render_graph.c include Graphviz headers.
 *
 * Flow: render.c checks the options and computes the view (view.c, pure C),
 * then runs the Graphviz job either in-process or in a contained child
 * (contain.c). The job (render_graph.c + render_gv.c) reports through an
 * am_sink: diagnostics, the output bytes and the page scale.
 */
#ifndef AM_RENDER_INTERNAL_H
#define AM_RENDER_INTERNAL_H

#include <stddef.h>

#include "util/am_internal.h"
#include "model/view.h"
#include "util/buf.h"

/* ---------------------------------------------------- text and escaping */

/* Appends s[0..n) escaped for a Graphviz HTML-like label: & < > " ' become
 * entities and every backslash is doubled (Graphviz substitutes \N, \G...
 * even inside HTML labels). The one escaping function for label text. */
void am_rt_html(am_buf *b, const char *s, size_t n);
void am_rt_html_str(am_buf *b, const char *s);

/* Appends s escaped for a Graphviz tooltip: & becomes &amp; and each
 * backslash becomes four (Graphviz 2.42 unescapes a tooltip once, then
 * substitutes \N, \G, \L... in it; measured: "\\\\N" shows "\N"). The one
 * escaping function for tooltips. */
void am_rt_esc(am_buf *b, const char *s);

/* Appends `url` made safe for Graphviz 2.42's unescaped SVG href (issue
 * #1687): only absolute http(s) URLs; & written as &amp;, everything
 * outside the RFC 3986 unreserved/reserved set (quotes, <, >, \, spaces,
 * non-ASCII bytes) percent-encoded, and a % not followed by two hex digits
 * encoded as %25. Returns 1 if appended, 0 (nothing appended) otherwise. */
int am_rt_url(am_buf *b, const char *url);

/* 1 if s may be used in an SVG id or CSS class: [A-Za-z][A-Za-z0-9_-]*,
 * at most 64 bytes. */
int am_rt_ident_ok(const char *s);

/* Display width of s[0..n) in character cells: code points, except that
 * combining marks and zero-width characters count 0. */
size_t am_rt_width(const char *s, size_t n);

/* Greedy word wrap of UTF-8 text to `width` cells: calls fn for each line
 * (a slice of s, without the space it broke at). Words wider than `width`
 * are split at code-point boundaries (never before a combining mark).
 * Returns the number of lines. */
typedef void (*am_rt_line_fn)(void *ud, const char *line, size_t len);
size_t am_rt_wrap(const char *s, size_t width, am_rt_line_fn fn, void *ud);

/* Appends s wrapped to `width`, each line HTML-escaped, lines joined with
 * <BR/> (the cell's BALIGN decides alignment). At most max_lines lines:
 * the last one kept ends with an ellipsis. */
void am_rt_html_wrapped(am_buf *b, const char *s, size_t width, size_t max_lines);

/* Appends at most max_chars code points of s, then an ellipsis if cut. */
void am_rt_html_trunc(am_buf *b, const char *s, size_t max_chars);

/* ----------------------------------------------------------------- style */

typedef struct am_node_style {
	const char *shape, *style, *fill, *border, *penwidth, *peripheries;
	const char *kind_color;  /* the KIND header */
	const char *text_color;
} am_node_style;

typedef struct am_edge_style {
	const char *color, *style, *arrow, *penwidth, *arrowsize;
	const char *glyph;       /* the arrowhead as drawn in the legend */
	const char *dash;        /* the legend's line: solid, dashed, dotted */
} am_edge_style;

typedef struct am_theme {
	am_node_style node[3];   /* question, claim, evidence */
	am_edge_style rel[4];    /* support, rebut, undercut, answer */
	const char *junction_fill;
	const char *meta_color;  /* ids, citations */
	const char *title_color;
	const char *linked_border, *linked_fill;
	const char *group_border, *group_fill;
	const char *stance_color[4]; /* none, yes, no, qualified */
} am_theme;

const am_theme *am_theme_get(int print);

/* ------------------------------------------------------------ the job */

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
	const char *file;       /* for messages: file 0 of the map */
} am_job;

/* Builds the graph, lays it out and renders it; reports through `sink`.
 * Returns 0, ARGMAP_ERENDER (an error diagnostic was sent), ARGMAP_ENOMEM.
 * Runs Graphviz in this process: call it in the contained child, or with
 * in_process set. */
int am_gv_run(const am_job *job, am_sink *sink);

/* Runs am_gv_run in a forked child with the limits; collects what it
 * reports into `diags` (naming job->file) and `out`. Returns like
 * am_gv_run. time_limit <= 0: none; mem_limit 0: none. */
int am_contained_run(const am_job *job, double time_limit, size_t mem_limit,
                     argmap_diags *diags, am_buf *out);

/* Sets the fixed PDF /CreationDate (cairo 1.16 writes the current time)
 * to `date` ("YYYY-MM-DD" or NULL for 2000-01-01), in place, same length. */
void am_pdf_fix_date(char *pdf, size_t len, const char *date);

/* -------------------------------------------------------- fast layout */

/* Layered layout for huge maps (fastlayout.c): n nodes of w x h points, m
 * edges from[i] -> to[i] (from is drawn above), constraint[i] = 0 for edges
 * that must not rank (NULL: all rank). Writes centres to x[], y[] (points,
 * y grows upwards). Returns 0 or ARGMAP_ENOMEM. */
int am_fast_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                   const size_t *to, const unsigned char *constraint, double nodesep,
                   double ranksep, double *x, double *y);

/* ------------------------------------------------- test fault injection */

/* Set by tests only (never by the library or the CLI) to make the job
 * misbehave the way Graphviz can, so that containment can be tested. */
enum am_fault {
	AM_FAULT_NONE = 0,
	AM_FAULT_CRASH,   /* raise SIGSEGV before layout */
	AM_FAULT_EXIT,    /* exit(1) as gvRenderFilename does on write errors */
	AM_FAULT_HANG,    /* spin forever (CPU) */
	AM_FAULT_SLEEP,   /* block forever without using CPU */
	AM_FAULT_HOG,     /* allocate until malloc fails, then "out of memory" */
	AM_FAULT_GVERROR, /* make Graphviz report an error through agerr */
	AM_FAULT_NOISE    /* print to stderr and stdout, then succeed */
};
extern int am_render_fault;

/* Drawn nodes from which the fast layout replaces dot (default 2000); tests
 * lower it to exercise the fast path on small maps. */
extern size_t am_render_fast_min;

#endif

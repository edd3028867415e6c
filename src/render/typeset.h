/*
 * typeset.h - running text on PDF pages through cairo (typeset.c): the
 * page header and footer of a handout, its endnotes and bibliography.
 * Words are wrapped at spaces (a word wider than the column is cut between
 * characters), set in DejaVu Sans through cairo's own text API, so the PDF
 * keeps them as text; a run with a URI becomes a clickable link. No
 * Graphviz here. Everything is borrowed for the call.
 */
#ifndef AM_RENDER_TYPESET_H
#define AM_RENDER_TYPESET_H

#include <stddef.h>

#include <cairo.h>

/* A piece of a paragraph in one style. */
typedef struct am_ts_run {
	const char *text; /* UTF-8 */
	double size;      /* points */
	int bold, italic;
	double gray;     /* 0 = black .. 1 = white */
	const char *uri; /* a link (an http(s) URL), or NULL */
} am_ts_run;

typedef struct am_ts {
	cairo_t *cr;
	double left, width; /* the column, in points */
	double bottom;      /* no line below this */
	double y;           /* where the next line's top goes */
	/* called when a line does not fit: shows the page, starts the next
	 * one and sets y (and may draw a header); NULL: lines run on */
	void (*new_page)(struct am_ts *ts, void *ud);
	void *ud;
	int failed; /* out of memory */
} am_ts;

/* Sets one paragraph of runs[0..n) from ts->y: the first line starts at
 * left + first_indent, the others at left + indent. Leaves `after` points
 * below it. Returns the paragraph's height on its last page. */
double am_ts_par(am_ts *ts, const am_ts_run *runs, size_t n, double first_indent, double indent,
                 double after);

/* Sets one line of text at (x, baseline) without wrapping; returns its width. */
double am_ts_line(cairo_t *cr, double x, double baseline, const am_ts_run *run);

/* The width one line of `run` would take. */
double am_ts_width(cairo_t *cr, const am_ts_run *run);

#endif

/*
 * argmap/render.h - drawing a map: SVG for the web, PDF and PNG for print,
 * and the DOT text argmap lays out.
 *
 * argmap_render builds the graph through Graphviz's cgraph API (never by
 * printing and re-parsing DOT), lays it out with dot and renders it into
 * memory. Graphviz runs in a forked child process with a wall-clock limit,
 * a CPU limit and an address-space limit, and hands the bytes back over a
 * pipe, so a Graphviz crash, exit() or runaway layout becomes a diagnostic
 * (AM701..AM706) instead of taking the caller down. What the drawing looks
 * like, and why, is in docs/rendering.md.
 *
 * Views leave parts of the map out (--focus, --tag, --hide evidence); every
 * view that hides nodes says how many, on the map and as a note (AM713).
 *
 * argmap_write_file_atomic publishes bytes safely: a temporary file in the
 * target's directory, fsync, rename. A failure at any stage leaves an
 * existing file byte-identical and no temporary file behind.
 *
 * Conventions are those of argmap/common.h: 0 or a negative argmap_status,
 * problems in the map go to `diags`, the caller owns what it is handed, and
 * the library never prints and never exits.
 */
#ifndef ARGMAP_RENDER_H
#define ARGMAP_RENDER_H

#include "common.h"
#include "diag.h"
#include "diff.h"
#include "eval.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum argmap_render_format {
	ARGMAP_RENDER_SVG = 0, /* web: classes, ids, tooltips, links */
	ARGMAP_RENDER_PDF,     /* print: fonts embedded */
	ARGMAP_RENDER_PNG,     /* raster at 96 dpi */
	ARGMAP_RENDER_DOT,     /* the DOT argmap would lay out; no layout is run */
	ARGMAP_RENDER_HTML     /* one self-contained page: the SVG inline, the map's
	                          JSON model and the viewer (argmap/html.h) */
} argmap_render_format;

typedef enum argmap_render_theme {
	ARGMAP_THEME_COLOR = 0, /* colour fills and colour-coded relations */
	ARGMAP_THEME_PRINT      /* grayscale, no fills: for black-and-white printers */
} argmap_render_theme;

typedef enum argmap_page_size {
	ARGMAP_PAGE_NONE = 0, /* the drawing's natural size */
	ARGMAP_PAGE_A4,       /* 210 x 297 mm, 12 mm margins */
	ARGMAP_PAGE_LETTER    /* 8.5 x 11 in, 0.5 in margins */
} argmap_page_size;

/** Where the editor's notes, full quotes and sources go (version 2). */
typedef enum argmap_notes_mode {
	ARGMAP_NOTES_INLINE = 0, /* in the boxes and SVG tooltips (default) */
	ARGMAP_NOTES_ENDNOTES,   /* PDF: a small number on each node that has a quote,
	                            note or source; numbered endnotes and a
	                            bibliography on pages after the map */
	ARGMAP_NOTES_MARKERS     /* PDF: endnotes, and the evidence is not drawn as
	                            boxes: each claim lists the numbers of its quotes
	                            ("quotes [4] [5]"), whose full text is in the notes;
	                            the title block and legend open the notes pages
	                            (a handout's map keeps its page to itself) */
} argmap_notes_mode;

/** What a claim's box says (version 3). */
typedef enum argmap_labels {
	ARGMAP_LABELS_TEXT = 0, /* its text */
	ARGMAP_LABELS_TITLES    /* its <title> where it has one, else its text; the
	                           text is then in the tooltip and, with notes, in
	                           the claim's numbered note, after its title */
} argmap_labels;

typedef enum argmap_group_by {
	ARGMAP_GROUP_NONE = 0,
	ARGMAP_GROUP_SOURCE, /* one box per source (a node's first source) */
	ARGMAP_GROUP_ACTOR   /* one box per actor (who holds a claim; who is quoted) */
} argmap_group_by;

/** Rendering settings. Start from ARGMAP_RENDER_OPTIONS_INIT. The strings
 *  are borrowed for the duration of the call. */
typedef struct argmap_render_options {
	unsigned int version;      /* ARGMAP_RENDER_OPTIONS_VERSION */
	argmap_render_format format;
	argmap_render_theme theme;
	argmap_page_size page;     /* fit the drawing on one page, with margins */
	int landscape;             /* with page: use the page sideways */
	int legend;                /* 1: draw the legend (default) */
	int title_block;           /* 1: draw the title block (default) */
	const char *focus;         /* a node id: only its neighbourhood; several ids
	                              separated by spaces (as in from="a b"): the
	                              union of their neighbourhoods; NULL: all */
	unsigned depth;            /* with focus: how many relations away (default 2) */
	argmap_group_by group_by;  /* boxes around nodes of one source or actor */
	int hide_evidence;         /* 1: leave evidence out (counted on each claim) */
	const char *tag;           /* only nodes carrying this tag, and what they need
	                              to stay connected; NULL: no filter */
	double time_limit;         /* seconds of wall-clock time for layout and
	                              rendering; 0: default (60); < 0: no limit */
	size_t memory_limit;       /* bytes of address space for the renderer;
	                              0: default (3 GiB); (size_t)-1: no limit */
	int in_process;            /* 1: run Graphviz in this process, without the
	                              child and its limits (fuzzers, debuggers) */
	const argmap_eval_result *status; /* argmap_eval_map of this map: each node's label
	                              (or, preferred, its acceptance) drawn as a border
	                              style and a glyph, in the legend, and its
	                              explanation in the tooltips; NULL: none */
	/* version 2: handouts. Every field's default is 0 / NULL. */
	const char *const *actors; /* actor ids (n_actors of them): every claim they
	                              hold, every quote of theirs, and what directly
	                              supports, rebuts, undercuts or answers those,
	                              however far from a focus; NULL: none */
	size_t n_actors;
	argmap_notes_mode notes;   /* ARGMAP_NOTES_ENDNOTES: PDF only */
	int hide_ids;              /* 1: no node ids in the boxes (--no-ids) */
	const char *title;         /* replaces the map's title in the title block
	                              and the PDF's metadata; NULL: the map's */
	const char *subtitle;      /* a line under the title; NULL: none */
	double dpi;                /* PNG: pixels per inch; 0: 96 */
	int pages;                 /* 1: PDF over as many pages of `page` (A4 if
	                              none) as the text needs to stay legible */
	double min_text;           /* with pages: smallest text of a page in points
	                              (every word of it); 0: 8 */
	const char *id_prefix;     /* SVG/HTML: put in front of every id argmap writes
	                              (am-map, am-n-ID, ...), so that two drawings
	                              inlined in one page never share one; NULL or
	                              "": none. [A-Za-z][A-Za-z0-9_-]*, at most 32
	                              bytes, else ARGMAP_EARG. */
	const argmap_diff_union *diff; /* `argmap diff -T`: the map drawn must be
	                              diff->map; each node and relation is marked
	                              added / removed / changed / renamed in colour
	                              and in line style and a glyph (+, U+2212 minus, ~),
	                              what changed in the box and the tooltip, and a
	                              legend of the marks; not with `status`.
	                              NULL: none */
	/* version 3 */
	argmap_labels labels;      /* ARGMAP_LABELS_TEXT */
} argmap_render_options;

#define ARGMAP_RENDER_OPTIONS_VERSION 3
#define ARGMAP_RENDER_OPTIONS_INIT                                                         \
	{ARGMAP_RENDER_OPTIONS_VERSION, ARGMAP_RENDER_SVG, ARGMAP_THEME_COLOR,              \
	 ARGMAP_PAGE_NONE, 0, 1, 1, NULL, 2, ARGMAP_GROUP_NONE, 0, NULL, 0.0, 0, 0, NULL,      \
	 NULL, 0, ARGMAP_NOTES_INLINE, 0, NULL, NULL, 0.0, 0, 0.0, NULL, NULL, ARGMAP_LABELS_TEXT}

/** Set *opts to the defaults of this `version` (ARGMAP_RENDER_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_render_options_init(argmap_render_options *opts, unsigned int version);

/** What a view shows of the map. */
typedef struct argmap_render_stats {
	size_t nodes_total;      /* questions, claims and evidence in the debate */
	size_t nodes_shown;
	size_t nodes_hidden;     /* nodes_total - nodes_shown */
	size_t relations_total;
	size_t relations_shown;  /* relations drawn (all their ends are shown) */
} argmap_render_stats;

/**
 * Render `map` as opts->format into memory.
 *
 * On success returns 0 and sets *out to a malloc'd buffer of *len bytes
 * (caller frees with free(); a NUL byte follows the data, not counted).
 * On failure returns a negative argmap_status, sets *out to NULL and *len
 * to 0, and explains why in `diags` (and argmap_error_last()):
 *   ARGMAP_EARG      bad arguments or options (NULL map, unknown format,
 *                    options of an unknown version);
 *   ARGMAP_EINVALID  the view is empty or names an unknown node (AM711, AM712);
 *   ARGMAP_ERENDER   Graphviz failed, crashed or hit a limit (AM701..AM706);
 *   ARGMAP_ENOMEM    out of memory in this process.
 * Warnings (AM705, AM714) and the view note (AM713) are added on success.
 * Diagnostics name file 0 of the map. The map is not changed; render only a
 * map whose check found no errors. `opts` may be NULL (defaults).
 * Not thread-safe in in_process mode (Graphviz is not).
 */
ARGMAP_API int argmap_render(const argmap_map *map, const argmap_render_options *opts,
                  argmap_diags *diags, char **out, size_t *len);

/**
 * Compute, without Graphviz, what the view in `opts` would show. Fills
 * *stats; returns 0, or ARGMAP_EINVALID with a diagnostic when the view names
 * an unknown node or selects nothing, ARGMAP_EARG, ARGMAP_ENOMEM.
 * `diags` may be NULL. `opts` may be NULL.
 */
ARGMAP_API int argmap_render_view_stats(const argmap_map *map, const argmap_render_options *opts,
                             argmap_diags *diags, argmap_render_stats *stats);

/** The usual file name extension of a format, without the dot: "svg",
 *  "pdf", "png", "dot", "html". Static storage. */
ARGMAP_API const char *argmap_render_format_ext(argmap_render_format format);

/** Parse a format name ("svg", "pdf", "png", "dot" or "gv", "html", any case) into
 *  *format. Returns 0, or ARGMAP_EARG if the name is unknown. */
ARGMAP_API int argmap_render_format_parse(const char *name, argmap_render_format *format);

/* The two functions below are defined in libargmap itself (for exporters
 * and importers too); they are declared here, where they began. */

/**
 * Write data[0..len) to `path` atomically: a temporary file ".argmap-*" in
 * the same directory, created with mode 0666 & ~umask, written in full,
 * fsync'd, then renamed over `path`; finally the directory is fsync'd.
 * Only a regular file is ever replaced: when `path` exists and is a device
 * (/dev/null, /dev/full), a FIFO or a socket, the bytes are written into it
 * directly (not atomically), as any Unix tool would. A symbolic link is
 * followed and kept: its target is treated by these rules where it is (a
 * regular file replaced atomically in the target's folder, a device
 * written into); a link that points to nothing is refused (AM722).
 *
 * `protect` is a NULL-terminated list of paths (may be NULL) that must never
 * be overwritten, typically the input files: if `path` names the same file
 * (same device and inode, so hard links and symlinks count), nothing is
 * written and ARGMAP_EARG is returned with an AM721 error.
 *
 * Returns 0 on success. On failure returns ARGMAP_EARG (refused) or
 * ARGMAP_EIO (AM722, with the system's message: no space, file too large,
 * permission denied...), leaves an existing `path` byte-identical and
 * removes the temporary file. A SIGXFSZ raised by the write (ulimit -f) is
 * absorbed and reported as EFBIG. Diagnostics go to `diags` if non-NULL.
 */
ARGMAP_API int argmap_write_file_atomic(const char *path, const void *data, size_t len,
                             const char *const *protect, argmap_diags *diags);

/**
 * Remove the temporary file of every argmap_write_file_atomic in progress
 * in this process, so that a program killed by a signal leaves none.
 * Async-signal-safe: call it from the program's own SIGINT, SIGTERM or
 * SIGHUP handler just before the program ends (the interrupted writes must
 * not go on). The library installs no signal handler itself. Nothing can
 * run on SIGKILL: a temporary ".argmap-PID-*.tmp" may then stay behind in
 * the output's folder (never a half-written output).
 */
ARGMAP_API void argmap_write_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif

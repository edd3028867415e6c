/*
 * labels.h - the text of the drawing as plain strings, no Graphviz types:
 * HTML-like label markup (nodes, groups, the graph label with its title
 * block, legend and view note: labels.c, graph_label.c), escaped tooltips,
 * and SVG ids and classes. User text goes only through escape.h/wrap.h.
 *
 * Every am_labels_* writer appends to a caller-owned buffer (a failed
 * allocation sets its `failed` flag). am_labels owns its indexes and is
 * freed with am_labels_free; it borrows the job's map, options and view.
 */
#ifndef AM_RENDER_LABELS_H
#define AM_RENDER_LABELS_H

#include <stddef.h>

#include "model/graph.h"
#include "render/endnotes.h"
#include "render/job.h"
#include "render/style.h"
#include "util/buf.h"

/* With --pages, no text of a box is smaller than this (points, before the
 * page's scale): gv_pages.c keeps the scale at --min-text / this or more. */
#define AM_LABELS_PAGES_SMALL_PT 11.0
#define AM_LABELS_PAGES_SMALL_STR "11"

typedef struct am_labels {
	const argmap_map *map;
	const argmap_render_options *opts;
	const am_view *v;
	const am_view *legend_v; /* what the legend explains: job->legend_view,
	                            NULL = v */
	const am_theme *th;
	size_t *src_key; /* per source: its number in the title block, 0 = none;
	                    NULL without a title block */
	size_t n_keys;
	am_graph answers;      /* node -> node, labelled with the drawn answers
	                          with a stance that the node gives */
	const size_t *note_no; /* per node: its endnote number, 0 = none; NULL
	                          without endnotes (the job's, borrowed) */
	am_markers markers;    /* --notes markers: the quotes listed on each
	                          claim; empty otherwise */
} am_labels;

/* Numbers the cited sources (with a title block) and indexes the answers'
 * stances for `job`. Returns 0 or ARGMAP_ENOMEM (then nothing is kept). */
int am_labels_init(am_labels *l, const am_job *job);
void am_labels_free(am_labels *l);

/* What node nd's box says: its title with ARGMAP_LABELS_TITLES when it
 * has one, else its text (NULL if none). Borrowed from the map. */
const char *am_labels_box_text(const argmap_render_options *o, const argmap_node *nd);
/* 1 if nd's box shows its title instead of its text. */
int am_labels_titled(const argmap_render_options *o, const argmap_node *nd);

/* "QUESTION", "CLAIM", "EVIDENCE". */
const char *am_labels_kind_word(argmap_node_kind kind);

/* "A, B and C" or "A, B, C and 4 others" as plain text (not escaped). */
void am_labels_names(am_buf *b, const argmap_map *map, const argmap_ref *refs, size_t n,
                     size_t max);

/* The short name of a source: its publisher up to " (", else its title,
 * cut to max_name characters, then its date. HTML-escaped. */
void am_labels_source_short(am_buf *b, const argmap_source *s, size_t max_name);

/* An SVG id: <idp>am-<prefix>-<id> when the map id is safe for CSS, else
 * <idp>am-<prefix><index>. Prefixes keep every kind of id apart; `idp` is
 * the caller's --id-prefix (NULL: none). */
void am_labels_svg_id(am_buf *b, const char *idp, const char *prefix, const char *id, size_t index);

/* Node i: its label markup, its tooltip, its class list. */
void am_labels_node(const am_labels *l, size_t i, am_buf *o);
void am_labels_node_tooltip(const am_labels *l, size_t i, am_buf *o);
void am_labels_node_class(const am_labels *l, size_t i, am_buf *o);

/* Node i's link, in SVG only: the safe URL of an evidence's first source
 * (am_rt_url). Returns 1 if a URL was appended, else 0. */
int am_labels_node_url(const am_labels *l, size_t i, am_buf *o);

/* The group of source or actor `key` (by opts->group_by): its title markup
 * and its class list. */
void am_labels_group(const am_labels *l, size_t key, am_buf *o);
void am_labels_group_class(const am_labels *l, am_buf *o);

/* Relation r's junction dot: its class list and tooltip. */
void am_labels_junction_class(const am_labels *l, size_t r, am_buf *o);
void am_labels_junction_tooltip(const am_labels *l, size_t r, am_buf *o);

/* Relation r: the tooltip of its edges, and the class list of one edge
 * (premise: the edge from a premise to the junction dot). */
void am_labels_rel_tooltip(const am_labels *l, size_t r, am_buf *o);
void am_labels_rel_class(const am_labels *l, size_t r, int premise, am_buf *o);

/* "Justin Logan's answer" (or "A's and B's answers") for opt->actors, by
 * the actors' names, as plain text (not escaped). */
void am_labels_actor_answer(am_buf *o, const argmap_map *map, const argmap_render_options *opt);

/* The graph label (graph_label.c): the title block, the legend and the
 * note of a view that leaves things out, as one table. Returns 0 (nothing
 * appended) when the options ask for none of them, else 1. */
int am_labels_graph(const am_labels *l, am_buf *o);

#endif

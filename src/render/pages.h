/*
 * pages.h - --pages without Graphviz (pages.c): the reading tree of a view
 * (questions, then what answers them, then what supports or attacks that,
 * depth first), the view of one page (a subset of the nodes), and the text
 * of the "continued on p. N" stub of a node whose relations cross pages.
 * gv_pdf.c lays the pages out and chooses the parts.
 */
#ifndef AM_RENDER_PAGES_H
#define AM_RENDER_PAGES_H

#include <stddef.h>

#include "model/graph.h"
#include "render/job.h"
#include "util/buf.h"

/* The reading tree: parent[i] (AM_GRAPH_FAR for a root or a node not
 * drawn), rank[i] (preorder rank; ranks of drawn nodes are 0..shown-1
 * first), and by_rank[k] the node of rank k. Arrays of the map's node
 * count, owned by the tree. */
typedef struct am_pages_tree {
	size_t n, shown;
	size_t *parent, *rank, *by_rank, *size; /* size: nodes in i's subtree */
} am_pages_tree;

int am_pages_tree_build(am_pages_tree *t, const argmap_map *map, const am_view *v);
void am_pages_tree_free(am_pages_tree *t);

/* The conclusion node of relation r (of the support it attacks, for an
 * undercut); 0 if it has none. */
int am_pages_conclusion(const argmap_map *map, size_t r, size_t *idx);

/* Sets `part` (zeroed by the caller or am_pages_view_free'd) to the view
 * of the nodes with on[i] set (a subset of `full`): the relations of
 * `full` whose conclusion and at least one premise are on it; hidden
 * counts and the view's totals are those of `full` (the page does not
 * hide; the stubs say where the rest is). Returns 0 or ARGMAP_ENOMEM. */
int am_pages_view(am_view *part, const argmap_map *map, const am_view *full,
                  const unsigned char *on);

/* The stub text of node i on a page with nodes on[]: where each relation
 * of `full` that joins i to a node off the page continues (page_of[node],
 * 1-based; 0 = unknown, written as "p. 99" for measuring). in = 1: what
 * supports or attacks i from elsewhere; 0: what i supports, attacks or
 * answers elsewhere. Plain text, lines separated by '\n'; nothing
 * appended (returns 0) when no relation crosses. The other node is named
 * by its id, or with opts->hide_ids by what its box says. */
int am_pages_stub(am_buf *o, const argmap_map *map, const am_view *full, const unsigned char *on,
                  const size_t *page_of, size_t i, int in, const argmap_render_options *opts);

/* Appends the label row of a stub (am_pages_stub's text, lines separated
 * by '\n') for the inside of a box: grey, at AM_LABELS_PAGES_SMALL_PT,
 * wrapped at 40 cells (a few more rather than leave "p. 12" alone on a
 * line), a dashed rule between it and the box's own text (top = 1: the
 * stub is above it). */
void am_pages_stub_cell(am_buf *h, const char *text, int top);

/* Stacks the threads of the page on[] in columns: dot puts every part of
 * the reading tree that starts on a page (a unit: a node whose tree parent
 * is elsewhere, and what follows it there) on the top rank, side by side,
 * so a page of one deep thread and a few single claims was as wide as all
 * of them and empty below. A unit goes under the previous one while the
 * column stays no deeper than the deepest unit; a question never goes
 * under anything. Calls edge(ud, tail, head) for each invisible edge to
 * add, from the previous unit's deepest node to the unit's first.
 * scratch: 3 * t->n entries. Linear in the view. */
typedef void (*am_pages_edge_fn)(void *ud, size_t tail, size_t head);
void am_pages_stack(const am_pages_tree *t, const argmap_map *map, const unsigned char *on,
                    size_t *scratch, am_pages_edge_fn edge, void *ud);

#endif

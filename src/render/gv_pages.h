/*
 * gv_pages.h - the state of one --pages drawing, shared by gv_pages.c
 * (choosing the parts, the document), gv_pages_lay.c (one page's graph:
 * its stubs, its threads stacked, dot) and gv_pages_pack.c (a page's
 * units laid out one by one and packed on shelves). Private to these.
 */
#ifndef AM_RENDER_GV_PAGES_H
#define AM_RENDER_GV_PAGES_H

#include <gvc.h>

#include "render/gv_pdf_draw.h"
#include "render/job.h"
#include "render/pack.h"
#include "render/pages.h"

#define AM_PAGES_MAX_PART 48  /* more nodes never fit a page legibly: not tried */
#define AM_PAGES_UNIT_GAP 0.0 /* points between packed units (each has its pad) */
#define AM_PAGES_CACHE 256    /* unit boxes remembered while a page fills */
/* packing: a unit of several nodes is at most this share of the page's
 * width, so that one wide thread does not leave a strip no other fits */
#define AM_PAGES_UNIT_SHARE 0.5

/* The box of one unit laid out alone: the key is its node count, first
 * node and a hash of its nodes in reading order. */
typedef struct am_pages_cached {
	size_t count, root;
	unsigned long hash;
	double w, h;
} am_pages_cached;

typedef struct pages {
	GVC_t *gvc;
	Agdisc_t *disc;
	const am_job *job;
	am_sink *sink;
	am_job pj;                /* the job of one page */
	argmap_render_options po; /* its options: no title block, no legend */
	am_pages_tree t;
	size_t n;
	size_t *part_of;        /* per node: its page's part, or SIZE_MAX */
	size_t *page_of;        /* per node: its page number, 0 = unknown */
	unsigned char *on;      /* scratch: the nodes of the page tried */
	unsigned char *stub_on; /* what the stubs count as here: s->on, or a unit's */
	unsigned char *unit_on; /* scratch: the nodes of one unit */
	unsigned char *cut;     /* per node: 1 = starts a unit even under its
	                         * tree parent on the same page (packing) */
	size_t *unit_of;        /* scratch: per node on the page, its unit's root */
	size_t *roots;          /* scratch: the page's units' roots, reading order */
	am_pack_box *boxes;     /* scratch: their boxes */
	am_pack_scratch sc;     /* scratch: the packer's, for n units */
	am_pages_cached *cache; /* AM_PAGES_CACHE entries */
	size_t n_cache;
	size_t unit_count; /* nodes of the unit unit_box() measured last */
	size_t *scratch;   /* 3n: am_pages_stack's */
	double cw, top, bottom, zmin;
	double cap;         /* a page is full at zmin / cap (balance: cap < 1) */
	double first_avail; /* height left for part 0 under the cover */
	int failed;
	int stack;      /* 1: stack_units on every page */
	int pack;       /* 1: each page's units laid out alone and packed */
	size_t layouts; /* dot layouts so far (trials and pages) */
} pages;

/* gv_pages_lay.c. Builds and lays out the graph of the view pv (the
 * nodes of s->stub_on) with its stubs, or of `job` alone (pv NULL: the
 * cover). Returns the graph (free with am_gvp_free) or NULL (s->failed). */
Agraph_t *am_gvp_lay_out(pages *s, const am_view *pv, const am_job *job);
void am_gvp_free(pages *s, Agraph_t *g);
/* The scale (<= 1) at which box b fits the page's width and `avail`. */
double am_gvp_scale(const pages *s, const am_gv_box_t *b, double avail);

/* AM714 for page `page`, drawn at scale z: one claim with more relations
 * than fit, so its text is below minpt (a warning to s->sink). */
void am_gvp_warn_small(pages *s, int page, double z, double minpt);
/* A drawing's box with Graphviz's overdraw kept free: 3 % and 6 pt. */
void am_gvp_extent(const am_gv_box_t *b, double *w, double *h);

/* gv_pages_pack.c. 1 if the nodes on s->on, each unit (a node whose tree
 * parent is off the page, and what follows it there) laid out alone,
 * pack into the page's width and `avail` at zmin / cap or more. A unit's
 * box is laid out once per page filled (the cache). */
int am_gvp_fits_packed(pages *s, double avail);
/* Draws the page s->on so, at (left margin, y) with `avail` height; warns
 * through the sink when it is below the minimum. Returns 0 or an
 * ARGMAP_E* status. */
int am_gvp_draw_packed(pages *s, am_pdf *p, double m, double y, double avail, double minpt);
/* Forgets the unit boxes (a new page starts). */
void am_gvp_cache_clear(pages *s);

#endif

/*
 * gv_pages_lay.c - one page's graph for --pages (gv_pages.h): the
 * "continued on p. N" stubs inside the boxes, the threads stacked in
 * columns (am_pages_stack), the dot layout, and the scale it fits at.
 */
#include <stdio.h>
#include <stdlib.h>

#include <gvc.h>

#include "render/gv_attr.h"
#include "render/gv_cmark.h"
#include "render/gv_graph.h"
#include "render/gv_pages.h"
#include "render/labels.h"

/* Adds the stubs of the page on[] to g, inside the boxes they belong to:
 * "\u2191 supports ..., p. 2" above a premise's text (its relation goes
 * up), "\u2193 support from ..., p. 4" under a conclusion's. (Boxes of
 * their own took a rank each above and below: a third of a page's height
 * on the bundled handouts.) */
static void add_stubs(pages *s, Agraph_t *g, const am_view *pv)
{
	size_t i;
	am_buf up = {0}, down = {0}, h = {0};

	for (i = 0; i < s->n && !s->failed; i++) {
		char name[48];
		char *old;
		Agnode_t *v;
		int has_up, has_down;
		if (!pv->node_on[i])
			continue;
		snprintf(name, sizeof name, "n%zu", i);
		v = agnode(g, name, 0);
		if (!v)
			continue;
		am_buf_free(&up);
		am_buf_free(&down);
		am_buf_free(&h);
		has_down = am_pages_stub(&down, s->job->map, s->job->view, s->stub_on, s->page_of,
		                         i, 1, s->job->opts);
		has_up = am_pages_stub(&up, s->job->map, s->job->view, s->stub_on, s->page_of, i, 0,
		                       s->job->opts);
		if (!has_up && !has_down)
			continue;
		old = agget(v, am_s("label"));
		if ((has_up && !up.data) || (has_down && !down.data) || !old || !aghtmlstr(old)) {
			s->failed = 1;
			break;
		}
		am_buf_puts(&h, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
		                "CELLPADDING=\"0\">");
		if (has_up)
			am_pages_stub_cell(&h, up.data, 1);
		am_buf_printf(&h, "<TR><TD>%s</TD></TR>", old);
		if (has_down)
			am_pages_stub_cell(&h, down.data, 0);
		am_buf_puts(&h, "</TABLE>");
		if (!h.data) {
			s->failed = 1;
			break;
		}
		am_set_html(g, v, "label", h.data);
	}
	am_buf_free(&up);
	am_buf_free(&down);
	am_buf_free(&h);
}

typedef struct invis_ctx {
	pages *s;
	Agraph_t *g;
} invis_ctx;

/* An invisible edge from node `tail` to node `head`: head's thread goes
 * under tail's (am_pages_stack). */
static void invis_edge(void *ud, size_t tail, size_t head)
{
	invis_ctx *c = ud;
	char a[48], b[48];
	Agnode_t *t, *h;
	Agedge_t *e;

	snprintf(a, sizeof a, "n%zu", tail);
	snprintf(b, sizeof b, "n%zu", head);
	t = agnode(c->g, a, 0);
	h = agnode(c->g, b, 0);
	if (t && h && (e = agedge(c->g, t, h, NULL, 1)) != NULL)
		am_set(e, "style", "invis");
}

/* Stacks the threads of the page s->on in columns (am_pages_stack). */
static void stack_units(pages *s, Agraph_t *g)
{
	invis_ctx c = {s, g};

	am_pages_stack(&s->t, s->job->map, s->on, s->scratch, invis_edge, &c);
}

Agraph_t *am_gvp_lay_out(pages *s, const am_view *pv, const am_job *job)
{
	Agraph_t *g = am_gv_graph_build(job, s->disc);

	if (!g) {
		s->failed = 1;
		return NULL;
	}
	if (pv) {
		add_stubs(s, g, pv);
		if (s->stack)
			stack_units(s, g);
	}
	s->layouts++;
	am_gv_cmark_guard();
	if (s->failed || gvLayout(s->gvc, g, "dot") != 0) {
		agclose(g);
		s->failed = 1;
		return NULL;
	}
	return g;
}

void am_gvp_free(pages *s, Agraph_t *g)
{
	gvFreeLayout(s->gvc, g);
	agclose(g);
}

void am_gvp_extent(const am_gv_box_t *b, double *w, double *h)
{
	/* Graphviz draws up to about 2 % past its bounding box (the last
	 * rank's boxes, measured on these maps): 3 % and 6 pt are kept free */
	*w = b->w * 1.03 + 6;
	*h = b->h * 1.03 + 6;
}

void am_gvp_warn_small(pages *s, int page, double z, double minpt)
{
	char msg[200];

	snprintf(msg, sizeof msg,
	         "page %d holds one claim with more relations than fit: its text "
	         "is %.1f pt, below the %.1f pt asked for",
	         page, AM_LABELS_PAGES_SMALL_PT * z, minpt);
	s->sink->diag(s->sink, ARGMAP_SEV_WARNING, "AM714", msg,
	              "a bigger page (--page a4 --landscape) or a smaller --min-text");
}

double am_gvp_scale(const pages *s, const am_gv_box_t *b, double avail)
{
	double z = 1.0, w, h;

	am_gvp_extent(b, &w, &h);

	if (w * z > s->cw)
		z = s->cw / w;
	if (h * z > avail)
		z = avail / h;
	return z;
}

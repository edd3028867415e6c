/*
 * gv_pdf.c - PDF output on argmap's own cairo surface (pdf_doc.c): Graphviz
 * lays a graph out and draws it, through gvRenderContext, into a
 * subsurface of the page (Graphviz finishes the surface it is handed at
 * the end of its page; a subsurface is finished alone, the page goes on).
 * Text stays text: pango draws glyphs into the PDF surface. Then come the
 * links over evidence boxes, the bookmarks and the endnotes.
 *
 * One page: at the drawing's size, or (--page) scaled to fit and set at
 * the top of the page. Several pages: gv_pages.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <gvc.h>

#include "render/endnotes.h"
#include "render/gv_attr.h"
#include "render/gv_pdf.h"
#include "render/gv_pdf_draw.h"
#include "render/labels.h"
#include "render/page.h"
#include "render/pages.h"
#include "render/pdf_doc.h"

int am_gv_pdf_number(const am_job *job, size_t **note_no)
{
	am_pages_tree t;
	size_t n = argmap_map_node_count(job->map);

	am_markers mk;

	*note_no = NULL;
	if (job->opts->notes == ARGMAP_NOTES_INLINE)
		return 0;
	*note_no = calloc(n + 1, sizeof **note_no);
	if (!*note_no || am_markers_build(&mk, job->map, job->view, job->quote_on) != 0) {
		free(*note_no);
		*note_no = NULL;
		return ARGMAP_ENOMEM;
	}
	if (am_pages_tree_build(&t, job->map, job->view) != 0) {
		am_markers_free(&mk);
		free(*note_no);
		*note_no = NULL;
		return ARGMAP_ENOMEM;
	}
	am_endnotes_number(job->map, job->opts, job->view, t.by_rank, t.shown, &mk, *note_no);
	am_markers_free(&mk);
	am_pages_tree_free(&t);
	return 0;
}

int am_gv_box(Agraph_t *g, am_gv_box_t *b)
{
	const char *bb = agget(g, am_s("bb"));
	const char *pad = agget(g, am_s("pad"));
	double p = 4.0 / 72.0;

	/* gvLayout writes "llx lly urx ury"; a DOT bb attribute uses commas */
	if (!bb ||
	    sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &b->llx, &b->lly, &b->urx, &b->ury) != 4)
		return -1;
	if (pad && *pad)
		p = atof(pad);
	b->pad = p * 72.0;
	b->w = b->urx - b->llx + 2 * b->pad;
	b->h = b->ury - b->lly + 2 * b->pad;
	return b->w > 0 && b->h > 0 ? 0 : -1;
}

int am_gv_pdf_draw(am_pdf *p, GVC_t *gvc, Agraph_t *g, const am_job *job, const am_gv_box_t *b,
                   double x, double y, double z)
{
	cairo_surface_t *sub;
	cairo_t *c;
	size_t n = argmap_map_node_count(job->map), i;
	int rc;

	/* the PDF device's default margin (36 pt) would shift the drawing */
	agsafeset(g, am_s("margin"), am_s("0"), am_s(""));
	/* to the page's edges: Graphviz draws a few points past the layout's
	 * bounding box at the bottom (measured: up to about 6 pt), which a
	 * tight subsurface would cut off */
	sub = cairo_surface_create_for_rectangle(p->surf, x, y, p->pw - x, p->ph - y);
	c = cairo_create(sub);
	cairo_scale(c, z, z);
	rc = gvRenderContext(gvc, g, "pdf", c);
	if (cairo_status(c) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_destroy(c);
	cairo_surface_destroy(sub);
	if (rc != 0)
		return ARGMAP_ERENDER;
	/* a link over each evidence box to its source */
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(job->map, i);
		const argmap_source *s;
		char name[48];
		Agnode_t *v;
		double cx, cy, w, h;
		if (!job->view->node_on[i] || nd->kind != ARGMAP_NODE_EVIDENCE || !nd->n_sources ||
		    nd->sources[0].kind != ARGMAP_ITEM_SOURCE ||
		    nd->sources[0].index >= argmap_map_source_count(job->map))
			continue;
		s = argmap_map_source(job->map, nd->sources[0].index);
		snprintf(name, sizeof name, "n%zu", i);
		if (!s->url || !(v = agnode(g, name, 0)))
			continue;
		w = ND_width(v) * 72.0;
		h = ND_height(v) * 72.0;
		cx = x + z * (b->pad + ND_coord(v).x - b->llx - w / 2);
		cy = y + z * (b->pad + b->ury - ND_coord(v).y - h / 2);
		am_pdf_link(p, cx, cy, w * z, h * z, s->url);
	}
	return 0;
}

int am_gv_pdf_single(GVC_t *gvc, Agraph_t *g, const am_job *job, size_t pages, am_sink *sink)
{
	const argmap_render_options *o = job->opts;
	am_gv_box_t b;
	am_pdf p;
	am_labels lab;
	am_job kj = *job;
	argmap_render_options ko = *o;
	double pw, ph, m, x = 0, y = 0, z = 1.0;
	int rc;

	if (am_gv_box(g, &b) != 0) {
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz gave the drawing no size",
		           NULL);
		return ARGMAP_ERENDER;
	}
	if (o->page == ARGMAP_PAGE_NONE) {
		pw = b.w;
		ph = b.h;
	} else {
		double cw, ch, mx, my;
		am_pdf_page_size(o, &pw, &ph, &m);
		cw = pw - 2 * m;
		ch = ph - 2 * m;
		/* with room for what Graphviz draws past its box (gv_pages.c) */
		if (b.w * 1.03 + 6 > cw || b.h * 1.03 + 6 > ch)
			z = cw / (b.w * 1.03 + 6) < ch / (b.h * 1.03 + 6) ? cw / (b.w * 1.03 + 6)
			                                                  : ch / (b.h * 1.03 + 6);
		/* centred across, at the top: the page's rest is for notes */
		x = m + (cw - b.w * z) / 2;
		y = m;
		am_page_fit(o, b.w, b.h, pages, &mx, &my, sink);
	}
	if (am_pdf_open(&p, job, pw, ph) != 0) {
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "out of memory while starting the PDF",
		           NULL);
		return ARGMAP_ENOMEM;
	}
	rc = am_gv_pdf_draw(&p, gvc, g, job, &b, x, y, z);
	if (rc != 0) {
		am_pdf_discard(&p);
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz could not draw the map",
		           NULL);
		return rc;
	}
	am_pdf_bookmark(&p, p.title);
	if (job->note_no) {
		/* the sources as the title block numbers them (numbered here
		 * when there is no title block) */
		size_t n = argmap_map_node_count(job->map), count = 0, i;
		ko.title_block = 1;
		kj.opts = &ko;
		if (am_labels_init(&lab, &kj) != 0) {
			am_pdf_discard(&p);
			return ARGMAP_ENOMEM;
		}
		for (i = 0; i < n; i++)
			if (job->note_no[i] > count)
				count = job->note_no[i];
		p.src_key = lab.src_key;
		p.n_keys = lab.n_keys;
		am_pdf_endnotes(&p, job->note_no, count);
		rc = am_pdf_close(&p, sink);
		am_labels_free(&lab);
		return rc;
	}
	return am_pdf_close(&p, sink);
}

/*
 * gv_pages.c - --pages: a view over as many pages as keep every word of a
 * page at least --min-text points (default 8): the boxes' small labels are
 * AM_LABELS_PAGES_SMALL_PT on pages (labels.c) and no page is scaled below
 * --min-text / AM_LABELS_PAGES_SMALL_PT.
 *
 * The method: split by thread, never tile. The view is read as a tree
 * (pages.c: the questions, what answers them, what supports or attacks
 * that, depth first), and pages are filled in that order: the next node's
 * whole subtree when the page, laid out by dot, still fits at the minimum
 * scale, else the node alone and then its children; a node that does not
 * fit even alone starts the next page, after the page has tried up to
 * MAX_SKIP more of what follows (so a thread continues on the next page,
 * and a page is nearly a stretch of the reading order). Where a relation
 * joins nodes on different pages, each end says so inside its box, under a
 * dashed rule: "↓ support from cg-x, p. 4" at the foot of the conclusion,
 * "↑ supports cg-y, p. 2" at the head of the premise. Page 1 starts with
 * the title block, the legend and the view's note, once (with --notes
 * markers they open the notes instead); every page has the title and page
 * number on top and the short references of the sources it cites at the
 * bottom.
 *
 * A view of several pages is filled twice, plain and with each page's
 * threads stacked in columns (stack_units), and the fewer pages win.
 *
 * Cost: every trial is one dot layout of at most MAX_PART nodes; a filling
 * tries each node at most twice (its subtree, itself) and MAX_SKIP nodes
 * more per page, the merge one layout per page, and balancing (only for a
 * thin last page) four more fillings, all of it twice: O(n) layouts of
 * bounded size, linear in the view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <gvc.h>

#include "render/escape.h"
#include "render/gv_attr.h"
#include "render/gv_cmark.h"
#include "render/gv_graph.h"
#include "render/gv_msgs.h"
#include "render/gv_pdf.h"
#include "render/gv_pdf_draw.h"
#include "render/labels.h"
#include "render/gv_pages.h"
#include "render/pages.h"
#include "render/pdf_doc.h"
#include "render/testhooks.h"

#define MIN_TEXT_PT 8.0 /* the default minimum */
#define MAX_PART AM_PAGES_MAX_PART
#define MAX_SKIP 3 /* nodes a page passes over before it is full */
#define COVER_GAP 14.0

/* 1 if the nodes on s->on fit one page of `avail` height at the minimum
 * scale or more. */
static int fits(pages *s, double avail)
{
	am_view pv;
	am_gv_box_t b;
	Agraph_t *g;
	int ok = 0;

	if (s->pack)
		return am_gvp_fits_packed(s, avail);
	if (am_pages_view(&pv, s->job->map, s->job->view, s->on) != 0) {
		s->failed = 1;
		return 0;
	}
	s->pj.view = &pv;
	g = am_gvp_lay_out(s, &pv, &s->pj);
	if (g) {
		ok = am_gv_box(g, &b) == 0 && am_gvp_scale(s, &b, avail) >= s->zmin / s->cap;
		am_gvp_free(s, g);
	}
	am_view_free(&pv);
	s->pj.view = s->job->view; /* not left pointing at pv */
	return ok;
}

/* Packing (s->pack): 1 if what s->on holds fits with node c starting a
 * unit of its own instead of joining its tree parent's (which is on the
 * page), and c stays cut; else 0 and c is not cut. One trial. */
static int fits_cut(pages *s, size_t c, double avail)
{
	size_t up = s->t.parent[c];

	if (!s->pack || up == AM_GRAPH_FAR || !s->on[up] || s->cut[c])
		return 0;
	s->cut[c] = 1;
	if (fits(s, avail))
		return 1;
	s->cut[c] = 0;
	return 0;
}

/* Marks (on = 1) or clears the subtree of node c. */
static void mark_subtree(pages *s, size_t c, unsigned char val)
{
	size_t r, end = s->t.rank[c] + s->t.size[c];

	for (r = s->t.rank[c]; r < end; r++)
		s->on[s->t.by_rank[r]] = val;
}

/* Pushes the children of v onto stack (last child first, so that they pop
 * in reading order). */
static void push_children(const pages *s, size_t v, size_t *stack, size_t *top)
{
	size_t r, end = s->t.rank[v] + s->t.size[v], first = *top, a, b;

	for (r = s->t.rank[v] + 1; r < end;) {
		size_t c = s->t.by_rank[r];
		r += s->t.size[c];
		if (s->t.parent[c] == v)
			stack[(*top)++] = c;
	}
	for (a = first, b = *top; a + 1 < b; a++, b--) {
		size_t x = stack[a];
		stack[a] = stack[b - 1];
		stack[b - 1] = x;
	}
}

/* Splits the view into parts, filling pages in reading order (depth
 * first): the next node's whole subtree when it fits the page at the
 * minimum scale (one trial), else the node alone and then its children;
 * the first node that does not fit even alone starts the next page.
 * Returns how many parts (0 on failure). */
static size_t partition(pages *s)
{
	size_t *todo = malloc((s->n + 1) * sizeof *todo);
	size_t *later = malloc((MAX_SKIP + 1) * sizeof *later);
	size_t n_todo = 0, parts = 0, count = 0, n_later = 0, r, i;

	if (!todo || !later) {
		free(todo);
		free(later);
		s->failed = 1;
		return 0;
	}
	/* roots, last first: the stack pops them in reading order */
	for (r = s->t.shown; r-- > 0;) {
		size_t v = s->t.by_rank[r];
		if (s->t.parent[v] == AM_GRAPH_FAR)
			todo[n_todo++] = v;
	}
	memset(s->on, 0, s->n);
	memset(s->cut, 0, s->n);
	while ((n_todo || n_later) && !s->failed) {
		size_t c;
		double avail = parts == 0 ? s->first_avail : s->bottom - s->top;
		if (n_todo && count + 1 <= MAX_PART) {
			c = todo[n_todo - 1];
			mark_subtree(s, c, 1);
			if (count + s->t.size[c] <= MAX_PART &&
			    (fits(s, avail) || fits_cut(s, c, avail))) {
				count += s->t.size[c];
				n_todo--;
				continue;
			}
			mark_subtree(s, c, 0);
			s->on[c] = 1;
			if (count == 0 ||
			    (s->t.size[c] > 1 && (fits(s, avail) || fits_cut(s, c, avail)))) {
				/* alone (a page's first node always goes on it) */
				count++;
				n_todo--;
				push_children(s, c, todo, &n_todo);
				continue;
			}
			s->on[c] = 0;
			if (n_later < MAX_SKIP) {
				/* c starts the next page; what follows it in the
				 * reading order may still fit beside this page's
				 * thread (a page height-bound by one deep thread
				 * was otherwise left empty at its sides) */
				later[n_later++] = c;
				n_todo--;
				continue;
			}
		}
		/* the page is full: it is part `parts`; what was put off
		 * starts the next one, in reading order */
		for (i = 0; i < s->n; i++)
			if (s->on[i])
				s->part_of[i] = parts;
		if (count)
			parts++;
		memset(s->on, 0, s->n);
		count = 0;
		while (n_later)
			todo[n_todo++] = later[--n_later];
	}
	if (count) {
		for (i = 0; i < s->n; i++)
			if (s->on[i])
				s->part_of[i] = parts;
		parts++;
	}
	free(todo);
	free(later);
	return s->failed ? 0 : parts;
}

/* A last part of a few nodes (a thread of its own, left over) joins the
 * first earlier page it fits on at the minimum scale, out of reading order:
 * one page fewer, where its stubs say where it continues. At most one
 * layout per page. Returns the new count. */
static size_t merge_last(pages *s, size_t parts)
{
	size_t last = parts - 1, k, i, count = 0;

	for (i = 0; i < s->n; i++)
		count += s->part_of[i] == last;
	if (parts < 2 || count > 3 || AM_TEST_NO_MERGE())
		return parts;
	s->cap = 1.0;
	for (k = 0; k < last && !s->failed; k++) {
		double avail = k == 0 ? s->first_avail : s->bottom - s->top;
		for (i = 0; i < s->n; i++)
			s->on[i] = s->part_of[i] == k || s->part_of[i] == last;
		if (fits(s, avail)) {
			for (i = 0; i < s->n; i++)
				if (s->part_of[i] == last)
					s->part_of[i] = k;
			return last;
		}
	}
	return parts;
}

/* Fills pages as partition() does; a small last part joins an earlier
 * page (merge_last), and a last page still under half the others' mean is
 * evened out: the same number of pages (or fewer) where each page is full
 * at a larger scale (a cap under 1 leaves room on every page), so the
 * reading order is spread over the pages instead of leaving the last one
 * nearly empty; the smallest cap found by bisection that keeps the count
 * wins. Costs one partition, or five when it balances (which on the
 * bundled Lister handout found nothing better in 780 layouts). */
static size_t partition_balanced(pages *s)
{
	size_t parts, best, n_try, it, i, last = 0, *keep = malloc((s->n + 1) * sizeof *keep);
	unsigned char *keep_cut = malloc(s->n + 1);
	double lo = 0.45, hi = 1.0;

	if (!keep || !keep_cut) {
		free(keep);
		free(keep_cut);
		s->failed = 1;
		return 0;
	}
	s->cap = 1.0;
	parts = partition(s);
	best = parts ? merge_last(s, parts) : 0;
	for (i = 0; i < s->n; i++)
		last += best > 1 && s->part_of[i] == best - 1;
	/* merged, or the last page holds half the mean or more: as it is */
	if (best < parts || best < 2 || last * 2 * best >= s->t.shown)
		goto done;
	memcpy(keep, s->part_of, s->n * sizeof *keep);
	memcpy(keep_cut, s->cut, s->n);
	for (it = 0; it < 4 && !s->failed; it++) {
		s->cap = (lo + hi) / 2;
		for (i = 0; i < s->n; i++)
			s->part_of[i] = (size_t)-1;
		n_try = partition(s);
		if (n_try && n_try <= best) {
			best = n_try;
			hi = s->cap;
			memcpy(keep, s->part_of, s->n * sizeof *keep);
			memcpy(keep_cut, s->cut, s->n);
		} else {
			lo = s->cap;
		}
	}
	memcpy(s->part_of, keep, s->n * sizeof *keep);
	memcpy(s->cut, keep_cut, s->n);
done:
	free(keep);
	free(keep_cut);
	return s->failed ? 0 : best;
}

/* Draws the page s->on as one dot layout at (left margin, y), `avail`
 * high; warns through the sink when it is below the minimum. Returns 0 or
 * an ARGMAP_E* status. */
static int draw_plain(pages *s, am_pdf *p, double m, double y, double avail, double minpt)
{
	am_view pv;
	am_gv_box_t b;
	Agraph_t *g;
	double z;
	int rc;

	if (am_pages_view(&pv, s->job->map, s->job->view, s->on) != 0)
		return ARGMAP_ENOMEM;
	s->pj.view = &pv;
	g = am_gvp_lay_out(s, &pv, &s->pj);
	if (!g || am_gv_box(g, &b) != 0) {
		am_view_free(&pv);
		if (g)
			am_gvp_free(s, g);
		s->pj.view = s->job->view;
		return ARGMAP_ERENDER;
	}
	z = am_gvp_scale(s, &b, avail);
	if (z < s->zmin * 0.999) {
		am_gvp_warn_small(s, p->page, z, minpt);
	}
	rc = am_gv_pdf_draw(p, s->gvc, g, &s->pj, &b, m + (s->cw - b.w * z) / 2, y, z);
	am_gvp_free(s, g);
	am_view_free(&pv);
	s->pj.view = s->job->view;
	return rc;
}

/* Fills the view plain, then (when that takes several pages) with each
 * page's threads stacked in columns (stacking saves pages on some views and
 * costs on others), then with each page's units laid out alone and packed
 * (gv_pages_pack.c); the fewest pages win, the earlier on a tie: one dot
 * layout of a page draws the relations between its threads, where packed
 * units show them as stubs. At most three fillings. Returns the parts (0
 * on failure). */
static size_t choose_filling(pages *s)
{
	size_t best, n_try, i, *keep = malloc((s->n + 1) * sizeof *keep);
	unsigned char *keep_cut = calloc(s->n + 1, 1);
	int mode, best_mode = 0;

	if (!keep || !keep_cut) {
		free(keep);
		free(keep_cut);
		s->failed = 1;
		return 0;
	}
	best = partition_balanced(s);
	memcpy(keep, s->part_of, s->n * sizeof *keep);
	for (mode = 1; mode <= 2 && best > 1 && !s->failed; mode++) {
		if (mode == 2 && AM_TEST_NO_PACK())
			break;
		for (i = 0; i < s->n; i++)
			s->part_of[i] = (size_t)-1;
		s->stack = mode == 1;
		s->pack = mode == 2;
		n_try = partition_balanced(s);
		if (!s->failed && n_try && n_try < best) {
			best = n_try;
			best_mode = mode;
			memcpy(keep, s->part_of, s->n * sizeof *keep);
			memcpy(keep_cut, s->cut, s->n);
		}
	}
	memcpy(s->part_of, keep, s->n * sizeof *keep);
	memcpy(s->cut, keep_cut, s->n);
	free(keep_cut);
	s->stack = best_mode == 1;
	s->pack = best_mode == 2;
	free(keep);
	return s->failed ? 0 : best;
}

/* am_gv_pdf_pages, or (count non-NULL) only the filling: *count = the
 * pages the map takes before the notes, nothing drawn or handed on. */
static int run_pages(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink, size_t *count)
{
	const argmap_render_options *o = job->opts;
	pages s;
	am_pdf p;
	am_labels lab;
	am_job kj = *job, cj = *job;
	argmap_render_options ko = *o;
	am_view cover = {0};
	am_gv_box_t cb = {0};
	Agraph_t *cg = NULL;
	double pw, ph, m, zc = 1.0, cover_h = 0, minpt;
	size_t n_parts = 0, k, i, n_notes = 0, page0;
	int rc = ARGMAP_ENOMEM, labels = 0, has_cover;
	/* --notes markers: no evidence boxes, and the cover opens the notes */
	int markers = o->notes == ARGMAP_NOTES_MARKERS;

	memset(&s, 0, sizeof s);
	s.gvc = gvc;
	s.disc = disc;
	s.job = job;
	s.sink = sink;
	s.n = argmap_map_node_count(job->map);
	minpt = o->min_text > 0 ? o->min_text : MIN_TEXT_PT;
	/* the smallest text of a page: the boxes' small labels and stubs */
	s.zmin = minpt / AM_LABELS_PAGES_SMALL_PT;
	/* the sources numbered as the whole view's title block does */
	ko.title_block = 1;
	kj.opts = &ko;
	if (am_labels_init(&lab, &kj) != 0)
		goto out;
	labels = 1;
	s.po = *o;
	s.po.title_block = 0;
	s.po.legend = 0;
	s.pj = *job;
	s.pj.opts = &s.po;
	s.pj.src_key = lab.src_key;
	s.pj.n_src_keys = lab.n_keys;
	s.pj.fast = 0;
	s.part_of = malloc((s.n + 1) * sizeof *s.part_of);
	s.page_of = calloc(s.n + 1, sizeof *s.page_of);
	s.on = calloc(s.n + 1, 1);
	s.scratch = malloc((3 * s.n + 1) * sizeof *s.scratch);
	s.stub_on = s.on;
	s.unit_on = calloc(s.n + 1, 1);
	s.cut = calloc(s.n + 1, 1);
	s.sc.sky = malloc((2 * s.n + 2) * sizeof *s.sc.sky);
	s.sc.tmp = malloc((s.n + 1) * sizeof *s.sc.tmp);
	s.sc.perm = malloc((s.n + 1) * sizeof *s.sc.perm);
	s.unit_of = malloc((s.n + 1) * sizeof *s.unit_of);
	s.roots = malloc((s.n + 1) * sizeof *s.roots);
	s.boxes = malloc((s.n + 1) * sizeof *s.boxes);
	s.cache = malloc(AM_PAGES_CACHE * sizeof *s.cache);
	if (!s.part_of || !s.page_of || !s.on || !s.scratch || !s.unit_on || !s.cut || !s.sc.sky ||
	    !s.sc.tmp || !s.sc.perm || !s.unit_of || !s.roots || !s.boxes || !s.cache ||
	    am_pages_tree_build(&s.t, job->map, job->view) != 0)
		goto out;
	for (i = 0; i < s.n; i++)
		s.part_of[i] = (size_t)-1;
	for (i = 0; job->note_no && i < s.n; i++)
		if (job->note_no[i] > n_notes)
			n_notes = job->note_no[i];

	am_pdf_page_size(o, &pw, &ph, &m);
	if (am_pdf_open(&p, job, pw, ph) != 0)
		goto out;
	p.chrome = 1;
	p.src_key = lab.src_key;
	p.n_keys = lab.n_keys;
	s.cw = pw - 2 * m;
	s.top = am_pdf_top(&p);
	s.bottom = am_pdf_bottom(&p);

	/* the cover: title block, legend and the view's note, no nodes */
	has_cover = o->title_block || o->legend || job->view->filtered;
	if (has_cover) {
		memset(s.on, 0, s.n);
		if (am_pages_view(&cover, job->map, job->view, s.on) != 0)
			goto out_pdf;
		cover.filtered = job->view->filtered;
		cover.nodes_shown = job->view->nodes_shown;
		cover.rels_shown = job->view->rels_shown;
		cj.view = &cover;
		cj.legend_view = job->view; /* only what the pages draw */
		cj.src_key = lab.src_key;
		cj.n_src_keys = lab.n_keys;
		cj.fast = 0;
		cg = am_gvp_lay_out(&s, NULL, &cj);
		if (!cg || am_gv_box(cg, &cb) != 0) {
			rc = ARGMAP_ERENDER;
			goto out_pdf;
		}
		if (cb.w > s.cw)
			zc = s.cw / cb.w;
		cover_h = cb.h * zc + COVER_GAP;
	}
	/* part 0 shares page 1 when a good part of the page is left */
	s.first_avail = s.bottom - s.top - (markers ? 0 : cover_h);
	page0 = 1;
	if (s.first_avail < 0.45 * (s.bottom - s.top)) {
		s.first_avail = s.bottom - s.top;
		page0 = 2;
	}
	n_parts = choose_filling(&s);
	if (!n_parts || s.failed) {
		rc = s.failed ? ARGMAP_ERENDER : ARGMAP_EINVALID;
		goto out_pdf;
	}
	if (count) {
		*count = n_parts + page0 - 1;
		rc = 0;
		goto out_pdf;
	}
	for (i = 0; i < s.n; i++)
		if (s.part_of[i] != (size_t)-1)
			s.page_of[i] = s.part_of[i] + page0;

	/* page 1: its footer lists the sources of part 0 when that is on it */
	if (page0 == 2)
		am_pdf_chrome(&p, NULL);
	am_pdf_bookmark(&p, p.title);
	if (cg && !markers) {
		if (am_gv_pdf_draw(&p, gvc, cg, &cj, &cb, m + (s.cw - cb.w * zc) / 2, s.top, zc) !=
		    0)
			goto out_render;
		am_gvp_free(&s, cg);
		cg = NULL;
	}
	for (k = 0; k < n_parts; k++) {
		double avail, y;
		char mark[64];
		if (k > 0 || page0 == 2) {
			am_pdf_next_page(&p, pw, ph);
		}
		for (i = 0; i < s.n; i++)
			s.on[i] = s.part_of[i] == k;
		if (k > 0 || page0 == 2)
			am_pdf_chrome(&p, s.on);
		y = k == 0 && page0 == 1 && !markers ? s.top + cover_h : s.top;
		avail = s.bottom - y;
		rc = s.pack ? am_gvp_draw_packed(&s, &p, m, y, avail, minpt)
		            : draw_plain(&s, &p, m, y, avail, minpt);
		if (rc == ARGMAP_ENOMEM)
			goto out_pdf;
		if (k == 0 && page0 == 1)
			am_pdf_chrome(&p, s.on); /* the footer of page 1 */
		snprintf(mark, sizeof mark, "p. %d", p.page);
		if (k > 0)
			am_pdf_bookmark(&p, mark);
		if (rc != 0)
			goto out_render;
	}
	if (cg) {
		/* markers: the title block, the legend and the view's note open
		 * the notes, so that the map has its pages to itself */
		am_pdf_next_page(&p, pw, ph);
		am_pdf_chrome(&p, NULL);
		am_pdf_bookmark(&p, "About this map");
		if (am_gv_pdf_draw(&p, gvc, cg, &cj, &cb, m + (s.cw - cb.w * zc) / 2, s.top, zc) !=
		    0)
			goto out_render;
		am_gvp_free(&s, cg);
		cg = NULL;
		am_pdf_endnotes_at(&p, job->note_no, n_notes, s.top + cover_h);
	} else {
		am_pdf_endnotes(&p, job->note_no, n_notes);
	}
	AM_TEST_PAGE_LAYOUTS(s.layouts);
	rc = am_pdf_close(&p, sink);
	goto out;
out_render:
	sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz could not draw a page", NULL);
	rc = ARGMAP_ERENDER;
out_pdf:
	if (rc == ARGMAP_ENOMEM)
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "out of memory while drawing the pages",
		           NULL);
	am_pdf_discard(&p);
out:
	if (cg)
		am_gvp_free(&s, cg);
	am_view_free(&cover);
	if (labels)
		am_labels_free(&lab);
	am_pages_tree_free(&s.t);
	free(s.part_of);
	free(s.page_of);
	free(s.on);
	free(s.scratch);
	free(s.unit_on);
	free(s.cut);
	free(s.sc.sky);
	free(s.sc.tmp);
	free(s.sc.perm);
	free(s.unit_of);
	free(s.roots);
	free(s.boxes);
	free(s.cache);
	return rc;
}

int am_gv_pdf_pages(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink)
{
	return run_pages(gvc, disc, job, sink, NULL);
}

int am_gv_pdf_pages_count(GVC_t *gvc, Agdisc_t *disc, const am_job *job, am_sink *sink,
                          size_t *count)
{
	am_job cj = *job;
	argmap_render_options co = *job->opts;

	*count = 0;
	co.format = ARGMAP_RENDER_PDF;
	co.pages = 1;
	if (co.page == ARGMAP_PAGE_NONE)
		co.page = ARGMAP_PAGE_A4;
	cj.opts = &co;
	cj.fast = 0;
	return run_pages(gvc, disc, &cj, sink, count);
}

/*
 * gv_pages_pack.c - a page of --pages as separate layouts packed in two
 * dimensions (gv_pages.h). A unit is a node of the page whose reading-tree
 * parent is off the page, with what follows it there (its thread, or the
 * part of its thread on this page). Each unit is laid out alone by dot,
 * with a stub for every relation that leaves it (to another page, or to
 * another unit of this page: "p. 3" is then this page's number), and the
 * units' boxes go on shelves in reading order (pack.c) at the largest
 * scale that fits. One dot layout of the whole page made one row of its
 * threads, as wide as all of them and as deep as the deepest: a deep
 * thread and four short ones took two pages at 8 pt, where packed they
 * take one.
 *
 * Cost: a unit's box is laid out once and remembered (AM_PAGES_CACHE
 * entries, by node count, first node and a hash of its nodes), so a trial
 * lays out only the unit it changes: one layout of at most
 * AM_PAGES_MAX_PART nodes per trial, as one dot layout of the page was;
 * packing is O(units^2) per scale tried (at most 48 units), 26 scales per
 * trial.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/gv_pages.h"
#include "render/labels.h"

void am_gvp_cache_clear(pages *s)
{
	s->n_cache = 0;
}

/* Sets s->unit_of and s->roots for the nodes on s->on; returns how many
 * units (roots in reading order). Linear in the view. */
static size_t find_units(pages *s)
{
	size_t r, k = 0;

	for (r = 0; r < s->t.shown; r++) {
		size_t v = s->t.by_rank[r], up = s->t.parent[v];
		if (!s->on[v])
			continue;
		if (up != AM_GRAPH_FAR && s->on[up] && !s->cut[v]) {
			s->unit_of[v] = s->unit_of[up]; /* preorder: up came first */
		} else {
			s->unit_of[v] = v;
			s->roots[k++] = v;
		}
	}
	return k;
}

/* Marks the nodes of the unit `root` in s->unit_on; sets its node count
 * and hash (its nodes in reading order). */
static void mark_unit(pages *s, size_t root, size_t *count, unsigned long *hash)
{
	size_t r, end = s->t.rank[root] + s->t.size[root];
	unsigned long h = 2166136261UL;

	memset(s->unit_on, 0, s->n);
	*count = 0;
	/* a unit lies within its root's subtree */
	for (r = s->t.rank[root]; r < end; r++) {
		size_t v = s->t.by_rank[r];
		if (s->on[v] && s->unit_of[v] == root) {
			s->unit_on[v] = 1;
			(*count)++;
			h = (h ^ (unsigned long)v) * 16777619UL;
		}
	}
	*hash = h;
}

/* Lays out the unit marked in s->unit_on. Returns its graph or NULL. */
static Agraph_t *lay_out_unit(pages *s, am_view *pv)
{
	Agraph_t *g;

	if (am_pages_view(pv, s->job->map, s->job->view, s->unit_on) != 0) {
		s->failed = 1;
		return NULL;
	}
	s->pj.view = pv;
	s->stub_on = s->unit_on;
	g = am_gvp_lay_out(s, pv, &s->pj);
	s->stub_on = s->on;
	return g;
}

/* The box of the unit `root` of s->on: remembered, or laid out. */
static int unit_box(pages *s, size_t root, am_pack_box *b)
{
	size_t count, i;
	unsigned long hash;
	am_view pv;
	am_gv_box_t gb;
	Agraph_t *g;
	int rc = -1;

	mark_unit(s, root, &count, &hash);
	s->unit_count = count;
	for (i = 0; i < s->n_cache; i++) {
		const am_pages_cached *c = &s->cache[i];
		if (c->count == count && c->root == root && c->hash == hash) {
			b->w = c->w;
			b->h = c->h;
			return 0;
		}
	}
	g = lay_out_unit(s, &pv);
	if (g) {
		if (am_gv_box(g, &gb) == 0) {
			am_gvp_extent(&gb, &b->w, &b->h);
			rc = 0;
		}
		am_gvp_free(s, g);
	}
	am_view_free(&pv);
	s->pj.view = s->job->view;
	if (rc != 0) {
		s->failed = 1;
		return -1;
	}
	if (s->n_cache == AM_PAGES_CACHE)
		s->n_cache = 0; /* full: start over (a page never has this many) */
	s->cache[s->n_cache].count = count;
	s->cache[s->n_cache].root = root;
	s->cache[s->n_cache].hash = hash;
	s->cache[s->n_cache].w = b->w;
	s->cache[s->n_cache].h = b->h;
	s->n_cache++;
	return 0;
}

int am_gvp_fits_packed(pages *s, double avail)
{
	size_t k = find_units(s), u;

	double z = s->zmin / s->cap;

	for (u = 0; u < k; u++) {
		if (unit_box(s, s->roots[u], &s->boxes[u]) != 0)
			return 0;
		if (s->t.size[s->roots[u]] > 1 && s->unit_count > 1 &&
		    s->boxes[u].w * z > s->cw * AM_PAGES_UNIT_SHARE)
			return 0;
	}
	return am_pack_scale(s->boxes, k, s->cw, avail, AM_PAGES_UNIT_GAP, s->zmin / s->cap,
	                     &s->sc) > 0;
}

int am_gvp_draw_packed(pages *s, am_pdf *p, double m, double y, double avail, double minpt)
{
	size_t k = find_units(s), u, done = 0;
	Agraph_t **gs = calloc(k + 1, sizeof *gs);
	am_view *pvs = calloc(k + 1, sizeof *pvs);
	am_gv_box_t *gb = calloc(k + 1, sizeof *gb);
	double z, w, h, x0;
	int rc = ARGMAP_ENOMEM;

	if (!gs || !pvs || !gb)
		goto done;
	rc = ARGMAP_ERENDER;
	for (u = 0; u < k; u++, done++) {
		size_t count;
		unsigned long hash;
		mark_unit(s, s->roots[u], &count, &hash);
		gs[u] = lay_out_unit(s, &pvs[u]);
		s->pj.view = s->job->view;
		if (!gs[u] || am_gv_box(gs[u], &gb[u]) != 0) {
			done++;
			goto done;
		}
		am_gvp_extent(&gb[u], &s->boxes[u].w, &s->boxes[u].h);
	}
	/* the largest scale that packs; below the minimum only when one
	 * unit alone is too big (partition() never puts two such together) */
	z = am_pack_scale(s->boxes, k, s->cw, avail, AM_PAGES_UNIT_GAP, s->zmin, &s->sc);
	if (z <= 0) {
		z = am_pack_scale(s->boxes, k, s->cw, avail, AM_PAGES_UNIT_GAP, 0.01, &s->sc);
		am_gvp_warn_small(s, p->page, z, minpt);
		if (z <= 0)
			goto done;
	}
	if (am_pack_shelves(s->boxes, k, s->cw / z, AM_PAGES_UNIT_GAP / z, &w, &h, s->sc.sky) != 0)
		goto done;
	x0 = m + (s->cw - w * z) / 2;
	for (u = 0; u < k; u++) {
		s->pj.view = &pvs[u];
		rc = am_gv_pdf_draw(p, s->gvc, gs[u], &s->pj, &gb[u], x0 + s->boxes[u].x * z,
		                    y + s->boxes[u].y * z, z);
		s->pj.view = s->job->view;
		if (rc != 0)
			goto done;
	}
	rc = 0;
done:
	for (u = 0; u < done && gs && pvs; u++) {
		if (gs[u])
			am_gvp_free(s, gs[u]);
		am_view_free(&pvs[u]);
	}
	free(gs);
	free(pvs);
	free(gb);
	return rc;
}

/*
 * The fast layered layout for huge maps (src/render/fastlayout.c), alone
 * and through the renderer.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "render/render_internal.h"
#include "render_support.h"

/* No two nodes of a row overlap, conclusions sit above premises. */
static void check_layout(size_t n, const double *w, const double *h, size_t m, const size_t *from,
                         const size_t *to, const unsigned char *cons, const double *x,
                         const double *y)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (fabs(y[i] - y[j]) < (h[i] + h[j]) / 2)
				cr_expect(fabs(x[i] - x[j]) >= (w[i] + w[j]) / 2 + 1.0 - 1e-6,
				          "nodes %zu and %zu overlap (x %g, %g)", i, j, x[i], x[j]);
	for (i = 0; i < m; i++)
		if (!cons || cons[i])
			cr_expect(y[from[i]] > y[to[i]], "edge %zu -> %zu points up", from[i], to[i]);
}

Test(fastlayout, tree_with_cross_links)
{
	/* 0 is the question; 1..3 answer it; 4..9 support them; 9 also
	 * rebuts 1 across the tree (not a constraint) */
	double w[10], h[10], x[10], y[10];
	size_t from[] = {0, 0, 0, 1, 1, 2, 2, 3, 3, 1};
	size_t to[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 9};
	unsigned char cons[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
	size_t i;

	for (i = 0; i < 10; i++) {
		w[i] = 100 + 10.0 * (double)(i % 3);
		h[i] = 40;
	}
	cr_assert_eq(am_fast_layout(10, w, h, 10, from, to, cons, 20, 30, x, y), 0);
	check_layout(10, w, h, 10, from, to, cons, x, y);
	/* three rows */
	cr_expect(y[0] > y[1] && y[1] == y[2] && y[2] == y[3] && y[3] > y[4]);
	/* subtrees stay together: 4,5 (under 1) left of 6,7 (under 2) */
	cr_expect(x[4] < x[6] && x[5] < x[6] && x[7] < x[8]);
	/* parents sit over their children */
	cr_expect(x[1] > x[4] - 1 && x[1] < x[5] + 1, "1 is not over 4 and 5");
}

Test(fastlayout, cycles_and_empty)
{
	double w[3] = {50, 50, 50}, h[3] = {20, 20, 20}, x[3], y[3];
	size_t from[] = {0, 1, 2}, to[] = {1, 2, 0};

	/* a cycle of attacks: one edge is dropped from ranking, no hang */
	cr_assert_eq(am_fast_layout(3, w, h, 3, from, to, NULL, 10, 10, x, y), 0);
	cr_expect(y[0] > y[1] && y[1] > y[2]);
	cr_expect_eq(am_fast_layout(0, NULL, NULL, 0, NULL, NULL, NULL, 10, 10, NULL, NULL), 0);
}

Test(fastlayout, large_random_is_fast_and_valid)
{
	size_t n = 20000, m = 2 * n, i;
	double *w = malloc(n * sizeof *w), *h = malloc(n * sizeof *h);
	double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	size_t *from = malloc(m * sizeof *from), *to = malloc(m * sizeof *to);
	unsigned long s = 7;

	for (i = 0; i < n; i++) {
		w[i] = 150;
		h[i] = 60;
	}
	/* a tree (i+1 under i/3) plus random forward links: acyclic */
	for (i = 0; i < m; i++) {
		if (i < n - 1) {
			from[i] = i / 3;
			to[i] = i + 1;
		} else {
			size_t a, b;
			s = s * 6364136223846793005UL + 1;
			a = (size_t)(s >> 33) % (n - 1);
			s = s * 6364136223846793005UL + 1;
			b = a + 1 + (size_t)(s >> 33) % (n - 1 - a);
			from[i] = a;
			to[i] = b;
		}
	}
	cr_assert_eq(am_fast_layout(n, w, h, m, from, to, NULL, 20, 30, x, y), 0);
	for (i = 0; i < m; i++)
		cr_assert(y[from[i]] > y[to[i]], "edge %zu", i);
	free(w);
	free(h);
	free(x);
	free(y);
	free(from);
	free(to);
}

Test(fastlayout, renderer_uses_it_for_huge_maps)
{
	argmap_map *map = rs_load(RS_DATA("basic.xml"));
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	char *dot, *svg;
	xmlDocPtr doc;
	size_t saved = am_render_fast_min;

	am_render_fast_min = 1; /* as if basic.xml were huge */
	o.format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(map, &o, &len);
	cr_expect(strstr(dot, "layout=nop"), "huge maps are placed by argmap");
	cr_expect(strstr(dot, "pos=\""), "the DOT carries the positions");
	cr_expect(strstr(dot, "splines=line"));
	o.format = ARGMAP_RENDER_SVG;
	svg = rs_render_ok(map, &o, &len);
	doc = xmlReadMemory(svg, (int)len, "f.svg", NULL, XML_PARSE_NONET);
	cr_expect(doc, "not well-formed");
	xmlFreeDoc(doc);
	cr_expect_eq(rs_count(svg, len, "class=\"node am&#45;node"), 11);
	cr_expect(strstr(svg, "am&#45;undercut"));
	free(svg);
	o.format = ARGMAP_RENDER_PDF;
	free(rs_render_ok(map, &o, &len));
	am_render_fast_min = saved;
	/* below the threshold, dot */
	o.format = ARGMAP_RENDER_DOT;
	free(dot);
	dot = rs_render_ok(map, &o, &len);
	cr_expect(!strstr(dot, "layout=nop"));
	free(dot);
	argmap_map_free(map);
}

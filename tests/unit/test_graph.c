/*
 * test_graph.c - the graph module: CSR rows, BFS, reachability, DFS order
 * and cycle-closing arcs, SCC, and the graphs a map induces.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/graph.h"
#include "model/view.h"
#include "model/walk.h"
#include "support.h"

/*   0 -> 1 -> 2 -> 0   (a cycle)      3 -> 4, 4 -> 4 (a self-loop)
 *   2 -> 3             5 alone        arc 7 is 9 -> 0: out of range */
static const size_t F[] = {0, 1, 2, 2, 3, 4, 1, 9};
static const size_t T[] = {1, 2, 0, 3, 4, 4, 2, 0};
#define N 6
#define M 8

Test(graph, rows_keep_emission_order_and_labels)
{
	am_graph g;
	unsigned char use[M] = {1, 1, 1, 1, 1, 1, 0, 1};

	cr_assert_eq(am_graph_from_arrays(&g, N, M, F, T, use), 0);
	cr_expect_eq(g.n, N);
	cr_expect_eq(g.m, 6, "unused and out-of-range arcs are dropped, got %zu", g.m);
	/* vertex 2: arcs 2 (to 0) then 3 (to 3), in that order */
	cr_assert_eq(g.start[3] - g.start[2], 2);
	cr_expect_eq(g.to[g.start[2]], 0);
	cr_expect_eq(g.label[g.start[2]], 2);
	cr_expect_eq(g.to[g.start[2] + 1], 3);
	cr_expect_eq(g.label[g.start[2] + 1], 3);
	cr_expect_eq(g.start[6] - g.start[5], 0, "5 has no arcs");
	am_graph_free(&g);
	cr_expect_null(g.start);
}

static int not_two(void *ud, size_t v)
{
	(void)ud;
	return v != 2;
}

Test(graph, bfs_bounds_depth_and_skips_unexpandable)
{
	am_graph g;
	size_t dist[N];

	cr_assert_eq(am_graph_from_arrays(&g, N, M, F, T, NULL), 0);
	cr_assert_eq(am_graph_bfs(&g, 0, 10, NULL, NULL, dist), 0);
	cr_expect_eq(dist[0], 0);
	cr_expect_eq(dist[1], 1);
	cr_expect_eq(dist[2], 2);
	cr_expect_eq(dist[3], 3);
	cr_expect_eq(dist[4], 4);
	cr_expect_eq(dist[5], AM_GRAPH_FAR);
	cr_assert_eq(am_graph_bfs(&g, 0, 2, NULL, NULL, dist), 0);
	cr_expect_eq(dist[2], 2);
	cr_expect_eq(dist[3], AM_GRAPH_FAR, "a vertex at max_dist is not expanded");
	cr_assert_eq(am_graph_bfs(&g, 0, 10, not_two, NULL, dist), 0);
	cr_expect_eq(dist[2], 2, "an unexpandable vertex is still reached");
	cr_expect_eq(dist[3], AM_GRAPH_FAR, "but nothing beyond it");
	am_graph_free(&g);
}

Test(graph, reach_marks_everything_downstream)
{
	am_graph g;
	unsigned char mark[N] = {0, 0, 0, 1, 0, 0};

	cr_assert_eq(am_graph_from_arrays(&g, N, M, F, T, NULL), 0);
	cr_assert_eq(am_graph_reach(&g, mark), 0);
	cr_expect(mark[3] && mark[4]);
	cr_expect(!mark[0] && !mark[1] && !mark[2] && !mark[5]);
	am_graph_free(&g);
}

Test(graph, dfs_order_and_back_arcs_leave_a_dag)
{
	am_graph g;
	size_t order[N], comp[N], ncomp, v, a;
	unsigned char back[M], roots[N] = {0, 0, 0, 0, 0, 1};

	cr_assert_eq(am_graph_from_arrays(&g, N, M, F, T, NULL), 0);
	cr_assert_eq(am_graph_dfs(&g, NULL, order, back), 0);
	cr_expect_eq(order[0], 0);
	cr_expect_eq(order[1], 1);
	cr_expect_eq(order[2], 2);
	cr_expect_eq(order[5], 5);
	/* exactly the arcs 2 -> 0 (closes the cycle) and 4 -> 4 are back arcs */
	for (v = 0; v < N; v++)
		for (a = g.start[v]; a < g.start[v + 1]; a++)
			cr_expect_eq(back[a], (v == 2 && g.to[a] == 0) || (v == 4 && g.to[a] == 4),
			             "arc %zu -> %zu", v, g.to[a]);
	/* roots_first: 5 is reached first */
	cr_assert_eq(am_graph_dfs(&g, roots, order, NULL), 0);
	cr_expect_eq(order[5], 0);
	cr_expect_eq(order[0], 1);
	/* without the back arcs, every component is a single vertex */
	{
		size_t f[M], t[M], k = 0;
		am_graph dag;
		cr_assert_eq(am_graph_dfs(&g, NULL, order, back), 0);
		for (v = 0; v < N; v++)
			for (a = g.start[v]; a < g.start[v + 1]; a++)
				if (!back[a]) {
					f[k] = v;
					t[k++] = g.to[a];
				}
		cr_assert_eq(am_graph_from_arrays(&dag, N, k, f, t, NULL), 0);
		cr_assert_eq(am_graph_scc(&dag, comp, &ncomp), 0);
		cr_expect_eq(ncomp, N);
		am_graph_free(&dag);
	}
	am_graph_free(&g);
}

Test(graph, scc_finds_the_cycle)
{
	am_graph g;
	size_t comp[N], ncomp;

	cr_assert_eq(am_graph_from_arrays(&g, N, M, F, T, NULL), 0);
	cr_assert_eq(am_graph_scc(&g, comp, &ncomp), 0);
	cr_expect_eq(ncomp, 4, "{0,1,2} {3} {4} {5}, got %zu", ncomp);
	cr_expect(comp[0] == comp[1] && comp[1] == comp[2]);
	cr_expect(comp[3] != comp[0] && comp[4] != comp[3] && comp[5] != comp[4]);
	am_graph_free(&g);
}

Test(graph, long_chain_needs_no_recursion)
{
	size_t n = 200000, i, *f = malloc(n * sizeof *f), *t = malloc(n * sizeof *t);
	size_t *comp = malloc(n * sizeof *comp), *order = malloc(n * sizeof *order), ncomp;
	unsigned char *back = malloc(n);
	am_graph g;

	cr_assert(f && t && comp && order && back);
	for (i = 0; i < n; i++) {
		f[i] = i;
		t[i] = (i + 1) % n; /* one cycle through every vertex */
	}
	cr_assert_eq(am_graph_from_arrays(&g, n, n, f, t, NULL), 0);
	cr_assert_eq(am_graph_scc(&g, comp, &ncomp), 0);
	cr_expect_eq(ncomp, 1);
	cr_assert_eq(am_graph_dfs(&g, NULL, order, back), 0);
	cr_expect_eq(order[n - 1], n - 1);
	cr_expect_eq(back[n - 1], 1, "only the arc back to 0 closes the cycle");
	cr_expect_eq(back[0], 0);
	am_graph_free(&g);
	free(f);
	free(t);
	free(comp);
	free(order);
	free(back);
}

/* c1 <- s1 [e1, c2]; u1 (from c3) undercuts s1; c1 answers q. */
static const char *MAP =
	"<argmap xmlns=\"urn:argmap:1\" version=\"1\">"
	"<meta><title>t</title></meta>"
	"<question id=\"q\"><text>Q?</text></question>"
	"<claim id=\"c1\"><text>one</text></claim>"
	"<claim id=\"c2\"><text>two</text></claim>"
	"<claim id=\"c3\"><text>three</text></claim>"
	"<evidence id=\"e1\"><quote>x</quote></evidence>"
	"<support id=\"s1\" from=\"e1 c2\" to=\"c1\"/>"
	"<undercut id=\"u1\" from=\"c3\" to=\"s1\"/>"
	"<answer id=\"a1\" from=\"c1\" to=\"q\" stance=\"yes\"/>"
	"</argmap>";

static size_t node(const argmap_map *m, const char *id)
{
	size_t i;

	cr_assert_eq(argmap_map_find(m, id, &i), ARGMAP_ITEM_NODE, "%s", id);
	return i;
}

Test(graph, map_graphs)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	am_graph g;
	size_t n, c1, c2, c3, e1, q, *dist;
	unsigned char *mark;

	cr_assert_eq(argmap_map_load_memory(&m, "t.xml", MAP, strlen(MAP), NULL, d), 0);
	n = argmap_map_node_count(m);
	c1 = node(m, "c1");
	c2 = node(m, "c2");
	c3 = node(m, "c3");
	e1 = node(m, "e1");
	q = node(m, "q");

	/* supports: e1 -> c1 and c2 -> c1, nothing else */
	cr_assert_eq(am_map_graph_supports(&g, m), 0);
	cr_expect_eq(g.m, 2);
	cr_expect_eq(g.start[e1 + 1] - g.start[e1], 1);
	cr_expect_eq(g.to[g.start[c2]], c1);
	am_graph_free(&g);

	/* mentions: c3 is one relation from e1 (the undercut mentions s1's nodes) */
	dist = malloc((n + argmap_map_relation_count(m)) * sizeof *dist);
	cr_assert_eq(am_map_graph_mentions(&g, m), 0);
	cr_assert_eq(am_graph_bfs(&g, c3, 10, NULL, NULL, dist), 0);
	cr_expect_eq(dist[e1], 2);
	cr_expect_eq(dist[q], 4, "q is two relations from c3");
	am_graph_free(&g);

	/* upward: from e1, everything it leads to (c1, then q); c3 is not */
	mark = calloc(n + argmap_map_relation_count(m), 1);
	cr_assert_eq(am_map_graph_upward(&g, m), 0);
	mark[e1] = 1;
	cr_assert_eq(am_graph_reach(&g, mark), 0);
	cr_expect(mark[c1] && mark[q]);
	cr_expect(!mark[c3] && !mark[c2]);
	memset(mark, 0, g.n);
	mark[c3] = 1; /* an undercut leads to the attacked support's nodes */
	cr_assert_eq(am_graph_reach(&g, mark), 0);
	cr_expect(mark[c1] && mark[e1] && mark[c2]);
	am_graph_free(&g);

	free(mark);
	free(dist);
	argmap_map_free(m);
	argmap_diags_free(d);
}

/* ------------------------------------------------------------ walker */

typedef struct trace {
	char s[512];
	size_t len;
	int stop_at_node;
} trace;

static int record(void *ud, am_walk_event ev, size_t index, const void *item)
{
	static const char *const tag = "FSANRE";
	trace *t = ud;
	const char *id = "";

	if (ev == AM_WALK_NODE)
		id = ((const argmap_node *)item)->id;
	else if (ev == AM_WALK_RELATION)
		id = ((const argmap_relation *)item)->id;
	t->len += (size_t)snprintf(t->s + t->len, sizeof t->s - t->len, "%c%zu%s ", tag[ev], index,
	                           id ? id : "-");
	return ev == AM_WALK_NODE && t->stop_at_node && (size_t)t->stop_at_node == index + 1 ? 7 : 0;
}

Test(walk, visits_sections_in_order_and_honours_views_and_stops)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	am_view v;
	am_view_options vo = {0};
	trace t = {{0}, 0, 0};

	cr_assert_eq(argmap_map_load_memory(&m, "t.xml", MAP, strlen(MAP), NULL, d), 0);
	cr_assert_eq(am_walk(m, NULL, record, &t), 0);
	cr_expect_str_eq(t.s, "F0 N0q N1c1 N2c2 N3c3 N4e1 R0s1 R1u1 R2a1 E0 ");

	/* a view: c3 and its undercut left out by a focus on q at depth 1 */
	vo.focus = "q";
	vo.depth = 1;
	cr_assert_eq(am_view_build(&v, m, &vo, d, "t.xml"), 0);
	memset(&t, 0, sizeof t);
	cr_assert_eq(am_walk(m, &v, record, &t), 0);
	cr_expect_str_eq(t.s, "F0 N0q N1c1 R2a1 E0 ");
	am_view_free(&v);

	/* a non-zero return stops the walk and is returned */
	memset(&t, 0, sizeof t);
	t.stop_at_node = 2;
	cr_expect_eq(am_walk(m, NULL, record, &t), 7);
	cr_expect_str_eq(t.s, "F0 N0q N1c1 ");
	argmap_map_free(m);
	argmap_diags_free(d);
}

/*
 * cycles.c - AM205: circular support. Tarjan's SCC over the support graph
 * (premise -> conclusion, model/graph.h) finds every circular chain; each
 * is named once, as the shortest path through its first node declared in
 * file 0, with a note at each support on it.
 */
#include <stdlib.h>

#include "check/check_internal.h"
#include "model/graph.h"
#include "model/model.h"
#include "util/buf.h"

/* Reports the shortest cycle through `start` inside its component.
 * Returns 0, or -1 when out of memory. */
static int report_cycle(const argmap_map *m, argmap_diags *diags, const am_graph *g,
                        const size_t *comp, size_t start)
{
	size_t n = g->n, *prev = malloc(n * sizeof *prev), *pedge = malloc(n * sizeof *pedge);
	size_t *queue = malloc(n * sizeof *queue), qh = 0, qt = 0, v, e, found = ARGMAP_NONE;
	am_buf b = {0};
	size_t *path = NULL, plen = 0, i, d;
	argmap_loc loc;
	char *msg;
	int rc = -1;

	if (!prev || !pedge || !queue)
		goto done;
	for (v = 0; v < n; v++)
		prev[v] = ARGMAP_NONE;
	/* Shortest cycle through `start` inside its component (BFS). */
	queue[qt++] = start;
	while (qh < qt && found == ARGMAP_NONE) {
		size_t u = queue[qh++];
		for (e = g->start[u]; e < g->start[u + 1]; e++) {
			size_t w = g->to[e];
			if (comp[w] != comp[start])
				continue;
			if (w == start) {
				found = u;
				pedge[start] = e;
				break;
			}
			if (prev[w] == ARGMAP_NONE) {
				prev[w] = u;
				pedge[w] = e;
				queue[qt++] = w;
			}
		}
	}
	if (found == ARGMAP_NONE) {
		rc = 0;
		goto done;
	}
	path = malloc((n + 1) * sizeof *path);
	if (!path)
		goto done;
	for (v = found; v != start; v = prev[v])
		path[plen++] = v;
	path[plen++] = start;
	/* path is reversed: start ... found */
	for (i = 0; i < plen / 2; i++) {
		size_t t = path[i];
		path[i] = path[plen - 1 - i];
		path[plen - 1 - i] = t;
	}
	am_buf_puts(&b, "circular support: ");
	for (i = 0; i < plen; i++)
		am_buf_printf(&b, "'%s' -> ", m->nodes[path[i]].id);
	am_buf_printf(&b, "'%s'", m->nodes[start].id);
	msg = am_buf_detach(&b);
	if (!msg)
		goto done;
	loc = m->relations[g->label[pedge[start]]].loc;
	d = argmap_diags_add(diags, ARGMAP_SEV_ERROR, "AM205", am_model_path(m, loc.file), loc.line,
	                     loc.col, msg,
	                     "a chain of reasons must not lead back to where it started; remove "
	                     "or reverse one of these supports",
	                     ARGMAP_NONE);
	free(msg);
	if (d == ARGMAP_NONE)
		goto done;
	for (i = 0; i < plen; i++) {
		size_t to = i + 1 < plen ? path[i + 1] : start;
		am_buf nb = {0};
		char *nm;
		for (e = g->start[path[i]]; e < g->start[path[i] + 1]; e++)
			if (g->to[e] == to)
				break;
		if (e == g->start[path[i] + 1])
			continue;
		am_buf_printf(&nb, "'%s' supports '%s' here", m->nodes[path[i]].id,
		              m->nodes[to].id);
		nm = am_buf_detach(&nb);
		loc = m->relations[g->label[e]].loc;
		if (nm)
			argmap_diags_add(diags, ARGMAP_SEV_NOTE, "AM205",
			                 am_model_path(m, loc.file), loc.line, loc.col, nm, NULL,
			                 d);
		free(nm);
	}
	rc = 0;
done:
	free(prev);
	free(pedge);
	free(queue);
	free(path);
	return rc;
}

int am_check_support_cycles(const argmap_map *m, argmap_diags *diags)
{
	am_graph g;
	size_t *comp = NULL, *size = NULL, *reported = NULL, v, ncomp;
	int rc = -1;

	if (am_map_graph_supports(&g, m) != 0)
		return -1;
	comp = malloc((g.n + 1) * sizeof *comp);
	size = calloc(g.n + 1, sizeof *size);
	reported = calloc(g.n + 1, sizeof *reported);
	if (!comp || !size || !reported || am_graph_scc(&g, comp, &ncomp) != 0)
		goto done;
	for (v = 0; v < g.n; v++)
		size[comp[v]]++;
	/* Report each cycle once, from its first node declared in file 0. */
	for (v = 0; v < g.n; v++) {
		if (size[comp[v]] < 2 || reported[comp[v]] || m->nodes[v].loc.file != 0)
			continue;
		reported[comp[v]] = 1;
		if (report_cycle(m, diags, &g, comp, v) != 0)
			goto done;
	}
	rc = 0;
done:
	am_graph_free(&g);
	free(comp);
	free(size);
	free(reported);
	return rc;
}

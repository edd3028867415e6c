/*
 * view_focus.c - the --focus part of a view (view.h): the nodes at most
 * `depth` relations away from any of the focus ids, one breadth-first
 * search from all of them at once. Paths do not pass through a question
 * (it would join every answer) unless the question is a focus itself.
 */
#include <stdlib.h>
#include <string.h>

#include "model/graph.h"
#include "model/view.h"
#include "model/view_internal.h"
#include "util/am_internal.h"
#include "util/buf.h"
#include "util/suggest.h"

typedef struct focus_ctx {
	const argmap_map *map;
	const unsigned char *focus_on;
} focus_ctx;

static int may_expand(void *ud, size_t v)
{
	const focus_ctx *f = ud;

	return v >= argmap_map_node_count(f->map) || f->focus_on[v] ||
	       argmap_map_node(f->map, v)->kind != ARGMAP_NODE_QUESTION;
}

static void suggest_ids(am_buf *hint, const argmap_map *map, const char *id)
{
	size_t n = argmap_map_node_count(map), i;
	am_suggest s;

	am_suggest_init(&s, id);
	for (i = 0; i < n; i++)
		am_suggest_offer(&s, argmap_map_node(map, i)->id);
	if (am_suggest_best(&s))
		am_buf_printf(hint, "did you mean '%s'? ", am_suggest_best(&s));
	am_buf_puts(hint, "--focus takes the id of a question, claim or evidence item");
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int am_view_focus(am_view *v, const argmap_map *map, const char *focus, unsigned depth,
                  size_t *dist, argmap_diags *diags, const char *file)
{
	size_t n = argmap_map_node_count(map), *src = NULL, n_src = 0, len, idx;
	am_graph mentions = {0};
	const char *p = focus;
	int rc = ARGMAP_ENOMEM, unknown = 0;
	focus_ctx f;

	v->focus_on = calloc(n + 1, 1);
	/* at most one source per id, and ids are separated by spaces */
	src = malloc((strlen(focus) / 2 + 2) * sizeof *src);
	if (!v->focus_on || !src)
		goto out;
	while (*p) {
		char id[256];
		while (is_space(*p))
			p++;
		for (len = 0; p[len] && !is_space(p[len]); len++)
			;
		if (!len)
			break;
		if (len >= sizeof id)
			len = sizeof id - 1;
		memcpy(id, p, len);
		id[len] = '\0';
		while (*p && !is_space(*p))
			p++;
		if (argmap_map_find(map, id, &idx) != ARGMAP_ITEM_NODE) {
			am_buf hint = {0};
			char *h;
			suggest_ids(&hint, map, id);
			h = am_buf_detach(&hint);
			if (diags)
				am_diag(
				    diags, ARGMAP_SEV_ERROR, "AM711", file, 0, 0, h,
				    "--focus '%s' names no question, claim or evidence in this map",
				    id);
			free(h);
			if (!unknown++)
				am_fail(ARGMAP_EINVALID, "--focus '%s': no such node", id);
			continue;
		}
		if (v->focus == ARGMAP_NONE)
			v->focus = idx;
		if (!v->focus_on[idx]) {
			v->focus_on[idx] = 1;
			v->n_focus++;
			src[n_src++] = idx;
		}
	}
	if (unknown) {
		rc = ARGMAP_EINVALID;
		goto out;
	}
	if (!n_src) {
		if (diags)
			am_diag(diags, ARGMAP_SEV_ERROR, "AM711", file, 0, 0,
			        "--focus takes the id of a question, claim or evidence item", "%s",
			        "--focus names no node");
		rc = am_fail(ARGMAP_EINVALID, "--focus names no node");
		goto out;
	}
	/* one relation away = two arcs of the mention graph */
	f.map = map;
	f.focus_on = v->focus_on;
	if (am_map_graph_mentions(&mentions, map) != 0 ||
	    am_graph_bfs_multi(&mentions, src, n_src, 2 * (size_t)depth, may_expand, &f, dist) != 0)
		goto out;
	rc = 0;
out:
	am_graph_free(&mentions);
	free(src);
	return rc;
}

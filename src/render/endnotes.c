/*
 * endnotes.c - numbered endnotes and a bibliography for --notes endnotes:
 * what the boxes leave out (a quote's full text with its speaker and
 * locator, the editor's notes, the sources with their URLs), set as
 * running text after the map. Linear in the map.
 */
#include <stdlib.h>
#include <string.h>

#include "render/endnotes.h"
#include "render/escape.h"
#include "render/labels.h"

int am_endnotes_wanted(const argmap_map *map, size_t i)
{
	const argmap_node *nd = argmap_map_node(map, i);

	return nd->kind == ARGMAP_NODE_EVIDENCE || (nd->note && *nd->note) || nd->n_sources > 0;
}

size_t am_endnotes_number(const argmap_map *map, const am_view *v, const size_t *order,
                          size_t n_order, size_t *note_no)
{
	size_t n = argmap_map_node_count(map), k, count = 0;

	memset(note_no, 0, n * sizeof *note_no);
	for (k = 0; k < n_order; k++) {
		size_t i = order[k];
		if (i < n && v->node_on[i] && !note_no[i] && am_endnotes_wanted(map, i))
			note_no[i] = ++count;
	}
	return count;
}

int am_endnotes_url(am_buf *b, const char *url)
{
	am_buf t = {0};
	const char *p;
	int ok = am_rt_url(&t, url);

	for (p = t.data; ok && p && *p; p++) {
		if (strncmp(p, "&amp;", 5) == 0) {
			am_buf_putc(b, '&');
			p += 4;
		} else {
			am_buf_putc(b, *p);
		}
	}
	am_buf_free(&t);
	return ok;
}

static const char *actor_name(const argmap_map *map, const argmap_ref *r)
{
	if (r && r->kind == ARGMAP_ITEM_ACTOR && r->index < argmap_map_actor_count(map))
		return argmap_map_actor(map, r->index)->name;
	return r ? r->id : "";
}

static void heading(am_ts *ts, const char *text)
{
	am_ts_run r = {text, 13, 1, 0, 0.0, NULL};

	am_ts_par(ts, &r, 1, 0, 0, 5);
}

/* One note: "[n]  id · KIND  text-or-quote — who. [k] Source, locator.
 * Note: ..." */
static void note(am_ts *ts, const am_job *job, size_t i, size_t no, const size_t *src_key)
{
	const argmap_map *map = job->map;
	const argmap_node *nd = argmap_map_node(map, i);
	am_buf num = {0}, head = {0}, body = {0}, who = {0}, src = {0}, nb = {0};
	am_ts_run runs[6];
	size_t k, nr = 0;

	am_buf_printf(&num, "[%zu]", no);
	if (!job->opts->hide_ids && nd->id)
		am_buf_printf(&head, "%s \xC2\xB7 ", nd->id);
	am_buf_puts(&head, argmap_node_kind_name(nd->kind));
	if (nd->kind == ARGMAP_NODE_EVIDENCE)
		am_buf_printf(&body, "\xE2\x80\x9C%s\xE2\x80\x9D", nd->text ? nd->text : "");
	else
		am_buf_puts(&body, nd->text ? nd->text : "");
	if (nd->speaker)
		am_buf_printf(&who, " \xE2\x80\x94 %s", actor_name(map, nd->speaker));
	else if (nd->n_by) {
		am_buf_puts(&who, " \xE2\x80\x94 ");
		am_labels_names(&who, map, nd->by, nd->n_by, 6);
	}
	for (k = 0; k < nd->n_sources; k++) {
		const argmap_ref *r = &nd->sources[k];
		size_t key = src_key && r->kind == ARGMAP_ITEM_SOURCE &&
		                     r->index < argmap_map_source_count(map)
		                 ? src_key[r->index]
		                 : 0;
		am_buf_puts(&src, k ? "; " : " ");
		if (key)
			am_buf_printf(&src, "[%zu]", key);
		else
			am_buf_puts(&src, r->id);
	}
	if (nd->locator)
		am_buf_printf(&src, ", %s", nd->locator);
	if (src.len)
		am_buf_puts(&src, ".");
	if (nd->note && *nd->note)
		am_buf_printf(&nb, " Editor\xE2\x80\x99s note: %s", nd->note);
	runs[nr++] = (am_ts_run){num.data ? num.data : "", 9.5, 1, 0, 0.0, NULL};
	runs[nr++] = (am_ts_run){head.data ? head.data : "", 8.5, 0, 0, 0.35, NULL};
	runs[nr++] = (am_ts_run){body.data ? body.data : "",       9.5, 0,
	                         nd->kind == ARGMAP_NODE_EVIDENCE, 0.0, NULL};
	if (who.len)
		runs[nr++] = (am_ts_run){who.data, 9.5, 0, 0, 0.0, NULL};
	if (src.len)
		runs[nr++] = (am_ts_run){src.data, 9.5, 0, 0, 0.0, NULL};
	if (nb.len)
		runs[nr++] = (am_ts_run){nb.data, 9.5, 0, 0, 0.2, NULL};
	if (num.failed || head.failed || body.failed || who.failed || src.failed || nb.failed)
		ts->failed = 1;
	else
		am_ts_par(ts, runs, nr, 0, 22, 4);
	am_buf_free(&num);
	am_buf_free(&head);
	am_buf_free(&body);
	am_buf_free(&who);
	am_buf_free(&src);
	am_buf_free(&nb);
}

static void source_entry(am_ts *ts, const argmap_map *map, size_t s, size_t key)
{
	const argmap_source *src = argmap_map_source(map, s);
	am_buf num = {0}, text = {0}, url = {0}, acc = {0};
	am_ts_run runs[4];
	size_t nr = 0;

	am_buf_printf(&num, "[%zu]", key);
	if (src->n_authors) {
		am_labels_names(&text, map, src->authors, src->n_authors, 6);
		am_buf_puts(&text, ": ");
	}
	am_buf_puts(&text, src->title ? src->title : src->id);
	am_buf_puts(&text, ".");
	if (src->publisher)
		am_buf_printf(&text, " %s", src->publisher);
	if (src->date)
		am_buf_printf(&text, "%s %s", src->publisher ? "," : "", src->date);
	if (src->publisher || src->date)
		am_buf_puts(&text, ".");
	runs[nr++] = (am_ts_run){num.data ? num.data : "", 9.5, 1, 0, 0.0, NULL};
	runs[nr++] = (am_ts_run){text.data ? text.data : "", 9.5, 0, 0, 0.0, NULL};
	if (am_endnotes_url(&url, src->url) && url.data)
		runs[nr++] = (am_ts_run){url.data, 9, 0, 0, 0.0, url.data};
	if (src->accessed) {
		am_buf_printf(&acc, "(accessed %s)", src->accessed);
		runs[nr++] = (am_ts_run){acc.data ? acc.data : "", 9, 0, 0, 0.3, NULL};
	}
	if (num.failed || text.failed || url.failed || acc.failed)
		ts->failed = 1;
	else
		am_ts_par(ts, runs, nr, 0, 22, 4);
	am_buf_free(&num);
	am_buf_free(&text);
	am_buf_free(&url);
	am_buf_free(&acc);
}

void am_endnotes_write(am_ts *ts, const am_job *job, const size_t *note_no, size_t n_notes,
                       const size_t *src_key, size_t n_keys)
{
	const argmap_map *map = job->map;
	size_t n = argmap_map_node_count(map), ns = argmap_map_source_count(map), i, k;
	size_t *by_no = calloc(n_notes + 1, sizeof *by_no);
	size_t *by_key = calloc(n_keys + 1, sizeof *by_key);

	if (!by_no || !by_key) {
		ts->failed = 1;
		goto done;
	}
	for (i = 0; i < n; i++)
		if (note_no[i] && note_no[i] <= n_notes)
			by_no[note_no[i] - 1] = i + 1;
	if (n_notes) {
		heading(ts, "Notes");
		for (k = 0; k < n_notes && !ts->failed; k++)
			if (by_no[k])
				note(ts, job, by_no[k] - 1, k + 1, src_key);
		ts->y += 8;
	}
	for (i = 0; src_key && i < ns; i++)
		if (src_key[i] && src_key[i] <= n_keys)
			by_key[src_key[i] - 1] = i + 1;
	if (n_keys) {
		heading(ts, "Sources");
		for (k = 0; k < n_keys && !ts->failed; k++)
			if (by_key[k])
				source_entry(ts, map, by_key[k] - 1, k + 1);
	}
done:
	free(by_no);
	free(by_key);
}

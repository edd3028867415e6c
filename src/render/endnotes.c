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

int am_endnotes_wanted(const argmap_map *map, const argmap_render_options *o, size_t i)
{
	const argmap_node *nd = argmap_map_node(map, i);

	return nd->kind == ARGMAP_NODE_EVIDENCE || (nd->note && *nd->note) || nd->n_sources > 0 ||
	       am_labels_titled(o, nd);
}

/* The quotes of relation j listed on its conclusion *c: 1 if it is a
 * support or rebuttal not drawn whose conclusion is drawn. */
static int listed(const argmap_map *map, const am_view *v, size_t j, size_t *c)
{
	const argmap_relation *r = argmap_map_relation(map, j);

	if (v->rel_on[j] || (r->kind != ARGMAP_REL_SUPPORT && r->kind != ARGMAP_REL_REBUT) ||
	    r->to.kind != ARGMAP_ITEM_NODE || r->to.index >= argmap_map_node_count(map) ||
	    !v->node_on[r->to.index])
		return 0;
	*c = r->to.index;
	return 1;
}

static int is_quote(const argmap_map *map, const am_view *v, const unsigned char *quote_on,
                    const argmap_ref *f)
{
	return f->kind == ARGMAP_ITEM_NODE && f->index < argmap_map_node_count(map) &&
	       quote_on[f->index] && !v->node_on[f->index] &&
	       argmap_map_node(map, f->index)->kind == ARGMAP_NODE_EVIDENCE;
}

int am_markers_build(am_markers *mk, const argmap_map *map, const am_view *v,
                     const unsigned char *quote_on)
{
	size_t n = argmap_map_node_count(map), m = argmap_map_relation_count(map);
	size_t j, k, c, total = 0, *fill = NULL;
	int pass;

	memset(mk, 0, sizeof *mk);
	if (!quote_on)
		return 0;
	mk->start = calloc(n + 2, sizeof *mk->start);
	fill = calloc(n + 1, sizeof *fill);
	if (!mk->start || !fill)
		goto fail;
	/* count, then place: CSR by conclusion */
	for (pass = 0; pass < 2; pass++) {
		for (j = 0; j < m; j++) {
			const argmap_relation *r = argmap_map_relation(map, j);
			if (!listed(map, v, j, &c))
				continue;
			for (k = 0; k < r->n_from; k++) {
				if (!is_quote(map, v, quote_on, &r->from[k]))
					continue;
				if (pass == 0)
					mk->start[c + 1]++;
				else
					mk->ev[mk->start[c] + fill[c]++] = r->from[k].index;
			}
		}
		if (pass == 0) {
			for (c = 0; c < n; c++)
				mk->start[c + 1] += mk->start[c];
			total = mk->start[n];
			mk->ev = malloc((total + 1) * sizeof *mk->ev);
			if (!mk->ev)
				goto fail;
		}
	}
	free(fill);
	return 0;
fail:
	free(fill);
	am_markers_free(mk);
	return ARGMAP_ENOMEM;
}

void am_markers_free(am_markers *mk)
{
	free(mk->start);
	free(mk->ev);
	memset(mk, 0, sizeof *mk);
}

size_t am_endnotes_number(const argmap_map *map, const argmap_render_options *o, const am_view *v,
                          const size_t *order, size_t n_order, const am_markers *mk,
                          size_t *note_no)
{
	size_t n = argmap_map_node_count(map), k, q, count = 0;

	memset(note_no, 0, n * sizeof *note_no);
	for (k = 0; k < n_order; k++) {
		size_t i = order[k];
		if (i >= n || !v->node_on[i])
			continue;
		if (!note_no[i] && am_endnotes_wanted(map, o, i))
			note_no[i] = ++count;
		for (q = mk && mk->start ? mk->start[i] : 0;
		     mk && mk->start && q < mk->start[i + 1]; q++)
			if (!note_no[mk->ev[q]])
				note_no[mk->ev[q]] = ++count;
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

/* One note: "[n]  id · KIND  [title.] text-or-quote — who. [k] Source,
 * locator. Note: ..." */
static void note(am_ts *ts, const am_job *job, size_t i, size_t no, const size_t *src_key)
{
	const argmap_map *map = job->map;
	const argmap_node *nd = argmap_map_node(map, i);
	am_buf num = {0}, head = {0}, title = {0}, body = {0}, who = {0}, src = {0}, nb = {0};
	am_ts_run runs[7];
	size_t k, nr = 0;

	am_buf_printf(&num, "[%zu]", no);
	if (!job->opts->hide_ids && nd->id)
		am_buf_printf(&head, "%s \xC2\xB7 ", nd->id);
	am_buf_puts(&head, argmap_node_kind_name(nd->kind));
	if (am_labels_titled(job->opts, nd)) {
		size_t tl = strlen(nd->title);
		am_buf_puts(&title, nd->title);
		if (!strchr(".?!", nd->title[tl - 1]))
			am_buf_putc(&title, '.');
	}
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
	if (am_labels_titled(job->opts, nd))
		runs[nr++] = (am_ts_run){title.data ? title.data : "", 9.5, 1, 0, 0.0, NULL};
	runs[nr++] = (am_ts_run){body.data ? body.data : "",       9.5, 0,
	                         nd->kind == ARGMAP_NODE_EVIDENCE, 0.0, NULL};
	if (who.len)
		runs[nr++] = (am_ts_run){who.data, 9.5, 0, 0, 0.0, NULL};
	if (src.len)
		runs[nr++] = (am_ts_run){src.data, 9.5, 0, 0, 0.0, NULL};
	if (nb.len)
		runs[nr++] = (am_ts_run){nb.data, 9.5, 0, 0, 0.2, NULL};
	if (num.failed || head.failed || title.failed || body.failed || who.failed || src.failed ||
	    nb.failed)
		ts->failed = 1;
	else
		am_ts_par(ts, runs, nr, 0, 22, 4);
	am_buf_free(&num);
	am_buf_free(&head);
	am_buf_free(&title);
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

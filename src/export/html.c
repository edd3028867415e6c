/*
 * html.c - the interactive web view (argmap/html.h): one page that holds
 * the SVG, the map's JSON model and the viewer (src/export/viewer/, built
 * in by cmake/EmbedFile.cmake, as the schema is). No Graphviz here: the
 * SVG comes in as bytes, so libargmap can wrap any drawing the renderer
 * made, and the renderer calls this for ARGMAP_RENDER_HTML.
 *
 * The page, in order:
 *   <head>: a Content-Security-Policy naming the SHA-256 of each inline
 *           script and style sheet (the viewer's and the SVG's own), the
 *           title, the viewer's style sheet;
 *   <body>: the tool bar (#am-search, fit, 100 %, filters), the drawing
 *           (#am-view holding the inline <svg>), the side panel (#am-panel),
 *           the model (<script type="application/json" id="am-model">), the
 *           page's settings (id prefix, the DOM ids of items whose map ids
 *           are not safe CSS identifiers: #am-config), the drawn nodes'
 *           labels and explanations (argmap eval: #am-status), for a
 *           diff what changed in each item (#am-diff), the
 *           drawing's pieces (#am-drawing, their index, and #am-pieces,
 *           their markup deflated in base64: html_svg.c, html_pack.c) and
 *           the viewer.
 * The SVG is copied from its <svg element on (the XML declaration,
 * DOCTYPE and comments before it are left out: an HTML parser would
 * misread them). Map text reaches the page through am_buf_put_xml (the
 * title) or jansson (the JSON, where < > & are then written as \u003c
 * \u003e \u0026: they can occur only inside JSON strings).
 */
#include <stdlib.h>
#include <string.h>

#include "export/exporters.h"
#include "export/html_pack.h"
#include "export/html_svg.h"
#include "model/view.h"
#include "util/am_internal.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/sha256.h"
#include "util/text.h"

extern const char argmap_viewer_js[];
extern const size_t argmap_viewer_js_len;
extern const char argmap_viewer_css[];
extern const size_t argmap_viewer_css_len;

/* Appends JSON text j[0..n), HTML-safe: < > & as \u escapes (they occur
 * only inside strings; '/' is already "\/", from am_json_append). */
static void put_script_json(am_buf *o, const char *j, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		const char *rep;
		switch (j[i]) {
		case '<': rep = "\\u003c"; break;
		case '>': rep = "\\u003e"; break;
		case '&': rep = "\\u0026"; break;
		default: continue;
		}
		am_buf_put(o, j + start, i - start);
		am_buf_puts(o, rep);
		start = i + 1;
	}
	am_buf_put(o, j + start, n - start);
}

/* <script type="application/octet-stream" id="ID" data-encoding="deflate
 * base64">: data[0..n) deflated, in base64 (nothing in it is markup).
 * Returns 0, or -1 when out of memory. */
static int put_packed(am_buf *o, const char *id, const char *data, size_t n)
{
	am_buf_printf(o,
	              "<script type=\"application/octet-stream\" id=\"%s\" "
	              "data-encoding=\"deflate base64\">",
	              id);
	if (am_html_pack(o, data, n) != 0)
		return -1;
	am_buf_puts(o, "</script>\n");
	return o->failed ? -1 : 0;
}

/* The contents of each <style> element of svg[0..n): their CSP hashes. */
static void svg_style_hashes(am_buf *csp, const char *svg, size_t n)
{
	const char *p = svg, *end = svg + n;

	while (p < end) {
		const char *s = strstr(p, "<style"), *gt, *close;
		char h[45];
		if (!s || s >= end || !(gt = strchr(s, '>')) || !(close = strstr(gt, "</style>")))
			return;
		am_sha256_base64(gt + 1, (size_t)(close - gt - 1), h);
		am_buf_printf(csp, " 'sha256-%s'", h);
		p = close + 8;
	}
}

/* #am-config: the id prefix and the DOM ids the viewer cannot derive (of
 * nodes and relations whose map ids are not safe identifiers). */
static int config_json(const argmap_map *map, const am_view *v, const char *idp, am_buf *o)
{
	json_t *cfg = json_object(), *ids = json_object();
	size_t i, n = argmap_map_node_count(map), nr = argmap_map_relation_count(map);
	char dom[64];
	int rc = ARGMAP_ENOMEM;

	if (!cfg || !ids)
		goto done;
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		if (!v->node_on[i] || am_ident_ok(nd->id))
			continue;
		snprintf(dom, sizeof dom, "%sam-n%zu", idp, i);
		if (am_json_set(ids, nd->id, json_string(dom)) != 0)
			goto done;
	}
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		char key[40];
		if (!v->rel_on[i] || (r->id && am_ident_ok(r->id)))
			continue;
		snprintf(key, sizeof key, "#%zu", i);
		snprintf(dom, sizeof dom, "%zu", i);
		/* the relation's key (its id, or #index) -> its index */
		if (am_json_set(ids, r->id ? r->id : key, json_string(dom)) != 0)
			goto done;
	}
	if (am_json_set(cfg, "prefix", json_string(idp)) ||
	    am_json_set(cfg, "unsafe", json_incref(ids)))
		goto done;
	rc = am_json_append(o, cfg, AM_JSON_COMPACT) != 0 ? ARGMAP_ENOMEM : 0;
done:
	json_decref(ids);
	json_decref(cfg);
	return rc;
}

/* #am-status: the labels of the nodes in the view, by map id:
 * {"semantics": "grounded"|"preferred", "complete": bool,
 *  "nodes": {"ID": {"label": "IN", "why": "...", "acceptance": "...",
 *  "acceptance_why": "..."}}} (no entry for a node without a label). */
static int status_json(const argmap_map *map, const am_view *v, const argmap_eval_result *st,
                       am_buf *o)
{
	json_t *all = json_object(), *ns = json_object();
	size_t i, n = argmap_map_node_count(map);
	int rc = ARGMAP_ENOMEM;

	if (!all || !ns)
		goto done;
	for (i = 0; i < n && i < st->n_nodes; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		json_t *e;
		if (!v->node_on[i] || st->label[i] == ARGMAP_LABEL_NONE)
			continue;
		e = json_object();
		if (!e || am_json_set(ns, nd->id, e) ||
		    am_json_set(e, "label", json_string(argmap_label_name(st->label[i]))) ||
		    (st->explanation && st->explanation[i] &&
		     am_json_set(e, "why", am_json_text(st->explanation[i]))))
			goto done;
		if (st->semantics == ARGMAP_SEMANTICS_PREFERRED && st->acceptance &&
		    (am_json_set(e, "acceptance",
		                 json_string(argmap_acceptance_name(st->acceptance[i]))) ||
		     (st->acceptance_explanation && st->acceptance_explanation[i] &&
		      am_json_set(e, "acceptance_why",
		                  am_json_text(st->acceptance_explanation[i])))))
			goto done;
	}
	if (am_json_set(all, "semantics",
	                json_string(st->semantics == ARGMAP_SEMANTICS_PREFERRED ? "preferred"
	                                                                        : "grounded")) ||
	    am_json_set(
	        all, "complete",
	        json_boolean(st->semantics != ARGMAP_SEMANTICS_PREFERRED || st->complete)) ||
	    am_json_set(all, "nodes", json_incref(ns)))
		goto done;
	rc = am_json_append(o, all, AM_JSON_COMPACT) != 0 ? ARGMAP_ENOMEM : 0;
done:
	json_decref(ns);
	json_decref(all);
	return rc;
}

static const char *change_name(argmap_change c)
{
	switch (c) {
	case ARGMAP_CHANGE_ADDED: return "added";
	case ARGMAP_CHANGE_REMOVED: return "removed";
	case ARGMAP_CHANGE_CHANGED: return "changed";
	case ARGMAP_CHANGE_RENAMED: return "renamed";
	default: return NULL;
	}
}

/* One item's entry of #am-diff into `into` under `key`: {"change": ...,
 * "detail": "..."}, plus, for a claim whose grounded label changed,
 * "label_was", "label_now" and "label_why"; nothing for an item that is
 * the same in both versions. */
static int diff_item(json_t *into, const char *key, argmap_change c, const char *detail,
                     argmap_label was, argmap_label now, const char *why)
{
	json_t *e;
	int relabelled = was != now && (was != ARGMAP_LABEL_NONE || now != ARGMAP_LABEL_NONE);

	if (!change_name(c) && !relabelled)
		return 0;
	e = json_object();
	if (!e || am_json_set(into, key, e))
		return -1;
	if (change_name(c) && am_json_set(e, "change", json_string(change_name(c))))
		return -1;
	if (detail && am_json_set(e, "detail", am_json_text(detail)))
		return -1;
	if (relabelled && (am_json_set(e, "label_was", json_string(argmap_label_name(was))) ||
	                   am_json_set(e, "label_now", json_string(argmap_label_name(now))) ||
	                   (why && am_json_set(e, "label_why", am_json_text(why)))))
		return -1;
	return 0;
}

/* #am-diff (`argmap diff -T html`): what changed, by map id (nodes) and
 * relation key (its id or "#index", as in the model), of the items in the
 * view: {"old": "NAME", "new": "NAME", "nodes": {"ID": {"change":
 * "added"|"removed"|"changed"|"renamed", "detail": "text was: ...",
 * "label_was": "OUT", "label_now": "IN", "label_why": "..."}},
 * "relations": {"KEY": {"change": ..., "detail": ...}}}. */
static int diff_json(const argmap_map *map, const am_view *v, const argmap_diff_union *u, am_buf *o)
{
	json_t *all = json_object(), *ns = json_object(), *rs = json_object();
	size_t i, n = argmap_map_node_count(map), nr = argmap_map_relation_count(map);
	int rc = ARGMAP_ENOMEM;

	if (!all || !ns || !rs)
		goto done;
	for (i = 0; i < n; i++) {
		if (v->node_on[i] &&
		    diff_item(ns, argmap_map_node(map, i)->id, u->node_change[i], u->node_detail[i],
		              u->old_label[i], u->new_label[i], u->label_detail[i]) != 0)
			goto done;
	}
	for (i = 0; i < nr; i++) {
		const argmap_relation *r = argmap_map_relation(map, i);
		char key[40];
		snprintf(key, sizeof key, "#%zu", i);
		if (v->rel_on[i] &&
		    diff_item(rs, r->id ? r->id : key, u->relation_change[i], u->relation_detail[i],
		              ARGMAP_LABEL_NONE, ARGMAP_LABEL_NONE, NULL) != 0)
			goto done;
	}
	if (am_json_set(all, "old", am_json_text(u->old_path)) ||
	    am_json_set(all, "new", am_json_text(u->new_path)) ||
	    am_json_set(all, "nodes", json_incref(ns)) ||
	    am_json_set(all, "relations", json_incref(rs)))
		goto done;
	rc = am_json_append(o, all, AM_JSON_COMPACT) != 0 ? ARGMAP_ENOMEM : 0;
done:
	json_decref(rs);
	json_decref(ns);
	json_decref(all);
	return rc;
}

static const char *page_title(const argmap_map *map)
{
	const argmap_file *f = argmap_map_file(map, 0);
	const char *base;

	if (f->title && *f->title)
		return f->title;
	base = strrchr(f->path, '/');
	return base ? base + 1 : f->path;
}

static const char bar[] =
    "<header class=\"am-bar\" role=\"toolbar\" aria-label=\"Map tools\">\n"
    "<label class=\"am-search-box\"><span class=\"am-sr\">Search the map</span>"
    "<input id=\"am-search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" "
    "placeholder=\"Search claims, ids, actors, tags\" aria-controls=\"am-results\"></label>\n"
    "<span id=\"am-count\" class=\"am-count\" aria-live=\"polite\"></span>\n"
    "<button type=\"button\" id=\"am-questions-btn\" aria-expanded=\"false\" "
    "aria-controls=\"am-questions\" title=\"The map's questions (key q)\">Questions</button>\n"
    "<nav id=\"am-questions\" class=\"am-questions\" aria-label=\"Questions\" hidden><ul></ul>"
    "</nav>\n"
    "<button type=\"button\" id=\"am-fit\" title=\"Fit the map to the window (key "
    "0)\">Fit</button>\n"
    "<button type=\"button\" id=\"am-one\" title=\"Actual size (key 1)\">100 %</button>\n"
    "<button type=\"button\" id=\"am-zoom-in\" aria-label=\"Zoom in\" title=\"Zoom in "
    "(+)\">+</button>\n"
    "<button type=\"button\" id=\"am-zoom-out\" aria-label=\"Zoom out\" title=\"Zoom out (-)\">"
    "\xE2\x88\x92</button>\n"
    "<label>Actor <select id=\"am-actor\"><option value=\"\">all</option></select></label>\n"
    "<label>Tag <select id=\"am-tag\"><option value=\"\">all</option></select></label>\n"
    "<label><input type=\"checkbox\" id=\"am-hide-ev\"> hide evidence</label>\n"
    "<label id=\"am-status-box\" title=\"Which claims stand (argmap eval): IN, OUT or "
    "UNDEC, with the reason in the panel\"><input type=\"checkbox\" id=\"am-status-on\"> "
    "status</label>\n"
    "</header>\n"
    "<ul id=\"am-results\" class=\"am-results\" role=\"listbox\" aria-label=\"Matches\" "
    "hidden></ul>\n";

int argmap_html(const argmap_map *map, const argmap_html_options *opts, const char *svg,
                size_t svg_len, argmap_diags *diags, char **out, size_t *len)
{
	am_view_options vo = {0};
	am_view view;
	am_buf o = {0}, model = {0}, cfg = {0}, csp = {0}, frame = {0}, pieces = {0}, raw = {0},
	       stj = {0}, dj = {0};
	argmap_eval_result *own_status = NULL;
	json_t *drawing = NULL;
	const argmap_file *f;
	const char *start, *idp;
	char h[45];
	int rc, have_view = 0;
	const char *const *actors = NULL;
	size_t n_actors = 0;
	const argmap_eval_result *status = NULL;
	const argmap_diff_union *diff = NULL;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (!map || !opts || !svg || !out || !len)
		return am_fail(ARGMAP_EARG,
		               "argmap_html: map, options, svg, out and len are required");
	/* version 1 lacks the fields after id_prefix, version 2 `diff`: read
	 * each only from the version that has it */
	if (opts->version != 1 && opts->version != 2 &&
	    am_check_version(opts->version, ARGMAP_HTML_OPTIONS_VERSION, "argmap_html_options"))
		return ARGMAP_EARG;
	if (opts->version >= 2) {
		actors = opts->actors;
		n_actors = opts->actors ? opts->n_actors : 0;
		status = opts->status;
	}
	if (opts->version >= 3)
		diff = opts->diff;
	if (diff && diff->map != map)
		return am_fail(ARGMAP_EARG, "argmap_html: the diff's union is another map");
	if (status && (status->n_nodes != argmap_map_node_count(map) ||
	               status->n_relations != argmap_map_relation_count(map)))
		return am_fail(ARGMAP_EARG, "argmap_html: the status is of another map");
	start = svg_len > 5 ? strstr(svg, "<svg") : NULL;
	if (!start || (size_t)(start - svg) >= svg_len)
		return am_fail(ARGMAP_EARG, "argmap_html: the drawing has no <svg> element");
	if (argmap_map_file_count(map) == 0)
		return am_fail(ARGMAP_EARG, "the map has no files");
	idp = opts->id_prefix ? opts->id_prefix : "";
	f = argmap_map_file(map, 0);
	vo.focus = opts->focus;
	vo.depth = opts->depth;
	vo.tag = opts->tag;
	vo.hide_evidence = opts->hide_evidence;
	vo.actors = actors;
	vo.n_actors = n_actors;
	if ((rc = am_view_build(&view, map, &vo, diags, f->path)) != 0)
		return rc;
	have_view = 1;
	if (!status) {
		if ((rc = argmap_eval_map(map, NULL, &own_status)) != 0)
			goto done;
		status = own_status;
	}
	if ((rc = am_export_json(map, &view, &model)) != 0 ||
	    (rc = config_json(map, &view, idp, &cfg)) != 0 ||
	    (rc = status_json(map, &view, status, &stj)) != 0 ||
	    (diff && (rc = diff_json(map, &view, diff, &dj)) != 0))
		goto done;
	/* the drawing in pieces that the viewer puts into the DOM as they come
	 * into view (html_svg.c); an SVG of another shape goes inline whole */
	rc = am_html_split_svg(start, svg_len - (size_t)(start - svg), &frame, &raw, &drawing);
	if (rc < 0 || (drawing && am_json_append(&pieces, drawing, AM_JSON_COMPACT) != 0)) {
		rc = am_fail(ARGMAP_ENOMEM, "out of memory while building the HTML page");
		goto done;
	}
	rc = 0;

	/* the policy: nothing from anywhere, but these exact inline parts */
	am_sha256_base64(argmap_viewer_js, argmap_viewer_js_len, h);
	am_buf_printf(&csp,
	              "default-src 'none'; script-src 'sha256-%s'; img-src data:; "
	              "style-src 'sha256-",
	              h);
	am_sha256_base64(argmap_viewer_css, argmap_viewer_css_len, h);
	am_buf_puts(&csp, h);
	am_buf_putc(&csp, '\'');
	svg_style_hashes(&csp, start, svg_len - (size_t)(start - svg));
	am_buf_puts(&csp, "; base-uri 'none'; form-action 'none'");

	am_buf_reserve(&o, svg_len + model.len + argmap_viewer_js_len + 8192);
	am_buf_puts(&o, "<!DOCTYPE html>\n<html lang=\"");
	if (f->lang && am_ident_ok(f->lang))
		am_buf_puts(&o, f->lang);
	else
		am_buf_puts(&o, "en");
	am_buf_puts(&o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	am_buf_put(&o, csp.data, csp.len);
	am_buf_puts(&o, "\">\n<meta name=\"generator\" content=\"argmap\">\n<title>");
	am_buf_put_xml(&o, page_title(map), strlen(page_title(map)));
	am_buf_puts(&o, "</title>\n<style>");
	am_buf_put(&o, argmap_viewer_css, argmap_viewer_css_len);
	am_buf_puts(&o, "</style>\n</head>\n<body>\n");
	am_buf_puts(&o, bar);
	/* the stage moves (one composited layer); marks of matches, the
	 * selection and the focus are drawn over the SVG, not in it, so that
	 * a search never repaints a drawing of thousands of nodes */
	am_buf_puts(&o, "<main id=\"am-view\" class=\"am-view\" tabindex=\"-1\" "
	                "aria-label=\"Argument map: drag to pan, wheel or + and - to zoom\">\n"
	                "<div id=\"am-stage\" class=\"am-stage\">\n");
	if (drawing)
		am_buf_put(&o, frame.data, frame.len);
	else
		am_buf_put(&o, start, svg_len - (size_t)(start - svg));
	am_buf_puts(&o,
	            "<div id=\"am-marks\" class=\"am-marks\" aria-hidden=\"true\"></div>\n"
	            "</div>\n</main>\n<aside id=\"am-panel\" class=\"am-panel\" tabindex=\"-1\" "
	            "aria-label=\"Details\" hidden></aside>\n");
	/* the data: the big parts deflated, in base64 (html_pack.c), which
	 * a browser reads as an eighth of the bytes and the viewer inflates
	 * with DecompressionStream before its first frame; the settings are
	 * small, and stay JSON */
	if (put_packed(&o, "am-model", model.data ? model.data : "{}",
	               model.data ? model.len : 2) != 0)
		goto oom;
	am_buf_puts(&o, "<script type=\"application/json\" id=\"am-config\">");
	put_script_json(&o, cfg.data ? cfg.data : "{}", cfg.len);
	am_buf_puts(&o, "</script>\n");
	if (put_packed(&o, "am-status", stj.data ? stj.data : "{}", stj.data ? stj.len : 2) != 0 ||
	    (diff && put_packed(&o, "am-diff", dj.data, dj.len) != 0) ||
	    (drawing && (put_packed(&o, "am-drawing", pieces.data, pieces.len) != 0 ||
	                 put_packed(&o, "am-pieces", raw.data, raw.len) != 0)))
		goto oom;
	am_buf_puts(&o, "<script>");
	am_buf_put(&o, argmap_viewer_js, argmap_viewer_js_len);
	am_buf_puts(&o, "</script>\n</body>\n</html>\n");
	if (o.failed || csp.failed || frame.failed || raw.failed)
		goto oom;
	*len = o.len;
	*out = am_buf_detach(&o);
	if (!*out) {
		*len = 0;
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	goto done;
oom:
	rc = am_fail(ARGMAP_ENOMEM, "out of memory while building the HTML page");
done:
	if (have_view)
		am_view_free(&view);
	am_buf_free(&o);
	am_buf_free(&model);
	am_buf_free(&cfg);
	am_buf_free(&csp);
	am_buf_free(&frame);
	am_buf_free(&pieces);
	am_buf_free(&raw);
	am_buf_free(&stj);
	am_buf_free(&dj);
	argmap_eval_free(own_status);
	json_decref(drawing);
	return rc;
}

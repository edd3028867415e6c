/*
 * render.c - the public entry points: checks the options, computes the
 * view, runs the Graphviz job contained (or in-process on request) and
 * hands back the bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "argmap/html.h"
#include "render/escape.h"
#include "render/job.h"
#include "render/layout_policy.h"
#include "render/run.h"
#include "model/view.h"
#include "util/buf.h"

#define DEFAULT_TIME_LIMIT 60.0
#define DEFAULT_MEMORY_LIMIT ((size_t)3 << 30)

static const argmap_render_options defaults = ARGMAP_RENDER_OPTIONS_INIT;

const char *argmap_render_format_ext(argmap_render_format format)
{
	switch (format) {
	case ARGMAP_RENDER_SVG: return "svg";
	case ARGMAP_RENDER_PDF: return "pdf";
	case ARGMAP_RENDER_PNG: return "png";
	case ARGMAP_RENDER_DOT: return "dot";
	case ARGMAP_RENDER_HTML: return "html";
	}
	return "svg";
}

int argmap_render_format_parse(const char *name, argmap_render_format *format)
{
	static const struct {
		const char *name;
		argmap_render_format f;
	} names[] = {{"svg", ARGMAP_RENDER_SVG}, {"pdf", ARGMAP_RENDER_PDF},
	             {"png", ARGMAP_RENDER_PNG}, {"dot", ARGMAP_RENDER_DOT},
	             {"gv", ARGMAP_RENDER_DOT},  {"html", ARGMAP_RENDER_HTML}};
	size_t i;

	if (!name || !format)
		return am_fail(ARGMAP_EARG, "no format given");
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0) {
			*format = names[i].f;
			return 0;
		}
	return am_fail(ARGMAP_EARG, "unknown format '%s' (use svg, pdf, png, dot or html)", name);
}

static int check_args(const argmap_map *map, const argmap_render_options *o)
{
	if (!map)
		return am_fail(ARGMAP_EARG, "no map given");
	if (am_check_version(o->version, ARGMAP_RENDER_OPTIONS_VERSION, "argmap_render_options"))
		return ARGMAP_EARG;
	if ((unsigned)o->format > ARGMAP_RENDER_HTML)
		return am_fail(ARGMAP_EARG, "unknown output format %d", (int)o->format);
	if ((unsigned)o->theme > ARGMAP_THEME_PRINT)
		return am_fail(ARGMAP_EARG, "unknown theme %d", (int)o->theme);
	if ((unsigned)o->page > ARGMAP_PAGE_LETTER)
		return am_fail(ARGMAP_EARG, "unknown page size %d", (int)o->page);
	if ((unsigned)o->group_by > ARGMAP_GROUP_ACTOR)
		return am_fail(ARGMAP_EARG, "unknown grouping %d", (int)o->group_by);
	if ((unsigned)o->notes > ARGMAP_NOTES_MARKERS)
		return am_fail(ARGMAP_EARG, "unknown notes mode %d", (int)o->notes);
	if (o->notes != ARGMAP_NOTES_INLINE && o->format != ARGMAP_RENDER_PDF)
		return am_fail(ARGMAP_EARG, "endnotes are written in PDF only");
	if (o->pages && o->format != ARGMAP_RENDER_PDF)
		return am_fail(ARGMAP_EARG, "several pages are written in PDF only");
	if (o->dpi != 0 && !(o->dpi >= 18 && o->dpi <= 1200))
		return am_fail(ARGMAP_EARG, "dpi %g is out of range (18 to 1200)", o->dpi);
	if (o->min_text != 0 && !(o->min_text >= 4 && o->min_text <= 14))
		return am_fail(ARGMAP_EARG, "minimum text size %g pt is out of range (4 to 14)",
		               o->min_text);
	if (argmap_map_file_count(map) == 0)
		return am_fail(ARGMAP_EARG, "the map has no files");
	if (o->diff && o->diff->map != map)
		return am_fail(ARGMAP_EARG, "the diff's marks belong to its union map (diff->map)");
	if (o->diff && o->status)
		return am_fail(ARGMAP_EARG, "a drawing shows either a diff or a status, not both");
	if (o->id_prefix && *o->id_prefix &&
	    (strlen(o->id_prefix) > 32 || !am_rt_ident_ok(o->id_prefix)))
		return am_fail(ARGMAP_EARG,
		               "the id prefix '%.40s' is not [A-Za-z][A-Za-z0-9_-]* of at most 32 "
		               "characters",
		               o->id_prefix);
	return 0;
}

static const char *map_file(const argmap_map *map)
{
	return argmap_map_file(map, 0)->path;
}

/* The view the render options ask for. */
static int build_view(am_view *v, const argmap_map *map, const argmap_render_options *opts,
                      argmap_diags *diags)
{
	am_view_options vo = {0};

	vo.focus = opts->focus;
	vo.depth = opts->depth;
	vo.tag = opts->tag;
	vo.hide_evidence = opts->hide_evidence || opts->notes == ARGMAP_NOTES_MARKERS;
	vo.actors = opts->actors;
	vo.n_actors = opts->actors ? opts->n_actors : 0;
	return am_view_build(v, map, &vo, diags, map_file(map));
}

int argmap_render_view_stats(const argmap_map *map, const argmap_render_options *opts,
                             argmap_diags *diags, argmap_render_stats *stats)
{
	am_view v;
	int rc;

	if (!opts)
		opts = &defaults;
	if (!stats)
		return am_fail(ARGMAP_EARG, "no stats given");
	memset(stats, 0, sizeof *stats);
	if ((rc = check_args(map, opts)) != 0)
		return rc;
	if ((rc = build_view(&v, map, opts, diags)) != 0)
		return rc;
	stats->nodes_total = v.n_nodes;
	stats->nodes_shown = v.nodes_shown;
	stats->nodes_hidden = v.n_nodes - v.nodes_shown;
	stats->relations_total = v.n_rels;
	stats->relations_shown = v.rels_shown;
	am_view_free(&v);
	return 0;
}

/* In-process sink: diagnostics straight into the list, output into a buffer. */
typedef struct local_sink {
	am_sink base;
	argmap_diags *diags;
	const char *file;
	am_buf *out;
} local_sink;

static void local_diag(am_sink *s, argmap_severity sev, const char *code, const char *msg,
                       const char *hint)
{
	local_sink *l = (local_sink *)s;

	argmap_diags_add(l->diags, sev, code, l->file, 0, 0, msg, hint, ARGMAP_NONE);
}

static int local_output(am_sink *s, const am_part *parts, size_t n)
{
	local_sink *l = (local_sink *)s;
	size_t i, total = 0;

	am_buf_free(l->out);
	for (i = 0; i < n; i++)
		total += parts[i].len;
	am_buf_reserve(l->out, total);
	for (i = 0; i < n; i++)
		am_buf_put(l->out, parts[i].data, parts[i].len);
	return l->out->failed ? ARGMAP_ENOMEM : 0;
}

int argmap_render(const argmap_map *map, const argmap_render_options *opts, argmap_diags *diags,
                  char **out, size_t *len)
{
	argmap_diags *own = NULL;
	argmap_render_options jo;
	am_view view, quotes = {0};
	am_job job;
	am_buf buf = {0};
	double tl;
	size_t ml;
	int rc;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (!out || !len)
		return am_fail(ARGMAP_EARG, "argmap_render: out and len are required");
	if (!opts)
		opts = &defaults;
	if ((rc = check_args(map, opts)) != 0)
		return rc;
	if (!diags) {
		own = argmap_diags_new();
		if (!own)
			return am_fail(ARGMAP_ENOMEM, "out of memory");
		diags = own;
	}
	rc = build_view(&view, map, opts, diags);
	if (rc != 0)
		goto done;
	if (view.filtered) {
		am_diag(diags, ARGMAP_SEV_NOTE, "AM713", map_file(map), 0, 0, NULL,
		        "this view shows %zu of %zu nodes (%zu hidden) and %zu of %zu relations",
		        view.nodes_shown, view.n_nodes, view.n_nodes - view.nodes_shown,
		        view.rels_shown, view.n_rels);
	}
	memset(&job, 0, sizeof job);
	if (opts->notes == ARGMAP_NOTES_MARKERS) {
		/* the evidence the view would draw: numbered, listed on its claims */
		argmap_render_options qo = *opts;
		qo.notes = ARGMAP_NOTES_ENDNOTES;
		rc = build_view(&quotes, map, &qo, NULL);
		if (rc != 0) {
			am_view_free(&view);
			goto done;
		}
		job.quote_on = quotes.node_on;
	}
	/* an HTML page carries the SVG: Graphviz draws that */
	jo = *opts;
	if (jo.format == ARGMAP_RENDER_HTML)
		jo.format = ARGMAP_RENDER_SVG;
	if (jo.id_prefix && !*jo.id_prefix)
		jo.id_prefix = NULL;
	job.map = map;
	job.opts = &jo;
	job.view = &view;
	job.file = map_file(map);
	/* the layout is decided here, once, before Graphviz is touched */
	job.tier = am_layout_pick_tier(&view);
	job.fast = am_layout_pick_fast(opts, &view);

	tl = opts->time_limit == 0 ? DEFAULT_TIME_LIMIT : opts->time_limit;
	ml = opts->memory_limit == 0            ? DEFAULT_MEMORY_LIMIT
	     : opts->memory_limit == (size_t)-1 ? 0
	                                        : opts->memory_limit;
	if (opts->in_process) {
		local_sink s;
		s.base.diag = local_diag;
		s.base.output = local_output;
		s.diags = diags;
		s.file = job.file;
		s.out = &buf;
		rc = am_gv_run(&job, &s.base);
		if (rc != 0)
			am_fail(rc, "%s: rendering failed", job.file);
	} else {
		rc = am_contain_run(&job, tl, ml, diags, &buf);
	}
	am_view_free(&view);
	am_view_free(&quotes);
	if (rc == 0 && !buf.failed && opts->format == ARGMAP_RENDER_HTML) {
		argmap_html_options ho = ARGMAP_HTML_OPTIONS_INIT;
		ho.focus = opts->focus;
		ho.depth = opts->depth;
		ho.tag = opts->tag;
		ho.hide_evidence = opts->hide_evidence;
		ho.id_prefix = jo.id_prefix;
		ho.actors = opts->actors; /* the page's data is of the view drawn */
		ho.n_actors = opts->n_actors;
		ho.status = opts->status;
		ho.diff = opts->diff; /* the panel says what changed */
		rc = argmap_html(map, &ho, buf.data, buf.len, NULL, out, len);
		goto done;
	}
	if (rc == 0) {
		if (buf.failed) {
			rc = am_fail(ARGMAP_ENOMEM, "out of memory");
		} else {
			*len = buf.len;
			*out = am_buf_detach(&buf);
			if (!*out) {
				*len = 0;
				rc = am_fail(ARGMAP_ENOMEM, "out of memory");
			}
		}
	}
done:
	am_buf_free(&buf);
	argmap_diags_free(own);
	return rc;
}

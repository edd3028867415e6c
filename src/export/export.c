/*
 * export.c - argmap_export: the format table, the view, the buffer.
 *
 * Adding a format (docs/architecture.md, "Adding an exporter"): one row
 * in `formats` below, one file src/export/<format>.c, one line in
 * src/export/CMakeLists.txt.
 */
#include <string.h>
#include <strings.h>

#include "export/exporters.h"
#include "util/am_internal.h"

typedef int (*export_fn)(const argmap_map *, const am_view *, am_buf *);

static const struct format_row {
	argmap_export_format format;
	const char *name;
	const char *ext; /* without the dot */
	export_fn fn;    /* NULL: not produced by libargmap */
} formats[] = {
    {ARGMAP_EXPORT_JSON, "json", "json", am_export_json},
    {ARGMAP_EXPORT_AIF, "aif", "aif.json", am_export_aif},
    {ARGMAP_EXPORT_ARGDOWN, "argdown", "argdown", am_export_argdown},
    {ARGMAP_EXPORT_GRAPHML, "graphml", "graphml", am_export_graphml},
    /* DOT is the renderer's (argmap_render, ARGMAP_RENDER_DOT) */
    {ARGMAP_EXPORT_DOT, "dot", "dot", NULL},
};

#define N_FORMATS (sizeof formats / sizeof formats[0])

/* Other names the parser accepts. */
static const struct {
	const char *name;
	argmap_export_format format;
} aliases[] = {{"ad", ARGMAP_EXPORT_ARGDOWN}, {"gv", ARGMAP_EXPORT_DOT}};

static const struct format_row *row_of(argmap_export_format f)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++)
		if (formats[i].format == f)
			return &formats[i];
	return NULL;
}

const char *argmap_export_format_name(argmap_export_format format)
{
	const struct format_row *r = row_of(format);

	return r ? r->name : NULL;
}

const char *argmap_export_format_ext(argmap_export_format format)
{
	const struct format_row *r = row_of(format);

	return r ? r->ext : NULL;
}

int argmap_export_format_parse(const char *name, argmap_export_format *format)
{
	size_t i;

	if (!name || !format)
		return am_fail(ARGMAP_EARG, "no format given");
	for (i = 0; i < N_FORMATS; i++)
		if (strcasecmp(name, formats[i].name) == 0) {
			*format = formats[i].format;
			return 0;
		}
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(name, aliases[i].name) == 0) {
			*format = aliases[i].format;
			return 0;
		}
	return am_fail(ARGMAP_EARG, "unknown format '%s' (use json, aif, argdown, graphml or dot)",
	               name);
}

/* 1 when `path` ends in "." ext (any case), the dot after the last '/'. */
static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (n < k + 1 || (size_t)(path + n - base) < k + 2) /* a name before the dot */
		return 0;
	return path[n - k - 1] == '.' && strcasecmp(path + n - k, ext) == 0;
}

int argmap_export_format_from_path(const char *path, argmap_export_format *format)
{
	static const struct {
		const char *ext;
		argmap_export_format format;
	} exts[] = {/* longest first: "x.aif.json" is AIF, not argmap JSON */
	            {"aif.json", ARGMAP_EXPORT_AIF},    {"json", ARGMAP_EXPORT_JSON},
	            {"argdown", ARGMAP_EXPORT_ARGDOWN}, {"ad", ARGMAP_EXPORT_ARGDOWN},
	            {"graphml", ARGMAP_EXPORT_GRAPHML}, {"dot", ARGMAP_EXPORT_DOT},
	            {"gv", ARGMAP_EXPORT_DOT}};
	size_t i;

	if (!path || !format)
		return am_fail(ARGMAP_EARG, "no file name given");
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (has_ext(path, exts[i].ext)) {
			*format = exts[i].format;
			return 0;
		}
	return am_fail(ARGMAP_EARG, "cannot tell the format of '%s' from its name", path);
}

int argmap_export_options_init(argmap_export_options *opts, unsigned int version)
{
	static const argmap_export_options init = ARGMAP_EXPORT_OPTIONS_INIT;

	return am_options_init(opts, &init, sizeof init, version, ARGMAP_EXPORT_OPTIONS_VERSION,
	                       "argmap_export_options");
}

int argmap_export(const argmap_map *map, const argmap_export_options *opts, argmap_diags *diags,
                  char **out, size_t *len)
{
	static const argmap_export_options defaults = ARGMAP_EXPORT_OPTIONS_INIT;
	const struct format_row *row;
	am_view_options vo = {0};
	am_view view;
	am_buf buf = {0};
	const char *file;
	int rc;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (!out || !len)
		return am_fail(ARGMAP_EARG, "argmap_export: out and len are required");
	if (!map)
		return am_fail(ARGMAP_EARG, "no map given");
	if (!opts)
		opts = &defaults;
	if ((rc = am_check_version(opts->version, ARGMAP_EXPORT_OPTIONS_VERSION,
	                           "argmap_export_options")) != 0)
		return rc;
	row = row_of(opts->format);
	if (!row)
		return am_fail(ARGMAP_EARG, "unknown export format %d", (int)opts->format);
	if (!row->fn)
		return am_fail(ARGMAP_EARG,
		               opts->format == ARGMAP_EXPORT_DOT
		                   ? "DOT is drawn by libargmap-render: use argmap_render with "
		                     "ARGMAP_RENDER_DOT"
		                   : "the %s export is not written yet",
		               row->name);
	if (argmap_map_file_count(map) == 0)
		return am_fail(ARGMAP_EARG, "the map has no files");
	file = argmap_map_file(map, 0)->path;

	memset(&vo, 0, sizeof vo);
	vo.focus = opts->focus;
	vo.depth = opts->depth;
	vo.tag = opts->tag;
	vo.hide_evidence = opts->hide_evidence;
	vo.actors = opts->actors;
	vo.n_actors = opts->actors ? opts->n_actors : 0;
	if ((rc = am_view_build(&view, map, &vo, diags, file)) != 0)
		return rc;
	if (view.filtered)
		am_diag(diags, ARGMAP_SEV_NOTE, "AM713", file, 0, 0, NULL,
		        "this view shows %zu of %zu nodes (%zu hidden) and %zu of %zu relations",
		        view.nodes_shown, view.n_nodes, view.n_nodes - view.nodes_shown,
		        view.rels_shown, view.n_rels);
	rc = row->fn(map, &view, &buf);
	am_view_free(&view);
	if (rc == 0 && buf.failed)
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	if (rc != 0) {
		am_buf_free(&buf);
		return rc;
	}
	*len = buf.len;
	*out = am_buf_detach(&buf);
	if (!*out) {
		*len = 0;
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	return 0;
}

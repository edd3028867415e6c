/*
 * svg_finish.c - what argmap adds to Graphviz's SVG so that it embeds
 * cleanly in a web page (svg_finish.h). No Graphviz types: it reads the
 * bytes Graphviz wrote and the model, in one pass.
 *
 *  - the document's <title> and <desc> are the map's title and description
 *    (the first children of <svg>, where assistive technology and browsers
 *    look for the document's name);
 *  - every node's, edge's and box's <title> (Graphviz writes its internal
 *    name, n12) becomes its accessible name: "Claim cg-x: text";
 *  - a style sheet: the font with its fallbacks, and the theme's colours as
 *    CSS custom properties (--am-support, --am-claim-fill, ...) with rules
 *    that apply them to nodes, relations and the legend, so that one
 *    declaration restyles a theme everywhere;
 *  - the legend's shapes and glyphs (flat elements of the graph label) get
 *    the classes am-legend and am-lg-s-<role> (its stroke is that theme
 *    colour) or am-lg-f-<role> (its fill), which the rules use.
 *
 * Only Graphviz's fixed output syntax is matched (`<title>`, `<!-- `, the
 * first `fill="`/`stroke="` of an element); user text never reaches this
 * file except through am_buf_put_xml. Linear in the size of the SVG.
 */
#include <stdlib.h>
#include <string.h>

#include "render/labels.h"
#include "render/style.h"
#include "render/svg_finish.h"
#include "util/text.h"

/* One colour of the theme, the custom property that names it and the
 * legend class of elements drawn in it. */
typedef struct colour_role {
	const char *name;   /* "support", "question-fill" ... */
	const char *colour; /* the theme's value */
} colour_role;

#define N_ROLES 14

static const char *const kind_name[3] = {"question", "claim", "evidence"};
static const char *const rel_name[4] = {"support", "rebut", "undercut", "answer"};

static size_t theme_roles(const am_theme *th, colour_role *r)
{
	size_t n = 0, k;
	static const char *const fills[3] = {"question-fill", "claim-fill", "evidence-fill"};
	static const char *const borders[3] = {"question-border", "claim-border",
	                                       "evidence-border"};
	static const char *const editors[4] = {"support-editor", "rebut-editor", "undercut-editor",
	                                       "answer-editor"};

	for (k = 0; k < 3; k++) {
		r[n].name = fills[k];
		r[n++].colour = th->node[k].fill;
		r[n].name = borders[k];
		r[n++].colour = th->node[k].border;
	}
	for (k = 0; k < 4; k++) {
		r[n].name = rel_name[k];
		r[n++].colour = th->rel[k].color;
	}
	for (k = 0; k < 4; k++) {
		r[n].name = editors[k];
		r[n++].colour = th->editor[k].color;
	}
	return n;
}

/* The style sheet: fonts, the theme's custom properties and their rules. */
static void style_sheet(am_buf *o, const am_theme *th, const char *idp)
{
	colour_role roles[N_ROLES];
	size_t n = theme_roles(th, roles), i, k;

	am_buf_puts(o, "\n<style type=\"text/css\">\n"
	               "text { font-family: \"DejaVu Sans\", \"Bitstream Vera Sans\", Verdana, "
	               "\"Liberation Sans\", Arial, sans-serif; }\n");
	/* on the drawing's <g>, so that a page can set them on any ancestor */
	am_buf_printf(o, "#%sam-map {", idp);
	for (i = 0; i < n; i++)
		am_buf_printf(o, " --am-%s: %s;", roles[i].name, roles[i].colour);
	am_buf_puts(o, " }\n");
	for (k = 0; k < 3; k++)
		am_buf_printf(
		    o,
		    ".am-%s > g > a > :is(path, polygon):first-of-type { fill: "
		    "var(--am-%s-fill); }\n"
		    ".am-%s > g > a > :is(path, polygon) { stroke: var(--am-%s-border); }\n",
		    kind_name[k], kind_name[k], kind_name[k], kind_name[k]);
	for (k = 0; k < 4; k++)
		am_buf_printf(
		    o,
		    ".am-rel.am-%s path, .am-junction.am-%s ellipse { stroke: var(--am-%s); }\n"
		    ".am-rel.am-%s :is(polygon, ellipse):not([fill=\"none\"]), .am-junction.am-%s "
		    "ellipse { fill: var(--am-%s); }\n"
		    ".am-rel.am-%s :is(polygon, ellipse) { stroke: var(--am-%s); }\n"
		    ".am-editor.am-%s :is(path, polygon, ellipse) { stroke: var(--am-%s-editor); "
		    "}\n"
		    ".am-editor.am-%s :is(polygon, ellipse):not([fill=\"none\"]) { fill: "
		    "var(--am-%s-editor); }\n",
		    rel_name[k], rel_name[k], rel_name[k], rel_name[k], rel_name[k], rel_name[k],
		    rel_name[k], rel_name[k], rel_name[k], rel_name[k], rel_name[k], rel_name[k]);
	for (i = 0; i < n; i++)
		am_buf_printf(
		    o,
		    ".am-lg-s-%s { stroke: var(--am-%s); } .am-lg-f-%s { fill: var(--am-%s); }\n",
		    roles[i].name, roles[i].name, roles[i].name, roles[i].name);
	am_buf_puts(o, "</style>");
}

/* The role whose colour is `c` (length n), if exactly one role has it. */
static const char *role_of(const colour_role *roles, size_t nroles, const char *c, size_t n)
{
	const char *found = NULL;
	size_t i;

	for (i = 0; i < nroles; i++)
		if (strlen(roles[i].colour) == n && memcmp(roles[i].colour, c, n) == 0) {
			if (found && strcmp(found, roles[i].name) != 0)
				return NULL;
			found = roles[i].name;
		}
	return found;
}

/* The value of attribute `attr` (e.g. " stroke=\"") inside the start tag
 * tag[0..n), or NULL. */
static const char *attr_value(const char *tag, size_t n, const char *attr, size_t *vlen)
{
	size_t al = strlen(attr), i;

	for (i = 0; i + al < n; i++)
		if (memcmp(tag + i, attr, al) == 0) {
			const char *v = tag + i + al, *e = memchr(v, '"', n - i - al);
			if (!e)
				return NULL;
			*vlen = (size_t)(e - v);
			return v;
		}
	return NULL;
}

/* Copies the graph label's elements data[0..n) (the title block and the
 * legend), giving each shape or glyph drawn in a theme colour its class. */
static void legend_classes(am_buf *o, const char *data, size_t n, const am_theme *th)
{
	colour_role roles[N_ROLES];
	size_t nroles = theme_roles(th, roles), i = 0, start = 0;

	while (i < n) {
		const char *lt = memchr(data + i, '<', n - i), *gt;
		const char *fill, *stroke, *rs, *rf;
		size_t tl, fl = 0, sl = 0;

		if (!lt)
			break;
		gt = memchr(lt, '>', n - (size_t)(lt - data));
		if (!gt)
			break;
		tl = (size_t)(gt - lt);
		i = (size_t)(gt - data) + 1;
		if (strncmp(lt, "<polygon ", 9) != 0 && strncmp(lt, "<polyline ", 10) != 0 &&
		    strncmp(lt, "<text ", 6) != 0 && strncmp(lt, "<path ", 6) != 0 &&
		    strncmp(lt, "<ellipse ", 9) != 0)
			continue;
		fill = attr_value(lt, tl, " fill=\"", &fl);
		stroke = attr_value(lt, tl, " stroke=\"", &sl);
		rf = fill ? role_of(roles, nroles, fill, fl) : NULL;
		rs = stroke ? role_of(roles, nroles, stroke, sl) : NULL;
		if (!rf && !rs)
			continue;
		/* after the element name */
		tl = (size_t)(strchr(lt, ' ') - data);
		am_buf_put(o, data + start, tl - start);
		am_buf_puts(o, " class=\"am-legend");
		if (rs)
			am_buf_printf(o, " am-lg-s-%s", rs);
		if (rf)
			am_buf_printf(o, " am-lg-f-%s", rf);
		am_buf_putc(o, '"');
		start = tl;
	}
	am_buf_put(o, data + start, n - start);
}

/* The accessible name of Graphviz object `name` (n12, j3, cluster_l7,
 * cluster_g2; "a&#45;&gt;b" for an edge). */
static void object_name(am_buf *o, const am_job *job, const char *name, size_t n, int depth)
{
	const argmap_map *map = job->map;
	static const char arrow[] = "&#45;&gt;";
	const char *a;
	size_t idx = 0, i;

	a = depth == 0 && n > sizeof arrow ? strstr(name, arrow) : NULL;
	if (a && (size_t)(a - name) < n) {
		/* argmap's edges run from the conclusion to the premise (drawn
		 * dir=back): name them premise → conclusion */
		object_name(o, job, a + sizeof arrow - 1,
		            n - (size_t)(a - name) - (sizeof arrow - 1), 1);
		am_buf_puts(o, " \xE2\x86\x92 "); /* → */
		object_name(o, job, name, (size_t)(a - name), 1);
		return;
	}
	for (i = 1; i < n && name[i] >= '0' && name[i] <= '9'; i++)
		idx = idx * 10 + (size_t)(name[i] - '0');
	if (n >= 2 && i == n && name[0] == 'n' && idx < argmap_map_node_count(map)) {
		const argmap_node *nd = argmap_map_node(map, idx);
		if (depth) {
			am_buf_put_xml(o, nd->id, strlen(nd->id));
			return;
		}
		am_buf_puts(o, nd->kind == ARGMAP_NODE_QUESTION   ? "Question "
		               : nd->kind == ARGMAP_NODE_EVIDENCE ? "Evidence "
		                                                  : "Claim ");
		am_buf_put_xml(o, nd->id, strlen(nd->id));
		am_buf_puts(o, ": ");
		if (nd->text)
			am_buf_put_xml(o, nd->text, strlen(nd->text));
		return;
	}
	if (n >= 2 && i == n && name[0] == 'j' && idx < argmap_map_relation_count(map)) {
		const argmap_relation *r = argmap_map_relation(map, idx);
		/* named as the JSON model keys relations: its id, else #index */
		am_buf_puts(o, "reason ");
		if (r->id)
			am_buf_put_xml(o, r->id, strlen(r->id));
		else
			am_buf_printf(o, "#%zu", idx);
		return;
	}
	if (n > 9 && memcmp(name, "cluster_l", 9) == 0) {
		am_buf_puts(o, "linked premises");
		return;
	}
	if (n > 9 && memcmp(name, "cluster_g", 9) == 0) {
		am_buf_puts(o, "group");
		return;
	}
	/* not one of argmap's names: keep Graphviz's escaped bytes */
	am_buf_put(o, name, n);
}

static const char *file_title(const argmap_map *map, size_t *n)
{
	const argmap_file *f = argmap_map_file(map, 0);
	const char *base, *dot;

	if (f->title && *f->title) {
		*n = strlen(f->title);
		return f->title;
	}
	base = strrchr(f->path, '/');
	base = base ? base + 1 : f->path;
	dot = strrchr(base, '.');
	*n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return base;
}

int am_svg_finish(const char *data, size_t len, const am_job *job, am_buf *out)
{
	const argmap_file *f = argmap_map_file(job->map, 0);
	const char *idp = job->opts->id_prefix ? job->opts->id_prefix : "";
	const am_theme *th = am_theme_get(job->opts->theme == ARGMAP_THEME_PRINT);
	const char *svg = len > 5 ? strstr(data, "<svg ") : NULL;
	const char *end = svg ? strchr(svg, '>') : NULL, *p, *title;
	size_t tlen, pos;
	int graph_title = 1;

	if (!end) {
		am_buf_put(out, data, len);
		return out->failed ? ARGMAP_ENOMEM : 0;
	}
	am_buf_reserve(out, len + len / 4 + 4096);
	pos = (size_t)(end + 1 - data);
	am_buf_put(out, data, pos);
	title = file_title(job->map, &tlen);
	am_buf_puts(out, "\n<title>");
	am_buf_put_xml(out, title, tlen);
	am_buf_puts(out, "</title>");
	if (f->description && *f->description) {
		am_buf_puts(out, "\n<desc>");
		am_buf_put_xml(out, f->description, strlen(f->description));
		am_buf_puts(out, "</desc>");
	}
	style_sheet(out, th, idp);
	for (p = data + pos; (p = strstr(p, "<title>")) != NULL;) {
		const char *name = p + 7, *close = strstr(name, "</title>");
		if (!close)
			break;
		am_buf_put(out, data + pos, (size_t)(name - data) - pos);
		if (graph_title) {
			const char *label_end, *cl;
			/* the drawing's own title, then its label up to the
			 * first node, edge or box (Graphviz comments each) */
			am_buf_put_xml(out, title, tlen);
			graph_title = 0;
			am_buf_puts(out, "</title>");
			pos = (size_t)(close + 8 - data);
			label_end = strstr(data + pos, "<!-- ");
			if (!label_end)
				label_end = data + len;
			/* clusters come without a comment */
			cl = strstr(data + pos, "<g id=");
			if (cl && cl < label_end)
				label_end = cl;
			legend_classes(out, data + pos, (size_t)(label_end - data) - pos, th);
			pos = (size_t)(label_end - data);
			p = label_end;
			continue;
		}
		object_name(out, job, name, (size_t)(close - name), 0);
		pos = (size_t)(close - data);
		p = close;
	}
	am_buf_put(out, data + pos, len - pos);
	return out->failed ? ARGMAP_ENOMEM : 0;
}

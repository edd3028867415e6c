/*
 * gv.c - the Graphviz bridge: a context with linked-in plugins, Graphviz's
 * own error messages captured (agseterrf) and turned into diagnostics,
 * layout with bounds, rendering into memory (gvRenderData, never
 * gvRenderFilename, which exit(1)s on write errors), and DOT output through
 * agwrite into memory.
 *
 * This runs Graphviz in the calling process: the contained child
 * (contain.c) calls it, or the caller asked for in_process. Graphviz is not
 * thread-safe and its error hook is global, so neither is this.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gvplugin.h>

#include "gv_internal.h"

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

/* Plugins are linked in, so rendering does not depend on Graphviz's plugin
 * configuration file (config6a) or GVBINDIR. PDF and PNG are drawn by
 * cairo from pango's text layouts; SVG and DOT measure text with
 * textlayout.c, which is about 100 times faster than pango. */
static lt_symlist_t builtins_cairo[] = {
	{"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
	{"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
	{"gvplugin_argmap_layout_LTX_library", &gvplugin_argmap_layout_LTX_library},
	{"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
	{NULL, NULL},
};
static lt_symlist_t builtins_svg[] = {
	{"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
	{"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
	{"gvplugin_argmap_layout_LTX_library", &gvplugin_argmap_layout_LTX_library},
	{"gvplugin_argmap_text_LTX_library", &gvplugin_argmap_text_LTX_library},
	{NULL, NULL},
};

int am_render_fault = AM_FAULT_NONE;

/* ---------------------------------------------------- error capture */

static am_buf captured; /* what Graphviz said since the last flush */

static int capture(char *msg)
{
	am_buf_puts(&captured, msg);
	return 0;
}

/* Turns captured text into diagnostics: lines starting "Error" are errors
 * (AM704), others warnings (AM705); continuation lines join the previous
 * message. Returns the number of errors. */
/* Hands one captured Graphviz message to the sink as AM704 (error) or
 * AM705 (warning) and empties the buffer. */
static void flush_message(am_sink *sink, am_buf *msg, int is_error)
{
	char *m;

	if (!msg->len)
		return;
	m = am_buf_detach(msg);
	if (m)
		sink->diag(sink, is_error ? ARGMAP_SEV_ERROR : ARGMAP_SEV_WARNING,
		           is_error ? "AM704" : "AM705", m,
		           is_error ? "this is a bug in argmap or Graphviz: please report it with the map"
		                    : NULL);
	free(m);
}

static int flush_captured(am_sink *sink, const char *during)
{
	char *text = am_buf_detach(&captured), *line, *next;
	am_buf msg = {0};
	int errors = 0, cur_err = 0;

	if (!text)
		return 0;
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line)
			continue;
		if (!strncmp(line, "Error: ", 7) || !strncmp(line, "Warning: ", 9)) {
			flush_message(sink, &msg, cur_err);
			cur_err = line[0] == 'E';
			errors += cur_err;
			am_buf_printf(&msg, "Graphviz %s %s: %s", cur_err ? "failed" : "warned", during,
			              line + (cur_err ? 7 : 9));
		} else {
			if (!msg.len)
				am_buf_printf(&msg, "Graphviz warned %s:", during);
			am_buf_printf(&msg, " %s", line);
		}
	}
	flush_message(sink, &msg, cur_err);
	am_buf_free(&msg);
	free(text);
	return errors;
}

/* Flushes what Graphviz said; 1 if it reported any error (agerrors() is
 * checked too, so an error never passes silently). */
static int failed_now(am_sink *sink, const char *during)
{
	int said = flush_captured(sink, during);
	int counted = agerrors();

	if (!said && counted) {
		char msg[512];
		char *last = aglasterr();
		snprintf(msg, sizeof msg, "Graphviz reported %d error%s %s%s%s", counted,
		         counted == 1 ? "" : "s", during, last ? ": " : "", last ? last : "");
		free(last);
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", msg, NULL);
	}
	return said || counted;
}

/* ---------------------------------------------------- DOT into memory */

static int dot_put(void *chan, const char *str)
{
	am_buf_puts(chan, str);
	return ((am_buf *)chan)->failed ? EOF : 0;
}

static int dot_flush(void *chan)
{
	(void)chan;
	return 0;
}

/* ---------------------------------------------------- page fitting */

static double page_dim(const argmap_render_options *o, int height)
{
	double w = o->page == ARGMAP_PAGE_A4 ? 595.276 : 612.0;
	double h = o->page == ARGMAP_PAGE_A4 ? 841.890 : 792.0;

	if (o->landscape)
		return height ? w : h;
	return height ? h : w;
}

/* After layout: centre the drawing on the page (margins fill the rest) and
 * warn when the scale needed makes text too small to read. */
static void fit_page(Agraph_t *g, const am_job *job, am_sink *sink)
{
	const argmap_render_options *o = job->opts;
	double llx, lly, urx, ury, pw = page_dim(o, 0), ph = page_dim(o, 1);
	double margin = o->page == ARGMAP_PAGE_A4 ? 34.016 : 36.0;
	double cw = pw - 2 * margin, ch = ph - 2 * margin, bw, bh, z = 1.0, z_other;
	const char *bb = agget(g, am_s("bb"));
	char buf[96];

	/* gvLayout writes "llx lly urx ury"; a DOT bb attribute uses commas */
	if (!bb || sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &llx, &lly, &urx, &ury) != 4)
		return;
	bw = urx - llx;
	bh = ury - lly;
	if (bw <= 0 || bh <= 0)
		return;
	if (bw > cw || bh > ch)
		z = cw / bw < ch / bh ? cw / bw : ch / bh;
	snprintf(buf, sizeof buf, "%.4f,%.4f", (pw - bw * z) / 2.0 / 72.0, (ph - bh * z) / 2.0 / 72.0);
	agsafeset(g, am_s("margin"), buf, am_s(""));
	/* the scale the page turned sideways would allow */
	z_other = 1.0;
	if (bw > ch || bh > cw)
		z_other = ch / bw < cw / bh ? ch / bw : cw / bh;
	if (z < 0.5) {
		char msg[256];
		/* "0.6%" rather than "0%" for a poster-sized map */
		snprintf(msg, sizeof msg,
		         "the map is too large for one legible %s%s page: it is scaled to %.*f%%, "
		         "so its body text is about %.*f pt",
		         o->page == ARGMAP_PAGE_A4 ? "A4" : "Letter", o->landscape ? " landscape" : "",
		         z < 0.1 ? 1 : 0, z * 100.0, z < 0.05 ? 2 : 1, 12.0 * z);
		/* turning the page is worth suggesting only where it helps enough */
		sink->diag(sink, ARGMAP_SEV_WARNING, "AM714", msg,
		           z_other > z * 1.15 && z_other >= 0.3
		               ? (o->landscape ? "try the page upright (no --landscape), or draw part of it: "
		                                 "--focus ID --depth N, --tag TAG or --hide evidence"
		                               : "try --landscape, or draw part of it: --focus ID --depth N, "
		                                 "--tag TAG or --hide evidence")
		               : "draw part of it: --focus ID --depth N, --tag TAG or --hide evidence"
		                 "; or leave out --page for a large poster-size page");
	}
}

/* ---------------------------------------------------- faults (tests) */

static void inject_fault(void)
{
	switch (am_render_fault) {
	case AM_FAULT_CRASH:
		signal(SIGSEGV, SIG_DFL); /* past any sanitizer's handler */
		raise(SIGSEGV);
		break;
	case AM_FAULT_EXIT:
		fputs("Error: gvwrite_no_z problem 9\n", stderr);
		exit(1);
	case AM_FAULT_HANG: {
		volatile unsigned long x = 0;
		for (;;)
			x++;
	}
	case AM_FAULT_SLEEP:
		for (;;)
			pause();
	case AM_FAULT_HOG: {
		for (;;) {
			char *p = malloc((size_t)64 << 20);
			if (!p) {
				fputs("out of memory\n", stderr);
				exit(1);
			}
			memset(p, 1, (size_t)64 << 20);
		}
	}
	case AM_FAULT_NOISE:
		fputs("(pango noise) Pango-WARNING **: something odd\n", stderr);
		fputs("noise on stdout\n", stdout);
		fflush(stdout);
		break;
	default:
		break;
	}
}

/* ---------------------------------------------------- huge maps */

/* Lays out a huge map (layout=nop in the graph: positions are argmap's)
 * with gvfast.c's engine, then writes each node's position into "pos", so
 * that -T dot carries them for Graphviz's own nop engine. The graph keeps
 * layout=nop. Returns gvLayout's result; the graph is laid out on success. */
static int fast_layout(GVC_t *gvc, Agraph_t *g, int want_pos)
{
	Agnode_t *v;
	Agsym_t *pos;
	int rc;

	agset(g, am_s("layout"), am_s(AM_FAST_ENGINE));
	rc = gvLayout(gvc, g, AM_FAST_ENGINE);
	agset(g, am_s("layout"), am_s("nop"));
	if (rc != 0 || !want_pos)
		return rc;
	pos = agattr(g, AGNODE, am_s("pos"), am_s(""));
	if (!pos)
		return -1;
	for (v = agfstnode(g); v; v = agnxtnode(g, v)) {
		char buf[64];
		snprintf(buf, sizeof buf, "%.2f,%.2f", ND_coord(v).x, ND_coord(v).y);
		if (agxset(v, pos, buf) != 0)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------- the job */

/* Hands the bytes to the sink in one part. */
static int output_one(am_sink *sink, const char *data, size_t len)
{
	am_part part;

	part.data = data;
	part.len = len;
	return sink->output(sink, &part, 1);
}

/* The SVG with a style sheet that names the font with its fallbacks (CSS
 * wins over Graphviz's font-family attributes), right after <svg ...>:
 * three parts, so Graphviz's buffer is not copied. */
static int svg_output(am_sink *sink, const char *data, size_t len)
{
	static const char style[] =
		"\n<style type=\"text/css\">text { font-family: \"DejaVu Sans\", \"Bitstream Vera Sans\", "
		"Verdana, \"Liberation Sans\", Arial, sans-serif; }</style>";
	const char *svg = len > 5 ? strstr(data, "<svg ") : NULL;
	const char *end = svg ? strchr(svg, '>') : NULL;
	am_part parts[3];

	if (!end)
		return output_one(sink, data, len);
	parts[0].data = data;
	parts[0].len = (size_t)(end + 1 - data);
	parts[1].data = style;
	parts[1].len = sizeof style - 1;
	parts[2].data = end + 1;
	parts[2].len = len - parts[0].len;
	return sink->output(sink, parts, 3);
}

static const char *gv_format(argmap_render_format f)
{
	switch (f) {
	case ARGMAP_RENDER_PDF: return "pdf";
	case ARGMAP_RENDER_PNG: return "png";
	default: return "svg";
	}
}


int am_gv_run(const am_job *job, am_sink *sink)
{
	static Agiodisc_t io;
	static Agdisc_t disc;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	agusererrf old;
	int rc = 0, laid_out = 0, fast;
	char *data = NULL;
	unsigned int dlen = 0;

	inject_fault();
	io.afread = AgIoDisc.afread;
	io.putstr = dot_put;
	io.flush = dot_flush;
	disc.mem = &AgMemDisc;
	disc.id = &am_id_disc;
	disc.io = &io;

	am_buf_free(&captured);
	old = agseterrf(capture);
	agseterr(AGWARN);
	agreseterrors();

	if (job->opts->format == ARGMAP_RENDER_PDF || job->opts->format == ARGMAP_RENDER_PNG)
		gvc = gvContextPlugins(builtins_cairo, 0);
	else
		gvc = gvContextPlugins(builtins_svg, 0);
	if (!gvc) {
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "Graphviz could not start (no context)", NULL);
		rc = ARGMAP_ERENDER;
		goto out;
	}
	g = am_gv_graph_build(job, &disc);
	if (!g) {
		flush_captured(sink, "while building the graph");
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706",
		           "out of memory while building the graph for Graphviz", NULL);
		rc = ARGMAP_ENOMEM;
		goto out;
	}
	if (am_render_fault == AM_FAULT_GVERROR) {
		/* a label Graphviz rejects: it must fail, not show \N */
		Agnode_t *bad = agnode(g, am_s("n_bad"), 1);
		if (bad)
			am_set_html(g, bad, "label", "<TABLE><TR><TD>unclosed");
	}

	fast = strcmp(agget(g, am_s("layout")) ? agget(g, am_s("layout")) : "", "nop") == 0;
	/* -T dot is the graph before layout, except for huge maps */
	if (job->opts->format != ARGMAP_RENDER_DOT || fast) {
		if (fast ? fast_layout(gvc, g, job->opts->format == ARGMAP_RENDER_DOT) != 0
		         : gvLayout(gvc, g, "dot") != 0) {
			flush_captured(sink, "during layout");
			sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz could not lay out the map",
			           NULL);
			rc = ARGMAP_ERENDER;
			goto out;
		}
		laid_out = 1;
	}
	if (job->opts->format == ARGMAP_RENDER_DOT) {
		/* huge maps: the DOT carries argmap's positions (layout=nop) */
		am_buf dot = {0};
		if (agwrite(g, &dot) != 0 || dot.failed) {
			am_buf_free(&dot);
			sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "could not write the DOT text", NULL);
			rc = ARGMAP_ENOMEM;
			goto out;
		}
		if (failed_now(sink, "while writing DOT")) {
			am_buf_free(&dot);
			rc = ARGMAP_ERENDER;
			goto out;
		}
		rc = output_one(sink, dot.data ? dot.data : "", dot.len);
		am_buf_free(&dot);
		goto out;
	}
	if (failed_now(sink, "during layout")) {
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (job->opts->page != ARGMAP_PAGE_NONE)
		fit_page(g, job, sink);
	if (gvRenderData(gvc, g, gv_format(job->opts->format), &data, &dlen) != 0 || !data) {
		flush_captured(sink, "while rendering");
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz could not render the map", NULL);
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (failed_now(sink, "while rendering")) {
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (job->opts->format == ARGMAP_RENDER_PDF)
		am_pdf_fix_date(data, dlen, argmap_map_file(job->map, 0)->date);
	if (job->opts->format == ARGMAP_RENDER_SVG)
		rc = svg_output(sink, data, dlen);
	else
		rc = output_one(sink, data, dlen);
out:
	if (data)
		gvFreeRenderData(data);
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	if (gvc)
		gvFreeContext(gvc);
	am_textlayout_reset();
	flush_captured(sink, "while cleaning up");
	agseterrf(old);
	agreseterrors();
	am_buf_free(&captured);
	return rc;
}

/*
 * gv_run.c - one job through Graphviz in this process: a context with
 * linked-in plugins, the graph (gv_graph.c), layout by dot or by argmap's
 * fast engine as the job says, rendering into memory (gvRenderData, never
 * gvRenderFilename, which exit(1)s on write errors) or DOT through agwrite
 * into memory, and the output handed to the sink. Graphviz's messages go
 * through gv_msgs.c.
 *
 * The contained child (contain.c) calls this, or the caller asked for
 * in_process. Graphviz is not thread-safe and its error hook is global, so
 * neither is this.
 */
#include <stdio.h>
#include <stdlib.h>

#include <gvc.h>
#include <gvplugin.h>

#include "render/gv_fast.h"
#include "render/gv_graph.h"
#include "render/gv_ids.h"
#include "render/gv_msgs.h"
#include "render/gv_page.h"
#include "render/gv_pdf.h"
#include "render/gv_private.h"
#include "render/gv_pango.h"
#include "render/gv_textlayout.h"
#include "render/output_fix.h"
#include "render/svg_finish.h"
#include "render/run.h"
#include "render/testhooks.h"
#include "util/buf.h"

#ifdef ARGMAP_TEST_HOOKS
#include "render/gv_attr.h" /* the AM_FAULT_GVERROR label */
#endif

/* Plugins are linked in, so rendering does not depend on Graphviz's plugin
 * configuration file (config6a) or GVBINDIR. PDF and PNG are drawn by
 * cairo from pango's text layouts; SVG and DOT measure text with
 * gv_textlayout.c, which is about 100 times faster than pango. */
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

/* Hands the bytes to the sink in one part. */
static int output_one(am_sink *sink, const char *data, size_t len)
{
	am_part part;

	part.data = data;
	part.len = len;
	return sink->output(sink, &part, 1);
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
	int rc = 0, laid_out = 0, fast;
	size_t pages = 0; /* what --pages takes, for AM714 (0: not counted) */
	char *data = NULL;
	unsigned int dlen = 0;
	am_job pdf_job = *job;
	size_t *note_no = NULL;
	int pdf = job->opts->format == ARGMAP_RENDER_PDF;

	AM_TEST_FAULT();
	io.afread = AgIoDisc.afread;
	io.putstr = dot_put;
	io.flush = dot_flush;
	disc.mem = &AgMemDisc;
	disc.id = &am_gv_id_disc;
	disc.io = &io;

	am_gv_msgs_begin();

	if (job->opts->format == ARGMAP_RENDER_PDF || job->opts->format == ARGMAP_RENDER_PNG)
		gvc = gvContextPlugins(builtins_cairo, 0);
	else
		gvc = gvContextPlugins(builtins_svg, 0);
	if (!gvc) {
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "Graphviz could not start (no context)",
		           NULL);
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (pdf) {
		/* PDF goes through argmap's cairo surface (gv_pdf.c): endnote
		 * numbers are part of the boxes, so they come first */
		if (am_gv_pdf_number(job, &note_no) != 0) {
			sink->diag(sink, ARGMAP_SEV_ERROR, "AM706",
			           "out of memory while numbering the notes", NULL);
			rc = ARGMAP_ENOMEM;
			goto out;
		}
		pdf_job.note_no = note_no;
		job = &pdf_job;
		if (job->opts->pages) {
			rc = am_gv_pdf_pages(gvc, &disc, job, sink);
			if (rc == 0 && am_gv_msgs_failed(sink, "while drawing the pages"))
				rc = ARGMAP_ERENDER;
			goto out;
		}
	}
	g = am_gv_graph_build(job, &disc);
	if (!g) {
		am_gv_msgs_flush(sink, "while building the graph");
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM706",
		           "out of memory while building the graph for Graphviz", NULL);
		rc = ARGMAP_ENOMEM;
		goto out;
	}
#ifdef ARGMAP_TEST_HOOKS
	if (am_render_fault == AM_FAULT_GVERROR) {
		/* a label Graphviz rejects: it must fail, not show \N */
		Agnode_t *bad = agnode(g, am_s("n_bad"), 1);
		if (bad)
			am_set_html(g, bad, "label", "<TABLE><TR><TD>unclosed");
	}
#endif

	fast = job->fast;
	/* -T dot is the graph before layout, except for huge maps */
	if (job->opts->format != ARGMAP_RENDER_DOT || fast) {
		if (fast ? am_gv_fast_layout(gvc, g, job->opts->format == ARGMAP_RENDER_DOT) != 0
		         : gvLayout(gvc, g, "dot") != 0) {
			am_gv_msgs_flush(sink, "during layout");
			sink->diag(sink, ARGMAP_SEV_ERROR, "AM704",
			           "Graphviz could not lay out the map", NULL);
			rc = ARGMAP_ERENDER;
			goto out;
		}
		laid_out = 1;
		/* too small for its page: AM714 says how many pages --pages
		 * takes, counted by running its filling; dot's globals then
		 * belong to the pages' graphs, so the map is laid out again.
		 * Only here, and not for huge maps (the fast layout). */
		if (!fast && job->opts->page != ARGMAP_PAGE_NONE &&
		    job->opts->format != ARGMAP_RENDER_DOT && am_gv_page_scale(g, job) < 0.5) {
			if (am_gv_pdf_pages_count(gvc, &disc, job, sink, &pages) != 0)
				pages = 0;
			gvFreeLayout(gvc, g);
			if (gvLayout(gvc, g, "dot") != 0) {
				laid_out = 0;
				am_gv_msgs_flush(sink, "during layout");
				sink->diag(sink, ARGMAP_SEV_ERROR, "AM704",
				           "Graphviz could not lay out the map", NULL);
				rc = ARGMAP_ERENDER;
				goto out;
			}
		}
	}
	if (job->opts->format == ARGMAP_RENDER_DOT) {
		/* huge maps: the DOT carries argmap's positions (layout=nop) */
		am_buf dot = {0};
		if (agwrite(g, &dot) != 0 || dot.failed) {
			am_buf_free(&dot);
			sink->diag(sink, ARGMAP_SEV_ERROR, "AM706", "could not write the DOT text",
			           NULL);
			rc = ARGMAP_ENOMEM;
			goto out;
		}
		if (am_gv_msgs_failed(sink, "while writing DOT")) {
			am_buf_free(&dot);
			rc = ARGMAP_ERENDER;
			goto out;
		}
		rc = output_one(sink, dot.data ? dot.data : "", dot.len);
		am_buf_free(&dot);
		goto out;
	}
	if (am_gv_msgs_failed(sink, "during layout")) {
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (pdf) {
		rc = am_gv_pdf_single(gvc, g, job, pages, sink);
		if (rc == 0 && am_gv_msgs_failed(sink, "while rendering"))
			rc = ARGMAP_ERENDER;
		goto out;
	}
	if (job->opts->page != ARGMAP_PAGE_NONE)
		am_gv_page_fit(g, job, pages, sink);
	if (gvRenderData(gvc, g, gv_format(job->opts->format), &data, &dlen) != 0 || !data) {
		am_gv_msgs_flush(sink, "while rendering");
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", "Graphviz could not render the map",
		           NULL);
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (am_gv_msgs_failed(sink, "while rendering")) {
		rc = ARGMAP_ERENDER;
		goto out;
	}
	if (job->opts->format == ARGMAP_RENDER_PDF)
		am_pdf_fix_date(data, dlen, argmap_map_file(job->map, 0)->date);
	if (job->opts->format == ARGMAP_RENDER_SVG) {
		am_buf svg = {0};
		rc = am_svg_finish(data, dlen, job, &svg);
		if (rc == 0)
			rc = output_one(sink, svg.data, svg.len);
		am_buf_free(&svg);
	} else {
		rc = output_one(sink, data, dlen);
	}
out:
	if (data)
		gvFreeRenderData(data);
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	if (gvc) {
		if (job->opts->format == ARGMAP_RENDER_PDF ||
		    job->opts->format == ARGMAP_RENDER_PNG)
			am_gv_pango_forget(gvc);
		gvFreeContext(gvc);
	}
	am_textlayout_reset();
	am_gv_msgs_end(sink);
	free(note_no);
	return rc;
}

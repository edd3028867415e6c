/*
 * page.c - page maths for --page: A4 or Letter, upright or landscape, with
 * fixed margins. The layout gets the content area as its size; after
 * layout, the drawing is centred and, when it had to shrink too much to be
 * read, AM714 says so and suggests what helps.
 */
#include <stdio.h>

#include "render/page.h"
#include "util/buf.h"

static double page_dim(const argmap_render_options *o, int height)
{
	double w = o->page == ARGMAP_PAGE_A4 ? 595.276 : 612.0;
	double h = o->page == ARGMAP_PAGE_A4 ? 841.890 : 792.0;

	if (o->landscape)
		return height ? w : h;
	return height ? h : w;
}

void am_page_content(const argmap_render_options *o, double *w_out, double *h_out)
{
	double w = o->page == ARGMAP_PAGE_A4 ? 595.276 - 2 * 34.016 : 612.0 - 2 * 36.0;
	double h = o->page == ARGMAP_PAGE_A4 ? 841.890 - 2 * 34.016 : 792.0 - 2 * 36.0;

	if (o->landscape) {
		double x = w;
		w = h;
		h = x;
	}
	*w_out = w;
	*h_out = h;
}

double am_page_scale(const argmap_render_options *o, double bw, double bh)
{
	double cw, ch;

	am_page_content(o, &cw, &ch);
	if (bw <= 0 || bh <= 0 || (bw <= cw && bh <= ch))
		return 1.0;
	return cw / bw < ch / bh ? cw / bw : ch / bh;
}

int am_page_fit(const argmap_render_options *o, double bw, double bh, size_t pages,
                double *margin_x, double *margin_y, am_sink *sink)
{
	double pw = page_dim(o, 0), ph = page_dim(o, 1);
	double margin = o->page == ARGMAP_PAGE_A4 ? 34.016 : 36.0;
	double cw = pw - 2 * margin, ch = ph - 2 * margin, z = 1.0, z_other;

	if (bw <= 0 || bh <= 0)
		return -1;
	if (bw > cw || bh > ch)
		z = cw / bw < ch / bh ? cw / bw : ch / bh;
	*margin_x = (pw - bw * z) / 2.0 / 72.0;
	*margin_y = (ph - bh * z) / 2.0 / 72.0;
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
		         o->page == ARGMAP_PAGE_A4 ? "A4" : "Letter",
		         o->landscape ? " landscape" : "", z < 0.1 ? 1 : 0, z * 100.0,
		         z < 0.05 ? 2 : 1, 12.0 * z);
		/* say what would fit, and suggest only what is not used yet */
		{
			am_buf hint = {0};
			double zmin = 8.0 / 11.0, need = bw * zmin * bh * zmin / (cw * ch);
			size_t at_least = need > 1 ? (size_t)need + (need > (size_t)need) : 2;
			const char *how =
			    o->format == ARGMAP_RENDER_PDF ? "--pages" : "-T pdf --pages";
			if (pages > 1)
				/* the paginator's own filling, run for this hint */
				am_buf_printf(&hint,
				              "it needs %zu pages at 8 pt with %s (tried: argmap "
				              "splits it by thread)",
				              pages, how);
			else if (pages == 1)
				am_buf_printf(&hint, "it fits one page at 8 pt with %s (tried)",
				              how);
			else
				/* not tried (the filling failed): from the area */
				am_buf_printf(
				    &hint,
				    "by its area alone it needs %zu pages or more at 8 pt: "
				    "add %s (argmap splits it by thread)",
				    at_least, how);
			if (z_other > z * 1.15 && z_other >= 0.3)
				am_buf_puts(&hint, o->landscape ? ", or try the page upright"
				                                : ", or try --landscape");
			if (o->focus && o->depth > 1)
				am_buf_printf(&hint, "; or --depth %u", o->depth - 1);
			else if (!o->focus && !(o->actors && o->n_actors))
				am_buf_puts(&hint, "; or draw part of it: --actor ID, --focus ID "
				                   "--depth N");
			if (!o->tag && !o->focus && !(o->actors && o->n_actors))
				am_buf_puts(&hint, ", --tag TAG");
			if (!o->hide_evidence)
				am_buf_puts(&hint, o->focus || (o->actors && o->n_actors)
				                       ? "; or --hide evidence"
				                       : " or --hide evidence");
			/* quotes as numbers: only where evidence is drawn */
			if (!o->hide_evidence && o->notes != ARGMAP_NOTES_MARKERS)
				am_buf_puts(&hint,
				            "; or -T pdf --notes markers (quotes as numbers, "
				            "their text in the notes)");
			sink->diag(sink, ARGMAP_SEV_WARNING, "AM714", msg,
			           hint.data ? hint.data : "add --pages");
			am_buf_free(&hint);
		}
	}
	return 0;
}

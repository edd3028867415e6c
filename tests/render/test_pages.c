/*
 * Handouts, part two (issue 14): how --pages fills its pages, --notes
 * markers (quotes as numbers on their claims, the full text in the
 * notes), a bookmark per page, PNG --dpi, the text of AM714's hint, and
 * what the formats without pages say. PDFs are read back with poppler.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout_support.h"
#include "render/testhooks.h"
#include "render_support.h"
#include "support.h"
#include "util/buf.h"

TestSuite(pages, .timeout = 240 * TS_SLOW);

/* The zuluN (claims) and yankeeN (quotes) words of hs_big_map. */
static void body_words(char **zulu, char **yankee)
{
	int i;

	for (i = 0; i < 30; i++) {
		char w[32];
		snprintf(w, sizeof w, "zulu%d.", i);
		zulu[i] = strdup(w);
		snprintf(w, sizeof w, "yankee%d", i);
		yankee[i] = strdup(w);
	}
	zulu[30] = yankee[30] = NULL;
}

static void free_words(char **w)
{
	int i;

	for (i = 0; w[i]; i++)
		free(w[i]);
}

static char *page_text(const char *path, int first, int last)
{
	char cmd[1200];

	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 -f %d -l %d '%s' -", first, last, path);
	return hs_squash(hs_run(cmd));
}

Test(pages, markers_put_quotes_in_the_notes_and_save_pages)
{
	char *dir = ts_tmpdir(), *zulu[31], *yankee[31], *boxes, *marks, *text;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int pages_b, notes_b, pages_m, notes_m, i;
	size_t len, seen;
	double min;

	body_words(zulu, yankee);
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_ENDNOTES;
	boxes = hs_render_pdf(m, &o, dir, "boxes.pdf", &len);
	o.notes = ARGMAP_NOTES_MARKERS;
	marks = hs_render_pdf(m, &o, dir, "markers.pdf", &len);
	{
		/* byte-stable, as every PDF */
		size_t l1, l2;
		char *again = hs_render_pdf(m, &o, dir, "again.pdf", &len);
		char *d1 = ts_read(marks, &l1), *d2 = ts_read(again, &l2);
		cr_expect(d1 && d2 && l1 == l2 && memcmp(d1, d2, l1) == 0, "two renders differ");
		free(d1);
		free(d2);
		free(again);
	}
	pages_b = hs_pages_of(boxes);
	pages_m = hs_pages_of(marks);
	notes_b = hs_page_with(boxes, pages_b, "Notes");
	notes_m = hs_page_with(marks, pages_m, "Notes");
	cr_assert(notes_b > 1 && notes_m > 1, "notes on p. %d and %d", notes_b, notes_m);
	/* without the quote boxes the map needs fewer pages */
	cr_expect_lt(notes_m, notes_b, "markers: map on %d pages, boxes: %d", notes_m - 1,
	             notes_b - 1);
	/* the map pages: every claim, no quote, each claim's quote number */
	text = page_text(marks, 1, notes_m - 1);
	for (i = 0; zulu[i]; i++) {
		cr_expect(strstr(text, zulu[i]), "%s is on no map page", zulu[i]);
		cr_expect(!strstr(text, yankee[i]), "the quote %s is drawn", yankee[i]);
	}
	cr_expect_geq(rs_count(text, strlen(text), "quote ["), (size_t)30, "%s", text);
	free(text);
	/* every quote in full in the notes, which the title block opens */
	text = page_text(marks, notes_m, pages_m);
	for (i = 0; yankee[i]; i++)
		cr_expect(strstr(text, yankee[i]), "the quote %s is in no note", yankee[i]);
	cr_expect(strstr(text, "How to read this map"), "the legend is not before the notes");
	free(text);
	/* claims (12 pt in the boxes) stay at 8 pt or more */
	min = hs_smallest_word(marks, 1, notes_m - 1, (const char *const *)zulu, &seen);
	cr_expect(seen >= 30, "only %zu claim words", seen);
	cr_expect(min >= 8.0 * 1.15, "a claim word is %.2f pt high (under 8 pt text)", min);
	free_words(zulu);
	free_words(yankee);
	free(boxes);
	free(marks);
	argmap_map_free(m);
	free(dir);
}

/* A question that N claims answer, each claim a sentence with wordN. */
static argmap_map *flat_map(const char *dir, int n)
{
	am_buf body = {0};
	argmap_map *m;
	int i;

	am_buf_puts(&body, "<question id=\"q\"><text>Should the town close the old bridge to "
	                   "traffic this winter?</text></question>\n");
	for (i = 0; i < n; i++)
		am_buf_printf(
		    &body,
		    "<claim id=\"c%d\"><text>Reason number %d about the bridge and its "
		    "future, written long enough to wrap over lines word%d.</text></claim>\n"
		    "<answer from=\"c%d\" to=\"q\" stance=\"%s\"/>\n",
		    i, i, i, i, i % 2 ? "yes" : "no");
	m = rs_load_body(dir, "flat.xml", body.data, NULL);
	am_buf_free(&body);
	return m;
}

/* Pages filled in reading order and then balanced: no page is left with a
 * small remainder of the claims. */
Test(pages, pages_are_balanced)
{
	char *dir = ts_tmpdir(), *path;
	argmap_map *m;
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int pages, pg, i, least = 1000, most = 0, n = 13;
	size_t len;

	m = flat_map(dir, n);
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.title_block = 0;
	o.legend = 0;
	/* packed, the 13 claims share one page (pack_* below); balancing is
	 * about the fillings of one layout per page */
	am_render_no_pack = 1;
	path = hs_render_pdf(m, &o, dir, "flat.pdf", &len);
	am_render_no_pack = 0;
	pages = hs_pages_of(path);
	cr_assert(pages >= 2, "%d pages", pages);
	for (pg = 1; pg <= pages; pg++) {
		char *t = page_text(path, pg, pg);
		int k = 0;
		for (i = 0; i < n; i++) {
			char w[32];
			snprintf(w, sizeof w, "word%d.", i);
			k += strstr(t, w) != NULL;
		}
		if (k < least)
			least = k;
		if (k > most)
			most = k;
		free(t);
	}
	/* filled in reading order alone: 2 to 4 claims a page (measured) */
	cr_expect(least >= 1 && most <= least + 1, "claims per page from %d to %d on %d pages",
	          least, most, pages);
	free(path);
	argmap_map_free(m);
	free(dir);
}

Test(pages, a_bookmark_per_page)
{
	char *dir = ts_tmpdir(), *path, *pdf;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int pages, notes, pg;
	size_t len, plen;

	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_ENDNOTES;
	o.title = "Bridge safety";
	path = hs_render_pdf(m, &o, dir, "marks.pdf", &len);
	pages = hs_pages_of(path);
	notes = hs_page_with(path, pages, "Notes");
	cr_assert(notes > 2, "notes on p. %d", notes);
	/* cairo writes the outline uncompressed: one entry per map page (the
	 * first named after the title), then the notes */
	pdf = ts_read(path, &plen);
	cr_assert(pdf);
	cr_expect(rs_count(pdf, plen, "/Type /Outlines"), "no outline");
	cr_expect_eq(rs_count(pdf, plen, "/Title (Bridge safety)"), (size_t)2,
	             "the title is the first bookmark and the document's");
	for (pg = 2; pg < notes; pg++) {
		char want[32];
		snprintf(want, sizeof want, "/Title (p. %d)", pg);
		cr_expect_eq(rs_count(pdf, plen, want), (size_t)1, "no bookmark %s", want);
	}
	cr_expect_eq(rs_count(pdf, plen, "/Title (p. "), (size_t)(notes - 2),
	             "a bookmark for a page that is not a map page");
	cr_expect_eq(rs_count(pdf, plen, "/Title (Notes and sources)"), (size_t)1);
	free(pdf);
	free(path);
	argmap_map_free(m);
	free(dir);
}

/* The pixel width and height of a PNG (its IHDR chunk). */
static void png_size(const char *data, size_t len, unsigned *w, unsigned *h)
{
	const unsigned char *p = (const unsigned char *)data;

	cr_assert(len > 24 && memcmp(p + 1, "PNG", 3) == 0, "not a PNG");
	*w = (unsigned)p[16] << 24 | (unsigned)p[17] << 16 | (unsigned)p[18] << 8 | p[19];
	*h = (unsigned)p[20] << 24 | (unsigned)p[21] << 16 | (unsigned)p[22] << 8 | p[23];
}

Test(pages, png_pixels_scale_with_dpi)
{
	argmap_map *m = rs_load(RS_DATA("basic.xml"));
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	unsigned w96, h96, w192, h192, w48, h48;
	size_t len;
	char *png;

	o.format = ARGMAP_RENDER_PNG;
	png = rs_render_ok(m, &o, &len); /* the default is 96 */
	png_size(png, len, &w96, &h96);
	free(png);
	o.dpi = 192;
	png = rs_render_ok(m, &o, &len);
	png_size(png, len, &w192, &h192);
	free(png);
	o.dpi = 48;
	png = rs_render_ok(m, &o, &len);
	png_size(png, len, &w48, &h48);
	free(png);
	cr_expect(w192 >= 2 * w96 - 4 && w192 <= 2 * w96 + 4, "%u px at 192 dpi, %u at 96", w192,
	          w96);
	cr_expect(h192 >= 2 * h96 - 4 && h192 <= 2 * h96 + 4, "%u px at 192 dpi, %u at 96", h192,
	          h96);
	cr_expect(w48 * 2 >= w96 - 4 && w48 * 2 <= w96 + 4, "%u px at 48 dpi, %u at 96", w48, w96);
	cr_expect(h48 > 0);
	/* and on a page: A4 at 150 dpi is at most 1240 x 1754 pixels */
	o.page = ARGMAP_PAGE_A4;
	o.dpi = 150;
	png = rs_render_ok(m, &o, &len);
	png_size(png, len, &w96, &h96);
	cr_expect(w96 <= 1241 && h96 <= 1755 && (w96 > 1100 || h96 > 1600),
	          "A4 at 150 dpi is %u x %u px", w96, h96);
	free(png);
	argmap_map_free(m);
}

/* AM714's hint for a view too big for one page: what would fit, and only
 * options not used yet. */
Test(pages, am714_hint_fits_the_case)
{
	char *dir = ts_tmpdir(), *pdf;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = NULL;
	const argmap_diag *w;
	const char *hint;
	size_t len;
	int rc;

	o.format = ARGMAP_RENDER_PDF;
	o.page = ARGMAP_PAGE_A4;
	o.focus = "q";
	o.depth = 3;
	o.hide_evidence = 1;
	pdf = rs_render(m, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	free(pdf);
	w = ts_find(d, "AM714");
	cr_assert(w && w->hint, "no AM714 with a hint:\n%s", ts_dump(d));
	hint = w->hint;
	cr_expect(strstr(hint, "pages at 8 pt with --pages (tried"),
	          "the hint says no page count found by trying: %s", hint);
	/* the count is --pages' own: the same number of pages, no estimate
	 * (before: "by its area alone (an estimate, no layout tried)") */
	cr_expect(!strstr(hint, "estimate"), "%s", hint);
	{
		const char *at = strstr(hint, "it needs ");
		int said = at ? atoi(at + 9) : 0, pages;
		char *path;
		cr_assert(said >= 2, "no count in %s", hint);
		o.pages = 1;
		path = hs_render_pdf(m, &o, dir, "est.pdf", &len);
		pages = hs_pages_of(path);
		cr_expect_eq(said, pages, "the hint says %d pages, --pages takes %d", said, pages);
		o.pages = 0;
		free(path);
	}
	cr_expect(strstr(hint, "--depth 2"), "the hint does not offer a smaller depth: %s", hint);
	cr_expect(!strstr(hint, "--focus"), "the hint suggests --focus, already used: %s", hint);
	cr_expect(!strstr(hint, "--hide evidence"), "the hint suggests --hide evidence: %s", hint);
	cr_expect(!strstr(hint, "--notes markers"), "markers with no evidence drawn: %s", hint);
	argmap_diags_free(d);
	/* the whole map: a part of it, and the quotes as numbers */
	o.focus = NULL;
	o.hide_evidence = 0;
	pdf = rs_render(m, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	free(pdf);
	w = ts_find(d, "AM714");
	cr_assert(w && w->hint);
	cr_expect(strstr(w->hint, "--focus ID") && strstr(w->hint, "--hide evidence") &&
	              strstr(w->hint, "--notes markers"),
	          "%s", w->hint);
	argmap_diags_free(d);
	argmap_map_free(m);
	free(dir);
}

Test(pages, formats_without_pages_say_so)
{
	const char *svg_pages[] = {
	    "render", "--pages", "-T", "svg", "-o", "-", RS_DATA("basic.xml"), NULL};
	const char *png_notes[] = {
	    "render", "--notes", "markers", "-T", "png", "-o", "-", RS_DATA("basic.xml"), NULL};
	char *out = NULL, *err = NULL;

	cr_expect_eq(ts_run_cli(svg_pages, &out, &err, 30), 2);
	cr_expect(strstr(err, "--pages") && strstr(err, "-T pdf") && strstr(err, "pdftoppm"), "%s",
	          err);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(png_notes, &out, &err, 30), 2);
	cr_expect(strstr(err, "--notes") && strstr(err, "-T pdf"), "%s", err);
	free(out);
	free(err);
}

/* Hundreds of trial layouts in one renderer: before gv_cmark.c, dot's
 * mark counter wrapped during this handout and the renderer crashed
 * (SIGSEGV in decompose, AM703). */
Test(pages, many_layouts_in_one_process)
{
	argmap_map *m = rs_load(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/cnn.xml");
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	const char *who[] = {"lister"};
	char *pdf;
	size_t len;

	o.format = ARGMAP_RENDER_PDF;
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.pages = 1; /* upright A4: the setting that met the wrap (measured) */
	o.notes = ARGMAP_NOTES_MARKERS;
	o.hide_ids = 1;
	o.actors = who;
	o.n_actors = 1;
	pdf = rs_render_ok(m, &o, &len);
	cr_expect(len > 1000 && memcmp(pdf, "%PDF", 4) == 0);
	free(pdf);
	argmap_map_free(m);
}

/* Every word of every page (the map, its stubs, the chrome, the legend and
 * the notes) is at --min-text or more, with quotes as markers (whose
 * small labels were 5.3 pt) and drawn in boxes. */
Test(pages, no_word_below_the_minimum_on_any_page)
{
	char *dir = ts_tmpdir(), *path;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int mode;
	size_t len;

	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	for (mode = 0; mode < 2; mode++) {
		int pages;
		double min;
		o.notes = mode ? ARGMAP_NOTES_MARKERS : ARGMAP_NOTES_ENDNOTES;
		path = hs_render_pdf(m, &o, dir, mode ? "m.pdf" : "e.pdf", &len);
		pages = hs_pages_of(path);
		cr_assert(pages >= 3, "%d pages", pages);
		/* 8 pt DejaVu Sans is 9.3 pt from descent to ascent */
		min = hs_smallest_any(path, 1, pages);
		cr_expect(min >= 8.0 * 1.15, "%s: a word is %.2f pt high (%.1f pt text)",
		          mode ? "markers" : "endnotes", min, min / 1.164);
		free(path);
	}
	argmap_map_free(m);
	free(dir);
}

/* The legend explains what the pages draw: with --notes markers no
 * evidence box is drawn, so the legend has none, and it says what the
 * markers are (a box's note, its quotes' notes); with boxes it has. */
Test(pages, the_legend_shows_only_what_is_drawn)
{
	char *dir = ts_tmpdir(), *path, *text;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	int mode;
	size_t len;

	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	for (mode = 0; mode < 2; mode++) {
		int pages;
		o.notes = mode ? ARGMAP_NOTES_MARKERS : ARGMAP_NOTES_ENDNOTES;
		path = hs_render_pdf(m, &o, dir, mode ? "m.pdf" : "e.pdf", &len);
		pages = hs_pages_of(path);
		text = page_text(path, 1, pages);
		cr_assert(strstr(text, "How to read this map"), "no legend");
		if (mode) {
			cr_expect(!strstr(text, "Evidence: a quotation"),
			          "markers: evidence in the legend");
			/* a box's [n] is its note there, and claims carry no
			 * source numbers */
			cr_expect(strstr(text, "[n] its note"), "markers: [n] not explained");
			cr_expect(strstr(text, "quote [n]"),
			          "markers: quote numbers not explained");
			cr_expect(!strstr(text, "[n] source"),
			          "markers: the legend says [n] source");
		} else {
			cr_expect(strstr(text, "Evidence: a quotation"),
			          "boxes: no evidence in the legend");
			cr_expect(strstr(text, "[n] source"), "boxes: [n] source missing");
		}
		/* the map has supports and answers, no rebuttal, no undercut */
		cr_expect(strstr(text, "supports the claim it points at"), "no support item");
		cr_expect(!strstr(text, "rebuts: says the claim is false"), "a rebuttal item");
		cr_expect(!strstr(text, "undercuts: denies"), "an undercut item");
		free(text);
		free(path);
	}
	argmap_map_free(m);
	free(dir);
}

/* --labels titles: a titled claim's box says its title, not its text; its
 * note gives the title, then the whole text, so nothing is lost; a claim
 * without a title keeps its text; the legend says what the box is; the
 * SVG keeps the text in the tooltip; --labels text ignores titles. */
Test(pages, titles_label_the_boxes_and_the_notes_keep_the_text)
{
	static const char body[] =
	    "  <source id=\"s\" kind=\"article\" url=\"https://example.org/a\" "
	    "date=\"2026-01-01\"><title>An article</title></source>\n"
	    "  <actor id=\"a\" kind=\"person\" name=\"Ann Author\"/>\n"
	    "  <question id=\"q\" source=\"s\"><text>Should the town close the bridge?</text>"
	    "</question>\n"
	    "  <claim id=\"c\" by=\"a\" source=\"s\"><title>Close the bridge to cars</title>"
	    "<text>The town should shut the old bridge to motor traffic, as its xylophone "
	    "deck is failing.</text></claim>\n"
	    "  <claim id=\"d\" by=\"a\" source=\"s\"><text>Repairs would cost more than a "
	    "marimba footbridge.</text></claim>\n"
	    "  <evidence id=\"e\" source=\"s\" speaker=\"a\"><quote>The deck is failing."
	    "</quote></evidence>\n"
	    "  <support from=\"e\" to=\"c\"/>\n  <support from=\"d\" to=\"c\"/>\n"
	    "  <answer from=\"c\" to=\"q\" stance=\"yes\"/>\n";
	char *dir = ts_tmpdir(), *path, *map_page, *notes, *svg;
	argmap_map *m = rs_load_body(dir, "t.xml", body, NULL);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	int pages, at;

	cr_assert(m);
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_MARKERS;
	o.hide_ids = 1;
	o.labels = ARGMAP_LABELS_TITLES;
	path = hs_render_pdf(m, &o, dir, "titles.pdf", &len);
	pages = hs_pages_of(path);
	at = hs_page_with(path, pages, "Notes");
	cr_assert(at > 1, "no notes page");
	map_page = page_text(path, 1, at - 1);
	notes = page_text(path, at, pages);
	cr_expect(strstr(map_page, "Close the bridge to cars"), "%s", map_page);
	cr_expect(!strstr(map_page, "xylophone"), "the text is in the box: %s", map_page);
	cr_expect(strstr(map_page, "marimba"), "an untitled claim lost its text: %s", map_page);
	cr_expect(strstr(notes, "Close the bridge to cars. The town should shut the old bridge to "
	                        "motor traffic, as its xylophone deck is failing."),
	          "the note lacks the title or the text: %s", notes);
	cr_expect(strstr(notes, "Claim in short"), "the legend does not say: %s", notes);
	free(map_page);
	free(notes);
	free(path);

	o.labels = ARGMAP_LABELS_TEXT;
	path = hs_render_pdf(m, &o, dir, "text.pdf", &len);
	map_page = page_text(path, 1, 1);
	cr_expect(strstr(map_page, "xylophone"), "--labels text: %s", map_page);
	cr_expect(!strstr(map_page, "Close the bridge to cars"), "--labels text: %s", map_page);
	free(map_page);
	free(path);

	o = (argmap_render_options)ARGMAP_RENDER_OPTIONS_INIT;
	o.labels = ARGMAP_LABELS_TITLES;
	svg = rs_render_ok(m, &o, &len);
	cr_expect(rs_count(svg, len, "Close the bridge to cars") >= 1, "no title in the SVG");
	cr_expect(rs_count(svg, len, "xylophone") >= 1, "the SVG lost the text");
	free(svg);
	argmap_map_free(m);
	ts_rmtree(dir);
	free(dir);
}

/* The bundled handout of Tara Varma: its reading order leaves a claim or
 * two for a third map page, which merge_last puts on an earlier page that
 * has room; with the merge off (the test hook) the map takes one page more.
 * No word of it, notes and legend included, is under 8 pt. */
Test(pages, a_small_last_page_joins_an_earlier_one)
{
	char *dir = ts_tmpdir(), *with, *without;
	argmap_map *m = rs_load(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/carnegie.xml");
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	const char *varma[] = {"varma"};
	size_t len;
	int p_with, p_without;
	double min;

	cr_assert(m);
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_MARKERS;
	o.hide_ids = 1;
	o.actors = varma;
	o.n_actors = 1;
	/* packed, Varma's view takes one page: the merge is seen without */
	am_render_no_pack = 1;
	with = hs_render_pdf(m, &o, dir, "with.pdf", &len);
	am_render_no_merge = 1;
	without = hs_render_pdf(m, &o, dir, "without.pdf", &len);
	am_render_no_merge = 0;
	am_render_no_pack = 0;
	p_with = hs_page_with(with, hs_pages_of(with), "Notes");
	p_without = hs_page_with(without, hs_pages_of(without), "Notes");
	cr_expect_eq(p_with + 1, p_without, "map pages: %d merged, %d without the merge",
	             p_with - 1, p_without - 1);
	min = hs_smallest_any(with, 1, hs_pages_of(with));
	cr_expect(min >= 8.0 * 1.15, "a word is %.2f pt high (%.1f pt text)", min, min / 1.164);
	free(with);
	free(without);
	argmap_map_free(m);
	free(dir);
}

/* The bundled Tim Lister handout (the CNN author, over several pages):
 * every word at 8 pt or more, at most 9 map pages (15 before the stubs
 * went into the boxes; 8 now), and about 230 dot layouts for two fillings
 * (plain and stacked; 432 before for one: balancing, four more partitions,
 * now runs only when the last page holds under half the mean). */
Test(pages, the_lister_handout_fills_its_pages_cheaply)
{
	char *dir = ts_tmpdir(), *path;
	argmap_map *m = rs_load(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/cnn.xml");
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	const char *lister[] = {"lister"};
	size_t len;
	int notes;
	double min;

	cr_assert(m);
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_MARKERS;
	o.hide_ids = 1;
	o.actors = lister;
	o.n_actors = 1;
	o.in_process = 1;
	am_render_page_layouts = 0;
	path = hs_render_pdf(m, &o, dir, "lister.pdf", &len);
	/* three fillings since the packed one (gv_pages_pack.c): 464 */
	cr_expect(am_render_page_layouts > 0 && am_render_page_layouts <= 520, "%zu layouts",
	          am_render_page_layouts);
	notes = hs_page_with(path, hs_pages_of(path), "Notes");
	/* 15 map pages before the stubs moved into the boxes */
	cr_expect(notes > 2 && notes - 1 <= 9, "%d map pages", notes - 1);
	min = hs_smallest_any(path, 1, hs_pages_of(path));
	cr_expect(min >= 8.0 * 1.15, "a word is %.2f pt high (%.1f pt text)", min, min / 1.164);
	free(path);
	argmap_map_free(m);
	free(dir);
}

/* Bundled experts' handouts that fit one page as .ci/render-maps draws
 * them (markers, --labels titles; 3 of 8 Carnegie experts fitted before
 * titles): one map page before the notes, packed, and no word of it, notes
 * and legend included, under 8 pt. */
Test(pages, one_expert_handout_is_one_map_page_at_8_pt)
{
	char *dir = ts_tmpdir();
	argmap_map *m = rs_load(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/carnegie.xml");
	const char *ids[] = {"varma", "shapiro", "carafano", "magierowski", "wertheim", "bergmann",
	                     "gady"};
	size_t k;

	cr_assert(m);
	for (k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
		char name[32];
		char *path;
		size_t len;
		int notes;
		double min;
		o.theme = ARGMAP_THEME_PRINT;
		o.page = ARGMAP_PAGE_A4;
		o.landscape = 1;
		o.pages = 1;
		o.notes = ARGMAP_NOTES_MARKERS;
		o.hide_ids = 1;
		o.labels = ARGMAP_LABELS_TITLES;
		o.actors = &ids[k];
		o.n_actors = 1;
		snprintf(name, sizeof name, "%s.pdf", ids[k]);
		path = hs_render_pdf(m, &o, dir, name, &len);
		notes = hs_page_with(path, hs_pages_of(path), "Notes");
		cr_expect_eq(notes, 2, "%s: %d map pages", ids[k], notes - 1);
		min = hs_smallest_any(path, 1, hs_pages_of(path));
		cr_expect(min >= 8.0 * 1.15, "%s: a word is %.2f pt high (%.1f pt text)", ids[k],
		          min, min / 1.164);
		free(path);
	}
	argmap_map_free(m);
	free(dir);
}

/*
 * Handouts (issue 14): --actor views, `argmap list`, and PDFs read back
 * with poppler: page count and size, no body-text word below the minimum
 * size, every quote, note and source in the text layer, links and
 * metadata, grayscale pixels, byte-stable bytes.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/view.h"
#include "util/buf.h"
#include "handout_support.h"
#include "render_support.h"

static argmap_map *map;

static void setup(void)
{
	map = rs_load(RS_DATA("basic.xml"));
}

static void teardown(void)
{
	argmap_map_free(map);
}

TestSuite(handout, .init = setup, .fini = teardown, .timeout = 240 * TS_SLOW);

/* ------------------------------------------------------------ helpers */

/* The ids of the drawn nodes, space-separated, in map order. */
static char *shown_of(const argmap_map *m, const am_view *v)
{
	am_buf b = {0};
	size_t i;

	for (i = 0; i < v->n_nodes && i < argmap_map_node_count(m); i++)
		if (v->node_on[i])
			am_buf_printf(&b, "%s%s", b.len ? " " : "", argmap_map_node(m, i)->id);
	am_buf_putc(&b, '\0');
	return am_buf_detach(&b);
}

static char *actor_view(const char *const *actors, size_t n, const char *focus, int *rc,
                        argmap_diags **d)
{
	am_view v;
	am_view_options o;
	char *s = NULL;

	memset(&o, 0, sizeof o);
	o.actors = actors;
	o.n_actors = n;
	o.focus = focus;
	o.depth = 1;
	*d = argmap_diags_new();
	*rc = am_view_build(&v, map, &o, *d, "basic.xml");
	if (*rc == 0) {
		s = shown_of(map, &v);
		am_view_free(&v);
	}
	return s;
}

/* ------------------------------------------------------------ --actor */

Test(handout, actor_selects_what_it_holds_says_and_what_answers_it)
{
	const char *traders[] = {"traders"}, *council[] = {"council"};
	const char *both[] = {"traders", "council"};
	argmap_diags *d;
	int rc;
	char *s;

	/* c-no and c-elsewhere are the traders'; c-no answers q, c-walkers
	 * rebuts c-no, c-elsewhere undercuts s-unsafe (c-unsafe -> c-yes) */
	s = actor_view(traders, 1, NULL, &rc, &d);
	cr_assert_eq(rc, 0, "%s", ts_dump(d));
	cr_expect_str_eq(s, "q c-yes c-no c-unsafe c-walkers c-elsewhere");
	free(s);
	argmap_diags_free(d);
	/* the council's quotes (speaker) count as its own */
	s = actor_view(council, 1, NULL, &rc, &d);
	cr_assert_eq(rc, 0);
	cr_expect_str_eq(s, "q c-no c-later c-speed c-walkers e-count e-survey");
	free(s);
	argmap_diags_free(d);
	/* two actors: the union; with --focus: the union with the focus view */
	s = actor_view(both, 2, NULL, &rc, &d);
	cr_assert_eq(rc, 0);
	/* c-crowds: a linked reason is never drawn in part (c-speed is shown) */
	cr_expect_str_eq(s, "q c-yes c-no c-later c-unsafe c-crowds c-speed c-walkers c-elsewhere "
	                    "e-count e-survey");
	free(s);
	argmap_diags_free(d);
	s = actor_view(traders, 1, "c-crowds", &rc, &d);
	cr_assert_eq(rc, 0);
	cr_expect(strstr(s, "c-crowds") && strstr(s, "c-elsewhere"), "%s", s);
	free(s);
	argmap_diags_free(d);
}

Test(handout, unknown_actor_is_AM715_with_a_suggestion)
{
	const char *bad[] = {"trader"};
	argmap_diags *d;
	int rc;
	char *s = actor_view(bad, 1, NULL, &rc, &d);
	const argmap_diag *g;

	cr_expect_null(s);
	cr_expect_eq(rc, ARGMAP_EINVALID);
	cr_assert_eq(argmap_diags_count(d), 1);
	g = argmap_diags_get(d, 0);
	cr_expect_str_eq(g->code, "AM715");
	cr_expect(g->hint && strstr(g->hint, "did you mean 'traders'"), "%s", g->hint);
	argmap_diags_free(d);
}

Test(handout, actor_holding_nothing_is_AM715)
{
	char *dir = ts_tmpdir();
	argmap_map *m = rs_load_body(dir, "idle.xml",
	                             "<actor id=\"idle\" kind=\"person\" name=\"Idle\"/>\n"
	                             "<actor id=\"busy\" kind=\"person\" name=\"Busy\"/>\n"
	                             "<question id=\"q\"><text>Q?</text></question>\n"
	                             "<claim id=\"c\" by=\"busy\"><text>C.</text></claim>\n"
	                             "<answer from=\"c\" to=\"q\" stance=\"yes\"/>\n",
	                             NULL);
	const char *idle[] = {"idle"};
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = NULL;
	int rc;
	char *out;
	size_t len;

	o.actors = idle;
	o.n_actors = 1;
	out = rs_render(m, &o, &len, &rc, &d);
	cr_expect_null(out);
	cr_expect_eq(rc, ARGMAP_EINVALID);
	cr_expect(rs_message(d, "AM715") && strstr(rs_message(d, "AM715"), "holds no claim"));
	argmap_diags_free(d);
	argmap_map_free(m);
	free(dir);
}

/* ------------------------------------------------------------ PDF */

Test(handout, pdf_metadata_links_notes_and_sources)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir = ts_tmpdir(), *path, cmd[1200], *info, *text, *raw;
	size_t len, rlen, i, n = argmap_map_node_count(map);

	o.notes = ARGMAP_NOTES_ENDNOTES;
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.title = "Week 3: Main Street";
	path = hs_render_pdf(map, &o, dir, "notes.pdf", &len);
	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
	info = hs_run(cmd);
	cr_expect(strstr(info, "Title:           Week 3: Main Street"), "%s", info);
	cr_expect(strstr(info, "Author:          Test Editor"), "%s", info);
	cr_expect(strstr(info, "Subject:         A small test debate"), "%s", info);
	/* the map's date, never the clock */
	cr_expect(strstr(info, "CreationDate:    Thu Jan 15 00:00:00 2026"), "%s", info);
	cr_expect(strstr(info, "Page size:       595.276 x 841.89 pts (A4)"), "%s", info);
	cr_expect(hs_pages_of(path) >= 2, "the endnotes come after the map");
	free(info);
	/* every quote, note and source is in the text layer */
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
	text = hs_squash(hs_run(cmd));
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(map, i);
		cr_expect(strstr(text, nd->text), "%s's text is not in the PDF", nd->id);
		if (nd->note)
			cr_expect(strstr(text, nd->note), "%s's note is not in the PDF", nd->id);
	}
	for (i = 0; i < argmap_map_source_count(map); i++)
		cr_expect(strstr(text, argmap_map_source(map, i)->title), "source %zu missing", i);
	cr_expect(strstr(text, "https://example.org/report?a=1&b=%272%27"), "URL missing:\n%s",
	          text);
	cr_expect(strstr(text, "Notes") && strstr(text, "Sources"));
	free(text);
	/* clickable: a link annotation to the source, over the evidence and
	 * in the bibliography */
	raw = ts_read(path, &rlen);
	cr_expect(rs_count(raw, rlen, "/URI (https://example.org/report?a=1&b=%272%27)") >= 3,
	          "links missing");
	cr_expect(rs_count(raw, rlen, "/Outlines") >= 1, "no bookmarks");
	free(raw);
	free(path);
	free(dir);
}

Test(handout, pdf_is_byte_stable)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *a, *b;
	size_t la, lb;

	o.format = ARGMAP_RENDER_PDF;
	o.pages = 1;
	o.page = ARGMAP_PAGE_A4;
	o.notes = ARGMAP_NOTES_ENDNOTES;
	a = rs_render_ok(map, &o, &la);
	b = rs_render_ok(map, &o, &lb);
	cr_assert_eq(la, lb);
	cr_expect(memcmp(a, b, la) == 0, "two renders differ");
	free(a);
	free(b);
}

Test(handout, pages_keep_body_text_at_the_minimum)
{
	char *dir = ts_tmpdir(), *path, *one, *words[64];
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len, seen, k = 0;
	int pages, notes, i;
	double min;

	/* the body words: "zuluN" in claims, "yankeeN" in quotes */
	for (i = 0; i < 30; i++) {
		char w[32];
		snprintf(w, sizeof w, "zulu%d.", i);
		words[k++] = strdup(w);
		snprintf(w, sizeof w, "yankee%d", i);
		words[k++] = strdup(w);
	}
	words[k] = NULL;
	o.theme = ARGMAP_THEME_PRINT;
	o.page = ARGMAP_PAGE_A4;
	o.landscape = 1;
	o.pages = 1;
	o.notes = ARGMAP_NOTES_ENDNOTES;
	path = hs_render_pdf(m, &o, dir, "pages.pdf", &len);
	pages = hs_pages_of(path);
	notes = hs_page_with(path, pages, "Notes");
	cr_assert(pages >= 3 && notes > 2, "%d pages, notes on %d", pages, notes);
	/* 8 pt DejaVu Sans is 9.3 pt from descent to ascent in poppler's boxes */
	min = hs_smallest_word(path, 1, notes - 1, (const char *const *)words, &seen);
	cr_expect(seen >= 60, "only %zu body words on the map pages", seen);
	cr_expect(min >= 8.0 * 1.15, "a body word is %.2f pt high (under 8 pt text)", min);
	{
		char cmd[1200], *info;
		snprintf(cmd, sizeof cmd, "pdfinfo -f 1 -l %d '%s'", pages, path);
		info = hs_run(cmd);
		cr_expect_eq(rs_count(info, strlen(info), "841.89 x 595.276 pts"), (size_t)pages,
		             "every page A4 landscape:\n%s", info);
		free(info);
	}
	/* the same check fails on one page, where the map is shrunk */
	o.pages = 0;
	one = hs_render_pdf(m, &o, dir, "one.pdf", &len);
	min = hs_smallest_word(one, 1, 1, (const char *const *)words, &seen);
	cr_expect(seen >= 60 && min < 8.0 * 1.15, "one page: %.2f pt", min);
	/* every claim and quote is on the pages */
	{
		char cmd[1200], *text;
		snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l %d '%s' -", notes - 1, path);
		text = hs_run(cmd);
		for (i = 0; words[i]; i++)
			cr_expect(strstr(text, words[i]), "%s is on no map page", words[i]);
		cr_expect(strstr(text, ", p. "), "no \"continued\" stub");
		free(text);
	}
	for (i = 0; words[i]; i++)
		free(words[i]);
	free(path);
	free(one);
	argmap_map_free(m);
	free(dir);
}

Test(handout, actor_pages_hold_every_claim_and_quote_of_the_actor)
{
	char *dir = ts_tmpdir(), *path, cmd[1200], *text;
	argmap_map *m = hs_big_map(dir);
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	const char *bob[] = {"b"};
	size_t len, i, n = argmap_map_node_count(m);

	o.theme = ARGMAP_THEME_PRINT;
	o.pages = 1;
	o.page = ARGMAP_PAGE_A4;
	o.actors = bob;
	o.n_actors = 1;
	o.hide_ids = 1;
	path = hs_render_pdf(m, &o, dir, "bob.pdf", &len);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
	text = hs_squash(hs_run(cmd));
	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(m, i);
		int mine = (nd->n_by && !strcmp(nd->by[0].id, "b")) ||
		           (nd->speaker && !strcmp(nd->speaker->id, "b"));
		if (mine)
			cr_expect(strstr(text, nd->text), "%s of Bob's is missing", nd->id);
	}
	cr_expect(strstr(text, "Bob Baker\xE2\x80\x99s answer"), "the note names Bob");
	cr_expect(!strstr(text, "c10 "), "--no-ids left an id");
	free(text);
	free(path);
	argmap_map_free(m);
	free(dir);
}

/* 1 if every pixel of the PPM files dir/px-*.ppm is gray (r = g = b, give
 * or take 2 for antialiasing). */
static int all_gray(const char *dir, int pages)
{
	int pg;

	for (pg = 1; pg <= pages; pg++) {
		char name[1200];
		size_t len, i, start;
		char *ppm;
		int w, h, maxv, off = 0;
		snprintf(name, sizeof name, "%s/px-%0*d.ppm", dir, pages >= 10 ? 2 : 1, pg);
		ppm = ts_read(name, &len);
		cr_assert(ppm, "no %s", name);
		cr_assert(sscanf(ppm, "P6 %d %d %d%n", &w, &h, &maxv, &off) == 3);
		start = (size_t)off + 1;
		for (i = start; i + 2 < len; i += 3) {
			int r = (unsigned char)ppm[i], g = (unsigned char)ppm[i + 1],
			    b = (unsigned char)ppm[i + 2];
			if (abs(r - g) > 2 || abs(g - b) > 2 || abs(r - b) > 2) {
				free(ppm);
				return 0;
			}
		}
		free(ppm);
	}
	return 1;
}

Test(handout, print_theme_pages_have_no_colour)
{
	char *dir = ts_tmpdir(), *path, cmd[1400];
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	int pages;

	o.pages = 1;
	o.page = ARGMAP_PAGE_A4;
	o.notes = ARGMAP_NOTES_ENDNOTES;
	o.theme = ARGMAP_THEME_PRINT;
	path = hs_render_pdf(map, &o, dir, "gray.pdf", &len);
	pages = hs_pages_of(path);
	snprintf(cmd, sizeof cmd, "pdftoppm -r 40 '%s' '%s/px' && echo ok", path, dir);
	free(hs_run(cmd));
	cr_expect(all_gray(dir, pages), "a print-theme page has colour");
	free(path);
	/* the check can fail: the colour theme has colour */
	o.theme = ARGMAP_THEME_COLOR;
	path = hs_render_pdf(map, &o, dir, "colour.pdf", &len);
	snprintf(cmd, sizeof cmd, "pdftoppm -r 40 -f 1 -l 1 '%s' '%s/px' && echo ok", path, dir);
	free(hs_run(cmd));
	cr_expect(!all_gray(dir, 1), "the colour theme came out gray");
	free(path);
	free(dir);
}

/* ------------------------------------------------------------ argmap list */

Test(handout, list_actors_text_and_json)
{
	const char *text_args[] = {"list", "actors", RS_DATA("basic.xml"), NULL};
	const char *json_args[] = {"list",   "--format",           "json",
	                           "claims", RS_DATA("basic.xml"), NULL};
	const char *bad[] = {"list", "people", RS_DATA("basic.xml"), NULL};
	char *out = NULL, *err = NULL;
	json_error_t je;
	json_t *v;

	cr_assert_eq(ts_run_cli(text_args, &out, &err, 30), 0, "%s", err);
	cr_expect(strstr(out, "traders") && strstr(out, "Main Street traders") &&
	              strstr(out, "2 claims, 0 quotes"),
	          "%s", out);
	cr_expect(strstr(out, "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0"), "Cyrillic name lost");
	free(out);
	free(err);
	cr_assert_eq(ts_run_cli(json_args, &out, &err, 30), 0, "%s", err);
	v = json_loads(out, 0, &je);
	cr_assert(v && json_is_array(v), "not JSON: %s", out);
	/* the question and eight claims */
	cr_expect_eq(json_array_size(v), 9);
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(v, 0), "id")), "q");
	json_decref(v);
	free(out);
	free(err);
	cr_expect_eq(ts_run_cli(bad, &out, &err, 30), 2);
	cr_expect(strstr(err, "actors, claims, tags or sources"), "%s", err);
	free(out);
	free(err);
}

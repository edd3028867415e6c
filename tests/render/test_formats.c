/*
 * PDF, PNG and DOT come out readable and stable; themes, pages, legend and
 * title block do what they say.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"
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

TestSuite(formats, .init = setup, .fini = teardown, .timeout = 120 * TS_SLOW);

/* Runs a shell command, returns its stdout (caller frees) or NULL. */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	am_buf b = {0};
	char chunk[4096];
	size_t n;

	if (!p)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		am_buf_put(&b, chunk, n);
	if (pclose(p) != 0) {
		am_buf_free(&b);
		return NULL;
	}
	return am_buf_detach(&b);
}

static char *save(const char *dir, const char *name, const char *data, size_t len)
{
	return ts_write(dir, name, data, len);
}

Test(formats, pdf_is_readable_with_its_text)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	char *dir = ts_tmpdir(), *path, *text, cmd[1024];
	size_t len;
	char *pdf;

	o.format = ARGMAP_RENDER_PDF;
	pdf = rs_render_ok(map, &o, &len);
	cr_assert(len > 1000 && memcmp(pdf, "%PDF-", 5) == 0, "not a PDF");
	cr_expect(rs_count(pdf, len, "%%EOF") >= 1);
	path = save(dir, "basic.pdf", pdf, len);
	if (access("/usr/bin/pdftotext", X_OK) != 0) {
		cr_log_warn("pdftotext not installed: text extraction not checked");
	} else {
		snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
		text = run(cmd);
		cr_assert(text, "pdftotext failed");
		cr_expect(strstr(text, "Should the city close Main Street to cars?"), "title missing");
		cr_expect(strstr(text, "Main Street is unsafe for"), "claim text missing:\n%s", text);
		cr_expect(strstr(text, "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB0"), "Cyrillic lost");
		cr_expect(strstr(text, "How to read this map"), "legend missing");
		free(text);
	}
	if (access("/usr/bin/pdffonts", X_OK) == 0) {
		snprintf(cmd, sizeof cmd, "pdffonts '%s'", path);
		text = run(cmd);
		cr_assert(text);
		cr_expect(strstr(text, "DejaVuSans"), "the font is not DejaVu Sans:\n%s", text);
		cr_expect(!strstr(text, " no  "), "a font is not embedded:\n%s", text);
		free(text);
	}
	free(pdf);
	free(path);
	ts_rmtree(dir);
	free(dir);
}

Test(formats, png_is_a_png)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	const unsigned char *u;
	unsigned w, h;
	size_t len;
	char *png;

	o.format = ARGMAP_RENDER_PNG;
	png = rs_render_ok(map, &o, &len);
	u = (const unsigned char *)png;
	cr_assert(len > 1000 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0, "not a PNG");
	w = (unsigned)u[16] << 24 | (unsigned)u[17] << 16 | (unsigned)u[18] << 8 | u[19];
	h = (unsigned)u[20] << 24 | (unsigned)u[21] << 16 | (unsigned)u[22] << 8 | u[23];
	cr_expect(w > 600 && h > 400, "PNG is %ux%u", w, h);
	free(png);
}

Test(formats, every_format_is_byte_stable)
{
	argmap_render_format f;

	for (f = ARGMAP_RENDER_SVG; f <= ARGMAP_RENDER_DOT; f++) {
		argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
		size_t l1, l2;
		char *a, *b;
		o.format = f;
		a = rs_render_ok(map, &o, &l1);
		b = rs_render_ok(map, &o, &l2);
		cr_expect(l1 == l2 && memcmp(a, b, l1) == 0, "%s differs between two runs",
		          argmap_render_format_ext(f));
		free(a);
		free(b);
	}
}

/* memmem: PDFs hold NUL bytes */
static const char *find(const char *hay, size_t len, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

static void page_size(argmap_render_options *o, double *w, double *h)
{
	size_t len;
	char *pdf;
	const char *mb;

	o->format = ARGMAP_RENDER_PDF;
	pdf = rs_render_ok(map, o, &len);
	mb = find(pdf, len, "/MediaBox [");
	cr_assert(mb, "no MediaBox");
	cr_assert_eq(sscanf(mb, "/MediaBox [ 0 0 %lf %lf ]", w, h), 2, "%.40s", mb);
	free(pdf);
}

Test(formats, pages)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	double w, h;

	o.page = ARGMAP_PAGE_A4;
	page_size(&o, &w, &h);
	cr_expect(w >= 594 && w <= 596 && h >= 841 && h <= 843, "A4 is %gx%g", w, h);
	o.landscape = 1;
	page_size(&o, &w, &h);
	cr_expect(w >= 841 && w <= 843 && h >= 594 && h <= 596, "A4 landscape is %gx%g", w, h);
	o.page = ARGMAP_PAGE_LETTER;
	o.landscape = 0;
	page_size(&o, &w, &h);
	cr_expect(w >= 611 && w <= 613 && h >= 791 && h <= 793, "Letter is %gx%g", w, h);
	o.page = ARGMAP_PAGE_NONE;
	page_size(&o, &w, &h);
	cr_expect(w > 700, "without a page the drawing keeps its natural size (%gx%g)", w, h);
}

Test(formats, too_large_for_a_page_says_so)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_map *big = rs_load(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/carnegie.xml");
	argmap_diags *d = NULL;
	const argmap_diag *x;
	size_t len;
	int rc;
	char *pdf;

	o.format = ARGMAP_RENDER_PDF;
	o.page = ARGMAP_PAGE_A4;
	pdf = rs_render(big, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	x = ts_find(d, "AM714");
	cr_assert(x, "no AM714 for the whole Carnegie map on A4");
	cr_expect_eq(x->severity, ARGMAP_SEV_WARNING);
	cr_expect(x->hint && strstr(x->hint, "--focus"), "the hint suggests a view");
	cr_expect(find(pdf, len, "/MediaBox [ 0 0 595.27") != NULL &&
	              rs_count(pdf, len, "/MediaBox") == 1,
	          "still one A4 page");
	free(pdf);
	argmap_diags_free(d);
	/* a focused view fits legibly */
	o.focus = "cg-logan-no";
	o.depth = 1;
	o.landscape = 1;
	pdf = rs_render(big, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	cr_expect_eq(ts_count(d, "AM714"), 0, "a small view should fit A4 landscape");
	free(pdf);
	argmap_diags_free(d);
	argmap_map_free(big);
}

Test(formats, legend_and_title_block_can_be_turned_off)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	char *dot;

	o.format = ARGMAP_RENDER_DOT;
	dot = rs_render_ok(map, &o, &len);
	cr_expect(strstr(dot, "How to read this map"));
	cr_expect(strstr(dot, "Should the city close Main Street to cars?</B>"), "title block");
	cr_expect(strstr(dot, "[1] Main Street traffic report"), "sources in the title block");
	cr_expect(strstr(dot, "Map by Test Editor, dated 2026-01-15"), "map date");
	free(dot);
	o.legend = 0;
	dot = rs_render_ok(map, &o, &len);
	cr_expect(!strstr(dot, "How to read this map"));
	cr_expect(strstr(dot, "[1] Main Street traffic report"));
	free(dot);
	o.title_block = 0;
	dot = rs_render_ok(map, &o, &len);
	cr_expect(!strstr(dot, "[1] Main Street traffic report"));
	cr_expect(!strstr(dot, "Map by Test Editor"));
	/* without the list, nodes name their source instead of [1] */
	cr_expect(strstr(dot, "City Council, 2025-05-01"), "short citation without keys");
	free(dot);
}

Test(formats, print_theme_svg_has_no_colour)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	size_t len;
	char *svg, *p;

	o.theme = ARGMAP_THEME_PRINT;
	svg = rs_render_ok(map, &o, &len);
	for (p = svg; (p = strstr(p, "=\"#")) != NULL; p += 3) {
		unsigned r, g, b;
		if (sscanf(p, "=\"#%2x%2x%2x\"", &r, &g, &b) == 3)
			cr_expect(r == g && g == b, "colour #%02x%02x%02x in the print theme", r, g, b);
	}
	/* nodes and boxes are white: no toner-heavy areas (grays fill only
	 * arrowheads and text) */
	cr_expect(rs_count(svg, len, "<path fill=\"none\"") + rs_count(svg, len, "<path fill=\"white\"") >= 11,
	          "node backgrounds are not white");
	cr_expect_eq(rs_count(svg, len, "<path fill=\"#"), 0, "a node is filled");
	free(svg);
}

Test(formats, plugins_do_not_depend_on_graphviz_config)
{
	const char *formats[] = {"svg", "pdf", "png"};
	char *dir = ts_tmpdir(), out[512], *err = NULL;
	int k;

	for (k = 0; k < 3; k++) {
		const char *args[] = {"render", "-q", "-o", out, RS_DATA("basic.xml"), NULL};
		int rc;
		snprintf(out, sizeof out, "%s/b.%s", dir, formats[k]);
		rc = rs_run_cli_ex(args, &err, 60, -1, 0, "GVBINDIR=/nonexistent");
		cr_expect_eq(rc, 0, "%s with GVBINDIR=/nonexistent: %s", formats[k], err);
		cr_expect(access(out, R_OK) == 0);
		free(err);
	}
	ts_rmtree(dir);
	free(dir);
}

/* A PNG is at most 32,767 pixels a side: Graphviz shrinks a wider map and
 * says so in its own words ("(null): graph is too large for cairo-renderer
 * bitmaps..."); argmap says it in its own, with the scale and a way out. */
/* 200 questions side by side on the top rank: about 50,000 pt wide. */
static argmap_map *wide_map(const char *dir)
{
	am_buf body = {0};
	argmap_map *wide;
	size_t i;

	for (i = 0; i < 200; i++)
		am_buf_printf(&body, "<question id=\"q%zu\"><text>Is this question number %zu wide "
		                     "enough to matter?</text></question>\n", i, i);
	cr_assert(!body.failed);
	wide = rs_load_body(dir, "wide.xml", body.data, NULL);
	am_buf_free(&body);
	return wide;
}

Test(formats, png_too_wide_says_how_much_it_shrank)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = NULL;
	const argmap_diag *x;
	argmap_map *wide;
	char *dir = ts_tmpdir(), *png;
	size_t len;
	int rc;

	wide = wide_map(dir);
	o.format = ARGMAP_RENDER_PNG;
	png = rs_render(wide, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0, "a wide PNG is still drawn");
	cr_expect(len > 8 && !memcmp(png, "\x89PNG", 4));
	x = ts_find(d, "AM705");
	cr_assert(x, "no warning that the PNG was shrunk");
	cr_expect(strstr(x->message, "too large for a PNG image") && strstr(x->message, "scaled to"),
	          "message: %s", x->message);
	cr_expect(!strstr(x->message, "(null)"), "Graphviz's raw words leaked: %s", x->message);
	cr_expect(x->hint && strstr(x->hint, "SVG") && strstr(x->hint, "--focus"));
	free(png);
	argmap_diags_free(d);
	/* the same map as SVG: no limit, no warning */
	o.format = ARGMAP_RENDER_SVG;
	png = rs_render(wide, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	cr_expect_eq(ts_count(d, "AM705"), 0);
	free(png);
	argmap_diags_free(d);
	argmap_map_free(wide);
	ts_rmtree(dir);
	free(dir);
}

/* A map far too large for a page: the scale is worded with a decimal (not
 * "scaled to 0%"), and turning the page is not suggested when it would not
 * make the text legible either. */
Test(formats, far_too_large_for_a_page_words_it_plainly)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_diags *d = NULL;
	const argmap_diag *x;
	char *dir = ts_tmpdir(), *pdf;
	argmap_map *wide = wide_map(dir);
	size_t len;
	int rc;

	o.format = ARGMAP_RENDER_PDF;
	o.page = ARGMAP_PAGE_A4;
	pdf = rs_render(wide, &o, &len, &rc, &d);
	cr_assert_eq(rc, 0);
	x = ts_find(d, "AM714");
	cr_assert(x, "no AM714 for a 50,000 pt wide map on A4");
	/* about 75,000 pt wide on 527 pt: 0.7 % */
	cr_expect(strstr(x->message, "scaled to 0.") && !strstr(x->message, "scaled to 0%"),
	          "message: %s", x->message);
	cr_expect(!strstr(x->message, " 0.0 pt"), "message: %s", x->message);
	cr_expect(x->hint && !strstr(x->hint, "landscape") && strstr(x->hint, "--focus"),
	          "hint: %s", x->hint ? x->hint : "(none)");
	free(pdf);
	argmap_diags_free(d);
	argmap_map_free(wide);
	ts_rmtree(dir);
	free(dir);
}

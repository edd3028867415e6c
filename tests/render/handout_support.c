/*
 * handout_support.c - helpers of the handout tests (test_handout.c,
 * test_pages.c): shell commands, poppler read-backs, a map too big for one
 * page.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handout_support.h"
#include "render_support.h"
#include "util/buf.h"

char *hs_run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	am_buf b = {0};
	char chunk[4096];
	size_t n;

	cr_assert(p, "cannot run %s", cmd);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		am_buf_put(&b, chunk, n);
	cr_assert_eq(pclose(p), 0, "failed: %s", cmd);
	am_buf_putc(&b, '\0');
	return am_buf_detach(&b);
}

/* Text with every run of whitespace made one space. */
char *hs_squash(char *s)
{
	char *r = s, *w = s;
	int sp = 0;

	for (; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\f') {
			sp = 1;
			continue;
		}
		if (sp && w != s)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

char *hs_render_pdf(const argmap_map *m, argmap_render_options *o, const char *dir,
                    const char *name, size_t *len)
{
	char *pdf, *path;
	int rc;

	o->format = ARGMAP_RENDER_PDF;
	/* warnings allowed: AM714 says when one page is too small */
	pdf = rs_render(m, o, len, &rc, NULL);
	cr_assert_eq(rc, 0, "render failed: %s", argmap_error_last());
	path = ts_write(dir, name, pdf, *len);
	free(pdf);
	return path;
}

int hs_pages_of(const char *path)
{
	char cmd[1200], *info, *p;
	int n = -1;

	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
	info = hs_run(cmd);
	p = strstr(info, "Pages:");
	if (p)
		n = atoi(p + 6);
	free(info);
	return n;
}

/* The smallest height (points) of a word of pdftotext -bbox-layout on
 * pages first..last whose text is one of words[] (NULL-terminated), and
 * how many such words were seen. */
double hs_smallest_word(const char *path, int first, int last, const char *const *words,
                        size_t *seen)
{
	char cmd[1200], *xml, *p;
	double min = 1e9;

	snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d -bbox-layout '%s' -", first, last, path);
	xml = hs_run(cmd);
	*seen = 0;
	for (p = strstr(xml, "<word "); p; p = strstr(p + 1, "<word ")) {
		double y0, y1;
		char *gt = strchr(p, '>'), *end = gt ? strstr(gt, "</word>") : NULL;
		size_t k;
		const char *ym = strstr(p, "yMin=\""), *yM = strstr(p, "yMax=\"");
		if (!gt || !end || !ym || !yM || ym > gt || yM > gt)
			continue;
		y0 = atof(ym + 6);
		y1 = atof(yM + 6);
		for (k = 0; words[k]; k++)
			if ((size_t)(end - gt - 1) == strlen(words[k]) &&
			    memcmp(gt + 1, words[k], strlen(words[k])) == 0) {
				++*seen;
				if (y1 - y0 < min)
					min = y1 - y0;
			}
	}
	free(xml);
	return min;
}

double hs_smallest_any(const char *path, int first, int last)
{
	char cmd[1200], *xml, *p;
	double min = 1e9;

	snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d -bbox-layout '%s' -", first, last, path);
	xml = hs_run(cmd);
	for (p = strstr(xml, "<word "); p; p = strstr(p + 1, "<word ")) {
		const char *gt = strchr(p, '>'), *ym = strstr(p, "yMin=\""),
		           *yM = strstr(p, "yMax=\"");
		if (!gt || !ym || !yM || ym > gt || yM > gt)
			continue;
		if (atof(yM + 6) - atof(ym + 6) < min)
			min = atof(yM + 6) - atof(ym + 6);
	}
	free(xml);
	return min;
}

/* The first page whose text starts a section called `heading`, or -1. */
int hs_page_with(const char *path, int pages, const char *heading)
{
	char cmd[1200], *t;
	int pg;

	for (pg = 1; pg <= pages; pg++) {
		snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d '%s' -", pg, pg, path);
		t = hs_run(cmd);
		if (strstr(t, heading)) {
			free(t);
			return pg;
		}
		free(t);
	}
	return -1;
}

/* A map too big for one legible page: 30 claims, each with a quote. */
argmap_map *hs_big_map(const char *dir)
{
	am_buf body = {0};
	int i;
	argmap_map *m;

	am_buf_puts(&body, "<source id=\"s\" kind=\"report\" url=\"https://example.org/s\"><title>"
	                   "The report</title></source>\n"
	                   "<actor id=\"a\" kind=\"person\" name=\"Ann Author\"/>\n"
	                   "<actor id=\"b\" kind=\"person\" name=\"Bob Baker\"/>\n"
	                   "<question id=\"q\"><text>Is the bridge safe?</text></question>\n");
	for (i = 0; i < 30; i++) {
		am_buf_printf(&body,
		              "<claim id=\"c%d\" by=\"%s\" source=\"s\"><text>Claim number %d "
		              "says that the bridge needs inspection zulu%d.</text></claim>\n"
		              "<evidence id=\"e%d\" source=\"s\" speaker=\"%s\"><quote>Quote %d "
		              "from the report about yankee%d cracks.</quote></evidence>\n"
		              "<support from=\"e%d\" to=\"c%d\"/>\n",
		              i, i % 3 ? "a" : "b", i, i, i, i % 3 ? "a" : "b", i, i, i, i);
		if (i < 6)
			am_buf_printf(&body, "<answer from=\"c%d\" to=\"q\" stance=\"%s\"/>\n", i,
			              i % 2 ? "yes" : "no");
		else
			am_buf_printf(&body, "<support from=\"c%d\" to=\"c%d\"/>\n", i, i % 6);
	}
	m = rs_load_body(dir, "big.xml", body.data, NULL);
	am_buf_free(&body);
	return m;
}

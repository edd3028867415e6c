/*
 * html_svg.c - the drawing of the web view in pieces (export/html.h): a
 * browser that parses, lays out and paints a 5,000-claim drawing (200,000
 * SVG elements) at once needs half a minute, so the page carries the SVG's
 * frame inline and its drawn items as markup strings with a bounding box
 * each, and the viewer puts into the DOM only what is in view.
 *
 * The SVG is Graphviz's: <svg ...> <title> <desc> <style> and the graph's
 * root group <g class="graph" transform=...>, whose children are its title,
 * its background polygon, then the title block and legend (loose <text>,
 * <polygon>, <polyline> elements) and one <g> per node, edge and cluster.
 * Those children after the background are the pieces: each <g> one piece,
 * loose elements in runs of up to RUN. A piece's box comes from the
 * numbers of its geometry (points, d, x/y of text with a generous width
 * for the text itself, cx/cy/rx/ry), in the root group's user units;
 * an edge also gets its path's two ends ("e", four numbers per edge, in
 * order: the overview draws a line).
 * Comments between the pieces are left out. Markup is copied byte for
 * byte, so a piece is exactly what the inline SVG would have held.
 *
 * Linear in the size of the SVG: one pass, and each piece's bytes are
 * scanned once more for its numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "export/html_svg.h"
#include "util/json.h"

enum { RUN = 32 };

/* Whole numbers without libm (libargmap does not link it); the boxes
 * only need to be generous, and the coordinates are small. */
static json_int_t down(double v)
{
	json_int_t i = (json_int_t)v;
	return (double)i > v ? i - 1 : i;
}

static json_int_t up(double v)
{
	json_int_t i = (json_int_t)v;
	return (double)i < v ? i + 1 : i;
}

typedef struct box {
	double x0, y0, x1, y1;
	int any;
} box;

static void grow(box *b, double x, double y)
{
	if (!b->any) {
		b->x0 = b->x1 = x;
		b->y0 = b->y1 = y;
		b->any = 1;
		return;
	}
	if (x < b->x0)
		b->x0 = x;
	if (x > b->x1)
		b->x1 = x;
	if (y < b->y0)
		b->y0 = y;
	if (y > b->y1)
		b->y1 = y;
}

/* The numbers of an attribute value p[0..n): into v (at most max). */
static size_t numbers(const char *p, size_t n, double *v, size_t max)
{
	size_t i = 0, k = 0;

	while (i < n && k < max) {
		char *end;
		char tmp[32];
		size_t j = i, len;
		if (!(p[i] == '-' || p[i] == '.' || (p[i] >= '0' && p[i] <= '9'))) {
			i++;
			continue;
		}
		while (
		    j < n &&
		    (p[j] == '-' || p[j] == '.' || p[j] == 'e' || (p[j] >= '0' && p[j] <= '9')) &&
		    j - i < sizeof tmp - 1)
			j++;
		len = j - i;
		memcpy(tmp, p + i, len);
		tmp[len] = '\0';
		v[k] = strtod(tmp, &end);
		if (end != tmp && v[k] > -1e9 && v[k] < 1e9)
			k++;
		i = j > i ? j : i + 1;
	}
	return k;
}

/* The value of attribute `name` in the start tag tag[0..n) (n stops at
 * its '>'): its bytes and length, or NULL. */
static const char *attr(const char *tag, size_t n, const char *name, size_t *len)
{
	size_t nl = strlen(name), i;

	for (i = 0; i + nl + 2 < n; i++) {
		const char *q;
		if (tag[i] != ' ' && tag[i] != '\n')
			continue;
		if (memcmp(tag + i + 1, name, nl) != 0 || tag[i + 1 + nl] != '=' ||
		    tag[i + 2 + nl] != '"')
			continue;
		q = memchr(tag + i + 3 + nl, '"', n - (i + 3 + nl));
		if (!q)
			return NULL;
		*len = (size_t)(q - (tag + i + 3 + nl));
		return tag + i + 3 + nl;
	}
	return NULL;
}

static double attr_num(const char *tag, size_t n, const char *name, double dflt)
{
	size_t len;
	const char *v = attr(tag, n, name, &len);
	double d;

	if (!v || numbers(v, len, &d, 1) != 1)
		return dflt;
	return d;
}

/* UTF-8 characters in s[0..n) that are not markup (a rough text width) */
static size_t text_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

typedef struct piece {
	box b, text; /* the shapes' box; the text's (a guess at its width) */
	double ends[4];
	int have_ends;
} piece;

/* The geometry of the piece p[0..n): each start tag's numbers. */
static void measure(const char *p, size_t n, piece *pc)
{
	const char *end = p + n, *s = p;
	double v[4096];

	while ((s = memchr(s, '<', (size_t)(end - s))) != NULL) {
		const char *gt = memchr(s, '>', (size_t)(end - s)), *val;
		size_t tl, len, k, i;
		if (!gt)
			return;
		tl = (size_t)(gt - s);
		if ((val = attr(s, tl, "points", &len)) || (val = attr(s, tl, "d", &len))) {
			k = numbers(val, len, v, sizeof v / sizeof v[0]) & ~(size_t)1;
			for (i = 0; i < k; i += 2)
				grow(&pc->b, v[i], v[i + 1]);
			if (k >= 4 && !pc->have_ends && s[1] == 'p' && s[2] == 'a') {
				pc->ends[0] = v[0];
				pc->ends[1] = v[1];
				pc->ends[2] = v[k - 2];
				pc->ends[3] = v[k - 1];
				pc->have_ends = 1;
			}
		} else if (tl > 8 && memcmp(s, "<ellipse", 8) == 0) {
			double cx = attr_num(s, tl, "cx", 0), cy = attr_num(s, tl, "cy", 0);
			double rx = attr_num(s, tl, "rx", 0), ry = attr_num(s, tl, "ry", 0);
			grow(&pc->b, cx - rx, cy - ry);
			grow(&pc->b, cx + rx, cy + ry);
		} else if (tl > 5 && memcmp(s, "<text", 5) == 0) {
			const char *close = strstr(gt, "</text>");
			double x = attr_num(s, tl, "x", 0), y = attr_num(s, tl, "y", 0);
			double fs = attr_num(s, tl, "font-size", 14);
			double w = fs * 0.7 *
			           (double)(close && close < end
			                        ? text_chars(gt + 1, (size_t)(close - gt - 1))
			                        : 8);
			grow(&pc->text, x - w, y - fs);
			grow(&pc->text, x + w, y + fs * 0.4);
		}
		s = gt + 1;
	}
}

/* The element starting at p (at '<', not a <g>): its end (after its
 * closing tag), or NULL. */
static const char *element_end(const char *p, const char *end)
{
	const char *gt = memchr(p, '>', (size_t)(end - p)), *name = p + 1, *q;
	char close[40];
	size_t nl = 0;

	if (!gt)
		return NULL;
	if (gt[-1] == '/')
		return gt + 1;
	while (name + nl < gt && name[nl] != ' ' && name[nl] != '>' && name[nl] != '\n' &&
	       nl < sizeof close - 4)
		nl++;
	snprintf(close, sizeof close, "</%.*s>", (int)nl, name);
	q = strstr(gt, close);
	return q && q < end ? q + strlen(close) : NULL;
}

/* The <g> starting at p: its end, after the matching </g>, or NULL. */
static const char *group_end(const char *p, const char *end)
{
	int depth = 0;
	const char *s = p;

	while ((s = memchr(s, '<', (size_t)(end - s))) != NULL) {
		if (s + 3 < end && s[1] == 'g' && (s[2] == ' ' || s[2] == '>'))
			depth++;
		else if (s + 4 <= end && memcmp(s, "</g>", 4) == 0 && --depth == 0)
			return s + 4;
		s++;
	}
	return NULL;
}

/* The piece's kind, from its class: q c e j (nodes), s r u a (edges), k
 * (a cluster), t (anything else). */
static char kind_of(const char *p, const char *end)
{
	const char *gt = memchr(p, '>', (size_t)(end - p));
	size_t len;
	const char *c = gt ? attr(p, (size_t)(gt - p), "class", &len) : NULL;
	static const struct {
		const char *word;
		char k;
	} words[] = {{"question", 'q'}, {"claim", 'c'},   {"evidence", 'e'},
	             {"junction", 'j'}, {"support", 's'}, {"rebut", 'r'},
	             {"undercut", 'u'}, {"answer", 'a'},  {"cluster", 'k'}};
	size_t i;
	char buf[256];

	if (!c || p[1] != 'g')
		return 't';
	len = len < sizeof buf - 1 ? len : sizeof buf - 1;
	memcpy(buf, c, len);
	buf[len] = '\0';
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(buf, words[i].word))
			return words[i].k;
	return 't';
}

/* The piece's id attribute, numeric references (&#45;) decoded. */
static json_t *id_of(const char *p, const char *end)
{
	const char *gt = memchr(p, '>', (size_t)(end - p)), *v;
	size_t len, i, o = 0;
	char buf[200];

	if (p[1] != 'g' || !gt || !(v = attr(p, (size_t)(gt - p), "id", &len)) || len >= sizeof buf)
		return json_string("");
	for (i = 0; i < len; i++) {
		if (v[i] == '&' && i + 2 < len && v[i + 1] == '#') {
			long c = strtol(v + i + 2, NULL, 10);
			const char *semi = memchr(v + i, ';', len - i);
			if (semi && c > 32 && c < 127) {
				buf[o++] = (char)c;
				i = (size_t)(semi - v);
				continue;
			}
		}
		buf[o++] = v[i];
	}
	buf[o] = '\0';
	return json_string(buf);
}

static int add_piece(json_t *d, am_buf *kinds, am_buf *raw, const char *p, const char *q)
{
	piece pc;
	char k;
	json_t *b = json_object_get(d, "b"), *e = json_object_get(d, "e");
	size_t i;
	int edge;

	memset(&pc, 0, sizeof pc);
	measure(p, (size_t)(q - p), &pc);
	k = kind_of(p, q);
	edge = k == 's' || k == 'r' || k == 'u' || k == 'a';
	/* a node's box is its shape (its text is inside); anything else also
	 * holds its text (edge labels, the title block) */
	if (!pc.b.any || !(k == 'q' || k == 'c' || k == 'e' || k == 'j')) {
		if (pc.text.any) {
			grow(&pc.b, pc.text.x0, pc.text.y0);
			grow(&pc.b, pc.text.x1, pc.text.y1);
		}
	}
	am_buf_putc(kinds, k);
	if (json_array_append_new(b, json_integer(down(pc.b.x0))) ||
	    json_array_append_new(b, json_integer(down(pc.b.y0))) ||
	    json_array_append_new(b, json_integer(up(pc.b.x1))) ||
	    json_array_append_new(b, json_integer(up(pc.b.y1))))
		return -1;
	for (i = 0; edge && i < 4; i++)
		if (json_array_append_new(e,
		                          json_integer(pc.have_ends ? down(pc.ends[i] + 0.5) : 0)))
			return -1;
	if (raw->len)
		am_buf_putc(raw, '\f');
	am_buf_put(raw, p, (size_t)(q - p));
	return json_array_append_new(json_object_get(d, "id"), id_of(p, q)) ? -1 : 0;
}

/* Does b hold `w` (lower case), in any case? */
static int has_ci(const am_buf *b, const char *w)
{
	size_t i, j, n = strlen(w);

	for (i = 0; b->data && i + n <= b->len; i++) {
		if (b->data[i] != '<')
			continue;
		for (j = 1; j < n; j++) {
			char c = b->data[i + j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != w[j])
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

int am_html_split_svg(const char *svg, size_t n, am_buf *frame, am_buf *raw, json_t **drawing)
{
	const char *end = svg + n, *root, *p, *gt, *stop = NULL;
	json_t *d = NULL;
	int run = 0, seen_bg = 0;
	am_buf kinds = {0};
	const char *run_start = NULL;
	size_t len;

	*drawing = NULL;
	/* the root group is the first <g>: nothing before it holds a '<'
	 * that is not markup (the title and description are escaped) */
	root = strstr(svg, "<g ");
	if (!root || root >= end || !(gt = memchr(root, '>', (size_t)(end - root))) ||
	    !attr(root, (size_t)(gt - root), "class", &len) ||
	    memcmp(attr(root, (size_t)(gt - root), "class", &len), "graph", 5) != 0)
		return 1;
	d = json_pack("{s:[],s:[],s:[]}", "b", "e", "id");
	if (!d)
		return -1;
	p = gt + 1;
	am_buf_put(frame, svg, (size_t)(p - svg));
	/* the pieces need a real string for strstr in element_end: svg is
	 * NUL-terminated by its maker (argmap_html checks) */
	for (;;) {
		const char *q;
		while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
			p++;
		if (p >= end)
			goto bad;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *c = strstr(p, "-->");
			if (!c || c >= end)
				goto bad;
			if (run_start && add_piece(d, &kinds, raw, run_start, p) != 0)
				goto oom;
			run_start = NULL;
			run = 0;
			p = c + 3;
			continue;
		}
		if (end - p >= 4 && memcmp(p, "</g>", 4) == 0) {
			stop = p;
			break;
		}
		if (*p != '<')
			goto bad;
		if (p[1] == 'g' && (p[2] == ' ' || p[2] == '>')) {
			if (run_start && add_piece(d, &kinds, raw, run_start, p) != 0)
				goto oom;
			run_start = NULL;
			run = 0;
			if (!(q = group_end(p, end)))
				goto bad;
			if (add_piece(d, &kinds, raw, p, q) != 0)
				goto oom;
			p = q;
			continue;
		}
		if (!(q = element_end(p, end)))
			goto bad;
		if (!seen_bg && (memcmp(p, "<title", 6) == 0 || memcmp(p, "<polygon", 8) == 0)) {
			/* the root's title and background stay in the frame */
			if (p[1] == 'p')
				seen_bg = 1;
			am_buf_put(frame, p, (size_t)(q - p));
			am_buf_putc(frame, '\n');
			p = q;
			continue;
		}
		seen_bg = 1;
		if (!run_start)
			run_start = p;
		if (++run == RUN) {
			if (add_piece(d, &kinds, raw, run_start, q) != 0)
				goto oom;
			run_start = NULL;
			run = 0;
		}
		p = q;
	}
	if (run_start && add_piece(d, &kinds, raw, run_start, stop) != 0)
		goto oom;
	am_buf_put(frame, stop, (size_t)(end - stop));
	/* the pieces go into a <script type="text/plain">: nothing in them may
	 * end it or change how it is read */
	if (has_ci(raw, "<script") || has_ci(raw, "</script") || has_ci(raw, "<!--"))
		goto bad;
	if (kinds.failed || raw->failed ||
	    am_json_set(d, "k", json_stringn(kinds.data ? kinds.data : "", kinds.len)))
		goto oom;
	am_buf_free(&kinds);
	*drawing = d;
	return 0;
oom:
	am_buf_free(&kinds);
	json_decref(d);
	return -1;
bad:
	/* not the shape this knows: the caller inlines the whole SVG */
	am_buf_free(&kinds);
	json_decref(d);
	frame->len = 0;
	raw->len = 0;
	return 1;
}

/*
 * readability.c - how readable a drawn graph is, from its SVG alone, for the
 * layout benchmark (bench/layout.sh). Not part of argmap.
 *
 *   readability [-v] FILE.svg
 *
 * -v also lists each (edge, node) pair of "through" on stderr.
 *
 * Reads the SVG that Graphviz writes (argmap's or `dot`'s): every
 * <g class="node..."> group's first shape (path, polygon or ellipse) is a
 * node box, every <g class="edge..."> group's first path is the edge, its
 * <title> names the two nodes: "a->b" with the nodes' titles (dot's), or
 * "a → b" with their titles or argmap's ids (argmap's accessible titles:
 * a claim's group is id="am-n-c1" with a long title, the edge says
 * "c1 → q1"). Bezier pieces are flattened to
 * within 0.5 pt. Prints one line:
 *
 *   nodes=N edges=M width=W len=L median=D crossings=C through=T area=A
 *
 *   width      mean width of the node boxes at least 20 pt wide (junction
 *              dots are smaller), in points
 *   len        mean edge length (along the drawn path) / width
 *   median     the median edge length / width (the typical edge: a few
 *              long cross-links dominate the mean)
 *   crossings  points where two edges that share no node cross
 *   through    (edge, node) pairs where the edge's path enters the box
 *              (shrunk by 1 pt) of a node that is not one of its two ends
 *   area       the bounding box of every node and edge point, in pt^2 per
 *              node
 *
 * Segments and boxes are bucketed in a uniform grid (cells of the mean
 * node width), so the run is near-linear in the drawing's size; a crossing
 * is counted only in the cell that holds it.
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	double x0, y0, x1, y1;
	char *name; /* the group's <title> */
	char *id;   /* its id without argmap's "am-n-" prefix (or NULL) */
} box;

typedef struct {
	double ax, ay, bx, by;
	size_t edge;
} seg;

typedef struct {
	size_t tail, head; /* node indices, or (size_t)-1 when unknown */
	size_t first, count;
	double len;
} edge;

static box *nodes;
static size_t nn, ncap;
static edge *edges;
static size_t ne, ecap;
static seg *segs;
static size_t ns, scap;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 1024;
	if (*cap < need)
		*cap = need;
	p = realloc(p, *cap * size);
	if (!p) {
		fprintf(stderr, "readability: out of memory\n");
		exit(2);
	}
	return p;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "readability: cannot read %s\n", path);
		exit(2);
	}
	s = malloc((size_t)n + 1);
	if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "readability: cannot read %s\n", path);
		exit(2);
	}
	s[n] = 0;
	fclose(f);
	return s;
}

/* The value of attribute `name` in the tag starting at `tag`, copied. */
static char *attr(const char *tag, const char *name)
{
	const char *end = strchr(tag, '>'), *p = tag;
	size_t len = strlen(name);

	while ((p = strstr(p, name)) && p < end) {
		if (p[-1] == ' ' && p[len] == '=' && p[len + 1] == '"') {
			const char *v = p + len + 2, *q = strchr(v, '"');
			char *r = malloc((size_t)(q - v) + 1);
			memcpy(r, v, (size_t)(q - v));
			r[q - v] = 0;
			return r;
		}
		p += len;
	}
	return NULL;
}

/* "n0&#45;&gt;n3" -> "n0->n3" in place */
static void unescape(char *s)
{
	char *o = s;
	while (*s) {
		if (!strncmp(s, "&#45;", 5)) {
			*o++ = '-';
			s += 5;
		} else if (!strncmp(s, "&gt;", 4)) {
			*o++ = '>';
			s += 4;
		} else if (!strncmp(s, "&lt;", 4)) {
			*o++ = '<';
			s += 4;
		} else if (!strncmp(s, "&amp;", 5)) {
			*o++ = '&';
			s += 5;
		} else {
			*o++ = *s++;
		}
	}
	*o = 0;
}

static int next_num(const char **s, double *v)
{
	char *end;
	while (**s && !strchr("-.0123456789", **s))
		(*s)++;
	if (!**s)
		return 0;
	*v = strtod(*s, &end);
	if (end == *s)
		return 0;
	*s = end;
	return 1;
}

static void add_seg(double ax, double ay, double bx, double by)
{
	segs = grow(segs, &scap, ns + 1, sizeof *segs);
	segs[ns].ax = ax;
	segs[ns].ay = ay;
	segs[ns].bx = bx;
	segs[ns].by = by;
	segs[ns].edge = ne;
	ns++;
	edges[ne].count++;
	edges[ne].len += hypot(bx - ax, by - ay);
}

static double line_dist(double px, double py, double ax, double ay, double bx, double by)
{
	double dx = bx - ax, dy = by - ay, l = hypot(dx, dy);
	if (l < 1e-9)
		return hypot(px - ax, py - ay);
	return fabs((px - ax) * dy - (py - ay) * dx) / l;
}

static void bezier(const double *p, int depth)
{
	if (depth > 12 || (line_dist(p[2], p[3], p[0], p[1], p[6], p[7]) < 0.5 &&
	                   line_dist(p[4], p[5], p[0], p[1], p[6], p[7]) < 0.5)) {
		add_seg(p[0], p[1], p[6], p[7]);
		return;
	}
	{
		double l[8], r[8], m01x = (p[0] + p[2]) / 2, m01y = (p[1] + p[3]) / 2;
		double m12x = (p[2] + p[4]) / 2, m12y = (p[3] + p[5]) / 2;
		double m23x = (p[4] + p[6]) / 2, m23y = (p[5] + p[7]) / 2;
		double ax = (m01x + m12x) / 2, ay = (m01y + m12y) / 2;
		double bx = (m12x + m23x) / 2, by = (m12y + m23y) / 2;
		double cx = (ax + bx) / 2, cy = (ay + by) / 2;
		l[0] = p[0], l[1] = p[1], l[2] = m01x, l[3] = m01y, l[4] = ax, l[5] = ay;
		l[6] = cx, l[7] = cy;
		r[0] = cx, r[1] = cy, r[2] = bx, r[3] = by, r[4] = m23x, r[5] = m23y;
		r[6] = p[6], r[7] = p[7];
		bezier(l, depth + 1);
		bezier(r, depth + 1);
	}
}

/* Graphviz writes edges as "Mx,yCx,y x,y x,y ..." */
static void parse_path(const char *d)
{
	double p[8];
	const char *s = d;
	if (!next_num(&s, &p[6]) || !next_num(&s, &p[7]))
		return;
	for (;;) {
		int i;
		p[0] = p[6];
		p[1] = p[7];
		for (i = 2; i < 8; i++)
			if (!next_num(&s, &p[i]))
				return;
		bezier(p, 0);
	}
}

static void node_shape(const char *g, const char *stop, box *b)
{
	const char *pth = strstr(g, "<path "), *pol = strstr(g, "<polygon "),
	           *ell = strstr(g, "<ellipse ");
	const char *first = NULL;
	char *v;
	b->x0 = b->y0 = 1e300;
	b->x1 = b->y1 = -1e300;
	if (pth && pth < stop)
		first = pth;
	if (pol && pol < stop && (!first || pol < first))
		first = pol;
	if (ell && ell < stop && (!first || ell < first))
		first = ell;
	if (!first)
		return;
	if (first == ell) {
		char *cx = attr(ell, "cx"), *cy = attr(ell, "cy"), *rx = attr(ell, "rx"),
		     *ry = attr(ell, "ry");
		b->x0 = atof(cx) - atof(rx);
		b->x1 = atof(cx) + atof(rx);
		b->y0 = atof(cy) - atof(ry);
		b->y1 = atof(cy) + atof(ry);
		free(cx), free(cy), free(rx), free(ry);
		return;
	}
	v = attr(first, first == pth ? "d" : "points");
	if (v) {
		const char *s = v;
		double x, y;
		while (next_num(&s, &x) && next_num(&s, &y)) {
			b->x0 = fmin(b->x0, x);
			b->x1 = fmax(b->x1, x);
			b->y0 = fmin(b->y0, y);
			b->y1 = fmax(b->y1, y);
		}
		free(v);
	}
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const box *)a)->name, ((const box *)b)->name);
}

static box **by_id; /* the nodes with an id, sorted by it */
static size_t nid;

static int cmp_id(const void *a, const void *b)
{
	return strcmp((*(box *const *)a)->id, (*(box *const *)b)->id);
}

static size_t find_node(const char *name)
{
	box key, *kp = &key, **q;
	const box *r;
	key.name = key.id = (char *)name;
	r = bsearch(&key, nodes, nn, sizeof *nodes, cmp_name);
	if (r)
		return (size_t)(r - nodes);
	q = nid ? bsearch(&kp, by_id, nid, sizeof *by_id, cmp_id) : NULL;
	return q ? (size_t)(*q - nodes) : (size_t)-1;
}

/* segment intersection, proper or touching; returns 1 and the point */
static int seg_cross(const seg *a, const seg *b, double *px, double *py)
{
	double rx = a->bx - a->ax, ry = a->by - a->ay, sx = b->bx - b->ax, sy = b->by - b->ay;
	double den = rx * sy - ry * sx, t, u;
	if (fabs(den) < 1e-12)
		return 0;
	t = ((b->ax - a->ax) * sy - (b->ay - a->ay) * sx) / den;
	u = ((b->ax - a->ax) * ry - (b->ay - a->ay) * rx) / den;
	if (t < 0 || t >= 1 || u < 0 || u >= 1)
		return 0;
	*px = a->ax + t * rx;
	*py = a->ay + t * ry;
	return 1;
}

/* Liang-Barsky: does the segment enter the box? */
static int seg_box(const seg *s, const box *b)
{
	double t0 = 0, t1 = 1, dx = s->bx - s->ax, dy = s->by - s->ay;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {s->ax - b->x0, b->x1 - s->ax, s->ay - b->y0, b->y1 - s->ay};
	int i;
	for (i = 0; i < 4; i++) {
		if (fabs(p[i]) < 1e-12) {
			if (q[i] < 0)
				return 0;
		} else {
			double r = q[i] / p[i];
			if (p[i] < 0) {
				if (r > t1)
					return 0;
				if (r > t0)
					t0 = r;
			} else {
				if (r < t0)
					return 0;
				if (r < t1)
					t1 = r;
			}
		}
	}
	return t0 < t1;
}

/* the grid: cell lists in CSR form */
static double gx0, gy0, cell;
static size_t gw, gh;

static size_t cx_of(double x)
{
	double c = floor((x - gx0) / cell);
	return c < 0 ? 0 : c >= (double)gw ? gw - 1 : (size_t)c;
}

static size_t cy_of(double y)
{
	double c = floor((y - gy0) / cell);
	return c < 0 ? 0 : c >= (double)gh ? gh - 1 : (size_t)c;
}

/* fills start[] (gw*gh+1) and items[] with the ids of the rectangles given
 * by bb(i), i < count */
typedef void (*bbfn)(size_t i, double *x0, double *y0, double *x1, double *y1);

static void seg_bb(size_t i, double *x0, double *y0, double *x1, double *y1)
{
	*x0 = fmin(segs[i].ax, segs[i].bx);
	*x1 = fmax(segs[i].ax, segs[i].bx);
	*y0 = fmin(segs[i].ay, segs[i].by);
	*y1 = fmax(segs[i].ay, segs[i].by);
}

static void node_bb(size_t i, double *x0, double *y0, double *x1, double *y1)
{
	*x0 = nodes[i].x0;
	*x1 = nodes[i].x1;
	*y0 = nodes[i].y0;
	*y1 = nodes[i].y1;
}

static void bucket(size_t count, bbfn bb, size_t **start_out, size_t **items_out)
{
	size_t cells = gw * gh, *start = calloc(cells + 1, sizeof *start), *items, i, a, b;
	size_t *fill;
	for (int pass = 0; pass < 2; pass++) {
		for (i = 0; i < count; i++) {
			double x0, y0, x1, y1;
			bb(i, &x0, &y0, &x1, &y1);
			for (a = cy_of(y0); a <= cy_of(y1); a++)
				for (b = cx_of(x0); b <= cx_of(x1); b++) {
					if (pass == 0)
						start[a * gw + b + 1]++;
					else
						items[fill[a * gw + b]++] = i;
				}
		}
		if (pass == 0) {
			for (i = 0; i < cells; i++)
				start[i + 1] += start[i];
			items = malloc((start[cells] + 1) * sizeof *items);
			fill = malloc((cells + 1) * sizeof *fill);
			memcpy(fill, start, cells * sizeof *fill);
		}
	}
	free(fill);
	*start_out = start;
	*items_out = items;
}

static int cmp_double(const void *a, const void *b)
{
	double p = *(const double *)a, q = *(const double *)b;
	return p < q ? -1 : p > q;
}

static int shares_node(const edge *a, const edge *b)
{
	return a->tail == b->tail || a->tail == b->head || a->head == b->tail ||
	       a->head == b->head;
}

int main(int argc, char **argv)
{
	char *svg, *p;
	double wsum = 0, lsum = 0, median, bx0 = 1e300, by0 = 1e300, bx1 = -1e300, by1 = -1e300;
	size_t wcount = 0, i, unnamed = 0, crossings = 0, through = 0, *sstart, *sitems, *nstart, *nitems;
	size_t *seen;
	char **etitle;
	size_t etcap = 0;

	int verbose = argc == 3 && !strcmp(argv[1], "-v");

	if (argc != 2 && !verbose) {
		fprintf(stderr, "usage: readability [-v] FILE.svg\n");
		return 2;
	}
	svg = read_all(argv[argc - 1]);
	etitle = NULL;
	/* the groups, in document order */
	for (p = svg; (p = strstr(p, "<g id=\"")) != NULL; p++) {
		char *cls = attr(p, "class"), *next, *t0, *t1;
		int is_node, is_edge;
		if (!cls)
			continue;
		is_node = !strncmp(cls, "node", 4);
		is_edge = !strncmp(cls, "edge", 4);
		free(cls);
		if (!is_node && !is_edge)
			continue;
		next = strstr(p + 1, "<!-- ");
		if (!next)
			next = p + strlen(p);
		t0 = strstr(p, "<title>");
		t1 = t0 ? strstr(t0, "</title>") : NULL;
		if (!t0 || !t1 || t1 > next)
			continue;
		*t1 = 0;
		if (is_node) {
			nodes = grow(nodes, &ncap, nn + 1, sizeof *nodes);
			nodes[nn].name = strdup(t0 + 7);
			unescape(nodes[nn].name);
			nodes[nn].id = attr(p, "id");
			if (nodes[nn].id) {
				unescape(nodes[nn].id);
				if (!strncmp(nodes[nn].id, "am-n-", 5))
					memmove(nodes[nn].id, nodes[nn].id + 5, strlen(nodes[nn].id + 5) + 1);
			}
			*t1 = '<';
			node_shape(t1, next, &nodes[nn]);
			if (nodes[nn].x1 < nodes[nn].x0) {
				free(nodes[nn].name);
				free(nodes[nn].id);
				continue;
			}
			if (nodes[nn].x1 - nodes[nn].x0 >= 20) {
				wsum += nodes[nn].x1 - nodes[nn].x0;
				wcount++;
			}
			bx0 = fmin(bx0, nodes[nn].x0), bx1 = fmax(bx1, nodes[nn].x1);
			by0 = fmin(by0, nodes[nn].y0), by1 = fmax(by1, nodes[nn].y1);
			nn++;
		} else {
			char *path = strstr(t1 + 1, "<path "), *d;
			edges = grow(edges, &ecap, ne + 1, sizeof *edges);
			etitle = grow(etitle, &etcap, ne + 1, sizeof *etitle);
			etitle[ne] = strdup(t0 + 7);
			unescape(etitle[ne]);
			*t1 = '<';
			memset(&edges[ne], 0, sizeof edges[ne]);
			edges[ne].first = ns;
			if (!path || path > next || !(d = attr(path, "d"))) {
				free(etitle[ne]);
				continue;
			}
			parse_path(d);
			free(d);
			ne++;
		}
	}
	qsort(nodes, nn, sizeof *nodes, cmp_name);
	by_id = malloc((nn + 1) * sizeof *by_id);
	for (i = 0; i < nn; i++)
		if (nodes[i].id)
			by_id[nid++] = &nodes[i];
	qsort(by_id, nid, sizeof *by_id, cmp_id);
	for (i = 0; i < ne; i++) {
		char *arrow = strstr(etitle[i], " \xe2\x86\x92 "); /* " → " */
		size_t skip = 5;
		if (!arrow) {
			arrow = strstr(etitle[i], "->");
			skip = 2;
		}
		if (!arrow)
			arrow = strstr(etitle[i], "--");
		edges[i].tail = edges[i].head = (size_t)-1;
		if (arrow) {
			*arrow = 0;
			edges[i].tail = find_node(etitle[i]);
			edges[i].head = find_node(arrow + skip);
		}
		if (edges[i].tail == (size_t)-1 || edges[i].head == (size_t)-1)
			unnamed++;
		lsum += edges[i].len;
		free(etitle[i]);
	}
	free(etitle);
	for (i = 0; i < ns; i++) {
		bx0 = fmin(bx0, fmin(segs[i].ax, segs[i].bx));
		bx1 = fmax(bx1, fmax(segs[i].ax, segs[i].bx));
		by0 = fmin(by0, fmin(segs[i].ay, segs[i].by));
		by1 = fmax(by1, fmax(segs[i].ay, segs[i].by));
	}
	if (!nn || !wcount) {
		fprintf(stderr, "readability: no nodes in %s\n", argv[argc - 1]);
		return 1;
	}
	/* an edge whose ends are not known would "share a node" with every
	 * other such edge and hide their crossings */
	if (unnamed) {
		fprintf(stderr, "readability: %zu edges of %s name nodes it does not have\n", unnamed,
		        argv[argc - 1]);
		return 1;
	}
	cell = wsum / (double)wcount;
	gx0 = bx0;
	gy0 = by0;
	gw = (size_t)((bx1 - bx0) / cell) + 1;
	gh = (size_t)((by1 - by0) / cell) + 1;
	bucket(ns, seg_bb, &sstart, &sitems);
	bucket(nn, node_bb, &nstart, &nitems);
	/* crossings: pairs in one cell, counted in the cell of the point */
	for (size_t c = 0; c < gw * gh; c++)
		for (size_t a = sstart[c]; a < sstart[c + 1]; a++)
			for (size_t b = a + 1; b < sstart[c + 1]; b++) {
				const seg *s = &segs[sitems[a]], *t = &segs[sitems[b]];
				double px, py;
				if (s->edge == t->edge || shares_node(&edges[s->edge], &edges[t->edge]))
					continue;
				if (seg_cross(s, t, &px, &py) && cy_of(py) * gw + cx_of(px) == c)
					crossings++;
			}
	/* edges through nodes: each (edge, node) pair once */
	seen = malloc(nn * sizeof *seen);
	for (i = 0; i < nn; i++)
		seen[i] = (size_t)-1;
	for (i = 0; i < ns; i++) {
		const seg *s = &segs[i];
		double x0, y0, x1, y1;
		seg_bb(i, &x0, &y0, &x1, &y1);
		for (size_t a = cy_of(y0); a <= cy_of(y1); a++)
			for (size_t b = cx_of(x0); b <= cx_of(x1); b++)
				for (size_t k = nstart[a * gw + b]; k < nstart[a * gw + b + 1]; k++) {
					size_t v = nitems[k];
					box in = nodes[v];
					if (seen[v] == s->edge || v == edges[s->edge].tail ||
					    v == edges[s->edge].head)
						continue;
					in.x0 += 1, in.y0 += 1, in.x1 -= 1, in.y1 -= 1;
					if (in.x1 > in.x0 && in.y1 > in.y0 && seg_box(s, &in)) {
						seen[v] = s->edge;
						through++;
						if (verbose)
							fprintf(stderr, "edge %zu (%s -> %s) through %s\n", s->edge,
							        edges[s->edge].tail < nn ? nodes[edges[s->edge].tail].name : "?",
							        edges[s->edge].head < nn ? nodes[edges[s->edge].head].name : "?",
							        nodes[v].name);
					}
				}
	}
	{
		double *lens = malloc((ne + 1) * sizeof *lens);
		for (i = 0; i < ne; i++)
			lens[i] = edges[i].len;
		qsort(lens, ne, sizeof *lens, cmp_double);
		median = ne ? (ne % 2 ? lens[ne / 2] : (lens[ne / 2 - 1] + lens[ne / 2]) / 2) / cell : 0;
		free(lens);
	}
	printf("nodes=%zu edges=%zu width=%.1f len=%.3f median=%.3f crossings=%zu through=%zu "
	       "area=%.0f\n",
	       nn, ne, cell, ne ? lsum / (double)ne / cell : 0.0, median, crossings, through,
	       (bx1 - bx0) * (by1 - by0) / (double)nn);
	return 0;
}

/*
 * test_clingo.c - the preferred extensions of argmap's search against an
 * independent solver: clingo (Debian's gringo package, .ci/deps) with the
 * ASPARTIX-style encoding of preferred semantics (subset-maximal admissible
 * sets by domain heuristics), on the frameworks of the bundled maps and on
 * random frameworks of 20-40 arguments, too big for brute force, with many
 * components and cycles.
 */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dung.h"
#include "analyze/framework.h"
#include "support.h"

#define CLINGO "/usr/bin/clingo"

static const char encoding[] = "{in(X)} :- arg(X).\n"
                               ":- in(X), in(Y), att(X,Y).\n"
                               "defeated(X) :- in(Y), att(Y,X).\n"
                               ":- in(X), att(Y,X), not defeated(Y).\n"
                               "#heuristic in(X) : arg(X). [1,true]\n"
                               "#show in/1.\n";

/* A set of extensions, each a sorted, comma-joined list of vertices. */
typedef struct exts {
	char **s;
	size_t n, cap;
} exts;

static void exts_add(exts *e, char *s)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		e->s = realloc(e->s, e->cap * sizeof *e->s);
		cr_assert_not_null(e->s);
	}
	e->s[e->n++] = s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static char *join(size_t *v, size_t k)
{
	size_t i, len = 0;
	char *s = malloc(k * 24 + 2);

	cr_assert_not_null(s);
	qsort(v, k, sizeof *v, cmp_size);
	s[0] = '\0';
	for (i = 0; i < k; i++)
		len += (size_t)sprintf(s + len, "%s%zu", i ? "," : "", v[i]);
	return s;
}

static void exts_free(exts *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->s[i]);
	free(e->s);
}

typedef struct mine {
	exts e;
	size_t n;
} mine;

static int take(void *ud, const unsigned char *lab)
{
	mine *m = ud;
	size_t *v = malloc((m->n + 1) * sizeof *v), k = 0, i;

	cr_assert_not_null(v);
	for (i = 0; i < m->n; i++)
		if (lab[i] == ARGMAP_LABEL_IN)
			v[k++] = i;
	exts_add(&m->e, join(v, k));
	free(v);
	return 0;
}

/* clingo's preferred extensions of the framework (att, rev over n). */
static void clingo_prefs(const am_graph *att, exts *out)
{
	char *dir = ts_tmpdir(), cmd[4096], line[1 << 16];
	size_t n = att->n, v, a;
	FILE *f, *p;
	char *lp, *enc;

	enc = ts_write(dir, "pref.lp", encoding, (size_t)-1);
	lp = malloc(strlen(dir) + 16);
	cr_assert_not_null(lp);
	sprintf(lp, "%s/af.lp", dir);
	f = fopen(lp, "w");
	cr_assert_not_null(f);
	for (v = 0; v < n; v++) {
		fprintf(f, "arg(%zu).\n", v);
		for (a = att->start[v]; a < att->start[v + 1]; a++)
			fprintf(f, "att(%zu,%zu).\n", v, att->to[a]);
	}
	fclose(f);
	snprintf(cmd, sizeof cmd, CLINGO " --heuristic=Domain --enum-mode=domRec -n 0 -V0 %s %s",
	         enc, lp);
	p = popen(cmd, "r");
	cr_assert_not_null(p, "cannot run %s", CLINGO);
	while (fgets(line, sizeof line, p)) {
		size_t *vs = malloc((n + 1) * sizeof *vs), k = 0;
		char *s = line;
		cr_assert_not_null(vs);
		if (!strncmp(line, "SATISFIABLE", 11) || !strncmp(line, "UNSATISFIABLE", 13)) {
			free(vs);
			continue;
		}
		while ((s = strstr(s, "in(")) != NULL) {
			vs[k++] = strtoul(s + 3, &s, 10);
		}
		exts_add(out, join(vs, k));
		free(vs);
	}
	cr_assert_neq(pclose(p), -1);
	free(lp);
	free(enc);
	ts_rmtree(dir);
	free(dir);
}

/* Compares the two; returns how many extensions there are. */
static size_t compare(const am_graph *att, const am_graph *rev, const char *what)
{
	exts theirs = {0};
	mine m;
	am_dung_limits lim = {0, 0, 0};
	am_dung_stop stop;
	size_t i;

	memset(&m, 0, sizeof m);
	m.n = att->n;
	cr_assert_eq(am_dung_preferred(att, rev, &lim, take, &m, &stop), 0);
	cr_assert_eq(stop, AM_DUNG_COMPLETE);
	clingo_prefs(att, &theirs);
	qsort(m.e.s, m.e.n, sizeof *m.e.s, cmp_str);
	qsort(theirs.s, theirs.n, sizeof *theirs.s, cmp_str);
	cr_assert_eq(m.e.n, theirs.n, "%s: %zu preferred extensions, clingo finds %zu", what, m.e.n,
	             theirs.n);
	for (i = 0; i < m.e.n; i++)
		cr_assert_str_eq(m.e.s[i], theirs.s[i], "%s: extension %zu", what, i);
	exts_free(&m.e);
	exts_free(&theirs);
	return i;
}

Test(clingo, bundled_maps)
{
	glob_t g;
	size_t i, maps = 0;

	cr_assert_eq(glob(ARGMAP_SOURCE_DIR "/maps/*/*.xml", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++) {
		argmap_map *map = NULL;
		argmap_diags *d = argmap_diags_new();
		am_fw fw;
		cr_assert_eq(argmap_map_load(&map, g.gl_pathv[i], NULL, d), 0);
		argmap_diags_free(d);
		if (argmap_map_file(map, 0)->kind == ARGMAP_FILE_LIBRARY) {
			argmap_map_free(map);
			continue;
		}
		cr_assert_eq(am_fw_build(&fw, map), 0);
		compare(&fw.att, &fw.rev, g.gl_pathv[i]);
		am_fw_free(&fw);
		argmap_map_free(map);
		maps++;
	}
	cr_expect_geq(maps, 5, "the bundled maps were found");
	globfree(&g);
}

static uint64_t rs = 0x853c49e6748fea9bu;
static unsigned rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (unsigned)(rs >> 20);
}

Test(clingo, random_frameworks_too_big_for_brute_force)
{
	size_t t, total = 0, several = 0;

	for (t = 0; t < 100; t++) {
		size_t n = 20 + rnd() % 21, u, v, m = 0, cap = n * 8;
		size_t *from = malloc(cap * sizeof *from), *to = malloc(cap * sizeof *to);
		am_graph att, rev;
		char what[64];
		cr_assert(from && to);
		/* blocks of up to 5 with cycles inside, sparse arcs forward */
		for (u = 0; u < n; u++)
			for (v = 0; v < n && m < cap; v++) {
				int same = u / 5 == v / 5;
				unsigned pct = same ? (u == v ? 5 : 30) : v > u ? 3 : 0;
				if (rnd() % 100 < pct) {
					from[m] = u;
					to[m++] = v;
				}
			}
		cr_assert_eq(am_graph_from_arrays(&att, n, m, from, to, NULL), 0);
		cr_assert_eq(am_graph_from_arrays(&rev, n, m, to, from, NULL), 0);
		snprintf(what, sizeof what, "random framework %zu (%zu arguments)", t, n);
		{
			size_t k = compare(&att, &rev, what);
			total += k;
			several += k > 1;
		}
		am_graph_free(&att);
		am_graph_free(&rev);
		free(from);
		free(to);
	}
	cr_expect_gt(several, 20, "frameworks with a choice: %zu of 100 (%zu extensions)", several,
	             total);
}

/*
 * test_dung.c - grounded and preferred labellings of abstract frameworks:
 * the textbook cases, and thousands of random frameworks against a
 * brute-force enumerator of every subset (complete = admissible and
 * containing everything it defends; grounded = the least complete,
 * preferred = the maximal complete). Random frameworks with several
 * components, cycles inside components and self-attacks are what an
 * error in the component-by-component search would fail.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dung.h"

#define MAXN 11
enum { IN = ARGMAP_LABEL_IN, OUT = ARGMAP_LABEL_OUT, UNDEC = ARGMAP_LABEL_UNDEC };

typedef struct af {
	size_t n, m;
	size_t from[MAXN * MAXN], to[MAXN * MAXN];
	uint32_t att_of[MAXN]; /* bit u set: u attacks v */
} af;

static void add(af *f, size_t u, size_t v)
{
	f->from[f->m] = u;
	f->to[f->m] = v;
	f->m++;
	f->att_of[v] |= 1u << u;
}

static void graphs(const af *f, am_graph *att, am_graph *rev)
{
	cr_assert_eq(am_graph_from_arrays(att, f->n, f->m, f->from, f->to, NULL), 0);
	cr_assert_eq(am_graph_from_arrays(rev, f->n, f->m, f->to, f->from, NULL), 0);
}

/* The arguments E attacks. */
static uint32_t attacked_by(const af *f, uint32_t e)
{
	uint32_t out = 0;
	size_t v;

	for (v = 0; v < f->n; v++)
		if (f->att_of[v] & e)
			out |= 1u << v;
	return out;
}

static int is_complete(const af *f, uint32_t e)
{
	uint32_t hit = attacked_by(f, e);
	size_t v;

	if (hit & e) /* not conflict-free */
		return 0;
	for (v = 0; v < f->n; v++) {
		int defended = (f->att_of[v] & ~hit) == 0;
		int in = (e >> v) & 1u;
		if (in != defended)
			return 0;
	}
	return 1;
}

static void to_labels(const af *f, uint32_t e, unsigned char *lab)
{
	uint32_t hit = attacked_by(f, e);
	size_t v;

	for (v = 0; v < f->n; v++)
		lab[v] = (e >> v) & 1u ? IN : (hit >> v) & 1u ? OUT : UNDEC;
}

static uint32_t in_set(const af *f, const unsigned char *lab)
{
	uint32_t e = 0;
	size_t v;

	for (v = 0; v < f->n; v++)
		if (lab[v] == IN)
			e |= 1u << v;
	return e;
}

/* Brute force: the preferred IN sets (sorted), and the grounded one. */
static size_t brute(const af *f, uint32_t *pref, uint32_t *grounded)
{
	static uint32_t comp[1u << MAXN];
	size_t nc = 0, np = 0, i, j;
	uint32_t e, g = ~0u;

	for (e = 0; e < (1u << f->n); e++)
		if (is_complete(f, e)) {
			comp[nc++] = e;
			g &= e;
		}
	cr_assert(nc > 0, "every framework has a complete extension");
	for (i = 0; i < nc; i++) {
		int maximal = 1;
		for (j = 0; j < nc && maximal; j++)
			if (j != i && (comp[i] & comp[j]) == comp[i] && comp[j] != comp[i])
				maximal = 0;
		if (maximal)
			pref[np++] = comp[i];
	}
	*grounded = g;
	return np;
}

typedef struct got {
	const af *f;
	uint32_t sets[1u << MAXN];
	size_t n;
} got;

static int take(void *ud, const unsigned char *lab)
{
	got *g = ud;

	g->sets[g->n++] = in_set(g->f, lab);
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Checks grounded and preferred of f against brute force. */
static void check_af(const af *f, const char *what)
{
	static uint32_t pref[1u << MAXN];
	static got g;
	unsigned char lab[MAXN], want[MAXN];
	uint32_t gr;
	size_t np, v, i;
	am_graph att, rev;
	am_dung_limits lim = {0, 0, 0};
	am_dung_stop stop;

	graphs(f, &att, &rev);
	np = brute(f, pref, &gr);
	cr_assert_eq(am_dung_grounded(&att, lab), 0);
	to_labels(f, gr, want);
	for (v = 0; v < f->n; v++)
		cr_assert_eq(lab[v], want[v], "%s: grounded label of %zu is %d, want %d", what, v,
		             lab[v], want[v]);
	g.f = f;
	g.n = 0;
	cr_assert_eq(am_dung_preferred(&att, &rev, &lim, take, &g, &stop), 0);
	cr_assert_eq(stop, AM_DUNG_COMPLETE);
	qsort(g.sets, g.n, sizeof g.sets[0], cmp_u32);
	qsort(pref, np, sizeof pref[0], cmp_u32);
	cr_assert_eq(g.n, np, "%s: %zu preferred extensions, want %zu", what, g.n, np);
	for (i = 0; i < np; i++)
		cr_assert_eq(g.sets[i], pref[i], "%s: preferred extension %zu is %#x, want %#x",
		             what, i, g.sets[i], pref[i]);
	am_graph_free(&att);
	am_graph_free(&rev);
}

static af make(size_t n, const char *arcs)
{
	af f;
	const char *p;

	memset(&f, 0, sizeof f);
	f.n = n;
	/* "ab ba": a attacks b, b attacks a */
	for (p = arcs; *p; p++)
		if (p[0] >= 'a' && p[1] >= 'a') {
			add(&f, (size_t)(p[0] - 'a'), (size_t)(p[1] - 'a'));
			p++;
		}
	return f;
}

/* Preferred IN sets of a textbook framework, as a sorted list. */
static size_t prefs(const af *f, uint32_t *out)
{
	static got g;
	am_graph att, rev;
	am_dung_limits lim = {0, 0, 0};
	am_dung_stop stop;

	graphs(f, &att, &rev);
	g.f = f;
	g.n = 0;
	cr_assert_eq(am_dung_preferred(&att, &rev, &lim, take, &g, &stop), 0);
	qsort(g.sets, g.n, sizeof g.sets[0], cmp_u32);
	memcpy(out, g.sets, g.n * sizeof *out);
	am_graph_free(&att);
	am_graph_free(&rev);
	return g.n;
}

static void grounded(const af *f, unsigned char *lab)
{
	am_graph att, rev;

	graphs(f, &att, &rev);
	cr_assert_eq(am_dung_grounded(&att, lab), 0);
	am_graph_free(&att);
	am_graph_free(&rev);
}

Test(dung, reinstatement)
{
	af f = make(3, "ab bc"); /* a attacks b, b attacks c: c is reinstated */
	unsigned char l[3];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[0] == IN && l[1] == OUT && l[2] == IN);
	cr_expect_eq(prefs(&f, p), 1);
	cr_expect_eq(p[0], 0x5u);
	check_af(&f, "reinstatement");
}

Test(dung, even_cycle_two_preferred)
{
	af f = make(2, "ab ba");
	unsigned char l[2];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[0] == UNDEC && l[1] == UNDEC);
	cr_assert_eq(prefs(&f, p), 2);
	cr_expect(p[0] == 0x1u && p[1] == 0x2u);
}

Test(dung, odd_cycle_only_empty)
{
	af f = make(3, "ab bc ca");
	unsigned char l[3];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[0] == UNDEC && l[1] == UNDEC && l[2] == UNDEC);
	cr_assert_eq(prefs(&f, p), 1);
	cr_expect_eq(p[0], 0u, "a 3-cycle's only preferred extension is empty");
}

Test(dung, self_attack)
{
	af f = make(2, "aa ab");
	unsigned char l[3];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[0] == UNDEC && l[1] == UNDEC);
	cr_assert_eq(prefs(&f, p), 1);
	cr_expect_eq(p[0], 0u);
	af g = make(3, "aa ca"); /* a self-attacker attacked by an unattacked c */
	grounded(&g, l);
	cr_expect(l[0] == OUT && l[2] == IN && l[1] == IN);
}

Test(dung, floating_defeat)
{
	/* a and b attack each other, both attack c, c attacks d: grounded
	 * leaves all UNDEC; in both preferred extensions c is OUT and d IN */
	af f = make(4, "ab ba ac bc cd");
	unsigned char l[4];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[2] == UNDEC && l[3] == UNDEC);
	cr_assert_eq(prefs(&f, p), 2);
	cr_expect(p[0] == (0x1u | 0x8u) && p[1] == (0x2u | 0x8u), "d floats in: %#x %#x", p[0],
	          p[1]);
}

Test(dung, six_cycle)
{
	af f = make(6, "ab bc cd de ef fa");
	unsigned char l[6];
	uint32_t p[8];

	grounded(&f, l);
	cr_expect(l[0] == UNDEC && l[5] == UNDEC);
	cr_assert_eq(prefs(&f, p), 2);
	cr_expect(p[0] == 0x15u && p[1] == 0x2au);
	check_af(&f, "six-cycle");
}

Test(dung, chain_of_components_downstream_of_a_choice)
{
	/* the 2-cycle ab decides e (a attacks e), e attacks the 3-cycle cdf
	 * entrance: a component fed by a choice */
	af f = make(6, "ab ba ae ec cd df fc");
	check_af(&f, "choice feeds an odd cycle");
}

Test(dung, limits_stop_with_a_reason)
{
	/* 10 disjoint 2-cycles: 1024 preferred extensions */
	af f;
	am_graph att, rev;
	am_dung_limits lim = {5, 0, 0};
	am_dung_stop stop;
	static got g;
	size_t i;

	memset(&f, 0, sizeof f);
	f.n = 10;
	for (i = 0; i < 10; i += 2) {
		add(&f, i, i + 1);
		add(&f, i + 1, i);
	}
	graphs(&f, &att, &rev);
	g.f = &f;
	g.n = 0;
	cr_assert_eq(am_dung_preferred(&att, &rev, &lim, take, &g, &stop), 0);
	cr_expect_eq(stop, AM_DUNG_STOP_COUNT);
	cr_expect_eq(g.n, 5);
	lim.max_extensions = 0;
	lim.max_steps = 20;
	g.n = 0;
	cr_assert_eq(am_dung_preferred(&att, &rev, &lim, take, &g, &stop), 0);
	cr_expect_eq(stop, AM_DUNG_STOP_STEPS);
	cr_expect_lt(g.n, 32);
	lim.max_steps = 0;
	g.n = 0;
	cr_assert_eq(am_dung_preferred(&att, &rev, &lim, take, &g, &stop), 0);
	cr_expect_eq(stop, AM_DUNG_COMPLETE);
	cr_expect_eq(g.n, 32);
	am_graph_free(&att);
	am_graph_free(&rev);
}

Test(dung, empty_framework)
{
	af f = make(0, "");
	uint32_t p[2];

	cr_expect_eq(prefs(&f, p), 1, "the empty framework has one (empty) extension");
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

/* Dense random frameworks: any arc, self-attacks included. */
Test(dung, random_against_brute_force)
{
	size_t t;

	for (t = 0; t < 4000; t++) {
		af f;
		size_t n = 1 + rnd() % 9, u, v;
		unsigned p = 5 + rnd() % 40; /* percent */
		char what[64];
		memset(&f, 0, sizeof f);
		f.n = n;
		for (u = 0; u < n; u++)
			for (v = 0; v < n; v++)
				if (rnd() % 100 < (u == v ? p / 4 : p))
					add(&f, u, v);
		snprintf(what, sizeof what, "random framework %zu", t);
		check_af(&f, what);
	}
}

/* Many small components in a row: blocks of 1-4 arguments with cycles
 * inside, and arcs only from earlier blocks to later ones, so the search
 * runs through long chains of components whose choices feed each other. */
Test(dung, random_layered_against_brute_force)
{
	size_t t;

	for (t = 0; t < 3000; t++) {
		af f;
		size_t block[MAXN], nb = 0, u, v;
		char what[64];
		memset(&f, 0, sizeof f);
		f.n = 4 + rnd() % 8;
		for (u = 0; u < f.n;) {
			size_t len = 1 + rnd() % 4;
			for (v = u; v < u + len && v < f.n; v++)
				block[v] = nb;
			u = v;
			nb++;
		}
		for (u = 0; u < f.n; u++)
			for (v = 0; v < f.n; v++) {
				unsigned pct = block[u] == block[v]  ? (u == v ? 10 : 55)
				               : block[u] < block[v] ? 25
				                                     : 0;
				if (rnd() % 100 < pct)
					add(&f, u, v);
			}
		snprintf(what, sizeof what, "layered framework %zu", t);
		check_af(&f, what);
	}
}

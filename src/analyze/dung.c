/*
 * dung.c - grounded and preferred labellings of an attack graph.
 *
 * Preferred, directionally: complete labellings compose along the
 * condensation of the attack graph (a component's labels depend only on
 * the components that attack it), and a complete labelling is preferred
 * exactly when, component by component in topological order, its part is a
 * complete labelling of the component with a maximal IN set among those
 * that agree with the labels before it (docs/semantics.md gives the
 * argument). So the search keeps one frame per component, each with the
 * component's maximal labellings under the labels chosen upstream, and
 * backtracks through them: iteratively, since a map can have 100 000
 * components.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/dung.h"

enum { IN = ARGMAP_LABEL_IN, OUT = ARGMAP_LABEL_OUT, UNDEC = ARGMAP_LABEL_UNDEC };

int am_dung_grounded(const am_graph *att, unsigned char *label)
{
	size_t n = att->n, head = 0, tail = 0, v, a;
	size_t *live = calloc(n + 1, sizeof *live); /* attackers not yet OUT */
	size_t *queue = malloc((n + 1) * sizeof *queue);

	if (!live || !queue) {
		free(live);
		free(queue);
		return ARGMAP_ENOMEM;
	}
	for (a = 0; a < att->m; a++)
		live[att->to[a]]++;
	for (v = 0; v < n; v++) {
		label[v] = 0;
		if (!live[v]) {
			label[v] = IN;
			queue[tail++] = v;
		}
	}
	/* Each vertex enters the queue once, when it is labelled; each arc is
	 * looked at once, when its tail leaves the queue. */
	while (head < tail) {
		v = queue[head++];
		for (a = att->start[v]; a < att->start[v + 1]; a++) {
			size_t w = att->to[a];
			if (label[w])
				continue;
			if (label[v] == IN) {
				label[w] = OUT;
				queue[tail++] = w;
			} else if (--live[w] == 0) {
				label[w] = IN;
				queue[tail++] = w;
			}
		}
	}
	for (v = 0; v < n; v++)
		if (!label[v])
			label[v] = UNDEC;
	free(live);
	free(queue);
	return 0;
}

/* ------------------------------------------------------------ preferred */

typedef struct frame {
	size_t off;    /* its alternatives start at alts + off */
	size_t nalts;  /* how many, each comp size bytes */
	size_t cursor; /* the next one to try */
	int ready;
} frame;

typedef struct search {
	const am_graph *att, *rev;
	const am_dung_limits *lim;
	size_t n, ncomp;
	size_t *comp;  /* vertex -> component */
	size_t *first; /* component c's members are mem[first[c] .. first[c + 1]) */
	size_t *mem;
	unsigned char *label;
	unsigned char
	    *ext; /* per vertex: 0 free, 1 blocked (an UNDEC attacker upstream), 2 forced OUT */
	unsigned char *in_t;  /* per vertex: chosen IN in the subset being tried */
	size_t *pos;          /* per vertex: its position among its component's members */
	unsigned char *state; /* the subset search's state per depth (n + 1 entries) */
	size_t *cand;         /* the free members of the component */
	unsigned char *alts;
	size_t alts_len, alts_cap;
	size_t steps;
	struct timespec t0;
	am_dung_stop stop;
} search;

static int out_of_time(search *s)
{
	struct timespec t;
	long ms;

	if (!s->lim->max_ms)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &t);
	ms = (long)(t.tv_sec - s->t0.tv_sec) * 1000 + (t.tv_nsec - s->t0.tv_nsec) / 1000000;
	return ms >= (long)s->lim->max_ms;
}

/* Counts `k` steps; sets s->stop and returns 1 when a limit is reached. */
static int spend(search *s, size_t k)
{
	size_t before = s->steps;

	s->steps += k;
	if (s->lim->max_steps && s->steps >= s->lim->max_steps) {
		s->stop = AM_DUNG_STOP_STEPS;
		return 1;
	}
	if ((before >> 12) != (s->steps >> 12) && out_of_time(s)) {
		s->stop = AM_DUNG_STOP_TIME;
		return 1;
	}
	return 0;
}

static int alts_grow(search *s, size_t extra)
{
	size_t cap = s->alts_cap ? s->alts_cap : 256;
	unsigned char *p;

	if (s->alts_len + extra <= s->alts_cap)
		return 0;
	while (cap < s->alts_len + extra)
		cap *= 2;
	p = realloc(s->alts, cap);
	if (!p)
		return ARGMAP_ENOMEM;
	s->alts = p;
	s->alts_cap = cap;
	return 0;
}

static int attacks_itself(const am_graph *g, size_t v)
{
	size_t a;

	for (a = g->start[v]; a < g->start[v + 1]; a++)
		if (g->to[a] == v)
			return 1;
	return 0;
}

/* Can v join the subset in_t without a conflict inside component c? */
static int can_be_in(const search *s, size_t v, size_t c)
{
	size_t a;

	for (a = s->rev->start[v]; a < s->rev->start[v + 1]; a++) {
		size_t u = s->rev->to[a];
		if (u == v || (s->comp[u] == c && s->in_t[u]))
			return 0;
	}
	for (a = s->att->start[v]; a < s->att->start[v + 1]; a++) {
		size_t w = s->att->to[a];
		if (s->comp[w] == c && s->in_t[w])
			return 0;
	}
	return 1;
}

/* With in_t the IN set, is it a complete labelling of component c (given
 * ext)? If so appends it at alts. Returns 0, or ARGMAP_ENOMEM. */
static int try_leaf(search *s, size_t c)
{
	size_t lo = s->first[c], k = s->first[c + 1] - lo, j, a;
	unsigned char *lab;

	if (alts_grow(s, k))
		return ARGMAP_ENOMEM;
	lab = s->alts + s->alts_len;
	for (j = 0; j < k; j++) {
		size_t v = s->mem[lo + j];
		lab[j] = s->in_t[v] ? IN : s->ext[v] == 2 ? OUT : UNDEC;
		if (lab[j] != UNDEC)
			continue;
		for (a = s->rev->start[v]; a < s->rev->start[v + 1]; a++) {
			size_t u = s->rev->to[a];
			if (s->comp[u] == c && s->in_t[u]) {
				lab[j] = OUT;
				break;
			}
		}
	}
	/* IN: every attacker inside OUT (outside ones are, or v would not be
	 * free); UNDEC and free: some attacker inside not OUT (else v must be IN) */
	for (j = 0; j < k; j++) {
		size_t v = s->mem[lo + j];
		int all_out = 1;
		if (lab[j] == OUT || (lab[j] == UNDEC && s->ext[v]))
			continue;
		for (a = s->rev->start[v]; a < s->rev->start[v + 1] && all_out; a++) {
			size_t u = s->rev->to[a];
			if (s->comp[u] == c && lab[s->pos[u]] != OUT)
				all_out = 0;
		}
		if ((lab[j] == IN) != all_out)
			return 0;
	}
	s->alts_len += k;
	return 0;
}

/* Is a's IN set a proper subset of b's? */
static int in_below(const unsigned char *a, const unsigned char *b, size_t k)
{
	size_t x;
	int proper = 0;

	for (x = 0; x < k; x++) {
		if (a[x] == IN && b[x] != IN)
			return 0;
		if (a[x] != IN && b[x] == IN)
			proper = 1;
	}
	return proper;
}

/* Keeps the alternatives of frame f with a maximal IN set: all are marked
 * first, then the kept ones are moved down. Returns 0 or ARGMAP_ENOMEM. */
static int keep_maximal(search *s, frame *f, size_t k)
{
	size_t i, j, kept = 0;
	unsigned char *base = s->alts + f->off;
	unsigned char *drop;

	if (f->nalts < 2)
		return 0;
	drop = calloc(f->nalts, 1);
	if (!drop)
		return ARGMAP_ENOMEM;
	for (i = 0; i < f->nalts; i++)
		for (j = 0; j < f->nalts && !drop[i]; j++)
			if (j != i && in_below(base + i * k, base + j * k, k))
				drop[i] = 1;
	for (i = 0; i < f->nalts; i++) {
		if (drop[i])
			continue;
		if (kept != i)
			memmove(base + kept * k, base + i * k, k);
		kept++;
	}
	free(drop);
	f->nalts = kept;
	s->alts_len = f->off + kept * k;
	return 0;
}

/* Fills frame f with the maximal complete labellings of component c given
 * the labels upstream. Returns 0 (s->stop set when a limit hit), or
 * ARGMAP_ENOMEM. */
static int fill_frame(search *s, frame *f, size_t c)
{
	size_t lo = s->first[c], k = s->first[c + 1] - lo, j, a, kc = 0, i;
	int rc;

	f->off = s->alts_len;
	f->nalts = 0;
	f->cursor = 0;
	f->ready = 1;
	for (j = 0; j < k; j++) {
		size_t v = s->mem[lo + j];
		s->ext[v] = 0;
		s->in_t[v] = 0;
		for (a = s->rev->start[v]; a < s->rev->start[v + 1]; a++) {
			size_t u = s->rev->to[a];
			if (s->comp[u] == c)
				continue;
			if (s->label[u] == IN) {
				s->ext[v] = 2;
				break;
			}
			if (s->label[u] == UNDEC)
				s->ext[v] = 1;
		}
	}
	if (spend(s, k + 1))
		return 0;
	if (k == 1 && !attacks_itself(s->att, s->mem[lo])) {
		size_t v = s->mem[lo];
		if (alts_grow(s, 1))
			return ARGMAP_ENOMEM;
		s->alts[s->alts_len++] = s->ext[v] == 2 ? OUT : s->ext[v] == 1 ? UNDEC : IN;
		f->nalts = 1;
		return 0;
	}
	for (j = 0; j < k; j++) {
		size_t v = s->mem[lo + j];
		if (!s->ext[v])
			s->cand[kc++] = v;
	}
	/* every subset of the free members, depth-first: state[i] is 0 (try
	 * cand[i] IN next), 1 (try it not IN next) or 2 (both tried) */
	{
		unsigned char *state = s->state;
		i = 0;
		state[0] = 0;
		for (;;) {
			if (spend(s, 1))
				break;
			if (i == kc) {
				size_t before = s->alts_len;
				rc = try_leaf(s, c);
				if (rc)
					return rc;
				if (s->alts_len != before)
					f->nalts++;
				if (spend(s, k) || i == 0)
					break;
				i--;
				continue;
			}
			if (state[i] == 0) {
				state[i] = 1;
				if (can_be_in(s, s->cand[i], c)) {
					s->in_t[s->cand[i]] = 1;
					state[++i] = 0;
					continue;
				}
			}
			if (state[i] == 1) {
				state[i] = 2;
				s->in_t[s->cand[i]] = 0;
				state[++i] = 0;
				continue;
			}
			s->in_t[s->cand[i]] = 0;
			if (i == 0)
				break;
			i--;
		}
	}
	for (j = 0; j < k; j++)
		s->in_t[s->mem[lo + j]] = 0;
	if (!s->stop && spend(s, f->nalts * f->nalts * k))
		return 0;
	return s->stop ? 0 : keep_maximal(s, f, k);
}

int am_dung_preferred(const am_graph *att, const am_graph *rev, const am_dung_limits *lim,
                      am_dung_ext_fn fn, void *ud, am_dung_stop *stop)
{
	search s;
	frame *fr = NULL;
	size_t n = att->n, v, c, level = 0, found = 0;
	int rc = ARGMAP_ENOMEM;

	memset(&s, 0, sizeof s);
	s.att = att;
	s.rev = rev;
	s.lim = lim;
	s.n = n;
	*stop = AM_DUNG_COMPLETE;
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	s.comp = malloc((n + 1) * sizeof *s.comp);
	s.mem = malloc((n + 1) * sizeof *s.mem);
	s.pos = malloc((n + 1) * sizeof *s.pos);
	s.cand = malloc((n + 1) * sizeof *s.cand);
	s.label = calloc(n + 1, 1);
	s.ext = calloc(n + 1, 1);
	s.in_t = calloc(n + 1, 1);
	s.state = calloc(n + 2, 1);
	if (!s.comp || !s.mem || !s.pos || !s.cand || !s.label || !s.ext || !s.in_t || !s.state)
		goto done;
	if (am_graph_scc(att, s.comp, &s.ncomp))
		goto done;
	/* members grouped by component (counting sort), and their positions */
	s.first = calloc(s.ncomp + 2, sizeof *s.first);
	fr = calloc(s.ncomp + 1, sizeof *fr);
	if (!s.first || !fr)
		goto done;
	for (v = 0; v < n; v++)
		s.first[s.comp[v] + 1]++;
	for (c = 0; c < s.ncomp; c++)
		s.first[c + 1] += s.first[c];
	{
		size_t *fill = calloc(s.ncomp + 1, sizeof *fill);
		if (!fill)
			goto done;
		for (v = 0; v < n; v++) {
			c = s.comp[v];
			s.pos[v] = fill[c]++;
			s.mem[s.first[c] + s.pos[v]] = v;
		}
		free(fill);
	}
	/* Tarjan completes a component after every component it attacks, so
	 * level L (0 first) is component ncomp - 1 - L: attackers first. */
	for (;;) {
		frame *f;
		size_t k, j;
		if (level == s.ncomp) {
			found++;
			if (fn(ud, s.label)) {
				*stop = AM_DUNG_STOP_CALLER;
				break;
			}
			if (lim->max_extensions && found >= lim->max_extensions) {
				*stop = AM_DUNG_STOP_COUNT;
				break;
			}
			if (level == 0)
				break;
			level--;
			continue;
		}
		c = s.ncomp - 1 - level;
		f = &fr[level];
		k = s.first[c + 1] - s.first[c];
		if (!f->ready) {
			int frc = fill_frame(&s, f, c);
			if (frc) {
				rc = frc;
				goto done;
			}
			if (s.stop) {
				*stop = s.stop;
				break;
			}
		}
		if (f->cursor < f->nalts) {
			const unsigned char *alt = s.alts + f->off + f->cursor * k;
			for (j = 0; j < k; j++)
				s.label[s.mem[s.first[c] + j]] = alt[j];
			f->cursor++;
			level++;
			if (level < s.ncomp)
				fr[level].ready = 0;
			continue;
		}
		s.alts_len = f->off;
		f->ready = 0;
		if (level == 0)
			break;
		level--;
	}
	rc = 0;
done:
	free(s.comp);
	free(s.first);
	free(s.mem);
	free(s.pos);
	free(s.cand);
	free(s.label);
	free(s.ext);
	free(s.in_t);
	free(s.state);
	free(s.alts);
	free(fr);
	return rc;
}

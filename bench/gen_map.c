/*
 * gen_map.c - synthetic argument maps shaped like real debates, for the
 * benchmark (bench/run.sh). Not part of argmap.
 *
 *   gen_map N [SEED] > map.xml
 *
 * N is the number of claims. The map has a few questions, each answered by
 * two or three top-level claims; every claim is then argued for and against
 * by trees of supports and rebuttals with branching 2-4 (about a quarter of
 * the claims are leaves), some linked supports (co-premises), some
 * undercuts, about 10 % cross-links between branches, evidence with quotes
 * for about a fifth of the claims, actors who hold the claims and sources
 * they cite. Texts are 80-200 characters, mix in Ukrainian and Russian
 * words, typographic quotes and dashes, and '&' that must be escaped.
 *
 * The output is a deterministic function of N and SEED (default 1), and
 * passes `argmap check` with no errors and no warnings. Supports always go
 * from a later claim to an earlier one, so there is never a support cycle.
 * The file stays under argmap's 8 MiB limit up to 20,000 claims.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ randomness */

static uint64_t rng_state;

static uint64_t rng_next(void) /* splitmix64 */
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0. The bias is negligible for small n. */
static size_t rnd(size_t n)
{
	return (size_t)((rng_next() >> 11) % n);
}

/* 1 with probability pct/100. */
static int chance(unsigned pct)
{
	return rnd(100) < pct;
}

#define PICK(arr) ((arr)[rnd(sizeof(arr) / sizeof((arr)[0]))])

/* --------------------------------------------------------------- word pools */

static const char *const subjects[] = {
	"The council", "Regional authorities", "The ministry in Київ", "Local traders",
	"The European Commission", "Independent analysts", "Most residents of Харків",
	"The opposition in the Верховна Рада", "Small businesses", "The central bank",
	"Teachers’ unions", "Farmers near Дніпро", "The mayor’s office", "A coalition of NGOs",
	"Rail operators", "Hospitals in Львів", "The finance committee", "Pensioners’ groups",
	"Young voters", "The port authority of Одеса", "Municipal engineers",
	"The “reform” caucus", "Energy regulators", "Several think tanks", "Local journalists",
	"The transport committee", "Parents of schoolchildren", "Cycling advocates",
	"Moscow’s negotiators", "Western diplomats", "The audit office", "Landlords",
};

static const char *const predicates[] = {
	"should expand", "cannot afford", "will benefit from", "has underestimated",
	"must delay", "would lose from", "ought to fund", "is right to oppose",
	"has failed to reform", "should put a cap on", "will have to renegotiate",
	"is wrong about", "can safely cut", "needs to publish the figures on",
	"should hold a referendum on", "would gain little from", "must not privatise",
	"has quietly abandoned", "should double spending on", "is already paying for",
};

static const char *const objects[] = {
	"the new rail link", "the “temporary” tax on fuel", "R&D spending",
	"the ceasefire proposal", "the реформа of local government",
	"grain exports through Одеса", "the 2026 budget", "a protected cycle lane",
	"the regional energy grid", "free school meals", "the pension system",
	"the bridge over the Dnipro", "переговоры about the border", "public housing",
	"the hospital merger", "sanctions on imported steel", "the water utility",
	"night trains to Warsaw", "the digital ID scheme", "the coal phase-out",
	"university tuition", "the airport expansion", "minimum wages", "the tram network",
	"rent controls", "military aid", "the anti-corruption court", "rural broadband",
	"the “Green Deal” targets", "subsidies for heat pumps", "the old market hall",
	"the громада mergers", "security guarantees", "Black Sea shipping insurance",
};

static const char *const tails[] = {
	"because costs have risen by 40 % since 2021",
	"— at least according to the 2024 audit",
	"unless the EU covers the shortfall",
	"as the ‘pilot’ in three громади showed",
	"even though turnout at the hearings was low",
	"which independent auditors have confirmed",
	"since demand keeps growing every winter",
	"while inflation stays above 10 %",
	"and the public supports it by a wide margin",
	"if the numbers in the committee’s report are right",
	"… or so the critics claim",
	"despite what the “experts” on television say",
	"because the contractor already missed two deadlines",
	"given that the previous scheme cost 1.2 billion гривень",
	"and nobody has offered a cheaper alternative",
	"because the law of 2019 requires it",
	"although the opposition calls it a “giveaway”",
	"so long as the money is spent transparently",
	"since the same plan worked in Kraków and Vilnius",
	"because voters in Полтава were never consulted",
	"– a point the minister conceded last spring",
	"which would free funds for R&D and training",
	"because the old system cannot be repaired",
	"and delay only makes the problem worse",
};

static const char *const fillers[] = {
	"now", "soon", "again", "too", "in 2026", "this year", "at once", "for now", "by law",
	"at last", "in full", "for good",
};

static const char *const evidence_heads[] = {
	"Between 2019 and 2024", "In the last fiscal year", "According to the survey",
	"Since the war began", "In the three pilot regions", "Over the past decade",
	"In a poll of 1,500 residents", "By the end of 2025", "Across 42 municipalities",
	"In the committee’s own figures",
};

static const char *const evidence_verbs[] = {
	"grew by", "fell by", "cost an extra", "rose to", "dropped to", "saved",
	"accounted for", "reached",
};

static const char *const units[] = {
	"percent", "million euros", "billion гривень", "thousand passengers", "percent of households",
	"cases", "jobs",
};

static const char *const question_heads[] = {
	"Should", "Can", "Must", "Will",
};

static const char *const question_verbs[] = {
	"expand", "afford", "delay", "fund", "reform", "put a cap on", "renegotiate",
	"cut", "privatise", "hold a referendum on", "double spending on", "abandon",
};

static const char *const given_names[] = {
	"Olena", "Andriy", "Iryna", "Mykola", "Sofia", "Taras", "Anna", "Dmytro", "Maria",
	"Oleksandr", "Kateryna", "Jan", "Agnieszka", "Thomas", "Claire", "Olga", "Олена",
	"Андрій", "Ірина", "Микола", "Сергей", "Наталья",
};

static const char *const family_names[] = {
	"Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kowalski", "Nowak", "Meyer",
	"Dupont", "Smith", "O’Brien", "Коваленко", "Шевченко", "Бондаренко", "Иванова",
	"Мельник", "Novák",
};

static const char *const org_names[] = {
	"Transport Committee", "Chamber of Commerce", "Cyclists’ Union", "Green Party",
	"Institute for Fiscal Studies", "Центр економічної стратегії", "Traders’ Association",
	"Regional Council", "Teachers’ Federation", "Pensioners’ League", "Rail Workers’ Union",
	"Фонд «Демократичні ініціативи»", "Energy Forum", "Farmers’ Cooperative",
};

static const char *const roles[] = {
	"Mayor", "Deputy minister", "Professor of economics", "Union leader", "Columnist",
	"Member of parliament", "Analyst", "Council member",
};

static const char *const source_titles[] = {
	"Report on", "A fresh look at", "The case against", "Why we need", "Notes on",
	"What the figures say about", "Hearing on", "Open letter on", "Interview about",
};

static const char *const publishers[] = {
	"Riverton Town Council", "Українська правда", "Foreign Affairs", "Carnegie Endowment",
	"Kyiv Independent", "Європейська правда", "The Economist", "Regional Gazette",
};

static const char *const source_kinds[] = {
	"article", "analysis", "report", "book", "speech", "interview", "statement", "web", "other",
};

static const char *const actor_kinds[] = {"person", "organisation", "government", "group"};

static const char *const tag_pool[] = {
	"economy", "security", "transport", "energy", "health", "education", "budget",
	"housing", "diplomacy", "економіка", "climate", "law",
};

static const char *const stances[] = {"yes", "no", "qualified"};

/* ------------------------------------------------------------- text output */

#define TEXT_MAX 1024

/* Characters (not bytes) in a UTF-8 string. */
static size_t u8len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

typedef struct text {
	char b[TEXT_MAX];
	size_t bytes; /* strlen(b) */
	size_t chars; /* characters in b */
} text;

static void t_reset(text *t)
{
	t->b[0] = '\0';
	t->bytes = t->chars = 0;
}

/* Append " w" (no space at the start). Returns 0 if it would exceed
 * max_chars characters, and then appends nothing. */
static int t_word(text *t, const char *w, size_t max_chars)
{
	size_t wl = strlen(w), wc = u8len(w), sp = t->bytes ? 1 : 0;

	if (t->chars + sp + wc > max_chars || t->bytes + sp + wl + 2 >= TEXT_MAX)
		return 0;
	if (sp)
		t->b[t->bytes++] = ' ';
	memcpy(t->b + t->bytes, w, wl + 1);
	t->bytes += wl;
	t->chars += sp + wc;
	return 1;
}

/* Finish a sentence of lo..hi characters (including the final mark): top up
 * with short words to reach lo, then end with `mark`. */
static void t_finish(text *t, size_t lo, size_t hi, char mark)
{
	while (t->chars + 1 < lo)
		if (!t_word(t, PICK(fillers), hi - 1) && !t_word(t, "too", hi - 1))
			break;
	t->b[t->bytes++] = mark;
	t->b[t->bytes] = '\0';
	t->chars++;
}

/* A claim: "Subject predicate object tail[, and tail]." in 80..200 chars. */
static void make_claim_text(text *t)
{
	size_t target = 80 + rnd(121), i;

	t_reset(t);
	t_word(t, PICK(subjects), target - 1);
	t_word(t, PICK(predicates), target - 1);
	t_word(t, PICK(objects), target - 1);
	for (i = 0; i < 4 && t->chars + 12 < target; i++) {
		if (i > 0 && !t_word(t, chance(50) ? "and" : "while", target - 1))
			break;
		if (!t_word(t, PICK(tails), target - 1)) {
			if (i > 0) { /* drop the dangling connector */
				while (t->bytes && t->b[t->bytes - 1] != ' ')
					t->bytes--, t->chars--;
				if (t->bytes)
					t->bytes--, t->chars--;
				t->b[t->bytes] = '\0';
			}
			break;
		}
	}
	t_finish(t, 80, 200, '.');
}

/* A tail for a quote: without a leading ellipsis, which a quote may not
 * hold (AM315). The random stream is the same as with the tail itself. */
static const char *quote_tail(const char *tail)
{
	return strncmp(tail, "\xE2\x80\xA6 ", 4) == 0 ? tail + 4 : tail;
}

/* An evidence quote: a statistic, in 80..200 chars. */
static void make_quote_text(text *t)
{
	size_t target = 80 + rnd(121);
	char num[64];

	t_reset(t);
	t_word(t, PICK(evidence_heads), target - 1);
	t->b[t->bytes++] = ',';
	t->b[t->bytes] = '\0';
	t->chars++;
	t_word(t, PICK(objects), target - 1);
	t_word(t, PICK(evidence_verbs), target - 1);
	snprintf(num, sizeof num, "%u.%u", (unsigned)(1 + rnd(90)), (unsigned)rnd(10));
	t_word(t, num, target - 1);
	t_word(t, PICK(units), target - 1);
	if (!t_word(t, quote_tail(PICK(tails)), target - 1))
		t_word(t, quote_tail(PICK(tails)), target - 1);
	t_finish(t, 80, 200, '.');
}

static void make_question_text(text *t)
{
	t_reset(t);
	t_word(t, PICK(question_heads), 200);
	t_word(t, chance(50) ? "the government" : "the city", 200);
	t_word(t, PICK(question_verbs), 200);
	t_word(t, PICK(objects), 200);
	t_word(t, PICK(fillers), 200);
	t_finish(t, 40, 200, '?');
}

static void put_esc(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", stdout); break;
		case '<': fputs("&lt;", stdout); break;
		case '>': fputs("&gt;", stdout); break;
		case '"': fputs("&quot;", stdout); break;
		default: putchar(*s); break;
		}
	}
}

/* Print a text element's content; long ones are wrapped once, as people
 * wrap them by hand (argmap folds the whitespace). */
static void put_text(const char *s, const char *indent)
{
	const char *brk = NULL;

	if (strlen(s) > 110 && chance(40)) {
		brk = strchr(s + 70, ' ');
	}
	if (!brk) {
		put_esc(s);
		return;
	}
	{
		size_t n = (size_t)(brk - s);
		char head[TEXT_MAX];

		memcpy(head, s, n);
		head[n] = '\0';
		put_esc(head);
		printf("\n%s  ", indent);
		put_esc(brk + 1);
	}
}

/* ------------------------------------------------------------- the model */

enum rel_kind { REL_SUPPORT, REL_REBUT, REL_UNDERCUT };

typedef struct relation {
	enum rel_kind kind;
	char from[2][16]; /* one or two ids (linked co-premises) */
	int nfrom;
	char to[16];
	unsigned id;     /* support id r<id>, 0: none */
	unsigned by;     /* actor index + 1, 0: none */
	size_t anchor;   /* printed after this claim */
} relation;

typedef struct gen {
	size_t nclaims, nquestions, nactors, nsources;
	size_t *parent;     /* claim -> parent claim, or (size_t)-1 for roots */
	size_t *question;   /* root claim -> question */
	relation *rels;
	size_t nrels, caprels;
	unsigned next_sup_id;
	unsigned next_ev_id;
	size_t *authored;   /* actor -> 1 + a source it authors, 0 if none */
} gen;

static void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz);

	if (!p) {
		fputs("gen_map: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static relation *add_rel(gen *g, enum rel_kind kind, size_t anchor)
{
	relation *r;

	if (g->nrels == g->caprels) {
		g->caprels = g->caprels ? 2 * g->caprels : 1024;
		g->rels = realloc(g->rels, g->caprels * sizeof *g->rels);
		if (!g->rels) {
			fputs("gen_map: out of memory\n", stderr);
			exit(3);
		}
	}
	r = &g->rels[g->nrels++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->anchor = anchor;
	r->nfrom = 1;
	if (chance(20))
		r->by = (unsigned)(1 + rnd(g->nactors));
	return r;
}

static void claim_id(char *out, size_t i)
{
	snprintf(out, 16, "c%u", (unsigned)(i + 1));
}

/* Build the claim trees: the roots answer the questions, then each claim
 * in turn gets 2-4 children (or none), until nclaims are placed. */
static void build_trees(gen *g, size_t nroots)
{
	size_t head, next = nroots;

	for (head = 0; head < g->nclaims && next < g->nclaims; head++) {
		size_t k, c, nsup = 0, sup_idx[4];
		size_t kid_rel[4]; /* indices into g->rels: add_rel may move it */

		/* a leaf, unless it is the last claim that could still grow */
		if (head + 1 < next && chance(25))
			continue;
		k = 2 + rnd(3);
		if (k > g->nclaims - next)
			k = g->nclaims - next;
		for (c = 0; c < k; c++) {
			size_t kid = next++;
			relation *r;

			g->parent[kid] = head;
			if (c > 0 && nsup > 0 && chance(7)) {
				/* undercut the inference of an earlier sibling's support */
				size_t target = kid_rel[sup_idx[rnd(nsup)]];

				if (!g->rels[target].id)
					g->rels[target].id = ++g->next_sup_id;
				r = add_rel(g, REL_UNDERCUT, kid);
				snprintf(r->to, sizeof r->to, "r%u", g->rels[target].id);
			} else if (chance(62)) {
				r = add_rel(g, REL_SUPPORT, kid);
				claim_id(r->to, head);
				sup_idx[nsup++] = c;
			} else {
				r = add_rel(g, REL_REBUT, kid);
				claim_id(r->to, head);
			}
			claim_id(r->from[0], kid);
			kid_rel[c] = g->nrels - 1;
		}
		/* sometimes two supports of this claim are one linked reason */
		if (nsup >= 2 && chance(18)) {
			relation *a = &g->rels[kid_rel[sup_idx[0]]], *b = &g->rels[kid_rel[sup_idx[1]]];

			if (!a->id && !b->id) {
				memcpy(a->from[1], b->from[0], sizeof a->from[1]);
				a->nfrom = 2;
				a->anchor = b->anchor;
				b->nfrom = 0; /* dropped: printed as part of a */
			}
		}
	}
}

/* ~10 % cross-links: a later claim supports or rebuts an earlier one that is
 * not its parent (so supports still all point backwards: no cycles). */
static void build_crosslinks(gen *g)
{
	size_t n = g->nclaims / 10, i, tries = 0;
	size_t *seen = xcalloc(n * 2 + 1, sizeof *seen), nseen = 0;

	for (i = 0; i < n && tries < 20 * n; tries++) {
		size_t from = 1 + rnd(g->nclaims - 1), to = rnd(from), j;
		int dup = 0;
		relation *r;

		if (g->parent[from] == to)
			continue;
		for (j = 0; j < nseen && !dup; j += 2)
			dup = seen[j] == from && seen[j + 1] == to;
		if (dup)
			continue;
		if (nseen + 2 <= n * 2) {
			seen[nseen++] = from;
			seen[nseen++] = to;
		}
		r = add_rel(g, chance(55) ? REL_SUPPORT : REL_REBUT, from);
		claim_id(r->from[0], from);
		claim_id(r->to, to);
		i++;
	}
	free(seen);
}

/* ------------------------------------------------------------- printing */

/* A relation's holder is cited through a source they author (argmap warns
 * otherwise, AM309); a holder who authors none is left out. Neither draws
 * from the random stream. */
static void print_relation(const gen *g, const relation *r)
{
	static const char *const names[] = {"support", "rebut", "undercut"};

	if (r->nfrom == 0)
		return;
	printf("  <%s", names[r->kind]);
	if (r->id)
		printf(" id=\"r%u\"", r->id);
	printf(" from=\"%s", r->from[0]);
	if (r->nfrom == 2)
		printf(" %s", r->from[1]);
	printf("\" to=\"%s\"", r->to);
	if (r->by && g->authored[r->by - 1])
		printf(" by=\"a%u\" source=\"s%zu\"", r->by, g->authored[r->by - 1]);
	if (r->nfrom == 2 && chance(30))
		fputs(">\n    <note>Linked: the two premises only work together.</note>\n  </support>\n",
		      stdout);
	else
		fputs("/>\n", stdout);
}

static void print_actor(size_t i)
{
	size_t kind = i % 7 == 0 ? 1 : i % 11 == 0 ? 2 : i % 13 == 0 ? 3 : 0;

	printf("  <actor id=\"a%zu\" kind=\"%s\" name=\"", i + 1, actor_kinds[kind]);
	if (kind == 0) {
		put_esc(PICK(given_names));
		putchar(' ');
		put_esc(PICK(family_names));
		printf("\" role=\"");
		put_esc(PICK(roles));
	} else {
		put_esc(PICK(org_names));
	}
	if (chance(40)) {
		printf("\" affiliation=\"");
		put_esc(PICK(org_names));
	}
	fputs("\"/>\n", stdout);
}

static void print_source(gen *g, size_t i)
{
	const char *kind = PICK(source_kinds);
	size_t author = rnd(g->nactors);

	if (!g->authored[author])
		g->authored[author] = i + 1;
	printf("  <source id=\"s%zu\" kind=\"%s\" authors=\"a%zu\" date=\"%u-%02u-%02u\"", i + 1,
	       kind, author + 1, (unsigned)(2019 + rnd(7)), (unsigned)(1 + rnd(12)),
	       (unsigned)(1 + rnd(28)));
	if (chance(70))
		printf(" url=\"https://example.org/sources/%zu?lang=%s&amp;page=%u\"", i + 1,
		       chance(50) ? "uk" : "en", (unsigned)(1 + rnd(20)));
	fputs(">\n    <title>", stdout);
	put_esc(PICK(source_titles));
	putchar(' ');
	put_esc(PICK(objects));
	fputs("</title>\n", stdout);
	if (chance(70)) {
		fputs("    <publisher>", stdout);
		put_esc(PICK(publishers));
		fputs("</publisher>\n", stdout);
	}
	fputs("  </source>\n", stdout);
}

static void print_tags(void)
{
	if (chance(30)) {
		printf(" tags=\"%s", PICK(tag_pool));
		if (chance(30))
			printf(" %s", PICK(tag_pool));
		putchar('"');
	}
}

static void print_claim(gen *g, size_t i)
{
	text t;
	size_t by;

	make_claim_text(&t);
	/* the first claims name every actor and cite every source once */
	by = i < g->nactors ? i : rnd(g->nactors);
	printf("  <claim id=\"c%zu\" by=\"a%zu", i + 1, by + 1);
	if (chance(15)) /* a second, different actor */
		printf(" a%zu", (by + 1 + rnd(g->nactors - 1)) % g->nactors + 1);
	putchar('"');
	if (i < g->nsources)
		printf(" source=\"s%zu\"", i + 1);
	else if (chance(55))
		printf(" source=\"s%zu\"", 1 + rnd(g->nsources));
	print_tags();
	fputs(">\n    <text>", stdout);
	put_text(t.b, "    ");
	fputs("</text>\n", stdout);
	if (chance(3))
		fputs("    <note>Paraphrased; the speaker’s own words are harsher.</note>\n", stdout);
	fputs("  </claim>\n", stdout);
}

static void print_evidence_item(gen *g, unsigned id)
{
	text t;
	static const char *const where[] = {"para. ", "p. ", "section 2, para. ", "minute "};

	make_quote_text(&t);
	printf("  <evidence id=\"e%u\" source=\"s%zu\"", id, 1 + rnd(g->nsources));
	if (chance(70))
		printf(" speaker=\"a%zu\"", 1 + rnd(g->nactors));
	if (chance(80))
		printf(" locator=\"%s%u\"", PICK(where), (unsigned)(1 + rnd(40)));
	print_tags();
	fputs(">\n    <quote>", stdout);
	put_text(t.b, "    ");
	fputs("</quote>\n  </evidence>\n", stdout);
}

/* Evidence for about a fifth of the claims: one or two quotes, backing the
 * claim (sometimes as linked evidence) or, less often, contradicting it. */
static void print_evidence(gen *g, size_t claim)
{
	unsigned a, b;
	const char *kind;

	if (!chance(21))
		return;
	kind = chance(80) ? "support" : "rebut";
	a = ++g->next_ev_id;
	print_evidence_item(g, a);
	if (chance(25)) {
		b = ++g->next_ev_id;
		print_evidence_item(g, b);
		if (chance(50) && kind[0] == 's') {
			printf("  <support from=\"e%u e%u\" to=\"c%zu\"/>\n", a, b, claim + 1);
			return;
		}
		printf("  <%s from=\"e%u\" to=\"c%zu\"/>\n", kind, b, claim + 1);
	}
	printf("  <%s from=\"e%u\" to=\"c%zu\"/>\n", kind, a, claim + 1);
}

static size_t parse_size(const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-') {
		fprintf(stderr, "gen_map: %s must be a non-negative integer, not '%s'\n", what, s);
		exit(2);
	}
	return (size_t)v;
}

int main(int argc, char **argv)
{
	gen g;
	size_t i, nroots, r;
	size_t *order, *start;
	text t;

	if (argc < 2 || argc > 3 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs("Usage: gen_map N [SEED] > map.xml\n"
		      "Write a synthetic argmap map with N claims (1..25000), deterministic for SEED.\n",
		      argc < 2 || argc > 3 ? stderr : stdout);
		return argc < 2 || argc > 3 ? 2 : 0;
	}
	memset(&g, 0, sizeof g);
	g.nclaims = parse_size(argv[1], "N");
	rng_state = argc > 2 ? parse_size(argv[2], "SEED") : 1;
	if (g.nclaims < 2 || g.nclaims > 25000) {
		fputs("gen_map: N must be 2..25000 (argmap reads files up to 8 MiB)\n", stderr);
		return 2;
	}
	g.nquestions = g.nclaims < 50 ? 1 : g.nclaims < 1000 ? 2 : g.nclaims < 10000 ? 3 : 4;
	g.nactors = g.nclaims / 25 < 3 ? 3 : g.nclaims / 25 > 800 ? 800 : g.nclaims / 25;
	g.nsources = g.nclaims / 30 < 2 ? 2 : g.nclaims / 30 > 600 ? 600 : g.nclaims / 30;
	nroots = g.nquestions * 2 + rnd(g.nquestions + 1); /* 2-3 answers per question */
	if (nroots > g.nclaims)
		nroots = g.nclaims;
	g.parent = xcalloc(g.nclaims, sizeof *g.parent);
	g.question = xcalloc(nroots, sizeof *g.question);
	for (i = 0; i < g.nclaims; i++)
		g.parent[i] = (size_t)-1;
	for (i = 0; i < nroots; i++)
		g.question[i] = i < g.nquestions ? i : rnd(g.nquestions);
	build_trees(&g, nroots);
	build_crosslinks(&g);

	/* relations grouped by the claim they are printed after (stable) */
	start = xcalloc(g.nclaims + 1, sizeof *start);
	order = xcalloc(g.nrels, sizeof *order);
	for (r = 0; r < g.nrels; r++)
		start[g.rels[r].anchor + 1]++;
	for (i = 0; i < g.nclaims; i++)
		start[i + 1] += start[i];
	{
		size_t *fill = xcalloc(g.nclaims, sizeof *fill);

		for (r = 0; r < g.nrels; r++) {
			size_t a = g.rels[r].anchor;
			order[start[a] + fill[a]++] = r;
		}
		free(fill);
	}

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<!-- Synthetic map written by bench/gen_map for the argmap benchmark. -->\n",
	      stdout);
	printf("<argmap xmlns=\"urn:argmap:1\" version=\"1\" xml:lang=\"en\">\n"
	       "  <meta>\n"
	       "    <title>Synthetic debate: %zu claims (seed %s)</title>\n"
	       "    <description>Generated to benchmark argmap; the people and texts are "
	       "fictional.</description>\n"
	       "    <editor>bench/gen_map</editor>\n"
	       "    <date>2026-11-24</date>\n"
	       "  </meta>\n\n"
	       "  <!-- ======================================== actors and sources -->\n",
	       g.nclaims, argc > 2 ? argv[2] : "1");
	for (i = 0; i < g.nactors; i++)
		print_actor(i);
	g.authored = xcalloc(g.nactors, sizeof *g.authored);
	for (i = 0; i < g.nsources; i++)
		print_source(&g, i);

	fputs("\n  <!-- ================================================ questions -->\n", stdout);
	for (i = 0; i < g.nquestions; i++) {
		make_question_text(&t);
		printf("  <question id=\"q%zu\" source=\"s%zu\"", i + 1, 1 + rnd(g.nsources));
		print_tags();
		fputs(">\n    <text>", stdout);
		put_esc(t.b);
		fputs("</text>\n  </question>\n", stdout);
	}

	for (i = 0; i < g.nclaims; i++) {
		if (i < nroots && i == 0)
			fputs("\n  <!-- ================================== the answers -->\n", stdout);
		if (i == nroots)
			fputs("\n  <!-- ============================ the arguments -->\n", stdout);
		print_claim(&g, i);
		print_evidence(&g, i);
		for (r = start[i]; r < start[i + 1]; r++)
			print_relation(&g, &g.rels[order[r]]);
		if (i < nroots)
			printf("  <answer from=\"c%zu\" to=\"q%zu\" stance=\"%s\"/>\n", i + 1,
			       g.question[i] + 1, PICK(stances));
	}
	fputs("</argmap>\n", stdout);

	free(order);
	free(start);
	free(g.rels);
	free(g.authored);
	free(g.question);
	free(g.parent);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gen_map: write");
		return 3;
	}
	return 0;
}

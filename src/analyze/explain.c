/*
 * explain.c - why each item has its label (explain.h).
 *
 * A claim's attackers in the framework are its rebuttals and N(c), "no
 * support of c holds"; a support's are its premises' M(s,p) and its
 * undercuts. So an OUT claim is either rebutted (an IN rebuttal) or not
 * established (N(c) IN: every support fails), and the explanation says
 * which; an UNDEC item either sits in a cycle of attacks (its strongly
 * connected component, with an UNDEC attacker inside it) or waits on an
 * UNDEC attacker upstream.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/explain.h"
#include "util/buf.h"

#define MAX_NAMES 3 /* items named in one list; the rest are counted */

enum { IN = ARGMAP_LABEL_IN, OUT = ARGMAP_LABEL_OUT, UNDEC = ARGMAP_LABEL_UNDEC };

typedef struct ctx {
	const am_fw *fw;
	const argmap_map *map;
	const unsigned char *lab;
	size_t *comp;
	unsigned char *cyclic; /* per component: has a cycle */
	unsigned char *mixed;  /* per component: holds more than claims and evidence */
	size_t *nodes;         /* per component: up to MAX_NAMES + 1 node members */
	size_t *n_nodes;       /* per component: how many node members */
} ctx;

static const char *lname(unsigned char l)
{
	return argmap_label_name((argmap_label)l);
}

/* A relation by id, or by its premises ("a + b") when it has none. */
static void put_rel(am_buf *b, const argmap_map *map, size_t r)
{
	const argmap_relation *rel = argmap_map_relation(map, r);
	size_t j;

	if (rel->id) {
		am_buf_puts(b, rel->id);
		return;
	}
	for (j = 0; j < rel->n_from && j < MAX_NAMES; j++) {
		if (j)
			am_buf_puts(b, " + ");
		am_buf_puts(b, rel->from[j].id);
	}
	if (rel->n_from > MAX_NAMES)
		am_buf_printf(b, " + %zu more", rel->n_from - MAX_NAMES);
}

/* The map item an attacker vertex stands for: a node (a rebuttal or
 * undercut with one premise) or a relation. */
static void put_attacker(am_buf *b, const ctx *c, size_t u)
{
	if (c->fw->kind[u] == AM_FW_NODE)
		am_buf_puts(b, argmap_map_node(c->map, c->fw->item[u])->id);
	else
		put_rel(b, c->map, c->fw->item[u]);
}

/* Lists the attackers of v of the given kind class (rebuttal-like: NODE
 * or REL; `want` a label or 0 for any), "x, y and 2 more"; returns how
 * many there are. With b NULL, only counts them. */
static size_t list_attackers(am_buf *b, const ctx *c, size_t v, int premises, unsigned char want)
{
	const am_graph *rev = &c->fw->rev;
	size_t a, n = 0, total = 0;

	for (a = rev->start[v]; a < rev->start[v + 1]; a++) {
		size_t u = rev->to[a];
		unsigned char k = c->fw->kind[u];
		if (premises ? k != AM_FW_PREMISE : (k != AM_FW_NODE && k != AM_FW_REL))
			continue;
		if (want && c->lab[u] != want)
			continue;
		total++;
	}
	if (!b)
		return total;
	for (a = rev->start[v]; a < rev->start[v + 1]; a++) {
		size_t u = rev->to[a];
		unsigned char k = c->fw->kind[u];
		if (premises ? k != AM_FW_PREMISE : (k != AM_FW_NODE && k != AM_FW_REL))
			continue;
		if (want && c->lab[u] != want)
			continue;
		if (n == MAX_NAMES) {
			am_buf_printf(b, " and %zu more", total - n);
			break;
		}
		if (n)
			am_buf_puts(b, n + 1 == total ? " and " : ", ");
		if (premises)
			am_buf_puts(b, argmap_map_node(c->map, c->fw->node[u])->id);
		else
			put_attacker(b, c, u);
		n++;
	}
	return total;
}

static size_t count_attackers(const ctx *c, size_t v, int premises, unsigned char want)
{
	return list_attackers(NULL, c, v, premises, want);
}

/* The first attacker of v with label `want` (of any kind), or ARGMAP_NONE. */
static size_t first_attacker(const ctx *c, size_t v, unsigned char want, int same_comp)
{
	const am_graph *rev = &c->fw->rev;
	size_t a;

	for (a = rev->start[v]; a < rev->start[v + 1]; a++) {
		size_t u = rev->to[a];
		if (c->lab[u] != want)
			continue;
		if (same_comp >= 0 && (c->comp[u] == c->comp[v]) != same_comp)
			continue;
		return u;
	}
	return ARGMAP_NONE;
}

/* Why support vertex s (OUT or UNDEC) does not hold: its first attacker
 * with the label that makes it so. */
static void put_support_failure(am_buf *b, const ctx *c, size_t s, unsigned char want)
{
	size_t u = first_attacker(c, s, want, -1);

	if (u == ARGMAP_NONE)
		return;
	if (c->fw->kind[u] == AM_FW_PREMISE)
		am_buf_printf(b, "premise %s is %s", argmap_map_node(c->map, c->fw->node[u])->id,
		              want == IN ? "OUT" : "UNDEC");
	else {
		am_buf_puts(b, "undercut by ");
		put_attacker(b, c, u);
		am_buf_printf(b, ", %s", lname(want));
	}
}

/* "in a cycle of rebuttals with x and y", if v is UNDEC because of an
 * UNDEC attacker in its own component; returns 0 otherwise. */
static int put_cycle(am_buf *b, const ctx *c, size_t v, size_t self_node)
{
	size_t k = c->comp[v], n, i, named = 0, others;

	if (!c->cyclic[k] || first_attacker(c, v, UNDEC, 1) == ARGMAP_NONE)
		return 0;
	n = c->n_nodes[k];
	others = n - (self_node != ARGMAP_NONE && n ? 1 : 0);
	if (others == 0) {
		am_buf_puts(b, self_node != ARGMAP_NONE && !c->mixed[k]
		                   ? "UNDEC: it rebuts itself"
		                   : "UNDEC: in a cycle of attacks through its own support");
		return 1;
	}
	am_buf_printf(b, "UNDEC: in a cycle of %s with ", c->mixed[k] ? "attacks" : "rebuttals");
	for (i = 0; i < n && i <= MAX_NAMES && named < MAX_NAMES; i++) {
		size_t x = c->nodes[k * (MAX_NAMES + 1) + i];
		if (x == self_node)
			continue;
		if (named)
			am_buf_puts(b,
			            named + 1 == others || named + 1 == MAX_NAMES ? " and " : ", ");
		am_buf_puts(b, argmap_map_node(c->map, x)->id);
		named++;
	}
	if (others > named)
		am_buf_printf(b, " and %zu more", others - named);
	return 1;
}

static void explain_node(am_buf *b, const ctx *c, size_t x)
{
	const argmap_node *nd = argmap_map_node(c->map, x);
	size_t v = x, nsup = c->fw->nosup[x];
	unsigned char l = c->lab[v];
	size_t reb;

	if (l == IN) {
		if (nsup != ARGMAP_NONE) {
			size_t nin = count_attackers(c, nsup, 0, IN);
			size_t s = first_attacker(c, nsup, IN, -1);
			am_buf_puts(b, "IN: supported by ");
			put_rel(b, c->map, c->fw->item[s]);
			am_buf_puts(b, " (all premises IN)");
			if (nin > 1)
				am_buf_printf(b, " and %zu other support%s", nin - 1,
				              nin > 2 ? "s" : "");
		} else {
			am_buf_puts(b, nd->kind == ARGMAP_NODE_EVIDENCE
			                   ? "IN: evidence"
			                   : "IN: an assumption (no support)");
		}
		reb = count_attackers(c, v, 0, 0);
		if (!reb) {
			am_buf_puts(b, nsup != ARGMAP_NONE ? "; not rebutted"
			               : nd->kind == ARGMAP_NODE_EVIDENCE
			                   ? ", which nothing attacks"
			                   : ", not rebutted");
			return;
		}
		am_buf_printf(b, "; its rebuttal%s ", reb > 1 ? "s" : "");
		list_attackers(b, c, v, 0, 0);
		am_buf_printf(b, " %s OUT", reb > 1 ? "are" : "is");
		return;
	}
	if (l == OUT) {
		int nest = nsup != ARGMAP_NONE && c->lab[nsup] == IN;
		if (count_attackers(c, v, 0, IN)) {
			am_buf_puts(b, "OUT: rebutted by ");
			list_attackers(b, c, v, 0, IN);
			am_buf_puts(b, " (IN)");
			if (nest)
				am_buf_puts(b, "; also not established");
		}
		if (nest && !count_attackers(c, v, 0, IN)) {
			const am_graph *rev = &c->fw->rev;
			size_t n = rev->start[nsup + 1] - rev->start[nsup], a, i = 0;
			if (n == 1)
				am_buf_puts(b, "OUT: not established: its only support ");
			else
				am_buf_printf(
				    b, "OUT: not established: all %zu of its supports fail: ", n);
			for (a = rev->start[nsup]; a < rev->start[nsup + 1]; a++, i++) {
				size_t s = rev->to[a];
				if (i == MAX_NAMES) {
					am_buf_printf(b, " and %zu more", n - i);
					break;
				}
				if (i)
					am_buf_puts(b, ", ");
				put_rel(b, c->map, c->fw->item[s]);
				am_buf_puts(b, n == 1 ? " fails (" : " (");
				put_support_failure(b, c, s, IN);
				am_buf_puts(b, ")");
			}
		}
		return;
	}
	if (put_cycle(b, c, v, x))
		return;
	if (count_attackers(c, v, 0, UNDEC)) {
		size_t n = count_attackers(c, v, 0, UNDEC);
		am_buf_printf(b, "UNDEC: its rebuttal%s ", n > 1 ? "s" : "");
		list_attackers(b, c, v, 0, UNDEC);
		am_buf_printf(b, " %s UNDEC", n > 1 ? "are" : "is");
		return;
	}
	if (nsup != ARGMAP_NONE) {
		size_t s = first_attacker(c, nsup, UNDEC, -1);
		am_buf_puts(b, "UNDEC: no support holds for certain: ");
		if (s != ARGMAP_NONE) {
			put_rel(b, c->map, c->fw->item[s]);
			am_buf_puts(b, " is UNDEC (");
			put_support_failure(b, c, s, UNDEC);
			am_buf_puts(b, ")");
		}
	}
}

/* A relation's label: S(r) or R(r), or its one premise's A(p). */
static void explain_rel(am_buf *b, const ctx *c, size_t r, size_t v)
{
	const argmap_relation *rel = argmap_map_relation(c->map, r);
	unsigned char l = c->lab[v];
	size_t nu;

	if (c->fw->kind[v] == AM_FW_NODE) {
		am_buf_printf(b, "%s: its premise %s is %s", lname(l),
		              argmap_map_node(c->map, v)->id, lname(l));
		return;
	}
	if (l == IN) {
		size_t np = count_attackers(c, v, 1, 0);
		am_buf_puts(b, np == 1 ? "IN: its premise " : "IN: all premises IN (");
		list_attackers(b, c, v, 1, 0);
		am_buf_puts(b, np == 1 ? " is IN" : ")");
		if (rel->kind != ARGMAP_REL_SUPPORT)
			return;
		nu = count_attackers(c, v, 0, 0);
		if (!nu) {
			am_buf_puts(b, "; not undercut");
			return;
		}
		am_buf_printf(b, "; its undercut%s ", nu > 1 ? "s" : "");
		list_attackers(b, c, v, 0, 0);
		am_buf_printf(b, " %s OUT", nu > 1 ? "are" : "is");
		return;
	}
	if (l == UNDEC && put_cycle(b, c, v, ARGMAP_NONE))
		return;
	am_buf_printf(b, "%s: ", lname(l));
	put_support_failure(b, c, v, l == OUT ? IN : UNDEC);
}

static int setup(ctx *c)
{
	const am_fw *fw = c->fw;
	size_t ncomp = 0, v, a;

	c->comp = malloc((fw->n + 1) * sizeof *c->comp);
	if (!c->comp || am_graph_scc(&fw->att, c->comp, &ncomp))
		return ARGMAP_ENOMEM;
	c->cyclic = calloc(ncomp + 1, 1);
	c->mixed = calloc(ncomp + 1, 1);
	c->n_nodes = calloc(ncomp + 1, sizeof *c->n_nodes);
	c->nodes = malloc((ncomp + 1) * (MAX_NAMES + 1) * sizeof *c->nodes);
	if (!c->cyclic || !c->mixed || !c->n_nodes || !c->nodes)
		return ARGMAP_ENOMEM;
	for (v = 0; v < fw->n; v++) {
		size_t k = c->comp[v];
		for (a = fw->att.start[v]; a < fw->att.start[v + 1]; a++)
			if (c->comp[fw->att.to[a]] == k)
				c->cyclic[k] = 1;
		if (fw->kind[v] != AM_FW_NODE) {
			c->mixed[k] = 1;
			continue;
		}
		if (c->n_nodes[k] <= MAX_NAMES)
			c->nodes[k * (MAX_NAMES + 1) + c->n_nodes[k]] = v;
		c->n_nodes[k]++;
	}
	return 0;
}

int am_explain(const am_fw *fw, const argmap_map *map, const unsigned char *lab, char **expl)
{
	ctx c;
	size_t i;
	int rc;
	am_buf b = {0};

	memset(&c, 0, sizeof c);
	c.fw = fw;
	c.map = map;
	c.lab = lab;
	rc = setup(&c);
	for (i = 0; !rc && i < fw->n_nodes + fw->n_rels; i++) {
		expl[i] = NULL;
		if (i < fw->n_nodes) {
			if (argmap_map_node(map, i)->kind == ARGMAP_NODE_QUESTION)
				continue;
			explain_node(&b, &c, i);
		} else {
			size_t r = i - fw->n_nodes, v = fw->rel_vertex[r];
			const argmap_relation *rel = argmap_map_relation(map, r);
			if (rel->kind == ARGMAP_REL_ANSWER)
				continue;
			if (v == ARGMAP_NONE)
				am_buf_puts(
				    &b, "not evaluated: its premises or its target do not resolve");
			else
				explain_rel(&b, &c, r, v);
		}
		expl[i] = am_buf_detach(&b);
		if (!expl[i])
			rc = ARGMAP_ENOMEM;
	}
	am_buf_free(&b);
	free(c.comp);
	free(c.cyclic);
	free(c.mixed);
	free(c.nodes);
	free(c.n_nodes);
	return rc;
}

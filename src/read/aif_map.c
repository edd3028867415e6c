/*
 * aif_map.c - which AIF node becomes which argmap item (docs/interop.md,
 * "AIF", the table "AIF to argmap").
 *
 *   I-node   a claim; evidence when an L-node asserts it (L --YA--> I, or
 *            L --> I) and nothing concludes in or attacks it (argmap
 *            supports and rebuts aim at claims only); the namespaced
 *            argmap data, when there, says which it is
 *   RA-node  a support from its I-node premises (linked when several) to
 *            its I-node conclusion; an answer when the argmap data says so
 *   CA-node  a rebut of the I-node it aims at, an undercut of the support
 *            of the RA-node it aims at
 *   L-node   the speaker of what it asserts: the `by` of a claim, the
 *            `speaker` of evidence, the `by` of a relation it argues
 *            (L --YA--> RA, or L --TA--> L' --YA--> RA: the speaker of L')
 *   YA-node  consumed by the above; one that links nothing it can: AM857
 *   TA-node  dialogue transitions: not kept (AM857)
 *   MA-node  a rephrase: no argmap relation; a note on the rephrasing
 *            claim (AM856)
 *   PA-node  a preference: not kept (AM856)
 *
 * One pass over the nodes for the I-nodes, one in AIF order for the
 * relations (so an export of the import writes its RA and CA nodes in the
 * same order), one to aim undercuts: linear in nodes + edges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"
#include "util/text.h"

typedef struct mapper {
	imp_map *m;
	const aif_doc *d;
	const am_aif_limits *lim;
	argmap_diags *diags;
	aif_idset ids;
	int ns;
	size_t *node_of;     /* AIF node -> m->nodes index, or ARGMAP_NONE */
	size_t *rel_of;      /* AIF node -> m->rels index, or ARGMAP_NONE */
	size_t *aim;         /* per m->rels: the AIF RA node an undercut aims at */
	unsigned char *used; /* dialogue nodes the mapping consumed */
	const char **person_actor;
	const char *file_source;
	int oom;
} mapper;

#define ARCS(g, v, k) for ((k) = (g)->start[(v)]; (k) < (g)->start[(v) + 1]; (k)++)

static const aif_node *N(const mapper *mp, size_t i)
{
	return &mp->d->nodes[i];
}

static int alive(const mapper *mp, size_t i, aif_type t)
{
	return !N(mp, i)->dead && N(mp, i)->type == t;
}

static const char *dup(mapper *mp, const char *s)
{
	char *r = s ? am_arena_strdup(&mp->m->arena, s) : NULL;

	if (s && !r)
		mp->oom = 1;
	return r;
}

/* A diagnostic about AIF node i, named by its type, id and the first 60
 * characters of its text; `lead` is ": " or " not kept: ". */
static void say(mapper *mp, argmap_severity sev, const char *code, size_t i, const char *lead,
                const char *what)
{
	const aif_node *n = N(mp, i);
	size_t k = am_utf8_prefix(n->text, 60);

	am_diag(mp->diags, sev, code, mp->d->name, 0, 0, NULL, "%s-node '%s' (\"%.*s%s\")%s%s",
	        n->type_name, n->id, (int)k, n->text, n->text[k] ? "..." : "", lead, what);
}

static void lost(mapper *mp, size_t i, const char *what)
{
	say(mp, ARGMAP_SEV_WARNING, "AM856", i, " not kept: ", what);
}

static void dialogue(mapper *mp, size_t i, const char *what)
{
	say(mp, ARGMAP_SEV_NOTE, "AM857", i, " not kept: ", what);
}

/* The id of the actor for person p, made when first needed. */
static const char *actor_for(mapper *mp, size_t p)
{
	const aif_person *pe = &mp->d->people[p];
	imp_actor *a;
	char name[200];

	if (mp->person_actor[p])
		return mp->person_actor[p];
	if (pe->name)
		snprintf(name, sizeof name, "%s", pe->name);
	else
		snprintf(name, sizeof name, "Participant %s", pe->id);
	a = &mp->m->actors[mp->m->n_actors++];
	a->id = am_aif_new_id(&mp->m->arena, &mp->ids, "", name, p + 1);
	a->kind = "person";
	a->name = dup(mp, pe->name ? pe->name : name);
	if (!a->id)
		mp->oom = 1;
	mp->person_actor[p] = a->id;
	return a->id;
}

/* The source every generic item cites: the AIF file itself. */
static const char *file_source(mapper *mp)
{
	const char *base = strrchr(mp->d->name, '/');
	imp_source *s;
	am_buf t = {0};

	if (mp->file_source)
		return mp->file_source;
	base = base ? base + 1 : mp->d->name;
	s = &mp->m->sources[mp->m->n_sources++];
	{
		size_t n = strlen(base);
		char stem[128];
		if (n > 5 && !strcmp(base + n - 5, ".json"))
			n -= 5;
		snprintf(stem, sizeof stem, "%.*s", (int)n, base);
		s->id = am_aif_new_id(&mp->m->arena, &mp->ids, "aif-", stem, 1);
	}
	s->kind = "other";
	am_buf_printf(&t, "AIF map %s", base);
	s->title = dup(mp, t.failed ? NULL : t.data);
	s->note = "Imported with argmap import -f aif.";
	am_buf_free(&t);
	if (!s->id || !s->title)
		mp->oom = 1;
	mp->file_source = s->id;
	return s->id;
}

/* The L-nodes that assert I-node i (L --YA--> i, L --> i); marks them
 * and their YA-nodes used. Calls fn for each. */
static size_t asserting(mapper *mp, size_t i, size_t *first)
{
	const am_graph *in = &mp->d->in;
	size_t k, j, count = 0;

	ARCS(in, i, k)
	{
		size_t u = in->to[k];
		if (alive(mp, u, AIF_L)) {
			mp->used[u] = 1;
			if (!count++)
				*first = u;
		} else if (alive(mp, u, AIF_YA)) {
			ARCS(in, u, j)
			{
				size_t w = in->to[j];
				if (alive(mp, w, AIF_L)) {
					mp->used[u] = mp->used[w] = 1;
					if (!count++)
						*first = w;
				}
			}
		}
	}
	return count;
}

/* Adds the actor ids of the speakers of L-nodes lists to b, once each. */
static void add_speaker(mapper *mp, am_buf *b, size_t l)
{
	const char *id;
	size_t n;

	if (N(mp, l)->person == ARGMAP_NONE)
		return;
	id = actor_for(mp, N(mp, l)->person);
	if (!id)
		return;
	n = strlen(id);
	{ /* already listed? the lists are short: who asserts one claim */
		const char *p = b->data;
		while (p && (p = strstr(p, id)) != NULL) {
			if ((p == b->data || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				return;
			p += n;
		}
	}
	if (b->len)
		am_buf_putc(b, ' ');
	am_buf_puts(b, id);
}

static const char *speakers_of_i(mapper *mp, size_t i)
{
	const am_graph *in = &mp->d->in;
	am_buf b = {0};
	size_t k, j;
	const char *r;

	ARCS(in, i, k)
	{
		size_t u = in->to[k];
		if (alive(mp, u, AIF_L))
			add_speaker(mp, &b, u);
		else if (alive(mp, u, AIF_YA))
			ARCS(in, u, j)
		if (alive(mp, in->to[j], AIF_L))
			add_speaker(mp, &b, in->to[j]);
	}
	r = b.len ? dup(mp, b.data) : NULL;
	if (b.failed)
		mp->oom = 1;
	am_buf_free(&b);
	return r;
}

/* Who argues relation node r: L --YA--> r, or L --TA--> L' --YA--> r. */
static const char *speakers_of_rel(mapper *mp, size_t r)
{
	const am_graph *in = &mp->d->in, *out = &mp->d->out;
	am_buf b = {0};
	size_t k, j, t;
	const char *res;

	ARCS(in, r, k)
	{
		size_t y = in->to[k];
		if (!alive(mp, y, AIF_YA))
			continue;
		mp->used[y] = 1;
		ARCS(in, y, j)
		{
			size_t u = in->to[j];
			if (alive(mp, u, AIF_L))
				add_speaker(mp, &b, u);
			else if (alive(mp, u, AIF_TA))
				ARCS(out, u, t)
			if (alive(mp, out->to[t], AIF_L))
				add_speaker(mp, &b, out->to[t]);
		}
	}
	res = b.len ? dup(mp, b.data) : NULL;
	if (b.failed)
		mp->oom = 1;
	am_buf_free(&b);
	return res;
}

/* `text` without a leading "Name: " of the L-node's speaker. */
static const char *strip_speaker(const mapper *mp, size_t l)
{
	const aif_node *n = N(mp, l);
	const char *name = n->person != ARGMAP_NONE ? mp->d->people[n->person].name : NULL;
	size_t k = name ? strlen(name) : 0;
	const char *p = n->text + k;

	if (!k || strncmp(n->text, name, k) != 0)
		return n->text;
	while (*p == ' ')
		p++;
	return p[0] == ':' && p[1] == ' ' && p[2] ? p + 2 : n->text;
}

static const char *clean(mapper *mp, size_t i, const char *text)
{
	int changed;
	const char *t = am_aif_clean_text(&mp->m->arena, text, mp->lim->max_text_chars, &changed);
	const char *p;

	if (!t) {
		mp->oom = 1;
		return "";
	}
	if (changed)
		say(mp, ARGMAP_SEV_WARNING, "AM858", i, ": ",
		    changed == 2 ? "text cut to the limit of a text"
		                 : "characters XML cannot hold read as spaces");
	for (p = t; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		;
	if (!*p) {
		am_buf b = {0};
		say(mp, ARGMAP_SEV_WARNING, "AM858", i, ": ", "no text; a placeholder is written");
		am_buf_printf(&b, "(AIF node %s has no text)", N(mp, i)->id);
		t = dup(mp, b.failed ? "(no text)" : b.data);
		am_buf_free(&b);
	}
	return t ? t : "";
}

static int kind_named(const char *k)
{
	int i;

	for (i = ARGMAP_NODE_QUESTION; k && i <= ARGMAP_NODE_EVIDENCE; i++)
		if (!strcmp(k, argmap_node_kind_name((argmap_node_kind)i)))
			return i;
	return -1;
}

static void map_inode(mapper *mp, size_t i)
{
	const aif_node *n = N(mp, i);
	const json_t *rec = mp->ns ? am_aif_ns_record(mp->d, 0, n->id) : NULL;
	const am_graph *in = &mp->d->in;
	imp_node *o = &mp->m->nodes[mp->m->n_nodes];
	size_t first = ARGMAP_NONE, nl = asserting(mp, i, &first), k;
	int kind = rec ? kind_named(am_aif_ns_string(mp->m, rec, "kind")) : -1, target = 0;
	static const char *const prefix[] = {"q-", "c-", "e-"};

	ARCS(in, i, k)
	if (alive(mp, in->to[k], AIF_RA) || alive(mp, in->to[k], AIF_CA))
		target = 1;
	if (kind < 0)
		kind = nl && !target ? ARGMAP_NODE_EVIDENCE : ARGMAP_NODE_CLAIM;
	o->kind = kind;
	if (rec && am_aif_valid_id(n->id)) {
		o->id = dup(mp, n->id); /* reserved by am_aif_ns_begin */
		o->text = clean(mp, i, n->text);
		o->by = am_aif_ns_list(mp->m, mp->d, rec, "by", mp->diags);
		o->source = am_aif_ns_list(mp->m, mp->d, rec, "source", mp->diags);
		o->speaker = am_aif_ns_string(mp->m, rec, "speaker");
		o->locator = am_aif_ns_string(mp->m, rec, "locator");
		o->tags = am_aif_ns_list(mp->m, mp->d, rec, "tags", mp->diags);
		o->note = am_aif_ns_string(mp->m, rec, "note");
	} else {
		const char *text =
		    kind == ARGMAP_NODE_EVIDENCE && nl ? strip_speaker(mp, first) : n->text;
		o->text = clean(mp, i, text);
		o->id = am_aif_new_id(&mp->m->arena, &mp->ids, prefix[kind], o->text, i + 1);
		if (!o->id)
			mp->oom = 1;
		if (kind == ARGMAP_NODE_EVIDENCE) {
			if (N(mp, first)->person != ARGMAP_NONE)
				o->speaker = actor_for(mp, N(mp, first)->person);
		} else {
			o->by = speakers_of_i(mp, i);
		}
		if (nl || kind == ARGMAP_NODE_EVIDENCE)
			o->source = file_source(mp);
	}
	mp->node_of[i] = mp->m->n_nodes++;
}

static void join(mapper *mp, am_buf *b, size_t node)
{
	if (b->len)
		am_buf_putc(b, ' ');
	am_buf_puts(b, mp->m->nodes[mp->node_of[node]].id);
}

/* An RA- or CA-node: its premises (attackers) and where it points. */
static void map_rel(mapper *mp, size_t i)
{
	const am_graph *in = &mp->d->in, *out = &mp->d->out;
	const aif_node *n = N(mp, i);
	const json_t *rec = mp->ns ? am_aif_ns_record(mp->d, 1, n->id) : NULL;
	int ra = n->type == AIF_RA;
	size_t k, to = ARGMAP_NONE, npre = 0;
	imp_rel *r = &mp->m->rels[mp->m->n_rels];
	am_buf from = {0};

	ARCS(out, i, k)
	{
		size_t v = out->to[k];
		int ok = mp->node_of[v] != ARGMAP_NONE || (!ra && alive(mp, v, AIF_RA));
		if (ok && to == ARGMAP_NONE)
			to = v;
		else if (!N(mp, v)->dead && (ok || !alive(mp, v, AIF_YA)))
			say(mp, ARGMAP_SEV_WARNING, "AM856", i, ": ",
			    ok ? "a second conclusion or target not kept"
			       : "an edge to a node argmap cannot "
			         "aim a relation at not kept");
	}
	ARCS(in, i, k)
	{
		size_t u = in->to[k];
		if (mp->node_of[u] != ARGMAP_NONE && u != to) {
			join(mp, &from, u);
			npre++;
		} else if (u == to) {
			say(mp, ARGMAP_SEV_WARNING, "AM856", i, ": ",
			    "a premise that is its own conclusion not kept");
		} else if (!N(mp, u)->dead && !alive(mp, u, AIF_YA) && !alive(mp, u, AIF_CA)) {
			say(mp, ARGMAP_SEV_WARNING, "AM856", i, ": ",
			    "an edge from a node argmap cannot use as a premise not kept");
		}
	}
	if (!npre || to == ARGMAP_NONE) {
		lost(mp, i,
		     !npre ? "it has no premise (or attacker) argmap can keep"
		           : "it has no conclusion (or target) argmap can keep");
		am_buf_free(&from);
		return;
	}
	r->kind = ra                      ? ARGMAP_REL_SUPPORT
	          : alive(mp, to, AIF_RA) ? ARGMAP_REL_UNDERCUT
	                                  : ARGMAP_REL_REBUT;
	r->from = dup(mp, from.data);
	if (from.failed)
		mp->oom = 1;
	am_buf_free(&from);
	mp->aim[mp->m->n_rels] = ARGMAP_NONE;
	if (r->kind == ARGMAP_REL_UNDERCUT)
		mp->aim[mp->m->n_rels] = to; /* aimed once every support is known */
	else
		r->to = mp->m->nodes[mp->node_of[to]].id;
	if (rec) {
		const char *k2 = am_aif_ns_string(mp->m, rec, "kind");
		const char *id = am_aif_ns_string(mp->m, rec, "id");
		if (ra && k2 && !strcmp(k2, "answer"))
			r->kind = ARGMAP_REL_ANSWER;
		r->id = am_aif_valid_id(id) ? id : NULL;
		r->stance = am_aif_ns_string(mp->m, rec, "stance");
		r->by = am_aif_ns_list(mp->m, mp->d, rec, "by", mp->diags);
		r->source = am_aif_ns_list(mp->m, mp->d, rec, "source", mp->diags);
		r->basis = am_aif_ns_string(mp->m, rec, "basis");
		r->note = am_aif_ns_string(mp->m, rec, "note");
		(void)speakers_of_rel(mp, i); /* marks its YA-nodes used */
	} else {
		r->by = speakers_of_rel(mp, i);
	}
	mp->rel_of[i] = mp->m->n_rels++;
}

/* A rephrase a --MA--> b: kept as a note on b. */
static void map_ma(mapper *mp, size_t i)
{
	const am_graph *in = &mp->d->in, *out = &mp->d->out;
	size_t a = ARGMAP_NONE, b = ARGMAP_NONE, k;

	ARCS(in, i, k)
	if (mp->node_of[in->to[k]] != ARGMAP_NONE)
		a = in->to[k];
	ARCS(out, i, k)
	if (mp->node_of[out->to[k]] != ARGMAP_NONE)
		b = out->to[k];
	if (a != ARGMAP_NONE && b != ARGMAP_NONE && a != b) {
		imp_node *t = &mp->m->nodes[mp->node_of[b]];
		am_buf note = {0};
		if (t->note)
			am_buf_printf(&note, "%s ", t->note);
		am_buf_printf(&note, "AIF: rephrases %s (MA-node %s).",
		              mp->m->nodes[mp->node_of[a]].id, N(mp, i)->id);
		if (!note.failed && am_utf8_count(note.data, note.len) <= mp->lim->max_text_chars)
			t->note = dup(mp, note.data);
		am_buf_free(&note);
	}
	lost(mp, i,
	     "argmap has no rephrase relation (noted on the rephrasing claim where it joins two)");
}

/* Undercuts aim at the id of the support their RA-node became. */
static void aim_undercuts(mapper *mp)
{
	size_t i, k = 0;

	for (i = 0; i < mp->m->n_rels; i++) {
		imp_rel *r = &mp->m->rels[i];
		size_t ra = mp->aim[i];
		if (ra != ARGMAP_NONE) {
			imp_rel *s =
			    mp->rel_of[ra] != ARGMAP_NONE ? &mp->m->rels[mp->rel_of[ra]] : NULL;
			if (!s) {
				lost(mp, ra, "the inference it undercuts was not kept either");
				continue;
			}
			if (!s->id)
				s->id = am_aif_new_id(&mp->m->arena, &mp->ids, "s-",
				                      s->to ? s->to : "", mp->rel_of[ra] + 1);
			if (!s->id)
				mp->oom = 1;
			r->to = s->id;
		}
		mp->m->rels[k++] = *r;
	}
	mp->m->n_rels = k;
}

static void map_dialogue(mapper *mp, size_t i)
{
	switch (N(mp, i)->type) {
	case AIF_L:
		if (!mp->used[i])
			dialogue(mp, i, "it asserts no proposition (argmap has no dialogue layer)");
		break;
	case AIF_YA:
		if (!mp->used[i])
			dialogue(mp, i, "it anchors nothing argmap keeps");
		break;
	case AIF_TA:
		dialogue(mp, i, "argmap has no dialogue layer (the speakers it names are kept)");
		break;
	case AIF_PA: lost(mp, i, "argmap has no preferences"); break;
	case AIF_OTHER: lost(mp, i, "not an AIF node type argmap knows"); break;
	default: break;
	}
}

int am_aif_map(imp_map *m, const aif_doc *doc, const am_aif_limits *lim, argmap_diags *diags)
{
	mapper mp;
	size_t n = doc->n_nodes, i;
	int rc = ARGMAP_ENOMEM;

	memset(m, 0, sizeof *m);
	memset(&mp, 0, sizeof mp);
	mp.m = m;
	mp.d = doc;
	mp.lim = lim;
	mp.diags = diags;
	mp.node_of = malloc((n + 1) * sizeof *mp.node_of);
	mp.rel_of = malloc((n + 1) * sizeof *mp.rel_of);
	mp.aim = malloc((n + 1) * sizeof *mp.aim);
	mp.used = calloc(n + 1, 1);
	mp.person_actor = calloc(doc->n_people + 1, sizeof *mp.person_actor);
	m->nodes = calloc(n + 1, sizeof *m->nodes);
	m->rels = calloc(n + 1, sizeof *m->rels);
	m->sources = calloc(am_aif_ns_count(doc, "sources") + 2, sizeof *m->sources);
	m->actors = calloc(am_aif_ns_count(doc, "actors") + doc->n_people + 1, sizeof *m->actors);
	if (!mp.node_of || !mp.rel_of || !mp.aim || !mp.used || !mp.person_actor || !m->nodes ||
	    !m->rels || !m->sources || !m->actors)
		goto done;
	for (i = 0; i < n; i++)
		mp.node_of[i] = mp.rel_of[i] = ARGMAP_NONE;
	mp.ns = am_aif_ns_begin(m, doc, &mp.ids, mp.person_actor, diags);
	if (mp.ns < 0)
		goto done;
	for (i = 0; i < n && !mp.oom; i++)
		if (alive(&mp, i, AIF_I))
			map_inode(&mp, i);
	for (i = 0; i < n && !mp.oom; i++) {
		if (alive(&mp, i, AIF_RA) || alive(&mp, i, AIF_CA))
			map_rel(&mp, i);
		else if (alive(&mp, i, AIF_MA))
			map_ma(&mp, i);
	}
	aim_undercuts(&mp);
	for (i = 0; i < n && !mp.oom; i++)
		if (!N(&mp, i)->dead)
			map_dialogue(&mp, i);
	if (!m->title) {
		const char *base = strrchr(doc->name, '/');
		am_buf t = {0};
		am_buf_printf(&t, "%s (imported from AIF)", base ? base + 1 : doc->name);
		m->title = dup(&mp, t.failed ? NULL : t.data);
		am_buf_free(&t);
		if (!m->title)
			mp.oom = 1;
	}
	rc = mp.oom ? ARGMAP_ENOMEM : 0;
done:
	free(mp.node_of);
	free(mp.rel_of);
	free(mp.aim);
	free(mp.used);
	free(mp.person_actor);
	am_aif_idset_free(&mp.ids);
	if (rc) {
		am_aif_map_free(m);
		return am_fail(rc, "out of memory");
	}
	return 0;
}

void am_aif_map_free(imp_map *m)
{
	if (!m)
		return;
	free(m->nodes);
	free(m->rels);
	free(m->sources);
	free(m->actors);
	am_arena_free(&m->arena);
	memset(m, 0, sizeof *m);
}

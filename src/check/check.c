/*
 * check.c - semantic rules over a loaded debate. One function per rule;
 * each rule has its own stable code (docs/diagnostics.md). Only items
 * declared in file 0 are judged; imported files are judged when they are
 * checked themselves, so each problem is reported once.
 */
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "check/check_internal.h"
#include "model/model.h"
#include "util/suggest.h"
#include "util/text.h"

typedef struct checker {
	const argmap_map *m;
	argmap_diags *d;
	int oom;
	size_t suggestions; /* "did you mean" searches made so far */
	/* per file: an import of it, or of a file it imports, failed, so an
	 * id it names may be declared in what is missing (NULL: none failed) */
	unsigned char *incomplete;
	size_t skipped;    /* AM202s left out for that reason */
	size_t first_file; /* the file whose failed import the note names */
} checker;

/* Each suggestion compares an id with every id of the debate; past this
 * many unknown references, hints stop suggesting, so a file of 20,000
 * dangling references is still checked in linear time. */
#define MAX_SUGGESTIONS 100

static const char *path(const checker *c, argmap_loc l)
{
	return am_model_path(c->m, l.file);
}

static size_t report(checker *c, argmap_severity sev, const char *code, argmap_loc l,
                     const char *hint, const char *fmt, ...) AM_PRINTF(6, 7);

static size_t report(checker *c, argmap_severity sev, const char *code, argmap_loc l,
                     const char *hint, const char *fmt, ...)
{
	va_list ap;
	size_t idx;

	va_start(ap, fmt);
	idx = am_diag_v(c->d, sev, code, path(c, l), l.line, l.col, hint, fmt, ap);
	va_end(ap);
	if (idx == ARGMAP_NONE)
		c->oom = 1;
	return idx;
}

static int own(argmap_loc l)
{
	return l.file == 0;
}

/* ---------------------------------------------------------- references */

/* What a reference may name. */
enum want {
	W_ACTOR,
	W_SOURCE,
	W_PREMISE, /* claim or evidence */
	W_CLAIM,
	W_QUESTION,
	W_SUPPORT
};

static const char *want_name(enum want w)
{
	static const char *const names[] = {"an actor", "a source",   "a claim or evidence",
	                                    "a claim",  "a question", "a support"};
	return names[w];
}

static int want_ok(const argmap_map *m, const argmap_ref *r, enum want w)
{
	switch (w) {
	case W_ACTOR: return r->kind == ARGMAP_ITEM_ACTOR;
	case W_SOURCE: return r->kind == ARGMAP_ITEM_SOURCE;
	case W_PREMISE:
		return r->kind == ARGMAP_ITEM_NODE &&
		       m->nodes[r->index].kind != ARGMAP_NODE_QUESTION;
	case W_CLAIM:
		return r->kind == ARGMAP_ITEM_NODE && m->nodes[r->index].kind == ARGMAP_NODE_CLAIM;
	case W_QUESTION:
		return r->kind == ARGMAP_ITEM_NODE &&
		       m->nodes[r->index].kind == ARGMAP_NODE_QUESTION;
	case W_SUPPORT:
		return r->kind == ARGMAP_ITEM_RELATION &&
		       m->relations[r->index].kind == ARGMAP_REL_SUPPORT;
	}
	return 0;
}

static const char *item_desc(const argmap_map *m, const argmap_ref *r)
{
	switch (r->kind) {
	case ARGMAP_ITEM_ACTOR: return "an actor";
	case ARGMAP_ITEM_SOURCE: return "a source";
	case ARGMAP_ITEM_NODE:
		switch (m->nodes[r->index].kind) {
		case ARGMAP_NODE_QUESTION: return "a question";
		case ARGMAP_NODE_CLAIM: return "a claim";
		default: return "evidence";
		}
	case ARGMAP_ITEM_RELATION:
		switch (m->relations[r->index].kind) {
		case ARGMAP_REL_SUPPORT: return "a support";
		case ARGMAP_REL_REBUT: return "a rebuttal";
		case ARGMAP_REL_UNDERCUT: return "an undercut";
		default: return "an answer";
		}
	default: return "nothing";
	}
}

/* The id most like `id` among items of the wanted kind, or NULL. */
static const char *suggest(const checker *c, const char *id, enum want w)
{
	const argmap_map *m = c->m;
	am_suggest s;
	size_t i;

	am_suggest_init(&s, id);
	for (i = 0; i < m->capids; i++) {
		const am_id_entry *e = &m->ids[i];
		argmap_ref r;
		if (!e->id)
			continue;
		r.kind = e->kind;
		r.index = e->index;
		if (want_ok(m, &r, w))
			am_suggest_offer(&s, e->id);
	}
	return am_suggest_best(&s);
}

static const char *wrong_kind_hint(const char *attr, enum want w, const argmap_ref *r)
{
	if (w == W_SUPPORT && r->kind == ARGMAP_ITEM_NODE)
		return "an undercut attacks the inference of a <support> (give the support an id "
		       "and name it in to=); to attack the claim itself, use <rebut>";
	if (w == W_QUESTION)
		return "an <answer> goes from a claim to a <question>";
	if (w == W_CLAIM && strcmp(attr, "to") == 0 && r->kind == ARGMAP_ITEM_RELATION)
		return "to attack the inference of a support, use <undercut>";
	if (w == W_PREMISE)
		return "premises are claims or evidence; a question cannot be a reason";
	return NULL;
}

static char *describe(const char *kind, const char *id)
{
	am_buf b = {0};

	if (id)
		am_buf_printf(&b, "%s '%s'", kind, id);
	else
		am_buf_printf(&b, "this %s", kind);
	return am_buf_detach(&b);
}

/* Who holds a reference, named only when something is reported. */
typedef struct owner {
	const char *kind;
	const char *id;
} owner;

static void check_ref(checker *c, const argmap_ref *r, const owner *o, const char *attr,
                      enum want w)
{
	char *who;

	if (!r || !r->id || !*r->id)
		return;
	if (r->kind == ARGMAP_ITEM_NONE && c->incomplete && r->loc.file < c->m->nfiles &&
	    c->incomplete[r->loc.file]) {
		/* not a follow-on error of a failed import: counted, said once */
		c->skipped++;
		return;
	}
	if (r->kind == ARGMAP_ITEM_NONE) {
		const char *s = c->suggestions++ < MAX_SUGGESTIONS ? suggest(c, r->id, w) : NULL;
		am_buf hint = {0};
		char *h;
		if (s)
			am_buf_printf(&hint, "did you mean '%s'?", s);
		else
			am_buf_printf(&hint,
			              "declare %s with id=\"%s\", or import the file that does",
			              want_name(w), r->id);
		h = am_buf_detach(&hint);
		who = describe(o->kind, o->id);
		report(c, ARGMAP_SEV_ERROR, "AM202", r->loc, h, "%s %s=\"%s\": no item has this id",
		       who ? who : o->kind, attr, r->id);
		free(who);
		free(h);
		return;
	}
	if (!want_ok(c->m, r, w)) {
		who = describe(o->kind, o->id);
		report(c, ARGMAP_SEV_ERROR, "AM203", r->loc, wrong_kind_hint(attr, w, r),
		       "%s %s=\"%s\" names %s; expected %s", who ? who : o->kind, attr, r->id,
		       item_desc(c->m, r), want_name(w));
		free(who);
	}
}

static void check_refs(checker *c, const argmap_ref *refs, size_t n, const owner *o,
                       const char *attr, enum want w)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_ref(c, &refs[i], o, attr, w);
}

static int cmp_ref_ptr(const void *a, const void *b)
{
	const argmap_ref *x = *(const argmap_ref *const *)a, *y = *(const argmap_ref *const *)b;
	int r = strcmp(x->id, y->id);

	return r ? r : (x < y ? -1 : x > y);
}

/* The same id twice in one from= list (AM206): sorted, so a linked
 * support with 30,000 premises costs n log n, not n squared. */
static void rule_premise_twice(checker *c, const argmap_relation *r, const owner *o)
{
	const argmap_ref **sorted;
	size_t j;

	if (r->n_from < 2)
		return;
	sorted = malloc(r->n_from * sizeof *sorted);
	if (!sorted) {
		c->oom = 1;
		return;
	}
	for (j = 0; j < r->n_from; j++)
		sorted[j] = &r->from[j];
	qsort(sorted, r->n_from, sizeof *sorted, cmp_ref_ptr);
	for (j = 1; j < r->n_from; j++)
		if (strcmp(sorted[j]->id, sorted[j - 1]->id) == 0) {
			char *who = describe(o->kind, o->id);
			report(c, ARGMAP_SEV_WARNING, "AM206", sorted[j]->loc,
			       "list each premise once",
			       "%s lists '%s' twice in from=", who ? who : o->kind, sorted[j]->id);
			free(who);
		}
	free(sorted);
}

static void rule_references(checker *c)
{
	const argmap_map *m = c->m;
	size_t i;

	for (i = 0; i < m->nsources; i++) {
		const argmap_source *s = &m->sources[i];
		owner o = {"source", s->id};
		if (own(s->loc))
			check_refs(c, s->authors, s->n_authors, &o, "authors", W_ACTOR);
	}
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		owner o = {argmap_node_kind_name(n->kind), n->id};
		if (!own(n->loc))
			continue;
		check_refs(c, n->by, n->n_by, &o, "by", W_ACTOR);
		check_refs(c, n->sources, n->n_sources, &o, "source", W_SOURCE);
		check_refs(c, n->speaker, n->speaker ? 1 : 0, &o, "speaker", W_ACTOR);
	}
	for (i = 0; i < m->nrelations; i++) {
		const argmap_relation *r = &m->relations[i];
		enum want from = r->kind == ARGMAP_REL_ANSWER ? W_CLAIM : W_PREMISE;
		enum want to = r->kind == ARGMAP_REL_UNDERCUT ? W_SUPPORT
		               : r->kind == ARGMAP_REL_ANSWER ? W_QUESTION
		                                              : W_CLAIM;
		owner o = {argmap_relation_kind_name(r->kind), r->id};
		if (!own(r->loc))
			continue;
		check_refs(c, r->from, r->n_from, &o, "from", from);
		check_ref(c, &r->to, &o, "to", to);
		check_refs(c, r->by, r->n_by, &o, "by", W_ACTOR);
		check_refs(c, r->sources, r->n_sources, &o, "source", W_SOURCE);
		rule_premise_twice(c, r, &o);
		if (r->kind == ARGMAP_REL_ANSWER && r->n_from > 1) {
			char *who = describe(o.kind, o.id);
			report(c, ARGMAP_SEV_ERROR, "AM203", r->from[1].loc,
			       "write one <answer> per claim",
			       "%s has %zu claims in from=; an answer comes from one claim",
			       who ? who : o.kind, r->n_from);
			free(who);
		}
	}
}

/* ------------------------------------------------------------ cycles */

static void rule_self_reference(checker *c)
{
	const argmap_map *m = c->m;
	size_t i, j;

	for (i = 0; i < m->nrelations; i++) {
		const argmap_relation *r = &m->relations[i];
		if (!own(r->loc) || r->kind == ARGMAP_REL_UNDERCUT || r->kind == ARGMAP_REL_ANSWER)
			continue;
		for (j = 0; j < r->n_from; j++)
			if (r->to.id && strcmp(r->from[j].id, r->to.id) == 0) {
				report(
				    c, ARGMAP_SEV_ERROR, "AM204", r->from[j].loc,
				    r->kind == ARGMAP_REL_SUPPORT
				        ? "a claim cannot be its own reason; name the claim it "
				          "supports"
				        : "a claim cannot attack itself; name the claim it rebuts",
				    "%s from '%s' to itself", argmap_relation_kind_name(r->kind),
				    r->to.id);
				break;
			}
	}
}

/* ------------------------------------------------------ connectivity */

static void rule_connected(checker *c)
{
	const argmap_map *m = c->m;
	char *used = calloc(m->nnodes + 1, 1);
	size_t i, j;

	if (!used) {
		c->oom = 1;
		return;
	}
	for (i = 0; i < m->nrelations; i++) {
		const argmap_relation *r = &m->relations[i];
		for (j = 0; j < r->n_from; j++)
			if (r->from[j].kind == ARGMAP_ITEM_NODE)
				used[r->from[j].index] = 1;
		if (r->to.kind == ARGMAP_ITEM_NODE)
			used[r->to.index] = 1;
	}
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		if (used[i] || !own(n->loc) || m->files[0].kind == ARGMAP_FILE_LIBRARY)
			continue;
		if (n->kind == ARGMAP_NODE_EVIDENCE)
			report(c, ARGMAP_SEV_WARNING, "AM303", n->loc,
			       "add <support from=\"...\" to=\"CLAIM\"/> (or <rebut>) naming it",
			       "evidence '%s' supports or contradicts nothing",
			       n->id ? n->id : "?");
		else
			report(c, ARGMAP_SEV_WARNING, "AM302", n->loc,
			       n->kind == ARGMAP_NODE_QUESTION
			           ? "answer it with <answer from=\"CLAIM\" to=\"...\" "
			             "stance=\"yes\"/>"
			           : "link it with <support>, <rebut> or <answer>, or remove it",
			       "%s '%s' is connected to nothing", argmap_node_kind_name(n->kind),
			       n->id ? n->id : "?");
	}
	free(used);
}

static void mark_refs(const argmap_ref *refs, size_t n, argmap_item_kind kind, char *used)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (refs[i].kind == kind)
			used[refs[i].index] = 1;
}

static void rule_unused_declarations(checker *c)
{
	const argmap_map *m = c->m;
	char *src = calloc(m->nsources + 1, 1), *act = calloc(m->nactors + 1, 1);
	size_t i;

	if (!src || !act) {
		c->oom = 1;
		goto done;
	}
	if (m->files[0].kind == ARGMAP_FILE_LIBRARY)
		goto done;
	for (i = 0; i < m->nsources; i++)
		mark_refs(m->sources[i].authors, m->sources[i].n_authors, ARGMAP_ITEM_ACTOR, act);
	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		mark_refs(n->by, n->n_by, ARGMAP_ITEM_ACTOR, act);
		mark_refs(n->speaker, n->speaker ? 1 : 0, ARGMAP_ITEM_ACTOR, act);
		mark_refs(n->sources, n->n_sources, ARGMAP_ITEM_SOURCE, src);
	}
	for (i = 0; i < m->nrelations; i++) {
		const argmap_relation *r = &m->relations[i];
		mark_refs(r->by, r->n_by, ARGMAP_ITEM_ACTOR, act);
		mark_refs(r->sources, r->n_sources, ARGMAP_ITEM_SOURCE, src);
	}
	for (i = 0; i < m->nsources; i++)
		if (!src[i] && own(m->sources[i].loc))
			report(c, ARGMAP_SEV_WARNING, "AM304", m->sources[i].loc,
			       "cite it with source=\"...\" on a claim or evidence, or remove it",
			       "source '%s' is declared but never cited", m->sources[i].id);
	for (i = 0; i < m->nactors; i++)
		if (!act[i] && own(m->actors[i].loc))
			report(c, ARGMAP_SEV_WARNING, "AM305", m->actors[i].loc,
			       "attribute a claim to it with by=\"...\", or remove it",
			       "actor '%s' is declared but holds no position", m->actors[i].id);
done:
	free(src);
	free(act);
}

/* ------------------------------------------------------------ content */

static void rule_content(checker *c)
{
	const argmap_map *m = c->m;
	size_t i;

	for (i = 0; i < m->nnodes; i++) {
		const argmap_node *n = &m->nodes[i];
		if (!own(n->loc))
			continue;
		if (n->text && !*n->text)
			report(c, ARGMAP_SEV_ERROR, "AM301", n->text_loc,
			       n->kind == ARGMAP_NODE_EVIDENCE
			           ? "copy the passage from the source, verbatim"
			           : "write the claim as a full sentence",
			       "%s '%s' has an empty <%s>", argmap_node_kind_name(n->kind),
			       n->id ? n->id : "?",
			       n->kind == ARGMAP_NODE_EVIDENCE ? "quote" : "text");
		if (n->kind == ARGMAP_NODE_CLAIM && n->n_by == 0)
			report(c, ARGMAP_SEV_WARNING, "AM306", n->loc,
			       "add by=\"ACTOR\" naming who holds this position",
			       "claim '%s' is not attributed to anyone", n->id ? n->id : "?");
	}
	for (i = 0; i < m->nsources; i++) {
		const argmap_source *s = &m->sources[i];
		const char *why;
		if (!own(s->loc))
			continue;
		if (s->title && !*s->title)
			report(c, ARGMAP_SEV_ERROR, "AM301", s->loc, NULL,
			       "source '%s' has an empty <title>", s->id);
		if (s->date && !am_date_valid(s->date))
			report(c, ARGMAP_SEV_ERROR, "AM307", s->loc,
			       "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-03-07",
			       "source '%s' date=\"%s\" is not a valid date", s->id, s->date);
		if (s->accessed && !am_date_valid(s->accessed))
			report(c, ARGMAP_SEV_ERROR, "AM307", s->loc,
			       "write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-03-07",
			       "source '%s' accessed=\"%s\" is not a valid date", s->id,
			       s->accessed);
		if (s->url && (why = am_url_problem(s->url))) {
			size_t k = am_utf8_prefix(s->url, 80);
			report(c, ARGMAP_SEV_ERROR, "AM308", s->loc,
			       "give the full address, e.g. https://example.org/article",
			       "source '%s' url=\"%.*s%s\" %s", s->id, (int)k, s->url,
			       s->url[k] ? "..." : "", why);
		}
	}
	for (i = 0; i < m->nactors; i++)
		if (own(m->actors[i].loc) && m->actors[i].name && !*m->actors[i].name)
			report(c, ARGMAP_SEV_ERROR, "AM301", m->actors[i].loc, NULL,
			       "actor '%s' has an empty name", m->actors[i].id);
	if (m->files[0].date && !am_date_valid(m->files[0].date))
		report(c, ARGMAP_SEV_ERROR, "AM307", m->files[0].loc,
		       "write dates as YYYY, YYYY-MM or YYYY-MM-DD",
		       "the map's <date> \"%s\" is not a valid date", m->files[0].date);
}

/* c->incomplete: the files whose own imports, or whose imported files'
 * imports, failed. Files are few (max_files), so a pass per level of the
 * import tree is cheap. */
static void find_incomplete(checker *c)
{
	const argmap_map *m = c->m;
	size_t i, k, any = 0;
	int changed = 1;

	c->first_file = ARGMAP_NONE;
	for (i = 0; i < m->nfiles; i++)
		any += m->files[i].n_failed_imports;
	if (!any)
		return;
	c->incomplete = calloc(m->nfiles, 1);
	if (!c->incomplete) {
		c->oom = 1;
		return;
	}
	for (i = 0; i < m->nfiles; i++)
		c->incomplete[i] = m->files[i].n_failed_imports != 0;
	while (changed) {
		changed = 0;
		for (i = 0; i < m->nfiles; i++)
			for (k = 0; !c->incomplete[i] && k < m->files[i].n_imports; k++)
				if (m->files[i].imports[k] < m->nfiles &&
				    c->incomplete[m->files[i].imports[k]])
					changed = c->incomplete[i] = 1;
	}
	for (i = 0; i < m->nfiles && c->first_file == ARGMAP_NONE; i++)
		if (m->files[i].n_failed_imports)
			c->first_file = i;
}

int argmap_check(const argmap_map *map, const argmap_check_options *opts, argmap_diags *diags)
{
	checker c;

	if (!map || !diags)
		return am_fail(ARGMAP_EARG, "argmap_check: NULL argument");
	if (opts &&
	    am_check_version(opts->version, ARGMAP_CHECK_OPTIONS_VERSION, "argmap_check_options"))
		return ARGMAP_EARG;
	if (!map->nfiles)
		return 0;
	c.m = map;
	c.d = diags;
	c.oom = 0;
	c.suggestions = 0;
	c.incomplete = NULL;
	c.skipped = 0;
	find_incomplete(&c);
	rule_references(&c);
	if (c.skipped && c.first_file != ARGMAP_NONE)
		report(&c, ARGMAP_SEV_NOTE, "AM404", map->files[c.first_file].failed_import,
		       "fix the import first: these ids may be declared in the file it names",
		       "%zu reference%s to ids that no loaded file declares %s not reported, as an "
		       "import failed",
		       c.skipped, c.skipped == 1 ? "" : "s", c.skipped == 1 ? "is" : "are");
	free(c.incomplete);
	rule_self_reference(&c);
	if (am_check_support_cycles(map, diags) < 0)
		c.oom = 1;
	rule_connected(&c);
	rule_unused_declarations(&c);
	rule_content(&c);
	if (am_check_style(map, diags) < 0)
		c.oom = 1;
	if (am_check_basis(map, diags) < 0)
		c.oom = 1;
	if (am_check_quotes(map, opts ? opts->quote_texts_dir : NULL, diags) < 0)
		c.oom = 1;
	if (!(opts && (opts->flags & ARGMAP_CHECK_NO_COVERAGE)) &&
	    am_check_coverage(map, diags) < 0)
		c.oom = 1;
	return c.oom ? am_fail(ARGMAP_ENOMEM, "out of memory") : 0;
}

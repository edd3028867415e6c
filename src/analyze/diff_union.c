/*
 * diff_union.c - argmap_diff_union_build: the two versions of a diff as one
 * ordinary map (model/model.h), with a change and a detail per item, for
 * `argmap diff -T svg|pdf|png|html` (the renderer's `diff` overlay).
 *
 * The new version's files, sources, actors, nodes and relations keep their
 * indices (their structs are copied, their strings and reference arrays
 * borrowed); the old version's removed items are appended, their
 * references resolved into the union by index. Linear in the two maps.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/diff.h"
#include "model/model.h"
#include "util/buf.h"

typedef struct ub {
	const argmap_diff *d;
	argmap_map *m;    /* the union */
	size_t *old_node; /* old node -> union node, ARGMAP_NONE */
	size_t *old_rel;  /* old relation -> union relation */
	size_t *old_src;  /* old source -> union source */
	size_t *old_act;  /* old actor -> union actor */
	size_t *old_file; /* old file -> union file */
	size_t n_old_files;
	argmap_change *nc, *rc;
	const char **nd, **rd;
	argmap_label *ol, *nl;
	const char **ld;
	am_buf t; /* scratch */
	int oom;
} ub;

/* ------------------------------------------------------------ copying */

/* id, or (taken in the union by an item of the new version) id~old,
 * id~old2, ... in the union's arena. */
static const char *free_id(ub *u, const char *id)
{
	char *s;
	size_t k;

	if (!id || !am_model_find_id(u->m, id))
		return id;
	for (k = 1;; k++) {
		am_buf_free(&u->t);
		am_buf_printf(&u->t, k == 1 ? "%s~old" : "%s~old%zu", id, k);
		if (!u->t.data) {
			u->oom = 1;
			return id;
		}
		if (!am_model_find_id(u->m, u->t.data))
			break;
	}
	if (!(s = am_arena_strdup(&u->m->arena, u->t.data)))
		u->oom = 1;
	return s ? s : id;
}

/* Registers an id of the union (taken ids were made free before). */
static void add_id(ub *u, const char *id, argmap_item_kind kind, size_t i, argmap_loc loc)
{
	if (id)
		(void)am_model_add_id(u->m, id, kind, i, loc, &u->oom);
}

static void *grow(ub *u, void **arr, size_t *n, size_t *cap, size_t size)
{
	void *p = am_model_grow(arr, n, cap, size);

	if (!p)
		u->oom = 1;
	return p;
}

/* Where an old item's file is in the union: file 0 is file 0 (the map
 * drawn), an imported file the new version's file of the same name (so a
 * removed item stays inside or outside what the drawing's scope is, as it
 * was), else a copy of the old file, appended. */
static size_t file_of(const ub *u, size_t f)
{
	return f < u->n_old_files ? u->old_file[f] : 0;
}

static const char *base_name(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;

	return s ? s + 1 : p ? p : "";
}

static void place_old_files(ub *u)
{
	const argmap_map *a = u->d->a;
	size_t nb = u->m->nfiles, i, j;

	for (i = 0; i < u->n_old_files && !u->oom; i++) {
		const argmap_file *f = argmap_map_file(a, i);
		argmap_file *c;
		u->old_file[i] = 0;
		if (i == 0)
			continue;
		for (j = 1; j < nb; j++)
			if (!strcmp(base_name(f->path), base_name(u->m->files[j].path)))
				break;
		if (j < nb) {
			u->old_file[i] = j;
			continue;
		}
		if (!(c = grow(u, (void **)&u->m->files, &u->m->nfiles, &u->m->capfiles,
		               sizeof *c)))
			return;
		*c = *f;
		c->imports = NULL;
		c->n_imports = 0;
		u->old_file[i] = u->m->nfiles - 1;
	}
}

/* The old map's references, resolved into the union (an old reference
 * that resolved to nothing stays unresolved). Returns NULL for n == 0. */
static const argmap_ref *map_refs(ub *u, const argmap_ref *r, size_t n)
{
	argmap_ref *o;
	size_t k;

	if (!n)
		return NULL;
	if (!(o = am_arena_alloc(&u->m->arena, n * sizeof *o))) {
		u->oom = 1;
		return NULL;
	}
	for (k = 0; k < n; k++) {
		const size_t *to = r[k].kind == ARGMAP_ITEM_NODE       ? u->old_node
		                   : r[k].kind == ARGMAP_ITEM_RELATION ? u->old_rel
		                   : r[k].kind == ARGMAP_ITEM_SOURCE   ? u->old_src
		                   : r[k].kind == ARGMAP_ITEM_ACTOR    ? u->old_act
		                                                       : NULL;
		o[k] = r[k];
		o[k].loc.file = file_of(u, r[k].loc.file);
		o[k].index = to && r[k].index != ARGMAP_NONE ? to[r[k].index] : ARGMAP_NONE;
		if (o[k].index == ARGMAP_NONE)
			o[k].kind = ARGMAP_ITEM_NONE;
		else if (r[k].kind == ARGMAP_ITEM_NODE)
			o[k].id = argmap_map_node(u->m, o[k].index)->id;
		else if (r[k].kind == ARGMAP_ITEM_RELATION)
			o[k].id = argmap_map_relation(u->m, o[k].index)->id;
	}
	return o;
}

/* The new version's files, sources, actors, nodes and relations, as they
 * are; then the old version's sources and actors that it lacks. */
static void copy_new(ub *u)
{
	const argmap_map *a = u->d->a, *b = u->d->b;
	size_t i, j, n;
	void *p;

	for (i = 0; i < argmap_map_file_count(b) && !u->oom; i++)
		if ((p = grow(u, (void **)&u->m->files, &u->m->nfiles, &u->m->capfiles,
		              sizeof(argmap_file))))
			*(argmap_file *)p = *argmap_map_file(b, i);
	for (i = 0; i < argmap_map_source_count(b) && !u->oom; i++)
		if ((p = grow(u, (void **)&u->m->sources, &u->m->nsources, &u->m->capsources,
		              sizeof(argmap_source)))) {
			*(argmap_source *)p = *argmap_map_source(b, i);
			add_id(u, argmap_map_source(b, i)->id, ARGMAP_ITEM_SOURCE, i,
			       argmap_map_source(b, i)->loc);
		}
	for (i = 0; i < argmap_map_actor_count(b) && !u->oom; i++)
		if ((p = grow(u, (void **)&u->m->actors, &u->m->nactors, &u->m->capactors,
		              sizeof(argmap_actor)))) {
			*(argmap_actor *)p = *argmap_map_actor(b, i);
			add_id(u, argmap_map_actor(b, i)->id, ARGMAP_ITEM_ACTOR, i,
			       argmap_map_actor(b, i)->loc);
		}
	for (i = 0; i < argmap_map_node_count(b) && !u->oom; i++)
		if ((p = grow(u, (void **)&u->m->nodes, &u->m->nnodes, &u->m->capnodes,
		              sizeof(argmap_node)))) {
			*(argmap_node *)p = *argmap_map_node(b, i);
			add_id(u, argmap_map_node(b, i)->id, ARGMAP_ITEM_NODE, i,
			       argmap_map_node(b, i)->loc);
		}
	for (i = 0; i < argmap_map_relation_count(b) && !u->oom; i++)
		if ((p = grow(u, (void **)&u->m->relations, &u->m->nrelations, &u->m->caprelations,
		              sizeof(argmap_relation)))) {
			*(argmap_relation *)p = *argmap_map_relation(b, i);
			add_id(u, argmap_map_relation(b, i)->id, ARGMAP_ITEM_RELATION, i,
			       argmap_map_relation(b, i)->loc);
		}
	place_old_files(u);
	/* the old sources and actors: the new one's of that id, else a copy */
	n = argmap_map_source_count(a);
	for (i = 0; i < n && !u->oom; i++) {
		argmap_source *s;
		if (argmap_map_find(b, argmap_map_source(a, i)->id, &j) == ARGMAP_ITEM_SOURCE) {
			u->old_src[i] = j;
			continue;
		}
		if (!(s = grow(u, (void **)&u->m->sources, &u->m->nsources, &u->m->capsources,
		               sizeof *s)))
			break;
		*s = *argmap_map_source(a, i);
		s->loc.file = file_of(u, s->loc.file);
		s->id = free_id(u, s->id);
		u->old_src[i] = u->m->nsources - 1;
		add_id(u, s->id, ARGMAP_ITEM_SOURCE, u->old_src[i], s->loc);
	}
	n = argmap_map_actor_count(a);
	for (i = 0; i < n && !u->oom; i++) {
		argmap_actor *s;
		if (argmap_map_find(b, argmap_map_actor(a, i)->id, &j) == ARGMAP_ITEM_ACTOR) {
			u->old_act[i] = j;
			continue;
		}
		if (!(s = grow(u, (void **)&u->m->actors, &u->m->nactors, &u->m->capactors,
		               sizeof *s)))
			break;
		*s = *argmap_map_actor(a, i);
		s->loc.file = file_of(u, s->loc.file);
		s->id = free_id(u, s->id);
		u->old_act[i] = u->m->nactors - 1;
		add_id(u, s->id, ARGMAP_ITEM_ACTOR, u->old_act[i], s->loc);
	}
	/* the old sources' authors, now that every actor has its place */
	for (i = argmap_map_source_count(b); i < u->m->nsources && !u->oom; i++)
		u->m->sources[i].authors =
		    map_refs(u, u->m->sources[i].authors, u->m->sources[i].n_authors);
}

/* ------------------------------------------------------------ details */

static void field_line(am_buf *t, const am_diff_field *f)
{
	size_t k;

	if (t->len)
		am_buf_putc(t, '\n');
	if (!f->is_set) {
		am_buf_printf(t, "%s was: ", f->name);
		am_buf_puts(t, f->old_s ? f->old_s : "(none)");
		return;
	}
	am_buf_printf(t, "%s were: ", f->name);
	if (!f->n_old)
		am_buf_puts(t, "(none)");
	for (k = 0; k < f->n_old; k++)
		am_buf_printf(t, "%s%s", k ? ", " : "", f->old_set[k] ? f->old_set[k] : "?");
}

/* The detail of entry e into the union's arena (NULL when empty). */
static const char *detail(ub *u, const am_diff_entry *e, const char *prefix)
{
	size_t k;
	char *s;

	am_buf_free(&u->t);
	if (prefix)
		am_buf_puts(&u->t, prefix);
	if (e->what == AM_DIFF_RENAMED)
		am_buf_printf(&u->t, "%srenamed from %s", u->t.len ? "\n" : "",
		              argmap_map_node(u->d->a, e->old_i)->id);
	for (k = 0; k < e->n_fields; k++)
		field_line(&u->t, &e->fields[k]);
	if (u->t.failed)
		u->oom = 1;
	if (!u->t.len)
		return NULL;
	if (!(s = am_arena_strdup(&u->m->arena, u->t.data)))
		u->oom = 1;
	return s;
}

/* ------------------------------------------------------------- nodes */

static void add_removed_node(ub *u, size_t oi)
{
	argmap_node *n;
	size_t ui;

	if (!(n = grow(u, (void **)&u->m->nodes, &u->m->nnodes, &u->m->capnodes, sizeof *n)))
		return;
	ui = u->m->nnodes - 1;
	*n = *argmap_map_node(u->d->a, oi);
	n->loc.file = file_of(u, n->loc.file);
	n->text_loc.file = file_of(u, n->text_loc.file);
	n->id = free_id(u, n->id);
	u->old_node[oi] = ui;
	add_id(u, n->id, ARGMAP_ITEM_NODE, ui, n->loc);
}

/* The old nodes: where each is in the union (matched by id or as a
 * rename; the removed appended). Their references come later. */
static void place_old_nodes(ub *u)
{
	const argmap_diff *d = u->d;
	size_t na = argmap_map_node_count(d->a), i, j;

	for (i = 0; i < na; i++)
		u->old_node[i] =
		    argmap_map_find(d->b, argmap_map_node(d->a, i)->id, &j) == ARGMAP_ITEM_NODE
		        ? j
		        : ARGMAP_NONE;
	for (i = 0; i < d->n && !u->oom; i++) {
		const am_diff_entry *e = &d->e[i];
		if (e->relation)
			continue;
		if (e->what == AM_DIFF_REMOVED)
			add_removed_node(u, e->old_i);
		else if (e->what != AM_DIFF_ADDED)
			u->old_node[e->old_i] = e->new_i;
	}
}

static void node_refs(ub *u)
{
	size_t nb = argmap_map_node_count(u->d->b), i;

	for (i = nb; i < u->m->nnodes && !u->oom; i++) {
		argmap_node *n = &u->m->nodes[i];
		n->by = map_refs(u, n->by, n->n_by);
		n->sources = map_refs(u, n->sources, n->n_sources);
		if (n->speaker)
			n->speaker = map_refs(u, n->speaker, 1);
	}
}

static void mark_nodes(ub *u)
{
	const argmap_diff *d = u->d;
	size_t i;

	for (i = 0; i < d->n && !u->oom; i++) {
		const am_diff_entry *e = &d->e[i];
		size_t ui;
		if (e->relation)
			continue;
		ui = e->what == AM_DIFF_REMOVED ? u->old_node[e->old_i] : e->new_i;
		if (ui == ARGMAP_NONE)
			continue;
		u->nc[ui] = e->what == AM_DIFF_ADDED     ? ARGMAP_CHANGE_ADDED
		            : e->what == AM_DIFF_REMOVED ? ARGMAP_CHANGE_REMOVED
		            : e->what == AM_DIFF_RENAMED ? ARGMAP_CHANGE_RENAMED
		                                         : ARGMAP_CHANGE_CHANGED;
		u->nd[ui] = detail(u, e, NULL);
	}
	for (i = 0; i < d->n_labels && !u->oom; i++) {
		const am_diff_label *l = &d->labels[i];
		u->ol[l->new_i] = l->old_l;
		u->nl[l->new_i] = l->new_l;
		am_buf_free(&u->t);
		am_buf_printf(&u->t, "before: %s\nnow: %s",
		              d->ea->explanation[l->old_i] ? d->ea->explanation[l->old_i] : "",
		              d->eb->explanation[l->new_i] ? d->eb->explanation[l->new_i] : "");
		if (u->t.failed || !(u->ld[l->new_i] = am_arena_strdup(&u->m->arena, u->t.data)))
			u->oom = 1;
	}
}

/* --------------------------------------------------------- relations */

/* Appends old relation oi (removed, or the old place of a moved one:
 * ghost, without its id). Returns its union index or ARGMAP_NONE. */
static size_t add_old_relation(ub *u, size_t oi, int ghost)
{
	argmap_relation *r;
	size_t ui;

	if (!(r = grow(u, (void **)&u->m->relations, &u->m->nrelations, &u->m->caprelations,
	               sizeof *r)))
		return ARGMAP_NONE;
	ui = u->m->nrelations - 1;
	*r = *argmap_map_relation(u->d->a, oi);
	r->loc.file = file_of(u, r->loc.file);
	r->id = ghost ? NULL : free_id(u, r->id);
	if (!ghost) {
		u->old_rel[oi] = ui;
		add_id(u, r->id, ARGMAP_ITEM_RELATION, ui, r->loc);
	}
	return ui;
}

static int moved(const am_diff_entry *e)
{
	size_t k;

	for (k = 0; k < e->n_fields; k++)
		if (!strcmp(e->fields[k].name, "to") || !strcmp(e->fields[k].name, "premises"))
			return 1;
	return 0;
}

/* 1 if old relation oi can be drawn in the union: an undercut needs the
 * support it aims at (matched, or coming along as removed). */
static int drawable(const ub *u, size_t oi, const unsigned char *pending)
{
	const argmap_relation *r = argmap_map_relation(u->d->a, oi);
	size_t t = r->to.index;

	if (r->to.kind != ARGMAP_ITEM_RELATION)
		return 1;
	return t != ARGMAP_NONE && (u->old_rel[t] != ARGMAP_NONE || pending[t]);
}

static void relations(ub *u)
{
	const argmap_diff *d = u->d;
	size_t na = argmap_map_relation_count(d->a), mb = argmap_map_relation_count(d->b), i, j;
	const size_t ne = d->n;
	size_t *ghost_of = malloc((ne + 1) * sizeof *ghost_of);
	unsigned char *pending = calloc(na + 1, 1);

	if (!ghost_of || !pending) {
		u->oom = 1;
		goto done;
	}
	for (i = 0; i < na; i++)
		u->old_rel[i] = argmap_map_relation(d->a, i)->id &&
		                        argmap_map_find(d->b, argmap_map_relation(d->a, i)->id,
		                                        &j) == ARGMAP_ITEM_RELATION
		                    ? j
		                    : ARGMAP_NONE;
	for (i = 0; i < ne; i++) {
		const am_diff_entry *e = &d->e[i];
		ghost_of[i] = ARGMAP_NONE;
		if (e->relation && e->what == AM_DIFF_REMOVED)
			pending[e->old_i] = 1;
		else if (e->relation && e->what == AM_DIFF_CHANGED)
			u->old_rel[e->old_i] = e->new_i;
	}
	/* first place them all (an undercut may aim at a later relation) */
	for (i = 0; i < ne && !u->oom; i++) {
		const am_diff_entry *e = &d->e[i];
		if (!e->relation || e->what == AM_DIFF_ADDED || !drawable(u, e->old_i, pending))
			continue;
		if (e->what == AM_DIFF_REMOVED)
			ghost_of[i] = add_old_relation(u, e->old_i, 0);
		else if (moved(e))
			ghost_of[i] = add_old_relation(u, e->old_i, 1);
	}
	for (i = mb; i < u->m->nrelations && !u->oom; i++) {
		argmap_relation *r = &u->m->relations[i];
		const argmap_ref *to = map_refs(u, &r->to, 1);
		r->from = map_refs(u, r->from, r->n_from);
		if (to)
			r->to = *to;
		r->by = map_refs(u, r->by, r->n_by);
		r->sources = map_refs(u, r->sources, r->n_sources);
	}
	for (i = 0; i < ne && !u->oom; i++) {
		const am_diff_entry *e = &d->e[i];
		if (!e->relation)
			continue;
		if (e->what == AM_DIFF_ADDED)
			u->rc[e->new_i] = ARGMAP_CHANGE_ADDED;
		if (e->what == AM_DIFF_CHANGED) {
			u->rc[e->new_i] = ARGMAP_CHANGE_CHANGED;
			u->rd[e->new_i] = detail(u, e, NULL);
		}
		if (ghost_of[i] != ARGMAP_NONE) {
			u->rc[ghost_of[i]] = ARGMAP_CHANGE_REMOVED;
			if (e->what == AM_DIFF_CHANGED)
				u->rd[ghost_of[i]] =
				    detail(u, e, "where it was before it was moved");
		}
	}
done:
	free(ghost_of);
	free(pending);
}

/* ------------------------------------------------------------- file 0 */

static void describe(ub *u, argmap_diff_union *x)
{
	const argmap_file *fa = argmap_map_file(u->d->a, 0), *fb = argmap_map_file(u->d->b, 0);
	argmap_file *f = &u->m->files[0];
	am_buf b = {0};

	am_buf_printf(&b, "Changes from %s", x->old_path);
	if (fa->date)
		am_buf_printf(&b, " (dated %s)", fa->date);
	am_buf_printf(&b, " to %s", x->new_path);
	if (fb->date)
		am_buf_printf(&b, " (dated %s)", fb->date);
	am_buf_printf(&b, ": %zu added, %zu removed, %zu changed, %zu renamed", x->n_added,
	              x->n_removed, x->n_changed, x->n_renamed);
	if (x->n_relabelled)
		am_buf_printf(&b, "; %zu claim%s changed label", x->n_relabelled,
		              x->n_relabelled == 1 ? "" : "s");
	am_buf_putc(&b, '.');
	if (fa->title && fb->title && strcmp(fa->title, fb->title) != 0)
		am_buf_printf(&b, " The old version was titled \xE2\x80\x9C%s\xE2\x80\x9D.",
		              fa->title);
	if (b.failed || !(f->description = am_arena_strdup(&u->m->arena, b.data)))
		u->oom = 1;
	if (!f->title)
		f->title = fa->title;
	am_buf_free(&b);
}

/* -------------------------------------------------------------- entry */

void argmap_diff_union_free(argmap_diff_union *x)
{
	if (!x)
		return;
	argmap_map_free((argmap_map *)x->map);
	free(x);
}

/* The diff's own counts (a moved relation is one change, not two). */
static void count_changes(argmap_diff_union *x, const argmap_diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		x->n_added += d->e[i].what == AM_DIFF_ADDED;
		x->n_removed += d->e[i].what == AM_DIFF_REMOVED;
		x->n_changed += d->e[i].what == AM_DIFF_CHANGED;
		x->n_renamed += d->e[i].what == AM_DIFF_RENAMED;
	}
	x->n_relabelled = d->n_labels;
}

int argmap_diff_union_build(const argmap_diff *d, argmap_diff_union **out)
{
	ub u;
	argmap_diff_union *x = NULL;
	size_t na, nr, n, m;
	am_arena *ar;

	if (!d || !out)
		return am_fail(ARGMAP_EARG, "argmap_diff_union_build: NULL argument");
	*out = NULL;
	if (!argmap_map_file_count(d->a) || !argmap_map_file_count(d->b))
		return am_fail(ARGMAP_EARG, "argmap_diff_union_build: a version has no files");
	memset(&u, 0, sizeof u);
	u.d = d;
	na = argmap_map_node_count(d->a);
	nr = argmap_map_relation_count(d->a);
	u.m = calloc(1, sizeof *u.m);
	x = calloc(1, sizeof *x);
	u.old_node = malloc((na + 1) * sizeof *u.old_node);
	u.old_rel = malloc((nr + 1) * sizeof *u.old_rel);
	u.old_src = malloc((argmap_map_source_count(d->a) + 1) * sizeof *u.old_src);
	u.old_act = malloc((argmap_map_actor_count(d->a) + 1) * sizeof *u.old_act);
	u.n_old_files = argmap_map_file_count(d->a);
	u.old_file = malloc((u.n_old_files + 1) * sizeof *u.old_file);
	if (!u.m || !x || !u.old_node || !u.old_rel || !u.old_src || !u.old_act || !u.old_file) {
		u.oom = 1;
		goto fail;
	}
	copy_new(&u);
	if (!u.oom)
		place_old_nodes(&u);
	if (!u.oom)
		node_refs(&u);
	/* the per-item arrays: every node is placed; the relations grow */
	n = u.m->nnodes;
	m = argmap_map_relation_count(d->b) + nr;
	ar = &u.m->arena;
	u.nc = am_arena_alloc(ar, (n + 1) * sizeof *u.nc);
	u.nd = am_arena_alloc(ar, (n + 1) * sizeof *u.nd);
	u.ol = am_arena_alloc(ar, (n + 1) * sizeof *u.ol);
	u.nl = am_arena_alloc(ar, (n + 1) * sizeof *u.nl);
	u.ld = am_arena_alloc(ar, (n + 1) * sizeof *u.ld);
	u.rc = am_arena_alloc(ar, (m + 1) * sizeof *u.rc);
	u.rd = am_arena_alloc(ar, (m + 1) * sizeof *u.rd);
	if (!u.nc || !u.nd || !u.ol || !u.nl || !u.ld || !u.rc || !u.rd)
		u.oom = 1;
	if (!u.oom)
		mark_nodes(&u);
	if (!u.oom)
		relations(&u);
	if (u.oom)
		goto fail;
	x->map = u.m;
	x->node_change = u.nc;
	x->relation_change = u.rc;
	x->node_detail = u.nd;
	x->relation_detail = u.rd;
	x->old_label = u.ol;
	x->new_label = u.nl;
	x->label_detail = u.ld;
	x->old_path = am_arena_strdup(ar, am_diff_version_name(d, 0));
	x->new_path = am_arena_strdup(ar, am_diff_version_name(d, 1));
	if (!x->old_path || !x->new_path) {
		u.oom = 1;
		goto fail;
	}
	count_changes(x, d);
	describe(&u, x);
fail:
	free(u.old_node);
	free(u.old_rel);
	free(u.old_src);
	free(u.old_act);
	free(u.old_file);
	am_buf_free(&u.t);
	if (!u.oom && x && x->map) {
		*out = x;
		return 0;
	}
	argmap_map_free(u.m);
	free(x);
	return am_fail(ARGMAP_ENOMEM, "out of memory");
}

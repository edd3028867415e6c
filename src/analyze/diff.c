/*
 * diff.c - argmap_diff_compute: match two versions of a debate and list
 * what was added, removed, changed or renamed, and which claims changed
 * label (argmap/eval.h, grounded). Nodes match by id (the model's id table:
 * one lookup each); renames pair removed and added nodes of one kind and
 * text (sorted by text); relations match by id, then by kind, conclusion
 * and sorted premises (sorted keys, renames applied to the old side).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/diff.h"
#include "util/am_internal.h"
#include "util/buf.h"

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

const char *am_diff_new_id(const argmap_diff *d, const char *id)
{
	size_t lo = 0, hi = d->n_ren;

	if (!id)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->ren_old[mid], id);
		if (c == 0)
			return d->ren_new[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return id;
}

/* ------------------------------------------------------------ entries */

static am_diff_entry *add_entry(argmap_diff *d, am_diff_what what, int rel, size_t oi, size_t ni)
{
	am_diff_entry *e;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		am_diff_entry *ne = realloc(d->e, cap * sizeof *ne);
		if (!ne)
			return NULL;
		d->e = ne;
		d->cap = cap;
	}
	e = &d->e[d->n++];
	memset(e, 0, sizeof *e);
	e->what = what;
	e->relation = rel;
	e->old_i = oi;
	e->new_i = ni;
	return e;
}

static am_diff_field *add_field(am_diff_entry *e, const char *name)
{
	am_diff_field *f = realloc(e->fields, (e->n_fields + 1) * sizeof *f);

	if (!f)
		return NULL;
	e->fields = f;
	f = &f[e->n_fields++];
	memset(f, 0, sizeof *f);
	f->name = name;
	return f;
}

static int same_str(const char *x, const char *y)
{
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* Compares two scalars; records a field when they differ. -1: no memory. */
static int cmp_scalar(am_diff_entry *e, const char *name, const char *x, const char *y)
{
	am_diff_field *f;

	if (same_str(x, y))
		return 0;
	if (!(f = add_field(e, name)))
		return -1;
	f->old_s = x;
	f->new_s = y;
	return 0;
}

/* A sorted set of ids from refs (translate: through the renames). */
static const char **ref_set(const argmap_diff *d, const argmap_ref *refs, size_t n, int translate)
{
	const char **s = malloc((n + 1) * sizeof *s);
	size_t i;

	if (!s)
		return NULL;
	for (i = 0; i < n; i++) {
		s[i] = translate ? am_diff_new_id(d, refs[i].id) : refs[i].id;
		if (!s[i])
			s[i] = ""; /* a map with errors: an empty id */
	}
	qsort(s, n, sizeof *s, cmp_str);
	return s;
}

static const char **str_set(const char *const *v, size_t n)
{
	const char **s = malloc((n + 1) * sizeof *s);

	if (!s)
		return NULL;
	if (n)
		memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_str);
	return s;
}

static int same_set(const char **x, size_t nx, const char **y, size_t ny)
{
	size_t i;

	if (nx != ny)
		return 0;
	for (i = 0; i < nx; i++)
		if (strcmp(x[i], y[i]) != 0)
			return 0;
	return 1;
}

/* Records a set field when the sets differ (takes the arrays). */
static int cmp_set(am_diff_entry *e, const char *name, const char **x, size_t nx, const char **y,
                   size_t ny)
{
	am_diff_field *f;

	if (!x || !y || same_set(x, nx, y, ny) || !(f = add_field(e, name))) {
		int failed = !x || !y || !same_set(x, nx, y, ny);
		free(x);
		free(y);
		return failed ? -1 : 0;
	}
	f->is_set = 1;
	f->old_set = x;
	f->new_set = y;
	f->n_old = nx;
	f->n_new = ny;
	return 0;
}

static int cmp_refs(argmap_diff *d, am_diff_entry *e, const char *name, const argmap_ref *x,
                    size_t nx, const argmap_ref *y, size_t ny)
{
	return cmp_set(e, name, ref_set(d, x, nx, 1), nx, ref_set(d, y, ny, 0), ny);
}

/* ------------------------------------------------------------- nodes */

static int compare_nodes(argmap_diff *d, size_t oi, size_t ni, am_diff_what what)
{
	const argmap_node *x = argmap_map_node(d->a, oi), *y = argmap_map_node(d->b, ni);
	am_diff_entry *e = add_entry(d, what, 0, oi, ni);
	int rc = 0;

	if (!e)
		return -1;
	rc |= cmp_scalar(e, "kind", argmap_node_kind_name(x->kind), argmap_node_kind_name(y->kind));
	rc |= cmp_scalar(e, y->kind == ARGMAP_NODE_EVIDENCE ? "quote" : "text", x->text, y->text);
	rc |= cmp_scalar(e, "title", x->title, y->title);
	rc |= cmp_refs(d, e, "holders", x->by, x->n_by, y->by, y->n_by);
	rc |= cmp_scalar(e, "speaker", x->speaker ? am_diff_new_id(d, x->speaker->id) : NULL,
	                 y->speaker ? y->speaker->id : NULL);
	rc |= cmp_refs(d, e, "sources", x->sources, x->n_sources, y->sources, y->n_sources);
	rc |= cmp_set(e, "tags", str_set(x->tags, x->n_tags), x->n_tags,
	              str_set(y->tags, y->n_tags), y->n_tags);
	if (rc)
		return -1;
	if (e->n_fields == 0 && what == AM_DIFF_CHANGED)
		d->n--; /* the same: no entry */
	return 0;
}

typedef struct textkey {
	const char *text;
	argmap_node_kind kind;
	size_t i;
} textkey;

static int cmp_textkey(const void *p, const void *q)
{
	const textkey *x = p, *y = q;
	int c = x->kind != y->kind ? (x->kind < y->kind ? -1 : 1) : strcmp(x->text, y->text);

	return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

static int cmp_ren(const void *p, const void *q)
{
	const char *const *x = p, *const *y = q;

	return strcmp(x[0], y[0]);
}

/* Pairs removed and added nodes of the same kind and text: renames. Fills
 * d->ren_*; marks the pairs in old_m / new_m with their partner + 1. */
static int find_renames(argmap_diff *d, size_t *old_m, size_t *new_m)
{
	size_t na = argmap_map_node_count(d->a), nb = argmap_map_node_count(d->b), i, j, nr = 0,
	       nx = 0;
	textkey *ra = malloc((na + 1) * sizeof *ra), *rb = malloc((nb + 1) * sizeof *rb);
	const char **pairs = NULL;
	int rc = -1;

	if (!ra || !rb)
		goto done;
	for (i = 0; i < na; i++)
		if (!old_m[i] && argmap_map_node(d->a, i)->text && argmap_map_node(d->a, i)->id) {
			ra[nr].text = argmap_map_node(d->a, i)->text;
			ra[nr].kind = argmap_map_node(d->a, i)->kind;
			ra[nr++].i = i;
		}
	for (i = 0; i < nb; i++)
		if (!new_m[i] && argmap_map_node(d->b, i)->text && argmap_map_node(d->b, i)->id) {
			rb[nx].text = argmap_map_node(d->b, i)->text;
			rb[nx].kind = argmap_map_node(d->b, i)->kind;
			rb[nx++].i = i;
		}
	qsort(ra, nr, sizeof *ra, cmp_textkey);
	qsort(rb, nx, sizeof *rb, cmp_textkey);
	pairs = malloc(((nr < nx ? nr : nx) + 1) * 2 * sizeof *pairs);
	if (!pairs)
		goto done;
	for (i = j = 0; i < nr && j < nx;) {
		int c = ra[i].kind != rb[j].kind ? (ra[i].kind < rb[j].kind ? -1 : 1)
		                                 : strcmp(ra[i].text, rb[j].text);
		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			old_m[ra[i].i] = rb[j].i + 1;
			new_m[rb[j].i] = ra[i].i + 1;
			pairs[2 * d->n_ren] = argmap_map_node(d->a, ra[i].i)->id;
			pairs[2 * d->n_ren + 1] = argmap_map_node(d->b, rb[j].i)->id;
			d->n_ren++;
			i++;
			j++;
		}
	}
	qsort(pairs, d->n_ren, 2 * sizeof *pairs, cmp_ren);
	d->ren_old = malloc((d->n_ren + 1) * sizeof *d->ren_old);
	d->ren_new = malloc((d->n_ren + 1) * sizeof *d->ren_new);
	if (!d->ren_old || !d->ren_new)
		goto done;
	for (i = 0; i < d->n_ren; i++) {
		d->ren_old[i] = pairs[2 * i];
		d->ren_new[i] = pairs[2 * i + 1];
	}
	rc = 0;
done:
	free(ra);
	free(rb);
	free(pairs);
	return rc;
}

/* old_m[i] / new_m[j]: partner index + 1, 0 when unmatched. */
static int diff_nodes(argmap_diff *d, size_t *old_m, size_t *new_m)
{
	size_t na = argmap_map_node_count(d->a), nb = argmap_map_node_count(d->b), i, j;

	for (i = 0; i < na; i++) {
		const char *id = argmap_map_node(d->a, i)->id;
		if (id && argmap_map_find(d->b, id, &j) == ARGMAP_ITEM_NODE) {
			old_m[i] = j + 1;
			new_m[j] = i + 1;
		}
	}
	if (find_renames(d, old_m, new_m) != 0)
		return -1;
	for (j = 0; j < nb; j++) {
		int renamed = new_m[j] && strcmp(argmap_map_node(d->a, new_m[j] - 1)->id,
		                                 argmap_map_node(d->b, j)->id) != 0;
		if (!new_m[j]) {
			if (!add_entry(d, AM_DIFF_ADDED, 0, ARGMAP_NONE, j))
				return -1;
		} else if (compare_nodes(d, new_m[j] - 1, j,
		                         renamed ? AM_DIFF_RENAMED : AM_DIFF_CHANGED) != 0) {
			return -1;
		}
	}
	for (i = 0; i < na; i++)
		if (!old_m[i] && !add_entry(d, AM_DIFF_REMOVED, 0, i, ARGMAP_NONE))
			return -1;
	return 0;
}

/* --------------------------------------------------------- relations */

static int compare_relations(argmap_diff *d, size_t oi, size_t ni)
{
	const argmap_relation *x = argmap_map_relation(d->a, oi),
	                      *y = argmap_map_relation(d->b, ni);
	am_diff_entry *e = add_entry(d, AM_DIFF_CHANGED, 1, oi, ni);
	int rc = 0;

	if (!e)
		return -1;
	rc |= cmp_scalar(e, "kind", argmap_relation_kind_name(x->kind),
	                 argmap_relation_kind_name(y->kind));
	rc |= cmp_refs(d, e, "premises", x->from, x->n_from, y->from, y->n_from);
	rc |= cmp_scalar(e, "to", am_diff_new_id(d, x->to.id), y->to.id);
	rc |= cmp_scalar(e, "stance",
	                 x->kind == ARGMAP_REL_ANSWER ? argmap_stance_name(x->stance) : NULL,
	                 y->kind == ARGMAP_REL_ANSWER ? argmap_stance_name(y->stance) : NULL);
	rc |= cmp_refs(d, e, "holders", x->by, x->n_by, y->by, y->n_by);
	rc |= cmp_refs(d, e, "sources", x->sources, x->n_sources, y->sources, y->n_sources);
	rc |= cmp_scalar(e, "basis", argmap_basis_name(x->basis), argmap_basis_name(y->basis));
	if (rc)
		return -1;
	if (e->n_fields == 0)
		d->n--;
	return 0;
}

typedef struct relkey {
	char *key;
	size_t i;
} relkey;

static int cmp_relkey(const void *p, const void *q)
{
	const relkey *x = p, *y = q;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

/* "kind\nto\npremise premise ..." (sorted; translate: renames applied). */
static char *rel_key(const argmap_diff *d, const argmap_relation *r, int translate)
{
	const char **ids = ref_set(d, r->from, r->n_from, translate);
	am_buf b = {0};
	size_t j;

	if (!ids)
		return NULL;
	am_buf_printf(&b, "%s\n%s\n", argmap_relation_kind_name(r->kind),
	              r->to.id ? (translate ? am_diff_new_id(d, r->to.id) : r->to.id) : "");
	for (j = 0; j < r->n_from; j++)
		am_buf_printf(&b, "%s%s", j ? " " : "", ids[j] ? ids[j] : "");
	free(ids);
	return am_buf_detach(&b);
}

static relkey *unmatched_keys(const argmap_diff *d, const argmap_map *m, const size_t *matched,
                              int translate, size_t *n)
{
	size_t nr = argmap_map_relation_count(m), i;
	relkey *k = calloc(nr + 1, sizeof *k);

	*n = 0;
	if (!k)
		return NULL;
	for (i = 0; i < nr; i++) {
		if (matched[i])
			continue;
		k[*n].i = i;
		if (!(k[*n].key = rel_key(d, argmap_map_relation(m, i), translate))) {
			while ((*n)-- > 0)
				free(k[*n].key);
			free(k);
			return NULL;
		}
		(*n)++;
	}
	qsort(k, *n, sizeof *k, cmp_relkey);
	return k;
}

static int diff_relations(argmap_diff *d)
{
	size_t na = argmap_map_relation_count(d->a), nb = argmap_map_relation_count(d->b), i, j;
	size_t *om = calloc(na + 1, sizeof *om), *nm = calloc(nb + 1, sizeof *nm), nka = 0, nkb = 0;
	relkey *ka = NULL, *kb = NULL;
	int rc = -1;

	if (!om || !nm)
		goto done;
	for (i = 0; i < na; i++) {
		const char *id = argmap_map_relation(d->a, i)->id;
		if (id && argmap_map_find(d->b, id, &j) == ARGMAP_ITEM_RELATION) {
			om[i] = j + 1;
			nm[j] = i + 1;
		}
	}
	ka = unmatched_keys(d, d->a, om, 1, &nka);
	kb = unmatched_keys(d, d->b, nm, 0, &nkb);
	if (!ka || !kb)
		goto done;
	for (i = j = 0; i < nka && j < nkb;) {
		int c = strcmp(ka[i].key, kb[j].key);
		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			om[ka[i].i] = kb[j].i + 1;
			nm[kb[j].i] = ka[i].i + 1;
			i++;
			j++;
		}
	}
	for (j = 0; j < nb; j++) {
		if (!nm[j]) {
			if (!add_entry(d, AM_DIFF_ADDED, 1, ARGMAP_NONE, j))
				goto done;
		} else if (compare_relations(d, nm[j] - 1, j) != 0) {
			goto done;
		}
	}
	for (i = 0; i < na; i++)
		if (!om[i] && !add_entry(d, AM_DIFF_REMOVED, 1, i, ARGMAP_NONE))
			goto done;
	rc = 0;
done:
	for (i = 0; ka && i < nka; i++)
		free(ka[i].key);
	for (j = 0; kb && j < nkb; j++)
		free(kb[j].key);
	free(ka);
	free(kb);
	free(om);
	free(nm);
	return rc;
}

/* ------------------------------------------------------------ labels */

static int diff_labels(argmap_diff *d, const size_t *new_m)
{
	size_t nb = argmap_map_node_count(d->b), j;

	if (argmap_eval_map(d->a, NULL, &d->ea) != 0 || argmap_eval_map(d->b, NULL, &d->eb) != 0)
		return -1;
	d->labels = calloc(nb + 1, sizeof *d->labels);
	if (!d->labels)
		return -1;
	for (j = 0; j < nb; j++) {
		size_t i;
		argmap_label la, lb;
		if (!new_m[j] || argmap_map_node(d->b, j)->kind != ARGMAP_NODE_CLAIM)
			continue;
		i = new_m[j] - 1;
		la = d->ea->label[i];
		lb = d->eb->label[j];
		if (la == lb || la == ARGMAP_LABEL_NONE || lb == ARGMAP_LABEL_NONE)
			continue;
		d->labels[d->n_labels].old_i = i;
		d->labels[d->n_labels].new_i = j;
		d->labels[d->n_labels].old_l = la;
		d->labels[d->n_labels++].new_l = lb;
	}
	return 0;
}

/* -------------------------------------------------------------- entry */

void argmap_diff_free(argmap_diff *d)
{
	size_t i, k;

	if (!d)
		return;
	for (i = 0; i < d->n; i++) {
		for (k = 0; k < d->e[i].n_fields; k++) {
			free(d->e[i].fields[k].old_set);
			free(d->e[i].fields[k].new_set);
		}
		free(d->e[i].fields);
	}
	free(d->e);
	free(d->labels);
	argmap_eval_free(d->ea);
	argmap_eval_free(d->eb);
	free(d->ren_old);
	free(d->ren_new);
	free(d->old_name);
	free(d->new_name);
	free(d);
}

int argmap_diff_set_names(argmap_diff *d, const char *old_name, const char *new_name)
{
	char *a = NULL, *b = NULL;

	if (!d)
		return am_fail(ARGMAP_EARG, "argmap_diff_set_names: NULL diff");
	if ((old_name && !(a = strdup(old_name))) || (new_name && !(b = strdup(new_name)))) {
		free(a);
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	free(d->old_name);
	free(d->new_name);
	d->old_name = a;
	d->new_name = b;
	return 0;
}

const char *am_diff_version_name(const argmap_diff *d, int which)
{
	const char *name = which ? d->new_name : d->old_name;

	return name ? name : argmap_map_file(which ? d->b : d->a, 0)->path;
}

size_t argmap_diff_count(const argmap_diff *d)
{
	return d ? d->n + d->n_labels : 0;
}

int argmap_diff_compute(const argmap_map *a, const argmap_map *b, argmap_diff **out)
{
	argmap_diff *d;
	size_t *old_m = NULL, *new_m = NULL;
	int rc = -1;

	if (!a || !b || !out)
		return am_fail(ARGMAP_EARG, "argmap_diff_compute: NULL argument");
	*out = NULL;
	if (!(d = calloc(1, sizeof *d)))
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	d->a = a;
	d->b = b;
	old_m = calloc(argmap_map_node_count(a) + 1, sizeof *old_m);
	new_m = calloc(argmap_map_node_count(b) + 1, sizeof *new_m);
	if (old_m && new_m && diff_nodes(d, old_m, new_m) == 0 && diff_relations(d) == 0 &&
	    diff_labels(d, new_m) == 0)
		rc = 0;
	free(old_m);
	free(new_m);
	if (rc != 0) {
		argmap_diff_free(d);
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	*out = d;
	return 0;
}

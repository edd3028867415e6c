/*
 * aif_ns.c - the namespaced object "argmap" that argmap's AIF export
 * writes (export/aif.c): the meta block, sources, actors, and per AIF node
 * what AIF has no place for. The importer restores the map from it; the
 * AIF graph itself (which premise goes where) still comes from the nodes
 * and edges, so an AIF tool may have edited the file in between.
 *
 * It is untrusted like the rest: every record is checked for its shape
 * (ids, kinds, lists of strings) and one that does not fit is left out
 * with a warning (AM860); dates, URLs and references are checked when the
 * imported map is.
 */
#include <stdio.h>
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"

static const char *str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *am_aif_ns_string(imp_map *m, const json_t *rec, const char *key)
{
	const char *s = str(rec, key);

	return s ? am_arena_strdup(&m->arena, s) : NULL;
}

static int token_ok(const char *s, int tags)
{
	if (!tags)
		return am_aif_valid_id(s);
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			return 0;
	return 1;
}

const char *am_aif_ns_list(imp_map *m, const aif_doc *doc, const json_t *rec, const char *key,
                           argmap_diags *diags)
{
	const json_t *a = json_object_get(rec, key), *v;
	am_buf b = {0};
	const char *out = NULL;
	size_t i;

	if (!a)
		return NULL;
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v) || !token_ok(json_string_value(v), !strcmp(key, "tags"))) {
			am_diag(diags, ARGMAP_SEV_WARNING, "AM860", doc->name, 0, 0, NULL,
			        "the argmap data's \"%s\" list holds something that is not %s; "
			        "left out",
			        key, strcmp(key, "tags") ? "an id" : "a tag");
			am_buf_free(&b);
			return NULL;
		}
		if (b.len)
			am_buf_putc(&b, ' ');
		am_buf_puts(&b, json_string_value(v));
	}
	if (!json_is_array(a))
		am_diag(diags, ARGMAP_SEV_WARNING, "AM860", doc->name, 0, 0, NULL,
		        "the argmap data's \"%s\" is not a list; left out", key);
	else if (b.len)
		out = am_arena_strdup(&m->arena, b.data);
	am_buf_free(&b);
	return out;
}

const json_t *am_aif_ns_record(const aif_doc *doc, int which, const char *nodeid)
{
	const json_t *t, *r;

	if (!doc->ns)
		return NULL;
	t = json_object_get(doc->ns, which ? "relations" : "nodes");
	r = json_is_object(t) ? json_object_get(t, nodeid) : NULL;
	return json_is_object(r) ? r : NULL;
}

size_t am_aif_ns_count(const aif_doc *doc, const char *key)
{
	return doc->ns ? json_array_size(json_object_get(doc->ns, key)) : 0;
}

static int kind_ok(const char *k, const char *(*name)(int), int n)
{
	int i;

	for (i = 0; k && i < n; i++)
		if (!strcmp(k, name(i)))
			return 1;
	return 0;
}

static const char *source_kind(int i)
{
	return argmap_source_kind_name((argmap_source_kind)i);
}

static const char *actor_kind(int i)
{
	return argmap_actor_kind_name((argmap_actor_kind)i);
}

static void bad_record(argmap_diags *diags, const aif_doc *doc, const char *what, size_t i)
{
	am_diag(diags, ARGMAP_SEV_WARNING, "AM860", doc->name, 0, 0, NULL,
	        "the argmap data's %s %zu has no valid id or kind; left out", what, i + 1);
}

static int reserve(aif_idset *ids, const char *id)
{
	return id && am_aif_valid_id(id) && am_aif_idset_add(ids, id) < 0 ? -1 : 0;
}

int am_aif_ns_begin(imp_map *m, const aif_doc *doc, aif_idset *ids, const char **person_actor,
                    argmap_diags *diags)
{
	const json_t *ns = doc->ns, *v, *meta, *list;
	const char *key;
	size_t i;

	if (!ns)
		return 0;
	v = json_object_get(ns, "version");
	if (!json_is_integer(v) || json_integer_value(v) != AM_AIF_NS_VERSION) {
		am_diag(diags, ARGMAP_SEV_WARNING, "AM860", doc->name, 0, 0,
		        "it was written by a newer argmap; the AIF part is read as any AIF",
		        "the argmap data is not of version %d; ignored", AM_AIF_NS_VERSION);
		return 0;
	}
	meta = json_object_get(ns, "meta");
	if (json_is_object(meta)) {
		m->title = am_aif_ns_string(m, meta, "title");
		m->description = am_aif_ns_string(m, meta, "description");
		m->date = am_aif_ns_string(m, meta, "date");
		m->lang = am_aif_ns_string(m, meta, "lang");
		list = json_object_get(meta, "editors");
		m->editors =
		    am_arena_alloc(&m->arena, (json_array_size(list) + 1) * sizeof(char *));
		if (!m->editors)
			return -1;
		json_array_foreach(list, i, v) if (json_is_string(v)) m->editors[m->n_editors++] =
		    am_arena_strdup(&m->arena, json_string_value(v));
	}
	json_array_foreach(json_object_get(ns, "sources"), i, v)
	{
		imp_source *s = &m->sources[m->n_sources];
		if (!json_is_object(v) || !am_aif_valid_id(str(v, "id")) ||
		    !kind_ok(str(v, "kind"), source_kind, ARGMAP_SOURCE_OTHER + 1)) {
			bad_record(diags, doc, "source", i);
			continue;
		}
		s->id = am_aif_ns_string(m, v, "id");
		s->kind = am_aif_ns_string(m, v, "kind");
		s->title = am_aif_ns_string(m, v, "title");
		s->publisher = am_aif_ns_string(m, v, "publisher");
		s->authors = am_aif_ns_list(m, doc, v, "authors", diags);
		s->date = am_aif_ns_string(m, v, "date");
		s->url = am_aif_ns_string(m, v, "url");
		s->accessed = am_aif_ns_string(m, v, "accessed");
		s->textfile = am_aif_ns_string(m, v, "textfile");
		s->note = am_aif_ns_string(m, v, "note");
		if (!s->id || reserve(ids, s->id))
			return -1;
		m->n_sources++;
	}
	json_array_foreach(json_object_get(ns, "actors"), i, v)
	{
		imp_actor *a = &m->actors[m->n_actors];
		const json_t *pid = json_object_get(v, "participantID");
		if (!json_is_object(v) || !am_aif_valid_id(str(v, "id")) ||
		    !kind_ok(str(v, "kind"), actor_kind, ARGMAP_ACTOR_GROUP + 1)) {
			bad_record(diags, doc, "actor", i);
			continue;
		}
		a->id = am_aif_ns_string(m, v, "id");
		a->kind = am_aif_ns_string(m, v, "kind");
		a->name = am_aif_ns_string(m, v, "name");
		a->affiliation = am_aif_ns_string(m, v, "affiliation");
		a->role = am_aif_ns_string(m, v, "role");
		a->note = am_aif_ns_string(m, v, "note");
		if (!a->id || reserve(ids, a->id))
			return -1;
		if (json_is_integer(pid) || json_is_string(pid)) {
			char tmp[32];
			const char *p = tmp;
			size_t k;
			if (json_is_string(pid))
				p = json_string_value(pid);
			else
				snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT,
				         json_integer_value(pid));
			k = am_aif_doc_find_person(doc, p);
			if (k != ARGMAP_NONE && !person_actor[k])
				person_actor[k] = a->id;
		}
		m->n_actors++;
	}
	json_object_foreach((json_t *)json_object_get(ns, "nodes"), key,
	                    v) if (reserve(ids, key)) return -1;
	json_object_foreach((json_t *)json_object_get(ns, "relations"), key,
	                    v) if (json_is_object(v) && reserve(ids, str(v, "id"))) return -1;
	return 1;
}

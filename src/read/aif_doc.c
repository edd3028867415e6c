/*
 * aif_doc.c - the AIF graph out of a jansson tree: nodes, edges, the
 * locutions that name an L-node's speaker, and the participants.
 *
 * Accepted shapes: AIFdb's {"nodes", "edges", "locutions", ...} and xAIF's
 * {"AIF": {...}, ...}. nodeIDs, edge ends and person ids may be strings or
 * integers (AIFdb writes both). Ids are resolved through one array of node
 * indices sorted by id (qsort, then binary searches): O(n log n) time and
 * O(n) memory, whatever the ids are. An entry that cannot be used (no
 * nodeID, an edge to an unknown node, a second node with the same id) is
 * skipped with a warning (AM855).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"

/* The id as text: strings as they are, integers in decimal; NULL for any
 * other value. */
static const char *id_text(am_arena *a, const json_t *v)
{
	char tmp[32];

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return am_arena_strdup(a, tmp);
	}
	return NULL;
}

static aif_type type_of(const char *t)
{
	static const struct {
		const char *name;
		aif_type type;
	} names[] = {{"I", AIF_I},   {"RA", AIF_RA}, {"CA", AIF_CA}, {"MA", AIF_MA},
	             {"PA", AIF_PA}, {"L", AIF_L},   {"YA", AIF_YA}, {"TA", AIF_TA}};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(t, names[i].name))
			return names[i].type;
	return AIF_OTHER;
}

/* qsort has no context argument: the table being sorted. Set and used
 * only inside one call of sort_nodes/sort_people on this thread. */
static _Thread_local const aif_doc *sorting;

static int cmp_node(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sorting->nodes[x].id, sorting->nodes[y].id);

	return c ? c : (x > y) - (x < y);
}

static int cmp_person(const void *a, const void *b)
{
	const aif_person *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	return (x->name == NULL) - (y->name == NULL); /* named first */
}

size_t am_aif_doc_find(const aif_doc *doc, const char *id)
{
	size_t lo = 0, hi = doc->n_nodes;

	while (lo < hi) { /* the first entry >= id */
		size_t mid = lo + (hi - lo) / 2;
		/* every node below n_nodes has an id: read_nodes keeps no other */
		// NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
		if (strcmp(doc->nodes[doc->sorted[mid]].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < doc->n_nodes && !strcmp(doc->nodes[doc->sorted[lo]].id, id))
		return doc->sorted[lo]; /* the lowest index: ties sort by index */
	return ARGMAP_NONE;
}

size_t am_aif_doc_find_person(const aif_doc *doc, const char *id)
{
	size_t lo = 0, hi = doc->n_people;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(doc->people[mid].id, id);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return ARGMAP_NONE;
}

static void skip(argmap_diags *diags, const aif_doc *doc, const char *what, size_t i,
                 const char *why)
{
	am_diag(diags, ARGMAP_SEV_WARNING, "AM855", doc->name, 0, 0, NULL,
	        "%s %zu of the AIF file skipped: %s", what, i + 1, why);
}

static int read_nodes(aif_doc *doc, const json_t *arr, argmap_diags *diags)
{
	size_t i, k, n = json_array_size(arr);

	doc->nodes = calloc(n ? n : 1, sizeof *doc->nodes);
	doc->sorted = calloc(n ? n : 1, sizeof *doc->sorted);
	if (!doc->nodes || !doc->sorted)
		return ARGMAP_ENOMEM;
	for (i = 0; i < n; i++) {
		const json_t *o = json_array_get(arr, i), *t;
		aif_node nd;
		memset(&nd, 0, sizeof nd);
		if (!json_is_object(o)) {
			skip(diags, doc, "node", i, "not a JSON object");
			continue;
		}
		nd.id = id_text(&doc->arena, json_object_get(o, "nodeID"));
		t = json_object_get(o, "type");
		if (!nd.id) {
			skip(diags, doc, "node", i, "no nodeID (a string or a number)");
			continue;
		}
		if (!json_is_string(t)) {
			skip(diags, doc, "node", i, "no type (\"I\", \"RA\", \"CA\", \"L\", ...)");
			continue;
		}
		nd.type_name = json_string_value(t);
		nd.type = type_of(nd.type_name);
		t = json_object_get(o, "text");
		nd.text = json_is_string(t) ? json_string_value(t) : "";
		nd.person = ARGMAP_NONE;
		doc->sorted[doc->n_nodes] = doc->n_nodes;
		doc->nodes[doc->n_nodes++] = nd;
	}
	n = doc->n_nodes; /* qsort cannot change it: say so to the analyser */
	sorting = doc;
	qsort(doc->sorted, n, sizeof *doc->sorted, cmp_node);
	sorting = NULL;
	for (k = 1; k < n; k++) {
		aif_node *a = &doc->nodes[doc->sorted[k - 1]], *b = &doc->nodes[doc->sorted[k]];
		/* as in am_aif_doc_find: no kept node lacks an id */
		// NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
		if (!strcmp(a->id, b->id)) {
			b->dead = 1;
			am_diag(diags, ARGMAP_SEV_WARNING, "AM855", doc->name, 0, 0,
			        "every nodeID must be unique",
			        "a second AIF node with nodeID '%s' skipped", b->id);
		}
	}
	return 0;
}

static int read_edges(aif_doc *doc, const json_t *arr, argmap_diags *diags)
{
	size_t i, n = json_array_size(arr);

	doc->efrom = malloc((n ? n : 1) * sizeof *doc->efrom);
	doc->eto = malloc((n ? n : 1) * sizeof *doc->eto);
	if (!doc->efrom || !doc->eto)
		return ARGMAP_ENOMEM;
	for (i = 0; i < n; i++) {
		const json_t *o = json_array_get(arr, i);
		const char *f, *t;
		size_t a, b;
		if (!json_is_object(o)) {
			skip(diags, doc, "edge", i, "not a JSON object");
			continue;
		}
		f = id_text(&doc->arena, json_object_get(o, "fromID"));
		t = id_text(&doc->arena, json_object_get(o, "toID"));
		if (!f || !t) {
			skip(diags, doc, "edge", i, "no fromID or toID");
			continue;
		}
		a = am_aif_doc_find(doc, f);
		b = am_aif_doc_find(doc, t);
		if (a == ARGMAP_NONE || b == ARGMAP_NONE) {
			am_diag(diags, ARGMAP_SEV_WARNING, "AM855", doc->name, 0, 0, NULL,
			        "edge %zu of the AIF file skipped: no node has the id '%s'", i + 1,
			        a == ARGMAP_NONE ? f : t);
			continue;
		}
		doc->efrom[doc->n_edges] = a;
		doc->eto[doc->n_edges] = b;
		doc->n_edges++;
	}
	return 0;
}

/* participants and the persons of locutions, one entry per id. */
static int read_people(aif_doc *doc, const json_t *parts, const json_t *locs, argmap_diags *diags)
{
	size_t np = json_array_size(parts), nl = json_array_size(locs), i, k;

	doc->people = calloc(np + nl + 1, sizeof *doc->people);
	if (!doc->people)
		return ARGMAP_ENOMEM;
	for (i = 0; i < np; i++) {
		const json_t *o = json_array_get(parts, i), *f, *s;
		aif_person *p = &doc->people[doc->n_people];
		am_buf name = {0};
		if (!json_is_object(o) ||
		    !(p->id = id_text(&doc->arena, json_object_get(o, "participantID"))))
			continue; /* not a node: nothing is lost but a name */
		f = json_object_get(o, "firstname");
		s = json_object_get(o, "surname");
		if (json_is_string(f))
			am_buf_puts(&name, json_string_value(f));
		if (json_is_string(s) && *json_string_value(s)) {
			if (name.len)
				am_buf_putc(&name, ' ');
			am_buf_puts(&name, json_string_value(s));
		}
		p->name = name.len ? am_arena_strdup(&doc->arena, name.data) : NULL;
		am_buf_free(&name);
		doc->n_people++;
	}
	for (i = 0; i < nl; i++) {
		const json_t *o = json_array_get(locs, i);
		const char *pid =
		    json_is_object(o) ? id_text(&doc->arena, json_object_get(o, "personID")) : NULL;
		if (pid)
			doc->people[doc->n_people++].id = pid;
	}
	qsort(doc->people, doc->n_people, sizeof *doc->people, cmp_person);
	for (i = k = 0; i < doc->n_people; i++) /* keep the first (named) entry of each id */
		if (k == 0 || strcmp(doc->people[k - 1].id, doc->people[i].id) != 0)
			doc->people[k++] = doc->people[i];
	doc->n_people = k;
	for (i = 0; i < nl; i++) {
		const json_t *o = json_array_get(locs, i);
		const char *nid, *pid;
		size_t n;
		if (!json_is_object(o)) {
			skip(diags, doc, "locution", i, "not a JSON object");
			continue;
		}
		nid = id_text(&doc->arena, json_object_get(o, "nodeID"));
		pid = id_text(&doc->arena, json_object_get(o, "personID"));
		n = nid ? am_aif_doc_find(doc, nid) : ARGMAP_NONE;
		if (n == ARGMAP_NONE || !pid) {
			skip(diags, doc, "locution", i,
			     !nid || !pid ? "no nodeID or personID" : "no node has its nodeID");
			continue;
		}
		if (doc->nodes[n].type != AIF_L) {
			skip(diags, doc, "locution", i, "its node is not an L-node");
			continue;
		}
		if (doc->nodes[n].person == ARGMAP_NONE)
			doc->nodes[n].person = am_aif_doc_find_person(doc, pid);
	}
	for (i = 0; i < doc->n_nodes; i++) { /* speakers no participant names */
		size_t p = doc->nodes[i].person;
		if (p != ARGMAP_NONE && !doc->people[p].name)
			doc->people[p].name =
			    am_aif_speaker_prefix(&doc->arena, doc->nodes[i].text);
	}
	return 0;
}

/* AIFdb writes an L-node's text as "Speaker: words" (or "Speaker : words").
 * The speaker part, when the text starts so: at most 60 bytes before the
 * colon, no sentence punctuation in it, words after it. */
const char *am_aif_speaker_prefix(am_arena *a, const char *text)
{
	const char *colon = text ? strchr(text, ':') : NULL;
	size_t n;

	if (!colon || colon == text || colon - text > 60 || colon[1] != ' ' || !colon[2])
		return NULL;
	n = (size_t)(colon - text);
	while (n && text[n - 1] == ' ')
		n--;
	if (!n || strcspn(text, ".?!\"") < n)
		return NULL;
	return am_arena_strndup(a, text, n);
}

int am_aif_doc_build(aif_doc *doc, json_t *root, const char *name, const am_aif_limits *lim,
                     argmap_diags *diags)
{
	const json_t *nodes, *edges, *locs, *parts, *ns;
	size_t items;
	int rc;

	memset(doc, 0, sizeof *doc);
	doc->name = name;
	if (!json_is_object(root)) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM854", name, 0, 0,
		        "an AIF file is a JSON object with \"nodes\" and \"edges\"",
		        "not an AIF map: the JSON is not an object");
		return am_fail(ARGMAP_EINVALID, "%s: not AIF", name);
	}
	doc->aif =
	    json_is_object(json_object_get(root, "AIF")) ? json_object_get(root, "AIF") : root;
	nodes = json_object_get(doc->aif, "nodes");
	edges = json_object_get(doc->aif, "edges");
	locs = json_object_get(doc->aif, "locutions");
	parts = json_object_get(doc->aif, "participants");
	if (!json_is_array(nodes) || (edges && !json_is_array(edges) && !json_is_null(edges))) {
		am_diag(
		    diags, ARGMAP_SEV_ERROR, "AM854", name, 0, 0,
		    "AIFdb and xAIF files have \"nodes\" and \"edges\" arrays (xAIF under \"AIF\")",
		    "not an AIF map: no \"nodes\" array%s",
		    json_is_array(nodes) ? " (\"edges\" is not an array)" : "");
		return am_fail(ARGMAP_EINVALID, "%s: not AIF", name);
	}
	items = json_array_size(nodes) + json_array_size(edges) + json_array_size(locs) +
	        json_array_size(parts);
	if (items > lim->max_items) {
		am_diag(diags, ARGMAP_SEV_ERROR, "AM859", name, 0, 0,
		        "split the map into several AIF files",
		        "%zu AIF nodes, edges, locutions and participants, over the limit of %zu",
		        items, lim->max_items);
		return am_fail(ARGMAP_ELIMIT, "%s: too many items", name);
	}
	ns = json_object_get(root, "argmap");
	doc->ns = json_is_object(ns) ? (json_t *)ns : NULL;
	if ((rc = read_nodes(doc, nodes, diags)) || (rc = read_edges(doc, edges, diags)) ||
	    (rc = read_people(doc, parts, locs, diags)))
		return am_fail(rc, "out of memory");
	if (am_graph_from_arrays(&doc->out, doc->n_nodes, doc->n_edges, doc->efrom, doc->eto,
	                         NULL) ||
	    am_graph_from_arrays(&doc->in, doc->n_nodes, doc->n_edges, doc->eto, doc->efrom, NULL))
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	return 0;
}

void am_aif_doc_free(aif_doc *doc)
{
	if (!doc)
		return;
	free(doc->nodes);
	free(doc->sorted);
	free(doc->efrom);
	free(doc->eto);
	free(doc->people);
	am_graph_free(&doc->out);
	am_graph_free(&doc->in);
	am_arena_free(&doc->arena);
	memset(doc, 0, sizeof *doc);
}

/*
 * test_aif.c - AIF out (export/aif.c) and in (read/aif*.c), and the round
 * trips between them:
 *   - the AIF of a small map has the nodes, edges and locutions the
 *     mapping promises (docs/interop.md, "AIF");
 *   - argmap -> AIF -> argmap keeps every item of the bundled maps (models
 *     compared field by field, counts computed), and -> AIF again is
 *     byte-identical;
 *   - the real AIF maps in ../shared/corpora/aif (never copied here)
 *     import, check without errors, account for every node, and go round
 *     argmap -> AIF -> argmap -> AIF byte-stably;
 *   - hostile inputs (tests/data/aif/ and inline) are refused or reported.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "export/exporters.h"
#include "model/view.h"
#include "support.h"

#define AIF_DATA ARGMAP_TEST_DATA "/aif"
#define CORPUS ARGMAP_SOURCE_DIR "/../shared/corpora/aif"

/* ------------------------------------------------------------ helpers */

static argmap_map *load_clean(const char *name, const char *xml, size_t len)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	int rc = argmap_map_load_memory(&m, name, xml, len, NULL, d);

	cr_assert_eq(rc, 0, "%s: load failed: %s", name, argmap_error_last());
	cr_assert(m);
	cr_assert_eq(argmap_check(m, NULL, d), 0);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s:\n%s\n%s", name,
	             ts_dump(d), xml);
	argmap_diags_free(d);
	return m;
}

static argmap_map *load_file_clean(const char *path)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;

	cr_assert_eq(argmap_map_load(&m, path, NULL, d), 0, "%s", path);
	cr_assert_eq(argmap_check(m, NULL, d), 0);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0, "%s:\n%s", path,
	             ts_dump(d));
	argmap_diags_free(d);
	return m;
}

static char *to_aif(const argmap_map *m, size_t *len)
{
	am_buf b = {0};

	cr_assert_eq(am_export_aif(m, NULL, &b), 0, "%s", argmap_error_last());
	*len = b.len;
	return am_buf_detach(&b);
}

/* AIF text -> argmap XML, which must convert; diagnostics into d. */
static char *from_aif(const char *name, const char *aif, size_t len, argmap_diags *d,
                      size_t *xml_len)
{
	char *xml = NULL;
	int rc = argmap_import_aif_memory(name, aif, len, NULL, d, &xml, xml_len);

	cr_assert_eq(rc, 0, "%s: import failed (%d: %s)\n%s", name, rc, argmap_error_last(),
	             ts_dump(d));
	cr_assert(xml && strlen(xml) == *xml_len);
	return xml;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void same_refs(const argmap_ref *a, size_t na, const argmap_ref *b, size_t nb,
                      const char *what, const char *id)
{
	size_t i;

	cr_assert_eq(na, nb, "%s of %s: %zu vs %zu", what, id, na, nb);
	for (i = 0; i < na; i++)
		cr_assert_str_eq(a[i].id, b[i].id, "%s of %s", what, id);
}

/* Every claim, quote, relation, attribution, source and actor of a is in
 * b with the same fields (relations in the same order). */
static void same_model(const argmap_map *a, const argmap_map *b)
{
	size_t i, k, n;

	cr_assert_eq(argmap_map_node_count(a), argmap_map_node_count(b));
	cr_assert_eq(argmap_map_relation_count(a), argmap_map_relation_count(b));
	cr_assert_eq(argmap_map_actor_count(a), argmap_map_actor_count(b));
	cr_assert_eq(argmap_map_source_count(a), argmap_map_source_count(b));
	n = argmap_map_node_count(a);
	for (i = 0; i < n; i++) {
		const argmap_node *x = argmap_map_node(a, i), *y;
		cr_assert_eq(argmap_map_find(b, x->id, &k), ARGMAP_ITEM_NODE, "node %s lost",
		             x->id);
		y = argmap_map_node(b, k);
		cr_assert_eq(x->kind, y->kind, "%s", x->id);
		cr_assert_str_eq(x->text, y->text, "%s", x->id);
		cr_assert(same(x->note, y->note), "note of %s", x->id);
		cr_assert(same(x->locator, y->locator), "locator of %s", x->id);
		same_refs(x->by, x->n_by, y->by, y->n_by, "by", x->id);
		same_refs(x->sources, x->n_sources, y->sources, y->n_sources, "source", x->id);
		cr_assert((!x->speaker && !y->speaker) ||
		              (x->speaker && y->speaker && !strcmp(x->speaker->id, y->speaker->id)),
		          "speaker of %s", x->id);
		cr_assert_eq(x->n_tags, y->n_tags, "tags of %s", x->id);
		for (k = 0; k < x->n_tags; k++)
			cr_assert_str_eq(x->tags[k], y->tags[k]);
	}
	for (i = 0; i < argmap_map_relation_count(a); i++) {
		const argmap_relation *x = argmap_map_relation(a, i),
		                      *y = argmap_map_relation(b, i);
		const char *id = x->id ? x->id : "(relation)";
		cr_assert_eq(x->kind, y->kind, "relation %zu", i);
		cr_assert(same(x->id, y->id), "relation %zu id", i);
		same_refs(x->from, x->n_from, y->from, y->n_from, "from", id);
		cr_assert_str_eq(x->to.id, y->to.id, "to of relation %zu", i);
		cr_assert_eq(x->stance, y->stance);
		cr_assert_eq(x->basis, y->basis);
		cr_assert(same(x->note, y->note));
		same_refs(x->by, x->n_by, y->by, y->n_by, "by", id);
		same_refs(x->sources, x->n_sources, y->sources, y->n_sources, "source", id);
	}
	for (i = 0; i < argmap_map_actor_count(a); i++) {
		const argmap_actor *x = argmap_map_actor(a, i), *y;
		cr_assert_eq(argmap_map_find(b, x->id, &k), ARGMAP_ITEM_ACTOR, "actor %s", x->id);
		y = argmap_map_actor(b, k);
		cr_assert(x->kind == y->kind && same(x->name, y->name) &&
		              same(x->affiliation, y->affiliation) && same(x->role, y->role) &&
		              same(x->note, y->note),
		          "actor %s", x->id);
	}
	for (i = 0; i < argmap_map_source_count(a); i++) {
		const argmap_source *x = argmap_map_source(a, i), *y;
		cr_assert_eq(argmap_map_find(b, x->id, &k), ARGMAP_ITEM_SOURCE, "source %s", x->id);
		y = argmap_map_source(b, k);
		cr_assert(x->kind == y->kind && same(x->title, y->title) &&
		              same(x->publisher, y->publisher) && same(x->date, y->date) &&
		              same(x->url, y->url) && same(x->accessed, y->accessed) &&
		              same(x->textfile, y->textfile) && same(x->note, y->note),
		          "source %s", x->id);
		same_refs(x->authors, x->n_authors, y->authors, y->n_authors, "authors", x->id);
	}
}

static void counts(const argmap_map *m, size_t *nodes, size_t *rels)
{
	size_t i;

	memset(nodes, 0, 3 * sizeof *nodes);
	memset(rels, 0, 4 * sizeof *rels);
	for (i = 0; i < argmap_map_node_count(m); i++)
		nodes[argmap_map_node(m, i)->kind]++;
	for (i = 0; i < argmap_map_relation_count(m); i++)
		rels[argmap_map_relation(m, i)->kind]++;
}

static void print_counts(const char *label, const argmap_map *m)
{
	size_t n[3], r[4];

	counts(m, n, r);
	printf("%-58s q %3zu c %3zu e %3zu | sup %3zu reb %3zu und %3zu ans %3zu | act %3zu src "
	       "%3zu\n",
	       label, n[0], n[1], n[2], r[0], r[1], r[2], r[3], argmap_map_actor_count(m),
	       argmap_map_source_count(m));
	fflush(stdout);
}

/* ------------------------------------------------------ export shape */

static const char small_map[] = TS_HEAD
    "<meta><title>Small</title></meta>\n"
    "<source id='s1' kind='report' authors='ann'><title>Report</title></source>\n"
    "<actor id='ann' kind='person' name='Ann Lee'/>\n"
    "<actor id='bob' kind='person' name='Bob'/>\n"
    "<question id='q' by='ann'><text>Build it?</text></question>\n"
    "<claim id='yes' by='ann' source='s1' tags='t1'><text>Build it.</text></claim>\n"
    "<claim id='p1' by='ann'><text>It is cheap.</text></claim>\n"
    "<claim id='p2' by='ann'><text>Cheap things get built.</text></claim>\n"
    "<claim id='no' by='bob'><text>Do not.</text></claim>\n"
    "<claim id='cut' by='bob'><text>Cheap is not enough.</text></claim>\n"
    "<evidence id='ev' source='s1' speaker='ann' locator='p. 2'>"
    "<quote>It costs little.</quote></evidence>\n"
    "<support id='lk' from='p1 p2' to='yes' by='ann'/>\n"
    "<support from='ev' to='p1'/>\n"
    "<rebut from='no' to='yes' by='bob'/>\n"
    "<undercut from='cut' to='lk' by='bob'/>\n"
    "<answer from='yes' to='q' stance='yes' basis='editor'><note>N</note></answer>\n" TS_TAIL;

static const json_t *node_by_id(const json_t *nodes, const char *id)
{
	size_t i;
	const json_t *n;

	json_array_foreach(
	    nodes, i, n) if (!strcmp(json_string_value(json_object_get(n, "nodeID")), id)) return n;
	return NULL;
}

/* The ids of the edges into `to`, space-separated, in edge order. */
static void edges_into(const json_t *edges, const char *to, char *dst, size_t cap)
{
	size_t i;
	const json_t *e;

	dst[0] = '\0';
	json_array_foreach(edges, i,
	                   e) if (!strcmp(json_string_value(json_object_get(e, "toID")), to))
	{
		if (dst[0])
			strncat(dst, " ", cap - strlen(dst) - 1);
		strncat(dst, json_string_value(json_object_get(e, "fromID")),
		        cap - strlen(dst) - 1);
	}
}

static int has_edge(const json_t *edges, const char *from, const char *to)
{
	size_t i;
	const json_t *e;

	json_array_foreach(
	    edges, i, e) if (!strcmp(json_string_value(json_object_get(e, "fromID")), from) &&
	                     !strcmp(json_string_value(json_object_get(e, "toID")), to)) return 1;
	return 0;
}

Test(aif_export, small_map_has_the_promised_nodes)
{
	argmap_map *m = load_clean("small.xml", small_map, sizeof small_map - 1);
	size_t len;
	char *aif = to_aif(m, &len), into[256];
	json_error_t err;
	json_t *j = json_loads(aif, JSON_REJECT_DUPLICATES, &err), *nodes, *edges, *loc;

	cr_assert(j, "not JSON: %s", err.text);
	nodes = json_object_get(j, "nodes");
	edges = json_object_get(j, "edges");
	/* 6 claims/question + 1 evidence I-nodes, its L and YA, 3 RA, 2 CA */
	cr_assert_eq(json_array_size(nodes), 7 + 2 + 3 + 2, "%s", aif);
	cr_assert_str_eq(json_string_value(json_object_get(node_by_id(nodes, "yes"), "type")), "I");
	cr_assert_str_eq(json_string_value(json_object_get(node_by_id(nodes, "RA:lk"), "type")),
	                 "RA");
	edges_into(edges, "RA:lk", into, sizeof into);
	cr_assert_str_eq(into, "p1 p2 CA:#4"); /* linked: one RA, two premises; undercut */
	edges_into(edges, "yes", into, sizeof into);
	cr_assert_str_eq(into, "RA:lk CA:#3"); /* the rebut is relation 3 */
	edges_into(edges, "CA:#4", into, sizeof into);
	cr_assert_str_eq(into, "cut");
	cr_assert(has_edge(edges, "CA:#4", "RA:lk"), "the undercut aims at the RA:\n%s", aif);
	cr_assert_str_eq(json_string_value(json_object_get(node_by_id(nodes, "L:ev"), "text")),
	                 "Ann Lee: It costs little.");
	edges_into(edges, "ev", into, sizeof into);
	cr_assert_str_eq(into, "YA:ev");
	loc = json_array_get(json_object_get(j, "locutions"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(loc, "nodeID")), "L:ev");
	cr_assert_eq(json_integer_value(json_object_get(loc, "personID")), 1); /* ann */
	cr_assert_str_eq(
	    json_string_value(json_object_get(
	        json_object_get(json_object_get(json_object_get(j, "argmap"), "relations"),
	                        "RA:#5"),
	        "stance")),
	    "yes");
	json_decref(j);
	{ /* deterministic */
		size_t len2;
		char *again = to_aif(m, &len2);
		cr_assert(len == len2 && !memcmp(aif, again, len));
		free(again);
	}
	free(aif);
	argmap_map_free(m);
}

/* ------------------------------------------ round trips of our maps */

static void round_trip(const char *path)
{
	argmap_map *m1 = load_file_clean(path), *m2;
	argmap_diags *d = argmap_diags_new();
	size_t len1, len2, xlen;
	char *aif1 = to_aif(m1, &len1), *xml, *aif2;

	xml = from_aif(path, aif1, len1, d, &xlen);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 0,
	             "%s: an argmap AIF imports without warnings:\n%s", path, ts_dump(d));
	m2 = load_clean(path, xml, xlen);
	print_counts(path + strlen(ARGMAP_SOURCE_DIR) + 1, m1);
	print_counts("  -> AIF -> argmap", m2);
	same_model(m1, m2);
	aif2 = to_aif(m2, &len2);
	cr_assert(len1 == len2 && !memcmp(aif1, aif2, len1),
	          "%s: argmap -> AIF -> argmap -> AIF is not byte-stable", path);
	free(aif1);
	free(aif2);
	free(xml);
	argmap_map_free(m1);
	argmap_map_free(m2);
	argmap_diags_free(d);
}

Test(aif_round_trip, bundled_maps)
{
	static const char *const maps[] = {
	    "maps/example/cycle-lane.xml", "maps/ukraine-2025/debate.xml",
	    "maps/ukraine-2025/carnegie.xml", "maps/ukraine-2025/cnn.xml",
	    "maps/ukraine-2025/foreign-affairs.xml"};
	size_t i;

	for (i = 0; i < sizeof maps / sizeof maps[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", ARGMAP_SOURCE_DIR, maps[i]);
		round_trip(path);
	}
}

/* ------------------------------------------------ the real AIF maps */

typedef struct aif_counts {
	size_t type[9]; /* I RA CA MA PA L YA TA other */
} aif_counts;

static void count_aif(const char *path, aif_counts *c)
{
	static const char *const names[] = {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"};
	json_error_t err;
	json_t *j = json_load_file(path, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err), *a, *n;
	size_t i, k;
	char *raw = NULL;

	memset(c, 0, sizeof *c);
	if (!j) { /* OVA's raw line breaks: count on a copy with them as spaces */
		size_t len;
		raw = ts_read(path, &len);
		cr_assert(raw);
		for (i = 0; i < len; i++)
			if (raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t')
				raw[i] = ' ';
		j = json_loadb(raw, len, 0, &err);
	}
	cr_assert(j, "%s: %s", path, err.text);
	a = json_object_get(j, "AIF") ? json_object_get(j, "AIF") : j;
	json_array_foreach(json_object_get(a, "nodes"), i, n)
	{
		const char *t = json_string_value(json_object_get(n, "type"));
		for (k = 0; k < 8 && strcmp(t, names[k]); k++)
			;
		c->type[k]++;
	}
	json_decref(j);
	free(raw);
}

static size_t count_diags(const argmap_diags *d, const char *code, const char *prefix,
                          const char *contains)
{
	size_t i, n = 0;

	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		if (!strcmp(x->code, code) && !strncmp(x->message, prefix, strlen(prefix)) &&
		    (!contains || strstr(x->message, contains)))
			n++;
	}
	return n;
}

static void real_map(const char *path)
{
	argmap_diags *d = argmap_diags_new(), *d2 = argmap_diags_new();
	size_t xlen, len, n[3], r[4], alen1, alen2, x2len;
	char *data = ts_read(path, &len), *xml, *aif1, *aif2, *xml2;
	argmap_map *m, *m2;
	aif_counts c;

	cr_assert(data, "%s", path);
	xml = from_aif(path, data, len, d, &xlen);
	m = load_clean(path, xml, xlen);
	count_aif(path, &c);
	counts(m, n, r);
	printf("%-40s AIF: I %3zu RA %3zu CA %3zu MA %2zu PA %zu L %3zu YA %3zu TA %3zu\n",
	       strrchr(path, '/') + 1, c.type[0], c.type[1], c.type[2], c.type[3], c.type[4],
	       c.type[5], c.type[6], c.type[7]);
	print_counts("  -> argmap", m);
	/* every I-node is a node; every RA and CA a relation, or reported */
	cr_assert_eq(n[0] + n[1] + n[2], c.type[0], "%s", path);
	cr_assert_eq(r[ARGMAP_REL_SUPPORT] + count_diags(d, "AM856", "RA-node", " not kept: "),
	             c.type[1], "%s:\n%s", path, ts_dump(d));
	cr_assert_eq(r[ARGMAP_REL_REBUT] + r[ARGMAP_REL_UNDERCUT] +
	                 count_diags(d, "AM856", "CA-node", " not kept: "),
	             c.type[2], "%s", path);
	cr_assert_eq(count_diags(d, "AM856", "MA-node", NULL), c.type[3]);
	cr_assert_eq(count_diags(d, "AM856", "PA-node", NULL), c.type[4]);
	cr_assert_eq(count_diags(d, "AM857", "TA-node", NULL), c.type[7]);
	/* and round again: argmap -> AIF -> argmap -> AIF is byte-stable */
	aif1 = to_aif(m, &alen1);
	xml2 = from_aif(path, aif1, alen1, d2, &x2len);
	m2 = load_clean(path, xml2, x2len);
	same_model(m, m2);
	print_counts("  -> AIF -> argmap", m2);
	aif2 = to_aif(m2, &alen2);
	cr_assert(alen1 == alen2 && !memcmp(aif1, aif2, alen1), "%s: not byte-stable", path);
	free(aif1);
	free(aif2);
	free(xml2);
	free(xml);
	free(data);
	argmap_map_free(m);
	argmap_map_free(m2);
	argmap_diags_free(d);
	argmap_diags_free(d2);
}

Test(aif_import, real_corpus)
{
	DIR *dir = opendir(CORPUS);
	struct dirent *e;
	size_t seen = 0;

	cr_assert(dir, "the AIF corpus is read from %s (never copied into the project)", CORPUS);
	while ((e = readdir(dir)) != NULL) {
		char path[1024];
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".json"))
			continue;
		snprintf(path, sizeof path, "%s/%s", CORPUS, e->d_name);
		real_map(path);
		seen++;
	}
	closedir(dir);
	cr_assert_geq(seen, 1);
}

/* ----------------------------------------------- our own AIF fixtures */

static argmap_map *import_file(const char *path, argmap_diags *d)
{
	size_t len;
	char *xml = NULL;
	argmap_map *m;
	int rc = argmap_import_aif(path, NULL, d, &xml, &len);

	cr_assert_eq(rc, 0, "%s: %s\n%s", path, argmap_error_last(), ts_dump(d));
	m = load_clean(path, xml, len);
	free(xml);
	return m;
}

static const argmap_node *node_with_text(const argmap_map *m, const char *text)
{
	size_t i;

	for (i = 0; i < argmap_map_node_count(m); i++)
		if (!strcmp(argmap_map_node(m, i)->text, text))
			return argmap_map_node(m, i);
	return NULL;
}

Test(aif_import, generic_aifdb_maps_every_node_or_says_why)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = import_file(AIF_DATA "/generic.json", d);
	const argmap_node *ev = node_with_text(m, "There were 14 collisions last year."), *c;
	size_t n[3], r[4], i, k;
	const argmap_relation *linked = NULL, *undercut = NULL;

	counts(m, n, r);
	cr_assert_eq(n[ARGMAP_NODE_CLAIM], 7, "%s", ts_dump(d));
	cr_assert_eq(n[ARGMAP_NODE_EVIDENCE], 2); /* asserted, and nothing aims at them */
	cr_assert_eq(r[ARGMAP_REL_SUPPORT], 2);
	cr_assert_eq(r[ARGMAP_REL_REBUT], 1);
	cr_assert_eq(r[ARGMAP_REL_UNDERCUT], 1);
	cr_assert(ev && ev->kind == ARGMAP_NODE_EVIDENCE && ev->speaker, "the L-node's quote");
	cr_assert_str_eq(argmap_map_actor(m, ev->speaker->index)->name, "Ann");
	cr_assert_eq(ev->n_sources, 1, "evidence cites the AIF file as its source");
	for (i = 0; i < argmap_map_relation_count(m); i++) {
		const argmap_relation *x = argmap_map_relation(m, i);
		if (x->kind == ARGMAP_REL_SUPPORT && x->n_from == 2)
			linked = x;
		if (x->kind == ARGMAP_REL_UNDERCUT)
			undercut = x;
	}
	cr_assert(linked, "RA 4 with premises 2 and 3 is one linked support");
	cr_assert(undercut && linked->id && !strcmp(undercut->to.id, linked->id),
	          "CA 8 on RA 4 undercuts its support, which got an id");
	c = node_with_text(m, "Trade will fall.");
	cr_assert(c && c->note && strstr(c->note, "rephrases"), "MA kept as a note");
	c = node_with_text(m, "A bell rang.");
	cr_assert(c, "the BEL character became a space");
	cr_assert_eq(ts_count(d, "AM858"), 2, "empty text, control character:\n%s", ts_dump(d));
	cr_assert_eq(ts_count(d, "AM855"), 2, "duplicate nodeID, edge to node 99");
	/* CA on CA (twice: the edge, then the node), MA, PA, an unknown type */
	cr_assert_eq(ts_count(d, "AM856"), 5, "%s", ts_dump(d));
	cr_assert_eq(ts_count(d, "AM857"), 2, "the TA, the L-node that asserts nothing");
	for (k = 0; k < argmap_diags_count(d); k++)
		cr_assert_neq(argmap_diags_get(d, k)->severity, ARGMAP_SEV_ERROR);
	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(aif_import, xaif_with_raw_line_breaks)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = import_file(AIF_DATA "/xaif.json", d);

	cr_assert_eq(argmap_map_node_count(m), 2);
	cr_assert_eq(argmap_map_relation_count(m), 1);
	cr_assert(node_with_text(m, "Cats are better than dogs."), "the raw line break folded");
	cr_assert_eq(ts_count(d, "AM853"), 1, "%s", ts_dump(d));
	cr_assert_str_eq(argmap_map_node(m, 0)->id, "c-cats-are-better-than-dogs");
	argmap_map_free(m);
	argmap_diags_free(d);
}

/* ------------------------------------------------------ hostile input */

static int refuse(const char *data, size_t len, const argmap_import_options *o, const char *code)
{
	argmap_diags *d = argmap_diags_new();
	char *xml = (char *)1;
	size_t xlen = 7;
	int rc = argmap_import_aif_memory("bad.json", data, len, o, d, &xml, &xlen);

	cr_assert_neq(rc, 0, "accepted: %.80s", data);
	cr_assert(!xml && xlen == 0);
	cr_assert_eq(ts_count(d, code), 1, "%.60s: want %s, got\n%s", data, code, ts_dump(d));
	argmap_diags_free(d);
	return rc;
}

#define REFUSE(s, o, code) refuse(s, sizeof(s) - 1, o, code)

Test(aif_hostile, refused_with_a_code)
{
	argmap_import_options o = ARGMAP_IMPORT_OPTIONS_INIT;
	char deep[200];
	size_t i;

	cr_assert_eq(REFUSE("", NULL, "AM004"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("  \n", NULL, "AM004"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("{\"nodes\": [\"\xC3\x28\"]}", NULL, "AM005"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("{\"nodes\": [}", NULL, "AM851"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("{\"nodes\": [], \"nodes\": []}", NULL, "AM851"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("{\"nodes\": [\"a\x01\"]}", NULL, "AM851"), ARGMAP_EINVALID);
	cr_assert_eq(refuse("{\"nodes\": [\"a\0\"]}", 15, NULL, "AM851"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("[1, 2]", NULL, "AM854"), ARGMAP_EINVALID);
	cr_assert_eq(REFUSE("{\"edges\": []}", NULL, "AM854"), ARGMAP_EINVALID);
	for (i = 0; i < 40; i++)
		deep[i] = '[';
	memcpy(deep + 40, "{\"nodes\": []}", 14);
	cr_assert_eq(refuse(deep, strlen(deep), NULL, "AM852"), ARGMAP_ELIMIT);
	o.max_values = 5;
	cr_assert_eq(REFUSE("{\"nodes\": [1, 2, 3, 4, 5, 6]}", &o, "AM852"), ARGMAP_ELIMIT);
	o.max_values = 0;
	o.max_items = 2;
	cr_assert_eq(REFUSE("{\"nodes\": [{}, {}, {}]}", &o, "AM859"), ARGMAP_ELIMIT);
	o.max_items = 0;
	o.max_file_bytes = 10;
	cr_assert_eq(REFUSE("{\"nodes\": [], \"edges\": []}", &o, "AM002"), ARGMAP_ELIMIT);
	o.version = 99;
	{
		char *x = NULL;
		size_t l = 0;
		cr_assert_eq(argmap_import_aif_memory("x", "{}", 2, &o, NULL, &x, &l), ARGMAP_EARG);
	}
}

Test(aif_hostile, a_directory_or_a_missing_file)
{
	argmap_diags *d = argmap_diags_new();
	char *xml = NULL;
	size_t len = 0;

	cr_assert_eq(argmap_import_aif(AIF_DATA, NULL, d, &xml, &len), ARGMAP_EIO);
	cr_assert_eq(ts_count(d, "AM001"), 1);
	cr_assert_eq(argmap_import_aif(AIF_DATA "/nothing.json", NULL, d, &xml, &len), ARGMAP_EIO);
	cr_assert_eq(ts_count(d, "AM003"), 1);
	argmap_diags_free(d);
}

/* Many nodes with one text: ids stay unique and readable; the map checks. */
Test(aif_hostile, many_nodes_with_one_text)
{
	am_buf b = {0};
	argmap_diags *d = argmap_diags_new();
	size_t i, len;
	char *xml;
	argmap_map *m;

	am_buf_puts(&b, "{\"nodes\": [");
	for (i = 0; i < 3000; i++)
		am_buf_printf(&b, "%s{\"nodeID\": %zu, \"text\": \"Same 1\", \"type\": \"I\"}",
		              i ? ", " : "", i);
	am_buf_puts(&b, "], \"edges\": []}");
	xml = from_aif("same.json", b.data, b.len, d, &len);
	m = load_clean("same.json", xml, len);
	cr_assert_eq(argmap_map_node_count(m), 3000);
	cr_assert_str_eq(argmap_map_node(m, 0)->id, "c-same-1");
	cr_assert_str_eq(argmap_map_node(m, 1)->id, "c-same-1-2");
	argmap_map_free(m);
	free(xml);
	am_buf_free(&b);
	argmap_diags_free(d);
}

/* An argmap AIF whose argmap data is of another version reads as plain AIF. */
Test(aif_hostile, unknown_namespace_version)
{
	static const char aif[] =
	    "{\"nodes\": [{\"nodeID\": \"a\", \"text\": \"A.\", \"type\": \"I\"}],"
	    " \"edges\": [], \"argmap\": {\"version\": 2}}";
	argmap_diags *d = argmap_diags_new();
	size_t len;
	char *xml = from_aif("v2.json", aif, sizeof aif - 1, d, &len);

	cr_assert_eq(ts_count(d, "AM860"), 1);
	cr_assert(strstr(xml, "id=\"c-a\""), "%s", xml);
	free(xml);
	argmap_diags_free(d);
}

/* ------------------------------------------------------ argmap import */

Test(aif_cli, help_and_usage)
{
	const char *help[] = {"import", "--help", NULL},
	           *nofmt[] = {"import", "-o", "x", "y", NULL},
	           *noout[] = {"import", "-f", "aif", "y.json", NULL},
	           *badfmt[] = {"import", "-f", "owl", "-o", "x", "y", NULL};
	char *out = NULL, *err = NULL;

	cr_assert_eq(ts_run_cli(help, &out, &err, 30), 0);
	cr_assert(strstr(out, "Usage: argmap import -f aif") && strstr(out, "AM851-AM860"), "%s",
	          out);
	free(out);
	free(err);
	cr_assert_eq(ts_run_cli(nofmt, NULL, &err, 30), 2);
	cr_assert(strstr(err, "-f aif"), "%s", err);
	free(err);
	cr_assert_eq(ts_run_cli(noout, NULL, &err, 30), 2);
	cr_assert(strstr(err, "no output given"), "%s", err);
	free(err);
	cr_assert_eq(ts_run_cli(badfmt, NULL, &err, 30), 2);
	cr_assert(strstr(err, "unknown input format 'owl'"), "%s", err);
	free(err);
}

/* A map that does not check (a support cycle: AM205) is not written, and
 * a file already there keeps its bytes; a good one is written, or printed. */
Test(aif_cli, writes_only_what_checks_clean)
{
	static const char cycle[] =
	    "{\"nodes\": [{\"nodeID\": 1, \"text\": \"A.\", \"type\": \"I\"},"
	    " {\"nodeID\": 2, \"text\": \"B.\", \"type\": \"I\"},"
	    " {\"nodeID\": 3, \"text\": \"\", \"type\": \"RA\"}, {\"nodeID\": 4, \"text\": \"\", "
	    "\"type\": \"RA\"}],"
	    " \"edges\": [{\"fromID\": 1, \"toID\": 3}, {\"fromID\": 3, \"toID\": 2},"
	    " {\"fromID\": 2, \"toID\": 4}, {\"fromID\": 4, \"toID\": 1}]}";
	char *dir = ts_tmpdir(), *in = ts_write(dir, "cycle.json", cycle, (size_t)-1),
	     *out = ts_write(dir, "out.xml", "old bytes", (size_t)-1), *err = NULL, *so = NULL,
	     *data;
	const char *bad[] = {"import", "-f", "aif", "-o", out, in, NULL},
	           *good[] = {"import", "-f", "aif", "-o", out, AIF_DATA "/xaif.json", NULL},
	           *print[] = {"import", "-f", "aif", "-q", "-o", "-", AIF_DATA "/xaif.json", NULL};

	cr_assert_eq(ts_run_cli(bad, NULL, &err, 30), 1, "%s", err);
	cr_assert(strstr(err, "[AM205]") && strstr(err, "[AM861]"), "%s", err);
	data = ts_read(out, NULL);
	cr_assert_str_eq(data, "old bytes");
	free(data);
	free(err);
	cr_assert_eq(ts_run_cli(good, NULL, &err, 30), 0, "%s", err);
	cr_assert(strstr(err, "2 claims, 0 evidence, 1 supports"), "%s", err);
	data = ts_read(out, NULL);
	cr_assert(strstr(data, "<claim id=\"c-cats-purr\""), "%s", data);
	free(err);
	cr_assert_eq(ts_run_cli(print, &so, &err, 30), 0, "%s", err);
	cr_assert_str_eq(so, data, "-o - prints the same map");
	free(data);
	free(so);
	free(err);
	ts_rmtree(dir);
	free(dir);
	free(in);
	free(out);
}

/* An export of a view holds what the view shows, and imports clean. */
Test(aif_export, a_view_without_evidence)
{
	argmap_map *m = load_file_clean(ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"), *m2;
	am_view_options vo = {0};
	vo.hide_evidence = 1;
	am_view v;
	am_buf b = {0};
	argmap_diags *d = argmap_diags_new();
	size_t xlen, i, n[3], r[4];
	char *xml;

	cr_assert_eq(am_view_build(&v, m, &vo, NULL, NULL), 0);
	cr_assert_eq(am_export_aif(m, &v, &b), 0);
	cr_assert(!strstr(b.data, "\"L:"), "no locutions without evidence");
	xml = from_aif("view.json", b.data, b.len, d, &xlen);
	cr_assert_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 0, "%s", ts_dump(d));
	m2 = load_clean("view.json", xml, xlen);
	counts(m2, n, r);
	cr_assert_eq(n[ARGMAP_NODE_EVIDENCE], 0);
	cr_assert_eq(argmap_map_node_count(m2), v.nodes_shown);
	cr_assert_eq(argmap_map_relation_count(m2), v.rels_shown);
	for (i = 0; i < argmap_map_relation_count(m2); i++)
		cr_assert_gt(argmap_map_relation(m2, i)->n_from, 0);
	argmap_map_free(m2);
	free(xml);
	am_buf_free(&b);
	am_view_free(&v);
	argmap_map_free(m);
	argmap_diags_free(d);
}

/* Control characters anywhere (a participant's name, the argmap data's
 * notes and title) never reach the XML: it always loads. */
Test(aif_hostile, control_characters_outside_node_texts)
{
	static const char aif[] =
	    "{\"nodes\":[{\"nodeID\":\"a\",\"text\":\"A.\",\"type\":\"I\"},"
	    "{\"nodeID\":\"b\",\"text\":\"B.\",\"type\":\"I\"},"
	    "{\"nodeID\":\"l\",\"text\":\"Bob: B.\",\"type\":\"L\"},"
	    "{\"nodeID\":\"y\",\"text\":\"Asserting\",\"type\":\"YA\"}],"
	    "\"edges\":[{\"fromID\":\"l\",\"toID\":\"y\"},{\"fromID\":\"y\",\"toID\":\"b\"}],"
	    "\"locutions\":[{\"nodeID\":\"l\",\"personID\":1}],"
	    "\"participants\":[{\"participantID\":1,\"firstname\":\"B\\u0001ob\",\"surname\":\"\"}]"
	    ","
	    "\"argmap\":{\"version\":1,\"meta\":{\"title\":\"T\\u0002\"},"
	    "\"nodes\":{\"a\":{\"kind\":\"claim\",\"note\":\"x\\u0003y\"}}}}";
	argmap_diags *d = argmap_diags_new();
	size_t len;
	char *xml = from_aif("ctl.json", aif, sizeof aif - 1, d, &len);
	argmap_map *m = load_clean("ctl.json", xml, len);

	cr_assert_eq(ts_count(d, "AM858"), 1, "%s", ts_dump(d));
	cr_assert(strstr(ts_find(d, "AM858")->message, "3 characters"), "%s", ts_dump(d));
	cr_assert_str_eq(argmap_map_node(m, 0)->note, "x y");
	argmap_map_free(m);
	free(xml);
	argmap_diags_free(d);
}

/* argmap export's default view of a debate (file 0's own scope, whose
 * n_nodes counts the nodes in scope): every relation it shows is written. */
Test(aif_export, the_own_scope_of_a_debate)
{
	argmap_map *m = load_file_clean(ARGMAP_SOURCE_DIR "/maps/ukraine-2025/debate.xml"), *m2;
	am_view_options vo = {0};
	am_view v;
	am_buf b = {0};
	argmap_diags *d = argmap_diags_new();
	size_t xlen;
	char *xml;

	cr_assert_eq(am_view_build(&v, m, &vo, NULL, NULL), 0);
	cr_assert_eq(am_export_aif(m, &v, &b), 0);
	xml = from_aif("scope.json", b.data, b.len, d, &xlen);
	m2 = load_clean("scope.json", xml, xlen);
	cr_assert_eq(argmap_map_node_count(m2), v.nodes_shown);
	cr_assert_eq(argmap_map_relation_count(m2), v.rels_shown, "%zu of %zu relations",
	             argmap_map_relation_count(m2), v.rels_shown);
	argmap_map_free(m2);
	free(xml);
	am_buf_free(&b);
	am_view_free(&v);
	argmap_map_free(m);
	argmap_diags_free(d);
}

/*
 * aif.h - private to the AIF importer (src/read/aif*.c), in four steps:
 *
 *   aif_json.c   bytes -> jansson tree: the limits, UTF-8, raw control
 *                characters in strings, depth and value counts, duplicate
 *                keys (AM851-AM853)
 *   aif_doc.c    tree -> aif_doc: nodes, edges, locutions, participants,
 *                ids resolved through one sorted table (AM854, AM855, AM859)
 *   aif_map.c    aif_doc -> imp_map: which AIF node becomes which argmap
 *                item, readable ids, the namespaced argmap data restored
 *                (AM856-AM858, AM860)
 *   aif_xml.c    imp_map -> argmap XML (libxml2's xmlTextWriter)
 *
 * aif.c holds the public entry points. Everything is freed by its step's
 * _free; strings of an aif_doc are borrowed from its jansson tree or its
 * arena, those of an imp_map from its arena.
 */
#ifndef AM_READ_AIF_H
#define AM_READ_AIF_H

#include <jansson.h>

#include "argmap/import.h"
#include "model/graph.h"
#include "util/arena.h"
#include "util/buf.h"

/* The key of the namespaced object in which argmap's AIF export keeps
 * what AIF cannot say (export/aif.c writes it, aif_ns.c reads it), and
 * the version of its layout. */
#define AM_AIF_NS_KEY "argmap"
#define AM_AIF_NS_VERSION 1

/* Defaults of argmap_import_options fields left at 0. */
#define AM_AIF_DEFAULT_MAX_VALUES ((size_t)1000000)
#define AM_AIF_DEFAULT_MAX_DEPTH 32u

typedef struct am_aif_limits {
	size_t max_file_bytes, max_items, max_values, max_text_chars;
	unsigned max_depth;
} am_aif_limits;

/* ------------------------------------------------------ aif_json.c */

/* Parses buf[0..len) (which it may change: raw tabs and line breaks inside
 * strings become spaces, AM853) into *root (the caller json_decref()s it).
 * Returns 0, ARGMAP_EINVALID (AM851, with the place) or ARGMAP_ELIMIT
 * (AM852); bad UTF-8 is AM005, an empty input AM004. */
int am_aif_parse_json(char *buf, size_t len, const char *name, const am_aif_limits *lim,
                      argmap_diags *diags, json_t **root);

/* ------------------------------------------------------- aif_doc.c */

typedef enum aif_type {
	AIF_I = 0,
	AIF_RA,
	AIF_CA,
	AIF_MA,
	AIF_PA,
	AIF_L,
	AIF_YA,
	AIF_TA,
	AIF_OTHER
} aif_type;

typedef struct aif_node {
	const char *id;   /* the nodeID as text (numbers written in decimal) */
	const char *text; /* "" when the node has none */
	const char *type_name;
	aif_type type;
	size_t person; /* L-nodes: index in people, or ARGMAP_NONE */
	int dead;      /* a later node with an id already taken: skipped */
} aif_node;

typedef struct aif_person {
	const char *id;   /* participantID / personID as text */
	const char *name; /* firstname surname, or NULL when not listed */
} aif_person;

typedef struct aif_doc {
	const char *name; /* the input's name, borrowed */
	json_t *aif;      /* the object holding nodes/edges (root or root.AIF), borrowed */
	json_t *ns;       /* root[AM_AIF_NS_KEY] when it is an object, else NULL */
	aif_node *nodes;
	size_t n_nodes;
	size_t *efrom, *eto; /* kept edges, as node indices */
	size_t n_edges;
	aif_person *people;
	size_t n_people;
	am_graph out, in; /* arcs of kept edges, labelled with the edge index */
	size_t *sorted;   /* node indices sorted by id, for am_aif_doc_find */
	am_arena arena;
} aif_doc;

/* Builds *doc from root (borrowed; it must outlive doc). Returns 0,
 * ARGMAP_EINVALID (not AIF: AM854), ARGMAP_ELIMIT (AM859) or ARGMAP_ENOMEM.
 * Entries that are not usable are skipped with AM855. */
int am_aif_doc_build(aif_doc *doc, json_t *root, const char *name, const am_aif_limits *lim,
                     argmap_diags *diags);
/* The index of the node with this id, or ARGMAP_NONE. O(log n). */
size_t am_aif_doc_find(const aif_doc *doc, const char *id);
/* The index in doc->people of this person id, or ARGMAP_NONE. O(log n). */
size_t am_aif_doc_find_person(const aif_doc *doc, const char *id);
void am_aif_doc_free(aif_doc *doc);
/* The speaker's name at the start of an L-node text "Name: words" (AIFdb's
 * way), in `a`; NULL when the text does not start so. */
const char *am_aif_speaker_prefix(am_arena *a, const char *text);

/* ------------------------------------------------------- aif_map.c */

/* One item of the argmap map to write; strings in imp_map's arena, id
 * lists space-separated, NULL when absent. */
typedef struct imp_node {
	int kind; /* argmap_node_kind */
	const char *id, *text, *by, *source, *speaker, *locator, *tags, *note;
} imp_node;

typedef struct imp_rel {
	int kind; /* argmap_relation_kind */
	const char *id, *from, *to, *stance, *by, *source, *basis, *note;
} imp_rel;

typedef struct imp_source {
	const char *id, *kind, *title, *publisher, *authors, *date, *url, *accessed, *textfile,
	    *note;
} imp_source;

typedef struct imp_actor {
	const char *id, *kind, *name, *affiliation, *role, *note;
} imp_actor;

typedef struct imp_map {
	const char *title, *description, *date, *lang;
	const char **editors;
	size_t n_editors;
	imp_source *sources;
	size_t n_sources;
	imp_actor *actors;
	size_t n_actors;
	imp_node *nodes;
	size_t n_nodes;
	imp_rel *rels;
	size_t n_rels;
	am_arena arena;
} imp_map;

/* Decides the argmap items for doc. Returns 0 or ARGMAP_ENOMEM. */
int am_aif_map(imp_map *m, const aif_doc *doc, const am_aif_limits *lim, argmap_diags *diags);
void am_aif_map_free(imp_map *m);

/* ------------------------------------------------------- aif_ids.c */

/* The set of ids taken in the map being built (one space for all kinds).
 * Strings are borrowed. */
typedef struct aif_idset {
	const char **slot;
	size_t cap, n;
} aif_idset;

/* 1 if s is an argmap id: [A-Za-z_][A-Za-z0-9_.-]*, at most 128 bytes. */
int am_aif_valid_id(const char *s);
/* Adds id; 0, 1 if it was there already, -1 when out of memory. */
int am_aif_idset_add(aif_idset *set, const char *id);
int am_aif_idset_has(const aif_idset *set, const char *id);
void am_aif_idset_free(aif_idset *set);
/* A new id in `a`, taken in `set`: prefix + a slug of the first words of
 * `text` (ASCII letters and digits, lower case); when taken, "-<n>" with
 * n = disamb, then disamb + 1, ... NULL when out of memory. */
const char *am_aif_new_id(am_arena *a, aif_idset *set, const char *prefix, const char *text,
                          size_t disamb);
/* 1 for a code point XML 1.0 cannot hold (its Char production). */
int am_aif_xml_bad(unsigned long cp);
/* `text` made fit for an argmap text: characters XML cannot hold become
 * spaces, and it is cut to max_chars characters. *changed says what was
 * done (0 nothing, 1 characters replaced, 2 cut). In `a`; NULL on ENOMEM. */
const char *am_aif_clean_text(am_arena *a, const char *text, size_t max_chars, int *changed);

/* -------------------------------------------------------- aif_ns.c */

/* Fills m's meta, sources and actors from doc->ns, reserves their ids
 * (and those of the nodes and relations ns describes) in `ids`, and sets
 * person_actor[p] (doc->n_people entries, NULL-filled by the caller) to
 * the id of the actor ns gives participant p. Returns 1 when ns is
 * usable, 0 when there is none or it is of an unknown version (AM860), -1
 * when out of memory. m's arrays must have room for ns's sources and
 * actors. */
int am_aif_ns_begin(imp_map *m, const aif_doc *doc, aif_idset *ids, const char **person_actor,
                    argmap_diags *diags);
/* The number of sources and actors ns lists (for sizing m's arrays). */
size_t am_aif_ns_count(const aif_doc *doc, const char *key);
/* The record ns keeps for the AIF node `nodeid` in "nodes" or
 * "relations" (which = 0 or 1), or NULL. */
const json_t *am_aif_ns_record(const aif_doc *doc, int which, const char *nodeid);
/* rec[key] as a space-separated list of ids (or, for "tags", tokens), in
 * m's arena; NULL when absent or not a list of such strings (AM860). */
const char *am_aif_ns_list(imp_map *m, const aif_doc *doc, const json_t *rec, const char *key,
                           argmap_diags *diags);
/* rec[key] as a string in m's arena, NULL when absent. */
const char *am_aif_ns_string(imp_map *m, const json_t *rec, const char *key);

/* ------------------------------------------------------- aif_xml.c */

/* Appends the argmap XML of m to out, always well-formed: a character XML
 * cannot hold in any string becomes a space, counted in *replaced. Returns
 * 0 or ARGMAP_ENOMEM. */
int am_aif_write_xml(const imp_map *m, am_buf *out, size_t *replaced);

#endif

/*
 * argmap/map.h - loading a map and reading its model.
 *
 * A loaded map is one debate: the file named on the command line (file 0)
 * plus every file it imports, directly or not. The model is immutable after
 * loading; every item records the file, line and column where it is written.
 * Ids form one space across all files of the debate.
 *
 * The loader reads the file itself (regular files only, size-capped), parses
 * it with libxml2 hardened against external entities, DTDs, XInclude and the
 * network, validates it against the embedded RELAX NG schema and builds the
 * model. Problems go to `diags`; the model is still built from whatever was
 * well-formed, so a checker can report every problem in one run. Check
 * argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR) before trusting it.
 *
 * All returned pointers are borrowed from the map and live until
 * argmap_map_free(). Text is UTF-8 with whitespace runs folded to one space
 * and trimmed.
 */
#ifndef ARGMAP_MAP_H
#define ARGMAP_MAP_H

#include "common.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct argmap_map argmap_map;

/** Where something is written. col is 1-based in characters, 0 if unknown. */
typedef struct argmap_loc {
	size_t file; /* index for argmap_map_file() */
	unsigned line;
	unsigned col;
} argmap_loc;

/** What an id names. */
typedef enum argmap_item_kind {
	ARGMAP_ITEM_NONE = 0, /* unresolved: no item has this id */
	ARGMAP_ITEM_SOURCE,
	ARGMAP_ITEM_ACTOR,
	ARGMAP_ITEM_NODE,
	ARGMAP_ITEM_RELATION
} argmap_item_kind;

/** A reference to an id, as written and as resolved. */
typedef struct argmap_ref {
	const char *id;        /* as written */
	argmap_item_kind kind; /* what the id names, ARGMAP_ITEM_NONE if nothing */
	size_t index;          /* index in that kind's list; ARGMAP_NONE if unresolved */
	argmap_loc loc;        /* where the id is written */
} argmap_ref;

typedef enum argmap_file_kind { ARGMAP_FILE_MAP = 0, ARGMAP_FILE_LIBRARY } argmap_file_kind;

typedef struct argmap_file {
	const char *path;         /* as given or resolved (relative to the cwd) */
	argmap_file_kind kind;
	const char *title;        /* NULL if no <meta> */
	const char *description;  /* NULL if none */
	const char *const *editors;
	size_t n_editors;
	const char *date;         /* NULL if none */
	const char *lang;         /* xml:lang of the root, NULL if none */
	const size_t *imports;    /* file indices this file imports */
	size_t n_imports;
	argmap_loc loc;           /* the root element */
	/* Appended after version 0.1 (the model is the library's, read through
	 * pointers, so its layout may grow at the end): */
	size_t n_failed_imports;  /* <import>s of this file that could not be
	                             loaded (AM401-AM403) */
	argmap_loc failed_import; /* the href of the first of them */
} argmap_file;

typedef enum argmap_source_kind {
	ARGMAP_SOURCE_ARTICLE = 0, ARGMAP_SOURCE_ANALYSIS, ARGMAP_SOURCE_REPORT,
	ARGMAP_SOURCE_BOOK, ARGMAP_SOURCE_SPEECH, ARGMAP_SOURCE_INTERVIEW,
	ARGMAP_SOURCE_STATEMENT, ARGMAP_SOURCE_WEB, ARGMAP_SOURCE_OTHER
} argmap_source_kind;

typedef struct argmap_source {
	const char *id;
	argmap_source_kind kind;
	const char *title;
	const char *publisher; /* NULL if none */
	const argmap_ref *authors; /* actors */
	size_t n_authors;
	const char *date;      /* as written, NULL if none */
	const char *url;       /* NULL if none */
	const char *accessed;  /* NULL if none */
	const char *textfile;  /* file name of the full text, NULL if none */
	const char *note;
	argmap_loc loc;
} argmap_source;

typedef enum argmap_actor_kind {
	ARGMAP_ACTOR_PERSON = 0, ARGMAP_ACTOR_ORGANISATION, ARGMAP_ACTOR_GOVERNMENT,
	ARGMAP_ACTOR_GROUP
} argmap_actor_kind;

typedef struct argmap_actor {
	const char *id;
	argmap_actor_kind kind;
	const char *name;
	const char *affiliation; /* NULL if none */
	const char *role;        /* NULL if none */
	const char *note;
	argmap_loc loc;
} argmap_actor;

/** Questions, claims and evidence are the nodes of the argument graph. */
typedef enum argmap_node_kind {
	ARGMAP_NODE_QUESTION = 0,
	ARGMAP_NODE_CLAIM,
	ARGMAP_NODE_EVIDENCE
} argmap_node_kind;

typedef struct argmap_node {
	argmap_node_kind kind;
	const char *id;
	const char *text;             /* claim or question text, evidence quote */
	const char *note;             /* NULL if none */
	const argmap_ref *by;         /* actors who hold it (not evidence) */
	size_t n_by;
	const argmap_ref *sources;    /* where it is said; evidence: exactly one */
	size_t n_sources;
	const argmap_ref *speaker;    /* evidence: who is quoted; NULL if not given */
	const char *locator;          /* evidence: section/paragraph; NULL if none */
	const char *const *tags;
	size_t n_tags;
	argmap_loc loc;
	argmap_loc text_loc;          /* the <text> or <quote> element */
	const char *title;            /* claim: its short <title> (boxes with
	                                 `--labels titles`, Argdown titles); NULL
	                                 if none */
} argmap_node;

typedef enum argmap_relation_kind {
	ARGMAP_REL_SUPPORT = 0, /* from (one premise, or linked co-premises) supports to */
	ARGMAP_REL_REBUT,       /* from attacks the claim to */
	ARGMAP_REL_UNDERCUT,    /* from attacks the inference of the support to */
	ARGMAP_REL_ANSWER       /* from (a claim) answers the question to */
} argmap_relation_kind;

typedef enum argmap_stance {
	ARGMAP_STANCE_NONE = 0, ARGMAP_STANCE_YES, ARGMAP_STANCE_NO, ARGMAP_STANCE_QUALIFIED
} argmap_stance;

/** Who draws a relation: the source states it, or the map's editors do. */
typedef enum argmap_basis { ARGMAP_BASIS_SOURCE = 0, ARGMAP_BASIS_EDITOR } argmap_basis;

typedef struct argmap_relation {
	argmap_relation_kind kind;
	const char *id;             /* NULL if the relation has no id */
	const argmap_ref *from;     /* nodes; more than one = linked co-premises */
	size_t n_from;
	argmap_ref to;              /* a node, or (undercut) a relation */
	argmap_stance stance;       /* answers only */
	const argmap_ref *by;
	size_t n_by;
	const argmap_ref *sources;
	size_t n_sources;
	const char *note;
	argmap_loc loc;
	argmap_basis basis;         /* ARGMAP_BASIS_SOURCE unless basis="editor" */
} argmap_relation;

/** Loader settings. Start from ARGMAP_LOAD_OPTIONS_INIT or
 *  argmap_load_options_init(); 0 in a limit means its default. */
typedef struct argmap_load_options {
	unsigned int version;  /* ARGMAP_LOAD_OPTIONS_VERSION */
	size_t max_file_bytes; /* 0 = default (8 MiB) */
	size_t max_items;      /* nodes + relations + sources + actors; 0 = default (100000) */
	size_t max_files;      /* files in one debate; 0 = default (256) */
	size_t max_text_chars; /* one text, quote or note; 0 = default (20000) */
} argmap_load_options;

#define ARGMAP_LOAD_OPTIONS_VERSION 1
#define ARGMAP_LOAD_OPTIONS_INIT {ARGMAP_LOAD_OPTIONS_VERSION, 0, 0, 0, 0}

/** Set *opts to the defaults of this `version` (ARGMAP_LOAD_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_load_options_init(argmap_load_options *opts, unsigned int version);

/**
 * Load the map at `path` and everything it imports.
 *
 * On return *out is the map (caller frees with argmap_map_free), or NULL when
 * nothing usable could be read. Diagnostics are appended to `diags`.
 * Returns 0 when a model was built (it may still carry errors: look at the
 * diagnostics), ARGMAP_EIO when `path` cannot be read as a regular file,
 * ARGMAP_EINVALID when it is not a well-formed argmap document, ARGMAP_ELIMIT
 * when a size limit was hit, ARGMAP_ENOMEM, ARGMAP_EARG for NULL arguments or
 * options of an unknown version. `opts` may be NULL (defaults).
 */
ARGMAP_API int argmap_map_load(argmap_map **out, const char *path,
                               const argmap_load_options *opts, argmap_diags *diags);

/** Like argmap_map_load, but from memory; `name` is used in diagnostics.
 *  Imports are not followed (each one is reported as an error). */
ARGMAP_API int argmap_map_load_memory(argmap_map **out, const char *name, const char *data,
                                      size_t len, const argmap_load_options *opts,
                                      argmap_diags *diags);

/** Like argmap_map_load, but the text of the file `path` is `data` (an
 *  editor's unsaved buffer): `path` itself is not read; its imports are,
 *  beneath its folder, exactly as argmap_map_load follows them. `path`
 *  names the file in diagnostics and in argmap_map_file(map, 0). */
ARGMAP_API int argmap_map_load_text(argmap_map **out, const char *path, const char *data,
                                    size_t len, const argmap_load_options *opts,
                                    argmap_diags *diags);

ARGMAP_API void argmap_map_free(argmap_map *map);

ARGMAP_API size_t argmap_map_file_count(const argmap_map *map);
ARGMAP_API const argmap_file *argmap_map_file(const argmap_map *map, size_t i);
ARGMAP_API size_t argmap_map_source_count(const argmap_map *map);
ARGMAP_API const argmap_source *argmap_map_source(const argmap_map *map, size_t i);
ARGMAP_API size_t argmap_map_actor_count(const argmap_map *map);
ARGMAP_API const argmap_actor *argmap_map_actor(const argmap_map *map, size_t i);
ARGMAP_API size_t argmap_map_node_count(const argmap_map *map);
ARGMAP_API const argmap_node *argmap_map_node(const argmap_map *map, size_t i);
ARGMAP_API size_t argmap_map_relation_count(const argmap_map *map);
ARGMAP_API const argmap_relation *argmap_map_relation(const argmap_map *map, size_t i);

/** Find an id anywhere in the debate. Returns its kind and sets *index,
 *  or ARGMAP_ITEM_NONE. */
ARGMAP_API argmap_item_kind argmap_map_find(const argmap_map *map, const char *id, size_t *index);

/** Where `id` is declared: *loc is the first character of its id="..."
 *  value. Returns the kind of the item (and sets *loc), or ARGMAP_ITEM_NONE
 *  (loc->file is then ARGMAP_NONE). `loc` may be NULL. */
ARGMAP_API argmap_item_kind argmap_map_id_loc(const argmap_map *map, const char *id,
                                              argmap_loc *loc);

/** Names of the kinds, for messages and exports: "claim", "support", ... */
ARGMAP_API const char *argmap_node_kind_name(argmap_node_kind kind);
ARGMAP_API const char *argmap_relation_kind_name(argmap_relation_kind kind);
ARGMAP_API const char *argmap_stance_name(argmap_stance stance);
ARGMAP_API const char *argmap_basis_name(argmap_basis basis);
ARGMAP_API const char *argmap_source_kind_name(argmap_source_kind kind);
ARGMAP_API const char *argmap_actor_kind_name(argmap_actor_kind kind);

#ifdef __cplusplus
}
#endif
#endif

/*
 * loader.h - private to src/read: the state one argmap_map_load call
 * shares between its four parts.
 *
 *   load.c       the loader state, file by file, and the public entry points
 *   structure.c  structural checks against the schema table (AM101-AM108)
 *   build.c      DOM -> model: sources, actors, nodes, relations, metadata
 *   imports.c    following <import>s without leaving the map's folder
 *
 * Ownership: a loader owns `m` until load_common hands it to the caller,
 * and owns `imports`, `root_fd` and `rel` (freed by load_common). A ctx borrows
 * everything; it lives while one file's DOM does.
 */
#ifndef AM_READ_LOADER_H
#define AM_READ_LOADER_H

#include <libxml/tree.h>

#include "model/model.h"
#include "read/schema.h"
#include "read/xml.h"

/* An <import> seen while building a file, followed once the file is done. */
typedef struct pending_import {
	const char *href; /* in the map's arena */
	argmap_loc loc;   /* of the href value */
	size_t from_file;
} pending_import;

typedef struct loader {
	argmap_map *m;
	argmap_diags *diags;
	argmap_load_options o; /* with every 0 limit replaced by its default */
	int root_fd;           /* the folder of file 0 (O_PATH); -1 for memory */
	char **rel;            /* per file: its path inside that folder, folded */
	size_t caprel;
	size_t items;
	int oom, limit_reported;
	int status; /* a non-fatal status to return with the map (ARGMAP_ELIMIT) */
	pending_import *imports;
	size_t nimports, capimports;
} loader;

/* The file currently being checked and built, for positions. */
typedef struct ctx {
	loader *L;
	am_xml_doc *x;
	size_t file;
} ctx;

/* ------------------------------------------------------------ load.c */

/* The namespace declaration of the document being read: elements that
 * share it need no string comparison. Reset by am_load_one for each
 * document (it points into the DOM). */
extern _Thread_local const xmlNs *am_load_ns_seen;

/* 1 if n is an element in the argmap namespace. */
static inline int am_load_is_am(xmlNodePtr n)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->ns)
		return 0;
	if (n->ns == am_load_ns_seen)
		return 1;
	if (n->ns->href && xmlStrEqual(n->ns->href, BAD_CAST AM_NS)) {
		am_load_ns_seen = n->ns;
		return 1;
	}
	return 0;
}

/* 1 if n is the argmap element <name>. */
static inline int am_load_named(xmlNodePtr n, const char *name)
{
	return am_load_is_am(n) && xmlStrEqual(n->name, BAD_CAST name);
}

static inline argmap_loc am_load_loc_at(const ctx *c, size_t off)
{
	argmap_loc l;

	l.file = c->file;
	am_xml_offset_pos(c->x, off, &l.line, &l.col);
	return l;
}

static inline argmap_loc am_load_loc_of(const ctx *c, xmlNodePtr el)
{
	return am_load_loc_at(c, am_xml_node_offset(c->x, el));
}

/* Reports a diagnostic at byte offset `off` of the current file; a
 * diagnostic that cannot be recorded sets c->L->oom. */
void am_load_diag(const ctx *c, argmap_severity sev, const char *code, size_t off, const char *hint,
                  const char *fmt, ...) AM_PRINTF(6, 7);

/* Loads one file (or, when fd >= 0, the file open as fd, which the caller
 * keeps; or, with mem != NULL, memlen bytes named `path`) into the model as
 * a new file keyed by `key` (its device and inode, or NULL), at `rel`
 * inside the root folder (or NULL). Returns 0 or a negative status;
 * diagnostics go to L->diags. */
int am_load_one(loader *L, const char *path, int fd, const char *mem, size_t memlen,
                const char *key, const char *rel);

/* "dev:ino" of an open file or a path, the key that loads each file once;
 * NULL when out of memory or it cannot be stat'ed. */
char *am_load_file_key(int fd, const char *path);

/* ------------------------------------------------------- structure.c */

/* Checks the root element; 0 if the file is an argmap map (AM013). */
int am_structure_check_root(ctx *c, xmlNodePtr root);

/* Checks el and its descendants against the schema table, reporting
 * AM101-AM108 and marking (am_xml_mark) what it reported. */
void am_structure_check(ctx *c, xmlNodePtr el, const am_elem_rule *rule);

/* Reports (AM503) and removes the element children past the 256th of every
 * element below the root, before the schema validator sees them. */
void am_structure_bound_children(ctx *c, xmlNodePtr root);

/* ----------------------------------------------------------- build.c */

/* Adds everything declared in the file's root element to the model. */
void am_build_file(ctx *c, xmlNodePtr root, argmap_file *f);

/* Counts el against the item limit (AM501 once, past it) and appends a
 * zeroed item to *items. NULL when over the limit or out of memory. */
void *am_build_new_item(ctx *c, xmlNodePtr el, void *items, size_t *n, size_t *cap, size_t size);

/* Copies an attribute's value, whitespace folded, into the map's arena
 * (AM502 when over the text limit). NULL when absent. */
char *am_build_attr_text(ctx *c, xmlNodePtr el, const char *name);

/* --------------------------------------------------------- imports.c */

/* Queues the <import> element el of the current file (oom set on failure). */
void am_imports_queue(ctx *c, xmlNodePtr el);

/* Opens `rel` (relative, folded, no "..") beneath the folder dirfd for
 * reading, never resolving to anything outside it: openat2 with
 * RESOLVE_BENEATH where the kernel has it, otherwise (or with
 * force_fallback) one O_NOFOLLOW component at a time, which refuses every
 * symbolic link. The fd, or -errno (EXDEV or ELOOP: it would leave). */
int am_open_beneath(int dirfd, const char *rel, int force_fallback);

/* Follows every queued import, including those the imported files add.
 * When from_memory, each is reported (AM402) instead. */
void am_imports_follow(loader *L, int from_memory);

#endif

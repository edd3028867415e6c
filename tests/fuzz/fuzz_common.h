/*
 * fuzz_common.h - what the fuzz targets share: the option byte, the
 * invariants every loaded map and every diagnostics list must satisfy, and
 * the strict JSON checker of tests/support/json_check.h on
 * argmap_diags_format_json's output.
 *
 * Header-only (static functions) so that each target, and the gcc-built
 * replay driver, is one translation unit plus the library. FUZZ_CHECK
 * aborts in every build type: assert() would vanish under NDEBUG.
 */
#ifndef ARGMAP_FUZZ_COMMON_H
#define ARGMAP_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "json_check.h"

#define FUZZ_CHECK(cond, ...)                                                              \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n  ", __FILE__, \
			        __LINE__, #cond);                                          \
			fprintf(stderr, __VA_ARGS__);                                      \
			fputc('\n', stderr);                                               \
			abort();                                                           \
		}                                                                          \
	} while (0)

/*
 * Bugs found by fuzzing whose fix in src/ is pending are listed, one tag a
 * line, in tests/fuzz/known-bugs; run.sh and the replay tests pass the tags
 * in ARGMAP_FUZZ_KNOWN so that fuzzing can go on past a known bug. Delete
 * the line when the bug is fixed: the check then holds again everywhere.
 */
__attribute__((unused)) static int fuzz_known(const char *tag)
{
	const char *env = getenv("ARGMAP_FUZZ_KNOWN"), *p;
	size_t n = strlen(tag);

	for (p = env; p && (p = strstr(p, tag)) != NULL; p += n)
		if ((p == env || p[-1] == ',' || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return 1;
	return 0;
}

/* FUZZ_CHECK, unless the failure is the known bug `tag`. */
#define FUZZ_CHECK_KNOWN(tag, cond, ...)                                                   \
	do {                                                                               \
		if (!(cond) && !fuzz_known(tag)) {                                         \
			fprintf(stderr, "(known-bugs tag: %s)\n", tag);                      \
			FUZZ_CHECK(cond, __VA_ARGS__);                                     \
		}                                                                          \
	} while (0)

/* ------------------------------------------------------- option byte */

/*
 * An input whose first byte is a C0 control character other than TAB, LF
 * and CR (which no well-formed map can start with) carries options in that
 * byte, which is then removed. Plain XML files (the seed corpus) therefore
 * run with the default limits, and the fuzzer can reach the small-limit
 * paths by prepending one byte. Bits of the byte:
 *   0-1  max_items       default, 3, 20, 200
 *   2-3  max_text_chars  default, 5, 40, 500
 *   4    1: max_file_bytes = 512 (the AM002 path of memory loads)
 */
typedef struct fuzz_opts {
	argmap_load_options load;
	unsigned bits;
} fuzz_opts;

static void fuzz_take_options(const uint8_t **data, size_t *size, fuzz_opts *o)
{
	static const size_t items[] = {0, 3, 20, 200};
	static const size_t chars[] = {0, 5, 40, 500};
	argmap_load_options init = ARGMAP_LOAD_OPTIONS_INIT;

	o->load = init;
	o->bits = 0;
	if (*size == 0 || (*data)[0] >= 0x20 || (*data)[0] == '\t' || (*data)[0] == '\n' ||
	    (*data)[0] == '\r')
		return;
	o->bits = (*data)[0];
	o->load.max_items = items[o->bits & 3];
	o->load.max_text_chars = chars[(o->bits >> 2) & 3];
	if (o->bits & 16)
		o->load.max_file_bytes = 512;
	(*data)++;
	(*size)--;
}

/* ------------------------------------------------------- invariants */

/* 1 if s holds no C0 control character: diagnostics are printed to
 * terminals, one per line, so a byte from the map must never start a new
 * line or an escape sequence (ESC). Text that went through libxml2 cannot
 * hold C0 controls other than TAB, LF and CR, and argmap folds those; DEL
 * and C1 controls are legal XML characters and are not checked. */
static int fuzz_no_controls(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20)
			return 0;
	return 1;
}

static int fuzz_code_ok(const char *code)
{
	return code && strlen(code) == 5 && code[0] == 'A' && code[1] == 'M' && code[2] >= '0' &&
	       code[2] <= '9' && code[3] >= '0' && code[3] <= '9' && code[4] >= '0' &&
	       code[4] <= '9';
}

/* Every diagnostic is well-formed, every format of the list is too. */
static void fuzz_check_diags(argmap_diags *d)
{
	size_t i, n = argmap_diags_count(d);
	char *json;

	for (i = 0; i < n; i++) {
		const argmap_diag *g = argmap_diags_get(d, i);
		char *text;
		FUZZ_CHECK(g, "diagnostic %zu of %zu is NULL", i, n);
		FUZZ_CHECK(fuzz_code_ok(g->code), "bad code '%s'", g->code ? g->code : "(null)");
		FUZZ_CHECK(g->severity == ARGMAP_SEV_NOTE || g->severity == ARGMAP_SEV_WARNING ||
		               g->severity == ARGMAP_SEV_ERROR,
		           "bad severity %d", (int)g->severity);
		FUZZ_CHECK(g->message, "NULL message (%s)", g->code);
		FUZZ_CHECK(fuzz_no_controls(g->message),
		           "message of %s holds a control character: %s", g->code, g->message);
		FUZZ_CHECK(fuzz_no_controls(g->hint), "hint of %s holds a control character: %s",
		           g->code, g->hint);
		FUZZ_CHECK(fuzz_no_controls(g->file), "file name holds a control character");
		FUZZ_CHECK(g->line || !g->col, "%s: column %u without a line", g->code, g->col);
		FUZZ_CHECK(g->parent == ARGMAP_NONE || g->parent < n, "%s: parent %zu of %zu",
		           g->code, g->parent, n);
		FUZZ_CHECK(g->parent == ARGMAP_NONE || g->severity == ARGMAP_SEV_NOTE,
		           "%s: a diagnostic with a parent is not a note", g->code);
		text = argmap_diag_format_text(g);
		FUZZ_CHECK(text, "format_text returned NULL");
		FUZZ_CHECK(strstr(text, g->message), "text form lacks the message");
		free(text);
	}
	json = argmap_diags_format_json(d);
	FUZZ_CHECK(json, "format_json returned NULL");
	FUZZ_CHECK(ts_json_ok(json, strlen(json)), "format_json is not valid JSON:\n%s", json);
	free(json);
}

static void fuzz_check_str(const char *s)
{
	/* Touch every byte: ASan reports a dangling or unterminated string. */
	if (s)
		FUZZ_CHECK(strlen(s) < ((size_t)1 << 40), "absurd string length");
}

static void fuzz_check_loc(const argmap_map *m, argmap_loc l)
{
	FUZZ_CHECK(l.file < argmap_map_file_count(m), "loc.file %zu of %zu", l.file,
	           argmap_map_file_count(m));
}

/* A resolved reference names an existing item of its kind, the same one
 * argmap_map_find finds; an unresolved one names nothing. */
static void fuzz_check_ref(const argmap_map *m, const argmap_ref *r)
{
	size_t idx = 0, count = 0;
	argmap_item_kind k;

	FUZZ_CHECK(r->id, "reference without an id");
	fuzz_check_loc(m, r->loc);
	switch (r->kind) {
	case ARGMAP_ITEM_NONE: count = 0; break;
	case ARGMAP_ITEM_SOURCE: count = argmap_map_source_count(m); break;
	case ARGMAP_ITEM_ACTOR: count = argmap_map_actor_count(m); break;
	case ARGMAP_ITEM_NODE: count = argmap_map_node_count(m); break;
	case ARGMAP_ITEM_RELATION: count = argmap_map_relation_count(m); break;
	default: FUZZ_CHECK(0, "bad item kind %d", (int)r->kind);
	}
	if (r->kind == ARGMAP_ITEM_NONE) {
		FUZZ_CHECK(r->index == ARGMAP_NONE, "unresolved '%s' has index %zu", r->id,
		           r->index);
		return;
	}
	FUZZ_CHECK(r->index < count, "'%s' resolves to index %zu of %zu", r->id, r->index, count);
	k = argmap_map_find(m, r->id, &idx);
	FUZZ_CHECK(k == r->kind && idx == r->index, "'%s' resolves differently through find",
	           r->id);
}

static void fuzz_check_refs(const argmap_map *m, const argmap_ref *r, size_t n)
{
	size_t i;

	FUZZ_CHECK(r || !n, "NULL list of %zu references", n);
	for (i = 0; i < n; i++)
		fuzz_check_ref(m, &r[i]);
}

/* Walks the whole model through the public accessors. */
static void fuzz_check_model(const argmap_map *m)
{
	size_t i, j, nf = argmap_map_file_count(m);

	FUZZ_CHECK(nf >= 1, "a map with no file");
	for (i = 0; i < nf; i++) {
		const argmap_file *f = argmap_map_file(m, i);
		FUZZ_CHECK(f && f->path, "file %zu", i);
		fuzz_check_str(f->title);
		fuzz_check_str(f->description);
		fuzz_check_str(f->date);
		fuzz_check_str(f->lang);
		for (j = 0; j < f->n_editors; j++)
			fuzz_check_str(f->editors[j]);
		for (j = 0; j < f->n_imports; j++)
			FUZZ_CHECK(f->imports[j] < nf, "import %zu of file %zu", j, i);
	}
	for (i = 0; i < argmap_map_source_count(m); i++) {
		const argmap_source *s = argmap_map_source(m, i);
		fuzz_check_loc(m, s->loc);
		fuzz_check_str(s->id);
		fuzz_check_str(s->title);
		fuzz_check_str(s->url);
		fuzz_check_str(s->note);
		fuzz_check_str(argmap_source_kind_name(s->kind));
		fuzz_check_refs(m, s->authors, s->n_authors);
	}
	for (i = 0; i < argmap_map_actor_count(m); i++) {
		const argmap_actor *a = argmap_map_actor(m, i);
		fuzz_check_loc(m, a->loc);
		fuzz_check_str(a->id);
		fuzz_check_str(a->name);
		fuzz_check_str(argmap_actor_kind_name(a->kind));
	}
	for (i = 0; i < argmap_map_node_count(m); i++) {
		const argmap_node *n = argmap_map_node(m, i);
		fuzz_check_loc(m, n->loc);
		fuzz_check_loc(m, n->text_loc);
		fuzz_check_str(n->id);
		fuzz_check_str(n->text);
		fuzz_check_str(n->note);
		fuzz_check_str(n->locator);
		fuzz_check_str(argmap_node_kind_name(n->kind));
		fuzz_check_refs(m, n->by, n->n_by);
		fuzz_check_refs(m, n->sources, n->n_sources);
		if (n->speaker)
			fuzz_check_ref(m, n->speaker);
		for (j = 0; j < n->n_tags; j++)
			fuzz_check_str(n->tags[j]);
	}
	for (i = 0; i < argmap_map_relation_count(m); i++) {
		const argmap_relation *r = argmap_map_relation(m, i);
		fuzz_check_loc(m, r->loc);
		fuzz_check_str(r->id);
		fuzz_check_str(r->note);
		fuzz_check_str(argmap_relation_kind_name(r->kind));
		fuzz_check_str(argmap_stance_name(r->stance));
		fuzz_check_str(argmap_basis_name(r->basis));
		fuzz_check_refs(m, r->from, r->n_from);
		fuzz_check_ref(m, &r->to);
		fuzz_check_refs(m, r->by, r->n_by);
		fuzz_check_refs(m, r->sources, r->n_sources);
	}
	FUZZ_CHECK(argmap_map_file(m, nf) == NULL, "accessor past the end");
}

/* The load contract of argmap/map.h. */
static void fuzz_check_load_result(int rc, const argmap_map *m, argmap_diags *d)
{
	FUZZ_CHECK(rc == 0 || rc == ARGMAP_EINVALID || rc == ARGMAP_ELIMIT || rc == ARGMAP_EIO,
	           "argmap_map_load_memory returned %d (%s)", rc, argmap_error_last());
	FUZZ_CHECK(rc != 0 || m, "success without a map");
	FUZZ_CHECK(rc == 0 || rc == ARGMAP_ELIMIT || !m, "failure %d with a map", rc);
	FUZZ_CHECK(rc == 0 || argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) > 0,
	           "failure %d without an error diagnostic", rc);
	FUZZ_CHECK(argmap_error_last() != NULL, "argmap_error_last() is NULL");
}

#endif

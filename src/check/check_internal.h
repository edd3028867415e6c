/*
 * check_internal.h - rules that live in their own files.
 */
#ifndef AM_CHECK_INTERNAL_H
#define AM_CHECK_INTERNAL_H

#include "util/am_internal.h"

/* Verifies every quote of file 0 against its source's full text in `dir`
 * (see quotes.c). dir == NULL adds one note that quotes were not verified.
 * Returns 0, or negative when out of memory. */
int am_check_quotes(const argmap_map *map, const char *dir, argmap_diags *diags);

/* Who draws each relation of file 0 (see basis.c): AM309 for a stated
 * relation whose by= none of its sources attributes, AM310 for an editor's
 * link with a by=. Linear in the debate. Returns 0, or negative when out of
 * memory. */
int am_check_basis(const argmap_map *map, argmap_diags *diags);

/* Circular support (see cycles.c): one AM205 per cycle among the nodes of
 * file 0, with a note at each support on it. Returns 0, or negative when
 * out of memory. */
int am_check_support_cycles(const argmap_map *map, argmap_diags *diags);

/* The evidence-coverage group (see coverage.c): AM801-AM805 notes and
 * AM806 warnings for the items of file 0. Linear in the debate, but for
 * AM806's sort (n log n in relations). Returns 0, or negative when out of
 * memory. */
int am_check_coverage(const argmap_map *map, argmap_diags *diags);
/* What editing.md asks of the text (see style.c): AM315 for a quote with
 * an elision, AM316 for a tag with a comma. Returns 0, or negative when out
 * of memory. */
int am_check_style(const argmap_map *map, argmap_diags *diags);

#endif

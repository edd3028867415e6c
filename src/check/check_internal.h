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

#endif

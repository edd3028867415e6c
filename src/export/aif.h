/*
 * aif.h - AIF JSON (AIFdb's nodes / edges / locutions) from a map or a
 * view. The namespaced key it shares with the importer is in read/aif.h;
 * the mapping is described in docs/interop.md ("AIF").
 */
#ifndef AM_EXPORT_AIF_H
#define AM_EXPORT_AIF_H

#include "argmap/map.h"
#include "model/view.h"
#include "util/buf.h"

/* Appends the AIF JSON of `map` (restricted to `view` when not NULL) to
 * `out`, pretty-printed with a final newline. Deterministic: the same map
 * and view give the same bytes. The map must have checked without errors
 * (its references are trusted). Returns 0, or ARGMAP_ENOMEM with the last
 * error set; `out` may then hold part of the output. */
int am_export_aif(const argmap_map *map, const am_view *view, am_buf *out);

#endif

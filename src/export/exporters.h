/*
 * exporters.h - the exporters behind argmap_export (internal).
 *
 * Each format is one file, src/export/<format>.c, with one function that
 * walks the map (restricted to `view`, never NULL here) with am_walk and
 * appends its bytes to `out`. They return 0 or a negative argmap_status
 * with the last error set (am_fail); on failure `out` may hold a part of
 * the output, which the driver throws away. The map has been checked
 * without errors: references are resolved.
 */
#ifndef AM_EXPORT_EXPORTERS_H
#define AM_EXPORT_EXPORTERS_H

#include "argmap/export.h"
#include "model/view.h"
#include "util/buf.h"

int am_export_json(const argmap_map *map, const am_view *view, am_buf *out);
/* Written by the AIF work (src/export/aif.c). */
int am_export_aif(const argmap_map *map, const am_view *view, am_buf *out);
int am_export_argdown(const argmap_map *map, const am_view *view, am_buf *out);
int am_export_graphml(const argmap_map *map, const am_view *view, am_buf *out);

#endif

/*
 * argmap/argmap.h - the whole public API of libargmap.
 *
 * Data flows one way: argmap_map_load (file -> hardened XML reader -> model)
 * -> argmap_check (semantic rules) -> renderers and exporters. Diagnostics
 * are data (argmap/diag.h); the command-line tool formats them.
 */
#ifndef ARGMAP_ARGMAP_H
#define ARGMAP_ARGMAP_H

#include "argmap/version.h"
#include "common.h"
#include "diag.h"
#include "map.h"
#include "check.h"
#include "stats.h"
#include "diff.h"
#include "eval.h"
#include "schema.h"
#include "render.h"
#include "export.h"
#include "import.h"
#include "html.h"
#include "list.h"

#endif

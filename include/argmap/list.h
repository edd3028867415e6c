/*
 * argmap/list.h - `argmap list`: what a view of a map can select (actors
 * for --actor, questions and claims for --focus, tags for --tag, sources),
 * as aligned text or as JSON.
 *
 * Counts are of the map's own scope: the nodes file 0 declares (an
 * imported library's actors and sources are listed, but hold nothing
 * there). Linear in the map's size, but for sorting the tags (n log n).
 */
#ifndef ARGMAP_LIST_H
#define ARGMAP_LIST_H

#include "common.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum argmap_list_what {
	ARGMAP_LIST_ACTORS = 0, /* id, name, affiliation; claims held, quotes given */
	ARGMAP_LIST_CLAIMS,     /* questions and claims: id, kind, holders, text */
	ARGMAP_LIST_TAGS,       /* each tag, in order of first use, and its nodes */
	ARGMAP_LIST_SOURCES     /* id, kind, title, publisher, date, URL */
} argmap_list_what;

/** The list as text, one item a line (ids padded to columns, long texts
 *  cut with an ellipsis), or as JSON: one array of objects, pretty, through
 *  the one JSON writer (deterministic, safe inside HTML). The caller frees
 *  the string with free(); NULL when out of memory or for NULL arguments
 *  (argmap_error_last says which). */
ARGMAP_API char *argmap_list_format_text(const argmap_map *map, argmap_list_what what);
ARGMAP_API char *argmap_list_format_json(const argmap_map *map, argmap_list_what what);

#ifdef __cplusplus
}
#endif
#endif

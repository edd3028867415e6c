/*
 * explain.h - a one-line reason for every label of a map's items, naming
 * the map's items (never the framework's auxiliaries): "OUT: rebutted by
 * ev-survey (IN)", "OUT: not established: its only support s1 fails
 * (undercut by u3, IN)", "UNDEC: in a cycle of rebuttals with x and y".
 */
#ifndef AM_ANALYZE_EXPLAIN_H
#define AM_ANALYZE_EXPLAIN_H

#include "analyze/framework.h"

/* Writes into expl[0 .. n_nodes + n_rels) a malloc'd explanation of each
 * item's label under the complete labelling `lab` (one argmap_label per
 * framework vertex); NULL for questions and answers. The caller frees the
 * strings. Linear in the framework (each explanation names at most a few
 * items). Returns 0 or ARGMAP_ENOMEM (the strings written so far are
 * still the caller's). */
int am_explain(const am_fw *fw, const argmap_map *map, const unsigned char *lab, char **expl);

#endif

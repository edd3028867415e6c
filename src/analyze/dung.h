/*
 * dung.h - abstract argumentation frameworks (Dung 1995) on the one graph
 * module: an arc u -> v of `att` means "u attacks v". The grounded
 * labelling (linear, queue-based) and the preferred labellings (enumerated
 * strongly connected component by component, in the order the attacks
 * run, with a count, a step and a time limit).
 *
 * Labels are argmap_label values (IN, OUT, UNDEC) in unsigned char arrays
 * of att->n entries, owned by the caller.
 */
#ifndef AM_ANALYZE_DUNG_H
#define AM_ANALYZE_DUNG_H

#include <stddef.h>

#include "argmap/eval.h"
#include "model/graph.h"

/* The grounded labelling: IN what no attack survives, OUT what an IN
 * argument attacks, UNDEC the rest. label has att->n entries. Time and
 * memory linear in vertices + arcs. Returns 0 or ARGMAP_ENOMEM. */
int am_dung_grounded(const am_graph *att, unsigned char *label);

/* Called once per preferred labelling (label has att->n entries, borrowed
 * for the call); return 0 to go on, non-zero to stop the search. */
typedef int (*am_dung_ext_fn)(void *ud, const unsigned char *label);

typedef enum am_dung_stop {
	AM_DUNG_COMPLETE = 0, /* every preferred labelling was reported */
	AM_DUNG_STOP_COUNT,   /* max_extensions reached */
	AM_DUNG_STOP_STEPS,   /* max_steps reached */
	AM_DUNG_STOP_TIME,    /* max_ms reached */
	AM_DUNG_STOP_CALLER   /* fn asked to stop */
} am_dung_stop;

typedef struct am_dung_limits {
	size_t max_extensions; /* 0: no limit */
	size_t max_steps;      /* 0: no limit */
	unsigned int max_ms;   /* 0: no limit */
} am_dung_limits;

/* Enumerates the preferred labellings of the framework `att` (`rev` is the
 * same graph with every arc reversed: v -> its attackers). The search is
 * directional: components are labelled in topological order of the attacks,
 * each given the labels of those before it, with the maximal complete
 * labellings of the component (see docs/semantics.md); a component is
 * searched over the subsets of its arguments that may be IN, so the work is
 * exponential in the largest component only, and bounded by the limits.
 * *stop says why it ended. Returns 0 (also when a limit stopped it) or
 * ARGMAP_ENOMEM. */
int am_dung_preferred(const am_graph *att, const am_graph *rev, const am_dung_limits *lim,
                      am_dung_ext_fn fn, void *ud, am_dung_stop *stop);

#endif

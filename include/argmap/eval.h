/*
 * argmap/eval.h - which positions stand: the acceptability of a map's
 * items under Dung's grounded and preferred semantics, with a reason for
 * every label.
 *
 * The map is translated into an abstract argumentation framework (see
 * docs/semantics.md for the table and worked examples): an argument per
 * claim and evidence, one per support (which holds only when all its
 * premises hold and no undercut holds), and auxiliaries that make a claim
 * with supports hold only when one of them holds. The translation is
 * linear in the map's size; the grounded labelling is computed in linear
 * time; the preferred extensions are enumerated component by component
 * (strongly connected components in the order the attacks run), bounded by
 * a count, a work and a time limit.
 *
 * Labels are reported for the map's own items only: claims, evidence,
 * supports, rebuts and undercuts. Questions and answers carry
 * ARGMAP_LABEL_NONE (an answer attacks nothing; a question's answers are
 * read through the labels of the claims that answer it).
 *
 * The map may carry errors (evaluate after argmap_check and decide what to
 * do with them): a relation whose ids do not resolve is left out of the
 * framework and labelled ARGMAP_LABEL_NONE with an explanation saying so.
 */
#ifndef ARGMAP_EVAL_H
#define ARGMAP_EVAL_H

#include "common.h"
#include "map.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A label of a complete labelling. */
typedef enum argmap_label {
	ARGMAP_LABEL_NONE = 0, /* not evaluated: a question, an answer, a broken relation */
	ARGMAP_LABEL_IN,       /* holds */
	ARGMAP_LABEL_OUT,      /* defeated: rebutted, undercut, or (claims) not established */
	ARGMAP_LABEL_UNDEC     /* neither: undecided */
} argmap_label;

/** Which semantics argmap_eval_map computes besides the grounded one. */
typedef enum argmap_semantics {
	ARGMAP_SEMANTICS_GROUNDED = 0, /* the grounded labelling only */
	ARGMAP_SEMANTICS_PREFERRED     /* also every preferred extension */
} argmap_semantics;

/** An item's standing across the preferred extensions. */
typedef enum argmap_acceptance {
	ARGMAP_ACCEPT_NONE = 0,  /* not evaluated (see argmap_label NONE), or grounded only */
	ARGMAP_ACCEPT_SCEPTICAL, /* IN in every preferred extension */
	ARGMAP_ACCEPT_CREDULOUS, /* IN in some preferred extension, not in all */
	ARGMAP_ACCEPT_REJECTED   /* IN in none */
} argmap_acceptance;

typedef struct argmap_eval_options {
	unsigned int version;       /* ARGMAP_EVAL_OPTIONS_VERSION */
	argmap_semantics semantics; /* default grounded */
	size_t max_extensions;      /* preferred: stop after this many; 0 = default (1000) */
	size_t max_steps;           /* preferred: search steps; 0 = default (20 million) */
	unsigned int max_ms;        /* preferred: wall-clock milliseconds; 0 = default (10000) */
} argmap_eval_options;

#define ARGMAP_EVAL_OPTIONS_VERSION 1
#define ARGMAP_EVAL_OPTIONS_INIT {ARGMAP_EVAL_OPTIONS_VERSION, ARGMAP_SEMANTICS_GROUNDED, 0, 0, 0}

/** Set *opts to the defaults of this `version` (ARGMAP_EVAL_OPTIONS_VERSION).
 *  Returns 0, or ARGMAP_EARG for NULL or an unknown version. */
ARGMAP_API int argmap_eval_options_init(argmap_eval_options *opts, unsigned int version);

/**
 * The result, as plain data. Item i of the map is node i for i < n_nodes
 * and relation i - n_nodes after that (n_items = n_nodes + n_relations), in
 * the order of argmap_map_node() and argmap_map_relation().
 *
 * Everything is owned by the result and freed with argmap_eval_free; the
 * strings are UTF-8 and name the map's items by id (a relation without an
 * id is named by its premises). The map must outlive nothing here: the
 * result copies what it needs.
 */
typedef struct argmap_eval_result {
	argmap_semantics semantics;
	size_t n_nodes, n_relations, n_items;

	/* The grounded labelling, always computed: label[i] and a one-line
	 * explanation[i] for every item ("OUT: rebutted by ev-survey (IN)"),
	 * NULL where label[i] is ARGMAP_LABEL_NONE and nothing needs saying. */
	const argmap_label *label;
	const char *const *explanation;

	/* Preferred only (all 0/NULL for grounded). extension e's labels are
	 * extensions[e * n_items + i]. */
	size_t n_extensions;
	const argmap_label *extensions;
	/* Per item: sceptical / credulous / rejected across the extensions
	 * found, and why ("credulously accepted: IN in 1 of 2 preferred
	 * extensions (1)"). */
	const argmap_acceptance *acceptance;
	const char *const *acceptance_explanation;
	/* 1 when every preferred extension was found. 0 when a limit stopped
	 * the search: `limit_message` says which, and the extensions and
	 * acceptances cover only what was found (a sceptical status is then
	 * provisional). */
	int complete;
	const char *limit_message; /* NULL when complete */
} argmap_eval_result;

/**
 * Evaluate `map`. On success *out is the result (caller frees with
 * argmap_eval_free). Returns 0, ARGMAP_ENOMEM, or ARGMAP_EARG (NULL
 * arguments, options of an unknown version). A preferred search stopped by
 * a limit is not a failure: see `complete`. `opts` may be NULL (grounded).
 */
ARGMAP_API int argmap_eval_map(const argmap_map *map, const argmap_eval_options *opts,
                               argmap_eval_result **out);

ARGMAP_API void argmap_eval_free(argmap_eval_result *result);

/**
 * `result` (of `map`) as one JSON object, described by docs/eval.schema.json:
 * the file, the semantics, per question its answers with stance and label,
 * every evaluated item with id, kind, label and explanation (and, for
 * preferred, its acceptance), the label counts of the claims, and the
 * preferred extensions. Pretty-printed, ending in a newline. Returns a
 * string the caller frees with free(), or NULL when out of memory (the
 * last error says so).
 */
ARGMAP_API char *argmap_eval_format_json(const argmap_map *map, const argmap_eval_result *result);

/** "IN", "OUT", "UNDEC", or "NONE". Static storage. */
ARGMAP_API const char *argmap_label_name(argmap_label label);

/** "sceptical", "credulous", "rejected", or "none". Static storage. */
ARGMAP_API const char *argmap_acceptance_name(argmap_acceptance acceptance);

#ifdef __cplusplus
}
#endif
#endif

/*
 * eval.c - argmap_eval_map: the framework of a map, its grounded
 * labelling with explanations, and (on request) its preferred extensions
 * with each item's sceptical / credulous standing.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/dung.h"
#include "analyze/explain.h"
#include "analyze/framework.h"
#include "util/am_internal.h"
#include "util/buf.h"

#define DEFAULT_MAX_EXTENSIONS ((size_t)1000)
#define DEFAULT_MAX_STEPS ((size_t)20 * 1000 * 1000)
#define DEFAULT_MAX_MS 10000u
#define MAX_LISTED 5 /* extension numbers named in one acceptance explanation */

/* The result and the writable views of what it owns (r first, so a
 * pointer to r is a pointer to the whole). */
typedef struct eval_impl {
	argmap_eval_result r;
	argmap_label *label;
	char **expl;
	argmap_label *ext;
	size_t ext_cap; /* extensions room, in extensions */
	argmap_acceptance *acc;
	char **acc_expl;
	char *limit;
	const am_fw *fw; /* during the search only */
} eval_impl;

int argmap_eval_options_init(argmap_eval_options *opts, unsigned int version)
{
	static const argmap_eval_options init = ARGMAP_EVAL_OPTIONS_INIT;

	return am_options_init(opts, &init, sizeof init, version, ARGMAP_EVAL_OPTIONS_VERSION,
	                       "argmap_eval_options");
}

const char *argmap_label_name(argmap_label label)
{
	switch (label) {
	case ARGMAP_LABEL_IN: return "IN";
	case ARGMAP_LABEL_OUT: return "OUT";
	case ARGMAP_LABEL_UNDEC: return "UNDEC";
	default: return "NONE";
	}
}

const char *argmap_acceptance_name(argmap_acceptance acceptance)
{
	switch (acceptance) {
	case ARGMAP_ACCEPT_SCEPTICAL: return "sceptical";
	case ARGMAP_ACCEPT_CREDULOUS: return "credulous";
	case ARGMAP_ACCEPT_REJECTED: return "rejected";
	default: return "none";
	}
}

/* The labels of the map's items under the framework labelling `lab`. */
static void item_labels(const am_fw *fw, const argmap_map *map, const unsigned char *lab,
                        argmap_label *out)
{
	size_t i;

	for (i = 0; i < fw->n_nodes; i++)
		out[i] = argmap_map_node(map, i)->kind == ARGMAP_NODE_QUESTION
		             ? ARGMAP_LABEL_NONE
		             : (argmap_label)lab[i];
	for (i = 0; i < fw->n_rels; i++) {
		size_t v = fw->rel_vertex[i];
		out[fw->n_nodes + i] = v == ARGMAP_NONE ? ARGMAP_LABEL_NONE : (argmap_label)lab[v];
	}
}

typedef struct collect {
	eval_impl *e;
	const argmap_map *map;
	int failed;
} collect;

static int on_extension(void *ud, const unsigned char *lab)
{
	collect *cl = ud;
	eval_impl *e = cl->e;
	size_t ni = e->r.n_items;

	if (e->r.n_extensions == e->ext_cap) {
		size_t cap = e->ext_cap ? e->ext_cap * 2 : 4;
		argmap_label *p = realloc(e->ext, (cap * ni + 1) * sizeof *p);
		if (!p) {
			cl->failed = 1;
			return 1;
		}
		e->ext = p;
		e->ext_cap = cap;
	}
	item_labels(e->fw, cl->map, lab, e->ext + e->r.n_extensions * ni);
	e->r.n_extensions++;
	return 0;
}

/* Each item's standing across the extensions found, and why. */
static int acceptance(eval_impl *e)
{
	size_t ni = e->r.n_items, ne = e->r.n_extensions, i, x;
	am_buf b = {0};

	e->acc = calloc(ni + 1, sizeof *e->acc);
	e->acc_expl = calloc(ni + 1, sizeof *e->acc_expl);
	if (!e->acc || !e->acc_expl)
		return ARGMAP_ENOMEM;
	for (i = 0; i < ni; i++) {
		size_t n_in = 0, n_out = 0, listed = 0;
		if (e->label[i] == ARGMAP_LABEL_NONE)
			continue;
		if (!ne) {
			e->acc_expl[i] =
			    strdup("not decided: the search stopped before it found an "
			           "extension");
			if (!e->acc_expl[i])
				return ARGMAP_ENOMEM;
			continue;
		}
		for (x = 0; x < ne; x++) {
			argmap_label l = e->ext[x * ni + i];
			n_in += l == ARGMAP_LABEL_IN;
			n_out += l == ARGMAP_LABEL_OUT;
		}
		if (n_in == ne) {
			e->acc[i] = ARGMAP_ACCEPT_SCEPTICAL;
			if (ne == 1)
				am_buf_puts(
				    &b, "sceptically accepted: IN in the only preferred extension");
			else
				am_buf_printf(
				    &b, "sceptically accepted: IN in all %zu preferred extensions",
				    ne);
		} else if (n_in) {
			e->acc[i] = ARGMAP_ACCEPT_CREDULOUS;
			am_buf_printf(
			    &b, "credulously accepted: IN in %zu of %zu preferred extensions (",
			    n_in, ne);
			for (x = 0; x < ne && listed < MAX_LISTED; x++)
				if (e->ext[x * ni + i] == ARGMAP_LABEL_IN)
					am_buf_printf(&b, "%s%zu", listed++ ? ", " : "", x + 1);
			am_buf_puts(&b, n_in > listed ? ", ...)" : ")");
		} else {
			e->acc[i] = ARGMAP_ACCEPT_REJECTED;
			am_buf_printf(
			    &b,
			    "rejected: IN in none of the %zu preferred extension%s (OUT in "
			    "%zu, UNDEC in %zu)",
			    ne, ne == 1 ? "" : "s", n_out, ne - n_out);
		}
		e->acc_expl[i] = am_buf_detach(&b);
		if (!e->acc_expl[i])
			return ARGMAP_ENOMEM;
	}
	return 0;
}

static int preferred(eval_impl *e, const am_fw *fw, const argmap_map *map,
                     const argmap_eval_options *o)
{
	am_dung_limits lim;
	am_dung_stop stop;
	collect cl;
	int rc;

	lim.max_extensions = o->max_extensions ? o->max_extensions : DEFAULT_MAX_EXTENSIONS;
	lim.max_steps = o->max_steps ? o->max_steps : DEFAULT_MAX_STEPS;
	lim.max_ms = o->max_ms ? o->max_ms : DEFAULT_MAX_MS;
	cl.e = e;
	cl.map = map;
	cl.failed = 0;
	e->fw = fw;
	rc = am_dung_preferred(&fw->att, &fw->rev, &lim, on_extension, &cl, &stop);
	e->fw = NULL;
	if (rc || cl.failed)
		return ARGMAP_ENOMEM;
	e->r.extensions = e->ext;
	e->r.complete = stop == AM_DUNG_COMPLETE;
	if (!e->r.complete) {
		am_buf b = {0};
		am_buf_printf(&b,
		              "the preferred search stopped at its %s limit after %zu "
		              "extension%s; the statuses cover those only",
		              stop == AM_DUNG_STOP_COUNT   ? "count"
		              : stop == AM_DUNG_STOP_STEPS ? "work"
		                                           : "time",
		              e->r.n_extensions, e->r.n_extensions == 1 ? "" : "s");
		e->limit = am_buf_detach(&b);
		if (!e->limit)
			return ARGMAP_ENOMEM;
		e->r.limit_message = e->limit;
	}
	rc = acceptance(e);
	e->r.acceptance = e->acc;
	e->r.acceptance_explanation = (const char *const *)e->acc_expl;
	return rc;
}

int argmap_eval_map(const argmap_map *map, const argmap_eval_options *opts,
                    argmap_eval_result **out)
{
	static const argmap_eval_options defaults = ARGMAP_EVAL_OPTIONS_INIT;
	const argmap_eval_options *o = opts ? opts : &defaults;
	eval_impl *e = NULL;
	am_fw fw;
	unsigned char *lab = NULL;
	int rc;

	if (out)
		*out = NULL;
	if (!map || !out)
		return am_fail(ARGMAP_EARG, "argmap_eval_map: NULL argument");
	rc = am_check_version(o->version, ARGMAP_EVAL_OPTIONS_VERSION, "argmap_eval_options");
	if (rc)
		return rc;
	if (o->semantics != ARGMAP_SEMANTICS_GROUNDED && o->semantics != ARGMAP_SEMANTICS_PREFERRED)
		return am_fail(ARGMAP_EARG, "argmap_eval_map: unknown semantics %d",
		               (int)o->semantics);
	rc = am_fw_build(&fw, map);
	if (rc)
		return am_fail(rc, "out of memory building the argumentation framework");
	rc = ARGMAP_ENOMEM;
	e = calloc(1, sizeof *e);
	if (!e)
		goto done;
	e->r.semantics = o->semantics;
	e->r.n_nodes = fw.n_nodes;
	e->r.n_relations = fw.n_rels;
	e->r.n_items = fw.n_nodes + fw.n_rels;
	e->r.complete = 1;
	lab = malloc(fw.n + 1);
	e->label = malloc((e->r.n_items + 1) * sizeof *e->label);
	e->expl = calloc(e->r.n_items + 1, sizeof *e->expl);
	if (!lab || !e->label || !e->expl)
		goto done;
	e->r.label = e->label;
	e->r.explanation = (const char *const *)e->expl;
	if (am_dung_grounded(&fw.att, lab) || am_explain(&fw, map, lab, e->expl))
		goto done;
	item_labels(&fw, map, lab, e->label);
	if (o->semantics == ARGMAP_SEMANTICS_PREFERRED && preferred(e, &fw, map, o))
		goto done;
	rc = 0;
done:
	free(lab);
	am_fw_free(&fw);
	if (rc) {
		argmap_eval_free(e ? &e->r : NULL);
		return am_fail(rc, "out of memory evaluating the map");
	}
	*out = &e->r;
	return 0;
}

void argmap_eval_free(argmap_eval_result *result)
{
	eval_impl *e = (eval_impl *)result;
	size_t i;

	if (!e)
		return;
	for (i = 0; e->expl && i < e->r.n_items; i++)
		free(e->expl[i]);
	for (i = 0; e->acc_expl && i < e->r.n_items; i++)
		free(e->acc_expl[i]);
	free(e->expl);
	free(e->acc_expl);
	free(e->label);
	free(e->ext);
	free(e->acc);
	free(e->limit);
	free(e);
}

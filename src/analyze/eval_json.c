/*
 * eval_json.c - argmap_eval_format_json: an evaluation as JSON
 * (docs/eval.schema.json), through jansson and the one writer
 * (util/json.h).
 */
#include <stdlib.h>

#include "analyze/framework.h"
#include "util/am_internal.h"
#include "util/json.h"

static const char *item_kind(const argmap_map *map, const argmap_eval_result *res, size_t i)
{
	if (i < res->n_nodes)
		return argmap_node_kind_name(argmap_map_node(map, i)->kind);
	return argmap_relation_kind_name(argmap_map_relation(map, i - res->n_nodes)->kind);
}

static json_t *id_list(const argmap_ref *refs, size_t n)
{
	json_t *a = json_array();
	size_t j;

	for (j = 0; a && j < n; j++)
		if (json_array_append_new(a, am_json_text(refs[j].id))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *label_json(argmap_label l)
{
	return l == ARGMAP_LABEL_NONE ? json_null() : json_string(argmap_label_name(l));
}

static json_t *one_item(const argmap_map *map, const argmap_eval_result *res, size_t i)
{
	json_t *o = json_object();
	int bad = !o;

	if (bad)
		return NULL;
	if (i < res->n_nodes) {
		bad |= am_json_set(o, "id", am_json_text(argmap_map_node(map, i)->id));
	} else {
		const argmap_relation *r = argmap_map_relation(map, i - res->n_nodes);
		bad |= am_json_set(o, "id", am_json_text(r->id));
		bad |= am_json_set(o, "from", id_list(r->from, r->n_from));
		bad |= am_json_set(o, "to", am_json_text(r->to.id));
	}
	bad |= am_json_set(o, "kind", json_string(item_kind(map, res, i)));
	bad |= am_json_set(o, "label", label_json(res->label[i]));
	bad |= am_json_set(o, "explanation", am_json_text(res->explanation[i]));
	if (res->acceptance) {
		bad |= am_json_set(o, "acceptance",
		                   res->acceptance[i] == ARGMAP_ACCEPT_NONE
		                       ? json_null()
		                       : json_string(argmap_acceptance_name(res->acceptance[i])));
		bad |= am_json_set(o, "acceptance_explanation",
		                   am_json_text(res->acceptance_explanation[i]));
	}
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *questions(const argmap_map *map, const argmap_eval_result *res)
{
	json_t *qs = json_array();
	size_t q, r;
	int bad = !qs;

	for (q = 0; !bad && q < res->n_nodes; q++) {
		const argmap_node *nd = argmap_map_node(map, q);
		json_t *o, *answers;
		if (nd->kind != ARGMAP_NODE_QUESTION)
			continue;
		o = json_object();
		answers = json_array();
		bad |= !o || !answers || json_array_append_new(qs, o);
		bad |= !o || am_json_set(o, "id", am_json_text(nd->id));
		bad |= !o || am_json_set(o, "text", am_json_text(nd->text));
		bad |= !o || am_json_set(o, "answers", answers);
		for (r = 0; !bad && r < res->n_relations; r++) {
			const argmap_relation *rel = argmap_map_relation(map, r);
			size_t c;
			json_t *a;
			if (rel->kind != ARGMAP_REL_ANSWER || rel->to.kind != ARGMAP_ITEM_NODE ||
			    rel->to.index != q || !rel->n_from ||
			    rel->from[0].kind != ARGMAP_ITEM_NODE ||
			    rel->from[0].index >= res->n_nodes)
				continue;
			c = rel->from[0].index;
			a = json_object();
			bad |= !a || json_array_append_new(answers, a);
			bad |= !a || am_json_set(a, "claim", am_json_text(rel->from[0].id));
			bad |= !a || am_json_set(a, "stance",
			                         json_string(argmap_stance_name(rel->stance)));
			bad |= !a || am_json_set(a, "label", label_json(res->label[c]));
			if (res->acceptance)
				bad |= !a || am_json_set(a, "acceptance",
				                         res->acceptance[c] == ARGMAP_ACCEPT_NONE
				                             ? json_null()
				                             : json_string(argmap_acceptance_name(
				                                   res->acceptance[c])));
		}
	}
	if (bad) {
		json_decref(qs);
		return NULL;
	}
	return qs;
}

static json_t *counts(const argmap_map *map, const argmap_eval_result *res)
{
	size_t n[4] = {0, 0, 0, 0}, i;
	json_t *o = json_object();
	int bad = !o;

	for (i = 0; i < res->n_nodes; i++)
		if (argmap_map_node(map, i)->kind == ARGMAP_NODE_CLAIM)
			n[res->label[i]]++;
	bad |= bad || am_json_set(o, "IN", json_integer((json_int_t)n[ARGMAP_LABEL_IN]));
	bad |= bad || am_json_set(o, "OUT", json_integer((json_int_t)n[ARGMAP_LABEL_OUT]));
	bad |= bad || am_json_set(o, "UNDEC", json_integer((json_int_t)n[ARGMAP_LABEL_UNDEC]));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Each extension: the claims and evidence it labels IN, OUT and UNDEC. */
static json_t *extensions(const argmap_map *map, const argmap_eval_result *res)
{
	json_t *all = json_array();
	size_t e, i;
	int bad = !all;

	for (e = 0; !bad && e < res->n_extensions; e++) {
		json_t *o = json_object(), *l[4] = {NULL, json_array(), json_array(), json_array()};
		bad |= !o || json_array_append_new(all, o);
		bad |= !o || am_json_set(o, "IN", l[1]);
		bad |= !o || am_json_set(o, "OUT", l[2]);
		bad |= !o || am_json_set(o, "UNDEC", l[3]);
		for (i = 0; !bad && i < res->n_nodes; i++) {
			argmap_label lab = res->extensions[e * res->n_items + i];
			if (lab != ARGMAP_LABEL_NONE)
				bad |= json_array_append_new(
				    l[lab], am_json_text(argmap_map_node(map, i)->id));
		}
	}
	if (bad) {
		json_decref(all);
		return NULL;
	}
	return all;
}

char *argmap_eval_format_json(const argmap_map *map, const argmap_eval_result *res)
{
	json_t *o = NULL, *items;
	am_buf b = {0};
	size_t i;
	int bad;

	if (!map || !res) {
		am_fail(ARGMAP_EARG, "argmap_eval_format_json: NULL argument");
		return NULL;
	}
	o = json_object();
	items = json_array();
	bad = !o || !items;
	bad |= bad || am_json_set(o, "file", am_json_text(argmap_map_file(map, 0)->path));
	bad |= bad ||
	       am_json_set(o, "semantics",
	                   json_string(res->semantics == ARGMAP_SEMANTICS_PREFERRED ? "preferred"
	                                                                            : "grounded"));
	bad |= bad || am_json_set(o, "questions", questions(map, res));
	bad |= bad || am_json_set(o, "claims", counts(map, res));
	bad |= bad || am_json_set(o, "items", json_incref(items));
	for (i = 0; !bad && i < res->n_items; i++) {
		if (res->label[i] == ARGMAP_LABEL_NONE && !res->explanation[i])
			continue; /* questions and answers */
		bad |= json_array_append_new(items, one_item(map, res, i));
	}
	if (!bad && res->semantics == ARGMAP_SEMANTICS_PREFERRED) {
		bad |= am_json_set(o, "complete", json_boolean(res->complete));
		bad |= am_json_set(o, "limit", am_json_text(res->limit_message));
		bad |= am_json_set(o, "extensions", extensions(map, res));
	}
	if (bad || am_json_append(&b, o, AM_JSON_PRETTY)) {
		json_decref(items);
		json_decref(o);
		am_buf_free(&b);
		am_fail(ARGMAP_ENOMEM, "out of memory writing the evaluation as JSON");
		return NULL;
	}
	json_decref(items);
	json_decref(o);
	return am_buf_detach(&b);
}

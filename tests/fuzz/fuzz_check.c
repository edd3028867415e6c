/*
 * fuzz_check.c - libFuzzer target: the whole `argmap check` path on one
 * input, in memory.
 *
 *   reader (argmap_map_load_memory: precheck, hardened libxml2 parse,
 *   schema walk, RELAX NG validation, model building, id resolution)
 *   -> every semantic rule (argmap_check, without quote texts)
 *   -> every diagnostic formatted as text and as JSON (checked to be valid
 *      JSON), before and after argmap_diags_sort and promotion
 *   -> the exporters that need no Graphviz layout: the view statistics and
 *      the DOT text, which must read back with cgraph (when the renderer is
 *      linked in: ARGMAP_FUZZ_HAVE_RENDER), for maps with no errors
 *   -> argmap_export to every format of libargmap, on a view the option
 *      bits choose: deterministic, NUL-terminated, JSON strict JSON,
 *      GraphML well-formed XML
 *
 * Besides crashes, leaks and UB (the sanitizers), it asserts the API's
 * contracts: the load status matches the map and the diagnostics, every
 * reference resolves to an item of its kind, every diagnostic has a valid
 * code, a one-line message and a valid parent. See fuzz_common.h for the
 * option byte that selects small limits.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "fuzz_common.h"

#include <libxml/parser.h>

#ifdef ARGMAP_FUZZ_HAVE_RENDER
#include <cgraph.h>
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef ARGMAP_FUZZ_HAVE_RENDER
/* The first node id and the first tag of the map, to focus and filter on. */
static void pick_view(const argmap_map *m, unsigned bits, argmap_render_options *o)
{
	size_t i, n = argmap_map_node_count(m);

	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(m, i);
		if ((bits & 1) && !o->focus && nd->id)
			o->focus = nd->id;
		if ((bits & 2) && !o->tag && nd->n_tags)
			o->tag = nd->tags[0];
	}
	o->depth = (bits >> 2) & 3;
	o->hide_evidence = (bits >> 4) & 1;
	o->group_by = (argmap_group_by)((bits >> 5) % 3);
	o->theme = (argmap_render_theme)((bits >> 7) & 1);
}

/* The exporters that run no layout: view statistics and DOT text. */
static void export_without_layout(const argmap_map *m, unsigned bits)
{
	argmap_render_options o = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_render_stats st;
	argmap_diags *d = argmap_diags_new();
	char *out = NULL;
	size_t len = 12345;
	int rc;

	FUZZ_CHECK(d, "out of memory");
	pick_view(m, bits, &o);
	rc = argmap_render_view_stats(m, &o, d, &st);
	FUZZ_CHECK(rc == 0 || rc == ARGMAP_EINVALID, "view_stats returned %d", rc);
	if (rc == 0) {
		FUZZ_CHECK(st.nodes_shown + st.nodes_hidden == st.nodes_total,
		           "shown %zu + hidden %zu != total %zu", st.nodes_shown, st.nodes_hidden,
		           st.nodes_total);
		FUZZ_CHECK(st.relations_shown <= st.relations_total, "relations shown > total");
	}
	o.format = ARGMAP_RENDER_DOT;
	o.in_process = 1;
	rc = argmap_render(m, &o, d, &out, &len);
	FUZZ_CHECK(rc == 0 || rc == ARGMAP_EINVALID, "DOT export returned %d (%s)", rc,
	           argmap_error_last());
	if (rc == 0) {
		Agraph_t *g;
		FUZZ_CHECK(out && out[len] == '\0', "DOT output not NUL-terminated");
		FUZZ_CHECK(strlen(out) == len, "DOT output holds a NUL byte");
		/* The DOT text must read back (users may feed it to dot). */
		agseterr(AGMAX);
		agreseterrors();
		g = agmemread(out);
		if (!g || agerrors())
			fprintf(stderr, "---- DOT ----\n%s\n----\n", out);
		FUZZ_CHECK(g && agerrors() == 0, "the DOT text does not read back with cgraph");
		agclose(g);
		agreseterrors();
		agseterr(AGWARN);
	} else {
		FUZZ_CHECK(!out && len == 0, "failed render left output behind");
	}
	free(out);
	fuzz_check_diags(d);
	argmap_diags_free(d);
}
#endif

/* argmap eval on whatever was built, errors or not: every item of the map
 * labelled or explicitly not, every label explained, the preferred search
 * bounded (a small step limit keeps each input fast), the JSON writable. */
static void eval_checks(const argmap_map *m)
{
	int sem;

	for (sem = 0; sem < 2; sem++) {
		argmap_eval_options eo = ARGMAP_EVAL_OPTIONS_INIT;
		argmap_eval_result *r = NULL;
		size_t i;
		char *json;
		eo.semantics = sem ? ARGMAP_SEMANTICS_PREFERRED : ARGMAP_SEMANTICS_GROUNDED;
		eo.max_steps = 200000;
		eo.max_ms = 2000;
		FUZZ_CHECK(argmap_eval_map(m, &eo, &r) == 0, "argmap_eval_map failed: %s",
		           argmap_error_last());
		FUZZ_CHECK(r->n_items == argmap_map_node_count(m) + argmap_map_relation_count(m),
		           "eval: wrong item count");
		for (i = 0; i < r->n_items; i++) {
			FUZZ_CHECK(r->label[i] <= ARGMAP_LABEL_UNDEC, "eval: bad label");
			FUZZ_CHECK(r->label[i] == ARGMAP_LABEL_NONE || r->explanation[i],
			           "eval: a label without an explanation");
		}
		FUZZ_CHECK(!sem || r->complete || r->limit_message,
		           "eval: a stop without a reason");
		json = argmap_eval_format_json(m, r);
		FUZZ_CHECK(json, "argmap_eval_format_json failed");
		free(json);
		argmap_eval_free(r);
	}
}

/* argmap_export to each format on the view the bits pick (the first
 * node and tag of the map): twice, byte-identical; valid where a check is
 * cheap. */
static void export_formats(const argmap_map *m, unsigned bits)
{
	static const argmap_export_format fs[] = {ARGMAP_EXPORT_JSON, ARGMAP_EXPORT_AIF,
	                                          ARGMAP_EXPORT_ARGDOWN, ARGMAP_EXPORT_GRAPHML};
	argmap_export_options o = ARGMAP_EXPORT_OPTIONS_INIT;
	size_t i, n = argmap_map_node_count(m);

	for (i = 0; i < n; i++) {
		const argmap_node *nd = argmap_map_node(m, i);
		if ((bits & 1) && !o.focus)
			o.focus = nd->id;
		if ((bits & 2) && !o.tag && nd->n_tags)
			o.tag = nd->tags[0];
	}
	o.depth = (bits >> 2) & 3;
	o.hide_evidence = (bits >> 4) & 1;
	for (i = 0; i < sizeof fs / sizeof fs[0]; i++) {
		char *a = NULL, *b = NULL;
		size_t la = 1, lb = 1;
		int rc;
		o.format = fs[i];
		rc = argmap_export(m, &o, NULL, &a, &la);
		if (rc == ARGMAP_EARG && fs[i] == ARGMAP_EXPORT_AIF)
			continue; /* not built into this libargmap yet */
		FUZZ_CHECK(rc == 0 || rc == ARGMAP_EINVALID, "export %s returned %d (%s)",
		           argmap_export_format_name(fs[i]), rc, argmap_error_last());
		if (rc != 0) {
			FUZZ_CHECK(!a && la == 0, "a failed export left output behind");
			continue;
		}
		FUZZ_CHECK(a && a[la] == '\0' && strlen(a) == la,
		           "export output is not one string");
		FUZZ_CHECK(argmap_export(m, &o, NULL, &b, &lb) == 0 && lb == la &&
		               !memcmp(a, b, la),
		           "two exports to %s differ", argmap_export_format_name(fs[i]));
		if (fs[i] == ARGMAP_EXPORT_JSON || fs[i] == ARGMAP_EXPORT_AIF)
			FUZZ_CHECK(ts_json_ok(a, la), "the %s export is not JSON",
			           argmap_export_format_name(fs[i]));
		if (fs[i] == ARGMAP_EXPORT_GRAPHML) {
			xmlDocPtr doc = xmlReadMemory(a, (int)la, "export.graphml", NULL,
			                              XML_PARSE_NONET | XML_PARSE_NOERROR |
			                                  XML_PARSE_NOWARNING);
			FUZZ_CHECK(doc, "the GraphML export is not well-formed XML");
			xmlFreeDoc(doc);
		}
		free(a);
		free(b);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_opts fo;
	argmap_diags *d;
	argmap_map *m = NULL;
	int rc;

	fuzz_take_options(&data, &size, &fo);
	d = argmap_diags_new();
	FUZZ_CHECK(d, "out of memory");
	rc = argmap_map_load_memory(&m, "fuzz.xml", (const char *)data, size, &fo.load, d);
	fuzz_check_load_result(rc, m, d);
	if (m) {
		size_t before = argmap_diags_count(d);
		fuzz_check_model(m);
		FUZZ_CHECK(argmap_check(m, NULL, d) == 0, "argmap_check failed: %s",
		           argmap_error_last());
		FUZZ_CHECK(argmap_diags_count(d) >= before, "argmap_check removed diagnostics");
		eval_checks(m);
		if (argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) == 0)
			export_formats(m, fo.bits);
#ifdef ARGMAP_FUZZ_HAVE_RENDER
		if (argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) == 0)
			export_without_layout(m, fo.bits);
#endif
	}
	fuzz_check_diags(d);
	FUZZ_CHECK(argmap_diags_sort(d) == 0, "argmap_diags_sort failed");
	fuzz_check_diags(d);
	{
		size_t errs = argmap_diags_count_severity(d, ARGMAP_SEV_ERROR);
		size_t warns = argmap_diags_count_severity(d, ARGMAP_SEV_WARNING);
		argmap_diags_promote_warnings(d);
		FUZZ_CHECK(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING) == 0,
		           "warnings left after promotion");
		FUZZ_CHECK(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) == errs + warns,
		           "promotion lost diagnostics");
	}
	argmap_map_free(m);
	argmap_diags_free(d);
	return 0;
}

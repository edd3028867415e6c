/*
 * diag_sarif.c - diagnostics as SARIF 2.1.0, the format code-scanning
 * interfaces read (argmap check --format sarif), through jansson and the
 * one JSON writer.
 */
#include <stdlib.h>
#include <string.h>

#include "util/am_internal.h"
#include "util/buf.h"
#include "util/json.h"

static const char *level(argmap_severity s)
{
	return s == ARGMAP_SEV_ERROR ? "error" : s == ARGMAP_SEV_WARNING ? "warning" : "note";
}

/* A SARIF location of d, or NULL when it has no file. */
static json_t *location(const argmap_diag *d)
{
	json_t *phys, *loc;

	if (!d->file)
		return NULL;
	phys = json_pack("{s:{s:s}}", "artifactLocation", "uri", d->file);
	if (phys && d->line) {
		json_t *region = json_pack("{s:I}", "startLine", (json_int_t)d->line);
		if (region && d->col)
			json_object_set_new(region, "startColumn",
			                    json_integer((json_int_t)d->col));
		json_object_set_new(phys, "region", region);
	}
	loc = json_pack("{s:o}", "physicalLocation", phys);
	return loc;
}

char *argmap_diags_format_sarif(const argmap_diags *diags)
{
	size_t i, k, n = argmap_diags_count(diags);
	json_t *results = json_array(), *rules = json_array(), *log = NULL, **made = NULL;
	am_buf b = {0};
	char *out = NULL;

	made = calloc(n ? n : 1, sizeof *made);
	if (!results || !rules || !made)
		goto done;
	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		json_t *r, *loc = location(d);
		am_buf msg = {0};
		if (d->parent != ARGMAP_NONE) {
			/* a note: a related location of its result */
			if (d->parent < n && made[d->parent] && loc) {
				json_t *rel = json_object_get(made[d->parent], "relatedLocations");
				json_object_set_new(loc, "message",
				                    json_pack("{s:s}", "text", d->message));
				json_array_append_new(rel, loc);
			} else {
				json_decref(loc);
			}
			continue;
		}
		am_buf_puts(&msg, d->message);
		if (d->hint)
			am_buf_printf(&msg, "\nhint: %s", d->hint);
		r = json_pack("{s:s,s:s,s:{s:s},s:[],s:[]}", "ruleId", d->code, "level",
		              level(d->severity), "message", "text",
		              msg.data ? msg.data : d->message, "locations", "relatedLocations");
		am_buf_free(&msg);
		if (!r) {
			json_decref(loc);
			goto done;
		}
		if (loc)
			json_array_append_new(json_object_get(r, "locations"), loc);
		json_array_append_new(results, r);
		made[i] = r;
		for (k = 0; k < json_array_size(rules); k++)
			if (!strcmp(
			        json_string_value(json_object_get(json_array_get(rules, k), "id")),
			        d->code))
				break;
		if (k == json_array_size(rules))
			json_array_append_new(rules, json_pack("{s:s}", "id", d->code));
	}
	log = json_pack("{s:s,s:s,s:[{s:{s:{s:s,s:s,s:O}},s:O}]}", "version", "2.1.0", "$schema",
	                "https://json.schemastore.org/sarif-2.1.0.json", "runs", "tool", "driver",
	                "name", "argmap", "version", argmap_version(), "rules", rules, "results",
	                results);
	if (log && am_json_append(&b, log, AM_JSON_PRETTY) == 0)
		out = am_buf_detach(&b);
done:
	am_buf_free(&b);
	json_decref(log);
	json_decref(results);
	json_decref(rules);
	free(made);
	return out;
}

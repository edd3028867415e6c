/*
 * schema.h - the embedded RELAX NG schema: validation and the rules the
 * checker's friendly messages come from.
 *
 * The schema text is docs/argmap.rng, compiled into the binary. From it we
 * derive, once, a table of every element: its attributes (required or not,
 * allowed values or pattern) and its child elements. The loader uses the
 * table to say exactly which attribute is missing or wrong, which the
 * libxml2 RELAX NG validator does not; the validator then catches whatever
 * else the schema forbids (order of elements, for instance).
 */
#ifndef AM_SCHEMA_H
#define AM_SCHEMA_H

#include "read/xml.h"

typedef struct am_attr_rule {
	const char *name; /* "id", "xml:lang" */
	int required;
	const char *const *values; /* allowed values, NULL if any */
	size_t nvalues;
	const char *type; /* name of the define used for the value */
	void *regex;      /* compiled pattern (shared; schema.c owns it), NULL if none */
	size_t min_length;
} am_attr_rule;

typedef struct am_elem_rule {
	const char *name;
	am_attr_rule *attrs;
	size_t nattrs;
	const char **children; /* allowed child element names */
	size_t nchildren;
	const char **required; /* child elements that must appear */
	size_t nrequired;
	int text; /* may hold text */
} am_elem_rule;

/* Compiles the schema and its table (once per process). 0 or negative. */
int am_schema_init(void);

const am_elem_rule *am_schema_element(const char *name);
const am_attr_rule *am_schema_attr(const am_elem_rule *e, const char *name);
/* Names of all elements, for "did you mean" (NULL-terminated). */
const char *const *am_schema_element_names(void);

/* 1 if value is allowed for the attribute rule. */
int am_schema_value_ok(const am_attr_rule *a, const char *value);
/* The same through the compiled pattern only (for tests of the fast path). */
int am_schema_value_ok_slow(const am_attr_rule *a, const char *value);
/* A human description of what the value must look like. */
const char *am_schema_value_help(const am_attr_rule *a);

/* Validates x->doc against the schema; reports what the loader's own
 * structural pass did not already report (nodes marked with am_xml_mark)
 * as AM107. Returns the number of diagnostics added, or negative. */
int am_schema_validate(am_xml_doc *x, argmap_diags *diags);

#endif

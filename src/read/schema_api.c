/*
 * schema_api.c - the public view of the schema table (argmap/schema.h):
 * names of elements, attributes and enumerated values, for completion.
 */
#include "argmap/schema.h"

#include "read/schema.h"

extern const char argmap_schema_rng[];
extern const size_t argmap_schema_rng_len;

const char *argmap_schema_text(size_t *len)
{
	if (len)
		*len = argmap_schema_rng_len;
	return argmap_schema_rng;
}

static const am_elem_rule *rule(const char *element)
{
	if (!element || am_schema_init() != 0)
		return NULL;
	return am_schema_element(element);
}

const char *const *argmap_schema_elements(void)
{
	static const char *const none[] = {NULL};
	const char *const *names = am_schema_init() == 0 ? am_schema_element_names() : NULL;
	return names ? names : none;
}

size_t argmap_schema_child_count(const char *element)
{
	const am_elem_rule *e = rule(element);
	return e ? e->nchildren : 0;
}

const char *argmap_schema_child(const char *element, size_t i)
{
	const am_elem_rule *e = rule(element);
	return e && i < e->nchildren ? e->children[i] : NULL;
}

size_t argmap_schema_attr_count(const char *element)
{
	const am_elem_rule *e = rule(element);
	return e ? e->nattrs : 0;
}

const char *argmap_schema_attr(const char *element, size_t i, int *required)
{
	const am_elem_rule *e = rule(element);

	if (!e || i >= e->nattrs)
		return NULL;
	if (required)
		*required = e->attrs[i].required;
	return e->attrs[i].name;
}

const char *const *argmap_schema_attr_values(const char *element, const char *attr, size_t *n)
{
	const am_attr_rule *a = attr ? am_schema_attr(rule(element), attr) : NULL;

	*n = a && a->values ? a->nvalues : 0;
	return *n ? a->values : NULL;
}

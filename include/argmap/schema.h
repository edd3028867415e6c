/*
 * argmap/schema.h - the embedded RELAX NG schema, for tools that help
 * people write maps: `argmap schema` prints it, and the language server
 * completes element and attribute names and enumerated values from it.
 *
 * Everything returned is static storage owned by the library (the schema
 * is compiled once per process on first use); nothing is freed by the
 * caller. A function whose schema could not be compiled (out of memory)
 * returns 0 or NULL as for an unknown element.
 */
#ifndef ARGMAP_SCHEMA_H
#define ARGMAP_SCHEMA_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The schema's text (docs/argmap.rng), NUL-terminated; *len its length. */
ARGMAP_API const char *argmap_schema_text(size_t *len);

/** Names of every element the schema declares, NULL-terminated. */
ARGMAP_API const char *const *argmap_schema_elements(void);

/** How many child elements `element` may hold (0 if unknown), and the i-th
 *  name (NULL past the end). */
ARGMAP_API size_t argmap_schema_child_count(const char *element);
ARGMAP_API const char *argmap_schema_child(const char *element, size_t i);

/** How many attributes `element` allows, and the i-th name (NULL past the
 *  end); *required (may be NULL) is set to 1 for a required attribute. */
ARGMAP_API size_t argmap_schema_attr_count(const char *element);
ARGMAP_API const char *argmap_schema_attr(const char *element, size_t i, int *required);

/** The values an enumerated attribute allows ("yes", "no", "qualified" for
 *  stance); sets *n (0 and NULL when any value of its type is allowed or
 *  the attribute is unknown). */
ARGMAP_API const char *const *argmap_schema_attr_values(const char *element, const char *attr,
                                                        size_t *n);

#ifdef __cplusplus
}
#endif

#endif

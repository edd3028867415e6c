/*
 * argmap/diag.h - diagnostics: the problems found in maps, as data.
 *
 * A diagnostic is one problem with a severity, a stable code (documented in
 * docs/diagnostics.md), a place (file, line, column; 0 means unknown), a
 * message and an optional fix hint. Notes that point at related places (the
 * first declaration of a duplicated id, say) are diagnostics of severity
 * ARGMAP_NOTE whose `parent` is the index of the diagnostic they explain.
 *
 * The list owns every string it holds. Formatting functions return strings
 * the caller frees with free(); the library itself never prints.
 */
#ifndef ARGMAP_DIAG_H
#define ARGMAP_DIAG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum argmap_severity {
	ARGMAP_SEV_NOTE = 0,
	ARGMAP_SEV_WARNING = 1,
	ARGMAP_SEV_ERROR = 2
} argmap_severity;

typedef struct argmap_diag {
	argmap_severity severity;
	const char *code;    /* "AM021"; never NULL */
	const char *file;    /* NULL when the problem has no file */
	unsigned line;       /* 1-based; 0 if unknown */
	unsigned col;        /* 1-based, in characters; 0 if unknown */
	const char *message; /* one line, no trailing newline */
	const char *hint;    /* how to fix it; NULL if none */
	size_t parent;       /* notes: index of the diagnostic explained;
	                        ARGMAP_NONE for a primary diagnostic */
} argmap_diag;

typedef struct argmap_diags argmap_diags;

/** A new, empty list, or NULL when out of memory. Free with argmap_diags_free. */
ARGMAP_API argmap_diags *argmap_diags_new(void);
ARGMAP_API void argmap_diags_free(argmap_diags *diags);

ARGMAP_API size_t argmap_diags_count(const argmap_diags *diags);
/** The i-th diagnostic (borrowed), or NULL if i is out of range. */
ARGMAP_API const argmap_diag *argmap_diags_get(const argmap_diags *diags, size_t i);
/** How many primary diagnostics have exactly this severity. */
ARGMAP_API size_t argmap_diags_count_severity(const argmap_diags *diags, argmap_severity sev);

/** Turn every warning into an error (for --werror). */
ARGMAP_API void argmap_diags_promote_warnings(argmap_diags *diags);

/** Sort primary diagnostics by file, line, column (stable; notes follow
 *  their parent) and drop exact repeats (same severity, code, place and
 *  message), which arise when maps checked together import one file.
 *  Indices change. Returns 0, or ARGMAP_ENOMEM. */
ARGMAP_API int argmap_diags_sort(argmap_diags *diags);

/**
 * Append a diagnostic; file, message and hint are copied, with control
 * characters and bidirectional overrides replaced by '?' (they quote
 * untrusted maps). `parent` is
 * ARGMAP_NONE for a primary diagnostic. Returns its index, or ARGMAP_NONE
 * when out of memory (the list then remembers that it is incomplete).
 */
ARGMAP_API size_t argmap_diags_add(argmap_diags *diags, argmap_severity sev, const char *code,
                        const char *file, unsigned line, unsigned col,
                        const char *message, const char *hint, size_t parent);

/** Human-readable form, GNU style:
 *    path:line:col: error: message [AM021]
 *  followed by an indented "hint:" line when there is one. The column (or
 *  line and column) is left out when unknown. Caller frees. NULL on ENOMEM. */
ARGMAP_API char *argmap_diag_format_text(const argmap_diag *d);

/** All diagnostics as a JSON array with one object per primary diagnostic
 *  (its notes nested under "notes"). Caller frees. NULL on ENOMEM. */
ARGMAP_API char *argmap_diags_format_json(const argmap_diags *diags);

/** All diagnostics as a SARIF 2.1.0 log (one run of the tool "argmap"),
 *  for code-scanning interfaces: one result per primary diagnostic, its
 *  notes as related locations, file paths as given. Caller frees. NULL on
 *  ENOMEM. */
ARGMAP_API char *argmap_diags_format_sarif(const argmap_diags *diags);

/** The severity's name: "note", "warning" or "error". */
ARGMAP_API const char *argmap_severity_name(argmap_severity sev);

#ifdef __cplusplus
}
#endif
#endif

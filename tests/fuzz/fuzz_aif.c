/*
 * fuzz_aif.c - libFuzzer target: `argmap import -f aif` on one input, in
 * memory, and the round trip behind it.
 *
 *   argmap_import_aif_memory (byte checks, the JSON limits, jansson with
 *   duplicate keys refused, the AIF graph, the mapping, the XML writer)
 *   -> the XML loaded and checked like any map
 *   -> for a map without errors: AIF export, import again, and the second
 *      export byte-identical to the first
 *
 * Besides crashes, leaks and UB it asserts: a status and its outputs agree
 * (0 with a NUL-terminated UTF-8 buffer, failure with NULL/0 and an error
 * diagnostic), the generated XML is always well-formed argmap (no AM0xx
 * from the reader), every diagnostic is valid (fuzz_check_diags), and the
 * round trip is stable. An option byte as in fuzz_common.h selects small
 * limits: bits 0-1 max_items (default, 3, 20, 200), bit 4 max_file_bytes
 * 512, bits 2-3 max_values (default, 8, 64, 512) and max_depth (default,
 * 2, 3, 4).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "argmap/argmap.h"
#include "export/exporters.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *export_aif(const argmap_map *m, size_t *len)
{
	am_buf b = {0};

	FUZZ_CHECK(am_export_aif(m, NULL, &b) == 0, "AIF export failed: %s", argmap_error_last());
	*len = b.len;
	return am_buf_detach(&b);
}

/* Imports text, loads and checks the map; NULL when it has errors. */
static argmap_map *import(const char *text, size_t len, const argmap_import_options *o,
                          argmap_diags *d)
{
	char *xml = (char *)1;
	size_t xlen = 99, i;
	argmap_map *m = NULL;
	int rc = argmap_import_aif_memory("fuzz.json", text, len, o, d, &xml, &xlen);

	if (rc) {
		FUZZ_CHECK(!xml && xlen == 0, "failed import left output behind");
		FUZZ_CHECK(rc == ARGMAP_EINVALID || rc == ARGMAP_ELIMIT, "import returned %d (%s)",
		           rc, argmap_error_last());
		FUZZ_CHECK(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR) > 0,
		           "import failed without an error diagnostic");
		return NULL;
	}
	FUZZ_CHECK(xml && xml[xlen] == '\0' && strlen(xml) == xlen, "bad XML buffer");
	rc = argmap_map_load_memory(&m, "fuzz.xml", xml, xlen, NULL, d);
	fuzz_check_load_result(rc, m, d);
	FUZZ_CHECK(rc == 0 && m, "the generated XML does not load: %s", argmap_error_last());
	fuzz_check_model(m);
	for (i = 0; i < argmap_diags_count(d); i++) {
		const argmap_diag *x = argmap_diags_get(d, i);
		FUZZ_CHECK(strncmp(x->code, "AM0", 3) != 0,
		           "the generated XML is not well-formed: %s", x->message);
	}
	FUZZ_CHECK(argmap_check(m, NULL, d) == 0, "argmap_check failed");
	free(xml);
	if (argmap_diags_count_severity(d, ARGMAP_SEV_ERROR)) {
		argmap_map_free(m);
		return NULL;
	}
	return m;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t values[] = {0, 8, 64, 512};
	static const unsigned depth[] = {0, 2, 3, 4};
	argmap_import_options o = ARGMAP_IMPORT_OPTIONS_INIT;
	fuzz_opts fo;
	argmap_diags *d = argmap_diags_new(), *d2 = argmap_diags_new();
	argmap_map *m, *m2;

	FUZZ_CHECK(d && d2, "out of memory");
	fuzz_take_options(&data, &size, &fo);
	o.max_items = fo.load.max_items;
	o.max_file_bytes = fo.load.max_file_bytes;
	o.max_values = values[(fo.bits >> 2) & 3];
	o.max_depth = depth[(fo.bits >> 2) & 3];
	m = import((const char *)data, size, &o, d);
	if (m) {
		size_t l1, l2;
		char *a1 = export_aif(m, &l1), *a2;
		m2 = import(a1, l1, NULL, d2);
		FUZZ_CHECK(m2, "the AIF export of an imported map does not import clean");
		a2 = export_aif(m2, &l2);
		FUZZ_CHECK(l1 == l2 && memcmp(a1, a2, l1) == 0,
		           "argmap -> AIF -> argmap -> AIF is not byte-stable");
		free(a1);
		free(a2);
		argmap_map_free(m2);
	}
	argmap_map_free(m);
	fuzz_check_diags(d);
	fuzz_check_diags(d2);
	argmap_diags_free(d);
	argmap_diags_free(d2);
	return 0;
}

/*
 * aif.c - the public entry points of the AIF importer (argmap/import.h):
 * the bytes (read/bytes.c, with the map reader's file rules and size cap),
 * then the four steps of read/aif.h.
 */
#include <string.h>

#include "read/aif.h"
#include "read/xml.h"
#include "util/am_internal.h"

static const argmap_import_options defaults = ARGMAP_IMPORT_OPTIONS_INIT;

int argmap_import_options_init(argmap_import_options *opts, unsigned int version)
{
	return am_options_init(opts, &defaults, sizeof defaults, version,
	                       ARGMAP_IMPORT_OPTIONS_VERSION, "argmap_import_options");
}

static int import(const char *name, const char *path, const char *data, size_t size,
                  const argmap_import_options *opts, argmap_diags *diags, char **xml, size_t *len)
{
	am_xml_doc bytes;
	am_aif_limits lim;
	json_t *root = NULL;
	aif_doc doc;
	imp_map map;
	am_buf out = {0};
	size_t replaced = 0;
	int rc;

	if (xml)
		*xml = NULL;
	if (len)
		*len = 0;
	if (!name || !xml || !len || !diags || (!path && !data && size))
		return am_fail(ARGMAP_EARG, "argmap_import_aif: bad arguments");
	if (opts && (rc = am_check_version(opts->version, ARGMAP_IMPORT_OPTIONS_VERSION,
	                                   "argmap_import_options")))
		return rc;
	lim.max_file_bytes =
	    opts && opts->max_file_bytes ? opts->max_file_bytes : AM_DEFAULT_MAX_FILE_BYTES;
	lim.max_items = opts && opts->max_items ? opts->max_items : AM_DEFAULT_MAX_ITEMS;
	lim.max_values = opts && opts->max_values ? opts->max_values : AM_AIF_DEFAULT_MAX_VALUES;
	lim.max_depth = opts && opts->max_depth ? opts->max_depth : AM_AIF_DEFAULT_MAX_DEPTH;
	lim.max_text_chars = AM_DEFAULT_MAX_TEXT_CHARS;
	memset(&bytes, 0, sizeof bytes);
	memset(&doc, 0, sizeof doc);
	memset(&map, 0, sizeof map);
	bytes.path = name;
	rc = am_read_raw_bytes(&bytes, name, path ? NULL : (data ? data : ""), size,
	                       lim.max_file_bytes, diags);
	if (rc)
		goto done;
	if ((rc = am_aif_parse_json(bytes.buf, bytes.len, name, &lim, diags, &root)) ||
	    (rc = am_aif_doc_build(&doc, root, name, &lim, diags)) ||
	    (rc = am_aif_map(&map, &doc, &lim, diags)) ||
	    (rc = am_aif_write_xml(&map, &out, &replaced)))
		goto done;
	if (replaced)
		am_diag(
		    diags, ARGMAP_SEV_WARNING, "AM858", name, 0, 0, NULL,
		    "%zu character%s XML cannot hold (in names, notes or the argmap data) read as "
		    "spaces",
		    replaced, replaced == 1 ? "" : "s");
	*len = out.len;
	*xml = am_buf_detach(&out);
	if (!*xml) {
		*len = 0;
		rc = am_fail(ARGMAP_ENOMEM, "out of memory");
	}
done:
	am_buf_free(&out);
	am_aif_map_free(&map);
	am_aif_doc_free(&doc);
	json_decref(root);
	am_xml_free(&bytes);
	return rc;
}

int argmap_import_aif(const char *path, const argmap_import_options *opts, argmap_diags *diags,
                      char **xml, size_t *len)
{
	return import(path, path, NULL, 0, opts, diags, xml, len);
}

int argmap_import_aif_memory(const char *name, const char *data, size_t size,
                             const argmap_import_options *opts, argmap_diags *diags, char **xml,
                             size_t *len)
{
	return import(name, NULL, data, size, opts, diags, xml, len);
}

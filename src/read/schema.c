/*
 * schema.c - see schema.h.
 */
#include "read/schema.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>

#include "util/buf.h"
#include "util/text.h"

extern const char argmap_schema_rng[];
extern const size_t argmap_schema_rng_len;

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

static struct {
	int status;
	xmlRelaxNGPtr rng;
	xmlDocPtr rngdoc;
	am_elem_rule *elems;
	size_t nelems;
	const char **names;
} S;

/* Built on first use, under the lock. A build that fails is out of memory
 * (the embedded schema compiles: every test of the suite needs it; under
 * memory pressure libxml2's RELAX NG compiler fails with other messages
 * too, so they are not told apart); it is
 * undone and tried again on the next load, so one failed allocation never
 * disables the reader for the rest of the process. */
static pthread_mutex_t schema_lock = PTHREAD_MUTEX_INITIALIZER;
static enum { SCHEMA_NONE, SCHEMA_READY, SCHEMA_SHUT_DOWN } schema_state;
static void schema_release(void);

/* ------------------------------------------------- walking the grammar */

static int is_rng(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

/* The grammar's <define>s by name, while build_table walks it: the walk
 * follows every <ref>, many of them more than once, and looking each one
 * up by reading every define's name attribute again was a tenth of the
 * start-up of `argmap check`. */
static struct {
	xmlNodePtr node;
	xmlChar *name;
} * defines;
static size_t ndefines;

static int index_defines(void)
{
	xmlNodePtr root = xmlDocGetRootElement(S.rngdoc), n;
	size_t cap = 0;

	for (n = root ? root->children : NULL; n; n = n->next) {
		if (!is_rng(n, "define"))
			continue;
		if (ndefines == cap) {
			void *p = realloc(defines, (cap = cap ? 2 * cap : 64) * sizeof *defines);
			if (!p)
				return -1;
			defines = p;
		}
		defines[ndefines].node = n;
		defines[ndefines].name = xmlGetProp(n, BAD_CAST "name");
		ndefines++;
	}
	return 0;
}

static void free_defines(void)
{
	for (size_t i = 0; i < ndefines; i++)
		xmlFree(defines[i].name);
	free(defines);
	defines = NULL;
	ndefines = 0;
}

/* Compiled patterns, one per distinct pattern: many attributes share a
 * datatype (every id and idref attribute, say), and compiling it again for
 * each of them (36 compiles of 4 patterns) was 6 % of `argmap check` on a
 * small map. Owned here until argmap_shutdown; the rules borrow them. */
static struct {
	xmlChar *text;
	xmlRegexpPtr re;
} * patterns;
static size_t npatterns;

static xmlRegexpPtr compile_pattern(const xmlChar *text)
{
	void *p;

	for (size_t i = 0; i < npatterns; i++)
		if (xmlStrEqual(patterns[i].text, text))
			return patterns[i].re;
	p = realloc(patterns, (npatterns + 1) * sizeof *patterns);
	if (!p)
		return NULL;
	patterns = p;
	patterns[npatterns].text = xmlStrdup(text);
	if (!patterns[npatterns].text)
		return NULL;
	patterns[npatterns].re = xmlRegexpCompile(text);
	return patterns[npatterns++].re;
}

static xmlNodePtr find_define(const char *name)
{
	for (size_t i = 0; i < ndefines; i++)
		if (defines[i].name && strcmp((char *)defines[i].name, name) == 0)
			return defines[i].node;
	return NULL;
}

/* The <element> a define consists of, or NULL if it is a pattern. */
static xmlNodePtr define_element(xmlNodePtr def)
{
	xmlNodePtr n;

	for (n = def ? def->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return is_rng(n, "element") ? n : NULL;
	return NULL;
}

static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = v ? strdup((char *)v) : NULL;
	xmlFree(v);
	return s;
}

static int push_str(const char ***arr, size_t *n, const char *s)
{
	const char **p;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*arr)[i], s) == 0)
			return 0;
	p = realloc(*arr, (*n + 1) * sizeof *p);
	if (!p)
		return -1;
	p[*n] = strdup(s);
	if (!p[*n]) {
		*arr = p;
		return -1;
	}
	*arr = p;
	(*n)++;
	return 0;
}

/* Fills an attribute's value rules from its pattern content. */
static void walk_value(am_attr_rule *a, xmlNodePtr n, int depth)
{
	if (depth > 16)
		return;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "ref")) {
			char *name = prop(n, "name");
			xmlNodePtr def = name ? find_define(name) : NULL;
			if (def) {
				if (!a->type)
					a->type = name;
				else
					free(name);
				walk_value(a, def->children, depth + 1);
			} else {
				free(name);
			}
		} else if (is_rng(n, "value")) {
			xmlChar *v = xmlNodeGetContent(n);
			const char **vals = (const char **)a->values;
			if (v)
				push_str(&vals, &a->nvalues, (char *)v);
			a->values = vals;
			xmlFree(v);
		} else if (is_rng(n, "param")) {
			char *pn = prop(n, "name");
			xmlChar *v = xmlNodeGetContent(n);
			/* the embedded patterns compile; a bad one would be reported
			 * through the global handler (regexps have no context) */
			if (pn && v && strcmp(pn, "pattern") == 0 && !a->regex)
				a->regex = compile_pattern(v);
			else if (pn && v && strcmp(pn, "minLength") == 0)
				a->min_length = (size_t)atoi((char *)v);
			free(pn);
			xmlFree(v);
		} else {
			walk_value(a, n->children, depth + 1);
		}
	}
}

static int walk_content(am_elem_rule *e, xmlNodePtr n, int optional, int depth)
{
	if (depth > 32)
		return 0;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_rng(n, "attribute")) {
			am_attr_rule *p = realloc(e->attrs, (e->nattrs + 1) * sizeof *p);
			if (!p)
				return -1;
			e->attrs = p;
			memset(&p[e->nattrs], 0, sizeof *p);
			p[e->nattrs].name = prop(n, "name");
			p[e->nattrs].required = !optional;
			if (!p[e->nattrs].name)
				return -1;
			walk_value(&p[e->nattrs], n->children, 0);
			e->nattrs++;
		} else if (is_rng(n, "ref")) {
			char *name = prop(n, "name");
			xmlNodePtr def = name ? find_define(name) : NULL, el;
			free(name);
			if (!def)
				continue;
			el = define_element(def);
			if (el) {
				char *cn = prop(el, "name");
				if (cn) {
					push_str(&e->children, &e->nchildren, cn);
					if (!optional)
						push_str(&e->required, &e->nrequired, cn);
				}
				free(cn);
			} else if (walk_content(e, def->children, optional, depth + 1) < 0) {
				return -1;
			}
		} else if (is_rng(n, "text")) {
			e->text = 1;
		} else if (is_rng(n, "optional") || is_rng(n, "zeroOrMore") ||
		           is_rng(n, "choice")) {
			if (walk_content(e, n->children, 1, depth + 1) < 0)
				return -1;
		} else if (is_rng(n, "oneOrMore") || is_rng(n, "interleave") ||
		           is_rng(n, "group")) {
			if (walk_content(e, n->children, optional, depth + 1) < 0)
				return -1;
		}
	}
	return 0;
}

static int build_table(void)
{
	xmlNodePtr root = xmlDocGetRootElement(S.rngdoc), n;

	for (n = root ? root->children : NULL; n; n = n->next) {
		xmlNodePtr el;
		am_elem_rule *p;
		if (!is_rng(n, "define") || !(el = define_element(n)))
			continue;
		p = realloc(S.elems, (S.nelems + 1) * sizeof *p);
		if (!p)
			return -1;
		S.elems = p;
		memset(&p[S.nelems], 0, sizeof *p);
		p[S.nelems].name = prop(el, "name");
		if (!p[S.nelems].name)
			return -1;
		S.nelems++;
		if (walk_content(&p[S.nelems - 1], el->children, 0, 0) < 0)
			return -1;
	}
	S.names = calloc(S.nelems + 1, sizeof *S.names);
	if (!S.names)
		return -1;
	for (size_t i = 0; i < S.nelems; i++)
		S.names[i] = S.elems[i].name;
	return 0;
}

/* The validator's copy: every <data> becomes <text/>. Values are the
 * loader's job (check_attributes), against the same patterns. */
static void strip_datatypes(xmlNodePtr n)
{
	while (n) {
		xmlNodePtr next = n->next;
		if (is_rng(n, "data")) {
			xmlNodePtr text = xmlNewNode(n->ns, BAD_CAST "text");
			if (text) {
				xmlReplaceNode(n, text);
				xmlFreeNode(n);
			}
		} else if (n->type == XML_ELEMENT_NODE) {
			strip_datatypes(n->children);
		}
		n = next;
	}
}

/* Errors while compiling the embedded schema: a bug in argmap, which
 * S.status reports; they must not reach the host's global handler. */
static void on_compile_error(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

/* Parses the embedded schema with a context of its own, so that its errors
 * (there are none unless argmap is broken) stay out of the host's handler. */
static xmlDocPtr read_schema_doc(void)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;

	if (!ctxt)
		return NULL;
	am_xml_deny_entities(ctxt);
	ctxt->sax->serror = on_compile_error;
	doc = xmlCtxtReadMemory(ctxt, argmap_schema_rng, (int)argmap_schema_rng_len, "argmap.rng",
	                        NULL, XML_PARSE_NONET);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static void schema_init_impl(void)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlDocPtr relaxed;

	am_xml_init();
	S.rngdoc = read_schema_doc();
	if (!S.rngdoc || index_defines() < 0 || build_table() < 0) {
		free_defines();
		S.status = ARGMAP_ENOMEM;
		return;
	}
	free_defines();
	/* The validator gets the grammar without datatypes: libxml2 2.9
	 * recompiles a pattern facet for every value it checks (a fifth of the
	 * run time on large maps), and the loader checks every attribute value
	 * against the same datatypes and patterns, compiled once, anyway. The
	 * table above holds copies of all it needs, so the datatypes are
	 * stripped in place (no second copy of the document: the RelaxNG parser
	 * makes its own) and the document is freed once compiled. */
	relaxed = S.rngdoc;
	S.rngdoc = NULL;
	strip_datatypes(xmlDocGetRootElement(relaxed));
	pctxt = xmlRelaxNGNewDocParserCtxt(relaxed);
	if (!pctxt) {
		xmlFreeDoc(relaxed);
		S.status = ARGMAP_ENOMEM;
		return;
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, on_compile_error, NULL);
	S.rng = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	xmlFreeDoc(relaxed);
	S.status = S.rng ? 0 : ARGMAP_ENOMEM;
}

int am_schema_init(void)
{
	int status;

	pthread_mutex_lock(&schema_lock);
	if (schema_state == SCHEMA_NONE) {
		schema_init_impl();
		status = S.status;
		if (status == 0) {
			schema_state = SCHEMA_READY;
		} else {
			schema_release(); /* and the next load tries again */
			S.status = status;
		}
	}
	status = schema_state == SCHEMA_SHUT_DOWN ? ARGMAP_EINTERNAL : S.status;
	pthread_mutex_unlock(&schema_lock);
	if (status == ARGMAP_ENOMEM)
		return am_fail(status, "out of memory while compiling the embedded schema");
	if (status)
		return am_fail(status,
		               schema_state == SCHEMA_SHUT_DOWN
		                   ? "argmap_shutdown() was called: the reader is closed"
		                   : "internal error: the embedded schema does not compile");
	return 0;
}

const am_elem_rule *am_schema_element(const char *name)
{
	size_t i;

	for (i = 0; i < S.nelems; i++)
		if (strcmp(S.elems[i].name, name) == 0)
			return &S.elems[i];
	return NULL;
}

const am_attr_rule *am_schema_attr(const am_elem_rule *e, const char *name)
{
	size_t i;

	for (i = 0; e && i < e->nattrs; i++)
		if (strcmp(e->attrs[i].name, name) == 0)
			return &e->attrs[i];
	return NULL;
}

const char *const *am_schema_element_names(void)
{
	return S.names;
}

/* ------------------------------------------------------- validation */
typedef struct vstate {
	am_xml_doc *x;
	argmap_diags *diags;
	int added;
	unsigned last_line;
	char last_msg[256];
} vstate;

/* A libxml2 RELAX NG message, reworded for people editing by hand. */
static void reword(am_buf *b, const char *m, const char **hint)
{
	char a[128], c[128];

	*hint = NULL;
	if (sscanf(m, "Element %127s has extra content: %127s", a, c) == 2) {
		am_buf_printf(b, "<%s> is not allowed at this position inside <%s>", c, a);
		*hint = "inside <argmap> the order is: <meta>, then <import>s, then the "
		        "declarations; a <claim> holds one <text> and at most one <note>";
	} else if (sscanf(m, "Did not expect element %127s there", a) == 1) {
		am_buf_printf(b, "<%s> is not allowed here", a);
	} else if (sscanf(m, "Expecting an element %127[^,], got nothing", a) == 1) {
		am_buf_printf(b, "a required <%s> element is missing here", a);
	} else if (sscanf(m, "Expecting element %127[^,], got %127s", a, c) == 2) {
		am_buf_printf(b, "expected <%s> here, found <%s>", a, c);
	} else if (sscanf(m, "Extra element %127s in interleave", a) == 1) {
		am_buf_printf(b, "<%s> appears more often than allowed here", a);
	} else if (sscanf(m, "Element %127s failed to validate attributes", a) == 1) {
		am_buf_printf(b, "the attributes of <%s> do not match the schema", a);
	} else if (sscanf(m, "Element %127s failed to validate content", a) == 1) {
		am_buf_printf(b, "the content of <%s> does not match the schema", a);
	} else if (sscanf(m, "Invalid attribute %127s for element %127s", a, c) == 2) {
		am_buf_printf(b, "attribute '%s' is not allowed on <%s>", a, c);
	} else {
		am_buf_puts(b, m);
	}
}

static void on_valid_error(void *ud, xmlErrorPtr e)
{
	vstate *st = ud;
	xmlNodePtr node = e->node;
	unsigned line = e->line > 0 ? (unsigned)e->line : 0, col = 0;
	am_buf b = {0};
	const char *hint;
	char *msg;

	if (e->level == XML_ERR_WARNING)
		return;
	/* The loader's structural pass reports every stray text and every
	 * wrong attribute itself, more precisely (AM102-AM104, AM108). */
	if (e->message &&
	    (strstr(e->message, "Did not expect text") || strstr(e->message, "Invalid attribute") ||
	     strstr(e->message, "failed to validate attributes")))
		return;
	if (node && node->type == XML_ELEMENT_NODE) {
		xmlNodePtr c;
		/* The loader already explained this element (or its parent or a
		 * child) precisely: the validator's words would only repeat it. */
		if (am_xml_marked(node) || am_xml_marked(node->parent))
			return;
		for (c = node->children; c; c = c->next)
			if (am_xml_marked(c))
				return;
		am_xml_node_pos(st->x, node, &line, &col);
	}
	msg = strdup(e->message ? e->message : "schema violation");
	if (!msg)
		return;
	for (size_t n = strlen(msg); n && (msg[n - 1] == '\n' || msg[n - 1] == ' ');)
		msg[--n] = '\0';
	reword(&b, msg, &hint);
	free(msg);
	msg = am_buf_detach(&b);
	if (!msg)
		return;
	/* libxml2 often says the same thing twice for one element. */
	if (!(line == st->last_line && strncmp(msg, st->last_msg, sizeof st->last_msg - 1) == 0)) {
		am_diag(st->diags, ARGMAP_SEV_ERROR, "AM107", st->x->path, line, col, hint, "%s",
		        msg);
		st->added++;
		st->last_line = line;
		snprintf(st->last_msg, sizeof st->last_msg, "%s", msg);
	}
	free(msg);
}

int am_schema_validate(am_xml_doc *x, argmap_diags *diags)
{
	xmlRelaxNGValidCtxtPtr v;
	vstate st;
	int rc;

	rc = am_schema_init();
	if (rc)
		return rc;
	memset(&st, 0, sizeof st);
	st.x = x;
	st.diags = diags;
	v = xmlRelaxNGNewValidCtxt(S.rng);
	if (!v)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	/* Every RELAX NG error goes through the context's handler. The one
	 * path of 2.9.14 that reports only through the global handler, the
	 * ID/IDREF check valid.c runs after validation, runs only for schemas
	 * with ID datatypes; the validator's copy of the schema has no
	 * datatypes at all (strip_datatypes). */
	xmlRelaxNGSetValidStructuredErrors(v, on_valid_error, &st);
	rc = xmlRelaxNGValidateDoc(v, x->doc);
	xmlRelaxNGFreeValidCtxt(v);
	if (rc < 0) /* libxml2 reports nothing else this way for a parsed document */
		return am_fail(ARGMAP_ENOMEM, "out of memory while validating against the schema");
	return st.added;
}

void argmap_shutdown(void)
{
	pthread_mutex_lock(&schema_lock);
	schema_release();
	schema_state = SCHEMA_SHUT_DOWN;
	S.status = ARGMAP_EINTERNAL; /* no use after shutdown */
	pthread_mutex_unlock(&schema_lock);
	/* No xmlCleanupParser(): libxml2 belongs to the whole process, and the
	 * host (or another library in it) may still be using it. */
}

/* Frees everything the schema holds and zeroes it. */
static void schema_release(void)
{
	size_t i, j;

	if (S.rng)
		xmlRelaxNGFree(S.rng);
	if (S.rngdoc)
		xmlFreeDoc(S.rngdoc);
	for (i = 0; i < S.nelems; i++) {
		am_elem_rule *e = &S.elems[i];
		for (j = 0; j < e->nattrs; j++) {
			am_attr_rule *a = &e->attrs[j];
			size_t k;
			for (k = 0; k < a->nvalues; k++)
				free((char *)a->values[k]);
			free((void *)a->values);
			free((char *)a->name);
			free((char *)a->type);
		}
		free(e->attrs);
		for (j = 0; j < e->nchildren; j++)
			free((char *)e->children[j]);
		for (j = 0; j < e->nrequired; j++)
			free((char *)e->required[j]);
		free(e->children);
		free(e->required);
		free((char *)e->name);
	}
	free(S.elems);
	free(S.names);
	for (i = 0; i < npatterns; i++) {
		xmlRegFreeRegexp(patterns[i].re);
		xmlFree(patterns[i].text);
	}
	free(patterns);
	patterns = NULL;
	npatterns = 0;
	memset(&S, 0, sizeof S);
}

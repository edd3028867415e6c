/*
 * aif_xml.c - an imported map as argmap XML, through libxml2's
 * xmlTextWriter (which escapes every text and attribute value; aif_ids.c
 * has already replaced the characters XML cannot hold). Elements come in
 * the order the schema allows and a reader expects: meta, sources,
 * actors, the nodes, the relations.
 */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "read/aif.h"
#include "util/am_internal.h"
#include "util/text.h"

#define X(s) BAD_CAST(s)

typedef struct wr {
	xmlTextWriterPtr w;
	int err;
	size_t replaced; /* characters XML cannot hold, written as spaces */
	am_buf scratch;
} wr;

/* s, or a copy in w->scratch with what XML cannot hold as spaces. Node texts
 * were cleaned with a diagnostic (aif_map.c); this catches every other
 * string (names, notes, the argmap data), so the XML is always well-formed. */
static const char *safe(wr *w, const char *s)
{
	size_t i = 0, n = strlen(s), k;
	unsigned long cp;
	int bad = 0;

	for (i = 0; i < n && !bad; i += k)
		bad = am_aif_xml_bad(((k = am_utf8_decode(s + i, n - i, &cp)), cp));
	if (!bad)
		return s;
	w->scratch.len = 0;
	for (i = 0; i < n; i += k) {
		k = am_utf8_decode(s + i, n - i, &cp);
		if (am_aif_xml_bad(cp)) {
			am_buf_putc(&w->scratch, ' ');
			w->replaced++;
		} else {
			am_buf_put(&w->scratch, s + i, k);
		}
	}
	if (w->scratch.failed) {
		w->err = 1;
		return "";
	}
	return w->scratch.data;
}

static void start(wr *w, const char *name)
{
	if (xmlTextWriterStartElement(w->w, X(name)) < 0)
		w->err = 1;
}

static void end(wr *w)
{
	if (xmlTextWriterEndElement(w->w) < 0)
		w->err = 1;
}

static void attr(wr *w, const char *name, const char *value)
{
	if (value && xmlTextWriterWriteAttribute(w->w, X(name), X(safe(w, value))) < 0)
		w->err = 1;
}

static void elem(wr *w, const char *name, const char *text)
{
	if (text && xmlTextWriterWriteElement(w->w, X(name), X(safe(w, text))) < 0)
		w->err = 1;
}

static void write_meta(wr *w, const imp_map *m)
{
	size_t i;

	start(w, "meta");
	elem(w, "title", m->title);
	elem(w, "description", m->description);
	for (i = 0; i < m->n_editors; i++)
		elem(w, "editor", m->editors[i]);
	elem(w, "date", m->date);
	end(w);
}

static void write_source(wr *w, const imp_source *s)
{
	start(w, "source");
	attr(w, "id", s->id);
	attr(w, "kind", s->kind);
	attr(w, "authors", s->authors);
	attr(w, "date", s->date);
	attr(w, "url", s->url);
	attr(w, "accessed", s->accessed);
	attr(w, "textfile", s->textfile);
	elem(w, "title", s->title ? s->title : s->id);
	elem(w, "publisher", s->publisher);
	elem(w, "note", s->note);
	end(w);
}

static void write_actor(wr *w, const imp_actor *a)
{
	start(w, "actor");
	attr(w, "id", a->id);
	attr(w, "kind", a->kind);
	attr(w, "name", a->name ? a->name : a->id);
	attr(w, "affiliation", a->affiliation);
	attr(w, "role", a->role);
	elem(w, "note", a->note);
	end(w);
}

static void write_node(wr *w, const imp_node *n)
{
	int ev = n->kind == ARGMAP_NODE_EVIDENCE;

	start(w, argmap_node_kind_name((argmap_node_kind)n->kind));
	attr(w, "id", n->id);
	if (!ev)
		attr(w, "by", n->by);
	attr(w, "source", n->source);
	if (ev) {
		attr(w, "speaker", n->speaker);
		attr(w, "locator", n->locator);
	}
	attr(w, "tags", n->tags);
	elem(w, ev ? "quote" : "text", n->text);
	elem(w, "note", n->note);
	end(w);
}

static void write_rel(wr *w, const imp_rel *r)
{
	start(w, argmap_relation_kind_name((argmap_relation_kind)r->kind));
	attr(w, "id", r->id);
	attr(w, "from", r->from);
	attr(w, "to", r->to);
	attr(w, "by", r->by);
	attr(w, "source", r->source);
	attr(w, "basis", r->basis);
	if (r->kind == ARGMAP_REL_ANSWER)
		attr(w, "stance", r->stance);
	elem(w, "note", r->note);
	end(w);
}

int am_aif_write_xml(const imp_map *m, am_buf *out, size_t *replaced)
{
	xmlBufferPtr buf = xmlBufferCreate();
	wr w;
	size_t i;

	memset(&w, 0, sizeof w);
	*replaced = 0;
	if (!buf)
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	w.w = xmlNewTextWriterMemory(buf, 0);
	if (!w.w) {
		xmlBufferFree(buf);
		return am_fail(ARGMAP_ENOMEM, "out of memory");
	}
	if (xmlTextWriterSetIndent(w.w, 1) < 0 || xmlTextWriterSetIndentString(w.w, X("  ")) < 0 ||
	    xmlTextWriterStartDocument(w.w, "1.0", "UTF-8", NULL) < 0)
		w.err = 1;
	start(&w, "argmap");
	attr(&w, "xmlns", "urn:argmap:1");
	attr(&w, "version", "1");
	attr(&w, "xml:lang", m->lang);
	write_meta(&w, m);
	for (i = 0; i < m->n_sources; i++)
		write_source(&w, &m->sources[i]);
	for (i = 0; i < m->n_actors; i++)
		write_actor(&w, &m->actors[i]);
	for (i = 0; i < m->n_nodes; i++)
		write_node(&w, &m->nodes[i]);
	for (i = 0; i < m->n_rels; i++)
		write_rel(&w, &m->rels[i]);
	end(&w);
	if (xmlTextWriterEndDocument(w.w) < 0)
		w.err = 1;
	xmlFreeTextWriter(w.w); /* flushes into buf */
	if (!w.err)
		am_buf_put(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	am_buf_free(&w.scratch);
	*replaced = w.replaced;
	if (w.err || out->failed)
		return am_fail(ARGMAP_ENOMEM, "out of memory while writing the imported map");
	return 0;
}

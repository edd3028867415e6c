/*
 * rpc.c - LSP framing and JSON-RPC parsing on untrusted bytes (rpc.h).
 */
#include "lsp/rpc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/json.h"

int am_rpc_feed(am_rpc_reader *r, const char *data, size_t n)
{
	if (r->skip) { /* the rest of an oversized body: drop it unbuffered */
		size_t k = n < r->skip ? n : r->skip;
		r->skip -= k;
		data += k;
		n -= k;
	}
	if (!n)
		return 0;
	if (r->start && r->start == r->len)
		r->start = r->len = 0;
	if (r->len + n > r->cap) {
		size_t keep = r->len - r->start, cap = r->cap ? r->cap : 65536;
		char *nb;
		if (r->start) { /* slide the pending bytes down first */
			memmove(r->buf, r->buf + r->start, keep);
			r->len = keep;
			r->start = 0;
		}
		while (cap < r->len + n)
			cap *= 2;
		if (cap != r->cap) {
			nb = realloc(r->buf, cap);
			if (!nb)
				return -1;
			r->buf = nb;
			r->cap = cap;
		}
	}
	memcpy(r->buf + r->len, data, n);
	r->len += n;
	return 0;
}

/* End of the header block at p (index just past the blank line), or 0. */
static size_t header_end(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (p[i] != '\n')
			continue;
		if (p[i + 1] == '\n')
			return i + 2;
		if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* The Content-Length of a header block, or -1 when it has none or a bad
 * one. Other headers (Content-Type) are ignored. */
static long long content_length(const char *p, size_t n)
{
	long long found = -1;
	size_t i = 0;

	while (i < n) {
		size_t e = i;
		while (e < n && p[e] != '\n')
			e++;
		if (e - i > 15 && strncasecmp(p + i, "Content-Length:", 15) == 0) {
			size_t k = i + 15;
			long long v = 0;
			int digits = 0;
			while (k < e && (p[k] == ' ' || p[k] == '\t'))
				k++;
			while (k < e && p[k] >= '0' && p[k] <= '9' && digits < 12) {
				v = v * 10 + (p[k] - '0');
				k++;
				digits++;
			}
			while (k < e && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
				k++;
			if (!digits || k != e || found >= 0)
				return -1; /* not a number, trailing junk, or given twice */
			found = v;
		}
		i = e + 1;
	}
	return found;
}

int am_rpc_next(am_rpc_reader *r, const char **body, size_t *len)
{
	for (;;) {
		size_t avail = r->len - r->start, he;
		const char *p;
		long long cl;

		if (!avail) /* also before the first byte, when buf is still NULL */
			return 0;
		p = r->buf + r->start;
		if (r->in_body) {
			if (avail < r->body_len)
				return 0;
			*body = p;
			*len = r->body_len;
			r->start += r->body_len;
			r->in_body = 0;
			return 1;
		}
		he = header_end(p, avail < AM_RPC_MAX_HEADER ? avail : AM_RPC_MAX_HEADER);
		if (!he) {
			if (avail < AM_RPC_MAX_HEADER)
				return 0;
			/* no blank line within the limit: drop the block */
			r->problems++;
			r->start += AM_RPC_MAX_HEADER;
			continue;
		}
		cl = content_length(p, he);
		r->start += he;
		if (cl < 0) {
			r->problems++;
			continue;
		}
		if ((unsigned long long)cl > AM_RPC_MAX_BODY) {
			size_t have = r->len - r->start, drop;
			r->problems++;
			drop = have < (size_t)cl ? have : (size_t)cl;
			r->start += drop;
			r->skip = (size_t)cl - drop;
			if (r->skip)
				return 0;
			continue;
		}
		r->body_len = (size_t)cl;
		r->in_body = 1;
	}
}

void am_rpc_reader_free(am_rpc_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof *r);
}

json_t *am_rpc_parse(const char *body, size_t len)
{
	json_error_t err;
	return json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
}

int am_rpc_frame(am_buf *out, const json_t *v)
{
	am_buf b = {0};
	int rc = am_json_append(&b, v, AM_JSON_COMPACT);

	if (rc == 0) {
		am_buf_printf(out, "Content-Length: %zu\r\n\r\n", b.len);
		am_buf_put(out, b.data, b.len);
		rc = out->failed ? -1 : 0;
	}
	am_buf_free(&b);
	return rc;
}

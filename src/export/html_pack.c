/*
 * html_pack.c - deflate and base64 for the web view (html_pack.h). The
 * drawing's pieces of a 5,000-claim map are 17 MB of SVG markup, which a
 * browser must decode and tokenise before it can run the viewer (most of
 * the first frame's time, bench/html.sh); deflated they are an eighth of
 * that, and base64 is read as one text node. zlib's one-shot compress2 is
 * not used: deflateInit2 names every setting, so the output cannot change
 * with zlib's defaults.
 *
 * Linear in n: one deflate pass, and base64 over its output.
 */
#include <zlib.h>

#include "export/html_pack.h"

static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(am_buf *out, const unsigned char *d, size_t n)
{
	size_t i;
	char q[4];

	for (i = 0; i + 3 <= n; i += 3) {
		unsigned long v =
		    (unsigned long)d[i] << 16 | (unsigned long)d[i + 1] << 8 | d[i + 2];
		q[0] = abc[(v >> 18) & 63];
		q[1] = abc[(v >> 12) & 63];
		q[2] = abc[(v >> 6) & 63];
		q[3] = abc[v & 63];
		am_buf_put(out, q, 4);
	}
	if (i < n) {
		unsigned long v =
		    (unsigned long)d[i] << 16 | (i + 1 < n ? (unsigned long)d[i + 1] << 8 : 0);
		q[0] = abc[(v >> 18) & 63];
		q[1] = abc[(v >> 12) & 63];
		q[2] = i + 1 < n ? abc[(v >> 6) & 63] : '=';
		q[3] = '=';
		am_buf_put(out, q, 4);
	}
}

int am_html_pack(am_buf *out, const char *data, size_t n)
{
	z_stream z = {0};
	unsigned char chunk[1 << 16];
	unsigned char carry[3];
	size_t nc = 0;
	int rc = -1, zr = Z_OK;

	if (deflateInit2(&z, 6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	z.next_in = (Bytef *)(data ? data : "");
	/* one call per uInt of input: n may exceed what z.avail_in holds */
	do {
		size_t take = n > 0x40000000u ? 0x40000000u : n;
		int flush = take == n ? Z_FINISH : Z_NO_FLUSH;
		z.avail_in = (uInt)take;
		n -= take;
		do {
			size_t got, i = 0;
			z.next_out = chunk;
			z.avail_out = sizeof chunk;
			zr = deflate(&z, flush);
			if (zr == Z_STREAM_ERROR)
				goto done;
			got = sizeof chunk - z.avail_out;
			/* base64 in whole groups of three: what is left waits for
			 * the next chunk */
			while (nc && nc < 3 && i < got)
				carry[nc++] = chunk[i++];
			if (nc == 3) {
				put_base64(out, carry, 3);
				nc = 0;
			}
			if (got - i >= 3) {
				size_t whole = (got - i) / 3 * 3;
				put_base64(out, chunk + i, whole);
				i += whole;
			}
			while (i < got)
				carry[nc++] = chunk[i++];
		} while (z.avail_out == 0);
	} while (n > 0);
	if (zr != Z_STREAM_END)
		goto done;
	put_base64(out, carry, nc);
	rc = out->failed ? -1 : 0;
done:
	deflateEnd(&z);
	return rc;
}

/*
 * sha256.h - SHA-256 (FIPS 180-4) and its base64 form, for the
 * Content-Security-Policy hashes of the HTML view's inline script and
 * style sheets (export/html.c). Not for secrets: no constant-time care.
 */
#ifndef AM_SHA256_H
#define AM_SHA256_H

#include <stddef.h>

/* Writes the digest of data[0..n) to out[32]. */
void am_sha256(const void *data, size_t n, unsigned char out[32]);

/* Writes the digest of data[0..n) in base64 (RFC 4648, padded: 44
 * characters and a NUL) to out[45], as CSP's 'sha256-...' wants it. */
void am_sha256_base64(const void *data, size_t n, char out[45]);

#endif

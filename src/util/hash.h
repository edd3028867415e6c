/*
 * hash.h - the one string hash of libargmap (64-bit FNV-1a, truncated to
 * size_t), for the open-addressing tables of the model and the renderer.
 * Not for untrusted-collision resistance: tables that take untrusted keys
 * bound their probe work by their load factor, not by the hash.
 */
#ifndef AM_UTIL_HASH_H
#define AM_UTIL_HASH_H

#include <stddef.h>

static inline size_t am_hash_str(const char *s)
{
	size_t h = (size_t)14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
	return h;
}

#endif

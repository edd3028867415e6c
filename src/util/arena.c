#include "util/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct am_arena_block {
	am_arena_block *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

#define BLOCK_SIZE ((size_t)64 * 1024)

void *am_arena_alloc(am_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	am_arena_block *b = a->head;
	void *p;

	if (n > (size_t)-1 / 2)
		return NULL;
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->cap = cap;
		b->used = 0;
		/* A large one-off block goes behind the head so the head's free
		 * space is not wasted. */
		if (a->head && n > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *am_arena_strndup(am_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = am_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *am_arena_strdup(am_arena *a, const char *s)
{
	return s ? am_arena_strndup(a, s, strlen(s)) : NULL;
}

void am_arena_free(am_arena *a)
{
	am_arena_block *b = a->head;

	while (b) {
		am_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

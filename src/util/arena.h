/*
 * arena.h - a bump allocator that owns everything a loaded map holds.
 * Allocations live until am_arena_free(). Failing calls return NULL.
 */
#ifndef AM_ARENA_H
#define AM_ARENA_H

#include <stddef.h>

typedef struct am_arena_block am_arena_block;
typedef struct am_arena {
	am_arena_block *head;
} am_arena;

void *am_arena_alloc(am_arena *a, size_t n);       /* zeroed, max-aligned */
char *am_arena_strdup(am_arena *a, const char *s); /* NULL in, NULL out */
char *am_arena_strndup(am_arena *a, const char *s, size_t n);
void am_arena_free(am_arena *a);

#endif

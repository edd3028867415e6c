/*
 * handout_support.h - helpers shared by the handout tests (handout_support.c).
 * Strings returned are the caller's (free).
 */
#ifndef HANDOUT_SUPPORT_H
#define HANDOUT_SUPPORT_H

#include <stddef.h>

#include "argmap/argmap.h"

/* The standard output of a shell command, which must succeed. */
char *hs_run(const char *cmd);
/* Text with every run of whitespace made one space (in place; returns s). */
char *hs_squash(char *s);
/* Renders m as PDF with o into dir/name (rendering must succeed); the path. */
char *hs_render_pdf(const argmap_map *m, argmap_render_options *o, const char *dir,
                    const char *name, size_t *len);
/* pdfinfo's page count, or -1. */
int hs_pages_of(const char *path);
/* The smallest height (points) of a word of pdftotext -bbox-layout on pages
 * first..last whose text is one of words[] (NULL-terminated); *seen: how
 * many such words. */
double hs_smallest_word(const char *path, int first, int last, const char *const *words,
                        size_t *seen);
/* The smallest height (points) of any word on pages first..last. */
double hs_smallest_any(const char *path, int first, int last);
/* The first page whose text contains `heading`, or -1. */
int hs_page_with(const char *path, int pages, const char *heading);
/* A map too big for one legible page, written into dir: 30 claims
 * ("... zuluN."), each with a quote ("... yankeeN cracks."). */
argmap_map *hs_big_map(const char *dir);

#endif

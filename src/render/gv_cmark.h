/*
 * gv_cmark.h - a guard for a Graphviz 2.43 bug that --pages meets after a
 * few hundred layouts in one process (gv_cmark.c).
 */
#ifndef AM_RENDER_GV_CMARK_H
#define AM_RENDER_GV_CMARK_H

/* Call before each dot layout of a process that lays out many graphs:
 * when dot's mark counter is near its wrap, spends the wrap on a graph of
 * one node. Returns 0, or -1 if the probe graph could not be made (then
 * nothing changed). */
int am_gv_cmark_guard(void);

#endif

/*
 * testhooks.h - knobs for the tests only, in the manner of Lua's ltests.h.
 * They exist only when ARGMAP_TEST_HOOKS is defined, which is the case in
 * the argmap_render_testing library (src/CMakeLists.txt) that only the
 * tests link, never in the shipped argmap_render. Without the define the
 * macros below are the shipped behaviour and testhooks.c is not built.
 */
#ifndef AM_RENDER_TESTHOOKS_H
#define AM_RENDER_TESTHOOKS_H

#include <stddef.h>

#ifdef ARGMAP_TEST_HOOKS

/* Set by tests to make the job misbehave the way Graphviz can, so that
 * containment can be tested (testhooks.c). */
enum am_fault {
	AM_FAULT_NONE = 0,
	AM_FAULT_CRASH,   /* raise SIGSEGV before layout */
	AM_FAULT_EXIT,    /* exit(1) as gvRenderFilename does on write errors */
	AM_FAULT_HANG,    /* spin forever (CPU) */
	AM_FAULT_SLEEP,   /* block forever without using CPU */
	AM_FAULT_HOG,     /* allocate until malloc fails, then "out of memory" */
	AM_FAULT_GVERROR, /* make Graphviz report an error through agerr */
	AM_FAULT_NOISE    /* print to stderr and stdout, then succeed */
};
extern int am_render_fault;

/* Drawn nodes from which the fast layout replaces dot (starts at
 * AM_FAST_MIN_DEFAULT); tests lower it to exercise the fast path on small
 * maps. */
extern size_t am_render_fast_min;

/* 1: --pages leaves a small last page as it is (gv_pages.c's merge_last
 * off), so that a test can see the merge at work. */
extern int am_render_no_merge;

/* 1: --pages never packs a page's units (gv_pages.c's third filling
 * off), so that a test can compare with what the old paginator made. */
extern int am_render_no_pack;

/* The dot layouts (trials and pages) of the last --pages PDF drawn in
 * this process, for the tests of what partitioning costs. */
extern size_t am_render_page_layouts;

/* Misbehaves as am_render_fault says (the start of am_gv_run). */
void am_test_inject_fault(void);

#define AM_TEST_FAULT() am_test_inject_fault()
#define AM_TEST_FAST_MIN(shipped) am_render_fast_min
#define AM_TEST_NO_MERGE() am_render_no_merge
#define AM_TEST_NO_PACK() am_render_no_pack
#define AM_TEST_PAGE_LAYOUTS(n) (am_render_page_layouts = (n))

#else

#define AM_TEST_FAULT() ((void)0)
#define AM_TEST_FAST_MIN(shipped) (shipped)
#define AM_TEST_NO_MERGE() 0
#define AM_TEST_NO_PACK() 0
#define AM_TEST_PAGE_LAYOUTS(n) ((void)(n))

#endif

#endif

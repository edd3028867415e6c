/*
 * testhooks.c - the test knobs of testhooks.h. Built only into
 * argmap_render_testing (with ARGMAP_TEST_HOOKS), never into the shipped
 * argmap_render: the faults below are what containment is tested against.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/layout_policy.h"
#include "render/testhooks.h"

#ifndef ARGMAP_TEST_HOOKS
#error "testhooks.c is built only with ARGMAP_TEST_HOOKS (argmap_render_testing)"
#endif

int am_render_fault = AM_FAULT_NONE;
size_t am_render_fast_min = AM_FAST_MIN_DEFAULT;
int am_render_no_merge = 0;
int am_render_no_pack = 0;
size_t am_render_page_layouts = 0;

void am_test_inject_fault(void)
{
	switch (am_render_fault) {
	case AM_FAULT_CRASH:
		signal(SIGSEGV, SIG_DFL); /* past any sanitizer's handler */
		raise(SIGSEGV);
		break;
	case AM_FAULT_EXIT: fputs("Error: gvwrite_no_z problem 9\n", stderr); exit(1);
	case AM_FAULT_HANG: {
		volatile unsigned long x = 0;
		for (;;)
			x++;
	}
	case AM_FAULT_SLEEP:
		for (;;)
			pause();
	case AM_FAULT_HOG: {
		for (;;) {
			char *p = malloc((size_t)64 << 20);
			if (!p) {
				fputs("out of memory\n", stderr);
				exit(1);
			}
			memset(p, 1, (size_t)64 << 20);
		}
	}
	case AM_FAULT_NOISE:
		fputs("(pango noise) Pango-WARNING **: something odd\n", stderr);
		fputs("noise on stdout\n", stdout);
		fflush(stdout);
		break;
	default: break;
	}
}

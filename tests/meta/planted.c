/*
 * planted.c - a Criterion program with deliberate bugs, for the meta-tests
 * (tests/stress/CMakeLists.txt, "meta_*"). Each test plants one bug that the
 * sanitizer build must turn into a red CTest result, although Criterion
 * itself reports a planted leak or recovered report as passing (the
 * suite's FAIL_REGULAR_EXPRESSION is what catches them). Never part of the
 * normal suite: it is built and run only where the check means something.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>

/* volatile: the compiler may not drop the allocation or the bad index. */
static void *volatile sink;
static volatile size_t eight = 8;
static volatile int big = INT_MAX;

Test(planted, leak)
{
	int i;

	/* Several blocks, so that a stale copy of one pointer in a register or
	 * on the stack cannot hide the leak from LeakSanitizer. */
	for (i = 0; i < 8; i++) {
		sink = malloc(100);
		cr_assert(sink);
	}
	sink = NULL;
}

Test(planted, heap_overflow)
{
	char *p = malloc(8);

	cr_assert(p);
	sink = p; /* escapes: the compiler may not drop the block */
	p[eight] = 'x'; /* one byte past the end */
	free(p);
}

Test(planted, signed_overflow)
{
	int x = big;

	x = x + 1; /* undefined behaviour: UBSan "runtime error:" */
	sink = (void *)(long)x;
}

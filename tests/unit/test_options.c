/* The option structs' version field, _INIT macros and _init functions, and
 * the version macros and function (house issue, section 2). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "support.h"

#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

Test(options, init_macros_and_functions_agree)
{
	argmap_load_options l = ARGMAP_LOAD_OPTIONS_INIT, li;
	argmap_check_options c = ARGMAP_CHECK_OPTIONS_INIT, ci;
	argmap_render_options r = ARGMAP_RENDER_OPTIONS_INIT, ri;

	memset(&li, 0xff, sizeof li);
	memset(&ci, 0xff, sizeof ci);
	memset(&ri, 0xff, sizeof ri);
	cr_assert_eq(argmap_load_options_init(&li, ARGMAP_LOAD_OPTIONS_VERSION), 0);
	cr_assert_eq(argmap_check_options_init(&ci, ARGMAP_CHECK_OPTIONS_VERSION), 0);
	cr_assert_eq(argmap_render_options_init(&ri, ARGMAP_RENDER_OPTIONS_VERSION), 0);
	cr_assert_eq(l.version, ARGMAP_LOAD_OPTIONS_VERSION);
	cr_assert_eq(li.version, l.version);
	cr_assert_eq(li.max_items, 0);
	cr_assert_eq(ci.version, c.version);
	cr_assert_null(ci.quote_texts_dir);
	cr_assert_eq(ri.version, r.version);
	cr_assert_eq(ri.format, r.format);
	cr_assert_eq(ri.legend, 1);
	cr_assert_eq(ri.depth, 2);
}

Test(options, init_rejects_unknown_versions)
{
	argmap_load_options l;
	argmap_check_options c;
	argmap_render_options r;

	cr_assert_eq(argmap_load_options_init(&l, 0), ARGMAP_EARG);
	cr_assert(strstr(argmap_error_last(), "argmap_load_options"), "%s", argmap_error_last());
	cr_assert_eq(argmap_check_options_init(&c, ARGMAP_CHECK_OPTIONS_VERSION + 1), ARGMAP_EARG);
	cr_assert_eq(argmap_render_options_init(&r, 99), ARGMAP_EARG);
	cr_assert(strstr(argmap_error_last(), "argmap_render_options"), "%s", argmap_error_last());
	cr_assert_eq(argmap_load_options_init(NULL, ARGMAP_LOAD_OPTIONS_VERSION), ARGMAP_EARG);
}

Test(options, functions_reject_a_wrong_version_and_accept_null)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	argmap_load_options l = ARGMAP_LOAD_OPTIONS_INIT;
	argmap_check_options c = ARGMAP_CHECK_OPTIONS_INIT;
	argmap_render_options r = ARGMAP_RENDER_OPTIONS_INIT;
	argmap_render_stats st;
	char *out = NULL;
	size_t len = 0;

	l.version = 0; /* a zero-initialised struct, as old code might pass */
	cr_assert_eq(argmap_map_load(&m, EXAMPLE, &l, d), ARGMAP_EARG);
	cr_assert_null(m);
	cr_assert(strstr(argmap_error_last(), "argmap_load_options has version 0"), "%s",
	          argmap_error_last());
	cr_assert_eq(argmap_map_load(&m, EXAMPLE, NULL, d), 0);

	c.version = 7;
	cr_assert_eq(argmap_check(m, &c, d), ARGMAP_EARG);
	cr_assert(strstr(argmap_error_last(), "argmap_check_options"));
	cr_assert_eq(argmap_check(m, NULL, d), 0);

	r.version = ARGMAP_RENDER_OPTIONS_VERSION + 1;
	cr_assert_eq(argmap_render(m, &r, d, &out, &len), ARGMAP_EARG);
	cr_assert_null(out);
	cr_assert(strstr(argmap_error_last(), "argmap_render_options"));
	cr_assert_eq(argmap_render_view_stats(m, &r, d, &st), ARGMAP_EARG);
	r.version = ARGMAP_RENDER_OPTIONS_VERSION;
	cr_assert_eq(argmap_render_view_stats(m, &r, d, &st), 0);
	cr_assert_gt(st.nodes_shown, 0);

	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(options, version_macros_match_the_library)
{
	char want[32];

	snprintf(want, sizeof want, "%d.%d.%d", ARGMAP_VERSION_MAJOR, ARGMAP_VERSION_MINOR,
	         ARGMAP_VERSION_PATCH);
	cr_assert_str_eq(want, ARGMAP_VERSION_STRING);
	cr_assert_str_eq(argmap_version(), ARGMAP_VERSION_STRING);
	cr_assert_eq(ARGMAP_VERSION, (ARGMAP_VERSION_MAJOR << 16) | (ARGMAP_VERSION_MINOR << 8) |
	                                 ARGMAP_VERSION_PATCH);
}

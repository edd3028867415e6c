/* schema.c: the table derived from the embedded schema, and the fast
 * value checks agreeing with the schema's own patterns. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "read/schema.h"

Test(schema, table_is_derived_from_the_embedded_schema)
{
	const am_elem_rule *claim, *answer;
	const am_attr_rule *a;

	cr_assert_eq(am_schema_init(), 0);
	claim = am_schema_element("claim");
	cr_assert(claim);
	cr_expect(am_schema_attr(claim, "id")->required);
	cr_expect(!am_schema_attr(claim, "by")->required);
	cr_expect_null(am_schema_attr(claim, "stance"));
	cr_expect_eq(claim->nrequired, 1);
	cr_expect_str_eq(claim->required[0], "text");
	answer = am_schema_element("answer");
	a = am_schema_attr(answer, "stance");
	cr_assert(a);
	cr_expect_eq(a->nvalues, 3);
	cr_expect(am_schema_value_ok(a, "qualified"));
	cr_expect(!am_schema_value_ok(a, "maybe"));
	cr_expect_not_null(am_schema_attr(am_schema_element("argmap"), "xml:lang"));
}

Test(schema, fast_checks_agree_with_the_patterns)
{
	static const char *const samples[] = {
		"a", "A", "_", "a1", "1a", "-a", ".a", "a-b.c_d", "a b", "a  b", " a", "a ",
		"c1 c2 c3", "c1 2c", "ä", "aä", "a:b", "a/b", "", "a\tb",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"nato us-backing", "київ мир", "tag,other", "x y z",
		"ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ",
		"ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ",
	};
	static const struct {
		const char *elem, *attr;
	} attrs[] = {{"claim", "id"}, {"support", "to"}, {"support", "from"}, {"claim", "by"},
	             {"claim", "tags"}, {"evidence", "speaker"}};
	size_t i, j, checked = 0;

	cr_assert_eq(am_schema_init(), 0);
	for (i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		const am_attr_rule *a = am_schema_attr(am_schema_element(attrs[i].elem), attrs[i].attr);
		cr_assert(a && a->regex, "%s/@%s has a pattern", attrs[i].elem, attrs[i].attr);
		for (j = 0; j < sizeof samples / sizeof samples[0]; j++) {
			cr_expect_eq(am_schema_value_ok(a, samples[j]), am_schema_value_ok_slow(a, samples[j]),
			             "%s/@%s disagrees on '%s'", attrs[i].elem, attrs[i].attr, samples[j]);
			checked++;
		}
	}
	cr_expect_gt(checked, 100);
}

Test(schema, language_tags)
{
	const am_attr_rule *a;

	cr_assert_eq(am_schema_init(), 0);
	a = am_schema_attr(am_schema_element("argmap"), "xml:lang");
	cr_assert(a);
	cr_expect(am_schema_value_ok(a, "en"));
	cr_expect(am_schema_value_ok(a, "uk"));
	cr_expect(am_schema_value_ok(a, "en-GB"));
	cr_expect(am_schema_value_ok(a, "sr-Latn-RS"));
	cr_expect(!am_schema_value_ok(a, ""));
	cr_expect(!am_schema_value_ok(a, "english language"));
	cr_expect(!am_schema_value_ok(a, "en_GB"));
	cr_expect(!am_schema_value_ok(a, "9x"));
	cr_expect(!am_schema_value_ok(a, "en-"));
	cr_expect(!am_schema_value_ok(a, "abcdefghi"));
}

/* test_dupset.c: the likely duplicates merge keeps in memory for a run (merge_dups.c) — which
 * pairs an input's touched interviews make with the output's and with each other, across
 * commits: a pair of two touched ones once (from the smaller uuid), an interview touched again
 * with new keys leaving its old group, the strings of the pairs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/merge_impl.h"
#include "util/util.h"

/* The pairs of touched t after committing, as "uuid+other(keys)" lines. */
static char *pairs_after(dupset *d, int all, const char *const *t, size_t nt)
{
	dupset_commit(d, all, t, nt);
	merge_dup *p;
	int n;
	char *text;
	dupset_pairs(d, t, nt, &p, &n, &text);
	strbuf sb = STRBUF_INIT;
	for (int k = 0; k < n; k++)
		sb_addf(&sb, "%s+%s(%s)\n", p[k].uuid, p[k].other, p[k].keys);
	if (!n) {
		assert_null(p);
		assert_null(text);
	}
	free(p);
	free(text);
	return sb_detach(&sb);
}

static void test_pairs_across_inputs(void **state)
{
	(void)state;
	dupset d;
	memset(&d, 0, sizeof d);
	/* the first input: a and b share keys, c is alone, e is of another form with the same keys */
	dupset_stage(&d, "b", "f", "x", "k=x");
	dupset_stage(&d, "a", "f", "x", "k=x");
	dupset_stage(&d, "c", "f", "y", "k=y");
	dupset_stage(&d, "e", "g", "x", "k=x");
	const char *t1[] = { "a", "b", "c", "e" };
	char *s = pairs_after(&d, 1, t1, 4);
	assert_string_equal(s, "a+b(k=x)\n");   /* two touched ones: once, from the smaller */
	free(s);

	/* the next input brings d with a's keys: it pairs with both, none of them touched */
	dupset_stage(&d, "d", "f", "x", "k=x");
	const char *t2[] = { "d" };
	s = pairs_after(&d, 0, t2, 1);
	assert_string_equal(s, "d+a(k=x)\nd+b(k=x)\n");
	free(s);

	/* a touched again with c's keys, and z new with them too: a leaves its old group */
	dupset_stage(&d, "z", "f", "y", "k=y");
	dupset_stage(&d, "a", "f", "y", "k=y");
	const char *t3[] = { "a", "z" };
	s = pairs_after(&d, 0, t3, 2);
	assert_string_equal(s, "a+c(k=y)\na+z(k=y)\nz+c(k=y)\n");
	free(s);

	/* b touched again without keys (nothing staged): it leaves the set, with no pair */
	const char *t4[] = { "b" };
	s = pairs_after(&d, 0, t4, 1);
	assert_string_equal(s, "");
	free(s);
	const char *t5[] = { "d" };
	dupset_stage(&d, "d", "f", "x", "k=x");
	s = pairs_after(&d, 0, t5, 1);
	assert_string_equal(s, "");   /* d touched again: a and b have left its keys */
	free(s);
	dupset_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_across_inputs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

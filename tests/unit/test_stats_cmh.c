/* test_stats_cmh.c: Cochran-Mantel-Haenszel test and the Mantel-Haenszel odds ratio on
 * UCBAdmissions (2x2x6) against R's mantelhaen.test, and layers it must skip or refuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "stats/cmh.h"
#include "test_stats_ref.h"

static void test_ucb(void **state)
{
	ref_file rf;
	assert_int_equal(ref_load(&rf, "ucb_cmh.ref"), 0);
	const ref_entry *counts = ref_get(&rf, "counts");
	assert_non_null(counts);
	assert_int_equal(counts->n, 24);
	stats_table layers[6];
	for (int k = 0; k < 6; k++)
		stats_table_from_counts(&layers[k], 2, 2, counts->v + 4 * k);
	stats_cmh c;
	stats_cmh_test(layers, 6, 0.95, &c);
	assert_int_equal(c.layers_used, 6);
	ref_failures = 0;
	ref_check("cmh", "cmh.value", c.cmh.value, ref_num(&rf, "cmh.value"), 1e-6, 0);
	ref_check("cmh", "cmh.p", c.cmh.p, ref_num(&rf, "cmh.p"), 1e-6, 1e-12);
	ref_check("cmh", "cmh_uncorrected.value", c.cmh_uncorrected.value,
	          ref_num(&rf, "cmh_uncorrected.value"), 1e-6, 0);
	ref_check("cmh", "cmh_uncorrected.p", c.cmh_uncorrected.p,
	          ref_num(&rf, "cmh_uncorrected.p"), 1e-6, 1e-12);
	ref_check("cmh", "odds_ratio.value", c.odds_ratio.value, ref_num(&rf, "odds_ratio.value"), 1e-6, 0);
	ref_check("cmh", "odds_ratio.ci_low", c.odds_ratio.ci_low, ref_num(&rf, "odds_ratio.ci_low"), 1e-6, 0);
	ref_check("cmh", "odds_ratio.ci_high", c.odds_ratio.ci_high, ref_num(&rf, "odds_ratio.ci_high"), 1e-6, 0);
	assert_int_equal(ref_failures, 0);
	assert_true(c.cmh.df == 1);
	/* a layer with fewer than two cases is skipped (R refuses the data) */
	stats_table more[7];
	for (int k = 0; k < 6; k++)
		more[k] = layers[k];
	double one[] = { 0, 1, 0, 0 };
	stats_table_from_counts(&more[6], 2, 2, one);
	stats_cmh c2;
	stats_cmh_test(more, 7, 0.95, &c2);
	assert_int_equal(c2.layers_used, 6);
	assert_int_equal(c2.layers_skipped, 1);
	assert_true(c2.cmh.value == c.cmh.value);
	stats_table_release(&more[6]);
	for (int k = 0; k < 6; k++)
		stats_table_release(&layers[k]);
	ref_free(&rf);
}

static void test_refused(void **state)
{
	stats_table t[2];
	stats_table_init(&t[0], 2, 2);
	stats_table_init(&t[1], 2, 3);
	stats_cmh c;
	stats_cmh_test(t, 2, 0.95, &c);
	assert_false(c.cmh.ok);
	assert_string_equal(c.cmh.why, "a layer is not 2x2");
	assert_true(isnan(c.cmh.p));
	stats_cmh_test(t, 1, 0.95, &c);   /* one empty layer */
	assert_false(c.cmh.ok);
	assert_true(isnan(c.odds_ratio.value));
	stats_cmh_test(t, 0, 0.95, &c);
	assert_false(c.cmh.ok);
	stats_table_release(&t[0]);
	stats_table_release(&t[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ucb),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

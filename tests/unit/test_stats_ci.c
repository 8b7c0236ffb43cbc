/* test_stats_ci.c: proportion confidence intervals (Wilson, Clopper-Pearson, Agresti-Coull,
 * Jeffreys) against R, at the bounds x = 0 and x = n, with weights; one-way frequencies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "stats/ci.h"
#include "test_stats_ref.h"

static void test_references(void **state)
{
	ref_file rf;
	assert_int_equal(ref_load(&rf, "ci.ref"), 0);
	ref_failures = 0;
	int cases = 0;
	for (int k = 1;; k++) {
		char key[64];
		snprintf(key, sizeof key, "case%d", k);
		const ref_entry *c = ref_get(&rf, key);
		if (!c)
			break;
		cases++;
		for (int m = 0; m < STATS_CI_NMETHODS; m++) {
			snprintf(key, sizeof key, "case%d.%s", k, stats_ci_method_name(m));
			const ref_entry *e = ref_get(&rf, key);
			assert_non_null(e);
			double lo, hi;
			assert_int_equal(stats_prop_ci(c->v[0], c->v[1], 0.95, m, &lo, &hi), 0);
			ref_check("ci low", key, lo, e->v[0], 1e-6, 1e-12);
			ref_check("ci high", key, hi, e->v[1], 1e-6, 1e-12);
		}
	}
	assert_int_equal(cases, 7);
	assert_int_equal(ref_failures, 0);
	ref_free(&rf);
}

static void test_names_and_errors(void **state)
{
	for (int m = 0; m < STATS_CI_NMETHODS; m++)
		assert_int_equal(stats_ci_method_parse(stats_ci_method_name(m)), m);
	assert_int_equal(stats_ci_method_parse("wald"), -1);
	double lo, hi;
	assert_int_equal(stats_prop_ci(1, 0, 0.95, STATS_CI_WILSON, &lo, &hi), -1);
	assert_true(isnan(lo) && isnan(hi));
	assert_int_equal(stats_prop_ci(5, 4, 0.95, STATS_CI_WILSON, &lo, &hi), -1);
	assert_int_equal(stats_prop_ci(NAN, 4, 0.95, STATS_CI_JEFFREYS, &lo, &hi), -1);
	assert_int_equal(stats_prop_ci(2, 4, 1.0, STATS_CI_WILSON, &lo, &hi), -1);
	/* the bounds never ask GSL for a beta quantile with a zero parameter (which never returns) */
	for (int m = 0; m < STATS_CI_NMETHODS; m++) {
		assert_int_equal(stats_prop_ci(0, 1e6, 0.99, m, &lo, &hi), 0);
		assert_true(lo == 0 && hi > 0 && hi < 1e-4);
		assert_int_equal(stats_prop_ci(1e6, 1e6, 0.99, m, &lo, &hi), 0);
		assert_true(hi == 1 && lo > 1 - 1e-4);
	}
	/* where gsl_cdf_beta_Qinv gives NaN: R's qbeta(0.995, 0.5, 1e6 + 0.5) */
	assert_int_equal(stats_prop_ci(0, 1e6, 0.99, STATS_CI_JEFFREYS, &lo, &hi), 0);
	assert_true(fabs(hi - 3.9397105427012222e-06) < 1e-9 * 3.9e-6);
}

static void test_freq(void **state)
{
	double counts[] = { 10, 30, 0, 60 };
	stats_freq_row r[4];
	stats_freq(counts, 4, 25, 0.95, STATS_CI_WILSON, r);
	assert_true(r[1].count == 30);
	assert_true(fabs(r[1].percent - 24) < 1e-12);
	assert_true(fabs(r[1].valid_percent - 30) < 1e-12);
	assert_true(fabs(r[1].cum_percent - 40) < 1e-12);
	assert_true(fabs(r[3].cum_percent - 100) < 1e-12);
	double lo, hi;
	stats_prop_ci(30, 100, 0.95, STATS_CI_WILSON, &lo, &hi);
	assert_true(fabs(r[1].ci_low - 100 * lo) < 1e-12 && fabs(r[1].ci_high - 100 * hi) < 1e-12);
	assert_true(r[2].ci_low == 0);
	/* nothing valid: percents of valid cases are undefined, not 0 */
	double none[] = { 0, 0 };
	stats_freq(none, 2, 5, 0.95, STATS_CI_WILSON, r);
	assert_true(r[0].percent == 0);
	assert_true(isnan(r[0].valid_percent) && isnan(r[0].cum_percent) && isnan(r[0].ci_low));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_names_and_errors),
		cmocka_unit_test(test_freq),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_stats_summary.c: means, standard deviations and R's nine quantile types, unweighted,
 * and with sampling weights as survey's svyvar and svyquantile(qrule = "hf7"), against R
 * (mtcars$mpg, weights mtcars$carb); weighted results do not depend on the weights' scale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "stats/summary.h"
#include "test_stats_ref.h"

static void test_references(void **state)
{
	ref_file rf;
	assert_int_equal(ref_load(&rf, "summary.ref"), 0);
	const ref_entry *x = ref_get(&rf, "x"), *w = ref_get(&rf, "w"), *pr = ref_get(&rf, "probs");
	assert_non_null(x);
	assert_non_null(w);
	assert_non_null(pr);
	ref_failures = 0;
	char err[ERR_MAX], key[64];
	double out[16];
	for (int ty = 1; ty <= 9; ty++) {
		snprintf(key, sizeof key, "quantile.type%d", ty);
		const ref_entry *e = ref_get(&rf, key);
		assert_int_equal(stats_quantiles(x->v, NULL, x->n, pr->v, pr->n, ty, out, err), 0);
		for (int q = 0; q < pr->n; q++)
			ref_check("quantile", key, out[q], e->v[q], 1e-9, 1e-12);
		/* sampling weights: type 7 only */
		int rc = stats_quantiles(x->v, w->v, x->n, pr->v, pr->n, ty, out, err);
		assert_int_equal(rc, ty == 7 ? 0 : -1);
	}
	const ref_entry *hf7 = ref_get(&rf, "svyquantile.hf7");
	assert_non_null(hf7);
	double ws[64];
	for (double scale = 1e-5; scale < 1e6; scale *= 100) {
		for (int i = 0; i < w->n; i++)
			ws[i] = w->v[i] * scale;
		assert_int_equal(stats_quantiles(x->v, ws, x->n, pr->v, pr->n, 7, out, err), 0);
		for (int q = 0; q < pr->n; q++)
			ref_check("svyquantile hf7", "svyquantile.hf7", out[q], hf7->v[q], 1e-9, 1e-12);
	}
	stats_moments m, mw;
	stats_moments_init(&m);
	stats_moments_init(&mw);
	for (int i = 0; i < x->n; i++) {
		assert_int_equal(stats_moments_add(&m, x->v[i], 1), 0);
		assert_int_equal(stats_moments_add(&mw, x->v[i], w->v[i]), 0);
	}
	ref_check("mean", "mean", stats_moments_mean(&m), ref_num(&rf, "mean"), 1e-12, 0);
	ref_check("sd", "sd", stats_moments_sd(&m), ref_num(&rf, "sd"), 1e-12, 0);
	ref_check("wmean", "wmean", stats_moments_mean(&mw), ref_num(&rf, "wmean"), 1e-12, 0);
	ref_check("svyvar", "svyvar.sd", stats_moments_sd(&mw), ref_num(&rf, "svyvar.sd"), 1e-12,
		  0);
	/* equal weights of any size: sd(); weights times 0.01: the same as unscaled */
	stats_moments me, ms;
	stats_moments_init(&me);
	stats_moments_init(&ms);
	for (int i = 0; i < x->n; i++) {
		stats_moments_add(&me, x->v[i], 0.05);
		stats_moments_add(&ms, x->v[i], w->v[i] * 0.01);
	}
	ref_check("sd, weights 0.05", "sd", stats_moments_sd(&me), ref_num(&rf, "sd"), 1e-12, 0);
	ref_check("svyvar, weights / 100", "svyvar.sd", stats_moments_sd(&ms),
		  ref_num(&rf, "svyvar.sd"), 1e-12, 0);
	double eq[64];
	for (int i = 0; i < x->n; i++)
		eq[i] = 0.05;
	const ref_entry *t7 = ref_get(&rf, "quantile.type7");
	assert_int_equal(stats_quantiles(x->v, eq, x->n, pr->v, pr->n, 7, out, err), 0);
	for (int q = 0; q < pr->n; q++)
		ref_check("weights 0.05: quantile type 7", "quantile.type7", out[q], t7->v[q], 1e-9,
			  1e-12);
	assert_true(m.n_cases == 32 && mw.n_cases == 32);
	assert_int_equal(ref_failures, 0);
	ref_free(&rf);
}

static void test_edges(void **state)
{
	char err[ERR_MAX];
	double p[] = { 0.5 }, out[1];
	double x[] = { NAN, 3, NAN };
	assert_int_equal(stats_quantiles(x, NULL, 3, p, 1, 7, out, err), 0);
	assert_true(out[0] == 3);
	double none[] = { NAN };
	assert_int_equal(stats_quantiles(none, NULL, 1, p, 1, 7, out, err), -1);
	assert_string_equal(err, "no values");
	assert_true(isnan(out[0]));
	assert_int_equal(stats_quantiles(x, NULL, 3, p, 1, 10, out, err), -1);
	double bad[] = { 1.5 };
	assert_int_equal(stats_quantiles(x, NULL, 3, bad, 1, 7, out, err), -1);
	double w[] = { 1, -1, 1 };
	assert_int_equal(stats_quantiles(x, w, 3, p, 1, 7, out, err), -1);
	stats_moments m;
	stats_moments_init(&m);
	assert_true(isnan(stats_moments_mean(&m)) && isnan(stats_moments_sd(&m)));
	assert_int_equal(stats_moments_add(&m, 4, 1), 0);
	assert_true(stats_moments_mean(&m) == 4 && isnan(stats_moments_var(&m)));   /* n = 1 */
	/* two values with a total weight below 1 still have a variance (issue 14) */
	stats_moments small;
	stats_moments_init(&small);
	stats_moments_add(&small, 1, 0.1);
	stats_moments_add(&small, 3, 0.1);
	assert_true(fabs(stats_moments_var(&small) - 2) < 1e-12);
	/* tied values: the order of the cases does not matter */
	double tx[] = { 1, 2, 2, 3 }, tw1[] = { 1, 1, 5, 1 }, tw2[] = { 1, 5, 1, 1 }, q1, q2;
	double quart[] = { 0.25 };
	assert_int_equal(stats_quantiles(tx, tw1, 4, quart, 1, 7, &q1, err), 0);
	assert_int_equal(stats_quantiles(tx, tw2, 4, quart, 1, 7, &q2, err), 0);
	assert_true(q1 == q2);
	assert_int_equal(stats_moments_add(&m, NAN, 1), 1);
	assert_int_equal(stats_moments_add(&m, 4, 0), 1);
	assert_int_equal(stats_moments_add(&m, 4, -2), -1);
	assert_int_equal(stats_moments_add(&m, INFINITY, 1), -1);
	/* a large offset does not destroy the variance (West's update, not sum of squares) */
	stats_moments_init(&m);
	for (int i = 0; i < 1000; i++)
		stats_moments_add(&m, 1e9 + (i % 2), 1);
	assert_true(fabs(stats_moments_var(&m) - 0.25 * 1000 / 999) < 1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

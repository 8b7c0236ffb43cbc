/* test_stats_fisher.c: Fisher's exact test — exact r x c against R, the Monte Carlo path within
 * its error of R's and of the exact p, seeds, work limits, and tables it must refuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <time.h>

#include "stats/fisher.h"
#include "test_stats_ref.h"

static void make(stats_table *t, int r, int c, const double *x)
{
	stats_table_from_counts(t, r, c, x);
}

/* Job satisfaction (Agresti): exact 0.7826849389656388 (R), Monte Carlo within 4 standard
 * errors of it and of R's own simulation (B = 1e5). */
static const double job[] = { 1, 3, 10, 6, 2, 3, 10, 7, 1, 6, 14, 12, 0, 1, 9, 11 };

static void test_exact_rxc(void **state)
{
	ref_file rf;
	assert_int_equal(ref_load(&rf, "job.ref"), 0);
	stats_table t;
	make(&t, 4, 4, job);
	stats_fisher f;
	stats_fisher_test(&t, NULL, &f);
	assert_int_equal(f.method, STATS_FISHER_EXACT);
	assert_string_equal(stats_fisher_method_name(f.method), "exact");
	assert_true(ref_close(f.two_sided.p, ref_num(&rf, "fisher_exact.p"), 1e-6, 1e-12));
	assert_true(f.work > 0);
	stats_table_release(&t);
	ref_free(&rf);
	/* small tables, checked against R's fisher.test by hand */
	static const struct {
		int r, c;
		double x[15], p;
	} cases[] = {
		{ 3, 3, { 1, 8, 2, 4, 0, 10, 0, 4, 3 }, 0.000401535048830986 },
		{ 2, 3, { 10, 2, 3, 1, 8, 9 }, 0.00091329547450383 },
		{ 5, 3, { 2, 0, 0, 3, 1, 0, 0, 2, 4, 1, 0, 0, 5, 2, 3 }, 0.118003300598533 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		make(&t, cases[i].r, cases[i].c, cases[i].x);
		stats_fisher_test(&t, NULL, &f);
		assert_int_equal(f.method, STATS_FISHER_EXACT);
		if (!ref_close(f.two_sided.p, cases[i].p, 1e-6, 1e-12))
			fail_msg("case %zu: p %.15g, R %.15g", i, f.two_sided.p, cases[i].p);
		/* the transposed table has the same p */
		double tx[15];
		for (int a = 0; a < cases[i].r; a++)
			for (int b = 0; b < cases[i].c; b++)
				tx[b * cases[i].r + a] = cases[i].x[a * cases[i].c + b];
		stats_table tt;
		make(&tt, cases[i].c, cases[i].r, tx);
		stats_fisher g;
		stats_fisher_test(&tt, NULL, &g);
		assert_true(ref_close(g.two_sided.p, cases[i].p, 1e-6, 1e-12));
		stats_table_release(&tt);
		stats_table_release(&t);
	}
}

static void test_tied_2x2(void **state)
{
	/* PSPP's strict comparison gives 0.2429; tables as probable as the observed one count */
	double x[] = { 3, 1, 1, 3 };
	stats_table t;
	make(&t, 2, 2, x);
	stats_fisher f;
	stats_fisher_test(&t, NULL, &f);
	assert_true(ref_close(f.two_sided.p, 0.485714285714286, 1e-9, 0));
	assert_true(ref_close(f.less.p, 0.985714285714286, 1e-9, 0));
	assert_true(ref_close(f.greater.p, 0.242857142857143, 1e-9, 0));
	stats_table_release(&t);
}

static void test_monte_carlo(void **state)
{
	ref_file rf, jf;
	assert_int_equal(ref_load(&rf, "fisher_mc.ref"), 0);
	assert_int_equal(ref_load(&jf, "job.ref"), 0);
	double p_exact = ref_num(&jf, "fisher_exact.p"), p_r = ref_num(&rf, "job.mc.p");
	stats_table t;
	make(&t, 4, 4, job);
	stats_fisher_opts o = { .monte_carlo = 1, .samples = 100000, .seed = 20240601 };
	stats_fisher f, g;
	stats_fisher_test(&t, &o, &f);
	assert_int_equal(f.method, STATS_FISHER_MONTE_CARLO);
	assert_string_equal(stats_fisher_method_name(f.method), "monte-carlo");
	assert_int_equal(f.samples, 100000);
	double se = sqrt(p_exact * (1 - p_exact) / 1e5);
	assert_true(fabs(f.two_sided.p - p_exact) < 4 * se);
	assert_true(fabs(f.two_sided.p - p_r) < 4 * sqrt(2) * se);
	assert_true(ref_close(f.mc_se, sqrt(f.two_sided.p * (1 - f.two_sided.p) / 1e5), 1e-12, 0));
	/* same seed, same p; the work limit also sends the test to Monte Carlo */
	stats_fisher_opts o2 = { .work_limit = 100, .samples = 100000, .seed = 20240601 };
	stats_fisher_test(&t, &o2, &g);
	assert_int_equal(g.method, STATS_FISHER_MONTE_CARLO);
	assert_true(g.two_sided.p == f.two_sided.p);
	stats_table_release(&t);
	ref_free(&rf);
	ref_free(&jf);
}

/* The sampler reproduces the exact distribution: Monte Carlo p within 4 standard errors of the
 * exact p on tables with very different margins. */
static void test_sampler(void **state)
{
	static const struct {
		int r, c;
		double x[12];
	} cases[] = {
		{ 2, 3, { 10, 2, 3, 1, 8, 9 } },
		{ 3, 3, { 5, 3, 2, 2, 6, 3, 1, 2, 7 } },
		{ 3, 4, { 0, 4, 2, 9, 3, 3, 0, 1, 12, 1, 1, 2 } },
		{ 2, 4, { 40, 31, 22, 17, 35, 36, 25, 12 } },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		stats_table t;
		make(&t, cases[i].r, cases[i].c, cases[i].x);
		stats_fisher e, m;
		stats_fisher_opts o = { .monte_carlo = 1, .samples = 40000, .seed = i + 1 };
		stats_fisher_test(&t, NULL, &e);
		stats_fisher_test(&t, &o, &m);
		assert_int_equal(e.method, STATS_FISHER_EXACT);
		double p = e.two_sided.p, se = sqrt(fmax(p * (1 - p), 1e-4) / 40000);
		if (fabs(m.two_sided.p - p) > 4 * se)
			fail_msg("case %zu: exact %.6f, Monte Carlo %.6f", i, p, m.two_sided.p);
		stats_table_release(&t);
	}
}

/* Tens of thousands per cell: 2x2 exact with no overflow; r x c goes to Monte Carlo at once. */
static void test_large_counts(void **state)
{
	ref_file rf;
	assert_int_equal(ref_load(&rf, "big.ref"), 0);
	double x[] = { 40000, 30000, 35000, 45000 };
	stats_table t;
	make(&t, 2, 2, x);
	stats_fisher f;
	stats_fisher_test(&t, NULL, &f);
	assert_true(ref_close(f.two_sided.p, ref_num(&rf, "fisher_exact.p"), 1e-6, 1e-12));
	assert_true(ref_close(f.less.p, ref_num(&rf, "fisher.less.p"), 1e-6, 1e-12));
	stats_table_release(&t);
	ref_free(&rf);
	double y[] = { 21000, 18000, 20000, 19000, 22000, 20000, 20500, 20000, 19500 };
	make(&t, 3, 3, y);
	clock_t t0 = clock();
	stats_fisher_opts o = { .samples = 2000, .seed = 7 };
	stats_fisher_test(&t, &o, &f);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(f.method, STATS_FISHER_MONTE_CARLO);
	assert_true(f.work == 0);             /* the exact search was not even tried */
	assert_true(f.two_sided.p == 1.0 / 2001);
	assert_true(secs < 5);
	stats_table_release(&t);
}

static void test_refused(void **state)
{
	double x[] = { 1.5, 2, 3, 4 };
	stats_table t;
	make(&t, 2, 2, x);
	stats_fisher f;
	stats_fisher_test(&t, NULL, &f);
	assert_int_equal(f.method, STATS_FISHER_NONE);
	assert_false(f.two_sided.ok);
	assert_string_equal(f.two_sided.why, "counts are not whole numbers");
	assert_true(isnan(f.two_sided.p));
	stats_table_release(&t);
	double y[] = { 0, 0, 3, 4 };
	make(&t, 2, 2, y);
	stats_fisher_test(&t, NULL, &f);
	assert_false(f.two_sided.ok);
	assert_true(isnan(f.two_sided.p));
	stats_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_rxc),
		cmocka_unit_test(test_tied_2x2),
		cmocka_unit_test(test_monte_carlo),
		cmocka_unit_test(test_sampler),
		cmocka_unit_test(test_large_counts),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

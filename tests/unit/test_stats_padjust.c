/* test_stats_padjust.c: Bonferroni and Holm adjustments against R's p.adjust (NA kept, not
 * counted), and a singular Rao-Scott design (empty 2x2 block of cells) that gives no
 * statistic at every scale of the weights, as R's svychisq stops there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "stats/design.h"
#include "stats/padjust.h"
#include "util/util.h"

static void test_p_adjust(void **state)
{
	/* R: p <- c(0.01, 0.04, 0.03, NA, 0.5, 0.04); p.adjust(p, "holm"); p.adjust(p, "bonferroni") */
	double p[] = { 0.01, 0.04, 0.03, NAN, 0.5, 0.04 }, out[6];
	double holm[] = { 0.05, 0.12, 0.12, NAN, 0.5, 0.12 };
	double bonf[] = { 0.05, 0.2, 0.15, NAN, 1, 0.2 };
	stats_p_adjust(p, 6, STATS_ADJUST_HOLM, out);
	for (int k = 0; k < 6; k++)
		assert_true(isnan(holm[k]) ? isnan(out[k]) : fabs(out[k] - holm[k]) < 1e-15);
	stats_p_adjust(p, 6, STATS_ADJUST_BONFERRONI, out);
	for (int k = 0; k < 6; k++)
		assert_true(isnan(bonf[k]) ? isnan(out[k]) : fabs(out[k] - bonf[k]) < 1e-15);
	stats_p_adjust(p, 6, STATS_ADJUST_HOLM, p);   /* in place */
	assert_true(fabs(p[1] - 0.12) < 1e-15);
	stats_p_adjust(NULL, 0, STATS_ADJUST_HOLM, out);
	assert_string_equal(stats_p_adjust_name(STATS_ADJUST_HOLM), "holm");
}

static void test_singular_design(void **state)
{
	/* rows a, b, c x columns x, y, z; (a, b) x (x, y) empty (tests/fixtures/analysis/wsing.csv:
	 * R's svychisq says "system is computationally singular") */
	static const int n_cell[] = { 8, 7, 9, 8, 8 }, r_cell[] = { 0, 1, 2, 2, 2 },
			 c_cell[] = { 2, 2, 0, 1, 2 };
	static const double wv[] = { 1.5, 2.25, 0.75, 3.125, 1.875 };
	int row[40], col[40];
	double w[40];
	size_t n = 0;
	for (int k = 0; k < 5; k++)
		for (int q = 0; q < n_cell[k]; q++, n++) {
			row[n] = r_cell[k];
			col[n] = c_cell[k];
		}
	for (double scale = 1e-2; scale < 1e6; scale *= 1000) {
		for (size_t i = 0; i < n; i++)
			w[i] = wv[(i + 1) % 5] * 37 * scale;
		stats_design d = { .n = n, .weight = w };
		stats_design_prep *dp;
		char err[ERR_MAX];
		assert_int_equal(stats_design_prepare(&d, &dp, err), 0);
		stats_rao_scott rs;
		assert_int_equal(stats_rao_scott_test(dp, row, col, 3, 3, &rs, err), 0);
		assert_false(rs.f.ok);
		assert_false(rs.chisq.ok);
		assert_non_null(strstr(rs.f.why, "computationally singular"));
		/* a cell of the block filled: no longer singular */
		int row2[41], col2[41];
		double w2[41];
		memcpy(row2, row, sizeof row);
		memcpy(col2, col, sizeof col);
		memcpy(w2, w, sizeof w);
		row2[40] = 0, col2[40] = 0, w2[40] = 50 * scale;
		stats_design d2 = { .n = 41, .weight = w2 };
		stats_design_prep *dp2;
		assert_int_equal(stats_design_prepare(&d2, &dp2, err), 0);
		assert_int_equal(stats_rao_scott_test(dp2, row2, col2, 3, 3, &rs, err), 0);
		assert_true(rs.f.ok);
		stats_design_free(dp2);
		stats_design_free(dp);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_p_adjust),
		cmocka_unit_test(test_singular_design),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

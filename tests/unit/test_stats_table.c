/* test_stats_table.c: counting coded cases into a table (one pass, streaming), margins, empty
 * rows and columns, cell quantities and their undefined values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "stats/table.h"
#include "util/util.h"

static void test_add(void **state)
{
	stats_table t;
	stats_table_init(&t, 2, 3);
	assert_int_equal(stats_table_add(&t, 0, 2, 1.5), 0);
	assert_int_equal(stats_table_add(&t, 1, 0, 2), 0);
	assert_int_equal(stats_table_add(&t, 1, 2, 0), 0);        /* zero weight: a case, no count */
	assert_int_equal(stats_table_add(&t, -1, 2, 4), 1);       /* missing */
	assert_int_equal(stats_table_add(&t, 1, -1, 1), 1);
	assert_int_equal(stats_table_add(&t, 2, 0, 1), -1);       /* code out of range */
	assert_int_equal(stats_table_add(&t, 0, 3, 1), -1);
	assert_int_equal(stats_table_add(&t, 0, 0, -1), -1);      /* bad weights */
	assert_int_equal(stats_table_add(&t, 0, 0, NAN), -1);
	assert_int_equal(stats_table_add(&t, 0, 0, INFINITY), -1);
	assert_true(stats_table_get(&t, 0, 2) == 1.5 && stats_table_get(&t, 1, 0) == 2);
	assert_true(t.row_tot[0] == 1.5 && t.row_tot[1] == 2);
	assert_true(t.col_tot[0] == 2 && t.col_tot[1] == 0 && t.col_tot[2] == 1.5);
	assert_true(t.total == 3.5);
	assert_true(t.n_cases == 3);
	assert_true(t.n_missing == 2 && t.w_missing == 5);
	assert_false(stats_table_is_whole(&t));
	stats_table_release(&t);
	stats_table_release(&t);   /* twice is harmless */
	stats_table_release(NULL);
}

static void test_from_cases(void **state)
{
	char err[ERR_MAX];
	int row[] = { 0, 1, 1, -1, 0 }, col[] = { 1, 1, 0, 0, 1 };
	double w[] = { 1, 2, 3, 4, 5 };
	stats_table t;
	assert_int_equal(stats_table_from_cases(&t, 2, 2, row, col, w, 5, err), 0);
	assert_true(stats_table_get(&t, 0, 1) == 6 && stats_table_get(&t, 1, 0) == 3);
	assert_true(t.n_missing == 1);
	stats_table_release(&t);
	assert_int_equal(stats_table_from_cases(&t, 2, 2, row, col, NULL, 5, err), 0);
	assert_true(stats_table_get(&t, 0, 1) == 2 && t.total == 4);
	assert_true(stats_table_is_whole(&t));
	stats_table_release(&t);
	row[2] = 2;
	assert_int_equal(stats_table_from_cases(&t, 2, 2, row, col, w, 5, err), -1);
	assert_string_equal(err, "case 3: row code 2 is not below 2");
	assert_null(t.cell);
	row[2] = 1;
	w[4] = -1;
	assert_int_equal(stats_table_from_cases(&t, 2, 2, row, col, w, 5, err), -1);
	assert_string_equal(err, "case 5: weight -1 is not a non-negative number");
}

static void test_compact(void **state)
{
	double x[] = { 1, 0, 2, 0, 0, 0, 3, 0, 4 };
	stats_table t, c;
	stats_table_from_counts(&t, 3, 3, x);
	int rm[3], cm[3];
	assert_int_equal(stats_table_compact(&t, &c, rm, cm), 2);
	assert_int_equal(c.nrow, 2);
	assert_int_equal(c.ncol, 2);
	assert_int_equal(rm[0], 0);
	assert_int_equal(rm[1], 2);
	assert_int_equal(cm[1], 2);
	assert_true(stats_table_get(&c, 1, 1) == 4 && c.row_tot[1] == 7 && c.col_tot[0] == 4);
	assert_true(c.total == 10);
	stats_table_release(&c);
	stats_table_release(&t);
}

static void test_cells(void **state)
{
	double x[] = { 10, 20, 30, 40 };
	stats_table t;
	stats_table_from_counts(&t, 2, 2, x);
	/* E11 = 30 * 40 / 100 = 12 */
	assert_true(stats_cell(&t, 0, 0, STATS_CELL_COUNT) == 10);
	assert_true(fabs(stats_cell(&t, 0, 0, STATS_CELL_EXPECTED) - 12) < 1e-12);
	assert_true(fabs(stats_cell(&t, 0, 0, STATS_CELL_RESIDUAL) + 2) < 1e-12);
	assert_true(fabs(stats_cell(&t, 0, 0, STATS_CELL_STD_RESIDUAL) + 2 / sqrt(12)) < 1e-12);
	assert_true(fabs(stats_cell(&t, 0, 0, STATS_CELL_ADJ_RESIDUAL)
	                 + 2 / sqrt(12 * 0.7 * 0.6)) < 1e-12);
	assert_true(fabs(stats_cell(&t, 0, 1, STATS_CELL_ROW_PCT) - 100.0 * 20 / 30) < 1e-12);
	assert_true(fabs(stats_cell(&t, 0, 1, STATS_CELL_COL_PCT) - 100.0 * 20 / 60) < 1e-12);
	assert_true(fabs(stats_cell(&t, 1, 1, STATS_CELL_TOTAL_PCT) - 40) < 1e-12);
	assert_true(isnan(stats_cell(&t, 2, 0, STATS_CELL_COUNT)));
	for (int k = 0; k < STATS_CELL_NKINDS; k++)
		assert_int_equal(stats_cell_kind_parse(stats_cell_kind_name(k)), k);
	assert_int_equal(stats_cell_kind_parse("percent"), -1);
	int cells;
	double min;
	assert_int_equal(stats_table_small_expected(&t, 5, &cells, &min), 0);
	assert_int_equal(cells, 4);
	assert_true(fabs(min - 12) < 1e-12);
	stats_table_release(&t);
	/* a zero row: its percents and residuals are undefined, not 0 */
	double y[] = { 0, 0, 3, 5 };
	stats_table_from_counts(&t, 2, 2, y);
	assert_true(isnan(stats_cell(&t, 0, 0, STATS_CELL_ROW_PCT)));
	assert_true(isnan(stats_cell(&t, 0, 0, STATS_CELL_STD_RESIDUAL)));
	assert_true(isnan(stats_cell(&t, 0, 0, STATS_CELL_ADJ_RESIDUAL)));
	assert_true(stats_cell(&t, 0, 0, STATS_CELL_EXPECTED) == 0);
	assert_int_equal(stats_table_small_expected(&t, 5, &cells, &min), 1);
	assert_int_equal(cells, 2);
	stats_table_release(&t);
	stats_table_init(&t, 1, 1);
	assert_true(isnan(stats_cell(&t, 0, 0, STATS_CELL_EXPECTED)));
	assert_true(isnan(stats_cell(&t, 0, 0, STATS_CELL_TOTAL_PCT)));
	stats_table_release(&t);
}

/* A million cases streamed one at a time: nothing held but the table. */
static void test_stream(void **state)
{
	stats_table t;
	stats_table_init(&t, 5, 4);
	uint32_t s = 12345;
	for (int i = 0; i < 1000000; i++) {
		s = s * 1664525u + 1013904223u;
		assert_int_equal(stats_table_add(&t, (int)(s >> 28) % 5, (int)(s >> 24) % 4, 1), 0);
	}
	assert_true(t.total == 1e6 && t.n_cases == 1e6);
	double sum = 0;
	for (int i = 0; i < 5; i++)
		sum += t.row_tot[i];
	assert_true(sum == 1e6);
	stats_table_scale(&t, 0.5);
	assert_true(t.total == 5e5 && t.n_cases == 1e6);
	stats_table_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_from_cases),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_stream),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

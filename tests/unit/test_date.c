/* test_date.c: the calendar primitive — days from 1970-01-01 and back across centuries, leap
 * years (1900 no, 2000 yes), negative days, month lengths; checked against timegm. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <time.h>

#include "util/date.h"

static void test_known_days(void **state)
{
	(void)state;
	assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(date_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(date_days_from_civil(1960, 1, 1), -3653);
	assert_int_equal(date_days_from_civil(1582, 10, 14), -141428);
	assert_int_equal(date_days_from_civil(0, 1, 1), -719528);
	int y, m, d;
	date_civil_from_days(-719528, &y, &m, &d);
	assert_true(y == 0 && m == 1 && d == 1);
	date_civil_from_days(2932896, &y, &m, &d);
	assert_true(y == 9999 && m == 12 && d == 31);
}

static void test_round_trip(void **state)
{
	(void)state;
	/* every day from 1899 to 2101, against timegm */
	for (long long z = date_days_from_civil(1899, 1, 1); z < date_days_from_civil(2101, 1, 1);
	     z++) {
		int y, m, d;
		date_civil_from_days(z, &y, &m, &d);
		assert_int_equal(date_days_from_civil(y, m, d), z);
		struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
		assert_int_equal((long long)timegm(&tm), z * 86400);
		assert_true(d >= 1 && d <= date_days_in_month(y, m));
	}
}

static void test_month_lengths(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2023, 2), 28);
	assert_int_equal(date_days_in_month(2023, 4), 30);
	assert_int_equal(date_days_in_month(2023, 12), 31);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_month_lengths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

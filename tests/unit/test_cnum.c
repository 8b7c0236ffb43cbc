/* test_cnum.c: the C-locale number primitive — parsing with '.', 15 and 17 significant digits,
 * the text for NaN and infinities, and sb formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "util/cnum.h"

static void test_strtod(void **state)
{
	(void)state;
	char *end;
	assert_true(cnum_strtod("0.5", &end) == 0.5);
	assert_string_equal(end, "");
	assert_true(cnum_strtod("-12.25e1 x", &end) == -122.5);
	assert_string_equal(end, " x");
	assert_true(cnum_strtod("0,5", &end) == 0);   /* a comma ends the number */
	assert_string_equal(end, ",5");
}

static void test_text(void **state)
{
	(void)state;
	char b[32];
	assert_string_equal(cnum_text(b, 0.1, 17, "null"), "0.10000000000000001");
	assert_string_equal(cnum_text(b, 0.1, 15, NULL), "0.1");
	assert_string_equal(cnum_text(b, 10, 15, NULL), "10");
	assert_string_equal(cnum_text(b, NAN, 17, "null"), "null");
	assert_string_equal(cnum_text(b, INFINITY, 17, ""), "");
	assert_string_equal(cnum_text(b, -INFINITY, 15, NULL), "-inf");
	assert_true(cnum_strtod(cnum_text(b, M_PI, 17, NULL), NULL) == M_PI);
}

static void test_addf(void **state)
{
	(void)state;
	strbuf sb = STRBUF_INIT;
	cnum_addf(&sb, "%.15g;%d;%.2f", 2.5, 3, 0.125);
	assert_string_equal(sb_str(&sb), "2.5;3;0.12");
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtod),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_addf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

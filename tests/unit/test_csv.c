/* test_csv: util/csv, the RFC 4180 scanner both CSV readers share — separators sniffed, quoted
 * fields with "" and line breaks, the record ends counted, and what the strict reader refuses
 * while the lenient one keeps it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/csv.h"
#include "util/util.h"

static csv_scan scan_of(const char *s)
{
	csv_scan c = { .p = s, .end = s + strlen(s), .line = 1 };
	c.sep = csv_sniff(c.p, c.end, 0);
	return c;
}

static void test_sniff(void **state)
{
	const char *s = "a;b;c,d\n1,2,3";
	assert_int_equal(csv_sniff(s, s + strlen(s), 0), ';');
	s = "title\na,b;c,d";   /* a line with neither: passed over only with skip_bare */
	assert_int_equal(csv_sniff(s, s + strlen(s), 1), ',');
	s = "\"a;b;c\",d\n";    /* quoted separators do not count */
	assert_int_equal(csv_sniff(s, s + strlen(s), 0), ',');
}

static void test_fields(void **state)
{
	csv_scan c = scan_of("a,\"b \"\"q\"\"\nc\",d\r\ne\rf\n");
	strbuf f = STRBUF_INIT;
	int at;
	const char *want[] = { "a", "b \"q\"\nc", "d" };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(csv_scan_field(&c, &f, 1, 100, &at), CSV_OK);
		assert_string_equal(sb_str(&f), want[i]);
		assert_int_equal(csv_scan_next(&c), i < 2);
	}
	assert_int_equal(c.line, 3);   /* the quoted line break counts */
	assert_int_equal(csv_scan_field(&c, &f, 1, 100, &at), CSV_OK);
	assert_string_equal(sb_str(&f), "e");
	assert_int_equal(csv_scan_next(&c), 0);
	assert_int_equal(csv_scan_field(&c, &f, 1, 100, &at), CSV_OK);
	assert_int_equal(csv_scan_next(&c), 0);
	assert_int_equal(c.eol_kinds, 1 | 2 | 4);
	assert_true(c.p == c.end);
	sb_release(&f);
}

static void test_strict_lenient(void **state)
{
	strbuf f = STRBUF_INIT;
	int at;
	csv_scan c = scan_of("\"ab\"cd,x");
	assert_int_equal(csv_scan_field(&c, &f, 1, 100, &at), CSV_AFTER_QUOTE);
	c = scan_of("\"ab\"cd,x");
	assert_int_equal(csv_scan_field(&c, &f, 0, 100, &at), CSV_OK);
	assert_string_equal(sb_str(&f), "abcd");
	c = scan_of("a\"b,x");
	assert_int_equal(csv_scan_field(&c, &f, 1, 100, &at), CSV_QUOTE_INSIDE);
	c = scan_of("a\"b,x");
	assert_int_equal(csv_scan_field(&c, &f, 0, 100, &at), CSV_OK);
	assert_string_equal(sb_str(&f), "a\"b");
	c = scan_of("x\n\"never\nclosed");
	csv_scan_field(&c, &f, 0, 100, &at);
	csv_scan_next(&c);
	assert_int_equal(csv_scan_field(&c, &f, 0, 100, &at), CSV_UNCLOSED);
	assert_int_equal(at, 2);   /* where the quoted field began */
	c = scan_of("abcdef");
	assert_int_equal(csv_scan_field(&c, &f, 1, 5, &at), CSV_TOO_BIG);
	sb_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_strict_lenient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

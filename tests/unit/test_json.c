/* test_json.c: the JSON writer — the one string escaping rule (controls, DEL, quotes, invalid
 * UTF-8 as U+FFFD, Kyrgyz unchanged), numbers with '.' and null, and object keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json.h"

/* What f wrote, as a string the caller frees. */
static char *written(void (*put)(FILE *, const void *), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	put(f, arg);
	fclose(f);
	return buf;
}

static void put_str(FILE *f, const void *s)
{
	json_put_string(f, s);
}

static void put_num(FILE *f, const void *x)
{
	json_put_number(f, *(const double *)x);
}

static void expect_str(const char *in, const char *want)
{
	char *got = written(put_str, in);
	assert_string_equal(got, want);
	free(got);
}

static void test_strings(void **state)
{
	(void)state;
	expect_str(NULL, "null");
	expect_str("", "\"\"");
	expect_str("Ысык-Көл ң ү", "\"Ысык-Көл ң ү\"");
	expect_str("a\"b\\c", "\"a\\\"b\\\\c\"");
	expect_str("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	expect_str("\x01\x1b[2J\x7f", "\"\\u0001\\u001b[2J\\u007f\"");
	expect_str("x\xffy", "\"x\\ufffdy\"");             /* not UTF-8 */
	expect_str("\xd2", "\"\\ufffd\"");                 /* cut short */
	expect_str("\xc0\xaf", "\"\\ufffd\\ufffd\"");      /* overlong */
	expect_str("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");   /* a surrogate */
	expect_str("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
}

static void test_numbers(void **state)
{
	(void)state;
	static const struct { double x; const char *want; } cases[] = {
		{ 0.5, "0.5" }, { -3, "-3" }, { 1e300, "1.0000000000000001e+300" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = written(put_num, &cases[i].x);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
	double bad[] = { NAN, INFINITY, -INFINITY };
	for (size_t i = 0; i < 3; i++) {
		char *got = written(put_num, &bad[i]);
		assert_string_equal(got, "null");
		free(got);
	}
}

static void put_obj(FILE *f, const void *arg)
{
	(void)arg;
	int first = 1;
	fputc('{', f);
	json_put_key(f, "a", &first);
	json_put_string(f, "ы");
	json_put_key(f, "b\n", &first);
	fputs("1}", f);
}

static void test_keys(void **state)
{
	(void)state;
	char *got = written(put_obj, NULL);
	assert_string_equal(got, "{\"a\":\"ы\",\"b\\n\":1}");
	free(got);
}

/* The writer: commas and colons, nesting, breaks, and every kind of value. */
static void write_doc(FILE *f, const void *spaced)
{
	json_w w;
	jw_init(&w, f, *(const int *)spaced);
	jw_obj(&w);
	jw_key(&w, "n");
	jw_int(&w, -3);
	jw_key(&w, "xs");
	jw_arr(&w);
	jw_num(&w, 0.5);
	jw_num(&w, NAN);
	jw_null(&w);
	jw_bool(&w, 1);
	jw_arr(&w);
	jw_end(&w);
	jw_obj(&w);
	jw_end(&w);
	jw_end(&w);
	jw_break(&w, "\n ");
	jw_key(&w, "s\"");
	jw_str(&w, NULL);
	jw_key(&w, "alpha");
	jw_num_digits(&w, 0.05, 6);
	jw_key(&w, "m");
	jw_arr(&w);
	jw_break(&w, "\n  ");
	jw_obj(&w);
	jw_key(&w, "b");
	jw_bool(&w, 0);
	jw_end(&w);
	jw_break(&w, "\n  ");
	jw_str(&w, "к");
	jw_raw(&w, "1.5");
	jw_break(&w, "\n");   /* before the closing bracket */
	jw_end(&w);
	jw_end(&w);
}

static void test_writer(void **state)
{
	(void)state;
	int spaced = 1;
	char *got = written(write_doc, &spaced);
	assert_string_equal(got, "{\"n\": -3, \"xs\": [0.5, null, null, true, [], {}],\n \"s\\\"\": null, "
			    "\"alpha\": 0.05, \"m\": [\n  {\"b\": false},\n  \"к\", 1.5\n]}");
	free(got);
	spaced = 0;
	got = written(write_doc, &spaced);
	assert_string_equal(got, "{\"n\":-3,\"xs\":[0.5,null,null,true,[],{}],\n \"s\\\"\":null,"
			    "\"alpha\":0.05,\"m\":[\n  {\"b\":false},\n  \"к\",1.5\n]}");
	free(got);
}

/* The members in one call each, and a row of them from a table. */
static void write_members(FILE *f, const void *arg)
{
	(void)arg;
	static const char *const sk[] = { "a", "b" }, *const ik[] = { "i", "j" },
			 *const nk[] = { "x", "y" };
	const char *const sv[] = { "q\"", NULL };
	const long long iv[] = { -1, 1LL << 40 };
	const double nv[] = { 0.25, NAN };
	json_w w;
	jw_init(&w, f, 1);
	jw_obj(&w);
	jw_kstr(&w, "s", "т");
	jw_kint(&w, "n", 7);
	jw_knum(&w, "d", 1e-300);
	jw_kbool(&w, "t", 2);
	jw_kstrs(&w, sk, sv, 2);
	jw_kints(&w, ik, iv, 2);
	jw_knums(&w, nk, nv, 2);
	jw_kstrs(&w, sk, sv, 0);
	jw_end(&w);
}

static void test_members(void **state)
{
	(void)state;
	char *got = written(write_members, NULL);
	assert_string_equal(got, "{\"s\": \"т\", \"n\": 7, \"d\": 1e-300, "
			    "\"t\": true, \"a\": \"q\\\"\", \"b\": null, \"i\": -1, "
			    "\"j\": 1099511627776, \"x\": 0.25, \"y\": null}");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_members),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

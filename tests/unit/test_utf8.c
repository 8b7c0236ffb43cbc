/* test_utf8.c: the UTF-8 primitive — strict decoding (overlong, surrogate, too large, cut
 * short), encoding, character counts, offsets and boundaries, on Kyrgyz text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/utf8.h"

static void test_sequence(void **state)
{
	(void)state;
	unsigned long cp;
	assert_int_equal(utf8_sequence("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_sequence("\xd2\xa3", 2, &cp), 2);   /* ң */
	assert_int_equal(cp, 0x4a3);
	assert_int_equal(utf8_sequence("\xe2\x80\xa6", 3, &cp), 3);   /* … */
	assert_int_equal(cp, 0x2026);
	assert_int_equal(utf8_sequence("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(utf8_sequence("\xc0\xaf", 2, &cp), 0);    /* overlong */
	assert_int_equal(utf8_sequence("\xe0\x80\xaf", 3, &cp), 0);
	assert_int_equal(utf8_sequence("\xed\xa0\x80", 3, &cp), 0);    /* surrogate */
	assert_int_equal(utf8_sequence("\xf4\x90\x80\x80", 4, &cp), 0);    /* > U+10FFFF */
	assert_int_equal(utf8_sequence("\x80", 1, &cp), 0);
	assert_int_equal(utf8_sequence("\xd2", 1, &cp), -1);    /* cut short */
	assert_int_equal(utf8_sequence("\xd2" "A", 2, &cp), 0);
}

static void test_encode(void **state)
{
	(void)state;
	static const unsigned long cps[] = { 0x41, 0x4a3, 0x4e9, 0x4af, 0x2026, 0x1f600, 0x10ffff };
	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		char b[4];
		unsigned long back;
		int k = utf8_encode(cps[i], b);
		assert_true(k >= 1 && k <= 4);
		assert_int_equal(utf8_sequence(b, (size_t)k, &back), k);
		assert_int_equal(back, cps[i]);
	}
	char b[4];
	assert_int_equal(utf8_encode(0xd800, b), 0);
	assert_int_equal(utf8_encode(0x110000, b), 0);
}

static void test_count_offset_cut(void **state)
{
	(void)state;
	const char *s = "Аң өү!";   /* 6 characters, 11 bytes */
	size_t n = strlen(s);
	assert_int_equal(n, 10);
	assert_int_equal(utf8_count(s, n), 6);
	assert_int_equal(utf8_count(s, 3), 2);
	assert_int_equal(utf8_offset(s, n, 0), 0);
	assert_int_equal(utf8_offset(s, n, 1), 2);
	assert_int_equal(utf8_offset(s, n, 2), 4);
	assert_int_equal(utf8_offset(s, n, 5), 9);
	assert_int_equal(utf8_offset(s, n, 6), n);
	assert_int_equal(utf8_offset(s, n, 99), n);
	assert_int_equal(utf8_cut(s, 3), 2);    /* inside ң: back to its start */
	assert_int_equal(utf8_cut(s, 4), 4);
	assert_int_equal(utf8_cut(s, n), n);
	assert_int_equal(utf8_cut(s, 1), 0);
	assert_int_equal(utf8_cut(s, 0), 0);
}

/* utf8_text_check: the line of the first NUL or non-UTF-8 byte, and which it was. */
static void test_text_check(void **state)
{
	int line = 0, nul = -1;
	const char ok[] = "кыргыз\nң ө ү\r\n";
	assert_int_equal(utf8_text_check(ok, sizeof ok - 1, &line, &nul), 0);
	const char bin[] = "a\nb\0c";
	assert_int_equal(utf8_text_check(bin, sizeof bin - 1, &line, &nul), -1);
	assert_int_equal(line, 2);
	assert_int_equal(nul, 1);
	const char cp1251[] = "a\nb\n\xef\xf0\xe8";   /* "при" in Windows-1251 */
	assert_int_equal(utf8_text_check(cp1251, sizeof cp1251 - 1, &line, &nul), -1);
	assert_int_equal(line, 3);
	assert_int_equal(nul, 0);
	assert_int_equal(utf8_text_check("\xd2", 1, &line, &nul), -1);   /* cut short */
	assert_int_equal(nul, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sequence),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_count_offset_cut),
		cmocka_unit_test(test_text_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

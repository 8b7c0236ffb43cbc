/* test_termsafe.c: the terminal escaping primitive — controls, DEL, C1 and invalid UTF-8 as
 * "\xNN", Kyrgyz and Cyrillic unchanged, a stream cut anywhere escaped as the whole text, the
 * stream wrapper, and the printable-text check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/termsafe.h"

static char *esc(const char *s, size_t n, unsigned keep)
{
	strbuf sb = STRBUF_INIT;
	termsafe_add(&sb, s, n, keep);
	return sb_detach(&sb);
}

#define ESC_EQ(in, keep, want)                                       \
	do {                                                          \
		char *got_ = esc(in, sizeof(in) - 1, keep);           \
		assert_string_equal(got_, want);                      \
		free(got_);                                           \
	} while (0)

static void test_escapes(void **state)
{
	ESC_EQ("plain text, 123", 0, "plain text, 123");
	ESC_EQ("Айгүл ң ө ү Ң Ө Ү Лл", 0, "Айгүл ң ө ү Ң Ө Ү Лл");
	ESC_EQ("a\x1b[2Jb", 0, "a\\x1b[2Jb");
	ESC_EQ("bell\a", 0, "bell\\x07");
	ESC_EQ("del\x7f", 0, "del\\x7f");
	ESC_EQ("nul\0x", 0, "nul\\x00x");
	ESC_EQ("one\ntwo\r\tx", 0, "one\\ntwo\\r\\tx");
	ESC_EQ("one\ntwo\r\tx", TERMSAFE_KEEP_NEWLINE | TERMSAFE_KEEP_TAB, "one\ntwo\\r\tx");
	/* C1 controls as UTF-8 (U+009B CSI, U+0085 NEL) and as raw bytes */
	ESC_EQ("csi\xc2\x9b" "2J", 0, "csi\\xc2\\x9b2J");
	ESC_EQ("nel\xc2\x85", 0, "nel\\xc2\\x85");
	ESC_EQ("raw\x9b" "2J", 0, "raw\\x9b2J");
	ESC_EQ("\xc2\xa0nbsp", 0, "\xc2\xa0nbsp");   /* U+00A0 is not a control */
	/* not UTF-8: each byte escaped, what follows kept */
	ESC_EQ("\xff\xfe", 0, "\\xff\\xfe");
	ESC_EQ("\xc0\x80", 0, "\\xc0\\x80");              /* overlong NUL */
	ESC_EQ("\xe0\x80\xaf", 0, "\\xe0\\x80\\xaf");     /* overlong '/' */
	ESC_EQ("\xed\xa0\x80", 0, "\\xed\\xa0\\x80");     /* a surrogate */
	ESC_EQ("\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80");   /* above U+10FFFF */
	ESC_EQ("cut\xd2", 0, "cut\\xd2");                 /* a sequence cut at the end */
	ESC_EQ("\xd2x", 0, "\\xd2x");
	ESC_EQ("\xf0\x9f\x98\x80 ok", 0, "\xf0\x9f\x98\x80 ok");
}

static void test_helpers(void **state)
{
	char *d = termsafe_dup("x\x1b", 0);
	assert_string_equal(d, "x\\x1b");
	free(d);
	assert_null(termsafe_dup(NULL, 0));
	strbuf sb = STRBUF_INIT;
	termsafe_line(&sb, "survey: %s and %d", "a\nsurvey: all inputs verified", 3);
	assert_string_equal(sb_str(&sb), "survey: a\\nsurvey: all inputs verified and 3\n");
	sb_reset(&sb);
	termsafe_adds(&sb, "", 0);
	assert_non_null(sb.buf);
	assert_string_equal(sb_str(&sb), "");
	sb_release(&sb);
}

/* The text of every test, fed to a filter cut at every place, gives what one piece gives. */
static void test_filter_cuts(void **state)
{
	static const char text[] = "Ң\x1b[2Jө\xc2\x9bү\xe2\x82\xac\xf0\x9f\x98\x80\xd2\n\t\xff"
				   "Л\xe0\x80" "a\xf4\x90\x80\x80z\xc2";
	size_t n = sizeof text - 1;
	unsigned keep = TERMSAFE_KEEP_NEWLINE | TERMSAFE_KEEP_TAB;
	char *whole = esc(text, n, keep);
	for (size_t a = 0; a <= n; a++) {
		for (size_t b = a; b <= n; b++) {
			termsafe_filter f = { .keep = keep };
			strbuf out = STRBUF_INIT;
			termsafe_filter_add(&f, &out, text, a);
			termsafe_filter_add(&f, &out, text + a, b - a);
			termsafe_filter_add(&f, &out, text + b, n - b);
			termsafe_filter_end(&f, &out);
			assert_string_equal(sb_str(&out), whole);
			sb_release(&out);
		}
	}
	/* one byte at a time */
	termsafe_filter f = { .keep = keep };
	strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		termsafe_filter_add(&f, &out, text + i, 1);
	termsafe_filter_end(&f, &out);
	assert_string_equal(sb_str(&out), whole);
	sb_release(&out);
	free(whole);
}

static void test_stream(void **state)
{
	FILE *under = tmpfile();
	assert_non_null(under);
	int fd = dup(fileno(under));
	FILE *f = termsafe_stream(under, TERMSAFE_KEEP_NEWLINE | TERMSAFE_KEEP_TAB, _IOFBF);
	assert_non_null(f);
	fprintf(f, "name: %s\n", "Ann\x1b[2J\rsurvey: all inputs verified");
	fputs("Кыргыз \xd2", f);
	fputs("\xa3 \x9b\n", f);   /* ң cut between two writes; a raw 0x9b */
	assert_int_equal(fclose(f), 0);   /* closes under too */
	FILE *back = fdopen(fd, "r");
	assert_non_null(back);
	rewind(back);
	char buf[256] = "";
	size_t k = fread(buf, 1, sizeof buf - 1, back);
	buf[k] = 0;
	fclose(back);
	assert_string_equal(buf, "name: Ann\\x1b[2J\\rsurvey: all inputs verified\n"
			    "Кыргыз ң \\x9b\n");
}

static void test_text_ok(void **state)
{
	assert_true(termsafe_text_ok("Айгүл Осмонова", 0));
	assert_true(termsafe_text_ok("", 0));
	assert_false(termsafe_text_ok("A\x1b[2J", 0));
	assert_false(termsafe_text_ok("A\nB", 0));
	assert_true(termsafe_text_ok("A\nB\r\n\tC", 1));
	assert_false(termsafe_text_ok("A\tB", 0));
	assert_false(termsafe_text_ok("A\x7f", 1));
	assert_false(termsafe_text_ok("A\xc2\x9b", 1));
	assert_false(termsafe_text_ok("A\x9b", 1));
	assert_false(termsafe_text_ok("\xed\xa0\x80", 1));
	assert_false(termsafe_text_ok("A\xc2\x80", 0));
	assert_true(termsafe_text_ok("A\xc2\xa0ң\xe2\x82\xac\xf0\x9f\x98\x80", 0));
	assert_false(termsafe_text_ok("A\xd0", 0));         /* cut short */
	assert_false(termsafe_text_ok("A\xe2\x82", 0));
	assert_false(termsafe_text_ok("A\xf0\x9f\x98", 0));
	assert_false(termsafe_text_ok("\xc1\x81", 0));     /* overlong */
	assert_false(termsafe_text_ok("\xd0\xd0\x90", 0));
	unsigned long cp;
	assert_int_equal(utf8_sequence("\xd2\xa3", 2, &cp), 2);
	assert_int_equal(cp, 0x4a3);
	assert_int_equal(utf8_sequence("\xd2", 1, &cp), -1);
	assert_int_equal(utf8_sequence("\xe0\x80", 2, &cp), 0);
	assert_int_equal(utf8_sequence("\xf0\x9f", 2, &cp), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_filter_cuts),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_text_ok),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

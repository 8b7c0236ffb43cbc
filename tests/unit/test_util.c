/* test_util.c: util.c's small helpers — the words of a space-separated list, freeing a
 * list of strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/util.h"

static void test_words(void **state)
{
	(void)state;
	strbuf sb = STRBUF_INIT;
	size_t k;
	for (const char *p = "  a bb  ccc "; (k = util_word(&p)) > 0; p += k)
		sb_addf(&sb, "[%.*s]", (int)k, p);
	assert_string_equal(sb_str(&sb), "[a][bb][ccc]");
	sb_reset(&sb);
	for (const char *p = "   "; (k = util_word(&p)) > 0; p += k)
		sb_addc(&sb, 'x');
	for (const char *p = ""; (k = util_word(&p)) > 0; p += k)
		sb_addc(&sb, 'x');
	assert_int_equal(sb.len, 0);
	const char *p = "Ысык-Көл\tЧүй x";   /* only spaces separate */
	assert_int_equal(util_word(&p), strlen("Ысык-Көл\tЧүй"));
	sb_release(&sb);
}

/* strv_free takes NULL lists and NULL members (ASan reports a leak or a double free) */
static void test_strv_free(void **state)
{
	(void)state;
	strv_free(NULL, 3);
	char **v = xcalloc(3, sizeof *v);
	v[0] = xstrdup("a");
	v[2] = xstrdup("c");
	strv_free(v, 3);
	strv_free(xcalloc(1, sizeof(char *)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_strv_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

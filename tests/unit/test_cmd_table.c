/* test_cmd_table.c: the commands' text tables — display widths of Cyrillic and Kyrgyz labels,
 * padding and cutting with "…", CSV fields, and a grid rendered with a control escaped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "cmd_table.h"
#include "util/util.h"

static void test_text(void **state)
{
	(void)state;
	assert_int_equal(cmd_text_width("Ошская область"), 14);
	assert_int_equal(cmd_text_width("abc"), 3);
	strbuf sb = STRBUF_INIT;
	cmd_pad(&sb, "Чүй", 5, 1);
	assert_string_equal(sb_str(&sb), "  Чүй");
	sb_reset(&sb);
	cmd_pad(&sb, "Жалал-Абад", 6, 0);
	assert_string_equal(sb_str(&sb), "Жалал…");
	sb_reset(&sb);
	cmd_csv_field(&sb, "a,\"b\"");
	assert_string_equal(sb_str(&sb), "\"a,\"\"b\"\"\"");
	sb_release(&sb);
}

static void test_grid(void **state)
{
	(void)state;
	cmd_grid g;
	cmd_grid_init(&g, 2);
	g.nheader = 1;
	cmd_grid_set(&g, 0, 0, "");
	cmd_grid_set(&g, 0, 1, "n");
	cmd_grid_set(&g, 1, 0, "Ысык-Көл\x1b[2J");
	cmd_grid_setf(&g, 1, 1, "%d", 12);
	g.right[1] = 1;
	strbuf sb = STRBUF_INIT;
	cmd_grid_render(&g, &sb);
	assert_non_null(strstr(sb_str(&sb), "Ысык-Көл\\x1b[2J"));
	assert_null(strchr(sb_str(&sb), '\x1b'));
	assert_non_null(strstr(sb_str(&sb), "12"));
	sb_release(&sb);
	cmd_grid_release(&g);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_grid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

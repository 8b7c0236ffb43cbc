/* test_ui.c: the UI's curses-free parts — UTF-8 and display width, wrapping, the text field's
 * editing by character (Cyrillic and ң ө ү), the key table and the UI's words. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ui/i18n.h"
#include "ui/keys.h"
#include "ui/text.h"
#include "ui/textedit.h"

static int setup(void **state)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return -1;
	return 0;
}

static void test_utf8_roundtrip(void **state)
{
	const char *s = "Саламатсызбы! ң ө ү Ң Ө Ү — ok";
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(s, &n);
	assert_int_equal(n, 30);
	assert_true(w[14] == L'ң' && w[16] == L'ө' && w[18] == L'ү');
	char *back = ui_utf8_from_wcs(w, n);
	assert_string_equal(back, s);
	free(back);
	free(w);
	/* an invalid byte becomes U+FFFD, and decoding goes on */
	w = ui_wcs_from_utf8("a\xff" "b\xd2", &n);
	assert_int_equal(n, 4);
	assert_true(w[0] == L'a' && w[1] == 0xfffd && w[2] == L'b' && w[3] == 0xfffd);
	free(w);
}

static void test_width(void **state)
{
	assert_int_equal(ui_width("Үлүш"), 4);
	assert_int_equal(ui_width("өңү"), 3);
	assert_int_equal(ui_width("日本"), 4);
	assert_int_equal(ui_width(""), 0);
	wchar_t w[] = L"жооп";
	assert_int_equal(ui_fit(w, 4, 2), 2);
	assert_int_equal(ui_fit(w, 4, 10), 4);
}

static void test_wrap(void **state)
{
	ui_lines l = { 0 };
	ui_wrap("Бул суроого жооп берүү милдеттүү.", 12, &l);
	assert_int_equal(l.n, 3);
	assert_true(wcscmp(l.line[0], L"Бул суроого") == 0);
	assert_true(wcscmp(l.line[1], L"жооп берүү") == 0);
	assert_true(wcscmp(l.line[2], L"милдеттүү.") == 0);
	ui_lines_release(&l);
	/* a word longer than the line is cut; '\n' breaks; empty text is one empty line */
	ui_wrap("өөөөөөөөөө\nab", 4, &l);
	assert_int_equal(l.n, 4);
	assert_true(wcscmp(l.line[0], L"өөөө") == 0);
	assert_true(wcscmp(l.line[2], L"өө") == 0);
	assert_true(wcscmp(l.line[3], L"ab") == 0);
	ui_lines_release(&l);
	ui_wrap("", 10, &l);
	assert_int_equal(l.n, 1);
	ui_lines_release(&l);
	/* every line fits its width */
	ui_wrap("Өзгөчө кырдаал режими боюнча маалыматты жана көрсөтмөлөрдү кандай жолдор менен "
		"алып турдуңуздар?", 17, &l);
	for (int i = 0; i < l.n; i++)
		assert_true(ui_wcswidth(l.line[i], wcslen(l.line[i])) <= 17);
	ui_lines_release(&l);
}

static char *get(ui_textedit *t)
{
	static char buf[256];
	char *s = ui_te_get(t);
	strncpy(buf, s, sizeof buf - 1);
	free(s);
	return buf;
}

static void test_textedit(void **state)
{
	ui_textedit t;
	ui_te_init(&t, 0);
	const wchar_t *typed = L"Көңүл";
	for (const wchar_t *p = typed; *p; p++)
		assert_int_equal(ui_te_insert(&t, *p), 0);
	assert_string_equal(get(&t), "Көңүл");
	assert_true(t.dirty);
	/* backspace removes one letter, not one byte */
	ui_te_action(&t, UI_A_BACKSPACE);
	assert_string_equal(get(&t), "Көңү");
	ui_te_action(&t, UI_A_HOME);
	ui_te_action(&t, UI_A_RIGHT);
	ui_te_insert(&t, L'ө');
	assert_string_equal(get(&t), "Көөңү");
	ui_te_action(&t, UI_A_DELETE);
	assert_string_equal(get(&t), "Көңү");
	ui_te_action(&t, UI_A_LEFT);
	ui_te_action(&t, UI_A_LEFT);
	ui_te_action(&t, UI_A_LEFT);   /* stays at 0 */
	ui_te_action(&t, UI_A_BACKSPACE);   /* nothing before the cursor */
	assert_string_equal(get(&t), "Көңү");
	ui_te_action(&t, UI_A_END);
	ui_te_action(&t, UI_A_DELETE);   /* nothing under the cursor */
	assert_int_equal(t.cur, 4);
	assert_int_equal(ui_te_action(&t, UI_A_NEXT), 0);
	/* control characters are refused */
	assert_int_equal(ui_te_insert(&t, L'\x01'), -1);
	ui_te_set(&t, "ab\ncd");
	assert_string_equal(get(&t), "ab cd");
	assert_false(t.dirty);
	ui_te_release(&t);

	/* a multiline field keeps line ends; each starts a row; Ctrl-U empties it */
	ui_te_init(&t, 0);
	t.lines = 1;
	ui_te_set(&t, "ab\ncd");
	assert_string_equal(get(&t), "ab\ncd");
	assert_int_equal(ui_te_rows(&t, 10), 2);
	int row, col;
	ui_te_cursor(&t, 10, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 2);
	assert_int_equal(ui_te_insert(&t, L'\n'), 0);
	assert_int_equal(ui_te_rows(&t, 10), 3);
	assert_int_equal(ui_te_action(&t, UI_A_CLEAR_TEXT), 1);
	assert_string_equal(get(&t), "");
	assert_int_equal(t.cur, 0);
	assert_true(t.dirty);
	ui_te_release(&t);

	/* the length limit */
	ui_te_init(&t, 3);
	assert_int_equal(ui_te_insert(&t, L'ү'), 0);
	assert_int_equal(ui_te_insert(&t, L'ү'), 0);
	assert_int_equal(ui_te_insert(&t, L'ү'), 0);
	assert_int_equal(ui_te_insert(&t, L'ү'), -1);
	ui_te_release(&t);
}

static void test_textedit_rows(void **state)
{
	ui_textedit t;
	ui_te_init(&t, 0);
	int row, col;
	assert_int_equal(ui_te_rows(&t, 5), 1);
	ui_te_set(&t, "абвгд");   /* exactly one row: the cursor at the end needs another */
	assert_int_equal(ui_te_rows(&t, 5), 2);
	ui_te_cursor(&t, 5, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	ui_te_set(&t, "абвгдеж");
	ui_te_cursor(&t, 5, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 2);
	ui_te_action(&t, UI_A_HOME);
	ui_te_cursor(&t, 5, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 0);
	ui_te_release(&t);
}

static void test_textedit_words(void **state)
{
	/* a wrapped text breaks after a space, never inside a word; a word longer than the row
	 * is cut; a space right after a full row stays on that row */
	ui_textedit t;
	ui_te_init(&t, 0);
	int row, col;
	t.lines = 1;
	ui_te_set(&t, "сөз бөлүнбөйт");   /* 13 characters at width 10: "сөз " and "бөлүнбөйт" */
	assert_int_equal(ui_te_rows(&t, 10), 2);
	t.cur = 4;   /* before "бөлүнбөйт": the start of the second row */
	ui_te_cursor(&t, 10, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	ui_te_set(&t, "абвгдежзийклм");   /* one word of 13: cut at 10 */
	ui_te_cursor(&t, 10, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 3);
	ui_te_set(&t, "абвгде жз");   /* the space after a full row of 6 stays on it */
	t.cur = 7;
	ui_te_cursor(&t, 6, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	ui_te_release(&t);
}

static void test_keys(void **state)
{
	/* digits pick on a select, and are typed in a text field */
	assert_int_equal(ui_key_action(0, L'3', UI_CTX_ANY | UI_CTX_CHOICE), UI_A_DIGIT);
	assert_int_equal(ui_key_action(0, L'3', UI_CTX_ANY | UI_CTX_TEXT), UI_A_CHAR);
	assert_int_equal(ui_key_action(0, L' ', UI_CTX_ANY | UI_CTX_CHOICE), UI_A_TOGGLE);
	assert_int_equal(ui_key_action(0, L' ', UI_CTX_ANY | UI_CTX_TEXT), UI_A_CHAR);
	assert_int_equal(ui_key_action(0, L'ң', UI_CTX_ANY | UI_CTX_TEXT), UI_A_CHAR);
	assert_int_equal(ui_key_action(0, L'\r', UI_CTX_ANY | UI_CTX_TEXT), UI_A_NEXT);
	assert_int_equal(ui_key_action(0, L'\r', UI_CTX_REVIEW), UI_A_JUMP);
	assert_int_equal(ui_key_action(0, L'\r', UI_CTX_START), UI_A_OPEN);
	assert_int_equal(ui_key_action(1, KEY_PPAGE, UI_CTX_ANY), UI_A_PREV);
	assert_int_equal(ui_key_action(1, KEY_PPAGE, UI_CTX_REVIEW), UI_A_PAGE_UP);
	assert_int_equal(ui_key_action(1, KEY_F(2), UI_CTX_ANY), UI_A_LANG);
	assert_int_equal(ui_key_action(1, KEY_F(5), UI_CTX_ANY), UI_A_DONT_KNOW);
	assert_int_equal(ui_key_action(1, KEY_F(6), UI_CTX_ANY), UI_A_REFUSED);
	assert_int_equal(ui_key_action(1, KEY_F(9), UI_CTX_ANY), UI_A_REVIEW);
	assert_int_equal(ui_key_action(1, KEY_F(10), UI_CTX_START), UI_A_LEAVE);
	assert_int_equal(ui_key_action(1, KEY_F(1), UI_CTX_ANY), UI_A_HELP);
	assert_int_equal(ui_key_action(1, KEY_BACKSPACE, UI_CTX_ANY | UI_CTX_TEXT),
			 UI_A_BACKSPACE);
	assert_int_equal(ui_key_action(0, 127, UI_CTX_ANY | UI_CTX_TEXT), UI_A_BACKSPACE);
	assert_int_equal(ui_key_action(0, L'n', UI_CTX_START), UI_A_NEW);
	assert_int_equal(ui_key_action(0, L'q', UI_CTX_START), UI_A_QUIT);
	assert_int_equal(ui_key_action(0, L'n', UI_CTX_ANY | UI_CTX_CHOICE), UI_A_NONE);
	assert_int_equal(ui_key_action(1, KEY_RESIZE, UI_CTX_ANY), UI_A_RESIZE);
	/* Ctrl alternatives of the F-keys; Ctrl-U in a text; Delete clears a choice's answer */
	assert_int_equal(ui_key_action(0, 20, UI_CTX_ANY | UI_CTX_TEXT), UI_A_LANG);
	assert_int_equal(ui_key_action(0, 4, UI_CTX_ANY | UI_CTX_TEXT), UI_A_DONT_KNOW);
	assert_int_equal(ui_key_action(0, 18, UI_CTX_ANY | UI_CTX_CHOICE), UI_A_REFUSED);
	assert_int_equal(ui_key_action(0, 16, UI_CTX_ANY | UI_CTX_TEXT), UI_A_REVIEW);
	assert_int_equal(ui_key_action(0, 7, UI_CTX_ANY | UI_CTX_TEXT), UI_A_HELP);
	assert_int_equal(ui_key_action(0, 21, UI_CTX_ANY | UI_CTX_TEXT), UI_A_CLEAR_TEXT);
	assert_int_equal(ui_key_action(1, KEY_DC, UI_CTX_ANY | UI_CTX_TEXT), UI_A_DELETE);
	assert_int_equal(ui_key_action(1, KEY_DC, UI_CTX_ANY | UI_CTX_CHOICE), UI_A_CLEAR);
	assert_int_equal(ui_key_action(0, 11, UI_CTX_ANY | UI_CTX_CHOICE), UI_A_CLEAR);
	/* '?' is help unless a text field takes it; Ctrl-C leaves like F10 */
	assert_int_equal(ui_key_action(0, L'?', UI_CTX_ANY | UI_CTX_CHOICE), UI_A_HELP);
	assert_int_equal(ui_key_action(0, L'?', UI_CTX_ANY | UI_CTX_TEXT), UI_A_CHAR);
	assert_int_equal(ui_key_action(0, 3, UI_CTX_ANY | UI_CTX_TEXT), UI_A_LEAVE);
	assert_int_equal(ui_key_action(0, 3, UI_CTX_START), UI_A_LEAVE);
	/* every binding has help in the three languages and at least one key */
	for (int i = 0; i < ui_nbindings; i++) {
		const struct ui_binding *b = &ui_bindings[i];
		assert_non_null(b->keys[0].code ? b : NULL);
		for (int l = 0; l < 3; l++)
			assert_true(b->help[l] && *b->help[l]);
		assert_ptr_equal(ui_key_binding(b->action) != NULL, 1);
	}
}

static void test_i18n(void **state)
{
	enum ui_lang l;
	assert_int_equal(ui_lang_parse("ky", &l), 0);
	assert_int_equal(l, UI_LANG_KY);
	assert_int_equal(ui_lang_parse("Russian (ru)", &l), 0);
	assert_int_equal(l, UI_LANG_RU);
	assert_int_equal(ui_lang_parse("EN", &l), 0);
	assert_int_equal(l, UI_LANG_EN);
	assert_int_equal(ui_lang_parse("fr", &l), -1);
	assert_string_equal(ui_tr_in(UI_LANG_KY, UI_M_SAVED), "✓ сакталды");
	assert_string_equal(ui_tr_in(UI_LANG_KY, UI_M_DONT_KNOW), "Билбейт");
	assert_string_equal(ui_tr_in(UI_LANG_KY, UI_M_REFUSED), "Жооп берүүдөн баш тартты");
	assert_string_equal(ui_tr_in(UI_LANG_RU, UI_M_SAVED), "✓ сохранено");
	for (int m = 0; m < UI_NMSGS; m++)
		for (int k = 0; k < UI_NLANGS; k++)
			assert_true(*ui_tr_in((enum ui_lang)k, (enum ui_msg)m));

	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "", 1);
	setenv("LANG", "ky_KG.UTF-8", 1);
	assert_int_equal(ui_lang_from_env(), UI_LANG_KY);
	setenv("LC_MESSAGES", "ru_RU.UTF-8", 1);
	assert_int_equal(ui_lang_from_env(), UI_LANG_RU);
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_int_equal(ui_lang_from_env(), UI_LANG_EN);
	ui_lang_set(UI_LANG_RU);
	assert_string_equal(ui_tr(UI_M_BACK), "Назад");
	ui_lang_set(UI_LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_roundtrip),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_textedit),
		cmocka_unit_test(test_textedit_rows),
		cmocka_unit_test(test_textedit_words),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_i18n),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

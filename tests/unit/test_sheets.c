/* test_sheets.c: the three questionnaire readers (.md, .csv, .xlsx) and what they share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "form/sheets.h"
#include "util/util.h"

/* ---- helpers ---- */

static char *fixture(const char *name)
{
	const char *top = getenv("TOP");
	return xasprintf("%s/tests/fixtures/sheets/%s", top ? top : ".", name);
}

static void read_fixture(const char *name, workbook *wb)
{
	char err[ERR_MAX] = "";
	char *path = fixture(name);
	int rc = workbook_read(path, wb, err);
	if (rc)
		fail_msg("%s: %s", path, err);
	free(path);
}

/* Reads a fixture that must fail; returns its message (static buffer). */
static const char *read_fixture_err(const char *name)
{
	static char err[ERR_MAX];
	workbook wb;
	char *path = fixture(name);
	err[0] = '\0';
	assert_int_equal(workbook_read(path, &wb, err), -1);
	assert_int_equal(wb.nsheets, 0);
	free(path);
	return err;
}

static void read_str(const char *kind, const char *text, workbook *wb)
{
	char err[ERR_MAX] = "";
	if (workbook_read_mem("mem", kind, text, strlen(text), wb, err))
		fail_msg("unexpected error: %s", err);
}

static const char *read_str_err(const char *kind, const char *text)
{
	static char err[ERR_MAX];
	workbook wb;
	err[0] = '\0';
	assert_int_equal(workbook_read_mem("mem", kind, text, strlen(text), &wb, err), -1);
	assert_null(wb.sheets);
	return err;
}

static const char *cell(const sheet *s, int r, int c)
{
	assert_true(r < s->nrows);
	return c < s->rows[r].ncells ? s->rows[r].cells[c] : "";
}

/* Asserts a row's line and its cells (NULL-terminated list). */
static void check_row(const sheet *s, int r, int line, ...)
{
	assert_true(r < s->nrows);
	assert_int_equal(s->rows[r].line, line);
	va_list ap;
	va_start(ap, line);
	int c = 0;
	for (const char *want; (want = va_arg(ap, const char *)); c++)
		assert_string_equal(cell(s, r, c), want);
	va_end(ap);
	assert_int_equal(s->rows[r].ncells, c);
}

/* ---- the test form, the same in the three formats ---- */

/* Checks the cells of tests/fixtures/sheets/form.*; line numbers are checked per format. */
static void check_form(const workbook *wb)
{
	assert_int_equal(wb->nsheets, 3);
	assert_string_equal(wb->sheets[0].name, "survey");
	assert_string_equal(wb->sheets[1].name, "choices");
	assert_string_equal(wb->sheets[2].name, "settings");
	assert_null(workbook_sheet(wb, "_notes"));

	const sheet *s = workbook_sheet(wb, "SURVEY");
	assert_ptr_equal(s, &wb->sheets[0]);
	assert_int_equal(s->nrows, 7);
	/* the blank column between label::Russian and required is gone */
	assert_int_equal(s->rows[0].ncells, 8);
	assert_string_equal(cell(s, 0, 0), "type");
	assert_string_equal(cell(s, 0, 3), "label::Russian (ru)");
	assert_string_equal(cell(s, 0, 4), "required");
	assert_string_equal(cell(s, 0, 7), "calculation");
	assert_string_equal(cell(s, 1, 1), "resp_name");
	assert_string_equal(cell(s, 1, 2), "Атыңыз ким?");
	assert_string_equal(cell(s, 1, 4), "yes");
	assert_int_equal(s->rows[1].ncells, 5);
	assert_string_equal(cell(s, 2, 4), "TRUE");
	assert_string_equal(cell(s, 2, 5), ". >= 18 and . <= 120");
	assert_string_equal(cell(s, 2, 6), "30");
	assert_string_equal(cell(s, 3, 6), "2024-03-15");
	assert_string_equal(cell(s, 3, 4), "");
	assert_string_equal(cell(s, 4, 0), "select_one yesno");
	assert_string_equal(cell(s, 4, 2), "Макулсузбу? ң ө ү");
	assert_string_equal(cell(s, 4, 3), "Согласны, \"да\" | нет");
	assert_string_equal(cell(s, 5, 6), "0.1");
	assert_string_equal(cell(s, 6, 7), "${age} * 2");
	assert_string_equal(cell(s, 6, 2), "");

	const sheet *c = workbook_sheet(wb, "choices");
	assert_int_equal(c->nrows, 3);
	assert_string_equal(cell(c, 1, 0), "yesno");
	assert_string_equal(cell(c, 1, 1), "1");
	assert_string_equal(cell(c, 2, 1), "0");
	assert_string_equal(cell(c, 2, 3), "Нет");

	const sheet *st = workbook_sheet(wb, "settings");
	assert_int_equal(st->nrows, 2);
	assert_string_equal(cell(st, 1, 0), "Сурамжылоо ӨЗӨК");
	assert_string_equal(cell(st, 1, 2), "2024031501");
	assert_string_equal(cell(st, 1, 3), "Kyrgyz (ky)");
}

static void assert_same_cells(const workbook *a, const workbook *b)
{
	assert_int_equal(a->nsheets, b->nsheets);
	for (int i = 0; i < a->nsheets; i++) {
		const sheet *x = &a->sheets[i], *y = &b->sheets[i];
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->nrows, y->nrows);
		for (int r = 0; r < x->nrows; r++) {
			assert_int_equal(x->rows[r].ncells, y->rows[r].ncells);
			for (int c = 0; c < x->rows[r].ncells; c++)
				assert_string_equal(x->rows[r].cells[c], y->rows[r].cells[c]);
		}
	}
}

/* ---- markdown ---- */

static void test_md_form(void **state)
{
	workbook wb;
	read_fixture("form.md", &wb);
	check_form(&wb);
	const sheet *s = &wb.sheets[0];
	int lines[] = { 7, 8, 9, 10, 12, 13, 14 };
	for (int r = 0; r < 7; r++)
		assert_int_equal(s->rows[r].line, lines[r]);
	assert_int_equal(wb.sheets[1].rows[0].line, 18);
	assert_int_equal(wb.sheets[2].rows[1].line, 27);
	assert_true(strstr(wb.path, "form.md") != NULL);
	workbook_release(&wb);
	workbook_release(&wb);   /* safe twice */
}

static void test_md_layout(void **state)
{
	workbook wb;
	/* BOM, CRLF, indentation, the header on the sheet-name row, no closing pipe, delimiter
	 * rows with colons, an escaped pipe, other backslashes kept, prose ignored */
	read_str("md",
	         "\xef\xbb\xbf# title\r\n"
	         "\r\n"
	         "   | survey | type | name | label |\r\n"
	         "   |:------:|:-----|-----:|-------|\r\n"
	         "\t|        | text | a\\|b | C:\\dir \\\\| x\r\n"
	         "some prose | with a pipe\n"
	         "|        | note | n    |\n"
	         "|        |      |      |       |\n"
	         "||\n"
	         "|\n",
	         &wb);
	assert_int_equal(wb.nsheets, 1);
	const sheet *s = &wb.sheets[0];
	assert_string_equal(s->name, "survey");
	assert_int_equal(s->nrows, 3);
	check_row(s, 0, 3, "type", "name", "label", NULL);
	check_row(s, 1, 5, "text", "a|b", "C:\\dir \\| x", NULL);
	check_row(s, 2, 7, "note", "n", NULL);
	workbook_release(&wb);
}

static void test_md_ragged(void **state)
{
	/* extra empty cells (line 3) and fewer cells (line 4) are fine; line 5 is not */
	assert_string_equal(read_fixture_err("ragged.md"), "5: row has 4 cells, the header has 3");

	workbook wb;
	read_str("md",
	         "| survey | type | name | label |\n"
	         "|        | text | q1   | Q1    |   |   |\n"
	         "|        | note | n1   |\n",
	         &wb);
	check_row(&wb.sheets[0], 1, 2, "text", "q1", "Q1", NULL);
	check_row(&wb.sheets[0], 2, 3, "note", "n1", NULL);
	workbook_release(&wb);
}

static void test_md_errors(void **state)
{
	assert_string_equal(read_str_err("md", "# x\n| | type | name |\n"),
	                    "2: row before the first sheet name: put the sheet name (e.g. 'survey') "
	                    "in the first column");
	assert_string_equal(read_str_err("md", "| survey | type |\n| | text |\n| Survey | x |\n"),
	                    "3: sheet 'Survey' appears twice");
	assert_string_equal(read_str_err("md", "| survey | type |\n| | t\xe9xt |\n"),
	                    "2: the text is not UTF-8: save the file as UTF-8");
	assert_string_equal(read_str_err("md", "\xff\xfe|\0s\0"),
	                    "the file is UTF-16 text: save it as UTF-8");
	char err[ERR_MAX];
	workbook wb;
	assert_int_equal(workbook_read_mem("m", "md", "| s |\n|\0|", 9, &wb, err), -1);
	assert_string_equal(err, "2: the file contains a NUL byte: is it a text file?");
	/* a '_' sheet is dropped with its rows, ragged or not */
	read_str("md", "| _x | a |\n| | b | c | d |\n| s | h |\n| | v |\n", &wb);
	assert_int_equal(wb.nsheets, 1);
	check_row(&wb.sheets[0], 0, 3, "h", NULL);
	check_row(&wb.sheets[0], 1, 4, "v", NULL);
	workbook_release(&wb);
	/* no tables at all: an empty workbook */
	read_str("md", "just text\n", &wb);
	assert_int_equal(wb.nsheets, 0);
	workbook_release(&wb);
	/* a sheet with no rows is kept, empty */
	read_str("md", "| survey |\n| choices | list_name |\n", &wb);
	assert_int_equal(wb.nsheets, 2);
	assert_int_equal(wb.sheets[0].nrows, 0);
	check_row(&wb.sheets[1], 0, 2, "list_name", NULL);
	workbook_release(&wb);
}

/* ---- csv ---- */

static void test_csv_form(void **state)
{
	workbook wb, md;
	read_fixture("form.csv", &wb);   /* UTF-8 BOM, CR LF, quoted fields */
	check_form(&wb);
	const sheet *s = &wb.sheets[0];
	int lines[] = { 2, 3, 4, 5, 7, 8, 9 };
	for (int r = 0; r < 7; r++)
		assert_int_equal(s->rows[r].line, lines[r]);
	check_row(&wb.sheets[1], 0, 10, "list_name", "name", "label::Kyrgyz (ky)",
	          "label::Russian (ru)", NULL);
	assert_int_equal(wb.sheets[2].rows[0].line, 16);
	assert_int_equal(wb.sheets[2].rows[1].line, 17);
	read_fixture("form.md", &md);
	assert_same_cells(&wb, &md);
	workbook_release(&md);
	workbook_release(&wb);
}

static void test_csv_quoting(void **state)
{
	workbook wb;
	read_str("csv",
	         "survey,type,name,label\n"
	         ",note,n1,\"two\nlines\"\n"               /* record at line 2 spans two lines */
	         ",note,n2,\"say \"\"hi\"\"\"\n"           /* line 4 */
	         ",note,n4,\"x\r\ny\"\r"                   /* line 5: quoted CR LF, record ends in CR */
	         ",note , n5 ,\" spaced \"\n"              /* line 7 */
	         ",,,\n"
	         ",note,n6,last,",                         /* line 9: trailing separator, no EOL */
	         &wb);
	const sheet *s = &wb.sheets[0];
	assert_int_equal(s->nrows, 6);
	check_row(s, 0, 1, "type", "name", "label", NULL);
	check_row(s, 1, 2, "note", "n1", "two\nlines", NULL);
	check_row(s, 2, 4, "note", "n2", "say \"hi\"", NULL);
	check_row(s, 3, 5, "note", "n4", "x\ny", NULL);
	check_row(s, 4, 7, "note", "n5", "spaced", NULL);
	check_row(s, 5, 9, "note", "n6", "last", NULL);
	workbook_release(&wb);

	/* text after a closing quote is kept, a quote inside an unquoted field is literal */
	read_str("csv", "s,a,b\n,\"a\"b,x\"y\"\n", &wb);
	check_row(&wb.sheets[0], 1, 2, "ab", "x\"y\"", NULL);
	workbook_release(&wb);

	/* ';' separated (Excel with Russian settings), commas kept inside cells */
	read_str("csv", "\"survey\";;\r\n;type;label\r\n;text;\"Аты, жөнү\"\r\n;note;a,b\r\n", &wb);
	check_row(&wb.sheets[0], 0, 2, "type", "label", NULL);
	check_row(&wb.sheets[0], 1, 3, "text", "Аты, жөнү", NULL);
	check_row(&wb.sheets[0], 2, 4, "note", "a,b", NULL);
	workbook_release(&wb);

	/* a lone sheet name, blank lines, CR-only line ends */
	read_str("csv", "survey\r\r,type\r\r,text\r", &wb);
	check_row(&wb.sheets[0], 0, 3, "type", NULL);
	check_row(&wb.sheets[0], 1, 5, "text", NULL);
	workbook_release(&wb);

	read_str("csv", "", &wb);
	assert_int_equal(wb.nsheets, 0);
	workbook_release(&wb);
}

static void test_csv_errors(void **state)
{
	assert_string_equal(read_fixture_err("stray_quote.csv"), "3: unterminated quoted field");
	assert_string_equal(read_str_err("csv", "s,a,b,c\n,note,n3,x,\"y\"\n"),
	                    "2: row has 4 cells, the header has 3");
	assert_string_equal(read_str_err("csv", "s,a\n,\"x\n\n\n"), "2: unterminated quoted field");
	assert_string_equal(read_str_err("csv", "\""), "1: unterminated quoted field");
	assert_string_equal(read_str_err("csv", "\n,type,name\n"),
	                    "2: row before the first sheet name: put the sheet name (e.g. 'survey') "
	                    "in the first column");
	assert_string_equal(read_str_err("csv", "s,a\n,x\ns,b\n"), "3: sheet 's' appears twice");
	assert_string_equal(read_str_err("csv", "s,a\n,\xd0\n"),
	                    "2: the text is not UTF-8: save the file as UTF-8");
}

/* ---- shared behaviour ---- */

static void test_cell_cleaning(void **state)
{
	workbook wb;
	/* blanks and no-break spaces trimmed at both ends, inner no-break spaces become spaces */
	read_str("md", "| s | \xc2\xa0 a\xc2\xa0" "b \xc2\xa0 | \t |  c  |\n| | x | z | y |\n", &wb);
	check_row(&wb.sheets[0], 0, 1, "a b", "", "c", NULL);
	check_row(&wb.sheets[0], 1, 2, "x", "z", "y", NULL);
	workbook_release(&wb);
}

static void test_blank_columns(void **state)
{
	workbook wb;
	/* column 2 is blank everywhere and goes; column 3 has only a value and stays */
	read_str("md",
	         "| s | a |  |   | d |\n"
	         "|   | 1 |  | x | 4 |\n"
	         "|   | 5 |  |   |   |\n",
	         &wb);
	const sheet *s = &wb.sheets[0];
	check_row(s, 0, 1, "a", "", "d", NULL);
	check_row(s, 1, 2, "1", "x", "4", NULL);
	check_row(s, 2, 3, "5", NULL);
	workbook_release(&wb);
}

static void test_read_dispatch(void **state)
{
	char err[ERR_MAX];
	workbook wb;
	assert_int_equal(workbook_read("x.txt", &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format: the name must end in .xlsx, .csv or .md");
	assert_int_equal(workbook_read("dir.md/x", &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format: the name must end in .xlsx, .csv or .md");
	assert_int_equal(workbook_read("old.XLS", &wb, err), -1);
	assert_string_equal(err, "old .xls files cannot be read: save it as .xlsx");
	assert_int_equal(workbook_read("/nonexistent/form.MD", &wb, err), -1);
	assert_string_equal(err, "cannot open: No such file or directory");
	assert_int_equal(workbook_read_mem("m", "ods", "", 0, &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format 'ods': use xlsx, csv or md");
	assert_null(wb.path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_form),
		cmocka_unit_test(test_md_layout),
		cmocka_unit_test(test_md_ragged),
		cmocka_unit_test(test_md_errors),
		cmocka_unit_test(test_csv_form),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_cell_cleaning),
		cmocka_unit_test(test_blank_columns),
		cmocka_unit_test(test_read_dispatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

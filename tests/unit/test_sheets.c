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
#include <zip.h>

#include "form/sheets.h"
#include "form/sheets_impl.h"   /* the limits, to lower them */
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

/* ---- xlsx ---- */

/* A zip archive in memory from (name, content) pairs ending with NULL. Caller frees. */
static char *make_zip(size_t *len, ...)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	va_list ap;
	va_start(ap, len);
	for (const char *name; (name = va_arg(ap, const char *));) {
		const char *content = va_arg(ap, const char *);
		zip_source_t *f = zip_source_buffer(za, content, strlen(content), 0);
		assert_true(zip_file_add(za, name, f, 0) >= 0);
	}
	va_end(ap);
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t n = zip_source_tell(src);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *buf = xmalloc((size_t)n);
	assert_int_equal(zip_source_read(src, buf, (zip_uint64_t)n), n);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)n;
	return buf;
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELS_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define PKG_RELS "<Relationships " RELS_NS "><Relationship Id=\"rId1\" Type=\"" REL_TYPE \
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB_RELS "<Relationships " RELS_NS \
	"><Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
	"<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/>" \
	"</Relationships>"
#define ONE_SHEET_WB "<workbook " NS "><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/>" \
	"</sheets></workbook>"
#define SST "<sst " NS "><si><t>type</t></si><si><t>text</t></si></sst>"

/* Reads a one-sheet workbook ("survey") with this sheetData and the shared strings
 * "type", "text"; returns 0 or -1 with err filled. */
static int read_sheet_data(const char *sheet_data, workbook *wb, char *err)
{
	char *xml = xasprintf("<worksheet " NS "><sheetData>%s</sheetData></worksheet>", sheet_data);
	size_t len;
	char *zip = make_zip(&len, "_rels/.rels", PKG_RELS, "xl/workbook.xml", ONE_SHEET_WB,
	                     "xl/_rels/workbook.xml.rels", WB_RELS, "xl/sharedStrings.xml", SST,
	                     "xl/worksheets/sheet1.xml", xml, NULL);
	int rc = workbook_read_mem("mem.xlsx", "xlsx", zip, len, wb, err);
	free(zip);
	free(xml);
	return rc;
}

static const char *sheet_data_err(const char *sheet_data)
{
	static char err[ERR_MAX];
	workbook wb;
	err[0] = '\0';
	assert_int_equal(read_sheet_data(sheet_data, &wb, err), -1);
	assert_null(wb.sheets);
	return err;
}

static const char *zip_err(size_t len, char *zip)
{
	static char err[ERR_MAX];
	workbook wb;
	err[0] = '\0';
	assert_int_equal(workbook_read_mem("mem.xlsx", "xlsx", zip, len, &wb, err), -1);
	assert_null(wb.sheets);
	free(zip);
	return err;
}

static void test_xlsx_form(void **state)
{
	const char *names[] = { "form.xlsx", "form_inline.xlsx" };   /* shared, inline strings */
	for (int i = 0; i < 2; i++) {
		workbook wb;
		read_fixture(names[i], &wb);
		check_form(&wb);
		const sheet *s = &wb.sheets[0];
		int lines[] = { 1, 2, 3, 4, 6, 7, 8 };
		for (int r = 0; r < 7; r++)
			assert_int_equal(s->rows[r].line, lines[r]);
		assert_int_equal(wb.sheets[2].rows[1].line, 2);
		workbook_release(&wb);
	}
}

/* The one form as .xlsx, .csv and .md gives the same sheets, rows and cells. */
static void test_three_formats(void **state)
{
	workbook x, c, m;
	read_fixture("form.xlsx", &x);
	read_fixture("form.csv", &c);
	read_fixture("form.md", &m);
	assert_same_cells(&x, &c);
	assert_same_cells(&x, &m);
	assert_same_cells(&c, &m);
	workbook_release(&x);
	workbook_release(&c);
	workbook_release(&m);
}

static void test_xlsx_types(void **state)
{
	workbook wb;
	read_fixture("types.xlsx", &wb);
	const sheet *s = workbook_sheet(&wb, "types");
	assert_non_null(s);
	assert_int_equal(s->nrows, 23);
	for (int r = 0; r < s->nrows; r++) {
		assert_int_equal(s->rows[r].line, r + 1);
		assert_int_equal(s->rows[r].ncells, 2);
		assert_string_equal(s->rows[r].cells[0], s->rows[r].cells[1]);
	}
	workbook_release(&wb);
}

static void test_xlsx_structure(void **state)
{
	/* parts named freely and found through the relationships, sheet order from the
	 * workbook, prefixed element names, a chart sheet and a '_' sheet (whose part is missing)
	 * skipped, styles with a custom date format and the 1904 date system */
	size_t len;
	char *zip = make_zip(&len,
		"_rels/.rels", "<Relationships " RELS_NS "><Relationship Id=\"a\" Type=\"" REL_TYPE
			"officeDocument\" Target=\"/book/main.xml\"/></Relationships>",
		"book/main.xml", "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/"
			"spreadsheetml/2006/main\" xmlns:rr=\"http://schemas.openxmlformats.org/"
			"officeDocument/2006/relationships\"><x:workbookPr date1904=\"1\"/><x:sheets>"
			"<x:sheet name=\"survey\" sheetId=\"2\" rr:id=\"rId2\"/>"
			"<x:sheet name=\"Chart1\" sheetId=\"3\" rr:id=\"rId3\"/>"
			"<x:sheet name=\"_notes\" sheetId=\"4\" rr:id=\"rId4\"/>"
			"<x:sheet name=\"choices\" sheetId=\"1\" rr:id=\"rId1\"/></x:sheets></x:workbook>",
		"book/_rels/main.xml.rels", "<Relationships " RELS_NS ">"
			"<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"sheets/first.xml\"/>"
			"<Relationship Id=\"rId2\" Type=\"" REL_TYPE "worksheet\" Target=\"../data/./second%20part.xml\"/>"
			"<Relationship Id=\"rId3\" Type=\"" REL_TYPE "chartsheet\" Target=\"charts/c1.xml\"/>"
			"<Relationship Id=\"rId4\" Type=\"" REL_TYPE "worksheet\" Target=\"sheets/gone.xml\"/>"
			"<Relationship Id=\"rId5\" Type=\"" REL_TYPE "sharedStrings\" Target=\"strings.xml\"/>"
			"<Relationship Id=\"rId6\" Type=\"" REL_TYPE "styles\" Target=\"st.xml\"/>"
			"<Relationship Id=\"rId7\" Type=\"" REL_TYPE "hyperlink\" Target=\"http://x/\" TargetMode=\"External\"/>"
			"</Relationships>",
		"book/strings.xml", "<sst " NS ">"
			"<si><t>type</t></si>"
			"<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r>"
			"<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
			"<si><t>a_x000D_\nb_x005F_x0041_ _x0041_ \xd2\xa3</t></si>"
			"<si><t>_xD83D__xDE00_ _xD800_</t></si>"
			"</sst>",
		"book/st.xml", "<styleSheet " NS "><numFmts count=\"1\">"
			"<numFmt numFmtId=\"170\" formatCode=\"[$-419]d\\ mmmm\\ yyyy&quot;г.&quot;\"/>"
			"</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
			"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/><xf numFmtId=\"20\"/>"
			"</cellXfs><dxfs><dxf><numFmt numFmtId=\"2\" formatCode=\"yyyy\"/></dxf></dxfs>"
			"</styleSheet>",
		"data/second part.xml", "<worksheet " NS "><sheetData>"
			"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is>"
			"<r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c></row>"
			"<row r=\"3\"><c t=\"s\"><v> 1 </v></c><c t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c></row>"
			"<row><c r=\"A4\" s=\"1\"><v>1</v></c><c s=\"2\"><v>0.75</v></c><c s=\"0\"><v>1.5E-3</v></c>"
			"<c r=\"E4\"><f>SUM(A1)</f></c></row>"
			"<row r=\"9\"><c r=\"B9\" t=\"e\"><v>#N/A</v></c><c r=\"C9\" t=\"d\"><v>2024-03-15T00:00:00Z</v></c>"
			"<c r=\"D9\" t=\"d\"><v>2024-03-15T10:00:00</v></c><c r=\"e9\" t=\"b\"><v>1</v></c></row>"
			"<row r=\"10\"><c r=\"A10\" t=\"n\"><v>abc</v></c><c r=\"B10\" s=\"99\"><v>7</v></c></row>"
			"</sheetData><mergeCells count=\"0\"/></worksheet>",
		"book/sheets/first.xml", "<worksheet " NS "><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\">"
			"<v>0</v></c></row></sheetData></worksheet>",
		NULL);
	char err[ERR_MAX] = "";
	workbook wb;
	if (workbook_read_mem("mem.xlsx", "xlsx", zip, len, &wb, err))
		fail_msg("%s", err);
	free(zip);
	assert_int_equal(wb.nsheets, 2);
	const sheet *s = &wb.sheets[0];
	assert_string_equal(s->name, "survey");
	assert_string_equal(wb.sheets[1].name, "choices");
	check_row(&wb.sheets[1], 0, 2, "type", NULL);   /* column A blank: removed */
	assert_int_equal(s->nrows, 5);
	check_row(s, 0, 1, "type", "", "inline", NULL);
	check_row(s, 1, 3, "Rich text", "a\nb_x0041_ A \xd2\xa3", "\xf0\x9f\x98\x80 \xef\xbf\xbd", NULL);
	check_row(s, 2, 4, "1904-01-02", "18:00:00", "0.0015", NULL);
	check_row(s, 3, 9, "", "#N/A", "2024-03-15", "2024-03-15T10:00:00", "TRUE", NULL);
	check_row(s, 4, 10, "abc", "7", NULL);
	workbook_release(&wb);
}

static void test_xlsx_broken_files(void **state)
{
	assert_string_equal(read_fixture_err("truncated.xlsx"),
	                    "damaged .xlsx file (no zip directory: is it truncated?)");
	assert_string_equal(read_fixture_err("random.xlsx"),
	                    "not an .xlsx file (it is not a zip archive)");
	assert_string_equal(read_fixture_err("ole2.xlsx"),
	                    "password-protected or not an .xlsx file (it is an OLE2 document, like "
	                    "an old .xls): save it without a password as .xlsx");
	char err[ERR_MAX];
	workbook wb;
	assert_int_equal(workbook_read_mem("x", "xlsx", "PK", 2, &wb, err), -1);
	assert_string_equal(err, "not an .xlsx file (it is not a zip archive)");

	size_t len;
	char *zip = make_zip(&len, "content.xml", "<office/>", NULL);
	assert_string_equal(zip_err(len, zip),
	                    "not an .xlsx file (the zip archive has no 'xl/workbook.xml')");
	zip = make_zip(&len, "xl/workbook.xml", ONE_SHEET_WB, NULL);
	assert_string_equal(zip_err(len, zip),
	                    "damaged .xlsx file: part 'xl/_rels/workbook.xml.rels' is missing");
	zip = make_zip(&len, "xl/workbook.xml", ONE_SHEET_WB, "xl/_rels/workbook.xml.rels", WB_RELS,
	               NULL);
	assert_string_equal(zip_err(len, zip), "damaged .xlsx file: part 'xl/worksheets/sheet1.xml' "
	                    "of sheet 'survey' is missing");
	zip = make_zip(&len, "xl/workbook.xml", "<workbook " NS "><sheets><sheet name=\"survey\" "
	               "r:id=\"rId9\"/></sheets></workbook>", "xl/_rels/workbook.xml.rels", WB_RELS,
	               NULL);
	assert_string_equal(zip_err(len, zip), "damaged .xlsx file: sheet 'survey' has no part");
	zip = make_zip(&len, "xl/workbook.xml", "<workbook " NS "><sheets><sheet name=\"survey\" "
	               "r:id=\"rId1\"/><sheet name=\"SURVEY\" r:id=\"rId1\"/></sheets></workbook>",
	               "xl/_rels/workbook.xml.rels", WB_RELS, "xl/worksheets/sheet1.xml",
	               "<worksheet/>", NULL);
	assert_string_equal(zip_err(len, zip), "sheet 'SURVEY' appears twice");
	zip = make_zip(&len, "xl/workbook.xml", "<workbook " NS "><sheets><sheet name=\"a\" "
	               "r:id=\"rId1\"/><sheet name=\"b\" r:id=\"rId1\"/></sheets></workbook>",
	               "xl/_rels/workbook.xml.rels", WB_RELS, "xl/worksheets/sheet1.xml",
	               "<worksheet/>", NULL);
	assert_string_equal(zip_err(len, zip),
	                    "damaged .xlsx file: two sheets share part 'xl/worksheets/sheet1.xml'");
	zip = make_zip(&len, "xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><workbook/>", NULL);
	assert_string_equal(zip_err(len, zip), "damaged .xlsx file: part 'xl/workbook.xml' has a "
	                    "document type declaration");
}

static void test_xlsx_sheet_errors(void **state)
{
	assert_string_equal(sheet_data_err("<row><c><v>1</v></row>"),
	                    "damaged .xlsx file: malformed XML in part 'xl/worksheets/sheet1.xml' at "
	                    "line 1: mismatched tag");
	assert_string_equal(sheet_data_err("<row r=\"2\"><c t=\"s\"><v>7</v></c></row>"),
	                    "survey:2: damaged .xlsx file: shared string '7' does not exist");
	assert_string_equal(sheet_data_err("<row><c t=\"s\"><v>-1</v></c></row>"),
	                    "survey:1: damaged .xlsx file: shared string '-1' does not exist");
	assert_string_equal(sheet_data_err("<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1"
	                                   "</v></c></row>"),
	                    "survey:2: damaged .xlsx file: rows out of order");
	assert_string_equal(sheet_data_err("<row r=\"x\"/>"),
	                    "survey: damaged .xlsx file: bad row number 'x' after row 0");
	assert_string_equal(sheet_data_err("<row r=\"1048577\"><c><v>1</v></c></row>"),
	                    "survey:1048577: damaged .xlsx file: row number past Excel's last row "
	                    "1048576");
	assert_string_equal(sheet_data_err("<row><c r=\"XFE1\"><v>1</v></c></row>"),
	                    "survey:1: too many columns (more than 16384)");
	assert_string_equal(sheet_data_err("<row><c r=\"AAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>"),
	                    "survey:1: too many columns (more than 16384)");
	assert_string_equal(sheet_data_err("<row r=\"4\"><c r=\"B4\"><v>1</v></c><c r=\"A4\"><v>2</v>"
	                                   "</c></row>"),
	                    "survey:4: cells out of order");

	strbuf deep = STRBUF_INIT;
	for (int i = 0; i < 300; i++)
		sb_adds(&deep, "<x>");
	for (int i = 0; i < 300; i++)
		sb_adds(&deep, "</x>");
	assert_string_equal(sheet_data_err(sb_str(&deep)), "damaged .xlsx file: elements nested too "
	                    "deeply in part 'xl/worksheets/sheet1.xml'");
	sb_release(&deep);

	workbook wb;
	char err[ERR_MAX];
	/* the last possible column and row are fine */
	assert_int_equal(read_sheet_data("<row><c r=\"A1\" t=\"s\"><v>0</v></c>"
	                                 "<c r=\"XFD1\" t=\"s\"><v>1</v></c></row>"
	                                 "<row r=\"1000000\"><c><v>5</v></c></row>", &wb, err), 0);
	check_row(&wb.sheets[0], 0, 1, "type", "text", NULL);
	check_row(&wb.sheets[0], 1, 1000000, "5", NULL);
	workbook_release(&wb);
}

static void test_xlsx_limits(void **state)
{
	/* a part that inflates past the limit (lowered to 1 MiB here) is refused */
	strbuf rows = STRBUF_INIT;
	for (int r = 1; r <= 30000; r++)
		sb_addf(&rows, "<row r=\"%d\"><c><v>%d</v></c></row>", r, r);
	size_t saved = sheets_xlsx_part_limit;
	sheets_xlsx_part_limit = (size_t)1 << 20;
	assert_string_equal(sheet_data_err(sb_str(&rows)),
	                    "part 'xl/worksheets/sheet1.xml' inflates to more than 1 MiB");
	sheets_xlsx_part_limit = saved;
	saved = sheets_xlsx_total_limit;
	sheets_xlsx_total_limit = (size_t)1 << 20;
	assert_string_equal(sheet_data_err(sb_str(&rows)),
	                    "the .xlsx file inflates to more than 1 MiB");
	sheets_xlsx_total_limit = saved;
	workbook wb;
	char err[ERR_MAX];
	assert_int_equal(read_sheet_data(sb_str(&rows), &wb, err), 0);
	assert_int_equal(wb.sheets[0].nrows, 30000);
	check_row(&wb.sheets[0], 29999, 30000, "30000", NULL);
	workbook_release(&wb);
	sb_release(&rows);

	/* more cells than the workbook may hold: one far column in many rows */
	strbuf wide = STRBUF_INIT;
	for (int r = 1; r <= 400; r++)
		sb_addf(&wide, "<row><c r=\"XFD%d\"><v>1</v></c></row>", r);
	assert_string_equal(sheet_data_err(sb_str(&wide)),
	                    "survey:306: too many cells (more than 5000000)");
	sb_release(&wide);
}

/* ---- size ---- */

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A 2,000-row form loads in milliseconds in every format (generous bound for sanitizers). */
static void test_large_form(void **state)
{
	enum { ROWS = 2000 };
	strbuf md = STRBUF_INIT, csv = STRBUF_INIT, xml = STRBUF_INIT;
	sb_adds(&md, "| survey | type | name | label::Kyrgyz (ky) | label::Russian (ru) | relevant |\n");
	sb_adds(&csv, "survey,type,name,label::Kyrgyz (ky),label::Russian (ru),relevant\n");
	sb_adds(&xml, "<row><c t=\"inlineStr\"><is><t>type</t></is></c><c t=\"inlineStr\"><is><t>name"
	        "</t></is></c><c t=\"inlineStr\"><is><t>label::Kyrgyz (ky)</t></is></c><c t=\"inlineStr\">"
	        "<is><t>label::Russian (ru)</t></is></c><c t=\"inlineStr\"><is><t>relevant</t></is></c></row>");
	for (int r = 1; r <= ROWS; r++) {
		sb_addf(&md, "| | integer | q%d | Суроо %d ңөү | Вопрос %d | ${q%d} > %d |\n", r, r, r, r, r);
		sb_addf(&csv, ",integer,q%d,Суроо %d ңөү,Вопрос %d,${q%d} > %d\n", r, r, r, r, r);
		sb_addf(&xml, "<row><c t=\"inlineStr\"><is><t>integer</t></is></c><c t=\"inlineStr\"><is>"
		        "<t>q%d</t></is></c><c t=\"inlineStr\"><is><t>Суроо %d ңөү</t></is></c>"
		        "<c t=\"inlineStr\"><is><t>Вопрос %d</t></is></c><c t=\"inlineStr\"><is><t>${q%d} &gt; %d"
		        "</t></is></c></row>", r, r, r, r, r);
	}
	workbook wb[3];
	char err[ERR_MAX];
	double t0 = seconds();
	read_str("md", sb_str(&md), &wb[0]);
	double t1 = seconds();
	read_str("csv", sb_str(&csv), &wb[1]);
	double t2 = seconds();
	assert_int_equal(read_sheet_data(sb_str(&xml), &wb[2], err), 0);
	double t3 = seconds();
	assert_true(t1 - t0 < 1.0);
	assert_true(t2 - t1 < 1.0);
	assert_true(t3 - t2 < 1.0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(wb[i].sheets[0].nrows, ROWS + 1);
		check_row(&wb[i].sheets[0], ROWS, ROWS + 1, "integer", "q2000",
		          "Суроо 2000 ңөү", "Вопрос 2000", "${q2000} > 2000", NULL);
	}
	assert_same_cells(&wb[0], &wb[1]);
	assert_same_cells(&wb[0], &wb[2]);
	for (int i = 0; i < 3; i++)
		workbook_release(&wb[i]);
	sb_release(&md);
	sb_release(&csv);
	sb_release(&xml);
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

/* The filter gives the same text whether the part comes whole or one byte at a time. */
static char *rows_filtered(const char *in, size_t step)
{
	xlsx_rowfilter f = { 0 };
	strbuf got = STRBUF_INIT;
	size_t n = strlen(in), len;
	for (size_t i = 0; i < n; i += step) {
		const char *o = xlsx_rows_filter(&f, in + i, i + step < n ? step : n - i, 0, &len);
		sb_add(&got, o, len);
	}
	const char *o = xlsx_rows_filter(&f, "", 0, 1, &len);
	sb_add(&got, o, len);
	xlsx_rows_release(&f);
	return sb_detach(&got);
}

static void test_xlsx_empty_rows_filter(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\" s=\"1\"/>"
		  "<row r=\"3\"><c r=\"A3\" s=\"2\"/> <c r=\"B3\" s=\"2\"/></row></sheetData>",
		  "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>" },
		/* rows without numbers, cells with content, other elements: kept */
		{ "<row><c/></row><row r=\"4\"><c r=\"A4\"><f>1+1</f></c></row><rowBreaks/>",
		  "<row><c/></row><row r=\"4\"><c r=\"A4\"><f>1+1</f></c></row><rowBreaks/>" },
		{ "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
		  "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>x</t></is></c></row>" },
		/* an unfinished row at the end is left to the parser */
		{ "<row r=\"5\"><c r=\"A5\"/>", "<row r=\"5\"><c r=\"A5\"/>" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (size_t step = 1; step <= strlen(cases[i].in); step++) {
			char *got = rows_filtered(cases[i].in, step);
			assert_string_equal(got, cases[i].out);
			free(got);
		}
}

static void test_read_dispatch(void **state)
{
	char err[ERR_MAX];
	workbook wb;
	assert_int_equal(workbook_read("x.txt", &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format: the name must end in .xlsx, .xlsm, "
	                    ".xls, .csv or .md");
	assert_int_equal(workbook_read("dir.md/x", &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format: the name must end in .xlsx, .xlsm, "
	                    ".xls, .csv or .md");
	assert_string_equal(workbook_kind("old.XLS"), "xls");
	assert_string_equal(workbook_kind("macros.xlsm"), "xlsx");
	assert_string_equal(workbook_kind("f.Xlsx"), "xlsx");
	assert_null(workbook_kind("dir.xls/f"));
	assert_int_equal(workbook_read_mem("m.xls", "xls", "PK\3\4", 4, &wb, err), -1);
	assert_string_equal(err, "not an .xls file (no OLE2 header): is it another format renamed?");
	assert_int_equal(workbook_read("/nonexistent/form.MD", &wb, err), -1);
	assert_string_equal(err, "cannot open: No such file or directory");
	assert_int_equal(workbook_read_mem("m", "ods", "", 0, &wb, err), -1);
	assert_string_equal(err, "unknown questionnaire format 'ods': use xlsx, xls, csv or md");
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
		cmocka_unit_test(test_xlsx_form),
		cmocka_unit_test(test_three_formats),
		cmocka_unit_test(test_xlsx_types),
		cmocka_unit_test(test_xlsx_structure),
		cmocka_unit_test(test_xlsx_broken_files),
		cmocka_unit_test(test_xlsx_sheet_errors),
		cmocka_unit_test(test_xlsx_limits),
		cmocka_unit_test(test_large_form),
		cmocka_unit_test(test_cell_cleaning),
		cmocka_unit_test(test_blank_columns),
		cmocka_unit_test(test_xlsx_empty_rows_filter),
		cmocka_unit_test(test_read_dispatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

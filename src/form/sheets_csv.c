/* sheets_csv.c: pyxform's single-file .csv questionnaires: RFC 4180 records whose first field
 * names the sheet, as in pyxform's markdown:
 *
 *   survey,,,                 a record with a name in the first field opens a sheet; the rest of
 *   ,type,name,label          that record, if not empty, is its first row
 *   ,text,q1,"Q1, ""quoted"""
 *
 * Quotes open a quoted field only as its first character; "" inside is a quote; line breaks may
 * be quoted; text after a closing quote is kept (as Python's csv module does); a quote inside an
 * unquoted field is literal. Records end with LF, CR LF or CR. The separator is ',' unless the
 * first line that has a ',' or ';' outside quotes has more ';' (Excel with Russian settings saves
 * "CSV" with ';'). Row numbers are the lines where records start. */
#include "form/sheets_impl.h"

#include <string.h>

#include "util/csv.h"

/* plain: an ordinary CSV table (a media file), every record a row of one sheet "data". */
static int read_csv(const char *data, size_t len, workbook *wb, int plain, char *err)
{
	long start = sheets_text_start(data, len, err);
	if (start < 0)
		return -1;
	csv_scan cs = { .p = data + start, .end = data + len, .line = 1 };
	cs.sep = csv_sniff(cs.p, cs.end, 1);
	wbb b;
	wbb_init(&b, wb, 1);
	strbuf field = STRBUF_INIT;
	int rc = plain ? wbb_sheet(&b, "data", 1, err) : 0;

	while (cs.p < cs.end && !rc) {
		wbb_row_begin(&b, cs.line);
		int more = 1, at;
		for (int col = 0; more && !rc; col++) {
			if (csv_scan_field(&cs, &field, 0, (size_t)-1, &at))
				rc = errf(err, "%d: unterminated quoted field", at);
			else
				rc = wbb_cell(&b, col, sb_str(&field), field.len, err);
			more = csv_scan_next(&cs);
		}
		if (!rc)
			rc = plain ? wbb_row_end(&b, err) : wbb_text_row_end(&b, err);
	}
	if (!rc)
		wbb_finish(&b);
	sb_release(&field);
	wbb_release(&b);
	return rc;
}

int sheets_read_csv(const char *data, size_t len, workbook *wb, char *err)
{
	return read_csv(data, len, wb, 0, err);
}

int sheets_read_csv_table(const char *data, size_t len, workbook *wb, char *err)
{
	return read_csv(data, len, wb, 1, err);
}

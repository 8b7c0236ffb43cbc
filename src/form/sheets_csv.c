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

/* ',' or ';', whichever is more frequent on the first line that has either. */
static char sniff_separator(const char *p, const char *end)
{
	int commas = 0, semis = 0, quoted = 0;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == ',')
			commas++;
		else if (*p == ';')
			semis++;
		else if ((*p == '\n' || *p == '\r') && commas + semis > 0)
			break;
	}
	return semis > commas ? ';' : ',';
}

/* plain: an ordinary CSV table (a media file), every record a row of one sheet "data". */
static int read_csv(const char *data, size_t len, workbook *wb, int plain, char *err)
{
	long start = sheets_text_start(data, len, err);
	if (start < 0)
		return -1;
	const char *p = data + start, *end = data + len;
	char sep = sniff_separator(p, end);
	wbb b;
	wbb_init(&b, wb, 1);
	strbuf field = STRBUF_INIT;
	int line = 1, rc = plain ? wbb_sheet(&b, "data", 1, err) : 0;

	while (p < end && !rc) {
		wbb_row_begin(&b, line);
		for (int col = 0; !rc; col++) {
			sb_reset(&field);
			if (p < end && *p == '"') {
				int qline = line;
				p++;
				for (;;) {
					const char *q = p;
					while (q < end && *q != '"') {
						if (*q == '\n' || (*q == '\r' && (q + 1 == end || q[1] != '\n')))
							line++;
						q++;
					}
					sb_add(&field, p, (size_t)(q - p));
					if (q == end) {
						rc = errf(err, "%d: unterminated quoted field", qline);
						break;
					}
					p = q + 1;
					if (p < end && *p == '"') {
						sb_addc(&field, '"');
						p++;
						continue;
					}
					break;
				}
				if (rc)
					break;
			}
			const char *q = p;
			while (q < end && *q != sep && *q != '\n' && *q != '\r')
				q++;
			sb_add(&field, p, (size_t)(q - p));
			p = q;
			rc = wbb_cell(&b, col, sb_str(&field), field.len, err);
			if (p < end && *p == sep)
				p++;
			else
				break;
		}
		if (rc)
			break;
		if (p < end) {
			if (*p == '\r' && p + 1 < end && p[1] == '\n')
				p++;
			p++;
			line++;
		}
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

/* sheets_md.c: pyxform's markdown questionnaires: pipe tables whose first column names the sheet.
 *
 *   | survey |         |      |       |      a row with a name in the first column opens a sheet;
 *   |        | type    | name | label |      the rest of that row, if not empty, is its first row
 *   |        | text    | q1   | Q1    |
 *
 * Lines whose first non-blank character is not '|' (headings, prose, blank lines) are ignored,
 * as are delimiter rows (|---|:--:|). "\|" is a literal pipe; other backslashes are kept. The
 * closing pipe may be left out (GitHub markdown). Row numbers are text lines. */
#include "form/sheets_impl.h"

#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Is [p, end) (the part after the opening pipe) a delimiter row: cells like ---, :--, --:? */
static int is_delimiter_row(const char *p, const char *end)
{
	int cells = 0;
	while (p < end) {
		const char *q = p;
		while (q < end && *q != '|')
			q++;
		const char *a = p, *z = q;
		while (a < z && is_blank(*a))
			a++;
		while (z > a && is_blank(z[-1]))
			z--;
		if (a < z && *a == ':')
			a++;
		if (z > a && z[-1] == ':')
			z--;
		if (a == z)
			return 0;
		for (; a < z; a++)
			if (*a != '-')
				return 0;
		cells++;
		p = q < end ? q + 1 : end;
	}
	return cells > 0;
}

static int md_line(wbb *b, const char *p, const char *end, int line, strbuf *cell, char *err)
{
	while (end > p && (is_blank(end[-1]) || end[-1] == '\r'))
		end--;
	while (p < end && is_blank(*p))
		p++;
	if (p == end || *p != '|')
		return 0;
	p++;
	if (is_delimiter_row(p, end))
		return 0;
	wbb_row_begin(b, line);
	for (int col = 0; p < end; col++) {
		sb_reset(cell);
		const char *q = p;
		while (q < end && *q != '|') {
			if (*q == '\\' && q + 1 < end && q[1] == '|') {
				sb_add(cell, p, (size_t)(q - p));
				sb_addc(cell, '|');
				q += 2;
				p = q;
				continue;
			}
			q++;
		}
		sb_add(cell, p, (size_t)(q - p));
		if (wbb_cell(b, col, sb_str(cell), cell->len, err))
			return -1;
		p = q < end ? q + 1 : end;
	}
	return wbb_text_row_end(b, err);
}

int sheets_read_md(const char *data, size_t len, workbook *wb, char *err)
{
	long start = sheets_text_start(data, len, err);
	if (start < 0)
		return -1;
	wbb b;
	wbb_init(&b, wb, 1);
	strbuf cell = STRBUF_INIT;
	const char *p = data + start, *end = data + len;
	int rc = 0;
	for (int line = 1; p < end && !rc; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		rc = md_line(&b, p, eol, line, &cell, err);
		p = nl ? nl + 1 : end;
	}
	if (!rc)
		wbb_finish(&b);
	sb_release(&cell);
	wbb_release(&b);
	return rc;
}

/* sheets.c: reading a questionnaire spreadsheet: choosing the reader by extension, the workbook
 * builder the readers share (cell cleaning, blank rows and columns, '_' sheets, limits). */
#include "form/sheets_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/utf8.h"

/* Error located at the row being built: "LINE: " for text formats, "SHEET:ROW: " for xlsx. */
static int wbb_err(wbb *b, char *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int wbb_err(wbb *b, char *err, const char *fmt, ...)
{
	char msg[ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (b->textfmt || !b->cur)
		return errf(err, "%d: %s", b->line, msg);
	return errf(err, "%s:%d: %s", b->cur->name, b->line, msg);
}

void wbb_init(wbb *b, workbook *wb, int text)
{
	memset(b, 0, sizeof *b);
	b->wb = wb;
	b->textfmt = text;
}

void wbb_release(wbb *b)
{
	sb_release(&b->row);
	free(b->offs);
	b->offs = NULL;
	b->ncols = b->cap_cols = 0;
}

/* Removes the columns of the current sheet that are empty in every row. */
static void finish_sheet(wbb *b)
{
	sheet *s = b->cur;
	if (!s || !s->nrows)
		return;
	int maxc = 0;
	for (int r = 0; r < s->nrows; r++)
		if (s->rows[r].ncells > maxc)
			maxc = s->rows[r].ncells;
	char *used = xcalloc((size_t)maxc, 1);
	int nused = 0;
	for (int r = 0; r < s->nrows; r++)
		for (int c = 0; c < s->rows[r].ncells; c++)
			if (s->rows[r].cells[c][0] && !used[c]) {
				used[c] = 1;
				nused++;
			}
	if (nused < maxc) {
		for (int r = 0; r < s->nrows; r++) {
			sheet_row *row = &s->rows[r];
			int k = 0;
			for (int c = 0; c < row->ncells; c++)
				if (used[c])
					row->cells[k++] = row->cells[c];
			row->ncells = k;
		}
	}
	free(used);
}

int wbb_sheet(wbb *b, const char *name, int line, char *err)
{
	workbook *wb = b->wb;
	finish_sheet(b);
	b->cur = NULL;
	b->skip = name[0] == '_';
	if (b->skip)
		return 0;
	for (int i = 0; i < wb->nsheets; i++) {
		if (ascii_casecmp(wb->sheets[i].name, name))
			continue;
		if (b->textfmt)
			return errf(err, "%d: sheet '%s' appears twice", line, name);
		return errf(err, "sheet '%s' appears twice", name);
	}
	if (wb->nsheets >= SHEETS_MAX_SHEETS)
		return errf(err, "too many sheets (more than %d)", SHEETS_MAX_SHEETS);
	if (wb->nsheets == b->cap_sheets) {
		b->cap_sheets = b->cap_sheets ? 2 * b->cap_sheets : 4;
		wb->sheets = xreallocarray(wb->sheets, (size_t)b->cap_sheets, sizeof *wb->sheets);
	}
	b->cur = &wb->sheets[wb->nsheets++];
	b->cur->name = xstrdup(name);
	b->cur->nrows = 0;
	b->cur->rows = NULL;
	b->cap_rows = 0;
	return 0;
}

void wbb_row_begin(wbb *b, int line)
{
	b->line = line;
	b->ncols = 0;
	sb_reset(&b->row);
	sb_add(&b->row, "", 1);   /* offset 0: the empty string gaps point at */
}

/* Length of the blank (ASCII white space or U+00A0) that starts at s, 0 if none. */
static size_t blank_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xc2 && n >= 2 && (unsigned char)s[1] == 0xa0)
		return 2;
	return 0;
}

/* Length of the blank that ends at s + n, 0 if none. */
static size_t blank_before(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[n - 1];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xa0 && n >= 2 && (unsigned char)s[n - 2] == 0xc2)
		return 2;
	return 0;
}

int wbb_cell(wbb *b, int col, const char *s, size_t n, char *err)
{
	if (col - b->textfmt >= SHEETS_MAX_COLS)
		return wbb_err(b, err, "too many columns (more than %d)", SHEETS_MAX_COLS);
	if (col < b->ncols)
		return wbb_err(b, err, "cells out of order");
	if (col >= b->cap_cols) {
		while (col >= b->cap_cols)
			b->cap_cols = b->cap_cols ? 2 * b->cap_cols : 32;
		b->offs = xreallocarray(b->offs, (size_t)b->cap_cols, sizeof *b->offs);
	}
	while (b->ncols < col)
		b->offs[b->ncols++] = 0;
	size_t k;
	while (n && (k = blank_at(s, n))) {
		s += k;
		n -= k;
	}
	while (n && (k = blank_before(s, n)))
		n -= k;
	b->offs[b->ncols++] = b->row.len;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '\r' && s[j] != '\0' && (unsigned char)s[j] != 0xc2)
			j++;
		sb_add(&b->row, s + i, j - i);
		if (j == n)
			break;
		if (s[j] == '\r') {
			sb_addc(&b->row, '\n');
			j += j + 1 < n && s[j + 1] == '\n' ? 2 : 1;
		} else if (s[j] == '\0') {
			j++;
		} else if (j + 1 < n && (unsigned char)s[j + 1] == 0xa0) {
			sb_addc(&b->row, ' ');
			j += 2;
		} else {
			sb_addc(&b->row, s[j]);
			j++;
		}
		i = j;
	}
	sb_add(&b->row, "", 1);
	return 0;
}

int wbb_row_end(wbb *b, char *err)
{
	const char *t = b->row.buf;
	int n = b->ncols;
	while (n > 0 && !t[b->offs[n - 1]])
		n--;
	if (n == 0 || b->skip)
		return 0;
	sheet *s = b->cur;
	if (!s)
		return wbb_err(b, err, "row before the first sheet name: "
		               "put the sheet name (e.g. 'survey') in the first column");
	if (b->textfmt && s->nrows > 0 && n > s->rows[0].ncells)
		return wbb_err(b, err, "row has %d cells, the header has %d", n, s->rows[0].ncells);
	if (s->nrows >= SHEETS_MAX_ROWS)
		return wbb_err(b, err, "too many rows (more than %d)", SHEETS_MAX_ROWS);
	if (b->cells + n > SHEETS_MAX_CELLS)
		return wbb_err(b, err, "too many cells (more than %d)", SHEETS_MAX_CELLS);
	b->cells += n;

	/* One allocation per row: the pointer array, then "", then the non-empty texts. */
	size_t bytes = 1;
	for (int c = 0; c < n; c++)
		if (t[b->offs[c]])
			bytes += strlen(t + b->offs[c]) + 1;
	char **cells = xmalloc((size_t)n * sizeof *cells + bytes);
	char *p = (char *)(cells + n), *empty = p;
	*p++ = '\0';
	for (int c = 0; c < n; c++) {
		const char *src = t + b->offs[c];
		if (!*src) {
			cells[c] = empty;
			continue;
		}
		size_t len = strlen(src) + 1;
		memcpy(p, src, len);
		cells[c] = p;
		p += len;
	}
	if (s->nrows == b->cap_rows) {
		b->cap_rows = b->cap_rows ? 2 * b->cap_rows : 16;
		s->rows = xreallocarray(s->rows, (size_t)b->cap_rows, sizeof *s->rows);
	}
	s->rows[s->nrows++] = (sheet_row){ .line = b->line, .ncells = n, .cells = cells };
	return 0;
}

int wbb_text_row_end(wbb *b, char *err)
{
	if (b->ncols == 0)
		return 0;
	const char *name = b->row.buf + b->offs[0];
	if (*name && wbb_sheet(b, name, b->line, err))
		return -1;
	memmove(b->offs, b->offs + 1, (size_t)(b->ncols - 1) * sizeof *b->offs);
	b->ncols--;
	return wbb_row_end(b, err);
}

void wbb_finish(wbb *b)
{
	finish_sheet(b);
	b->cur = NULL;
}

long sheets_text_start(const char *data, size_t len, char *err)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return errf(err, "the file is UTF-16 text: save it as UTF-8");
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	long start = (long)i;
	int line, nul;
	if (utf8_text_check((const char *)s + i, len - i, &line, &nul))
		return errf(err, nul ? "%d: the file contains a NUL byte: is it a text file?"
				     : "%d: the text is not UTF-8: save the file as UTF-8", line);
	return start;
}

void workbook_release(workbook *wb)
{
	if (!wb)
		return;
	for (int i = 0; i < wb->nsheets; i++) {
		sheet *s = &wb->sheets[i];
		for (int r = 0; r < s->nrows; r++)
			free(s->rows[r].cells);
		free(s->rows);
		free(s->name);
	}
	free(wb->sheets);
	free(wb->path);
	memset(wb, 0, sizeof *wb);
}

const sheet *workbook_sheet(const workbook *wb, const char *name)
{
	for (int i = 0; i < wb->nsheets; i++)
		if (!ascii_casecmp(wb->sheets[i].name, name))
			return &wb->sheets[i];
	return NULL;
}

int workbook_read_mem(const char *name, const char *kind, const void *data, size_t len,
                      workbook *wb, char *err)
{
	memset(wb, 0, sizeof *wb);
	if (len > SHEETS_MAX_FILE)
		return errf(err, "the file is larger than %zu MiB", SHEETS_MAX_FILE >> 20);
	int (*reader)(const char *, size_t, workbook *, char *);
	if (!strcmp(kind, "xlsx"))
		reader = sheets_read_xlsx;
	else if (!strcmp(kind, "xls"))
		reader = sheets_read_xls;
	else if (!strcmp(kind, "csv"))
		reader = sheets_read_csv;
	else if (!strcmp(kind, "md"))
		reader = sheets_read_md;
	else
		return errf(err, "unknown questionnaire format '%s': use xlsx, xls, csv or md", kind);
	wb->path = xstrdup(name ? name : "");
	if (reader(data, len, wb, err)) {
		workbook_release(wb);
		return -1;
	}
	return 0;
}

const char *workbook_kind(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	if (!dot)
		return NULL;
	if (!ascii_casecmp(dot, ".xlsx") || !ascii_casecmp(dot, ".xlsm"))
		return "xlsx";
	if (!ascii_casecmp(dot, ".xls"))
		return "xls";
	if (!ascii_casecmp(dot, ".csv"))
		return "csv";
	if (!ascii_casecmp(dot, ".md"))
		return "md";
	return NULL;
}

int workbook_read(const char *path, workbook *wb, char *err)
{
	memset(wb, 0, sizeof *wb);
	const char *kind = workbook_kind(path);
	if (!kind)
		return errf(err, "unknown questionnaire format: the name must end in .xlsx, .xlsm, "
		            ".xls, .csv or .md");

	struct stat st;
	if (stat(path, &st))
		return errf(err, "cannot open: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return errf(err, "cannot open: %s", strerror(EISDIR));
	if (st.st_size > (off_t)SHEETS_MAX_FILE)
		return errf(err, "the file is larger than %zu MiB", SHEETS_MAX_FILE >> 20);
	size_t len;
	char *data = read_file(path, &len, err);
	if (!data)
		return -1;
	int rc = workbook_read_mem(path, kind, data, len, wb, err);
	free(data);
	return rc;
}

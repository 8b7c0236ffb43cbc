/* sheets_impl.h: private to the sheet readers (sheets*.c): the row-by-row workbook builder they
 * share, their entry points and the limits that keep hostile files bounded. */
#ifndef SURVEY_SHEETS_IMPL_H
#define SURVEY_SHEETS_IMPL_H

#include <stddef.h>

#include "form/sheets.h"
#include "util/util.h"

#define SHEETS_MAX_FILE   ((size_t)64 << 20)  /* bytes of a questionnaire file */
#define SHEETS_MAX_SHEETS 1000                /* sheets in a workbook */
#define SHEETS_MAX_ROWS   1000000             /* rows with a value stored in a sheet */
#define SHEETS_MAX_ROWNUM 1048576             /* .xlsx row number: Excel's last row */
#define SHEETS_MAX_COLS   16384               /* columns of a sheet */
#define SHEETS_MAX_CELLS  5000000             /* cells stored in a workbook, empty ones included */

/* Limits on inflated .xlsx data; variables so that tests can lower them. */
extern size_t sheets_xlsx_part_limit;   /* one zip part: 256 MiB */
extern size_t sheets_xlsx_total_limit;  /* all parts read together: 512 MiB */

/* Builds a workbook one row at a time. The readers call, in file order:
 *   wbb_sheet()                          when a sheet starts (xlsx), or
 *   wbb_row_begin(), wbb_cell()..., wbb_row_end() for each row, and finally
 *   wbb_finish()                         which closes the last sheet.
 * Text formats (csv, md) put the sheet-name column in cell 0 and end rows with
 * wbb_text_row_end(), which opens a sheet when cell 0 is not empty.
 * The builder normalises every cell (trims blanks and no-break spaces at both ends, turns inner
 * no-break spaces into spaces and CR LF or a lone CR into LF), drops trailing empty cells, blank
 * rows, wholly blank columns and sheets whose names start with '_'. Errors are located as
 * "LINE: " (text formats) or "SHEET:ROW: " (xlsx). */
typedef struct wbb {
	workbook *wb;      /* the workbook being filled */
	int textfmt;       /* 1: csv or md (locations "LINE: ", ragged rows checked) */
	int cap_sheets;    /* allocated entries of wb->sheets */
	int cap_rows;      /* allocated entries of the current sheet's rows */
	int skip;          /* 1 while the current sheet is being dropped */
	sheet *cur;        /* the sheet being filled; NULL before the first or while skipping */
	long cells;        /* cells stored so far */
	int line;          /* line or row number of the row being built */
	strbuf row;        /* the row's cell texts, each NUL-terminated; offset 0 holds "" */
	size_t *offs;      /* offs[c] is where column c's text starts in `row` */
	int ncols;         /* columns of the row so far */
	int cap_cols;      /* allocated entries of offs */
} wbb;

void wbb_init(wbb *b, workbook *wb, int text);
void wbb_release(wbb *b);   /* frees the builder's scratch space, not the workbook */

/* Start sheet `name`; `line` locates a duplicate in text formats. Sets b->skip for '_' sheets. */
int wbb_sheet(wbb *b, const char *name, int line, char *err);

void wbb_row_begin(wbb *b, int line);
/* Cell `col` (0-based, increasing within a row; gaps become empty cells). */
int wbb_cell(wbb *b, int col, const char *s, size_t n, char *err);
int wbb_row_end(wbb *b, char *err);
int wbb_text_row_end(wbb *b, char *err);
void wbb_finish(wbb *b);

/* Text formats: skips a UTF-8 byte order mark; refuses UTF-16, NUL bytes and invalid UTF-8
 * with the line where they are. Returns the offset where the text starts, or -1. */
long sheets_text_start(const char *data, size_t len, char *err);

/* .xlsx cell values (sheets_xlsx_value.c). */
int xlsx_builtin_is_date(int numfmt_id);     /* built-in number formats 14-22, 45-47 */
int xlsx_format_is_date(const char *code);   /* d, m, y, h or s outside quotes and brackets */
/* Appends number text `s` as Excel shows it (integers without ".0", else 15 significant
 * digits), or as a date or time when is_date; text that is not a number is appended as is. */
void xlsx_add_number(strbuf *out, const char *s, int is_date, int date1904);
void xlsx_add_double(strbuf *out, double v);  /* the same for a number already parsed */
/* Appends string text, decoding the _xHHHH_ escapes of OOXML (a NUL is dropped). */
void xlsx_add_text(strbuf *out, const char *s, size_t n);
int xlsx_hexval(char c);                     /* 0-15, or -1 if c is not a hex digit */

/* Worksheet XML with its valueless rows removed (sheets_xlsx_rows.c): rows holding only
 * self-closing <c/> cells (formatting), with a row number, never reach the XML parser. */
typedef struct xlsx_rowfilter {
	strbuf carry;   /* bytes kept for the next chunk (a row not yet complete) */
	strbuf out;     /* the filtered text of the last call */
} xlsx_rowfilter;
/* Takes the next n bytes of the part (final: the last call, n may be 0); returns the text to
 * give the XML parser now (*outlen bytes, valid until the next call). Empty the carry (len 0)
 * before a new part. */
const char *xlsx_rows_filter(xlsx_rowfilter *f, const char *buf, size_t n, int final,
                             size_t *outlen);
void xlsx_rows_release(xlsx_rowfilter *f);

/* The readers: fill a zeroed *wb (path already set); on failure the caller releases it. */
int sheets_read_md(const char *data, size_t len, workbook *wb, char *err);
int sheets_read_csv(const char *data, size_t len, workbook *wb, char *err);
/* An ordinary CSV file (a form's media file): every record is a row of one sheet, "data". */
int sheets_read_csv_table(const char *data, size_t len, workbook *wb, char *err);
int sheets_read_xlsx(const char *data, size_t len, workbook *wb, char *err);
int sheets_read_xls(const char *data, size_t len, workbook *wb, char *err);   /* libfreexl */

#endif

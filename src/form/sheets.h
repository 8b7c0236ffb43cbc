/* sheets.h: a spreadsheet read into memory — the common shape of the three XLSForm readers
 * (.xlsx/.xlsm through libzip + expat, .xls through libfreexl, pyxform's single-file .csv,
 * pyxform's markdown tables .md). */
#ifndef SURVEY_SHEETS_H
#define SURVEY_SHEETS_H

/* One non-blank row of a sheet. */
typedef struct sheet_row {
	int line;        /* 1-based row number in the file as a person sees it: the spreadsheet row
	                    for .xlsx, the text line for .csv and .md */
	int ncells;      /* number of cells in `cells` (trailing empty cells may be omitted) */
	char **cells;    /* cells[c] is the UTF-8 text of column c, "" when empty; never NULL */
} sheet_row;

/* One sheet. Row 0 (when nrows > 0) is the header row. Wholly blank rows are not stored. */
typedef struct sheet {
	char *name;      /* the sheet's name as written ("survey", "choices", "settings", ...) */
	int nrows;       /* number of stored rows */
	sheet_row *rows; /* the rows, in file order */
} sheet;

/* A whole file. Sheets whose names start with '_' are dropped by the readers. */
typedef struct workbook {
	char *path;      /* the file it was read from */
	int nsheets;     /* number of sheets */
	sheet *sheets;   /* the sheets, in file order */
} workbook;

/* The reader for a file name, by its extension (case-insensitive): "xlsx" for .xlsx and .xlsm
 * (macros are never run or read), "xls" for old binary Excel files, "csv", "md"; NULL for
 * anything else. */
const char *workbook_kind(const char *path);

/* Read `path`, choosing the reader with workbook_kind().
 * Returns 0 and fills *wb, or -1 with a message in err (ERR_MAX bytes) that starts with the
 * location when there is one: "SHEET:ROW: what is wrong" or "ROW: what is wrong" (the caller
 * prefixes the file name). Never crashes, hangs or allocates without bound on hostile input:
 * files over 64 MiB (or an .xlsx part that inflates over 256 MiB) are refused. libfreexl,
 * opening an .xls, allocates a cell for every place in each sheet's declared dimensions, so an
 * .xls is first opened in a child process capped at 512 MB more than ours and refused when that
 * fails (sheets_xls.c; sanitizer builds skip the cap). */
int workbook_read(const char *path, workbook *wb, char *err);

/* The same, from memory; `kind` is "xlsx", "xls", "csv" or "md". Used by the fuzzers and by callers
 * that hold a questionnaire embedded in a database. `name` is used as wb->path. */
int workbook_read_mem(const char *name, const char *kind, const void *data, size_t len,
                      workbook *wb, char *err);

/* Frees everything in *wb (not wb itself); safe on a zeroed or already released workbook. */
void workbook_release(workbook *wb);

/* The sheet with this name, compared case-insensitively; NULL if absent. */
const sheet *workbook_sheet(const workbook *wb, const char *name);

#endif

/* frame.h: a sample frame CSV read against a questionnaire (`survey frame`): one row per unit,
 * a stable unit id column and columns named like the form's questions, every value checked as
 * the question's answer. */
#ifndef SURVEY_EXPORT_FRAME_H
#define SURVEY_EXPORT_FRAME_H

#include "export/export.h"
#include "form/form.h"

/* What is wrong with a frame, for the message a command writes in the user's language. */
typedef enum frame_problem_code {
	FRAME_P_COLUMN = 1,    /* a column no question names: a = the column */
	FRAME_P_ID_EMPTY,      /* an empty unit id */
	FRAME_P_ID_BAD,        /* an overlong unit id or not one line: n = the limit */
	FRAME_P_VALUE,         /* a value its question refuses: a = the value, b = why (English) */
	FRAME_P_ROW_LONG,      /* a row longer than n bytes */
	FRAME_P_ID_AGAIN,      /* a unit id again: a = the id, n = the line it is first on */
	FRAME_P_MORE,          /* n more problems not shown (line 0) */
	FRAME_P_NO_ID_COLUMN,  /* no unit id column (frame_rows.why; -1) */
	FRAME_P_NO_ROWS,       /* a header but no rows (frame_rows.why; -1) */
	FRAME_P_CSV,           /* the CSV reader refused the file: frame_rows.csv says why (-1) */
} frame_problem_code;

typedef struct frame_problem {
	frame_problem_code code;
	int line;              /* its line in the CSV (0: the file) */
	const char *column;    /* its column, or NULL */
	const char *a, *b;
	int n;
	const char *english;   /* "FRAME.csv:LINE[:COLUMN]: error: ..." */
} frame_problem;
typedef void (*frame_report_fn)(void *arg, const frame_problem *p);

typedef struct frame_rows {
	int why;           /* after -1: a frame_problem_code, or 0 (err says it) */
	import_csv_problem csv;   /* why == FRAME_P_CSV: the reader's reason */
	int n;
	char **unit_ids;   /* per row */
	char **data;       /* per row: a JSON object of the row's columns (text values) */
	int *lines;        /* per row: its line in the CSV */
} frame_rows;

/* Read csv_path (import's CSV reader and bounds, lim NULL: the defaults) against f. id_col is
 * the unit id column (NULL: "unit_id"). Every problem of a row or a column is reported through
 * fn, with its English line "FRAME.csv:LINE[:COLUMN]: error: ..." (an unknown column, an empty,
 * overlong or repeated unit id, a value its question refuses). Returns 0 with *out filled, 1
 * when something was reported (out empty), -1 when the file cannot be read or has no id column
 * or no rows (err, one line; out->why says which, and out->csv why the reader refused it). */
int frame_read(const form *f, const char *csv_path, const char *id_col, const import_limits *lim,
	       frame_report_fn fn, void *arg, frame_rows *out, char *err);
void frame_rows_release(frame_rows *r);

#endif

/* frame.h: a sample frame CSV read against a questionnaire (`survey frame`): one row per unit,
 * a stable unit id column and columns named like the form's questions, every value checked as
 * the question's answer. */
#ifndef SURVEY_EXPORT_FRAME_H
#define SURVEY_EXPORT_FRAME_H

#include "export/export.h"
#include "form/form.h"

typedef struct frame_rows {
	int n;
	char **unit_ids;   /* per row */
	char **data;       /* per row: a JSON object of the row's columns (text values) */
	int *lines;        /* per row: its line in the CSV */
} frame_rows;

/* Read csv_path (import's CSV reader and bounds, lim NULL: the defaults) against f. id_col is
 * the unit id column (NULL: "unit_id"). Every problem of a row or a column is reported through
 * fn as "FRAME.csv:LINE[:COLUMN]: error: ..." (an unknown column, an empty, overlong or
 * repeated unit id, a value its question refuses). Returns 0 with *out filled, 1 when
 * something was reported (out empty), -1 when the file cannot be read (err, one line). */
int frame_read(const form *f, const char *csv_path, const char *id_col, const import_limits *lim,
	       import_report_fn fn, void *arg, frame_rows *out, char *err);
void frame_rows_release(frame_rows *r);

#endif

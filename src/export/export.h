/* export.h: data exchange — `survey export` (CSV, SPSS .sav, Stata .dta, JSON) of a database's
 * completed interviews, and `survey import` of a wide CSV as ODK Central or KoboToolbox export
 * it, each row checked against the questionnaire by the interview engine. Nothing here prints:
 * messages go to the caller through err or a callback. */
#ifndef SURVEY_EXPORT_H
#define SURVEY_EXPORT_H

#include "store/store.h"

/* ---- export ---------------------------------------------------------------------------- */

typedef enum export_format { EXPORT_CSV, EXPORT_SAV, EXPORT_DTA, EXPORT_JSON } export_format;
/* "csv", "sav", "dta" or "json" (ASCII case-insensitive); -1 when none of these. */
int export_format_parse(const char *name, export_format *out);

typedef struct export_opts {
	export_format format;
	const char *path;     /* the output file; a CSV, .sav or .dta of a form with repeats also
	                         gets one file per repeat beside it: BASE-REPEAT.EXT */
	const char *form_id;  /* which form when the database holds several; NULL: the only one */
	const char *lang;     /* language code or name for labels; NULL: each form's default */
	int labels;           /* CSV: choice labels (and words for don't know / refused) instead
	                         of choice names and the .d / .r markers */
	int bom;              /* CSV: start each file with a UTF-8 byte order mark (for Excel) */
	int raw;              /* CSV: cells exactly as stored; otherwise a cell that begins with =,
	                         +, -, @, tab or CR and is not a number gets a leading "'", so that
	                         a spreadsheet shows it as text instead of running it */
} export_opts;

/* What was written. */
typedef struct export_summary {
	long long interviews; /* interviews exported (rows of the main file) */
	int nversions;        /* form versions exported together */
	int nfiles;           /* files written, the main one first */
	char **files;         /* their paths */
	long long media_files;   /* attached files written into media_dir */
	long long media_missing; /* answers naming a file the database does not hold (imported
	                            names): their cells keep the name */
	char *media_dir;         /* the folder of the attached files ("FILE-media"), or NULL */
} export_summary;

/* Export the completed interviews of one form of st (every version of it, as the union of
 * their questions) to o->path. The files attached to their answers go into a folder beside
 * it (OUT without extension, "-media"), the cell holding the name they are written under. Every file is written under a temporary name in the same
 * folder and renamed only when all are complete; on failure nothing is left behind. Returns
 * 0 and fills *out (release with export_summary_release), or -1 with a one-line reason in err:
 * a missing folder, a database without completed interviews, several forms and no form_id,
 * an unknown language, a write error. */
int export_run(store *st, const export_opts *o, export_summary *out, char *err);
void export_summary_release(export_summary *s);

/* ---- import ---------------------------------------------------------------------------- */

/* Bounds on what one CSV file may hold; a file beyond one is refused whole with one line.
 * A field left 0 takes its default. */
#define IMPORT_MAX_COLUMNS 5000
#define IMPORT_MAX_ROWS 1000000
#define IMPORT_MAX_CELL (64 * 1024)
#define IMPORT_MAX_SIZE (256LL * 1024 * 1024)
typedef struct import_limits {
	long columns;           /* most columns in a file (IMPORT_MAX_COLUMNS) */
	long rows;              /* most data rows in a file (IMPORT_MAX_ROWS) */
	long cell;              /* most bytes in one cell (IMPORT_MAX_CELL) */
	long long size;         /* most bytes in one file (IMPORT_MAX_SIZE) */
} import_limits;

/* Why a CSV file was refused (csv_read: `import`'s and `frame`'s reader), besides the English
 * line, for a command that words it in the user's language. */
typedef enum import_csv_why {
	IMPORT_CSV_OK = 0,
	IMPORT_CSV_OTHER,         /* said in the English line only (a file that cannot be read) */
	IMPORT_CSV_NOT_FILE,      /* a folder, a device, a pipe */
	IMPORT_CSV_EMPTY,         /* nothing but blank lines */
	IMPORT_CSV_UTF16,         /* UTF-16 text */
	IMPORT_CSV_NOT_UTF8,      /* line: bytes that are not UTF-8 */
	IMPORT_CSV_NUL,           /* line: a NUL byte */
	IMPORT_CSV_UNCLOSED,      /* line, column (or field n): a quoted field never closed */
	IMPORT_CSV_AFTER_QUOTE,   /* line, column (or field n): text after a closing quote */
	IMPORT_CSV_QUOTE_INSIDE,  /* line, column (or field n): a quote inside an unquoted field */
	IMPORT_CSV_FIELDS,        /* line: n fields, the header has m */
	IMPORT_CSV_DUP_COLUMN,    /* line, column: a header name again (columns n and m) */
	IMPORT_CSV_MAX_ROWS,      /* line: more than n rows */
	IMPORT_CSV_MAX_COLUMNS,   /* line: more than n columns */
	IMPORT_CSV_MAX_CELL,      /* line, column (or field n): a cell of more than m bytes */
	IMPORT_CSV_MAX_SIZE,      /* more than n bytes */
} import_csv_why;
typedef struct import_csv_problem {
	import_csv_why why;
	int line;                 /* 0: the file as a whole */
	char column[128];         /* the header name where there is one, else "" */
	long long n, m;
} import_csv_problem;

typedef struct import_opts {
	const char *form_path;  /* the questionnaire (.xlsx, .csv, .md); embedded in the database */
	const char *data_path;  /* the wide CSV; repeats are read from DATA-REPEAT.csv beside it */
	int force;              /* import the good rows even when some are bad */
	const char *lang;       /* language of the engine's messages; NULL: English when the form
	                           has it, else the form's default */
	import_limits limits;   /* bounds on each CSV file */
} import_opts;

/* One message for the user: an error (a bad row or a bad file) or a warning (an ignored
 * column, a text answer that a spreadsheet would read as a formula), one line, located as
 * "DATA.csv:LINE:COLUMN: ...". It quotes cells as they are: the caller escapes it for the
 * terminal. The first IMPORT_SHOW_MESSAGES are given, then one "and N more problems" note. */
#define IMPORT_SHOW_MESSAGES 20
typedef enum import_severity { IMPORT_ERROR, IMPORT_WARNING, IMPORT_NOTE } import_severity;
typedef void (*import_report_fn)(void *arg, import_severity sev, const char *msg);

typedef struct import_summary {
	int rows;          /* data rows read from the main file */
	int imported;      /* interviews added */
	int existing;      /* rows whose interview (same UUID, same answers) was already there */
	int rejected;      /* rows with an error */
} import_summary;

typedef struct import_job import_job;   /* a questionnaire and a CSV, read and checked */

/* Read the questionnaire and the CSV file(s) and map the columns to questions. File-level
 * problems (not a regular file, beyond o->limits, not UTF-8, a stray quote, a column twice, an
 * empty file, an unknown form) fail with err and nothing else; warnings (unknown columns) go
 * to fn. A FIFO or a device is refused before it is read. Touches no database. */
int import_prepare(const import_opts *o, import_report_fn fn, void *arg, import_job **out,
		   char *err);
/* Import the rows into st in one transaction. Each bad row is reported through fn (errors).
 * Returns 0 when the transaction was committed (with force, bad rows are left out), 1 when
 * some row was bad and nothing was imported (without force), -1 on a failure (err). */
int import_run(import_job *job, store *st, import_summary *out, char *err);
void import_job_free(import_job *job);   /* NULL accepted */

#endif

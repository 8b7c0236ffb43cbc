/* import_impl.h: private to the import files of src/export/ — the job (the questionnaire,
 * the main CSV and one CSV per repeat, each column mapped) and message reporting. */
#ifndef SURVEY_IMPORT_IMPL_H
#define SURVEY_IMPORT_IMPL_H

#include "export/export_impl.h"

/* Metadata columns. IM_FORM_*: the questionnaire's own start/end/deviceid/username. */
enum {
	IM_NONE = -1,
	IM_INSTANCE_ID, IM_UUID, IM_KEY, IM_PARENT_KEY, IM_START, IM_END, IM_SUBMISSION,
	IM_DEVICE, IM_INTERVIEWER, IM_FORM_START, IM_FORM_END, IM_FORM_DEVICE, IM_FORM_USER,
	IM_ORIGIN,         /* "_origin" of survey's export: "simulated" stays simulated */
	IM_N
};

typedef struct icol {
	enum { C_IGNORE, C_VALUE, C_OPTION, C_META, C_GEO } kind;
	int node;          /* C_VALUE, C_OPTION, C_GEO: the question */
	int choice;        /* C_OPTION: index into its list; C_GEO: the part (xgeo_suffix) */
	int meta;          /* C_META: IM_* */
} icol;

/* One CSV file: the main one, or one repeat's. */
typedef struct ifile {
	char *name;        /* its path, for messages */
	csv_doc doc;
	int repeat;        /* the repeat node it holds, 0 for the main file */
	icol *cols;        /* per column */
	int meta[IM_N];    /* column of each metadata, -1 when absent */
	int *value_col;    /* per form node: the column with its value, -1 */
	int **opt_cols;    /* per select_multiple node: per choice, its 0/1 column (-1); or NULL */
	int *geo_cols;     /* [node * XGEO_NPARTS + part]: a geopoint's split columns (-1); or
	                      NULL when the file has none */
	int *by_parent;    /* repeat files: row indexes sorted by PARENT_KEY, then file order */
} ifile;

struct import_job {
	char *form_path, *data_path;
	char *msg_lang;        /* language of the engine's messages, NULL: the default */
	int force;
	form *f;
	void *source;          /* the questionnaire's bytes, embedded in the database */
	size_t source_len;
	char *source_kind;
	const char *source_name;
	ifile *files;          /* files[0]: the main file */
	int nfiles;
	int *file_of_repeat;   /* per form node: index into files for a repeat with a file, -1 */
	import_report_fn fn;
	void *arg;
	import_limits limits;  /* bounds on each CSV file */
	int errors;            /* errors reported so far */
	int warnings;          /* warnings reported so far */
	int messages;          /* messages reported so far (shown or not) */
	int prep_errors;       /* errors found before any row was imported */
	long media_names;      /* answers naming an attached file, whose bytes a CSV lacks */
	char *media_column;    /* the first column holding one */
};

/* Report a message "FILE:LINE:COLUMN: error|warning: MESSAGE" (line 0 and column NULL are
 * left out). Messages beyond IMPORT_SHOW_MESSAGES are counted, not shown; one line says how
 * many at the end. */
void import_report(import_job *job, import_severity sev, const char *file, int line,
		   const char *column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* import.c, for import_row.c: the one line that counts the messages not shown (once); a cell of
 * F (column -1: ""); the rows of a repeat file F whose PARENT_KEY is key (*first: their index in
 * F->by_parent) and their count; the interview UUID a main-file row names (meta/instanceID,
 * _uuid, KEY), lowercase, in out: 1 when it names none, -1 (reported) when it is not a UUID; the
 * UUID made from the form, the row's number and its fields (the same file gives the same
 * UUIDs); the join key of a main-file row (its KEY, else "uuid:U"; malloc'd, NULL when its UUID
 * is bad). */
void import_report_hidden(import_job *job);
const char *import_cell(const ifile *F, int row, int col);
int import_rows_of_parent(const ifile *F, const char *key, int *first);
int import_row_uuid(import_job *job, int row, char out[STORE_UUID_LEN + 1]);
void import_derived_uuid(const import_job *job, int row, char out[STORE_UUID_LEN + 1]);
char *import_main_key(import_job *job, int row);

/* Map the columns of F (F->doc read, F->repeat set). Unknown columns are reported as
 * warnings; -1 when a column is unusable (two columns for one question). */
int import_map_file(import_job *job, ifile *F);

/* import_geo.c: is header h (column c) a part of a geopoint ("NAME_latitude", Kobo's
 * "_NAME_latitude", Central's "NAME-Latitude", ...) in F's repeat? 0 and F->cols[c] set
 * (F->geo_cols made), else -1. */
int import_geo_column(import_job *job, ifile *F, const char *h, int c,
		      int (*node_by_header)(const form *, const char *, size_t));
/* The geopoint of node in row joined from its split columns ("lat lon alt acc", a missing
 * altitude or precision 0) and *col the column to name in messages; NULL when there are none
 * or they are all empty. malloc'd. */
char *import_geo_join(const ifile *F, int row, int node, int *col);

#endif

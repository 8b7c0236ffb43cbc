/* export_impl.h: private to src/export/ — the column model shared by the writers (questions in
 * questionnaire order over every form version, tables for repeats, columns with a variable
 * name per format), the rows the store's scan is cut into, variable names, value conversion,
 * and the CSV reader used by import. */
#ifndef SURVEY_EXPORT_IMPL_H
#define SURVEY_EXPORT_IMPL_H

#include <stdio.h>

#include "export/export.h"
#include "form/form.h"
#include "store/scan.h"
#include "util/hindex.h"
#include "util/json.h"
#include "util/outfile.h"
#include "util/util.h"

/* ---- variable names (names.c) ---- */

/* Naming schemes: the CSV header (paths as written: "grp/q", "grp/q/opt"), SPSS (64 bytes,
 * a letter first, [A-Za-z0-9_]) and Stata (32 characters, a letter or '_' first). */
enum xname { XN_CSV, XN_SAV, XN_DTA, XN_N };
#define XN_SAV_MAX 64
#define XN_DTA_MAX 32

/* A valid SPSS or Stata name made from `base`: Kyrgyz and Russian letters transliterated,
 * other characters outside [A-Za-z0-9_] turned into '_', a 'v' before a bad first character,
 * a '_' after a reserved word, cut to the format's limit. malloc'd. */
char *xname_clean(const char *base, enum xname scheme);

/* A set of names, compared case-insensitively, for making names unique within a file. */
typedef struct xname_set {
	strmap names;      /* nocase; zeroed memory is set up on first use */
} xname_set;
void xname_set_release(xname_set *s);
/* `name` itself when free, else name cut short with "_2", "_3", ... so that it stays within
 * max bytes (0: no limit); the result is added to the set. malloc'd. */
char *xname_unique(xname_set *s, const char *name, size_t max);

/* ---- the model (columns.c) ---- */

/* How a question's values are written to .sav/.dta. */
typedef enum xkind {
	XK_STRING,     /* text, select_multiple's own column, calculate, anything mixed */
	XK_NUMBER,     /* integer, decimal, range (and calculations that are all numbers) */
	XK_CODE,       /* select_one: numeric choice names, or codes 1..K */
	XK_DATE,       /* date, today */
	XK_DATETIME,   /* dateTime, start, end */
	XK_TIME,       /* time */
} xkind;

typedef struct xchoice {
	char *name;        /* the stored value */
	char *label;       /* label in the chosen language (fallbacks applied); NULL if none */
	int code;          /* .sav/.dta code: the name when numeric, else 1..K */
} xchoice;

typedef struct xquestion {
	char *path;        /* node path without instances: "grp/q", "hh/members/age" */
	char *name;        /* the name column */
	form_type type;    /* the newest version's type */
	int mixed;         /* the type differs between versions: written as text */
	char *label;       /* question label (chosen language, one line); NULL if none */
	int nchoices;      /* selects: the union of the versions' choices, newest first */
	xchoice *choices;
	int numeric;       /* select_one whose choice names are all integers */
	xkind kind;
	int table;         /* index into model->tables */
	int slot;          /* its position among its table's questions */
} xquestion;

typedef enum xcol_kind {
	XC_VALUE,          /* a question's value */
	XC_OPTION,         /* one choice of a select_multiple: 1 chosen, 0 not */
	XC_META,           /* interview metadata (main table) */
	XC_KEY,            /* "uuid:U" or "uuid:U/hh[2]" */
	XC_PARENT_KEY,     /* repeat tables: the KEY of the row it belongs to */
	XC_GEO,            /* one part of a geopoint (choice: 0 latitude ... 3 precision) */
} xcol_kind;

/* geo_cols.c: the parts a geopoint is split into ("latitude", "longitude", "altitude",
 * "precision"), and part k of a stored geopoint in a static buffer valid until the next call
 * (NULL when v is not one point or the part is not a plain number). */
#define XGEO_NPARTS 4
extern const char *const xgeo_suffix[XGEO_NPARTS];
const char *xgeo_part(const char *v, int k);
/* Does an answer path ("hh[2]/home") name a geopoint of the model (in every version)? */
struct xmodel;
int xgeo_is_point(const struct xmodel *m, const char *path);

enum xmeta {
	XM_UUID, XM_DEVICE, XM_INTERVIEWER, XM_STATUS, XM_START, XM_END, XM_VERSION,
	XM_ORIGIN,         /* field, imported, simulated (SPSS/Stata: codes 1-3, labelled) */
	XM_N
};
/* CSV header of a metadata column ("_uuid", "_device", ...). */
const char *xmeta_csv_name(enum xmeta m);
/* The metadata m of an interview as stored (NULL when it has none). */
const char *xmeta_text(const store_interview *iv, enum xmeta m);
/* The label of an origin (store_origin) in a language code ("ky", "ru", else English). */
const char *xword_origin(int origin, const char *lang_code);

typedef struct xcol {
	xcol_kind kind;
	int q;             /* XC_VALUE, XC_OPTION: the question */
	int choice;        /* XC_OPTION: index into its choices */
	enum xmeta meta;   /* XC_META */
	char *name[XN_N];  /* the column's name in each scheme */
	char *label;       /* variable label (one line), NULL if none */
} xcol;

typedef struct xtable {
	char *repeat;      /* NULL: the main table; else the repeat's node path */
	char *suffix;      /* file name suffix: "" for the main file, "-members" (Briefcase: the
	                      repeat's name, "~N" added when two repeats share one) */
	int parent;        /* the enclosing repeat's table, the main table (0), -1 for main */
	int nq;            /* questions in this table, in order */
	int *qs;
	int ncols;         /* columns in order */
	xcol *cols;
} xtable;

typedef struct xmodel {
	char *form_id;
	char *title;       /* the newest version's title */
	int nforms;        /* versions, oldest first */
	form **forms;
	int *lang;         /* per form: the chosen language's index, -1 for the default */
	const char *lang_code;   /* the chosen language's code ("ky"), or NULL */
	int nq;
	xquestion *qs;
	int ntables;       /* tables[0] is the main table */
	xtable *tables;
	struct xpath_index *index;   /* node path -> question */
	struct xmedia *media;        /* the attached files written (media.c), or NULL */
} xmodel;

/* Build the model of forms[0..n-1] (versions of one form, oldest first; the model takes them
 * and frees them). lang: a language code or name, or NULL; -1 with err when no version has
 * it. */
int xmodel_build(form **forms, int n, const char *lang, xmodel **out, char *err);
void xmodel_free(xmodel *m);
/* The question whose node path is path (len bytes), or -1. */
int xmodel_find(const xmodel *m, const char *path, size_t len);

/* ---- attached files (media.c) ---- */

/* Write the files the model's media questions name (store_attachments_scan) into the folder
 * beside out_path ("OUT-media"; made when there is one; refused when it exists and is not a
 * folder), each by outfile's rules (never over the database, whole or not at all), under its
 * plain file name, "NAME-2.EXT" for another file of the same name. *out NULL when the model
 * has no media question. -1 with err. */
struct xmedia;
int xmedia_write(store *st, const xmodel *m, const char *out_path, struct xmedia **out,
		 char *err);
void xmedia_free(struct xmedia *x);   /* NULL accepted */
/* The cell of an answered media answer: the name its file was written under, or value itself
 * when the database has no file for it (counted as missing). x NULL: value. */
const char *xmedia_cell(struct xmedia *x, const char *uuid, const char *path,
			const char *value);
/* The name the answer's file was written under, or NULL. */
const char *xmedia_file(struct xmedia *x, const char *uuid, const char *path);
/* Files written, distinct answers naming a file the database lacks, and the folder (NULL when
 * nothing was written). */
void xmedia_counts(const struct xmedia *x, long long *written, long long *missing,
		   const char **dir);

/* ---- rows (rows.c): the scan cut into one row per table and repeat instance ---- */

typedef struct xrow {
	const store_interview *iv;
	int table;
	const char *key;          /* "uuid:U", "uuid:U/hh[2]" */
	const char *parent_key;   /* NULL in the main table */
	const char *const *values;/* per slot of the table's questions; NULL: no value */
	const store_state *states;/* per slot */
	const unsigned char *present; /* per slot: an answer row exists (1) */
} xrow;

typedef int (*xrow_fn)(void *arg, const xrow *r, char *err);
/* Scan the completed interviews of the model's form and call fn for each row: an interview's
 * main row first, then its repeat rows in instance order. Returns 0, fn's non-zero value, or
 * -1 with err. */
int xrows_scan(store *st, const xmodel *m, xrow_fn fn, void *arg, char *err);

/* ---- values (values.c) ---- */

/* The words for don't know and refused in a language code ("ky", "ru", else English). */
const char *xword_dont_know(const char *lang_code);
const char *xword_refused(const char *lang_code);
const char *xword_yes(const char *lang_code);
const char *xword_no(const char *lang_code);
const char *xword_meta(enum xmeta m, const char *lang_code);  /* "Interview UUID", ... */

/* The CSV markers of special answers. */
#define X_MARK_DONT_KNOW ".d"
#define X_MARK_REFUSED ".r"

/* Is choice `name` among the space-separated names of `value`? */
int xvalue_has(const char *value, const char *name);
/* A number: decimal with '.', optional sign; 0 and *out, or -1. */
int xparse_number(const char *s, double *out);
/* "2021-03-09", "2021-03-09T14:05:00[.sss][Z|+06:00]", "14:05:00": days since 1970-01-01
 * and seconds within the day; the offset is ignored (wall time as written) unless utc is set,
 * when the time is moved to UTC. 0 or -1. */
int xparse_date(const char *s, long *days);
int xparse_datetime(const char *s, int utc, long *days, double *secs);
int xparse_time(const char *s, double *secs);
/* Copy of s on one line (runs of white space become one space), cut to at most max bytes
 * (0: no limit) or max characters (chars set) at a UTF-8 boundary. malloc'd; NULL for NULL. */
char *xlabel_line(const char *s, size_t max, int chars);

/* ---- writers ---- */

/* An output file being written under a temporary name. */
typedef struct xout {
	const char *path;  /* final path (out.path) */
	FILE *f;           /* writing out.tmp */
	outfile out;       /* the temporary file beside path, renamed by outfile_commit */
} xout;
/* Create the temporary file for path; -1 with err (a missing folder named as such). */
int xout_open(xout *o, const char *path, char *err);
/* Close (checking the write) without renaming; -1 with err. */
int xout_close(xout *o, char *err);
void xout_discard(xout *o);   /* close if open and remove the temporary file */
/* Path of table t's file: the main path with the table's suffix before the extension. */
char *xtable_path(const xmodel *m, int t, const char *main_path);

int xcsv_write(store *st, const xmodel *m, const export_opts *o, xout *outs, char *err);
/* The main table's last CSV cell: ',' then the interviewer's comments on the interview's
 * questions (store_comments), one "path: text" line each. 0, or -1 with err. */
int xcomments_cell(store *st, FILE *f, const char *uuid, int raw, char *err);
int xstat_write(store *st, const xmodel *m, const export_opts *o, xout *outs, char *err);
int xjson_write(store *st, const xmodel *m, const export_opts *o, FILE *f, char *err);


/* Would a spreadsheet read s as a formula: does it begin with =, +, -, @, tab or CR and is it
 * not a plain number (-5, +3, -0.25, 1e-3 stay numbers)? */
int xcsv_formula_like(const char *s);
/* CSV field (quoted when it holds a separator, quote, CR, LF, or leading/trailing blank);
 * unless raw, a formula-like one (xcsv_formula_like) gets a leading "'" (OWASP's rule). */
void xcsv_field(FILE *f, const char *s, int raw);

/* ---- CSV reading (import_csv.c) ---- */

/* A CSV file read whole: header and records, every field valid UTF-8. */
typedef struct csv_doc {
	char *path;        /* as given, for messages */
	int ncols;         /* header fields */
	char **header;     /* ncols names (BOM removed, trimmed) */
	int nrows;         /* data records */
	char ***rows;      /* rows[r][c]: c < ncols; missing trailing fields are not allowed */
	int *lines;        /* line where record r starts */
	char *arena;       /* the fields' text (rows point into it) */
	char sep;          /* ',' or ';' */
	int mixed_eol;     /* record ends of more than one kind (CR LF, LF, CR) */
	import_csv_problem problem;   /* after -1: why (the rest is released) */
} csv_doc;

/* Parse CSV text strictly (RFC 4180): a quote only opens a field as its first character,
 * "" inside quotes is a quote, quoted fields may hold line breaks; a quote elsewhere, text
 * after a closing quote, an unterminated quote, a record with more or fewer fields than the
 * header, invalid UTF-8 (with a hint about Windows-1251), a NUL byte, UTF-16, an empty file,
 * an empty or repeated header name: -1 with "LINE:COLUMN: what" or "LINE: what" (the caller
 * prefixes the file name). The separator is ',' or ';' (whichever the header line has more
 * of outside quotes). A UTF-8 byte order mark is skipped. Blank lines are skipped. Beyond
 * the default import_limits (more columns, rows or bytes in a cell): -1 too. After -1,
 * out->problem says why. */
int csv_parse(const char *data, size_t len, csv_doc *out, char *err);
/* csv_parse within lim (NULL or a field 0: the defaults). */
int csv_parse_bounded(const char *data, size_t len, const import_limits *lim, csv_doc *out,
		      char *err);
/* A regular file (a FIFO, a device or a folder refused before it is read; opened without
 * waiting for a writer) of at most lim->size bytes, parsed by csv_parse_bounded; err starts
 * with "FILE:" or names the file. */
int csv_read(const char *path, const import_limits *lim, csv_doc *out, char *err);
/* 0 when path is a regular file (checked without opening it), else -1 with err. */
int import_regular_file(const char *path, char *err);
void csv_doc_release(csv_doc *d);

#endif

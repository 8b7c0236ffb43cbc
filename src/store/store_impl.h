/* store_impl.h: the store's private parts, shared by the files of src/store/ only. */
#ifndef SURVEY_STORE_IMPL_H
#define SURVEY_STORE_IMPL_H

#include <nettle/sha2.h>
#include <stdarg.h>
#include <stddef.h>
#include <sqlite3.h>

#include "store/record.h"
#include "store/store.h"

#define STORE_APPLICATION_ID 0x53525659   /* "SRVY" in the SQLite header: our files */

/* A new private folder $TMPDIR/survey-NAME-XXXXXX (/tmp without TMPDIR), malloc'd; NULL with
 * "what: cannot make a folder in 'DIR' (TMPDIR): why" in err. */
char *store_tmpdir(const char *name, const char *what, char *err);

/* Prepared statements kept for the life of the connection (hot paths: saving answers). */
enum store_stmt_id {
	SQ_ANSWER_GET, SQ_ANSWER_PUT, SQ_IV_TOUCH, SQ_EVENT_PUT,
	SQ_RECORD_GET, SQ_RECORD_PUT, SQ_RECORD_TOUCH,   /* schema 8 (iv_record.c) */
	SQ_COUNT
};

struct store {
	sqlite3_stmt *cache[SQ_COUNT]; /* see store_stmt(); finalized by store_close */
	sqlite3 *db;          /* the one connection */
	char *path;           /* as given to store_open */
	char device_id[STORE_UUID_LEN + 1]; /* this file's device id */
	int readonly;         /* opened with STORE_READONLY */
	int batch;            /* inside store_batch_begin */
	int schema_version;   /* after migration */
	long long (*clock)(void *arg); /* store_set_clock: fake time in ms, or NULL */
	void *clock_arg;      /* passed to clock */
	/* schema 8: the path table of the form version last read (store_paths_of) */
	record_paths *paths;
	char *paths_form, *paths_version;
};

struct store_iv {
	store *st;            /* the database it belongs to */
	char uuid[STORE_UUID_LEN + 1];
	long long seq;        /* number of the last event logged */
	long long base_ms;    /* offset of the last event when this handle was opened */
	long long mono_start; /* CLOCK_MONOTONIC ms when this handle was opened */
	/* schema 8 (interview.c): the interview's rows as its record holds them, kept while the
	 * handle is open so that a save encodes without decoding first; rows_ok is 0 until they
	 * are loaded and again after a failed change (then they are read again) */
	record_rows rows;
	int rows_ok;
	char *form_id, *form_version;
};

/* A store_open flag of the store's own: leave the journal mode as the file has it (merge sets
 * its own, and only once it writes: a refused merge leaves the output's bytes unchanged). */
#define STORE_KEEP_JOURNAL 0x100
/* A store_open flag of the store's own: a file it creates gets 16 KiB pages, not SQLite's 4 KiB
 * (merge's output: large and written in bulk, where bigger pages mean a shallower tree and a
 * quarter of the reads and writes). */
#define STORE_BIG_PAGES 0x200

/* Check the SQLite header of path before SQLite opens it (store_open's first step): a foreign,
 * truncated or newer file is refused with "cannot open 'path': why". *fresh is set for a file
 * that does not exist or is empty (accepted only with STORE_CREATE). */
int store_check_header(const char *path, int flags, int *fresh, char *err);

/* Create the tables of a new file, or migrate an older one to STORE_SCHEMA_VERSION. */
int store_schema_create(sqlite3 *db, char *err);
int store_schema_migrate(sqlite3 *db, int from, char *err);
/* store_open's migration of st (open, writable, st->schema_version below
 * STORE_SCHEMA_VERSION, or to8) in one transaction: to STORE_SCHEMA_VERSION, and when to8 on
 * to schema 8 (record_migrate_7_to_8), from the version read again under the write lock
 * (another survey may have migrated it meanwhile: then nothing to do). st->schema_version
 * set. 0, or -1 with one line in err and the file as it was (a record that cannot be built:
 * which interview, and what to do). */
int store_open_migrate(store *st, int to8, char *err);
/* A schema-8 file (opened writable with STORE_SCHEMA8) into 16 KiB pages as a new one has them,
 * unless it has them: a file just migrated, whose dropped schema-7 tables still fill it. Only a
 * VACUUM changes the page size, and not in WAL mode: the journal goes to DELETE for it and
 * back. Each step is atomic, so a failure or a crash leaves a whole schema-8 file with its old
 * pages (correct, only larger; the next such open tries again): nothing is reported. Another
 * program holding the file open keeps the journal in WAL: then no VACUUM, and no wait. */
void store_pages_16k(store *st);
/* SQL expression: the origin of the interview row named `table` in the query (its table name or
 * alias) of database `schema` ("main", "src") at schema version `version`: its origin column
 * from version 3 on; before it, what the migration to 3 sets (simulate's trace in the event
 * log: 'simulated', else 'field'), so that an older file reads (list, report, merge) as it
 * would once migrated. sqlite3_free the result. */
char *store_origin_sql(const char *schema, const char *table, int version);
/* SQL expression over a conflicts row of a file at schema version `version`: its column
 * `interview` (JSON) as version 3 has it — before 3, with the key "origin" added last as the
 * migration adds it — for copying conflict rows from an older input. Static string. */
const char *store_conflict_interview_sql(int version);
/* A new in-memory database holding exactly the schema survey writes at `version` (1 ..
 * STORE_SCHEMA_VERSION): what a merge input's sqlite_schema must equal. Close with sqlite3_close. */
int store_schema_expected(int version, sqlite3 **out, char *err);

/* Run SQL with no result rows; -1 with "what: sqlite message" in err. */
int store_exec(sqlite3 *db, const char *sql, const char *what, char *err);
/* Prepare; -1 with err. */
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err);
/* Begin/commit/rollback unless a batch is open (then they do nothing). */
int store_tx_begin(store *st, char *err);
int store_tx_commit(store *st, char *err);
void store_tx_rollback(store *st);
/* The end of a change begun with store_tx_begin: rolled back when failed (-1), else committed
 * (store_tx_commit's result). */
int store_tx_end(store *st, int failed, char *err);
/* errf(err, "%s: %s", what, sqlite3_errmsg(db)) with the file name; returns -1. */
int store_sqlerr(store *st, const char *what, char *err);
/* Note (store_disk_full) when db's last error was a full disk: SQLITE_FULL, or an I/O error
 * whose cause was ENOSPC or EDQUOT. Every place that turns a failed write into err calls it
 * (store_exec and store_sqlerr do). 1 when the error was SQLITE_FULL. */
int store_note_full(sqlite3 *db);
/* The cached statement id, prepared on first use from sql, reset and unbound. NULL + err. */
sqlite3_stmt *store_stmt(store *st, enum store_stmt_id id, const char *sql, char *err);
/* The time to write now (the fake clock's when set), as ISO 8601, and a monotonic count of
 * milliseconds for event offsets (the fake clock's when set). */
void store_clock_now(const store *st, char out[32]);
long long store_clock_mono(const store *st);
/* The WHERE clause of a scan filter (struct store_scan_filter, scan.h) with numbered
 * parameters from ?first, columns prefixed by alias ("i." or NULL); returns the next number.
 * store_filter_bind binds the same parameters. */
struct strbuf;
struct store_scan_filter;
int store_filter_sql(struct strbuf *sql, const struct store_scan_filter *f, const char *alias,
		     int first);
void store_filter_bind(sqlite3_stmt *s, const struct store_scan_filter *f, int first);
/* Prepare sql (released, whatever the outcome) and bind filter's parameters from ?first:
 * 0, or -1 with err. */
int store_prepare_filtered(store *st, struct strbuf *sql, const struct store_scan_filter *f,
			   int first, sqlite3_stmt **s, char *err);
/* Rows of two text columns from sql into two malloc'd arrays (store_strings_free); rows with a
 * NULL (a damaged file) are left out. */
int store_string_pairs(store *st, const char *sql, char ***a, char ***b, int *n,
		       const char *what, char *err);
/* Order of two form versions (forms.c): digit runs by their value (so "2026112702" is after
 * "999" and "v10" after "v9"), other characters by byte; <0, 0, >0. "Newest" is the greatest. */
int store_version_cmp(const char *a, const char *b);
/* Sort pairs (form id, version) by id, then version (store_version_cmp). */
void store_sort_versions(char **ids, char **versions, int n);
/* A SHA-256 digest (32 bytes) as lowercase hex (written for every interview: no printf). */
void store_digest_hex(const unsigned char d[32], char out[65]);
/* Hex SHA-256 of a buffer (nettle). */
void store_sha256_hex(const void *data, size_t len, char out[65]);
/* Feed one field to a SHA-256: its bytes and a NUL; SQL NULL is "\x01" and a NUL, so that ""
 * and NULL differ. Every hash of rows in the store is made of these. */
void store_hash_field(struct sha256_ctx *h, const char *text);
/* Columns first..first+n-1 of the current row of s, as store_hash_field. */
void store_hash_columns(struct sha256_ctx *h, sqlite3_stmt *s, int first, int n);
/* One value of a result row, read from SQLite once (store_cells_load) for every check and hash
 * of the row: its SQLite type; its text as store_hash_field hashes it, NUL-terminated (an
 * integer as SQLite writes it, in num), NULL for NULL — but a blob's bytes as stored, not
 * NUL-terminated; len its bytes up to the first NUL and bytes all of them (they differ for a
 * text holding a NUL); an integer's value. Valid until the statement steps; not to be copied
 * (t may point into num). */
typedef struct store_cell {
	int type;
	const char *t;
	size_t len, bytes;
	long long i;
	char num[24];
} store_cell;
#define STORE_CELLS_MAX 24
/* Read columns first..first+n-1 of the current row of s into out[0..n-1]. */
void store_cells_load(sqlite3_stmt *s, int first, int n, store_cell *out);
/* n cells as store_hash_columns hashes their columns. */
void store_hash_cells(struct sha256_ctx *h, const store_cell *cells, int n);
/* The digest as lowercase hex; the context is reset (sha256_digest does that). */
void store_hash_hex(struct sha256_ctx *h, char out[65]);
/* The SHA-256 of interview uuid's event log as store_scan_content makes it (the version's
 * identity in merge, reviews and sealed records), and its count of events. -1 with err. */
int store_iv_events_hash(store *st, const char *uuid, char out[65], long long *count, char *err);

/* The content hash of an interview (interviews.content_hash, set when it is completed): SHA-256
 * of its uuid, form id and version, then path, state and value of every answer sorted by path
 * (BINARY). store_iv_complete makes it; merge recomputes it to check an input. Usage: begin,
 * one answer() per answer in path order, end. */
typedef struct store_chash {
	struct sha256_ctx ctx;  /* running hash */
	int answers;            /* answers fed so far */
} store_chash;
void store_chash_begin(store_chash *h, const char *uuid, const char *form_id,
		       const char *form_version);
void store_chash_answer(store_chash *h, const char *path, const char *state, const char *value);
void store_chash_end(store_chash *h, char out[65]);

/* The schema version that added the fieldwork tables frame, assignments and reviews
 * (schema.c, issue 15). */
#define STORE_SCHEMA_FIELDWORK 6
#define STORE_SCHEMA_SEALED 7      /* the sealed table (seal.c) */
/* Feed the rows of the fieldwork tables of database `schema` to a content hash, in key order
 * (fieldwork.c); files of an earlier version have none. -1 with err on a read error. */
int store_fieldwork_hash(sqlite3 *db, const char *schema, int version, struct sha256_ctx *all,
			 char *err);

/* --- reading a whole file: merge's checks and pack's content hash (merge_scan.c) --------- */

/* One interview as scanned. */
typedef struct store_scan_iv {
	char uuid[STORE_UUID_LEN + 1];
	char events_sha256[65];  /* SHA-256 of its events in seq order (store_events_hash rows) */
	long long events_count;  /* number of events (= last seq: seqs run 1..n) */
	long long attached;      /* its events of kind 'attached' */
} store_scan_iv;

typedef struct store_scan {
	char content_sha256[65]; /* the file's content hash: forms, interviews with answers and
	                            events, conflicts, in key order */
	store_scan_iv *ivs;      /* every interview, sorted by uuid */
	int n;
	long long attached;      /* events of kind 'attached' in its events table */
	long long conflicts;     /* rows of its conflicts table */
} store_scan;

/* store_scan_content's flags. CHECK: the first problem found (a complete interview whose
 * content hash differs, answers or events of no interview, a gap in event numbers, a form whose
 * bytes differ from its hash, a missing column) fails with err; without it only read errors
 * fail (and, at version 8, records that do not decode: the records are read in C,
 * store_scan_records, not through the views; with CHECK, version 8 reads the views).
 * RECORDS (a merge input's private copy at version 7 whose interviews table was made from its
 * records, its answers and events tables left empty: merge_unpack_8_to_7): the answers and
 * events of each interview are its record's, each checked to be their canonical encoding
 * (record_check) and then checked and hashed as the rows of schema 7 would be. */
#define STORE_SCAN_CHECK 1
#define STORE_SCAN_RECORDS 2
/* Read every row of the survey tables in database `schema` ("main", "src") of db, at schema
 * version `version` (1 has no conflicts table, 3 adds the interviews' origin), and fill *out
 * (flags above). Free with store_scan_release. */
int store_scan_content(sqlite3 *db, const char *schema, int version, int flags, store_scan *out,
		       char *err);
void store_scan_release(store_scan *s);
/* store_scan_content's interview pass over `schema`.records of a schema-8 file without its
 * views (merge_scan_records.c): each record decoded in C and hashed into all as the schema-7
 * rows the views give (the same content hash), out's ivs, n and attached filled. Only read
 * errors and records that do not decode fail (-1 with err); nothing else is checked. */
int store_scan_records(sqlite3 *db, const char *schema, struct sha256_ctx *all, store_scan *out,
		       char *err);
/* One interview into the content hash as the schema-7 scan hashes it: its row (the
 * STORE_INTERVIEW_NCOLUMNS cells of iv), its answers (sorted here by path), its events' hash;
 * out's uuid, events hash, count and attached set, attached added to *attached. */
void store_scan_hash_rows(struct sha256_ctx *all, const store_cell *iv, record_rows *r,
			  store_scan_iv *out, long long *attached);
/* The path tables of the form versions met so far in one file (it holds a few). */
typedef struct store_paths_cache {
	struct {
		char *form, *version;
		record_paths *p;
	} *v;
	size_t n;
} store_paths_cache;
/* The table of (form, version) in `schema`.paths, loaded once; NULL with err. */
const record_paths *store_paths_cache_get(store_paths_cache *c, sqlite3 *db,
					  const char *schema, const char *form,
					  const char *version, char *err);
void store_paths_cache_release(store_paths_cache *c);   /* empties c */
/* The columns of an event, in the order the events hash reads them. */
#define STORE_EVENT_COLUMNS "seq, at, offset_ms, kind, path, old_value, new_value, old_state, " \
	"new_state"
#define STORE_EVENT_NCOLUMNS 9
/* The columns of an interview row: those of schema versions 1 and 2, then origin (3). */
#define STORE_INTERVIEW_COLUMNS_V2 "uuid, form_id, form_version, device_id, interviewer, " \
	"status, revision, created, modified, completed, content_hash, lang, position, " \
	"instance_name"
#define STORE_INTERVIEW_NCOLUMNS_V2 14
#define STORE_INTERVIEW_COLUMNS STORE_INTERVIEW_COLUMNS_V2 ", origin"
#define STORE_INTERVIEW_NCOLUMNS 15
#define STORE_ANSWER_COLUMNS "uuid, path, value, state, modified"
#define STORE_CONFLICT_COLUMNS "uuid, events_sha256, events_count, revision, status, " \
	"modified, interview, answers, events"

/* SQL expression: the value of question NAME answered in interview UUID (both SQL expressions),
 * NULL if not answered. NAME is a path ("grp/q", "grp[2]/q") or a bare name matching "q" or
 * ".../q" outside repeats. Used by merge's key questions and list --by. */
#define STORE_SQL_ANSWER_OF(UUID, NAME) \
	"coalesce((SELECT a.value FROM answers a WHERE a.uuid = " UUID " AND a.path = " \
	NAME " AND a.state = 'answered'), (SELECT a.value FROM answers a WHERE a.uuid = " \
	UUID " AND a.state = 'answered' AND instr(" NAME ", '/') = 0 AND instr(a.path, '[') " \
	"= 0 AND substr(a.path, -length(" NAME ") - 1) = '/' || " NAME " ORDER BY a.path " \
	"LIMIT 1))"

/* s (NULL: "NULL") for a message: bytes outside printable ASCII as \xHH, cut to fit outsz
 * with "..." (merge_scan.c). */
void store_printable(const char *s, char *out, size_t outsz);
/* Is s a UUID as survey writes them: 36 characters, lowercase hex and dashes at 8-13-18-23? */
int store_is_uuid(const char *s);
/* Does schema (a name attached to db, "main") hold a table of this name? 1 or 0; -1 with one
 * line in err when its schema cannot be read (a damaged file). */
int store_has_table(sqlite3 *db, const char *schema, const char *name, char *err);

/* store_iv_complete's changes inside the caller's transaction (the seal adds its own). */
int store_iv_complete_rows(store_iv *iv, const char *instance_name, char *err);
/* Does the file hold a sealed record of interview uuid (schema 7)? 1, 0, or -1. */
int store_sealed_has(store *st, const char *uuid);
/* The sealed records of database `schema` (schema 7): every row type-checked (with check: a
 * UUID, hex hashes, a status, size equal to the record's length and at most
 * STORE_SEALED_MAX, the record's SHA-256), and their keys fed to the content hash `all`
 * in key order. -1 with one line in err. */
int store_scan_sealed(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
		      char *err);
/* The additional data a sealed record is bound to: its identity outside the seal, as
 * store_hash_field would feed them. *len set; malloc'd. */
unsigned char *store_sealed_ad(const char *uuid, const char *form_id, const char *form_version,
			       const char *device_id, const char *status, long long revision,
			       long long events_count, const char *events_sha256,
			       const char *sealed_at, size_t *len);

/* malloc'd copy of a text column, NULL for SQL NULL. */
char *store_col_text(sqlite3_stmt *s, int col);

/* --- one interview's rows, whatever the layout (iv_rows.c) ------------------------------ */

/* The answer rows (in path order, BINARY) and event rows (in seq order) of interview uuid:
 * read from the tables answers and events of a file up to schema 7, decoded in C from its
 * record on a schema-8 file (the views are far too slow for events). Every reader of one
 * interview's answers or events goes through it. An interview without rows (or none at all)
 * gives empty rows. want: STORE_ROWS_ANSWERS, STORE_ROWS_EVENTS or both (what a file up to
 * schema 7 reads; a record gives both). 0, or -1 with one line in err; free with
 * record_rows_free. */
enum { STORE_ROWS_ANSWERS = 1, STORE_ROWS_EVENTS = 2 };
int store_iv_rows(store *st, const char *uuid, int want, record_rows *out, char *err);
/* Schema 8: the path table of a form version (from `paths`, kept until another is asked for
 * or the store closes); NULL with err. store_paths_forget drops it. */
const record_paths *store_paths_of(store *st, const char *form_id, const char *form_version,
				   char *err);
void store_paths_forget(store *st);
/* Schema 8: an open interview's record (iv_record.c), in the caller's transaction. load: its
 * rows into iv->rows unless they are there (rows_ok); save: iv->rows encoded into its record
 * (on failure the rows are forgotten, to be read again); forget: drop them (after a change
 * that failed). insert: its new record (no rows); touch: revision + 1 and modified = now;
 * status: 0 draft (reopened: no completion, no content hash), 1 complete (completed now, the
 * content hash, the instance name) or 2 discarded, with revision + 1 and modified = now. */
int store_ivr_load(store_iv *iv, char *err);
int store_ivr_save(store_iv *iv, char *err);
void store_ivr_forget(store_iv *iv);
int store_ivr_insert(store_iv *iv, const store_start *how, const char *device_id,
		     const char *created, char *err);
int store_ivr_touch(store_iv *iv, const char *now, char *err);
int store_ivr_status(store_iv *iv, int status, const char *now, const char *hash,
		     const char *instance_name, const char *what, char *err);
/* An interview from the columns 0-4 of s: uuid, form_id, form_version, status, origin (the
 * strings borrowed from s, the rest zero): what the analysis readers give (analysis_read.c). */
void store_interview_cols(sqlite3_stmt *s, store_interview *iv);
/* Schema 8 (analysis_read.c): store_read_paths and store_report_read, which give the same rows,
 * by one pass over the records in UUID order, each record's answers scanned in C
 * (record_answers_each: no events decoded, no allocation per answer). */
struct store_scan_filter;
struct store_scan_row;
int store_records_read(store *st, const struct store_scan_filter *filter,
		       const char *const *paths, int npaths,
		       int (*fn)(void *arg, const struct store_scan_row *row), void *arg,
		       char *err);
/* Is the file schema 8 (records)? Writers and readers dispatch on it. */
#define STORE_IS_RECORDS(st) ((st)->schema_version == STORE_SCHEMA_RECORDS)

/* --- running a statement (rows.c) ------------------------------------------------------- */

/* Prepare sql on db and bind the n texts that follow to ?1..?n (a NULL stays NULL; the texts
 * are not copied: they outlive the statement). -1 with err (store_prepare's). */
int store_query(sqlite3 *db, sqlite3_stmt **s, char *err, const char *sql, int n, ...);
int store_vquery(sqlite3 *db, sqlite3_stmt **s, char *err, const char *sql, int n, va_list ap);
/* store_prepare of the SQL sqlite3_mprintf makes of fmt and what follows ("%w" quotes a name). */
int store_preparef(sqlite3 *db, sqlite3_stmt **s, char *err, const char *fmt, ...);
/* Run sql with the n texts that follow bound (store_query) once, for its effect: a row or
 * none is success; else -1 with store_sqlerr(st, what). */
int store_run(store *st, const char *what, char *err, const char *sql, int n, ...);
/* Give each row of s to fn(arg, s) until one returns nonzero; finalize s. fn's nonzero value,
 * else 0 when every row was read, else -1 with store_sqlerr(st, what) (a read error). */
typedef int (*store_row_fn)(void *arg, sqlite3_stmt *s);
int store_each(store *st, sqlite3_stmt *s, store_row_fn fn, void *arg, const char *what,
	       char *err);
/* The rows of one query as an array of fixed-size elements, described as data: column i of a
 * row goes to the member cols[i] names, as its kind says; then fill, when set, finishes the
 * element (what is not in a column, allocating nothing) and may leave the row out
 * (nonzero). An element's own memory is its text members: releasing it frees those. */
enum store_col_kind {
	STORE_SKIP,        /* not read */
	STORE_TEXT,        /* char *: malloc'd copy, NULL for SQL NULL (store_col_text) */
	STORE_TEXT_EMPTY,  /* char *: the same, "" for SQL NULL */
	STORE_INT,         /* int (or an enum, int-sized) */
	STORE_INT64,       /* long long */
	STORE_CHARS,       /* char[N]: the text cut to fit */
};
typedef struct store_col {
	enum store_col_kind kind;
	size_t offset;     /* of the member in the element */
	size_t size;       /* of the member */
} store_col;
#define STORE_COL(kind, T, member) { kind, offsetof(T, member), sizeof(((T *)0)->member) }
typedef struct store_row_type {
	size_t size;                 /* of one element */
	const store_col *cols;       /* one per column of the query, in order */
	int ncols;
	int (*fill)(sqlite3_stmt *s, void *elem, void *arg);   /* or NULL */
} store_row_type;
#define STORE_ROW_TYPE(T, cols, fill) { sizeof(T), cols, sizeof cols / sizeof *cols, fill }
/* Collect every row of s (store_each, then s is finalized) into a malloc'd array: *out (out
 * is the address of the caller's T *, T of t->size bytes; NULL when none) of *n elements.
 * On a read error nothing is kept: *out NULL, *n 0, -1 with store_sqlerr(st, what). */
int store_collect(store *st, sqlite3_stmt *s, const store_row_type *t, void *arg, void *out,
		  int *n, const char *what, char *err);
/* store_query(st->db, sql, nparams texts) then store_collect; *out NULL and *n 0 first. */
int store_rows(store *st, const store_row_type *t, void *arg, void *out, int *n,
	       const char *what, char *err, const char *sql, int nparams, ...);
/* Fill elem (zeroed) from the current row of s as t says; t->fill's result (0 when unset). */
int store_row_fill(const store_row_type *t, sqlite3_stmt *s, void *elem, void *arg);
/* Free the text members (STORE_TEXT, STORE_TEXT_EMPTY) of one element of t. */
void store_row_release(const store_row_type *t, void *elem);
/* Release n elements of t and free the array; NULL is nothing. */
void store_rows_free(void *items, int n, const store_row_type *t);
/* Rows of one text column: char * elements (store_col_text); store_strings_free frees them. */
extern const store_row_type store_text_rows;
/* The columns (path, value) of a store_answer, its state left to the reader. */
extern const store_col store_answer_cols[2];

#endif

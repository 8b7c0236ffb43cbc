/* record_schema.h: schema 8 of issue 18 (DESIGN.md, Storage, "Compact layout"), made by
 * store_open with STORE_SCHEMA8 for a new file and from a writable file of schema 1..7
 * (migrate.c; the commands' default, STORE_SCHEMA_VERSION stays 7, the last version of the
 * table layout, which SURVEY_STORE_SCHEMA=7 keeps): one `records` row per interview holding
 * its answers and events (record.h), the path ids of each form version (`paths`), the event kinds
 * (`kinds`), and the views `interviews`, `answers` and `events` that give the schema-7 rows
 * exactly, with the affinities of their columns (TEXT, INTEGER: a comparison with a number
 * converts as with the tables), so that every reader's SQL and any sqlite3 user keep working. */
#ifndef SURVEY_STORE_RECORD_SCHEMA_H
#define SURVEY_STORE_RECORD_SCHEMA_H

#include <stddef.h>
#include <sqlite3.h>
#include <stddef.h>

/* The tables and views of schema 8 that replace interviews, answers and events. */
extern const char record_schema_v8[];

/* Migrate the schema-7 tables interviews, answers and events of db ("main") to schema 8:
 * paths from the forms (through the registered reader), one records row per interview encoded
 * in C, the old tables dropped, the views created. Runs inside the caller's transaction (which
 * rolls back on failure); VACUUM into 16 KiB pages is the caller's, after it. 0, or -1 with
 * one line in err. */
int record_migrate_7_to_8(sqlite3 *db, char *err);
/* The first half of the migration: the tables of schema 8 created and filled from the schema-7
 * tables, which are kept (what merge makes of a private copy of an input of schema 7). */
int record_records_build(sqlite3 *db, char *err);
/* Write one records row with put ("INSERT INTO x.records VALUES(?1..?17)") from g, a statement
 * standing on a row of the 15 schema-7 interview columns (uuid, form_id, form_version,
 * device_id, interviewer, status, revision, created, modified, completed, content_hash, lang,
 * position, instance_name, origin), converted as the migration converts them, and the two
 * record texts. 0, or -1 with one line naming the interview. */
int record_put_row(sqlite3 *db, sqlite3_stmt *put, sqlite3_stmt *g, const char *answers,
		   const char *events, char *err);
/* The 15 columns but answers and events that record_put_row writes for g's row: each one of
 * g's columns as it is (from), else an integer (status, origin, a canonical time) or the 32
 * bytes of hash (a canonical content hash). 0, or -1 with one line naming the interview. */
typedef struct record_cell {
	int from;             /* g's column, or -1: */
	int type;             /* SQLITE_INTEGER (i) or SQLITE_BLOB (the hash) */
	long long i;
} record_cell;
typedef struct record_cells {
	record_cell c[15];
	unsigned char hash[32];
} record_cells;
int record_row_cells(sqlite3_stmt *g, record_cells *out, char *err);
/* Do columns at..at+14 of s hold exactly the cells of g's row (the same types and values)? 1
 * or 0 (g and s may be one statement). */
int record_cells_same(const record_cells *cells, sqlite3_stmt *g, sqlite3_stmt *s, int at);

/* The reverse: the interview row (the 15 columns of STORE_INTERVIEW_COLUMNS) that columns
 * at..at+14 of s, a `records` row, stand for, as the `interviews` view gives it — made in C,
 * without the view's strftime. 1 when those columns are exactly the ones record_put_row writes
 * for that row (the only records survey writes), with each column's text in out (NULL for
 * NULL; blob[k] when it is a blob kept as it is; revision as an integer); 0 for any other (a record of another shape reads as
 * something else). out->text points into s's row and into out: valid until s steps. */
typedef struct record_iv_texts {
	const char *text[15];
	int len[15], blob[15];
	long long revision;
	char created[32], modified[32], completed[32], hash[65];
} record_iv_texts;
int record_interview_texts(sqlite3_stmt *s, int at, record_iv_texts *out);

/* The `paths` rows of one form version from its source (record_paths_of_source: none for a
 * form that does not load), into main.paths: what adding a form version to a schema-8 file
 * writes. 0, or -1 with one line in err. */
int record_paths_put(sqlite3 *db, const char *form_id, const char *version,
		     const char *source_name, const char *kind, const void *bytes, size_t len,
		     char *err);

/* The views of schema 8 in db's main replaced by the store's own (record_schema_v8): every
 * view of that name dropped, then made again. For a copy of a file about to be read through
 * its main views on a connection of its own (pack's copy): a file's views are data, these are
 * the store's code. In the caller's transaction. 0, or -1 with one line in err. */
int record_views_renew(sqlite3 *db, char *err);

/* provenance_interviews rows (the six columns of schema 7) read from `from` (a table or
 * subquery) into main.provenance_inputs and main.provenance_versions: an input's row holds the
 * device most of its versions came from (ties: the least), and a version's device is NULL when
 * it is that one. INSERT OR IGNORE, as schema 7's writers did. In the caller's transaction. 0,
 * or -1 with one line in err. */
int record_provenance_compact(sqlite3 *db, const char *from, char *err);
/* Does db's main hold provenance_interviews as a table (schema 7, and schema 8 as it was made
 * while it was opt-in, before its provenance became compact)? 1 or 0. */
int record_provenance_early(sqlite3 *db);
/* Such a schema-8 file's provenance made compact (its tables created, the rows moved, the
 * table dropped; the view is the caller's, with the others: record_views_renew); nothing for
 * a file whose provenance is compact already. In the caller's transaction. 0, or -1 with one
 * line in err. */
int record_provenance_upgrade(sqlite3 *db, char *err);
/* The provenance_interviews rows of a schema-8 file attached as schema, as a subquery with the
 * six columns of schema 7 (what its view gives), for a connection whose views are off
 * (merge_harden). A new string. */
char *record_provenance_from(const char *schema);

/* Are the views of db's main that record_schema_v8 makes there exactly the store's (each by
 * name and text; other views are not looked at)? 1 yes, 0 no (an older text, a view altered
 * or dropped by another program), -1 with one line in err when the schema cannot be read. */
int record_views_current(sqlite3 *db, char *err);

/* What store_schema_expected(STORE_SCHEMA_RECORDS) gave before the views interviews, events and
 * answers had the affinities of schema 7's columns (record_views_first.c): the expected schema
 * of a schema-8 file made while schema 8 was opt-in, which merge, receive and unseal accept as
 * well; with early_provenance, as sessions 6-9 made it, with provenance_interviews still the
 * table of schema 7 (record_provenance_early). Close with sqlite3_close. 0, or -1 with one line
 * in err. */
int record_schema_expected_first(int early_provenance, sqlite3 **out, char *err);

/* The select list of the `interviews` view: the 15 schema-7 interview columns (in the order of
 * STORE_INTERVIEW_COLUMNS) computed from a `records` row, for a reader that reads `records`
 * itself and not a view (store_scan_content). A new string. */
char *record_interviews_select(void);

#endif

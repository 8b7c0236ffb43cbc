/* record_schema.h: schema 8 of issue 18 (DESIGN.md, Storage, "Compact layout"), made by
 * store_open with STORE_SCHEMA8 for a new file and from a writable file of schema 1..7
 * (migrate.c; opt-in: STORE_SCHEMA_VERSION stays 7 until merge works on records): one
 * `records` row per interview holding its answers
 * and events (record.h), the path ids of each form version (`paths`), the event kinds
 * (`kinds`), and the views `interviews`, `answers` and `events` that give the schema-7 rows
 * exactly, so that every reader's SQL and any sqlite3 user keep working. */
#ifndef SURVEY_STORE_RECORD_SCHEMA_H
#define SURVEY_STORE_RECORD_SCHEMA_H

#include <sqlite3.h>

/* The tables and views of schema 8 that replace interviews, answers and events. */
extern const char record_schema_v8[];

/* Migrate the schema-7 tables interviews, answers and events of db ("main") to schema 8:
 * paths from the forms (through the registered reader), one records row per interview encoded
 * in C, the old tables dropped, the views created. Runs inside the caller's transaction (which
 * rolls back on failure); VACUUM into 16 KiB pages is the caller's, after it. 0, or -1 with
 * one line in err. */
int record_migrate_7_to_8(sqlite3 *db, char *err);

/* The `paths` rows of one form version from its source (record_paths_of_source: none for a
 * form that does not load), into main.paths: what adding a form version to a schema-8 file
 * writes. 0, or -1 with one line in err. */
int record_paths_put(sqlite3 *db, const char *form_id, const char *version,
		     const char *source_name, const char *kind, const void *bytes, size_t len,
		     char *err);

#endif

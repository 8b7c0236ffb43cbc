/* record_store.h: records in a schema-8 file (record_schema.h) — a form version's path table
 * from its `paths` rows, an interview's rows decoded from its `records` row, and written back
 * encoded: what the store's readers and writers will call once schema 8 is wired. */
#ifndef SURVEY_STORE_RECORD_STORE_H
#define SURVEY_STORE_RECORD_STORE_H

#include <sqlite3.h>

#include "store/record.h"

/* The path table of a form version from `schema`.paths ("main" or an attached name); an empty
 * table when it has no rows. NULL with one line in err when the rows are not a path table. */
record_paths *record_paths_load(sqlite3 *db, const char *schema, const char *form_id,
				const char *form_version, char *err);

/* The rows of interview uuid from `schema`.records, decoded with paths (record_decode; *rows
 * freed with record_rows_free). 0; 1 when there is no such interview; -1 with one line. */
int record_load(sqlite3 *db, const char *schema, const char *uuid, const record_paths *paths,
		record_rows *rows, char *err);

/* Write rows as interview uuid's record in main.records (encoded against its created time and
 * content hash as the row holds them). 0, or -1 with one line. */
int record_save(sqlite3 *db, const char *uuid, const record_paths *paths,
		const record_rows *rows, char *err);
/* record_save with its two statements prepared by the caller (kept across saves: the store's
 * cache) from RECORD_SAVE_GET_SQL (get) and RECORD_SAVE_PUT_SQL (put), unbound; both are
 * reset when it returns. */
#define RECORD_SAVE_GET_SQL "SELECT created, content_hash FROM main.records WHERE uuid = ?1"
#define RECORD_SAVE_PUT_SQL "UPDATE main.records SET answers = ?2, events = ?3 WHERE uuid = ?1"
int record_save_with(sqlite3 *db, sqlite3_stmt *get, sqlite3_stmt *put, const char *uuid,
		     const record_paths *paths, const record_rows *rows, char *err);

/* A records column as the schema-7 text it stands for: created (ms since 1970), modified or
 * completed (ms since created: base is created's column), content_hash (32 bytes as lowercase
 * hex); NULL stays NULL. A new string, or NULL. */
char *record_col_time(sqlite3_value *v, sqlite3_value *created);
char *record_col_hash(sqlite3_value *v);

#endif

/* store_impl.h: the store's private parts, shared by the files of src/store/ only. */
#ifndef SURVEY_STORE_IMPL_H
#define SURVEY_STORE_IMPL_H

#include <sqlite3.h>

#include "store/store.h"

#define STORE_APPLICATION_ID 0x53525659   /* "SRVY" in the SQLite header: our files */

/* Prepared statements kept for the life of the connection (hot paths: saving answers). */
enum store_stmt_id {
	SQ_ANSWER_GET, SQ_ANSWER_PUT, SQ_IV_TOUCH, SQ_EVENT_PUT, SQ_COUNT
};

struct store {
	sqlite3_stmt *cache[SQ_COUNT]; /* see store_stmt(); finalized by store_close */
	sqlite3 *db;          /* the one connection */
	char *path;           /* as given to store_open */
	char device_id[STORE_UUID_LEN + 1]; /* this file's device id */
	int readonly;         /* opened with STORE_READONLY */
	int batch;            /* inside store_batch_begin */
	int schema_version;   /* after migration */
};

struct store_iv {
	store *st;            /* the database it belongs to */
	char uuid[STORE_UUID_LEN + 1];
	long long seq;        /* number of the last event logged */
	long long base_ms;    /* offset of the last event when this handle was opened */
	long long mono_start; /* CLOCK_MONOTONIC ms when this handle was opened */
};

/* Create the tables of a new file, or migrate an older one to STORE_SCHEMA_VERSION. */
int store_schema_create(sqlite3 *db, char *err);
int store_schema_migrate(sqlite3 *db, int from, char *err);

/* Run SQL with no result rows; -1 with "what: sqlite message" in err. */
int store_exec(sqlite3 *db, const char *sql, const char *what, char *err);
/* Prepare; -1 with err. */
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err);
/* Begin/commit/rollback unless a batch is open (then they do nothing). */
int store_tx_begin(store *st, char *err);
int store_tx_commit(store *st, char *err);
void store_tx_rollback(store *st);
/* errf(err, "%s: %s", what, sqlite3_errmsg(db)) with the file name; returns -1. */
int store_sqlerr(store *st, const char *what, char *err);
/* The cached statement id, prepared on first use from sql, reset and unbound. NULL + err. */
sqlite3_stmt *store_stmt(store *st, enum store_stmt_id id, const char *sql, char *err);
/* Hex SHA-256 of a buffer (nettle). */
void store_sha256_hex(const void *data, size_t len, char out[65]);
/* malloc'd copy of a text column, NULL for SQL NULL. */
char *store_col_text(sqlite3_stmt *s, int col);

#endif

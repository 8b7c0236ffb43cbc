/* record_store.c: records in a schema-8 file (record_store.h): path tables from `paths`, an
 * interview's rows from and to its `records` row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_store.h"
#include "store/store_impl.h"
#include "util/util.h"

char *record_col_time(sqlite3_value *v, sqlite3_value *created)
{
	if (sqlite3_value_type(v) == SQLITE_NULL)
		return NULL;
	if (sqlite3_value_type(v) != SQLITE_INTEGER)
		return xstrdup((const char *)sqlite3_value_text(v));
	long long ms = sqlite3_value_int64(v), base = 0;
	if (created && (sqlite3_value_type(created) != SQLITE_INTEGER ||
			__builtin_add_overflow(ms, sqlite3_value_int64(created), &base)))
		return NULL;
	char t[25];
	return record_time_text(created ? base : ms, t) == 0 ? xstrdup(t) : NULL;
}

char *record_col_hash(sqlite3_value *v)
{
	if (sqlite3_value_type(v) != SQLITE_BLOB)
		return xstrdup((const char *)sqlite3_value_text(v));
	const unsigned char *b = sqlite3_value_blob(v);
	int n = sqlite3_value_bytes(v);
	char *hex = xmalloc((size_t)n * 2 + 1);
	for (int k = 0; k < n; k++)
		snprintf(hex + 2 * k, 3, "%02x", b[k]);
	hex[2 * n] = '\0';
	return hex;
}

/* A query on the tables of schema (its one %w). */
static int prepare_in(sqlite3 *db, const char *fmt, const char *schema, sqlite3_stmt **s,
		      char *err)
{
	char *sql = sqlite3_mprintf(fmt, schema);
	int rc = store_prepare(db, sql, s, err);
	sqlite3_free(sql);
	return rc;
}

record_paths *record_paths_load(sqlite3 *db, const char *schema, const char *form_id,
				const char *form_version, char *err)
{
	sqlite3_stmt *s = NULL;
	int rc;
	if (prepare_in(db, "SELECT id, path FROM \"%w\".paths WHERE form_id = ?1 AND "
		       "form_version = ?2 ORDER BY id", schema, &s, err))
		return NULL;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, form_version, -1, SQLITE_STATIC);
	long long *ids = NULL;
	char **tmpl = NULL;
	size_t n = 0, cap = 0;
	int bad = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !bad) {
		if (sqlite3_column_type(s, 0) != SQLITE_INTEGER ||
		    sqlite3_column_type(s, 1) != SQLITE_TEXT) {
			bad = 1;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xreallocarray(ids, cap, sizeof *ids);
			tmpl = xreallocarray(tmpl, cap, sizeof *tmpl);
		}
		ids[n] = sqlite3_column_int64(s, 0);
		tmpl[n++] = xstrdup((const char *)sqlite3_column_text(s, 1));
	}
	record_paths *p = NULL;
	char why[ERR_MAX];
	if (bad)
		errf(err, "the path ids of form '%.60s' version '%.40s': a row of the wrong type",
		     form_id, form_version);
	else if (rc != SQLITE_DONE)
		errf(err, "cannot read the path ids: %s", sqlite3_errmsg(db));
	else if (!(p = record_paths_new(ids, (const char *const *)tmpl, n, why)))
		errf(err, "the path ids of form '%.60s' version '%.40s': %s", form_id,
		     form_version, why);
	sqlite3_finalize(s);
	for (size_t k = 0; k < n; k++)
		free(tmpl[k]);
	free(tmpl);
	free(ids);
	return p;
}

int record_load(sqlite3 *db, const char *schema, const char *uuid, const record_paths *paths,
		record_rows *rows, char *err)
{
	memset(rows, 0, sizeof *rows);
	sqlite3_stmt *s = NULL;
	int rc;
	if (prepare_in(db, "SELECT created, content_hash, answers, events FROM \"%w\".records "
		       "WHERE uuid = ?1", schema, &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? 1 : errf(err, "cannot read the interview: %s",
						    sqlite3_errmsg(db));
	}
	char *created = record_col_time(sqlite3_column_value(s, 0), NULL);
	char *hash = record_col_hash(sqlite3_column_value(s, 1));
	char why[ERR_MAX];
	if (sqlite3_column_type(s, 2) != SQLITE_TEXT || sqlite3_column_type(s, 3) != SQLITE_TEXT ||
	    record_decode(paths, created, hash, (const char *)sqlite3_column_text(s, 2),
			  (size_t)sqlite3_column_bytes(s, 2), (const char *)sqlite3_column_text(s, 3),
			  (size_t)sqlite3_column_bytes(s, 3), rows, why))
		rc = errf(err, "interview '%.40s': its record cannot be read (%s)", uuid,
			  sqlite3_column_type(s, 2) == SQLITE_TEXT ? why : "not text");
	else
		rc = 0;
	free(created);
	free(hash);
	sqlite3_finalize(s);
	return rc;
}

int record_save_with(sqlite3 *db, sqlite3_stmt *s, sqlite3_stmt *u, const char *uuid,
		     const record_paths *paths, const record_rows *rows, char *err)
{
	int rc = -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return errf(err, "interview '%.40s': no such record", uuid);
	}
	char *created = record_col_time(sqlite3_column_value(s, 0), NULL);
	char *hash = record_col_hash(sqlite3_column_value(s, 1));
	sqlite3_reset(s);
	char *a = NULL, *e = NULL, why[ERR_MAX];
	if (record_encode(paths, created, hash, rows, &a, &e, why)) {
		errf(err, "interview '%.40s': %s", uuid, why);
	} else {
		sqlite3_bind_text(u, 1, uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(u, 2, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(u, 3, e, -1, SQLITE_STATIC);
		rc = sqlite3_step(u) == SQLITE_DONE ? 0 : (store_note_full(db),
			errf(err, "cannot write the interview: %s", sqlite3_errmsg(db)));
		sqlite3_reset(u);
	}
	free(a);
	free(e);
	free(created);
	free(hash);
	return rc;
}

int record_save(sqlite3 *db, const char *uuid, const record_paths *paths,
		const record_rows *rows, char *err)
{
	sqlite3_stmt *s = NULL, *u = NULL;
	int rc = store_prepare(db, RECORD_SAVE_GET_SQL, &s, err) ||
		 store_prepare(db, RECORD_SAVE_PUT_SQL, &u, err) ? -1 :
		 record_save_with(db, s, u, uuid, paths, rows, err);
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	return rc;
}

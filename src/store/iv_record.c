/* iv_record.c: an open interview's changes on a schema-8 file (interview.c; DESIGN.md,
 * "Compact layout"): its `records` row written where a file up to schema 7 has its interviews,
 * answers and events rows. The rows of the record are kept decoded in the handle; a change
 * edits them and writes them back encoded (record_save), in the caller's transaction, with the
 * columns converted as record_migrate_7_to_8 converts them, so that the bytes equal the
 * migration's of the same rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_store.h"
#include "store/store_impl.h"
#include "util/util.h"

/* A time column's value: ms since `created` when created is ms (its text was canonical) and
 * this text is canonical, else the text (?T text, ?M its ms or NULL). */
#define TIME_SQL(T, M) "CASE WHEN typeof(created) = 'integer' AND " M " IS NOT NULL THEN " M \
	" - created ELSE " T " END"

static void bind_ms(sqlite3_stmt *s, int at, const char *text)
{
	long long ms;
	if (text && record_time_ms(text, &ms) == 0)
		sqlite3_bind_int64(s, at, ms);
	else
		sqlite3_bind_null(s, at);
}

void store_ivr_forget(store_iv *iv)
{
	record_rows_free(&iv->rows);
	iv->rows_ok = 0;
}

int store_ivr_load(store_iv *iv, char *err)
{
	if (iv->rows_ok)
		return 0;
	store *st = iv->st;
	record_rows_free(&iv->rows);
	if (!iv->form_id) {
		sqlite3_stmt *s;
		if (store_query(st->db, &s, err, "SELECT form_id, form_version FROM records WHERE "
				"uuid = ?1", 1, iv->uuid))
			return -1;
		int rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			iv->form_id = store_col_text(s, 0);
			iv->form_version = store_col_text(s, 1);
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW || !iv->form_id || !iv->form_version)
			return rc == SQLITE_ROW || rc == SQLITE_DONE ?
			       errf(err, "'%s' holds no interview '%s'", st->path, iv->uuid) :
			       store_sqlerr(st, "cannot read the interview", err);
	}
	if (store_iv_rows(st, iv->uuid, STORE_ROWS_ANSWERS | STORE_ROWS_EVENTS, &iv->rows, err))
		return -1;
	iv->rows_ok = 1;
	return 0;
}

int store_ivr_save(store_iv *iv, char *err)
{
	store *st = iv->st;
	const record_paths *p = store_paths_of(st, iv->form_id, iv->form_version, err);
	sqlite3_stmt *get = p ? store_stmt(st, SQ_RECORD_GET, RECORD_SAVE_GET_SQL, err) : NULL;
	sqlite3_stmt *put = get ? store_stmt(st, SQ_RECORD_PUT, RECORD_SAVE_PUT_SQL, err) : NULL;
	if (!put || record_save_with(st->db, get, put, iv->uuid, p, &iv->rows, err)) {
		store_ivr_forget(iv);
		return -1;
	}
	return 0;
}

int store_ivr_insert(store_iv *iv, const store_start *how, const char *device_id,
		     const char *created, char *err)
{
	sqlite3_stmt *s;
	if (store_query(iv->st->db, &s, err, "INSERT INTO records(uuid, form_id, form_version, "
			"device_id, interviewer, status, revision, created, modified, lang, origin, "
			"answers, events) VALUES (?1, ?2, ?3, ?4, ?5, 0, 1, coalesce(?7, ?6), "
			"CASE WHEN ?7 IS NULL THEN ?6 ELSE 0 END, ?8, ?9, '[]', '[]')", 6, iv->uuid,
			how->form_id, how->form_version, device_id,
			how->interviewer ? how->interviewer : "", created))
		return -1;
	bind_ms(s, 7, created);
	if (how->lang)
		sqlite3_bind_text(s, 8, how->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 9, (int)how->origin);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(iv->st, "cannot start the interview", err);
	iv->form_id = xstrdup(how->form_id);
	iv->form_version = xstrdup(how->form_version);
	record_rows_free(&iv->rows);
	iv->rows_ok = 1;
	return 0;
}

int store_ivr_touch(store_iv *iv, const char *now, char *err)
{
	sqlite3_stmt *s = store_stmt(iv->st, SQ_RECORD_TOUCH, "UPDATE records SET revision = "
				     "revision + 1, modified = " TIME_SQL("?2", "?3") " WHERE uuid = ?1",
				     err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, iv->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
	bind_ms(s, 3, now);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(iv->st, "cannot update the interview", err);
}

int store_ivr_status(store_iv *iv, int status, const char *now, const char *hash,
		     const char *instance_name, const char *what, char *err)
{
	sqlite3_stmt *s;
	char st[4];
	snprintf(st, sizeof st, "%d", status);
	if (store_query(iv->st->db, &s, err, "UPDATE records SET status = CAST(?2 AS INTEGER), "
			"revision = revision + 1, modified = " TIME_SQL("?3", "?4") ", "
			"completed = CASE ?2 WHEN '1' THEN " TIME_SQL("?3", "?4") " WHEN '0' THEN "
			"NULL ELSE completed END, content_hash = CASE ?2 WHEN '1' THEN ?5 WHEN '0' "
			"THEN NULL ELSE content_hash END, instance_name = CASE ?2 WHEN '1' THEN ?6 "
			"ELSE instance_name END WHERE uuid = ?1", 3, iv->uuid, st, now))
		return -1;
	bind_ms(s, 4, now);
	unsigned char h[32];
	if (hash && strlen(hash) == 64) {
		for (int k = 0; k < 32; k++) {
			unsigned v = 0;
			sscanf(hash + 2 * k, "%2x", &v);
			h[k] = (unsigned char)v;
		}
		sqlite3_bind_blob(s, 5, h, 32, SQLITE_TRANSIENT);
	}
	if (instance_name)
		sqlite3_bind_text(s, 6, instance_name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(iv->st, what, err);
}

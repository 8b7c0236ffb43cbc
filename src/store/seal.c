/* seal.c: sealing a completed interview for the coordinator (schema 7 and 8) — its rows become one
 * encrypted record in table sealed, in the transaction that completes it — and reading the
 * sealed records back without the key (list, counts, the start screen). */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sealbox.h"
#include "util/util.h"

/* The tables whose rows of an interview go into its record, children first (deleted in this
 * order: answers and events reference the interview). On schema 8 the last three are views
 * over the interview's one `records` row (the record is copied from the views, so it holds
 * schema-7 rows whatever the laptop's layout, and that row is what is deleted). */
static const char *const sealed_tables[] = { "attachments", "answers", "events", "interviews" };
#define NSEALED_TABLES 4
static const char *const deleted_tables_v8[] = { "attachments", "records" };

int store_secure_delete(store *st, char *err)
{
	return store_exec(st->db, "PRAGMA secure_delete = ON", "cannot set secure_delete", err);
}

unsigned char *store_sealed_ad(const char *uuid, const char *form_id, const char *form_version,
			       const char *device_id, const char *status, long long revision,
			       long long events_count, const char *events_sha256,
			       const char *sealed_at, size_t *len)
{
	char rev[24], count[24];
	snprintf(rev, sizeof rev, "%lld", revision);
	snprintf(count, sizeof count, "%lld", events_count);
	const char *f[] = { "survey-sealed-1", uuid, form_id, form_version, device_id, status,
			    rev, count, events_sha256, sealed_at };
	strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		sb_add(&sb, f[i] ? f[i] : "\x01", strlen(f[i] ? f[i] : "\x01") + 1);
	*len = sb.len;
	return (unsigned char *)sb_detach(&sb);
}

/* Copy the rows of one interview of `table` from the laptop's connection to the record's
 * database (the same schema): every value as it is. */
static int copy_rows(sqlite3 *from, sqlite3 *to, const char *table, const char *uuid, char *err)
{
	sqlite3_stmt *sel, *ins;
	/* not main.: on schema 8 the name is the store's TEMP view (store.c), not the file's */
	if (store_preparef(from, &sel, err, "SELECT * FROM \"%w\" WHERE uuid = ?1", table))
		return -1;
	int n = sqlite3_column_count(sel);
	strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "INSERT INTO \"%s\" VALUES (", table);
	for (int i = 0; i < n; i++)
		sb_adds(&sb, i ? ", ?" : "?");
	sb_adds(&sb, ")");
	int bad = store_prepare(to, sb_str(&sb), &ins, err);
	sb_release(&sb);
	if (bad) {
		sqlite3_finalize(sel);
		return -1;
	}
	sqlite3_bind_text(sel, 1, uuid, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) != SQLITE_DONE) {
			store_note_full(to);
			rc = errf(err, "cannot copy the interview to its record: %s",
				  sqlite3_errmsg(to));
			break;
		}
		sqlite3_reset(ins);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc != -1)
		rc = errf(err, "cannot read the interview: %s", sqlite3_errmsg(from));
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

/* The record's plain payload: a database of survey's schema holding this interview alone, its
 * meta naming the interview's device (what `survey unseal` merges). *bytes sqlite3_malloc'd. */
static int payload(store *st, const char *uuid, const char *device_id, unsigned char **bytes,
		   sqlite3_int64 *len, char *err)
{
	sqlite3 *m;
	*bytes = NULL;
	if (sqlite3_open_v2(":memory:", &m, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(m);
		return errf(err, "out of memory");
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA page_size = 1024; PRAGMA application_id = %d",
		 STORE_APPLICATION_ID);
	int rc = store_exec(m, sql, "cannot make the record", err) ||
		 store_exec(m, "BEGIN", "cannot make the record", err) ||
		 store_schema_create(m, err) ? -1 : 0;
	sqlite3_stmt *s = NULL;
	if (!rc && !(rc = store_prepare(m, "INSERT INTO meta(key, value) VALUES ('device_id', ?1), "
					"('created', ?2)", &s, err))) {
		char now[32];
		store_clock_now(st, now);
		sqlite3_bind_text(s, 1, device_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = errf(err, "cannot make the record: %s", sqlite3_errmsg(m));
		sqlite3_finalize(s);
	}
	for (int i = NSEALED_TABLES - 1; i >= 0 && !rc; i--)
		rc = copy_rows(st->db, m, sealed_tables[i], uuid, err);
	if (!rc)
		rc = store_exec(m, "COMMIT", "cannot make the record", err);
	if (!rc) {
		*bytes = sqlite3_serialize(m, "main", len, 0);
		if (!*bytes)
			rc = errf(err, "out of memory");
	}
	sqlite3_close(m);
	return rc;
}

/* Seal interview uuid inside the caller's transaction: the record in, the plain rows out. */
static int seal_rows(store *st, const char *uuid, const sealbox_key *key, char *err)
{
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT form_id, form_version, device_id, status, "
			"revision, coalesce(completed, modified) FROM interviews WHERE uuid = ?1",
			1, uuid))
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return errf(err, "cannot seal interview '%s': it is not in '%s'", uuid, st->path);
	}
	char *form_id = store_col_text(s, 0), *version = store_col_text(s, 1),
	     *device = store_col_text(s, 2), *status = store_col_text(s, 3),
	     *at = store_col_text(s, 5);
	long long revision = sqlite3_column_int64(s, 4), count = 0;
	sqlite3_finalize(s);
	char ev[65], rec_sha[65], key_id[SEALBOX_KEY_ID_HEX], size[24];
	unsigned char *plain = NULL, *rec = NULL, *ad = NULL;
	sqlite3_int64 plen = 0;
	size_t reclen = 0, adlen = 0;
	int rc = store_iv_events_hash(st, uuid, ev, &count, err) ||
		 payload(st, uuid, device, &plain, &plen, err) ? -1 : 0;
	if (!rc) {
		ad = store_sealed_ad(uuid, form_id, version, device, status, revision, count, ev, at,
				     &adlen);
		rc = sealbox_seal(key, ad, adlen, plain, (size_t)plen, &rec, &reclen, err);
	}
	if (plain) {
		memset(plain, 0, (size_t)plen);
		sqlite3_free(plain);
	}
	if (!rc && (long long)reclen > STORE_SEALED_MAX)
		rc = errf(err, "cannot seal interview '%s': its record would be %zu bytes, more than "
			  "a file may hold; remove large attachments", uuid, reclen);
	if (!rc) {
		store_sha256_hex(rec, reclen, rec_sha);
		sealbox_key_id(key, key_id);
		snprintf(size, sizeof size, "%zu", reclen);
		rc = store_prepare(st->db, "INSERT INTO sealed(uuid, events_sha256, record_sha256, "
				   "form_id, form_version, device_id, status, revision, "
				   "events_count, sealed_at, key_id, size, record) VALUES (?1, ?2, "
				   "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &s, err);
	}
	if (!rc) {
		const char *t[] = { uuid, ev, rec_sha, form_id, version, device, status };
		for (int i = 0; i < 7; i++)
			sqlite3_bind_text(s, i + 1, t[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 8, revision);
		sqlite3_bind_int64(s, 9, count);
		sqlite3_bind_text(s, 10, at, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 11, key_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 12, (sqlite3_int64)reclen);
		sqlite3_bind_blob64(s, 13, rec, reclen, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot store the sealed record", err);
		sqlite3_finalize(s);
	}
	const char *const *del = STORE_IS_RECORDS(st) ? deleted_tables_v8 : sealed_tables;
	int ndel = STORE_IS_RECORDS(st) ? 2 : NSEALED_TABLES;
	for (int i = 0; i < ndel && !rc; i++) {
		rc = store_preparef(st->db, &s, err, "DELETE FROM main.\"%w\" WHERE uuid = ?1",
				    del[i]);
		if (rc)
			break;
		sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot remove the plain rows", err);
		sqlite3_finalize(s);
	}
	free(rec);
	free(ad);
	free(form_id);
	free(version);
	free(device);
	free(status);
	free(at);
	return rc;
}

int store_iv_complete_sealed(store_iv *iv, const char *instance_name, const char *public_key,
			     char *err)
{
	store *st = iv->st;
	sealbox_key key;
	char why[ERR_MAX];
	if (sealbox_pk_parse(public_key, &key, why))
		return errf(err, "cannot seal the interview: the form's public_key: %s", why);
	if (st->schema_version < STORE_SCHEMA_SEALED)
		return errf(err, "cannot seal the interview: '%s' is of an older schema", st->path);
	if (store_secure_delete(st, err) || store_tx_begin(st, err) ||
	    store_iv_complete_rows(iv, instance_name, err) || seal_rows(st, iv->uuid, &key, err) ||
	    store_tx_commit(st, err)) {
		store_tx_rollback(st);
		return -1;
	}
	/* the WAL still holds the pages of earlier commits (the draft's answers): fold it into the
	 * file, where secure_delete zeroed them, and cut it to nothing */
	if (!st->batch)
		sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	return 0;
}

/* A sealed record is opened when the file holds its version in plain rows: a merge (by
 * `survey unseal` or of an input that held it) recorded that version in provenance. */
#define SEALED_OPENED \
	"EXISTS (SELECT 1 FROM provenance_interviews p WHERE p.uuid = s.uuid AND " \
	"p.events_sha256 = s.events_sha256)"

#define SEALED(kind, member) STORE_COL(kind, store_sealed, member)
static const store_col sealed_cols[] = {
	SEALED(STORE_CHARS, uuid), SEALED(STORE_TEXT, form_id), SEALED(STORE_TEXT, form_version),
	SEALED(STORE_TEXT, device_id), SEALED(STORE_TEXT, status), SEALED(STORE_TEXT, sealed_at),
	SEALED(STORE_TEXT, key_id), SEALED(STORE_TEXT, events_sha256),
	SEALED(STORE_INT64, events_count), SEALED(STORE_INT64, size), SEALED(STORE_INT, revision),
	SEALED(STORE_INT, opened),
};
#undef SEALED
static const store_row_type sealed_rows = STORE_ROW_TYPE(store_sealed, sealed_cols, NULL);

int store_sealed_list(store *st, store_sealed **out, int *n, char *err)
{
	*out = NULL;
	*n = 0;
	if (st->schema_version < STORE_SCHEMA_SEALED)
		return 0;
	return store_rows(st, &sealed_rows, NULL, out, n, "cannot read the sealed interviews",
			  err, "SELECT uuid, form_id, form_version, device_id, status, sealed_at, "
			  "key_id, events_sha256, events_count, size, revision, " SEALED_OPENED
			  " FROM sealed s ORDER BY sealed_at, uuid, events_sha256", 0);
}

void store_sealed_free(store_sealed *s, int n)
{
	store_rows_free(s, n, &sealed_rows);
}

int store_sealed_count(store *st, const char *form_id, long long *out, char *err)
{
	*out = 0;
	if (st->schema_version < STORE_SCHEMA_SEALED)
		return 0;
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT count(DISTINCT uuid) FROM sealed s WHERE (?1 IS NULL OR "
			  "form_id = ?1) AND NOT " SEALED_OPENED, &s, err))
		return -1;
	if (form_id)
		sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(st, "cannot count the sealed interviews", err);
}

int store_sealed_interviews(store *st, store_interview **ivs, int *n, char *err)
{
	store_sealed *s;
	int k;
	if (store_sealed_list(st, &s, &k, err))
		return -1;
	for (int i = 0; i < k; i++) {
		if (s[i].opened)
			continue;
		*ivs = xreallocarray(*ivs, (size_t)*n + 1, sizeof **ivs);
		store_interview *v = &(*ivs)[(*n)++];
		memset(v, 0, sizeof *v);
		memcpy(v->uuid, s[i].uuid, sizeof v->uuid);
		v->form_id = xstrdup(s[i].form_id);
		v->form_version = xstrdup(s[i].form_version);
		v->device_id = xstrdup(s[i].device_id);
		v->interviewer = xstrdup("");
		v->status = xstrdup("sealed");
		v->revision = s[i].revision;
		v->created = xstrdup(s[i].sealed_at);
		v->modified = xstrdup(s[i].sealed_at);
		v->completed = xstrdup(s[i].sealed_at);
		v->origin = xstrdup("field");
	}
	store_sealed_free(s, k);
	return 0;
}

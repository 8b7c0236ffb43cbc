/* seal_scan.c: the sealed records of a file read whole (store_scan_content, schema 7): checked as
 * untrusted data — types, UUID, hashes, status, bounded size, the record's own SHA-256 — and
 * their keys fed to the file's content hash, so that two files that differ only in their
 * sealed records never pass for the same file. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sealbox.h"
#include "util/termsafe.h"
#include "util/util.h"

static int is_hex(const char *s, size_t len)
{
	if (!s || strlen(s) != len)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

/* The first problem of the current row of s (columns as selected below), or NULL. */
static const char *row_problem(sqlite3_stmt *s)
{
	if (!sqlite3_column_int(s, 12))
		return "a value of another type than survey writes";
	const char *uuid = (const char *)sqlite3_column_text(s, 0);
	if (!store_is_uuid(uuid))
		return "its uuid is not a UUID";
	if (!is_hex((const char *)sqlite3_column_text(s, 1), 64) ||
	    !is_hex((const char *)sqlite3_column_text(s, 2), 64))
		return "its hashes are not SHA-256 digests";
	if (!store_is_uuid((const char *)sqlite3_column_text(s, 5)))
		return "its device id is not a UUID";
	for (int c = 3; c <= 9; c++)
		if (c != 5 && c != 6 && c != 7 && c != 8 &&
		    !termsafe_text_ok((const char *)sqlite3_column_text(s, c), 0))
			return "its form or time is not printable text";
	if (strcmp((const char *)sqlite3_column_text(s, 6), "complete") != 0)
		return "its status is not one survey seals";
	if (sqlite3_column_int64(s, 7) < 1 || sqlite3_column_int64(s, 8) < 1)
		return "its revision or event count is not a positive number";
	if (!is_hex((const char *)sqlite3_column_text(s, 10), SEALBOX_KEY_ID_HEX - 1))
		return "its key id is not one survey writes";
	long long size = sqlite3_column_int64(s, 11);
	if (size < SEALBOX_OVERHEAD || size > STORE_SEALED_MAX ||
	    size != sqlite3_column_bytes(s, 13))
		return "its size is not the length of its record, or is out of bounds";
	char sha[65];
	store_sha256_hex(sqlite3_column_blob(s, 13), (size_t)size, sha);
	if (strcmp(sha, (const char *)sqlite3_column_text(s, 2)) != 0)
		return "its record does not match its SHA-256";
	return NULL;
}

int store_scan_sealed(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
		      char *err)
{
	sqlite3_stmt *s;
	/* with check, the record is read too (its hash); without, only the keys are */
	char *sql = sqlite3_mprintf(
		"SELECT uuid, events_sha256, record_sha256, form_id, form_version, device_id, "
		"status, revision, events_count, sealed_at, key_id, size, typeof(uuid) = 'text' "
		"AND typeof(events_sha256) = 'text' AND typeof(record_sha256) = 'text' AND "
		"typeof(form_id) = 'text' AND typeof(form_version) = 'text' AND typeof(device_id) "
		"= 'text' AND typeof(status) = 'text' AND typeof(revision) = 'integer' AND "
		"typeof(events_count) = 'integer' AND typeof(sealed_at) = 'text' AND "
		"typeof(key_id) = 'text' AND typeof(size) = 'integer' AND typeof(record) = 'blob', "
		"%s FROM \"%w\".sealed ORDER BY uuid, events_sha256, record_sha256",
		check ? "record" : "NULL", schema);
	int bad = sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK;
	sqlite3_free(sql);
	if (bad)
		return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	int rc, n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *why = check ? row_problem(s) : NULL;
		if (why) {
			char who[64];
			store_printable((const char *)sqlite3_column_text(s, 0), who, sizeof who);
			sqlite3_finalize(s);
			return errf(err, "it is damaged: table 'sealed', interview '%s': %s", who, why);
		}
		if (n++ == 0)
			store_hash_field(all, "sealed");
		store_hash_columns(all, s, 0, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	return 0;
}

/* pack.c: `survey pack` — a consistent single-file copy of a laptop database for a USB stick,
 * made with SQLite's backup API from a read-only connection, its content hash recorded. */
#include "store/merge.h"
#include "store/record_schema.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/outfile.h"
#include "util/util.h"

static int copy_error(sqlite3 *db, const char *out_path, char *err)
{
	int code = sqlite3_errcode(db);
	if (store_note_full(db))
		return errf(err, "cannot write '%s': the disk is full", out_path);
	if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM)
		return errf(err, "cannot write '%s': its folder is not writable", out_path);
	return errf(err, "cannot write '%s': %s", out_path, sqlite3_errmsg(db));
}

/* Record packed_at and content_sha256 in the copy and leave it in rollback-journal mode. */
static int finish_copy(sqlite3 *db, int version, const char *from, const char *out_path,
		       char sha[65], char *err)
{
	store_scan sc;
	char why[ERR_MAX], now[32];
	if (store_exec(db, "PRAGMA journal_mode=DELETE", "cannot leave WAL mode", why) ||
	    store_exec(db, "PRAGMA synchronous=FULL", "cannot set synchronous", why) ||
	    store_exec(db, "BEGIN IMMEDIATE", "cannot start a transaction", why))
		return errf(err, "cannot write '%s': %s", out_path, why);
	/* schema 8: the copy's views replaced by the store's own (a view altered in the file is
	 * not packed); the content hash reads the records themselves (store_scan_records) */
	if (version == STORE_SCHEMA_RECORDS && record_views_renew(db, why)) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return errf(err, "cannot write '%s': %s", out_path, why);
	}
	if (store_scan_content(db, "main", version, 0, &sc, why)) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return errf(err, "cannot read the copy '%s': %s", out_path, why);
	}
	memcpy(sha, sc.content_sha256, 65);
	store_scan_release(&sc);
	store_now(now);
	sqlite3_stmt *s;
	if (store_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('packed_at', ?1), "
			  "('content_sha256', ?2), ('packed_from', ?3)", &s, why)) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return errf(err, "cannot write '%s': %s", out_path, why);
	}
	sqlite3_bind_text(s, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, from, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		copy_error(db, out_path, err);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int store_pack(const char *db_path, const char *out_path, char sha256_out[65], char *err)
{
	store *src;
	if (store_open(db_path, STORE_READONLY, &src, err))
		return -1;
	outfile o;
	char sha[65] = "";
	sqlite3 *dst = NULL;
	int rc = -1;
	if (outfile_begin(&o, out_path, err))
		goto done;
	close(o.fd);   /* SQLite writes it by name (and our descriptor would drop its locks) */
	o.fd = -1;
	if (sqlite3_open_v2(o.tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		copy_error(dst, out_path, err);
		goto done;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src->db, "main");
	if (!b) {
		copy_error(dst, out_path, err);
		goto done;
	}
	/* One step copies every page inside one read transaction: a consistent snapshot. */
	int step = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			errf(err, "cannot read '%s': it is busy; try again", db_path);
		else
			copy_error(dst, out_path, err);
		goto done;
	}
	if (finish_copy(dst, store_schema_version(src), db_path, out_path, sha, err))
		goto done;
	if (sqlite3_close(dst) != SQLITE_OK) {
		copy_error(dst, out_path, err);
		goto done;
	}
	dst = NULL;
	rc = outfile_commit(&o, err);
	if (rc == 0 && sha256_out)
		memcpy(sha256_out, sha, 65);
done:
	if (dst)
		sqlite3_close(dst);
	if (rc && o.tmp) {
		char *j = xasprintf("%s-journal", o.tmp);
		unlink(j);
		free(j);
	}
	outfile_discard(&o);
	store_close(src);
	return rc;
}

/* attachments.c: files attached to answers — stored in the attachments table (schema 5) with
 * an "attached" event that names them, and read back for export (attach.h). */
#include "store/attach.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/termsafe.h"
#include "util/util.h"

const char *store_media_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" }, { "png", "image/png" },
		{ "gif", "image/gif" }, { "webp", "image/webp" }, { "bmp", "image/bmp" },
		{ "heic", "image/heic" }, { "tif", "image/tiff" }, { "tiff", "image/tiff" },
		{ "svg", "image/svg+xml" }, { "pgm", "image/x-portable-graymap" },
		{ "mp3", "audio/mpeg" }, { "m4a", "audio/mp4" }, { "aac", "audio/aac" },
		{ "ogg", "audio/ogg" }, { "oga", "audio/ogg" }, { "opus", "audio/opus" },
		{ "wav", "audio/wav" }, { "amr", "audio/amr" }, { "flac", "audio/flac" },
		{ "mp4", "video/mp4" }, { "3gp", "video/3gpp" }, { "webm", "video/webm" },
		{ "mov", "video/quicktime" }, { "avi", "video/x-msvideo" }, { "mkv", "video/x-matroska" },
		{ "pdf", "application/pdf" }, { "txt", "text/plain" }, { "csv", "text/csv" },
		{ "json", "application/json" }, { "xml", "application/xml" },
		{ "zip", "application/zip" }, { "doc", "application/msword" },
		{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ "xls", "application/vnd.ms-excel" },
		{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
		{ "odt", "application/vnd.oasis.opendocument.text" },
		{ "ods", "application/vnd.oasis.opendocument.spreadsheet" },
	};
	const char *dot = name ? strrchr(name, '.') : NULL;
	if (dot && dot != name)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcasecmp(dot + 1, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

int store_iv_attach(store_iv *iv, const char *path, const char *name, const void *bytes,
		    size_t len, char *err)
{
	store *st = iv->st;
	if (!termsafe_file_name_ok(name))
		return errf(err, "cannot attach a file named '%s': not a plain file name", name);
	if ((long long)len > STORE_ATTACH_HARD_MAX)
		return errf(err, "cannot attach '%s': %zu bytes is more than %lld", name, len,
			    STORE_ATTACH_HARD_MAX);
	char sha[65];
	store_sha256_hex(bytes, len, sha);
	sqlite3_stmt *s;
	if (store_tx_begin(st, err))
		return -1;
	if (store_prepare(st->db, "INSERT OR IGNORE INTO attachments(uuid, path, sha256, name, "
			  "media_type, size, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &s, err)) {
		store_tx_rollback(st);
		return -1;
	}
	sqlite3_bind_text(s, 1, iv->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, store_media_type(name), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)len);
	sqlite3_bind_blob64(s, 7, len ? bytes : "", len, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_sqlerr(st, "cannot store the attachment", err);
		store_tx_rollback(st);
		return -1;
	}
	char *detail = xasprintf("%s %s", sha, name);
	rc = store_tx_commit(st, err) || store_iv_event(iv, "attached", path, detail, err) ? -1 : 0;
	free(detail);
	return rc;
}

int store_attachments_scan(store *st, const char *form_id, store_attachment_fn fn, void *arg,
			   char *err)
{
	if (st->schema_version < 5)
		return 0;   /* an older file read-only: it has none */
	sqlite3_stmt *s;
	if (store_prepare(st->db,
			  "SELECT f.uuid, f.path, f.name, f.media_type, f.sha256, f.bytes, f.size "
			  "FROM interviews i JOIN answers a ON a.uuid = i.uuid JOIN attachments f "
			  "ON f.uuid = a.uuid AND f.path = a.path AND f.name = a.value "
			  "WHERE i.form_id = ?1 AND i.status = 'complete' AND a.state = 'answered' "
			  "AND f.sha256 = (SELECT substr(e.new_value, 1, 64) FROM events e WHERE "
			  "e.uuid = a.uuid AND e.kind = 'attached' AND e.path = a.path AND "
			  "substr(e.new_value, 66) = a.value ORDER BY e.seq DESC LIMIT 1) "
			  "ORDER BY i.created, i.uuid, a.path", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_attachment a = {
			.uuid = (const char *)sqlite3_column_text(s, 0),
			.path = (const char *)sqlite3_column_text(s, 1),
			.name = (const char *)sqlite3_column_text(s, 2),
			.media_type = (const char *)sqlite3_column_text(s, 3),
			.sha256 = (const char *)sqlite3_column_text(s, 4),
			.bytes = sqlite3_column_blob(s, 5),
		};
		a.size = (size_t)sqlite3_column_bytes(s, 5);
		if (!a.uuid || !a.path || !a.name || !a.media_type || !a.sha256)
			continue;
		int stop = fn(arg, &a);
		if (stop) {
			sqlite3_finalize(s);
			return stop;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the attachments", err);
	return 0;
}

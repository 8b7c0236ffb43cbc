/* merge_attach.c: the attachments of a merge input (schema 5) — checked as untrusted data
 * before anything is copied, then copied whole. The attachments of a file are exactly those its
 * versions' event logs name ("attached" events, new_value "SHA256 NAME"): a version that
 * replaces another extends its log, so it names the other's files too, and the union of the
 * inputs' rows is the same in any merge order (DESIGN.md, attachments). */
#include "store/merge_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/termsafe.h"
#include "store/attach.h"
#include "util/util.h"

void merge_max_attachment(merge *m, long long bytes)
{
	m->max_attach = bytes;
}

/* The attached events of the input: its own events (in the schema "%w" of its rows,
 * merge_src_schema) and those of the versions its conflicts table keeps, as (uuid, path,
 * new_value). */
#define SRC_ATTACHED \
	"(SELECT uuid, path, new_value FROM \"%w\".events WHERE kind = 'attached' UNION ALL " \
	"SELECT c.uuid, json_extract(j.value, '$.path'), json_extract(j.value, '$.new_value') " \
	"FROM src.conflicts c, json_each(c.events) j WHERE json_extract(j.value, '$.kind') = " \
	"'attached')"
/* The same for an input of schema 1, which has no conflicts table (schemas 2 to 4 have no
 * attachments, but a crafted file may still hold such events). */
#define SRC_ATTACHED_OLD \
	"(SELECT uuid, path, new_value FROM \"%w\".events WHERE kind = 'attached')"

/* One row to the first problem, quoted for a message: "interview U, question P". The query is
 * fmt with the arguments that follow (sqlite3_mprintf). */
static int first_row(merge *m, char *where, size_t n, char *err, const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	int bad = store_prepare(m->st->db, sql, &s, err);
	sqlite3_free(sql);
	if (bad)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		char u[64], p[128];
		store_printable((const char *)sqlite3_column_text(s, 0), u, sizeof u);
		store_printable((const char *)sqlite3_column_text(s, 1), p, sizeof p);
		snprintf(where, n, "interview %s, question %s", u, p);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_sqlerr(m->st, "cannot read the attachments", err);
}

/* Each row on its own: the types the schema declares, a UUID, a one-line path, a plain file
 * name, the media type its name gives, size the length of the bytes and within the limit,
 * and the SHA-256 of the bytes. */
static int check_rows(merge *m, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT uuid, path, sha256, name, media_type, size, bytes, "
			  "typeof(uuid) = 'text' AND typeof(path) = 'text' AND typeof(sha256) = "
			  "'text' AND typeof(name) = 'text' AND typeof(media_type) = 'text' AND "
			  "typeof(size) = 'integer' AND typeof(bytes) = 'blob' FROM src.attachments "
			  "ORDER BY uuid, path, sha256, name", &s, err))
		return -1;
	long long max = m->max_attach > 0 ? m->max_attach : STORE_ATTACH_DEFAULT_MAX;
	if (max > STORE_ATTACH_HARD_MAX)
		max = STORE_ATTACH_HARD_MAX;
	int rc, bad = 0;
	while (!bad && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(s, 0);
		const char *path = (const char *)sqlite3_column_text(s, 1);
		const char *sha = (const char *)sqlite3_column_text(s, 2);
		const char *name = (const char *)sqlite3_column_text(s, 3);
		const char *type = (const char *)sqlite3_column_text(s, 4);
		long long size = sqlite3_column_int64(s, 5);
		char u[64], p[128], nm[128];
		store_printable(uuid, u, sizeof u);
		store_printable(path, p, sizeof p);
		store_printable(name, nm, sizeof nm);
		if (!sqlite3_column_int(s, 7) || !store_is_uuid(uuid) || !*path ||
		    strpbrk(path, "\t\r\n") || !termsafe_text_ok(path, 1)) {
			bad = errf(err, "it is damaged: an attachment of interview %s (question %s) is "
				   "not as survey writes them", u, p);
			break;
		}
		if (!termsafe_file_name_ok(name)) {
			bad = errf(err, "it is damaged: interview %s has an attachment named %s at "
				   "question %s, not a plain file name", u, nm, p);
			break;
		}
		const void *bytes = sqlite3_column_blob(s, 6);
		long long len = sqlite3_column_bytes(s, 6);
		if (size > max || len > max) {
			char got[32], most[32];
			util_human_size(size > len ? size : len, got, sizeof got);
			util_human_size(max, most, sizeof most);
			bad = errf(err, "its attachment '%s' (interview %s, question %s) is %s, above the "
				   "limit of %s; give merge --max-attachment SIZE to accept it", nm, u,
				   p, got, most);
			break;
		}
		char hex[65];
		store_sha256_hex(len ? bytes : "", (size_t)len, hex);
		if (size != len || strcmp(hex, sha) != 0 ||
		    strcmp(type, store_media_type(name)) != 0) {
			bad = errf(err, "it is damaged: the attachment '%s' of interview %s (question "
				   "%s) does not match its %s", nm, u, p, size != len ? "size" :
				   strcmp(hex, sha) ? "SHA-256" : "media type");
			break;
		}
	}
	sqlite3_finalize(s);
	if (bad)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_sqlerr(m->st, "cannot read the attachments", err);
}

int merge_attach_check(merge *m, char *err)
{
	char where[256];
	const char *rows = merge_src_schema(m);   /* its events and answers */
	int rc;
	/* No 'attached' event in its events and no conflicts row (its scan counted them): every
	 * query below that reads the events finds nothing, but that no row of src.attachments is
	 * left without its event. */
	if (!m->src_attached && m->src_version < 5)
		return 0;
	if (m->src_version < 5) {
		rc = first_row(m, where, sizeof where, err, m->src_version >= 2 ?
			       "SELECT uuid, path FROM " SRC_ATTACHED " LIMIT 1" :
			       "SELECT uuid, path FROM " SRC_ATTACHED_OLD " LIMIT 1", rows);
		if (rc > 0)
			return errf(err, "it is damaged: %s names an attached file, which a file of "
				    "schema %d cannot hold", where, m->src_version);
		return rc;
	}
	if (check_rows(m, err))
		return -1;
	/* every row named by an event of its interview's versions */
	rc = first_row(m, where, sizeof where, err, "SELECT f.uuid, f.path FROM src.attachments f "
		       "WHERE NOT EXISTS (SELECT 1 FROM " SRC_ATTACHED " e WHERE e.uuid = f.uuid "
		       "AND e.path = f.path AND e.new_value = f.sha256 || ' ' || f.name) LIMIT 1",
		       rows);
	if (rc > 0)
		return errf(err, "it is damaged: %s has an attachment no version of the interview "
			    "attached", where);
	if (rc < 0 || !m->src_attached)
		return rc < 0 ? -1 : 0;
	/* every attached event has its file */
	rc = first_row(m, where, sizeof where, err, "SELECT e.uuid, e.path FROM " SRC_ATTACHED
		       " e WHERE NOT EXISTS (SELECT 1 FROM src.attachments f WHERE f.uuid = e.uuid "
		       "AND f.path = e.path AND f.sha256 || ' ' || f.name = e.new_value) LIMIT 1",
		       rows);
	if (rc > 0)
		return errf(err, "it is damaged: %s names an attached file the file lacks", where);
	if (rc < 0)
		return -1;
	/* an answer at a question where files were attached names one of them */
	rc = first_row(m, where, sizeof where, err, "SELECT a.uuid, a.path FROM (SELECT DISTINCT "
		       "uuid, path FROM \"%w\".events WHERE kind = 'attached') e JOIN \"%w\".answers a "
		       "ON a.uuid = e.uuid AND a.path = e.path WHERE a.value IS NOT NULL AND "
		       "a.value <> '' AND NOT EXISTS (SELECT 1 FROM src.attachments f WHERE f.uuid = "
		       "a.uuid AND f.path = a.path AND f.name = a.value) LIMIT 1", rows, rows);
	if (rc > 0)
		return errf(err, "it is damaged: the answer of %s names no attached file", where);
	return rc < 0 ? -1 : 0;
}

int merge_attach_copy(merge *m, char *err)
{
	if (m->src_version < 5)
		return 0;
	return store_run(m->st, "cannot copy the attachments", err,
			  "INSERT OR IGNORE INTO main.attachments SELECT * FROM src.attachments", 0);
}

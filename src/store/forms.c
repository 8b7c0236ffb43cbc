/* forms.c: the questionnaires embedded in a database, so that it can be read without the form
 * file (tab, report and export need no FORM argument). */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_form_put(store *st, const char *form_id, const char *version, const char *title,
		   const char *source_name, const char *kind, const void *bytes, size_t len,
		   char *err)
{
	char hash[65], now[32];
	store_sha256_hex(bytes, len, hash);
	store_clock_now(st, now);
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT sha256 FROM forms WHERE form_id=? AND version=?", &s,
			  err))
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		int same = strcmp((const char *)sqlite3_column_text(s, 0), hash) == 0;
		sqlite3_finalize(s);
		if (same)
			return 0;
		return errf(err, "form '%s' version '%s' in '%s' differs from '%s': give the "
			    "changed questionnaire a new version in its settings sheet", form_id,
			    version, st->path, source_name);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the forms", err);
	if (store_prepare(st->db, "INSERT INTO forms(form_id, version, title, source_name, "
			  "source_kind, source, sha256, added) VALUES (?,?,?,?,?,?,?,?)", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, source_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 6, bytes, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot store the form", err);
	return 0;
}

int store_form_get(store *st, const char *form_id, const char *version, void **bytes,
		   size_t *len, char **source_name, char **kind, char *err)
{
	sqlite3_stmt *s;
	const char *sql = version
		? "SELECT source, source_name, source_kind FROM forms WHERE form_id=?1 AND version=?2"
		: "SELECT source, source_name, source_kind FROM forms WHERE form_id=?1 "
		  "ORDER BY added DESC, version DESC LIMIT 1";
	if (store_prepare(st->db, sql, &s, err))
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	if (version)
		sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_sqlerr(st, "cannot read the forms", err);
		return errf(err, "'%s' holds no form '%s'%s%s", st->path, form_id,
			    version ? " version " : "", version ? version : "");
	}
	*len = (size_t)sqlite3_column_bytes(s, 0);
	*bytes = xmalloc(*len + 1);
	if (*len)
		memcpy(*bytes, sqlite3_column_blob(s, 0), *len);
	((char *)*bytes)[*len] = '\0';
	*source_name = store_col_text(s, 1);
	*kind = store_col_text(s, 2);
	sqlite3_finalize(s);
	return 0;
}

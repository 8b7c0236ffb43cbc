/* settings.c: the laptop's own settings kept in the database's meta table (the interviewer's
 * name, the language chosen, the interview screen's on/off settings of prefs.c): read as
 * untrusted text, written in one transaction. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/termsafe.h"
#include "util/util.h"

/* Only these keys: the others in meta (device_id, created, packed_at, ...) are the store's. */
static int setting_key(const char *key)
{
	return strcmp(key, STORE_SET_INTERVIEWER) == 0 || strcmp(key, STORE_SET_LANG) == 0 ||
	       strcmp(key, STORE_PREF_AUTO_ADVANCE) == 0 || strcmp(key, STORE_PREF_NUMBERS) == 0;
}

int store_setting_get(store *st, const char *key, char **value, char *err)
{
	*value = NULL;
	if (!setting_key(key))
		return errf(err, "'%s' is not a setting", key);
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT value FROM meta WHERE key = ?", 1, key))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		/* a hostile or damaged file: only a short printable line is a setting */
		if (v && *v && strlen(v) <= STORE_SETTING_MAX && termsafe_text_ok(v, 0))
			*value = xstrdup(v);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the settings", err);
	return 0;
}

int store_setting_set(store *st, const char *key, const char *value, char *err)
{
	if (!setting_key(key))
		return errf(err, "'%s' is not a setting", key);
	if (!*value || strlen(value) > STORE_SETTING_MAX || !termsafe_text_ok(value, 0))
		return errf(err, "the setting '%s' must be one line of printable text", key);
	sqlite3_stmt *s;
	if (store_tx_begin(st, err))
		return -1;
	if (store_prepare(st->db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", &s,
			  err))
		goto fail;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_sqlerr(st, "cannot save the setting", err);
		goto fail;
	}
	return store_tx_commit(st, err);
fail:
	store_tx_rollback(st);
	return -1;
}

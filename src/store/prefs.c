/* prefs.c: the interview screen's on/off settings of this laptop (go on after a choice,
 * question numbers), kept in the meta table as "0"/"1" (no schema change; the file's own
 * settings: merge reads only the device id and the packed hash from meta). */
#include "store/store_impl.h"

#include <string.h>

#include "util/util.h"

static int pref_key(const char *key)
{
	return strcmp(key, STORE_PREF_AUTO_ADVANCE) == 0 || strcmp(key, STORE_PREF_NUMBERS) == 0;
}

int store_pref_get(store *st, const char *key, int *on, char *err)
{
	sqlite3_stmt *s;
	*on = 0;
	if (!pref_key(key))
		return errf(err, "'%s' is not a setting", key);
	if (store_prepare(st->db, "SELECT value FROM meta WHERE key = ?", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	/* anything but the text "1" (a damaged or crafted file) reads as off */
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT)
		*on = strcmp((const char *)sqlite3_column_text(s, 0), "1") == 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the settings", err);
	return 0;
}

int store_pref_set(store *st, const char *key, int on, char *err)
{
	sqlite3_stmt *s;
	if (!pref_key(key))
		return errf(err, "'%s' is not a setting", key);
	if (store_prepare(st->db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", &s,
			  err))
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, on ? "1" : "0", -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot save the setting", err);
	return 0;
}

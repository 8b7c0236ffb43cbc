/* last_saved.c: what ${last-saved#q} reads — the interview of a form saved last in this file
 * (other than the one being filled) and one of its answers. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_last_saved(store *st, const char *form_id, const char *exclude_uuid,
		     char out[STORE_UUID_LEN + 1], char *err)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (store_query(st->db, &s, err, "SELECT uuid FROM interviews WHERE form_id = ? AND uuid "
			"!= ? ORDER BY modified DESC, uuid DESC LIMIT 1",
			2, form_id, exclude_uuid ? exclude_uuid : ""))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(s, 0);
		if (u && strlen(u) == STORE_UUID_LEN)
			snprintf(out, STORE_UUID_LEN + 1, "%s", u);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot find the last saved interview", err);
	return 0;
}

int store_answer_value(store *st, const char *uuid, const char *path, char **value, char *err)
{
	sqlite3_stmt *s;
	*value = NULL;
	if (store_query(st->db, &s, err, "SELECT value FROM answers WHERE uuid = ? AND path = ? "
			"AND state = 'answered'", 2, uuid, path))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT)
		*value = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read an answer", err);
	return 0;
}

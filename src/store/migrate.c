/* migrate.c: store_open's migration of an older file (store_impl.h): to STORE_SCHEMA_VERSION,
 * and with STORE_SCHEMA8 on to the records of schema 8 in the same transaction; then 16 KiB
 * pages by a VACUUM of its own (atomic: rollback journal). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_schema.h"
#include "store/store_impl.h"
#include "util/util.h"

/* One text row of a PRAGMA into out ("" when it gives none). */
static void pragma_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

void store_pages_16k(store *st)
{
	sqlite3 *db = st->db;
	char size[16], mode[16], now[16];
	pragma_text(db, "PRAGMA page_size", size, sizeof size);
	if (strcmp(size, "16384") == 0)
		return;
	pragma_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	int wal = strcmp(mode, "wal") == 0;
	sqlite3_busy_timeout(db, 0);
	if (wal)
		pragma_text(db, "PRAGMA journal_mode = DELETE", now, sizeof now);
	if (!wal || strcmp(now, "delete") == 0)
		sqlite3_exec(db, "PRAGMA page_size = 16384; VACUUM", NULL, NULL, NULL);
	if (wal)
		pragma_text(db, "PRAGMA journal_mode = WAL", now, sizeof now);
	sqlite3_busy_timeout(db, 3000);
}

int store_open_migrate(store *st, int to8, char *err)
{
	if (store_exec(st->db, "BEGIN IMMEDIATE", "cannot start a transaction", err))
		return -1;
	/* read again under the lock: another survey may have migrated it since it was read */
	char v[16];
	pragma_text(st->db, "PRAGMA user_version", v, sizeof v);
	int from = atoi(v);
	if (from == STORE_SCHEMA_RECORDS || (from == STORE_SCHEMA_VERSION && !to8)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->schema_version = from;
		return 0;
	}
	if (from > STORE_SCHEMA_VERSION) {
		errf(err, "it was changed by another program while it was opened (schema %d): "
		     "try again", from);
		goto fail;
	}
	if (from < STORE_SCHEMA_VERSION && store_schema_migrate(st->db, from, err))
		goto fail;
	if (to8) {
		char why[ERR_MAX];
		if (record_migrate_7_to_8(st->db, why) ||
		    store_exec(st->db, "PRAGMA user_version = 8", "cannot mark the file", why)) {
			errf(err, "it cannot be moved to the compact layout, schema 8 (%s); nothing "
			     "was changed: set SURVEY_STORE_SCHEMA=7 to use it as it is", why);
			goto fail;
		}
	}
	if (store_exec(st->db, "COMMIT", "cannot commit the migration", err))
		goto fail;
	st->schema_version = to8 ? STORE_SCHEMA_RECORDS : STORE_SCHEMA_VERSION;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* fieldwork.c: the fieldwork tables of a survey file (schema STORE_SCHEMA_FIELDWORK) — the
 * sample frame, assignments and the supervisors' reviews: their part of the content hash. */
#include "store/store_impl.h"

#include <stdio.h>

#include "util/util.h"

int store_fieldwork_hash(sqlite3 *db, const char *schema, int version, struct sha256_ctx *all,
			 char *err)
{
	if (version < STORE_SCHEMA_FIELDWORK)
		return 0;   /* a file of an earlier version hashes as it always did */
	static const char *const tables[][2] = {
		{ "frame", "SELECT form_id, unit_id, data FROM \"%w\".frame ORDER BY form_id, "
		  "unit_id" },
		{ "assignment", "SELECT form_id, unit_id, interviewer, uuid, assigned FROM "
		  "\"%w\".assignments ORDER BY form_id, unit_id, interviewer" },
		{ "review", "SELECT uuid, events_sha256, at, reviewer, decision, path, text FROM "
		  "\"%w\".reviews ORDER BY uuid, events_sha256, at, reviewer, decision, path" },
	};
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		char *sql = sqlite3_mprintf(tables[t][1], schema);
		sqlite3_stmt *s;
		int rc = store_prepare(db, sql, &s, err);
		sqlite3_free(sql);
		if (rc)
			return -1;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			store_hash_field(all, tables[t][0]);
			store_hash_columns(all, s, 0, sqlite3_column_count(s));
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return errf(err, "cannot read the %s rows: %s", tables[t][0],
				    sqlite3_errmsg(db));
	}
	return 0;
}

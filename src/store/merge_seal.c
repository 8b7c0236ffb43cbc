/* merge_seal.c: the sealed records of a merge input (schema 7) — each already checked row by row
 * with the file (store_scan_sealed: types, UUIDs, hashes, bounded size); here, that each is of a
 * questionnaire the input or the output holds, then copied: the union of the records, the same
 * in any merge order. What they hold is merged only when opened (unseal.c). */
#include "store/merge_impl.h"

#include <stdio.h>

int merge_seal_check(merge *m, char *err)
{
	if (m->src_version < STORE_SCHEMA_SEALED)
		return 0;
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT s.uuid, s.form_id, s.form_version FROM src.sealed s "
			  "WHERE NOT EXISTS (SELECT 1 FROM src.forms f WHERE f.form_id = s.form_id "
			  "AND f.version = s.form_version) AND NOT EXISTS (SELECT 1 FROM main.forms "
			  "f WHERE f.form_id = s.form_id AND f.version = s.form_version) LIMIT 1",
			  &s, err))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		char u[64], f[128], v[64];
		store_printable((const char *)sqlite3_column_text(s, 0), u, sizeof u);
		store_printable((const char *)sqlite3_column_text(s, 1), f, sizeof f);
		store_printable((const char *)sqlite3_column_text(s, 2), v, sizeof v);
		errf(err, "it is damaged: sealed interview %s is of questionnaire %s version %s, "
		     "which neither it nor the output holds", u, f, v);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_sqlerr(m->st, "cannot read the sealed records", err);
}

int merge_seal_copy(merge *m, char *err)
{
	if (m->src_version < STORE_SCHEMA_SEALED)
		return 0;
	return store_run(m->st, "cannot copy the sealed records", err,
			  "INSERT OR IGNORE INTO main.sealed SELECT * FROM src.sealed", 0);
}

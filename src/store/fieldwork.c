/* fieldwork.c: the fieldwork tables of a survey file (schema STORE_SCHEMA_FIELDWORK) — the
 * sample frame, assignments and the supervisors' reviews: their part of the content hash, the
 * frame and the assignments (fieldwork.h). */
#include "store/store_impl.h"

#include <stdio.h>
#include <string.h>

#include "store/fieldwork.h"
#include "store/fw_why.h"
#include "store/scan.h"
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
		sqlite3_stmt *s;
		if (store_preparef(db, &s, err, tables[t][1], schema))
			return -1;
		int rc;
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

/* ---- frame ---- */

int store_frame_add(store *st, const char *form_id, int n, const char *const *unit_ids,
		    const char *const *data, int *added, int *same, int *bad, char *err)
{
	*added = *same = 0;
	*bad = -1;
	sqlite3_stmt *get, *put;
	if (store_tx_begin(st, err))
		return -1;
	if (store_prepare(st->db, "SELECT data = json(?3) FROM frame WHERE form_id = ?1 AND "
			  "unit_id = ?2",
			  &get, err)) {
		store_tx_rollback(st);
		return -1;
	}
	if (store_prepare(st->db, "INSERT INTO frame(form_id, unit_id, data) VALUES (?1, ?2, "
			  "json(?3))", &put, err)) {
		sqlite3_finalize(get);
		store_tx_rollback(st);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		sqlite3_reset(get);
		sqlite3_bind_text(get, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(get, 2, unit_ids[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(get, 3, data[i], -1, SQLITE_STATIC);
		int step = sqlite3_step(get);
		if (step == SQLITE_ROW) {
			if (sqlite3_column_int(get, 0)) {
				(*same)++;
				continue;
			}
			*bad = i;
			errf(err, "unit '%s' is already in the frame with other values", unit_ids[i]);
			rc = store_fw_why_set(err, FW_WHY_FRAME_CONFLICT, 1, unit_ids[i]);
			break;
		}
		if (step != SQLITE_DONE) {
			rc = store_sqlerr(st, "cannot read the frame", err);
			break;
		}
		sqlite3_reset(put);
		sqlite3_bind_text(put, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, unit_ids[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, data[i], -1, SQLITE_STATIC);
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot add to the frame", err);
		else
			(*added)++;
	}
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return store_tx_end(st, rc, err);
}

int store_frame_forms(store *st, char ***ids, int *n, char *err)
{
	char **ignored;
	return store_string_pairs(st, "SELECT DISTINCT form_id, form_id FROM frame ORDER BY 1",
				  ids, &ignored, n, "cannot read the frame", err) ? -1 :
	       (store_strings_free(ignored, *n), 0);
}

int store_frame_select(store *st, const char *form_id, const char *const *cols,
		       const char *const *vals, int nw, char ***units, int *n, char *err)
{
	*units = NULL;
	*n = 0;
	sqlite3_stmt *s;
	for (int k = 0; k < nw; k++) {   /* a column no unit has is a typing error */
		if (store_query(st->db, &s, err, "SELECT 1 FROM frame f, json_each(f.data) j WHERE "
				"f.form_id = ?1 AND j.key = ?2 LIMIT 1", 2, form_id, cols[k]))
			return -1;
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc == SQLITE_DONE) {
			errf(err, "the frame of form '%s' has no column '%s'", form_id, cols[k]);
			return store_fw_why_set(err, FW_WHY_NO_COLUMN, 2, form_id, cols[k]);
		}
		if (rc != SQLITE_ROW)
			return store_sqlerr(st, "cannot read the frame", err);
	}
	strbuf q = STRBUF_INIT;
	sb_adds(&q, "SELECT unit_id FROM frame f WHERE form_id = ?1");
	for (int k = 0; k < nw; k++)
		sb_addf(&q, " AND EXISTS (SELECT 1 FROM json_each(f.data) j WHERE j.key = ?%d AND "
			"j.value = ?%d)", 2 + 2 * k, 3 + 2 * k);
	sb_adds(&q, " ORDER BY unit_id");
	int rc = store_prepare(st->db, sb_str(&q), &s, err);
	sb_release(&q);
	if (rc)
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	for (int k = 0; k < nw; k++) {
		sqlite3_bind_text(s, 2 + 2 * k, cols[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3 + 2 * k, vals[k], -1, SQLITE_STATIC);
	}
	return store_collect(st, s, &store_text_rows, NULL, units, n, "cannot read the frame", err);
}

/* ---- assignments ---- */

int store_assign(store *st, const char *form_id, const char *interviewer, int n,
		 const char *const *units, store_assign_result *res, char *err)
{
	memset(res, 0, sizeof *res);
	char now[32];
	store_clock_now(st, now);
	if (store_tx_begin(st, err))
		return -1;
	sqlite3_stmt *unit = NULL, *put = NULL;
	int rc = store_prepare(st->db, "SELECT EXISTS (SELECT 1 FROM frame WHERE form_id = ?1 AND "
			       "unit_id = ?2), (SELECT uuid FROM assignments WHERE form_id = ?1 AND "
			       "unit_id = ?2 LIMIT 1), (SELECT interviewer FROM assignments WHERE "
			       "form_id = ?1 AND unit_id = ?2 ORDER BY assigned DESC, interviewer "
			       "DESC LIMIT 1)", &unit, err) ||
		 store_prepare(st->db, "INSERT INTO assignments(form_id, unit_id, interviewer, uuid, "
			       "assigned) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(form_id, unit_id, "
			       "interviewer) DO UPDATE SET assigned = max(assigned, excluded.assigned)",
			       &put, err) ? -1 : 0;
	for (int i = 0; i < n && !rc; i++) {
		sqlite3_reset(unit);
		sqlite3_bind_text(unit, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(unit, 2, units[i], -1, SQLITE_STATIC);
		if (sqlite3_step(unit) != SQLITE_ROW) {
			rc = store_sqlerr(st, "cannot read the assignments", err);
			break;
		}
		if (!sqlite3_column_int(unit, 0)) {
			errf(err, "unit '%s' is not in the frame of form '%s'", units[i], form_id);
			rc = store_fw_why_set(err, FW_WHY_NOT_IN_FRAME, 2, units[i], form_id);
			break;
		}
		char uuid[STORE_UUID_LEN + 1];
		const char *had = (const char *)sqlite3_column_text(unit, 1);
		const char *holder = (const char *)sqlite3_column_text(unit, 2);
		if (holder && strcmp(holder, interviewer) == 0) {
			res->already++;
			continue;
		}
		if (had)
			snprintf(uuid, sizeof uuid, "%s", had);
		else if (store_uuid4(uuid, err)) {
			rc = -1;
			break;
		}
		if (holder)
			res->moved++;
		else
			res->assigned++;
		sqlite3_reset(put);
		sqlite3_bind_text(put, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 2, units[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 3, interviewer, -1, SQLITE_STATIC);
		sqlite3_bind_text(put, 4, uuid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(put, 5, now, -1, SQLITE_STATIC);
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot write the assignments", err);
	}
	sqlite3_finalize(unit);
	sqlite3_finalize(put);
	return store_tx_end(st, rc, err);
}

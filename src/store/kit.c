/* kit.c: `survey kit` — a survey file for one laptop made from the coordinator's: the form,
 * the interviewer's frame rows and assignments, the reviews of their interviews and the
 * interviews sent back (rejected on their current version). Also the units of a file with
 * their state (store_units), which the kit, the start screen and progress read. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/fieldwork.h"
#include "store/fw_why.h"
#include "store/reviews.h"
#include "store/scan.h"
#include "util/outfile.h"
#include "util/util.h"

const char *store_unit_state_name(store_unit_state s)
{
	static const char *const names[UNIT_N] = { "todo", "started", "done", "returned",
						   "approved" };
	return s >= 0 && s < UNIT_N ? names[s] : "todo";
}

/* A done unit's state as the reviews say (reviews.h, the one definition of an approved and a
 * returned interview): done, returned or approved. */
static int review_state(store *st, const char *uuid, store_unit_state *state, char *err)
{
	store_review_state rs;
	if (*state != UNIT_DONE)
		return 0;
	if (store_review_get(st, uuid, &rs, err))
		return -1;
	if (rs == REVIEW_REJECTED)
		*state = UNIT_RETURNED;
	else if (rs == REVIEW_APPROVED)
		*state = UNIT_APPROVED;
	return 0;
}

/* The review states of the done units of u[0..n) (review_state); on error u is freed. */
static int review_states(store *st, store_unit **u, int *n, char *err)
{
	for (int i = 0; i < *n; i++)
		if (review_state(st, (*u)[i].uuid, &(*u)[i].state, err)) {
			store_units_free(*u, *n);
			*u = NULL;
			*n = 0;
			return -1;
		}
	return 0;
}

/* The units of form ?1 held (latest assignment) by ?2 (NULL: anyone), as a query's FROM: rows
 * (form_id, unit_id, interviewer, uuid). */
#define HELD \
	"(SELECT a.form_id, a.unit_id, a.interviewer, a.uuid FROM main.assignments a WHERE " \
	"(?1 IS NULL OR a.form_id = ?1) AND (?2 IS NULL OR a.interviewer = ?2) AND NOT EXISTS " \
	"(SELECT 1 FROM main.assignments b WHERE b.form_id = a.form_id AND b.unit_id = " \
	"a.unit_id AND (b.assigned > a.assigned OR (b.assigned = a.assigned AND b.interviewer > " \
	"a.interviewer))))"
/* A unit's state from its interview row i (LEFT JOINed), before its reviews (review_state). */
#define STATE \
	"CASE WHEN i.uuid IS NULL OR i.status = 'discarded' THEN 0 WHEN i.status = 'draft' " \
	"THEN 1 ELSE 2 END"

/* A row (unit_id, uuid, interviewer, data, label, state) of the units' queries below. */
#define UNIT(kind, member) STORE_COL(kind, store_unit, member)
static const store_col unit_cols[] = {
	UNIT(STORE_TEXT, unit_id), UNIT(STORE_TEXT, uuid), UNIT(STORE_TEXT, interviewer),
	UNIT(STORE_TEXT, data), UNIT(STORE_TEXT_EMPTY, label), UNIT(STORE_INT, state),
};
#undef UNIT
static const store_row_type unit_rows = STORE_ROW_TYPE(store_unit, unit_cols, NULL);

int store_units(store *st, const char *form_id, const char *interviewer, store_unit **out,
		int *n, char *err)
{
	*out = NULL;
	*n = 0;
	if (st->schema_version < STORE_SCHEMA_FIELDWORK)
		return 0;   /* a file opened read-only before its migration has no fieldwork */
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT EXISTS (SELECT 1 FROM main.assignments)", &s, err))
		return -1;
	int rc = sqlite3_step(s), any = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)   /* a damaged file is not one without fieldwork */
		return store_sqlerr(st, "cannot read the assignments", err);
	if (!any)
		return 0;   /* no fieldwork: the interviews are not read again */
	char kit_who[STORE_FW_NAME_MAX + 1] = "";
	if (!interviewer) {
		if (store_prepare(st->db, "SELECT value FROM meta WHERE key = '"
				  STORE_KIT_INTERVIEWER "'", &s, err))
			return -1;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT)
			snprintf(kit_who, sizeof kit_who, "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_sqlerr(st, "cannot read the kit's interviewer", err);
		if (*kit_who)
			interviewer = kit_who;
	}
	if (store_rows(st, &unit_rows, NULL, out, n, "cannot read the assignments", err,
		       "SELECT h.unit_id, h.uuid, h.interviewer, f.data, (SELECT "
		       "group_concat(j.value, ', ') FROM json_each(f.data) j WHERE j.value <> ''), "
		       STATE " FROM " HELD " h JOIN main.frame f ON f.form_id = h.form_id AND "
		       "f.unit_id = h.unit_id LEFT JOIN interviews i ON i.uuid = h.uuid ORDER "
		       "BY h.unit_id", 2, form_id, interviewer))
		return -1;
	return review_states(st, out, n, err);
}

int store_frame_progress(store *st, const char *by_col, store_unit **out, int *n, int *has_col,
			 char *err)
{
	*out = NULL;
	*n = *has_col = 0;
	if (st->schema_version < STORE_SCHEMA_FIELDWORK)
		return 0;
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT EXISTS (SELECT 1 FROM frame f, json_each(f.data) "
			"j WHERE j.key = ?1)", 1, by_col))
		return -1;
	int rc = sqlite3_step(s);
	*has_col = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the frame", err);
	if (!*has_col)
		return 0;
	if (store_rows(st, &unit_rows, NULL, out, n, "cannot read the frame", err,
		       "SELECT f.unit_id, h.uuid, h.interviewer, f.data, coalesce((SELECT j.value "
		       "FROM json_each(f.data) j WHERE j.key = ?3 AND j.type = 'text'), ''), CASE "
		       "WHEN h.uuid IS NULL THEN 0 ELSE " STATE " END FROM main.frame f LEFT JOIN "
		       HELD " h ON h.form_id = f.form_id AND h.unit_id = f.unit_id LEFT JOIN "
		       "interviews i ON i.uuid = h.uuid ORDER BY 5, f.unit_id", 3, NULL, NULL,
		       by_col))
		return -1;
	return review_states(st, out, n, err);
}

void store_units_free(store_unit *u, int n)
{
	store_rows_free(u, n, &unit_rows);
}

int store_unit_values(store *st, const char *uuid, char ***names, char ***values, int *n,
		      char *err)
{
	*names = *values = NULL;
	*n = 0;
	if (st->schema_version < STORE_SCHEMA_FIELDWORK)
		return 0;
	char *sql = sqlite3_mprintf("SELECT j.key, j.value FROM main.frame f, json_each(f.data) j "
				    "WHERE (f.form_id, f.unit_id) = (SELECT form_id, unit_id FROM "
				    "main.assignments WHERE uuid = %Q LIMIT 1) AND j.type = 'text' "
				    "ORDER BY j.id", uuid);
	int rc = store_string_pairs(st, sql, names, values, n, "cannot read the frame", err);
	sqlite3_free(sql);
	return rc;
}

int store_kit_no_extra(store *st)
{
	sqlite3_stmt *s;
	char err[ERR_MAX];
	if (store_prepare(st->db, "SELECT value = '1' FROM meta WHERE key = '" STORE_KIT_NO_EXTRA
			  "'", &s, err))
		return 0;
	int yes = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return yes;
}

/* The newest version of form_id in st. */
static int newest_version(store *st, const char *form_id, char out[STORE_FW_NAME_MAX + 1],
			  char *err)
{
	char **ids, **versions;
	int n;
	if (store_string_pairs(st, "SELECT form_id, version FROM forms", &ids, &versions, &n,
			       "cannot read the forms", err))
		return -1;
	int found = -1;
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], form_id) == 0 &&
		    (found < 0 || store_version_cmp(versions[i], versions[found]) > 0))
			found = i;
	if (found >= 0)
		snprintf(out, STORE_FW_NAME_MAX + 1, "%s", versions[found]);
	store_strings_free(ids, n);
	store_strings_free(versions, n);
	if (found < 0) {
		errf(err, "'%s' does not hold the form '%s': load its frame with 'survey frame FORM "
		     "FRAME.csv --db %s'", store_path(st), form_id, store_path(st));
		return store_fw_why_set(err, FW_WHY_NO_FORM, 2, store_path(st), form_id);
	}
	return 0;
}

/* Make the kit's file at path (tables, device id, meta), in rollback-journal mode. */
static int kit_create(const char *path, const char *form_id, const char *version,
		      const char *interviewer, int no_extra, char *err)
{
	store *k;
	if (store_open(path, STORE_CREATE, &k, err))
		return -1;
	char now[32];
	store_now(now);
	sqlite3_stmt *s;
	int rc = store_exec(k->db, "PRAGMA journal_mode=DELETE", "cannot write the kit", err) ||
		 store_prepare(k->db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('"
			       STORE_KIT_FORM "', ?1), ('" STORE_KIT_VERSION "', ?2), ('"
			       STORE_KIT_INTERVIEWER "', ?3), ('" STORE_KIT_NO_EXTRA "', ?4), "
			       "('kit_made', ?5)", &s, err) ? -1 : 0;
	if (!rc) {
		sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, interviewer, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, no_extra ? "1" : "0", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, now, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(k, "cannot write the kit", err);
		sqlite3_finalize(s);
	}
	store_close(k);
	return rc;
}

/* temp.fw_returned: the complete interviews of the units interviewer holds whose review state
 * is rejected (store_review_get: the one definition of a returned interview). */
static int fill_returned(store *st, const char *form_id, const char *interviewer, char *err)
{
	sqlite3_stmt *s, *put;
	if (store_prepare(st->db, "SELECT h.uuid FROM " HELD " h JOIN interviews i ON "
			  "i.uuid = h.uuid WHERE i.status = 'complete' ORDER BY h.uuid", &s, err))
		return -1;
	if (store_prepare(st->db, "INSERT OR IGNORE INTO temp.fw_returned VALUES (?1)", &put,
			  err)) {
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, interviewer, -1, SQLITE_STATIC);
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(s, 0);
		store_review_state rs;
		if (store_review_get(st, uuid, &rs, err)) {
			rc = -1;
			break;
		}
		if (rs != REVIEW_REJECTED)
			continue;
		sqlite3_reset(put);
		sqlite3_bind_text(put, 1, uuid, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot write the kit", err);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, "cannot read the assignments", err);
	sqlite3_finalize(s);
	sqlite3_finalize(put);
	return rc;
}

/* Copy into the kit (attached as kit) from st's main: ?1 form, ?2 interviewer, ?3 version. */
static int kit_fill(store *st, const char *form_id, const char *interviewer, const char *version,
		    store_kit_summary *sum, char *err)
{
	/* units the interviewer holds or held, and the interviews sent back */
	static const char *const steps[] = {
		"CREATE TEMP TABLE fw_units AS SELECT DISTINCT unit_id FROM main.assignments WHERE "
		"form_id = ?1 AND interviewer = ?2",
		"CREATE TEMP TABLE fw_returned(uuid TEXT PRIMARY KEY)",
		"INSERT INTO kit.frame SELECT * FROM main.frame WHERE form_id = ?1 AND unit_id IN "
		"(SELECT unit_id FROM temp.fw_units)",
		"INSERT INTO kit.assignments SELECT * FROM main.assignments WHERE form_id = ?1 AND "
		"unit_id IN (SELECT unit_id FROM temp.fw_units)",
		"INSERT INTO kit.reviews SELECT * FROM main.reviews WHERE uuid IN (SELECT uuid FROM "
		"main.assignments WHERE form_id = ?1 AND unit_id IN (SELECT unit_id FROM "
		"temp.fw_units))",
		"INSERT INTO kit.forms SELECT * FROM main.forms WHERE form_id = ?1 AND (version = ?3 "
		"OR version IN (SELECT form_version FROM interviews WHERE uuid IN (SELECT uuid "
		"FROM temp.fw_returned)))",
		"INSERT INTO kit.interviews SELECT * FROM interviews WHERE uuid IN (SELECT uuid "
		"FROM temp.fw_returned)",
		"INSERT INTO kit.answers SELECT * FROM answers WHERE uuid IN (SELECT uuid FROM "
		"temp.fw_returned)",
		"INSERT INTO kit.events SELECT * FROM events WHERE uuid IN (SELECT uuid FROM "
		"temp.fw_returned)",
		"INSERT INTO kit.attachments SELECT * FROM main.attachments WHERE uuid IN (SELECT "
		"uuid FROM temp.fw_returned)",
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof steps / sizeof *steps && !rc; i++) {
		if (i == 2 && fill_returned(st, form_id, interviewer, err))
			return -1;
		sqlite3_stmt *s;
		if (store_prepare(st->db, steps[i], &s, err))
			return -1;
		for (int p = 1; p <= sqlite3_bind_parameter_count(s); p++)
			sqlite3_bind_text(s, p, p == 1 ? form_id : p == 2 ? interviewer : version, -1,
					  SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot write the kit", err);
		sqlite3_finalize(s);
	}
	sqlite3_stmt *s;
	if (!rc && !store_prepare(st->db, "SELECT (SELECT count(*) FROM kit.assignments a WHERE "
				  "a.interviewer = ?1 AND NOT EXISTS (SELECT 1 FROM kit.assignments b "
				  "WHERE b.form_id = a.form_id AND b.unit_id = a.unit_id AND "
				  "(b.assigned > a.assigned OR (b.assigned = a.assigned AND "
				  "b.interviewer > a.interviewer)))), (SELECT count(*) FROM "
				  "temp.fw_returned)", &s, err)) {
		sqlite3_bind_text(s, 1, interviewer, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			sum->units = sqlite3_column_int(s, 0);
			sum->returned = sqlite3_column_int(s, 1);
		}
		sqlite3_finalize(s);
	}
	return rc;
}

int store_kit_write(store *hq, const char *form_id, const char *interviewer, int no_extra,
		    const char *out_path, store_kit_summary *sum, char *err)
{
	memset(sum, 0, sizeof *sum);
	snprintf(sum->form_id, sizeof sum->form_id, "%s", form_id);
	if (hq->schema_version < STORE_SCHEMA_FIELDWORK) {
		errf(err, "'%s' has no frame: load one with 'survey frame'", store_path(hq));
		return store_fw_why_set(err, FW_WHY_NO_FRAME, 1, store_path(hq));
	}
	if (newest_version(hq, form_id, sum->version, err))
		return -1;
	outfile o;
	if (outfile_begin(&o, out_path, err))
		return -1;
	close(o.fd);   /* SQLite writes it by name */
	o.fd = -1;
	int rc = kit_create(o.tmp, form_id, sum->version, interviewer, no_extra, err);
	if (!rc) {
		sqlite3_stmt *s;
		rc = store_prepare(hq->db, "ATTACH ?1 AS kit", &s, err);
		if (!rc) {
			sqlite3_bind_text(s, 1, o.tmp, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_sqlerr(hq, "cannot write the kit", err);
			sqlite3_finalize(s);
		}
		if (!rc) {
			rc = store_exec(hq->db, "BEGIN", "cannot read the database", err) ||
			     kit_fill(hq, form_id, interviewer, sum->version, sum, err) ? -1 : 0;
			if (rc)
				sqlite3_exec(hq->db, "ROLLBACK", NULL, NULL, NULL);
			else if (store_exec(hq->db, "COMMIT", "cannot write the kit", err))
				rc = -1;
			sqlite3_exec(hq->db, "DROP TABLE IF EXISTS temp.fw_units; DROP TABLE IF "
				     "EXISTS temp.fw_returned; DETACH kit", NULL, NULL, NULL);
		}
	}
	if (!rc && sum->units == 0) {
		errf(err, "%s holds no unit of form '%s' in '%s': assign some with 'survey assign'",
		     interviewer, form_id, store_path(hq));
		rc = store_fw_why_set(err, FW_WHY_NO_UNITS, 3, interviewer, form_id, store_path(hq));
	}
	if (!rc)
		rc = outfile_commit(&o, err);
	if (rc && o.tmp) {
		char *j = xasprintf("%s-journal", o.tmp);
		unlink(j);
		free(j);
	}
	outfile_discard(&o);
	return rc;
}

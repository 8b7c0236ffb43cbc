/* merge_records.c: merging into an output of schema 8 (merge_impl.h): interviews copied and
 * compared as records, and the rows of the few merge_version decides read and written through
 * the in-memory schema `stage`. */
#include "store/merge_impl.h"

#include <stdlib.h>
#include <string.h>

#include "store/record_schema.h"
#include "util/util.h"

int merge_rec_stage_init(merge *m, char *err)
{
	sqlite3_limit(m->st->db, SQLITE_LIMIT_ATTACHED, 2);   /* src and stage */
	return store_exec(m->st->db, "ATTACH ':memory:' AS stage; CREATE TEMP TABLE IF NOT EXISTS "
			  "merge_repath(form_id TEXT, form_version TEXT, PRIMARY KEY(form_id, "
			  "form_version)) WITHOUT ROWID", "cannot prepare the merge", err) ||
	       merge_tables_v7(m->st->db, "stage", "'interviews', 'answers', 'events'", err) ? -1 : 0;
}

int merge_rec_stage_clear(merge *m, char *err)
{
	return store_exec(m->st->db, "DELETE FROM stage.events; DELETE FROM stage.answers; "
			  "DELETE FROM stage.interviews", "cannot prepare the merge", err);
}

/* The decoded rows into stage.answers and stage.events. */
static int stage_rows(merge *m, const char *uuid, const record_rows *r, char *err)
{
	sqlite3_stmt *an = NULL, *ev = NULL;
	int rc = store_prepare(m->st->db, "INSERT INTO stage.answers(" STORE_ANSWER_COLUMNS ") "
			       "VALUES (?1, ?2, ?3, ?4, ?5)", &an, err) ||
		 store_prepare(m->st->db, "INSERT INTO stage.events(uuid, " STORE_EVENT_COLUMNS
			       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &ev, err) ?
		 -1 : 0;
	if (!rc)
		rc = merge_rows_put(m->st->db, an, ev, uuid, r, err);
	sqlite3_finalize(an);
	sqlite3_finalize(ev);
	return rc;
}

int merge_rec_stage(merge *m, const char *uuid, char *err)
{
	record_rows r;
	if (merge_rec_stage_clear(m, err) ||
	    store_run(m->st, "cannot read an interview", err, "INSERT INTO stage.interviews("
		      STORE_INTERVIEW_COLUMNS ") SELECT " STORE_INTERVIEW_COLUMNS " FROM "
		      "temp.interviews WHERE uuid = ?1", 1, uuid) ||
	    store_iv_rows(m->st, uuid, STORE_ROWS_ANSWERS | STORE_ROWS_EVENTS, &r, err))
		return -1;
	int rc = stage_rows(m, uuid, &r, err);
	record_rows_free(&r);
	return rc;
}

int merge_rec_drop(merge *m, const char *uuid, char *err)
{
	return store_run(m->st, "cannot replace an interview", err,
			  "DELETE FROM main.records WHERE uuid = ?1", 1, uuid);
}

/* Is uuid's record in src encoded with other path ids than the output's (temp.merge_repath)? */
static int repath(merge *m, const char *uuid, int *yes, char *err)
{
	sqlite3_stmt *s;
	if (store_query(m->st->db, &s, err, "SELECT EXISTS (SELECT 1 FROM src.records r JOIN "
			"temp.merge_repath p ON p.form_id = r.form_id AND p.form_version = "
			"r.form_version WHERE r.uuid = ?1)", 1, uuid))
		return -1;
	int rc = sqlite3_step(s);
	*yes = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(m->st, "cannot copy an interview", err);
}

int merge_rec_copy(merge *m, const char *uuid, char *err)
{
	int yes;
	if (repath(m, uuid, &yes, err))
		return -1;
	if (yes)
		return merge_src_rows(m, uuid, err) ||
		       merge_rec_encode(m, merge_src_schema(m), uuid, err) ? -1 : 0;
	return store_run(m->st, "cannot copy an interview", err,
			  "INSERT INTO main.records SELECT * FROM src.records WHERE uuid = ?1", 1,
			  uuid);
}

static int answer_row(void *arg, sqlite3_stmt *s)
{
	record_rows *r = arg;
	const char *v = (const char *)sqlite3_column_text(s, 1);
	record_rows_set_answer(r, (const char *)sqlite3_column_text(s, 0), v,
			       (const char *)sqlite3_column_text(s, 2),
			       (const char *)sqlite3_column_text(s, 3));
	return 0;
}

static int event_row(void *arg, sqlite3_stmt *s)
{
	record_rows *r = arg;
	record_event e = {
		.offset_ms = sqlite3_column_int64(s, 1),
		.at = (char *)sqlite3_column_text(s, 0),
		.kind = (char *)sqlite3_column_text(s, 2),
		.path = (char *)sqlite3_column_text(s, 3),
		.old_value = (char *)sqlite3_column_text(s, 4),
		.new_value = (char *)sqlite3_column_text(s, 5),
		.old_state = (char *)sqlite3_column_text(s, 6),
		.new_state = (char *)sqlite3_column_text(s, 7),
	};
	record_rows_add_event(r, &e);
	return 0;
}

int merge_rec_encode(merge *m, const char *schema, const char *uuid, char *err)
{
	sqlite3 *db = m->st->db;
	sqlite3_stmt *g = NULL, *put = NULL, *s;
	record_rows r = { 0 };
	char *a = NULL, *e = NULL;
	int rc = -1;
	char *qa = sqlite3_mprintf("SELECT path, value, state, modified FROM \"%w\".answers WHERE "
				   "uuid = ?1 ORDER BY path", schema);
	char *qe = sqlite3_mprintf("SELECT at, offset_ms, kind, path, old_value, new_value, "
				   "old_state, new_state FROM \"%w\".events WHERE uuid = ?1 ORDER BY "
				   "seq", schema);
	char *qi = sqlite3_mprintf("SELECT " STORE_INTERVIEW_COLUMNS " FROM \"%w\".interviews "
				   "WHERE uuid = ?1", schema);
	int bad = store_query(db, &s, err, qa, 1, uuid) ||
		  store_each(m->st, s, answer_row, &r, "cannot read the version", err) ||
		  store_query(db, &s, err, qe, 1, uuid) ||
		  store_each(m->st, s, event_row, &r, "cannot read the version", err) ||
		  store_query(db, &g, err, qi, 1, uuid);
	sqlite3_free(qa);
	sqlite3_free(qe);
	sqlite3_free(qi);
	if (bad)
		goto out;
	if (sqlite3_step(g) != SQLITE_ROW) {
		errf(err, "interview '%.40s': its version cannot be read", uuid);
		goto out;
	}
	const char *form = (const char *)sqlite3_column_text(g, 1),
		   *version = (const char *)sqlite3_column_text(g, 2);
	const record_paths *p = form && version ? store_paths_of(m->st, form, version, err) : NULL;
	if (!p ||
	    record_encode(p, (const char *)sqlite3_column_text(g, 7),
			  (const char *)sqlite3_column_text(g, 10), &r, &a, &e, err) ||
	    store_prepare(db, "INSERT INTO main.records VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			  "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", &put, err) ||
	    record_put_row(db, put, g, a, e, err))
		goto out;
	rc = 0;
out:
	record_rows_free(&r);
	free(a);
	free(e);
	sqlite3_finalize(g);
	sqlite3_finalize(put);
	return rc;
}

static int encode_each(void *arg, sqlite3_stmt *s)
{
	void **a = arg;
	const char *uuid = (const char *)sqlite3_column_text(s, 0);
	return merge_src_rows(a[0], uuid, a[1]) ||
	       merge_rec_encode(a[0], merge_src_schema(a[0]), uuid, a[1]) ? -1 : 0;
}

/* A record is bytes that mean rows only with its form version's path ids: those of the input
 * and the output agree when both hold the form (the ids come from its bytes), not when the
 * input lacks it (a sealed record's payload, a crafted file: its paths kept as text) while the
 * output holds it. Such records are encoded again from the input's rows. */
int merge_rec_copy_new(merge *m, int every, char *err)
{
	static const char paths[] =
		"INSERT INTO main.paths SELECT * FROM src.paths s WHERE NOT EXISTS (SELECT 1 FROM "
		"main.paths o WHERE o.form_id = s.form_id AND o.form_version = s.form_version)";
	static const char mismatch[] =
		"DELETE FROM temp.merge_repath; INSERT INTO temp.merge_repath SELECT f, v FROM "
		"(SELECT DISTINCT form_id AS f, form_version AS v FROM src.records) WHERE EXISTS "
		"(SELECT id, path FROM main.paths WHERE form_id = f AND form_version = v EXCEPT "
		"SELECT id, path FROM src.paths WHERE form_id = f AND form_version = v) OR EXISTS "
		"(SELECT id, path FROM src.paths WHERE form_id = f AND form_version = v EXCEPT "
		"SELECT id, path FROM main.paths WHERE form_id = f AND form_version = v)";
	static const char as_bytes[] =
		"INSERT INTO main.records SELECT r.* FROM src.records r WHERE %s NOT EXISTS (SELECT "
		"1 FROM temp.merge_repath p WHERE p.form_id = r.form_id AND p.form_version = "
		"r.form_version)";
	char *copy = sqlite3_mprintf(as_bytes, every ? "" : "r.uuid IN (SELECT uuid FROM "
				     "temp.merge_in WHERE action = 'new') AND");
	void *arg[2] = { m, err };
	sqlite3_stmt *s = NULL;
	int rc = store_run(m->st, "cannot copy the path ids", err, paths, 0) ||
		 store_exec(m->st->db, mismatch, "cannot compare the path ids", err) ||
		 store_run(m->st, "cannot copy the interviews", err, copy, 0) ||
		 /* the few form versions first (CROSS JOIN: SQLite would read every record to
		  * match them when merge_repath is empty, as it nearly always is) */
		 store_query(m->st->db, &s, err, "SELECT r.uuid FROM temp.merge_repath p CROSS "
			     "JOIN src.records r ON r.form_id = p.form_id AND r.form_version = "
			     "p.form_version WHERE r.uuid IN (SELECT uuid FROM temp.merge_in WHERE "
			     "action = 'new') ORDER BY r.uuid", 0) ||
		 store_each(m->st, s, encode_each, arg, "cannot copy the interviews", err) ? -1 : 0;
	sqlite3_free(copy);
	return rc;
}

/* Records are canonical: the same rows give the same bytes, so an interview is identical when
 * every column of its record is. */
int merge_rec_mark_identical(merge *m, char *err)
{
	return store_run(m->st, "cannot compare the interviews", err,
		"UPDATE temp.merge_in SET action = 'identical' WHERE action IS NULL AND EXISTS ("
		"SELECT 1 FROM src.records s, main.records o WHERE s.uuid = merge_in.uuid AND "
		"o.uuid = merge_in.uuid AND s.form_id IS o.form_id AND s.form_version IS "
		"o.form_version AND s.device_id IS o.device_id AND s.interviewer IS o.interviewer "
		"AND s.status IS o.status AND s.revision IS o.revision AND s.created IS o.created "
		"AND s.modified IS o.modified AND s.completed IS o.completed AND s.content_hash IS "
		"o.content_hash AND s.lang IS o.lang AND s.position IS o.position AND "
		"s.instance_name IS o.instance_name AND s.origin IS o.origin AND s.answers IS "
		"o.answers AND s.events IS o.events)", 0);
}

char *merge_provenance_rows(merge *m)
{
	/* the output as it is now: opened read-only at its own version until an input is merged */
	return m->st->schema_version == STORE_SCHEMA_RECORDS ? record_provenance_from("main") :
	       xstrdup("main.provenance_interviews");
}

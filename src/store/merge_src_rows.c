/* merge_src_rows.c: the answer and event rows of a schema-8 input merged into an output of schema
 * 8, for the few interviews merge reads as rows (merge_version, the attachments check, a record
 * encoded again for the output's path ids): decoded from the input's records, which its scan
 * checked, into the temporary schema `srcrows` when first asked for (merge_impl.h). */
#include "store/merge_impl.h"

#include <string.h>

#include "util/util.h"

int merge_src_rows_init(merge *m, char *err)
{
	sqlite3_limit(m->st->db, SQLITE_LIMIT_ATTACHED, 3);   /* src, stage and srcrows */
	/* a private temporary database: in memory while small, spilled to a file in TMPDIR
	 * when an input's attached files make it read many interviews */
	return store_exec(m->st->db, "ATTACH '' AS srcrows", "cannot prepare the merge", err) ||
	       merge_tables_v7(m->st->db, "srcrows", "'interviews', 'answers', 'events'", err) ?
	       -1 : 0;
}

int merge_src_rows_begin(merge *m, int lazy, char *err)
{
	store_paths_cache_release(&m->src_paths);
	m->src_lazy = lazy;
	if (!lazy)
		return 0;
	if (!m->out8)
		return errf(err, "internal error: an input's rows are kept in its records only for "
			    "an output of schema 8");
	return store_exec(m->st->db, "DELETE FROM srcrows.events; DELETE FROM srcrows.answers; "
			  "DELETE FROM srcrows.interviews", "cannot prepare the merge", err);
}

const char *merge_src_schema(const merge *m)
{
	return m->src_lazy ? "srcrows" : "src";
}

/* Has srcrows the interview already? 1 yes, 0 no, -1 with err. */
static int has(merge *m, const char *uuid, char *err)
{
	sqlite3_stmt *s;
	if (store_query(m->st->db, &s, err, "SELECT EXISTS (SELECT 1 FROM srcrows.interviews "
			"WHERE uuid = ?1)", 1, uuid))
		return -1;
	int rc = sqlite3_step(s), yes = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? yes : store_sqlerr(m->st, "cannot read an interview", err);
}

/* Its record decoded (with the input's path ids) and its rows written. */
static int put_rows(merge *m, const char *uuid, char *err)
{
	sqlite3 *db = m->st->db;
	sqlite3_stmt *g = NULL, *an = NULL, *ev = NULL;
	record_rows r = { 0 };
	int rc = -1, step;
	if (store_query(db, &g, err, "SELECT r.form_id, r.form_version, i.created, "
			"i.content_hash, r.answers, r.events FROM src.records r JOIN "
			"src.interviews i ON i.uuid = r.uuid WHERE r.uuid = ?1", 1, uuid))
		return -1;
	if ((step = sqlite3_step(g)) != SQLITE_ROW) {
		rc = step == SQLITE_DONE ? 0 : store_sqlerr(m->st, "cannot read an interview", err);
		goto out;
	}
	const char *form = (const char *)sqlite3_column_text(g, 0),
		   *version = (const char *)sqlite3_column_text(g, 1),
		   *a = (const char *)sqlite3_column_text(g, 4),
		   *e = (const char *)sqlite3_column_text(g, 5);
	char why[ERR_MAX];
	const record_paths *p = store_paths_cache_get(&m->src_paths, db, "src", form ? form : "",
						      version ? version : "", why);
	if (!p) {
		errf(err, "interview '%.40s': %s", uuid, why);
		goto out;
	}
	if (record_decode(p, (const char *)sqlite3_column_text(g, 2),
			  (const char *)sqlite3_column_text(g, 3), a ? a : "",
			  (size_t)sqlite3_column_bytes(g, 4), e ? e : "",
			  (size_t)sqlite3_column_bytes(g, 5), &r, why)) {
		errf(err, "interview '%.40s': its record cannot be read (%s)", uuid, why);
		goto out;
	}
	if (store_prepare(db, "INSERT INTO srcrows.answers(" STORE_ANSWER_COLUMNS ") VALUES (?1, "
			  "?2, ?3, ?4, ?5)", &an, err) ||
	    store_prepare(db, "INSERT INTO srcrows.events(uuid, " STORE_EVENT_COLUMNS ") VALUES "
			  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &ev, err))
		goto out;
	rc = merge_rows_put(db, an, ev, uuid, &r, err);
out:
	record_rows_free(&r);
	sqlite3_finalize(g);
	sqlite3_finalize(an);
	sqlite3_finalize(ev);
	return rc;
}

int merge_src_rows(merge *m, const char *uuid, char *err)
{
	if (!m->src_lazy)
		return 0;
	int got = has(m, uuid, err);
	if (got)
		return got < 0 ? -1 : 0;
	return store_run(m->st, "cannot read an interview", err, "INSERT INTO srcrows.interviews("
			 STORE_INTERVIEW_COLUMNS ") SELECT " STORE_INTERVIEW_COLUMNS " FROM "
			 "src.interviews WHERE uuid = ?1", 1, uuid) ||
	       put_rows(m, uuid, err) ? -1 : 0;
}

int merge_src_rows_attached(merge *m, const store_scan *sc, char *err)
{
	for (int i = 0; m->src_lazy && i < sc->n; i++)
		if (sc->ivs[i].attached > 0 && merge_src_rows(m, sc->ivs[i].uuid, err))
			return -1;
	return 0;
}

/* merge_unpack.c: a schema-8 merge input made readable as schema 7 in its private copy
 * (merge_impl.h, merge_unpack_8_to_7): the schema-7 tables created beside its records and
 * filled from them, every record checked to be the canonical encoding of its rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/merge_impl.h"
#include "store/record_form.h"
#include "store/record_schema.h"
#include "store/record_store.h"
#include "store/store_impl.h"
#include "util/util.h"

int merge_tables_v7_part(sqlite3 *db, const char *schema, const char *tables, int what,
			 char *err)
{
	sqlite3 *want;
	if (store_schema_expected(STORE_SCHEMA_VERSION, &want, err))
		return -1;
	sqlite3_stmt *s;
	const char *types = what == MERGE_V7_TABLES ? "'table'" : what == MERGE_V7_INDEXES ?
			    "'index'" : "'table', 'index'";
	char *q = xasprintf("SELECT sql FROM sqlite_schema WHERE tbl_name IN (%s) AND type IN (%s) "
			    "AND sql IS NOT NULL ORDER BY type = 'index', rowid", tables, types);
	int rc = store_prepare(want, q, &s, err);
	free(q);
	while (!rc && sqlite3_step(s) == SQLITE_ROW) {
		/* "CREATE TABLE x(" / "CREATE INDEX x ON" with the schema's name before x */
		const char *ddl = (const char *)sqlite3_column_text(s, 0);
		const char *name = strncmp(ddl, "CREATE TABLE ", 13) == 0 ||
				   strncmp(ddl, "CREATE INDEX ", 13) == 0 ? ddl + 13 : NULL;
		char *sql = name ? sqlite3_mprintf("%.*s\"%w\".%s", (int)(name - ddl), ddl, schema,
						   name) : NULL;
		rc = !sql ? errf(err, "cannot create the tables of schema 7") :
		     store_exec(db, sql, "cannot create the tables of schema 7", err);
		sqlite3_free(sql);
	}
	sqlite3_finalize(s);
	sqlite3_close(want);
	return rc;
}

int merge_tables_v7(sqlite3 *db, const char *schema, const char *tables, char *err)
{
	return merge_tables_v7_part(db, schema, tables, MERGE_V7_TABLES | MERGE_V7_INDEXES, err);
}

/* Every view of the file dropped (schema 8's, as the schema check found them; an early file's
 * provenance_interviews is a table, kept). */
static int drop_views(sqlite3 *db, int early, char *err)
{
	static const char *const views[] = { "answers", "events", "record_events_r",
					     "record_events_e", "record_answers", "record_slots",
					     "interviews", "provenance_interviews" };
	for (size_t i = 0; i < sizeof views / sizeof *views - (early ? 1 : 0); i++) {
		char *sql = sqlite3_mprintf("DROP VIEW IF EXISTS main.\"%w\"", views[i]);
		int rc = store_exec(db, sql, "cannot read the layout of schema 8", err);
		sqlite3_free(sql);
		if (rc)
			return -1;
	}
	return 0;
}

/* main.provenance_interviews of schema 7 from the compact tables (every version's input
 * listed: a crafted file may not hide rows behind the join). */
static int fill_provenance(sqlite3 *db, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(db, "SELECT EXISTS (SELECT 1 FROM main.provenance_versions v WHERE NOT "
			  "EXISTS (SELECT 1 FROM main.provenance_inputs i WHERE i.id = v.input))",
			  &s, err))
		return -1;
	int step = sqlite3_step(s), orphan = step == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (step != SQLITE_ROW)
		return errf(err, "cannot read the provenance: %s", sqlite3_errmsg(db));
	if (orphan)
		return errf(err, "it is damaged: its provenance has versions of an input it does "
			    "not list");
	char *from = record_provenance_from("main");
	char *sql = xasprintf("INSERT INTO main.provenance_interviews SELECT * FROM %s", from);
	char why[ERR_MAX];
	int rc = store_exec(db, sql, "its provenance is not as survey writes it", why) ?
		 errf(err, "it is damaged: %s", why) : 0;
	free(sql);
	free(from);
	return rc;
}

struct unpack {
	sqlite3 *db;
	int rows;             /* write the answer and event rows (else only the interviews) */
	sqlite3_stmt *rec, *iv, *an, *ev;   /* the records in uuid order; the rows' INSERTs */
	record_iv_texts t;    /* the interview row of the record under rec */
	store_paths_cache paths;   /* the path tables of its form versions */
};

/* The columns of u->rec: STORE_INTERVIEW_COLUMNS, then the record's texts. */
enum { COL_UUID = 0, COL_FORM = 1, COL_VERSION = 2, COL_CREATED = 7, COL_HASH = 10,
       REC_ANSWERS = STORE_INTERVIEW_NCOLUMNS, REC_EVENTS };

static const char *text(sqlite3_stmt *s, int c)
{
	return (const char *)sqlite3_column_text(s, c);
}

static void bind_or_null(sqlite3_stmt *s, int at, const char *v)
{
	if (v)
		sqlite3_bind_text(s, at, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, at);
}

static int step_done(sqlite3 *db, sqlite3_stmt *s, const char *uuid, char *err)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	store_note_full(db);
	return errf(err, "interview '%.40s': cannot write its rows: %s", uuid, sqlite3_errmsg(db));
}

int merge_rows_put(sqlite3 *db, sqlite3_stmt *an, sqlite3_stmt *ev, const char *uuid,
		   const record_rows *r, char *err)
{
	int rc = 0;
	for (size_t i = 0; i < r->n_answers && !rc; i++) {
		const record_answer *x = &r->answers[i];
		sqlite3_bind_text(an, 1, uuid, -1, SQLITE_STATIC);
		bind_or_null(an, 2, x->path);
		bind_or_null(an, 3, x->value);
		bind_or_null(an, 4, x->state);
		bind_or_null(an, 5, x->modified);
		rc = step_done(db, an, uuid, err);
	}
	for (size_t i = 0; i < r->n_events && !rc; i++) {
		const record_event *x = &r->events[i];
		sqlite3_bind_text(ev, 1, uuid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ev, 2, x->seq);
		bind_or_null(ev, 3, x->at);
		sqlite3_bind_int64(ev, 4, x->offset_ms);
		bind_or_null(ev, 5, x->kind);
		bind_or_null(ev, 6, x->path);
		bind_or_null(ev, 7, x->old_value);
		bind_or_null(ev, 8, x->new_value);
		bind_or_null(ev, 9, x->old_state);
		bind_or_null(ev, 10, x->new_state);
		rc = step_done(db, ev, uuid, err);
	}
	return rc;
}

/* The path table of the record under u->rec. */
static const record_paths *paths_of(struct unpack *u, char *err)
{
	return store_paths_cache_get(&u->paths, u->db, "main", u->t.text[COL_FORM],
				     u->t.text[COL_VERSION], err);
}

/* A record's answers and events: checked, their rows written. */
static int one_rows(struct unpack *u, const char *uuid, const char *a, const char *e, char *err)
{
	const record_paths *paths = paths_of(u, err);
	if (!paths)
		return -1;
	record_rows rows;
	if (record_check(paths, u->t.text[COL_CREATED], u->t.text[COL_HASH], a,
			 (size_t)sqlite3_column_bytes(u->rec, REC_ANSWERS), e,
			 (size_t)sqlite3_column_bytes(u->rec, REC_EVENTS), &rows, err)) {
		char why[ERR_MAX];
		snprintf(why, sizeof why, "%s", err);
		return errf(err, "interview '%.40s' is damaged: %s", uuid, why);
	}
	int rc = merge_rows_put(u->db, u->an, u->ev, uuid, &rows, err);
	record_rows_free(&rows);
	return rc;
}

/* One record: its interview row made (record_interview_texts: a record whose columns are not
 * those the store writes for that row reads as something else) and written, (its rows checked
 * and written; else its answers and events are checked canonical by record_check in the
 * scan). */
static int one(struct unpack *u, char *err)
{
	const char *a = (const char *)sqlite3_column_blob(u->rec, REC_ANSWERS),
		   *e = (const char *)sqlite3_column_blob(u->rec, REC_EVENTS);
	if (!record_interview_texts(u->rec, 0, &u->t)) {
		char who[80];
		store_printable(text(u->rec, COL_UUID), who, sizeof who);
		return errf(err, "interview '%s' is damaged: its record's columns are not those "
			    "survey writes", who);
	}
	const char *uuid = u->t.text[COL_UUID];
	if (sqlite3_column_type(u->rec, REC_ANSWERS) != SQLITE_TEXT ||
	    sqlite3_column_type(u->rec, REC_EVENTS) != SQLITE_TEXT)
		return errf(err, "interview '%.40s' is damaged: its record is not text", uuid);
	sqlite3_reset(u->iv);
	for (int k = 0; k < STORE_INTERVIEW_NCOLUMNS; k++)
		if (k == 6)
			sqlite3_bind_int64(u->iv, k + 1, u->t.revision);
		else if (u->t.blob[k])
			sqlite3_bind_blob(u->iv, k + 1, u->t.text[k], u->t.len[k], SQLITE_STATIC);
		else if (u->t.text[k])
			sqlite3_bind_text(u->iv, k + 1, u->t.text[k], u->t.len[k], SQLITE_STATIC);
		else
			sqlite3_bind_null(u->iv, k + 1);
	if (step_done(u->db, u->iv, uuid, err))
		return -1;
	return u->rows ? one_rows(u, uuid, a ? a : "", e ? e : "", err) : 0;
}

static int unpack(sqlite3 *db, int rows, char *err)
{
	struct unpack u = { .db = db, .rows = rows };
	int rc = -1, step;
	/* made while schema 8 was opt-in: its provenance_interviews is still schema 7's table */
	int early = record_provenance_early(db);
	const char *tables = early ? "'interviews', 'answers', 'events'" :
			     "'interviews', 'answers', 'events', 'provenance_interviews'";
	/* the indexes made after the rows are in: one sort each, not an insert per row */
	if (record_paths_verify(db, "main", err) || drop_views(db, early, err) ||
	    merge_tables_v7_part(db, "main", tables, MERGE_V7_TABLES, err) ||
	    (!early && fill_provenance(db, err)) ||
	    store_prepare(db, "SELECT " STORE_INTERVIEW_COLUMNS ", answers, events FROM "
			  "main.records ORDER BY uuid", &u.rec, err) ||
	    store_prepare(db, "INSERT INTO main.interviews(" STORE_INTERVIEW_COLUMNS ") VALUES "
			  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", &u.iv,
			  err) ||
	    store_prepare(db, "INSERT INTO main.answers(" STORE_ANSWER_COLUMNS ") VALUES (?1, ?2, "
			  "?3, ?4, ?5)", &u.an, err) ||
	    store_prepare(db, "INSERT INTO main.events(uuid, " STORE_EVENT_COLUMNS ") VALUES (?1, "
			  "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &u.ev, err))
		goto out;
	/* one interview row made from each record, in uuid order */
	while ((step = sqlite3_step(u.rec)) == SQLITE_ROW)
		if (one(&u, err))
			goto out;
	if (step != SQLITE_DONE)
		errf(err, "cannot read the records: %s", sqlite3_errmsg(db));
	else
		rc = merge_tables_v7_part(db, "main", tables, MERGE_V7_INDEXES, err);
out:
	sqlite3_finalize(u.iv);
	sqlite3_finalize(u.rec);
	sqlite3_finalize(u.an);
	sqlite3_finalize(u.ev);
	store_paths_cache_release(&u.paths);
	return rc;
}

int merge_unpack_8_to_7(sqlite3 *db, char *err)
{
	return unpack(db, 1, err);
}

int merge_unpack_8_to_7_interviews(sqlite3 *db, char *err)
{
	return unpack(db, 0, err);
}

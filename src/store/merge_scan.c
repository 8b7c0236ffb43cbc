/* merge_scan.c: one pass over every row of a survey file — its content hash (recorded by pack,
 * checked by merge), each interview's events hash, and merge's checks of an input. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static int prepare_in(sqlite3 *db, const char *schema, const char *fmt, sqlite3_stmt **s,
		      char *err)
{
	char *sql = sqlite3_mprintf(fmt, schema);
	int rc = sqlite3_prepare_v2(db, sql, -1, s, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return errf(err, "it lacks a survey table or column (%s)", sqlite3_errmsg(db));
	return 0;
}

static const char *col(sqlite3_stmt *s, int c)
{
	return (const char *)sqlite3_column_text(s, c);
}

/* Step s; 1 for a row, 0 at the end, -1 with err on a read error. */
static int next(sqlite3 *db, sqlite3_stmt *s, char *err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
}

static int scan_forms(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
		      char *err)
{
	sqlite3_stmt *s;
	if (prepare_in(db, schema, "SELECT form_id, version, sha256, source FROM \"%w\".forms "
		       "ORDER BY form_id, version", &s, err))
		return -1;
	int rc;
	while ((rc = next(db, s, err)) == 1) {
		store_hash_field(all, "form");
		store_hash_columns(all, s, 0, 3);
		if (!check)
			continue;
		char hex[65];
		store_sha256_hex(sqlite3_column_blob(s, 3), (size_t)sqlite3_column_bytes(s, 3), hex);
		if (!col(s, 2) || strcmp(hex, col(s, 2)) != 0) {
			errf(err, "the questionnaire '%s' version '%s' it holds is damaged (its bytes "
			     "do not match their hash)", col(s, 0), col(s, 1));
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

static int scan_conflicts(sqlite3 *db, const char *schema, struct sha256_ctx *all, char *err)
{
	sqlite3_stmt *s;
	if (prepare_in(db, schema, "SELECT " STORE_CONFLICT_COLUMNS " FROM \"%w\".conflicts "
		       "ORDER BY uuid, events_sha256", &s, err))
		return -1;
	int rc;
	while ((rc = next(db, s, err)) == 1) {
		store_hash_field(all, "conflict");
		store_hash_columns(all, s, 0, 9);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The three cursors of the interview pass, each in uuid order. */
struct cursors {
	sqlite3_stmt *iv, *an, *ev;
	int an_row, ev_row;   /* 1 while the cursor is on a row */
	int ivcols;           /* columns of an interview row at the file's version (hashed) */
};

/* Compare the uuid under a child cursor with u: <0 when the child is behind (an orphan). */
static int child_cmp(sqlite3_stmt *s, int on_row, const char *u)
{
	return on_row ? strcmp(col(s, 0), u) : 1;
}

static int scan_interview(sqlite3 *db, struct cursors *c, int check, struct sha256_ctx *all,
			  store_scan_iv *out, char *err)
{
	const char *u = col(c->iv, 0);
	snprintf(out->uuid, sizeof out->uuid, "%s", u);
	store_hash_field(all, "interview");
	store_hash_columns(all, c->iv, 0, c->ivcols);
	if (check && (child_cmp(c->an, c->an_row, u) < 0 || child_cmp(c->ev, c->ev_row, u) < 0))
		return errf(err, "it holds answers or events of an interview it lacks (before '%s')",
			    u);
	int complete = strcmp(col(c->iv, 5), "complete") == 0;
	store_chash ch;
	if (complete)
		store_chash_begin(&ch, u, col(c->iv, 1), col(c->iv, 2));
	while (c->an_row && strcmp(col(c->an, 0), u) == 0) {
		store_hash_field(all, "answer");
		store_hash_columns(all, c->an, 1, 4);
		if (complete)
			store_chash_answer(&ch, col(c->an, 1), col(c->an, 3), col(c->an, 2));
		if ((c->an_row = next(db, c->an, err)) < 0)
			return -1;
	}
	if (complete && check) {
		char hex[65];
		store_chash_end(&ch, hex);
		const char *stored = col(c->iv, 10);
		if (!stored || strcmp(stored, hex) != 0)
			return errf(err, "interview '%s' is damaged: its answers do not match the "
				    "content hash recorded when it was completed", u);
	}
	struct sha256_ctx ev;
	sha256_init(&ev);
	long long n = 0;
	while (c->ev_row && strcmp(col(c->ev, 0), u) == 0) {
		n++;
		if (check && sqlite3_column_int64(c->ev, 1) != n)
			return errf(err, "interview '%s' is damaged: its event %lld is missing", u, n);
		store_hash_columns(&ev, c->ev, 1, STORE_EVENT_NCOLUMNS);
		if ((c->ev_row = next(db, c->ev, err)) < 0)
			return -1;
	}
	store_hash_hex(&ev, out->events_sha256);
	out->events_count = n;
	store_hash_field(all, "events");
	store_hash_field(all, out->events_sha256);
	return 0;
}

int store_scan_content(sqlite3 *db, const char *schema, int version, int check, store_scan *out,
		       char *err)
{
	memset(out, 0, sizeof *out);
	struct sha256_ctx all;
	sha256_init(&all);
	store_hash_field(&all, "survey-content-1");
	/* a file of version 2 hashes as it always did: packs made before version 3 still merge */
	struct cursors c = { .ivcols = version >= 3 ? STORE_INTERVIEW_NCOLUMNS :
			     STORE_INTERVIEW_NCOLUMNS_V2 };
	int rc = -1, cap = 0;
	if (scan_forms(db, schema, check, &all, err) ||
	    prepare_in(db, schema, version >= 3 ? "SELECT " STORE_INTERVIEW_COLUMNS " FROM "
		       "\"%w\".interviews ORDER BY uuid" : "SELECT " STORE_INTERVIEW_COLUMNS_V2
		       " FROM \"%w\".interviews ORDER BY uuid", &c.iv, err) ||
	    prepare_in(db, schema, "SELECT " STORE_ANSWER_COLUMNS " FROM \"%w\".answers "
		       "ORDER BY uuid, path", &c.an, err) ||
	    prepare_in(db, schema, "SELECT uuid, " STORE_EVENT_COLUMNS " FROM \"%w\".events "
		       "ORDER BY uuid, seq", &c.ev, err) ||
	    (c.an_row = next(db, c.an, err)) < 0 || (c.ev_row = next(db, c.ev, err)) < 0)
		goto done;
	int more;
	while ((more = next(db, c.iv, err)) == 1) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 256;
			out->ivs = xreallocarray(out->ivs, (size_t)cap, sizeof *out->ivs);
		}
		if (scan_interview(db, &c, check, &all, &out->ivs[out->n++], err))
			goto done;
	}
	if (more < 0)
		goto done;
	if (check && (c.an_row || c.ev_row)) {
		errf(err, "it holds answers or events of an interview it lacks ('%s')",
		     col(c.an_row ? c.an : c.ev, 0));
		goto done;
	}
	if (version >= 2 && scan_conflicts(db, schema, &all, err))
		goto done;
	store_hash_hex(&all, out->content_sha256);
	rc = 0;
done:
	sqlite3_finalize(c.iv);
	sqlite3_finalize(c.an);
	sqlite3_finalize(c.ev);
	if (rc)
		store_scan_release(out);
	return rc;
}

void store_scan_release(store_scan *s)
{
	free(s->ivs);
	s->ivs = NULL;
	s->n = 0;
}

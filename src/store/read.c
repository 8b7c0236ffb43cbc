/* read.c: reading interviews and answers back out of the database. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/hindex.h"
#include "util/util.h"

const store_col store_answer_cols[2] = {
	STORE_COL(STORE_TEXT, store_answer, path), STORE_COL(STORE_TEXT, store_answer, value),
};

static const store_row_type answer_rows = STORE_ROW_TYPE(store_answer, store_answer_cols,
							  NULL);

int store_answers(store *st, const char *uuid, store_answer **out, int *n, char *err)
{
	record_rows r;
	*out = NULL;
	*n = 0;
	if (store_iv_rows(st, uuid, STORE_ROWS_ANSWERS, &r, err))
		return -1;
	if (r.n_answers) {
		*out = xcalloc(r.n_answers, sizeof **out);
		for (size_t k = 0; k < r.n_answers; k++) {
			store_answer *a = &(*out)[k];
			a->path = r.answers[k].path;
			a->value = r.answers[k].value;
			r.answers[k].path = r.answers[k].value = NULL;
			if (store_state_parse(r.answers[k].state, &a->state))
				a->state = STATE_ANSWERED;
		}
		*n = (int)r.n_answers;
	}
	record_rows_free(&r);
	return 0;
}

void store_answers_free(store_answer *a, int n)
{
	store_rows_free(a, n, &answer_rows);
}

/* Prepare "SELECT <the columns of interview_cols> FROM interviews i <rest>" (schema 8: the
 * answered count 0, counted from the records by count_answered). */
static int interview_query(store *st, const char *rest, sqlite3_stmt **s, char *err)
{
	char *origin = store_origin_sql("main", "i", st->schema_version);
	int rc = store_preparef(st->db, s, err, "SELECT i.uuid, i.form_id, i.form_version, "
		"i.device_id, i.interviewer, i.status, i.revision, i.created, i.modified, "
		"i.completed, i.content_hash, i.lang, i.position, i.instance_name, %s, %s FROM "
		"interviews i %s", STORE_IS_RECORDS(st) ? "0" : "(SELECT count(*) FROM answers a "
		"WHERE a.uuid = i.uuid AND a.state = 'answered')", origin, rest);
	sqlite3_free(origin);
	return rc;
}

static int count_one(void *arg, const char *path, const char *value, const char *state)
{
	if (strcmp(state, "answered") == 0)
		++*(int *)arg;
	return 0;
}

/* Schema 8: the answered answers of each of the n interviews counted from its record in C
 * (the answers view would parse every record with json_tree): its one record, or every record
 * read in file order and found among them by uuid. */
static int count_answered(store *st, store_interview *ivs, int n, char *err)
{
	sqlite3_stmt *s;
	if (!STORE_IS_RECORDS(st) || n == 0)
		return 0;
	if (store_prepare(st->db, n == 1 ? "SELECT uuid, form_id, form_version, answers FROM "
			  "records WHERE uuid = ?1" : "SELECT uuid, form_id, form_version, answers "
			  "FROM records", &s, err))
		return -1;
	hindex ix = HINDEX_INIT;
	if (n == 1)
		sqlite3_bind_text(s, 1, ivs[0].uuid, -1, SQLITE_STATIC);
	else
		for (int i = 0; i < n; i++)
			hindex_add(&ix, hash_str(ivs[i].uuid));
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(s, 0);
		int i = n == 1 ? 0 : -1;
		for (size_t pos = 0; i < 0 && uuid && (i = hindex_next(&ix, hash_str(uuid), &pos)) >= 0;)
			if (strcmp(ivs[i].uuid, uuid) != 0)
				i = -1;
		if (i < 0)
			continue;   /* an interview not asked for */
		const char *form = (const char *)sqlite3_column_text(s, 1),
			   *version = (const char *)sqlite3_column_text(s, 2),
			   *a = (const char *)sqlite3_column_text(s, 3);
		const record_paths *p = form && version ? store_paths_of(st, form, version, err) :
					NULL;
		ivs[i].answered = 0;
		if (!p || record_answers_each(p, a ? a : "", (size_t)sqlite3_column_bytes(s, 3),
					      count_one, &ivs[i].answered, err))
			rc = p ? errf(err, "interview '%.40s': its record cannot be read", uuid) : -1;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, "cannot read the interviews", err);
	sqlite3_finalize(s);
	hindex_release(&ix);
	return rc;
}

#define IV(kind, member) STORE_COL(kind, store_interview, member)
static const store_col interview_cols[] = {   /* interview_query's columns */
	IV(STORE_CHARS, uuid), IV(STORE_TEXT, form_id), IV(STORE_TEXT, form_version),
	IV(STORE_TEXT, device_id), IV(STORE_TEXT, interviewer), IV(STORE_TEXT, status),
	IV(STORE_INT, revision), IV(STORE_TEXT, created), IV(STORE_TEXT, modified),
	IV(STORE_TEXT, completed), IV(STORE_TEXT, content_hash), IV(STORE_TEXT, lang),
	IV(STORE_TEXT, position), IV(STORE_TEXT, instance_name), IV(STORE_INT, answered),
	IV(STORE_TEXT, origin),
};
#undef IV
static const store_row_type interview_rows = STORE_ROW_TYPE(store_interview, interview_cols,
							     NULL);

int store_interviews(store *st, store_interview **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (interview_query(st, "ORDER BY i.created, i.uuid", &s, err) ||
	    store_collect(st, s, &interview_rows, NULL, out, n, "cannot read the interviews",
			  err))
		return -1;
	if (count_answered(st, *out, *n, err)) {
		store_interviews_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int store_interview_get(store *st, const char *uuid, store_interview *out, char *err)
{
	sqlite3_stmt *s;
	memset(out, 0, sizeof *out);
	if (interview_query(st, "WHERE i.uuid = ?", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_row_fill(&interview_rows, s, out, NULL);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW) {
		if (!count_answered(st, out, 1, err))
			return 0;
		store_interview_release(out);
		return -1;
	}
	if (rc == SQLITE_DONE)
		return errf(err, "'%s' holds no interview '%s'", st->path, uuid);
	return store_sqlerr(st, "cannot read the interview", err);
}

void store_interview_release(store_interview *iv)
{
	store_row_release(&interview_rows, iv);
}

void store_interviews_free(store_interview *ivs, int n)
{
	store_rows_free(ivs, n, &interview_rows);
}

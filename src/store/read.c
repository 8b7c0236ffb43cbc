/* read.c: reading interviews and answers back out of the database. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_answers(store *st, const char *uuid, store_answer **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (store_prepare(st->db, "SELECT path, value, state FROM answers WHERE uuid=? "
			  "ORDER BY path", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xreallocarray(*out, (size_t)cap, sizeof **out);
		}
		store_answer *a = &(*out)[(*n)++];
		a->path = store_col_text(s, 0);
		a->value = store_col_text(s, 1);
		if (store_state_parse((const char *)sqlite3_column_text(s, 2), &a->state))
			a->state = STATE_ANSWERED;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_answers_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot read the answers", err);
	}
	return 0;
}

void store_answers_free(store_answer *a, int n)
{
	for (int i = 0; i < n; i++) {
		free(a[i].path);
		free(a[i].value);
	}
	free(a);
}

/* "SELECT <the columns fill_interview reads> FROM interviews i <rest>"; sqlite3_free it. */
static char *interview_select(const store *st, const char *rest)
{
	char *origin = store_origin_sql("main", "i", st->schema_version);
	char *sql = sqlite3_mprintf("SELECT i.uuid, i.form_id, i.form_version, i.device_id, "
		"i.interviewer, i.status, i.revision, i.created, i.modified, i.completed, "
		"i.content_hash, i.lang, i.position, i.instance_name, (SELECT count(*) FROM "
		"answers a WHERE a.uuid = i.uuid AND a.state = 'answered'), %s FROM interviews i %s",
		origin, rest);
	sqlite3_free(origin);
	return sql;
}

static void fill_interview(sqlite3_stmt *s, store_interview *iv)
{
	snprintf(iv->uuid, sizeof iv->uuid, "%s", (const char *)sqlite3_column_text(s, 0));
	iv->form_id = store_col_text(s, 1);
	iv->form_version = store_col_text(s, 2);
	iv->device_id = store_col_text(s, 3);
	iv->interviewer = store_col_text(s, 4);
	iv->status = store_col_text(s, 5);
	iv->revision = sqlite3_column_int(s, 6);
	iv->created = store_col_text(s, 7);
	iv->modified = store_col_text(s, 8);
	iv->completed = store_col_text(s, 9);
	iv->content_hash = store_col_text(s, 10);
	iv->lang = store_col_text(s, 11);
	iv->position = store_col_text(s, 12);
	iv->instance_name = store_col_text(s, 13);
	iv->answered = sqlite3_column_int(s, 14);
	iv->origin = store_col_text(s, 15);
}

int store_interviews(store *st, store_interview **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	char *sql = interview_select(st, "ORDER BY i.created, i.uuid");
	int bad = store_prepare(st->db, sql, &s, err);
	sqlite3_free(sql);
	if (bad)
		return -1;
	int rc, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xreallocarray(*out, (size_t)cap, sizeof **out);
		}
		fill_interview(s, &(*out)[(*n)++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_interviews_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot read the interviews", err);
	}
	return 0;
}

int store_interview_get(store *st, const char *uuid, store_interview *out, char *err)
{
	sqlite3_stmt *s;
	memset(out, 0, sizeof *out);
	char *sql = interview_select(st, "WHERE i.uuid = ?");
	int bad = store_prepare(st->db, sql, &s, err);
	sqlite3_free(sql);
	if (bad)
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		fill_interview(s, out);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return errf(err, "'%s' holds no interview '%s'", st->path, uuid);
	return store_sqlerr(st, "cannot read the interview", err);
}

void store_interview_release(store_interview *iv)
{
	free(iv->form_id);
	free(iv->form_version);
	free(iv->device_id);
	free(iv->interviewer);
	free(iv->status);
	free(iv->created);
	free(iv->modified);
	free(iv->completed);
	free(iv->content_hash);
	free(iv->lang);
	free(iv->position);
	free(iv->instance_name);
	free(iv->origin);
}

void store_interviews_free(store_interview *ivs, int n)
{
	for (int i = 0; i < n; i++)
		store_interview_release(&ivs[i]);
	free(ivs);
}

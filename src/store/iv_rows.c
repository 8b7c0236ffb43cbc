/* iv_rows.c: one interview's answer and event rows whatever the file's layout (store_impl.h,
 * store_iv_rows): the tables of schema 1-7, the record of schema 8 decoded in C. */
#include <stdlib.h>
#include <string.h>

#include "store/record_store.h"
#include "store/store_impl.h"
#include "util/util.h"

void store_paths_forget(store *st)
{
	record_paths_free(st->paths);
	free(st->paths_form);
	free(st->paths_version);
	st->paths = NULL;
	st->paths_form = st->paths_version = NULL;
}

const record_paths *store_paths_of(store *st, const char *form_id, const char *form_version,
				   char *err)
{
	if (st->paths && strcmp(st->paths_form, form_id) == 0 &&
	    strcmp(st->paths_version, form_version) == 0)
		return st->paths;
	store_paths_forget(st);
	record_paths *p = record_paths_load(st->db, "main", form_id, form_version, err);
	if (!p)
		return NULL;
	st->paths = p;
	st->paths_form = xstrdup(form_id);
	st->paths_version = xstrdup(form_version);
	return p;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const record_answer *)a)->path, ((const record_answer *)b)->path);
}

/* Schema 8: the record of uuid decoded, its answers sorted by path. */
static int rows_of_record(store *st, const char *uuid, record_rows *out, char *err)
{
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT form_id, form_version FROM records WHERE uuid = ?1",
			1, uuid))
		return -1;
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? 0 : store_sqlerr(st, "cannot read the interview", err);
	}
	char *form = store_col_text(s, 0), *version = store_col_text(s, 1);
	sqlite3_finalize(s);
	const record_paths *p = form && version ? store_paths_of(st, form, version, err) : NULL;
	rc = !p ? -1 : record_load(st->db, "main", uuid, p, out, err) < 0 ? -1 : 0;
	free(form);
	free(version);
	if (rc == 0 && out->n_answers > 1)
		qsort(out->answers, out->n_answers, sizeof *out->answers, by_path);
	return rc;
}

static int answer_row(void *arg, sqlite3_stmt *s)
{
	record_rows *r = arg;
	r->answers = xreallocarray(r->answers, r->n_answers + 1, sizeof *r->answers);
	record_answer *a = &r->answers[r->n_answers++];
	a->path = store_col_text(s, 0);
	a->value = store_col_text(s, 1);
	a->state = store_col_text(s, 2);
	a->modified = store_col_text(s, 3);
	return 0;
}

static int event_row(void *arg, sqlite3_stmt *s)
{
	record_rows *r = arg;
	r->events = xreallocarray(r->events, r->n_events + 1, sizeof *r->events);
	record_event *e = &r->events[r->n_events++];
	e->seq = sqlite3_column_int64(s, 0);
	e->at = store_col_text(s, 1);
	e->offset_ms = sqlite3_column_int64(s, 2);
	e->kind = store_col_text(s, 3);
	e->path = store_col_text(s, 4);
	e->old_value = store_col_text(s, 5);
	e->new_value = store_col_text(s, 6);
	e->old_state = store_col_text(s, 7);
	e->new_state = store_col_text(s, 8);
	return 0;
}

int store_iv_rows(store *st, const char *uuid, int want, record_rows *out, char *err)
{
	memset(out, 0, sizeof *out);
	if (STORE_IS_RECORDS(st))
		return rows_of_record(st, uuid, out, err);
	sqlite3_stmt *s;
	int rc = 0;
	if (want & STORE_ROWS_ANSWERS)
		rc = store_query(st->db, &s, err, "SELECT path, value, state, modified FROM answers "
				 "WHERE uuid = ?1 ORDER BY path", 1, uuid) ||
		     store_each(st, s, answer_row, out, "cannot read the answers", err);
	if (!rc && (want & STORE_ROWS_EVENTS))
		rc = store_query(st->db, &s, err, "SELECT " STORE_EVENT_COLUMNS " FROM events "
				 "WHERE uuid = ?1 ORDER BY seq", 1, uuid) ||
		     store_each(st, s, event_row, out, "cannot read the events", err);
	rc = rc ? -1 : 0;
	if (rc)
		record_rows_free(out);
	return rc;
}

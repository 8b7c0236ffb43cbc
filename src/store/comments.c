/* comments.c: the interviewer's comments on questions — events of kind "comment" (path, text
 * in new_value); the latest one for a path is its comment ("" when it was cleared). No table
 * of their own: they travel and merge with the event log. */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static int by_path(const void *a, const void *b)
{
	return strcmp(((const store_answer *)a)->path, ((const store_answer *)b)->path);
}

/* Schema 8: has interview uuid's record a comment event? 1 (or no record), 0, -1 with err.
 * Most have none, and an export asks of every interview: one parse of the events text instead
 * of decoding the record whole. */
static int may_have_comments(store *st, const char *uuid, char *err)
{
	sqlite3_stmt *s;
	if (!STORE_IS_RECORDS(st))
		return 1;
	if (store_query(st->db, &s, err, "SELECT events FROM records WHERE uuid = ?1", 1, uuid))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT)
		rc = record_events_have_kind((const char *)sqlite3_column_text(s, 0),
					     (size_t)sqlite3_column_bytes(s, 0), "comment", err);
	else
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 1 : store_sqlerr(st, "cannot read the "
									  "comments", err);
	sqlite3_finalize(s);
	return rc;
}

int store_comments(store *st, const char *uuid, store_answer **out, int *n, char *err)
{
	record_rows r;
	*out = NULL;
	*n = 0;
	int may = may_have_comments(st, uuid, err);
	if (may <= 0)
		return may;
	if (store_iv_rows(st, uuid, STORE_ROWS_EVENTS, &r, err))
		return -1;
	/* the last comment event per path (the log's order); one cleared ("") is no comment */
	char *keep = xcalloc(r.n_events + 1, 1);
	for (size_t k = 0; k < r.n_events; k++) {
		const record_event *e = &r.events[k];
		if (!e->kind || strcmp(e->kind, "comment") != 0 || !e->path)
			continue;
		int later = 0;
		for (size_t j = k + 1; j < r.n_events && !later; j++)
			later = r.events[j].kind && strcmp(r.events[j].kind, "comment") == 0 &&
				r.events[j].path &&
				strcmp(r.events[j].path, e->path) == 0;
		keep[k] = !later && e->new_value && *e->new_value;
	}
	for (size_t k = 0; k < r.n_events; k++) {
		if (!keep[k])
			continue;
		record_event *e = &r.events[k];
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		(*out)[(*n)++] = (store_answer){ e->path, e->new_value, STATE_ANSWERED };
		e->path = e->new_value = NULL;
	}
	free(keep);
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, by_path);
	record_rows_free(&r);
	return 0;
}

/* comments.c: the interviewer's comments on questions — events of kind "comment" (path, text
 * in new_value); the latest one for a path is its comment ("" when it was cleared). No table
 * of their own: they travel and merge with the event log. */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_comments(store *st, const char *uuid, store_answer **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	/* the last event per path (seq is the order they were logged in) */
	if (store_prepare(st->db, "SELECT e.path, e.new_value FROM events e WHERE e.uuid = ?1 AND "
			  "e.kind = 'comment' AND e.path IS NOT NULL AND e.seq = (SELECT max(seq) "
			  "FROM events l WHERE l.uuid = ?1 AND l.kind = 'comment' AND "
			  "l.path = e.path) ORDER BY e.path", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(s, 0);
		const char *v = (const char *)sqlite3_column_text(s, 1);
		if (!p || !v || !*v)
			continue;   /* cleared */
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = xreallocarray(*out, (size_t)cap, sizeof **out);
		}
		(*out)[*n] = (store_answer){ xstrdup(p), xstrdup(v), STATE_ANSWERED };
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_answers_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot read the comments", err);
	}
	return 0;
}

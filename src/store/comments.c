/* comments.c: the interviewer's comments on questions — events of kind "comment" (path, text
 * in new_value); the latest one for a path is its comment ("" when it was cleared). No table
 * of their own: they travel and merge with the event log. */
#include "store/store_impl.h"

/* A comment cleared (its text "") is no comment. */
static int comment_kept(sqlite3_stmt *s, void *elem, void *arg)
{
	store_answer *a = elem;
	a->state = STATE_ANSWERED;
	return !a->path || !a->value || !*a->value;
}

static const store_row_type comment_rows = STORE_ROW_TYPE(store_answer, store_answer_cols,
							   comment_kept);

int store_comments(store *st, const char *uuid, store_answer **out, int *n, char *err)
{
	/* the last event per path (seq is the order they were logged in) */
	return store_rows(st, &comment_rows, NULL, out, n, "cannot read the comments", err,
			  "SELECT e.path, e.new_value FROM events e WHERE e.uuid = ?1 AND "
			  "e.kind = 'comment' AND e.path IS NOT NULL AND e.seq = (SELECT max(seq) "
			  "FROM events l WHERE l.uuid = ?1 AND l.kind = 'comment' AND "
			  "l.path = e.path) ORDER BY e.path", 1, uuid);
}

/* progress.c: the coordinator's progress counts — interviews complete and draft by their answer
 * to a chosen question (survey list --by oblast); discarded interviews do not count. */
#include "store/store_impl.h"

#include <stdlib.h>

#include "util/util.h"

int store_progress(store *st, const char *question, store_progress_row **out, int *n,
		   char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (store_prepare(st->db, "SELECT v, sum(status = 'complete'), sum(status = 'draft') "
			  "FROM (SELECT i.status, " STORE_SQL_ANSWER_OF("i.uuid", "?1") " AS v "
			  "FROM main.interviews i WHERE i.status <> 'discarded') "
			  "GROUP BY v ORDER BY v IS NULL, v", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, question, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		store_progress_row *r = &(*out)[(*n)++];
		r->value = store_col_text(s, 0);
		r->complete = sqlite3_column_int(s, 1);
		r->draft = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_progress_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot count the answers", err);
	}
	return 0;
}

void store_progress_free(store_progress_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		free(rows[i].value);
	free(rows);
}

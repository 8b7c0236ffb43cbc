/* progress.c: the coordinator's progress counts — interviews complete and draft by their answer
 * to a chosen question (survey list --by oblast); discarded interviews do not count. */
#include "store/store_impl.h"

static const store_col progress_cols[] = {
	STORE_COL(STORE_TEXT, store_progress_row, value),
	STORE_COL(STORE_INT, store_progress_row, complete),
	STORE_COL(STORE_INT, store_progress_row, draft),
};
static const store_row_type progress_rows = STORE_ROW_TYPE(store_progress_row, progress_cols,
							    NULL);

int store_progress(store *st, const char *question, store_progress_row **out, int *n,
		   char *err)
{
	return store_rows(st, &progress_rows, NULL, out, n, "cannot count the answers", err,
			  "SELECT v, sum(status = 'complete'), sum(status = 'draft') "
			  "FROM (SELECT i.status, " STORE_SQL_ANSWER_OF("i.uuid", "?1") " AS v "
			  "FROM interviews i WHERE i.status <> 'discarded') "
			  "GROUP BY v ORDER BY v IS NULL, v", 1, question);
}

void store_progress_free(store_progress_row *rows, int n)
{
	store_rows_free(rows, n, &progress_rows);
}

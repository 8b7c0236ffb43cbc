/* exchange.c: savepoints inside a batch, for `survey import` (one row at a time, one commit). */
#include "store/exchange.h"
#include "store/store_impl.h"

#include "util/util.h"

int store_savepoint_begin(store *st, char *err)
{
	if (!st->batch)
		return errf(err, "a savepoint needs an open batch");
	return store_exec(st->db, "SAVEPOINT survey_row", "cannot start a savepoint", err);
}

int store_savepoint_end(store *st, int keep, char *err)
{
	if (!keep && store_exec(st->db, "ROLLBACK TO survey_row", "cannot undo a row", err))
		return -1;
	return store_exec(st->db, "RELEASE survey_row", "cannot end a savepoint", err);
}

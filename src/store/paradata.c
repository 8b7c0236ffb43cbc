/* paradata.c: an interview's event log read in order (paradata.h). */
#include "store/paradata.h"

#include <stdlib.h>

#include "store/store_impl.h"
#include "util/util.h"

static char *col(sqlite3_stmt *s, int i)
{
	return xstrdup((const char *)sqlite3_column_text(s, i));
}

int store_events(store *st, const char *uuid, store_event **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	/* julianday() of text that is not a time is NULL: such an event reads at 0 */
	if (store_prepare(st->db, "SELECT seq, coalesce(CAST(round((julianday(at) - 2440587.5) * "
			  "86400000.0) AS INTEGER), 0), offset_ms, kind, path, old_value, new_value "
			  "FROM events WHERE uuid = ?1 ORDER BY seq", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			*out = xreallocarray(*out, (size_t)cap, sizeof **out);
		}
		(*out)[(*n)++] = (store_event){
			.seq = sqlite3_column_int64(s, 0), .at_ms = sqlite3_column_int64(s, 1),
			.offset_ms = sqlite3_column_int64(s, 2), .kind = col(s, 3), .path = col(s, 4),
			.old_value = col(s, 5), .new_value = col(s, 6),
		};
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_sqlerr(st, "cannot read the event log", err);
	}
	return 0;
}

void store_events_free(store_event *ev, int n)
{
	for (int i = 0; i < n; i++) {
		free(ev[i].kind);
		free(ev[i].path);
		free(ev[i].old_value);
		free(ev[i].new_value);
	}
	free(ev);
}

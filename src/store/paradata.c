/* paradata.c: an interview's event log read in order (paradata.h). */
#include "store/paradata.h"

#include "store/store_impl.h"

static const store_col event_cols[] = {
	STORE_COL(STORE_INT64, store_event, seq), STORE_COL(STORE_INT64, store_event, at_ms),
	STORE_COL(STORE_INT64, store_event, offset_ms), STORE_COL(STORE_TEXT, store_event, kind),
	STORE_COL(STORE_TEXT, store_event, path), STORE_COL(STORE_TEXT, store_event, old_value),
	STORE_COL(STORE_TEXT, store_event, new_value),
};
static const store_row_type event_rows = STORE_ROW_TYPE(store_event, event_cols, NULL);

int store_events(store *st, const char *uuid, store_event **out, int *n, char *err)
{
	/* julianday() of text that is not a time is NULL: such an event reads at 0 */
	return store_rows(st, &event_rows, NULL, out, n, "cannot read the event log", err,
			  "SELECT seq, coalesce(CAST(round((julianday(at) - 2440587.5) * "
			  "86400000.0) AS INTEGER), 0), offset_ms, kind, path, old_value, new_value "
			  "FROM events WHERE uuid = ?1 ORDER BY seq", 1, uuid);
}

void store_events_free(store_event *ev, int n)
{
	store_rows_free(ev, n, &event_rows);
}

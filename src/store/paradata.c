/* paradata.c: an interview's event log read in order (paradata.h). */
#include "store/paradata.h"

#include "store/store_impl.h"

#include "util/util.h"

static const store_col event_cols[] = {
	STORE_COL(STORE_INT64, store_event, seq), STORE_COL(STORE_INT64, store_event, at_ms),
	STORE_COL(STORE_INT64, store_event, offset_ms), STORE_COL(STORE_TEXT, store_event, kind),
	STORE_COL(STORE_TEXT, store_event, path), STORE_COL(STORE_TEXT, store_event, old_value),
	STORE_COL(STORE_TEXT, store_event, new_value),
};
static const store_row_type event_rows = STORE_ROW_TYPE(store_event, event_cols, NULL);

/* An event's time in ms since 1970: exact for a canonical text, else as julianday() reads it
 * (0 for text that is not a time). */
static long long at_ms(store *st, const char *at)
{
	long long ms;
	if (at && record_time_ms(at, &ms) == 0)
		return ms;
	sqlite3_stmt *s;
	if (!at || sqlite3_prepare_v2(st->db, "SELECT coalesce(CAST(round((julianday(?1) - "
				      "2440587.5) * 86400000.0) AS INTEGER), 0)", -1, &s, NULL))
		return 0;
	sqlite3_bind_text(s, 1, at, -1, SQLITE_STATIC);
	ms = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return ms;
}

int store_events(store *st, const char *uuid, store_event **out, int *n, char *err)
{
	record_rows r;
	*out = NULL;
	*n = 0;
	if (store_iv_rows(st, uuid, STORE_ROWS_EVENTS, &r, err))
		return -1;
	if (r.n_events)
		*out = xcalloc(r.n_events, sizeof **out);
	for (size_t k = 0; k < r.n_events; k++) {
		record_event *e = &r.events[k];
		(*out)[k] = (store_event){ e->seq, at_ms(st, e->at), e->offset_ms, e->kind,
					   e->path, e->old_value, e->new_value };
		e->kind = e->path = e->old_value = e->new_value = NULL;
	}
	*n = (int)r.n_events;
	record_rows_free(&r);
	return 0;
}

void store_events_free(store_event *ev, int n)
{
	store_rows_free(ev, n, &event_rows);
}

/* paradata.h: reading an interview's event log (paradata) as it is, for quality flags. */
#ifndef SURVEY_STORE_PARADATA_H
#define SURVEY_STORE_PARADATA_H

#include "store/store.h"

/* One event of the log (DESIGN.md, Storage). Strings malloc'd; NULL where the row has none. */
typedef struct store_event {
	long long seq;
	long long at_ms;        /* the event's time, ms since the epoch (UTC); 0 if unreadable */
	long long offset_ms;    /* monotonic offset from the start */
	char *kind, *path, *old_value, *new_value;
} store_event;

/* Every event of interview uuid, in log order (seq). *out malloc'd (NULL and 0 when none);
 * free with store_events_free. Returns 0, or -1 with err. */
int store_events(store *st, const char *uuid, store_event **out, int *n, char *err);
void store_events_free(store_event *ev, int n);

#endif

/* record_edit.c: changes to an interview's decoded rows (record.h) — what the store's writers
 * do between decoding a record and encoding it again: set or remove an answer, append an
 * event. */
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

static void set_str(record_rows *r, char **at, const char *s)
{
	char *copy = record_rows_dup(r, s);
	record_rows_drop(r, *at);
	*at = copy;
}

void record_rows_set_answer(record_rows *r, const char *path, const char *value,
			    const char *state, const char *modified)
{
	record_answer *a = NULL;
	for (size_t k = 0; k < r->n_answers && !a; k++)
		if (strcmp(r->answers[k].path, path) == 0)
			a = &r->answers[k];
	if (!a) {
		r->answers = xreallocarray(r->answers, r->n_answers + 1, sizeof *r->answers);
		a = &r->answers[r->n_answers++];
		memset(a, 0, sizeof *a);
		a->path = record_rows_dup(r, path);
	}
	set_str(r, &a->value, value);
	set_str(r, &a->state, state);
	set_str(r, &a->modified, modified);
}

int record_rows_remove_answer(record_rows *r, const char *path)
{
	for (size_t k = 0; k < r->n_answers; k++) {
		record_answer *a = &r->answers[k];
		if (strcmp(a->path, path) != 0)
			continue;
		record_rows_drop(r, a->path);
		record_rows_drop(r, a->value);
		record_rows_drop(r, a->state);
		record_rows_drop(r, a->modified);
		memmove(a, a + 1, (r->n_answers - k - 1) * sizeof *a);
		r->n_answers--;
		return 1;
	}
	return 0;
}

void record_rows_add_event(record_rows *r, const record_event *e)
{
	r->events = xreallocarray(r->events, r->n_events + 1, sizeof *r->events);
	record_event *n = &r->events[r->n_events++];
	n->seq = (long long)r->n_events;
	n->offset_ms = e->offset_ms;
	n->at = record_rows_dup(r, e->at);
	n->kind = record_rows_dup(r, e->kind);
	n->path = record_rows_dup(r, e->path);
	n->old_value = record_rows_dup(r, e->old_value);
	n->new_value = record_rows_dup(r, e->new_value);
	n->old_state = record_rows_dup(r, e->old_state);
	n->new_state = record_rows_dup(r, e->new_state);
}

/* record_edit.c: changes to an interview's decoded rows (record.h) — what the store's writers
 * do between decoding a record and encoding it again: set or remove an answer, append an
 * event. */
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

static void set_str(char **at, const char *s)
{
	char *copy = xstrdup(s);
	free(*at);
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
		a->path = xstrdup(path);
	}
	set_str(&a->value, value);
	set_str(&a->state, state);
	set_str(&a->modified, modified);
}

int record_rows_remove_answer(record_rows *r, const char *path)
{
	for (size_t k = 0; k < r->n_answers; k++) {
		record_answer *a = &r->answers[k];
		if (strcmp(a->path, path) != 0)
			continue;
		free(a->path);
		free(a->value);
		free(a->state);
		free(a->modified);
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
	n->at = xstrdup(e->at);
	n->kind = xstrdup(e->kind);
	n->path = xstrdup(e->path);
	n->old_value = xstrdup(e->old_value);
	n->new_value = xstrdup(e->new_value);
	n->old_state = xstrdup(e->old_state);
	n->new_state = xstrdup(e->new_state);
}

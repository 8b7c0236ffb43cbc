/* returns.c: an interview a supervisor returned to its laptop — the notes of its rejected
 * version (session_review_notes): the reason, and the comments shown under their questions; the
 * interview reopens at the first commented question. */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>


void ui_returns_release(struct ui *u)
{
	session_reviews_free(u->sv_notes, u->nsv_notes);
	u->sv_notes = NULL;
	u->nsv_notes = 0;
	u->sv_uuid[0] = 0;
}

void ui_returns_load(struct ui *u, const char *uuid)
{
	char err[ERR_MAX];
	ui_returns_release(u);
	if (session_review_notes(u->o->st, uuid, &u->sv_notes, &u->nsv_notes, err) == 0)
		snprintf(u->sv_uuid, sizeof u->sv_uuid, "%s", uuid);
}

/* Is a note for the interview open now? */
static int current(const struct ui *u)
{
	return u->nsv_notes && u->e && strcmp(engine_uuid(u->e), u->sv_uuid) == 0;
}

const char *ui_returns_first(const struct ui *u)
{
	const char *best = NULL;
	int best_node = 0;
	for (int i = 0; i < u->nsv_notes; i++) {
		const char *p = u->sv_notes[i].path;
		if (!*p || strcmp(u->sv_notes[i].decision, "comment"))
			continue;
		const char *last = strrchr(p, '/');
		int k = form_find(u->f, last ? last + 1 : p);
		if (k < 0)
			k = u->f->nnodes;
		if (!best || k < best_node || (k == best_node && strcmp(p, best) < 0)) {
			best = p;
			best_node = k;
		}
	}
	return best;
}

const char *ui_returns_reason(const struct ui *u)
{
	for (int i = u->nsv_notes - 1; i >= 0; i--)
		if (strcmp(u->sv_notes[i].decision, "rejected") == 0 && *u->sv_notes[i].text)
			return u->sv_notes[i].text;
	return NULL;
}

const session_review *ui_returns_note(const struct ui *u, const char *path, int k)
{
	if (!current(u))
		return NULL;
	for (int i = 0; i < u->nsv_notes; i++)
		if (strcmp(u->sv_notes[i].path, path) == 0 &&
		    strcmp(u->sv_notes[i].decision, "comment") == 0 && k-- == 0)
			return &u->sv_notes[i];
	return NULL;
}

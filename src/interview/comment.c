/* comment.c: the interviewer's comments on questions (for the supervisor) and text typed but
 * never confirmed — both kept as events (store_comments), never as answers. */
#include "interview/engine_impl.h"
#include "form/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The comments, read from the event log at the first use. */
static int load(engine *e, char *err)
{
	if (e->comments_loaded)
		return 0;
	if (store_comments(e->st, e->uuid, &e->comments, &e->ncomments, err))
		return -1;
	e->comments_loaded = 1;
	return 0;
}

void iv_comments_free(engine *e)
{
	store_answers_free(e->comments, e->ncomments);
	e->comments = NULL;
	e->ncomments = 0;
	e->comments_loaded = 0;
}

const char *engine_comment(engine *e, const char *path)
{
	char err[ERR_MAX];
	if (!path || load(e, err))
		return NULL;
	for (int i = 0; i < e->ncomments; i++)
		if (strcmp(e->comments[i].path, path) == 0)
			return e->comments[i].value;
	return NULL;
}

int engine_set_comment(engine *e, const char *path, const char *text, char *err)
{
	if (load(e, err))
		return -1;
	iv_pos p;
	if (!path || iv_parse(e, path, &p)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NO_QUESTION));
		return ENGINE_REJECTED;
	}
	if (!text)
		text = "";
	if (strlen(text) > ENGINE_TEXT_MAX) {
		snprintf(err, ERR_MAX, engine_msg(e, ENGINE_MSG_TOO_LONG), ENGINE_TEXT_MAX);
		return ENGINE_REJECTED;
	}
	if (!form_text_ok(text)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_BAD_TEXT));
		return ENGINE_REJECTED;
	}
	const char *old = engine_comment(e, path);
	if ((old ? old : "")[0] == '\0' && !*text)
		return 0;
	if (old && strcmp(old, text) == 0)
		return 0;
	if (store_iv_event(e->iv, "comment", path, text, err))
		return -1;
	int i = 0;
	while (i < e->ncomments && strcmp(e->comments[i].path, path) != 0)
		i++;
	if (!*text) {
		if (i < e->ncomments) {
			free(e->comments[i].path);
			free(e->comments[i].value);
			e->comments[i] = e->comments[--e->ncomments];
		}
		return 0;
	}
	if (i == e->ncomments) {
		e->comments = xreallocarray(e->comments, (size_t)e->ncomments + 1,
					    sizeof *e->comments);
		e->comments[i] = (store_answer){ xstrdup(path), NULL, STATE_ANSWERED };
		e->ncomments++;
	}
	free(e->comments[i].value);
	e->comments[i].value = xstrdup(text);
	return 0;
}

int engine_keep_unsaved(engine *e, const char *path, const char *text, char *err)
{
	return store_iv_event(e->iv, "unsaved", path, text, err);
}

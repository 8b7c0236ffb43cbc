/* session.c: the store as the UI reaches it (session.h) — thin wrappers, no behaviour of their
 * own besides discarding a draft in one call and loading an embedded questionnaire. */
#include "interview/session.h"

#include <stdlib.h>

int session_interviews(session *s, session_interview **out, int *n, char *err)
{
	return store_interviews(s, out, n, err);
}

int session_sealed_interviews(session *s, session_interview **ivs, int *n, char *err)
{
	return store_sealed_interviews(s, ivs, n, err);
}

int session_interview_get(session *s, const char *uuid, session_interview *out, char *err)
{
	return store_interview_get(s, uuid, out, err);
}

void session_interview_release(session_interview *iv) { store_interview_release(iv); }

void session_interviews_free(session_interview *ivs, int n) { store_interviews_free(ivs, n); }

int session_answers(session *s, const char *uuid, session_answer **out, int *n, char *err)
{
	return store_answers(s, uuid, out, n, err);
}

int session_comments(session *s, const char *uuid, session_answer **out, int *n, char *err)
{
	return store_comments(s, uuid, out, n, err);
}

void session_answers_free(session_answer *a, int n) { store_answers_free(a, n); }

int session_discard(session *s, const char *uuid, const char *reason, char *err)
{
	store_iv *iv;
	int rc = store_iv_resume(s, uuid, &iv, err);
	if (rc == 0) {
		rc = store_iv_discard(iv, reason, err);
		store_iv_close(iv);
	}
	return rc;
}

form *session_form(session *s, const char *form_id, const char *version, char *err)
{
	void *bytes;
	size_t len;
	char *name, *kind;
	form *f = NULL;
	if (store_form_get(s, form_id, version, &bytes, &len, &name, &kind, err))
		return NULL;
	if (form_load_mem(name, kind, bytes, len, &f, NULL, err))
		f = NULL;
	free(bytes);
	free(name);
	free(kind);
	return f;
}

int session_units(session *s, const char *form_id, const char *interviewer, session_unit **out,
		  int *n, char *err)
{
	return store_units(s, form_id, interviewer, out, n, err);
}

void session_units_free(session_unit *u, int n) { store_units_free(u, n); }

int session_unit_values(session *s, const char *uuid, char ***names, char ***values, int *n,
			char *err)
{
	return store_unit_values(s, uuid, names, values, n, err);
}

void session_strings_free(char **v, int n) { store_strings_free(v, n); }

int session_kit_no_extra(session *s) { return store_kit_no_extra(s); }

int session_setting_get(session *s, const char *key, char **value, char *err)
{
	return store_setting_get(s, key, value, err);
}

int session_setting_set(session *s, const char *key, const char *value, char *err)
{
	return store_setting_set(s, key, value, err);
}

int session_pref_get(session *s, const char *key, int *on, char *err)
{
	return store_pref_get(s, key, on, err);
}

int session_pref_set(session *s, const char *key, int on, char *err)
{
	return store_pref_set(s, key, on, err);
}

int session_review_add(session *s, const char *uuid, const char *reviewer,
		       const char *decision, const char *path, const char *text, char *err)
{
	return store_review_add(s, uuid, reviewer, decision, path, text, err);
}

int session_review_get(session *s, const char *uuid, session_review_state *out, char *err)
{
	return store_review_get(s, uuid, out, err);
}

int session_reviews(session *s, const char *uuid, session_review **out, int *n, char *err)
{
	return store_reviews(s, uuid, out, n, err);
}

int session_review_notes(session *s, const char *uuid, session_review **out, int *n,
			 char *err)
{
	return store_review_notes(s, uuid, out, n, err);
}

void session_reviews_free(session_review *r, int n) { store_reviews_free(r, n); }

const session_why *session_why_of(const char *err) { return store_fw_why_of(err); }

/* session.h: the open laptop file as the UI sees it, through the interview layer (DESIGN.md,
 * Flow and layers: ui sits above interview, which sits above store). Thin wrappers over the
 * store with the same contracts (src/store/store.h, reviews.h, fieldwork.h, fw_why.h); ui/
 * includes this header and never a store/ one. */
#ifndef SURVEY_INTERVIEW_SESSION_H
#define SURVEY_INTERVIEW_SESSION_H

#include <stddef.h>

#include "form/form.h"
#include "store/attach.h"
#include "store/fieldwork.h"
#include "store/fw_why.h"
#include "store/reviews.h"
#include "store/scan.h"
#include "store/store.h"

/* The open laptop file (an open store; the caller of the UI opens and closes it). */
typedef struct store session;

/* The state of an answer besides its value (STATE_ANSWERED, STATE_SKIPPED, STATE_DONT_KNOW,
 * STATE_REFUSED), as the engine reports it. */
typedef store_state answer_state;

/* An interview row of the start screen (uuid, status, name, dates; store_interview). */
typedef store_interview session_interview;
/* A unit of the sampling frame assigned to this laptop's interviewer (store_unit). */
typedef store_unit session_unit;
/* A stored answer or comment: path, value, state (store_answer). */
typedef store_answer session_answer;
/* A supervisor's decision or note on an interview (store_review). */
typedef store_review session_review;
/* Where an interview stands in review: REVIEW_NONE, _TO_REVIEW, _APPROVED, _REJECTED. */
typedef store_review_state session_review_state;
/* A fieldwork refusal as a code (FW_WHY_*) and its values besides the English line. */
typedef store_fw_why session_why;

#define SESSION_UUID_LEN STORE_UUID_LEN
#define SESSION_ATTACH_DEFAULT_MAX STORE_ATTACH_DEFAULT_MAX  /* largest attached file (bytes) */
/* Laptop settings (text) and preferences (on/off) the UI keeps. */
#define SESSION_SET_INTERVIEWER STORE_SET_INTERVIEWER
#define SESSION_SET_LANG STORE_SET_LANG
#define SESSION_PREF_AUTO_ADVANCE STORE_PREF_AUTO_ADVANCE
#define SESSION_PREF_NUMBERS STORE_PREF_NUMBERS

/* --- the interview list of the start screen ------------------------------------------------ */
/* Every interview of the file (store_interviews), then the sealed ones appended to the same
 * array (store_sealed_interviews). 0, or -1 with err. */
int session_interviews(session *s, session_interview **out, int *n, char *err);
int session_sealed_interviews(session *s, session_interview **ivs, int *n, char *err);
int session_interview_get(session *s, const char *uuid, session_interview *out, char *err);
void session_interview_release(session_interview *iv);
void session_interviews_free(session_interview *ivs, int n);
/* The stored answers and comments of an interview (store_answers, store_comments). */
int session_answers(session *s, const char *uuid, session_answer **out, int *n, char *err);
int session_comments(session *s, const char *uuid, session_answer **out, int *n, char *err);
void session_answers_free(session_answer *a, int n);
/* Discard the draft uuid (a "discarded" event with reason), nothing else changed. 0, or -1
 * with err (store_iv_resume + store_iv_discard). */
int session_discard(session *s, const char *uuid, const char *reason, char *err);
/* The questionnaire embedded for form_id/version, parsed; NULL with err (store_form_get). */
form *session_form(session *s, const char *form_id, const char *version, char *err);

/* --- units assigned to this laptop (fieldwork) ---------------------------------------------- */
int session_units(session *s, const char *form_id, const char *interviewer, session_unit **out,
		  int *n, char *err);
void session_units_free(session_unit *u, int n);
/* A unit's (or its interview's) frame values, names[i] = values[i] (store_unit_values). */
int session_unit_values(session *s, const char *uuid, char ***names, char ***values, int *n,
			char *err);
void session_strings_free(char **v, int n);
/* 1 when the file is a kit that allows only its assigned interviews (store_kit_no_extra). */
int session_kit_no_extra(session *s);

/* --- settings and preferences ------------------------------------------------------------ */
int session_setting_get(session *s, const char *key, char **value, char *err);
int session_setting_set(session *s, const char *key, const char *value, char *err);
int session_pref_get(session *s, const char *key, int *on, char *err);
int session_pref_set(session *s, const char *key, int on, char *err);

/* --- review notes and returns ------------------------------------------------------------ */
int session_review_add(session *s, const char *uuid, const char *reviewer,
		       const char *decision, const char *path, const char *text, char *err);
int session_review_get(session *s, const char *uuid, session_review_state *out, char *err);
int session_reviews(session *s, const char *uuid, session_review **out, int *n, char *err);
/* A returned interview's notes of its current version (store_review_notes). */
int session_review_notes(session *s, const char *uuid, session_review **out, int *n,
			 char *err);
void session_reviews_free(session_review *r, int n);

/* The fieldwork refusal recorded for err (store_fw_why_of); never NULL. */
const session_why *session_why_of(const char *err);

#endif

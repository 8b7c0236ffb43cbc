/* ui.h: the ncurses interview UI that `survey run` opens — the start screen, the question
 * screens driving the interview engine, review and help. The UI only reads the engine and
 * sends it actions; relevance, validation and navigation are the engine's. */
#ifndef SURVEY_UI_H
#define SURVEY_UI_H

#include "form/form.h"
#include "interview/session.h"

/* The smallest terminal the UI draws in; below it a message asks to enlarge the window. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

typedef struct ui_options {
	session *st;              /* the open database (the caller closes it) */
	const form *f;            /* the questionnaire */
	const char *form_path;    /* its file, embedded in the database when an interview starts */
	const char *interviewer;  /* --interviewer, or NULL */
	const char *lang;         /* --lang (a language of the form), or NULL */
	long long max_attachment; /* --max-attachment: largest file attached (bytes); 0: the
	                             default, SESSION_ATTACH_DEFAULT_MAX */
} ui_options;

/* 0 when LC_CTYPE's codeset is UTF-8 (setlocale has been called); otherwise -1 with a one-line
 * message in err naming the locale variable and what to run instead. */
int ui_locale_check(char *err);

/* Run the UI until the interviewer quits. Starts and ends curses. Returns 0, or -1 with err
 * (the terminal cannot be used, or a database failure the UI could not show). */
int ui_run(const ui_options *o, char *err);

/* --- supervise.c: `survey review DB` on a terminal ------------------------------------------ */

/* One complete interview of the supervisor's queue. Borrowed. flags: the quality flags as
 * bits in the order of analysis/quality.h (too fast, don't know, straight-lining, changes,
 * night, overlap, outlier), which the screen names in ky/ru/en. */
#define UI_REVIEW_NFLAGS 7
typedef struct ui_review_item {
	const char *uuid, *interviewer, *name;
	unsigned flags;
} ui_review_item;

/* The review screen on st (opened for writing; the caller closes it), db its path for the
 * title: the queue, an interview opened read-only, comments, approvals and rejections by
 * reviewer (session_review_add), in the words of lang (ky, ru, en; NULL or another: the
 * locale's). Starts and ends curses. 0, or -1 with err. */
int ui_review(session *st, const char *db, const ui_review_item *items, int n,
	      const char *reviewer, const char *lang, char *err);

#endif

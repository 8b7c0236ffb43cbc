/* engine.h: the interview engine — the UI-free model of one interview that `survey run` (ncurses)
 * and `survey simulate` drive: screens, next/previous honouring relevance, repeats, answers with
 * their states, validation with messages in the interviewer's language, review and completion.
 * Every change is committed to the store before the function that made it returns 0. */
#ifndef SURVEY_ENGINE_H
#define SURVEY_ENGINE_H

#include <stddef.h>

#include "form/form.h"
#include "store/store.h"

typedef struct engine engine;   /* one interview open for writing */

/* Return values. Functions that act return 0 (done, saved), ENGINE_REJECTED (the interviewer's
 * action was refused: err holds a message in the current language, shown as it is, and nothing
 * was changed or lost), or -1 (a failure: err holds a git-style English message, e.g. a disk
 * error; the engine stays usable and the last saved state is on disk). */
#define ENGINE_REJECTED 1

/* Longest text answer accepted, in bytes. */
#define ENGINE_TEXT_MAX 10000
/* Most instances a repeat may have (repeat_count is clamped to it; add is refused above it). */
#define ENGINE_REPEAT_MAX 1000

/* Position paths (store_iv_set_position, engine_screen.path) besides question paths: */
#define ENGINE_END_PATH "#end"    /* the end screen */
#define ENGINE_ADD_SUFFIX "#add"  /* "hh[1]/members#add": the add-another screen of a repeat */

/* How a new interview starts. Zero-initialise and fill what you need; NULL/0 take defaults. */
typedef struct engine_new {
	const char *interviewer;  /* "" when NULL; also the `username` metadata */
	const char *lang;         /* language code or name to start in; NULL: the form's default */
	/* The questionnaire's source, embedded in the database with store_form_put (same bytes
	 * again are a no-op). Give source_path, or source/source_len (+ source_name, source_kind
	 * "xlsx"|"csv"|"md"), or neither when the caller already embedded it. */
	const char *source_path;
	const void *source;
	size_t source_len;
	const char *source_name;
	const char *source_kind;
	/* For simulate and tests; NULL/0 for real interviews. */
	const char *device_id;    /* store_start.device_id; also the `deviceid` metadata */
	const char *uuid;         /* store_start.uuid */
	const char *created;      /* store_start.created (ISO 8601 UTC) */
	double now;               /* the clock, in seconds since the epoch, for today(), now() and
	                             the start/end/today metadata; 0: the real clock */
	int no_move_log;          /* simulate: no "moved" event or saved position on each move
	                             (only when leaving); answers are logged as always */
	store_origin origin;      /* store_start.origin: 0 field; import and simulate set theirs */
} engine_new;

/* Start a new interview of form f in st: embeds the form (see engine_new), store_iv_start,
 * fills the metadata (start, today, deviceid, username), defaults and calculations, and shows
 * the first screen. f and st must outlive the engine; free it with engine_free. */
int engine_start(store *st, const form *f, const engine_new *how, engine **out, char *err);
/* Resume interview `uuid` (a draft, or a completed one to look at or correct: changing an
 * answer of a completed interview reopens it as a draft; a discarded one is refused, -1). Loads its answers, takes its last
 * language and returns to its stored position (or to the first screen when that position no
 * longer exists or is not relevant). f must be the form it was made with (same form_id and
 * version; -1 otherwise). `now` as in engine_new (0: the real clock). */
int engine_resume(store *st, const form *f, const char *uuid, double now, engine **out,
		  char *err);
/* Fieldwork (issue 15, preload.c). Start the interview of an assigned unit: engine_start with
 * how->uuid (the assignment's), then each of the n frame values (names[k]: a question's name,
 * values[k] its answer; "" is left unanswered) answered in form order with an event like any
 * answer, even where the question is read-only, and locked (engine_lock_names); all in one
 * transaction. A value the question refuses fails the start (ENGINE_REJECTED, err naming the
 * question) and leaves no interview behind. */
int engine_start_unit(store *st, const form *f, const engine_new *how,
		      const char *const *names, const char *const *values, int n, engine **out,
		      char *err);
/* Make the questions names[0..n-1] read-only to the interviewer in this engine (a resumed
 * interview of an assigned unit: what the frame gave is never typed again). Unknown names are
 * passed over. */
void engine_lock_names(engine *e, const char *const *names, int n);
/* Reopen a completed interview to change it (store_iv_reopen: a "reopened" event with the
 * reason, status draft, out of analysis until engine_complete again). The UI asks first;
 * a change made without it (simulate, import) reopens with no reason. 0 when it was not
 * complete (nothing is written). */
int engine_reopen(engine *e, const char *reason, char *err);
/* Save the position, language and instance name so far and log a "left" event (the
 * interviewer leaves; a draft stays resumable). */
int engine_leave(engine *e, char *err);
void engine_free(engine *e);   /* closes the interview handle; writes nothing; NULL accepted */

const form *engine_form(const engine *e);
const char *engine_uuid(const engine *e);
int engine_is_complete(const engine *e);   /* 1 after engine_complete, until a change */

/* ---- Screens -------------------------------------------------------------------------- */

typedef enum engine_screen_kind {
	ENGINE_QUESTION,     /* one question or note: items[0] */
	ENGINE_FIELD_LIST,   /* a field-list group: its relevant questions and notes, in order
	                        (those of nested non-repeat groups too); node is the group */
	ENGINE_ADD_REPEAT,   /* ask "add one?" for the repeat `node` (one without repeat_count),
	                        shown on entering it while it has no instance and after its last
	                        instance: engine_add_repeat adds an instance and enters it,
	                        engine_next declines and moves past the repeat */
	ENGINE_END,          /* after the last question: review, complete or leave */
} engine_screen_kind;

/* A question or note shown on a screen. */
typedef struct engine_item {
	int node;            /* index into form->nodes */
	const char *path;    /* its answer path: "respondent/name", "partners[2]/partner_name" */
	int required;        /* required now (required column, or its expression is true) */
	int read_only;       /* read_only now (or a note): engine_answer refuses changes */
} engine_item;

typedef struct engine_screen {
	engine_screen_kind kind;
	int node;            /* the question (QUESTION), the group (FIELD_LIST), the repeat
	                        (ADD_REPEAT); -1 for END */
	const char *path;    /* where this screen is: a question path, a group path ("grp",
	                        "partners[2]/grp"), "REPEAT#add" or ENGINE_END_PATH */
	int nitems;          /* QUESTION: 1; FIELD_LIST: >= 1; ADD_REPEAT, END: 0 */
	const engine_item *items;
	int instances;       /* ADD_REPEAT: the repeat's instances so far (adding makes the next) */
} engine_screen;

/* The current screen. Owned by the engine: valid until the next call that acts (answer, move,
 * add, remove, language, complete). Its items are rebuilt after every answer (an answer on a
 * field-list screen can make its other questions appear or disappear). Never NULL. */
const engine_screen *engine_current(engine *e);

/* Move to the next screen. The current screen is checked first: a required question without
 * an answer (don't know and refused count as answers) or an answer breaking its constraint
 * refuses the move with ENGINE_REJECTED and that question's message. On the ADD_REPEAT screen
 * it means "no more": moves past the repeat. On the END screen: ENGINE_REJECTED. Logs a
 * "moved" event and saves the position. */
int engine_next(engine *e, char *err);
/* Move to the previous relevant screen (no checks). On the first screen: ENGINE_REJECTED. */
int engine_prev(engine *e, char *err);
/* Go to any screen: a question path (its field-list group's screen when it is in one), a
 * field-list group path, "REPEAT#add" or ENGINE_END_PATH. ENGINE_REJECTED when there is no
 * such question or instance, or it is not relevant now. */
int engine_jump(engine *e, const char *path, char *err);
/* Screen number of the current one and the number of relevant question screens, for the
 * status line "n/N" (ADD_REPEAT and END count as the screen before them). */
void engine_progress(engine *e, int *index, int *total);

/* ---- Answers -------------------------------------------------------------------------- */

/* Answer the question at `path` (any existing relevant, not read-only question; usually an
 * item of the current screen) with `text` as typed. It is checked and normalised by type:
 * integer ("-12"), decimal ("12.5"; a decimal comma is accepted), date ("2021-03-09"; also
 * "9.3.2021"), time ("14:05:00"), dateTime ("2021-03-09T14:05:00"), select_one (a choice name
 * in the filtered list), select_multiple (choice names separated by spaces), text (valid
 * UTF-8, at most ENGINE_TEXT_MAX bytes), range (within its parameters), acknowledge ("OK").
 * Then the constraint, with '.' the new value. A bad answer is refused (ENGINE_REJECTED, the
 * message in the current language: the form's constraint_message or a generic one) and the
 * stored answer is left as it was. An empty text clears the answer (no value, answered). On
 * success the answer is committed, relevance, calculations and repeat counts that depend on
 * it are recomputed (answers that stop being relevant are marked skipped, value kept; those
 * that become relevant again are answered again), and the screen is rebuilt. */
int engine_answer(engine *e, const char *path, const char *text, char *err);
/* Attach a file to the media question (image, audio, video, file) at `path`: name is its
 * file name (a plain name, termsafe_file_name_ok), bytes its content (at most
 * STORE_ATTACH_HARD_MAX; the UI applies --max-attachment before reading). The bytes are kept
 * with the interview (store_iv_attach), an "attached" event is logged and the answer's value
 * becomes name, in one transaction; then as engine_answer (constraint with '.' the name,
 * recomputation). ENGINE_REJECTED (ENGINE_MSG_FILE_NAME, ENGINE_MSG_FILE_TOO_BIG, or
 * engine_answer's reasons) leaves the stored answer as it was. */
int engine_attach(engine *e, const char *path, const char *name, const void *bytes,
		  size_t len, char *err);
/* Set a special answer: STATE_DONT_KNOW or STATE_REFUSED (no value). It satisfies required. */
int engine_special(engine *e, const char *path, store_state state, char *err);

/* The stored value at path (a question or calculation), or NULL when there is none. The
 * string is the engine's: valid until the next call that acts. */
const char *engine_value(engine *e, const char *path);
/* Its state (STATE_ANSWERED when nothing is stored). */
store_state engine_state(engine *e, const char *path);
/* Is there a stored answer (a value or a special state) at path? */
int engine_has_answer(engine *e, const char *path);

/* The choices of the select at `path`, after its choice_filter (evaluated in that question's
 * repeat instance). *out is a malloc'd array of pointers into the form; the caller frees the
 * array (not the choices). Returns 0, or -1 with err. */
int engine_choices(engine *e, const char *path, const form_choice ***out, int *n, char *err);

/* A node's text (label, hint, ...) in the current language with ${name} replaced by values,
 * for the node at `path` (a question, group, repeat instance "partners[2]" or repeat
 * "partners"). malloc'd, the caller frees; NULL when the node has no such text. */
char *engine_text(engine *e, const char *path, enum form_text_kind kind);

/* Check the answer at path now: 0 when fine; ENGINE_PROBLEM_REQUIRED or
 * ENGINE_PROBLEM_CONSTRAINT (also: a choice no longer in its filtered list, a value that no
 * longer parses) with the message in the current language in msg (ERR_MAX bytes). A question
 * that is not relevant has no problem. */
enum engine_problem { ENGINE_PROBLEM_NONE = 0, ENGINE_PROBLEM_REQUIRED, ENGINE_PROBLEM_CONSTRAINT };
int engine_check(engine *e, const char *path, char *msg);

/* ---- Repeats -------------------------------------------------------------------------- */

/* On the ADD_REPEAT screen: add an instance and show its first screen. ENGINE_REJECTED
 * elsewhere, or at ENGINE_REPEAT_MAX instances. */
int engine_add_repeat(engine *e, char *err);
/* Delete a repeat instance ("partners[2]", "hh[1]/members[3]") of a repeat without
 * repeat_count: its answers are removed (logged) and later instances are renumbered, in one
 * transaction: its own store batch, or the caller's when one is open (simulate, import). When the current screen was inside
 * the repeat, the engine moves to its ADD_REPEAT screen (after the remaining instances). */
int engine_remove_instance(engine *e, const char *instance_path, char *err);
/* Number of instances of a repeat: `repeat_path` is its path with the instances of the
 * repeats around it, without its own: "partners", "hh[1]/members". 0 when none. */
int engine_instances(engine *e, const char *repeat_path);

/* ---- Language ------------------------------------------------------------------------- */

int engine_lang(const engine *e);   /* index into form->langs; -1 when the form has none */
/* Switch to a language (code "ky" or name "Kyrgyz (ky)"); logs a "language" event and saves
 * it with the position. ENGINE_REJECTED when the form has no such language. */
int engine_set_lang(engine *e, const char *lang, char *err);

/* The engine's own messages, in Kyrgyz, Russian and English (by the current language's code;
 * English when it is none of these). Some are printf formats, as noted. */
enum engine_msg {
	ENGINE_MSG_REQUIRED,      /* "This question is required" */
	ENGINE_MSG_CONSTRAINT,    /* "The answer is not valid" */
	ENGINE_MSG_INTEGER,       /* "Enter a whole number" */
	ENGINE_MSG_DECIMAL,       /* "Enter a number" */
	ENGINE_MSG_DATE,          /* "Not a valid date (YYYY-MM-DD)" */
	ENGINE_MSG_TIME,          /* "Not a valid time (HH:MM)" */
	ENGINE_MSG_DATETIME,      /* "Not a valid date and time (YYYY-MM-DD HH:MM)" */
	ENGINE_MSG_TOO_LONG,      /* format %d: "The answer is too long (at most %d bytes)" */
	ENGINE_MSG_BAD_TEXT,      /* "The text has characters that are not allowed" */
	ENGINE_MSG_CHOICE,        /* "There is no such choice in the list" */
	ENGINE_MSG_RANGE,         /* "The number is out of the allowed range" */
	ENGINE_MSG_NOT_RELEVANT,  /* "This question does not apply now" */
	ENGINE_MSG_READ_ONLY,     /* "This answer cannot be changed" */
	ENGINE_MSG_NO_QUESTION,   /* "There is no such question" */
	ENGINE_MSG_FIRST,         /* "This is the first question" */
	ENGINE_MSG_LAST,          /* "This is the end of the questionnaire" */
	ENGINE_MSG_ADD_REPEAT,    /* format %s (the repeat's label): "Add another \"%s\"?" */
	ENGINE_MSG_REPEAT_FIXED,  /* "The number of these is set by an earlier answer" */
	ENGINE_MSG_REPEAT_MAX,    /* "No more can be added" */
	ENGINE_MSG_INCOMPLETE,    /* format %d %s %s: "Cannot complete: %d problem(s); first in
	                             "%s": %s" (the question's label) */
	ENGINE_MSG_NO_LANG,       /* format %s: "The questionnaire has no language \"%s\"" */
	ENGINE_MSG_RANK,          /* "Put every choice in order, each once" */
	ENGINE_MSG_FILE_NAME,     /* "Not a plain file name" (an attachment's) */
	ENGINE_MSG_FILE_TOO_BIG,  /* format %s %s: "The file is too large: %s (at most %s)" */
	ENGINE_NMSGS
};
const char *engine_msg(const engine *e, enum engine_msg m);

/* ---- Comments ------------------------------------------------------------------------- */

/* The interviewer's comment on the question at path (for the supervisor), or NULL. Valid until
 * the next engine_set_comment. */
const char *engine_comment(engine *e, const char *path);
/* Set (text) or clear ("" or NULL) the comment on path: an event of kind "comment" with the
 * path and the text (the latest one for a path is its comment; no answer changes). Setting the
 * same text again logs nothing. ENGINE_REJECTED for no such question, a text too long or with
 * characters not allowed in a text answer. */
int engine_set_comment(engine *e, const char *path, const char *text, char *err);
/* Keep text typed at path but never confirmed, which the answer checks refused (the program
 * was told to end: SIGTERM, SIGHUP): an event of kind "unsaved"; the answer is not changed. */
int engine_keep_unsaved(engine *e, const char *path, const char *text, char *err);

/* ---- Review and completion ------------------------------------------------------------ */

typedef struct engine_review_item {
	int node;            /* index into form->nodes */
	char *path;          /* answer path */
	char *value;         /* stored value, NULL when none */
	store_state state;   /* stored state (STATE_ANSWERED when nothing is stored) */
	int answered;        /* 1 when something is stored (a value or a special state) */
	int problem;         /* enum engine_problem */
	char *message;       /* the problem in the current language, NULL when none */
} engine_review_item;
/* Every relevant question (inputs, in screen order, every repeat instance), with its value,
 * state and problem. *out is malloc'd: free it with engine_review_free. Returns 0, or -1. */
int engine_review(engine *e, engine_review_item **out, int *n, char *err);
void engine_review_free(engine_review_item *items, int n);

/* Complete the interview: refused (ENGINE_REJECTED, ENGINE_MSG_INCOMPLETE naming the number of
 * problems and the first one) while any relevant question has a problem; otherwise sets the
 * `end` metadata and store_iv_complete with the evaluated instance_name. */
int engine_complete(engine *e, char *err);
/* Was the interview sealed when it was completed (the form has a public_key)? Its rows are
 * then gone from the file: nothing more can be read or written (engine_leave does nothing). */
int engine_sealed(const engine *e);

#endif

/* store.h: the laptop database — one SQLite file holding interviews, answers with their states,
 * an append-only event log (paradata), and the questionnaires they were filled with.
 * Only src/store/ runs SQL. One connection per file; synchronous=FULL: when a function that
 * changes data returns 0, the change is committed and on disk. */
#ifndef SURVEY_STORE_H
#define SURVEY_STORE_H

#include <stddef.h>

#define STORE_SCHEMA_VERSION 7
/* The compact layout of issue 18 (DESIGN.md, "Compact layout"): one record per interview. A
 * file of this version is opened, read and written by every command; the store makes it (and
 * migrates an older file to it) with STORE_SCHEMA8, which the commands pass by default
 * (main.c: SURVEY_STORE_SCHEMA=7 keeps schema 7). */
#define STORE_SCHEMA_RECORDS 8
#define STORE_UUID_LEN 36          /* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" */

typedef struct store store;        /* an open database */
typedef struct store_iv store_iv;  /* an interview open for writing */

enum store_flags {
	STORE_READONLY = 1,   /* open an existing file read-only; nothing is ever written */
	STORE_CREATE = 2,     /* create the file (and its device id) if it does not exist */
	STORE_SCHEMA8 = 4,    /* a file created now gets schema 8 (records), and a writable file
	                         of schema 1..7 is migrated to it (the commands' default; not
	                         with SURVEY_STORE_SCHEMA=7, main.c) */
};

/* The state of an answer, besides its value. */
typedef enum store_state {
	STATE_ANSWERED = 0,   /* the value is what the respondent said */
	STATE_SKIPPED,        /* not relevant: the value (if any) is kept but does not count */
	STATE_DONT_KNOW,      /* the respondent does not know; value is empty */
	STATE_REFUSED,        /* the respondent refused; value is empty */
} store_state;
const char *store_state_name(store_state s);            /* "answered", "skipped", ... */
int store_state_parse(const char *name, store_state *out); /* 0, or -1 if unknown */

/* Where an interview comes from (DESIGN.md, Storage): set when it starts, never changed, copied
 * with it everywhere (merge, conflicts); `report`, `freq`, `tab` and `merge` act on it. */
typedef enum store_origin {
	ORIGIN_FIELD = 0,     /* an interviewer with `survey run` (files before schema 3: unless
	                         simulate's trace is in the event log, see store_origin_sql) */
	ORIGIN_IMPORTED,      /* `survey import` from another tool's CSV */
	ORIGIN_SIMULATED,     /* `survey simulate`: not real data */
	ORIGIN_N
} store_origin;
const char *store_origin_name(store_origin o);               /* "field", "imported", ... */
int store_origin_parse(const char *name, store_origin *out); /* 0, or -1 if unknown */

/* Open (or with STORE_CREATE create) the database at path. On failure returns -1 with a
 * one-line reason in err naming the file, and the file's bytes are left as they were: a file
 * that is not an SQLite database, a database of another program, a truncated or corrupt file,
 * or a file written by a newer survey (schema version above STORE_SCHEMA_VERSION) is refused
 * before anything is written. An older schema is migrated (unless STORE_READONLY); with
 * STORE_SCHEMA8 one of schema 1..7 is migrated to schema 8 (in one transaction: a record that
 * cannot be built is refused, the file unchanged). */
int store_open(const char *path, int flags, store **out, char *err);
/* Checkpoints the WAL (so the single file is complete) and closes. NULL is accepted. */
void store_close(store *st);

const char *store_path(const store *st);
const char *store_device_id(const store *st);   /* made at random when the file was created */
int store_schema_version(const store *st);

/* Group many changes into one transaction (simulate, import). While a batch is open the
 * functions below do not commit on their own; store_batch_end(st, 1) commits, (st, 0) rolls
 * back. Without a batch, every change is its own transaction. */
int store_batch_begin(store *st, char *err);
int store_batch_end(store *st, int commit, char *err);
int store_in_batch(const store *st);   /* is a batch open? */

/* --- questionnaires ---------------------------------------------------------------------- */

/* Embed a questionnaire's source bytes. Storing the same (form_id, version) again with the same
 * bytes is a no-op; with different bytes it is an error (the form changed without a new
 * version). kind is the reader's format: "xlsx", "xls", "csv" or "md". */
int store_form_put(store *st, const char *form_id, const char *version, const char *title,
                   const char *source_name, const char *kind, const void *bytes, size_t len,
                   char *err);
/* The embedded source of a form version. *bytes, *source_name and *kind are malloc'd and the
 * caller frees them. Returns 0, or -1 (err) when absent. version NULL means the newest: the
 * greatest version string (numbers by value, "10" after "9"), never the latest added. */
int store_form_get(store *st, const char *form_id, const char *version, void **bytes,
                   size_t *len, char **source_name, char **kind, char *err);

/* --- a full disk ---------------------------------------------------------------------------- */

/* Did a write of the store fail because the disk (or the user's quota) was full, since the
 * last store_disk_full_clear? SQLITE_FULL, or an I/O error whose cause was ENOSPC or EDQUOT.
 * A process-wide note (errno is the model): a command clears it before its writes and asks it
 * when they fail, to say so in the user's language. The store's own transactions have then
 * left the file as it was. */
int store_disk_full(void);
void store_disk_full_clear(void);

/* Why store_question_known refused a name, for the message a command words in its language. */
typedef enum store_qwhy {
	STORE_Q_FOUND = 0,
	STORE_Q_NONE,         /* no question of that name or path */
	STORE_Q_IN_REPEAT,    /* a name found only inside a repeat (it needs an entry's path) */
} store_qwhy;
typedef struct store_qknown {
	store_qwhy why;
	char repeat[256];     /* STORE_Q_IN_REPEAT: the repeat's path ("social/partners") */
} store_qknown;
/* Does `question` (a question's name outside repeats, or an answer path "grp/q", "rep[1]/q", as
 * list --by and merge --key take them) name a question of a questionnaire embedded in one of the
 * databases at paths (opened read-only; one that cannot be opened, or a questionnaire that does
 * not load, is passed over)? 0, or -1 with one line in err naming the question and the
 * questionnaires, with close names when there are some; *how (when not NULL) says which. */
int store_question_known(const char *const *paths, int npaths, const char *question,
			 store_qknown *how, char *err);

/* --- interviews -------------------------------------------------------------------------- */

/* How a new interview starts. NULL fields take their defaults. */
typedef struct store_start {
	const char *form_id;       /* required */
	const char *form_version;  /* required */
	const char *interviewer;   /* "" when NULL */
	const char *lang;          /* language code the interview started in; may be NULL */
	const char *device_id;     /* NULL: this file's device id (simulate --devices sets it) */
	const char *uuid;          /* NULL: a new random UUID v4 (import passes ODK's) */
	const char *created;       /* NULL: now; else an ISO 8601 UTC time (simulate, import) */
	store_origin origin;       /* 0: ORIGIN_FIELD */
} store_start;

/* Start a new interview (status draft, revision 1) and log an "opened" event. */
int store_iv_start(store *st, const store_start *how, store_iv **out, char *err);
/* Open an existing interview for writing (resume a draft, or revise a completed one); logs a
 * "resumed" event. Event offsets continue from the last one logged. */
int store_iv_resume(store *st, const char *uuid, store_iv **out, char *err);
void store_iv_close(store_iv *iv);   /* frees the handle; writes nothing. NULL accepted */
const char *store_iv_uuid(const store_iv *iv);

/* Set an answer (path as DESIGN.md: "q" or "grp[2]/q") with its state, in one transaction:
 * the answer row, the interview's revision and modified time, and an "answer" event with the
 * old and new value and state. Setting the same value and state again writes nothing.
 * value may be NULL (stored as NULL: no value). */
int store_iv_set(store_iv *iv, const char *path, const char *value, store_state state,
                 char *err);
/* The state an answer had before it was last marked skipped (from the event log), so that a
 * "don't know" or "refused" comes back as such when its question is relevant again.
 * STATE_ANSWERED when the log has no such change. */
int store_iv_state_before_skip(store_iv *iv, const char *path, store_state *out, char *err);
/* Remove the answers under a path prefix (a deleted repeat instance: "grp[3]"), logged. */
int store_iv_remove(store_iv *iv, const char *path_prefix, char *err);
/* Append an event of another kind ("moved", "language", "left", ...) with optional path and
 * detail (stored as new_value). */
int store_iv_event(store_iv *iv, const char *kind, const char *path, const char *detail,
                   char *err);
/* Remember where the interviewer is (a path), the current language and the instance name so
 * far (the start screen names drafts by it; NULL keeps the stored one), for resume. */
int store_iv_set_position(store_iv *iv, const char *path, const char *lang,
                          const char *instance_name, char *err);
/* Mark complete: status complete, completion time, content hash (SHA-256 of the interview's
 * identity, status and every answer), a "completed" event. instance_name may be NULL. */
int store_iv_complete(store_iv *iv, const char *instance_name, char *err);
/* Back to draft (an interviewer reopening a completed interview to correct it): status draft,
 * completion time and content hash cleared, a "reopened" event with the reason (its
 * new_value; may be NULL) — the interview leaves analysis until it is completed again. */
int store_iv_reopen(store_iv *iv, const char *reason, char *err);
/* Discard a draft: status 'discarded' (schema 4), a "discarded" event with the reason (may be
 * NULL). The interview and its answers stay in the file and merge as such; scans, progress and
 * reports leave it out. -1 with err when it is not a draft (a completed one is reopened
 * first); a discarded interview is never changed again (engine_resume refuses it). */
int store_iv_discard(store_iv *iv, const char *reason, char *err);

/* One stored answer. */
typedef struct store_answer {
	char *path;         /* "q" or "grp[2]/q" */
	char *value;        /* NULL when there is no value */
	store_state state;
} store_answer;
/* All answers of an interview, sorted by path. *out is malloc'd; free with store_answers_free. */
int store_answers(store *st, const char *uuid, store_answer **out, int *n, char *err);
void store_answers_free(store_answer *a, int n);

/* The interviewer's comments on the questions of an interview: the latest event of kind
 * "comment" for each path (store_iv_event(iv, "comment", path, text); "" clears it), as
 * store_answer rows (path, value = the text), sorted by path. Free with store_answers_free. */
int store_comments(store *st, const char *uuid, store_answer **out, int *n, char *err);

/* On/off settings of the interview screen on this laptop, in the meta table: a digit on a
 * single choice goes on to the next question; questions show their numbers. Off when never
 * set. Return 0, or -1 with err. */
#define STORE_PREF_AUTO_ADVANCE "ui_auto_advance"
#define STORE_PREF_NUMBERS "ui_numbers"
int store_pref_get(store *st, const char *key, int *on, char *err);
int store_pref_set(store *st, const char *key, int on, char *err);

/* One row of the interview list. */
typedef struct store_interview {
	char uuid[STORE_UUID_LEN + 1];
	char *form_id, *form_version;
	char *device_id;
	char *interviewer;
	char *status;         /* "draft", "complete" or "discarded" */
	int revision;         /* counts the changes made */
	char *created, *modified, *completed;  /* ISO 8601 UTC; completed NULL for drafts */
	char *content_hash;   /* hex SHA-256 once complete, else NULL */
	char *lang;           /* last language used */
	char *position;       /* last path shown, for resume */
	char *instance_name;  /* the form's instance_name: so far for a draft, final once complete */
	char *origin;         /* "field", "imported" or "simulated" (store_origin_name) */
	int answered;         /* answers with state answered */
} store_interview;
/* Every interview, oldest first. Free with store_interviews_free. */
int store_interviews(store *st, store_interview **out, int *n, char *err);
/* One interview by UUID; -1 with err when absent. Free with store_interview_release. */
int store_interview_get(store *st, const char *uuid, store_interview *out, char *err);
void store_interview_release(store_interview *iv);
void store_interviews_free(store_interview *ivs, int n);

/* ${last-saved#q}: the UUID of the interview of form_id modified last in this file, other
 * than exclude_uuid ("" in out when there is none); and the answered value at path of an
 * interview (*value NULL when there is none; malloc'd). Return 0, or -1 with err. */
int store_last_saved(store *st, const char *form_id, const char *exclude_uuid,
		     char out[STORE_UUID_LEN + 1], char *err);
int store_answer_value(store *st, const char *uuid, const char *path, char **value, char *err);

/* The laptop's settings, kept in the meta table (no schema change): the interviewer's name
 * (asked on the first `survey run`) and the language chosen (--lang, F2 on the start screen).
 * A value is one line of printable UTF-8, at most STORE_SETTING_MAX bytes; anything else in the
 * file reads as absent. get: *value malloc'd, NULL when absent. Return 0, or -1 with err. */
#define STORE_SET_INTERVIEWER "interviewer"
#define STORE_SET_LANG "lang"
#define STORE_SETTING_MAX 200
int store_setting_get(store *st, const char *key, char **value, char *err);
int store_setting_set(store *st, const char *key, const char *value, char *err);

/* Progress by a question: interviews complete and draft by their answer to it. */
typedef struct store_progress_row {
	char *value;          /* the answer; NULL for interviews without one */
	int complete, draft;  /* interviews */
} store_progress_row;
/* Count every interview by its answer to question (a path "grp/q", or a name matching "q" or
 * ".../q" outside repeats), sorted by value, NULL last. *out malloc'd: free with
 * store_progress_free. */
int store_progress(store *st, const char *question, store_progress_row **out, int *n,
                   char *err);
void store_progress_free(store_progress_row *rows, int n);

/* --- sealed interviews (schema 7; DESIGN.md, Sealed interviews) --------------------------- */

/* The largest sealed record a file may hold (bytes): its attachments and the rest. */
#define STORE_SEALED_MAX (256LL * 1024 * 1024)

/* Overwrite deleted content with zeros on this connection from now on (PRAGMA secure_delete):
 * `survey run` of a form with a public key sets it before the first answer is saved. */
int store_secure_delete(store *st, char *err);
/* store_iv_complete, then seal: in the same transaction the interview's rows (its interview
 * row, answers, events with the comments, attachments) become one record in table sealed,
 * encrypted for public_key (a form's settings public_key line: sealbox_pk_parse), and are
 * deleted with secure_delete on; after the commit the WAL is emptied (checkpoint, truncated)
 * so that no copy of the plain rows stays in it. The interview can no longer be resumed. */
int store_iv_complete_sealed(store_iv *iv, const char *instance_name, const char *public_key,
			     char *err);

/* One sealed record, as the file shows it without the key. */
typedef struct store_sealed {
	char uuid[STORE_UUID_LEN + 1];
	char *form_id, *form_version, *device_id;
	char *status;          /* the status it was sealed with ("complete") */
	char *sealed_at;       /* ISO 8601 UTC */
	char *key_id;          /* the key it was sealed for (sealbox_key_id) */
	char *events_sha256;
	long long events_count, size;
	int revision;
	int opened;            /* the file holds its version in plain rows (unsealed) */
} store_sealed;
/* Every sealed record, oldest first. Free with store_sealed_free. A file before schema 7
 * has none. */
int store_sealed_list(store *st, store_sealed **out, int *n, char *err);
void store_sealed_free(store_sealed *s, int n);
/* Sealed records whose version the file does not hold in plain rows (not unsealed yet), of
 * form_id (NULL: any). */
int store_sealed_count(store *st, const char *form_id, long long *out, char *err);
/* Append to *ivs (*n of them, reallocated) a row per sealed interview not opened in the file,
 * with status "sealed", its uuid, form, device and revision, created, modified and completed
 * the time it was sealed, other fields NULL: the start screen lists them. */
int store_sealed_interviews(store *st, store_interview **ivs, int *n, char *err);

/* --- helpers shared inside the store, exposed for tests ------------------------------------ */

/* A random UUID v4 from getrandom(), lowercase, NUL-terminated in out (37 bytes). */
int store_uuid4(char out[STORE_UUID_LEN + 1], char *err);
/* The current time as ISO 8601 UTC with milliseconds: "2026-11-27T03:50:12.345Z". */
void store_now(char out[32]);
/* Format milliseconds since the epoch the same way. */
void store_format_ms(long long ms, char out[32]);

/* Replace the clock the store writes with (times of interviews, answers and events, and the
 * events' offsets): fn returns milliseconds since the epoch. simulate uses it so that the same
 * seed gives the same rows. NULL restores the real clock. */
void store_set_clock(store *st, long long (*fn)(void *arg), void *arg);

#endif

/* record.h: the compact record of an interview (issue 18; DESIGN.md, Storage, "Compact
 * layout"): its answer rows and event rows (the columns of schema 7) encoded as two JSON texts,
 * `answers` and `events`, and decoded back exactly. The encoding is canonical — the same rows
 * always give the same bytes, the bytes bench/storage_layout.py writes for them — so merged
 * files hold identical records in any merge order. The decoder is written for hostile input:
 * it checks types, lengths, ids and bounds while it scans, and fails with one line, never
 * crashes; record_check also refuses a record that is not the canonical encoding of its rows.
 *
 * answers: a JSON array indexed by the question's path id (record_paths): the value as a
 *   string when the answer is `answered` and was saved at its path's last event's time, else
 *   [value, state, time?]; 0 where the path has no answer. A repeat instance's answers are an
 *   object keyed by the instance number in the question's slot; a path the form does not have
 *   is kept as its text, in an object at index 0.
 * events: a JSON array, event n at index n-1: [wall clock step less the offset step, offset
 *   step, kind, path, new value, new state, old value, old state] with trailing defaults left
 *   out (the new value and state default to the answer's, `true` marking them where later
 *   fields follow; a path-less event's `true` value is the interview's content hash; the old
 *   value and state default to the previous new ones on the path; explicit old ones always come
 *   as a pair). Times whose text is not canonical (record_time_ms) are kept as text, for every
 *   event of the interview; unknown kinds and states as their words. */
#ifndef SURVEY_STORE_RECORD_H
#define SURVEY_STORE_RECORD_H

#include <stddef.h>

/* The largest path id a form version may give (the answers array has top id + 1 slots). */
#define RECORD_MAX_PATH_ID 1000000
/* The longest record text encoded or decoded (bytes): a longer one is refused. */
#define RECORD_MAX_TEXT (64u << 20)

/* An answer row of schema 7. value may be NULL; the others are never NULL once decoded. */
typedef struct record_answer {
	char *path, *value, *state, *modified;
} record_answer;

/* An event row of schema 7 (seq counts from 1 in the order of the array). path, old_value,
 * new_value, old_state and new_state may be NULL. */
typedef struct record_event {
	long long seq, offset_ms;
	char *at, *kind, *path, *old_value, *new_value, *old_state, *new_state;
} record_event;

/* A block of memory the strings of checked rows live in (record_pool.c). */
typedef struct record_pool record_pool;

/* The rows of one interview. With pool NULL every string is the rows' own (a caller may take
 * one, setting the field NULL); rows from record_check keep their strings in pool, shared
 * between rows, freed all at once: read them, change them only through record_edit.c. */
typedef struct record_rows {
	record_answer *answers;
	size_t n_answers;
	record_event *events;
	size_t n_events;
	record_pool *pool;
} record_rows;

/* The path ids of one form version: id (1..RECORD_MAX_PATH_ID) and template ("grp/q", or
 * "rep[%]/q" inside a repeat: at most one "[%]", no other brackets). */
typedef struct record_paths record_paths;

/* Build the table from n pairs: NULL with one line in err (ERR_MAX) when an id is out of
 * range or repeated, a template malformed, or two templates name the same node. */
record_paths *record_paths_new(const long long *ids, const char *const *templates, size_t n,
			       char *err);
void record_paths_free(record_paths *p);             /* NULL accepted */
/* The template of id, or NULL. */
const char *record_paths_template(const record_paths *p, long long id);
/* How many ids the table holds, and the k-th (0 <= k < count) in id order. */
size_t record_paths_count(const record_paths *p);
void record_paths_entry(const record_paths *p, size_t k, long long *id, const char **tmpl);

/* Encode rows (events in seq order 1..n; answer paths distinct; every answer's state and
 * modified not NULL) of an interview created at `created` (its schema-7 text) with
 * content_hash (may be NULL) into two new strings the caller frees. paths may be NULL (every
 * path kept as text). 0, or -1 with one line in err. */
int record_encode(const record_paths *paths, const char *created, const char *content_hash,
		  const record_rows *rows, char **answers, char **events, char *err);

/* Decode the two texts (alen and elen bytes, not NUL-terminated necessarily) into rows the
 * caller frees with record_rows_free (*out zeroed first; left empty on failure). 0, or -1 with
 * one line in err naming what is wrong (no position beyond the event or slot number). */
int record_decode(const record_paths *paths, const char *created, const char *content_hash,
		  const char *answers, size_t alen, const char *events, size_t elen,
		  record_rows *out, char *err);

/* record_decode, and refuse a record whose bytes are not the canonical encoding of its rows
 * (what a merge asks of an input's records). The rows keep their strings in a pool (above),
 * their answers in path order. */
int record_check(const record_paths *paths, const char *created, const char *content_hash,
		 const char *answers, size_t alen, const char *events, size_t elen,
		 record_rows *out, char *err);

/* The answers of a record without its events (what analysis reads): fn is called for each
 * answer in record order with its path, value (NULL for none) and state, valid during the call
 * only; the time is not given (it may need the events). Nonzero from fn stops the walk and is
 * returned; -1 with one line in err when the text is not a record's answers. It checks types,
 * ids and bounds, not that a path comes once: records are checked whole on the way into a file
 * (record_check). */
typedef int (*record_answer_fn)(void *arg, const char *path, const char *value,
				const char *state);
int record_answers_each(const record_paths *paths, const char *answers, size_t alen,
			record_answer_fn fn, void *arg, char *err);
/* The same, fn also told where each answer stands: its slot (its path's id in paths; 0 for a
 * path given as text) and whether it is one instance of a repeat's slot (its path then the
 * slot's template with the instance's number). A reader may keep what it worked out for a
 * slot that is no instance (its path is always the same). */
typedef int (*record_slot_answer_fn)(void *arg, long long slot, int instance, const char *path,
				     const char *value, const char *state);
int record_answers_each_slot(const record_paths *paths, const char *answers, size_t alen,
			     record_slot_answer_fn fn, void *arg, char *err);
/* record_answers_each for the answers at slots 0..last only (a reader that needs no other),
 * and of those, when keep is not NULL (last + 1 flags), only at slot 0 and at the slots s
 * with keep[s]: the rest of the text is skipped, neither parsed nor checked (the record was
 * checked whole on its way into the file). The same calls as record_answers_each for those
 * slots (none when last < 0). */
int record_answers_each_until(const record_paths *paths, const char *answers, size_t alen,
			      long long last, const unsigned char *keep, record_answer_fn fn,
			      void *arg, char *err);
/* Does the events text (elen bytes) hold an event of kind (by its code or its text)? 1 or 0
 * from one parse, without decoding the events (nothing else of them is checked); -1 with one
 * line in err when it is not JSON of a record's events. */
int record_events_have_kind(const char *events, size_t elen, const char *kind, char *err);

void record_rows_free(record_rows *r);                /* frees the rows, zeroes r */
/* Frees the strings of every row (and the pool) and empties r, keeping its arrays (n_ zero,
 * not their size: for a caller that refills them, like record_build.c). */
void record_rows_clear(record_rows *r);

/* Changes to decoded rows (record_edit.c), strings copied: set the answer on path (added when
 * the rows have none; value may be NULL), remove it (1 when there was one, else 0), append an
 * event (numbered n + 1; e->seq is not read). */
void record_rows_set_answer(record_rows *r, const char *path, const char *value,
			    const char *state, const char *modified);
int record_rows_remove_answer(record_rows *r, const char *path);
void record_rows_add_event(record_rows *r, const record_event *e);

/* A time text's UTC milliseconds when it is canonical ("YYYY-MM-DDTHH:MM:SS.mmmZ", a real
 * date, year 1000-9999): 0 and *ms, else -1. */
int record_time_ms(const char *text, long long *ms);
/* The canonical text of ms into out (at least 25 bytes): 0, or -1 outside years 1000-9999. */
int record_time_text(long long ms, char *out);

#endif

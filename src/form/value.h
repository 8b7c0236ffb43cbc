/* value.h: answer values as survey stores them — the parsers the interview engine normalises
 * typed answers with, a check that a stored value is one the engine could have written for its
 * question (merge uses it on files from elsewhere), and answer paths ("grp[2]/q") to nodes. */
#ifndef SURVEY_FORM_VALUE_H
#define SURVEY_FORM_VALUE_H

#include "form/form.h"

#define FORM_TEXT_MAX 10000      /* longest text answer, in bytes (the engine's ENGINE_TEXT_MAX) */
#define FORM_INSTANCE_MAX 1000   /* highest repeat instance number (ENGINE_REPEAT_MAX) */
#define FORM_NEST_MAX 8          /* repeats inside repeats (ENGINE_NEST_MAX) */

/* ---- Parsers (what the engine accepts as typed) ---- */

/* Valid UTF-8 with no control characters other than tab, CR and LF (no DEL, no C1)? */
int form_text_ok(const char *s);
/* A whole number ("+007", "-12"): 0 and *norm ("7", "-12", malloc'd); -1 when it is not one,
 * -2 when it does not fit in 32 bits. */
int form_parse_integer(const char *s, char **norm);
/* A decimal ("12.5", "12,5", "-.5"): 0, *norm ("12.5", "-0.5", malloc'd) and *out; -1 when it
 * is not one (also NaN, infinities and magnitudes above 1e15). */
int form_parse_decimal(const char *s, char **norm, double *out);
/* YYYY-MM-DD, or D.M.YYYY / DD.MM.YYYY / D/M/YYYY, a real day; advances *pp past it. 0 or -1. */
int form_parse_date_at(const char **pp, int *y, int *m, int *d);
/* HH:MM, HH:MM:SS or HH:MM:SS.mmm (milliseconds dropped); advances *pp past it. 0 or -1. */
int form_parse_time_at(const char **pp, int *h, int *mi, int *s);

/* Is v within the range question's start..end (either order) on a step from start? */
int form_range_ok(const form_node *nd, double v);

/* ---- Stored values ---- */

/* Is `value` (not NULL) a value survey stores for node `node` of f: for an answered type its
 * normalised form (integers "12", decimals "12.5", dates "2021-03-09", times "14:05:00",
 * dateTimes "2021-03-09T14:05:00", choice names of the node's list separated by one space, each
 * once, "OK" for acknowledge, a range value within its parameters), text of at most
 * FORM_TEXT_MAX bytes with no control characters; the node's default as written; for
 * calculations, expression defaults, hidden, notes and metadata, text with no control
 * characters. The choice filter and the constraint are not evaluated (they need the whole
 * interview). Returns 0, or -1 with msg (ERR_MAX) saying what it is not, as
 * "is not a whole number". "" is accepted (no value). */
int form_value_check(const form *f, int node, const char *value, char *msg);

/* An index of the answer paths of a form, built once (a hash of node paths). */
typedef struct form_paths form_paths;
form_paths *form_paths_new(const form *f);   /* f must outlive it */
void form_paths_free(form_paths *p);          /* NULL accepted */
/* The node an answer path names: a question, note, calculation or metadata (not a group or
 * repeat), with one instance number ("[2]": 1 to FORM_INSTANCE_MAX, no leading zero) after
 * each enclosing repeat and nowhere else. -1 when it names none. */
int form_paths_node(const form_paths *p, const char *path);

#endif

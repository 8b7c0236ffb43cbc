/* record_form.h: the path ids of a form version for its records (record.h), from the
 * questionnaire as the registered reader parsed it (store/form_ops.h): what schema 8's `paths`
 * table holds, and merge checks an input's `paths` against. */
#ifndef SURVEY_STORE_RECORD_FORM_H
#define SURVEY_STORE_RECORD_FORM_H

#include <sqlite3.h>

#include "store/form_ops.h"
#include "store/record.h"

/* The table of f: each question's node number in the form version (document order, as
 * `survey check --dump` lists them: deterministic from the form's bytes) and its path, with
 * "[%]" after its repeat's path inside a repeat. Questions in nested repeats are left out
 * (their answers are kept as text). NULL with one line in err. */
record_paths *record_paths_of_form(const store_form_ops *ops, const store_form *f, char *err);

/* The table of a stored form source (forms.source_name, source_kind, source) loaded through
 * the registered reader; NULL when there is no reader or the form does not load (its answers'
 * paths are then kept as text). */
record_paths *record_paths_of_source(const char *name, const char *kind, const void *bytes,
				     size_t len);
/* The same, with why the form does not load in why (ERR_MAX; "" when it loaded or there is
 * no reader). */
record_paths *record_paths_of_source_why(const char *name, const char *kind, const void *bytes,
					 size_t len, char *why);

/* Are the `paths` rows of `schema` ("main" or an attached merge input) exactly those its forms
 * give (record_paths_of_form of each form version that loads; none for one that does not)?
 * 0, or -1 with one line in err naming the form version (what merge asks of an input). */
int record_paths_verify(sqlite3 *db, const char *schema, char *err);

#endif

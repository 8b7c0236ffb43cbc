/* record_build.h: the records of every interview of a schema-7 file (issue 18): its answer and
 * event rows read in one ordered pass and encoded (record.h) with the path table of each form
 * version (record_form.h). The heart of the migration to schema 8; internal to src/store. */
#ifndef SURVEY_STORE_RECORD_BUILD_H
#define SURVEY_STORE_RECORD_BUILD_H

#include <sqlite3.h>

/* Called once per interview, in uuid order, with its record texts; nonzero stops the pass
 * (its value returned, err filled by fn). */
typedef int (*record_build_fn)(void *arg, const char *uuid, const char *answers,
			       const char *events, char *err);

/* Every interview of the tables interviews, answers and events of `schema` ("main" or an
 * attached name) on db, with the forms of `schema`.forms loaded through the registered reader
 * (a form that does not load: its paths kept as text). A value of the wrong type, an answer
 * or event of no interview, events not numbered 1..n: -1 with one line in err naming the
 * interview. 0 when every interview was given to fn. */
int record_build_each(sqlite3 *db, const char *schema, record_build_fn fn, void *arg, char *err);

#endif

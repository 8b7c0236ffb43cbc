/* analysis_read.h: the store's fast read for statistics (`survey freq`, `tab`, `report`): the
 * answers to a few questions of every interview that passes a filter, read by one SQL statement
 * with a primary-key lookup per question, so that no other answer is ever touched. */
#ifndef SURVEY_STORE_ANALYSIS_READ_H
#define SURVEY_STORE_ANALYSIS_READ_H

#include "store/scan.h"

/* Most paths answered by one statement (SQLite joins at most 64 tables); above it the read
 * falls back to store_scan_paths, which gives the same rows, only slower. */
#define STORE_READ_MAX_PATHS 48

/* Visit every interview that passes the filter, in UUID order, with its answers to paths[0..
 * npaths-1] as store_scan_paths gives them (values[k], states[k], present[k]). paths[k] may be
 * NULL: that question does not exist (present[k] is 0). row->iv has only uuid, form_id,
 * form_version, status and origin filled (the other strings NULL, numbers 0). Everything is borrowed
 * for the callback's duration. Returns 0, the callback's non-zero value, or -1 (err). */
int store_read_paths(store *st, const store_scan_filter *filter, const char *const *paths,
		     int npaths, store_scan_fn fn, void *arg, char *err);

/* Every questionnaire embedded in the file, whether or not it has interviews: (form_id,
 * version) pairs sorted by form_id, then version (oldest first, by the version string). Free both arrays with
 * store_strings_free. */
int store_forms_list(store *st, char ***ids, char ***versions, int *n, char *err);

#endif

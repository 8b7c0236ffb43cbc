/* scan.h: reading many interviews at once — for export, statistics and reports. Streams: the
 * callback sees one interview at a time, so memory stays flat however large the file. */
#ifndef SURVEY_STORE_SCAN_H
#define SURVEY_STORE_SCAN_H

#include "store/store.h"

/* Which interviews to visit. NULL fields do not filter. */
typedef struct store_scan_filter {
	const char *form_id;       /* only this form */
	const char *form_version;  /* only this version */
	const char *status;        /* "complete" or "draft"; NULL: both (never "discarded":
	                              a discarded interview is left out of every scan) */
} store_scan_filter;

/* One interview as the scan sees it. Everything is borrowed: valid during the callback only.
 * With paths (store_scan_paths): values[k], states[k] and present[k] answer paths[k]
 * (present 0: no answer row; value NULL: no value). Without (store_scan_all): the answers
 * sorted by path. */
typedef struct store_scan_row {
	const store_interview *iv;   /* the interview's row (answered is not filled: 0) */
	const char *const *values;   /* per requested path */
	const store_state *states;   /* per requested path */
	const int *present;          /* per requested path */
	const store_answer *answers; /* store_scan_all: every answer, sorted by path */
	int nanswers;                /* store_scan_all: number of answers */
} store_scan_row;

/* The callback returns 0 to go on, non-zero to stop (store_scan_* then returns that value). */
typedef int (*store_scan_fn)(void *arg, const store_scan_row *row);

/* Visit every interview that passes the filter, oldest first (created, then uuid), with the
 * answers to `paths` (npaths of them). Returns 0, the callback's non-zero value, or -1 (err). */
int store_scan_paths(store *st, const store_scan_filter *filter, const char *const *paths,
                     int npaths, store_scan_fn fn, void *arg, char *err);
/* The same with every answer of each interview. */
int store_scan_all(store *st, const store_scan_filter *filter, store_scan_fn fn, void *arg,
                   char *err);

/* Number of interviews that pass the filter. */
int store_scan_count(store *st, const store_scan_filter *filter, long long *out, char *err);

/* The distinct (form_id, form_version) pairs that have interviews, oldest version first (by
 * the version string: store_version_cmp).
 * ids and versions are malloc'd arrays of malloc'd strings; free with store_strings_free. */
int store_form_versions(store *st, char ***ids, char ***versions, int *n, char *err);
void store_strings_free(char **s, int n);

#endif

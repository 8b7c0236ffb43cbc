/* report_read.h: the store's one-pass reads for a report — the answers to many questions of
 * every interview that passes a filter, in one sequential walk over the answers (no lookup per
 * question), for `survey report`, which needs most of a questionnaire's questions at once; and
 * the interview list the report's methods tally, streamed. A new storage layout only has to
 * re-implement these two functions (the first has store_read_paths' contract, analysis_read.h). */
#ifndef SURVEY_STORE_REPORT_READ_H
#define SURVEY_STORE_REPORT_READ_H

#include "store/scan.h"

/* Visit every interview that passes the filter, in UUID order, with its answers to paths[0..
 * npaths-1] (values[k], states[k], present[k] as store_scan_paths gives them: present 0 when
 * the interview has no answer row for paths[k]; a state the file does not know reads as
 * answered). paths[k] may be NULL (present[k] 0) and may repeat. row->iv has only uuid,
 * form_id, form_version, status and origin filled (other strings NULL, numbers 0); nanswers
 * and answers are 0/NULL. Everything is borrowed for the callback's duration; memory does not
 * grow with the number of interviews. Returns 0, the callback's non-zero value, or -1 (err). */
int store_report_read(store *st, const store_scan_filter *filter, const char *const *paths,
		      int npaths, store_scan_fn fn, void *arg, char *err);

/* Visit every interview row of the file (every form and status, discarded ones too), in no
 * particular order, with only uuid, form_id, form_version, status, origin, interviewer,
 * device_id and created filled (the other strings NULL, numbers 0; NULL where the file has
 * none); row->values etc. are NULL. No answer is read. Borrowed for the callback's duration;
 * memory does not grow with the number of interviews. 0, the callback's non-zero value, or -1
 * (err). */
int store_report_interviews(store *st, store_scan_fn fn, void *arg, char *err);

#endif

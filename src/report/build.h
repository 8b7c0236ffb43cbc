/* build.h: a report spec run against a database — every table computed through the analysis
 * pipeline (the numbers are survey freq's and survey tab's), the methods section from the
 * interview list, every text in the report's language — into a report_doc for the writers. */
#ifndef SURVEY_REPORT_BUILD_H
#define SURVEY_REPORT_BUILD_H

#include "analysis/analysis.h"
#include "report/report.h"
#include "report/spec.h"
#include "store/store.h"

typedef struct report_build_opts {
	const char *lang;      /* language code or name; NULL: the spec's default language,
	                          else the form's */
	int simulated;         /* mark the report as simulated data even when no interview says
	                          so (their origin marks it by itself): banner and note */
	const char *date;      /* the date printed on the report; NULL: none */
	long long made;        /* its time (seconds since 1970) for file properties; 0: now */
	/* called after each table with its spec name and the seconds it took (may be NULL) */
	void (*progress)(void *arg, const char *name, double seconds);
	void *progress_arg;
	int approved;          /* only the interviews a supervisor approved are counted (the caller
	                          has called analysis_only_approved on the db): the methods give
	                          the approved and complete counts, every fact the approved ones */
} report_build_opts;

/* Build the report of spec s from db (tables) and st (the same file opened read-only, for the
 * methods: interviews, dates, interviewers). The spec should have passed report_spec_check
 * against analysis_form(db). Fills out (initialised here; release with report_doc_release)
 * and returns 0; or returns -1 with err and *row, the spec row at fault (0 when none). */
int report_build(const report_spec *s, analysis_db *db, store *st,
                 const report_build_opts *o, report_doc *out, int *row, char *err);

#endif

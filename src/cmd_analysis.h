/* cmd_analysis.h: what `survey freq` and `survey tab` share on the command line — the options
 * that choose the interviews and the design, the output format, and the JSON header. */
#ifndef SURVEY_CMD_ANALYSIS_H
#define SURVEY_CMD_ANALYSIS_H

#include <getopt.h>

#include "analysis/analysis.h"
#include "cmd.h"
#include "util/json.h"

enum { FMT_TEXT, FMT_JSON, FMT_CSV };

/* getopt_long values of the shared options; a command numbers its own from AOPT_NEXT. */
enum {
	AOPT_WEIGHT = 256, AOPT_STRATA, AOPT_CLUSTER, AOPT_WHERE, AOPT_FORMAT, AOPT_LANG,
	AOPT_MISSING, AOPT_STATUS, AOPT_FORM, AOPT_LONELY, AOPT_NEXT
};

/* The shared entries of a command's struct option table. */
#define CMD_ANALYSIS_OPTIONS \
	{ "weight", required_argument, NULL, AOPT_WEIGHT }, \
	{ "strata", required_argument, NULL, AOPT_STRATA }, \
	{ "cluster", required_argument, NULL, AOPT_CLUSTER }, \
	{ "where", required_argument, NULL, AOPT_WHERE }, \
	{ "format", required_argument, NULL, AOPT_FORMAT }, \
	{ "lang", required_argument, NULL, AOPT_LANG }, \
	{ "include-missing", no_argument, NULL, AOPT_MISSING }, \
	{ "status", required_argument, NULL, AOPT_STATUS }, \
	{ "form", required_argument, NULL, AOPT_FORM }, \
	{ "lonely-psu", required_argument, NULL, AOPT_LONELY }

/* Where the shared options land. */
typedef struct cmd_analysis_args {
	analysis_opts *opts;   /* weight, strata, cluster, where, lang, missing, status, lonely */
	const char *form_id;   /* --form, or NULL */
	int format;            /* FMT_* */
} cmd_analysis_args;

/* Handle getopt_long's value c (with optarg arg) if it is a shared option: returns 0 when
 * handled, -1 when c is not a shared option, or EXIT_USAGE after printing the usage error. */
int cmd_analysis_option(const struct cmd_entry *self, int c, const char *arg,
			cmd_analysis_args *a);

/* Write the JSON members that describe the selection into the object open in w:
 * "form_id": ..., "status": ..., "weight": ..., "strata": ..., "cluster": ..., "where": ... */
void cmd_analysis_json_selection(json_w *w, const analysis_opts *o, const char *form_id);

/* Write the members "notes": [...], "warnings": [...] of n into the object open in w. */
void cmd_analysis_json_notes(json_w *w, const analysis_notes *n);

/* CSV has no notes: the approved-only note of n (ANALYSIS_NOTE_APPROVED), if any, on stderr. */
void cmd_analysis_csv_notes(const analysis_notes *n);

#endif

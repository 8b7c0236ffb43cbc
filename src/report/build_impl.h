/* build_impl.h: what the files of the report builder share (build.c assembles the document,
 * build_freq.c, build_tab.c and build_methods.c make its parts, build_util.c says things). */
#ifndef SURVEY_REPORT_BUILD_IMPL_H
#define SURVEY_REPORT_BUILD_IMPL_H

#include "report/build.h"
#include "report/words.h"

struct freq_batch;

struct ctx {
	const report_spec *s;
	analysis_db *db;
	store *st;
	const report_build_opts *o;
	report_doc *doc;
	const char *lang;     /* the report's language code ("ky", "ru", "en", ...) */
	int slang;            /* its index among the spec's languages; -1: none */
	char *err;
	int *row;
	struct freq_batch *batches;   /* frequencies computed together (build_freq.c) */
	int nbatches;
};

/* Facts from the interview list: counts, dates, interviewers. */
struct facts {
	long long complete, drafts, other;
	long long simulated;   /* of the complete ones: made by survey simulate (origin) */
	char first[11], last[11];
	int ninterviewers, ndevices;
	char **names;          /* interviewers, sorted, with counts */
	long long *counts;
	char *versions;        /* "v1, v2" */
};

/* build_util.c: numbers and sentences in the report's language, grids, filters. */
char *rb_num(const struct ctx *c, double v, report_num kind);      /* malloc'd */
/* Add a sentence with up to four string blanks to l. */
void rb_say(const struct ctx *c, report_strs *l, report_sentence s, const char *a,
	    const char *b, const char *d, const char *e);
char *rb_say_str(const struct ctx *c, report_sentence s, const char *a, const char *b,
		 const char *d);                                    /* malloc'd */
const char *rb_word(const struct ctx *c, report_word_id w);
const char *rb_text(const struct ctx *c, const report_text *t);    /* the spec's text */
char *rb_day(const struct ctx *c, const char *iso);                 /* malloc'd */
char *rb_where(const struct ctx *c, const report_item *it);         /* malloc'd or NULL */
void rb_label(char **slot, const char *s);
void rb_set(report_grid *g, int i, int j, int k, double v, report_num kind);
void rb_base_line(const struct ctx *c, report_table *t, double n, const char *where,
		  double missing);
/* Options of a table's analysis: survey tab's defaults, the table's filter and weight.
 * *where receives the filter to free. */
void rb_opts(const struct ctx *c, const report_item *it, analysis_opts *o, char **where);

/* build_freq.c: a frequency table (from a batch when rb_freq_batches computed it). */
int rb_freq(struct ctx *c, const report_item *it, const analysis_opts *o, report_table *t);
/* Compute the frequency tables of the spec together, one pass over the database for all the
 * tables with the same filter and weight. A batch that fails is left to rb_freq, table by
 * table, so that its error is located. */
void rb_freq_batches(struct ctx *c);
void rb_freq_batches_free(struct ctx *c);

/* build_tab.c: a cross-tab; may replace *t (one layer per answer of `by`). */
int rb_tab(struct ctx *c, const report_item *it, const analysis_opts *o, report_table **t);

/* build_methods.c */
int rb_facts(struct ctx *c, struct facts *f);
void rb_facts_release(struct facts *f);
int rb_methods(struct ctx *c, const report_item *it, const struct facts *f);

double rb_now(void);   /* monotonic seconds */

#endif

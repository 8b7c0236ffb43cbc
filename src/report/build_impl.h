/* build_impl.h: what the files of the report builder share (build.c assembles the document,
 * build_freq.c, build_tab.c and build_methods.c make its parts, build_util.c says things). */
#ifndef SURVEY_REPORT_BUILD_IMPL_H
#define SURVEY_REPORT_BUILD_IMPL_H

#include "report/build.h"
#include "report/words.h"

struct freq_batch;
struct tab_batch;

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
	struct tab_batch *tbatches;   /* cross-tables computed together (build_tab.c) */
	int ntbatches;
	/* key findings, per section (build_find.c) */
	struct fsec *fsec;
	int nfsec;
	int in_methods;       /* the items being built belong to the methods section */
	unsigned used;        /* USED_* bits: the statistics the report shows (the glossary) */
	int nsmall;           /* tables whose expected counts are small (the limitations) */
	struct report_table **annex;  /* full lists of open answers, printed at the end */
	int nannex;
};

/* The statistics shown, for the glossary. */
enum {
	USED_PCT = 1, USED_CI = 2, USED_P = 4, USED_CHI2 = 8, USED_FISHER = 16, USED_CRAMER = 32,
	USED_ADJ = 64, USED_DF = 128, USED_GAMMA = 256, USED_RAO_SCOTT = 512, USED_CMH = 1024,
	USED_MULTIPLE = 2048,
};

/* Facts from the interview list: counts, dates, interviewers. */
struct facts {
	long long complete, drafts, other;
	long long unapproved;  /* complete, not approved, left out (report_build_opts.approved);
	                          complete counts the approved ones then */
	long long simulated;   /* of the complete ones: made by survey simulate (origin) */
	char first[11], last[11];
	int ninterviewers, ndevices;
	char **names;          /* interviewers, sorted, with counts */
	long long *counts;
	char *versions;        /* "v1, v2" */
};

/* build_find.c: the key findings, collected per section while the tables are built and put
 * at the top of the report at the end. */
void rb_find_section(struct ctx *c, const char *title);
/* Add a sentence (and its numbers for machine checks, "k=v k2=v2") to the current section. */
void rb_find_add(struct ctx *c, const char *sentence, const char *data);
/* Put the findings at block index `at` of the document (a heading and a list per section). */
void rb_find_emit(struct ctx *c, int at);
void rb_find_release(struct ctx *c);
/* The number the next table of the document gets, and "table 7" / "таблица 7" / "7-таблица"
 * for that number (malloc'd). */
int rb_table_no(const struct ctx *c);
char *rb_table_ref(const struct ctx *c, int no);
/* s between the language's quotation marks (malloc'd). */
char *rb_quote(const struct ctx *c, const char *s);
/* "p = 0.003", "p < 0.001", "p ≈ 0.012" (Monte Carlo), malloc'd. */
char *rb_p_text(const struct ctx *c, double p, int approx);

/* Don't know: is it left out of the item's table, and the filter that leaves it out of the
 * questions of the table (malloc'd; NULL when none of them has a don't-know choice). */
int rb_dk_excluded(const struct ctx *c, const report_item *it);
char *rb_dk_filter(struct ctx *c, const report_item *it);
/* Add "Answers “Don't know” left out of this table: n." to t's base line: the interviews the
 * filter `shown` keeps that have a don't know in the table's questions. */
void rb_dk_line(struct ctx *c, const report_item *it, const char *shown, report_table *t);
/* Are the categories idx[0..n-1] of v (idx NULL: the first n) an ordered numeric scale (every
 * code a whole number, at least three)? */
int rb_ordinal(const analysis_var *v, const int *idx, int n);
/* The choice names that mean don't know, and how many. */
const char *const *rb_dk_codes(const struct ctx *c, int *n);
/* Is value v one of them? */
int rb_is_dk(const struct ctx *c, const char *v);
/* The short label of a question (the spec's labels sheet), else `full`. */
const char *rb_short(const struct ctx *c, const char *name, const char *full);

/* build_answers.c: the answers to a text question, listed by a grouping question. */
int rb_answers(struct ctx *c, const report_item *it, report_table **t);

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
void rb_opts(struct ctx *c, const report_item *it, analysis_opts *o, char **where);
/* Does the item list the statistic key in its stats column? */
int rb_lists_stat(const report_item *it, const char *key);

/* build_freq.c: a frequency table (from a batch when rb_freq_batches computed it). */
int rb_freq(struct ctx *c, const report_item *it, const analysis_opts *o, report_table *t);
/* Compute the frequency tables of the spec together, one pass over the database for all the
 * tables with the same filter and weight. A batch that fails is left to rb_freq, table by
 * table, so that its error is located. */
void rb_freq_batches(struct ctx *c);
void rb_freq_batches_free(struct ctx *c);
/* The frequencies computed for it (a freq, or the answers of an answers table: rb_answers'
 * filter, unweighted) in a batch, or NULL. */
const analysis_freq *rb_freq_batched(const struct ctx *c, const report_item *it);
/* Its table is built: free what the batch computed for it (open answers can be many). */
void rb_freq_batch_done(struct ctx *c, const report_item *it);

/* build_tab.c: the cross-tabs of the spec computed together, one pass over the database for
 * all those with the same filter and weight (analysis_tab_batch); a table the batch could not
 * make is left to rb_tab, which locates its error. */
void rb_tab_batches(struct ctx *c);
void rb_tab_batches_free(struct ctx *c);
/* build_tab.c: a cross-tab; may replace *t (one layer per answer of `by`). */
int rb_tab(struct ctx *c, const report_item *it, const analysis_opts *o, report_table **t);

/* build_methods.c */
int rb_facts(struct ctx *c, struct facts *f);
void rb_facts_release(struct facts *f);
int rb_methods(struct ctx *c, const report_item *it, const struct facts *f);
/* The end of the methods: the passport's limitations and the glossary of the statistics the
 * report used (known once every table is built); added at the end of the document. */
void rb_methods_tail(struct ctx *c, const struct facts *f);

double rb_now(void);   /* monotonic seconds */

#endif

/* analysis.h: the pipeline between a survey database and the statistics core, used by
 * `survey freq`, `survey tab` and `survey report`. It opens a database read-only with its
 * questionnaire(s), resolves variable names, reads only the answers it needs, codes them to
 * small integers in choice-list order, counts them and runs the statistics. Nothing here
 * prints: results come back as structures (owned by the caller, freed by the *_free
 * functions), problems as one line in err (ERR_MAX bytes).
 *
 * Cases are interviews (complete ones unless opts.status says otherwise). Interviews of every
 * version of the questionnaire are counted together; the newest version gives the labels.
 * A question is named by its name ("oblast"), its path ("respondent/oblast") or, inside a
 * repeat, by one instance's path ("partners[2]/partner_type"). */
#ifndef SURVEY_ANALYSIS_H
#define SURVEY_ANALYSIS_H

#include <stddef.h>

#include "form/form.h"
#include "stats/ci.h"
#include "stats/cmh.h"
#include "stats/crosstab.h"
#include "stats/design.h"
#include "stats/fisher.h"
#include "stats/padjust.h"
#include "stats/table.h"

/* ---- the database ------------------------------------------------------------------------ */

typedef struct analysis_db analysis_db;   /* an open database and its questionnaires */

/* Open the database at path read-only and load the questionnaire form_id (NULL: the only one
 * the file holds; a file with several needs it). Errors: not a survey database, no embedded
 * questionnaire, several and none chosen, an unknown form_id. Close with analysis_close. */
int analysis_open(const char *path, const char *form_id, analysis_db **out, char *err);
void analysis_close(analysis_db *db);   /* NULL accepted */
/* From now on every read of db keeps only the complete interviews whose current version a
 * supervisor approved (`survey review`; --status approved, also for a whole report). 0, or -1
 * with err. */
int analysis_only_approved(analysis_db *db, char *err);
/* How the note of every analysis under that restriction begins ("...: 3 of the 12 complete
 * interviews"), so that no reader takes its figures for all the interviews. */
#define ANALYSIS_NOTE_APPROVED "only the interviews a supervisor approved are counted"
/* Is this interview kept by that restriction (always 1 without it)? */
int analysis_keeps(const analysis_db *db, const char *uuid);
/* Read now, in one pass over the answers of each version, the complete interviews' answers to
 * the questions named in names[0..nnames-1] (names or paths) and in the expressions
 * wheres[0..nwheres-1] (--where filters; NULL entries skipped), and keep them in memory
 * (a few bytes per interview and question) until analysis_close or the next preload. Later
 * analyses of complete interviews (the default status, also with analysis_only_approved) that
 * need only those questions read them from memory: the same cases in the same order, so the
 * same numbers, without touching the file again. Names that do not resolve are skipped (the
 * analysis that asks for them reports the error). 0, or -1 with err (nothing kept). */
int analysis_preload(analysis_db *db, const char *const *names, int nnames,
		     const char *const *wheres, int nwheres, char *err);

/* The newest version of the questionnaire (labels, choice lists), and its form id. */
const form *analysis_form(const analysis_db *db);
const char *analysis_form_id(const analysis_db *db);

/* The language index in analysis_form() for a code or name ("ru", "Russian (ru)"); NULL gives
 * -1, the form's default. -1 with err ("no language 'de' in form 'x'; it has ky, ru, en"). */
int analysis_find_lang(const analysis_db *db, const char *code, int *lang, char *err);

/* ---- what to analyse ---------------------------------------------------------------------- */

/* Options shared by every analysis. All-zero is the default. */
typedef struct analysis_opts {
	const char *lang;          /* labels: language code or name; NULL: the form's default */
	const char *status;        /* "complete" (NULL), "draft", "all" or "approved" (complete
	                              and approved: analysis_only_approved) */
	const char *where;         /* XLSForm expression kept per interview; NULL: all */
	const char *weight;        /* a numeric question or calculate; NULL: unweighted */
	const char *strata;        /* a question whose answers are the strata; NULL: none */
	const char *cluster;       /* a question whose answers name the PSUs; NULL: none */
	stats_lonely_psu lonely;   /* a stratum with one PSU: fail (default) or how to treat it */
	int include_missing;       /* show don't know, refused, skipped, empty as categories */
	double conf_level;         /* confidence level; 0: 0.95 */
	stats_ci_method ci;        /* intervals of unweighted proportions (freq) */
	int ci_set;                /* 1: ci was asked for (freq notes when a design replaces it
	                            * by svyciprop's logit interval) */
	stats_fisher_opts fisher;  /* Fisher's test for tables above 2x2: limit, seed, samples
	                            * (0: ANALYSIS_FISHER_SAMPLES, R's default B) */
	int no_fisher_rxc;         /* 1: no Fisher's test above 2x2 (it can take a while) */
	int fisher_rxc_small;      /* 1: Fisher's test above 2x2 only for a table whose expected
	                            * counts are small (over a fifth of its cells below 5: where
	                            * a report shows it instead of the chi-square); elsewhere
	                            * fisher_exact is "not computed" */
} analysis_opts;

/* Why a value counts as missing. */
typedef enum analysis_missing {
	ANALYSIS_VALID = 0,
	ANALYSIS_DONT_KNOW,    /* value ".d" */
	ANALYSIS_REFUSED,      /* ".r" */
	ANALYSIS_SKIPPED,      /* ".s": not relevant for this interview */
	ANALYSIS_EMPTY,        /* ".": no answer (an optional question left empty, or a version
	                        * of the questionnaire without the question) */
	ANALYSIS_NMISSING
} analysis_missing;

/* One category of a variable. */
typedef struct analysis_cat {
	char *value;           /* the code for CSV and JSON: choice name or value as stored; ".d",
	                        * ".r", ".s", "." for the missing categories */
	char *label;           /* for people: the choice label in the language (fallbacks as
	                        * form_choice_label), else the value; words for missing ones */
	double score;          /* numeric score (linear-by-linear, Pearson's r): the number for a
	                        * numeric value or an all-integer choice list, else 1, 2, 3, ... */
	analysis_missing missing;  /* ANALYSIS_VALID or why missing */
	int in_form;           /* 1: a choice of the newest questionnaire; 0: found only in data */
} analysis_cat;

typedef enum analysis_vtype {
	ANALYSIS_CATEGORICAL,  /* select_one; text, date, calculate with non-numeric values */
	ANALYSIS_MULTIPLE,     /* select_multiple: a case may be in several categories */
	ANALYSIS_NUMERIC,      /* integer, decimal, range; calculate whose values are numbers */
} analysis_vtype;

/* A variable as resolved and coded. */
typedef struct analysis_var {
	char *name;            /* as asked for */
	char *path;            /* answer path in the newest questionnaire */
	char *label;           /* question label in the language; the name when it has none */
	form_type type;        /* the question's type */
	analysis_vtype vtype;
	int ncat;              /* categories: the valid ones, then shown missing ones */
	int nvalid;            /* valid categories: cats[0..nvalid-1], choices in list order
	                        * first, then values found only in the data, sorted */
	analysis_cat *cats;
} analysis_var;

/* Notes and warnings for the reader, in the order found (lowercase, no full stop). */
typedef struct analysis_note {
	int warning;           /* 1: a warning (results may mislead), 0: a note */
	char *text;
} analysis_note;
typedef struct analysis_notes {
	analysis_note *items;
	int n, cap;
} analysis_notes;

/* Check that a name is a question the analysis can use, without reading data: fills *out
 * (categories of the newest questionnaire's choice list only; release with
 * analysis_var_release). -1 with err: "no question 'x' in form 'covid19_lsg'; see 'survey
 * check --dump'", a group, a note, a question inside a repeat named without an instance. */
int analysis_resolve(analysis_db *db, const char *name, int lang, analysis_var *out, char *err);
void analysis_var_release(analysis_var *v);

/* ---- frequencies ------------------------------------------------------------------------- */

typedef struct analysis_freq_row {
	int cat;               /* index into var.cats */
	double count;          /* (weighted) count */
	double cases;          /* interviews, unweighted */
	double percent;        /* of every case (valid and missing); select_multiple: of responses
	                        * (NAN for its missing categories) */
	double valid_percent;  /* of valid cases; NAN for a missing category and select_multiple */
	double cum_percent;    /* cumulative valid percent; NAN likewise */
	double cases_percent;  /* select_multiple: of the cases that answered; else NAN */
	double ci_low;         /* interval of the valid proportion (select_multiple: of cases), */
	double ci_high;        /* in percent: opts.ci, or svyciprop's logit with a design */
	double se;             /* with a design: standard error of that proportion (percent) */
} analysis_freq_row;

/* Numeric questions: a summary of the valid values. */
typedef struct analysis_summary {
	double n;              /* cases with a value */
	double sum_w;          /* their total weight (n unweighted) */
	double mean, min, max;
	double sd;             /* with weights: survey::svyvar's, scale-free (see stats/summary.h);
	                        * NAN (JSON null) with fewer than two values */
	double q25, median, q75;   /* R's type 7 quantiles; weighted: survey::svyquantile's
	                            * qrule "hf7", scale-free (stats/summary.h) */
	double mean_se;        /* sd / sqrt(n), or the design-based standard error */
	double mean_ci_low, mean_ci_high;
} analysis_summary;

typedef struct analysis_freq {
	analysis_var var;
	double n_cases;        /* cases in the analysis (after status, where and weights) */
	double simulated;      /* of the interviews analysed, those made by survey simulate */
	double total;          /* their weighted total */
	double valid;          /* weighted total with a valid answer (select_multiple: answered) */
	double missing;        /* weighted total without */
	double responses;      /* select_multiple: weighted selections */
	int nrows;
	analysis_freq_row *rows;   /* valid categories (all choices, even unused), then missing
	                            * ones with opts.include_missing */
	int has_summary;       /* numeric questions */
	analysis_summary summary;
	int design;            /* proportions and intervals are design-based */
	double design_df;      /* their degrees of freedom */
	analysis_notes notes;
} analysis_freq;

/* Frequencies of vars[0..nvars-1], read in one pass. *out receives an array of nvars results:
 * free with analysis_freq_free(*out, nvars). */
int analysis_freq_run(analysis_db *db, const char *const *vars, int nvars,
		      const analysis_opts *opts, analysis_freq **out, char *err);
void analysis_freq_free(analysis_freq *f, int n);
/* Frequencies of var in one pass: (*out)[0] over every case, (*out)[1 + k] over the cases whose
 * answer to by (a single-answer question) is values[k] — what analysis_freq_run gives with the
 * filter "${by} = 'values[k]'" added, but for its notes. Free with analysis_freq_free(*out,
 * nvalues + 1). -1 with err, also when by is select_multiple. */
int analysis_freq_split(analysis_db *db, const char *var, const char *by,
			const char *const *values, int nvalues, const analysis_opts *opts,
			analysis_freq **out, char *err);
/* The same, one group at a time (so that only one group's result is held): fn(arg, -1, f) over
 * every case, then fn(arg, k, f) for values[k]. f->var is lent for the call (the same for
 * every group: copy it with what it needs to keep); f's rows and notes are freed after fn
 * returns unless fn moved them out (leaving *f zeroed). Returns 0, fn's non-zero value, or
 * -1 with err. */
typedef int (*analysis_freq_fn)(void *arg, int k, analysis_freq *f);
int analysis_freq_split_each(analysis_db *db, const char *var, const char *by,
			     const char *const *values, int nvalues, const analysis_opts *opts,
			     analysis_freq_fn fn, void *arg, char *err);
/* Free what one result holds (not the result itself) and zero it. */
void analysis_freq_release(analysis_freq *f);

/* ---- cross-tabulations ------------------------------------------------------------------- */

/* Which cells differ (the flags ▲▼ of a report), one test per shown cell: is the cell's row
 * more (or less) often in the cell's column than the other rows are? That is the 2x2 table
 * (this row or not) x (this column or not): unweighted its Pearson X2 is the square of the
 * cell's adjusted standardized residual (Haberman), so z is that residual and p = 2 P(Z > |z|);
 * with a design it is svychisq's Rao-Scott F of that 2x2 table (F(1, design df)), and z is
 * sqrt(F) with the sign of the weighted residual. A select_multiple variable: (this choice
 * selected or not) x (this category of the other variable or not), among the interviews in the
 * table. p_adj: Bonferroni over the m cells tested; flag +1 (more often than expected) or -1
 * (less often) where p_adj < ANALYSIS_ALPHA, else 0. */
typedef struct analysis_cell_tests {
	int ok;                /* computed (2+ rows and 2+ columns; not both select_multiple) */
	int design;            /* 1: Rao-Scott per cell; 0: adjusted standardized residuals */
	int m;                 /* cells tested: the Bonferroni factor */
	double *z, *p, *p_adj; /* nrow * ncol of the layer's shown cells, row-major; NAN where a
	                        * cell has no test */
	signed char *flag;     /* nrow * ncol: +1, -1 or 0 */
	const char *why;       /* when ok is 0: why not (static) */
} analysis_cell_tests;

/* Multiple response: one test per choice of the select_multiple variable — is the choice
 * selected equally often in every category of the other variable? The 2 x k table (selected
 * or not) x categories, among the interviews in the table (the base): Pearson's chi-square
 * (R's chisq.test(correct = FALSE)), or with a design svychisq's Rao-Scott F; p adjusted by
 * Holm over the choices tested (R's p.adjust(p, "holm")). */
typedef struct analysis_choice_test {
	int cat;               /* the choice: index into the select_multiple variable's cats */
	double base;           /* (weighted) interviews in its table */
	double base_cases;     /* unweighted */
	stats_value test;      /* value (X2 or F), df (df1), df2 (design only), p */
	double p_adj;          /* Holm-adjusted p; NAN without a test */
} analysis_choice_test;

#define ANALYSIS_ALPHA 0.05

/* One table (one layer of --by). Its rows and columns are the non-empty categories. */
typedef struct analysis_layer {
	int by_cat;            /* index into tab->by.cats; -1 without a layer variable */
	double n_cases;        /* cases counted, unweighted */
	int nrow, ncol;        /* rows and columns shown */
	int *rows, *cols;      /* their indices into tab->row.cats / tab->col.cats */
	stats_table table;     /* nrow x ncol (weighted) counts of the shown categories */
	double *row_base;      /* nrow: (weighted) cases in each row; the row total unless the
	                        * column variable is select_multiple */
	double *col_base;      /* ncol: likewise for columns */
	double base;           /* (weighted) cases in the table */
	int stats_ok;          /* 1: stats holds the statistics (not for multiple response) */
	stats_crosstab stats;  /* every statistic, on the table of all categories; weighted:
	                        * on the weighted table rescaled to n_cases */
	int has_rao_scott;     /* with a design */
	stats_rao_scott rao_scott;
	analysis_cell_tests cell_tests;   /* per shown cell (see above) */
	int nchoice;           /* multiple response: choices tested (the multiple variable's
	                        * shown rows or columns, in their order); 0 otherwise */
	analysis_choice_test *choices;
	analysis_notes notes;  /* this layer's notes (empty rows, small expected counts, ...) */
} analysis_layer;

typedef struct analysis_tab {
	analysis_var row, col;
	int has_by;
	analysis_var by;       /* zeroed without --by */
	int weighted;          /* opts.weight was given */
	int design;            /* a weight, strata or clusters: Rao-Scott tests */
	int multiple;          /* a select_multiple variable: percents are of cases; no table
	                        * statistics, but a test per choice (layers' choices) */
	double n_cases;        /* cases in the analysis, in every layer together */
	double simulated;      /* of the interviews analysed, those made by survey simulate */
	int nlayers;
	analysis_layer *layers;
	int has_cmh;           /* --by with 2x2 tables: the Cochran-Mantel-Haenszel test */
	stats_cmh cmh;
	analysis_notes notes;  /* notes on the whole analysis (cases left out, weights, ...) */
} analysis_tab;

/* Cross-tabulate row by col (by: NULL or a layer variable). Every layer with any case is a
 * table; a filter that leaves nothing gives one empty table and a note, not an error.
 * Errors: an unknown name, a text question, a numeric one with too many values to tabulate,
 * a bad --where (located), a design that cannot be built. Free with analysis_tab_free. */
int analysis_tab_run(analysis_db *db, const char *row, const char *col, const char *by,
		     const analysis_opts *opts, analysis_tab **out, char *err);
void analysis_tab_free(analysis_tab *t);
/* Many cross-tables with the same options, read in one pass: out[i] (n of them) as
 * analysis_tab_run gives it, or NULL for one that it refuses (run that one alone for its
 * error). -1 with err (every out[i] NULL) when the shared read or design fails. Memory: the
 * coded cases of every variable named, as one analysis_tab_run of them all would hold. */
typedef struct analysis_tab_spec {
	const char *row, *col, *by;   /* by: NULL or a layer variable */
} analysis_tab_spec;
int analysis_tab_batch(analysis_db *db, const analysis_tab_spec *specs, int n,
		       const analysis_opts *opts, analysis_tab **out, char *err);

/* Monte Carlo tables of Fisher's test when opts.fisher.samples is 0: 2000, as R's
 * fisher.test(simulate.p.value = TRUE). */
#define ANALYSIS_FISHER_SAMPLES 2000

/* At most this many categories per variable in a cross-table. */
#define ANALYSIS_MAX_CATS 200

#endif

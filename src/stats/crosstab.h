/* crosstab.h: every statistic of one two-way table in one call, for `survey tab` — the tests
 * and measures of PSPP's CROSSTABS /STATISTICS=ALL and what it lacks (r x c Fisher, Bowker,
 * McNemar) — plus a table of the results' JSON keys so the caller can print them generically.
 *
 * The counts are taken as frequencies (each unit of count is a case). For a table weighted by
 * sampling weights the tests here would treat the weighted total as the sample size: use the
 * design-based tests of design.h (Rao-Scott) for inference instead, and if these measures are
 * shown at all compute them on the table rescaled to the number of cases (stats_table_scale):
 * the values are unchanged, their standard errors are then only approximate. */
#ifndef SURVEY_STATS_CROSSTAB_H
#define SURVEY_STATS_CROSSTAB_H

#include <stddef.h>

#include "stats/fisher.h"
#include "stats/stats.h"
#include "stats/table.h"

typedef struct stats_crosstab_opts {
	const double *row_scores;  /* score of each row code (linear-by-linear, Pearson's r);
	                            * NULL: code + 1 */
	const double *col_scores;  /* likewise for columns */
	int same_categories;       /* 1: row code k and column code k are the same category (two
	                            * raters, before/after): kappa, Bowker and McNemar are computed */
	double conf_level;         /* of the odds ratio and relative risks; 0 means 0.95 */
	int fisher_rxc;            /* 1: Fisher's test for tables larger than 2x2 too (exact within
	                            * fisher.work_limit, else Monte Carlo); 0: 2x2 only */
	stats_fisher_opts fisher;  /* limits, samples and seed for fisher_rxc */
} stats_crosstab_opts;

typedef struct stats_crosstab {
	int nrow, ncol;            /* non-empty rows and columns: the table the statistics used */
	int dropped_rows;          /* empty rows left out (note them to the user) */
	int dropped_cols;          /* empty columns left out */
	double n;                  /* total count */
	int cells;                 /* cells of the non-empty table */
	int small_expected;        /* of them, with an expected count below 5 */
	double min_expected;       /* smallest expected count */

	stats_value pearson_chi2;                 /* value, df, p */
	stats_value likelihood_ratio;             /* value, df, p */
	stats_value continuity_corrected_chi2;    /* 2x2: value, df, p */
	stats_value linear_by_linear;             /* value, df, p */
	stats_value fisher_exact;                 /* p (two-sided); see fisher.method */
	stats_fisher fisher;                      /* method, samples, one-sided p for 2x2 */
	stats_value phi, cramers_v, contingency_coefficient;            /* value, p */
	stats_value lambda_symmetric, lambda_row_dependent, lambda_col_dependent;
	stats_value goodman_kruskal_tau_row_dependent, goodman_kruskal_tau_col_dependent;
	stats_value uncertainty_symmetric, uncertainty_row_dependent, uncertainty_col_dependent;
	stats_value gamma;
	stats_value somers_d_symmetric, somers_d_row_dependent, somers_d_col_dependent;
	stats_value kendall_tau_b, kendall_tau_c;
	stats_value pearson_r, spearman;
	stats_value kappa;                        /* same_categories only */
	stats_value symmetry_bowker;              /* same_categories only: value, df, p */
	stats_value mcnemar;                      /* same_categories, 2x2: corrected chi-square */
	stats_value mcnemar_exact;                /* same_categories, 2x2: binomial p */
	stats_value odds_ratio;                   /* 2x2: value, ci_low, ci_high */
	stats_value relative_risk_col1;           /* 2x2: risk of column 1, row 1 vs row 2 */
	stats_value relative_risk_col2;
} stats_crosstab;

/* Compute everything (opts NULL: defaults). Empty rows and columns are dropped first (counted
 * in dropped_rows/cols) except for kappa, Bowker and McNemar, which pair codes. Statistics that
 * do not apply (1xK table, df 0, a zero cell for the odds ratio) have ok 0 and a reason. */
void stats_crosstab_tests(const stats_table *t, const stats_crosstab_opts *opts,
                          stats_crosstab *out);

/* Which members of a stats_value a statistic reports (analysis/statistics.h says per statistic). */
enum {
	STATS_F_VALUE = 1, STATS_F_ASE = 2, STATS_F_T = 4, STATS_F_P = 8, STATS_F_DF = 16,
	STATS_F_CI = 32, STATS_F_DF2 = 64,
};

/* Every stats_value member of stats_crosstab in output order, named as in the JSON contract
 * (what each is, its labels and which STATS_F_* members it reports: analysis/statistics.h). */
typedef struct stats_crosstab_field {
	const char *key;      /* "pearson_chi2", ..., "fisher_exact", ..., "odds_ratio" */
	size_t offset;        /* offsetof(stats_crosstab, member) */
} stats_crosstab_field;
extern const stats_crosstab_field stats_crosstab_fields[];
extern const int stats_crosstab_nfields;

static inline const stats_value *stats_crosstab_value(const stats_crosstab *c,
                                                      const stats_crosstab_field *f)
{
	return (const stats_value *)((const char *)c + f->offset);
}

#endif

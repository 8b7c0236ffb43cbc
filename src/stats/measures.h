/* measures.h: nominal and ordinal measures of association of an r x c table, each with its
 * asymptotic standard error (ASE1, not assuming independence), approximate T (the value over
 * its standard error under independence, ASE0) and p-value, by the formulas of SPSS's CROSSTABS
 * algorithms as PSPP's CROSSTABS prints them. Empty rows and columns are ignored.
 * "row dependent" means the row variable is the one predicted. Rows and columns are taken in
 * code order for the ordinal measures. */
#ifndef SURVEY_STATS_MEASURES_H
#define SURVEY_STATS_MEASURES_H

#include "stats/stats.h"
#include "stats/table.h"

/* Phi = sqrt(X2 / W), Cramer's V = sqrt(X2 / (W (q - 1))), q = min(rows, columns), and the
 * contingency coefficient sqrt(X2 / (X2 + W)); p is the Pearson chi-square's (as SPSS). */
void stats_phi(const stats_table *t, stats_value *phi, stats_value *cramers_v,
               stats_value *contingency);

/* Goodman and Kruskal's lambda: value, ase, t, p (normal, from t). A tie for a maximum goes to
 * the first row or column, as SPSS and PSPP do. */
void stats_lambda(const stats_table *t, stats_value *sym, stats_value *row_dep,
                  stats_value *col_dep);

/* Goodman and Kruskal's tau: value; ase by the delta method (PSPP prints none); p from the
 * chi-square approximation (W - 1)(K - 1) tau ~ chi2((r-1)(c-1)), K the number of categories
 * of the dependent variable (SPSS's "based on chi-square approximation"). */
void stats_gk_tau(const stats_table *t, stats_value *row_dep, stats_value *col_dep);

/* Uncertainty coefficient (Theil's U): value, ase; t for the asymmetric ones as PSPP (mutual
 * information over its standard error); p is the likelihood-ratio chi-square's (as SPSS). */
void stats_uncertainty(const stats_table *t, stats_value *sym, stats_value *row_dep,
                       stats_value *col_dep);

/* Ordinal measures from concordant (P) and discordant (Q) pairs: value, ase, t, p (normal).
 * All share the same t (P - Q over its null standard error), as in SPSS and PSPP. The ase of
 * the symmetric Somers' d (which PSPP leaves blank) is the delta-method one. */
typedef struct stats_ordinal {
	stats_value gamma;
	stats_value kendall_tau_b;
	stats_value kendall_tau_c;
	stats_value somers_d_symmetric;
	stats_value somers_d_row_dependent;   /* (P - Q) / pairs not tied on the column */
	stats_value somers_d_col_dependent;   /* (P - Q) / pairs not tied on the row */
} stats_ordinal;
void stats_ordinal_measures(const stats_table *t, stats_ordinal *out);

/* Pearson's r of the scores (row_scores[i] of row i, col_scores[j] of column j; NULL gives
 * 1, 2, 3, ...), and Spearman's rank correlation (mid-ranks of the margins): value, ase,
 * t = r sqrt((W - 2) / (1 - r^2)), p from Student's t with W - 2 df (as R's cor.test).
 * A perfect correlation (|r| = 1) has no t, df or p (NAN; R's cor.test says t = Inf, p = 0),
 * as gamma and Kendall's tau have none for such a table. */
void stats_pearson_r(const stats_table *t, const double *row_scores, const double *col_scores,
                     stats_value *out);
void stats_spearman(const stats_table *t, stats_value *out);

/* 2x2 (non-empty) tables: the odds ratio f11 f22 / (f12 f21) and the relative risks of the
 * first and of the second column (row 1 against row 2), with conf_level intervals by the log
 * (Woolf) method. Not computed when a cell is zero. */
void stats_risk(const stats_table *t, double conf_level, stats_value *odds_ratio,
                stats_value *rr_col1, stats_value *rr_col2);

#endif

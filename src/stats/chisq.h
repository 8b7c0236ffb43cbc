/* chisq.h: chi-square tests of independence on an r x c table of counts: Pearson, likelihood
 * ratio, Yates' continuity correction (2x2) and linear-by-linear association. Empty rows and
 * columns are ignored (df counts non-empty ones). The counts are taken as frequencies: for a
 * table weighted by sampling weights use the design-based tests of design.h instead. */
#ifndef SURVEY_STATS_CHISQ_H
#define SURVEY_STATS_CHISQ_H

#include "stats/stats.h"
#include "stats/table.h"

/* value, df = (r-1)(c-1), p; as R's chisq.test(correct = FALSE) and PSPP's CROSSTABS. */
void stats_pearson_chi2(const stats_table *t, stats_value *out);
/* G^2 = 2 sum f ln(f / E): value, df, p (PSPP's "Likelihood Ratio"). */
void stats_likelihood_ratio(const stats_table *t, stats_value *out);
/* 2x2 only: sum (|f - E| - min(0.5, |f - E|))^2 / E, df 1, p; as chisq.test(correct = TRUE). */
void stats_continuity_chi2(const stats_table *t, stats_value *out);
/* (W - 1) r^2 with r Pearson's correlation of the scores: value, df 1, p. row_scores[i] /
 * col_scores[j] are the scores of the table's row i / column j (NULL: 1, 2, 3, ...). */
void stats_linear_by_linear(const stats_table *t, const double *row_scores,
                            const double *col_scores, stats_value *out);

#endif

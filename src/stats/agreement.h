/* agreement.h: statistics of square tables whose row code k and column code k are the same
 * category (two raters, or a before/after pair): Cohen's kappa, Bowker's test of symmetry and
 * McNemar's test. The table is used as coded: do not drop empty rows or columns first, since
 * that would break the pairing of categories. */
#ifndef SURVEY_STATS_AGREEMENT_H
#define SURVEY_STATS_AGREEMENT_H

#include "stats/stats.h"
#include "stats/table.h"

/* Cohen's kappa (W sum f_ii - sum r_i c_i) / (W^2 - sum r_i c_i): value, ase (Fleiss, Cohen and
 * Everitt 1969, not assuming independence), t = kappa / ASE0 (under independence) and p
 * (normal), as SPSS and PSPP give them. */
void stats_kappa(const stats_table *t, stats_value *out);

/* Bowker's test: sum over i < j of (f_ij - f_ji)^2 / (f_ij + f_ji): value, df, p. Pairs with
 * f_ij + f_ji = 0 add nothing and are not counted in df (R's mcnemar.test gives NaN there); for
 * 2x2 this is McNemar's test without continuity correction. */
void stats_bowker(const stats_table *t, stats_value *out);

/* 2x2 only. McNemar's chi-square with continuity correction, (|b - c| - 1)^2 / (b + c) (0 when
 * b = c), df 1, as R's mcnemar.test(correct = TRUE); and (exact, whole counts only) the two-sided binomial p
 * min(1, 2 P(X <= min(b, c))), X ~ Bin(b + c, 1/2), as SPSS's "Exact Sig.". */
void stats_mcnemar(const stats_table *t, stats_value *corrected, stats_value *exact);

#endif

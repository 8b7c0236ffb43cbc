/* agreement.c: Cohen's kappa, Bowker's symmetry test and McNemar's test. */
#include "stats/agreement.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#define F(t, i, j) ((t)->cell[(size_t)(i) * (t)->ncol + (j)])

void stats_kappa(const stats_table *t, stats_value *out)
{
	if (t->nrow != t->ncol)
		return stats_value_na(out, "table is not square");
	if (!(t->total > 0))
		return stats_value_na(out, "table is empty");
	int n = t->nrow;
	double w = t->total, th1 = 0, th2 = 0, th3 = 0;
	for (int i = 0; i < n; i++) {
		double pr = t->row_tot[i] / w, pc = t->col_tot[i] / w;
		th1 += F(t, i, i) / w;
		th2 += pr * pc;
		th3 += pr * pc * (pr + pc);
	}
	if (!(1 - th2 > 0))
		return stats_value_na(out, "agreement by chance is complete");
	double kappa = (th1 - th2) / (1 - th2), sg = 0, sg2 = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			double p = F(t, i, j) / w;
			if (p == 0)
				continue;
			/* d kappa / d p_ij: theta1 moves with the diagonal, theta2 by p_.i + p_j. */
			double d2 = t->col_tot[i] / w + t->row_tot[j] / w;
			double g = ((i == j) * (1 - th2) - (1 - th1) * d2) / ((1 - th2) * (1 - th2));
			sg += p * g;
			sg2 += p * g * g;
		}
	stats_value_set(out, kappa);
	out->ase = sqrt(fmax(0, sg2 - sg * sg) / w);
	double ase0 = sqrt(fmax(0, th2 + th2 * th2 - th3) / w) / (1 - th2);
	out->t = ase0 > 0 ? kappa / ase0 : NAN;
	out->p = stats_p_normal2(out->t);
}

void stats_bowker(const stats_table *t, stats_value *out)
{
	if (t->nrow != t->ncol)
		return stats_value_na(out, "table is not square");
	if (t->nrow < 2)
		return stats_value_na(out, "table has fewer than two categories");
	double x = 0, df = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = i + 1; j < t->ncol; j++) {
			double a = F(t, i, j), b = F(t, j, i);
			if (a + b > 0) {
				x += (a - b) * (a - b) / (a + b);
				df++;
			}
		}
	if (df == 0)
		return stats_value_na(out, "no cases off the diagonal");
	stats_value_set(out, x);
	out->df = df;
	out->p = stats_p_chisq(x, df);
}

void stats_mcnemar(const stats_table *t, stats_value *corrected, stats_value *exact)
{
	if (t->nrow != 2 || t->ncol != 2) {
		stats_value_na(corrected, "table is not 2x2");
		return stats_value_na(exact, "table is not 2x2");
	}
	double b = F(t, 0, 1), c = F(t, 1, 0);
	if (!(b + c > 0)) {
		stats_value_na(corrected, "no cases off the diagonal");
		return stats_value_na(exact, "no cases off the diagonal");
	}
	double d = b != c ? fabs(b - c) - 1 : 0;   /* R corrects only when b != c */
	stats_value_set(corrected, d * d / (b + c));
	corrected->df = 1;
	corrected->p = stats_p_chisq(corrected->value, 1);
	if (b != floor(b) || c != floor(c))
		return stats_value_na(exact, "counts are not whole numbers");
	double n = b + c, k = b < c ? b : c;
	double p = 2 * gsl_cdf_binomial_P((unsigned)k, 0.5, (unsigned)n);
	stats_value_set(exact, k);
	exact->p = p > 1 ? 1 : p;
}

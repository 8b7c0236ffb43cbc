/* chisq.c: Pearson, likelihood-ratio, continuity-corrected and linear-by-linear chi-squares. */
#include "stats/chisq.h"

#include <math.h>

#include "stats/measures.h"
#include "stats/stats_impl.h"

static void set_chi2(stats_value *out, double x, double df)
{
	stats_value_set(out, x);
	out->df = df;
	out->p = stats_p_chisq(x, df);
}

void stats_pearson_chi2(const stats_table *t, stats_value *out)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return stats_value_na(out, why);
	int nr, nc;
	stats_nonempty(t, &nr, &nc);
	double x = 0;
	for (int i = 0; i < t->nrow; i++) {
		if (!(t->row_tot[i] > 0))
			continue;
		for (int j = 0; j < t->ncol; j++) {
			if (!(t->col_tot[j] > 0))
				continue;
			double e = t->row_tot[i] * t->col_tot[j] / t->total;
			double d = stats_table_get(t, i, j) - e;
			x += d * d / e;
		}
	}
	set_chi2(out, x, (double)(nr - 1) * (nc - 1));
}

void stats_likelihood_ratio(const stats_table *t, stats_value *out)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return stats_value_na(out, why);
	int nr, nc;
	stats_nonempty(t, &nr, &nc);
	double g = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double f = stats_table_get(t, i, j);
			if (f > 0)
				g += f * log(f * t->total / (t->row_tot[i] * t->col_tot[j]));
		}
	set_chi2(out, 2 * g, (double)(nr - 1) * (nc - 1));
}

void stats_continuity_chi2(const stats_table *t, stats_value *out)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return stats_value_na(out, why);
	int nr, nc;
	stats_nonempty(t, &nr, &nc);
	if (nr != 2 || nc != 2)
		return stats_value_na(out, "table is not 2x2");
	double x = 0;
	for (int i = 0; i < t->nrow; i++) {
		if (!(t->row_tot[i] > 0))
			continue;
		for (int j = 0; j < t->ncol; j++) {
			if (!(t->col_tot[j] > 0))
				continue;
			double e = t->row_tot[i] * t->col_tot[j] / t->total;
			double d = fabs(stats_table_get(t, i, j) - e);
			d -= d < 0.5 ? d : 0.5;
			x += d * d / e;
		}
	}
	set_chi2(out, x, 1);
}

void stats_linear_by_linear(const stats_table *t, const double *row_scores,
                            const double *col_scores, stats_value *out)
{
	stats_value r;
	stats_pearson_r(t, row_scores, col_scores, &r);
	if (!r.ok)
		return stats_value_na(out, r.why);
	if (!(t->total > 1))
		return stats_value_na(out, "fewer than two cases");
	set_chi2(out, (t->total - 1) * r.value * r.value, 1);
}

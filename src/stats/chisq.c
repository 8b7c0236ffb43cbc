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

/* The rows and columns with cases (nr, nc): 0, or -1 with out not available when t is not a
 * two-way table of cases. */
static int twoway(const stats_table *t, stats_value *out, int *nr, int *nc)
{
	const char *why = stats_twoway_why(t);
	if (why) {
		stats_value_na(out, why);
		return -1;
	}
	stats_nonempty(t, nr, nc);
	return 0;
}

/* The sum over the cells of nonempty rows and columns of (|f - e| - c)^2 / e, e the count
 * expected under independence: c 0 for Pearson's chi-square, 0.5 for Yates' correction (a
 * difference below c counts as 0). */
static double chi2_sum(const stats_table *t, double c)
{
	double x = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double e = stats_expected(t, i, j);
			if (isnan(e))
				continue;
			double d = fabs(stats_table_get(t, i, j) - e);
			d -= d < c ? d : c;
			x += d * d / e;
		}
	return x;
}

void stats_pearson_chi2(const stats_table *t, stats_value *out)
{
	int nr, nc;
	if (twoway(t, out, &nr, &nc) == 0)
		set_chi2(out, chi2_sum(t, 0), (double)(nr - 1) * (nc - 1));
}

void stats_likelihood_ratio(const stats_table *t, stats_value *out)
{
	int nr, nc;
	if (twoway(t, out, &nr, &nc))
		return;
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
	int nr, nc;
	if (twoway(t, out, &nr, &nc))
		return;
	if (nr != 2 || nc != 2)
		return stats_value_na(out, "table is not 2x2");
	set_chi2(out, chi2_sum(t, 0.5), 1);
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

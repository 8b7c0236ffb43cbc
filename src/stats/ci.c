/* ci.c: one-way frequency percents and binomial proportion confidence intervals. */
#include "stats/ci.h"

#include <math.h>
#include <string.h>

#include "stats/stats.h"
#include "stats/stats_impl.h"

static const char *const names[STATS_CI_NMETHODS] = {
	"wilson", "clopper-pearson", "agresti-coull", "jeffreys",
};

const char *stats_ci_method_name(stats_ci_method m)
{
	return stats_enum_name(names, STATS_CI_NMETHODS, m);
}

int stats_ci_method_parse(const char *name)
{
	return stats_enum_parse(names, STATS_CI_NMETHODS, name);
}

static double clip01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

int stats_prop_ci(double x, double n, double conf_level, stats_ci_method m, double *lo,
                  double *hi)
{
	stats_init();
	*lo = *hi = NAN;
	if (!(n > 0) || !(x >= 0) || !(x <= n) || !(conf_level > 0 && conf_level < 1))
		return -1;
	double alpha = 1 - conf_level, z = stats_z(conf_level), p = x / n;
	switch (m) {
	case STATS_CI_WILSON: {
		double z2 = z * z, den = 1 + z2 / n;
		double mid = (p + z2 / (2 * n)) / den;
		double half = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / den;
		*lo = clip01(mid - half);
		*hi = clip01(mid + half);
		return 0;
	}
	case STATS_CI_CLOPPER_PEARSON:
		/* Beta(x, n - x + 1) and Beta(x + 1, n - x); a zero parameter never reaches GSL */
		*lo = x > 0 ? stats_beta_quantile(alpha / 2, x, n - x + 1) : 0;
		*hi = x < n ? stats_beta_quantile(1 - alpha / 2, x + 1, n - x) : 1;
		return 0;
	case STATS_CI_AGRESTI_COULL: {
		double nt = n + z * z, pt = (x + z * z / 2) / nt;
		double half = z * sqrt(pt * (1 - pt) / nt);
		*lo = clip01(pt - half);
		*hi = clip01(pt + half);
		return 0;
	}
	case STATS_CI_JEFFREYS:
		*lo = x > 0 ? stats_beta_quantile(alpha / 2, x + 0.5, n - x + 0.5) : 0;
		*hi = x < n ? stats_beta_quantile(1 - alpha / 2, x + 0.5, n - x + 0.5) : 1;
		return 0;
	default:
		return -1;
	}
}

void stats_freq(const double *counts, int k, double missing, double conf_level,
                stats_ci_method m, stats_freq_row *out)
{
	double valid = 0, cum = 0;
	for (int i = 0; i < k; i++)
		valid += counts[i];
	double all = valid + missing;
	for (int i = 0; i < k; i++) {
		stats_freq_row *r = &out[i];
		r->count = counts[i];
		cum += counts[i];
		r->percent = all > 0 ? 100 * counts[i] / all : NAN;
		r->valid_percent = valid > 0 ? 100 * counts[i] / valid : NAN;
		r->cum_percent = valid > 0 ? 100 * cum / valid : NAN;
		double lo, hi;
		stats_prop_ci(counts[i], valid, conf_level, m, &lo, &hi);
		r->ci_low = 100 * lo;
		r->ci_high = 100 * hi;
	}
}

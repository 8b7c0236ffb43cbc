/* stats.c: GSL set-up, stats_value helpers, p-values, enum names shared by the statistics. */
#include "stats/stats.h"
#include "stats/stats_impl.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

void stats_init(void)
{
	static int done;
	if (!done) {
		gsl_set_error_handler_off();
		done = 1;
	}
}

const char *stats_enum_name(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "?";
}

int stats_enum_parse(const char *const *names, int n, const char *name)
{
	for (int v = 0; v < n; v++)
		if (!strcmp(name, names[v]))
			return v;
	return -1;
}

void stats_value_clear(stats_value *v)
{
	v->ok = 0;
	v->value = v->ase = v->t = v->p = NAN;
	v->df = v->df2 = v->ci_low = v->ci_high = NAN;
	v->why = NULL;
}

void stats_value_na(stats_value *v, const char *why)
{
	stats_value_clear(v);
	v->why = why;
}

void stats_value_set(stats_value *v, double value)
{
	stats_value_clear(v);
	v->ok = 1;
	v->value = value;
}

double stats_p_chisq(double x, double df)
{
	if (isnan(x) || !(df > 0))
		return NAN;
	if (x <= 0)
		return 1.0;
	if (isinf(x))
		return 0.0;
	return gsl_cdf_chisq_Q(x, df);
}

double stats_p_f(double f, double df1, double df2)
{
	if (isnan(f) || !(df1 > 0) || !(df2 > 0))
		return NAN;
	if (f <= 0)
		return 1.0;
	if (isinf(f))
		return 0.0;
	return gsl_cdf_fdist_Q(f, df1, df2);
}

double stats_p_normal2(double z)
{
	if (isnan(z))
		return NAN;
	double p = 2.0 * gsl_cdf_ugaussian_Q(fabs(z));
	return p > 1.0 ? 1.0 : p;
}

double stats_p_t2(double t, double df)
{
	if (isnan(t) || !(df > 0))
		return NAN;
	double p = 2.0 * gsl_cdf_tdist_Q(fabs(t), df);
	return p > 1.0 ? 1.0 : p;
}

double stats_z(double conf_level)
{
	if (!(conf_level > 0 && conf_level < 1))
		return NAN;
	return gsl_cdf_ugaussian_Qinv((1.0 - conf_level) / 2.0);
}

double stats_t(double conf_level, double df)
{
	if (!(conf_level > 0 && conf_level < 1) || !(df > 0))
		return NAN;
	return gsl_cdf_tdist_Qinv((1.0 - conf_level) / 2.0, df);
}

double stats_lfact(double k)
{
	enum { N = 1024 };
	static double tab[N];
	static int ready;
	if (!ready) {
		for (int i = 0; i < N; i++)
			tab[i] = lgamma(i + 1.0);
		ready = 1;
	}
	if (k >= 0 && k < N && k == floor(k))
		return tab[(int)k];
	return lgamma(k + 1.0);
}

/* x with P(X <= x) = p for X ~ Beta(a, b), p <= 1/2 or so: the lower tail, where relative
 * precision matters. Geometric steps while the bracket spans orders of magnitude. */
static double beta_lower(double p, double a, double b)
{
	double lo = 0, hi = 1;
	for (int it = 0; it < 3000 && hi - lo > 4e-16 * hi; it++) {
		double mid = lo == 0 ? hi / 64 : hi / lo > 4 ? sqrt(lo * hi) : (lo + hi) / 2;
		if (mid <= lo || mid >= hi)
			break;
		double f = gsl_sf_beta_inc(a, b, mid);
		if (f < p)
			lo = mid;
		else
			hi = mid;
		if (hi < 1e-300)
			break;
	}
	return (lo + hi) / 2;
}

double stats_beta_quantile(double p, double a, double b)
{
	if (!(a > 0) || !(b > 0) || !(p >= 0 && p <= 1))
		return NAN;
	if (p == 0)
		return 0;
	if (p == 1)
		return 1;
	/* the median splits the tails; solve in the tail that p is in */
	double pm = gsl_sf_beta_inc(a, b, a / (a + b));
	if (p <= pm)
		return beta_lower(p, a, b);
	return 1 - beta_lower(1 - p, b, a);
}

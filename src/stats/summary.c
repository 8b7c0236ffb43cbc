/* summary.c: streaming weighted moments (West 1979), Hyndman-Fan quantiles and survey's
 * weighted "hf7" quantiles. */
#include "stats/summary.h"

#include <math.h>
#include <stdlib.h>

#include "stats/stats.h"
#include "util/util.h"

void stats_moments_init(stats_moments *m)
{
	m->n_cases = m->w = m->mean = m->m2 = 0;
	m->min = m->max = NAN;
}

int stats_moments_add(stats_moments *m, double x, double w)
{
	if (!(w >= 0) || isinf(w) || isinf(x))
		return -1;
	if (isnan(x) || w == 0)
		return 1;
	double wn = m->w + w, d = x - m->mean, r = d * w / wn;
	m->mean += r;
	m->m2 += m->w * d * r;
	m->w = wn;
	m->n_cases += 1;
	if (isnan(m->min) || x < m->min)
		m->min = x;
	if (isnan(m->max) || x > m->max)
		m->max = x;
	return 0;
}

double stats_moments_mean(const stats_moments *m)
{
	return m->w > 0 ? m->mean : NAN;
}

double stats_moments_var(const stats_moments *m)
{
	if (!(m->n_cases >= 2) || !(m->w > 0))
		return NAN;
	return m->n_cases / (m->n_cases - 1) * (m->m2 / m->w);
}

double stats_moments_sd(const stats_moments *m)
{
	return sqrt(stats_moments_var(m));
}

typedef struct wx {
	double x, cw;   /* value, cumulative weight up to and including it (its weight before) */
	size_t i;       /* input position */
} wx;

/* By value; tied values by weight, then input position, so that the weighted quantiles do not
 * depend on the order the cases come in (see summary.h). */
static int cmp_wx(const void *a, const void *b)
{
	const wx *u = a, *v = b;
	if (u->x != v->x)
		return (u->x > v->x) - (u->x < v->x);
	if (u->cw != v->cw)
		return (u->cw > v->cw) - (u->cw < v->cw);
	return (u->i > v->i) - (u->i < v->i);
}

/* survey's qrule_hf7 on the sorted values v[0..m-1] (cw cumulative): value k at
 * cw[k-1] / cw[m-2] (0 for the first), linear between them, constant outside. */
static double hf7(const wx *v, size_t m, double p)
{
	if (m == 1)
		return v[0].x;
	double den = v[m - 2].cw;
	if (!(p > 0))
		return v[0].x;
	/* the last k with position p_k <= p: p_0 = 0, p_k = cw[k-1] / den */
	size_t lo = 0, hi = m - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		if (v[mid - 1].cw / den <= p)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (lo >= m - 1)
		return v[m - 1].x;
	double pl = lo ? v[lo - 1].cw / den : 0, ph = v[lo].cw / den;
	if (p == pl || v[lo].x == v[lo + 1].x)
		return v[lo].x;
	return v[lo].x + (v[lo + 1].x - v[lo].x) * (p - pl) / (ph - pl);
}

/* The j-th order statistic (1-based) of the expanded data; j below 1 gives the first value
 * and j at or past the total weight the last, as R pads its sorted vector. */
static double order_stat(const wx *v, size_t n, double j)
{
	if (j < 1)
		return v[0].x;
	size_t lo = 0, hi = n - 1;   /* first index with cw >= j */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].cw >= j * (1 - 1e-12))
			hi = mid;
		else
			lo = mid + 1;
	}
	return v[lo].x;
}

int stats_quantiles(const double *x, const double *w, size_t n, const double *probs, size_t np,
                    int type, double *out, char *err)
{
	for (size_t q = 0; q < np; q++)
		out[q] = NAN;
	if (type < 1 || type > 9)
		return errf(err, "quantile type %d is not 1 to 9", type);
	if (w && type != 7)
		return errf(err, "weighted quantiles are type 7 only (survey's qrule \"hf7\")");
	wx *v = xmalloc(sizeof(wx) * (n ? n : 1));
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double wi = w ? w[i] : 1;
		if (!(wi >= 0) || isinf(wi)) {
			free(v);
			return errf(err, "case %zu: weight %g is not a non-negative number", i + 1, wi);
		}
		if (isnan(x[i]) || wi == 0)
			continue;
		v[m].x = x[i];
		v[m].i = i;
		v[m++].cw = wi;
	}
	if (m == 0) {
		free(v);
		return errf(err, "no values");
	}
	qsort(v, m, sizeof(wx), cmp_wx);
	for (size_t i = 1; i < m; i++)
		v[i].cw += v[i - 1].cw;
	double tw = v[m - 1].cw, fuzz = 4 * 2.220446049250313e-16;
	for (size_t q = 0; q < np; q++) {
		double p = probs[q];
		if (!(p >= 0 && p <= 1)) {
			free(v);
			for (size_t k = 0; k < np; k++)
				out[k] = NAN;
			return errf(err, "probability %g is not between 0 and 1", p);
		}
		if (w) {
			out[q] = hf7(v, m, p);
			continue;
		}
		double nppm, j, h;
		if (type <= 3) {
			nppm = type == 3 ? tw * p - 0.5 : tw * p;
			j = floor(nppm);
			if (type == 1)
				h = nppm > j;
			else if (type == 2)
				h = ((nppm > j) + 1) / 2.0;
			else
				h = nppm != j || fmod(j, 2) != 0;
		} else {
			static const double ab[][2] = { { 0, 1 }, { 0.5, 0.5 }, { 0, 0 }, { 1, 1 },
			                                { 1.0 / 3, 1.0 / 3 }, { 3.0 / 8, 3.0 / 8 } };
			double a = ab[type - 4][0], b = ab[type - 4][1];
			nppm = a + p * (tw + 1 - a - b);
			j = floor(nppm + fuzz);
			h = nppm - j;
			if (fabs(h) < fuzz)
				h = 0;
		}
		double lo = order_stat(v, m, j), hi = order_stat(v, m, j + 1);
		if (h == 0 || lo == hi)
			out[q] = lo;
		else if (h == 1)
			out[q] = hi;
		else
			out[q] = (1 - h) * lo + h * hi;
	}
	free(v);
	return 0;
}

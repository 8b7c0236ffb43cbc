/* summary.h: numeric summaries — count, mean, variance, standard deviation, minimum, maximum —
 * accumulated one value at a time (O(1) memory), and quantiles (R's nine types, type 7 by
 * default). Weights are sampling weights ("analytic" weights), never counts: every result is
 * scale-free (multiplying all weights by any c > 0 changes nothing) and equal weights give the
 * unweighted result, as R's survey::svyvar and survey::svyquantile. */
#ifndef SURVEY_STATS_SUMMARY_H
#define SURVEY_STATS_SUMMARY_H

#include <stddef.h>

typedef struct stats_moments {
	double n_cases;   /* values added (each once, whatever its weight) */
	double w;         /* sum of weights */
	double mean;      /* weighted mean so far */
	double m2;        /* sum of w (x - mean)^2, updated by West's algorithm */
	double min, max;  /* NAN while empty */
} stats_moments;

void stats_moments_init(stats_moments *m);
/* Add x with weight w. Returns 0; 1 when skipped (x is NaN, or w is 0); -1 (nothing changed)
 * when w is negative, infinite or NaN, or x is infinite. */
int stats_moments_add(stats_moments *m, double x, double w);
/* Variance with sampling weights, n / (n - 1) * m2 / W, n the values added (n_cases), W their
 * total weight: R's survey::svyvar (and Stata's aweights); var() when every weight is equal,
 * whatever their size. NAN when fewer than two values (never because W <= 1). sd is its
 * square root. mean is NAN when empty. (R's svyvar(~x, design, na.rm = TRUE) counts in n
 * the cases whose x is NA too; this n is the values, svyvar on the cases that have one.) */
double stats_moments_mean(const stats_moments *m);
double stats_moments_var(const stats_moments *m);
double stats_moments_sd(const stats_moments *m);

/* Quantiles of x[0..n-1] (weights w, NULL for none; NaN values and zero weights are left
 * out) at probs[0..np-1] in [0, 1], by Hyndman and Fan's type 1..9 as R's quantile(type = ...)
 * (7 is R's default, 6 is SPSS's HAVERAGE).
 * With weights only type 7 is available: survey::svyquantile(qrule = "hf7"), the weighted
 * analogue of R's default. Sorted by x (tied values by increasing weight: R keeps them in
 * the data's order, so there its result can depend on the order of the rows), value k
 * sits at p_k = (w_1 + ... + w_{k-1}) / (w_1 + ... + w_{n-1}) and the quantile is the linear
 * interpolation between them (the first value below p_1 = 0, the last above p_n = 1). Equal
 * weights give quantile(type = 7); the result never depends on the weights' scale.
 * Returns 0, or -1 with err (no values, bad type or probability, negative weight, a weighted
 * type other than 7); out[] is NAN then. */
int stats_quantiles(const double *x, const double *w, size_t n, const double *probs, size_t np,
                    int type, double *out, char *err);

#endif

/* summary.h: numeric summaries — count, mean, variance, standard deviation, minimum, maximum —
 * accumulated one value at a time (O(1) memory), and quantiles (R's nine types, type 7 by
 * default). Weights are frequency weights: a weight of 3 counts as three equal values. */
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
/* Variance with frequency weights, m2 / (W - 1) (SPSS's; R's var for unit weights); NAN when
 * W <= 1. sd is its square root. mean is NAN when empty. */
double stats_moments_mean(const stats_moments *m);
double stats_moments_var(const stats_moments *m);
double stats_moments_sd(const stats_moments *m);

/* Quantiles of x[0..n-1] (weights w, NULL for none; NaN values and zero weights are left
 * out) at probs[0..np-1] in [0, 1], by Hyndman and Fan's type 1..9 as R's quantile(type = ...)
 * (7 is R's default, 6 is SPSS's HAVERAGE). With weights the order statistics are those of the
 * data with each value repeated w times (exactly that for whole weights; positions on the
 * cumulative weight otherwise). Returns 0, or -1 with err (no values, bad type or
 * probability, negative weight); out[] is NAN then. */
int stats_quantiles(const double *x, const double *w, size_t n, const double *probs, size_t np,
                    int type, double *out, char *err);

#endif

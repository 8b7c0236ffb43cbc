/* ci.h: one-way frequencies (percent, valid percent, cumulative percent) and confidence
 * intervals for a binomial proportion x / n: Wilson (the default), Clopper-Pearson,
 * Agresti-Coull and Jeffreys. x and n may be weighted (non-integer); for a sample with
 * sampling weights use design.h's design-based intervals instead. */
#ifndef SURVEY_STATS_CI_H
#define SURVEY_STATS_CI_H

typedef enum stats_ci_method {
	STATS_CI_WILSON = 0,        /* score interval, = R's prop.test(correct = FALSE) */
	STATS_CI_CLOPPER_PEARSON,   /* exact, = R's binom.test */
	STATS_CI_AGRESTI_COULL,     /* adjusted Wald (x + z^2/2) / (n + z^2), clipped to [0, 1] */
	STATS_CI_JEFFREYS,          /* Beta(x + 1/2, n - x + 1/2) quantiles; 0 at x = 0, 1 at x = n */
	STATS_CI_NMETHODS
} stats_ci_method;

/* "wilson", "clopper-pearson", "agresti-coull", "jeffreys"; parse returns -1 if unknown. */
const char *stats_ci_method_name(stats_ci_method m);
int stats_ci_method_parse(const char *name);

/* The conf_level interval for x successes in n trials into *lo and *hi. Returns 0, or -1
 * (both NAN) when n <= 0, x is outside [0, n], a value is NaN or the level is outside (0, 1).
 * Clopper-Pearson and Jeffreys are exact at x = 0 and x = n (no beta quantile of a zero
 * parameter is asked for). */
int stats_prop_ci(double x, double n, double conf_level, stats_ci_method m, double *lo,
                  double *hi);

/* One row of a one-way frequency table. Percents are NAN when their base is 0. */
typedef struct stats_freq_row {
	double count;         /* (weighted) count of the category */
	double percent;       /* 100 count / (valid + missing) */
	double valid_percent; /* 100 count / valid */
	double cum_percent;   /* cumulative valid percent, in the given order */
	double ci_low;        /* interval for the valid proportion, in percent */
	double ci_high;
} stats_freq_row;

/* Fill out[0..k-1] for k valid categories with counts[], and `missing` (weighted) cases
 * missing. */
void stats_freq(const double *counts, int k, double missing, double conf_level,
                stats_ci_method m, stats_freq_row *out);

#endif

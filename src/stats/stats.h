/* stats.h: what every part of the statistics core shares — the result of one statistic
 * (stats_value), the once-per-process set-up of GSL, and p-value helpers.
 * src/stats/ is pure computation: no printing, no SQL, no knowledge of forms or databases. */
#ifndef SURVEY_STATS_H
#define SURVEY_STATS_H

/* Turn GSL's default error handler (which aborts) off. Call once before any other stats_*
 * function; calling it again is harmless. The entry points that reach GSL (stats_table_init,
 * Fisher, CMH, the intervals, the design) call it too. */
void stats_init(void);

/* One statistic. A field that does not apply is NAN (print it as blank or JSON null, never
 * as 0). When ok is 0 nothing was computed and why says so in a few lowercase words
 * ("table has only one row"); why is a static string, never freed. */
typedef struct stats_value {
	int ok;              /* 1 computed, 0 not computable for this table */
	double value;        /* the statistic, measure or estimate */
	double ase;          /* asymptotic standard error (non-null, "ASE1"); NAN when none */
	double t;            /* approximate T: value over its standard error under the null */
	double p;            /* p-value, two-sided unless the field's comment says otherwise */
	double df;           /* degrees of freedom (numerator df of an F) */
	double df2;          /* denominator degrees of freedom of an F */
	double ci_low;       /* confidence interval, at the level the caller asked for */
	double ci_high;
	const char *why;     /* static text when ok is 0, else NULL */
} stats_value;

void stats_value_clear(stats_value *v);                 /* ok 0, every number NAN, why NULL */
void stats_value_na(stats_value *v, const char *why);   /* clear, then why */
void stats_value_set(stats_value *v, double value);     /* clear, then ok 1 and value */

/* Upper-tail p-values, computed with GSL's _Q functions so that small p stay accurate.
 * NAN when the statistic is NAN or a df is not positive (a df of 0 gives no p, not p = 0). */
double stats_p_chisq(double x, double df);
double stats_p_f(double f, double df1, double df2);
double stats_p_normal2(double z);                       /* two-sided, from a z statistic */
double stats_p_t2(double t, double df);                 /* two-sided, from a t statistic */

/* Two-sided normal and t quantiles for a confidence level in (0, 1):
 * stats_z(0.95) = 1.959963984540054. NAN for a level outside (0, 1) or df <= 0. */
double stats_z(double conf_level);
double stats_t(double conf_level, double df);

#endif

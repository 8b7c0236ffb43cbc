/* fisher.h: Fisher's exact test of independence for an r x c table of whole counts. 2x2: exact,
 * two-sided and one-sided, as R's fisher.test. Larger tables: an exact search over the tables
 * with the observed margins (stages of columns, partial tables with the same remaining row
 * sums merged, subtrees settled whole by bounds) within a work limit; beyond it, Monte Carlo
 * with random tables of the same margins from a seeded GSL generator, as R's
 * fisher.test(simulate.p.value = TRUE): p = (1 + #{simulated tables no more probable than the
 * observed one}) / (B + 1). The two-sided p sums the tables whose probability is at most the
 * observed one times 1 + 1e-7 (R's tolerance). Empty rows and columns are ignored. */
#ifndef SURVEY_STATS_FISHER_H
#define SURVEY_STATS_FISHER_H

#include "stats/stats.h"
#include "stats/table.h"

typedef enum stats_fisher_method {
	STATS_FISHER_NONE = 0,        /* not computed (see two_sided.why) */
	STATS_FISHER_EXACT,           /* p is exact (to rounding) */
	STATS_FISHER_MONTE_CARLO,     /* p is estimated from `samples` random tables */
} stats_fisher_method;

typedef struct stats_fisher_opts {
	double work_limit;     /* partial tables the exact search may generate; 0: 1e6 (about
	                        * 0.3 s and 60 MB at most; memory grows with the limit) */
	long samples;          /* Monte Carlo tables B; 0: 10000 */
	unsigned long seed;    /* seed of the mt19937 generator (0 is a valid seed) */
	int monte_carlo;       /* 1: skip the exact search for tables larger than 2x2 */
} stats_fisher_opts;

typedef struct stats_fisher {
	stats_value two_sided;    /* p in .p (value: the observed table's probability) */
	stats_value less;         /* 2x2 only: P(f11 <= observed), R's alternative "less" */
	stats_value greater;      /* 2x2 only: P(f11 >= observed) */
	stats_fisher_method method;
	long samples;             /* Monte Carlo: B */
	double mc_se;             /* Monte Carlo: standard error of p, sqrt(p (1 - p) / B) */
	double work;              /* exact search: partial tables generated */
} stats_fisher;

/* "exact", "monte-carlo" or "none". */
const char *stats_fisher_method_name(stats_fisher_method m);

/* opts may be NULL (defaults). Never fails: a table it cannot test (not whole counts, fewer
 * than two non-empty rows or columns) gives method NONE and two_sided.ok 0 with a reason. */
void stats_fisher_test(const stats_table *t, const stats_fisher_opts *opts, stats_fisher *out);

#endif

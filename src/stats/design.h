/* design.h: design-based estimates for a sample with sampling weights, strata and clusters
 * (PSUs): Taylor-linearization variances of proportions, totals and means, survey::svyciprop's
 * confidence intervals, and the Rao-Scott corrected chi-square tests of independence exactly
 * as R's survey::svychisq computes them (statistic "F", the default there, and "Chisq").
 * One-stage ("ultimate cluster") variance: PSU totals of the influence values, centred within
 * strata, times n_h / (n_h - 1) and the finite population correction — survey's svyrecvar.
 *
 * Case codes (row, column, category) follow R's handling of missing data and subsets:
 *   >= 0  a category;
 *   -1    missing (R's NA): no influence, but the case counts in the table's N and, for
 *         svychisq, in the design degrees of freedom (nu);
 *   -2    outside the subpopulation (as R's subset()): left out of N and of the degrees of
 *         freedom; its PSU still counts in its stratum's n_h.
 * Pass every case of the sample (not only the ones analysed) so that strata and PSUs are the
 * design's. */
#ifndef SURVEY_STATS_DESIGN_H
#define SURVEY_STATS_DESIGN_H

#include <stddef.h>

#include "stats/stats.h"

/* What to do with a stratum that has a single PSU (R's options(survey.lonely.psu)). */
typedef enum stats_lonely_psu {
	STATS_LONELY_FAIL = 0,   /* R's default: an error naming the stratum */
	STATS_LONELY_REMOVE,     /* the stratum adds nothing to the variance */
	STATS_LONELY_CERTAINTY,  /* likewise (a PSU sampled with certainty) */
	STATS_LONELY_ADJUST,     /* centre the lone PSU at the overall mean, not its stratum's */
	STATS_LONELY_AVERAGE,    /* leave it out and scale by strata / strata with 2+ PSUs */
} stats_lonely_psu;

/* "fail", "remove", "certainty", "adjust", "average"; parse returns -1 if unknown. */
const char *stats_lonely_psu_name(stats_lonely_psu m);
int stats_lonely_psu_parse(const char *name);

/* The design, as parallel per-case arrays (borrowed: they must outlive the prepared design).
 * With weights only (no strata, no clusters) each case is its own PSU in a single stratum. */
typedef struct stats_design {
	size_t n;                  /* number of cases */
	const double *weight;      /* sampling weights >= 0; NULL: all 1 */
	const int *stratum;        /* stratum ids, any values; NULL: one stratum */
	const int *cluster;        /* PSU ids, taken within stratum (R's nest = TRUE); NULL: each
	                            * case is its own PSU */
	const double *fpc;         /* NULL: sampling with replacement; else per case either the
	                            * number of PSUs in the stratum's population (> 1), or, when
	                            * every value is <= 1, the sampling fraction (as R's fpc) */
	stats_lonely_psu lonely;   /* strata with one PSU */
} stats_design;

typedef struct stats_design_prep stats_design_prep;  /* opaque, made by stats_design_prepare */

/* Check and index the design: O(n) time, about 16 bytes per case with clusters (4 without).
 * Errors (-1, err): a negative or NaN weight; fpc differing within a stratum or below the
 * number of PSUs sampled; with STATS_LONELY_FAIL a stratum with one PSU:
 * "stratum 7 has only one PSU (choose how to treat it: remove, certainty, adjust or average)". */
int stats_design_prepare(const stats_design *d, stats_design_prep **out, char *err);
void stats_design_free(stats_design_prep *dp);   /* NULL is accepted */
size_t stats_design_npsu(const stats_design_prep *dp);
size_t stats_design_nstrata(const stats_design_prep *dp);

/* Rao-Scott tests of independence of two coded variables, as svychisq(~row + col, design).
 * Categories without (weighted) cases are left out. */
typedef struct stats_rao_scott {
	stats_value f;         /* statistic = "F": X2 / tr(Delta); df = d0 = tr(D)^2 / tr(D^2),
	                        * df2 = d0 nu; p from F(d0, d0 nu) */
	stats_value chisq;     /* statistic = "Chisq": X2 / mean(eigenvalues of Delta), df
	                        * (r-1)(c-1), p. (R prints the unadjusted X2 as the statistic; its
	                        * p-value is this one's.) */
	double pearson;        /* X2 of the weighted table rescaled to N cases (R's statistic) */
	double n;              /* N: cases not outside the subpopulation (with NA codes too) */
	double nu;             /* design df: PSUs - strata, over those cases */
	double trace;          /* tr(Delta), the sum of the generalised design effects */
	double trace2;         /* tr(Delta^2) */
	int nrow, ncol;        /* categories used */
} stats_rao_scott;

/* row[i], col[i]: codes 0..nrow-1 / 0..ncol-1, or -1 / -2 as above. Returns 0 (tests that
 * cannot be computed have ok 0 and a reason), or -1 with err on bad input.
 * No statistic (ok 0, "computationally singular") where svychisq stops with "system is
 * computationally singular": the matrix C' D^-1 C of the interaction contrasts has a
 * reciprocal condition number (1-norm) below DBL_EPSILON, as R's solve() checks — empty cells
 * forming a whole interaction, e.g. a 2x2 block of them. Scale-free: weights times any c > 0
 * give the same answer. */
int stats_rao_scott_test(const stats_design_prep *dp, const int *row, const int *col, int nrow,
                         int ncol, stats_rao_scott *out, char *err);

/* Confidence interval methods of survey::svyciprop. LOGIT (the default there) and XLOGIT give
 * the same interval: expit(logit(p) +- t se / (p (1 - p))), t with the design's df. */
typedef enum stats_svyci_method {
	STATS_SVYCI_LOGIT = 0,
	STATS_SVYCI_XLOGIT,
	STATS_SVYCI_MEAN,        /* p +- t se */
	STATS_SVYCI_BETA,        /* Korn and Graubard: beta quantiles with an effective n */
	STATS_SVYCI_ASIN,        /* sin^2(asin(sqrt p) +- t se / (2 sqrt(p (1 - p)))) */
	STATS_SVYCI_NMETHODS
} stats_svyci_method;
const char *stats_svyci_method_name(stats_svyci_method m);   /* "logit", "xlogit", ... */
int stats_svyci_method_parse(const char *name);

/* One category of a one-way design-based frequency table. */
typedef struct stats_design_prop {
	double p;              /* weighted proportion among the cases with a category (svymean) */
	double se;             /* its linearization standard error */
	double ci_low;         /* svyciprop interval, NAN when p is 0 or 1 (logit, asin, beta at
	                        * the bounds give no interval there in R either) */
	double ci_high;
	double total;          /* weighted count (svytotal) */
	double total_se;       /* its standard error */
	double deff;           /* design effect: se^2 over p (1 - p) / (n - 1) of a simple random
	                        * sample of the same n (n - 1: as survey's deff = "replace") */
} stats_design_prop;

/* Proportions of k categories: code[i] in 0..k-1, or -1 / -2 (not in the denominator).
 * *df receives the degrees of freedom used (PSUs - strata over cases with a category, R's
 * degf of the subset). Returns 0, or -1 with err (bad code, no case with a category). */
int stats_design_props(const stats_design_prep *dp, const int *code, int k, double conf_level,
                       stats_svyci_method m, stats_design_prop *out, double *df, char *err);

/* Weighted mean of x (NaN: missing, left out as R's na.rm = TRUE) and its standard error. */
int stats_design_mean(const stats_design_prep *dp, const double *x, double *mean, double *se,
                      char *err);

#endif

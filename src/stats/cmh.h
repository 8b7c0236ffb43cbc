/* cmh.h: 2x2xK tables (a 2x2 table per layer): the Cochran-Mantel-Haenszel test of conditional
 * independence and the Mantel-Haenszel common odds ratio, as R's mantelhaen.test computes them. */
#ifndef SURVEY_STATS_CMH_H
#define SURVEY_STATS_CMH_H

#include "stats/stats.h"
#include "stats/table.h"

typedef struct stats_cmh {
	stats_value cmh;             /* with continuity correction (R's default): value, df 1, p */
	stats_value cmh_uncorrected; /* mantelhaen.test(correct = FALSE) */
	stats_value odds_ratio;      /* Mantel-Haenszel estimate; ci by Robins-Breslow-Greenland,
	                              * whose standard error of log(odds ratio) is in .ase */
	int layers_used;             /* layers with at least 2 cases */
	int layers_skipped;          /* layers with fewer than 2 cases (R refuses such data) */
} stats_cmh;

/* layers[k] is layer k's table, coded alike in every layer: row 0/1, column 0/1 (empty rows
 * or columns are fine). Every layer must be 2x2 as coded; otherwise all values are not
 * computed with a reason. */
void stats_cmh_test(const stats_table *layers, int nlayers, double conf_level, stats_cmh *out);

/* cmh_rxc.c: the generalized Cochran-Mantel-Haenszel test of layers[0..nlayers-1], all coded
 * alike (r x c): value, df (r-1)(c-1), p, as R's mantelhaen.test for tables above 2x2x K. */
void stats_cmh_rxc(const stats_table *layers, int nlayers, stats_value *out);

#endif

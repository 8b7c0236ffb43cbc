/* padjust.h: p-values adjusted for multiple comparisons, as R's p.adjust: Bonferroni and
 * Holm's step-down method (which rejects whatever Bonferroni rejects, and maybe more, with
 * the same family-wise error rate). */
#ifndef SURVEY_STATS_PADJUST_H
#define SURVEY_STATS_PADJUST_H

#include <stddef.h>

typedef enum stats_p_adjust_method {
	STATS_ADJUST_BONFERRONI,   /* min(1, m p) */
	STATS_ADJUST_HOLM,         /* the i-th smallest: max over j <= i of min(1, (m - j + 1) p_(j)) */
} stats_p_adjust_method;

/* "bonferroni", "holm". */
const char *stats_p_adjust_name(stats_p_adjust_method m);

/* out[k]: p[k] adjusted over the m finite p-values of p[0..n-1] (NaN entries are not counted
 * and stay NaN, as R's p.adjust with NA). out may be p. */
void stats_p_adjust(const double *p, size_t n, stats_p_adjust_method m, double *out);

#endif

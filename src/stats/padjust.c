/* padjust.c: Bonferroni and Holm adjustments of p-values (R's p.adjust). */
#include "stats/padjust.h"

#include <math.h>
#include <stdlib.h>

#include "util/util.h"

const char *stats_p_adjust_name(stats_p_adjust_method m)
{
	return m == STATS_ADJUST_HOLM ? "holm" : "bonferroni";
}

typedef struct pk {
	double p;
	size_t k;
} pk;

static int cmp_pk(const void *a, const void *b)
{
	const pk *u = a, *v = b;
	if (u->p != v->p)
		return (u->p > v->p) - (u->p < v->p);
	return (u->k > v->k) - (u->k < v->k);
}

void stats_p_adjust(const double *p, size_t n, stats_p_adjust_method m, double *out)
{
	pk *v = xmalloc(sizeof(pk) * (n ? n : 1));
	size_t cnt = 0;
	for (size_t k = 0; k < n; k++) {
		if (isnan(p[k]))
			continue;
		v[cnt].p = p[k];
		v[cnt++].k = k;
	}
	for (size_t k = 0; k < n; k++)
		if (isnan(p[k]))
			out[k] = NAN;
	if (m == STATS_ADJUST_BONFERRONI) {
		for (size_t q = 0; q < cnt; q++)
			out[v[q].k] = fmin(1, (double)cnt * v[q].p);
	} else {
		qsort(v, cnt, sizeof *v, cmp_pk);
		double run = 0;
		for (size_t q = 0; q < cnt; q++) {
			run = fmax(run, fmin(1, (double)(cnt - q) * v[q].p));
			out[v[q].k] = run;
		}
	}
	free(v);
}

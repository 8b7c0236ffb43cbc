/* design.c: the survey design of a data set's cases (weights, strata, PSUs) for the
 * design-based statistics, with a message naming the stratum that has a single PSU. */
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "util/util.h"

/* The first stratum (by id) with one PSU, or -1. */
static int lonely_stratum(const an_data *d, int nstrata)
{
	int *first = xmalloc(sizeof(int) * (size_t)nstrata);
	unsigned char *many = xcalloc((size_t)nstrata, 1);
	for (int s = 0; s < nstrata; s++)
		first[s] = -1;
	for (size_t i = 0; i < d->n; i++) {
		int s = d->stratum[i];
		int psu = d->cluster ? d->cluster[i] : (int)i;
		if (first[s] < 0)
			first[s] = psu;
		else if (first[s] != psu)
			many[s] = 1;
	}
	int found = -1;
	for (int s = 0; s < nstrata && found < 0; s++)
		if (first[s] >= 0 && !many[s])
			found = s;
	free(first);
	free(many);
	return found;
}

int an_data_design(const an_data *d, const analysis_opts *o, stats_design_prep **out,
		   char *err)
{
	*out = NULL;
	if (!d->design)
		return 0;
	if (d->stratum && o->lonely == STATS_LONELY_FAIL) {
		int s = lonely_stratum(d, d->cols[d->scol].values.ix.n);
		if (s >= 0)
			return errf(err, "stratum '%s' of '%s' has only one PSU; choose how to treat "
				    "it with --lonely-psu remove, certainty, adjust or average",
				    d->cols[d->scol].values.keys[s], d->cols[d->scol].name);
	}
	stats_design des = {
		.n = d->n, .weight = d->w, .stratum = d->stratum, .cluster = d->cluster,
		.lonely = o->lonely,
	};
	if (d->n == 0)
		return 0;
	return stats_design_prepare(&des, out, err);
}

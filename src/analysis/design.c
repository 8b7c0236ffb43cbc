/* design.c: the survey design of a data set's cases (weights, strata, PSUs) for the
 * design-based statistics, with a message naming the stratum that has a single PSU; a data set
 * read with its design (an_data_open). */
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

int an_data_open(analysis_db *db, const char *const *vars, int nvars, const analysis_opts *o,
		 int max_cats, an_data *d, stats_design_prep **dp, char *err)
{
	*dp = NULL;
	if (an_data_read(db, vars, nvars, o, d, err)) {
		an_data_release(d);
		return -1;
	}
	for (int k = 0; k < nvars && max_cats > 0; k++) {
		const analysis_var *v = &d->cols[k].var;
		if (v->ncat > max_cats) {
			errf(err, "'%s' has %d different values; a cross-table takes at most %d "
			     "(see 'survey freq %s')", v->name, v->ncat, max_cats, v->name);
			an_data_release(d);
			return -1;
		}
	}
	if (an_data_design(d, o, dp, err)) {
		an_data_release(d);
		return -1;
	}
	return 0;
}

/* crosstab.c: all statistics of a two-way table, and the names of its members. */
#include "stats/crosstab.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "stats/chisq.h"
#include "stats/measures.h"
#include "util/util.h"

#define FIELD(m) { #m, offsetof(stats_crosstab, m) }

/* every stats_value of stats_crosstab, by name (analysis/statistics.c: what each one is) */
const stats_crosstab_field stats_crosstab_fields[] = {
	FIELD(pearson_chi2), FIELD(likelihood_ratio), FIELD(continuity_corrected_chi2),
	FIELD(linear_by_linear), FIELD(fisher_exact), FIELD(phi), FIELD(cramers_v),
	FIELD(contingency_coefficient), FIELD(lambda_symmetric), FIELD(lambda_row_dependent),
	FIELD(lambda_col_dependent), FIELD(goodman_kruskal_tau_row_dependent),
	FIELD(goodman_kruskal_tau_col_dependent), FIELD(uncertainty_symmetric),
	FIELD(uncertainty_row_dependent), FIELD(uncertainty_col_dependent), FIELD(gamma),
	FIELD(somers_d_symmetric), FIELD(somers_d_row_dependent), FIELD(somers_d_col_dependent),
	FIELD(kendall_tau_b), FIELD(kendall_tau_c), FIELD(pearson_r), FIELD(spearman),
	FIELD(kappa), FIELD(symmetry_bowker), FIELD(mcnemar), FIELD(mcnemar_exact),
	FIELD(odds_ratio), FIELD(relative_risk_col1), FIELD(relative_risk_col2),
};
const int stats_crosstab_nfields = (int)(sizeof stats_crosstab_fields / sizeof *stats_crosstab_fields);

void stats_crosstab_tests(const stats_table *t, const stats_crosstab_opts *opts,
                          stats_crosstab *out)
{
	static const stats_crosstab_opts defaults;
	if (!opts)
		opts = &defaults;
	stats_init();
	memset(out, 0, sizeof *out);
	for (int k = 0; k < stats_crosstab_nfields; k++)
		stats_value_clear((stats_value *)((char *)out + stats_crosstab_fields[k].offset));
	double conf = opts->conf_level > 0 ? opts->conf_level : 0.95;

	stats_table c;
	int *rmap = xmalloc(sizeof(int) * (t->nrow ? t->nrow : 1));
	int *cmap = xmalloc(sizeof(int) * (t->ncol ? t->ncol : 1));
	stats_table_compact(t, &c, rmap, cmap);
	out->nrow = c.nrow;
	out->ncol = c.ncol;
	out->dropped_rows = t->nrow - c.nrow;
	out->dropped_cols = t->ncol - c.ncol;
	out->n = t->total;
	out->small_expected = stats_table_small_expected(&c, 5, &out->cells, &out->min_expected);
	double *rs = xmalloc(sizeof(double) * (c.nrow ? c.nrow : 1));
	double *cs = xmalloc(sizeof(double) * (c.ncol ? c.ncol : 1));
	for (int i = 0; i < c.nrow; i++)
		rs[i] = opts->row_scores ? opts->row_scores[rmap[i]] : rmap[i] + 1;
	for (int j = 0; j < c.ncol; j++)
		cs[j] = opts->col_scores ? opts->col_scores[cmap[j]] : cmap[j] + 1;

	stats_pearson_chi2(&c, &out->pearson_chi2);
	stats_likelihood_ratio(&c, &out->likelihood_ratio);
	stats_continuity_chi2(&c, &out->continuity_corrected_chi2);
	stats_linear_by_linear(&c, rs, cs, &out->linear_by_linear);
	if (c.nrow == 2 && c.ncol == 2) {
		stats_fisher_test(&c, &opts->fisher, &out->fisher);
	} else if (opts->fisher_rxc) {
		stats_fisher_test(&c, &opts->fisher, &out->fisher);
	} else {
		stats_value_na(&out->fisher.two_sided, c.nrow < 2 || c.ncol < 2
		               ? "table has fewer than two non-empty rows or columns"
		               : "not asked for tables larger than 2x2");
		stats_value_na(&out->fisher.less, "table is not 2x2");
		stats_value_na(&out->fisher.greater, "table is not 2x2");
	}
	out->fisher_exact = out->fisher.two_sided;
	stats_phi(&c, &out->phi, &out->cramers_v, &out->contingency_coefficient);
	stats_lambda(&c, &out->lambda_symmetric, &out->lambda_row_dependent,
	             &out->lambda_col_dependent);
	stats_gk_tau(&c, &out->goodman_kruskal_tau_row_dependent,
	             &out->goodman_kruskal_tau_col_dependent);
	stats_uncertainty(&c, &out->uncertainty_symmetric, &out->uncertainty_row_dependent,
	                  &out->uncertainty_col_dependent);
	stats_ordinal o;
	stats_ordinal_measures(&c, &o);
	out->gamma = o.gamma;
	out->somers_d_symmetric = o.somers_d_symmetric;
	out->somers_d_row_dependent = o.somers_d_row_dependent;
	out->somers_d_col_dependent = o.somers_d_col_dependent;
	out->kendall_tau_b = o.kendall_tau_b;
	out->kendall_tau_c = o.kendall_tau_c;
	stats_pearson_r(&c, rs, cs, &out->pearson_r);
	stats_spearman(&c, &out->spearman);
	stats_risk(&c, conf, &out->odds_ratio, &out->relative_risk_col1, &out->relative_risk_col2);
	if (opts->same_categories && t->nrow == t->ncol) {
		stats_kappa(t, &out->kappa);
		stats_bowker(t, &out->symmetry_bowker);
		stats_mcnemar(t, &out->mcnemar, &out->mcnemar_exact);
	} else {
		const char *why = opts->same_categories ? "table is not square"
		                  : "row and column categories differ";
		stats_value_na(&out->kappa, why);
		stats_value_na(&out->symmetry_bowker, why);
		stats_value_na(&out->mcnemar, why);
		stats_value_na(&out->mcnemar_exact, why);
	}
	free(rs);
	free(cs);
	free(rmap);
	free(cmap);
	stats_table_release(&c);
}

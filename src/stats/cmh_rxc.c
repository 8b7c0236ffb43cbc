/* cmh_rxc.c: the generalized Cochran-Mantel-Haenszel test of conditional independence for
 * r x c x K tables (layers larger than 2x2), as R's mantelhaen.test computes it: the observed
 * minus expected counts of the first (r-1) x (c-1) cells summed over layers, against their
 * summed hypergeometric covariance; df (r-1)(c-1). */
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/cmh.h"
#include "util/util.h"

void stats_cmh_rxc(const stats_table *layers, int nlayers, stats_value *out)
{
	stats_value_clear(out);
	int I = layers[0].nrow, J = layers[0].ncol, d = (I - 1) * (J - 1);
	if (I < 2 || J < 2) {
		stats_value_na(out, "layers have fewer than two rows or columns");
		return;
	}
	double *diff = xcalloc((size_t)d, sizeof *diff);
	double *V = xcalloc((size_t)d * d, sizeof *V);
	double *r = xmalloc(sizeof(double) * (size_t)I), *c = xmalloc(sizeof(double) * (size_t)J);
	int used = 0;
	for (int k = 0; k < nlayers; k++) {
		const stats_table *t = &layers[k];
		double n = t->total;
		if (n < 2)
			continue;   /* R leaves such layers out */
		used++;
		for (int i = 0; i < I; i++)
			r[i] = t->row_tot[i];
		for (int j = 0; j < J; j++)
			c[j] = t->col_tot[j];
		/* cell (i, j) of the first (I-1) x (J-1), column-major as R's c(f[-I, -J]) */
		for (int j = 0; j < J - 1; j++)
			for (int i = 0; i < I - 1; i++)
				diff[j * (I - 1) + i] += stats_table_get(t, i, j) - r[i] * c[j] / n;
		double s = n * n * (n - 1);
		for (int j = 0; j < J - 1; j++)
			for (int i = 0; i < I - 1; i++)
				for (int jj = 0; jj < J - 1; jj++)
					for (int ii = 0; ii < I - 1; ii++) {
						double cj = (j == jj ? n * c[j] : 0) - c[j] * c[jj];
						double ri = (i == ii ? n * r[i] : 0) - r[i] * r[ii];
						V[(size_t)(j * (I - 1) + i) * d + jj * (I - 1) + ii] += cj * ri / s;
					}
	}
	if (!used) {
		stats_value_na(out, "no layer has two cases");
	} else {
		gsl_matrix_view m = gsl_matrix_view_array(V, (size_t)d, (size_t)d);
		gsl_vector_view b = gsl_vector_view_array(diff, (size_t)d);
		gsl_vector *x = gsl_vector_alloc((size_t)d);
		gsl_permutation *p = gsl_permutation_alloc((size_t)d);
		int sign;
		stats_init();
		int rc = gsl_linalg_LU_decomp(&m.matrix, p, &sign);
		double det = rc ? 0 : gsl_linalg_LU_det(&m.matrix, sign);
		if (rc || !(fabs(det) > 0) || gsl_linalg_LU_solve(&m.matrix, p, &b.vector, x)) {
			stats_value_na(out, "the covariance of the counts is singular");
		} else {
			double q = 0;
			for (int k = 0; k < d; k++)
				q += diff[k] * gsl_vector_get(x, (size_t)k);
			stats_value_set(out, q);
			out->df = d;
			out->p = stats_p_chisq(q, d);
		}
		gsl_vector_free(x);
		gsl_permutation_free(p);
	}
	free(diff);
	free(V);
	free(r);
	free(c);
}

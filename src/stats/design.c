/* design.c: Taylor-linearization variances for stratified cluster samples (survey's one-stage
 * svyrecvar), survey::svychisq's Rao-Scott tests and survey::svyciprop's intervals. */
#include "stats/design.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>

#include "stats/stats_impl.h"
#include "util/util.h"

struct stats_design_prep {
	size_t n;
	const double *w;        /* borrowed; NULL: all 1 */
	int *stratum;           /* dense stratum of each case */
	int nstrata;
	const int *cluster;     /* borrowed; NULL: each case is its own PSU */
	int *psu;               /* dense PSU of each case (clusters only) */
	size_t npsu;
	int *psu_stratum;       /* stratum of each PSU (clusters only) */
	size_t *order;          /* cases grouped by PSU (clusters only) */
	size_t *psu_start;      /* npsu + 1 offsets into order (clusters only) */
	double *nh;             /* PSUs sampled in each stratum */
	double *scale;          /* f n / (n - 1) per stratum (f alone for n = 1) */
	stats_lonely_psu lonely;
};

static const char *const lonely_names[] = { "fail", "remove", "certainty", "adjust", "average" };

const char *stats_lonely_psu_name(stats_lonely_psu m)
{
	return stats_enum_name(lonely_names, STATS_LONELY_AVERAGE + 1, m);
}

int stats_lonely_psu_parse(const char *name)
{
	return stats_enum_parse(lonely_names, STATS_LONELY_AVERAGE + 1, name);
}

static const char *const svyci_names[STATS_SVYCI_NMETHODS] = {
	"logit", "xlogit", "mean", "beta", "asin",
};

const char *stats_svyci_method_name(stats_svyci_method m)
{
	return stats_enum_name(svyci_names, STATS_SVYCI_NMETHODS, m);
}

int stats_svyci_method_parse(const char *name)
{
	return stats_enum_parse(svyci_names, STATS_SVYCI_NMETHODS, name);
}

void stats_design_free(stats_design_prep *dp)
{
	if (!dp)
		return;
	free(dp->stratum);
	free(dp->psu);
	free(dp->psu_stratum);
	free(dp->order);
	free(dp->psu_start);
	free(dp->nh);
	free(dp->scale);
	free(dp);
}

size_t stats_design_npsu(const stats_design_prep *dp)
{
	return dp->npsu;
}

size_t stats_design_nstrata(const stats_design_prep *dp)
{
	return (size_t)dp->nstrata;
}

static inline double wt(const stats_design_prep *dp, size_t i)
{
	return dp->w ? dp->w[i] : 1.0;
}

static inline int psu_of(const stats_design_prep *dp, size_t i)
{
	return dp->cluster ? dp->psu[i] : (int)i;
}

static inline int stratum_of_psu(const stats_design_prep *dp, size_t k)
{
	return dp->cluster ? dp->psu_stratum[k] : dp->stratum[k];
}

/* The strata as dense ids 0..nstrata-1 in dp->stratum; returns the caller's id of each (NULL
 * without strata: one stratum, id 1). */
static int *dense_strata(const stats_design *d, stats_design_prep *dp)
{
	dp->stratum = xcalloc(d->n ? d->n : 1, sizeof(int));
	if (!d->stratum) {
		dp->nstrata = d->n ? 1 : 0;
		return NULL;
	}
	khash h;
	stats_kh_init(&h, 1);
	for (size_t i = 0; i < d->n; i++) {
		int64_t key = d->stratum[i];
		int added;
		dp->stratum[i] = stats_kh_put(&h, &key, &added);
	}
	dp->nstrata = (int)h.n;
	int *orig = xmalloc(sizeof(int) * (h.n ? h.n : 1));
	for (size_t s = 0; s < h.n; s++)
		orig[s] = (int)h.keys[s];
	stats_kh_free(&h);
	return orig;
}

/* The PSUs (a cluster within its stratum) as dense ids, the cases sorted by PSU, and the PSUs
 * of each stratum in dp->nh; without clusters every case is its own PSU. */
static void dense_psus(const stats_design *d, stats_design_prep *dp)
{
	if (!d->cluster) {
		dp->npsu = d->n;
		for (size_t i = 0; i < d->n; i++)
			dp->nh[dp->stratum[i]]++;
		return;
	}
	khash h;
	stats_kh_init(&h, 2);
	dp->psu = xmalloc(sizeof(int) * (d->n ? d->n : 1));
	for (size_t i = 0; i < d->n; i++) {
		int64_t key[2] = { dp->stratum[i], d->cluster[i] };
		int added;
		dp->psu[i] = stats_kh_put(&h, key, &added);
	}
	dp->npsu = h.n;
	dp->psu_stratum = xmalloc(sizeof(int) * (h.n ? h.n : 1));
	for (size_t k = 0; k < h.n; k++)
		dp->psu_stratum[k] = (int)h.keys[2 * k];
	stats_kh_free(&h);
	/* counting sort of the cases by PSU */
	dp->psu_start = xcalloc(dp->npsu + 1, sizeof(size_t));
	for (size_t i = 0; i < d->n; i++)
		dp->psu_start[dp->psu[i] + 1]++;
	for (size_t k = 0; k < dp->npsu; k++)
		dp->psu_start[k + 1] += dp->psu_start[k];
	size_t *fill = xmalloc(sizeof(size_t) * (dp->npsu ? dp->npsu : 1));
	memcpy(fill, dp->psu_start, sizeof(size_t) * dp->npsu);
	dp->order = xmalloc(sizeof(size_t) * (d->n ? d->n : 1));
	for (size_t i = 0; i < d->n; i++)
		dp->order[fill[dp->psu[i]]++] = i;
	free(fill);
	for (size_t k = 0; k < dp->npsu; k++)
		dp->nh[dp->psu_stratum[k]]++;
}

/* The finite population correction of each stratum into fpc[] (all fractions, or all
 * population sizes: *fractions); -1 with err when one is not positive or differs within a
 * stratum. */
static int stratum_fpc(const stats_design *d, const stats_design_prep *dp, const int *orig,
		       double *fpc, int *fractions, char *err)
{
	*fractions = 1;
	for (int s = 0; s < dp->nstrata; s++)
		fpc[s] = NAN;
	for (size_t i = 0; i < d->n; i++) {
		int s = dp->stratum[i];
		if (!(d->fpc[i] > 0))
			return errf(err, "case %zu: fpc %g is not positive", i + 1, d->fpc[i]);
		if (d->fpc[i] > 1)
			*fractions = 0;
		if (isnan(fpc[s]))
			fpc[s] = d->fpc[i];
		else if (fpc[s] != d->fpc[i])
			return errf(err, "fpc differs within stratum %d", orig ? orig[s] : 1);
	}
	return 0;
}

/* Each stratum's variance factor in dp->scale: (1 - f) n / (n - 1); -1 with err when an fpc
 * is below the PSUs sampled or a stratum has one PSU and lonely PSUs fail. */
static int stratum_scales(const stats_design *d, stats_design_prep *dp, const int *orig,
			  const double *fpc, int fractions, char *err)
{
	for (int s = 0; s < dp->nstrata; s++) {
		double n = dp->nh[s], f = 1;
		int id = orig ? orig[s] : 1;
		if (fpc) {
			double pop = fractions ? n / fpc[s] : fpc[s];
			if (pop < n * (1 - 1e-12))
				return errf(err, "fpc %g of stratum %d is below its %g sampled PSUs",
					    fpc[s], id, n);
			f = isinf(pop) ? 1 : (pop - n) / pop;
		}
		if (n < 2 && d->lonely == STATS_LONELY_FAIL) {
			if (d->stratum)
				return errf(err, "stratum %d has only one PSU (choose how to treat it: "
					    "remove, certainty, adjust or average)", id);
			return errf(err, "the sample has only one PSU");
		}
		dp->scale[s] = n > 1 ? f * n / (n - 1) : f;
	}
	return 0;
}

int stats_design_prepare(const stats_design *d, stats_design_prep **out, char *err)
{
	stats_init();
	*out = NULL;
	if (d->n > INT32_MAX)
		return errf(err, "too many cases (%zu)", d->n);
	for (size_t i = 0; d->weight && i < d->n; i++)
		if (!(d->weight[i] >= 0) || isinf(d->weight[i]))
			return errf(err, "case %zu: weight %g is not a non-negative number", i + 1,
			            d->weight[i]);
	stats_design_prep *dp = xcalloc(1, sizeof *dp);
	dp->n = d->n;
	dp->w = d->weight;
	dp->cluster = d->cluster;
	dp->lonely = d->lonely;
	int *orig_stratum = dense_strata(d, dp);   /* the caller's id of each dense stratum */
	int ns = dp->nstrata, fractions = 1;
	dp->nh = xcalloc(ns ? ns : 1, sizeof(double));
	dp->scale = xcalloc(ns ? ns : 1, sizeof(double));
	dense_psus(d, dp);
	double *fpc = d->fpc ? xmalloc(sizeof(double) * (ns ? ns : 1)) : NULL;
	int rc = (fpc && stratum_fpc(d, dp, orig_stratum, fpc, &fractions, err)) ||
		 stratum_scales(d, dp, orig_stratum, fpc, fractions, err) ? -1 : 0;
	free(fpc);
	free(orig_stratum);
	if (rc)
		stats_design_free(dp);
	else
		*out = dp;
	return rc;
}

/* Influence values: add case i's p-vector into acc. */
typedef void (*infl_fn)(const void *ctx, size_t i, double *acc);

/* V (p x p) = sum over strata h of scale_h sum over its PSUs k of (T_k - mean_h)(T_k - mean_h)',
 * T_k the PSU total of the influence values, mean_h their mean over the stratum's n_h PSUs. */
static void design_vcov(const stats_design_prep *dp, int p, infl_fn f, const void *ctx,
                        double *v)
{
	int ns = dp->nstrata;
	double *mean = xcalloc((size_t)(ns ? ns : 1) * p, sizeof(double));
	double *tot = xmalloc(sizeof(double) * p);
	memset(v, 0, sizeof(double) * p * p);
	for (size_t i = 0; i < dp->n; i++)
		f(ctx, i, mean + (size_t)dp->stratum[i] * p);
	for (int s = 0; s < ns; s++)
		for (int a = 0; a < p; a++)
			mean[(size_t)s * p + a] /= dp->nh[s];
	for (size_t k = 0; k < dp->npsu; k++) {
		int s = stratum_of_psu(dp, k);
		int lone = dp->nh[s] < 2;
		if (lone && dp->lonely != STATS_LONELY_ADJUST)
			continue;   /* remove, certainty: centred on itself, adds 0; average: see below */
		memset(tot, 0, sizeof(double) * p);
		if (dp->cluster)
			for (size_t q = dp->psu_start[k]; q < dp->psu_start[k + 1]; q++)
				f(ctx, dp->order[q], tot);
		else
			f(ctx, k, tot);
		if (!lone)
			for (int a = 0; a < p; a++)
				tot[a] -= mean[(size_t)s * p + a];
		double sc = dp->scale[s];
		for (int a = 0; a < p; a++) {
			double ta = sc * tot[a];
			if (ta == 0)
				continue;
			for (int b = a; b < p; b++)
				v[(size_t)a * p + b] += ta * tot[b];
		}
	}
	for (int a = 0; a < p; a++)
		for (int b = 0; b < a; b++)
			v[(size_t)a * p + b] = v[(size_t)b * p + a];
	if (dp->lonely == STATS_LONELY_AVERAGE) {
		int ok = 0;
		for (int s = 0; s < ns; s++)
			ok += dp->nh[s] >= 2;
		double k = ok ? (double)ns / ok : NAN;
		for (size_t a = 0; a < (size_t)p * p; a++)
			v[a] *= k;
	}
	free(mean);
	free(tot);
}

/* Design degrees of freedom over the cases for which in(i) is true: PSUs - strata. */
static double design_df(const stats_design_prep *dp, const unsigned char *in)
{
	unsigned char *psu = xcalloc(dp->npsu ? dp->npsu : 1, 1);
	unsigned char *str = xcalloc(dp->nstrata ? dp->nstrata : 1, 1);
	double npsu = 0, nstr = 0;
	for (size_t i = 0; i < dp->n; i++) {
		if (!in[i])
			continue;
		int k = psu_of(dp, i), s = dp->stratum[i];
		if (!psu[k]) {
			psu[k] = 1;
			npsu++;
		}
		if (!str[s]) {
			str[s] = 1;
			nstr++;
		}
	}
	free(psu);
	free(str);
	return npsu - nstr;
}

/* --- proportions of cells (one-way or two-way) --------------------------------------------- */

typedef struct cell_ctx {
	const stats_design_prep *dp;
	const int *cell;        /* per case: cell index, or -1 for no influence */
	const double *phat;     /* NULL: totals (no centring) */
	double wsum;            /* denominator of the proportions */
	int p;
} cell_ctx;

static void cell_infl(const void *vctx, size_t i, double *acc)
{
	const cell_ctx *c = vctx;
	int k = c->cell[i];
	if (k < 0)
		return;
	double w = wt(c->dp, i);
	if (w == 0)
		return;
	if (!c->phat) {
		acc[k] += w;
		return;
	}
	double a = w / c->wsum;
	acc[k] += a;
	for (int q = 0; q < c->p; q++)
		acc[q] -= a * c->phat[q];
}

/* --- Rao-Scott ----------------------------------------------------------------------------- */

/* Phase 1 of delta_traces: den = C' D^-1 C / n and num = C' D^-1 V D^-1 C (k x k). */
static void delta_system(int nr, int nc, const double *phat, const double *v, double n,
			 gsl_matrix *den, gsl_matrix *num)
{
	int pc = nr * nc, k = (nr - 1) * (nc - 1);
	double *b = xcalloc((size_t)pc * k, sizeof(double));   /* D^-1 C, pc x k */
	double *c = xcalloc((size_t)pc * k, sizeof(double));   /* C */
	/* cell (i, j) has index i + nr j, rows fastest, as R's interaction() */
	for (int i = 1; i < nr; i++)
		for (int j = 1; j < nc; j++) {
			int col = (i - 1) + (nr - 1) * (j - 1);
			for (int a = 0; a < nr; a++)
				for (int bb = 0; bb < nc; bb++) {
					double u = (a == i) - 1.0 / nr, w = (bb == j) - 1.0 / nc;
					int cell = a + nr * bb;
					c[(size_t)cell * k + col] = u * w;
					b[(size_t)cell * k + col] = phat[cell] > 0 ? u * w / phat[cell] : 0;
				}
		}
	double *vb = xmalloc(sizeof(double) * pc * k);   /* V B */
	for (int x = 0; x < pc; x++)
		for (int col = 0; col < k; col++) {
			double s = 0;
			for (int y = 0; y < pc; y++)
				s += v[(size_t)x * pc + y] * b[(size_t)y * k + col];
			vb[(size_t)x * k + col] = s;
		}
	for (int r = 0; r < k; r++)
		for (int col = 0; col < k; col++) {
			double sd = 0, sn = 0;
			for (int x = 0; x < pc; x++) {
				sd += c[(size_t)x * k + r] * b[(size_t)x * k + col];
				sn += b[(size_t)x * k + r] * vb[(size_t)x * k + col];
			}
			gsl_matrix_set(den, r, col, sd / n);
			gsl_matrix_set(num, r, col, sn);
		}
	free(b);
	free(c);
	free(vb);
}

/* The largest column sum of |m| (the 1-norm). */
static double norm1(const gsl_matrix *m)
{
	double norm = 0;
	for (size_t col = 0; col < m->size2; col++) {
		double sum = 0;
		for (size_t r = 0; r < m->size1; r++)
			sum += fabs(gsl_matrix_get(m, r, col));
		norm = fmax(norm, sum);
	}
	return norm;
}

/* Phase 2: den LU-decomposed in place (perm); 0, -2 when it is computationally singular, other
 * values for GSL's errors. R's solve() refuses a system whose reciprocal condition number
 * (1-norm) is below the machine epsilon ("computationally singular"): empty cells that hold a
 * whole interaction (a 2x2 block of them) leave no information on it. Decided here, not by a
 * pivot that rounding may or may not make exactly 0 (which changed with the scale of the
 * weights). */
static int lu_not_singular(gsl_matrix *den, gsl_permutation *perm)
{
	double anorm = norm1(den);
	int sign, rc = gsl_linalg_LU_decomp(den, perm, &sign);
	if (rc)
		return rc;
	gsl_matrix *inv = gsl_matrix_alloc(den->size1, den->size2);
	rc = gsl_linalg_LU_invert(den, perm, inv);
	if (!rc && !(1 / (anorm * norm1(inv)) >= DBL_EPSILON))
		rc = -2;
	gsl_matrix_free(inv);
	return rc;
}

/* tr(Delta) and tr(Delta^2), Delta = (C' D^-1 C / N)^-1 (C' D^-1 V D^-1 C), C a basis of the
 * interactions (cell vectors with zero row and column sums), D = diag(phat). Any basis gives
 * the same traces; svychisq's qr.resid of treatment-coded interactions spans this space.
 * Phase 1 (delta_system) builds both products, phase 2 checks the first is invertible, phase
 * 3 solves for Delta. 0, -2 (singular), or -1. */
static int delta_traces(int nr, int nc, const double *phat, const double *v, double n,
                        double *tr1, double *tr2)
{
	int k = (nr - 1) * (nc - 1);
	gsl_matrix *den = gsl_matrix_calloc(k, k), *num = gsl_matrix_calloc(k, k);
	delta_system(nr, nc, phat, v, n, den, num);
	gsl_permutation *perm = gsl_permutation_alloc(k);
	gsl_matrix *delta = gsl_matrix_alloc(k, k);
	gsl_vector *x = gsl_vector_alloc(k);
	int rc = lu_not_singular(den, perm);
	for (int col = 0; col < k && !rc; col++) {
		gsl_vector_view bcol = gsl_matrix_column(num, col);
		rc = gsl_linalg_LU_solve(den, perm, &bcol.vector, x);
		for (int r = 0; r < k && !rc; r++)
			gsl_matrix_set(delta, r, col, gsl_vector_get(x, r));
	}
	double t1 = 0, t2 = 0;
	for (int r = 0; r < k && !rc; r++) {
		t1 += gsl_matrix_get(delta, r, r);
		for (int col = 0; col < k; col++)
			t2 += gsl_matrix_get(delta, r, col) * gsl_matrix_get(delta, col, r);
	}
	gsl_vector_free(x);
	gsl_matrix_free(delta);
	gsl_permutation_free(perm);
	gsl_matrix_free(den);
	gsl_matrix_free(num);
	if (rc == -2)
		return -2;
	if (rc || !isfinite(t1) || !isfinite(t2))
		return -1;
	*tr1 = t1;
	*tr2 = t2;
	return 0;
}

/* Phase 1 of the Rao-Scott test: the codes checked, the cases counted (out->n) with the design
 * degrees of freedom over them (out->nu), and the categories with a positive weight numbered
 * densely into rmap and cmap (-1: left out; out->nrow, out->ncol). -1 with err on a code out of
 * range. */
static int rs_categories(const stats_design_prep *dp, const int *row, const int *col, int nrow,
			 int ncol, int *rmap, int *cmap, stats_rao_scott *out, char *err)
{
	double *rw = xcalloc(nrow > 0 ? nrow : 1, sizeof(double));
	double *cw = xcalloc(ncol > 0 ? ncol : 1, sizeof(double));
	unsigned char *in = xcalloc(dp->n ? dp->n : 1, 1);
	for (size_t i = 0; i < dp->n; i++) {
		if (row[i] >= nrow || col[i] >= ncol || row[i] < -2 || col[i] < -2) {
			free(rw);
			free(cw);
			free(in);
			return errf(err, "case %zu: code out of range", i + 1);
		}
		in[i] = row[i] != -2 && col[i] != -2;
		out->n += in[i];
		if (row[i] >= 0 && col[i] >= 0) {
			rw[row[i]] += wt(dp, i);
			cw[col[i]] += wt(dp, i);
		}
	}
	out->nu = design_df(dp, in);
	free(in);
	int nr = 0, nc = 0;
	for (int i = 0; i < nrow; i++)
		rmap[i] = rw[i] > 0 ? nr++ : -1;
	for (int j = 0; j < ncol; j++)
		cmap[j] = cw[j] > 0 ? nc++ : -1;
	free(rw);
	free(cw);
	out->nrow = nr;
	out->ncol = nc;
	return 0;
}

/* Phase 2: the weighted proportions of the nr x nc cells (phat, cell (i, j) at i + nr j) and
 * their design covariance (v, pc x pc). */
static void rs_cells(const stats_design_prep *dp, const int *row, const int *col,
		     const int *rmap, const int *cmap, int nr, int nc, double *phat, double *v)
{
	int pc = nr * nc;
	int *cell = xmalloc(sizeof(int) * (dp->n ? dp->n : 1));
	double wsum = 0;
	for (size_t i = 0; i < dp->n; i++) {
		cell[i] = -1;
		if (row[i] >= 0 && col[i] >= 0 && rmap[row[i]] >= 0 && cmap[col[i]] >= 0) {
			cell[i] = rmap[row[i]] + nr * cmap[col[i]];
			phat[cell[i]] += wt(dp, i);
			wsum += wt(dp, i);
		}
	}
	for (int q = 0; q < pc; q++)
		phat[q] /= wsum;
	cell_ctx ctx = { dp, cell, phat, wsum, pc };
	design_vcov(dp, pc, cell_infl, &ctx, v);
	free(cell);
}

/* Phase 3: Pearson's X2 of the proportions phat times n (the table rescaled to n cases). */
static double rs_pearson(const double *phat, int nr, int nc, double n)
{
	double x2 = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < nc; j++) {
			double pi = 0, pj = 0;
			for (int b = 0; b < nc; b++)
				pi += phat[i + nr * b];
			for (int a = 0; a < nr; a++)
				pj += phat[a + nr * j];
			double e = pi * pj, d = phat[i + nr * j] - e;
			x2 += d * d / e;
		}
	return x2 * n;
}

/* Phase 4: the F and chi-square statistics from X2 and the traces of delta_traces (rc its
 * result), or why there are none. */
static void rs_statistics(stats_rao_scott *out, double x2, int rc, double tr1, double tr2)
{
	if (rc == -2) {
		const char *why = "the design is computationally singular (empty cells leave an "
				  "interaction unestimable; R's svychisq stops here)";
		stats_value_na(&out->f, why);
		stats_value_na(&out->chisq, why);
		return;
	}
	if (rc || !(tr1 > 0) || !(tr2 > 0)) {
		stats_value_na(&out->f, "design effects cannot be estimated");
		stats_value_na(&out->chisq, "design effects cannot be estimated");
		return;
	}
	out->trace = tr1;
	out->trace2 = tr2;
	double k = (double)(out->nrow - 1) * (out->ncol - 1), d0 = tr1 * tr1 / tr2;
	stats_value_set(&out->f, x2 / tr1);
	out->f.df = d0;
	out->f.df2 = d0 * out->nu;
	if (out->nu > 0)
		out->f.p = stats_p_f(out->f.value, d0, d0 * out->nu);
	stats_value_set(&out->chisq, x2 / (tr1 / k));
	out->chisq.df = k;
	out->chisq.p = stats_p_chisq(out->chisq.value, k);
}

int stats_rao_scott_test(const stats_design_prep *dp, const int *row, const int *col, int nrow,
                         int ncol, stats_rao_scott *out, char *err)
{
	memset(out, 0, sizeof *out);
	stats_value_clear(&out->f);
	stats_value_clear(&out->chisq);
	out->pearson = out->trace = out->trace2 = NAN;
	int *rmap = xmalloc(sizeof(int) * (nrow > 0 ? nrow : 1));
	int *cmap = xmalloc(sizeof(int) * (ncol > 0 ? ncol : 1));
	if (rs_categories(dp, row, col, nrow, ncol, rmap, cmap, out, err)) {
		free(rmap);
		free(cmap);
		return -1;
	}
	int nr = out->nrow, nc = out->ncol;
	const char *why = nr < 2 ? "fewer than two row categories have cases" :
			  nc < 2 ? "fewer than two column categories have cases" : NULL;
	if (why) {
		free(rmap);
		free(cmap);
		stats_value_na(&out->f, why);
		stats_value_na(&out->chisq, why);
		return 0;
	}
	int pc = nr * nc;
	double *phat = xcalloc(pc, sizeof(double)), *v = xmalloc(sizeof(double) * pc * pc);
	rs_cells(dp, row, col, rmap, cmap, nr, nc, phat, v);
	free(rmap);
	free(cmap);
	out->pearson = rs_pearson(phat, nr, nc, out->n);
	double tr1 = NAN, tr2 = NAN;
	int rc = delta_traces(nr, nc, phat, v, out->n, &tr1, &tr2);
	free(phat);
	free(v);
	rs_statistics(out, out->pearson, rc, tr1, tr2);
	return 0;
}

/* --- one-way proportions, totals, means ---------------------------------------------------- */

static double expit(double x)
{
	return 1 / (1 + exp(-x));
}

static void svyci(double p, double se, double df, double ncases, double conf_level,
                  stats_svyci_method m, double *lo, double *hi)
{
	*lo = *hi = NAN;
	double t = stats_t(conf_level, df), alpha = 1 - conf_level;
	if (isnan(t) || isnan(se))
		return;
	if (m == STATS_SVYCI_MEAN) {
		*lo = p - t * se;
		*hi = p + t * se;
		return;
	}
	if (!(p > 0 && p < 1))
		return;
	switch (m) {
	case STATS_SVYCI_LOGIT:
	case STATS_SVYCI_XLOGIT: {
		double eta = log(p / (1 - p)), s = se / (p * (1 - p));
		*lo = expit(eta - t * s);
		*hi = expit(eta + t * s);
		return;
	}
	case STATS_SVYCI_ASIN: {
		double a = asin(sqrt(p)), s = se / (2 * sqrt(p * (1 - p)));
		*lo = sin(a - t * s) * sin(a - t * s);
		*hi = sin(a + t * s) * sin(a + t * s);
		return;
	}
	case STATS_SVYCI_BETA: {
		if (!(se > 0) || !(ncases > 1))
			return;
		double neff = p * (1 - p) / (se * se);
		double r = gsl_cdf_tdist_Pinv(alpha / 2, ncases - 1) / gsl_cdf_tdist_Pinv(alpha / 2, df);
		neff *= r * r;
		*lo = stats_beta_quantile(alpha / 2, neff * p, neff * (1 - p) + 1);
		*hi = stats_beta_quantile(1 - alpha / 2, neff * p + 1, neff * (1 - p));
		return;
	}
	default:
		return;
	}
}

int stats_design_props(const stats_design_prep *dp, const int *code, int k, double conf_level,
                       stats_svyci_method m, stats_design_prop *out, double *df, char *err)
{
	if (k < 1)
		return errf(err, "no categories");
	double *cnt = xcalloc(k, sizeof(double)), wsum = 0, ncases = 0;
	unsigned char *in = xcalloc(dp->n ? dp->n : 1, 1);
	for (size_t i = 0; i < dp->n; i++) {
		if (code[i] >= k || code[i] < -2) {
			free(cnt);
			free(in);
			return errf(err, "case %zu: code %d out of range", i + 1, code[i]);
		}
		if (code[i] < 0)
			continue;
		in[i] = 1;
		cnt[code[i]] += wt(dp, i);
		wsum += wt(dp, i);
		ncases += wt(dp, i) != 0;
	}
	if (!(wsum > 0)) {
		free(cnt);
		free(in);
		return errf(err, "no case has a category");
	}
	double d = design_df(dp, in);
	free(in);
	if (df)
		*df = d;
	double *phat = xmalloc(sizeof(double) * k), *v = xmalloc(sizeof(double) * k * k);
	double *vt = xmalloc(sizeof(double) * k * k);
	for (int c = 0; c < k; c++)
		phat[c] = cnt[c] / wsum;
	cell_ctx ctx = { dp, code, phat, wsum, k };
	design_vcov(dp, k, cell_infl, &ctx, v);
	ctx.phat = NULL;
	design_vcov(dp, k, cell_infl, &ctx, vt);
	for (int c = 0; c < k; c++) {
		stats_design_prop *o = &out[c];
		o->p = phat[c];
		o->se = sqrt(fmax(0, v[(size_t)c * k + c]));
		o->total = cnt[c];
		o->total_se = sqrt(fmax(0, vt[(size_t)c * k + c]));
		double srs = o->p * (1 - o->p) / (ncases - 1);
		o->deff = srs > 0 ? o->se * o->se / srs : NAN;
		svyci(o->p, o->se, d, ncases, conf_level, m, &o->ci_low, &o->ci_high);
	}
	free(cnt);
	free(phat);
	free(v);
	free(vt);
	return 0;
}

typedef struct mean_ctx {
	const stats_design_prep *dp;
	const double *x;
	double mean, wsum;
} mean_ctx;

static void mean_infl(const void *vctx, size_t i, double *acc)
{
	const mean_ctx *c = vctx;
	if (isnan(c->x[i]))
		return;
	acc[0] += wt(c->dp, i) / c->wsum * (c->x[i] - c->mean);
}

int stats_design_mean(const stats_design_prep *dp, const double *x, double *mean, double *se,
                      char *err)
{
	double sw = 0, swx = 0;
	for (size_t i = 0; i < dp->n; i++)
		if (!isnan(x[i])) {
			if (isinf(x[i]))
				return errf(err, "case %zu: value is infinite", i + 1);
			sw += wt(dp, i);
			swx += wt(dp, i) * x[i];
		}
	if (!(sw > 0))
		return errf(err, "no values");
	mean_ctx ctx = { dp, x, swx / sw, sw };
	double v;
	design_vcov(dp, 1, mean_infl, &ctx, &v);
	*mean = ctx.mean;
	*se = sqrt(fmax(0, v));
	return 0;
}

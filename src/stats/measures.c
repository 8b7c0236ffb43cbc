/* measures.c: nominal (phi, lambda, tau, uncertainty) and ordinal (gamma, tau-b, tau-c,
 * Somers' d) measures, correlations and 2x2 risk estimates, with asymptotic standard errors.
 * Standard errors are the delta method's: for a measure S(f) of degree 0 in the counts f,
 * Var(S) = sum f (dS/df)^2 - (sum f dS/df)^2 / W (the second term vanishes in exact arithmetic
 * and is kept for rounding). */
#include "stats/measures.h"

#include <math.h>
#include <stdlib.h>

#include "stats/chisq.h"
#include "stats/stats_impl.h"
#include "util/util.h"

#define F(t, i, j) ((t)->cell[(size_t)(i) * (t)->ncol + (j)])

/* A copy of t with rows and columns exchanged. */
static void transpose(const stats_table *t, stats_table *tt)
{
	stats_table_init(tt, t->ncol, t->nrow);
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++)
			F(tt, j, i) = F(t, i, j);
	for (int i = 0; i < t->nrow; i++)
		tt->col_tot[i] = t->row_tot[i];
	for (int j = 0; j < t->ncol; j++)
		tt->row_tot[j] = t->col_tot[j];
	tt->total = t->total;
	tt->n_cases = t->n_cases;
}

/* Mark every value of a group not computable for one reason. */
static void na_all(const char *why, stats_value *a, stats_value *b, stats_value *c)
{
	if (a)
		stats_value_na(a, why);
	if (b)
		stats_value_na(b, why);
	if (c)
		stats_value_na(c, why);
}

/* --- phi, Cramer's V, contingency coefficient --------------------------------------------- */

void stats_phi(const stats_table *t, stats_value *phi, stats_value *cramers_v,
               stats_value *contingency)
{
	stats_value x2;
	stats_pearson_chi2(t, &x2);
	if (!x2.ok)
		return na_all(x2.why, phi, cramers_v, contingency);
	int nr, nc;
	stats_nonempty(t, &nr, &nc);
	int q = nr < nc ? nr : nc;
	double w = t->total;
	stats_value_set(phi, sqrt(x2.value / w));
	stats_value_set(cramers_v, sqrt(x2.value / (w * (q - 1))));
	stats_value_set(contingency, sqrt(x2.value / (x2.value + w)));
	phi->p = cramers_v->p = contingency->p = x2.p;
}

/* --- lambda -------------------------------------------------------------------------------- */

/* Per-row argmax (first on ties) of t; returns the sum of the row maxima. */
static double row_maxima(const stats_table *t, int *arg)
{
	double sum = 0;
	for (int i = 0; i < t->nrow; i++) {
		int best = 0;
		for (int j = 1; j < t->ncol; j++)
			if (F(t, i, j) > F(t, i, best))
				best = j;
		arg[i] = best;
		sum += F(t, i, best);
	}
	return sum;
}

static int argmax(const double *v, int n)
{
	int best = 0;
	for (int k = 1; k < n; k++)
		if (v[k] > v[best])
			best = k;
	return best;
}

/* Lambda = N / D where N = sum f a and D = sum f b for cell weights a, b fixed by the maxima;
 * ASE1 = sqrt(sum f (a - lambda b)^2) / D, ASE0 = sqrt(sum f a^2 - N^2 / W) / D. */
void stats_lambda(const stats_table *t, stats_value *sym, stats_value *row_dep,
                  stats_value *col_dep)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return na_all(why, sym, row_dep, col_dep);
	int *li = xmalloc(sizeof(int) * t->nrow);   /* argmax over columns, per row */
	int *kj = xmalloc(sizeof(int) * t->ncol);   /* argmax over rows, per column */
	stats_table tt;
	transpose(t, &tt);
	double sum_fim = row_maxima(t, li), sum_fmj = row_maxima(&tt, kj);
	stats_table_release(&tt);
	int cm = argmax(t->col_tot, t->ncol), rm = argmax(t->row_tot, t->nrow);
	double w = t->total;
	double n_c = sum_fim - t->col_tot[cm], d_c = w - t->col_tot[cm];
	double n_r = sum_fmj - t->row_tot[rm], d_r = w - t->row_tot[rm];
	double l_c = d_c > 0 ? n_c / d_c : NAN, l_r = d_r > 0 ? n_r / d_r : NAN;
	double l_s = (n_c + n_r) / (d_c + d_r);
	double s1_c = 0, s0_c = 0, s1_r = 0, s0_r = 0, s1_s = 0, s0_s = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			if (f == 0)
				continue;
			double ac = (j == li[i]) - (j == cm), bc = 1 - (j == cm);
			double ar = (i == kj[j]) - (i == rm), br = 1 - (i == rm);
			double as = ac + ar, bs = bc + br;
			s1_c += f * (ac - l_c * bc) * (ac - l_c * bc);
			s0_c += f * ac * ac;
			s1_r += f * (ar - l_r * br) * (ar - l_r * br);
			s0_r += f * ar * ar;
			s1_s += f * (as - l_s * bs) * (as - l_s * bs);
			s0_s += f * as * as;
		}
	free(li);
	free(kj);
	struct {
		stats_value *out;
		double n, d, s1, s0;
	} v[3] = {
		{ col_dep, n_c, d_c, s1_c, s0_c },
		{ row_dep, n_r, d_r, s1_r, s0_r },
		{ sym, n_c + n_r, d_c + d_r, s1_s, s0_s },
	};
	for (int k = 0; k < 3; k++) {
		if (!v[k].out)
			continue;
		if (!(v[k].d > 0)) {
			stats_value_na(v[k].out, "dependent variable is constant");
			continue;
		}
		stats_value_set(v[k].out, v[k].n / v[k].d);
		double ase0 = sqrt(fmax(0, v[k].s0 - v[k].n * v[k].n / w)) / v[k].d;
		v[k].out->ase = sqrt(fmax(0, v[k].s1)) / v[k].d;
		v[k].out->t = ase0 > 0 ? v[k].out->value / ase0 : NAN;
		v[k].out->p = stats_p_normal2(v[k].out->t);
	}
}

/* --- Goodman and Kruskal's tau ------------------------------------------------------------- */

/* tau(C|R), the column variable predicted: N / D with N = W sum f^2 / r - sum c^2 and
 * D = W^2 - sum c^2. */
static void gk_tau_col(const stats_table *t, int nr, int nc, stats_value *out)
{
	double w = t->total, sum_c2 = 0, sum_f2r = 0;
	double *rowq = xcalloc(t->nrow, sizeof *rowq);   /* sum_j f_ij^2 / r_i^2 */
	for (int j = 0; j < t->ncol; j++)
		sum_c2 += t->col_tot[j] * t->col_tot[j];
	for (int i = 0; i < t->nrow; i++) {
		double r = t->row_tot[i];
		if (!(r > 0))
			continue;
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			sum_f2r += f * f / r;
			rowq[i] += f * f / (r * r);
		}
	}
	double n = w * sum_f2r - sum_c2, d = w * w - sum_c2;
	if (!(d > 0)) {
		free(rowq);
		return stats_value_na(out, "dependent variable is constant");
	}
	double tau = n / d, sg = 0, sg2 = 0;
	for (int i = 0; i < t->nrow; i++) {
		double r = t->row_tot[i];
		if (!(r > 0))
			continue;
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			if (f == 0)
				continue;
			double dn = sum_f2r + w * (2 * f / r - rowq[i]) - 2 * t->col_tot[j];
			double dd = 2 * w - 2 * t->col_tot[j];
			double g = (dn - tau * dd) / d;
			sg += f * g;
			sg2 += f * g * g;
		}
	}
	free(rowq);
	stats_value_set(out, tau);
	out->ase = sqrt(fmax(0, sg2 - sg * sg / w));
	out->t = NAN;
	out->df = (double)(nr - 1) * (nc - 1);
	out->p = stats_p_chisq((w - 1) * (nc - 1) * tau, out->df);
}

void stats_gk_tau(const stats_table *t, stats_value *row_dep, stats_value *col_dep)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return na_all(why, row_dep, col_dep, NULL);
	int nr, nc;
	stats_nonempty(t, &nr, &nc);
	stats_table tt;
	transpose(t, &tt);
	gk_tau_col(t, nr, nc, col_dep);
	gk_tau_col(&tt, nc, nr, row_dep);
	stats_table_release(&tt);
}

/* --- uncertainty coefficient -------------------------------------------------------------- */

void stats_uncertainty(const stats_table *t, stats_value *sym, stats_value *row_dep,
                       stats_value *col_dep)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return na_all(why, sym, row_dep, col_dep);
	double w = t->total, ur = 0, uc = 0, urc = 0;
	for (int i = 0; i < t->nrow; i++)
		if (t->row_tot[i] > 0)
			ur -= t->row_tot[i] / w * log(t->row_tot[i] / w);
	for (int j = 0; j < t->ncol; j++)
		if (t->col_tot[j] > 0)
			uc -= t->col_tot[j] / w * log(t->col_tot[j] / w);
	double s_c = 0, s_r = 0, s_s = 0, s_i = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			if (!(f > 0))
				continue;
			urc -= f / w * log(f / w);
		}
	double mi = ur + uc - urc;   /* mutual information */
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			if (!(f > 0))
				continue;
			double r = t->row_tot[i], c = t->col_tot[j];
			double gc = uc * log(f / r) + (ur - urc) * log(c / w);
			double gr = ur * log(f / c) + (uc - urc) * log(r / w);
			double gs = urc * log(r * c / (w * w)) - (ur + uc) * log(f / w);
			double gi = log(r * c / (w * f));
			s_c += f * gc * gc;
			s_r += f * gr * gr;
			s_s += f * gs * gs;
			s_i += f * gi * gi;
		}
	stats_value lr;
	stats_likelihood_ratio(t, &lr);
	double t_asym = w * mi / sqrt(fmax(0, s_i - w * mi * mi));
	stats_value_set(col_dep, mi / uc);
	col_dep->ase = sqrt(s_c) / (w * uc * uc);
	stats_value_set(row_dep, mi / ur);
	row_dep->ase = sqrt(s_r) / (w * ur * ur);
	row_dep->t = col_dep->t = t_asym;
	stats_value_set(sym, 2 * mi / (ur + uc));
	sym->ase = 2 * sqrt(s_s) / (w * (ur + uc) * (ur + uc));
	sym->p = row_dep->p = col_dep->p = lr.p;
}

/* --- ordinal measures ---------------------------------------------------------------------- */

/* For every cell, the counts of cells concordant (C) and discordant (D) with it, through a
 * 2-D prefix sum: O(r c). */
static void concordance(const stats_table *t, double *cc, double *dd)
{
	int r = t->nrow, c = t->ncol;
	double *a = xcalloc((size_t)(r + 1) * (c + 1), sizeof *a);  /* a[i][j]: rows < i, cols < j */
#define A(i, j) a[(size_t)(i) * (c + 1) + (j)]
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++)
			A(i + 1, j + 1) = F(t, i, j) + A(i, j + 1) + A(i + 1, j) - A(i, j);
	double w = A(r, c);
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++) {
			double ul = A(i, j);                          /* rows < i, cols < j */
			double upper = A(i, c), left = A(r, j);
			double ur = upper - A(i, j + 1);              /* rows < i, cols > j */
			double ll = left - A(i + 1, j);               /* rows > i, cols < j */
			double rows_le = A(i + 1, c), cols_le = A(r, j + 1);
			double lr = w - rows_le - cols_le + A(i + 1, j + 1);  /* rows > i, cols > j */
			cc[(size_t)i * c + j] = ul + lr;
			dd[(size_t)i * c + j] = ur + ll;
		}
#undef A
	free(a);
}

void stats_ordinal_measures(const stats_table *t, stats_ordinal *o)
{
	stats_value *all[] = { &o->gamma, &o->kendall_tau_b, &o->kendall_tau_c,
		&o->somers_d_symmetric, &o->somers_d_row_dependent, &o->somers_d_col_dependent };
	const int nall = (int)(sizeof all / sizeof *all);
	const char *why = stats_twoway_why(t);
	if (why) {
		for (int k = 0; k < nall; k++)
			stats_value_na(all[k], why);
		return;
	}
	int r = t->nrow, c = t->ncol, nr, nc;
	stats_nonempty(t, &nr, &nc);
	double q = nr < nc ? nr : nc, w = t->total;
	double *cc = xmalloc(sizeof(double) * r * c), *dd = xmalloc(sizeof(double) * r * c);
	concordance(t, cc, dd);
	double p = 0, qq = 0, dr = w * w, dc = w * w;
	for (int i = 0; i < r; i++)
		dr -= t->row_tot[i] * t->row_tot[i];
	for (int j = 0; j < c; j++)
		dc -= t->col_tot[j] * t->col_tot[j];
	for (size_t k = 0; k < (size_t)r * c; k++) {
		p += t->cell[k] * cc[k];
		qq += t->cell[k] * dd[k];
	}
	double s = p - qq, sdrdc = sqrt(dr * dc);
	/* Each measure is N / D with N = k (P - Q); dN/df = 2 k (C - D). */
	struct {
		stats_value *out;
		double k, d;   /* numerator factor, denominator */
		int kind;      /* which dD/df */
	} m[] = {
		{ &o->gamma, 1, p + qq, 0 },
		{ &o->kendall_tau_b, 1, sdrdc, 1 },
		{ &o->kendall_tau_c, q / (q - 1), w * w, 2 },
		{ &o->somers_d_symmetric, 2, dr + dc, 3 },
		{ &o->somers_d_row_dependent, 1, dc, 4 },
		{ &o->somers_d_col_dependent, 1, dr, 5 },
	};
	double sg[6] = { 0 }, sg2[6] = { 0 }, s0 = 0;
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++) {
			size_t k = (size_t)i * c + j;
			double f = t->cell[k];
			if (f == 0)
				continue;
			double cd = cc[k] - dd[k];
			double ddr = 2 * (w - t->row_tot[i]), ddc = 2 * (w - t->col_tot[j]);
			s0 += f * cd * cd;
			for (int x = 0; x < nall; x++) {
				double dD;
				switch (m[x].kind) {
				case 0: dD = 2 * (cc[k] + dd[k]); break;
				case 1: dD = (ddr * dc + dr * ddc) / (2 * sdrdc); break;
				case 2: dD = 2 * w; break;
				case 3: dD = ddr + ddc; break;
				case 4: dD = ddc; break;
				default: dD = ddr; break;
				}
				double d = m[x].d;
				double g = (2 * m[x].k * cd * d - m[x].k * s * dD) / (d * d);
				sg[x] += f * g;
				sg2[x] += f * g * g;
			}
		}
	free(cc);
	free(dd);
	double den0 = sqrt(fmax(0, s0 - s * s / w));
	double tval = den0 > 0 ? s / (2 * den0) : NAN;
	for (int x = 0; x < nall; x++) {
		if (!(m[x].d > 0)) {
			stats_value_na(m[x].out, "no pairs untied on the variables");
			continue;
		}
		stats_value_set(m[x].out, m[x].k * s / m[x].d);
		m[x].out->ase = sqrt(fmax(0, sg2[x] - sg[x] * sg[x] / w));
		m[x].out->t = tval;
		m[x].out->p = stats_p_normal2(tval);
	}
}

/* --- correlations -------------------------------------------------------------------------- */

static void correlation(const stats_table *t, const double *x, const double *y,
                        stats_value *out)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return stats_value_na(out, why);
	double w = t->total, sx = 0, sy = 0;
	for (int i = 0; i < t->nrow; i++)
		sx += t->row_tot[i] * x[i];
	for (int j = 0; j < t->ncol; j++)
		sy += t->col_tot[j] * y[j];
	double xbar = sx / w, ybar = sy / w, sxx = 0, syy = 0, sxy = 0;
	for (int i = 0; i < t->nrow; i++)
		sxx += t->row_tot[i] * (x[i] - xbar) * (x[i] - xbar);
	for (int j = 0; j < t->ncol; j++)
		syy += t->col_tot[j] * (y[j] - ybar) * (y[j] - ybar);
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++)
			sxy += F(t, i, j) * (x[i] - xbar) * (y[j] - ybar);
	if (!(sxx > 0) || !(syy > 0))
		return stats_value_na(out, "scores are constant");
	double tt = sqrt(sxx * syy), r = sxy / tt, acc = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double f = F(t, i, j);
			if (f == 0)
				continue;
			double dx = x[i] - xbar, dy = y[j] - ybar;
			double g = tt * dx * dy - sxy / (2 * tt) * (dx * dx * syy + dy * dy * sxx);
			acc += f * g * g;
		}
	stats_value_set(out, r);
	out->ase = sqrt(acc) / (tt * tt);
	/* a perfect correlation has no test (t would be infinite), as gamma and tau have none */
	if (w > 2 && 1 - fabs(r) > 1e-12) {
		out->df = w - 2;
		out->t = r * sqrt((w - 2) / (1 - r * r));
		out->p = stats_p_t2(out->t, w - 2);
	}
}

void stats_pearson_r(const stats_table *t, const double *row_scores, const double *col_scores,
                     stats_value *out)
{
	double *x = xmalloc(sizeof(double) * t->nrow), *y = xmalloc(sizeof(double) * t->ncol);
	for (int i = 0; i < t->nrow; i++)
		x[i] = row_scores ? row_scores[i] : i + 1;
	for (int j = 0; j < t->ncol; j++)
		y[j] = col_scores ? col_scores[j] : j + 1;
	correlation(t, x, y, out);
	free(x);
	free(y);
}

void stats_spearman(const stats_table *t, stats_value *out)
{
	double *x = xmalloc(sizeof(double) * t->nrow), *y = xmalloc(sizeof(double) * t->ncol);
	double cum = 0;
	for (int i = 0; i < t->nrow; i++) {
		x[i] = cum + (t->row_tot[i] + 1) / 2;
		cum += t->row_tot[i];
	}
	cum = 0;
	for (int j = 0; j < t->ncol; j++) {
		y[j] = cum + (t->col_tot[j] + 1) / 2;
		cum += t->col_tot[j];
	}
	correlation(t, x, y, out);
	free(x);
	free(y);
}

/* --- risk ---------------------------------------------------------------------------------- */

static void log_ci(stats_value *v, double est, double se, double z)
{
	stats_value_set(v, est);
	v->ci_low = est * exp(-z * se);
	v->ci_high = est * exp(z * se);
}

void stats_risk(const stats_table *t, double conf_level, stats_value *odds_ratio,
                stats_value *rr_col1, stats_value *rr_col2)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return na_all(why, odds_ratio, rr_col1, rr_col2);
	int rows[2], cols[2], nr = 0, nc = 0;
	for (int i = 0; i < t->nrow; i++)
		if (t->row_tot[i] > 0 && nr < 3)
			nr < 2 ? (void)(rows[nr++] = i) : (void)nr++;
	for (int j = 0; j < t->ncol; j++)
		if (t->col_tot[j] > 0 && nc < 3)
			nc < 2 ? (void)(cols[nc++] = j) : (void)nc++;
	if (nr != 2 || nc != 2)
		return na_all("table is not 2x2", odds_ratio, rr_col1, rr_col2);
	double a = F(t, rows[0], cols[0]), b = F(t, rows[0], cols[1]);
	double c = F(t, rows[1], cols[0]), d = F(t, rows[1], cols[1]);
	double z = stats_z(conf_level);
	if (a > 0 && b > 0 && c > 0 && d > 0)
		log_ci(odds_ratio, a * d / (b * c), sqrt(1 / a + 1 / b + 1 / c + 1 / d), z);
	else
		stats_value_na(odds_ratio, "a cell count is zero");
	if (a > 0 && c > 0)
		log_ci(rr_col1, (a / (a + b)) / (c / (c + d)),
		       sqrt(b / (a * (a + b)) + d / (c * (c + d))), z);
	else
		stats_value_na(rr_col1, "a cell count in the first column is zero");
	if (b > 0 && d > 0)
		log_ci(rr_col2, (b / (a + b)) / (d / (c + d)),
		       sqrt(a / (b * (a + b)) + c / (d * (c + d))), z);
	else
		stats_value_na(rr_col2, "a cell count in the second column is zero");
}

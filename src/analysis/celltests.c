/* celltests.c: which cells of a cross-table differ — adjusted standardized residuals, or a
 * Rao-Scott test of each cell's 2x2 table with a design, Bonferroni-corrected — and, for
 * multiple response, a test per choice with Holm's correction (see analysis.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "stats/chisq.h"
#include "util/util.h"

/* With a design each cell's test is a pass over the sample: at most this many cells. */
#define MAX_DESIGN_CELLS 400

typedef struct ctx {
	const analysis_tab *t;
	analysis_layer *L;
	const an_data *d;
	const stats_design_prep *dp;
	int layer;             /* the --by category, or -1 */
	int mrow;              /* the select_multiple variable: 1 rows, 0 columns, -1 none */
	int *rowc, *colc;      /* per case codes for the Rao-Scott tests */
} ctx;

/* Case i is in the layer's table (answered both, inside --where and the layer). */
static int in_table(const ctx *c, size_t i)
{
	const int *codes;
	int one;
	if (!c->d->in[i] || !an_case_codes(&c->d->cols[0], i, &codes, &one) ||
	    !an_case_codes(&c->d->cols[1], i, &codes, &one))
		return 0;
	return !c->t->has_by || c->d->cols[2].code[i] == c->layer;
}

static int has_code(const an_col *col, size_t i, int k)
{
	const int *codes;
	int one, n = an_case_codes(col, i, &codes, &one);
	for (int q = 0; q < n; q++)
		if (codes[q] == k)
			return 1;
	return 0;
}

/* Rao-Scott F of rowc (2 codes) x colc (ncol codes) over the cases; with z, the signed root of
 * F by the weighted residual of cell (1, 1) of a 2x2 table. */
static void design_test(const ctx *c, int ncol, stats_value *out, double *z)
{
	stats_rao_scott rs;
	char err[ERR_MAX];
	if (z)
		*z = NAN;
	if (stats_rao_scott_test(c->dp, c->rowc, c->colc, 2, ncol, &rs, err)) {
		stats_value_na(out, "the design-based test cannot be computed");
		return;
	}
	*out = rs.f;
	if (!z || !rs.f.ok)
		return;
	double w11 = 0, r1 = 0, c1 = 0, tot = 0;
	for (size_t i = 0; i < c->d->n; i++) {
		if (c->rowc[i] < 0 || c->colc[i] < 0)
			continue;
		double w = c->d->w ? c->d->w[i] : 1;
		tot += w;
		r1 += c->rowc[i] == 1 ? w : 0;
		c1 += c->colc[i] == 1 ? w : 0;
		w11 += c->rowc[i] == 1 && c->colc[i] == 1 ? w : 0;
	}
	double resid = w11 - r1 * c1 / tot;
	*z = copysign(sqrt(rs.f.value), resid);
}

/* The unweighted Pearson test of a 2 x k table of counts, and the adjusted residual of its
 * first cell (z may be NULL). */
static void count_test(const double *cells, int k, stats_value *out, double *z)
{
	stats_table tt;
	stats_table_from_counts(&tt, 2, k, cells);
	stats_pearson_chi2(&tt, out);
	if (z)
		*z = stats_cell(&tt, 0, 0, STATS_CELL_ADJ_RESIDUAL);
	stats_table_release(&tt);
}

/* Count of the layer's table at (choice a, category b) of a multiple-response table. */
static double mr_count(const ctx *c, int a, int b)
{
	return c->mrow ? stats_table_get(&c->L->table, a, b) : stats_table_get(&c->L->table, b, a);
}

static void cells_set(analysis_cell_tests *ct, int k, double z, double p)
{
	ct->z[k] = isfinite(z) ? z : NAN;
	ct->p[k] = isfinite(z) ? p : NAN;
}

static void cell_tests(ctx *c)
{
	analysis_layer *L = c->L;
	analysis_cell_tests *ct = &L->cell_tests;
	int nr = L->nrow, nc = L->ncol, n = nr * nc;
	ct->design = c->dp != NULL;
	if (c->t->row.vtype == ANALYSIS_MULTIPLE && c->t->col.vtype == ANALYSIS_MULTIPLE) {
		ct->why = "both variables are select_multiple";
		return;
	}
	int nb = c->mrow < 0 ? 0 : c->mrow ? nc : nr;   /* categories of the other variable */
	if (c->mrow < 0 ? nr < 2 || nc < 2 : nb < 2) {
		ct->why = "the table has fewer than two rows or columns";
		return;
	}
	if (c->dp && n > MAX_DESIGN_CELLS) {
		ct->why = "too many cells for a design-based test of each";
		return;
	}
	ct->z = xmalloc(sizeof(double) * (size_t)n);
	ct->p = xmalloc(sizeof(double) * (size_t)n);
	ct->p_adj = xmalloc(sizeof(double) * (size_t)n);
	ct->flag = xcalloc((size_t)n, 1);
	for (int k = 0; k < n; k++)
		ct->z[k] = ct->p[k] = NAN;
	const an_data *d = c->d;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < nc; j++) {
			int k = i * nc + j;
			double z = NAN;
			stats_value v;
			stats_value_clear(&v);
			int a = c->mrow ? i : j, b = c->mrow ? j : i;   /* choice, category */
			if (c->mrow < 0 && !c->dp) {
				z = stats_cell(&L->table, i, j, STATS_CELL_ADJ_RESIDUAL);
				cells_set(ct, k, z, stats_p_normal2(z));
				continue;
			}
			if (!c->dp) {   /* multiple response, unweighted: the 2x2 of counts */
				double a11 = mr_count(c, a, b), sel = 0;
				for (int q = 0; q < nb; q++)
					sel += mr_count(c, a, q);
				double base_b = c->mrow ? L->col_base[b] : L->row_base[b];
				double cells[4] = { a11, sel - a11, base_b - a11, L->base - base_b - sel + a11 };
				count_test(cells, 2, &v, &z);
				cells_set(ct, k, z, stats_p_normal2(z));
				continue;
			}
			const an_col *rc = &d->cols[0], *cc = &d->cols[1];
			for (size_t q = 0; q < d->n; q++) {
				if (!in_table(c, q)) {
					c->rowc[q] = c->colc[q] = -2;
					continue;
				}
				c->rowc[q] = has_code(rc, q, L->rows[i]);
				c->colc[q] = has_code(cc, q, L->cols[j]);
			}
			design_test(c, 2, &v, &z);
			cells_set(ct, k, z, v.ok ? v.p : NAN);
		}
	stats_p_adjust(ct->p, (size_t)n, STATS_ADJUST_BONFERRONI, ct->p_adj);
	ct->m = 0;
	for (int k = 0; k < n; k++) {
		ct->m += !isnan(ct->p[k]);
		ct->flag[k] = ct->p_adj[k] < ANALYSIS_ALPHA ? (ct->z[k] > 0 ? 1 : -1) : 0;
	}
	ct->ok = 1;
}

static void choice_tests(ctx *c)
{
	analysis_layer *L = c->L;
	int na = c->mrow ? L->nrow : L->ncol, nb = c->mrow ? L->ncol : L->nrow;
	const int *acat = c->mrow ? L->rows : L->cols;
	const an_col *mc = &c->d->cols[c->mrow ? 0 : 1], *sc = &c->d->cols[c->mrow ? 1 : 0];
	const analysis_var *sv = c->mrow ? &c->t->col : &c->t->row;
	L->nchoice = na;
	L->choices = xcalloc((size_t)(na ? na : 1), sizeof *L->choices);
	double *p = xmalloc(sizeof(double) * (size_t)(na ? na : 1));
	double *cells = xmalloc(sizeof(double) * 2 * (size_t)(nb ? nb : 1));
	for (int a = 0; a < na; a++) {
		analysis_choice_test *ch = &L->choices[a];
		ch->cat = acat[a];
		ch->base = L->base;
		ch->base_cases = L->n_cases;
		if (nb < 2) {
			stats_value_na(&ch->test, "the other variable has fewer than two categories");
		} else if (!c->dp) {
			for (int b = 0; b < nb; b++) {
				double base_b = c->mrow ? L->col_base[b] : L->row_base[b];
				cells[b] = mr_count(c, a, b);
				cells[nb + b] = base_b - cells[b];
			}
			count_test(cells, nb, &ch->test, NULL);
		} else {
			for (size_t q = 0; q < c->d->n; q++) {
				int in = in_table(c, q);
				c->rowc[q] = in ? has_code(mc, q, acat[a]) : -2;
				c->colc[q] = in ? sc->code[q] : -2;
			}
			design_test(c, sv->ncat, &ch->test, NULL);
		}
		double sel = 0;
		for (int b = 0; b < nb; b++)
			sel += mr_count(c, a, b);
		if (!ch->test.ok && nb >= 2 && (sel <= 0 || sel >= L->base))
			stats_value_na(&ch->test, sel <= 0 ? "chosen in no interview of the table" :
				       "chosen in every interview of the table");
		p[a] = ch->test.ok ? ch->test.p : NAN;
	}
	stats_p_adjust(p, (size_t)na, STATS_ADJUST_HOLM, p);
	for (int a = 0; a < na; a++)
		L->choices[a].p_adj = p[a];
	free(p);
	free(cells);
}

void an_layer_tests(const analysis_tab *t, analysis_layer *L, const an_data *d,
		    const stats_design_prep *dp, int layer)
{
	ctx c = { t, L, d, dp, layer, -1, NULL, NULL };
	int mr = t->row.vtype == ANALYSIS_MULTIPLE, mc = t->col.vtype == ANALYSIS_MULTIPLE;
	c.mrow = mr && !mc ? 1 : mc && !mr ? 0 : -1;
	if (dp) {
		c.rowc = xmalloc(sizeof(int) * (d->n ? d->n : 1));
		c.colc = xmalloc(sizeof(int) * (d->n ? d->n : 1));
	}
	if (!(mr && mc))
		cell_tests(&c);
	else
		L->cell_tests.why = "both variables are select_multiple";
	if (c.mrow >= 0)
		choice_tests(&c);
	free(c.rowc);
	free(c.colc);
}

void an_layer_tests_release(analysis_layer *L)
{
	analysis_cell_tests *ct = &L->cell_tests;
	free(ct->z);
	free(ct->p);
	free(ct->p_adj);
	free(ct->flag);
	free(L->choices);
}

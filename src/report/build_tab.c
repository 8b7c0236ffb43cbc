/* build_tab.c: a cross-tab of the report — counts and percentages from survey tab's pipeline,
 * a stacked or grouped chart, the test in words, its warnings and the statistics asked for. */
#include "report/build_impl.h"
#include "analysis/statistics.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Cell kinds shown, percentages first (the figure a reader looks at), then the count. */
static int tab_kinds(unsigned cells, int multiple, int *out)
{
	static const int order[] = { STATS_CELL_COL_PCT, STATS_CELL_ROW_PCT, STATS_CELL_TOTAL_PCT,
				     STATS_CELL_COUNT, STATS_CELL_EXPECTED, STATS_CELL_RESIDUAL,
				     STATS_CELL_STD_RESIDUAL, STATS_CELL_ADJ_RESIDUAL };
	if (!cells)
		cells = (1u << STATS_CELL_COL_PCT) | (1u << STATS_CELL_COUNT);
	int n = 0;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		int k = order[i];
		if (!(cells & (1u << k)))
			continue;
		/* with multiple answers only counts and percentages of cases mean something */
		if (multiple && k != STATS_CELL_COUNT && k != STATS_CELL_COL_PCT &&
		    k != STATS_CELL_ROW_PCT)
			continue;
		out[n++] = k;
	}
	if (!n)
		out[n++] = STATS_CELL_COUNT;
	return n;
}

/* What each kind of cell is called and how its numbers are written. */
static const struct {
	report_word_id word;
	report_num num;
} cell_kinds[STATS_CELL_NKINDS] = {
	[STATS_CELL_COUNT] = { RW_COUNT, REPORT_N_COUNT },
	[STATS_CELL_EXPECTED] = { RW_EXPECTED, REPORT_N_NUM },
	[STATS_CELL_RESIDUAL] = { RW_RESIDUAL, REPORT_N_STAT },
	[STATS_CELL_STD_RESIDUAL] = { RW_STD_RESIDUAL, REPORT_N_STAT },
	[STATS_CELL_ADJ_RESIDUAL] = { RW_ADJ_RESIDUAL, REPORT_N_STAT },
	[STATS_CELL_ROW_PCT] = { RW_ROW_PCT, REPORT_N_PCT },
	[STATS_CELL_COL_PCT] = { RW_COL_PCT, REPORT_N_PCT },
	[STATS_CELL_TOTAL_PCT] = { RW_TOTAL_PCT, REPORT_N_PCT },
};

/* Value of cell kind k at (i, j) of the layer, with totals: i == nrow is the total row, j ==
 * ncol the total column. Percentages are of the bases (interviews), as survey tab computes
 * them, so that select_multiple tables give percentages of interviews. */
static double tab_value(const analysis_tab *t, const analysis_layer *L, int k, int i, int j)
{
	int ti = i == L->nrow, tj = j == L->ncol;
	double rb = ti ? L->base : L->row_base[i];   /* the row's interviews */
	double cb = tj ? L->base : L->col_base[j];   /* the column's interviews */
	double f = ti ? cb : tj ? rb : stats_table_get(&L->table, i, j);
	if (ti && tj)
		f = L->base;
	/* several answers: the total row holds the bases (interviews), never a "100%" */
	if (t->multiple && ti && k != STATS_CELL_COUNT)
		return NAN;
	switch (k) {
	case STATS_CELL_COUNT:
		return f;
	case STATS_CELL_ROW_PCT:
		return rb > 0 ? 100 * f / rb : NAN;
	case STATS_CELL_COL_PCT:
		return cb > 0 ? 100 * f / cb : NAN;
	case STATS_CELL_TOTAL_PCT:
		return L->base > 0 ? 100 * f / L->base : NAN;
	default:
		return t->multiple || ti || tj ? NAN
					       : stats_cell(&L->table, i, j, (stats_cell_kind)k);
	}
}

static void tab_grid(const struct ctx *c, const report_item *it, const analysis_tab *t,
		     const analysis_layer *L, report_layer *RL)
{
	int kinds[8];
	int nk = tab_kinds(it->cells, t->multiple, kinds);
	report_grid *g = &RL->grid;
	report_grid_init(g, L->nrow + 1, L->ncol + 1, nk);
	g->total_rows = g->total_cols = 1;
	rb_label(&g->corner, rb_short(c, it->var_row, t->row.label));
	g->col_title = xstrdup(rb_short(c, it->var_col, t->col.label));
	for (int i = 0; i < L->nrow; i++) {
		const analysis_cat *cat = &t->row.cats[L->rows[i]];
		rb_label(&g->row_label[i], cat->label);
		g->row_code[i] = xstrdup(cat->value);
	}
	rb_label(&g->row_label[L->nrow], t->multiple ? rb_word(c, RW_BASE_INTERVIEWS)
							: rb_word(c, RW_TOTAL));
	for (int j = 0; j < L->ncol; j++) {
		const analysis_cat *cat = &t->col.cats[L->cols[j]];
		rb_label(&g->col_label[j], cat->label);
		g->col_code[j] = xstrdup(cat->value);
	}
	rb_label(&g->col_label[L->ncol], t->multiple ? rb_word(c, RW_INTERVIEWS)
							: rb_word(c, RW_TOTAL));
	for (int k = 0; k < nk; k++) {
		rb_label(&g->val_label[k], rb_word(c, cell_kinds[kinds[k]].word));
		g->val_key[k] = xstrdup(stats_cell_kind_name((stats_cell_kind)kinds[k]));
		for (int i = 0; i <= L->nrow; i++)
			for (int j = 0; j <= L->ncol; j++)
				rb_set(g, i, j, k, tab_value(t, L, kinds[k], i, j),
					cell_kinds[kinds[k]].num);
	}
	/* the chart, of column percentages */
	report_chart_kind ck = it->chart;
	if (ck == REPORT_CHART_AUTO)
		ck = t->multiple ? REPORT_CHART_GROUPED : REPORT_CHART_STACKED;
	if (ck == REPORT_CHART_STACKED && t->multiple)
		ck = REPORT_CHART_GROUPED;   /* shares of interviews do not add up to a whole */
	if (ck == REPORT_CHART_NONE || L->nrow == 0 || L->ncol == 0 || L->base <= 0)
		return;
	report_chart *ch = &RL->chart;
	int stack = ck == REPORT_CHART_STACKED;
	report_chart_init(ch, ck, stack ? L->ncol : L->nrow, stack ? L->nrow : L->ncol);
	/* an ordered scale as the series: a sequential palette */
	ch->ordinal = stack ? rb_ordinal(&t->row, L->rows, L->nrow)
			    : rb_ordinal(&t->col, L->cols, L->ncol);
	ch->axis = xstrdup(rb_word(c, stack ? RW_PCT_WITHIN : RW_COL_PCT));
	for (int i = 0; i < L->nrow; i++)
		for (int j = 0; j < L->ncol; j++) {
			double v = tab_value(t, L, STATS_CELL_COL_PCT, i, j);
			if (stack)
				ch->v[j * ch->nser + i] = v;
			else
				ch->v[i * ch->nser + j] = v;
		}
	for (int i = 0; i < L->nrow; i++)
		(stack ? ch->ser : ch->cat)[i] = xstrdup(g->row_label[i]);
	for (int j = 0; j < L->ncol; j++)
		(stack ? ch->cat : ch->ser)[j] = xstrdup(g->col_label[j]);
}

#define p_text rb_p_text

static const char *stat_label(const struct ctx *c, const char *key)
{
	const statistic *st = statistic_find(key);
	return st ? statistic_label(st, c->lang) : key;
}

/* A test (it has degrees of freedom, or is exact): its p is shown; a measure's p (of its test
 * against 0) would only repeat the test's. */
static int is_test(const char *key, const stats_value *v)
{
	const statistic *st = statistic_find(key);
	return !isnan(v->df) || (st && (st->needs & STAT_EXACT));
}

/* Its value is shown (not for a test that gives only a p). */
static int shows_value(const char *key)
{
	const statistic *st = statistic_find(key);
	return !st || !(st->needs & STAT_P_ONLY);
}

static int whole(double x)
{
	return fabs(x - round(x)) < 1e-9;
}

/* "Name: value (df = d), p = 0.003." for a statistic the author listed. */
static void stat_line(const struct ctx *c, report_strs *l, const char *key,
		      const stats_value *v, int approx, report_layer *num)
{
	if (!v || !v->ok)
		return;
	if (num)
		report_layer_stat(num, stat_label(c, key), shows_value(key) ? v->value : NAN,
				  v->df, is_test(key, v) ? v->p : NAN);
	strbuf sb = STRBUF_INIT;
	if (!isnan(v->value) && shows_value(key))
		report_fmt(&sb, c->lang, v->value, REPORT_N_STAT);
	if (!isnan(v->df)) {
		sb_adds(&sb, sb.len ? " (df\xc2\xa0=\xc2\xa0" : "(df\xc2\xa0=\xc2\xa0");
		report_fmt(&sb, c->lang, v->df, whole(v->df) ? REPORT_N_COUNT : REPORT_N_NUM);
		if (!isnan(v->df2)) {
			sb_adds(&sb, "; ");
			report_fmt(&sb, c->lang, v->df2, whole(v->df2) ? REPORT_N_COUNT
								      : REPORT_N_NUM);
		}
		sb_addc(&sb, ')');
	}
	if (!isnan(v->ci_low) && !isnan(v->ci_high)) {
		sb_adds(&sb, " [");
		report_fmt(&sb, c->lang, v->ci_low, REPORT_N_STAT);
		sb_adds(&sb, "; ");
		report_fmt(&sb, c->lang, v->ci_high, REPORT_N_STAT);
		sb_adds(&sb, "]");
	}
	if (!isnan(v->p) && is_test(key, v)) {
		char *p = p_text(c, v->p, approx);
		sb_addf(&sb, "%s%s", sb.len ? ", " : "", p);
		free(p);
	}
	rb_say(c, l, RS_MEASURE, stat_label(c, key), sb_str(&sb), NULL, NULL);
	sb_release(&sb);
}

/* Multiple response: the hook for tests per choice. survey tab gives no test for a
 * select_multiple row yet (the `stats` helper of issue 14 is adding per-choice tests to the
 * analysis layer); until analysis_layer carries them, nothing is computed here and the table
 * says so. When it does, mark the cells as flag_cells() does and add findings the same way. */
static void mr_tests(struct ctx *c, const report_item *it, const analysis_tab *t,
		     const analysis_layer *L, report_layer *RL)
{
	(void)it;
	if (!L->nchoice || !L->choices) {   /* both variables select_multiple: tab tests nothing */
		rb_say(c, &RL->lines, RS_F_MR_HOOK, NULL, NULL, NULL, NULL);
		return;
	}
	const analysis_var *mv = t->row.vtype == ANALYSIS_MULTIPLE ? &t->row : &t->col;
	int tested = 0, differ = 0;
	for (int k = 0; k < L->nchoice; k++) {
		const analysis_choice_test *ch = &L->choices[k];
		if (!ch->test.ok || isnan(ch->p_adj))
			continue;
		tested++;
		if (ch->p_adj >= ANALYSIS_ALPHA)
			continue;
		differ++;
		char *lab = rb_quote(c, mv->cats[ch->cat].label);
		char *pt = p_text(c, ch->p_adj, 0);
		rb_say(c, &RL->lines, RS_F_MR_DIFFERS, lab, pt, NULL, NULL);
		free(pt);
		free(lab);
	}
	if (!tested)
		rb_say(c, &RL->lines, RS_F_MR_HOOK, NULL, NULL, NULL, NULL);
	else if (!differ)
		rb_say(c, &RL->lines, RS_F_MR_SAME, NULL, NULL, NULL, NULL);
	else
		c->used |= USED_P;
}

/* The statistic `key` of a layer (or of the table: cmh), or NULL. */
static const stats_value *find_stat(const analysis_tab *t, const analysis_layer *L,
				    const char *key)
{
	const statistic *st = statistic_find(key);
	return st ? statistic_value(st, t, L) : NULL;
}

/* The methods the report explains for statistic st (USED_*): known by where the registry
 * reads its value, so that a renamed member fails to compile instead of matching nothing. */
static unsigned method_of(const statistic *st)
{
	if (!st || st->where != STAT_IN_CROSSTAB)
		return 0;
	return st->offset == offsetof(stats_crosstab, cramers_v) ? USED_CRAMER
	       : st->offset == offsetof(stats_crosstab, gamma) ? USED_GAMMA
	       : st->offset == offsetof(stats_crosstab, pearson_chi2) ? USED_CHI2 | USED_DF : 0;
}

/* The warning that too many expected counts are small (the test named by name). */
static void small_expected(struct ctx *c, const stats_crosstab *s, report_word_id name,
			   report_layer *RL)
{
	c->nsmall++;
	char *k = rb_num(c, s->small_expected, REPORT_N_COUNT);
	char *m = rb_num(c, s->cells, REPORT_N_COUNT);
	char *pc = rb_num(c, 100.0 * s->small_expected / s->cells, REPORT_N_PCT);
	char *mn = rb_num(c, s->min_expected, REPORT_N_NUM);
	rb_say(c, &RL->warnings, name == RW_FISHER ? RS_SMALL_EXPECTED_FISHER : RS_SMALL_EXPECTED,
	       k, m, pc, mn);
	free(k);
	free(m);
	free(pc);
	free(mn);
}

/* The statistics of a layer the author asked for (none named: Cramér's V). */
static void layer_stats(struct ctx *c, const report_item *it, const analysis_tab *t,
			const analysis_layer *L, report_layer *RL)
{
	if (it->nstats == 0) {
		const stats_value *v = find_stat(t, L, "cramers_v");
		if (v && v->ok && !L->has_rao_scott) {
			stat_line(c, &RL->lines, "cramers_v", v, 0, RL);
			c->used |= USED_CRAMER;
		}
	}
	for (int i = 0; i < it->nstats; i++) {
		const char *k = it->stats[i];
		const statistic *st = statistic_find(k);
		c->used |= method_of(st);
		if (st && (st->needs & STAT_NEEDS_LAYERS))
			continue;   /* about all layers: shown once under the table */
		stat_line(c, &RL->lines, k, find_stat(t, L, k), st && (st->needs & STAT_ASKED) &&
			  L->stats.fisher.method == STATS_FISHER_MONTE_CARLO, RL);
	}
}

/* The test in words, its warnings and the statistics the author asked for. Returns the test's
 * p-value (NAN: none) and its name in *tname. */
static double tab_tests(struct ctx *c, const report_item *it, const analysis_tab *t,
			const analysis_layer *L, report_layer *RL, report_word_id *tname)
{
	int none = it->nstats == 1 && !strcmp(it->stats[0], "none");
	const char *groups = rb_text(c, &it->groups);
	if (!groups)
		groups = rb_word(c, RW_GROUPS);
	if (L->nrow < 2 || L->ncol < 2) {
		if (L->base > 0)
			rb_say(c, &RL->warnings, RS_ONE_CATEGORY,
			    L->nrow < 2 ? t->row.label : t->col.label, NULL, NULL, NULL);
		return NAN;
	}
	if (t->multiple) {
		mr_tests(c, it, t, L, RL);
		return NAN;
	}
	if (none)
		return NAN;
	const stats_crosstab *s = &L->stats;
	int small = L->stats_ok && s->cells > 0 && s->small_expected * 5 > s->cells;
	const stats_value *test = NULL;
	report_word_id name = RW_CHI2;
	int approx = 0;
	if (L->has_rao_scott) {
		test = &L->rao_scott.f;
		name = RW_RAO_SCOTT;
	} else if (L->stats_ok && small && s->fisher_exact.ok) {
		test = &s->fisher_exact;
		name = RW_FISHER;
		approx = s->fisher.method == STATS_FISHER_MONTE_CARLO;
	} else if (L->stats_ok) {
		test = &s->pearson_chi2;
	}
	*tname = name;
	double result = NAN;
	if (test && test->ok && !isnan(test->p)) {
		result = test->p;
		report_layer_stat(RL, rb_word(c, name), name == RW_FISHER ? NAN : test->value,
				  test->df, test->p);
		c->used |= USED_P | (name == RW_FISHER ? USED_FISHER : name == RW_RAO_SCOTT
			   ? USED_RAO_SCOTT : USED_CHI2);
		char *p = p_text(c, test->p, approx);
		rb_say(c, &RL->lines, test->p < 0.05 ? RS_SIGNIFICANT : RS_NOT_SIGNIFICANT, groups,
		    rb_word(c, name), p, NULL);
		free(p);
	} else if (test) {
		rb_say(c, &RL->lines, RS_NO_TEST, test->why ? test->why : "?", NULL, NULL, NULL);
	}
	if (small)
		small_expected(c, s, name, RL);
	if (approx) {
		char *b = rb_num(c, (double)s->fisher.samples, REPORT_N_COUNT);
		rb_say(c, &RL->warnings, RS_MONTE_CARLO, b, NULL, NULL, NULL);
		free(b);
	}
	layer_stats(c, it, t, L, RL);
	return result;
}

/* A flagged cell. */
struct fcell {
	int i, j;
	double z, p;   /* adjusted standardized residual, Bonferroni-corrected two-sided p */
};

static int by_z(const void *a, const void *b)
{
	double x = fabs(((const struct fcell *)a)->z), y = fabs(((const struct fcell *)b)->z);
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The normal distribution's two-sided tail beyond |z|, and the |z| whose two-sided tail is a
 * (by bisection: only stats/ links GSL, and libm's erfc is enough here). */
static double two_sided(double z)
{
	return erfc(fabs(z) / sqrt(2.0));
}

static double critical_z(double a)
{
	double lo = 0, hi = 40;
	for (int i = 0; i < 200; i++) {
		double mid = (lo + hi) / 2;
		if (two_sided(mid) > a)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* At most this many sentences per table layer in the key findings (the rest are counted). */
#define FIND_MAX 5

/* The finding of flagged cell f of m (ref: where the table is): the group's share of the answer
 * against the other groups' (the other group's, with two), with its numbers in the data. */
static void cell_finding(struct ctx *c, const report_item *it, const analysis_tab *t,
			 const analysis_layer *L, const report_layer *RL, const struct fcell *f,
			 int m, const char *ref)
{
	int i = f->i, j = f->j;
	double nij = stats_table_get(&L->table, i, j);
	double pct = 100 * nij / L->col_base[j];
	double rest = L->base - L->col_base[j];
	double other = rest > 0 ? 100 * (L->row_base[i] - nij) / rest : NAN;
	const analysis_cat *rc = &t->row.cats[L->rows[i]], *cc = &t->col.cats[L->cols[j]];
	char *grp = rb_quote(c, cc->label), *ans = rb_quote(c, rc->label);
	char *a = rb_num(c, pct, REPORT_N_PCT), *b = rb_num(c, other, REPORT_N_PCT);
	char *pt = p_text(c, f->p, 0);
	char *og = NULL;
	report_sentence snt;
	if (L->ncol == 2) {
		og = rb_quote(c, t->col.cats[L->cols[1 - j]].label);
		snt = f->z > 0 ? RS_F_MORE_THAN : RS_F_LESS_THAN;
	} else {
		snt = f->z > 0 ? RS_F_MORE_REST : RS_F_LESS_REST;
	}
	strbuf sb = STRBUF_INIT;
	if (RL->label)
		sb_addf(&sb, "%s: ", RL->label);
	report_say(&sb, c->lang, snt, 7, grp, ans, og ? og : "", a, b, pt, ref);
	strbuf data = STRBUF_INIT;
	sb_addf(&data, "table=%s kind=%s rvar=%s cvar=%s row=%s col=%s", it->name,
		f->z > 0 ? "more" : "less", it->var_row, it->var_col, rc->value, cc->value);
	if (t->has_by && L->by_cat >= 0)
		sb_addf(&data, " layer=%s", t->by.cats[L->by_cat].value);
	sb_adds(&data, " pct=");
	report_fmt_raw(&data, pct);
	sb_adds(&data, " other=");
	report_fmt_raw(&data, other);
	sb_adds(&data, " z=");
	report_fmt_raw(&data, f->z);
	sb_addf(&data, " cells=%d p=", m);
	report_fmt_raw(&data, f->p);
	rb_find_add(c, sb_str(&sb), sb_str(&data));
	sb_release(&sb);
	sb_release(&data);
	free(grp);
	free(ans);
	free(a);
	free(b);
	free(pt);
	free(og);
}

/* ▲▼ on the cells whose adjusted standardized residual is beyond the Bonferroni-corrected
 * critical value (only when the table's test is significant and unweighted), and a finding for
 * each: the group's share against the other groups' (or the other group's, with two). */
static void flag_cells(struct ctx *c, const report_item *it, const analysis_tab *t,
		       const analysis_layer *L, report_layer *RL, report_table *rt, double p,
		       report_word_id tname, int no)
{
	if (isnan(p) || p >= 0.05 || t->multiple || L->has_rao_scott || t->weighted ||
	    L->nrow < 2 || L->ncol < 2 || L->base <= 0)
		return;
	int m = L->nrow * L->ncol;
	double zc = critical_z(0.05 / m);
	struct fcell *fc = xcalloc((size_t)m, sizeof *fc);
	int n = 0;
	for (int i = 0; i < L->nrow; i++)
		for (int j = 0; j < L->ncol; j++) {
			double z = stats_cell(&L->table, i, j, STATS_CELL_ADJ_RESIDUAL);
			if (!isfinite(z) || fabs(z) <= zc)
				continue;
			RL->grid.flag[i * RL->grid.ncol + j] = z > 0 ? REPORT_FLAG_UP : REPORT_FLAG_DOWN;
			double pc = fmin(1, m * two_sided(z));
			/* with two groups a row's two cells say the same: one sentence */
			if (L->ncol == 2 && z < 0)
				continue;
			fc[n++] = (struct fcell){ i, j, z, pc };
		}
	char *ref = rb_table_ref(c, no);
	char *title = rb_quote(c, rt->title);
	int any = 0;
	for (int k = 0; k < m; k++)
		any |= RL->grid.flag[k] != 0;
	if (!n && !any) {   /* a significant test without a cell beyond the critical value */
		char *pt = p_text(c, p, 0);
		char *tp = xasprintf("%s, %s", rb_word(c, tname), pt);
		char *sent = rb_say_str(c, RS_F_NO_CELL, title, tp, ref);
		char *data = xasprintf("table=%s kind=nocell rvar=%s cvar=%s", it->name,
				       it->var_row, it->var_col);
		rb_find_add(c, sent, data);
		free(data);
		free(sent);
		free(tp);
		free(pt);
	}
	c->used |= USED_ADJ;
	if (!rt->legend) {
		char *ms = rb_num(c, m, REPORT_N_COUNT), *zs = rb_num(c, zc, REPORT_N_NUM);
		rt->legend = rb_say_str(c, RS_LEGEND, ms, zs, NULL);
		free(ms);
		free(zs);
	}
	qsort(fc, (size_t)n, sizeof *fc, by_z);
	for (int k = 0; k < n && k < FIND_MAX; k++)
		cell_finding(c, it, t, L, RL, &fc[k], m, ref);
	if (n > FIND_MAX) {
		char *k = rb_num(c, n - FIND_MAX, REPORT_N_COUNT);
		char *sent = rb_say_str(c, RS_F_MORE_FLAGS, k, ref, NULL);
		rb_find_add(c, sent, NULL);
		free(sent);
		free(k);
	}
	free(ref);
	free(title);
	free(fc);
}

/* A note naming the valid categories of v that are not among shown[0..n-1] (nobody chose
 * them, so the pipeline left them out of the table). */
static void dropped(const struct ctx *c, const report_item *it, const analysis_var *v,
		    const int *shown, int n, report_strs *l)
{
	strbuf sb = STRBUF_INIT;
	for (int k = 0; k < v->nvalid; k++) {
		if (rb_dk_excluded(c, it) && rb_is_dk(c, v->cats[k].value))
			continue;   /* left out on purpose, and said so under the table */
		int seen = 0;
		for (int i = 0; i < n && !seen; i++)
			seen = shown[i] == k;
		if (!seen)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", v->cats[k].label);
	}
	if (sb.len)
		rb_say(c, l, RS_DROPPED, sb_str(&sb), NULL, NULL, NULL);
	sb_release(&sb);
}

/* Append "Name: «label»." with the language's quotes, so that a question worded as an
 * instruction («Выберите область …») reads as the question quoted (no full stop after a label
 * that ends with one, or with ? or !). */
static void labelled(strbuf *sb, const char *lang, const char *name, const char *label)
{
	size_t n = strlen(label);
	char last = n ? label[n - 1] : 0;
	sb_addf(sb, "%s%s: ", sb->len ? " " : "", name);
	report_quote(sb, lang, label);
	sb_adds(sb, last == '.' || last == '?' || last == '!' ? "" : ".");
}

/* Cross-tables that share a filter and a weight, computed in one pass. */
struct tab_batch {
	char *where;                /* the filter (malloc'd) or NULL */
	const char *weight;         /* the weight question or NULL */
	int n;
	analysis_tab_spec *specs;
	const report_item **items;
	analysis_tab **res;         /* n results (NULL: not made, or taken by rb_tab) */
};

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

void rb_tab_batches(struct ctx *c)
{
	for (int i = 0; i < c->s->nitems; i++) {
		const report_item *it = &c->s->items[i];
		if (it->kind != REPORT_TAB || !it->var_row || !it->var_col)
			continue;
		analysis_opts o;
		char *where;
		rb_opts(c, it, &o, &where);
		struct tab_batch *b = NULL;
		for (int k = 0; k < c->ntbatches && !b; k++)
			if (same_text(c->tbatches[k].where, where) &&
			    same_text(c->tbatches[k].weight, o.weight))
				b = &c->tbatches[k];
		if (!b) {
			c->tbatches = xreallocarray(c->tbatches, (size_t)c->ntbatches + 1,
						    sizeof *c->tbatches);
			b = &c->tbatches[c->ntbatches++];
			memset(b, 0, sizeof *b);
			b->where = where;
			b->weight = o.weight;
		} else {
			free(where);
		}
		b->specs = xreallocarray(b->specs, (size_t)b->n + 1, sizeof *b->specs);
		b->items = xreallocarray(b->items, (size_t)b->n + 1, sizeof *b->items);
		b->specs[b->n] = (analysis_tab_spec){ it->var_row, it->var_col, it->var_by };
		b->items[b->n++] = it;
	}
	for (int k = 0; k < c->ntbatches; k++) {
		struct tab_batch *b = &c->tbatches[k];
		if (b->n < 2)   /* one table: made where it stands */
			continue;
		/* the options rb_opts gives each of its tables (they differ only in the filter and
		 * the weight, the batch's) */
		analysis_opts o;
		char *where;
		rb_opts(c, b->items[0], &o, &where);
		free(where);
		o.where = b->where;
		o.weight = b->weight;
		for (int i = 0; i < b->n; i++)   /* any table that asks for Fisher's test gets it */
			o.fisher_rxc_small &= !rb_lists_stat(b->items[i], "fisher_exact");
		char why[ERR_MAX];
		double t0 = rb_now();
		b->res = xcalloc((size_t)b->n, sizeof *b->res);
		if (analysis_tab_batch(c->db, b->specs, b->n, &o, b->res, why) == 0 &&
		    c->o->progress) {
			char *what = xasprintf("(%d cross-tables, one pass)", b->n);
			c->o->progress(c->o->progress_arg, what, rb_now() - t0);
			free(what);
		}
	}
}

void rb_tab_batches_free(struct ctx *c)
{
	for (int k = 0; k < c->ntbatches; k++) {
		struct tab_batch *b = &c->tbatches[k];
		for (int i = 0; b->res && i < b->n; i++)
			if (b->res[i])
				analysis_tab_free(b->res[i]);
		free(b->res);
		free(b->where);
		free(b->specs);
		free(b->items);
	}
	free(c->tbatches);
	c->tbatches = NULL;
	c->ntbatches = 0;
}

/* The cross-table computed for it in a batch (the caller owns it now), or NULL. */
static analysis_tab *tab_batched(struct ctx *c, const report_item *it)
{
	for (int k = 0; k < c->ntbatches; k++)
		for (int i = 0; c->tbatches[k].res && i < c->tbatches[k].n; i++)
			if (c->tbatches[k].items[i] == it) {
				analysis_tab *t = c->tbatches[k].res[i];
				c->tbatches[k].res[i] = NULL;
				return t;
			}
	return NULL;
}

int rb_tab(struct ctx *c, const report_item *it, const analysis_opts *o,
		     report_table **tp)
{
	analysis_tab *t = tab_batched(c, it);
	char why[ERR_MAX];
	if (!t && analysis_tab_run(c->db, it->var_row, it->var_col, it->var_by, o, &t, why)) {
		*c->row = it->row;
		return errf(c->err, "%s: %s", it->name, why);
	}
	report_table *rt = *tp;
	if (t->nlayers > 1 || (t->has_by && t->nlayers == 1)) {
		/* one report layer per analysis layer */
		char *id = xstrdup(rt->id), *title = xstrdup(rt->title);
		report_table_free(rt);
		rt = *tp = report_table_new(id, title, t->nlayers);
		free(id);
		free(title);
	}
	strbuf q = STRBUF_INIT;
	labelled(&q, c->lang, rb_word(c, RW_ROWS), t->row.label);
	labelled(&q, c->lang, rb_word(c, RW_COLUMNS), t->col.label);
	if (t->has_by)
		labelled(&q, c->lang, rb_word(c, RW_LAYERS), t->by.label);
	rt->question = sb_detach(&q);
	int none = it->nstats == 1 && !strcmp(it->stats[0], "none");
	int no = rb_table_no(c);
	char *shown = rb_where(c, it);   /* the author's filter, as the reader should see it */
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		report_layer *RL = &rt->layers[l];
		if (t->has_by && L->by_cat >= 0)
			RL->label = xstrdup(t->by.cats[L->by_cat].label);
		if (L->nrow > 0 && L->ncol > 0) {
			tab_grid(c, it, t, L, RL);
			report_word_id tname = RW_CHI2;
			double p = tab_tests(c, it, t, L, RL, &tname);
			flag_cells(c, it, t, L, RL, rt, p, tname, no);
			dropped(c, it, &t->row, L->rows, L->nrow, &RL->lines);
			dropped(c, it, &t->col, L->cols, L->ncol, &RL->lines);
		}
	}
	if (t->n_cases == 0)
		rb_say(c, &rt->warnings, shown ? RS_NO_DATA_WHERE : RS_NO_DATA, shown, NULL,
		    NULL, NULL);
	if (t->multiple) {
		rb_say(c, &rt->lines, RS_MULTIPLE, NULL, NULL, NULL, NULL);
		c->used |= USED_MULTIPLE;
	}
	if (t->weighted)
		rb_say(c, &rt->lines, RS_WEIGHTED, o->weight, NULL, NULL, NULL);
	if (t->has_cmh && t->cmh.cmh.ok && !none) {
		c->used |= USED_CMH | USED_P;
		char *p = p_text(c, t->cmh.cmh.p, 0);
		rb_say(c, &rt->lines, t->cmh.cmh.p < 0.05 ? RS_SIGNIFICANT_CMH : RS_NOT_SIGNIFICANT_CMH,
		    rb_word(c, RW_CMH), p, NULL, NULL);
		free(p);
	}
	for (int i = 0; i < it->nstats; i++) {
		const statistic *st = statistic_find(it->stats[i]);
		if (st && st->where == STAT_IN_MH_ODDS_RATIO && t->has_cmh)
			stat_line(c, &rt->lines, it->stats[i], &t->cmh.odds_ratio, 0, NULL);
	}
	rb_base_line(c, rt, t->n_cases, shown, 0);
	if (rb_dk_excluded(c, it) && o->where && (!shown || strcmp(o->where, shown)))
		rb_dk_line(c, it, shown, rt);
	free(shown);
	analysis_tab_free(t);
	return 0;
}

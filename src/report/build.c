/* build.c: a report spec run against a database — sections and texts in the report's
 * language, each freq and tab row computed by the analysis pipeline and laid out as a grid,
 * a chart, the test in words and its warnings. Counting and tests are the pipeline's; this
 * file only chooses what to show and says it. */
#include "report/build.h"
#include "report/words.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ctx {
	const report_spec *s;
	analysis_db *db;
	store *st;
	const report_build_opts *o;
	report_doc *doc;
	const char *lang;     /* the report's language code ("ky", "ru", "en", ...) */
	int slang;            /* its index among the spec's languages; -1: none */
	char *err;
	int *row;
};

/* ---- small helpers ---------------------------------------------------------------------- */

static char *num(const struct ctx *c, double v, report_num kind)
{
	strbuf sb = STRBUF_INIT;
	report_fmt(&sb, c->lang, v, kind);
	return sb_detach(&sb);
}

/* A sentence with up to four string blanks, added to l. */
static void say(const struct ctx *c, report_strs *l, report_sentence s, const char *a,
		const char *b, const char *d, const char *e)
{
	strbuf sb = STRBUF_INIT;
	report_say(&sb, c->lang, s, 4, a, b, d, e);
	report_strs_add(l, sb_str(&sb));
	sb_release(&sb);
}

static char *say_str(const struct ctx *c, report_sentence s, const char *a, const char *b,
		     const char *d)
{
	strbuf sb = STRBUF_INIT;
	report_say(&sb, c->lang, s, 3, a, b, d);
	return sb_detach(&sb);
}

static const char *word(const struct ctx *c, report_word_id w)
{
	return report_word(c->lang, w);
}

static const char *spec_text(const struct ctx *c, const report_text *t)
{
	return report_spec_text(c->s, t, c->slang);
}

/* The filter of a table: the settings' and the row's, both kept. malloc'd or NULL. */
static char *table_where(const struct ctx *c, const report_item *it)
{
	if (c->s->where && it->where)
		return xasprintf("(%s) and (%s)", c->s->where, it->where);
	return xstrdup(it->where ? it->where : c->s->where);
}

static void grid_label(char **slot, const char *s)
{
	free(*slot);
	*slot = xstrdup(s ? s : "");
}

static void set_val(report_grid *g, int i, int j, int k, double v, report_num kind)
{
	size_t at = report_grid_at(g, i, j, k);
	g->v[at] = v;
	g->kind[at] = (unsigned char)kind;
}

/* The "Interviews counted" line of a table. */
static void base_line(const struct ctx *c, report_table *t, double n, const char *where,
		      double missing, int weighted)
{
	char *ns = num(c, n, REPORT_N_COUNT);
	strbuf sb = STRBUF_INIT;
	if (where)
		report_say(&sb, c->lang, RS_BASE_WHERE, 2, ns, where);
	else
		report_say(&sb, c->lang, RS_BASE, 1, ns);
	free(ns);
	if (missing > 0) {
		char *ms = num(c, missing, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_MISSING, 1, ms);
		free(ms);
	}
	free(t->base);
	t->base = sb_detach(&sb);
	(void)weighted;
}

/* ---- frequency tables ------------------------------------------------------------------- */

static void freq_summary(const struct ctx *c, const analysis_freq *f, report_layer *L)
{
	static const report_word_id rows[] = { RW_N, RW_MEAN, RW_SD, RW_MIN, RW_Q1, RW_MEDIAN,
						RW_Q3, RW_MAX };
	const analysis_summary *s = &f->summary;
	double v[] = { s->n, s->mean, s->sd, s->min, s->q25, s->median, s->q75, s->max };
	report_grid *g = &L->grid;
	report_grid_init(g, 8, 1, 1);
	grid_label(&g->corner, word(c, RW_STATISTIC));
	grid_label(&g->col_label[0], word(c, RW_VALUE));
	grid_label(&g->val_label[0], word(c, RW_VALUE));
	static const char *const keys[] = { "n", "mean", "sd", "min", "q25", "median", "q75",
					    "max" };
	for (int i = 0; i < 8; i++) {
		grid_label(&g->row_label[i], word(c, rows[i]));
		g->row_code[i] = xstrdup(keys[i]);
		set_val(g, i, 0, 0, v[i], i == 0 ? REPORT_N_COUNT : REPORT_N_NUM);
	}
	g->val_key[0] = xstrdup("value");
}

/* Columns of a frequency table for the cells asked for. */
struct fcol {
	const char *key;       /* JSON key of survey freq */
	report_word_id head;
	report_num kind;
};

static int freq_columns(unsigned cells, int multiple, struct fcol *out)
{
	int n = 0;
	if (!cells)
		cells = REPORT_FC_COUNT | REPORT_FC_VALID;
	if (cells & REPORT_FC_COUNT)
		out[n++] = (struct fcol){ "count", RW_COUNT, REPORT_N_COUNT };
	if (cells & REPORT_FC_PERCENT)
		out[n++] = multiple ? (struct fcol){ "percent", RW_PCT_OF_ANSWERS, REPORT_N_PCT }
				    : (struct fcol){ "percent", RW_PERCENT, REPORT_N_PCT };
	if (cells & REPORT_FC_VALID)
		out[n++] = multiple ? (struct fcol){ "cases_percent", RW_VALID_PERCENT,
						     REPORT_N_PCT }
				    : (struct fcol){ "valid_percent", RW_VALID_PERCENT,
						     REPORT_N_PCT };
	if ((cells & REPORT_FC_CUM) && !multiple)
		out[n++] = (struct fcol){ "cum_percent", RW_CUM_PERCENT, REPORT_N_PCT };
	if (cells & REPORT_FC_CI) {
		out[n++] = (struct fcol){ "ci_low", RW_CI_LOW, REPORT_N_PCT };
		out[n++] = (struct fcol){ "ci_high", RW_CI_HIGH, REPORT_N_PCT };
	}
	return n;
}

static double freq_value(const analysis_freq_row *r, const char *key)
{
	if (!strcmp(key, "count"))
		return r->count;
	if (!strcmp(key, "percent"))
		return r->percent;
	if (!strcmp(key, "valid_percent"))
		return r->valid_percent;
	if (!strcmp(key, "cases_percent"))
		return r->cases_percent;
	if (!strcmp(key, "cum_percent"))
		return r->cum_percent;
	if (!strcmp(key, "ci_low"))
		return r->ci_low;
	return r->ci_high;
}

static void freq_grid(const struct ctx *c, const report_item *it, const analysis_freq *f,
		      report_table *t, report_layer *L)
{
	int multiple = f->var.vtype == ANALYSIS_MULTIPLE;
	struct fcol cols[8];
	int ncol = freq_columns(it->cells, multiple, cols);
	int nvalid = 0, used = 0, last_used = -1;
	for (int i = 0; i < f->nrows; i++)
		if (f->var.cats[f->rows[i].cat].missing == ANALYSIS_VALID) {
			nvalid++;
			if (f->rows[i].count > 0)
				used++, last_used = i;
		}
	report_grid *g = &L->grid;
	report_grid_init(g, nvalid + 1, ncol, 1);
	grid_label(&g->corner, "");   /* the question is written above the table */
	grid_label(&g->val_label[0], word(c, RW_VALUE));
	g->val_key[0] = xstrdup("value");
	for (int j = 0; j < ncol; j++) {
		grid_label(&g->col_label[j], word(c, cols[j].head));
		g->col_code[j] = xstrdup(cols[j].key);
	}
	int r = 0;
	for (int i = 0; i < f->nrows; i++) {
		const analysis_freq_row *fr = &f->rows[i];
		const analysis_cat *cat = &f->var.cats[fr->cat];
		if (cat->missing != ANALYSIS_VALID)
			continue;
		grid_label(&g->row_label[r], cat->label);
		g->row_code[r] = xstrdup(cat->value);
		for (int j = 0; j < ncol; j++)
			set_val(g, r, j, 0, freq_value(fr, cols[j].key), cols[j].kind);
		r++;
	}
	/* the total of those answering */
	grid_label(&g->row_label[r], word(c, RW_TOTAL));
	g->total_rows = 1;
	for (int j = 0; j < ncol; j++) {
		const char *k = cols[j].key;
		double v = NAN;
		if (!strcmp(k, "count"))
			v = f->valid;
		else if (!strcmp(k, "valid_percent") || (!strcmp(k, "cases_percent")))
			v = f->valid > 0 ? 100 : NAN;
		else if (!strcmp(k, "percent") && !multiple)
			v = f->total > 0 ? 100 * f->valid / f->total : NAN;
		else if (!strcmp(k, "percent") && multiple)
			v = f->responses > 0 ? 100 : NAN;
		set_val(g, r, j, 0, v, cols[j].kind);
	}
	/* the chart: the share of those answering, as in the table */
	if (it->chart != REPORT_CHART_NONE && nvalid > 0 && f->valid > 0) {
		report_chart *ch = &L->chart;
		report_chart_init(ch, REPORT_CHART_BARS, nvalid, 1);
		ch->axis = xstrdup(word(c, RW_VALID_PERCENT));
		for (int i = 0, k = 0; i < f->nrows; i++) {
			const analysis_freq_row *fr = &f->rows[i];
			const analysis_cat *cat = &f->var.cats[fr->cat];
			if (cat->missing != ANALYSIS_VALID)
				continue;
			ch->cat[k] = xstrdup(cat->label);
			ch->v[k++] = multiple ? fr->cases_percent : fr->valid_percent;
		}
	}
	if (multiple)
		say(c, &L->lines, RS_MULTIPLE, NULL, NULL, NULL, NULL);
	if (used == 1 && !multiple)
		say(c, &t->warnings, RS_ONE_CATEGORY_FREQ,
		    f->var.cats[f->rows[last_used].cat].label, NULL, NULL, NULL);
}

static int build_freq(struct ctx *c, const report_item *it, const analysis_opts *o,
		      report_table *t)
{
	const char *vars[1] = { it->var_row };
	analysis_freq *f;
	char why[ERR_MAX];
	if (analysis_freq_run(c->db, vars, 1, o, &f, why)) {
		*c->row = it->row;
		return errf(c->err, "%s: %s", it->name, why);
	}
	t->question = xstrdup(f->var.label);
	report_layer *L = &t->layers[0];
	if (f->n_cases == 0) {
		say(c, &t->warnings, o->where ? RS_NO_DATA_WHERE : RS_NO_DATA, o->where, NULL,
		    NULL, NULL);
	} else if (f->has_summary) {
		freq_summary(c, f, L);
	} else {
		freq_grid(c, it, f, t, L);
	}
	if (f->valid == 0 && f->n_cases > 0)
		say(c, &t->warnings, RS_NO_DATA, NULL, NULL, NULL, NULL);
	if (o->weight)
		say(c, &L->lines, RS_WEIGHTED, o->weight, NULL, NULL, NULL);
	base_line(c, t, f->n_cases, o->where, f->has_summary ? f->n_cases - f->summary.n
							       : f->missing, o->weight != NULL);
	analysis_freq_free(f, 1);
	return 0;
}

/* ---- cross-tabs ------------------------------------------------------------------------- */

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

static report_word_id kind_word(int k)
{
	switch (k) {
	case STATS_CELL_COUNT:
		return RW_COUNT;
	case STATS_CELL_EXPECTED:
		return RW_EXPECTED;
	case STATS_CELL_RESIDUAL:
		return RW_RESIDUAL;
	case STATS_CELL_STD_RESIDUAL:
		return RW_STD_RESIDUAL;
	case STATS_CELL_ADJ_RESIDUAL:
		return RW_ADJ_RESIDUAL;
	case STATS_CELL_ROW_PCT:
		return RW_ROW_PCT;
	case STATS_CELL_COL_PCT:
		return RW_COL_PCT;
	default:
		return RW_TOTAL_PCT;
	}
}

static report_num kind_num(int k)
{
	switch (k) {
	case STATS_CELL_COUNT:
		return REPORT_N_COUNT;
	case STATS_CELL_ROW_PCT:
	case STATS_CELL_COL_PCT:
	case STATS_CELL_TOTAL_PCT:
		return REPORT_N_PCT;
	case STATS_CELL_EXPECTED:
		return REPORT_N_NUM;
	default:
		return REPORT_N_STAT;
	}
}

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
	grid_label(&g->corner, t->row.label);
	g->col_title = xstrdup(t->col.label);
	for (int i = 0; i < L->nrow; i++) {
		const analysis_cat *cat = &t->row.cats[L->rows[i]];
		grid_label(&g->row_label[i], cat->label);
		g->row_code[i] = xstrdup(cat->value);
	}
	grid_label(&g->row_label[L->nrow], t->multiple ? word(c, RW_INTERVIEWS)
							: word(c, RW_TOTAL));
	for (int j = 0; j < L->ncol; j++) {
		const analysis_cat *cat = &t->col.cats[L->cols[j]];
		grid_label(&g->col_label[j], cat->label);
		g->col_code[j] = xstrdup(cat->value);
	}
	grid_label(&g->col_label[L->ncol], t->multiple ? word(c, RW_INTERVIEWS)
							: word(c, RW_TOTAL));
	for (int k = 0; k < nk; k++) {
		grid_label(&g->val_label[k], word(c, kind_word(kinds[k])));
		g->val_key[k] = xstrdup(stats_cell_kind_name((stats_cell_kind)kinds[k]));
		for (int i = 0; i <= L->nrow; i++)
			for (int j = 0; j <= L->ncol; j++)
				set_val(g, i, j, k, tab_value(t, L, kinds[k], i, j),
					kind_num(kinds[k]));
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
	ch->axis = xstrdup(word(c, stack ? RW_PCT_WITHIN : RW_COL_PCT));
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

/* "p = 0.003", "p < 0.001", "p ≈ 0.012" (Monte Carlo). */
static char *p_text(const struct ctx *c, double p, int approx)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "p");
	if (p >= 0.001)
		sb_adds(&sb, approx ? "\xc2\xa0\xe2\x89\x88\xc2\xa0" : "\xc2\xa0=\xc2\xa0");
	else
		sb_adds(&sb, "\xc2\xa0");
	report_fmt(&sb, c->lang, p, REPORT_N_P);
	return sb_detach(&sb);
}

static const char *stat_label(const struct ctx *c, const char *key)
{
	const char *n = report_stat_name(c->lang, key);
	if (n)
		return n;
	for (int i = 0; i < stats_crosstab_nfields; i++)
		if (!strcmp(stats_crosstab_fields[i].key, key))
			return stats_crosstab_fields[i].label;
	return key;
}

static int whole(double x)
{
	return fabs(x - round(x)) < 1e-9;
}

/* "Name: value (df = d), p = 0.003." for a statistic the author listed. */
static void stat_line(const struct ctx *c, report_strs *l, const char *key,
		      const stats_value *v, int approx)
{
	if (!v || !v->ok)
		return;
	strbuf sb = STRBUF_INIT;
	if (!isnan(v->value) && strcmp(key, "fisher_exact"))
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
	/* a p-value for tests (they have degrees of freedom, or are exact); a measure's p (of
	 * its test against 0) would only repeat the test's */
	int test = !isnan(v->df) || !strcmp(key, "fisher_exact") || !strcmp(key, "mcnemar_exact");
	if (!isnan(v->p) && test) {
		char *p = p_text(c, v->p, approx);
		sb_addf(&sb, "%s%s", sb.len ? ", " : "", p);
		free(p);
	}
	say(c, l, RS_MEASURE, stat_label(c, key), sb_str(&sb), NULL, NULL);
	sb_release(&sb);
}

/* The statistic `key` of a layer (or of the table: cmh), or NULL. */
static const stats_value *find_stat(const analysis_tab *t, const analysis_layer *L,
				    const char *key)
{
	if (!strcmp(key, "rao_scott_f"))
		return L->has_rao_scott ? &L->rao_scott.f : NULL;
	if (!strcmp(key, "rao_scott_chi2"))
		return L->has_rao_scott ? &L->rao_scott.chisq : NULL;
	if (!strcmp(key, "cmh"))
		return t->has_cmh ? &t->cmh.cmh : NULL;
	if (!strcmp(key, "mantel_haenszel_odds_ratio"))
		return t->has_cmh ? &t->cmh.odds_ratio : NULL;
	if (!L->stats_ok)
		return NULL;
	for (int i = 0; i < stats_crosstab_nfields; i++)
		if (!strcmp(stats_crosstab_fields[i].key, key))
			return stats_crosstab_value(&L->stats, &stats_crosstab_fields[i]);
	return NULL;
}

/* The test in words, its warnings and the statistics the author asked for. */
static void tab_tests(const struct ctx *c, const report_item *it, const analysis_tab *t,
		      const analysis_layer *L, report_layer *RL)
{
	int none = it->nstats == 1 && !strcmp(it->stats[0], "none");
	const char *groups = spec_text(c, &it->groups);
	if (!groups)
		groups = word(c, RW_GROUPS);
	if (L->nrow < 2 || L->ncol < 2) {
		if (L->base > 0)
			say(c, &RL->warnings, RS_ONE_CATEGORY,
			    L->nrow < 2 ? t->row.label : t->col.label, NULL, NULL, NULL);
		return;
	}
	if (t->multiple || none)
		return;
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
	if (test && test->ok && !isnan(test->p)) {
		char *p = p_text(c, test->p, approx);
		say(c, &RL->lines, test->p < 0.05 ? RS_SIGNIFICANT : RS_NOT_SIGNIFICANT, groups,
		    word(c, name), p, NULL);
		free(p);
	} else if (test) {
		say(c, &RL->lines, RS_NO_TEST, test->why ? test->why : "?", NULL, NULL, NULL);
	}
	if (small) {
		char *k = num(c, s->small_expected, REPORT_N_COUNT);
		char *m = num(c, s->cells, REPORT_N_COUNT);
		char *pc = num(c, 100.0 * s->small_expected / s->cells, REPORT_N_PCT);
		char *mn = num(c, s->min_expected, REPORT_N_NUM);
		say(c, &RL->warnings, name == RW_FISHER ? RS_SMALL_EXPECTED_FISHER
							 : RS_SMALL_EXPECTED, k, m, pc, mn);
		free(k);
		free(m);
		free(pc);
		free(mn);
	}
	if (approx) {
		char *b = num(c, (double)s->fisher.samples, REPORT_N_COUNT);
		say(c, &RL->warnings, RS_MONTE_CARLO, b, NULL, NULL, NULL);
		free(b);
	}
	if (it->nstats == 0) {
		const stats_value *v = find_stat(t, L, "cramers_v");
		if (v && v->ok && !L->has_rao_scott)
			stat_line(c, &RL->lines, "cramers_v", v, 0);
	}
	for (int i = 0; i < it->nstats && !none; i++) {
		if (!strcmp(it->stats[i], "cmh") ||
		    !strcmp(it->stats[i], "mantel_haenszel_odds_ratio"))
			continue;   /* about all layers: shown once under the table */
		stat_line(c, &RL->lines, it->stats[i], find_stat(t, L, it->stats[i]),
			  !strcmp(it->stats[i], "fisher_exact") &&
			  s->fisher.method == STATS_FISHER_MONTE_CARLO);
	}
}

/* A note naming the valid categories of v that are not among shown[0..n-1] (nobody chose
 * them, so the pipeline left them out of the table). */
static void dropped(const struct ctx *c, const analysis_var *v, const int *shown, int n,
		    report_strs *l)
{
	strbuf sb = STRBUF_INIT;
	for (int k = 0; k < v->nvalid; k++) {
		int seen = 0;
		for (int i = 0; i < n && !seen; i++)
			seen = shown[i] == k;
		if (!seen)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", v->cats[k].label);
	}
	if (sb.len)
		say(c, l, RS_DROPPED, sb_str(&sb), NULL, NULL, NULL);
	sb_release(&sb);
}

/* Append "Name: label." (no full stop after a label that ends with one, or with ? or !). */
static void labelled(strbuf *sb, const char *name, const char *label)
{
	size_t n = strlen(label);
	char last = n ? label[n - 1] : 0;
	sb_addf(sb, "%s%s: %s%s", sb->len ? " " : "", name, label,
		last == '.' || last == '?' || last == '!' ? "" : ".");
}

static int build_tab(struct ctx *c, const report_item *it, const analysis_opts *o,
		     report_table **tp)
{
	analysis_tab *t;
	char why[ERR_MAX];
	if (analysis_tab_run(c->db, it->var_row, it->var_col, it->var_by, o, &t, why)) {
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
	labelled(&q, word(c, RW_ROWS), t->row.label);
	labelled(&q, word(c, RW_COLUMNS), t->col.label);
	if (t->has_by)
		labelled(&q, word(c, RW_LAYERS), t->by.label);
	rt->question = sb_detach(&q);
	int none = it->nstats == 1 && !strcmp(it->stats[0], "none");
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		report_layer *RL = &rt->layers[l];
		if (t->has_by && L->by_cat >= 0)
			RL->label = xstrdup(t->by.cats[L->by_cat].label);
		if (L->nrow > 0 && L->ncol > 0) {
			tab_grid(c, it, t, L, RL);
			tab_tests(c, it, t, L, RL);
			dropped(c, &t->row, L->rows, L->nrow, &RL->lines);
			dropped(c, &t->col, L->cols, L->ncol, &RL->lines);
		}
	}
	if (t->n_cases == 0)
		say(c, &rt->warnings, o->where ? RS_NO_DATA_WHERE : RS_NO_DATA, o->where, NULL,
		    NULL, NULL);
	if (t->multiple)
		say(c, &rt->lines, RS_MULTIPLE, NULL, NULL, NULL, NULL);
	if (t->weighted)
		say(c, &rt->lines, RS_WEIGHTED, o->weight, NULL, NULL, NULL);
	if (t->has_cmh && t->cmh.cmh.ok && !none) {
		char *p = p_text(c, t->cmh.cmh.p, 0);
		say(c, &rt->lines, t->cmh.cmh.p < 0.05 ? RS_SIGNIFICANT_CMH : RS_NOT_SIGNIFICANT_CMH,
		    word(c, RW_CMH), p, NULL, NULL);
		free(p);
	}
	for (int i = 0; i < it->nstats; i++)
		if (!strcmp(it->stats[i], "mantel_haenszel_odds_ratio") && t->has_cmh)
			stat_line(c, &rt->lines, it->stats[i], &t->cmh.odds_ratio, 0);
	base_line(c, rt, t->n_cases, o->where, 0, t->weighted);
	analysis_tab_free(t);
	return 0;
}

/* ---- the methods section ---------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_para(const struct ctx *c, report_sentence s, const char *a, const char *b,
		     const char *d)
{
	char *t = say_str(c, s, a, b, d);
	report_doc_para(c->doc, t);
	free(t);
}

/* Facts from the interview list: counts, dates, interviewers. */
struct facts {
	long long complete, drafts, other;
	char first[11], last[11];
	int ninterviewers, ndevices;
	char **names;          /* interviewers, sorted, with counts */
	long long *counts;
	char *versions;        /* "v1, v2" */
};

static void facts_release(struct facts *f)
{
	for (int i = 0; i < f->ninterviewers; i++)
		free(f->names[i]);
	free(f->names);
	free(f->counts);
	free(f->versions);
}

static int gather_facts(struct ctx *c, struct facts *f)
{
	memset(f, 0, sizeof *f);
	store_interview *ivs;
	int n;
	char why[ERR_MAX];
	if (store_interviews(c->st, &ivs, &n, why))
		return errf(c->err, "cannot list the interviews: %s", why);
	const char *fid = analysis_form_id(c->db);
	char **names = xcalloc((size_t)n + 1, sizeof *names);
	char **devs = xcalloc((size_t)n + 1, sizeof *devs);
	char **vers = xcalloc((size_t)n + 1, sizeof *vers);
	int k = 0;
	for (int i = 0; i < n; i++) {
		const store_interview *iv = &ivs[i];
		if (strcmp(iv->form_id, fid)) {
			f->other++;
			continue;
		}
		if (strcmp(iv->status, "complete")) {
			f->drafts++;
			continue;
		}
		f->complete++;
		char day[11];
		snprintf(day, sizeof day, "%.10s", iv->created ? iv->created : "");
		if (!*f->first || strcmp(day, f->first) < 0)
			memcpy(f->first, day, sizeof day);
		if (strcmp(day, f->last) > 0)
			memcpy(f->last, day, sizeof day);
		names[k] = iv->interviewer && *iv->interviewer ? iv->interviewer : "—";
		devs[k] = iv->device_id ? iv->device_id : "";
		vers[k] = iv->form_version ? iv->form_version : "";
		k++;
	}
	qsort(names, (size_t)k, sizeof *names, cmp_str);
	qsort(devs, (size_t)k, sizeof *devs, cmp_str);
	qsort(vers, (size_t)k, sizeof *vers, cmp_str);
	f->names = xcalloc((size_t)k + 1, sizeof *f->names);
	f->counts = xcalloc((size_t)k + 1, sizeof *f->counts);
	strbuf vs = STRBUF_INIT;
	for (int i = 0; i < k; i++) {
		if (!i || strcmp(names[i], names[i - 1])) {
			f->names[f->ninterviewers] = xstrdup(names[i]);
			f->counts[f->ninterviewers++] = 0;
		}
		f->counts[f->ninterviewers - 1]++;
		if (!i || strcmp(devs[i], devs[i - 1]))
			f->ndevices++;
		if (!i || strcmp(vers[i], vers[i - 1]))
			sb_addf(&vs, "%s%s", vs.len ? ", " : "", vers[i]);
	}
	f->versions = sb_detach(&vs);
	free(names);
	free(devs);
	free(vers);
	store_interviews_free(ivs, n);
	return 0;
}

/* The number of complete interviews the report's condition keeps (through the pipeline). */
static int where_kept(struct ctx *c, double *kept)
{
	const char *var = NULL;
	for (int i = 0; i < c->s->nitems && !var; i++)
		if (c->s->items[i].var_row)
			var = c->s->items[i].var_row;
	*kept = NAN;
	if (!var)
		return 0;
	analysis_opts o = { .lang = c->lang, .where = c->s->where };
	analysis_freq *f;
	char why[ERR_MAX];
	if (analysis_freq_run(c->db, &var, 1, &o, &f, why))
		return errf(c->err, "the report's condition: %s", why);
	*kept = f->n_cases;
	analysis_freq_free(f, 1);
	return 0;
}

static int build_methods(struct ctx *c, const report_item *it, const struct facts *f)
{
	const form *fm = analysis_form(c->db);
	const char *title = it ? spec_text(c, &it->title) : NULL;
	report_doc_heading(c->doc, 1, "methods", title ? title : word(c, RW_METHODS));
	if (it && spec_text(c, &it->note))
		report_doc_para(c->doc, spec_text(c, &it->note));
	if (c->o->simulated)
		report_doc_para(c->doc, word(c, RW_SIMULATED_NOTE));
	add_para(c, RS_M_FORM, fm->title, fm->id, *fm->version ? fm->version : "—");
	if (strchr(f->versions, ','))
		add_para(c, RS_M_VERSIONS, f->versions, NULL, NULL);
	if (f->complete > 0)
		add_para(c, RS_M_DATES, f->first, f->last, NULL);
	strbuf sb = STRBUF_INIT;
	char *n = num(c, (double)f->complete, REPORT_N_COUNT);
	report_say(&sb, c->lang, RS_M_INCLUDED, 1, n);
	free(n);
	if (f->drafts) {
		n = num(c, (double)f->drafts, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_M_EXCLUDED_DRAFTS, 1, n);
		free(n);
	}
	if (f->other) {
		n = num(c, (double)f->other, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_M_EXCLUDED_OTHER, 1, n);
		free(n);
	}
	if (c->s->where) {
		double kept;
		if (where_kept(c, &kept)) {
			sb_release(&sb);
			return -1;
		}
		if (!isnan(kept)) {
			n = num(c, (double)f->complete - kept, REPORT_N_COUNT);
			sb_addc(&sb, ' ');
			report_say(&sb, c->lang, RS_M_EXCLUDED_WHERE, 2, n, c->s->where);
			free(n);
		}
	}
	report_doc_para(c->doc, sb_str(&sb));
	sb_reset(&sb);
	char *ni = num(c, f->ninterviewers, REPORT_N_COUNT), *nd = num(c, f->ndevices,
								       REPORT_N_COUNT);
	add_para(c, RS_M_INTERVIEWERS, ni, nd, NULL);
	free(ni);
	free(nd);
	if (c->s->weight)
		add_para(c, RS_M_WEIGHTS, c->s->weight, NULL, NULL);
	else
		add_para(c, RS_M_WEIGHTS_NONE, NULL, NULL, NULL);
	add_para(c, RS_M_TESTS, NULL, NULL, NULL);
	add_para(c, RS_M_MISSING, NULL, NULL, NULL);
	sb_release(&sb);

	/* complete interviews by interviewer */
	report_table *t = report_table_new("interviewers", word(c, RW_BY_INTERVIEWER), 1);
	report_grid *g = &t->layers[0].grid;
	report_grid_init(g, f->ninterviewers + 1, 2, 1);
	grid_label(&g->corner, word(c, RW_INTERVIEWER));
	grid_label(&g->col_label[0], word(c, RW_INTERVIEWS));
	grid_label(&g->col_label[1], "%");
	g->col_code[0] = xstrdup("count");
	g->col_code[1] = xstrdup("percent");
	grid_label(&g->val_label[0], word(c, RW_VALUE));
	g->val_key[0] = xstrdup("value");
	g->total_rows = 1;
	for (int i = 0; i <= f->ninterviewers; i++) {
		double v = i < f->ninterviewers ? (double)f->counts[i] : (double)f->complete;
		grid_label(&g->row_label[i], i < f->ninterviewers ? f->names[i]
								 : word(c, RW_TOTAL));
		set_val(g, i, 0, 0, v, REPORT_N_COUNT);
		set_val(g, i, 1, 0, f->complete ? 100 * v / (double)f->complete : NAN,
			REPORT_N_PCT);
	}
	report_doc_table(c->doc, t);
	return 0;
}

/* ---- the document ----------------------------------------------------------------------- */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int build_table(struct ctx *c, const report_item *it)
{
	const char *title = spec_text(c, &it->title);
	/* survey tab's defaults, so that its numbers and ours agree (seed 1) */
	analysis_opts o = { .lang = c->lang, .fisher = { .seed = 1 } };
	char *where = table_where(c, it);
	o.where = where;
	o.weight = it->weight ? it->weight : c->s->weight;
	report_table *t = report_table_new(it->name, title ? title : it->name, 1);
	double t0 = now_seconds();
	int rc = it->kind == REPORT_FREQ ? build_freq(c, it, &o, t) : build_tab(c, it, &o, &t);
	if (rc == 0) {
		if (!title) {   /* no title in the spec: the question's label */
			free(t->title);
			t->title = xstrdup(t->question ? t->question : it->name);
		}
		const char *note = spec_text(c, &it->note);
		if (note)
			t->note = xstrdup(note);
		report_doc_table(c->doc, t);
		if (c->o->progress)
			c->o->progress(c->o->progress_arg, it->name, now_seconds() - t0);
	} else {
		report_table_free(t);
	}
	free(where);
	return rc;
}

/* The language: asked for, else the spec's default, else the form's default. */
static int choose_lang(struct ctx *c, char *code, size_t size)
{
	const form *f = analysis_form(c->db);
	const char *want = c->o->lang;
	if (!want && c->s->nlangs && c->s->default_language)
		want = c->s->langs[c->s->default_lang].code;
	if (!want && f->default_lang >= 0)
		want = f->langs[f->default_lang].code ? f->langs[f->default_lang].code
						      : f->langs[f->default_lang].name;
	int li = -1;
	char why[ERR_MAX];
	if (want && analysis_find_lang(c->db, want, &li, why))
		return errf(c->err, "%s", why);
	if (want && li >= 0)
		snprintf(code, size, "%s", f->langs[li].code ? f->langs[li].code
							     : f->langs[li].name);
	else
		snprintf(code, size, "%s", want ? want : "en");
	c->slang = report_spec_find_lang(c->s, code);
	return 0;
}

int report_build(const report_spec *s, analysis_db *db, store *st,
		 const report_build_opts *o, report_doc *out, int *row, char *err)
{
	static const report_build_opts defaults;
	char code[16];
	struct ctx c = { .s = s, .db = db, .st = st, .o = o ? o : &defaults, .doc = out,
			 .err = err, .row = row };
	*row = 0;
	memset(out, 0, sizeof *out);
	if (choose_lang(&c, code, sizeof code))
		return -1;
	report_doc_init(out, code);
	c.lang = out->lang;
	const form *f = analysis_form(db);
	const char *title = spec_text(&c, &s->title);
	out->title = xstrdup(title ? title : f->title);
	out->subtitle = xstrdup(spec_text(&c, &s->subtitle));
	out->author = xstrdup(spec_text(&c, &s->author));
	out->date = xstrdup(c.o->date);
	out->made = c.o->made;
	out->simulated = c.o->simulated;

	struct facts facts;
	if (gather_facts(&c, &facts))
		goto fail;
	char *ver = xasprintf("%s %s", f->id, *f->version ? f->version : "");
	report_strs_addf(&out->facts, "%s: %s (%s)", word(&c, RW_QUESTIONNAIRE), f->title, ver);
	free(ver);
	if (facts.complete > 0) {
		char *r = say_str(&c, RS_DATE_RANGE, facts.first, facts.last, NULL);
		report_strs_addf(&out->facts, "%s: %s", word(&c, RW_FIELDWORK), r);
		free(r);
	}
	char *n = num(&c, (double)facts.complete, REPORT_N_COUNT);
	report_strs_addf(&out->facts, "%s: %s", word(&c, RW_INTERVIEWS), n);
	free(n);

	int methods = 0;
	for (int i = 0; i < s->nitems; i++)
		methods |= s->items[i].kind == REPORT_METHODS;
	if (!methods && build_methods(&c, NULL, &facts))
		goto fail_facts;
	for (int i = 0; i < s->nitems; i++) {
		const report_item *it = &s->items[i];
		const char *t = spec_text(&c, &it->title), *note = spec_text(&c, &it->note);
		switch (it->kind) {
		case REPORT_SECTION: {
			char *id = *it->name ? xstrdup(it->name) : xasprintf("s%d", it->row);
			report_doc_heading(out, 1, id, t ? t : "");
			free(id);
			if (note)
				report_doc_para(out, note);
			break;
		}
		case REPORT_TEXT:
			if (t)
				report_doc_heading(out, 2, *it->name ? it->name : NULL, t);
			if (note)
				report_doc_para(out, note);
			break;
		case REPORT_METHODS:
			if (build_methods(&c, it, &facts))
				goto fail_facts;
			break;
		case REPORT_FREQ:
		case REPORT_TAB:
			if (build_table(&c, it))
				goto fail_facts;
			break;
		default:
			break;
		}
	}
	facts_release(&facts);
	return 0;
fail_facts:
	facts_release(&facts);
fail:
	report_doc_release(out);
	return -1;
}

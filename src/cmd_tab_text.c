/* cmd_tab_text.c: `survey tab` as text for a terminal — the table of each layer with its
 * labels, the statistics block, cell and choice tests, and the notes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_analysis.h"
#include "cmd_tab.h"
#include "cmd_table.h"
#include "util/cnum.h"
#include "util/termsafe.h"
#include "util/util.h"

/* ---- text -------------------------------------------------------------------------------- */

static const char *cell_word(stats_cell_kind k)
{
	static const char *const w[STATS_CELL_NKINDS] = {
		[STATS_CELL_COUNT] = "count", [STATS_CELL_EXPECTED] = "expected",
		[STATS_CELL_RESIDUAL] = "residual", [STATS_CELL_STD_RESIDUAL] = "std. resid.",
		[STATS_CELL_ADJ_RESIDUAL] = "adj. resid.", [STATS_CELL_ROW_PCT] = "row %",
		[STATS_CELL_COL_PCT] = "col %", [STATS_CELL_TOTAL_PCT] = "total %",
	};
	return w[k];
}

static void fmt_cell(char *buf, size_t n, double x, stats_cell_kind k)
{
	if (!isfinite(x))
		snprintf(buf, n, "%s", isnan(x) ? "" : "inf");
	else if (k == STATS_CELL_COUNT)
		snprintf(buf, n, x == floor(x) ? "%.0f" : "%.1f", x);
	else if (k == STATS_CELL_ROW_PCT || k == STATS_CELL_COL_PCT || k == STATS_CELL_TOTAL_PCT ||
		 k == STATS_CELL_EXPECTED)
		snprintf(buf, n, "%.1f", x);
	else
		snprintf(buf, n, "%.2f", x);
}

/* A statistic as PSPP shows it: three decimals, small numbers in exponent form. */
static void fmt_stat(char *buf, size_t n, double x)
{
	if (!isfinite(x))
		snprintf(buf, n, "%s", "");
	else if (x == 0 || fabs(x) >= 0.001)
		snprintf(buf, n, "%.3f", x);
	else
		snprintf(buf, n, "%.2e", x);
}

static void text_table(strbuf *sb, const tab_cli *cli, const analysis_tab *t,
		       const analysis_layer *L)
{
	int kinds[STATS_CELL_NKINDS], nk = 0;
	for (int k = 0; k < STATS_CELL_NKINDS; k++)
		if (cli->cells & (1u << k))
			kinds[nk++] = k;
	int lab = nk > 1 ? 2 : 1;   /* label column(s) */
	cmd_grid g;
	cmd_grid_init(&g, lab + L->ncol + 1);
	for (int c = lab; c < g.ncols; c++)
		g.right[c] = 1;
	g.nheader = 1;
	cmd_grid_set(&g, 0, 0, t->row.label);
	for (int j = 0; j < L->ncol; j++)
		cmd_grid_set(&g, 0, lab + j, t->col.cats[L->cols[j]].label);
	cmd_grid_set(&g, 0, lab + L->ncol, t->multiple ? "Interviews" : "Total");
	cmd_grid_rule(&g, 0);
	int r = 1;
	char buf[64];
	for (int i = 0; i < L->nrow; i++) {
		for (int q = 0; q < nk; q++, r++) {
			if (q == 0)
				cmd_grid_set(&g, r, 0, t->row.cats[L->rows[i]].label);
			if (lab == 2)
				cmd_grid_set(&g, r, 1, cell_word(kinds[q]));
			for (int j = 0; j < L->ncol; j++) {
				fmt_cell(buf, sizeof buf, tab_cell_value(t, L, i, j, kinds[q]), kinds[q]);
				cmd_grid_set(&g, r, lab + j, buf);
			}
			double tot = NAN;
			if (kinds[q] == STATS_CELL_COUNT)
				tot = L->row_base[i];
			else if (kinds[q] == STATS_CELL_ROW_PCT)   /* choices in columns: no 100% */
				tot = L->row_base[i] > 0 && t->col.vtype != ANALYSIS_MULTIPLE ? 100 : NAN;
			else if (kinds[q] == STATS_CELL_TOTAL_PCT || kinds[q] == STATS_CELL_COL_PCT)
				tot = L->base > 0 ? 100 * L->row_base[i] / L->base : NAN;
			fmt_cell(buf, sizeof buf, tot, kinds[q]);
			cmd_grid_set(&g, r, lab + L->ncol, buf);
		}
	}
	cmd_grid_rule(&g, r - 1);
	cmd_grid_set(&g, r, 0, t->multiple ? "Interviews" : "Total");
	for (int j = 0; j < L->ncol; j++) {
		fmt_cell(buf, sizeof buf, L->col_base[j], STATS_CELL_COUNT);
		cmd_grid_set(&g, r, lab + j, buf);
	}
	fmt_cell(buf, sizeof buf, L->base, STATS_CELL_COUNT);
	cmd_grid_set(&g, r, lab + L->ncol, buf);
	cmd_grid_render(&g, sb);
	cmd_grid_release(&g);
}

/* Statistics that never apply to a table of this shape stay out of the text. */
static int skip_text(const analysis_layer *L, const statistic *st, const stats_value *v)
{
	if (v->ok)
		return 0;
	int square = L->nrow == L->ncol, two = L->nrow == 2 && L->ncol == 2;
	if (st->needs & STAT_NEEDS_SAME)
		return !square || strstr(v->why, "categories") != NULL;
	if (st->needs & STAT_NEEDS_2X2)
		return !two;
	if (st->needs & STAT_ASKED)
		return L->stats.fisher.method == STATS_FISHER_NONE && !two &&
		       strstr(v->why, "not asked") != NULL;
	return 0;
}

static void text_stat_row(cmd_grid *g, int *r, const char *label, const stats_value *v,
			  unsigned members)
{
	char buf[64];
	if (!v->ok)
		return;   /* text_stats lists these by reason */
	cmd_grid_set(g, *r, 0, label);
	if (members & STATS_F_VALUE) {
		fmt_stat(buf, sizeof buf, v->value);
		cmd_grid_set(g, *r, 1, buf);
	}
	if (members & STATS_F_ASE) {
		fmt_stat(buf, sizeof buf, v->ase);
		cmd_grid_set(g, *r, 2, buf);
	}
	if (members & STATS_F_T) {
		fmt_stat(buf, sizeof buf, v->t);
		cmd_grid_set(g, *r, 3, buf);
	}
	if ((members & STATS_F_DF) && isfinite(v->df)) {
		if (isfinite(v->df2))
			snprintf(buf, sizeof buf, "%.4g, %.4g", v->df, v->df2);
		else
			snprintf(buf, sizeof buf, "%.4g", v->df);
		cmd_grid_set(g, *r, 4, buf);
	}
	if (members & STATS_F_P) {
		fmt_stat(buf, sizeof buf, v->p);
		cmd_grid_set(g, *r, 5, buf);
	}
	if ((members & STATS_F_CI) && isfinite(v->ci_low)) {
		char lo[32], hi[32];
		fmt_stat(lo, sizeof lo, v->ci_low);
		fmt_stat(hi, sizeof hi, v->ci_high);
		cmd_grid_setf(g, *r, 6, "%s – %s", lo, hi);
	}
	(*r)++;
}

/* With a design the chi-square tests of the weighted table (as if it were counts of a simple
 * random sample) stay out of the text: the Rao-Scott tests replace them (JSON keeps them). */
static int naive_test(const analysis_layer *L, const statistic *st)
{
	return L->has_rao_scott && (st->needs & STAT_SRS);
}

/* Statistic k of the registry, if asked for and of this layer (not across layers): its value,
 * else NULL. */
static const stats_value *layer_stat(const tab_cli *cli, const analysis_layer *L, int k)
{
	const statistic *st = &statistics[k];
	if (!cli->want[k] || (st->needs & STAT_NEEDS_LAYERS))
		return NULL;
	return statistic_value(st, NULL, L);
}

/* Statistic k is asked for, not computed for this layer and not left out of the text: its
 * reason, else NULL. */
static const char *not_computed(const tab_cli *cli, const analysis_layer *L, int k)
{
	const stats_value *v = layer_stat(cli, L, k);
	if (!v || v->ok || !v->why || statistics[k].where != STAT_IN_CROSSTAB ||
	    skip_text(L, &statistics[k], v) || naive_test(L, &statistics[k]))
		return NULL;
	return v->why;
}

/* The statistics asked for that this table does not allow: a line per reason, naming them. */
static void text_not_computed(strbuf *sb, const tab_cli *cli, const analysis_layer *L)
{
	for (int k = 0; k < nstatistics; k++) {
		const char *why = not_computed(cli, L, k);
		if (!why)
			continue;
		int seen = 0;   /* listed with an earlier one of the same reason */
		for (int e = 0; e < k && !seen; e++) {
			const char *u = not_computed(cli, L, e);
			seen = u && strcmp(u, why) == 0;
		}
		if (seen)
			continue;
		sb_addf(sb, "not computed (%s):", why);
		const char *sep = " ";
		for (int e = k; e < nstatistics; e++) {
			const char *u = not_computed(cli, L, e);
			if (u && strcmp(u, why) == 0) {
				sb_addf(sb, "%s%s", sep, statistics[e].name);
				sep = ", ";
			}
		}
		sb_addc(sb, '\n');
	}
}

static void text_stats(strbuf *sb, const tab_cli *cli, const analysis_layer *L)
{
	cmd_grid g;
	static const char *const head[] = { "Statistic", "Value", "Asymp. Std. Error",
					    "Approx. T", "df", "Approx. Sig.", "95% CI" };
	cmd_grid_init_head(&g, 7, 12, head);
	int r = 1, design_asked = 0;
	for (int k = 0; k < nstatistics; k++) {
		const statistic *st = &statistics[k];
		const stats_value *v = layer_stat(cli, L, k);
		if (!v || skip_text(L, st, v) || naive_test(L, st))
			continue;
		design_asked |= st->where != STAT_IN_CROSSTAB;
		const char *label = st->name;
		char lbuf[96];
		if ((st->needs & STAT_ASKED) && L->stats.fisher.method == STATS_FISHER_MONTE_CARLO) {
			snprintf(lbuf, sizeof lbuf, "%s (Monte Carlo)", st->name);
			label = lbuf;
		}
		text_stat_row(&g, &r, label, v, st->members);
	}
	if (r > 1)
		cmd_grid_render(&g, sb);
	cmd_grid_release(&g);
	/* the statistics asked for that this table does not allow, by reason */
	const char *only = NULL;
	int reasons = 0;
	for (int k = 0; k < nstatistics; k++) {
		const char *why = not_computed(cli, L, k);
		if (why && (!only || strcmp(only, why) != 0)) {
			only = why;
			reasons++;
		}
	}
	if (design_asked) {
		if (!L->rao_scott.f.ok)
			sb_addf(sb, "no design-based test (Rao-Scott): %s\n", L->rao_scott.f.why);
		else
			sb_adds(sb, "test of independence: read the Rao-Scott p (design-based); the "
				"chi-square tests of the weighted table are not shown, and the p-values of "
				"the measures assume a simple random sample\n");
	}
	if (r == 1 && reasons == 1)
		sb_addf(sb, "no statistic: %s\n", only);
	else
		text_not_computed(sb, cli, L);
}

/* A blank line unless the text already ends with one. */
static void blank_line(strbuf *sb)
{
	if (!(sb->len >= 2 && sb->buf[sb->len - 1] == '\n' && sb->buf[sb->len - 2] == '\n'))
		sb_addc(sb, '\n');
}

/* Multiple response: a line per choice with its test and Holm's p. */
static void text_choice_tests(strbuf *sb, const analysis_tab *t, const analysis_layer *L)
{
	if (!L->nchoice)
		return;
	const analysis_var *mv = t->row.vtype == ANALYSIS_MULTIPLE ? &t->row : &t->col;
	cmd_grid g;
	const char *head[] = { "Choice (selected or not)", t->design ? "Rao-Scott F" :
			       "Pearson chi-square", "df", "Sig.", "Sig. (Holm)" };
	cmd_grid_init_head(&g, 5, 12, head);
	char buf[64];
	for (int a = 0; a < L->nchoice; a++) {
		const analysis_choice_test *ch = &L->choices[a];
		const stats_value *v = &ch->test;
		cmd_grid_set(&g, a + 1, 0, mv->cats[ch->cat].label);
		if (!v->ok) {
			cmd_grid_set(&g, a + 1, 1, v->why ? v->why : "");
			continue;
		}
		fmt_stat(buf, sizeof buf, v->value);
		cmd_grid_set(&g, a + 1, 1, buf);
		if (isfinite(v->df2))
			snprintf(buf, sizeof buf, "%.4g, %.4g", v->df, v->df2);
		else
			snprintf(buf, sizeof buf, "%.4g", v->df);
		cmd_grid_set(&g, a + 1, 2, buf);
		fmt_stat(buf, sizeof buf, v->p);
		cmd_grid_set(&g, a + 1, 3, buf);
		fmt_stat(buf, sizeof buf, ch->p_adj);
		cmd_grid_set(&g, a + 1, 4, buf);
	}
	blank_line(sb);
	cmd_grid_render(&g, sb);
	cmd_grid_release(&g);
	sb_addf(sb, "each choice: selected or not by %s, among the %.0f interview%s of the table%s\n",
		mv == &t->row ? "column" : "row", L->n_cases, L->n_cases == 1 ? "" : "s",
		t->design ? " (design-based)" : "");
}

/* The cells whose test survives Bonferroni's correction, with their direction. */
static void text_cell_tests(strbuf *sb, const analysis_tab *t, const analysis_layer *L)
{
	const analysis_cell_tests *ct = &L->cell_tests;
	if (!ct->ok)
		return;
	int any = 0;
	for (int k = 0; k < L->nrow * L->ncol; k++)
		any += ct->flag[k] != 0;
	blank_line(sb);
	sb_addf(sb, "cells that differ (%s, Bonferroni over %d cells, p < %g): %s\n",
		ct->design ? "Rao-Scott test of each cell" : "adjusted residuals", ct->m,
		ANALYSIS_ALPHA, any ? "▲ more often, ▼ less often than the other rows" : "none");
	char z[32], p[32];
	for (int i = 0; i < L->nrow; i++)
		for (int j = 0; j < L->ncol; j++) {
			int k = i * L->ncol + j;
			if (!ct->flag[k])
				continue;
			fmt_stat(z, sizeof z, ct->z[k]);
			fmt_stat(p, sizeof p, ct->p_adj[k]);
			termsafe_line(sb, "  %s %s × %s (z = %s, adjusted p = %s)",
				      ct->flag[k] > 0 ? "▲" : "▼", t->row.cats[L->rows[i]].label,
				      t->col.cats[L->cols[j]].label, z, p);
		}
}

static void text_notes(strbuf *sb, const analysis_notes *n)
{
	for (int k = 0; k < n->n; k++)
		termsafe_line(sb, "%s: %s", n->items[k].warning ? "warning" : "note", n->items[k].text);
}

void tab_print_text(const tab_cli *cli, const analysis_tab *t)
{
	strbuf sb = STRBUF_INIT;
	/* names and labels come from the questionnaire: each line is escaped (termsafe) */
	termsafe_line(&sb, "%s × %s%s%s — %.0f interview%s", t->row.name, t->col.name,
		      t->has_by ? " by " : "", t->has_by ? t->by.name : "", t->n_cases,
		      t->n_cases == 1 ? "" : "s");
	termsafe_line(&sb, "rows: %s", t->row.label);
	termsafe_line(&sb, "columns: %s", t->col.label);
	if (t->has_by)
		termsafe_line(&sb, "layers: %s", t->by.label);
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		sb_addc(&sb, '\n');
		if (L->by_cat >= 0) {
			termsafe_line(&sb, "%s = %s (%.0f interview%s)", t->by.name,
				      t->by.cats[L->by_cat].label, L->n_cases, L->n_cases == 1 ? "" : "s");
			sb_addc(&sb, '\n');
		}
		if (L->nrow && L->ncol) {
			text_table(&sb, cli, t, L);
			size_t before = sb.len;
			sb_addc(&sb, '\n');
			text_stats(&sb, cli, L);
			text_choice_tests(&sb, t, L);
			text_cell_tests(&sb, t, L);
			if (sb.len == before + 1)
				sb.buf[--sb.len] = 0;
		}
		if (L->notes.n)
			sb_addc(&sb, '\n');
		text_notes(&sb, &L->notes);
	}
	if (t->has_by && t->has_cmh && cli->want_cmh) {
		cmd_grid g;
		static const char *const head[] = { "Across layers", "Value", "Asymp. Std. Error",
						    "", "df", "Approx. Sig.", "95% CI" };
		cmd_grid_init_head(&g, 7, 0, head);
		int r = 1;
		for (int k = 0; k < nstatistics; k++)   /* the statistics across layers */
			if (statistics[k].needs & STAT_NEEDS_LAYERS)
				text_stat_row(&g, &r, statistics[k].name,
					      statistic_value(&statistics[k], t, NULL),
					      statistics[k].members);
		sb_addc(&sb, '\n');
		cmd_grid_render(&g, &sb);
		cmd_grid_release(&g);
	}
	if (t->notes.n)
		sb_addc(&sb, '\n');
	text_notes(&sb, &t->notes);
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}

/* cmd_tab_json.c: `survey tab --format json` — the cross-table, its layers, statistics, cell
 * and choice tests and notes as one JSON document on stdout (util/json.c's writer). */
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

/* "why" when v was not computed. */
static void json_why(json_w *w, const stats_value *v)
{
	if (!v->ok && v->why)
		jw_kstr(w, "why", v->why);
}

/* A test's statistic (as vkey), degrees of freedom (the first as dfkey) and p; NaN when v was
 * not computed. */
static void json_vdp(json_w *w, const stats_value *v, const char *vkey, const char *dfkey)
{
	const char *const k[] = { vkey, dfkey, "df2", "p" };
	const double x[] = { v->ok ? v->value : NAN, v->ok ? v->df : NAN, v->ok ? v->df2 : NAN,
			     v->ok ? v->p : NAN };
	jw_knums(w, k, x, 4);
}

/* The members of v that a statistic reports (members: STATS_F_*), and "why" when not computed. */
static void json_value(json_w *w, const stats_value *v, unsigned members)
{
	jw_obj(w);
	for (int k = 0; k < ntab_parts; k++)
		if (members & tab_parts[k].bit)
			jw_knum(w, tab_parts[k].name, tab_part_value(v, &tab_parts[k]));
	json_why(w, v);
	jw_end(w);
}

static void json_strings(json_w *w, const analysis_var *v, const int *idx, int n, int labels)
{
	jw_arr(w);
	for (int k = 0; k < n; k++)
		jw_str(w, labels ? v->cats[idx[k]].label : v->cats[idx[k]].value);
	jw_end(w);
}

static void json_numbers(json_w *w, const double *x, int n)
{
	jw_arr(w);
	for (int k = 0; k < n; k++)
		jw_num(w, x[k]);
	jw_end(w);
}

/* A matrix like counts: cell (i, j) of layer L as kind, or (kind < 0) x[i * ncol + j]. */
static void json_matrix(json_w *w, const analysis_tab *t, const analysis_layer *L, int kind,
			const double *x)
{
	jw_arr(w);
	for (int i = 0; i < L->nrow; i++) {
		jw_arr(w);
		for (int j = 0; j < L->ncol; j++)
			jw_num(w, kind >= 0 ? tab_cell_value(t, L, i, j, (stats_cell_kind)kind)
					      : x[i * L->ncol + j]);
		jw_end(w);
	}
	jw_end(w);
}

/* Fisher's test: its p, the method (exact or Monte Carlo) and the samples drawn. */
static void json_fisher(json_w *w, const analysis_layer *L, const stats_value *v)
{
	jw_obj(w);
	jw_knum(w, "p", v->ok ? v->p : NAN);
	jw_kstr(w, "method", stats_fisher_method_name(L->stats.fisher.method));
	if (L->stats.fisher.method == STATS_FISHER_MONTE_CARLO)
		jw_kint(w, "samples", L->stats.fisher.samples);
	json_why(w, v);
	jw_end(w);
}

/* Rao-Scott's F: its statistic, both degrees of freedom, p, Pearson's statistic of the
 * weighted table and the design's degrees of freedom. */
static void json_rao_scott_f(json_w *w, const stats_rao_scott *rs)
{
	const stats_value *f = &rs->f;
	jw_obj(w);
	json_vdp(w, f, "value", "df1");
	jw_knum(w, "pearson", rs->pearson);
	jw_knum(w, "design_df", rs->nu);
	json_why(w, f);
	jw_end(w);
}

static void json_stats(json_w *w, const tab_cli *cli, const analysis_tab *t,
		       const analysis_layer *L)
{
	jw_obj(w);
	for (int k = 0; k < nstatistics; k++) {
		const statistic *st = &statistics[k];
		const stats_value *v = statistic_value(st, t, L);
		if (!cli->want[k] || !v || (st->needs & STAT_NEEDS_LAYERS))
			continue;
		jw_key(w, st->key);
		if (st->where == STAT_IN_CROSSTAB && (st->needs & STAT_ASKED))
			json_fisher(w, L, v);
		else if (st->where == STAT_IN_RAO_SCOTT_F)
			json_rao_scott_f(w, &L->rao_scott);
		else
			json_value(w, v, st->members);
	}
	jw_end(w);
}

/* A test's members: "<vkey>" (the statistic), "df", "df2", "p", and "why" when not computed. */
static void json_test(json_w *w, const stats_value *v, const char *vkey)
{
	json_vdp(w, v, vkey, "df");
	json_why(w, v);
}

static void json_independence(json_w *w, const analysis_tab *t, const analysis_layer *L)
{
	const char *key;
	const stats_value *v = tab_independence(t, L, &key);
	if (!v) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kstr(w, "test", key);
	json_test(w, v, "value");
	jw_end(w);
}

/* A family of tests: its method, the correction for testing many and the level alpha. */
static void json_family(json_w *w, const char *method, const char *correction)
{
	jw_kstr(w, "method", method);
	jw_kstr(w, "correction", correction);
	jw_key(w, "alpha");
	jw_num_digits(w, ANALYSIS_ALPHA, 6);
}

static void json_cell_tests(json_w *w, const analysis_layer *L)
{
	const analysis_cell_tests *ct = &L->cell_tests;
	jw_obj(w);
	if (!ct->ok) {
		jw_kstr(w, "why", ct->why ? ct->why : "no interview in the table");
		jw_end(w);
		return;
	}
	json_family(w, ct->design ? "rao_scott_f" : "adjusted_residual", "bonferroni");
	jw_kint(w, "m", ct->m);
	jw_break(w, "\n    ");
	jw_key(w, "z");
	json_matrix(w, NULL, L, -1, ct->z);
	jw_break(w, "\n    ");
	jw_key(w, "p");
	json_matrix(w, NULL, L, -1, ct->p);
	jw_break(w, "\n    ");
	jw_key(w, "p_adj");
	json_matrix(w, NULL, L, -1, ct->p_adj);
	jw_break(w, "\n    ");
	jw_key(w, "flags");
	jw_arr(w);
	for (int i = 0; i < L->nrow; i++) {
		jw_arr(w);
		for (int j = 0; j < L->ncol; j++) {
			signed char f = ct->flag[i * L->ncol + j];
			if (f)
				jw_str(w, f > 0 ? "+" : "-");
			else
				jw_null(w);
		}
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

static void json_choice_tests(json_w *w, const analysis_tab *t, const analysis_layer *L)
{
	if (!L->nchoice) {
		jw_null(w);
		return;
	}
	const analysis_var *mv = t->row.vtype == ANALYSIS_MULTIPLE ? &t->row : &t->col;
	jw_obj(w);
	jw_kstr(w, "multiple", mv == &t->row ? "row" : "col");
	json_family(w, t->design ? "rao_scott_f" : "pearson_chi2", "holm");
	jw_key(w, "choices");
	jw_arr(w);
	for (int a = 0; a < L->nchoice; a++) {
		const analysis_choice_test *ch = &L->choices[a];
		jw_break(w, "\n    ");
		jw_obj(w);
		jw_kstr(w, "value", mv->cats[ch->cat].value);
		jw_knum(w, "base", ch->base);
		jw_kint(w, "base_cases", (long long)ch->base_cases);
		json_test(w, &ch->test, "statistic");
		jw_knum(w, "p_adj", ch->p_adj);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

/* One layer: its category, counts, totals, the cells asked for, statistics and tests. */
static void json_layer(json_w *w, const tab_cli *cli, const analysis_tab *t,
		       const analysis_layer *L)
{
	jw_obj(w);
	jw_kstr(w, "layer", L->by_cat >= 0 ? t->by.cats[L->by_cat].value : NULL);
	jw_kstr(w, "layer_label", L->by_cat >= 0 ? t->by.cats[L->by_cat].label : NULL);
	jw_knum(w, "n", L->table.total);
	jw_kint(w, "n_cases", (long long)L->n_cases);
	jw_break(w, "\n   ");
	jw_key(w, "row_values");
	json_strings(w, &t->row, L->rows, L->nrow, 0);
	jw_key(w, "col_values");
	json_strings(w, &t->col, L->cols, L->ncol, 0);
	jw_break(w, "\n   ");
	jw_key(w, "row_labels");
	json_strings(w, &t->row, L->rows, L->nrow, 1);
	jw_key(w, "col_labels");
	json_strings(w, &t->col, L->cols, L->ncol, 1);
	jw_break(w, "\n   ");
	jw_key(w, "counts");
	json_matrix(w, t, L, STATS_CELL_COUNT, NULL);
	jw_break(w, "\n   ");
	jw_key(w, "row_totals");
	json_numbers(w, L->row_base, L->nrow);
	jw_key(w, "col_totals");
	json_numbers(w, L->col_base, L->ncol);
	jw_break(w, "\n   ");
	jw_key(w, "cells");
	jw_obj(w);
	for (int k = 1; k < STATS_CELL_NKINDS; k++)
		if (cli->cells & (1u << k)) {
			jw_key(w, stats_cell_kind_name(k));
			json_matrix(w, t, L, k, NULL);
		}
	jw_end(w);
	jw_break(w, "\n   ");
	jw_key(w, "stats");
	json_stats(w, cli, t, L);
	jw_break(w, "\n   ");
	jw_key(w, "independence");
	json_independence(w, t, L);
	jw_break(w, "\n   ");
	jw_key(w, "cell_tests");
	json_cell_tests(w, L);
	jw_break(w, "\n   ");
	jw_key(w, "choice_tests");
	json_choice_tests(w, t, L);
	jw_break(w, "\n   ");
	cmd_analysis_json_notes(w, &L->notes);
	jw_end(w);
}

/* With --by: the statistics across layers, and the uncorrected CMH statistic. */
static void json_across_layers(json_w *w, const analysis_tab *t)
{
	for (int k = 0; k < nstatistics; k++) {
		const statistic *st = &statistics[k];
		if (!(st->needs & STAT_NEEDS_LAYERS))
			continue;
		const stats_value *v = statistic_value(st, t, NULL);
		int cmh = st->where == STAT_IN_CMH;
		jw_break(w, "\n ");
		jw_key(w, st->key);
		if (v)
			json_value(w, v, cmh ? st->members : st->members | STATS_F_ASE);
		else
			jw_null(w);
		if (cmh) {   /* without the continuity correction, as R's mantelhaen.test(correct = F) */
			jw_key(w, "cmh_uncorrected");
			if (v)
				json_value(w, &t->cmh.cmh_uncorrected, st->members);
			else
				jw_null(w);
		}
	}
}

void tab_print_json(const tab_cli *cli, const analysis_tab *t, const analysis_opts *o,
		    const char *form_id)
{
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	jw_kstr(&w, "row", t->row.name);
	jw_kstr(&w, "col", t->col.name);
	jw_kstr(&w, "by", t->has_by ? t->by.name : NULL);
	cmd_analysis_json_selection(&w, o, form_id);
	jw_kstr(&w, "row_label", t->row.label);
	jw_kstr(&w, "col_label", t->col.label);
	jw_kint(&w, "n_cases", (long long)t->n_cases);
	jw_kint(&w, "simulated", (long long)t->simulated);
	jw_break(&w, "\n ");
	jw_key(&w, "tables");
	jw_arr(&w);
	for (int l = 0; l < t->nlayers; l++) {
		jw_break(&w, "\n  ");
		json_layer(&w, cli, t, &t->layers[l]);
	}
	jw_end(&w);
	if (t->has_by && cli->want_cmh)
		json_across_layers(&w, t);
	jw_break(&w, "\n ");
	cmd_analysis_json_notes(&w, &t->notes);
	jw_end(&w);
	fputc('\n', stdout);
}

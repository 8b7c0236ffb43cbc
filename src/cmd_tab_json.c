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

/* ---- JSON -------------------------------------------------------------------------------- */

static void json_value(const stats_value *v, unsigned members)
{
	printf("{");
	const char *sep = "";
	if (members & STATS_F_VALUE) {
		printf("%s\"value\": ", sep);
		json_put_number(stdout, v->ok ? v->value : NAN);
		sep = ", ";
	}
	if (members & STATS_F_ASE) {
		printf("%s\"ase\": ", sep);
		json_put_number(stdout, v->ok ? v->ase : NAN);
		sep = ", ";
	}
	if (members & STATS_F_T) {
		printf("%s\"t\": ", sep);
		json_put_number(stdout, v->ok ? v->t : NAN);
		sep = ", ";
	}
	if (members & STATS_F_DF) {
		printf("%s\"df\": ", sep);
		json_put_number(stdout, v->ok ? v->df : NAN);
		sep = ", ";
	}
	if (members & STATS_F_P) {
		printf("%s\"p\": ", sep);
		json_put_number(stdout, v->ok ? v->p : NAN);
		sep = ", ";
	}
	if (members & STATS_F_CI) {
		printf("%s\"ci_low\": ", sep);
		json_put_number(stdout, v->ok ? v->ci_low : NAN);
		printf(", \"ci_high\": ");
		json_put_number(stdout, v->ok ? v->ci_high : NAN);
		sep = ", ";
	}
	if (!v->ok && v->why) {
		printf("%s\"why\": ", sep);
		json_put_string(stdout, v->why);
	}
	printf("}");
}

static void json_strings(const analysis_var *v, const int *idx, int n, int labels)
{
	printf("[");
	for (int k = 0; k < n; k++) {
		if (k)
			printf(", ");
		json_put_string(stdout, labels ? v->cats[idx[k]].label : v->cats[idx[k]].value);
	}
	printf("]");
}

static void json_matrix(const analysis_tab *t, const analysis_layer *L, stats_cell_kind kind)
{
	printf("[");
	for (int i = 0; i < L->nrow; i++) {
		printf("%s[", i ? ", " : "");
		for (int j = 0; j < L->ncol; j++) {
			if (j)
				printf(", ");
			json_put_number(stdout, tab_cell_value(t, L, i, j, kind));
		}
		printf("]");
	}
	printf("]");
}

static void json_stats(const tab_cli *cli, const analysis_tab *t, const analysis_layer *L)
{
	printf("{");
	const char *sep = "";
	for (int k = 0; k < nstatistics; k++) {
		const statistic *st = &statistics[k];
		const stats_value *v = statistic_value(st, t, L);
		if (!cli->want[k] || !v || (st->needs & STAT_NEEDS_LAYERS))
			continue;
		printf("%s\"%s\": ", sep, st->key);
		sep = ", ";
		if (st->where == STAT_IN_CROSSTAB && (st->needs & STAT_ASKED)) {   /* Fisher */
			printf("{\"p\": ");
			json_put_number(stdout, v->ok ? v->p : NAN);
			printf(", \"method\": ");
			json_put_string(stdout, stats_fisher_method_name(L->stats.fisher.method));
			if (L->stats.fisher.method == STATS_FISHER_MONTE_CARLO)
				printf(", \"samples\": %ld", L->stats.fisher.samples);
			if (!v->ok && v->why) {
				printf(", \"why\": ");
				json_put_string(stdout, v->why);
			}
			printf("}");
			continue;
		}
		if (st->where == STAT_IN_RAO_SCOTT_F) {
			const stats_rao_scott *rs = &L->rao_scott;
			printf("{\"value\": ");
			json_put_number(stdout, rs->f.ok ? rs->f.value : NAN);
			printf(", \"df1\": ");
			json_put_number(stdout, rs->f.ok ? rs->f.df : NAN);
			printf(", \"df2\": ");
			json_put_number(stdout, rs->f.ok ? rs->f.df2 : NAN);
			printf(", \"p\": ");
			json_put_number(stdout, rs->f.ok ? rs->f.p : NAN);
			printf(", \"pearson\": ");
			json_put_number(stdout, rs->pearson);
			printf(", \"design_df\": ");
			json_put_number(stdout, rs->nu);
			if (!rs->f.ok && rs->f.why) {
				printf(", \"why\": ");
				json_put_string(stdout, rs->f.why);
			}
			printf("}");
			continue;
		}
		json_value(v, st->members);
	}
	printf("}");
}

/* A test's members: "<vkey>" (the statistic), "df", "df2", "p", and "why" when not computed. */
static void json_test(const stats_value *v, const char *vkey)
{
	printf("\"%s\": ", vkey);
	json_put_number(stdout, v->ok ? v->value : NAN);
	printf(", \"df\": ");
	json_put_number(stdout, v->ok ? v->df : NAN);
	printf(", \"df2\": ");
	json_put_number(stdout, v->ok ? v->df2 : NAN);
	printf(", \"p\": ");
	json_put_number(stdout, v->ok ? v->p : NAN);
	if (!v->ok && v->why) {
		printf(", \"why\": ");
		json_put_string(stdout, v->why);
	}
}

static void json_independence(const analysis_tab *t, const analysis_layer *L)
{
	const char *key;
	const stats_value *v = tab_independence(t, L, &key);
	if (!v) {
		printf("null");
		return;
	}
	printf("{\"test\": \"%s\", ", key);
	json_test(v, "value");
	printf("}");
}

static void json_cells(const analysis_layer *L, const double *x)
{
	printf("[");
	for (int i = 0; i < L->nrow; i++) {
		printf("%s[", i ? ", " : "");
		for (int j = 0; j < L->ncol; j++) {
			printf("%s", j ? ", " : "");
			json_put_number(stdout, x[i * L->ncol + j]);
		}
		printf("]");
	}
	printf("]");
}

static void json_cell_tests(const analysis_layer *L)
{
	const analysis_cell_tests *ct = &L->cell_tests;
	if (!ct->ok) {
		printf("{\"why\": ");
		json_put_string(stdout, ct->why ? ct->why : "no interview in the table");
		printf("}");
		return;
	}
	printf("{\"method\": \"%s\", \"correction\": \"bonferroni\", \"alpha\": %g, \"m\": %d,"
	       "\n    \"z\": ", ct->design ? "rao_scott_f" : "adjusted_residual", ANALYSIS_ALPHA,
	       ct->m);
	json_cells(L, ct->z);
	printf(",\n    \"p\": ");
	json_cells(L, ct->p);
	printf(",\n    \"p_adj\": ");
	json_cells(L, ct->p_adj);
	printf(",\n    \"flags\": [");
	for (int i = 0; i < L->nrow; i++) {
		printf("%s[", i ? ", " : "");
		for (int j = 0; j < L->ncol; j++) {
			signed char f = ct->flag[i * L->ncol + j];
			printf("%s%s", j ? ", " : "", f > 0 ? "\"+\"" : f < 0 ? "\"-\"" : "null");
		}
		printf("]");
	}
	printf("]}");
}

static void json_choice_tests(const analysis_tab *t, const analysis_layer *L)
{
	if (!L->nchoice) {
		printf("null");
		return;
	}
	const analysis_var *mv = t->row.vtype == ANALYSIS_MULTIPLE ? &t->row : &t->col;
	printf("{\"multiple\": \"%s\", \"method\": \"%s\", \"correction\": \"holm\", "
	       "\"alpha\": %g, \"choices\": [", mv == &t->row ? "row" : "col",
	       t->design ? "rao_scott_f" : "pearson_chi2", ANALYSIS_ALPHA);
	for (int a = 0; a < L->nchoice; a++) {
		const analysis_choice_test *ch = &L->choices[a];
		printf("%s\n    {\"value\": ", a ? "," : "");
		json_put_string(stdout, mv->cats[ch->cat].value);
		printf(", \"base\": ");
		json_put_number(stdout, ch->base);
		printf(", \"base_cases\": %.0f, ", ch->base_cases);
		json_test(&ch->test, "statistic");
		printf(", \"p_adj\": ");
		json_put_number(stdout, ch->p_adj);
		printf("}");
	}
	printf("]}");
}

void tab_print_json(const tab_cli *cli, const analysis_tab *t, const analysis_opts *o,
		    const char *form_id)
{
	printf("{\"row\": ");
	json_put_string(stdout, t->row.name);
	printf(", \"col\": ");
	json_put_string(stdout, t->col.name);
	printf(", \"by\": ");
	json_put_string(stdout, t->has_by ? t->by.name : NULL);
	printf(", ");
	cmd_analysis_json_selection(o, form_id);
	printf(", \"row_label\": ");
	json_put_string(stdout, t->row.label);
	printf(", \"col_label\": ");
	json_put_string(stdout, t->col.label);
	printf(", \"n_cases\": %.0f, \"simulated\": %.0f,\n \"tables\": [", t->n_cases,
	       t->simulated);
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		printf("%s\n  {\"layer\": ", l ? "," : "");
		json_put_string(stdout, L->by_cat >= 0 ? t->by.cats[L->by_cat].value : NULL);
		printf(", \"layer_label\": ");
		json_put_string(stdout, L->by_cat >= 0 ? t->by.cats[L->by_cat].label : NULL);
		printf(", \"n\": ");
		json_put_number(stdout, L->table.total);
		printf(", \"n_cases\": %.0f,\n   \"row_values\": ", L->n_cases);
		json_strings(&t->row, L->rows, L->nrow, 0);
		printf(", \"col_values\": ");
		json_strings(&t->col, L->cols, L->ncol, 0);
		printf(",\n   \"row_labels\": ");
		json_strings(&t->row, L->rows, L->nrow, 1);
		printf(", \"col_labels\": ");
		json_strings(&t->col, L->cols, L->ncol, 1);
		printf(",\n   \"counts\": ");
		json_matrix(t, L, STATS_CELL_COUNT);
		printf(",\n   \"row_totals\": [");
		for (int i = 0; i < L->nrow; i++) {
			printf("%s", i ? ", " : "");
			json_put_number(stdout, L->row_base[i]);
		}
		printf("], \"col_totals\": [");
		for (int j = 0; j < L->ncol; j++) {
			printf("%s", j ? ", " : "");
			json_put_number(stdout, L->col_base[j]);
		}
		printf("],\n   \"cells\": {");
		const char *sep = "";
		for (int k = 1; k < STATS_CELL_NKINDS; k++) {
			if (!(cli->cells & (1u << k)))
				continue;
			printf("%s\"%s\": ", sep, stats_cell_kind_name(k));
			json_matrix(t, L, k);
			sep = ", ";
		}
		printf("},\n   \"stats\": ");
		json_stats(cli, t, L);
		printf(",\n   \"independence\": ");
		json_independence(t, L);
		printf(",\n   \"cell_tests\": ");
		json_cell_tests(L);
		printf(",\n   \"choice_tests\": ");
		json_choice_tests(t, L);
		printf(",\n   ");
		cmd_analysis_json_notes(&L->notes);
		printf("}");
	}
	printf("]");
	if (t->has_by && cli->want_cmh) {
		printf(",\n \"cmh\": ");
		if (t->has_cmh)
			json_value(&t->cmh.cmh, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		else
			printf("null");
		printf(", \"cmh_uncorrected\": ");
		if (t->has_cmh)
			json_value(&t->cmh.cmh_uncorrected, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		else
			printf("null");
		printf(",\n \"mantel_haenszel_odds_ratio\": ");
		if (t->has_cmh)
			json_value(&t->cmh.odds_ratio, STATS_F_VALUE | STATS_F_ASE | STATS_F_CI);
		else
			printf("null");
	}
	printf(",\n ");
	cmd_analysis_json_notes(&t->notes);
	printf("}\n");
}

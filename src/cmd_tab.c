/* cmd_tab.c: `survey tab DB ROW COL` — a cross-tabulation of two questions with every test and
 * measure of association, by layers, weighted or design-based, as text, JSON or CSV. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "cmd.h"
#include "cmd_table.h"
#include "cmd_analysis.h"
#include "util/termsafe.h"
#include "util/util.h"
#include "util/cnum.h"

static int cmd_tab(int argc, char **argv);

const struct cmd_entry cmd_tab_entry = {
	.name = "tab",
	.usage = "DB ROW COL [--by VAR] [--weight VAR] [OPTION...]",
	.summary = "cross-tabulate two questions, with chi-square tests and measures of association",
	.help =
	"Counts the interviews of DB by their answers to ROW and COL (questions named by\n"
	"name or path: select_one, select_multiple, integer, decimal, range, calculate)\n"
	"and computes what SPSS's and PSPP's CROSSTABS /STATISTICS=ALL give, and more:\n"
	"Pearson, likelihood-ratio and continuity-corrected chi-square, Fisher's exact\n"
	"test (exact, or Monte Carlo when the exact search is too large), linear-by-\n"
	"linear association, phi, Cramer's V, contingency coefficient, lambda, Goodman-\n"
	"Kruskal tau, uncertainty coefficient, gamma, Somers' d, Kendall's tau-b and\n"
	"tau-c, Pearson's r, Spearman's correlation, kappa, Bowker's and McNemar's tests\n"
	"(same categories in rows and columns), odds ratio and relative risks (2x2).\n"
	"A select_multiple question gives one row (or column) per choice, with\n"
	"percentages of interviews and a test per choice (selected or not by the other\n"
	"question; Holm's correction over the choices). Cells that differ are flagged\n"
	"(adjusted residuals, or a Rao-Scott test per cell with a design; Bonferroni).\n\n"
	"Only complete interviews count, of every version of the questionnaire. Don't\n"
	"know, refused, skipped and empty answers are left out unless --include-missing.\n"
	"Empty rows and columns are left out with a note.\n\n"
	"options:\n"
	"  --by VAR           a table per answer to VAR, and the Cochran-Mantel-Haenszel\n"
	"                     test (with the common odds ratio for 2x2 tables)\n"
	"  --weight VAR       sampling weights (a numeric question or calculate);\n"
	"                     interviews without a positive weight are left out\n"
	"  --strata VAR       strata of a stratified sample\n"
	"  --cluster VAR      primary sampling units of a cluster sample\n"
	"                     With any of these three the tests of independence are the\n"
	"                     design-based Rao-Scott ones (as R's survey::svychisq)\n"
	"  --lonely-psu HOW   a stratum with one PSU: fail (default), remove, certainty,\n"
	"                     adjust or average (as R's survey.lonely.psu)\n"
	"  --where EXPR       only interviews for which the XLSForm expression is true,\n"
	"                     e.g. --where \"${municipality_type} = 'ayil_okmotu'\"\n"
	"  --cells LIST       what cells show, comma-separated: count (default), row_pct,\n"
	"                     col_pct, total_pct, expected, residual, std_residual,\n"
	"                     adj_residual, or all\n"
	"  --stats LIST       statistics by their JSON keys (pearson_chi2, gamma, ...),\n"
	"                     all (default) or none; Fisher's test above 2x2 runs only\n"
	"                     when asked for (all or fisher_exact)\n"
	"  --format FMT       text (default; labels), json or csv (codes)\n"
	"  --lang CODE        language of the labels (default: the questionnaire's)\n"
	"  --include-missing  show don't know (.d), refused (.r), skipped (.s) and empty\n"
	"                     (.) answers as categories\n"
	"  --status STATUS    complete (default), draft or all\n"
	"  --seed S           seed of Fisher's Monte Carlo test (default 1)\n"
	"  --form ID          the questionnaire, when DB holds several\n\n"
	"JSON: {\"row\", \"col\", \"by\", \"tables\": [{\"layer\", \"n\", \"row_values\",\n"
	"\"col_values\", \"counts\", \"stats\": {\"pearson_chi2\": {\"value\", \"df\", \"p\"},\n"
	"...}, \"independence\", \"cell_tests\", \"choice_tests\"}, ...]}, with \"cmh\" and\n"
	"\"mantel_haenszel_odds_ratio\" at the top with --by (README: the fields).\n"
	"CSV: one line per number: layer,row,col,measure,value.\n\n"
	"examples:\n"
	"  survey tab lsg.db oblast main_problem --cells count,col_pct\n"
	"  survey tab lsg.db municipality_type readiness --by oblast --format json\n",
	.exec = cmd_tab,
};


/* Design-based statistics added to stats_crosstab_fields in --stats. */
enum { RS_F, RS_CHI2, RS_N };
static const char *const rs_keys[RS_N] = { "rao_scott_f", "rao_scott_chi2" };

typedef struct tab_cli {
	int format;
	unsigned cells;        /* bit per stats_cell_kind */
	unsigned char *want;   /* per stats_crosstab_fields entry, then RS_N */
	int want_cmh;
} tab_cli;

static int parse_cells(const char *list, unsigned *out)
{
	*out = 0;
	char *copy = xstrdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (strcmp(t, "all") == 0) {
			*out = (1u << STATS_CELL_NKINDS) - 1;
			continue;
		}
		int k = stats_cell_kind_parse(t);
		if (k < 0) {
			free(copy);
			return -1;
		}
		*out |= 1u << k;
	}
	free(copy);
	return *out ? 0 : -1;
}

/* --stats: JSON keys, all or none. The unknown name goes to *bad. */
static int parse_stats(const char *list, tab_cli *cli, char **bad)
{
	int n = stats_crosstab_nfields + RS_N;
	memset(cli->want, 0, (size_t)n);
	cli->want_cmh = 0;
	char *copy = xstrdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int found = 0;
		if (strcmp(t, "all") == 0) {
			memset(cli->want, 1, (size_t)n);
			cli->want_cmh = found = 1;
		} else if (strcmp(t, "none") == 0) {
			found = 1;
		} else if (strcmp(t, "cmh") == 0 || strcmp(t, "mantel_haenszel_odds_ratio") == 0) {
			cli->want_cmh = found = 1;
		}
		for (int k = 0; k < stats_crosstab_nfields && !found; k++)
			if (strcmp(t, stats_crosstab_fields[k].key) == 0)
				cli->want[k] = found = 1;
		for (int k = 0; k < RS_N && !found; k++)
			if (strcmp(t, rs_keys[k]) == 0)
				cli->want[stats_crosstab_nfields + k] = found = 1;
		if (!found) {
			*bad = xstrdup(t);
			free(copy);
			return -1;
		}
	}
	free(copy);
	return 0;
}

static int want_key(const tab_cli *cli, const char *key)
{
	for (int k = 0; k < stats_crosstab_nfields; k++)
		if (strcmp(key, stats_crosstab_fields[k].key) == 0)
			return cli->want[k];
	return 0;
}

/* ---- cell values ------------------------------------------------------------------------- */

static double cell_value(const analysis_tab *t, const analysis_layer *L, int i, int j,
			 stats_cell_kind kind)
{
	double f = stats_table_get(&L->table, i, j);
	switch (kind) {
	case STATS_CELL_COUNT:
		return f;
	case STATS_CELL_ROW_PCT:
		return L->row_base[i] > 0 ? 100 * f / L->row_base[i] : NAN;
	case STATS_CELL_COL_PCT:
		return L->col_base[j] > 0 ? 100 * f / L->col_base[j] : NAN;
	case STATS_CELL_TOTAL_PCT:
		return L->base > 0 ? 100 * f / L->base : NAN;
	default:
		return t->multiple ? NAN : stats_cell(&L->table, i, j, kind);
	}
}

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

static void json_notes(const analysis_notes *n)
{
	printf("\"notes\": [");
	int first = 1;
	for (int k = 0; k < n->n; k++)
		if (!n->items[k].warning) {
			printf("%s", first ? "" : ", ");
			json_put_string(stdout, n->items[k].text);
			first = 0;
		}
	printf("], \"warnings\": [");
	first = 1;
	for (int k = 0; k < n->n; k++)
		if (n->items[k].warning) {
			printf("%s", first ? "" : ", ");
			json_put_string(stdout, n->items[k].text);
			first = 0;
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
			json_put_number(stdout, cell_value(t, L, i, j, kind));
		}
		printf("]");
	}
	printf("]");
}

static void json_stats(const tab_cli *cli, const analysis_tab *t, const analysis_layer *L)
{
	printf("{");
	const char *sep = "";
	if (L->stats_ok) {
		for (int k = 0; k < stats_crosstab_nfields; k++) {
			const stats_crosstab_field *f = &stats_crosstab_fields[k];
			if (!cli->want[k])
				continue;
			const stats_value *v = stats_crosstab_value(&L->stats, f);
			printf("%s\"%s\": ", sep, f->key);
			sep = ", ";
			if (strcmp(f->key, "fisher_exact") == 0) {
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
			json_value(v, f->members);
		}
	}
	if (L->has_rao_scott) {
		const stats_rao_scott *rs = &L->rao_scott;
		if (cli->want[stats_crosstab_nfields + RS_F]) {
			printf("%s\"rao_scott_f\": {\"value\": ", sep);
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
			sep = ", ";
		}
		if (cli->want[stats_crosstab_nfields + RS_CHI2]) {
			printf("%s\"rao_scott_chi2\": ", sep);
			json_value(&rs->chisq, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
			sep = ", ";
		}
	}
	(void)t;
	printf("}");
}

/* The test of independence to read: Rao-Scott's F with a design (the chi-square tests in
 * "stats" then treat the weighted table as counts), else Pearson's chi-square; null for
 * multiple response (see choice_tests). */
static const stats_value *independence(const analysis_tab *t, const analysis_layer *L,
				       const char **key)
{
	*key = NULL;
	if (L->has_rao_scott) {
		*key = "rao_scott_f";
		return &L->rao_scott.f;
	}
	if (L->stats_ok) {
		*key = "pearson_chi2";
		return &L->stats.pearson_chi2;
	}
	return NULL;
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
	const stats_value *v = independence(t, L, &key);
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

static void print_json(const tab_cli *cli, const analysis_tab *t, const analysis_opts *o,
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
		json_notes(&L->notes);
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
	json_notes(&t->notes);
	printf("}\n");
}

/* ---- CSV --------------------------------------------------------------------------------- */

static void csv_line(strbuf *sb, const char *layer, const char *row, const char *col,
		     const char *measure, double x)
{
	char buf[32];
	cmd_csv_field(sb, layer);
	sb_addc(sb, ',');
	cmd_csv_field(sb, row);
	sb_addc(sb, ',');
	cmd_csv_field(sb, col);
	sb_addc(sb, ',');
	cmd_csv_field(sb, measure);
	sb_addf(sb, ",%s\n", cnum_text(buf, x, 17, ""));
}

static void csv_value(strbuf *sb, const char *layer, const char *key, const stats_value *v,
		      unsigned members)
{
	char m[96];
	static const struct { unsigned bit; const char *name; size_t off; } parts[] = {
		{ STATS_F_VALUE, "value", offsetof(stats_value, value) },
		{ STATS_F_ASE, "ase", offsetof(stats_value, ase) },
		{ STATS_F_T, "t", offsetof(stats_value, t) },
		{ STATS_F_DF, "df", offsetof(stats_value, df) },
		{ STATS_F_P, "p", offsetof(stats_value, p) },
		{ STATS_F_CI, "ci_low", offsetof(stats_value, ci_low) },
		{ STATS_F_CI, "ci_high", offsetof(stats_value, ci_high) },
	};
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		if (!(members & parts[k].bit))
			continue;
		snprintf(m, sizeof m, "%s.%s", key, parts[k].name);
		double x = v->ok ? *(const double *)((const char *)v + parts[k].off) : NAN;
		csv_line(sb, layer, "", "", m, x);
	}
}

static void print_csv(const tab_cli *cli, const analysis_tab *t)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "layer,row,col,measure,value\n");
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		const char *layer = L->by_cat >= 0 ? t->by.cats[L->by_cat].value : "";
		for (int i = 0; i < L->nrow; i++)
			for (int j = 0; j < L->ncol; j++)
				for (int k = 0; k < STATS_CELL_NKINDS; k++)
					if (cli->cells & (1u << k))
						csv_line(&sb, layer, t->row.cats[L->rows[i]].value,
							 t->col.cats[L->cols[j]].value,
							 stats_cell_kind_name(k),
							 cell_value(t, L, i, j, k));
		for (int k = 0; L->stats_ok && k < stats_crosstab_nfields; k++) {
			const stats_crosstab_field *f = &stats_crosstab_fields[k];
			if (cli->want[k])
				csv_value(&sb, layer, f->key, stats_crosstab_value(&L->stats, f),
					  f->members);
		}
		if (L->has_rao_scott) {
			const stats_rao_scott *rs = &L->rao_scott;
			if (cli->want[stats_crosstab_nfields + RS_F]) {
				csv_value(&sb, layer, "rao_scott_f", &rs->f,
					  STATS_F_VALUE | STATS_F_DF | STATS_F_P);
				csv_line(&sb, layer, "", "", "rao_scott_f.df2",
					 rs->f.ok ? rs->f.df2 : NAN);
			}
			if (cli->want[stats_crosstab_nfields + RS_CHI2])
				csv_value(&sb, layer, "rao_scott_chi2", &rs->chisq,
					  STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		}
	}
	if (t->has_cmh && cli->want_cmh) {
		csv_value(&sb, "", "cmh", &t->cmh.cmh, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		csv_value(&sb, "", "mantel_haenszel_odds_ratio", &t->cmh.odds_ratio,
			  STATS_F_VALUE | STATS_F_CI);
	}
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}

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
				fmt_cell(buf, sizeof buf, cell_value(t, L, i, j, kinds[q]), kinds[q]);
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
static int skip_text(const analysis_layer *L, const stats_crosstab_field *f)
{
	const stats_value *v = stats_crosstab_value(&L->stats, f);
	if (v->ok)
		return 0;
	int square = L->nrow == L->ncol, two = L->nrow == 2 && L->ncol == 2;
	if (strstr(f->key, "mcnemar") || strcmp(f->key, "kappa") == 0 ||
	    strcmp(f->key, "symmetry_bowker") == 0)
		return !square || strstr(v->why, "categories") != NULL;
	if (strstr(f->key, "relative_risk") || strcmp(f->key, "odds_ratio") == 0 ||
	    strcmp(f->key, "continuity_corrected_chi2") == 0)
		return !two;
	if (strcmp(f->key, "fisher_exact") == 0)
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
static int naive_test(const analysis_layer *L, const stats_crosstab_field *f)
{
	static const char *const keys[] = { "pearson_chi2", "likelihood_ratio",
					    "continuity_corrected_chi2", "linear_by_linear",
					    "fisher_exact" };
	if (!L->has_rao_scott)
		return 0;
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		if (strcmp(f->key, keys[k]) == 0)
			return 1;
	return 0;
}

static void text_stats(strbuf *sb, const tab_cli *cli, const analysis_layer *L)
{
	cmd_grid g;
	cmd_grid_init(&g, 7);
	for (int c = 1; c < 7; c++)
		g.right[c] = 1;
	g.nheader = 1;
	g.maxw = 12;
	static const char *const head[] = { "Statistic", "Value", "Asymp. Std. Error",
					    "Approx. T", "df", "Approx. Sig.", "95% CI" };
	for (int c = 0; c < 7; c++)
		cmd_grid_set(&g, 0, c, head[c]);
	cmd_grid_rule(&g, 0);
	int r = 1;
	if (L->stats_ok) {
		for (int k = 0; k < stats_crosstab_nfields; k++) {
			const stats_crosstab_field *f = &stats_crosstab_fields[k];
			const stats_value *v = stats_crosstab_value(&L->stats, f);
			if (!cli->want[k] || skip_text(L, f) || naive_test(L, f))
				continue;
			const char *label = f->label;
			char lbuf[96];
			if (strcmp(f->key, "fisher_exact") == 0 &&
			    L->stats.fisher.method == STATS_FISHER_MONTE_CARLO) {
				snprintf(lbuf, sizeof lbuf, "%s (Monte Carlo)", f->label);
				label = lbuf;
			}
			text_stat_row(&g, &r, label, v, f->members);
		}
	}
	if (L->has_rao_scott) {
		if (cli->want[stats_crosstab_nfields + RS_F])
			text_stat_row(&g, &r, "Rao-Scott F (design-based)", &L->rao_scott.f,
				      STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		if (cli->want[stats_crosstab_nfields + RS_CHI2])
			text_stat_row(&g, &r, "Rao-Scott chi-square (design-based)",
				      &L->rao_scott.chisq, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
	}
	if (r > 1)
		cmd_grid_render(&g, sb);
	cmd_grid_release(&g);
	/* the statistics asked for that this table does not allow, by reason */
	const char *only = NULL;
	int reasons = 0;
	for (int k = 0; L->stats_ok && k < stats_crosstab_nfields; k++) {
		const stats_value *v = stats_crosstab_value(&L->stats, &stats_crosstab_fields[k]);
		if (cli->want[k] && !v->ok && v->why && !skip_text(L, &stats_crosstab_fields[k]) &&
		    !naive_test(L, &stats_crosstab_fields[k]) && (!only || strcmp(only, v->why) != 0)) {
			only = v->why;
			reasons++;
		}
	}
	if (L->has_rao_scott && (cli->want[stats_crosstab_nfields + RS_F] ||
				 cli->want[stats_crosstab_nfields + RS_CHI2])) {
		if (!L->rao_scott.f.ok)
			sb_addf(sb, "no design-based test (Rao-Scott): %s\n", L->rao_scott.f.why);
		else
			sb_adds(sb, "test of independence: read the Rao-Scott p (design-based); the "
				"chi-square tests of the weighted table are not shown, and the p-values of "
				"the measures assume a simple random sample\n");
	}
	if (r == 1 && reasons == 1) {
		sb_addf(sb, "no statistic: %s\n", only);
		return;
	}
	for (int k = 0; L->stats_ok && k < stats_crosstab_nfields; k++) {
		const stats_value *v = stats_crosstab_value(&L->stats, &stats_crosstab_fields[k]);
		if (!cli->want[k] || v->ok || !v->why || skip_text(L, &stats_crosstab_fields[k]) ||
		    naive_test(L, &stats_crosstab_fields[k]))
			continue;
		int seen = 0;   /* listed with an earlier one of the same reason */
		for (int e = 0; e < k && !seen; e++) {
			const stats_value *u = stats_crosstab_value(&L->stats, &stats_crosstab_fields[e]);
			seen = cli->want[e] && !u->ok && u->why && !skip_text(L, &stats_crosstab_fields[e]) &&
			       !naive_test(L, &stats_crosstab_fields[e]) && strcmp(u->why, v->why) == 0;
		}
		if (seen)
			continue;
		sb_addf(sb, "not computed (%s):", v->why);
		const char *sep = " ";
		for (int e = k; e < stats_crosstab_nfields; e++) {
			const stats_value *u = stats_crosstab_value(&L->stats, &stats_crosstab_fields[e]);
			if (cli->want[e] && !u->ok && u->why && !skip_text(L, &stats_crosstab_fields[e]) &&
			    !naive_test(L, &stats_crosstab_fields[e]) && strcmp(u->why, v->why) == 0) {
				sb_addf(sb, "%s%s", sep, stats_crosstab_fields[e].label);
				sep = ", ";
			}
		}
		sb_addc(sb, '\n');
	}
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
	cmd_grid_init(&g, 5);
	for (int c = 1; c < 5; c++)
		g.right[c] = 1;
	g.nheader = 1;
	g.maxw = 12;
	const char *head[] = { "Choice (selected or not)", t->design ? "Rao-Scott F" :
			       "Pearson chi-square", "df", "Sig.", "Sig. (Holm)" };
	for (int c = 0; c < 5; c++)
		cmd_grid_set(&g, 0, c, head[c]);
	cmd_grid_rule(&g, 0);
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

static void print_text(const tab_cli *cli, const analysis_tab *t)
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
		cmd_grid_init(&g, 7);
		for (int c = 1; c < 7; c++)
			g.right[c] = 1;
		g.nheader = 1;
		static const char *const head[] = { "Across layers", "Value", "Asymp. Std. Error",
						    "", "df", "Approx. Sig.", "95% CI" };
		for (int c = 0; c < 7; c++)
			cmd_grid_set(&g, 0, c, head[c]);
		cmd_grid_rule(&g, 0);
		int r = 1;
		text_stat_row(&g, &r, "Cochran-Mantel-Haenszel", &t->cmh.cmh,
			      STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		text_stat_row(&g, &r, "Mantel-Haenszel common odds ratio", &t->cmh.odds_ratio,
			      STATS_F_VALUE | STATS_F_CI);
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

/* ---- the command ------------------------------------------------------------------------- */

static int cmd_tab(int argc, char **argv)
{
	enum { O_BY = AOPT_NEXT, O_CELLS, O_STATS, O_SEED };
	static const struct option opts[] = {
		CMD_ANALYSIS_OPTIONS,
		{ "by", required_argument, NULL, O_BY },
		{ "cells", required_argument, NULL, O_CELLS },
		{ "stats", required_argument, NULL, O_STATS },
		{ "seed", required_argument, NULL, O_SEED },
		{ 0 },
	};
	const struct cmd_entry *self = &cmd_tab_entry;
	analysis_opts o = { .fisher = { .seed = 1 } };
	cmd_analysis_args args = { .opts = &o, .format = FMT_TEXT };
	tab_cli cli = { .cells = 1u << STATS_CELL_COUNT };
	unsigned char want[64];
	cli.want = want;
	memset(want, 1, sizeof want);
	cli.want_cmh = 1;
	const char *by = NULL;
	int c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		char *bad = NULL, *end;
		if ((rc = cmd_analysis_option(self, c, optarg, &args)) >= 0) {
			if (rc)
				return rc;
			continue;
		}
		switch (c) {
		case O_BY: by = optarg; break;
		case O_CELLS:
			if (parse_cells(optarg, &cli.cells))
				return cmd_usage_error(self, "bad --cells '%s' (count, row_pct, col_pct, "
						       "total_pct, expected, residual, std_residual, "
						       "adj_residual or all)", optarg);
			break;
		case O_STATS:
			if (parse_stats(optarg, &cli, &bad)) {
				rc = cmd_usage_error(self, "unknown statistic '%s' in --stats", bad);
				free(bad);
				return rc;
			}
			break;
		case O_SEED:
			o.fisher.seed = strtoul(optarg, &end, 10);
			if (!*optarg || *end || *optarg == '-')
				return cmd_usage_error(self, "bad --seed '%s' (a whole number)", optarg);
			break;
		default:
			return cmd_bad_option(self, c, argv);
		}
	}
	if (argc - optind != 3)
		return cmd_usage_error(self, "expected a database, a row and a column question");
	if (!want_key(&cli, "fisher_exact"))
		o.no_fisher_rxc = 1;
	const char *db_path = argv[optind], *row = argv[optind + 1], *col = argv[optind + 2];
	char err[ERR_MAX];
	analysis_db *db;
	cli.format = args.format;
	if (analysis_open(db_path, args.form_id, &db, err))
		return cmd_fail("%s", err);
	analysis_tab *t;
	if (analysis_tab_run(db, row, col, by, &o, &t, err)) {
		analysis_close(db);
		return cmd_fail("%s", err);
	}
	if (cli.format == FMT_JSON)
		print_json(&cli, t, &o, analysis_form_id(db));
	else if (cli.format == FMT_CSV)
		print_csv(&cli, t);
	else
		print_text(&cli, t);
	if (cli.format == FMT_CSV && t->simulated > 0)   /* no notes in CSV */
		fprintf(stderr, "survey: warning: %.0f of the interviews analysed are simulated "
			"(made by 'survey simulate'): not real data\n", t->simulated);
	analysis_tab_free(t);
	analysis_close(db);
	return EXIT_OK;
}

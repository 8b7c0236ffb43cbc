/* cmd_tab.c: `survey tab DB ROW COL` — a cross-tabulation of two questions with every test and
 * measure of association, by layers, weighted or design-based: its help, its arguments and the
 * run; the output is written by cmd_tab_json.c, cmd_tab_csv.c and cmd_tab_text.c from the
 * values cmd_tab_values.c reads. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "cmd.h"
#include "cmd_analysis.h"
#include "cmd_tab.h"
#include "util/util.h"

static int cmd_tab(int argc, char **argv);
static void help_statistics(void);

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
	"  --stats LIST       statistics by their JSON keys (listed at the end), all\n"
	"                     (default) or none; Fisher's test above 2x2 runs only\n"
	"                     when asked for (all or fisher_exact)\n"
	"  --format FMT       text (default; labels), json or csv (codes)\n"
	"  --lang CODE        language of the labels (default: the questionnaire's)\n"
	"  --include-missing  show don't know (.d), refused (.r), skipped (.s) and empty\n"
	"                     (.) answers as categories\n"
	"  --status STATUS    complete (default), draft, all, or approved (complete and\n"
	"                     approved by a supervisor with 'survey review')\n"
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
	.help_tail = help_statistics,
};

/* The end of the help: every statistic of the registry, its key, name and needs. */
static void help_statistics(void)
{
	printf("\nstatistics, by JSON key (--stats; a report's stats column) [what each needs]:\n");
	for (int k = 0; k < nstatistics; k++) {
		char needs[128];
		statistic_needs_text(&statistics[k], needs, sizeof needs);
		int len = printf("  %-34s %s", statistics[k].key, statistics[k].name);
		if (*needs)   /* within 80 columns */
			printf(len + (int)strlen(needs) + 3 > 80 ? "\n%37s[%s]" : "%s [%s]", "", needs);
		printf("\n");
	}
}



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

/* --stats: JSON keys of the registry, all or none. The unknown name goes to *bad. */
static int parse_stats(const char *list, tab_cli *cli, char **bad)
{
	memset(cli->want, 0, (size_t)nstatistics);
	char *copy = xstrdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int k = statistic_index(t);
		if (strcmp(t, "all") == 0) {
			memset(cli->want, 1, (size_t)nstatistics);
		} else if (k >= 0) {
			cli->want[k] = 1;
		} else if (strcmp(t, "none") != 0) {
			*bad = xstrdup(t);
			free(copy);
			return -1;
		}
	}
	free(copy);
	return 0;
}

/* Is a statistic that needs layers asked for? (They are shown together, across layers.) */
static int want_layers(const tab_cli *cli)
{
	for (int k = 0; k < nstatistics; k++)
		if (cli->want[k] && (statistics[k].needs & STAT_NEEDS_LAYERS))
			return 1;
	return 0;
}

/* ---- the command ------------------------------------------------------------------------- */

enum { O_BY = AOPT_NEXT, O_CELLS, O_STATS, O_SEED };

/* One of tab's own options (c, with optarg): 0 when taken, else the exit status after the
 * usage error (as cmd_analysis_option). */
static int tab_option(int c, char **argv, analysis_opts *o, tab_cli *cli, const char **by)
{
	const struct cmd_entry *self = &cmd_tab_entry;
	char *bad = NULL, *end;
	int rc;
	switch (c) {
	case O_BY:
		*by = optarg;
		return 0;
	case O_CELLS:
		if (parse_cells(optarg, &cli->cells))
			return cmd_usage_error(self, "bad --cells '%s' (count, row_pct, col_pct, "
					       "total_pct, expected, residual, std_residual, "
					       "adj_residual or all)", optarg);
		return 0;
	case O_STATS:
		if (parse_stats(optarg, cli, &bad)) {
			rc = cmd_usage_error(self, "unknown statistic '%s' in --stats", bad);
			free(bad);
			return rc;
		}
		return 0;
	case O_SEED:
		o->fisher.seed = strtoul(optarg, &end, 10);
		if (!*optarg || *end || *optarg == '-')
			return cmd_usage_error(self, "bad --seed '%s' (a whole number)", optarg);
		return 0;
	default:
		return cmd_bad_option(self, c, argv);
	}
}

/* The table of row by col (by: layers, or NULL) in db_path, written as cli says. */
static int tab_run(const tab_cli *cli, const analysis_opts *o, const char *form_id,
		   const char *db_path, const char *row, const char *col, const char *by)
{
	char err[ERR_MAX];
	analysis_db *db;
	if (analysis_open(db_path, form_id, &db, err))
		return cmd_fail("%s", err);
	cmd_note_sealed(db_path);
	analysis_tab *t;
	if (analysis_tab_run(db, row, col, by, o, &t, err)) {
		analysis_close(db);
		return cmd_fail("%s", err);
	}
	if (cli->format == FMT_JSON)
		tab_print_json(cli, t, o, analysis_form_id(db));
	else if (cli->format == FMT_CSV)
		tab_print_csv(cli, t);
	else
		tab_print_text(cli, t);
	if (cli->format == FMT_CSV)
		cmd_analysis_csv_notes(&t->notes);
	if (cli->format == FMT_CSV && t->simulated > 0)   /* no notes in CSV */
		fprintf(stderr, "survey: warning: %.0f of the interviews analysed are simulated "
			"(made by 'survey simulate'): not real data\n", t->simulated);
	analysis_tab_free(t);
	analysis_close(db);
	return EXIT_OK;
}

static int cmd_tab(int argc, char **argv)
{
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
	unsigned char want[STATISTICS_MAX];
	cli.want = want;
	memset(want, 1, sizeof want);
	const char *by = NULL;
	int c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if ((rc = cmd_analysis_option(self, c, optarg, &args)) < 0)
			rc = tab_option(c, argv, &o, &cli, &by);
		if (rc)
			return rc;
	}
	if (argc - optind != 3)
		return cmd_usage_error(self, "expected a database, a row and a column question");
	cli.want_cmh = want_layers(&cli);
	/* the statistics computed above 2x2 only when named: Fisher's test */
	for (int k = 0; k < nstatistics; k++)
		if ((statistics[k].needs & STAT_ASKED) && !cli.want[k])
			o.no_fisher_rxc = 1;
	cli.format = args.format;
	return tab_run(&cli, &o, args.form_id, argv[optind], argv[optind + 1], argv[optind + 2],
		       by);
}

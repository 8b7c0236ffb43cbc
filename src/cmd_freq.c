/* cmd_freq.c: `survey freq DB VAR...` — frequency tables with percents and confidence intervals,
 * select_multiple as % of responses and of cases, summaries of numeric questions. */
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

static int cmd_freq(int argc, char **argv);

const struct cmd_entry cmd_freq_entry = {
	.name = "freq",
	.usage = "DB VAR... [--weight VAR] [--where EXPR] [OPTION...]",
	.summary = "frequencies of questions, with percents and confidence intervals",
	.help =
	"Counts the interviews of DB by their answer to each VAR (a question's name or\n"
	"path): count, percent, valid percent, cumulative percent and a confidence\n"
	"interval of each proportion (Wilson by default). Every choice of a select_one\n"
	"is listed, even unused; a select_multiple gives each choice's % of responses\n"
	"and % of cases (interviews that answered); a numeric question also gets its\n"
	"mean, standard deviation, quartiles, minimum and maximum. Only complete\n"
	"interviews count, of every version of the questionnaire.\n\n"
	"options:\n"
	"  --weight VAR       sampling weights; proportions, intervals and means are then\n"
	"                     design-based (as R's survey::svymean and svyciprop, logit\n"
	"                     intervals whatever --ci), sd and quartiles as svyvar and\n"
	"                     svyquantile (hf7): the scale of the weights does not matter\n"
	"  --strata VAR       strata of a stratified sample\n"
	"  --cluster VAR      primary sampling units of a cluster sample\n"
	"  --lonely-psu HOW   a stratum with one PSU: fail (default), remove, certainty,\n"
	"                     adjust or average\n"
	"  --where EXPR       only interviews for which the XLSForm expression is true\n"
	"  --ci METHOD        wilson (default), clopper-pearson, agresti-coull, jeffreys\n"
	"  --format FMT       text (default; labels), json or csv (codes)\n"
	"  --lang CODE        language of the labels\n"
	"  --include-missing  show don't know (.d), refused (.r), skipped (.s) and empty\n"
	"                     (.) answers as categories\n"
	"  --status STATUS    complete (default), draft, all, or approved (complete and\n"
	"                     approved by a supervisor with 'survey review')\n"
	"  --form ID          the questionnaire, when DB holds several\n\n"
	"examples:\n"
	"  survey freq lsg.db oblast problems --lang ru\n"
	"  survey freq lsg.db population --format json\n",
	.exec = cmd_freq,
};


/* Text output lists the values of a numeric question only up to this many (JSON: all). */
#define TEXT_MAX_VALUES 30

static const char *type_word(const analysis_var *v)
{
	return v->vtype == ANALYSIS_MULTIPLE ? "multiple" :
	       v->vtype == ANALYSIS_NUMERIC ? "numeric" : "categorical";
}

/* One category of q: its value, label, counts and percentages. */
static void json_category(json_w *w, const analysis_freq *q, const analysis_freq_row *row)
{
	const analysis_cat *c = &q->var.cats[row->cat];
	static const char *const keys[] = { "percent", "valid_percent", "cum_percent",
					    "cases_percent", "ci_low", "ci_high", "se" };
	const double num[] = { row->percent, row->valid_percent, row->cum_percent,
			       row->cases_percent, row->ci_low, row->ci_high, row->se };
	jw_obj(w);
	jw_kstr(w, "value", c->value);
	jw_kstr(w, "label", c->label);
	jw_kbool(w, "missing", c->missing);
	jw_knum(w, "count", row->count);
	jw_kint(w, "cases", (long long)row->cases);
	jw_knums(w, keys, num, 7);
	jw_end(w);
}

static void json_summary(json_w *w, const analysis_summary *s)
{
	static const char *const keys[] = { "n", "sum_w", "mean", "sd", "min", "max", "q25",
					    "median", "q75", "mean_se", "mean_ci_low",
					    "mean_ci_high" };
	double vals[] = { s->n, s->sum_w, s->mean, s->sd, s->min, s->max, s->q25, s->median,
			  s->q75, s->mean_se, s->mean_ci_low, s->mean_ci_high };
	jw_obj(w);
	jw_knums(w, keys, vals, (int)(sizeof keys / sizeof *keys));
	jw_end(w);
}

static void json_variable(json_w *w, const analysis_freq *q)
{
	static const char *const sk[] = { "name", "path", "label", "type", "kind" },
			 *const ik[] = { "n_cases", "simulated" },
			 *const nk[] = { "total", "valid", "missing" };
	const char *const sv[] = { q->var.name, q->var.path, q->var.label,
				   form_type_name(q->var.type), type_word(&q->var) };
	const long long iv[] = { (long long)q->n_cases, (long long)q->simulated };
	const double nv[] = { q->total, q->valid, q->missing };
	jw_obj(w);
	jw_kstrs(w, sk, sv, 5);
	jw_kints(w, ik, iv, 2);
	jw_knums(w, nk, nv, 3);
	if (q->var.vtype == ANALYSIS_MULTIPLE)
		jw_knum(w, "responses", q->responses);
	jw_break(w, "\n   ");
	jw_key(w, "categories");
	jw_arr(w);
	for (int r = 0; r < q->nrows; r++) {
		jw_break(w, "\n    ");
		json_category(w, q, &q->rows[r]);
	}
	jw_end(w);
	if (q->has_summary) {
		jw_break(w, "\n   ");
		jw_key(w, "summary");
		json_summary(w, &q->summary);
	}
	if (q->design)
		jw_knum(w, "design_df", q->design_df);
	jw_break(w, "\n   ");
	cmd_analysis_json_notes(w, &q->notes);
	jw_end(w);
}

static void print_json(const analysis_freq *f, int n, const analysis_opts *o,
		       const char *form_id)
{
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	cmd_analysis_json_selection(&w, o, form_id);
	jw_kstr(&w, "ci", f && n && f[0].design ? "svyciprop-logit" : stats_ci_method_name(o->ci));
	jw_key(&w, "conf_level");
	jw_num_digits(&w, 0.95, 6);
	jw_break(&w, "\n ");
	jw_key(&w, "variables");
	jw_arr(&w);
	for (int k = 0; k < n; k++) {
		jw_break(&w, "\n  ");
		json_variable(&w, &f[k]);
	}
	jw_end(&w);
	jw_end(&w);
	fputc('\n', stdout);
}

static void print_csv(const analysis_freq *f, int n)
{
	strbuf sb = STRBUF_INIT;
	char b[32];
	sb_adds(&sb, "variable,value,count,percent,valid_percent,cum_percent,cases_percent,"
		"ci_low,ci_high\n");
	for (int k = 0; k < n; k++)
		for (int r = 0; r < f[k].nrows; r++) {
			const analysis_freq_row *row = &f[k].rows[r];
			cmd_csv_field(&sb, f[k].var.name);
			sb_addc(&sb, ',');
			cmd_csv_field(&sb, f[k].var.cats[row->cat].value);
			double v[] = { row->count, row->percent, row->valid_percent, row->cum_percent,
				       row->cases_percent, row->ci_low, row->ci_high };
			for (size_t i = 0; i < sizeof v / sizeof *v; i++)
				sb_addf(&sb, ",%s", cnum_text(b, v[i], 17, ""));
			sb_addc(&sb, '\n');
		}
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}

static void fmt(char *buf, size_t n, const char *f, double x)
{
	if (isfinite(x))
		snprintf(buf, n, f, x);
	else
		buf[0] = 0;
}

static void text_one(strbuf *sb, const analysis_freq *q, const analysis_opts *o)
{
	int multiple = q->var.vtype == ANALYSIS_MULTIPLE;
	termsafe_line(sb, "%s — %s", q->var.name, q->var.label);
	cmd_grid g;
	char ci[64];
	snprintf(ci, sizeof ci, "95%% CI (%s)", q->design ? "design, logit" :
		 stats_ci_method_name(o->ci));
	const char *head[] = { "", "Count", multiple ? "% of responses" : "Percent",
			       multiple ? "% of cases" : "Valid %", multiple ? "" : "Cum. %", ci };
	cmd_grid_init_head(&g, 6, 16, head);
	int r = 1;
	char b[64], lo[32], hi[32];
	const char *cf = q->total == floor(q->total) ? "%.0f" : "%.1f";
	/* a numeric question with many values: its summary says more than the values */
	int skip = q->has_summary && q->var.nvalid > TEXT_MAX_VALUES ? q->var.nvalid : 0;
	if (skip) {
		cmd_grid_setf(&g, r, 0, "(%d different values)", skip);
		fmt(b, sizeof b, cf, q->valid);
		cmd_grid_set(&g, r++, 1, b);
	}
	for (int k = skip; k < q->nrows; k++, r++) {
		const analysis_freq_row *row = &q->rows[k];
		cmd_grid_set(&g, r, 0, q->var.cats[row->cat].label);
		fmt(b, sizeof b, cf, row->count);
		cmd_grid_set(&g, r, 1, b);
		fmt(b, sizeof b, "%.1f", row->percent);
		cmd_grid_set(&g, r, 2, b);
		fmt(b, sizeof b, "%.1f", multiple ? row->cases_percent : row->valid_percent);
		cmd_grid_set(&g, r, 3, b);
		fmt(b, sizeof b, "%.1f", row->cum_percent);
		cmd_grid_set(&g, r, 4, b);
		fmt(lo, sizeof lo, "%.1f", row->ci_low);
		fmt(hi, sizeof hi, "%.1f", row->ci_high);
		if (*lo)
			cmd_grid_setf(&g, r, 5, "%s – %s", lo, hi);
	}
	cmd_grid_rule(&g, r - 1);
	cmd_grid_set(&g, r, 0, multiple ? "Interviews that answered" : "Valid");
	fmt(b, sizeof b, cf, q->valid);
	cmd_grid_set(&g, r++, 1, b);
	cmd_grid_set(&g, r, 0, "Missing");
	fmt(b, sizeof b, cf, q->missing);
	cmd_grid_set(&g, r++, 1, b);
	cmd_grid_set(&g, r, 0, "Total");
	fmt(b, sizeof b, cf, q->total);
	cmd_grid_set(&g, r++, 1, b);
	cmd_grid_render(&g, sb);
	cmd_grid_release(&g);
	if (q->has_summary && q->summary.n > 0) {
		const analysis_summary *s = &q->summary;
		/* a value that cannot be computed (sd of one value) is named, never "nan" */
		static const char *const names[] = { "mean", "sd", "min", "q25", "median", "q75",
						      "max" };
		const double vals[] = { s->mean, s->sd, s->min, s->q25, s->median, s->q75, s->max };
		sb_addf(sb, "\nn %.0f", s->n);
		for (size_t k = 0; k < sizeof vals / sizeof *vals; k++)
			if (isfinite(vals[k]))
				sb_addf(sb, "  %s %.4g", names[k], vals[k]);
		if (!isfinite(s->sd))
			sb_adds(sb, "  (one value: no standard deviation)");
		sb_addc(sb, '\n');
		if (q->design)
			sb_adds(sb, "weighted: sd as R's survey::svyvar, quartiles as svyquantile "
				"(qrule \"hf7\"); neither depends on the scale of the weights\n");
		if (isfinite(s->mean_se))
			sb_addf(sb, "mean's standard error %.4g, 95%% CI %.4g – %.4g%s\n", s->mean_se,
				s->mean_ci_low, s->mean_ci_high, q->design ? " (design-based)" : "");
	}
	for (int k = 0; k < q->notes.n; k++)
		termsafe_line(sb, "%s: %s", q->notes.items[k].warning ? "warning" : "note",
			      q->notes.items[k].text);
}

static void print_text(const analysis_freq *f, int n, const analysis_opts *o)
{
	strbuf sb = STRBUF_INIT;
	for (int k = 0; k < n; k++) {
		if (k)
			sb_addc(&sb, '\n');
		text_one(&sb, &f[k], o);
	}
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}

static int cmd_freq(int argc, char **argv)
{
	enum { O_CI = AOPT_NEXT };
	static const struct option opts[] = {
		CMD_ANALYSIS_OPTIONS,
		{ "ci", required_argument, NULL, O_CI },
		{ 0 },
	};
	const struct cmd_entry *self = &cmd_freq_entry;
	analysis_opts o = { 0 };
	cmd_analysis_args args = { .opts = &o, .format = FMT_TEXT };
	int c, m, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if ((rc = cmd_analysis_option(self, c, optarg, &args)) >= 0) {
			if (rc)
				return rc;
			continue;
		}
		switch (c) {
		case O_CI:
			if ((m = stats_ci_method_parse(optarg)) < 0)
				return cmd_usage_error(self, "unknown --ci '%s' (wilson, clopper-pearson, "
						       "agresti-coull or jeffreys)", optarg);
			o.ci = m;
			o.ci_set = 1;
			break;
		default:
			return cmd_bad_option(self, c, argv);
		}
	}
	if (argc - optind < 2)
		return cmd_usage_error(self, "expected a database and at least one question");
	char err[ERR_MAX];
	analysis_db *db;
	if (analysis_open(argv[optind], args.form_id, &db, err))
		return cmd_fail("%s", err);
	cmd_note_sealed(argv[optind]);
	int n = argc - optind - 1;
	analysis_freq *f;
	if (analysis_freq_run(db, (const char *const *)argv + optind + 1, n, &o, &f, err)) {
		analysis_close(db);
		return cmd_fail("%s", err);
	}
	if (args.format == FMT_JSON)
		print_json(f, n, &o, analysis_form_id(db));
	else if (args.format == FMT_CSV)
		print_csv(f, n);
	else
		print_text(f, n, &o);
	if (args.format == FMT_CSV && n > 0)
		cmd_analysis_csv_notes(&f[0].notes);
	if (args.format == FMT_CSV && n > 0 && f[0].simulated > 0)   /* no notes in CSV */
		fprintf(stderr, "survey: warning: %.0f of the interviews analysed are simulated "
			"(made by 'survey simulate'): not real data\n", f[0].simulated);
	analysis_freq_free(f, n);
	analysis_close(db);
	return EXIT_OK;
}

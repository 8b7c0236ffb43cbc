/* cmd_report.c: `survey report DB SPEC -o OUT.html|OUT.md|OUT.xlsx [--lang CODE]` — the tables a
 * spec describes, computed from a database and written as one HTML, Markdown or Excel file (or
 * several: -o given again writes the same report, computed once, in each format). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis/analysis.h"
#include "cmd.h"
#include "report/build.h"
#include "report/report.h"
#include "report/spec.h"
#include "store/store.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_report(int argc, char **argv);

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.usage = "DB SPEC -o OUT.html|OUT.md|OUT.xlsx [--lang CODE] [options]",
	.summary = "write the report a spec describes: tables, charts and tests in words",
	.help =
	"Computes every table of SPEC (a report spec: see reports/README.md) from the\n"
	"interviews in DB and writes the report to OUT. The numbers are those of\n"
	"'survey freq' and 'survey tab'. The format follows OUT's extension:\n"
	"  .html  one self-contained file (inline CSS and SVG charts, no script, nothing\n"
	"         fetched): a title page, contents, methods, each table with its chart,\n"
	"         its test in words and its warnings; prints on A4, reads on a phone\n"
	"  .md    the same as Markdown tables (pandoc, wikis), without charts\n"
	"  .xlsx  a contents sheet and a sheet per table, numbers as numbers\n"
	"OUT appears only when complete; it may not be DB or SPEC (refused, exit status\n"
	"1). -o may be given up to three times (report.html, report.md, report.xlsx): the\n"
	"tables are computed once and written to each. SPEC is checked against DB's questionnaire first; its problems are listed\n"
	"as FILE:SHEET:ROW: error: message.\n\n"
	"options:\n"
	"  -o, --output OUT   the file to write (again for another format)\n"
	"  --lang CODE        the report's language (ky, ru, en); default: the spec's\n"
	"                     default_language, else the questionnaire's\n"
	"  --simulated        mark every page as simulated data even when the data do not\n"
	"                     say so (interviews made by 'survey simulate' mark the report\n"
	"                     by themselves, with their number)\n"
	"  --form ID          which questionnaire, when DB holds several\n"
	"  --status approved  only the interviews a supervisor approved ('survey review');\n"
	"                     default: every complete interview\n"
	"  --timings          print the time each table took on stderr\n"
	"  -q, --quiet        no summary line\n\n"
	"The date on the report is today's, or SOURCE_DATE_EPOCH's when that is set.\n\n"
	"example:\n"
	"  survey report merged.db reports/covid19-lsg/report.md -o report.html --lang ru\n",
	.exec = cmd_report,
};

static void print_diags(const form_diags *d, int warnings)
{
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < d->n; i++) {
		if (!warnings && d->items[i].severity == FORM_WARNING)
			continue;
		sb_reset(&sb);
		form_diag_format(&d->items[i], &sb);
		fprintf(stderr, "%s\n", sb_str(&sb));
	}
	sb_release(&sb);
}

static void timing(void *arg, const char *name, double seconds)
{
	(void)arg;
	fprintf(stderr, "survey report: %-28s %8.3f s\n", name, seconds);
}

/* The report's date: SOURCE_DATE_EPOCH (reproducible builds) or now. */
static long long report_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v > 0)
			return v;
	}
	return (long long)time(NULL);
}

static int cmd_report(int argc, char **argv)
{
	const struct cmd_entry *me = &cmd_report_entry;
	enum { O_LANG = 256, O_SIM, O_FORM, O_TIMINGS, O_STATUS };
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, O_LANG },
		{ "simulated", no_argument, NULL, O_SIM },
		{ "simulated-banner", no_argument, NULL, O_SIM },
		{ "form", required_argument, NULL, O_FORM },
		{ "timings", no_argument, NULL, O_TIMINGS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "status", required_argument, NULL, O_STATUS },
		{ 0 },
	};
	enum { MAX_OUT = 3 };
	const char *outs[MAX_OUT] = { NULL }, *form_id = NULL;
	int nout = 0;
	report_build_opts bo = { 0 };
	int quiet = 0, approved = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (nout == MAX_OUT)
				return cmd_usage_error(me, "-o is given more than %d times", MAX_OUT);
			outs[nout++] = optarg;
			break;
		case O_LANG:
			bo.lang = optarg;
			break;
		case O_SIM:
			bo.simulated = 1;
			break;
		case O_FORM:
			form_id = optarg;
			break;
		case O_TIMINGS:
			bo.progress = timing;
			break;
		case 'q':
			quiet = 1;
			break;
		case O_STATUS:
			if (strcmp(optarg, "approved") && strcmp(optarg, "complete"))
				return cmd_usage_error(me, "unknown --status '%s' (complete or "
						       "approved)", optarg);
			approved = strcmp(optarg, "approved") == 0;
			break;
		default:
			return cmd_bad_option(me, c, argv);
		}
	}
	if (argc - optind != 2)
		return cmd_usage_error(me, "expected a database and a report spec");
	if (!nout)
		return cmd_usage_error(me, "-o OUT is required");
	const char *dbpath = argv[optind], *specpath = argv[optind + 1];
	char err[ERR_MAX];
	for (int k = 0; k < nout; k++) {
		const char *out = outs[k];
		if (outfile_check("-o", out, "input database", dbpath, OUTFILE_DB, err) ||
		    outfile_check("-o", out, "report spec", specpath, 0, err))
			return cmd_fail("%s", err);
		for (int j = 0; j < k; j++)
			if (outfile_same(out, outs[j]))
				return cmd_fail("-o '%s' is the same file as -o '%s'; give each "
						"format its own file", out, outs[j]);
		if (report_format_of(out) < 0)
			return cmd_usage_error(me, "cannot tell the format of '%s': name it .html, .md "
					       "or .xlsx", out);
		if (report_check_output(out, err))
			return cmd_fail("%s", err);
	}

	form_diags d;
	form_diags_init(&d);
	report_spec *spec = NULL;
	analysis_db *db = NULL;
	store *st = NULL;
	report_doc doc = { 0 };
	int built = 0, rc = EXIT_USER;
	if (report_spec_load(specpath, &spec, &d, err)) {
		print_diags(&d, 0);
		if (d.n == 0)
			cmd_fail("%s", err);
		else
			fprintf(stderr, "survey: %s; run 'survey check --report %s' for details\n",
				err, specpath);
		goto done;
	}
	if (analysis_open(dbpath, form_id ? form_id : spec->form_id, &db, err) ||
	    (approved && analysis_only_approved(db, err))) {
		cmd_fail("%s", err);
		goto done;
	}
	form_diags_release(&d);
	form_diags_init(&d);
	if (report_spec_check(spec, analysis_form(db), &d)) {
		print_diags(&d, 0);
		fprintf(stderr, "survey: '%s' does not fit the questionnaire in '%s' (%d error%s)\n",
			specpath, dbpath, d.nerrors, d.nerrors == 1 ? "" : "s");
		goto done;
	}
	if (store_open(dbpath, STORE_READONLY, &st, err)) {
		cmd_fail("%s", err);
		goto done;
	}
	cmd_note_sealed(dbpath);
	long long t = report_time();
	time_t tt = (time_t)t;
	struct tm tm;
	char date[16];
	gmtime_r(&tt, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	bo.date = date;
	bo.made = t;
	int row;
	if (report_build(spec, db, st, &bo, &doc, &row, err)) {
		if (row > 0)
			fprintf(stderr, "%s:%s:%d: error: %s\n", specpath,
				spec->report_sheet_name ? spec->report_sheet_name : "report", row,
				err);
		else
			cmd_fail("%s", err);
		goto done;
	}
	built = 1;
	for (int k = 0; k < nout; k++) {
		if (report_write(&doc, outs[k], err)) {
			cmd_fail("%s", err);
			goto done;
		}
		if (!quiet) {
			int ntables = 0;
			for (int i = 0; i < doc.nblocks; i++)
				ntables += doc.blocks[i].kind == REPORT_B_TABLE;
			printf("wrote '%s': %d table%s in %s%s\n", outs[k], ntables,
			       ntables == 1 ? "" : "s", doc.lang,
			       doc.simulated ? ", marked as simulated data" : "");
		}
	}
	rc = EXIT_OK;
done:
	if (built)
		report_doc_release(&doc);
	store_close(st);
	analysis_close(db);
	report_spec_free(spec);
	form_diags_release(&d);
	return rc;
}

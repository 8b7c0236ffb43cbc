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

/* What the command line asked for. */
enum { REPORT_MAX_OUT = 3 };
struct report_args {
	const char *outs[REPORT_MAX_OUT], *form_id, *dbpath, *specpath;
	int nout;
	report_build_opts bo;
	int quiet, approved;
};

/* Phase 1: the options and the two arguments into a; -1 when fine, else the exit status
 * (after the usage error). */
static int parse_args(int argc, char **argv, struct report_args *a)
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
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:q", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (a->nout == REPORT_MAX_OUT)
				return cmd_usage_error(me, "-o is given more than %d times",
						       REPORT_MAX_OUT);
			a->outs[a->nout++] = optarg;
			break;
		case O_LANG:
			a->bo.lang = optarg;
			break;
		case O_SIM:
			a->bo.simulated = 1;
			break;
		case O_FORM:
			a->form_id = optarg;
			break;
		case O_TIMINGS:
			a->bo.progress = timing;
			break;
		case 'q':
			a->quiet = 1;
			break;
		case O_STATUS:
			if (strcmp(optarg, "approved") && strcmp(optarg, "complete"))
				return cmd_usage_error(me, "unknown --status '%s' (complete or "
						       "approved)", optarg);
			a->approved = strcmp(optarg, "approved") == 0;
			a->bo.approved = a->approved;
			break;
		default:
			return cmd_bad_option(me, c, argv);
		}
	}
	if (argc - optind != 2)
		return cmd_usage_error(me, "expected a database and a report spec");
	if (!a->nout)
		return cmd_usage_error(me, "-o OUT is required");
	a->dbpath = argv[optind];
	a->specpath = argv[optind + 1];
	return -1;
}

/* Phase 2: each OUT may be written (not an input, not another -o, a known format, its folder
 * writable); -1 when fine, else the exit status (after the message). */
static int check_output(const struct report_args *a)
{
	char err[ERR_MAX];
	for (int k = 0; k < a->nout; k++) {
		const char *out = a->outs[k];
		if (outfile_check("-o", out, "input database", a->dbpath, OUTFILE_DB, err) ||
		    outfile_check("-o", out, "report spec", a->specpath, 0, err))
			return cmd_fail("%s", err);
		for (int j = 0; j < k; j++)
			if (outfile_same(out, a->outs[j]))
				return cmd_fail("-o '%s' is the same file as -o '%s'; give each "
						"format its own file", out, a->outs[j]);
		if (report_format_of(out) < 0)
			return cmd_usage_error(&cmd_report_entry, "cannot tell the format of '%s': "
					       "name it .html, .md or .xlsx", out);
		if (report_check_output(out, err))
			return cmd_fail("%s", err);
	}
	return -1;
}

/* The inputs of a run, released by release_inputs. */
struct report_inputs {
	form_diags d;
	report_spec *spec;
	analysis_db *db;
	store *st;
};

/* Phase 3: the spec read and checked against the database's questionnaire, the database
 * open; 0, or -1 after the messages. */
static int load_inputs(const struct report_args *a, struct report_inputs *in)
{
	char err[ERR_MAX];
	if (report_spec_load(a->specpath, &in->spec, &in->d, err)) {
		print_diags(&in->d, 0);
		if (in->d.n == 0)
			cmd_fail("%s", err);
		else
			fprintf(stderr, "survey: %s; run 'survey check --report %s' for details\n",
				err, a->specpath);
		return -1;
	}
	if (analysis_open(a->dbpath, a->form_id ? a->form_id : in->spec->form_id, &in->db, err) ||
	    (a->approved && analysis_only_approved(in->db, err))) {
		cmd_fail("%s", err);
		return -1;
	}
	form_diags_release(&in->d);
	form_diags_init(&in->d);
	if (report_spec_check(in->spec, analysis_form(in->db), &in->d)) {
		print_diags(&in->d, 0);
		fprintf(stderr, "survey: '%s' does not fit the questionnaire in '%s' (%d error%s)\n",
			a->specpath, a->dbpath, in->d.nerrors, in->d.nerrors == 1 ? "" : "s");
		return -1;
	}
	if (store_open(a->dbpath, STORE_READONLY, &in->st, err)) {
		cmd_fail("%s", err);
		return -1;
	}
	cmd_note_sealed(a->dbpath);
	return 0;
}

static void release_inputs(struct report_inputs *in)
{
	store_close(in->st);
	analysis_close(in->db);
	report_spec_free(in->spec);
	form_diags_release(&in->d);
}

/* Phase 4: every table computed and the file written; 0, or -1 after the message. */
static int build_and_write(struct report_args *a, struct report_inputs *in)
{
	char err[ERR_MAX], date[16];
	long long t = report_time();
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	a->bo.date = date;
	a->bo.made = t;
	report_doc doc = { 0 };
	int row;
	if (report_build(in->spec, in->db, in->st, &a->bo, &doc, &row, err)) {
		if (row > 0)
			fprintf(stderr, "%s:%s:%d: error: %s\n", a->specpath,
				in->spec->report_sheet_name ? in->spec->report_sheet_name : "report",
				row, err);
		else
			cmd_fail("%s", err);
		return -1;
	}
	int rc = 0;
	for (int k = 0; k < a->nout && !rc; k++) {
		rc = report_write(&doc, a->outs[k], err);
		if (rc)
			cmd_fail("%s", err);
		else if (!a->quiet) {
			int ntables = 0;
			for (int i = 0; i < doc.nblocks; i++)
				ntables += doc.blocks[i].kind == REPORT_B_TABLE;
			printf("wrote '%s': %d table%s in %s%s\n", a->outs[k], ntables,
			       ntables == 1 ? "" : "s", doc.lang,
			       doc.simulated ? ", marked as simulated data" : "");
		}
	}
	report_doc_release(&doc);
	return rc ? -1 : 0;
}

static int cmd_report(int argc, char **argv)
{
	struct report_args a = { 0 };
	int rc;
	if ((rc = parse_args(argc, argv, &a)) >= 0 || (rc = check_output(&a)) >= 0)
		return rc;
	struct report_inputs in = { 0 };
	form_diags_init(&in.d);
	rc = load_inputs(&a, &in) || build_and_write(&a, &in) ? EXIT_USER : EXIT_OK;
	release_inputs(&in);
	return rc;
}

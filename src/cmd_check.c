/* cmd_check.c: `survey check FORM... [--report SPEC]` — load questionnaires (and a report spec
 * against its form), print every problem found as FILE:SHEET:ROW: error|warning: message, and
 * a one-line summary of each valid file. */
#include "cmd.h"
#include "form/form.h"
#include "report/spec.h"
#include "util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct cmd_entry *self(void)
{
	return &cmd_check_entry;
}

/* Does problem a come after b: by sheet name (none first), then row? */
static int diag_after(const form_diag *a, const form_diag *b)
{
	int c = strcmp(a->sheet ? a->sheet : "", b->sheet ? b->sheet : "");
	return c > 0 || (c == 0 && a->row > b->row);
}

/* Problems in file order: by sheet, then row; stable, so a row's problems keep their order. */
static void sort_diags(form_diags *d)
{
	for (int i = 1; i < d->n; i++) {
		form_diag g = d->items[i];
		int j = i;
		while (j > 0 && diag_after(&d->items[j - 1], &g)) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = g;
	}
}

/* " (N warnings)" in buf, or "". */
static const char *warnings(const form_diags *d, char buf[48])
{
	if (!d->nwarnings)
		return "";
	snprintf(buf, 48, " (%d warning%s)", d->nwarnings, d->nwarnings == 1 ? "" : "s");
	return buf;
}

static void print_diags(const form_diags *d, int quiet)
{
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < d->n; i++) {
		if (quiet && d->items[i].severity == FORM_WARNING)
			continue;
		sb_reset(&sb);
		form_diag_format(&d->items[i], &sb);
		cmd_put_line(stderr, "%s", sb_str(&sb));   /* messages quote cells: escaped */
	}
	if (d->dropped)
		fprintf(stderr, "%d more problem%s not shown (%d errors, %d warnings in all)\n",
			d->dropped, d->dropped == 1 ? "" : "s", d->nerrors, d->nwarnings);
	sb_release(&sb);
}

/* A report spec checked against the questionnaire at form_path. */
static int check_report(const char *spec_path, const char *form_path, int quiet)
{
	char err[ERR_MAX];
	form *f = NULL;
	if (form_load(form_path, &f, NULL, err)) {
		cmd_fail("%s; the report spec '%s' was not checked", err, spec_path);
		return EXIT_USER;
	}
	form_diags d;
	form_diags_init(&d);
	report_spec *s = NULL;
	report_spec_read(spec_path, &s, &d, err);
	if (s)
		report_spec_check(s, f, &d);
	sort_diags(&d);
	print_diags(&d, quiet);
	if (!s && d.n == 0)
		cmd_fail("%s", err);
	int status = s && d.nerrors == 0 ? EXIT_OK : EXIT_USER;
	if (status == EXIT_OK && !quiet) {
		int tables = 0, sections = 0;
		for (int i = 0; i < s->nitems; i++) {
			tables += s->items[i].kind == REPORT_FREQ || s->items[i].kind == REPORT_TAB;
			sections += s->items[i].kind == REPORT_SECTION;
		}
		char wbuf[48];
		cmd_put_line(stdout, "%s: ok \u2014 report of form %s: %d table%s, %d section%s%s",
			     spec_path, f->id, tables, tables == 1 ? "" : "s", sections,
			     sections == 1 ? "" : "s", warnings(&d, wbuf));
	}
	report_spec_free(s);
	form_diags_release(&d);
	form_free(f);
	return status;
}

static int check_one(const char *path, int quiet, int dump)
{
	form_diags d;
	form *f = NULL;
	char err[ERR_MAX];
	form_diags_init(&d);
	int rc = form_load(path, &f, &d, err);
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < d.n; i++) {
		if (quiet && d.items[i].severity == FORM_WARNING)
			continue;
		sb_reset(&sb);
		form_diag_format(&d.items[i], &sb);
		cmd_put_line(stderr, "%s", sb_str(&sb));   /* messages quote cells: escaped */
	}
	if (d.dropped)
		cmd_put_line(stderr, "%s: %d more problem%s not shown (%d errors, %d warnings in all)",
			     path, d.dropped, d.dropped == 1 ? "" : "s", d.nerrors, d.nwarnings);
	if (rc == 0) {
		if (dump) {
			sb_reset(&sb);
			form_dump(f, &sb, 1);
			fputs(sb_str(&sb), stdout);
		} else if (!quiet) {
			/* the form's id and version come from the file: one escaped line */
			char wbuf[48];
			cmd_put_line(stdout, "%s: ok \u2014 %d question%s, %d language%s, form %s%s%s%s",
				     path, f->nquestions, f->nquestions == 1 ? "" : "s", f->nlangs,
				     f->nlangs == 1 ? "" : "s", f->id, *f->version ? " version " : "",
				     f->version, warnings(&d, wbuf));
		}
	} else if (d.n == 0) {
		cmd_fail("%s", err);
	}
	sb_release(&sb);
	form_free(f);
	form_diags_release(&d);
	return rc == 0 ? EXIT_OK : EXIT_USER;
}

static int check_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "dump", no_argument, NULL, 'd' },
		{ "report", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int quiet = 0, dump = 0, c;
	const char *report = NULL;
	optind = 0;   /* glibc: 0 re-initialises getopt for a fresh argv */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'd':
			dump = 1;
			break;
		case 'r':
			report = optarg;
			break;
		default:
			return cmd_bad_option(self(), c, argv);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(self(), "missing FORM");
	if (report && argc - optind != 1)
		return cmd_usage_error(self(), "--report checks a spec against one FORM");
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++)
		if (check_one(argv[i], quiet, dump) != EXIT_OK)
			status = EXIT_USER;
	if (report && status == EXIT_OK && check_report(report, argv[optind], quiet) != EXIT_OK)
		status = EXIT_USER;
	return status;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "[-q] [--dump] FORM... | FORM --report SPEC",
	.summary = "check an XLSForm questionnaire (.xlsx, .csv, .md) and list its problems",
	.help =
		"Reads each questionnaire and prints every problem on stderr, one per line:\n"
		"  FILE:SHEET:ROW: error: COLUMN: MESSAGE at character N\n"
		"Loading goes on past errors so that all of them are listed (at most 200 errors\n"
		"and 200 warnings are shown). A valid form gets a one-line summary on stdout.\n"
		"\n"
		"options:\n"
		"  -q, --quiet   print errors only: no warnings, no summary\n"
		"      --dump    print the form model instead of the summary (for debugging)\n"
		"      --report SPEC  also check a report spec (reports/README.md) against FORM:\n"
		"                the questions it names, the tables it asks for, its filters,\n"
		"                and a title in every language of the form (else a warning)\n"
		"\n"
		"Exit status: 0 when no form has an error (warnings are allowed), 1 otherwise,\n"
		"2 on bad arguments.\n"
		"\n"
		"examples:\n"
		"  survey check surveys/covid19-lsg.md\n"
		"  survey check surveys/covid19-lsg.md --report reports/covid19-lsg/report.md\n",
	.exec = check_exec,
};

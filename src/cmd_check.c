/* cmd_check.c: `survey check FORM...` — load questionnaires, print every problem found as
 * FILE:SHEET:ROW: error|warning: message, and a one-line summary of each valid form. */
#include "cmd.h"
#include "form/form.h"
#include "util/util.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct cmd_entry *self(void)
{
	return &cmd_check_entry;
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
		fprintf(stderr, "%s\n", sb_str(&sb));
	}
	if (d.dropped)
		fprintf(stderr, "%s: %d more problem%s not shown (%d errors, %d warnings in all)\n",
			path, d.dropped, d.dropped == 1 ? "" : "s", d.nerrors, d.nwarnings);
	if (rc == 0) {
		if (dump) {
			sb_reset(&sb);
			form_dump(f, &sb, 1);
			fputs(sb_str(&sb), stdout);
		} else if (!quiet) {
			printf("%s: ok \u2014 %d question%s, %d language%s, form %s", path,
			       f->nquestions, f->nquestions == 1 ? "" : "s", f->nlangs,
			       f->nlangs == 1 ? "" : "s", f->id);
			if (*f->version)
				printf(" version %s", f->version);
			if (d.nwarnings)
				printf(" (%d warning%s)", d.nwarnings, d.nwarnings == 1 ? "" : "s");
			putchar('\n');
		}
	} else if (d.n == 0) {
		fprintf(stderr, "survey: %s\n", err);
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
		{ NULL, 0, NULL, 0 },
	};
	int quiet = 0, dump = 0, c;
	optind = 0;   /* glibc: 0 re-initialises getopt for a fresh argv */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+q", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'd':
			dump = 1;
			break;
		default:
			return cmd_usage_error(self(), "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(self(), "missing FORM");
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++)
		if (check_one(argv[i], quiet, dump) != EXIT_OK)
			status = EXIT_USER;
	return status;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "[-q] [--dump] FORM...",
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
		"\n"
		"Exit status: 0 when no form has an error (warnings are allowed), 1 otherwise,\n"
		"2 on bad arguments.\n"
		"\n"
		"example:\n"
		"  survey check surveys/covid19-lsg.md\n",
	.exec = check_exec,
};

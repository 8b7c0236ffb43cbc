/* cmd_import.c: `survey import FORM DATA.csv --db DB [--force]` — interviews collected with
 * ODK Central or KoboToolbox (or exported by `survey export`) into a survey database, each
 * checked against the questionnaire. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "export/export.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_import(int argc, char **argv);

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "FORM DATA.csv --db DB [--force] [--lang CODE] [--max-rows N] [options]",
	.summary = "add interviews from an ODK Central or KoboToolbox CSV, checked against FORM",
	.help =
	"Reads DATA.csv, a wide CSV as ODK Central, KoboToolbox or 'survey export' write\n"
	"it, and adds a completed interview per row to DB (created if absent), made by\n"
	"the engine of 'survey run': every value is checked against FORM (its type, its\n"
	"choice list, its constraint, required answers, relevance). A bad value is\n"
	"reported as DATA.csv:LINE:COLUMN: error: MESSAGE and its row left out; without\n"
	"--force one bad row rejects the whole file. All in one transaction: nothing is\n"
	"ever half-imported. DB keeps FORM, so export and analysis need no form file.\n\n"
	"columns:\n"
	"  questions    by path, '/' or '-' between groups ('grp/q', 'grp-q'), or name\n"
	"  select_multiple  the space-separated choice names, or 0/1 columns\n"
	"               'q/choice', 'q-choice' or 'q_choice' (1, 0, true, false);\n"
	"               choice labels are read as their names\n"
	"  .d  .r       don't know, refused\n"
	"  metadata     meta/instanceID, _uuid or KEY: the interview's UUID (without one,\n"
	"               a UUID is derived from the row: importing again adds nothing);\n"
	"               start, end, _start, _end, _submission_time, SubmissionDate: its\n"
	"               times; _device, deviceid, _interviewer, username, _submitted_by\n"
	"  repeats      DATA-REPEAT.csv beside DATA.csv, a row per instance, PARENT_KEY\n"
	"               naming the KEY (or 'uuid:' and the UUID) of its interview's row\n"
	"  _origin      'simulated' (from 'survey export' of simulated data) keeps it\n"
	"               simulated; every other interview is marked imported\n"
	"Other columns are reported once each and ignored. An interview whose UUID is\n"
	"already in DB is skipped when its answers are the same, an error otherwise.\n"
	"DATA.csv must be a file (not a pipe or a device) in UTF-8 (a byte order mark is\n"
	"fine), separated by ',' or ';'. A text answer beginning with = + - @, a tab or a\n"
	"CR, which a spreadsheet reads as a formula, is imported with a warning. The\n"
	"first 20 messages are shown, then how many more there were. A file beyond a\n"
	"limit below is refused whole.\n\n"
	"options:\n"
	"  --db DB      the database to add to; not FORM or DATA.csv (refused, exit\n"
	"               status 1)\n"
	"  --force      import the good rows even when some are bad\n"
	"  --lang CODE  language of the form's messages (default: English if FORM has\n"
	"               it, else its default language)\n"
	"  --max-columns N  most columns in a file (default 5000)\n"
	"  --max-rows N     most rows in a file (default 1000000)\n"
	"  --max-cell SIZE  most bytes in one cell (default 64K)\n"
	"  --max-size SIZE  most bytes in one file (default 256M); SIZE in bytes or\n"
	"                   with K, M or G (1024, 1024², 1024³)\n\n"
	"example:\n  survey import surveys/covid19-lsg.md kobo.csv --db partners.db\n",
	.exec = cmd_import,
};

/* Messages quote cells and header names: one escaped line each. */
static void print_message(void *arg, import_severity sev, const char *msg)
{
	cmd_put_line(stderr, "%s", msg);
}

/* A count or a size (with K, M or G: KiB, MiB, GiB) from 1 to max; -1 when not one. */
static int parse_limit(const char *s, long long max, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20 :
		*end == 'G' || *end == 'g' ? 30 : 0;
	if (shift)
		end++;
	if (!*s || *s == '-' || *s == '+' || *end || errno || v < 1 || v > (max >> shift))
		return -1;
	*out = v << shift;
	return 0;
}

/* Remove a database file this command created, with its journal files. */
static void remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

/* The command line into *o and *db: EXIT_OK, else EXIT_USAGE after one line. */
static int parse_import_args(int argc, char **argv, import_opts *o, const char **db)
{
	/* in the order of opts[] (its names are read back for messages) */
	enum { O_DB = 256, O_FORCE, O_LANG, O_COLUMNS, O_ROWS, O_CELL, O_SIZE };
	static const struct option opts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "force", no_argument, NULL, O_FORCE },
		{ "lang", required_argument, NULL, O_LANG },
		{ "max-columns", required_argument, NULL, O_COLUMNS },
		{ "max-rows", required_argument, NULL, O_ROWS },
		{ "max-cell", required_argument, NULL, O_CELL },
		{ "max-size", required_argument, NULL, O_SIZE },
		{ 0 },
	};
	long long v;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_DB: *db = optarg; break;
		case O_FORCE: o->force = 1; break;
		case O_LANG: o->lang = optarg; break;
		case O_COLUMNS:
		case O_ROWS:
		case O_CELL:
		case O_SIZE:
			if (parse_limit(optarg, c == O_SIZE ? LLONG_MAX / 2 : INT_MAX / 2, &v))
				return cmd_usage_error(&cmd_import_entry, "--%s wants a positive "
						       "number%s, not '%s'", opts[c - O_DB].name,
						       c == O_CELL || c == O_SIZE ? " (with K, M or G)" :
						       "", optarg);
			if (c == O_COLUMNS)
				o->limits.columns = (long)v;
			else if (c == O_ROWS)
				o->limits.rows = (long)v;
			else if (c == O_CELL)
				o->limits.cell = (long)v;
			else
				o->limits.size = v;
			break;
		default:
			return cmd_bad_option(&cmd_import_entry, c, argv);
		}
	}
	if (argc - optind != 2)
		return cmd_usage_error(&cmd_import_entry, "expected a questionnaire and a CSV file");
	if (!*db)
		return cmd_usage_error(&cmd_import_entry, "expected --db DB");
	o->form_path = argv[optind];
	o->data_path = argv[optind + 1];
	return EXIT_OK;
}

/* The line that says what was imported into db. */
static void say_imported(const import_summary *sum, const char *data_path, const char *db)
{
	strbuf line = STRBUF_INIT;
	sb_addf(&line, "imported %d interview%s from '%s' into '%s'", sum->imported,
		sum->imported == 1 ? "" : "s", data_path, db);
	if (sum->existing)
		sb_addf(&line, "; %d already there", sum->existing);
	if (sum->rejected)
		sb_addf(&line, "; %d row%s left out", sum->rejected, sum->rejected == 1 ? "" : "s");
	cmd_put_line(stdout, "%s", sb_str(&line));
	sb_release(&line);
}

static int cmd_import(int argc, char **argv)
{
	import_opts o = { 0 };
	const char *db = NULL;
	int prc = parse_import_args(argc, argv, &o, &db);
	if (prc != EXIT_OK)
		return prc;
	char err[ERR_MAX];
	if (outfile_check("--db", db, "questionnaire", o.form_path, 0, err) ||
	    outfile_check("--db", db, "data file", o.data_path, 0, err))
		return cmd_fail("%s", err);
	import_job *job;
	if (import_prepare(&o, print_message, NULL, &job, err))
		return cmd_fail("%s", err);
	struct stat sb;
	int existed = stat(db, &sb) == 0;
	store *st;
	if (store_open(db, STORE_CREATE | cmd_create_flags, &st, err)) {
		import_job_free(job);
		return cmd_fail("%s", err);
	}
	import_summary sum;
	int rc = import_run(job, st, &sum, err);
	import_job_free(job);
	store_close(st);
	if (rc < 0 || rc > 0 || (!sum.imported && !sum.existing)) {
		if (!existed)
			remove_db(db);
		if (rc < 0)
			return cmd_fail("%s", err);
		if (rc > 0)
			return cmd_fail("'%s': %d of %d row%s rejected: nothing imported (--force "
					"imports the others)", o.data_path, sum.rejected, sum.rows,
					sum.rows == 1 ? "" : "s");
		return cmd_fail("'%s': no row could be imported", o.data_path);
	}
	say_imported(&sum, o.data_path, db);
	return EXIT_OK;
}

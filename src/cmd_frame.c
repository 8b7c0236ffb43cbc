/* cmd_frame.c: `survey frame FORM FRAME.csv --db HQ.db` — the sample frame of a questionnaire:
 * the units to interview, each with a stable id and the values its interview starts with. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "export/frame.h"
#include "store/fieldwork.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_frame(int argc, char **argv);

const struct cmd_entry cmd_frame_entry = {
	.name = "frame",
	.usage = "FORM FRAME.csv --db HQ.db [--id COLUMN]",
	.summary = "load the sample frame (the units to interview) of FORM into HQ.db",
	.help =
	"Reads FRAME.csv, one row per unit to interview (a municipality, a household),\n"
	"and adds its units to the frame of FORM in HQ.db (created if absent), which\n"
	"also keeps FORM. The column 'unit_id' (or --id COLUMN) is the unit's stable\n"
	"id; every other column is named like a question of FORM (outside repeats) and\n"
	"holds the answer the unit's interview starts with (empty: none), checked as\n"
	"that question's answer. An unknown column, an empty or repeated id or a bad\n"
	"value is reported as FRAME.csv:LINE:COLUMN: error: MESSAGE, and then nothing\n"
	"is added. Loading the same frame again adds nothing; a unit already in the\n"
	"frame with other values is refused (a unit's frame never changes: give it a\n"
	"new id). The CSV is read as 'survey import' reads one (UTF-8, ',' or ';').\n"
	"Then: 'survey assign', 'survey kit'.\n\n"
	"options:\n"
	"  --db HQ.db    the coordinator's database\n"
	"  --id COLUMN   the unit id column (default: unit_id)\n\n"
	"example:\n  survey frame surveys/covid19-lsg.md municipalities.csv --db hq.db\n",
	.exec = cmd_frame,
};

static void print_message(void *arg, import_severity sev, const char *msg)
{
	cmd_put_line(stderr, "%s", msg);
}

static int cmd_frame(int argc, char **argv)
{
	enum { O_DB = 256, O_ID };
	static const struct option opts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "id", required_argument, NULL, O_ID },
		{ 0 },
	};
	const char *db = NULL, *id_col = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == O_DB)
			db = optarg;
		else if (c == O_ID)
			id_col = optarg;
		else if (c == ':')
			return cmd_usage_error(&cmd_frame_entry, "option '%s' needs a value",
					       argv[optind - 1]);
		else
			return cmd_usage_error(&cmd_frame_entry, "unknown option '%s'",
					       argv[optind - 1]);
	}
	if (argc - optind != 2)
		return cmd_usage_error(&cmd_frame_entry, "expected a questionnaire and a CSV file");
	if (!db)
		return cmd_usage_error(&cmd_frame_entry, "expected --db HQ.db");
	const char *form_path = argv[optind], *csv = argv[optind + 1];
	char err[ERR_MAX];
	if (outfile_check("--db", db, "questionnaire", form_path, 0, err) ||
	    outfile_check("--db", db, "frame file", csv, 0, err))
		return cmd_fail("%s", err);
	form *f;
	if (form_load(form_path, &f, NULL, err))
		return cmd_fail("%s", err);
	void *src = NULL;
	size_t len;
	const char *kind;
	if (form_source(f, form_path, &src, &len, &kind, err)) {
		form_free(f);
		return cmd_fail("%s", err);
	}
	frame_rows rows;
	int rc = frame_read(f, csv, id_col, NULL, print_message, NULL, &rows, err);
	if (rc) {
		form_free(f);
		free(src);
		if (rc < 0)
			return cmd_fail("%s", err);
		return cmd_fail("'%s': the frame has errors: nothing was added", csv);
	}
	struct stat sb;
	int existed = stat(db, &sb) == 0;
	store *st = NULL;
	int added = 0, same = 0, bad = -1;
	const char *slash = strrchr(form_path, '/');
	rc = store_open(db, STORE_CREATE, &st, err) || store_batch_begin(st, err) ||
	     store_form_put(st, f->id, f->version, f->title, slash ? slash + 1 : form_path, kind,
			    src, len, err) ||
	     store_frame_add(st, f->id, rows.n, (const char *const *)rows.unit_ids,
			     (const char *const *)rows.data, &added, &same, &bad, err) ? -1 : 0;
	if (st) {
		char e2[ERR_MAX];
		if (store_batch_end(st, rc == 0, rc ? e2 : err))
			rc = -1;
		store_close(st);
	}
	if (rc && !existed)
		cmd_remove_db(db);
	int rc_exit = EXIT_OK;
	if (rc && bad >= 0)
		rc_exit = cmd_fail("%s:%d: %s: nothing was added", csv, rows.lines[bad], err);
	else if (rc)
		rc_exit = cmd_fail("%s", err);
	else if (!added)
		cmd_put_line(stdout, "the frame of '%s' in '%s' already holds these %d units: nothing "
			     "changed", f->id, db, same);
	else
		cmd_put_line(stdout, "added %d unit%s to the frame of '%s' in '%s'%s", added,
			     added == 1 ? "" : "s", f->id, db, same ? " (the others were there)" : "");
	frame_rows_release(&rows);
	form_free(f);
	free(src);
	return rc_exit;
}

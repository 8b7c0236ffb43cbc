/* cmd_frame.c: `survey frame FORM FRAME.csv --db HQ.db` — the sample frame of a questionnaire:
 * the units to interview, each with a stable id and the values its interview starts with. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "export/frame.h"
#include "store/fieldwork.h"
#include "ui/i18n.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_frame(int argc, char **argv);

const struct cmd_entry cmd_frame_entry = {
	.name = "frame",
	.usage = "FORM FRAME.csv --db HQ.db [--id COLUMN] [--lang ky|ru|en]",
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
	"  --id COLUMN   the unit id column (default: unit_id)\n"
	"  --lang L      messages in Kyrgyz, Russian or English (ky, ru, en); default:\n"
	"                the locale's\n\n"
	"example:\n  survey frame surveys/covid19-lsg.md municipalities.csv --db hq.db\n",
	.exec = cmd_frame,
};

/* A problem of the frame: its English line, or the same in the chosen language. */
static void print_problem(void *arg, const frame_problem *p)
{
	const char *csv = arg;
	if (ui_lang_get() == UI_LANG_EN) {
		cmd_put_line(stderr, "%s", p->english);
		return;
	}
	char msg[ERR_MAX], why[ERR_MAX];
	switch (p->code) {
	case FRAME_P_COLUMN: snprintf(msg, sizeof msg, ui_tr(UI_M_FWK_P_COLUMN), p->a); break;
	case FRAME_P_ID_EMPTY: snprintf(msg, sizeof msg, "%s", ui_tr(UI_M_FWK_P_ID_EMPTY)); break;
	case FRAME_P_ID_BAD: snprintf(msg, sizeof msg, ui_tr(UI_M_FWK_P_ID_BAD), p->n); break;
	case FRAME_P_VALUE:
		snprintf(msg, sizeof msg, ui_tr(UI_M_FWK_P_VALUE), p->a,
			 ui_value_why(p->b, why, sizeof why));
		break;
	case FRAME_P_ROW_LONG: snprintf(msg, sizeof msg, ui_tr(UI_M_FWK_P_ROW_LONG), p->n); break;
	case FRAME_P_ID_AGAIN:
		snprintf(msg, sizeof msg, ui_tr(UI_M_FWK_P_ID_AGAIN), p->a, p->n);
		break;
	case FRAME_P_MORE:
		cmd_put_line(stderr, ui_tr(UI_M_FWK_P_MORE), csv, p->n);
		return;
	default:
		cmd_put_line(stderr, "%s", p->english);
		return;
	}
	if (p->column)
		cmd_put_line(stderr, "%s:%d:%s: %s: %s", csv, p->line, p->column,
			     ui_tr(UI_M_FWK_ERROR), msg);
	else
		cmd_put_line(stderr, "%s:%d: %s: %s", csv, p->line, ui_tr(UI_M_FWK_ERROR), msg);
}

/* The exit status when the frame could not be read (rc > 0: its problems are listed), said in
 * the interface's language where it has the words. */
static int frame_failed(int rc, const frame_rows *rows, const char *csv, const char *id_col,
			const char *err)
{
	if (rc > 0)
		return cmd_fail(ui_tr(UI_M_FWK_FRAME_ERRORS), csv);
	if (rows->why == FRAME_P_NO_ID_COLUMN && ui_lang_get() != UI_LANG_EN)
		return cmd_fail(ui_tr(UI_M_FWK_P_NO_ID_COLUMN), csv, id_col ? id_col : "unit_id");
	if (rows->why == FRAME_P_NO_ROWS && ui_lang_get() != UI_LANG_EN)
		return cmd_fail(ui_tr(UI_M_FWK_P_NO_ROWS), csv);
	struct stat cs;
	if (ui_lang_get() != UI_LANG_EN && stat(csv, &cs) == 0 && S_ISDIR(cs.st_mode))
		return cmd_fail(ui_tr(UI_M_RUN_DB_UNREADABLE), csv, ui_strerror(EISDIR));
	if (rows->why == FRAME_P_CSV)
		return cmd_frame_csv_fail(csv, &rows->csv, err);
	return cmd_fw_fail(err);
}

/* The questionnaire as stored: its model, file name, kind and bytes. */
struct form_file {
	const form *f;
	const char *name, *kind;
	const void *src;
	size_t len;
};

/* The questionnaire and the frame's units into db in one batch (db is created if absent and
 * removed again when nothing could be stored): 0, else -1 with err; *added, *same and *bad
 * as store_frame_add gives them. */
static int put_units(const char *db, const struct form_file *ff, const frame_rows *rows,
		       int *added, int *same, int *bad, char *err)
{
	struct stat sb;
	int existed = stat(db, &sb) == 0;
	store *st = NULL;
	const form *f = ff->f;
	int rc = store_open(db, STORE_CREATE | cmd_create_flags, &st, err) ||
		 store_batch_begin(st, err) ||
		 store_form_put(st, f->id, f->version, f->title, ff->name, ff->kind, ff->src,
				ff->len, err) ||
		 store_frame_add(st, f->id, rows->n, (const char *const *)rows->unit_ids,
				 (const char *const *)rows->data, added, same, bad, err) ? -1 : 0;
	if (st) {
		char e2[ERR_MAX];
		if (store_batch_end(st, rc == 0, rc ? e2 : err))
			rc = -1;
		store_close(st);
	}
	if (rc && !existed)
		cmd_remove_db(db);
	return rc;
}

static int cmd_frame(int argc, char **argv)
{
	enum { O_DB = 256, O_ID, O_LANG };
	static const struct option opts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "id", required_argument, NULL, O_ID },
		{ "lang", required_argument, NULL, O_LANG },
		{ 0 },
	};
	const char *db = NULL, *id_col = NULL;
	int c;
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == O_DB)
			db = optarg;
		else if (c == O_ID)
			id_col = optarg;
		else if (c == O_LANG) {
			if (cmd_fw_bad_lang(&cmd_frame_entry, optarg))
				return EXIT_USAGE;
		} else
			return cmd_fw_bad_option(&cmd_frame_entry, c, argv);
	}
	if (argc - optind != 2)
		return cmd_usage_error(&cmd_frame_entry, "%s", ui_tr(UI_M_FWK_FRAME_ARGS));
	if (!db)
		return cmd_usage_error(&cmd_frame_entry, "%s", ui_tr(UI_M_FWK_NEED_DB));
	const char *form_path = argv[optind], *csv = argv[optind + 1];
	char err[ERR_MAX];
	if (outfile_check("--db", db, "questionnaire", form_path, 0, err))
		return cmd_fw_out_fail("--db", db, UI_M_F15B_WHAT_FORM, form_path, err);
	if (outfile_check("--db", db, "frame file", csv, 0, err))
		return cmd_fw_out_fail("--db", db, UI_M_F15B_WHAT_FRAME, csv, err);
	form *f;
	if (form_load(form_path, &f, NULL, err))
		return cmd_fail(ui_tr(UI_M_RUN_BAD_FORM), err, form_path);
	void *src = NULL;
	size_t len;
	const char *kind;
	if (form_source(f, form_path, &src, &len, &kind, err)) {
		form_free(f);
		return cmd_fail("%s", err);
	}
	frame_rows rows;
	int rc = frame_read(f, csv, id_col, NULL, print_problem, (void *)csv, &rows, err);
	if (rc) {
		form_free(f);
		free(src);
		return frame_failed(rc, &rows, csv, id_col, err);
	}
	int added = 0, same = 0, bad = -1;
	store_disk_full_clear();
	const char *slash = strrchr(form_path, '/');
	struct form_file ff = { f, slash ? slash + 1 : form_path, kind, src, len };
	rc = put_units(db, &ff, &rows, &added, &same, &bad, err);
	int rc_exit = EXIT_OK;
	char why[2 * ERR_MAX];
	if (rc && store_disk_full())
		rc_exit = cmd_fw_disk_full(db);
	else if (rc && bad >= 0)
		rc_exit = cmd_fail("%s:%d: %s: %s", csv, rows.lines[bad],
				   cmd_fw_why(err, why, sizeof why), ui_tr(UI_M_FWK_NOTHING_ADDED));
	else if (rc)
		rc_exit = cmd_fw_fail(err);
	else if (!added)
		cmd_put_line(stdout, ui_tr(UI_M_FWK_FRAME_SAME), f->id, db, same);
	else {
		strbuf line = STRBUF_INIT;
		sb_addf(&line, ui_tr(UI_M_FWK_FRAME_ADDED), added,
			ui_tr(added == 1 ? UI_M_FWK_UNIT_ONE : UI_M_FWK_UNIT_MANY), f->id, db);
		if (same)
			sb_adds(&line, ui_tr(UI_M_FWK_FRAME_OTHERS));
		cmd_put_line(stdout, "%s", sb_str(&line));
		sb_release(&line);
	}
	frame_rows_release(&rows);
	form_free(f);
	free(src);
	return rc_exit;
}

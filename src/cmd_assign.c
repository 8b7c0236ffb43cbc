/* cmd_assign.c: `survey assign HQ.db --interviewer NAME UNIT-ID... | --where COL=VALUE` — give
 * units of the sample frame to an interviewer; each unit's interview UUID is made here. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "store/scan.h"
#include "ui/i18n.h"
#include "util/util.h"

static int cmd_assign(int argc, char **argv);

const struct cmd_entry cmd_assign_entry = {
	.name = "assign",
	.usage = "HQ.db --interviewer NAME (UNIT-ID... | --where COLUMN=VALUE...) [--form ID] "
		 "[--lang ky|ru|en]",
	.summary = "give units of the sample frame to an interviewer",
	.help =
	"Gives units of the frame ('survey frame') to the interviewer NAME: the units\n"
	"named by id, or every unit whose frame column COLUMN holds VALUE (--where, as\n"
	"often as needed: all must hold, e.g. --where oblast=chui). A unit's interview\n"
	"UUID is made when it is first assigned, so a unit never gets two interviews;\n"
	"given to another interviewer later, it keeps its UUID (the latest assignment\n"
	"holds). A unit not in the frame is refused and nothing changes. Then 'survey\n"
	"kit HQ.db --interviewer NAME -o KIT.db' makes that interviewer's file.\n\n"
	"options:\n"
	"  --interviewer NAME  who gets the units\n"
	"  --where COL=VALUE   the units whose frame column COL is VALUE (repeatable)\n"
	"  --form ID           the form whose frame it is (needed when HQ.db has frames\n"
	"                      of several forms)\n"
	"  --lang L            messages in Kyrgyz, Russian or English (ky, ru, en);\n"
	"                      default: the locale's\n\n"
	"examples:\n  survey assign hq.db --interviewer 'Айгүл' chui-01 chui-02\n"
	"  survey assign hq.db --interviewer 'Марат' --where oblast=osh\n",
	.exec = cmd_assign,
};

int cmd_frame_form(store *st, const char *given, char **out, char *err)
{
	char **ids;
	int n;
	if (store_frame_forms(st, &ids, &n, err))
		return -1;
	int rc = 0;
	*out = NULL;
	if (given) {
		for (int i = 0; i < n && !*out; i++)
			if (strcmp(ids[i], given) == 0)
				*out = xstrdup(given);
		if (!*out)
			rc = errf(err, ui_tr(UI_M_FWK_FORM_NO_FRAME), store_path(st), given);
	} else if (n == 1) {
		*out = xstrdup(ids[0]);
	} else if (n) {
		rc = errf(err, ui_tr(UI_M_FWK_FORMS_MANY), store_path(st), n);
	} else {
		rc = errf(err, ui_tr(UI_M_FWK_FRAME_NONE), store_path(st));
	}
	store_strings_free(ids, n);
	return rc;
}

/* What the command line asked for: the interviewer, the questionnaire, the --where pairs
 * (col=val, their copies owned here) or the units named after DB. */
struct assign_args {
	const char *who, *form_id;
	const char **cols, **vals;
	char **copies;
	int nw, nunits;
};

/* The command line into *a (its arrays allocated for argc): EXIT_OK, else EXIT_USAGE after
 * one line. */
static int parse_assign_args(int argc, char **argv, struct assign_args *a)
{
	enum { O_INTERVIEWER = 256, O_WHERE, O_FORM, O_LANG };
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, O_LANG },
		{ "interviewer", required_argument, NULL, O_INTERVIEWER },
		{ "where", required_argument, NULL, O_WHERE },
		{ "form", required_argument, NULL, O_FORM },
		{ 0 },
	};
	a->cols = xcalloc((size_t)argc, sizeof *a->cols);
	a->vals = xcalloc((size_t)argc, sizeof *a->vals);
	a->copies = xcalloc((size_t)argc, sizeof *a->copies);
	int c, rc = EXIT_OK;
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == O_INTERVIEWER) {
			a->who = optarg;
		} else if (c == O_FORM) {
			a->form_id = optarg;
		} else if (c == O_LANG) {
			rc = cmd_fw_bad_lang(&cmd_assign_entry, optarg);
		} else if (c == O_WHERE) {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg)
				return cmd_usage_error(&cmd_assign_entry, ui_tr(UI_M_FWK_WHERE_BAD),
						       optarg);
			char *copy = a->copies[a->nw] = xstrdup(optarg);
			copy[eq - optarg] = '\0';
			a->cols[a->nw] = copy;
			a->vals[a->nw++] = copy + (eq - optarg) + 1;
		} else {
			rc = cmd_fw_bad_option(&cmd_assign_entry, c, argv);
		}
	}
	a->nunits = argc - optind - 1;
	if (rc != EXIT_OK)
		return rc;
	if (argc - optind < 1)
		return cmd_usage_error(&cmd_assign_entry, "%s", ui_tr(UI_M_FWK_NEED_DB_ARG));
	if (!a->who)
		return cmd_usage_error(&cmd_assign_entry, "%s", ui_tr(UI_M_FWK_NEED_WHO));
	if (!*a->who || strlen(a->who) > STORE_FW_NAME_MAX)
		return cmd_usage_error(&cmd_assign_entry, ui_tr(UI_M_FWK_WHO_LEN),
				       STORE_FW_NAME_MAX);
	if ((a->nunits > 0) == (a->nw > 0))
		return cmd_usage_error(&cmd_assign_entry, "%s", ui_tr(UI_M_FWK_UNITS_OR_WHERE));
	return cmd_check_name(&cmd_assign_entry, "--interviewer", a->who);
}

/* The line that says how many units went to who (some moved from another, some his already). */
static void say_assigned(const store_assign_result *res, const char *form, const char *who)
{
	strbuf line = STRBUF_INIT;
	int n = res->assigned + res->moved;
	sb_addf(&line, ui_tr(UI_M_FWK_ASSIGNED), n,
		ui_tr(n == 1 ? UI_M_FWK_UNIT_ONE : UI_M_FWK_UNIT_MANY), form, who);
	if (res->moved)
		sb_addf(&line, ui_tr(UI_M_FWK_MOVED), res->moved);
	if (res->already)
		sb_addf(&line, ui_tr(UI_M_FWK_ALREADY), res->already, who);
	cmd_put_line(stdout, "%s", sb_str(&line));
	sb_release(&line);
}

static int cmd_assign(int argc, char **argv)
{
	struct assign_args a = { 0 };
	int rc = parse_assign_args(argc, argv, &a);
	char err[ERR_MAX];
	store *st = NULL;
	char *form = NULL, **found = NULL;
	int nfound = 0, nw = a.nw;
	if (rc == EXIT_OK) {
		const char *db = argv[optind];
		store_assign_result res;
		store_disk_full_clear();
		if (store_open(db, 0, &st, err)) {
			rc = cmd_open_fail(db, err);
		} else if (cmd_frame_form(st, a.form_id, &form, err) ||
		    (nw && store_frame_select(st, form, a.cols, a.vals, nw, &found, &nfound, err))) {
			rc = cmd_fw_fail(err);
		} else if (nw && !nfound) {
			rc = cmd_fail(ui_tr(UI_M_FWK_NO_MATCH), form);
		} else if (store_assign(st, form, a.who, nw ? nfound : a.nunits, nw ?
					(const char *const *)found : (const char *const *)argv +
					optind + 1, &res, err)) {
			char why[2 * ERR_MAX];
			rc = store_disk_full() ? cmd_fw_disk_full(db) :
			     cmd_fail("%s: %s", cmd_fw_why(err, why, sizeof why),
				      ui_tr(UI_M_FWK_NOTHING_ASSIGNED));
		} else {
			say_assigned(&res, form, a.who);
		}
	}
	store_strings_free(found, nfound);
	free(form);
	store_close(st);
	strv_free(a.copies, a.nw);
	free(a.cols);
	free(a.vals);
	return rc;
}

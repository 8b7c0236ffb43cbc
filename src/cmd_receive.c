/* cmd_receive.c: `survey receive KIT.db [--db LAPTOP.db]` — apply a kit from the coordinator
 * to this laptop's file (and `survey run --kit` does the same before the start screen). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "form/form.h"
#include "store/fieldwork.h"
#include "ui/i18n.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_receive(int argc, char **argv);

const struct cmd_entry cmd_receive_entry = {
	.name = "receive",
	.usage = "KIT.db [--db LAPTOP.db] [--lang ky|ru|en]",
	.summary = "apply a kit from the coordinator to this laptop's file",
	.help =
	"Applies KIT.db ('survey kit') to the laptop's file (default survey.db, created\n"
	"if absent), as 'survey merge' would: the form, the assignments and frame rows,\n"
	"the supervisors' reviews and the interviews sent back are added; nothing is\n"
	"removed, and a kit applied twice changes nothing (and says so). The laptop then\n"
	"works for the kit's interviewer. Refused, with nothing changed: a file that is\n"
	"not a kit, a kit for another form or version than the laptop's, or for another\n"
	"interviewer. KIT.db is only read. The laptop's file is locked as 'survey run'\n"
	"locks it: while a 'survey run' (or another receive) works on it, receive is\n"
	"refused.\n\n"
	"options:\n"
	"  --db LAPTOP.db  the laptop's file (default: survey.db)\n"
	"  --lang L        messages in Kyrgyz, Russian or English (ky, ru, en); default:\n"
	"                  the locale's\n\n"
	"example:\n  survey receive /media/usb/aigul-kit.db --db survey.db\n",
	.exec = cmd_receive,
};

int cmd_receive_kit(const char *kit, const char *db, int quiet)
{
	char err[ERR_MAX], *lock_path;
	store_receive_summary sum;
	if (outfile_check("--db", db, "kit", kit, OUTFILE_DB, err))
		return cmd_fw_out_fail("--db", db, UI_M_F15B_WHAT_KIT, kit, err);
	/* the laptop's file is `run`'s while it runs, and one receive's at a time */
	int lock = cmd_lock_db(db, ui_tr(UI_M_FWK_LOCKED), &lock_path, err);
	store_disk_full_clear();
	int rc = lock < 0 || store_receive(kit, db, cmd_create_flags, &sum, err) ? -1 : 0;
	cmd_unlock_db(lock, lock_path);
	if (rc)
		return cmd_fw_write_fail(db, err);
	if (quiet)
		return EXIT_OK;
	if (sum.already)
		cmd_put_line(stdout, ui_tr(UI_M_FWK_RECEIVED_ALREADY), db, kit);
	else
		cmd_put_line(stdout, ui_tr(UI_M_FWK_RECEIVED), sum.interviewer, db, sum.form_id,
			     sum.version, sum.units, ui_tr(sum.units == 1 ? UI_M_FWK_ASSIGNMENT_ONE :
							   UI_M_FWK_ASSIGNMENT_MANY), sum.returned,
			     ui_tr(sum.returned == 1 ? UI_M_LIST_ONE : UI_M_LIST_MANY));
	return EXIT_OK;
}

int cmd_kit_form(const char *kit, struct form **out, char *err)
{
	void *bytes;
	size_t len;
	char *name, *kind;
	*out = NULL;
	if (store_kit_form(kit, &bytes, &len, &name, &kind, err)) {
		char why[2 * ERR_MAX];
		snprintf(err, ERR_MAX, "%s", cmd_fw_why(err, why, sizeof why));
		return -1;
	}
	char why[ERR_MAX];
	int rc = form_load_mem(name, kind, bytes, len, out, NULL, why);
	if (rc)
		errf(err, ui_tr(UI_M_RUN_BAD_FORM), why, kit);
	free(bytes);
	free(name);
	free(kind);
	return rc;
}

static int cmd_receive(int argc, char **argv)
{
	static const struct option opts[] = { { "db", required_argument, NULL, 'd' },
					      { "lang", required_argument, NULL, 'l' }, { 0 } };
	const char *db = "survey.db";
	int c;
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'l') {
			if (cmd_fw_bad_lang(&cmd_receive_entry, optarg))
				return EXIT_USAGE;
		} else
			return cmd_fw_bad_option(&cmd_receive_entry, c, argv);
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_receive_entry, "%s", ui_tr(UI_M_FWK_ONE_KIT));
	return cmd_receive_kit(argv[optind], db, 0);
}

/* cmd_kit.c: `survey kit HQ.db --interviewer NAME -o KIT.db` — the file for one interviewer's
 * laptop: the form, their units of the frame and assignments, and interviews sent back. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "ui/i18n.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_kit(int argc, char **argv);

const struct cmd_entry cmd_kit_entry = {
	.name = "kit",
	.usage = "HQ.db --interviewer NAME -o KIT.db [--no-extra] [--form ID] [--lang ky|ru|en]",
	.summary = "make the file of one interviewer's laptop: form, assignments, returns",
	.help =
	"Writes KIT.db, a survey file for the laptop of the interviewer NAME: the\n"
	"questionnaire (its newest version), the frame rows and assignments of the\n"
	"units NAME holds (and of units NAME held before, so the laptop learns they\n"
	"moved), the supervisors' reviews of their interviews, and the interviews sent\n"
	"back: those whose latest decision on their current version is 'rejected'.\n"
	"On the laptop: 'survey receive KIT.db' or 'survey run --kit KIT.db'. KIT.db\n"
	"appears only when complete; it may not be HQ.db. HQ.db is only read.\n\n"
	"options:\n"
	"  --interviewer NAME  whose kit it is\n"
	"  -o KIT.db           the file to write (replaced if it exists)\n"
	"  --no-extra          on that laptop only assigned interviews can be started\n"
	"  --form ID           the form (needed when HQ.db has frames of several forms)\n"
	"  --lang L            messages in Kyrgyz, Russian or English (ky, ru, en);\n"
	"                      default: the locale's\n\n"
	"example:\n  survey kit hq.db --interviewer 'Айгүл' -o /media/usb/aigul-kit.db\n",
	.exec = cmd_kit,
};

static int cmd_kit(int argc, char **argv)
{
	enum { O_INTERVIEWER = 256, O_NO_EXTRA, O_FORM, O_LANG };
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, O_LANG },
		{ "interviewer", required_argument, NULL, O_INTERVIEWER },
		{ "output", required_argument, NULL, 'o' },
		{ "no-extra", no_argument, NULL, O_NO_EXTRA },
		{ "form", required_argument, NULL, O_FORM },
		{ 0 },
	};
	const char *who = NULL, *out = NULL, *form_id = NULL;
	int no_extra = 0, c;
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		switch (c) {
		case O_INTERVIEWER: who = optarg; break;
		case 'o': out = optarg; break;
		case O_NO_EXTRA: no_extra = 1; break;
		case O_FORM: form_id = optarg; break;
		case O_LANG:
			if (cmd_fw_bad_lang(&cmd_kit_entry, optarg))
				return EXIT_USAGE;
			break;
		default:
			return cmd_fw_bad_option(&cmd_kit_entry, c, argv);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_kit_entry, "%s", ui_tr(UI_M_LIST_ONE_DB));
	if (!who)
		return cmd_usage_error(&cmd_kit_entry, "%s", ui_tr(UI_M_FWK_NEED_WHO));
	if (!out)
		return cmd_usage_error(&cmd_kit_entry, "%s", ui_tr(UI_M_FWK_NEED_OUT));
	int rc = cmd_check_name(&cmd_kit_entry, "--interviewer", who);
	if (rc)
		return rc;
	const char *db = argv[optind];
	char err[ERR_MAX];
	if (outfile_check("-o", out, "input database", db, OUTFILE_DB, err))
		return cmd_fw_out_fail("-o", out, UI_M_F15B_WHAT_DB, db, err);
	store *st;
	char *form = NULL;
	store_kit_summary sum;
	store_disk_full_clear();
	if (store_open(db, 0, &st, err))
		return cmd_open_fail(db, err);
	if (cmd_frame_form(st, form_id, &form, err) ||
	    store_kit_write(st, form, who, no_extra, out, &sum, err)) {
		rc = cmd_fw_write_fail(out, err);
	} else {
		strbuf line = STRBUF_INIT;
		sb_addf(&line, ui_tr(UI_M_FWK_KIT_WROTE), who, out, sum.form_id, sum.version,
			sum.units, ui_tr(sum.units == 1 ? UI_M_FWK_UNIT_ONE : UI_M_FWK_UNIT_MANY),
			sum.returned, ui_tr(sum.returned == 1 ? UI_M_LIST_ONE : UI_M_LIST_MANY));
		if (no_extra)
			sb_adds(&line, ui_tr(UI_M_FWK_ONLY_ASSIGNED));
		cmd_put_line(stdout, "%s", sb_str(&line));
		sb_release(&line);
	}
	free(form);
	store_close(st);
	return rc;
}

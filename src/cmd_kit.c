/* cmd_kit.c: `survey kit HQ.db --interviewer NAME -o KIT.db` — the file for one interviewer's
 * laptop: the form, their units of the frame and assignments, and interviews sent back. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_kit(int argc, char **argv);

const struct cmd_entry cmd_kit_entry = {
	.name = "kit",
	.usage = "HQ.db --interviewer NAME -o KIT.db [--no-extra] [--form ID]",
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
	"  --form ID           the form (needed when HQ.db has frames of several forms)\n\n"
	"example:\n  survey kit hq.db --interviewer 'Айгүл' -o /media/usb/aigul-kit.db\n",
	.exec = cmd_kit,
};

static int cmd_kit(int argc, char **argv)
{
	enum { O_INTERVIEWER = 256, O_NO_EXTRA, O_FORM };
	static const struct option opts[] = {
		{ "interviewer", required_argument, NULL, O_INTERVIEWER },
		{ "output", required_argument, NULL, 'o' },
		{ "no-extra", no_argument, NULL, O_NO_EXTRA },
		{ "form", required_argument, NULL, O_FORM },
		{ 0 },
	};
	const char *who = NULL, *out = NULL, *form_id = NULL;
	int no_extra = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		switch (c) {
		case O_INTERVIEWER: who = optarg; break;
		case 'o': out = optarg; break;
		case O_NO_EXTRA: no_extra = 1; break;
		case O_FORM: form_id = optarg; break;
		case ':':
			return cmd_usage_error(&cmd_kit_entry, "option '%s' needs a value",
					       argv[optind - 1]);
		default:
			return cmd_usage_error(&cmd_kit_entry, "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_kit_entry, "expected one database (HQ.db)");
	if (!who)
		return cmd_usage_error(&cmd_kit_entry, "expected --interviewer NAME");
	if (!out)
		return cmd_usage_error(&cmd_kit_entry, "expected -o KIT.db");
	int rc = cmd_check_name(&cmd_kit_entry, "--interviewer", who);
	if (rc)
		return rc;
	const char *db = argv[optind];
	char err[ERR_MAX];
	if (outfile_check("-o", out, "input database", db, OUTFILE_DB, err))
		return cmd_fail("%s", err);
	store *st;
	char *form = NULL;
	store_kit_summary sum;
	if (store_open(db, 0, &st, err))
		return cmd_fail("%s", err);
	if (cmd_frame_form(st, form_id, &form, err) ||
	    store_kit_write(st, form, who, no_extra, out, &sum, err)) {
		rc = cmd_fail("%s", err);
	} else {
		cmd_put_line(stdout, "wrote the kit of %s to '%s': form '%s' version %s, %d unit%s "
			     "assigned, %d interview%s sent back%s", who, out, sum.form_id,
			     sum.version, sum.units, sum.units == 1 ? "" : "s", sum.returned,
			     sum.returned == 1 ? "" : "s", no_extra ? "; only assigned interviews" :
			     "");
	}
	free(form);
	store_close(st);
	return rc;
}

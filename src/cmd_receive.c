/* cmd_receive.c: `survey receive KIT.db [--db LAPTOP.db]` — apply a kit from the coordinator
 * to this laptop's file (and `survey run --kit` does the same before the start screen). */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_receive(int argc, char **argv);

const struct cmd_entry cmd_receive_entry = {
	.name = "receive",
	.usage = "KIT.db [--db LAPTOP.db]",
	.summary = "apply a kit from the coordinator to this laptop's file",
	.help =
	"Applies KIT.db ('survey kit') to the laptop's file (default survey.db, created\n"
	"if absent), as 'survey merge' would: the form, the assignments and frame rows,\n"
	"the supervisors' reviews and the interviews sent back are added; nothing is\n"
	"removed, and a kit applied twice changes nothing (and says so). The laptop then\n"
	"works for the kit's interviewer. Refused, with nothing changed: a file that is\n"
	"not a kit, a kit for another form or version than the laptop's, or for another\n"
	"interviewer. KIT.db is only read.\n\n"
	"options:\n"
	"  --db LAPTOP.db  the laptop's file (default: survey.db)\n\n"
	"example:\n  survey receive /media/usb/aigul-kit.db --db survey.db\n",
	.exec = cmd_receive,
};

int cmd_receive_kit(const char *kit, const char *db, int quiet)
{
	char err[ERR_MAX];
	store_receive_summary sum;
	if (outfile_check("--db", db, "kit", kit, OUTFILE_DB, err) ||
	    store_receive(kit, db, &sum, err))
		return cmd_fail("%s", err);
	if (quiet)
		return EXIT_OK;
	if (sum.already)
		cmd_put_line(stdout, "'%s' already holds the kit '%s': nothing changed", db, kit);
	else
		cmd_put_line(stdout, "applied the kit of %s to '%s': form '%s' version %s, %d "
			     "assignment%s, %d interview%s sent back", sum.interviewer, db,
			     sum.form_id, sum.version, sum.units, sum.units == 1 ? "" : "s",
			     sum.returned, sum.returned == 1 ? "" : "s");
	return EXIT_OK;
}

static int cmd_receive(int argc, char **argv)
{
	static const struct option opts[] = { { "db", required_argument, NULL, 'd' }, { 0 } };
	const char *db = "survey.db";
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == ':')
			return cmd_usage_error(&cmd_receive_entry, "option '%s' needs a value",
					       argv[optind - 1]);
		else
			return cmd_usage_error(&cmd_receive_entry, "unknown option '%s'",
					       argv[optind - 1]);
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_receive_entry, "expected one kit file");
	return cmd_receive_kit(argv[optind], db, 0);
}

/* cmd_pack.c: `survey pack DB -o FILE` — a consistent single-file copy of a laptop database
 * for a USB stick, safe while `survey run` has the database open. */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "store/merge.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_pack(int argc, char **argv);

const struct cmd_entry cmd_pack_entry = {
	.name = "pack",
	.usage = "DB -o FILE",
	.summary = "copy a laptop database into one file for a USB stick",
	.help = "Writes a consistent copy of DB to FILE, with every answer saved so far (even\n"
		"while 'survey run' is open on DB), as one file with its content hash recorded,\n"
		"which 'survey merge' checks. DB is never changed. FILE appears only when it is\n"
		"complete: a full disk or an unwritable folder leaves no half-written file.\n"
		"FILE may not be DB (or its journal files): that is refused, with exit status 1.\n"
		"Copy FILE, not DB: copying a database in use by hand can lose recent answers.\n\n"
		"options:\n"
		"  -o FILE   the copy to write (replaced if it exists)\n\n"
		"example:\n  survey pack survey.db -o /media/usb/laptop3.db\n",
	.exec = cmd_pack,
};

static int cmd_pack(int argc, char **argv)
{
	const char *out;
	int rc = cmd_only_output(&cmd_pack_entry, argc, argv, "a file", &out);
	if (rc)
		return rc;
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_pack_entry, "expected one database file");
	if (!out)
		return cmd_usage_error(&cmd_pack_entry, "expected -o FILE");
	char err[ERR_MAX], sha[65];
	if (outfile_check("-o", out, "input database", argv[optind], OUTFILE_DB, err))
		return cmd_fail("%s", err);
	if (store_pack(argv[optind], out, sha, err))
		return cmd_fail("%s", err);
	printf("packed '%s' into '%s' (content sha256 %s)\n", argv[optind], out, sha);
	return EXIT_OK;
}

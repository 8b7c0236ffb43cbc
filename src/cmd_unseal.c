/* cmd_unseal.c: `survey unseal DB --key SECRET` — opens the sealed interviews of a file with the
 * coordinator's secret key, in place, through the merge rules. */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "store/merge.h"
#include "util/util.h"

static int cmd_unseal(int argc, char **argv);

const struct cmd_entry cmd_unseal_entry = {
	.name = "unseal",
	.usage = "DB --key SECRET",
	.summary = "open the sealed interviews of a file with the coordinator's secret key",
	.help = "Opens every sealed interview of DB (a merged file, or a laptop's pack) with the\n"
		"secret key made by 'survey keygen' and merges what each holds into DB by the merge\n"
		"rules, so that analysis, exports and reports see it. All or nothing: a wrong key,\n"
		"or a record altered or cut short, is said in one line and DB is left as it was.\n"
		"The sealed records stay; unsealing again changes nothing.\n\n"
		"options:\n"
		"  --key SECRET   the secret key file (NAME.key)\n\n"
		"example:\n  survey unseal all.db --key coordinator.key\n",
	.exec = cmd_unseal,
};

static int cmd_unseal(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' }, { "secret-key", required_argument, NULL, 'k' },
		{ 0 } };
	const char *key = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'k')
			key = optarg;
		else if (c == ':')
			return cmd_usage_error(&cmd_unseal_entry, "option '%s' needs a file",
					       argv[optind - 1]);
		else
			return cmd_usage_error(&cmd_unseal_entry, "unknown option '%s'",
					       argv[optind - 1]);
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_unseal_entry, "expected one database file");
	if (!key)
		return cmd_usage_error(&cmd_unseal_entry, "expected --key SECRET");
	char err[ERR_MAX];
	store_unseal_result r;
	if (store_unseal(argv[optind], key, &r, err))
		return cmd_fail("%s", err);
	cmd_put_line(stdout, "unsealed %d interview%s of '%s' (%d sealed, %d opened before)",
		     r.opened, r.opened == 1 ? "" : "s", argv[optind], r.sealed, r.already);
	return EXIT_OK;
}

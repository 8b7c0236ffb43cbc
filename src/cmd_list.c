/* cmd_list.c: `survey list DB [--json]` — the interviews in a database, with totals. */
#include <getopt.h>
#include <string.h>

#include "cmd.h"
#include "store/store.h"
#include "util/util.h"

static int cmd_list(int argc, char **argv);

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "DB [--json]",
	.summary = "list the interviews in a database, with totals by status",
	.help = "Prints one line per interview (oldest first): UUID, status, form version,\n"
		"device, interviewer, answers given, created and modified times (UTC), then totals.\n"
		"The database is opened read-only and never changed.\n\n"
		"options:\n"
		"  --json    one JSON document: {\"interviews\": [...], \"totals\": {...}}\n\n"
		"example:\n  survey list survey.db\n",
	.exec = cmd_list,
};

static void print_json(const store_interview *ivs, int n, int drafts, int complete)
{
	printf("{\"interviews\": [");
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		printf("%s\n  {\"uuid\": ", i ? "," : "");
		json_put_string(stdout, v->uuid);
		const char *keys[] = { "status", "device", "interviewer", "form_id",
				       "form_version", "created", "modified", "completed",
				       "instance_name" };
		const char *vals[] = { v->status, v->device_id, v->interviewer, v->form_id,
				       v->form_version, v->created, v->modified, v->completed,
				       v->instance_name };
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			printf(", \"%s\": ", keys[k]);
			json_put_string(stdout, vals[k]);
		}
		printf(", \"revision\": %d, \"answered\": %d}", v->revision, v->answered);
	}
	printf("%s],\n \"totals\": {\"interviews\": %d, \"draft\": %d, \"complete\": %d}}\n",
	       n ? "\n" : "", n, drafts, complete);
}

static void print_text(const store_interview *ivs, int n, int drafts, int complete)
{
	if (n)
		printf("%-36s  %-8s  %-12s  %-8s  %-16s  %7s  %-16s  %-16s\n", "uuid", "status",
		       "form", "device", "interviewer", "answers", "created", "modified");
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		char form[64];
		snprintf(form, sizeof form, "%s@%s", v->form_id, v->form_version);
		printf("%-36s  %-8s  %-12s  %-8.8s  %-16s  %7d  %-16.16s  %-16.16s\n", v->uuid,
		       v->status, form, v->device_id, v->interviewer[0] ? v->interviewer : "-",
		       v->answered, v->created, v->modified);
	}
	printf("%d interview%s: %d complete, %d draft\n", n, n == 1 ? "" : "s", complete, drafts);
}

static int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	int json = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else
			return cmd_usage_error(&cmd_list_entry, "unknown option '%s'",
					       argv[optind - 1]);
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_list_entry, "expected one database file");
	char err[ERR_MAX];
	store *st;
	if (store_open(argv[optind], STORE_READONLY, &st, err))
		return cmd_fail("%s", err);
	store_interview *ivs;
	int n;
	if (store_interviews(st, &ivs, &n, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	int drafts = 0, complete = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(ivs[i].status, "complete") == 0)
			complete++;
		else
			drafts++;
	}
	if (json)
		print_json(ivs, n, drafts, complete);
	else
		print_text(ivs, n, drafts, complete);
	store_interviews_free(ivs, n);
	store_close(st);
	return EXIT_OK;
}

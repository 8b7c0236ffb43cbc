/* cmd_list.c: `survey list DB [--json] [--by QUESTION]` — the interviews in a database, with
 * totals by status, device, interviewer, form version and day, and progress by a question. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/store.h"
#include "util/util.h"

static int cmd_list(int argc, char **argv);

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "DB [--json] [--by QUESTION]",
	.summary = "list the interviews in a database, with totals and progress",
	.help = "Prints one line per interview (oldest first): UUID, status, origin (field,\n"
		"imported, simulated), form version, device, interviewer, answers given, created\n"
		"and modified times (UTC), then totals (complete, draft) by status, origin,\n"
		"device, interviewer, form version and day created. Discarded drafts are\n"
		"listed and counted apart: they are not in any total or progress count.\n"
		"The database is opened read-only and never changed.\n\n"
		"options:\n"
		"  --by QUESTION   progress: interviews complete and draft by their answer to\n"
		"                  QUESTION (a name, e.g. oblast, or a path grp/q)\n"
		"  --json          one JSON document: {\"interviews\": [...], \"totals\": {...}}\n\n"
		"examples:\n  survey list survey.db\n  survey list all.db --by oblast\n",
	.exec = cmd_list,
};

/* Counts of complete, draft and discarded interviews under one key (a device, a day, ...). */
struct tally {
	char *key;
	int complete, draft, discarded;
};

struct tallies {
	const char *title;    /* "device" (text) */
	const char *json;     /* "by_device" */
	struct tally *t;
	int n;
};

static void tally_add(struct tallies *ts, const char *key, const char *status)
{
	int i;
	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].key, key) == 0)
			break;
	if (i == ts->n) {
		ts->t = xreallocarray(ts->t, (size_t)ts->n + 1, sizeof *ts->t);
		ts->t[ts->n++] = (struct tally){ .key = xstrdup(key) };
	}
	if (strcmp(status, "complete") == 0)
		ts->t[i].complete++;
	else if (strcmp(status, "discarded") == 0)
		ts->t[i].discarded++;
	else
		ts->t[i].draft++;
}

static int tally_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->key, ((const struct tally *)b)->key);
}

enum { BY_STATUS, BY_ORIGIN, BY_DEVICE, BY_INTERVIEWER, BY_FORM, BY_DATE, NBY };

static void count_all(const store_interview *ivs, int n, struct tallies *ts)
{
	static const char *const titles[NBY][2] = {
		{ "status", "by_status" }, { "origin", "by_origin" }, { "device", "by_device" },
		{ "interviewer", "by_interviewer" }, { "form version", "by_form_version" },
		{ "day created (UTC)", "by_date" },
	};
	for (int b = 0; b < NBY; b++)
		ts[b] = (struct tallies){ .title = titles[b][0], .json = titles[b][1] };
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		const char *complete = v->status;
		char form[256], day[11];
		snprintf(form, sizeof form, "%s@%s", v->form_id, v->form_version);
		snprintf(day, sizeof day, "%s", v->created);
		tally_add(&ts[BY_STATUS], v->status, complete);
		tally_add(&ts[BY_ORIGIN], v->origin, complete);
		tally_add(&ts[BY_DEVICE], v->device_id, complete);
		tally_add(&ts[BY_INTERVIEWER], v->interviewer, complete);
		tally_add(&ts[BY_FORM], form, complete);
		tally_add(&ts[BY_DATE], day, complete);
	}
	for (int b = 0; b < NBY; b++)
		qsort(ts[b].t, (size_t)ts[b].n, sizeof *ts[b].t, tally_cmp);
}

static void tallies_release(struct tallies *ts)
{
	for (int b = 0; b < NBY; b++) {
		for (int i = 0; i < ts[b].n; i++)
			free(ts[b].t[i].key);
		free(ts[b].t);
	}
}

/* total: complete and draft; discarded interviews are counted apart. */
static void json_counts(int complete, int draft, int discarded)
{
	printf("{\"complete\": %d, \"draft\": %d, \"discarded\": %d, \"total\": %d}", complete,
	       draft, discarded, complete + draft);
}

static void print_json(const store_interview *ivs, int n, const struct tallies *ts,
		       const char *by, const store_progress_row *pr, int npr)
{
	printf("{\"interviews\": [");
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		printf("%s\n  {\"uuid\": ", i ? "," : "");
		json_put_string(stdout, v->uuid);
		const char *keys[] = { "status", "origin", "device", "interviewer", "form_id",
				       "form_version", "created", "modified", "completed",
				       "instance_name" };
		const char *vals[] = { v->status, v->origin, v->device_id, v->interviewer,
				       v->form_id, v->form_version, v->created, v->modified,
				       v->completed, v->instance_name };
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			printf(", \"%s\": ", keys[k]);
			json_put_string(stdout, vals[k]);
		}
		printf(", \"revision\": %d, \"answered\": %d}", v->revision, v->answered);
	}
	int complete = 0, draft = 0, discarded = 0;
	for (int i = 0; i < ts[BY_STATUS].n; i++) {
		complete += ts[BY_STATUS].t[i].complete;
		draft += ts[BY_STATUS].t[i].draft;
		discarded += ts[BY_STATUS].t[i].discarded;
	}
	printf("%s],\n \"totals\": {\"interviews\": %d, \"draft\": %d, \"complete\": %d, "
	       "\"discarded\": %d", n ? "\n" : "", n, draft, complete, discarded);
	for (int b = 0; b < NBY; b++) {
		printf(",\n  \"%s\": {", ts[b].json);
		for (int i = 0; i < ts[b].n; i++) {
			printf("%s", i ? ", " : "");
			json_put_string(stdout, ts[b].t[i].key);
			printf(": ");
			json_counts(ts[b].t[i].complete, ts[b].t[i].draft, ts[b].t[i].discarded);
		}
		printf("}");
	}
	if (by) {
		printf(",\n  \"by_question\": {\"question\": ");
		json_put_string(stdout, by);
		printf(", \"values\": [");
		for (int i = 0; i < npr; i++) {
			printf("%s{\"value\": ", i ? ", " : "");
			json_put_string(stdout, pr[i].value);
			printf(", \"complete\": %d, \"draft\": %d, \"total\": %d}", pr[i].complete,
			       pr[i].draft, pr[i].complete + pr[i].draft);
		}
		printf("]}");
	}
	printf("}}\n");
}

/* Text lines: fields come from the file, so each line goes out escaped (cmd_put_line). */
static void print_counts(const char *key, int complete, int draft)
{
	cmd_put_line(stdout, "  %-36s  %8d  %8d  %8d", key, complete, draft, complete + draft);
}

static void print_text(const store_interview *ivs, int n, const struct tallies *ts,
		       const char *by, const store_progress_row *pr, int npr)
{
	if (n)
		printf("%-36s  %-9s  %-9s  %-12s  %-8s  %-16s  %7s  %-16s  %-16s\n", "uuid",
		       "status", "origin", "form", "device", "interviewer", "answers",
		       "created (UTC)", "modified (UTC)");
	int complete = 0, discarded = 0, simulated = 0;
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		simulated += strcmp(v->origin, "simulated") == 0;
		char form[64];
		snprintf(form, sizeof form, "%s@%s", v->form_id, v->form_version);
		cmd_put_line(stdout, "%-36s  %-9s  %-9s  %-12s  %-8.8s  %-16s  %7d  %-16.16s  "
			     "%-16.16s", v->uuid, v->status, v->origin, form, v->device_id,
			     v->interviewer[0] ? v->interviewer : "-", v->answered, v->created,
			     v->modified);
		complete += strcmp(v->status, "complete") == 0;
		discarded += strcmp(v->status, "discarded") == 0;
	}
	printf("%d interview%s: %d complete, %d draft", n, n == 1 ? "" : "s", complete,
	       n - complete - discarded);
	if (discarded)
		printf(", %d discarded (in no count below)", discarded);
	if (simulated)
		printf(" (%d simulated: not real data)", simulated);
	printf("\n");
	if (!n)
		return;
	for (int b = BY_ORIGIN; b < NBY; b++) {
		printf("\nby %s:\n  %-36s  %8s  %8s  %8s\n", ts[b].title, "", "complete", "draft",
		       "total");
		for (int i = 0; i < ts[b].n; i++)
			print_counts(ts[b].t[i].key[0] ? ts[b].t[i].key : "-", ts[b].t[i].complete,
				     ts[b].t[i].draft);
	}
	if (by) {
		putchar('\n');
		cmd_put_line(stdout, "by %s:", by);
		printf("  %-36s  %8s  %8s  %8s\n", "", "complete", "draft", "total");
		for (int i = 0; i < npr; i++)
			print_counts(pr[i].value ? pr[i].value : "(no answer)", pr[i].complete,
				     pr[i].draft);
	}
}

static int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "by", required_argument, NULL, 'b' },
		{ 0 }
	};
	int json = 0, c;
	const char *by = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'b')
			by = optarg;
		else if (c == ':')
			return cmd_usage_error(&cmd_list_entry, "option '%s' needs a question",
					       argv[optind - 1]);
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
	if (by && store_question_known((const char *const *)&argv[optind], 1, by, err)) {
		store_close(st);
		return cmd_fail("'%s': --by: %s", argv[optind], err);
	}
	store_interview *ivs;
	store_progress_row *pr = NULL;
	int n, npr = 0;
	if (store_interviews(st, &ivs, &n, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	for (int i = 0; i < n; i++) {   /* a damaged file may hold NULLs where text is required */
		char **f[] = { &ivs[i].form_id, &ivs[i].form_version, &ivs[i].device_id,
			       &ivs[i].interviewer, &ivs[i].status, &ivs[i].created,
			       &ivs[i].modified };
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			if (!*f[k])
				*f[k] = xstrdup("");
	}
	if (by && store_progress(st, by, &pr, &npr, err)) {
		store_interviews_free(ivs, n);
		store_close(st);
		return cmd_fail("%s", err);
	}
	struct tallies ts[NBY];
	count_all(ivs, n, ts);
	if (json)
		print_json(ivs, n, ts, by, pr, npr);
	else
		print_text(ivs, n, ts, by, pr, npr);
	tallies_release(ts);
	store_progress_free(pr, npr);
	store_interviews_free(ivs, n);
	store_close(st);
	return EXIT_OK;
}

/* cmd_assign.c: `survey assign HQ.db --interviewer NAME UNIT-ID... | --where COL=VALUE` — give
 * units of the sample frame to an interviewer; each unit's interview UUID is made here. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "store/scan.h"
#include "util/util.h"

static int cmd_assign(int argc, char **argv);

const struct cmd_entry cmd_assign_entry = {
	.name = "assign",
	.usage = "HQ.db --interviewer NAME (UNIT-ID... | --where COLUMN=VALUE...) [--form ID]",
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
	"                      of several forms)\n\n"
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
			rc = errf(err, "'%s' has no frame of form '%s': load one with 'survey frame'",
				  store_path(st), given);
	} else if (n == 1) {
		*out = xstrdup(ids[0]);
	} else {
		rc = errf(err, n ? "'%s' has frames of %d forms: choose one with --form ID" :
			  "'%s' has no frame: load one with 'survey frame FORM FRAME.csv --db DB'",
			  store_path(st), n);
	}
	store_strings_free(ids, n);
	return rc;
}

static int cmd_assign(int argc, char **argv)
{
	enum { O_INTERVIEWER = 256, O_WHERE, O_FORM };
	static const struct option opts[] = {
		{ "interviewer", required_argument, NULL, O_INTERVIEWER },
		{ "where", required_argument, NULL, O_WHERE },
		{ "form", required_argument, NULL, O_FORM },
		{ 0 },
	};
	const char *who = NULL, *form_id = NULL;
	const char **cols = xcalloc((size_t)argc, sizeof *cols);
	const char **vals = xcalloc((size_t)argc, sizeof *vals);
	char **copies = xcalloc((size_t)argc, sizeof *copies);
	int nw = 0, c, rc = EXIT_OK;
	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == O_INTERVIEWER) {
			who = optarg;
		} else if (c == O_FORM) {
			form_id = optarg;
		} else if (c == O_WHERE) {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg) {
				rc = cmd_usage_error(&cmd_assign_entry, "--where wants COLUMN=VALUE, not "
						     "'%s'", optarg);
				break;
			}
			copies[nw] = xstrdup(optarg);
			copies[nw][eq - optarg] = '\0';
			cols[nw] = copies[nw];
			vals[nw] = copies[nw] + (eq - optarg) + 1;
			nw++;
		} else if (c == ':') {
			rc = cmd_usage_error(&cmd_assign_entry, "option '%s' needs a value",
					     argv[optind - 1]);
		} else {
			rc = cmd_usage_error(&cmd_assign_entry, "unknown option '%s'",
					     argv[optind - 1]);
		}
	}
	int nunits = argc - optind - 1;
	if (rc == EXIT_OK) {
		if (argc - optind < 1)
			rc = cmd_usage_error(&cmd_assign_entry, "expected the database");
		else if (!who)
			rc = cmd_usage_error(&cmd_assign_entry, "expected --interviewer NAME");
		else if (!*who || strlen(who) > STORE_FW_NAME_MAX)
			rc = cmd_usage_error(&cmd_assign_entry, "--interviewer wants a name of 1 to %d "
					     "bytes", STORE_FW_NAME_MAX);
		else if ((nunits > 0) == (nw > 0))
			rc = cmd_usage_error(&cmd_assign_entry, "expected unit ids or --where "
					     "COLUMN=VALUE (one of the two)");
		else
			rc = cmd_check_name(&cmd_assign_entry, "--interviewer", who);
	}
	char err[ERR_MAX];
	store *st = NULL;
	char *form = NULL, **found = NULL;
	int nfound = 0;
	if (rc == EXIT_OK) {
		const char *db = argv[optind];
		store_assign_result res;
		if (store_open(db, 0, &st, err) || cmd_frame_form(st, form_id, &form, err) ||
		    (nw && store_frame_select(st, form, cols, vals, nw, &found, &nfound, err))) {
			rc = cmd_fail("%s", err);
		} else if (nw && !nfound) {
			rc = cmd_fail("no unit of the frame of '%s' has those values: nothing assigned",
				      form);
		} else if (store_assign(st, form, who, nw ? nfound : nunits, nw ?
					(const char *const *)found : (const char *const *)argv +
					optind + 1, &res, err)) {
			rc = cmd_fail("%s: nothing assigned", err);
		} else {
			strbuf line = STRBUF_INIT;
			sb_addf(&line, "assigned %d unit%s of '%s' to %s", res.assigned + res.moved,
				res.assigned + res.moved == 1 ? "" : "s", form, who);
			if (res.moved)
				sb_addf(&line, " (%d from another interviewer)", res.moved);
			if (res.already)
				sb_addf(&line, "; %d already held by %s", res.already, who);
			cmd_put_line(stdout, "%s", sb_str(&line));
			sb_release(&line);
		}
	}
	store_strings_free(found, nfound);
	free(form);
	store_close(st);
	for (int i = 0; i < nw; i++)
		free(copies[i]);
	free(copies);
	free(cols);
	free(vals);
	return rc;
}

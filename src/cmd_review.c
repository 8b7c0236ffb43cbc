/* cmd_review.c: `survey review DB` — the supervisor's queue of complete interviews with their
 * quality flags (--json, or the ncurses screen on a terminal), and the decisions taken on them
 * from scripts (--approve, --reject, --comment). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/quality.h"
#include "cmd.h"
#include "store/reviews.h"
#include "ui/i18n.h"
#include "ui/ui.h"
#include "util/util.h"

static int cmd_review(int argc, char **argv);

const struct cmd_entry cmd_review_entry = {
	.name = "review",
	.usage = "DB [--json] [--approve UUID | --reject UUID --reason TEXT | --comment UUID "
		 "--path Q --text TEXT] [--reviewer NAME] [--key Q]... [--lang ky|ru|en]",
	.summary = "review complete interviews: quality flags, approve, reject with a reason",
	.help = "Without options, on a terminal: a screen with the queue of complete interviews and\n"
		"their quality flags; Enter opens one read-only (answers and the interviewer's\n"
		"comments), c comments on a question, a approves, r rejects with a reason.\n"
		"Decisions belong to the version of an interview they were made on (its event log):\n"
		"an interview corrected on its laptop after a rejection is to review again. They\n"
		"are rows of the table reviews, merged as a union; never events of the interview.\n\n"
		"options:\n"
		"  --json            the queue as one JSON document: each complete interview with\n"
		"                    its state (to-review, approved, rejected), flags and reviews\n"
		"  --approve UUID    approve the interview's current version\n"
		"  --reject UUID     reject it (returned to its laptop by the next kit); needs --reason\n"
		"  --reason TEXT     why it is rejected: what to correct\n"
		"  --comment UUID    comment on one question: --path Q (an answer path) --text TEXT\n"
		"  --reviewer NAME   who decides; default: the file's interviewer setting\n"
		"  --key Q           a key question for the interviewer-outlier flag: a number\n"
		"                    (the interviewers' means) or a choice (their shares of each\n"
		"                    answer); repeatable\n"
		"  --lang L          the screen's words and the messages in Kyrgyz, Russian or\n"
		"                    English (ky, ru, en); default for the screen: the language\n"
		"                    chosen last on DB, else the locale's (the messages: the\n"
		"                    locale's)\n\n"
		"flags: too-fast (duration below half the median), dont-know (a quarter or more\n"
		"don't know/refused), straight-line (the same answer on 5 questions of one list in a\n"
		"row), changes (one answer changed 3 times or more), night (worked between 22:00 and\n"
		"06:00 local time), overlap (overlapping another interview of the same laptop),\n"
		"outlier (the interviewer's mean on a --key question, or their share of one of its\n"
		"answers, far from the other interviewers').\n\n"
		"examples:\n  survey review hq.db --json\n"
		"  survey review hq.db --reject 1b4e...-9c --reason \"household size is missing\"\n",
	.exec = cmd_review,
	.draws_screen = 1,
};

static void put_flags(const quality_item *it)
{
	printf("[");
	for (int f = 0, first = 1; f < QUALITY_NFLAGS; f++)
		if (it->r.flags & (1u << f)) {
			printf("%s", first ? "" : ", ");
			json_put_string(stdout, quality_flag_name(f));
			first = 0;
		}
	printf("]");
}

static void put_details(const quality_result *r)
{
	printf("{\"duration_ms\": %lld, \"median_ms\": %lld, \"dont_know_share\": %.3f, "
	       "\"straight_run\": %d, \"straight_path\": ", r->duration_ms, r->median_ms,
	       r->dont_know_share, r->straight_run);
	json_put_string(stdout, r->straight_path);
	printf(", \"changes\": %d, \"changes_path\": ", r->changes);
	json_put_string(stdout, r->changes_path);
	printf(", \"night_hour\": ");
	if (r->night_hour < 0)
		printf("null");
	else
		printf("%d", r->night_hour);
	printf(", \"overlap_uuid\": ");
	json_put_string(stdout, r->overlap_uuid);
	printf(", \"outlier_path\": ");
	json_put_string(stdout, r->outlier_path);
	printf("}");
}

static int put_reviews(store *st, const char *uuid, char *err)
{
	store_review *rv;
	int n;
	if (store_reviews(st, uuid, &rv, &n, err))
		return -1;
	printf("[");
	for (int i = 0; i < n; i++) {
		printf("%s{\"at\": ", i ? ", " : "");
		json_put_string(stdout, rv[i].at);
		printf(", \"reviewer\": ");
		json_put_string(stdout, rv[i].reviewer);
		printf(", \"decision\": ");
		json_put_string(stdout, rv[i].decision);
		printf(", \"path\": ");
		json_put_string(stdout, rv[i].path);
		printf(", \"text\": ");
		json_put_string(stdout, rv[i].text);
		printf(", \"events_sha256\": ");
		json_put_string(stdout, rv[i].events_sha256);
		printf(", \"current\": %s}", rv[i].current ? "true" : "false");
	}
	printf("]");
	store_reviews_free(rv, n);
	return 0;
}

static int put_json(store *st, const quality_set *q, char *err)
{
	int count[4] = { 0 };
	printf("{\"interviews\": [");
	for (int i = 0; i < q->n; i++) {
		const quality_item *it = &q->items[i];
		store_review_state rs;
		if (store_review_get(st, it->iv.uuid, &rs, err))
			return -1;
		count[rs]++;
		const char *const fields[][2] = {
			{ "uuid", it->iv.uuid }, { "state", store_review_state_name(rs) },
			{ "interviewer", it->iv.interviewer }, { "device", it->iv.device_id },
			{ "origin", it->iv.origin }, { "form_id", it->iv.form_id },
			{ "form_version", it->iv.form_version },
			{ "instance_name", it->iv.instance_name }, { "completed", it->iv.completed },
		};
		printf("%s\n  {", i ? "," : "");
		for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
			printf("%s\"%s\": ", k ? ", " : "", fields[k][0]);
			json_put_string(stdout, fields[k][1]);
		}
		printf(", \"flags\": ");
		put_flags(it);
		printf(", \"details\": ");
		put_details(&it->r);
		printf(", \"reviews\": ");
		if (put_reviews(st, it->iv.uuid, err))
			return -1;
		printf("}");
	}
	printf("%s], \"totals\": {\"to-review\": %d, \"approved\": %d, \"rejected\": %d}}\n",
	       q->n ? "\n" : "", count[REVIEW_TO_REVIEW], count[REVIEW_APPROVED],
	       count[REVIEW_REJECTED]);
	return 0;
}

/* The queue as text lines (stdout not a terminal and no --json): uuid, state, flags ("-":
 * none), interviewer. */
static int put_text(store *st, const quality_set *q, char *err)
{
	for (int i = 0; i < q->n; i++) {
		const quality_item *it = &q->items[i];
		store_review_state rs;
		if (store_review_get(st, it->iv.uuid, &rs, err))
			return -1;
		strbuf sb = STRBUF_INIT;
		for (int f = 0; f < QUALITY_NFLAGS; f++)
			if (it->r.flags & (1u << f))
				sb_addf(&sb, "%s%s", sb.len ? "," : "", quality_flag_name(f));
		/* the interviewer last: a name's display width is not its bytes */
		cmd_put_line(stdout, "%s  %-9s  %-30s  %s", it->iv.uuid, store_review_state_name(rs),
			     sb.len ? sb_str(&sb) : "-", it->iv.interviewer ? it->iv.interviewer : "");
		sb_release(&sb);
	}
	return 0;
}

struct action {
	const char *decision;   /* "approved", "rejected", "comment"; NULL: list */
	const char *uuid, *reason, *path, *text, *reviewer;
};

static int decide(const char *db, const struct action *a)
{
	char err[ERR_MAX];
	store *st;
	/* everything is checked on a read-only handle first: a refusal leaves the file's bytes */
	if (store_open(db, STORE_READONLY, &st, err))
		return cmd_open_fail(db, err);
	char *reviewer = a->reviewer ? xstrdup(a->reviewer) : NULL;
	if (!reviewer && store_setting_get(st, STORE_SET_INTERVIEWER, &reviewer, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	if (!reviewer) {
		store_close(st);
		return cmd_fail(ui_tr(UI_M_FWK_WHO_REVIEWS), db);
	}
	const char *text = strcmp(a->decision, "comment") == 0 ? a->text : a->reason;
	int rc = store_review_check(st, a->uuid, reviewer, a->decision, a->path, text, err);
	store_close(st);
	if (rc == 0 && store_open(db, 0, &st, err) == 0) {
		rc = store_review_add(st, a->uuid, reviewer, a->decision, a->path, text, err);
		store_close(st);
	} else if (rc == 0)
		rc = -1;
	free(reviewer);
	if (rc)
		return cmd_fw_fail(err);
	printf("%s %s\n", a->uuid, a->decision);
	return EXIT_OK;
}

/* The screen (ui/supervise.c): the queue with its flags, on the file opened for writing. */
static int review_screen(const char *db, const quality_opts *qo, const char *reviewer_opt,
			 const char *lang_opt)
{
	char err[ERR_MAX];
	if (ui_locale_check(err))
		return cmd_fail("%s", err);
	store *st;
	if (store_open(db, 0, &st, err))
		return cmd_open_fail(db, err);
	char *reviewer = reviewer_opt ? xstrdup(reviewer_opt) : NULL;
	if (!reviewer && store_setting_get(st, STORE_SET_INTERVIEWER, &reviewer, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	if (!reviewer) {
		store_close(st);
		return cmd_fail(ui_tr(UI_M_FWK_WHO_REVIEWS), db);
	}
	char *lang = lang_opt ? xstrdup(lang_opt) : NULL;
	if (!lang)   /* the language chosen last on this file (run, list), else the locale's */
		store_setting_get(st, STORE_SET_LANG, &lang, err);
	quality_set q;
	int rc = quality_read(st, qo, &q, err);
	if (rc == 0) {
		ui_review_item *items = xcalloc((size_t)q.n + 1, sizeof *items);
		for (int i = 0; i < q.n; i++)
			items[i] = (ui_review_item){ q.items[i].iv.uuid, q.items[i].iv.interviewer,
						     q.items[i].iv.instance_name, q.items[i].r.flags };
		rc = ui_review(st, db, items, q.n, reviewer, lang, err);
		free(items);
		quality_set_free(&q);
	}
	store_close(st);
	free(reviewer);
	free(lang);
	return rc ? cmd_fail("%s", err) : EXIT_OK;
}

static int cmd_review(int argc, char **argv)
{
	enum { O_APPROVE = 256, O_REJECT, O_REASON, O_COMMENT, O_PATH, O_TEXT, O_REVIEWER, O_KEY,
	       O_JSON, O_LANG };
	static const struct option opts[] = {
		{ "approve", required_argument, NULL, O_APPROVE },
		{ "reject", required_argument, NULL, O_REJECT },
		{ "reason", required_argument, NULL, O_REASON },
		{ "comment", required_argument, NULL, O_COMMENT },
		{ "path", required_argument, NULL, O_PATH },
		{ "text", required_argument, NULL, O_TEXT },
		{ "reviewer", required_argument, NULL, O_REVIEWER },
		{ "key", required_argument, NULL, O_KEY },
		{ "json", no_argument, NULL, O_JSON },
		{ "lang", required_argument, NULL, O_LANG },
		{ 0 } };
	struct action a = { 0 };
	const char *keys[32], *lang = NULL;
	int nkeys = 0, json = 0, c, nactions = 0;
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_APPROVE: a.decision = "approved"; a.uuid = optarg; nactions++; break;
		case O_REJECT: a.decision = "rejected"; a.uuid = optarg; nactions++; break;
		case O_COMMENT: a.decision = "comment"; a.uuid = optarg; nactions++; break;
		case O_REASON: a.reason = optarg; break;
		case O_PATH: a.path = optarg; break;
		case O_TEXT: a.text = optarg; break;
		case O_REVIEWER:
			if (cmd_check_name(&cmd_review_entry, "--reviewer", optarg))
				return EXIT_USAGE;
			a.reviewer = optarg;
			break;
		case O_KEY:
			if (nkeys == (int)(sizeof keys / sizeof keys[0]))
				return cmd_usage_error(&cmd_review_entry, "%s",
						       ui_tr(UI_M_FWK_KEYS_MAX));
			keys[nkeys++] = optarg;
			break;
		case O_JSON: json = 1; break;
		case O_LANG:
			if (strcmp(optarg, "ky") && strcmp(optarg, "ru") && strcmp(optarg, "en"))
				return cmd_usage_error(&cmd_review_entry, ui_tr(UI_M_LIST_BAD_LANG),
						       optarg);
			lang = optarg;
			break;
		default:
			return cmd_fw_bad_option(&cmd_review_entry, c, argv);
		}
	}
	const struct cmd_entry *e = &cmd_review_entry;
	if (argc - optind != 1)
		return cmd_usage_error(e, "%s", ui_tr(UI_M_LIST_ONE_DB));
	if (nactions > 1)
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_ONE_ACTION));
	if (a.decision && json)
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_JSON_ACTION));
	if (a.decision && strcmp(a.decision, "rejected") == 0 && (!a.reason || !*a.reason))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_REJECT_REASON));
	if (a.decision && strcmp(a.decision, "comment") == 0 && (!a.path || !a.text || !*a.text))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_COMMENT_ARGS));
	if ((a.reason && (!a.decision || strcmp(a.decision, "rejected"))) ||
	    ((a.path || a.text) && (!a.decision || strcmp(a.decision, "comment"))))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_OPTS_GO));
	const char *db = argv[optind];
	if (a.decision)
		return decide(db, &a);

	char err[ERR_MAX];
	quality_opts qo;
	quality_defaults(&qo);
	qo.keys = keys;
	qo.nkeys = nkeys;
	int screen = !json && isatty(STDOUT_FILENO) && isatty(STDIN_FILENO);
	if (screen)
		return review_screen(db, &qo, a.reviewer, lang);
	store *st;
	if (store_open(db, STORE_READONLY, &st, err))
		return cmd_open_fail(db, err);
	quality_set q;
	int rc = quality_read(st, &qo, &q, err);
	if (rc == 0)
		rc = json ? put_json(st, &q, err) : put_text(st, &q, err);
	quality_set_free(&q);
	store_close(st);
	return rc ? cmd_fail("%s", err) : EXIT_OK;
}

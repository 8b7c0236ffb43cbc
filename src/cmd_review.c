/* cmd_review.c: `survey review DB` — the supervisor's queue of complete interviews with their
 * quality flags (--json, or the ncurses screen on a terminal), and the decisions taken on them
 * from scripts (--approve, --reject, --comment). */
#include <getopt.h>
#include <stdio.h>
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

static void put_flags(json_w *w, const quality_item *it)
{
	jw_arr(w);
	for (int f = 0; f < QUALITY_NFLAGS; f++)
		if (it->r.flags & (1u << f))
			jw_str(w, quality_flag_name(f));
	jw_end(w);
}

static void put_details(json_w *w, const quality_result *r)
{
	char share[32];
	snprintf(share, sizeof share, "%.3f", r->dont_know_share);
	jw_obj(w);
	jw_kint(w, "duration_ms", r->duration_ms);
	jw_kint(w, "median_ms", r->median_ms);
	jw_key(w, "dont_know_share");
	jw_raw(w, share);
	jw_kint(w, "straight_run", r->straight_run);
	jw_kstr(w, "straight_path", r->straight_path);
	jw_kint(w, "changes", r->changes);
	jw_kstr(w, "changes_path", r->changes_path);
	jw_key(w, "night_hour");
	if (r->night_hour < 0)
		jw_null(w);
	else
		jw_int(w, r->night_hour);
	jw_kstr(w, "overlap_uuid", r->overlap_uuid);
	jw_kstr(w, "outlier_path", r->outlier_path);
	jw_end(w);
}

static int put_reviews(json_w *w, store *st, const char *uuid, char *err)
{
	static const char *const keys[] = { "at", "reviewer", "decision", "path", "text",
					    "events_sha256" };
	store_review *rv;
	int n;
	if (store_reviews(st, uuid, &rv, &n, err))
		return -1;
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const char *const vals[] = { rv[i].at, rv[i].reviewer, rv[i].decision, rv[i].path,
					     rv[i].text, rv[i].events_sha256 };
		jw_obj(w);
		jw_kstrs(w, keys, vals, 6);
		jw_kbool(w, "current", rv[i].current);
		jw_end(w);
	}
	jw_end(w);
	store_reviews_free(rv, n);
	return 0;
}

static int put_json(store *st, const quality_set *q, char *err)
{
	static const char *const keys[] = { "uuid", "state", "interviewer", "device", "origin",
					    "form_id", "form_version", "instance_name",
					    "completed" };
	int count[4] = { 0 };
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	jw_key(&w, "interviews");
	jw_arr(&w);
	for (int i = 0; i < q->n; i++) {
		const quality_item *it = &q->items[i];
		store_review_state rs;
		if (store_review_get(st, it->iv.uuid, &rs, err))
			return -1;
		count[rs]++;
		const char *const vals[] = { it->iv.uuid, store_review_state_name(rs),
					     it->iv.interviewer, it->iv.device_id, it->iv.origin,
					     it->iv.form_id, it->iv.form_version,
					     it->iv.instance_name, it->iv.completed };
		jw_break(&w, "\n  ");
		jw_obj(&w);
		jw_kstrs(&w, keys, vals, 9);
		jw_key(&w, "flags");
		put_flags(&w, it);
		jw_key(&w, "details");
		put_details(&w, &it->r);
		jw_key(&w, "reviews");
		if (put_reviews(&w, st, it->iv.uuid, err))
			return -1;
		jw_end(&w);
	}
	if (q->n)
		jw_break(&w, "\n");
	jw_end(&w);
	jw_key(&w, "totals");
	jw_obj(&w);
	jw_kint(&w, "to-review", count[REVIEW_TO_REVIEW]);
	jw_kint(&w, "approved", count[REVIEW_APPROVED]);
	jw_kint(&w, "rejected", count[REVIEW_REJECTED]);
	jw_end(&w);
	jw_end(&w);
	putchar('\n');
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

/* Who decides: opt, else DB's interviewer setting (*out, to free). On failure st is closed,
 * the error said, and the exit code returned; 0 otherwise. */
static int reviewer_of(store *st, const char *db, const char *opt, char **out)
{
	char err[ERR_MAX];
	*out = opt ? xstrdup(opt) : NULL;
	if (!*out && store_setting_get(st, STORE_SET_INTERVIEWER, out, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	if (!*out) {
		store_close(st);
		return cmd_fail(ui_tr(UI_M_FWK_WHO_REVIEWS), db);
	}
	return 0;
}

static int decide(const char *db, const struct action *a)
{
	char err[ERR_MAX];
	store *st;
	store_disk_full_clear();
	/* everything is checked on a read-only handle first: a refusal leaves the file's bytes */
	if (store_open(db, STORE_READONLY, &st, err))
		return cmd_open_fail(db, err);
	char *reviewer;
	int fail = reviewer_of(st, db, a->reviewer, &reviewer);
	if (fail)
		return fail;
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
		return cmd_fw_write_fail(db, err);
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
	char *reviewer;
	int fail = reviewer_of(st, db, reviewer_opt, &reviewer);
	if (fail)
		return fail;
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

/* One action at most, with the options it takes and no others: EXIT_OK, else EXIT_USAGE after
 * one line. */
static int check_action(const struct action *a, int nactions, int json)
{
	const struct cmd_entry *e = &cmd_review_entry;
	if (nactions > 1)
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_ONE_ACTION));
	if (a->decision && json)
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_JSON_ACTION));
	if (a->decision && strcmp(a->decision, "rejected") == 0 && (!a->reason || !*a->reason))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_REJECT_REASON));
	if (a->decision && strcmp(a->decision, "comment") == 0 &&
	    (!a->path || !a->text || !*a->text))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_COMMENT_ARGS));
	if ((a->reason && (!a->decision || strcmp(a->decision, "rejected"))) ||
	    ((a->path || a->text) && (!a->decision || strcmp(a->decision, "comment"))))
		return cmd_usage_error(e, "%s", ui_tr(UI_M_FWK_OPTS_GO));
	return EXIT_OK;
}

/* The flagged interviews of db as text or JSON (no terminal screen). */
static int list_flags(const char *db, const quality_opts *qo, int json)
{
	char err[ERR_MAX];
	store *st;
	if (store_open(db, STORE_READONLY, &st, err))
		return cmd_open_fail(db, err);
	quality_set q;
	int rc = quality_read(st, qo, &q, err);
	if (rc == 0)
		rc = json ? put_json(st, &q, err) : put_text(st, &q, err);
	quality_set_free(&q);
	store_close(st);
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
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_review_entry, "%s", ui_tr(UI_M_LIST_ONE_DB));
	int rc = check_action(&a, nactions, json);
	if (rc != EXIT_OK)
		return rc;
	const char *db = argv[optind];
	if (a.decision)
		return decide(db, &a);
	quality_opts qo;
	quality_defaults(&qo);
	qo.keys = keys;
	qo.nkeys = nkeys;
	int screen = !json && isatty(STDOUT_FILENO) && isatty(STDIN_FILENO);
	if (screen)
		return review_screen(db, &qo, a.reviewer, lang);
	return list_flags(db, &qo, json);
}

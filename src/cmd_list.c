/* cmd_list.c: `survey list DB [--json] [--by QUESTION]` — the interviews in a database, with
 * totals by status, device, interviewer, form version and day, and progress by a question. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "ui/text.h"
#include "util/json.h"
#include "util/termsafe.h"
#include "util/util.h"

static int cmd_list(int argc, char **argv);

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "DB [--json] [--by QUESTION] [--lang ky|ru|en]",
	.summary = "list the interviews in a database, with totals and progress",
	.help = "Prints one line per interview (oldest first): UUID, status, origin (field,\n"
		"imported, simulated), form version, device, interviewer, answers given, created\n"
		"and modified times (local, the zone in the header), then totals (complete,\n"
		"draft) by status, origin, device, interviewer, form version and day created\n"
		"(local). Discarded drafts are\n"
		"listed and counted apart: they are not in any total or progress count.\n"
		"The database is opened read-only and never changed.\n\n"
		"options:\n"
		"  --by QUESTION   progress: interviews complete and draft by their answer to\n"
		"                  QUESTION (a name, e.g. oblast, or a path grp/q); for a column\n"
		"                  of the file's sample frame: units, assigned, started,\n"
		"                  complete, approved and % of the frame per value and per\n"
		"                  interviewer, each value by its choice label in the language\n"
		"                  of the listing with its code in brackets (JSON: \"value\" and\n"
		"                  \"label\")\n"
		"  --json          one JSON document: {\"interviews\": [...], \"totals\": {...}}\n"
		"                  (its fields, keys and times, UTC, are the same in every\n"
		"                  language; only the labels of --by follow --lang)\n"
		"  --lang L        the words and labels of the listing in Kyrgyz, Russian or\n"
		"                  English (ky, ru, en); default: the language chosen last with\n"
		"                  `survey run` on this database, else the locale's\n"
		"                  (LANG=ky_KG.UTF-8, ...)\n\n"
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

/* local_days: days created in local time (the text listing), else in UTC (--json). */
static void local_time(const char *iso, int with_time, char out[32]);
static void count_all(const store_interview *ivs, int n, struct tallies *ts, int local_days)
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
		char form[256], day[32];
		snprintf(form, sizeof form, "%s@%s", v->form_id, v->form_version);
		if (local_days)
			local_time(v->created, 0, day);
		else
			snprintf(day, sizeof day, "%.10s", v->created);
		tally_add(&ts[BY_STATUS], v->status, complete);
		tally_add(&ts[BY_ORIGIN], v->origin, complete);
		tally_add(&ts[BY_DEVICE], v->device_id, complete);
		tally_add(&ts[BY_INTERVIEWER], v->interviewer, complete);
		tally_add(&ts[BY_FORM], form, complete);
		tally_add(&ts[BY_DATE], day, complete);
	}
	for (int b = 0; b < NBY; b++)
		if (ts[b].n > 1)   /* a file of no interviews: ts[b].t is NULL, not for qsort */
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
static void json_counts(json_w *w, int complete, int draft, int discarded)
{
	jw_obj(w);
	jw_key(w, "complete");
	jw_int(w, complete);
	jw_key(w, "draft");
	jw_int(w, draft);
	jw_key(w, "discarded");
	jw_int(w, discarded);
	jw_key(w, "total");
	jw_int(w, complete + draft);
	jw_end(w);
}

static void json_interview(json_w *w, const store_interview *v)
{
	const char *keys[] = { "uuid", "status", "origin", "device", "interviewer", "form_id",
			       "form_version", "created", "modified", "completed",
			       "instance_name" };
	const char *vals[] = { v->uuid, v->status, v->origin, v->device_id, v->interviewer,
			       v->form_id, v->form_version, v->created, v->modified,
			       v->completed, v->instance_name };
	jw_obj(w);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		jw_key(w, keys[k]);
		jw_str(w, vals[k]);
	}
	jw_key(w, "revision");
	jw_int(w, v->revision);
	jw_key(w, "answered");
	jw_int(w, v->answered);
	jw_end(w);
}

static void print_json(const store_interview *ivs, int n, const struct tallies *ts,
		       const char *by, const store_progress_row *pr, int npr)
{
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	jw_key(&w, "interviews");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_break(&w, "\n  ");
		json_interview(&w, &ivs[i]);
	}
	if (n)
		jw_break(&w, "\n");
	jw_end(&w);
	int complete = 0, draft = 0, discarded = 0;
	for (int i = 0; i < ts[BY_STATUS].n; i++) {
		complete += ts[BY_STATUS].t[i].complete;
		draft += ts[BY_STATUS].t[i].draft;
		discarded += ts[BY_STATUS].t[i].discarded;
	}
	jw_break(&w, "\n ");
	jw_key(&w, "totals");
	jw_obj(&w);
	jw_key(&w, "interviews");
	jw_int(&w, n);
	jw_key(&w, "draft");
	jw_int(&w, draft);
	jw_key(&w, "complete");
	jw_int(&w, complete);
	jw_key(&w, "discarded");
	jw_int(&w, discarded);
	for (int b = 0; b < NBY; b++) {
		jw_break(&w, "\n  ");
		jw_key(&w, ts[b].json);
		jw_obj(&w);
		for (int i = 0; i < ts[b].n; i++) {
			jw_key(&w, ts[b].t[i].key);
			json_counts(&w, ts[b].t[i].complete, ts[b].t[i].draft, ts[b].t[i].discarded);
		}
		jw_end(&w);
	}
	if (by) {
		jw_break(&w, "\n  ");
		jw_key(&w, "by_question");
		jw_obj(&w);
		jw_key(&w, "question");
		jw_str(&w, by);
		jw_key(&w, "values");
		jw_arr(&w);
		for (int i = 0; i < npr; i++) {
			jw_obj(&w);
			jw_key(&w, "value");
			jw_str(&w, pr[i].value);
			jw_key(&w, "complete");
			jw_int(&w, pr[i].complete);
			jw_key(&w, "draft");
			jw_int(&w, pr[i].draft);
			jw_key(&w, "total");
			jw_int(&w, pr[i].complete + pr[i].draft);
			jw_end(&w);
		}
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	fputc('\n', stdout);
}

/* ---- the text listing: in the chosen language, columns padded by display width ---- */

/* A cell: the value escaped for the terminal (it comes from the file), cut to width columns
 * when cut is set, then padded to width (right-aligned when right). */
static void cell(strbuf *sb, const char *value, int width, int right, int cut)
{
	strbuf esc = STRBUF_INIT;
	termsafe_adds(&esc, value ? value : "", TERMSAFE_ONE_LINE);
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(sb_str(&esc), &n);
	if (cut)
		n = ui_fit(w, n, width);
	int used = ui_wcswidth(w, n);
	char *shown = ui_utf8_from_wcs(w, n);
	if (right)
		for (int i = used; i < width; i++)
			sb_addc(sb, ' ');
	sb_adds(sb, shown);
	if (!right)
		for (int i = used; i < width; i++)
			sb_addc(sb, ' ');
	free(shown);
	free(w);
	sb_release(&esc);
}

static void put_line(strbuf *sb)
{
	while (sb->len && sb_str(sb)[sb->len - 1] == ' ')   /* no trailing padding */
		sb->len--;
	sb_addc(sb, '\n');
	fputs(sb_str(sb), stdout);
	sb_reset(sb);
}

/* "2026-11-27T03:50:12.345Z" as local time: "2026-11-27 09:50" (with_time) or the day. */
static void local_time(const char *iso, int with_time, char out[32])
{
	struct tm tm = { 0 };
	snprintf(out, 32, "%.*s", with_time ? 16 : 10, iso ? iso : "");
	const char *end = iso ? strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	if (end) {
		time_t t = timegm(&tm);
		struct tm lt;
		if (localtime_r(&t, &lt))
			strftime(out, 32, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &lt);
	} else if (strlen(out) > 10) {
		out[10] = ' ';
	}
}

/* The local zone as strftime names it ("UTC", "+06"). */
static void zone_name(char out[16])
{
	time_t now = time(NULL);
	struct tm lt;
	out[0] = '\0';
	if (localtime_r(&now, &lt))
		strftime(out, 16, "%Z", &lt);
}

/* A stored word (a status, an origin) in the interface's language; an unknown one as it is. */
struct stored_word {
	const char *word;
	enum ui_msg msg;
};

static const char *stored_word(const struct stored_word *t, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, t[i].word) == 0)
			return ui_tr(t[i].msg);
	return word;
}

static const char *status_word(const char *status)
{
	static const struct stored_word w[] = { { "complete", UI_M_COMPLETE },
		{ "draft", UI_M_DRAFT }, { "discarded", UI_M_DISCARDED } };
	return stored_word(w, sizeof w / sizeof w[0], status);
}

static const char *origin_word(const char *origin)
{
	static const struct stored_word w[] = { { "field", UI_M_ORIGIN_FIELD },
		{ "imported", UI_M_ORIGIN_IMPORTED }, { "simulated", UI_M_ORIGIN_SIMULATED } };
	return stored_word(w, sizeof w / sizeof w[0], origin);
}

#define KEY_COLS 36

/* The counts' columns: 8, or their widest header in the language. */
static int count_cols(void)
{
	int w = 8;
	const enum ui_msg heads[] = { UI_M_LIST_COMPLETE, UI_M_LIST_DRAFT, UI_M_LIST_TOTAL_COL };
	for (int h = 0; h < 3; h++)
		if (ui_width(ui_tr(heads[h])) > w)
			w = ui_width(ui_tr(heads[h]));
	return w;
}

static void print_count_head(strbuf *sb)
{
	sb_adds(sb, "  ");
	cell(sb, "", KEY_COLS, 0, 0);
	const enum ui_msg heads[] = { UI_M_LIST_COMPLETE, UI_M_LIST_DRAFT, UI_M_LIST_TOTAL_COL };
	for (int h = 0; h < 3; h++) {
		sb_adds(sb, "  ");
		cell(sb, ui_tr(heads[h]), count_cols(), 1, 0);
	}
	put_line(sb);
}

static void print_counts(strbuf *sb, const char *key, int complete, int draft)
{
	sb_adds(sb, "  ");
	cell(sb, key, KEY_COLS, 0, 0);
	int w = count_cols();
	sb_addf(sb, "  %*d  %*d  %*d", w, complete, w, draft, w, complete + draft);
	put_line(sb);
}

/* The columns of an interview line: header, width, cut to it, right-aligned. */
enum { C_UUID, C_STATUS, C_ORIGIN, C_FORM, C_DEVICE, C_INTERVIEWER, C_ANSWERS, C_CREATED,
       C_MODIFIED, NCOLS };

/* Widen each column to its header and its widest value (but for the cut ones). */
static void widen(const store_interview *ivs, int n, const char *const head[NCOLS],
		  int width[NCOLS])
{
	for (int c = 0; c < NCOLS; c++) {
		int hw = ui_width(head[c]);
		width[c] = hw > width[c] ? hw : width[c];
	}
	for (int i = 0; i < n; i++) {
		char form[512];
		snprintf(form, sizeof form, "%s@%s", ivs[i].form_id, ivs[i].form_version);
		const char *val[NCOLS] = { [C_STATUS] = status_word(ivs[i].status),
			[C_ORIGIN] = origin_word(ivs[i].origin), [C_FORM] = form,
			[C_INTERVIEWER] = ivs[i].interviewer };
		for (int c = 0; c < NCOLS; c++) {
			int vw = val[c] ? ui_width(val[c]) : 0;
			width[c] = vw > width[c] ? vw : width[c];
		}
	}
}

/* The complete and draft interviews by origin, device, interviewer, form and day. */
static void print_tallies(strbuf *sb, const struct tallies *ts, const char *zone)
{
	const enum ui_msg titles[NBY] = {
		[BY_ORIGIN] = UI_M_LIST_BY_ORIGIN, [BY_DEVICE] = UI_M_LIST_BY_DEVICE,
		[BY_INTERVIEWER] = UI_M_LIST_BY_INTERVIEWER, [BY_FORM] = UI_M_LIST_BY_FORM,
		[BY_DATE] = UI_M_LIST_BY_DAY,
	};
	for (int b = BY_ORIGIN; b < NBY; b++) {
		printf("\n");
		printf(ui_tr(titles[b]), zone);   /* only the day's title has a %s: the zone */
		printf("\n");
		print_count_head(sb);
		for (int i = 0; i < ts[b].n; i++) {
			const char *key = ts[b].t[i].key[0] ? ts[b].t[i].key : "-";
			print_counts(sb, b == BY_ORIGIN ? origin_word(key) : key,
				     ts[b].t[i].complete, ts[b].t[i].draft);
		}
	}
}

static void print_text(const store_interview *ivs, int n, const struct tallies *ts,
		       const char *by, const store_progress_row *pr, int npr)
{
	strbuf sb = STRBUF_INIT;
	char zone[16], created_h[64], modified_h[64];
	zone_name(zone);
	snprintf(created_h, sizeof created_h, ui_tr(UI_M_LIST_CREATED), zone);
	snprintf(modified_h, sizeof modified_h, ui_tr(UI_M_LIST_MODIFIED), zone);
	const char *head[NCOLS] = {
		ui_tr(UI_M_LIST_UUID), ui_tr(UI_M_LIST_STATUS), ui_tr(UI_M_LIST_ORIGIN), ui_tr(UI_M_LIST_FORM),
		ui_tr(UI_M_LIST_DEVICE), ui_tr(UI_M_LIST_INTERVIEWER), ui_tr(UI_M_LIST_ANSWERS),
		created_h, modified_h,
	};
	int width[NCOLS] = { 36, 9, 9, 12, 8, 16, 7, 16, 16 };
	const int cut[NCOLS] = { 0, 0, 0, 0, 1, 0, 0, 1, 1 };
	const int right[NCOLS] = { [C_ANSWERS] = 1 };
	widen(ivs, n, head, width);
	if (n) {
		for (int c = 0; c < NCOLS; c++) {
			if (c)
				sb_adds(&sb, "  ");
			cell(&sb, head[c], width[c], right[c], 0);
		}
		put_line(&sb);
	}
	int complete = 0, discarded = 0, simulated = 0;
	for (int i = 0; i < n; i++) {
		const store_interview *v = &ivs[i];
		simulated += strcmp(v->origin, "simulated") == 0;
		char form[512], answers[16], created[32], modified[32], device[9];
		snprintf(form, sizeof form, "%s@%s", v->form_id, v->form_version);
		snprintf(answers, sizeof answers, "%d", v->answered);
		snprintf(device, sizeof device, "%s", v->device_id);
		local_time(v->created, 1, created);
		local_time(v->modified, 1, modified);
		const char *val[NCOLS] = {
			v->uuid, status_word(v->status), origin_word(v->origin), form, device,
			v->interviewer[0] ? v->interviewer : "-", answers, created, modified,
		};
		for (int c = 0; c < NCOLS; c++) {
			if (c)
				sb_adds(&sb, "  ");
			cell(&sb, val[c], width[c], right[c], cut[c]);
		}
		put_line(&sb);
		complete += strcmp(v->status, "complete") == 0;
		discarded += strcmp(v->status, "discarded") == 0;
	}
	printf(ui_tr(UI_M_LIST_SUMMARY), n, ui_tr(n == 1 ? UI_M_LIST_ONE : UI_M_LIST_MANY),
	       complete, n - complete - discarded);
	if (discarded)
		printf(ui_tr(UI_M_LIST_DISCARDED), discarded);
	if (simulated)
		printf(ui_tr(UI_M_LIST_SIMULATED), simulated);
	printf("\n");
	if (!n) {
		sb_release(&sb);
		return;
	}
	print_tallies(&sb, ts, zone);
	if (by) {
		putchar('\n');
		cmd_put_line(stdout, ui_tr(UI_M_LIST_BY_QUESTION), by);
		print_count_head(&sb);
		for (int i = 0; i < npr; i++)
			print_counts(&sb, pr[i].value ? pr[i].value : ui_tr(UI_M_NO_ANSWER),
				     pr[i].complete, pr[i].draft);
	}
	sb_release(&sb);
}

/* What the command line asked for. */
struct list_args {
	const char *lang, *by;
	int json;
	enum ui_lang ml;   /* the language of the listing: --lang's, else the locale's */
};

/* The options into *a, leaving optind at the database: EXIT_OK, else EXIT_USAGE after one
 * line. Every message is in the chosen language: --lang's, else the locale's (looked for
 * first, so that a wrong option before it is refused in that language too). */
static int parse_list_args(int argc, char **argv, struct list_args *a)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "by", required_argument, NULL, 'b' },
		{ "lang", required_argument, NULL, 'l' },
		{ 0 }
	};
	int c;
	cmd_lang_from_args(argc, argv);
	a->ml = ui_lang_get();
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			a->json = 1;
		else if (c == 'b')
			a->by = optarg;
		else if (c == 'l')
			a->lang = optarg;
		else if (c == ':')
			return cmd_usage_error(&cmd_list_entry, ui_tr(UI_M_LIST_OPT_VALUE),
					       argv[optind - 1]);
		else
			return cmd_usage_error(&cmd_list_entry, ui_tr(UI_M_RUN_OPT_UNKNOWN),
					       argv[optind - 1]);
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_list_entry, "%s", ui_tr(UI_M_LIST_ONE_DB));
	if (a->lang && ui_lang_parse(a->lang, &a->ml))
		return cmd_usage_error(&cmd_list_entry, ui_tr(UI_M_LIST_BAD_LANG), a->lang);
	return EXIT_OK;
}

/* A damaged file may hold NULLs where text is required: "" there. */
static void fill_blanks(store_interview *ivs, int n)
{
	for (int i = 0; i < n; i++) {
		char **f[] = { &ivs[i].form_id, &ivs[i].form_version, &ivs[i].device_id,
			       &ivs[i].interviewer, &ivs[i].status, &ivs[i].created,
			       &ivs[i].modified };
		for (size_t k = 0; k < sizeof f / sizeof *f; k++)
			if (!*f[k])
				*f[k] = xstrdup("");
	}
}

static int cmd_list(int argc, char **argv)
{
	struct list_args a = { 0 };
	int rc = parse_list_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	const char *lang = a.lang, *by = a.by;
	int json = a.json;
	enum ui_lang ml = a.ml;
	char err[ERR_MAX];
	store *st;
	const char *path = argv[optind];
	if (store_open(path, STORE_READONLY, &st, err))
		return cmd_open_fail(path, err);
	/* the language: --lang, else the one chosen on this laptop (`survey run`), else the
	 * locale's */
	char *saved = NULL;
	if (!lang && store_setting_get(st, STORE_SET_LANG, &saved, err) == 0 && saved)
		ui_lang_parse(saved, &ml);
	free(saved);
	ui_lang_set(ml);
	cmd_note_sealed(path);
	int fw = by ? cmd_list_frame(st, by, json) : -1;   /* a frame column: progress (issue 15) */
	if (fw >= 0) {
		store_close(st);
		return fw;
	}
	store_qknown how;
	if (by && store_question_known((const char *const *)&argv[optind], 1, by, &how, err)) {
		store_close(st);
		if (how.why == STORE_Q_IN_REPEAT)
			return cmd_fail(ui_tr(UI_M_F15C_BY_REPEAT), argv[optind], by, how.repeat);
		/* in English the store's line, with the close names */
		if (ui_lang_get() != UI_LANG_EN && how.why == STORE_Q_NONE)
			return cmd_fail(ui_tr(UI_M_F15B_BY_NONE), argv[optind], by);   /* field15b */
		return cmd_fail("'%s': --by: %s", argv[optind], err);
	}
	store_interview *ivs;
	store_progress_row *pr = NULL;
	int n, npr = 0;
	if (store_interviews(st, &ivs, &n, err)) {
		store_close(st);
		return cmd_fail("%s", err);
	}
	fill_blanks(ivs, n);
	if (by && store_progress(st, by, &pr, &npr, err)) {
		store_interviews_free(ivs, n);
		store_close(st);
		return cmd_fail("%s", err);
	}
	struct tallies ts[NBY];
	count_all(ivs, n, ts, !json);
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

/* start.c: the start screen — this questionnaire's interviews in the database, newest saved
 * first, each with its name (the form's instance_name, choice labels in the interview's
 * language), last saved time (local, the zone in the header), status and short id; f filters,
 * n starts one, Enter resumes a draft or reopens a completed one (asked first, ask.c), d
 * discards a draft (asked twice). */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void ui_start_release(struct ui *u)
{
	store_interviews_free(u->ivs, u->nivs);
	u->ivs = NULL;
	u->nivs = 0;
}

static int shown(const struct ui *u, const store_interview *v)
{
	int discarded = strcmp(v->status, "discarded") == 0;
	switch ((enum ui_start_filter)u->start_filter) {
	case UI_FILTER_DRAFTS: return strcmp(v->status, "draft") == 0;
	case UI_FILTER_COMPLETE: return strcmp(v->status, "complete") == 0;
	case UI_FILTER_DISCARDED: return discarded;
	default: return !discarded;
	}
}

/* Newest saved first; the same time: the later uuid first (a fixed order). */
static int by_modified(const void *pa, const void *pb)
{
	const store_interview *a = pa, *b = pb;
	int c = strcmp(b->modified ? b->modified : "", a->modified ? a->modified : "");
	return c ? c : strcmp(b->uuid, a->uuid);
}

void ui_start_init(struct ui *u)
{
	char err[ERR_MAX], keep[STORE_UUID_LEN + 1] = "";
	if (u->start_hl >= 0 && u->start_hl < u->nivs)
		snprintf(keep, sizeof keep, "%s", u->ivs[u->start_hl].uuid);
	if (u->e)
		snprintf(keep, sizeof keep, "%s", engine_uuid(u->e));
	ui_start_release(u);
	u->screen = UI_SCREEN_START;
	u->reopened = 0;
	store_interview *all;
	int n;
	if (store_interviews(u->o->st, &all, &n, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	/* this form's interviews under the filter; the others are freed */
	u->ivs = xcalloc(n ? n : 1, sizeof *u->ivs);
	for (int i = 0; i < n; i++) {
		if (strcmp(all[i].form_id, u->f->id) == 0 && all[i].status && shown(u, &all[i]))
			u->ivs[u->nivs++] = all[i];
		else
			store_interview_release(&all[i]);
	}
	free(all);
	qsort(u->ivs, (size_t)u->nivs, sizeof *u->ivs, by_modified);
	u->start_hl = 0;
	for (int i = 0; i < u->nivs; i++)
		if (strcmp(u->ivs[i].uuid, keep) == 0)
			u->start_hl = i;
}

/* "2026-11-27T03:50:12.345Z" as local time "2026-11-27 09:50". */
static void local_time(const char *iso, char out[32])
{
	struct tm tm = { 0 };
	snprintf(out, 32, "%.16s", iso ? iso : "");
	if (iso && strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm)) {
		time_t t = timegm(&tm);
		struct tm lt;
		if (localtime_r(&t, &lt))
			strftime(out, 32, "%Y-%m-%d %H:%M", &lt);
	} else if (strlen(out) > 10) {
		out[10] = ' ';
	}
}

/* The header of the saved column: "Saved, +06" (the local zone, as strftime names it). */
static void saved_header(char *out, size_t size)
{
	char zone[16] = "";
	time_t now = time(NULL);
	struct tm lt;
	if (localtime_r(&now, &lt))
		strftime(zone, sizeof zone, "%Z", &lt);
	snprintf(out, size, "%s, %s", ui_tr(UI_M_COL_SAVED), zone);
}

/* The name of a row: its instance name, or its short id and where it stands. */
static void row_name(const store_interview *v, char *out, size_t size)
{
	if (v->instance_name && *v->instance_name)
		snprintf(out, size, "%s", v->instance_name);
	else
		snprintf(out, size, "%.8s%s%s", v->uuid, v->position && *v->position ? "  " : "",
			 v->position ? v->position : "");
}

static const enum ui_msg filter_names[UI_NFILTERS] = {
	UI_M_FILTER_ALL, UI_M_FILTER_DRAFTS, UI_M_FILTER_COMPLETE, UI_M_FILTER_DISCARDED,
};

void ui_start_draw(struct ui *u)
{
	char title[512], right[256], saved[64];
	snprintf(title, sizeof title, "%s: %s", ui_tr(UI_M_START_TITLE), u->f->title);
	snprintf(right, sizeof right, "[%s]  %s", ui_tr(filter_names[u->start_filter]),
		 u->f->version);
	ui_bar(0, title, right);
	int wans = 8, wstat = 13, wsaved = 18, wid = 10;
	int wname = COLS - 2 - wans - wstat - wsaved - wid;
	int x = 1;
	saved_header(saved, sizeof saved);
	ui_put(1, x, ui_tr(UI_M_COL_NAME), wname - 1, A_BOLD);
	ui_put(1, x += wname, saved, wsaved - 1, A_BOLD);
	ui_put(1, x += wsaved, ui_tr(UI_M_COL_STATUS), wstat - 1, A_BOLD);
	ui_put(1, x += wstat, ui_tr(UI_M_COL_ID), wid - 1, A_BOLD);
	ui_put(1, x += wid, ui_tr(UI_M_COL_ANSWERS), wans, A_BOLD);
	int rows = UI_BODY_ROWS;
	if (u->nivs == 0) {
		ui_lines l = { 0 };
		ui_wrap(ui_tr(u->start_filter == UI_FILTER_ACTIVE ? UI_M_START_EMPTY
			      : UI_M_FILTER_EMPTY), COLS - 4, &l);
		for (int i = 0; i < l.n && i < rows; i++)
			ui_putw(UI_BODY_TOP + 1 + i, 2, l.line[i], COLS - 4, 0);
		ui_lines_release(&l);
	}
	if (u->start_hl < u->start_top)
		u->start_top = u->start_hl;
	if (u->start_hl >= u->start_top + rows)
		u->start_top = u->start_hl - rows + 1;
	for (int r = 0; r < rows && u->start_top + r < u->nivs; r++) {
		int i = u->start_top + r;
		const store_interview *v = &u->ivs[i];
		int y = UI_BODY_TOP + r, attr = i == u->start_hl ? A_REVERSE : 0;
		char name[512], when[32], id[16], answers[16];
		row_name(v, name, sizeof name);
		local_time(v->modified, when);
		snprintf(id, sizeof id, "%.8s", v->uuid);
		snprintf(answers, sizeof answers, "%7d", v->answered);
		enum ui_msg status = strcmp(v->status, "complete") == 0 ? UI_M_COMPLETE
				     : strcmp(v->status, "discarded") == 0 ? UI_M_DISCARDED
				     : UI_M_DRAFT;
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		x = 1;
		ui_put(y, x, name, wname - 1, attr);
		ui_put(y, x += wname, when, wsaved - 1, attr);
		ui_put(y, x += wsaved, ui_tr(status), wstat - 1, attr);
		ui_put(y, x += wstat, id, wid - 1, attr);
		ui_put(y, x += wid, answers, wans, attr);
	}
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_START_KEYS));
	ui_draw_status(u);
}

/* The interview is open in u->e: show its screen (a completed one opens on the review). */
static void opened(struct ui *u, int review)
{
	int l = engine_lang(u->e);
	if (l >= 0) {
		const form_lang *fl = &u->f->langs[l];
		snprintf(u->lang, sizeof u->lang, "%s", fl->code ? fl->code : fl->name);
		ui_follow_lang(u->lang);
	}
	u->saved = 0;
	ui_start_release(u);
	ui_question_init(u);
	if (review)
		ui_review_init(u);
}

static void start_new(struct ui *u)
{
	char err[ERR_MAX];
	engine_new how = { 0 };
	how.interviewer = u->o->interviewer;
	how.lang = u->lang[0] ? u->lang : NULL;
	how.source_path = u->o->form_path;
	int rc = engine_start(u->o->st, u->f, &how, &u->e, err);
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 0);
}

/* Ask about the highlighted row: remember which interview the question is about. */
static const store_interview *ask_about(struct ui *u, enum ui_ask what)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return NULL;
	const store_interview *v = &u->ivs[u->start_hl];
	snprintf(u->ask_uuid, sizeof u->ask_uuid, "%s", v->uuid);
	row_name(v, u->ask_name, sizeof u->ask_name);
	u->ask = what;
	return v;
}

static void open_highlighted(struct ui *u)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return;
	const store_interview *v = &u->ivs[u->start_hl];
	if (strcmp(v->status, "discarded") == 0) {
		ui_message(u, 1, "%s", ui_tr(UI_M_DISCARDED_CLOSED));
		return;
	}
	if (strcmp(v->status, "complete") == 0) {   /* nothing changes before it is confirmed */
		ask_about(u, UI_ASK_REOPEN);
		return;
	}
	char err[ERR_MAX];
	int rc = engine_resume(u->o->st, u->f, v->uuid, 0, &u->e, err);
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 0);
}

void ui_start_reopen(struct ui *u, const char *reason)
{
	char err[ERR_MAX];
	int rc = engine_resume(u->o->st, u->f, u->ask_uuid, 0, &u->e, err);
	if (rc == 0 && (rc = engine_reopen(u->e, reason, err)) != 0) {
		engine_free(u->e);
		u->e = NULL;
	}
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 1);
	u->reopened = 1;
	ui_message(u, 0, "%s", ui_tr(UI_M_REOPENED));
}

void ui_start_discard(struct ui *u)
{
	char err[ERR_MAX];
	store_iv *iv;
	int rc = store_iv_resume(u->o->st, u->ask_uuid, &iv, err);
	if (rc == 0) {
		rc = store_iv_discard(iv, "interviewer", err);
		store_iv_close(iv);
	}
	ui_start_init(u);
	if (rc)
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	else
		ui_message(u, 0, ui_tr(UI_M_DISCARD_DONE), u->ask_name);
}

/* F2 before an interview: the next language of the form, for the UI and new interviews. */
static void next_lang(struct ui *u)
{
	const form *f = u->f;
	if (f->nlangs == 0) {
		ui_lang_set((ui_lang_get() + 1) % UI_NLANGS);
		return;
	}
	int cur = form_find_lang(f, u->lang);
	int next = (cur + 1) % f->nlangs;
	snprintf(u->lang, sizeof u->lang, "%s", f->langs[next].code ? f->langs[next].code
		 : f->langs[next].name);
	ui_follow_lang(u->lang);
}

void ui_start_char(struct ui *u, wint_t ch)
{
	u->msg[0] = '\0';
	if (ch == L'd' || ch == L'D' || ch == L'в' || ch == L'В') {
		if (u->start_hl < 0 || u->start_hl >= u->nivs)
			return;
		if (strcmp(u->ivs[u->start_hl].status, "draft") != 0)
			ui_message(u, 1, "%s", ui_tr(UI_M_DISCARD_ONLY_DRAFT));
		else
			ask_about(u, UI_ASK_DISCARD);
	} else if (ch == L'f' || ch == L'F' || ch == L'а' || ch == L'А') {
		u->start_filter = (u->start_filter + 1) % UI_NFILTERS;
		ui_start_init(u);
	}
}

void ui_start_key(struct ui *u, enum ui_action a, wint_t ch)
{
	int page = UI_BODY_ROWS > 1 ? UI_BODY_ROWS - 1 : 1;
	u->msg[0] = '\0';
	switch (a) {
	case UI_A_UP: u->start_hl--; break;
	case UI_A_DOWN: u->start_hl++; break;
	case UI_A_PAGE_UP: u->start_hl -= page; break;
	case UI_A_PAGE_DOWN: u->start_hl += page; break;
	case UI_A_HOME: u->start_hl = 0; break;
	case UI_A_END: u->start_hl = u->nivs - 1; break;
	case UI_A_NEW: start_new(u); return;
	case UI_A_OPEN: open_highlighted(u); return;
	case UI_A_LANG: next_lang(u); return;
	case UI_A_QUIT:
	case UI_A_LEAVE: u->quit = 1; return;
	default: return;
	}
	if (u->start_hl >= u->nivs)
		u->start_hl = u->nivs - 1;
	if (u->start_hl < 0)
		u->start_hl = 0;
}

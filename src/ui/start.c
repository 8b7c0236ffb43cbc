/* start.c: the start screen — this questionnaire's interviews in the database (drafts and
 * completed), newest first; n starts a new one, Enter resumes or reviews the highlighted one. */
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

void ui_start_init(struct ui *u)
{
	char err[ERR_MAX], keep[STORE_UUID_LEN + 1] = "";
	if (u->start_hl >= 0 && u->start_hl < u->nivs)
		snprintf(keep, sizeof keep, "%s", u->ivs[u->start_hl].uuid);
	if (u->e)
		snprintf(keep, sizeof keep, "%s", engine_uuid(u->e));
	ui_start_release(u);
	u->screen = UI_SCREEN_START;
	store_interview *all;
	int n;
	if (store_interviews(u->o->st, &all, &n, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	/* this form's interviews, newest first; the others are freed */
	u->ivs = xcalloc(n ? n : 1, sizeof *u->ivs);
	for (int i = n - 1; i >= 0; i--) {
		if (strcmp(all[i].form_id, u->f->id) == 0)
			u->ivs[u->nivs++] = all[i];
		else
			store_interview_release(&all[i]);
	}
	free(all);
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

void ui_start_draw(struct ui *u)
{
	char title[512];
	snprintf(title, sizeof title, "%s: %s", ui_tr(UI_M_START_TITLE), u->f->title);
	ui_bar(0, title, u->f->version);
	int wans = 8, wstat = 13, wcre = 17;
	int wname = COLS - 2 - wans - wstat - wcre;
	int x = 1;
	ui_put(1, x, ui_tr(UI_M_COL_NAME), wname - 1, A_BOLD);
	ui_put(1, x += wname, ui_tr(UI_M_COL_CREATED), wcre - 1, A_BOLD);
	ui_put(1, x += wcre, ui_tr(UI_M_COL_STATUS), wstat - 1, A_BOLD);
	ui_put(1, x += wstat, ui_tr(UI_M_COL_ANSWERS), wans, A_BOLD);
	int rows = UI_BODY_ROWS;
	if (u->nivs == 0) {
		ui_lines l = { 0 };
		ui_wrap(ui_tr(UI_M_START_EMPTY), COLS - 4, &l);
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
		char name[512], created[32], answers[16];
		if (v->instance_name && *v->instance_name)
			snprintf(name, sizeof name, "%s", v->instance_name);
		else
			snprintf(name, sizeof name, "%.8s%s%s", v->uuid,
				 v->position && *v->position ? "  " : "",
				 v->position ? v->position : "");
		local_time(v->created, created);
		snprintf(answers, sizeof answers, "%7d", v->answered);
		int complete = strcmp(v->status, "complete") == 0;
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		x = 1;
		ui_put(y, x, name, wname - 1, attr);
		ui_put(y, x += wname, created, wcre - 1, attr);
		ui_put(y, x += wcre, ui_tr(complete ? UI_M_COMPLETE : UI_M_DRAFT), wstat - 1, attr);
		ui_put(y, x += wstat, answers, wans, attr);
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

static void open_highlighted(struct ui *u)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return;
	const store_interview *v = &u->ivs[u->start_hl];
	char err[ERR_MAX];
	int rc = engine_resume(u->o->st, u->f, v->uuid, 0, &u->e, err);
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, strcmp(v->status, "complete") == 0);
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

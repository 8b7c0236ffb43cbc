/* start.c: the start screen's keys — n starts an interview, Enter resumes a draft or reopens a
 * completed one (asked first, ask.c) in the language in use now, d discards a draft (asked
 * twice), f filters, / searches, F2 changes the language (kept as the laptop's choice). */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void opened(struct ui *u, int review)
{
	char err[ERR_MAX];
	int now = u->lang[0] ? form_find_lang(u->f, u->lang) : -1;
	if (now >= 0 && now != engine_lang(u->e) && engine_set_lang(u->e, u->lang, err))
		ui_message(u, 1, "%s", err);
	int l = engine_lang(u->e);
	if (l >= 0) {
		const form_lang *fl = &u->f->langs[l];
		snprintf(u->lang, sizeof u->lang, "%s", fl->code ? fl->code : fl->name);
		ui_follow_lang(u->lang);
	}
	u->saved = 0;
	char **names, **values;   /* an assigned unit's frame values stay as the frame gave them */
	int n;
	if (session_unit_values(u->o->st, engine_uuid(u->e), &names, &values, &n, err) == 0) {
		engine_lock_names(u->e, (const char *const *)names, n);
		session_strings_free(names, n);
		session_strings_free(values, n);
	}
	ui_start_release(u);
	ui_question_init(u);
	if (review)
		ui_review_init(u);
}

static void start_new(struct ui *u)
{
	char err[ERR_MAX];
	if (session_kit_no_extra(u->o->st)) {   /* the kit allows only assigned interviews */
		ui_message(u, 1, "%s", ui_tr(UI_M_NO_EXTRA));
		return;
	}
	engine_new how = { 0 };
	how.interviewer = u->interviewer[0] ? u->interviewer : NULL;
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
static const session_interview *ask_about(struct ui *u, enum ui_ask what)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return NULL;
	const session_interview *v = &u->ivs[u->start_hl];
	snprintf(u->ask_uuid, sizeof u->ask_uuid, "%s", v->uuid);
	ui_start_row_name(v, u->ask_name, sizeof u->ask_name);
	u->ask = what;
	return v;
}

/* Enter on an assigned unit not started: its interview, with the assignment's UUID and the
 * frame's values answered and locked. */
static void start_unit(struct ui *u, const char *uuid)
{
	char err[ERR_MAX], **names, **values;
	int n;
	if (session_unit_values(u->o->st, uuid, &names, &values, &n, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	engine_new how = { 0 };
	how.interviewer = u->interviewer[0] ? u->interviewer : NULL;
	how.lang = u->lang[0] ? u->lang : NULL;
	how.source_path = u->o->form_path;
	how.uuid = uuid;
	int rc = engine_start_unit(u->o->st, u->f, &how, (const char *const *)names,
				   (const char *const *)values, n, &u->e, err);
	session_strings_free(names, n);
	session_strings_free(values, n);
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
	const session_interview *v = &u->ivs[u->start_hl];
	if (strcmp(v->status, "todo") == 0) {
		char uuid[SESSION_UUID_LEN + 1];
		snprintf(uuid, sizeof uuid, "%s", v->uuid);
		start_unit(u, uuid);
		return;
	}
	if (strcmp(v->status, "discarded") == 0) {
		ui_message(u, 1, "%s", ui_tr(UI_M_DISCARDED_CLOSED));
		return;
	}
	if (strcmp(v->status, "sealed") == 0) {   /* seal17: only the coordinator's key opens it */
		ui_message(u, 1, "%s", ui_tr(UI_M_SEALED_CLOSED));
		return;
	}
	if (strcmp(v->status, "complete") == 0 || strcmp(v->status, "returned") == 0) {
		/* nothing changes before it is confirmed */
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
	ui_returns_load(u, u->ask_uuid);
	const char *first = ui_returns_first(u);
	opened(u, !first);
	u->reopened = 1;
	if (first) {
		char *path = xstrdup(first);
		ui_go_to(u, path);
		free(path);
	}
	if (ui_returns_reason(u))
		ui_message(u, 0, ui_tr(UI_M_SV_RETURNED), ui_returns_reason(u));
	else
		ui_message(u, 0, "%s", ui_tr(UI_M_REOPENED));
}

void ui_start_discard(struct ui *u)
{
	char err[ERR_MAX];
	int rc = session_discard(u->o->st, u->ask_uuid, "interviewer", err);
	ui_start_init(u);
	if (rc)
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	else
		ui_message(u, 0, ui_tr(UI_M_DISCARD_DONE), u->ask_name);
}

/* F2 before an interview: the next language of the form, for the UI and new interviews; kept
 * as the laptop's choice (`survey list` and the next run use it). */
void ui_next_lang(struct ui *u)
{
	const form *f = u->f;
	char err[ERR_MAX];
	if (f->nlangs == 0) {
		ui_lang_set((ui_lang_get() + 1) % UI_NLANGS);
		if (session_setting_set(u->o->st, SESSION_SET_LANG, ui_lang_code(ui_lang_get()), err))
			ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	int cur = form_find_lang(f, u->lang);
	int next = (cur + 1) % f->nlangs;
	snprintf(u->lang, sizeof u->lang, "%s", f->langs[next].code ? f->langs[next].code
		 : f->langs[next].name);
	ui_follow_lang(u->lang);
	if (session_setting_set(u->o->st, SESSION_SET_LANG, u->lang, err))
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
}

/* f: the next filter, skipping those of a status no interview has (returned). */
static void next_filter(struct ui *u)
{
	int f = u->start_filter;
	do
		f = (f + 1) % UI_NFILTERS;
	while (f == UI_FILTER_RETURNED && !(u->start_present & (1u << f)));
	u->start_filter = f;
	ui_start_init(u);
}

int ui_start_ctx(struct ui *u)
{
	return u->searching ? UI_CTX_START | UI_CTX_TEXT : UI_CTX_START;
}

static void search_start(struct ui *u)
{
	if (!u->search.buf)
		ui_te_init(&u->search, 100);
	u->searching = 1;
}

/* Esc: the search ends and is cleared. */
static void search_clear(struct ui *u)
{
	u->searching = 0;
	if (u->search.buf) {
		ui_te_set(&u->search, NULL);
		ui_start_init(u);
	}
}

void ui_start_char(struct ui *u, wint_t ch)
{
	u->msg[0] = '\0';
	if (ch == 27) {
		search_clear(u);
	} else if (u->searching) {
		return;
	} else if (ch == L'/' || ch == L'.' || ch == 6) {
		search_start(u);
	} else if (ch == L'd' || ch == L'D' || ch == L'в' || ch == L'В') {
		if (u->start_hl < 0 || u->start_hl >= u->nivs)
			return;
		if (strcmp(u->ivs[u->start_hl].status, "draft") != 0)
			ui_message(u, 1, "%s", ui_tr(UI_M_DISCARD_ONLY_DRAFT));
		else
			ask_about(u, UI_ASK_DISCARD);
	} else if (ch == L'f' || ch == L'F' || ch == L'а' || ch == L'А') {
		next_filter(u);
	}
}

/* A key while typing the search: the list follows every change. */
static int search_key(struct ui *u, enum ui_action a, wint_t ch)
{
	if (!u->searching)
		return 0;
	if (a == UI_A_CHAR) {
		ui_te_insert(&u->search, (wchar_t)ch);
	} else if (a == UI_A_PASTE) {
		for (size_t i = 0; i < u->npaste; i++)
			ui_te_insert(&u->search, u->paste[i] == L'\n' ? L' ' : u->paste[i]);
	} else if (a != UI_A_HOME && a != UI_A_END && ui_te_action(&u->search, a)) {
		;
	} else {
		return 0;
	}
	u->start_hl = 0;
	ui_start_init(u);
	return 1;
}

void ui_start_key(struct ui *u, enum ui_action a, wint_t ch)
{
	int page = UI_BODY_ROWS > 2 ? UI_BODY_ROWS - 2 : 1;
	u->msg[0] = '\0';
	if (search_key(u, a, ch))
		return;
	switch (a) {
	UI_LIST_MOVE_KEYS:
		ui_list_move(a, &u->start_hl, page, u->nivs - 1);
		break;
	case UI_A_NEW: start_new(u); return;
	case UI_A_OPEN: u->searching = 0; open_highlighted(u); return;
	case UI_A_LANG: ui_next_lang(u); return;
	case UI_A_QUIT:
	case UI_A_LEAVE: u->quit = 1; return;
	default: return;
	}
	if (u->start_hl >= u->nivs)
		u->start_hl = u->nivs - 1;
	if (u->start_hl < 0)
		u->start_hl = 0;
}

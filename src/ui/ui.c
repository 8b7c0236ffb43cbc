/* ui.c: the UI's main loop — reads a key, turns it into an action by the key table, and hands
 * it to the screen shown; ui_redraw paints everything, so a resize is only a redraw. */
#include "ui/screens.h"
#include "ui/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

/* Curses told of the terminal's size as it is now. A resize's signal may be lost (a window
 * resized twice at once on a loaded machine): curses would go on drawing every screen for the
 * old size, cut and wrapped, until the next resize. */
static void follow_size(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* Paint the whole screen for the current state and size: the one place a resize goes. */
static void ui_redraw(struct ui *u)
{
	follow_size();
	erase();
	curs_set(0);
	if (too_small()) {
		char buf[512];
		snprintf(buf, sizeof buf, ui_tr(UI_M_TOO_SMALL), COLS, LINES, UI_MIN_COLS,
			 UI_MIN_ROWS);
		ui_lines l = { 0 };
		ui_wrap(buf, COLS > 2 ? COLS - 2 : 1, &l);
		for (int i = 0; i < l.n && i < LINES; i++)
			ui_putw(i, 1, l.line[i], COLS - 1, A_BOLD);
		ui_lines_release(&l);
		refresh();
		return;
	}
	switch (u->screen) {
	case UI_SCREEN_START: ui_start_draw(u); break;
	case UI_SCREEN_QUESTION: ui_question_draw(u); break;
	case UI_SCREEN_REVIEW: ui_review_draw(u); break;
	case UI_SCREEN_HELP: ui_help_draw(u); break;
	case UI_SCREEN_NAME: ui_name_draw(u); break;
	case UI_SCREEN_TOC: ui_toc_draw(u); break;
	}
	if (u->ask)
		ui_ask_draw(u);
	refresh();
}

static int screen_ctx(struct ui *u)
{
	switch (u->screen) {
	case UI_SCREEN_START: return ui_start_ctx(u);
	case UI_SCREEN_QUESTION: return ui_question_ctx(u);
	case UI_SCREEN_REVIEW: return UI_CTX_REVIEW;
	case UI_SCREEN_HELP: return UI_CTX_REVIEW;
	case UI_SCREEN_NAME: return UI_CTX_START | UI_CTX_TEXT;
	case UI_SCREEN_TOC: return UI_CTX_REVIEW | UI_CTX_CHOICE;   /* digits: the settings */
	}
	return UI_CTX_ANY;
}

static void dispatch(struct ui *u, enum ui_action a, wint_t ch)
{
	/* leaving an interview reopened here asks whether to complete it again (never silent) */
	if (a == UI_A_LEAVE && u->reopened && u->e && !engine_is_complete(u->e) &&
	    (u->screen == UI_SCREEN_QUESTION || u->screen == UI_SCREEN_REVIEW)) {
		u->ask = UI_ASK_FINISH;
		return;
	}
	if (a == UI_A_HELP && u->screen != UI_SCREEN_HELP) {
		u->back = u->screen;
		ui_help_init(u);
		return;
	}
	switch (u->screen) {
	case UI_SCREEN_START: ui_start_key(u, a, ch); break;
	case UI_SCREEN_QUESTION: ui_question_key(u, a, ch); break;
	case UI_SCREEN_REVIEW: ui_review_key(u, a, ch); break;
	case UI_SCREEN_HELP: ui_help_key(u, a, ch); break;
	case UI_SCREEN_NAME: ui_name_key(u, a, ch); break;
	case UI_SCREEN_TOC: ui_toc_key(u, a, ch); break;
	}
}

void ui_leave_as_draft(struct ui *u)
{
	u->reopened = 0;
	dispatch(u, UI_A_LEAVE, 0);
}

/* The language: --lang (kept as the laptop's choice), else the one chosen before, else the
 * form's default; the UI's words follow it when it is ky, ru or en, else the locale. */
static void choose_lang(struct ui *u, const ui_options *o)
{
	const char *lang = o->lang;
	char *saved = NULL, ignored[ERR_MAX];
	/* a preference: one that cannot be read or kept never stops an interview */
	if (!lang)
		session_setting_get(o->st, SESSION_SET_LANG, &saved, ignored);
	if (saved && (o->f->nlangs ? form_find_lang(o->f, saved) >= 0
		      : ui_lang_parse(saved, &(enum ui_lang){ 0 }) == 0))
		lang = saved;
	if (o->lang)
		session_setting_set(o->st, SESSION_SET_LANG, o->lang, ignored);
	if (lang)
		snprintf(u->lang, sizeof u->lang, "%s", lang);
	else if (o->f->default_lang >= 0)
		snprintf(u->lang, sizeof u->lang, "%s", o->f->langs[o->f->default_lang].code
			 ? o->f->langs[o->f->default_lang].code : o->f->langs[o->f->default_lang].name);
	ui_lang_set(ui_lang_from_env());
	if (u->lang[0])   /* chosen, saved, or the form's default: the words and the corner agree */
		ui_follow_lang(u->lang);
	free(saved);
}

/* What the main loop remembers from one key to the next. */
struct key_state {
	int after_char;   /* the last key was typed into a text field */
	int paste_run;    /* an Enter of this burst was taken as part of a paste */
};

/* One input read: a paste, an answer to a confirmation, or a key turned into an action and
 * handed to the screen shown. */
static void handle_input(struct ui *u, const struct ui_in *in, struct key_state *ks)
{
	static const wchar_t newline = L'\n';
	if (in->kind == UI_IN_PASTE) {
		ks->after_char = ks->paste_run = 0;
		if (too_small() || u->ask)
			return;   /* a paste never answers a confirmation */
		u->paste = in->text;
		u->npaste = in->len;
		dispatch(u, UI_A_PASTE, 0);
		return;
	}
	wint_t ch = in->code;
	int fkey = in->fkey;
	if (u->ask && !(fkey && ch == KEY_RESIZE)) {
		ks->after_char = ks->paste_run = 0;
		ui_ask_key(u, fkey, ch);
		return;
	}
	int ctx = screen_ctx(u);
	enum ui_action a = ui_key_action(fkey, ch, ctx);
	if (a == UI_A_NONE && !too_small() && ui_find_key(u, fkey, ch))
		return;   /* a letter searching a long choice list */
	if (a == UI_A_NONE && !fkey && u->screen == UI_SCREEN_START && !too_small()) {
		ui_start_char(u, ch);
		return;
	}
	/* A terminal without bracketed paste: an Enter that came in one burst with text
	 * typed into a field, and with more of the burst after it (or after another such
	 * Enter), is a line end of a paste: no one types that fast, and a paste must never
	 * confirm an answer and put its next lines into the next questions. An Enter that
	 * ends a burst of one line stays an Enter: a slow screen can gather typed keys into
	 * one burst, and the text is then in the right field anyway. */
	if (!in->burst)
		ks->paste_run = 0;
	if (in->burst && ks->after_char && (ctx & UI_CTX_TEXT) && (in->more || ks->paste_run) &&
	    ((!fkey && (ch == L'\r' || ch == L'\n')) || (fkey && ch == KEY_ENTER))) {
		u->paste = &newline;
		u->npaste = 1;
		a = UI_A_PASTE;
		ks->paste_run = 1;
	}
	ks->after_char = a == UI_A_CHAR || a == UI_A_PASTE;
	if (a == UI_A_RESIZE || a == UI_A_NONE)
		return;
	if (too_small() && a != UI_A_LEAVE && a != UI_A_QUIT)
		return;
	dispatch(u, a, ch);
}

/* Everything the screens hold, freed. */
static void release_screens(struct ui *u)
{
	if (u->e)
		engine_free(u->e);
	ui_question_release(u);
	ui_review_release(u);
	ui_returns_release(u);
	ui_toc_release(u);
	ui_start_release(u);
	ui_te_release(&u->search);
	ui_te_release(&u->name);
}

int ui_run(const ui_options *o, char *err)
{
	struct ui u = { .o = o, .f = o->f };
	choose_lang(&u, o);
	if (o->interviewer)
		snprintf(u.interviewer, sizeof u.interviewer, "%s", o->interviewer);

	SCREEN *scr = ui_term_start(err);   /* Ctrl-C arrives as a key: it leaves like F10 */
	if (!scr)
		return -1;

	ui_prefs_load(&u);
	if (ui_name_init(&u, err)) {
		ui_input_stop();
		endwin();
		delscreen(scr);
		return -1;
	}
	struct key_state ks = { 0 };
	int ended = 0;
	while (!u.quit) {
		if ((ended = ui_input_ended()) != 0) {
			ui_save_typed(&u);   /* SIGTERM, SIGHUP: nothing typed is lost */
			break;
		}
		ui_redraw(&u);
		struct ui_in in;
		if (ui_input_read(&in))
			continue;
		handle_input(&u, &in, &ks);
	}
	ui_input_stop();
	endwin();
	delscreen(scr);
	release_screens(&u);
	if (ended)
		ui_input_reraise(ended);
	return 0;
}

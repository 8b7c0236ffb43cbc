/* ui.c: the UI's main loop — reads a key, turns it into an action by the key table, and hands
 * it to the screen shown; ui_redraw paints everything, so a resize is only a redraw. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

/* Paint the whole screen for the current state and size: the one place a resize goes. */
static void ui_redraw(struct ui *u)
{
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
	}
	if (u->ask)
		ui_ask_draw(u);
	refresh();
}

static int screen_ctx(struct ui *u)
{
	switch (u->screen) {
	case UI_SCREEN_START: return UI_CTX_START;
	case UI_SCREEN_QUESTION: return ui_question_ctx(u);
	case UI_SCREEN_REVIEW: return UI_CTX_REVIEW;
	case UI_SCREEN_HELP: return UI_CTX_REVIEW;
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
	}
}

void ui_leave_as_draft(struct ui *u)
{
	u->reopened = 0;
	dispatch(u, UI_A_LEAVE, 0);
}

int ui_run(const ui_options *o, char *err)
{
	struct ui u = { .o = o, .f = o->f };
	if (o->lang)
		snprintf(u.lang, sizeof u.lang, "%s", o->lang);
	else if (o->f->default_lang >= 0)
		snprintf(u.lang, sizeof u.lang, "%s", o->f->langs[o->f->default_lang].code
			 ? o->f->langs[o->f->default_lang].code : o->f->langs[o->f->default_lang].name);
	ui_lang_set(ui_lang_from_env());
	if (o->lang)
		ui_follow_lang(o->lang);

	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return errf(err, "cannot use the terminal (TERM=%s)",
			    getenv("TERM") ? getenv("TERM") : "unset");
	raw();   /* Ctrl-C arrives as a key (it leaves like F10), and the terminal stays sane */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	ui_init_colors();

	ui_start_init(&u);
	while (!u.quit) {
		ui_redraw(&u);
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue;
		int fkey = r == KEY_CODE_YES;
		if (u.ask && !(fkey && ch == KEY_RESIZE)) {
			ui_ask_key(&u, fkey, ch);
			continue;
		}
		enum ui_action a = ui_key_action(fkey, ch, screen_ctx(&u));
		if (a == UI_A_NONE && !fkey && u.screen == UI_SCREEN_START && !too_small()) {
			ui_start_char(&u, ch);
			continue;
		}
		if (a == UI_A_RESIZE || a == UI_A_NONE)
			continue;
		if (too_small() && a != UI_A_LEAVE && a != UI_A_QUIT)
			continue;
		dispatch(&u, a, ch);
	}
	endwin();
	delscreen(scr);
	if (u.e)
		engine_free(u.e);
	ui_question_release(&u);
	ui_review_release(&u);
	ui_start_release(&u);
	return 0;
}

/* name.c: the interviewer's name, asked once on a laptop — the first `survey run` on a
 * database with no name saved (and no --interviewer) shows this screen before the start
 * screen; Enter keeps the name in the database's settings, where later runs find it. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

int ui_name_init(struct ui *u, char *err)
{
	if (!u->interviewer[0]) {
		char *saved;
		if (session_setting_get(u->o->st, SESSION_SET_INTERVIEWER, &saved, err))
			return -1;
		if (saved)
			snprintf(u->interviewer, sizeof u->interviewer, "%s", saved);
		free(saved);
	}
	if (u->interviewer[0]) {
		ui_start_init(u);
		return 0;
	}
	ui_te_init(&u->name, 50);
	u->screen = UI_SCREEN_NAME;
	return 0;
}

void ui_name_draw(struct ui *u)
{
	ui_bar(0, ui_tr(UI_M_NAME_TITLE), NULL);
	ui_lines l = { 0 };
	ui_wrap(ui_tr(UI_M_NAME_ASK), COLS - 4, &l);
	int y = UI_BODY_TOP + 1;
	for (int i = 0; i < l.n && y < LINES - 5; i++)
		ui_putw(y++, 2, l.line[i], COLS - 4, 0);
	ui_lines_release(&l);
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_NAME_KEYS));
	ui_draw_status(u);
	int cy, cx;
	ui_te_draw(&u->name, y + 1, 2, COLS - 4, 1, &cy, &cx);
	move(cy, cx);
	curs_set(1);
}

/* Enter: the name without spaces around it; refused when empty. */
static void save(struct ui *u)
{
	char err[ERR_MAX], *name = ui_te_get(&u->name);
	char *s = name, *e = name + strlen(name);
	while (*s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		*--e = '\0';
	if (!*s) {
		ui_message(u, 1, "%s", ui_tr(UI_M_NAME_EMPTY));
	} else if (session_setting_set(u->o->st, SESSION_SET_INTERVIEWER, s, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	} else {
		snprintf(u->interviewer, sizeof u->interviewer, "%s", s);
		ui_te_release(&u->name);
		ui_start_init(u);
		ui_message(u, 0, ui_tr(UI_M_NAME_SAVED), u->interviewer);
	}
	free(name);
}

void ui_name_key(struct ui *u, enum ui_action a, wint_t ch)
{
	u->msg[0] = '\0';
	switch (a) {
	case UI_A_CHAR:
		ui_te_insert(&u->name, (wchar_t)ch);
		return;
	case UI_A_PASTE:
		for (size_t i = 0; i < u->npaste; i++)
			ui_te_insert(&u->name, u->paste[i] == L'\n' ? L' ' : u->paste[i]);
		return;
	case UI_A_OPEN: save(u); return;
	case UI_A_LANG: ui_next_lang(u); return;
	case UI_A_LEAVE: u->quit = 1; return;
	default: ui_te_action(&u->name, a); return;
	}
}

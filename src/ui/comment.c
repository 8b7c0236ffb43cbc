/* comment.c: the interviewer's comment on a question (F4 / Ctrl-N), for the supervisor — a box
 * over the question screen with a text field; Enter saves it (engine_set_comment: an event,
 * never an answer), an empty one clears it, Esc leaves it as it was. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_comment_open(struct ui *u, const char *path)
{
	if (!path) {
		ui_message(u, 1, "%s", ui_tr(UI_M_COMMENT_NONE));
		return;
	}
	free(u->comment_path);
	u->comment_path = xstrdup(path);
	ui_te_release(&u->comment);
	ui_te_init(&u->comment, UI_TE_MAXLEN);
	u->comment.lines = 0;
	ui_te_set(&u->comment, engine_comment(u->e, path));
	u->ask = UI_ASK_COMMENT;
}

static void close_box(struct ui *u)
{
	u->ask = UI_ASK_NONE;
	free(u->comment_path);
	u->comment_path = NULL;
	ui_te_release(&u->comment);
}

void ui_comment_draw(struct ui *u)
{
	int w = COLS - 8, x = 4, top = UI_BODY_TOP + 1;
	char *label = engine_text(u->e, u->comment_path, FORM_LABEL);
	char *head = xasprintf(ui_tr(UI_M_COMMENT_HEAD), label ? label : u->comment_path);
	free(label);
	ui_lines l = { 0 };
	ui_wrap(head, w, &l);
	free(head);
	int nhead = l.n > UI_BODY_ROWS - 8 ? UI_BODY_ROWS - 8 : l.n;
	int te_rows = 3, rows = nhead + te_rows + 3;
	for (int r = 0; r < rows; r++) {
		move(top + r, x - 2);
		attron(A_REVERSE);
		hline(' ', w + 4);
		attroff(A_REVERSE);
	}
	for (int i = 0; i < nhead; i++)
		ui_putw(top + 1 + i, x, l.line[i], w, A_REVERSE | A_BOLD);
	ui_lines_release(&l);
	int cy, cx;
	ui_te_draw(&u->comment, top + 2 + nhead, x, w, te_rows, &cy, &cx);
	move(LINES - 3, 0);
	clrtoeol();
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_COMMENT_KEYS));
	move(cy, cx);
	curs_set(1);
}

void ui_comment_key(struct ui *u, int fkey, wint_t ch)
{
	char err[ERR_MAX];
	if (!fkey && (ch == 27 || ch == 3)) {
		close_box(u);
		return;
	}
	enum ui_action a = ui_key_action(fkey, ch, UI_CTX_ANY | UI_CTX_TEXT);
	if (a == UI_A_CHAR) {
		if (ui_te_insert(&u->comment, (wchar_t)ch) && u->comment.len >= u->comment.maxlen)
			ui_message(u, 1, "%s", ui_tr(UI_M_TOO_LONG));
		return;
	}
	if (ui_te_action(&u->comment, a))
		return;
	if (a != UI_A_NEXT && a != UI_A_COMMENT)
		return;
	char *text = ui_te_get(&u->comment);
	int rc = engine_set_comment(u->e, u->comment_path, text, err);
	if (rc == 0) {
		ui_message(u, 0, "%s", ui_tr(*text ? UI_M_COMMENT_SAVED : UI_M_COMMENT_CLEARED));
		close_box(u);
	} else {
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_NOT_SAVED), err);
	}
	free(text);
}

/* ask.c: a question asked over the screen before something that cannot be taken back —
 * reopening a completed interview (and why), discarding a draft (twice), completing a
 * reopened one again on leaving, a lower repeat count hiding entries. Answered by a digit,
 * Enter or Esc; never silent. (The comment box is comment.c's.) */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

/* The reasons of UI_ASK_REOPEN_WHY, as stored in the "reopened" event. */
static const char *const reasons[] = { "wrong_answer", "respondent", "supervisor" };

void ui_draw_box(const ui_lines *l, int nhead, int x, int w)
{
	int top = UI_BODY_TOP + 1, rows = l->n + 2;
	if (rows > UI_BODY_ROWS)
		rows = UI_BODY_ROWS;
	for (int r = 0; r < rows; r++) {
		move(top + r, x - 2);
		attron(A_REVERSE);
		hline(' ', w + 4);
		attroff(A_REVERSE);
	}
	for (int i = 0; i < l->n && i < rows - 2; i++)
		ui_putw(top + 1 + i, x, l->line[i], w, A_REVERSE | (i < nhead ? A_BOLD : 0));
}

/* What each question over the screen says: its head (formatted with the interview's name, or
 * with the entries hidden and the name), the options below it, and its keys. */
static const struct ask_text {
	enum ui_msg head, keys;
	int args;                  /* 0: head as it is; 1: (name); 2: (count, name) */
	int nlines;
	enum ui_msg lines[3];
} ask_texts[] = {
	[UI_ASK_REOPEN] = { UI_M_ASK_REOPEN, UI_M_ASK_REOPEN_KEYS, 1, 0, { 0 } },
	[UI_ASK_REOPEN_WHY] = { UI_M_ASK_WHY, UI_M_ASK_WHY_KEYS, 0, 3,
				{ UI_M_WHY_WRONG, UI_M_WHY_RESPONDENT, UI_M_WHY_SUPERVISOR } },
	[UI_ASK_DISCARD] = { UI_M_ASK_DISCARD, UI_M_ASK_DISCARD_KEYS, 1, 0, { 0 } },
	[UI_ASK_DISCARD_AGAIN] = { UI_M_ASK_DISCARD_AGAIN, UI_M_ASK_DISCARD_AGAIN_KEYS, 1, 0,
				   { 0 } },
	[UI_ASK_FINISH] = { UI_M_ASK_FINISH, UI_M_ASK_FINISH_KEYS, 0, 2,
			    { UI_M_FINISH_NOW, UI_M_FINISH_LATER } },
	[UI_ASK_HIDE] = { UI_M_ASK_HIDE, UI_M_ASK_HIDE_KEYS, 2, 0, { 0 } },
};

void ui_ask_draw(struct ui *u)
{
	if (u->ask == UI_ASK_COMMENT) {
		ui_comment_draw(u);
		return;
	}
	if (u->ask <= UI_ASK_NONE || u->ask > UI_ASK_HIDE)
		return;
	const struct ask_text *t = &ask_texts[u->ask];
	char head[1024];
	if (t->args == 2)
		snprintf(head, sizeof head, ui_tr(t->head), u->ask_count, u->ask_name);
	else if (t->args == 1)
		snprintf(head, sizeof head, ui_tr(t->head), u->ask_name);
	else
		snprintf(head, sizeof head, "%s", ui_tr(t->head));
	const char *keys = ui_tr(t->keys);
	int nlines = t->nlines;
	const enum ui_msg *lines = t->lines;
	int w = COLS - 8, x = 4;
	ui_lines l = { 0 };
	ui_wrap(head, w, &l);
	int nhead = l.n;
	ui_wrap("", w, &l);
	for (int i = 0; i < nlines; i++)
		ui_wrap(ui_tr(lines[i]), w, &l);
	ui_draw_box(&l, nhead, x, w);
	int bottom = UI_BODY_TOP + (l.n + 2 < UI_BODY_ROWS ? l.n + 2 : UI_BODY_ROWS);
	ui_lines_release(&l);
	/* the message lines under the box go whole (a message takes up to 3 lines): none is left
	 * cut after its first line */
	for (int y = LINES - 5; y <= LINES - 3; y++)
		if (y > bottom) {
			move(y, 0);
			clrtoeol();
		}
	ui_draw_keys(keys);
}

void ui_ask_key(struct ui *u, int fkey, wint_t ch)
{
	int esc = !fkey && (ch == 27 || ch == 3);
	int enter = (!fkey && (ch == '\n' || ch == '\r')) || (fkey && ch == KEY_ENTER);
	int digit = !fkey && ch >= '1' && ch <= '9' ? (int)(ch - '0') : 0;
	enum ui_ask was = (enum ui_ask)u->ask;
	if (was == UI_ASK_COMMENT) {
		ui_comment_key(u, fkey, ch);
		return;
	}
	if (esc) {
		u->ask = UI_ASK_NONE;
		return;
	}
	switch (was) {
	case UI_ASK_REOPEN:
		if (digit == 1)
			u->ask = UI_ASK_REOPEN_WHY;
		break;
	case UI_ASK_REOPEN_WHY:
		if (digit >= 1 && digit <= 3) {
			u->ask = UI_ASK_NONE;
			ui_start_reopen(u, reasons[digit - 1]);
		}
		break;
	case UI_ASK_DISCARD:
		if (digit == 1)
			u->ask = UI_ASK_DISCARD_AGAIN;
		break;
	case UI_ASK_DISCARD_AGAIN:
		if (enter) {
			u->ask = UI_ASK_NONE;
			ui_start_discard(u);
		}
		break;
	case UI_ASK_FINISH:
		if (digit == 1) {
			u->ask = UI_ASK_NONE;
			ui_interview_complete(u);   /* refused: the review shows why; still reopened */
		} else if (digit == 2) {
			u->ask = UI_ASK_NONE;
			ui_leave_as_draft(u);
		}
		break;
	case UI_ASK_HIDE:
		if (digit == 1) {
			u->ask = UI_ASK_NONE;
			ui_question_confirm_hide(u);
		}
		break;
	case UI_ASK_COMMENT:
	case UI_ASK_NONE:
		break;
	}
}

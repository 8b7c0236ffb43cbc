/* toc.c: the table of contents (F3 / Ctrl-O) — the form's sections (top-level groups and
 * repeats) with how many of their questions are answered and a mark where a problem is, each
 * followed by its questions; Enter goes to the highlighted section or question, Tab to the
 * next problem. It also shows and switches the laptop's settings of the question screen:
 * 1 a digit on a single choice goes on, 2 question numbers. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ui_toc_row {
	int section;      /* its section node (-1: outside the sections) */
	int head;         /* 1: the section's row */
	char *path;       /* the question (a section: its first question); owned */
	int node;
	int answered, total, problems;   /* a section: over its questions; a question: 0/1 */
};

void ui_toc_release(struct ui *u)
{
	for (int i = 0; i < u->ntoc; i++)
		free(u->toc[i].path);
	free(u->toc);
	u->toc = NULL;
	u->ntoc = 0;
}

void ui_prefs_load(struct ui *u)
{
	char err[ERR_MAX];
	if (u->prefs_loaded)
		return;
	u->prefs_loaded = 1;
	if (session_pref_get(u->o->st, SESSION_PREF_AUTO_ADVANCE, &u->auto_advance, err) ||
	    session_pref_get(u->o->st, SESSION_PREF_NUMBERS, &u->numbers, err))
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
}

static struct ui_toc_row *add(struct ui *u, int *cap)
{
	if (u->ntoc == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		u->toc = xreallocarray(u->toc, (size_t)*cap, sizeof *u->toc);
	}
	struct ui_toc_row *r = &u->toc[u->ntoc++];
	memset(r, 0, sizeof *r);
	return r;
}

void ui_toc_init(struct ui *u)
{
	char err[ERR_MAX];
	engine_review_item *rv;
	int nrv, cap = 0, head = -1;
	const char *here = u->nfields && u->focus < u->nfields ? u->fields[u->focus].path : NULL;
	char *cur = here ? xstrdup(here) : NULL;
	ui_toc_release(u);
	u->screen = UI_SCREEN_TOC;
	u->toc_hl = u->toc_top = 0;
	if (engine_review(u->e, &rv, &nrv, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		rv = NULL;
		nrv = 0;
	}
	for (int i = 0; i < nrv; i++) {
		int sec = ui_section_node(u, rv[i].node);
		if (head < 0 || u->toc[head].section != sec) {
			struct ui_toc_row *h = add(u, &cap);
			h->section = sec;
			h->head = 1;
			h->path = xstrdup(rv[i].path);
			h->node = rv[i].node;
			head = u->ntoc - 1;
		}
		struct ui_toc_row *r = add(u, &cap);
		r->section = sec;
		r->path = xstrdup(rv[i].path);
		r->node = rv[i].node;
		r->answered = rv[i].answered;
		r->total = 1;
		r->problems = rv[i].problem != 0;
		u->toc[head].answered += r->answered;
		u->toc[head].total++;
		u->toc[head].problems += r->problems;
		if (cur && strcmp(cur, r->path) == 0)
			u->toc_hl = u->ntoc - 1;
	}
	engine_review_free(rv, nrv);
	free(cur);
}

void ui_toc_draw(struct ui *u)
{
	ui_bar(0, ui_tr(UI_M_TOC_TITLE), NULL);
	int rows = UI_BODY_ROWS - 2;   /* the settings take the last two */
	if (rows < 1)
		rows = 1;
	if (u->toc_hl < u->toc_top)
		u->toc_top = u->toc_hl;
	if (u->toc_hl >= u->toc_top + rows)
		u->toc_top = u->toc_hl - rows + 1;
	for (int r = 0; r < rows && u->toc_top + r < u->ntoc; r++) {
		int i = u->toc_top + r, y = UI_BODY_TOP + r;
		const struct ui_toc_row *t = &u->toc[i];
		int attr = i == u->toc_hl ? A_REVERSE : 0;
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		if (t->problems)
			ui_put(y, 0, "!", 1, attr | A_BOLD);
		char right[64], *left, *text;
		if (t->head) {
			snprintf(right, sizeof right, ui_tr(UI_M_SECTION_COUNT), t->answered, t->total);
			left = ui_section_label(u, t->section);
		} else {
			snprintf(right, sizeof right, "%s", t->answered ? "✓" : "");
			char *label = engine_text(u->e, t->path, FORM_LABEL);
			const char *br = strrchr(t->path, '[');
			left = xasprintf("%d. %s%s%.*s", ui_question_number(u, t->node),
					 label ? label : u->f->nodes[t->node].name, br ? " " : "",
					 br ? (int)strcspn(br, "/") : 0, br ? br : "");
			free(label);
		}
		int x = t->head ? 2 : 5, rw = ui_width(right);
		text = ui_cut_words(left, COLS - 1 - x - rw - 2);
		ui_put(y, x, text, COLS - 1 - x - rw - 2, attr | (t->head ? A_BOLD : 0));
		ui_put(y, COLS - 1 - rw, right, rw, attr | (t->head ? A_BOLD : 0));
		free(left);
		free(text);
	}
	/* the settings, one a line: cut at a word when the screen is narrow */
	const enum ui_msg set[2] = { UI_M_SET_AUTO, UI_M_SET_NUMBERS };
	const int on[2] = { u->auto_advance, u->numbers };
	for (int k = 0; k < 2; k++) {
		char *t = xasprintf(ui_tr(set[k]), ui_tr(on[k] ? UI_M_ON : UI_M_OFF));
		char *c = ui_cut_words(t, COLS - 2);
		ui_put(UI_BODY_TOP + UI_BODY_ROWS - 2 + k, 1, c, COLS - 2, A_DIM);
		free(c);
		free(t);
	}
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_TOC_KEYS));
	ui_draw_status(u);
}

static void back(struct ui *u)
{
	ui_toc_release(u);
	ui_question_init(u);
}

static void toggle(struct ui *u, const char *key, int *on)
{
	char err[ERR_MAX];
	if (session_pref_set(u->o->st, key, !*on, err))
		ui_message(u, 1, ui_tr(UI_M_NOT_SAVED), err);
	else
		*on = !*on;
}

void ui_toc_key(struct ui *u, enum ui_action a, wint_t ch)
{
	int page = UI_BODY_ROWS > 4 ? UI_BODY_ROWS - 3 : 1;
	u->msg[0] = '\0';
	switch (a) {
	UI_LIST_MOVE_KEYS:
		ui_list_move(a, &u->toc_hl, page, u->ntoc - 1);
		break;
	case UI_A_DIGIT:
		if (ch == L'1')
			toggle(u, SESSION_PREF_AUTO_ADVANCE, &u->auto_advance);
		else if (ch == L'2')
			toggle(u, SESSION_PREF_NUMBERS, &u->numbers);
		return;
	case UI_A_NEXT_PROBLEM:
		for (int k = 1; k <= u->ntoc; k++) {
			int i = (u->toc_hl + k) % u->ntoc;
			if (u->toc[i].problems && !u->toc[i].head) {
				u->toc_hl = i;
				return;
			}
		}
		ui_message(u, 0, "%s", ui_tr(UI_M_NO_MORE_PROBLEMS));
		return;
	case UI_A_BACK:
	case UI_A_TOC:
		back(u);
		return;
	case UI_A_REVIEW:
		ui_toc_release(u);
		ui_review_init(u);
		return;
	case UI_A_LEAVE:
		ui_toc_release(u);
		ui_interview_leave(u);
		return;
	case UI_A_JUMP: {
		if (u->ntoc == 0) {
			back(u);
			return;
		}
		char *path = xstrdup(u->toc[u->toc_hl].path);
		if (ui_go_to(u, path) == 0)
			ui_toc_release(u);
		free(path);
		return;
	}
	default:
		return;
	}
	if (u->toc_hl >= u->ntoc)
		u->toc_hl = u->ntoc - 1;
	if (u->toc_hl < 0)
		u->toc_hl = 0;
}

/* review.c: the review screen (F9) — every relevant question, numbered and grouped by section,
 * with its answer and comment (labels and answers wrapped, never cut), problems flagged with
 * the engine's message; Tab goes to the next problem; Enter shows a question whole and, again,
 * goes to it; on the last row it completes the interview. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_review_release(struct ui *u)
{
	engine_review_free(u->rv, u->nrv);
	u->rv = NULL;
	u->nrv = 0;
}

void ui_review_init(struct ui *u)
{
	char err[ERR_MAX];
	ui_review_release(u);
	u->screen = UI_SCREEN_REVIEW;
	u->rv_top = 0;
	u->rv_problems = 0;
	u->rv_detail = 0;
	if (engine_review(u->e, &u->rv, &u->nrv, err)) {
		u->rv = NULL;
		u->nrv = 0;
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	}
	/* start on the first problem, else on the question being shown */
	u->rv_hl = -1;
	for (int i = 0; i < u->nrv; i++) {
		if (u->rv[i].problem) {
			u->rv_problems++;
			if (u->rv_hl < 0)
				u->rv_hl = i;
		}
	}
	if (u->rv_hl < 0) {
		u->rv_hl = u->nrv;   /* the "complete" row */
		for (int i = 0; u->focus < u->nfields && i < u->nrv; i++)
			if (strcmp(u->rv[i].path, u->fields[u->focus].path) == 0)
				u->rv_hl = i;
	}
}

char *ui_answer_text(struct ui *u, int node, const char *value, answer_state state, int answered)
{
	if (!answered)
		return xstrdup(ui_tr(UI_M_NO_ANSWER));
	switch (state) {
	case STATE_DONT_KNOW: return xasprintf("[%s]", ui_tr(UI_M_DONT_KNOW));
	case STATE_REFUSED: return xasprintf("[%s]", ui_tr(UI_M_REFUSED));
	case STATE_SKIPPED: return xstrdup(ui_tr(UI_M_SKIPPED));
	default: break;
	}
	if (!value || !*value)
		return xstrdup(ui_tr(UI_M_NO_ANSWER));
	const form_node *nd = &u->f->nodes[node];
	if (nd->list < 0)
		return xstrdup(value);
	int lang = engine_lang(u->e);
	strbuf sb = STRBUF_INIT;
	size_t k;
	for (const char *p = value; (k = util_word(&p)) > 0; p += k) {
		char *name = xstrndup(p, k);
		const form_choice *c = form_list_choice(u->f, nd->list, name);
		const char *label = c ? form_choice_label(u->f, c, lang) : NULL;
		if (sb.len)
			sb_adds(&sb, "; ");
		sb_adds(&sb, label ? label : name);
		free(name);
	}
	return sb_detach(&sb);
}

/* The review's lines: a section's header before its first question; each question its
 * number and label (wrapped in the left column) beside its answer and comment (wrapped in
 * the right one); the "complete" row last. line_item[k] is the question of line k (-1 for a
 * header, nrv for the last row), line_head[k] its first line. */
struct rv_layout {
	ui_lines left, right;
	int *item, *attr;
	int n, cap;
};

static void lay_add(struct rv_layout *L, const wchar_t *left, const wchar_t *right, int item,
		    int attr)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 64;
		L->item = xreallocarray(L->item, (size_t)L->cap, sizeof *L->item);
		L->attr = xreallocarray(L->attr, (size_t)L->cap, sizeof *L->attr);
	}
	ui_lines_add(&L->left, left, wcslen(left));
	ui_lines_add(&L->right, right, wcslen(right));
	L->item[L->n] = item;
	L->attr[L->n] = attr;
	L->n++;
}

static void lay_release(struct rv_layout *L)
{
	ui_lines_release(&L->left);
	ui_lines_release(&L->right);
	free(L->item);
	free(L->attr);
}

/* x of the label column, its width, x of the answer column, its width */
static void columns(int *xl, int *wl, int *xa, int *wa)
{
	*xl = 7;
	*wl = (COLS - *xl - 3) * 11 / 20;
	*xa = *xl + *wl + 2;
	*wa = COLS - 1 - *xa;
}

static void layout(struct ui *u, struct rv_layout *L)
{
	int xl, wl, xa, wa, section = -2;
	columns(&xl, &wl, &xa, &wa);
	memset(L, 0, sizeof *L);
	for (int i = 0; i < u->nrv; i++) {
		const engine_review_item *it = &u->rv[i];
		int sec = ui_section_node(u, it->node);
		if (sec != section || i == 0) {
			char *h = ui_section_label(u, sec);
			ui_lines hl = { 0 };
			ui_wrap(h, COLS - 2, &hl);
			if (i)
				lay_add(L, L"", L"", -1, 0);
			for (int k = 0; k < hl.n; k++)
				lay_add(L, hl.line[k], L"", -1, A_BOLD | A_UNDERLINE);
			ui_lines_release(&hl);
			free(h);
			section = sec;
		}
		char *label = engine_text(u->e, it->path, FORM_LABEL);
		const char *br = strrchr(it->path, '[');
		if (br) {
			/* an answer in a repeat: say which entry, "Name [2]" */
			char *t = xasprintf("%s %.*s", label ? label : u->f->nodes[it->node].name,
					    (int)strcspn(br, "/"), br);
			free(label);
			label = t;
		}
		char *answer = ui_answer_text(u, it->node, it->value, it->state, it->answered);
		const char *comment = engine_comment(u->e, it->path);
		if (comment) {
			char *c = xasprintf(ui_tr(UI_M_COMMENT_SHOW), comment);
			char *t = xasprintf("%s\n%s", answer, c);
			free(c);
			free(answer);
			answer = t;
		}
		ui_lines ll = { 0 }, al = { 0 };
		ui_wrap(label ? label : u->f->nodes[it->node].name, wl, &ll);
		ui_wrap(answer, wa, &al);
		int n = ll.n > al.n ? ll.n : al.n;
		for (int k = 0; k < n; k++)
			lay_add(L, k < ll.n ? ll.line[k] : L"", k < al.n ? al.line[k] : L"", i,
				it->problem && k < al.n ? A_BOLD : 0);
		ui_lines_release(&ll);
		ui_lines_release(&al);
		free(label);
		free(answer);
	}
	lay_add(L, L"", L"", -1, 0);
	char *fin = xasprintf("» %s", ui_tr(UI_M_FINISH));
	wchar_t *w = ui_wcs_from_utf8(fin, NULL);
	lay_add(L, w, L"", u->nrv, A_BOLD);
	free(w);
	free(fin);
}

/* The detail box (Enter): the whole label, answer, problem and comment of a question. */
static void draw_detail(struct ui *u)
{
	const engine_review_item *it = &u->rv[u->rv_hl];
	char *label = engine_text(u->e, it->path, FORM_LABEL);
	char *answer = ui_answer_text(u, it->node, it->value, it->state, it->answered);
	char *a = xasprintf(ui_tr(UI_M_ANSWER), answer);
	const char *comment = engine_comment(u->e, it->path);
	char *c = comment ? xasprintf(ui_tr(UI_M_COMMENT_SHOW), comment) : NULL;
	int w = COLS - 6, x = 3;   /* over both columns, whole */
	ui_lines l = { 0 };
	char *head = xasprintf("%d. %s", ui_question_number(u, it->node),
			       label ? label : u->f->nodes[it->node].name);
	ui_wrap(head, w, &l);
	int nhead = l.n;
	ui_wrap("", w, &l);
	ui_wrap(a, w, &l);
	if (it->message)
		ui_wrap(it->message, w, &l);
	if (c)
		ui_wrap(c, w, &l);
	ui_draw_box(&l, nhead, x, w);
	ui_lines_release(&l);
	free(head);
	free(label);
	free(answer);
	free(a);
	free(c);
	ui_draw_keys(ui_tr(UI_M_DETAIL_KEYS));
}

void ui_review_draw(struct ui *u)
{
	char right[128];
	if (u->rv_problems)
		snprintf(right, sizeof right, ui_tr(UI_M_PROBLEMS), u->rv_problems);
	else
		snprintf(right, sizeof right, "%s", ui_tr(UI_M_NO_PROBLEMS));
	ui_bar(0, ui_tr(UI_M_REVIEW_TITLE), right);
	struct rv_layout L;
	layout(u, &L);
	int rows = UI_BODY_ROWS, first = -1, last = -1;
	for (int k = 0; k < L.n; k++) {
		if (L.item[k] == u->rv_hl) {
			if (first < 0)
				first = k;
			last = k;
		}
	}
	/* the highlighted question whole on the screen, with its section header when it is
	 * the first of its section */
	if (first > 0 && L.item[first - 1] == -1 && L.attr[first - 1])
		while (first > 0 && L.item[first - 1] == -1 && L.attr[first - 1])
			first--;
	if (first >= 0 && first < u->rv_top)
		u->rv_top = first;
	if (last >= u->rv_top + rows)
		u->rv_top = last - rows + 1;
	if (u->rv_top > L.n - rows)
		u->rv_top = L.n - rows;
	if (u->rv_top < 0)
		u->rv_top = 0;
	int xl, wl, xa, wa;
	columns(&xl, &wl, &xa, &wa);
	for (int r = 0; r < rows && u->rv_top + r < L.n; r++) {
		int k = u->rv_top + r, y = UI_BODY_TOP + r, i = L.item[k];
		int hl = i >= 0 && i == u->rv_hl;
		int attr = hl ? A_REVERSE : 0;
		if (hl) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		if (i < 0 || i == u->nrv) {
			ui_putw(y, i < 0 ? 0 : 2, L.left.line[k], COLS - 3, attr | L.attr[k]);
			continue;
		}
		if (k == 0 || L.item[k - 1] != i) {
			/* the question's first line: its problem mark and number */
			char num[16];
			snprintf(num, sizeof num, "%3d.", ui_question_number(u, u->rv[i].node));
			if (u->rv[i].problem)
				ui_put(y, 0, "!", 1, attr | A_BOLD);
			ui_put(y, 2, num, 4, attr);
		}
		ui_putw(y, xl, L.left.line[k], wl, attr);
		ui_putw(y, xa, L.right.line[k], wa, attr | L.attr[k]);
	}
	if (u->rv_top > 0)
		mvaddstr(UI_BODY_TOP, COLS - 1, "↑");
	if (u->rv_top + rows < L.n)
		mvaddstr(UI_BODY_TOP + rows - 1, COLS - 1, "↓");
	lay_release(&L);
	if (!u->msg[0] && u->rv_hl < u->nrv && u->rv[u->rv_hl].message)
		ui_message(u, 1, "%s", u->rv[u->rv_hl].message);
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_REVIEW_KEYS2));
	ui_draw_status(u);
	if (u->rv_detail && u->rv_hl < u->nrv)
		draw_detail(u);
}

static void back_to_question(struct ui *u)
{
	ui_review_release(u);
	ui_question_init(u);
}

/* Tab: the next question with a problem after the highlighted one (from the top again). */
static void next_problem(struct ui *u)
{
	for (int k = 1; k <= u->nrv; k++) {
		int i = (u->rv_hl + k) % (u->nrv + 1);
		if (i < u->nrv && u->rv[i].problem) {
			u->rv_hl = i;
			return;
		}
	}
	ui_message(u, 0, "%s", ui_tr(UI_M_NO_MORE_PROBLEMS));
}

static void jump(struct ui *u)
{
	char *path = xstrdup(u->rv[u->rv_hl].path);
	if (ui_go_to(u, path) == 0)
		ui_review_release(u);
	free(path);
}

void ui_review_key(struct ui *u, enum ui_action a, wint_t ch)
{
	char err[ERR_MAX];
	int page = UI_BODY_ROWS > 4 ? UI_BODY_ROWS / 2 : 1;
	u->msg[0] = '\0';
	if (u->rv_detail) {
		/* the detail box: Enter goes to the question, anything else closes it */
		u->rv_detail = 0;
		if (a == UI_A_JUMP)
			jump(u);
		if (a != UI_A_LEAVE)
			return;
	}
	switch (a) {
	UI_LIST_MOVE_KEYS:
		ui_list_move(a, &u->rv_hl, page, u->nrv);
		break;
	case UI_A_NEXT_PROBLEM: next_problem(u); break;
	case UI_A_BACK:
	case UI_A_REVIEW:
		back_to_question(u);
		return;
	case UI_A_TOC:
		ui_review_release(u);
		ui_toc_init(u);
		return;
	case UI_A_COMMENT:
		ui_comment_open(u, u->rv_hl < u->nrv ? u->rv[u->rv_hl].path : NULL);
		return;
	case UI_A_LEAVE:
		ui_interview_leave(u);
		return;
	case UI_A_LANG: {
		const form *f = u->f;
		if (f->nlangs < 2)
			return;
		int l = (engine_lang(u->e) + 1) % f->nlangs;
		const char *code = f->langs[l].code ? f->langs[l].code : f->langs[l].name;
		if (engine_set_lang(u->e, code, err) == 0) {
			snprintf(u->lang, sizeof u->lang, "%s", code);
			ui_follow_lang(code);
			int hl = u->rv_hl;
			ui_review_init(u);   /* the messages, in the new language */
			u->rv_hl = hl;
		} else {
			ui_message(u, 1, "%s", err);
		}
		return;
	}
	case UI_A_JUMP:
		if (u->rv_hl >= u->nrv)
			ui_interview_complete(u);
		else
			u->rv_detail = 1;
		return;
	default:
		return;
	}
	if (u->rv_hl > u->nrv)
		u->rv_hl = u->nrv;
	if (u->rv_hl < 0)
		u->rv_hl = 0;
}

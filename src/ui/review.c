/* review.c: the review screen (F9) — every relevant question with its answer, problems
 * flagged with the engine's message; Enter goes to the question, or completes the interview
 * from the last row. */
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

char *ui_answer_text(struct ui *u, int node, const char *value, store_state state, int answered)
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
	for (const char *p = value; *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (!k)
			break;
		char *name = xstrndup(p, k);
		const form_choice *c = form_list_choice(u->f, nd->list, name);
		const char *label = c ? form_choice_label(u->f, c, lang) : NULL;
		if (sb.len)
			sb_adds(&sb, "; ");
		sb_adds(&sb, label ? label : name);
		free(name);
		p += k;
	}
	return sb_detach(&sb);
}

void ui_review_draw(struct ui *u)
{
	char right[128];
	if (u->rv_problems)
		snprintf(right, sizeof right, ui_tr(UI_M_PROBLEMS), u->rv_problems);
	else
		snprintf(right, sizeof right, "%s", ui_tr(UI_M_NO_PROBLEMS));
	ui_bar(0, ui_tr(UI_M_REVIEW_TITLE), right);
	int rows = UI_BODY_ROWS, nrows = u->nrv + 1;
	if (u->rv_hl < u->rv_top)
		u->rv_top = u->rv_hl;
	if (u->rv_hl >= u->rv_top + rows)
		u->rv_top = u->rv_hl - rows + 1;
	int wlabel = (COLS - 4) * 11 / 20;
	for (int r = 0; r < rows && u->rv_top + r < nrows; r++) {
		int i = u->rv_top + r, y = UI_BODY_TOP + r;
		int attr = i == u->rv_hl ? A_REVERSE : 0;
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		if (i == u->nrv) {
			char *s = xasprintf("» %s", ui_tr(UI_M_FINISH));
			ui_put(y, 2, s, COLS - 3, attr | A_BOLD);
			free(s);
			continue;
		}
		const engine_review_item *it = &u->rv[i];
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
		if (it->problem)
			ui_put(y, 0, "!", 1, attr | A_BOLD);
		ui_put(y, 2, label ? label : u->f->nodes[it->node].name, wlabel - 1, attr);
		ui_put(y, 2 + wlabel, answer, COLS - 3 - wlabel, attr | (it->problem ? A_BOLD : 0));
		free(label);
		free(answer);
	}
	if (!u->msg[0] && u->rv_hl < u->nrv && u->rv[u->rv_hl].message)
		ui_message(u, 1, "%s", u->rv[u->rv_hl].message);
	ui_draw_message(u);
	ui_draw_keys(ui_tr(UI_M_REVIEW_KEYS));
	ui_draw_status(u);
}

static void back_to_question(struct ui *u)
{
	ui_review_release(u);
	ui_question_init(u);
}

void ui_review_key(struct ui *u, enum ui_action a, wint_t ch)
{
	char err[ERR_MAX];
	int page = UI_BODY_ROWS > 1 ? UI_BODY_ROWS - 1 : 1;
	u->msg[0] = '\0';
	switch (a) {
	case UI_A_UP: u->rv_hl--; break;
	case UI_A_DOWN: u->rv_hl++; break;
	case UI_A_PAGE_UP: u->rv_hl -= page; break;
	case UI_A_PAGE_DOWN: u->rv_hl += page; break;
	case UI_A_HOME: u->rv_hl = 0; break;
	case UI_A_END: u->rv_hl = u->nrv; break;
	case UI_A_BACK:
	case UI_A_REVIEW:
		back_to_question(u);
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
	case UI_A_JUMP: {
		if (u->rv_hl >= u->nrv) {
			ui_interview_complete(u);
			return;
		}
		char *path = xstrdup(u->rv[u->rv_hl].path);
		int rc = engine_jump(u->e, path, err);
		if (rc == 0) {
			back_to_question(u);
			/* focus the question chosen, on a field-list screen too */
			for (int i = 0; i < u->nfields; i++)
				if (strcmp(u->fields[i].path, path) == 0)
					u->focus = i;
		} else {
			ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		}
		free(path);
		return;
	}
	default:
		return;
	}
	if (u->rv_hl > u->nrv)
		u->rv_hl = u->nrv;
	if (u->rv_hl < 0)
		u->rv_hl = 0;
}

/* supervise.c: `survey review DB` on a terminal — the supervisor's queue of complete interviews
 * with their quality flags; one opened read-only (answers, the interviewer's comments, the
 * supervisors' comments); a comment on any question; approve, or reject with a reason. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui/input.h"
#include "ui/screens.h"

/* One line of the opened interview: an answer (path set) or a comment under it. */
struct sv_line {
	char *text;
	int attr;
	char *path;              /* the answer's path, for c; NULL for a comment line */
};

struct sv {
	session *st;
	const char *db, *reviewer;
	const ui_review_item *items;
	int n;
	session_review_state *state;   /* per item */
	int hl, top;                 /* queue: highlighted row, first row shown */
	int open;                    /* -1: the queue; else the item shown */
	struct sv_line *lines;
	int nlines, lhl, ltop;       /* the interview: its lines, highlighted, first shown */
	int asking;                  /* 0, 'r' (the reason of a rejection), 'c' (a comment) */
	char *ask_path;              /* the question a comment is on */
	ui_textedit te;
	char msg[ERR_MAX];
	int msg_error;
	int quit;
};

static const enum ui_msg flag_words[UI_REVIEW_NFLAGS] = {
	UI_M_SV_FLAG_TOO_FAST, UI_M_SV_FLAG_DONT_KNOW, UI_M_SV_FLAG_STRAIGHT,
	UI_M_SV_FLAG_CHANGES, UI_M_SV_FLAG_NIGHT, UI_M_SV_FLAG_OVERLAP, UI_M_SV_FLAG_OUTLIER,
};

static const char *state_word(session_review_state s)
{
	switch (s) {
	case REVIEW_APPROVED: return ui_tr(UI_M_SV_APPROVED);
	case REVIEW_REJECTED: return ui_tr(UI_M_SV_REJECTED);
	default: return ui_tr(UI_M_SV_TO_REVIEW);
	}
}

static void message(struct sv *s, int error, const char *text)
{
	snprintf(s->msg, sizeof s->msg, "%s", text);
	s->msg_error = error;
}

static void read_states(struct sv *s)
{
	char err[ERR_MAX];
	for (int i = 0; i < s->n; i++)
		if (session_review_get(s->st, s->items[i].uuid, &s->state[i], err))
			s->state[i] = REVIEW_NONE;
}

static void lines_free(struct sv *s)
{
	for (int i = 0; i < s->nlines; i++) {
		free(s->lines[i].text);
		free(s->lines[i].path);
	}
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
}

static void add_line(struct sv *s, char *text, int attr, char *path)
{
	s->lines = xreallocarray(s->lines, (size_t)s->nlines + 1, sizeof *s->lines);
	s->lines[s->nlines++] = (struct sv_line){ text, attr, path };
}

/* The node of an answer path ("grp[2]/q": q), or -1. */
static int node_of(const form *f, const char *path)
{
	if (!f)
		return -1;
	const char *last = strrchr(path, '/');
	return form_find(f, last ? last + 1 : path);
}

static int label_lang(const form *f)
{
	int lang = form_find_lang(f, ui_lang_code(ui_lang_get()));
	return lang >= 0 ? lang : f->default_lang;
}

/* The question's label in the UI language when the questionnaire has it; else, for the usual
 * metadata (start, end, today, deviceid, username) in Kyrgyz or Russian, their name in it; else
 * its path. */
static const char *label_of(const form *f, const char *path)
{
	int k = node_of(f, path);
	if (k < 0)
		return path;
	const char *t = form_text(f, k, FORM_LABEL, label_lang(f));
	if (t && *t)
		return t;
	static const struct {
		form_type type;
		enum ui_msg m;
	} meta[] = {
		{ FORM_START, UI_M_F15B_META_START }, { FORM_END, UI_M_F15B_META_END },
		{ FORM_TODAY, UI_M_F15B_META_TODAY }, { FORM_DEVICEID, UI_M_F15B_META_DEVICEID },
		{ FORM_USERNAME, UI_M_F15B_META_USERNAME },
	};
	for (size_t i = 0; ui_lang_get() != UI_LANG_EN && i < sizeof meta / sizeof *meta; i++)
		if (f->nodes[k].type == meta[i].type)
			return ui_tr(meta[i].m);
	return path;
}

/* A single choice's value as its label, else the value as stored. */
static const char *value_of(const form *f, const char *path, const char *value)
{
	int k = node_of(f, path);
	if (k < 0 || f->nodes[k].type != FORM_SELECT_ONE || f->nodes[k].list < 0)
		return value;
	const form_choice *c = form_list_choice(f, f->nodes[k].list, value);
	const char *t = c ? form_choice_label(f, c, label_lang(f)) : NULL;
	return t && *t ? t : value;
}

/* Answers in the questionnaire's order (then by path: repeat entries in turn). */
static const form *sort_form;
static int cmp_answer(const void *x, const void *y)
{
	const session_answer *a = x, *b = y;
	int na = node_of(sort_form, a->path), nb = node_of(sort_form, b->path);
	if (na != nb)
		return (na > nb) - (na < nb);
	return strcmp(a->path, b->path);
}

/* Build the lines of item i: each answer, with the interviewer's comment and the supervisors'
 * comments on it under it; the decisions on the whole interview first. */
static void open_item(struct sv *s, int i)
{
	char err[ERR_MAX];
	lines_free(s);
	s->open = i;
	s->lhl = s->ltop = 0;
	session_interview iv;
	form *f = NULL;
	if (session_interview_get(s->st, s->items[i].uuid, &iv, err) == 0) {
		f = session_form(s->st, iv.form_id, iv.form_version, err);
		session_interview_release(&iv);
	}
	session_answer *an = NULL, *cm = NULL;
	session_review *rv = NULL;
	int nan = 0, ncm = 0, nrv = 0;
	if (session_answers(s->st, s->items[i].uuid, &an, &nan, err) ||
	    session_comments(s->st, s->items[i].uuid, &cm, &ncm, err) ||
	    session_reviews(s->st, s->items[i].uuid, &rv, &nrv, err))
		message(s, 1, err);
	sort_form = f;
	if (f && nan > 1)
		qsort(an, (size_t)nan, sizeof *an, cmp_answer);
	for (int k = 0; k < nrv; k++)
		if (!*rv[k].path)
			add_line(s, xasprintf("%s %s%s%s", rv[k].at, rv[k].reviewer,
					      strcmp(rv[k].decision, "rejected") == 0 ?
					      " ✗ " : strcmp(rv[k].decision, "approved") == 0 ?
					      " ✓ " : ": ", rv[k].text), A_BOLD, NULL);
	for (int k = 0; k < nan; k++) {
		if (an[k].state == STATE_SKIPPED)
			continue;
		const char *v = an[k].state == STATE_DONT_KNOW ? ui_tr(UI_M_DONT_KNOW) :
			an[k].state == STATE_REFUSED ? ui_tr(UI_M_REFUSED) :
			an[k].value ? value_of(f, an[k].path, an[k].value) : ui_tr(UI_M_NO_ANSWER);
		add_line(s, xasprintf("%s: %s", label_of(f, an[k].path), v), 0,
			 xstrdup(an[k].path));
		for (int c = 0; c < ncm; c++)
			if (strcmp(cm[c].path, an[k].path) == 0)
				add_line(s, xasprintf("    %s%s", ui_tr(UI_M_SV_IV_COMMENT), cm[c].value),
					 COLOR_PAIR(3), NULL);
		for (int r = 0; r < nrv; r++)
			if (strcmp(rv[r].path, an[k].path) == 0) {
				char who[300];
				snprintf(who, sizeof who, ui_tr(UI_M_SV_SUP_COMMENT), rv[r].reviewer);
				add_line(s, xasprintf("    %s%s", who, rv[r].text), A_BOLD, NULL);
			}
	}
	/* the first answer line is highlighted */
	for (int k = 0; k < s->nlines; k++)
		if (s->lines[k].path) {
			s->lhl = k;
			break;
		}
	session_answers_free(an, nan);
	session_answers_free(cm, ncm);
	session_reviews_free(rv, nrv);
	form_free(f);
}

static void close_item(struct sv *s)
{
	lines_free(s);
	s->open = -1;
}

static int cur(const struct sv *s)
{
	return s->open >= 0 ? s->open : s->hl;
}

static void draw_queue(struct sv *s)
{
	int rows = LINES - 5, w = COLS - 2;
	int cs = w / 6, ci = w / 5, cf = w / 4, cn = w - cs - ci - cf - 3;
	ui_put(1, 1, ui_tr(UI_M_SV_COL_STATE), cs, A_BOLD);
	ui_put(1, 2 + cs, ui_tr(UI_M_SV_COL_INTERVIEWER), ci, A_BOLD);
	ui_put(1, 3 + cs + ci, ui_tr(UI_M_COL_NAME), cn, A_BOLD);
	ui_put(1, 4 + cs + ci + cn, ui_tr(UI_M_SV_COL_FLAGS), cf, A_BOLD);
	if (!s->n)
		ui_put_cut(2, 1, ui_tr(UI_M_SV_EMPTY), w, 0);
	if (s->hl < s->top)
		s->top = s->hl;
	if (s->hl >= s->top + rows)
		s->top = s->hl - rows + 1;
	for (int r = 0; r < rows && s->top + r < s->n; r++) {
		int i = s->top + r, y = 2 + r, attr = i == s->hl ? A_REVERSE : 0;
		const ui_review_item *it = &s->items[i];
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		ui_put(y, 1, state_word(s->state[i]), cs, attr | (s->state[i] == REVIEW_REJECTED ?
								 A_BOLD : 0));
		ui_put_cut(y, 2 + cs, it->interviewer ? it->interviewer : "", ci, attr);
		ui_put_cut(y, 3 + cs + ci, it->name && *it->name ? it->name : it->uuid, cn, attr);
		strbuf sb = STRBUF_INIT;
		for (int f = 0; f < UI_REVIEW_NFLAGS; f++)
			if (it->flags & (1u << f))
				sb_addf(&sb, "%s%s", sb.len ? ", " : "", ui_tr(flag_words[f]));
		ui_put_cut(y, 4 + cs + ci + cn, sb_str(&sb), cf, attr |
			   (it->flags ? COLOR_PAIR(1) : 0));
		sb_release(&sb);
	}
}

static void draw_item(struct sv *s)
{
	int rows = LINES - 5;
	if (s->lhl < s->ltop)
		s->ltop = s->lhl;
	if (s->lhl >= s->ltop + rows)
		s->ltop = s->lhl - rows + 1;
	for (int r = 0; r < rows && s->ltop + r < s->nlines; r++) {
		int k = s->ltop + r, attr = s->lines[k].attr | (k == s->lhl ? A_REVERSE : 0);
		ui_put_cut(1 + r, 1, s->lines[k].text, COLS - 2, attr);
	}
}

static void draw(struct sv *s)
{
	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
		char m[200];
		snprintf(m, sizeof m, ui_tr(UI_M_TOO_SMALL), COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
		ui_put_cut(0, 0, m, COLS, A_BOLD);
		refresh();
		return;
	}
	int todo = 0;
	for (int i = 0; i < s->n; i++)
		todo += s->state[i] == REVIEW_TO_REVIEW;
	char right[64];
	snprintf(right, sizeof right, ui_tr(UI_M_SV_COUNT), todo);
	if (s->open >= 0) {
		const ui_review_item *it = &s->items[s->open];
		char *left = xasprintf("%s · %s · %s", it->name && *it->name ? it->name : it->uuid,
				       it->interviewer ? it->interviewer : "",
				       state_word(s->state[s->open]));
		ui_bar(0, left, right);
		free(left);
		draw_item(s);
	} else {
		char *left = xasprintf("%s · %s", ui_tr(UI_M_SV_TITLE), s->db);
		ui_bar(0, left, right);
		free(left);
		draw_queue(s);
	}
	int cy = -1, cx = -1;
	if (s->asking) {
		char *q = s->asking == 'r' ? xstrdup(ui_tr(UI_M_SV_ASK_REASON)) :
			xasprintf(ui_tr(UI_M_SV_ASK_COMMENT), s->ask_path);
		ui_put_cut(LINES - 4, 1, q, COLS - 2, A_BOLD);
		free(q);
		ui_te_draw(&s->te, LINES - 3, 1, COLS - 2, 1, &cy, &cx);
		ui_put_cut(LINES - 2, 1, ui_tr(UI_M_SV_ASK_KEYS), COLS - 2, COLOR_PAIR(3));
	} else {
		if (*s->msg)
			ui_put_cut(LINES - 3, 1, s->msg, COLS - 2, s->msg_error ?
				   (A_BOLD | COLOR_PAIR(1)) : COLOR_PAIR(2));
		ui_put_cut(LINES - 2, 1, ui_tr(s->open >= 0 ? UI_M_SV_IV_KEYS : UI_M_SV_KEYS),
			   COLS - 2, COLOR_PAIR(3));
	}
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
	refresh();
}

static void decide(struct sv *s, const char *decision, const char *path, const char *text)
{
	char err[ERR_MAX];
	int i = cur(s);
	if (session_review_add(s->st, s->items[i].uuid, s->reviewer, decision, path, text, err)) {
		char why[2 * ERR_MAX];
		message(s, 1, ui_fw_why(err, why, sizeof why));   /* in the screen's language */
		return;
	}
	read_states(s);
	message(s, 0, ui_tr(strcmp(decision, "approved") == 0 ? UI_M_SV_DONE_APPROVED :
			    strcmp(decision, "rejected") == 0 ? UI_M_SV_DONE_REJECTED :
			    UI_M_SV_DONE_COMMENT));
	if (s->open >= 0) {
		int keep = s->lhl;
		close_item(s);
		open_item(s, i);
		s->lhl = keep < s->nlines ? keep : s->lhl;
	}
}

static void ask(struct sv *s, int what, const char *path)
{
	s->asking = what;
	free(s->ask_path);
	s->ask_path = xstrdup(path);
	ui_te_release(&s->te);
	ui_te_init(&s->te, 0);
	*s->msg = 0;
}

static void key_ask(struct sv *s, const struct ui_in *in)
{
	int enter = (!in->fkey && (in->code == L'\r' || in->code == L'\n')) ||
		(in->fkey && in->code == KEY_ENTER);
	if (!in->fkey && in->code == 27) {
		s->asking = 0;
		return;
	}
	if (enter) {
		char *text = ui_te_get(&s->te);
		int what = s->asking;
		s->asking = 0;
		if (*text)
			decide(s, what == 'r' ? "rejected" : "comment", what == 'r' ? NULL :
			       s->ask_path, text);
		free(text);
		return;
	}
	enum ui_action a = ui_key_action(in->fkey, in->code, UI_CTX_TEXT);
	if (a == UI_A_CHAR)
		ui_te_insert(&s->te, (wchar_t)in->code);
	else
		ui_te_action(&s->te, a);
}

/* a letter, also where a Russian/Kyrgyz layout puts it */
static int is_key(wint_t c, char latin, wchar_t cyr)
{
	return c == (wint_t)latin || c == (wint_t)(latin - 'a' + 'A') || c == (wint_t)cyr ||
		c == (wint_t)towupper((wint_t)cyr);
}

static void move_hl(struct sv *s, int by)
{
	if (s->open < 0) {
		s->hl += by;
		if (s->hl >= s->n)
			s->hl = s->n - 1;
		if (s->hl < 0)
			s->hl = 0;
		return;
	}
	/* answers only: comment lines are passed over */
	int k = s->lhl, step = by > 0 ? 1 : -1, left = by > 0 ? by : -by;
	while (left > 0) {
		int j = k + step;
		while (j >= 0 && j < s->nlines && !s->lines[j].path)
			j += step;
		if (j < 0 || j >= s->nlines)
			break;
		k = j;
		left--;
	}
	s->lhl = k;
}

static void key(struct sv *s, const struct ui_in *in)
{
	wint_t c = in->code;
	int page = LINES - 6 > 1 ? LINES - 6 : 1;
	*s->msg = 0;
	if (in->fkey) {
		switch (c) {
		case KEY_UP: move_hl(s, -1); break;
		case KEY_DOWN: move_hl(s, 1); break;
		case KEY_PPAGE: move_hl(s, -page); break;
		case KEY_NPAGE: move_hl(s, page); break;
		case KEY_HOME: move_hl(s, -1000000); break;
		case KEY_END: move_hl(s, 1000000); break;
		case KEY_ENTER:
			if (s->open < 0 && s->n)
				open_item(s, s->hl);
			break;
		case KEY_F(10): s->quit = 1; break;
		}
		return;
	}
	if ((c == L'\r' || c == L'\n') && s->open < 0 && s->n) {
		open_item(s, s->hl);
	} else if (c == 27 || c == 127 || c == 8) {
		if (s->open >= 0)
			close_item(s);
	} else if (is_key(c, 'q', L'й') && s->open < 0) {
		s->quit = 1;
	} else if (c == 3) {
		s->quit = 1;   /* Ctrl-C */
	} else if (is_key(c, 'a', L'ф') && s->n) {
		decide(s, "approved", NULL, NULL);
	} else if (is_key(c, 'r', L'к') && s->n) {
		ask(s, 'r', NULL);
	} else if (is_key(c, 'c', L'с') && s->open >= 0 && s->nlines &&
		   s->lines[s->lhl].path) {
		ask(s, 'c', s->lines[s->lhl].path);
	}
}

int ui_review(session *st, const char *db, const ui_review_item *items, int n,
	      const char *reviewer, const char *lang, char *err)
{
	struct sv s = { .st = st, .db = db, .reviewer = reviewer, .items = items, .n = n,
			.open = -1 };
	s.state = xcalloc((size_t)n + 1, sizeof *s.state);
	ui_te_init(&s.te, 0);
	read_states(&s);
	enum ui_lang l;
	ui_lang_set(lang && ui_lang_parse(lang, &l) == 0 ? l : ui_lang_from_env());
	SCREEN *scr = ui_term_start(err);
	if (!scr) {
		free(s.state);
		return -1;
	}
	while (!s.quit && !ui_input_ended()) {
		draw(&s);
		struct ui_in in;
		if (ui_input_read(&in) || in.kind != UI_IN_KEY)
			continue;
		if (in.fkey && in.code == KEY_RESIZE)
			continue;
		if (s.asking)
			key_ask(&s, &in);
		else
			key(&s, &in);
	}
	int sig = ui_input_ended();
	ui_input_stop();
	endwin();
	delscreen(scr);
	if (s.open >= 0)
		close_item(&s);
	ui_te_release(&s.te);
	free(s.ask_path);
	free(s.state);
	if (sig)
		ui_input_reraise(sig);
	return 0;
}

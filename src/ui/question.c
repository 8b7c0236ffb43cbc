/* question.c: the question screen — the engine's current screen (one question, a field-list
 * group, "add another?", or the end) with labels and hints in the current language, numbered
 * choices and text fields; it sends the interviewer's answers and moves to the engine and
 * shows what the engine says. Unsaved edits live here until they are committed. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fields ---------------------------------------------------------------------------- */

static void field_release(struct ui_field *fl)
{
	free(fl->path);
	free(fl->choices);
	free(fl->sel);
	ui_te_release(&fl->te);
}

static void fields_free(struct ui_field *fields, int n)
{
	for (int i = 0; i < n; i++)
		field_release(&fields[i]);
	free(fields);
}

void ui_question_release(struct ui *u)
{
	fields_free(u->fields, u->nfields);
	u->fields = NULL;
	u->nfields = 0;
	free(u->screen_path);
	u->screen_path = NULL;
	free(u->confirm_remove);
	u->confirm_remove = NULL;
}

static int is_text_type(form_type t)
{
	switch (t) {
	case FORM_TEXT: case FORM_INTEGER: case FORM_DECIMAL: case FORM_DATE: case FORM_TIME:
	case FORM_DATETIME: case FORM_RANGE:
		return 1;
	default:
		return 0;
	}
}

static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (k == n && k && strncmp(p, word, n) == 0)
			return 1;
		p += k;
	}
	return 0;
}

/* Load the stored answer into a field's editing state. */
static void field_load(struct ui *u, struct ui_field *fl)
{
	const char *v = engine_value(u->e, fl->path);
	store_state st = engine_state(u->e, fl->path);
	if (st != STATE_ANSWERED)
		v = NULL;
	if (fl->text) {
		ui_te_set(&fl->te, v);
	} else if (fl->type == FORM_SELECT_MULTIPLE) {
		for (int j = 0; j < fl->nchoices; j++)
			fl->sel[j] = v && has_word(v, fl->choices[j]->name);
		fl->sel_dirty = 0;
	} else if (fl->type == FORM_SELECT_ONE && v) {
		for (int j = 0; j < fl->nchoices; j++)
			if (strcmp(fl->choices[j]->name, v) == 0)
				fl->hl = j;
	}
	fl->moved = 0;
}

static void field_make(struct ui *u, struct ui_field *fl, const engine_item *it)
{
	const form_node *nd = &u->f->nodes[it->node];
	memset(fl, 0, sizeof *fl);
	fl->node = it->node;
	fl->path = xstrdup(it->path);
	fl->type = nd->type;
	fl->required = it->required;
	fl->read_only = it->read_only || !form_type_is_input(nd->type);
	ui_te_init(&fl->te, UI_TE_MAXLEN);
	if (fl->read_only)
		return;
	if (nd->type == FORM_SELECT_ONE || nd->type == FORM_SELECT_MULTIPLE) {
		char err[ERR_MAX];
		fl->choice = 1;
		if (engine_choices(u->e, fl->path, &fl->choices, &fl->nchoices, err)) {
			fl->choices = NULL;
			fl->nchoices = 0;
			ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		}
		fl->sel = xcalloc(fl->nchoices ? fl->nchoices : 1, 1);
	} else if (nd->type == FORM_ACKNOWLEDGE) {
		fl->choice = 1;
		fl->nchoices = 1;
		fl->sel = xcalloc(1, 1);
	} else if (is_text_type(nd->type)) {
		fl->text = 1;
		fl->multiline = nd->type == FORM_TEXT && strstr(nd->appearance, "multiline") != NULL;
	}
	field_load(u, fl);
}

static int field_dirty(const struct ui_field *fl)
{
	return (fl->text && fl->te.dirty) || fl->sel_dirty;
}

static int first_input(struct ui *u)
{
	for (int i = 0; i < u->nfields; i++)
		if (!u->fields[i].read_only)
			return i;
	return 0;
}

void ui_question_init(struct ui *u)
{
	const engine_screen *s = engine_current(u->e);
	int same = u->screen_path && strcmp(u->screen_path, s->path) == 0;
	char *focus_path = NULL;
	if (same && u->focus >= 0 && u->focus < u->nfields)
		focus_path = xstrdup(u->fields[u->focus].path);
	struct ui_field *old = u->fields;
	int nold = u->nfields;

	u->fields = xcalloc(s->nitems ? s->nitems : 1, sizeof *u->fields);
	u->nfields = s->nitems;
	u->focus = 0;
	for (int i = 0; i < s->nitems; i++) {
		struct ui_field *fl = &u->fields[i];
		field_make(u, fl, &s->items[i]);
		/* an unsaved edit of the same question on the same screen survives a rebuild */
		for (int k = 0; same && k < nold; k++) {
			struct ui_field *of = &old[k];
			if (strcmp(of->path, fl->path) != 0 || of->type != fl->type)
				continue;
			if (fl->text && of->te.dirty) {
				ui_textedit t = fl->te;
				fl->te = of->te;
				of->te = t;
			}
			if (fl->type == FORM_SELECT_MULTIPLE && of->sel_dirty) {
				for (int j = 0; j < fl->nchoices; j++) {
					fl->sel[j] = 0;
					for (int m = 0; m < of->nchoices; m++)
						if (of->choices[m] == fl->choices[j])
							fl->sel[j] = of->sel[m];
				}
				fl->sel_dirty = 1;
			}
			if (fl->choice && of->hl < fl->nchoices) {
				fl->hl = of->hl;
				fl->moved = of->moved;
			}
		}
		if (focus_path && strcmp(focus_path, fl->path) == 0)
			u->focus = i;
	}
	if (!focus_path)
		u->focus = first_input(u);
	if (!same) {
		u->top = 0;
		u->end_hl = 0;
		u->digit_value = 0;
		free(u->screen_path);
		u->screen_path = xstrdup(s->path);
	}
	free(focus_path);
	fields_free(old, nold);
	u->screen = UI_SCREEN_QUESTION;
}

int ui_question_ctx(struct ui *u)
{
	const engine_screen *s = engine_current(u->e);
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END)
		return UI_CTX_ANY | UI_CTX_CHOICE;
	if (u->nfields == 0)
		return UI_CTX_ANY;
	const struct ui_field *fl = &u->fields[u->focus];
	if (fl->read_only)
		return UI_CTX_ANY;
	return UI_CTX_ANY | (fl->text ? UI_CTX_TEXT : UI_CTX_CHOICE);
}

/* ---- saving ---------------------------------------------------------------------------- */

/* The value a field's edit stands for (malloc'd). */
static char *field_value(const struct ui_field *fl)
{
	if (fl->text)
		return ui_te_get(&fl->te);
	strbuf sb = STRBUF_INIT;
	for (int j = 0; j < fl->nchoices; j++) {
		if (!fl->sel[j])
			continue;
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_adds(&sb, fl->choices[j]->name);
	}
	return sb_detach(&sb);
}

/* After an engine call: 0 saved, else show why. Returns rc. */
static int after(struct ui *u, int rc, const char *err)
{
	if (rc == 0) {
		u->saved = 1;
		return 0;
	}
	if (rc == ENGINE_REJECTED)
		ui_message(u, 1, "%s", err);
	else
		ui_message(u, 1, ui_tr(UI_M_NOT_SAVED), err);
	return rc;
}

/* Commit the unsaved edits; on a refusal the field gets the focus and, when drop, its edit
 * is replaced by the stored answer (so that a second PgUp or F10 goes through). */
static int commit(struct ui *u, int drop)
{
	int changed = 0;
	for (int i = 0; i < u->nfields; i++) {
		struct ui_field *fl = &u->fields[i];
		if (!field_dirty(fl))
			continue;
		char err[ERR_MAX], *v = field_value(fl);
		int rc = engine_answer(u->e, fl->path, v, err);
		free(v);
		if (after(u, rc, err)) {
			u->focus = i;
			if (drop)
				field_load(u, fl);
			if (changed)
				ui_question_init(u);
			return 1;
		}
		fl->te.dirty = 0;
		fl->sel_dirty = 0;
		changed = 1;
	}
	if (changed)
		ui_question_init(u);
	return 0;
}

int ui_question_commit(struct ui *u)
{
	return commit(u, 1);
}

void ui_interview_leave(struct ui *u)
{
	char err[ERR_MAX];
	if (engine_leave(u->e, err))
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	else
		u->msg[0] = '\0';
	ui_start_init(u);
	engine_free(u->e);
	u->e = NULL;
	u->saved = 0;
	ui_question_release(u);
	ui_review_release(u);
}

void ui_interview_complete(struct ui *u)
{
	char err[ERR_MAX];
	if (u->screen == UI_SCREEN_QUESTION && commit(u, 0))
		return;
	int rc = engine_complete(u->e, err);
	if (rc == ENGINE_REJECTED) {
		ui_review_init(u);
		ui_message(u, 1, "%s", err);
		return;
	}
	if (rc) {
		ui_message(u, 1, ui_tr(UI_M_NOT_SAVED), err);
		return;
	}
	ui_interview_leave(u);
	ui_message(u, 0, "%s", ui_tr(UI_M_COMPLETED));
}

/* ---- moving ---------------------------------------------------------------------------- */

/* The engine refused to move on: put the focus on the question with the problem. */
static void focus_problem(struct ui *u)
{
	char msg[ERR_MAX];
	for (int i = 0; i < u->nfields; i++) {
		if (engine_check(u->e, u->fields[i].path, msg) != ENGINE_PROBLEM_NONE) {
			u->focus = i;
			return;
		}
	}
}

static void go_next(struct ui *u)
{
	char err[ERR_MAX];
	if (commit(u, 0))
		return;
	int rc = engine_next(u->e, err);
	if (rc == 0) {
		ui_question_init(u);
		return;
	}
	if (rc == ENGINE_REJECTED) {
		ui_message(u, 1, "%s", err);
		focus_problem(u);
	} else {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	}
}

static void go_prev(struct ui *u)
{
	char err[ERR_MAX];
	if (commit(u, 1))
		return;
	int rc = engine_prev(u->e, err);
	if (rc == 0)
		ui_question_init(u);
	else
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
}

/* Move the focus to another input field of the screen (dir +1 / -1), saving the one left.
 * Returns 0 when there was none that way. */
static int move_focus(struct ui *u, int dir, int wrap)
{
	int i = u->focus;
	for (int k = 0; k < u->nfields; k++) {
		i += dir;
		if (i < 0 || i >= u->nfields) {
			if (!wrap)
				return 0;
			i = (i + u->nfields) % u->nfields;
		}
		if (!u->fields[i].read_only)
			break;
	}
	if (i == u->focus || u->fields[i].read_only)
		return 0;
	char *path = xstrdup(u->fields[i].path);
	if (commit(u, 0) == 0) {
		for (int k = 0; k < u->nfields; k++)
			if (strcmp(u->fields[k].path, path) == 0)
				u->focus = k;
	}
	free(path);
	return 1;
}

/* ---- choices --------------------------------------------------------------------------- */

static void pick(struct ui *u, struct ui_field *fl, int j)
{
	char err[ERR_MAX];
	if (j < 0 || j >= fl->nchoices)
		return;
	fl->hl = j;
	fl->moved = 0;
	if (fl->type == FORM_SELECT_MULTIPLE) {
		fl->sel[j] = !fl->sel[j];
		fl->sel_dirty = 1;
		u->saved = 0;
		return;
	}
	const char *v = fl->type == FORM_ACKNOWLEDGE ? "OK" : fl->choices[j]->name;
	if (after(u, engine_answer(u->e, fl->path, v, err), err) == 0)
		ui_question_init(u);
}

/* A digit: choice N; a second digit within a second makes it N*10+M when the list is long. */
static void digit(struct ui *u, struct ui_field *fl, int d)
{
	double now = ui_clock();
	int n = d == 0 ? 10 : d;
	int fi = (int)(fl - u->fields);
	if (u->digit_value > 0 && u->digit_field == fi && now - u->digit_time < 1.0 &&
	    u->digit_value * 10 + d <= fl->nchoices) {
		n = u->digit_value * 10 + d;
		if (fl->type == FORM_SELECT_MULTIPLE)
			pick(u, fl, u->digit_value - 1);   /* undo the first digit's tick */
		u->digit_value = 0;
	} else {
		u->digit_value = n <= 9 && fl->nchoices >= 10 ? n : 0;
	}
	u->digit_time = now;
	u->digit_field = fi;
	if (n <= fl->nchoices) {
		/* pick() may rebuild the fields: find this one again by index */
		pick(u, fl, n - 1);
	}
}

/* ---- the add-another and end screens ---------------------------------------------------- */

enum { END_COMPLETE, END_REVIEW, END_LEAVE, END_NOPTIONS };

static void special_screen_key(struct ui *u, const engine_screen *s, enum ui_action a, wint_t ch)
{
	int nopt = s->kind == ENGINE_END ? END_NOPTIONS : 2;
	int opt = -1;
	char err[ERR_MAX];
	switch (a) {
	case UI_A_UP: case UI_A_FIELD_PREV:
		if (u->end_hl > 0)
			u->end_hl--;
		return;
	case UI_A_DOWN: case UI_A_FIELD_NEXT:
		if (u->end_hl < nopt - 1)
			u->end_hl++;
		return;
	case UI_A_DIGIT:
		opt = ch - L'1';
		break;
	case UI_A_TOGGLE:
	case UI_A_NEXT:
		opt = u->end_hl;
		break;
	default:
		return;
	}
	if (opt < 0 || opt >= nopt)
		return;
	u->end_hl = opt;
	if (s->kind == ENGINE_ADD_REPEAT) {
		int rc = opt == 0 ? engine_add_repeat(u->e, err) : engine_next(u->e, err);
		if (rc)
			ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		else
			ui_question_init(u);
		return;
	}
	if (opt == END_COMPLETE)
		ui_interview_complete(u);
	else if (opt == END_REVIEW)
		ui_review_init(u);
	else
		ui_interview_leave(u);
}

/* ---- keys ------------------------------------------------------------------------------ */

static char *section_title(struct ui *u, const char *path);

/* F8: delete the repeat instance the focused question is in, on a second F8. */
static void remove_instance(struct ui *u)
{
	char err[ERR_MAX];
	const char *path = u->nfields ? u->fields[u->focus].path : NULL;
	const char *end = path ? strrchr(path, ']') : NULL;
	if (!end) {
		ui_message(u, 1, "%s", ui_tr(UI_M_NOT_IN_REPEAT));
		return;
	}
	char *inst = xstrndup(path, end + 1 - path);
	char *title = section_title(u, path);
	if (!u->confirm_remove || strcmp(u->confirm_remove, inst) != 0) {
		free(u->confirm_remove);
		u->confirm_remove = inst;
		ui_message(u, 1, ui_tr(UI_M_REMOVE_CONFIRM), title);
		free(title);
		return;
	}
	free(u->confirm_remove);
	u->confirm_remove = NULL;
	int rc = engine_remove_instance(u->e, inst, err);
	if (after(u, rc, err) == 0) {
		ui_message(u, 0, ui_tr(UI_M_REMOVED), title);
		ui_question_init(u);
	}
	free(inst);
	free(title);
}

static void next_language(struct ui *u)
{
	const form *f = u->f;
	char err[ERR_MAX];
	if (f->nlangs < 2)
		return;
	int l = (engine_lang(u->e) + 1) % f->nlangs;
	const char *code = f->langs[l].code ? f->langs[l].code : f->langs[l].name;
	int rc = engine_set_lang(u->e, code, err);
	if (rc) {
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	snprintf(u->lang, sizeof u->lang, "%s", code);
	ui_follow_lang(code);
	ui_question_init(u);
}

static void special(struct ui *u, struct ui_field *fl, store_state state)
{
	char err[ERR_MAX];
	if (fl->read_only)
		return;
	if (after(u, engine_special(u->e, fl->path, state, err), err) == 0) {
		field_load(u, fl);
		ui_question_init(u);
	}
}

void ui_question_key(struct ui *u, enum ui_action a, wint_t ch)
{
	const engine_screen *s = engine_current(u->e);
	if (a != UI_A_CHAR)
		u->msg[0] = '\0';
	if (a != UI_A_REMOVE) {
		free(u->confirm_remove);
		u->confirm_remove = NULL;
	}
	/* keys that mean the same on every kind of screen */
	switch (a) {
	case UI_A_REMOVE: remove_instance(u); return;
	case UI_A_PREV: go_prev(u); return;
	case UI_A_LANG: next_language(u); return;
	case UI_A_REVIEW:
		if (commit(u, 1) == 0)
			ui_review_init(u);
		return;
	case UI_A_LEAVE:
		if (commit(u, 1) == 0)
			ui_interview_leave(u);
		return;
	default:
		break;
	}
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END) {
		special_screen_key(u, s, a, ch);
		return;
	}
	if (u->nfields == 0) {
		if (a == UI_A_NEXT)
			go_next(u);
		return;
	}
	struct ui_field *fl = &u->fields[u->focus];
	if (fl->text && ui_te_action(&fl->te, a)) {
		if (fl->te.dirty)
			u->saved = 0;
		return;
	}
	switch (a) {
	case UI_A_CHAR:
		if (!fl->text)
			return;
		if (ui_te_insert(&fl->te, (wchar_t)ch) && fl->te.len >= fl->te.maxlen)
			ui_message(u, 1, "%s", ui_tr(UI_M_TOO_LONG));
		else
			u->saved = 0;
		return;
	case UI_A_DIGIT:
		digit(u, fl, (int)(ch - L'0'));
		return;
	case UI_A_TOGGLE:
		pick(u, fl, fl->hl);
		return;
	case UI_A_UP:
		if (fl->choice && fl->hl > 0) {
			fl->hl--;
			fl->moved = 1;
		} else {
			move_focus(u, -1, 0);
		}
		return;
	case UI_A_DOWN:
		if (fl->choice && fl->hl < fl->nchoices - 1) {
			fl->hl++;
			fl->moved = 1;
		} else {
			move_focus(u, +1, 0);
		}
		return;
	case UI_A_FIELD_NEXT:
		move_focus(u, +1, 1);
		return;
	case UI_A_FIELD_PREV:
		move_focus(u, -1, 1);
		return;
	case UI_A_DONT_KNOW:
		special(u, fl, STATE_DONT_KNOW);
		return;
	case UI_A_REFUSED:
		special(u, fl, STATE_REFUSED);
		return;
	case UI_A_NEXT:
		/* Enter on a choice the interviewer moved to picks it */
		if (fl->type == FORM_SELECT_ONE && fl->moved && fl->nchoices) {
			const char *v = engine_value(u->e, fl->path);
			if (!v || strcmp(v, fl->choices[fl->hl]->name) != 0 ||
			    engine_state(u->e, fl->path) != STATE_ANSWERED) {
				pick(u, fl, fl->hl);
				if (u->msg[0])
					return;
			}
		}
		/* in a field-list, Enter goes to the next field first */
		if (move_focus(u, +1, 0))
			return;
		go_next(u);
		return;
	default:
		return;
	}
}

/* ---- drawing --------------------------------------------------------------------------- */

/* The label of the group or repeat instance around path, or the form's title. */
static char *section_title(struct ui *u, const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (!slash)
		return xstrdup(u->f->title);
	char *parent = xstrndup(path, slash - path);
	char *label = engine_text(u->e, parent, FORM_LABEL);
	if (label && parent[strlen(parent) - 1] == ']') {
		const char *br = strrchr(parent, '[');
		char *t = xasprintf("%s %s", label, br);
		free(label);
		label = t;
	}
	free(parent);
	return label ? label : xstrdup(u->f->title);
}

static const char *state_name(store_state st)
{
	switch (st) {
	case STATE_DONT_KNOW: return ui_tr(UI_M_DONT_KNOW);
	case STATE_REFUSED: return ui_tr(UI_M_REFUSED);
	case STATE_SKIPPED: return ui_tr(UI_M_SKIPPED);
	default: return NULL;
	}
}

/* Where a text field sits in the body: its first line and rows. */
struct te_place {
	int line, rows;
};

static void add_field(struct ui *u, struct ui_body *b, int i, struct te_place *tp, int width)
{
	struct ui_field *fl = &u->fields[i];
	int focused = i == u->focus && !fl->read_only;
	int many = u->nfields > 1;
	char *label = engine_text(u->e, fl->path, FORM_LABEL);
	char *hint = engine_text(u->e, fl->path, FORM_HINT);
	const char *name = u->f->nodes[fl->node].name;
	char *line = xasprintf("%s%s%s", many && focused ? "» " : "", label ? label : name,
			       fl->required ? " *" : "");
	int top = b->lines.n;
	ui_body_add(b, line, width, 0, fl->read_only ? 0 : A_BOLD, i, -1);
	free(line);
	if (hint)
		ui_body_add(b, hint, width, 2, A_DIM, i, -1);
	if (fl->type == FORM_SELECT_MULTIPLE)
		ui_body_add(b, ui_tr(UI_M_SEVERAL), width, 2, A_DIM, i, -1);
	free(label);
	free(hint);
	if (focused)
		b->focus_top = b->focus_line = b->focus_bottom = top;
	if (fl->read_only) {
		/* a read-only question shows its value */
		if (form_type_is_input(fl->type) && engine_has_answer(u->e, fl->path)) {
			char *v = ui_answer_text(u, fl->node, engine_value(u->e, fl->path),
						 engine_state(u->e, fl->path), 1);
			ui_body_add(b, v, width, 2, 0, i, -1);
			free(v);
		}
		return;
	}
	store_state st = engine_state(u->e, fl->path);
	const char *sname = engine_has_answer(u->e, fl->path) ? state_name(st) : NULL;
	if (sname && !field_dirty(fl)) {
		char *s = xasprintf("[%s]", sname);
		ui_body_add(b, s, width, 2, A_BOLD, i, -1);
		free(s);
	}
	if (fl->choice && fl->nchoices == 0)
		ui_body_add(b, ui_tr(UI_M_NO_CHOICES), width, 2, A_DIM, i, -1);
	if (fl->choice) {
		const char *v = st == STATE_ANSWERED ? engine_value(u->e, fl->path) : NULL;
		int lang = engine_lang(u->e);
		for (int j = 0; j < fl->nchoices; j++) {
			const char *cl = fl->type == FORM_ACKNOWLEDGE ? ui_tr(UI_M_ACK)
				: form_choice_label(u->f, fl->choices[j], lang);
			int on;
			if (fl->type == FORM_SELECT_MULTIPLE)
				on = fl->sel[j];
			else if (fl->type == FORM_ACKNOWLEDGE)
				on = v && *v;
			else
				on = v && strcmp(v, fl->choices[j]->name) == 0;
			const char *mark = fl->type == FORM_SELECT_MULTIPLE ? (on ? "[x]" : "[ ]")
					   : (on ? "(*)" : "( )");
			char *s = xasprintf("%2d) %s %s", j + 1, mark,
					    cl ? cl : fl->choices[j]->name);
			int hl = focused && j == fl->hl;
			if (hl)
				b->focus_line = b->lines.n;
			ui_body_add(b, s, width, 2, hl ? A_REVERSE : 0, i, j);
			free(s);
		}
	} else if (fl->text) {
		int w = width - 4;
		int rows = fl->multiline ? ui_te_rows(&fl->te, w) : 1;
		if (fl->multiline) {
			if (rows < 3)
				rows = 3;
			if (rows > 6)
				rows = 6;
		}
		tp[i].line = b->lines.n;
		tp[i].rows = rows;
		for (int r = 0; r < rows; r++)
			ui_body_add(b, "", width, 2, 0, i, -1);
		if (focused) {
			b->focus_line = tp[i].line;
			b->te_line = tp[i].line;
			b->te_rows = rows;
		}
		enum ui_msg fmt = fl->type == FORM_DATE ? UI_M_DATE_FORMAT
			: fl->type == FORM_TIME ? UI_M_TIME_FORMAT
			: fl->type == FORM_DATETIME ? UI_M_DATETIME_FORMAT : UI_NMSGS;
		if (fmt != UI_NMSGS)
			ui_body_add(b, ui_tr(fmt), width, 2, A_DIM, i, -1);
		if (fl->type == FORM_RANGE) {
			const form_node *nd = &u->f->nodes[fl->node];
			char *r = xasprintf(ui_tr(UI_M_RANGE), nd->range_start, nd->range_end);
			ui_body_add(b, r, width, 2, A_DIM, i, -1);
			free(r);
		}
	}
	if (focused)
		b->focus_bottom = b->lines.n - 1;
}

static void draw_special(struct ui *u, const engine_screen *s, struct ui_body *b, int width)
{
	const char *opts[END_NOPTIONS];
	int nopt;
	if (s->kind == ENGINE_ADD_REPEAT) {
		char *rp = xstrndup(s->path, strcspn(s->path, "#"));
		char *label = engine_text(u->e, rp, FORM_LABEL);
		char *q = xasprintf(engine_msg(u->e, ENGINE_MSG_ADD_REPEAT),
				    label ? label : u->f->nodes[s->node].name);
		ui_body_add(b, q, width, 0, A_BOLD, -1, -1);
		char *n = xasprintf(ui_tr(UI_M_ADDED_SO_FAR), s->instances);
		ui_body_add(b, n, width, 2, A_DIM, -1, -1);
		free(n);
		free(q);
		free(label);
		free(rp);
		opts[0] = ui_tr(UI_M_ADD_YES);
		opts[1] = ui_tr(UI_M_ADD_NO);
		nopt = 2;
	} else {
		ui_body_add(b, ui_tr(UI_M_END_OF_FORM), width, 0, A_BOLD, -1, -1);
		opts[END_COMPLETE] = ui_tr(UI_M_FINISH);
		opts[END_REVIEW] = ui_tr(UI_M_REVIEW_ANSWERS);
		opts[END_LEAVE] = ui_tr(UI_M_LEAVE_DRAFT);
		nopt = END_NOPTIONS;
	}
	ui_body_add(b, "", width, 0, 0, -1, -1);
	b->focus_top = b->focus_bottom = 0;
	for (int j = 0; j < nopt; j++) {
		char *o = xasprintf("%d) %s", j + 1, opts[j]);
		if (j == u->end_hl)
			b->focus_line = b->lines.n;
		ui_body_add(b, o, width, 2, j == u->end_hl ? A_REVERSE : 0, -1, j);
		free(o);
	}
}

static void draw_keys(void)
{
	strbuf sb = STRBUF_INIT;
	/* Enter is left out: the line must fit 80 columns in Kyrgyz and Russian */
	sb_addf(&sb, "F1 %s  PgUp %s  F5 %s  F6 %s  F9 %s  F10 %s",
		ui_tr(UI_M_HELP), ui_tr(UI_M_BACK), ui_tr(UI_M_DONT_KNOW),
		ui_tr(UI_M_REFUSED_SHORT), ui_tr(UI_M_REVIEW), ui_tr(UI_M_LEAVE));
	ui_draw_keys(sb_str(&sb));
	sb_release(&sb);
}

void ui_question_draw(struct ui *u)
{
	const engine_screen *s = engine_current(u->e);
	int width = COLS - 1;
	struct ui_body b = { .focus_line = -1, .te_line = -1 };
	struct te_place *tp = xcalloc(u->nfields ? u->nfields : 1, sizeof *tp);
	char *title = section_title(u, s->kind == ENGINE_FIELD_LIST ? s->path
				    : s->nitems ? s->items[0].path : NULL);
	if (s->kind == ENGINE_FIELD_LIST) {
		/* the group's own label heads the screen */
		char *gl = engine_text(u->e, s->path, FORM_LABEL);
		if (gl) {
			ui_body_add(&b, gl, width, 0, A_BOLD | A_UNDERLINE, -1, -1);
			ui_body_add(&b, "", width, 0, 0, -1, -1);
		}
		free(gl);
	}
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END) {
		draw_special(u, s, &b, width);
	} else {
		for (int i = 0; i < u->nfields; i++) {
			if (i)
				ui_body_add(&b, "", width, 0, 0, -1, -1);
			add_field(u, &b, i, tp, width);
		}
	}
	ui_bar(0, title, NULL);
	free(title);
	ui_body_paint(&b, &u->top);
	/* the text fields, over the rows the body kept for them */
	int cy = -1, cx = -1, rows = UI_BODY_ROWS;
	for (int i = 0; i < u->nfields; i++) {
		struct ui_field *fl = &u->fields[i];
		if (!fl->text || fl->read_only)
			continue;
		int first = tp[i].line - u->top;
		if (first < 0 || first + tp[i].rows > rows)
			continue;
		int y, x;
		mvaddstr(UI_BODY_TOP + first, 2, ">");
		ui_te_draw(&fl->te, UI_BODY_TOP + first, 4, width - 4, tp[i].rows, &y, &x);
		if (i == u->focus)
			cy = y, cx = x;
	}
	ui_draw_message(u);
	draw_keys();
	ui_draw_status(u);
	if (cy >= 0) {
		move(cy, cx);
		curs_set(1);
	}
	ui_body_release(&b);
	free(tp);
}

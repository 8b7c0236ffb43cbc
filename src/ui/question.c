/* question.c: the question screen's fields and keys — the engine's current screen (one
 * question, a field-list group, "add another?", or the end) as fields holding the interviewer's
 * unsaved edits until they are committed; answers and moves go to the engine, and what it says
 * goes to the message line. Painting is in question_draw.c. */
#include "ui/screens.h"
#include "form/geo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

/* ---- fields ---------------------------------------------------------------------------- */

static void field_release(struct ui_field *fl)
{
	free(fl->path);
	free(fl->choices);
	free(fl->all);
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
	free(u->comment_path);
	u->comment_path = NULL;
	ui_te_release(&u->comment);
}

static int is_text_type(form_type t)
{
	switch (t) {
	case FORM_TEXT: case FORM_INTEGER: case FORM_DECIMAL: case FORM_DATE: case FORM_TIME:
	case FORM_DATETIME: case FORM_RANGE: case FORM_BARCODE:
	case FORM_GEOPOINT: case FORM_GEOTRACE: case FORM_GEOSHAPE:
		return 1;
	default:
		return 0;
	}
}

static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	size_t k;
	for (const char *p = list ? list : ""; (k = util_word(&p)) > 0; p += k)
		if (k == n && strncmp(p, word, n) == 0)
			return 1;
	return 0;
}

/* Load the stored answer into a field's editing state. */
static void field_load(struct ui *u, struct ui_field *fl)
{
	const char *v = engine_value(u->e, fl->path);
	answer_state st = engine_state(u->e, fl->path);
	if (st != STATE_ANSWERED)
		v = NULL;
	fl->prefill = 0;
	if (fl->text) {
		ui_te_set(&fl->te, fl->attach ? NULL : v);
		if (fl->type == FORM_DATE && !engine_has_answer(u->e, fl->path)) {
			/* today, shown; Enter confirms it (it is not saved before) */
			char today[16];
			time_t now = time(NULL);
			struct tm tm;
			localtime_r(&now, &tm);
			strftime(today, sizeof today, "%Y-%m-%d", &tm);
			ui_te_set(&fl->te, today);
			fl->prefill = 1;
		}
	} else if (fl->rank) {
		ui_rank_load(u, fl);
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
	if (nd->type == FORM_SELECT_ONE || nd->type == FORM_SELECT_MULTIPLE ||
	    nd->type == FORM_RANK) {
		char err[ERR_MAX];
		fl->choice = 1;
		fl->rank = nd->type == FORM_RANK;
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
		fl->te.lines = fl->multiline;
	} else if (form_type_is_media(nd->type)) {
		fl->text = fl->attach = 1;
	}
	field_load(u, fl);
}

int ui_field_dirty(const struct ui_field *fl)
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
			ui_find_carry(u, fl, of);
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

static int is_number_type(form_type t)
{
	return t == FORM_INTEGER || t == FORM_DECIMAL || t == FORM_RANGE;
}

/* Digit grouping in a number: a space, no-break space, narrow no-break space or thin space. */
static int is_group_space(wint_t c)
{
	return c == L' ' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/* May c be typed into a number field of type t? */
static int number_char_ok(form_type t, wint_t c)
{
	if ((c >= L'0' && c <= L'9') || c == L'-' || is_group_space(c))
		return 1;
	return t != FORM_INTEGER && (c == L'.' || c == L',');
}

/* The value a field's edit stands for (malloc'd). A number's digit grouping ("2 000") is
 * taken out here, so that what is stored is the canonical number. */
static char *field_value(const struct ui_field *fl)
{
	if (fl->text && is_number_type(fl->type)) {
		ui_textedit t;
		ui_te_init(&t, 0);
		for (size_t i = 0; i < fl->te.len; i++)
			if (!is_group_space((wint_t)fl->te.buf[i]))
				ui_te_insert(&t, fl->te.buf[i]);
		char *v = ui_te_get(&t);
		ui_te_release(&t);
		return v;
	}
	if (fl->text)
		return ui_te_get(&fl->te);
	if (fl->rank)
		return ui_rank_value(fl);
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

/* Entries of a repeat counted by this field (repeat_count "${name}", a repeat not inside
 * another) that hold answers and that the number v would hide. *rnode gets the repeat. */
static int entries_hidden(struct ui *u, const struct ui_field *fl, const char *v, int *rnode)
{
	const form *f = u->f;
	const form_node *q = &f->nodes[fl->node];
	char *want = xasprintf("${%s}", q->name);
	int hidden = 0;
	for (int k = 0; k < q->ndependents && !hidden; k++) {
		const form_node *r = &f->nodes[q->dependents[k]];
		const char *src = r->src[FORM_X_REPEAT_COUNT];
		if (r->type != FORM_REPEAT || r->repeat >= 0 || !src)
			continue;
		while (*src == ' ')
			src++;
		size_t len = strlen(src);
		while (len && src[len - 1] == ' ')
			len--;
		if (len != strlen(want) || strncmp(src, want, len) != 0)
			continue;
		char *end;
		long n = v && *v ? strtol(v, &end, 10) : 0;
		if (v && *v && *end)
			continue;   /* not a number: the engine refuses it */
		int have = engine_instances(u->e, r->path);
		for (int inst = (int)(n < 0 ? 0 : n) + 1; inst <= have; inst++) {
			int any = 0;
			for (int c = r->first_child; c >= 0 && !any; c = f->nodes[c].next_sibling) {
				char *p = xasprintf("%s[%d]/%s", r->path, inst, f->nodes[c].name);
				any = form_type_is_input(f->nodes[c].type) &&
				      engine_has_answer(u->e, p) &&
				      engine_state(u->e, p) != STATE_SKIPPED;
				free(p);
			}
			hidden += any;
		}
		if (hidden)
			*rnode = q->dependents[k];
	}
	free(want);
	return hidden;
}

/* Commit the unsaved edits; on a refusal the field gets the focus and, when drop, its edit
 * is replaced by the stored answer. A number that would hide repeat entries holding answers
 * asks first (UI_ASK_HIDE): returns 1 then, the edit kept. */
static int commit(struct ui *u, int drop)
{
	int changed = 0;
	for (int i = 0; i < u->nfields; i++) {
		struct ui_field *fl = &u->fields[i];
		if (!ui_field_dirty(fl))
			continue;
		char err[ERR_MAX], *v = field_value(fl);
		int rnode = -1, hidden = 0;
		if (!u->hide_ok && fl->type == FORM_INTEGER &&
		    (hidden = entries_hidden(u, fl, v, &rnode)) > 0) {
			free(v);
			u->focus = i;
			char *label = engine_text(u->e, u->f->nodes[rnode].path, FORM_LABEL);
			snprintf(u->ask_name, sizeof u->ask_name, "%s",
				 label ? label : u->f->nodes[rnode].name);
			free(label);
			u->ask_count = hidden;
			u->ask = UI_ASK_HIDE;
			u->ask_action = u->cur_action;
			if (changed)
				ui_question_init(u);
			return 1;
		}
		int rc = fl->attach ? ui_attach_commit(u, fl, v, err)
				    : engine_answer(u->e, fl->path, v, err);
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

/* Before a key that leaves the screen (PgUp, F9, F10): commit the edits. A refused edit is
 * kept, with the engine's reason and how to go anyway: the same key again drops the edits
 * that are refused and goes. Returns 0 when the key may go on. */
static int commit_leaving(struct ui *u, enum ui_action a)
{
	if (u->confirm_drop == a) {
		u->confirm_drop = UI_A_NONE;
		for (int k = 0; k <= u->nfields && commit(u, 1); k++)
			;
		return 0;
	}
	if (commit(u, 0) == 0)
		return 0;
	if (u->ask)
		return 1;   /* it asks first */
	u->confirm_drop = a;
	char why[ERR_MAX], key[32];
	snprintf(why, sizeof why, "%s", u->msg);
	size_t n = strlen(why);
	if (n && why[n - 1] == '.')
		why[n - 1] = '\0';   /* the hint adds its own */
	const struct ui_binding *b = ui_key_binding(a);
	snprintf(key, sizeof key, "%.*s", (int)strcspn(b->names, " "), b->names);
	ui_message(u, 1, ui_tr(UI_M_DROP_HINT), why, key);
	return 1;
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

void ui_save_typed(struct ui *u)
{
	char err[ERR_MAX];
	if (!u->e)
		return;
	if (u->ask == UI_ASK_COMMENT && u->comment_path && u->comment.dirty) {
		char *text = ui_te_get(&u->comment);
		engine_set_comment(u->e, u->comment_path, text, err);
		free(text);
	}
	for (int i = 0; u->screen == UI_SCREEN_QUESTION && i < u->nfields; i++) {
		struct ui_field *fl = &u->fields[i];
		if (!ui_field_dirty(fl))
			continue;
		/* saved as the answer when the engine takes it (as Enter would, but a count that
		 * would hide repeat entries: that asks first); else kept beside it as an event */
		char *v = field_value(fl);
		int rnode, rc = 1;
		if (fl->type != FORM_INTEGER || entries_hidden(u, fl, v, &rnode) == 0)
			rc = engine_answer(u->e, fl->path, v, err);
		if (rc)
			engine_keep_unsaved(u->e, fl->path, v, err);
		free(v);
	}
	engine_leave(u->e, err);
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
	int sealed = engine_sealed(u->e);
	ui_interview_leave(u);
	ui_message(u, 0, "%s", ui_tr(sealed ? UI_M_COMPLETED_SEALED : UI_M_COMPLETED));
}

/* ---- moving ---------------------------------------------------------------------------- */

int ui_go_to(struct ui *u, const char *path)
{
	char err[ERR_MAX];
	int rc = engine_jump(u->e, path, err);
	if (rc) {
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return rc;
	}
	ui_question_init(u);
	/* focus the question chosen, on a field-list screen too */
	for (int i = 0; i < u->nfields; i++)
		if (strcmp(u->fields[i].path, path) == 0)
			u->focus = i;
	return 0;
}

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
	if (commit_leaving(u, UI_A_PREV))
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
		u->digit_value = n <= 9 && n * 10 <= fl->nchoices ? n : 0;
	}
	u->digit_time = now;
	u->digit_field = fi;
	if (n <= fl->nchoices) {
		int quick = fl->type == FORM_SELECT_ONE && u->digit_value == 0 &&
			    (u->auto_advance || has_word(u->f->nodes[fl->node].appearance, "quick"));
		char *path = quick ? xstrdup(fl->path) : NULL;
		/* pick() may rebuild the fields: find this one again by index */
		pick(u, fl, n - 1);
		/* the quick appearance, or the laptop's setting: a digit that picked a choice
		 * (and cannot be the first of two) goes on to the next question */
		if (quick && !u->msg[0] && u->focus < u->nfields &&
		    strcmp(u->fields[u->focus].path, path) == 0 &&
		    engine_state(u->e, path) == STATE_ANSWERED && engine_value(u->e, path))
			if (!move_focus(u, +1, 0))
				go_next(u);
		free(path);
	}
}

/* ---- the add-another and end screens ---------------------------------------------------- */

static void special_screen_key(struct ui *u, const engine_screen *s, enum ui_action a, wint_t ch)
{
	int nopt = s->kind == ENGINE_END ? UI_END_NOPTIONS : 2;
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
	if (opt == UI_END_COMPLETE)
		ui_interview_complete(u);
	else if (opt == UI_END_REVIEW)
		ui_review_init(u);
	else
		ui_interview_leave(u);
}

/* ---- typing and pasting ---------------------------------------------------------------- */

/* A character typed into a text field: a number field takes only what a number is written
 * with. Returns 0 when it was inserted. */
static int type_char(struct ui *u, struct ui_field *fl, wint_t ch)
{
	if (is_number_type(fl->type) && !number_char_ok(fl->type, ch)) {
		ui_message(u, 1, "%s", engine_msg(u->e, fl->type == FORM_INTEGER
						  ? ENGINE_MSG_INTEGER : ENGINE_MSG_DECIMAL));
		return -1;
	}
	if (form_type_is_geo(fl->type) && !ui_geo_char_ok(ch)) {
		ui_message(u, 1, "%s", ui_tr(UI_M_GEO_CHAR));
		return -1;
	}
	if (ui_te_insert(&fl->te, (wchar_t)ch)) {
		if (fl->te.len >= fl->te.maxlen)
			ui_message(u, 1, "%s", ui_tr(UI_M_TOO_LONG));
		return -1;
	}
	u->saved = 0;
	return 0;
}

/* Pasted text goes into the focused text field only: tabs, and line ends but in a multiline
 * field, become spaces (line ends at its end are dropped); it never confirms, moves or picks
 * a choice. */
static void paste(struct ui *u)
{
	const engine_screen *s = engine_current(u->e);
	struct ui_field *fl = u->nfields ? &u->fields[u->focus] : NULL;
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END || !fl || !fl->text ||
	    fl->read_only) {
		ui_message(u, 1, "%s", ui_tr(UI_M_PASTE_IGNORED));
		return;
	}
	size_t n = u->npaste;
	if (n > 1)
		while (n > 0 && u->paste[n - 1] == L'\n')
			n--;
	int refused = 0;
	for (size_t i = 0; i < n; i++) {
		wint_t c = (wint_t)u->paste[i];
		if ((c == L'\n' && !fl->multiline) || c == L'\t')
			c = L' ';
		if (!iswprint(c) && c != L'\n')
			continue;
		if (is_number_type(fl->type) && !number_char_ok(fl->type, c)) {
			refused = 1;
			continue;
		}
		if (type_char(u, fl, c) && fl->te.len >= fl->te.maxlen)
			return;
	}
	if (refused)
		ui_message(u, 1, "%s", engine_msg(u->e, fl->type == FORM_INTEGER
						  ? ENGINE_MSG_INTEGER : ENGINE_MSG_DECIMAL));
}

/* Delete or Ctrl-K on a choice question: clear its answer, unless it is required. */
static void clear_answer(struct ui *u, struct ui_field *fl)
{
	char err[ERR_MAX];
	if (!fl->choice || fl->read_only)
		return;
	if (fl->required) {
		ui_message(u, 1, "%s", engine_msg(u->e, ENGINE_MSG_REQUIRED));
		return;
	}
	if (after(u, engine_answer(u->e, fl->path, "", err), err) == 0) {
		field_load(u, fl);
		ui_question_init(u);
		ui_message(u, 0, "%s", ui_tr(UI_M_CLEARED));
	}
}

/* ---- keys ------------------------------------------------------------------------------ */

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
	char *title = ui_section_title(u, path);
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

static void special(struct ui *u, struct ui_field *fl, answer_state state)
{
	char err[ERR_MAX];
	if (fl->read_only)
		return;
	if (after(u, engine_special(u->e, fl->path, state, err), err) == 0) {
		field_load(u, fl);
		ui_question_init(u);
	}
}

void ui_question_confirm_hide(struct ui *u)
{
	u->hide_ok = 1;
	ui_question_key(u, u->ask_action, 0);
	u->hide_ok = 0;
}

/* A new key: the message and the confirmations it does not answer are dropped. */
static void forget_before_key(struct ui *u, enum ui_action a)
{
	u->cur_action = a;
	if (a != UI_A_CHAR && a != UI_A_PASTE)
		u->msg[0] = '\0';
	if (a != u->confirm_drop)
		u->confirm_drop = UI_A_NONE;
	if (a != UI_A_REMOVE) {
		free(u->confirm_remove);
		u->confirm_remove = NULL;
	}
}

/* Keys that mean the same on every kind of screen: 1 when A was one (and is handled). */
static int screen_wide_key(struct ui *u, const engine_screen *s, enum ui_action a)
{
	switch (a) {
	case UI_A_REMOVE: remove_instance(u); return 1;
	case UI_A_COMMENT:
		ui_comment_open(u, u->nfields && (s->kind == ENGINE_QUESTION ||
						  s->kind == ENGINE_FIELD_LIST)
				   ? u->fields[u->focus].path : NULL);
		return 1;
	case UI_A_TOC:
		if (commit_leaving(u, a) == 0)
			ui_toc_init(u);
		return 1;
	case UI_A_PREV: go_prev(u); return 1;
	case UI_A_LANG: next_language(u); return 1;
	case UI_A_REVIEW:
		if (commit_leaving(u, a) == 0)
			ui_review_init(u);
		return 1;
	case UI_A_LEAVE:
		if (commit_leaving(u, a) == 0)
			ui_interview_leave(u);
		return 1;
	default:
		return 0;
	}
}

/* Up or down (DIR -1 or +1) in field FL: the highlighted choice, else the next field, else
 * the screen scrolled (a long note; the painting keeps it in range). */
static void move_up_down(struct ui *u, struct ui_field *fl, int dir)
{
	if (fl->choice && (dir < 0 ? fl->hl > 0 : fl->hl < fl->nchoices - 1)) {
		fl->hl += dir;
		fl->moved = 1;
	} else if (!move_focus(u, dir, 0)) {
		if (dir < 0 && u->top > 0)
			u->top--;
		else if (dir > 0)
			u->top++;
	}
}

/* Enter in field FL: a date's default confirmed, a choice moved to picked, then the next
 * field of a field-list, else the next screen. */
static void enter_key(struct ui *u, struct ui_field *fl)
{
	/* Enter confirms a date's default (today) */
	if (fl->text && fl->prefill && !fl->te.dirty && fl->te.len)
		fl->te.dirty = 1;
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
}

/* A key for the field in focus FL, after its own editor (text, attachment, rank) passed. */
static void field_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch)
{
	switch (a) {
	case UI_A_CHAR:
		if (fl->text)
			type_char(u, fl, ch);
		return;
	case UI_A_CLEAR: clear_answer(u, fl); return;
	case UI_A_DIGIT: digit(u, fl, (int)(ch - L'0')); return;
	case UI_A_TOGGLE: pick(u, fl, fl->hl); return;
	case UI_A_UP: move_up_down(u, fl, -1); return;
	case UI_A_DOWN: move_up_down(u, fl, +1); return;
	case UI_A_FIELD_NEXT: move_focus(u, +1, 1); return;
	case UI_A_FIELD_PREV: move_focus(u, -1, 1); return;
	case UI_A_DONT_KNOW: special(u, fl, STATE_DONT_KNOW); return;
	case UI_A_REFUSED: special(u, fl, STATE_REFUSED); return;
	case UI_A_NEXT: enter_key(u, fl); return;
	default: return;
	}
}

void ui_question_key(struct ui *u, enum ui_action a, wint_t ch)
{
	const engine_screen *s = engine_current(u->e);
	forget_before_key(u, a);
	if (screen_wide_key(u, s, a))
		return;
	if (a == UI_A_PASTE) {
		paste(u);
		return;
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
	if (fl->attach && ui_attach_key(u, fl, a, ch))
		return;
	if (fl->text && ui_te_action(&fl->te, a)) {
		if (fl->te.dirty)
			u->saved = 0;
		return;
	}
	if (fl->rank && ui_rank_key(u, fl, a))
		return;
	field_key(u, fl, a, ch);
}

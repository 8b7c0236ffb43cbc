/* question_draw.c: paints the question screen — the section title, each field's label, hint,
 * state, numbered choices or text field (wrapped by display width and scrolled to the focus),
 * the "add another?" and end screens, the message, keys and status lines. */
#include "ui/screens.h"
#include "form/geo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The label of the group or repeat instance around path, or the form's title. */
char *ui_section_title(struct ui *u, const char *path)
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

int ui_question_number(struct ui *u, int node)
{
	int n = 0;
	for (int i = 1; i <= node && i < u->f->nnodes; i++)
		n += form_type_is_input(u->f->nodes[i].type);
	return n;
}

/* The first answer given in a repeat entry (its direct questions, in order), as the
 * interviewer reads it: what tells entries apart ("Айбек"). NULL when none. */
static char *entry_context(struct ui *u, int rnode, const char *inst)
{
	const form *f = u->f;
	for (int c = f->nodes[rnode].first_child; c >= 0; c = f->nodes[c].next_sibling) {
		if (!form_type_is_input(f->nodes[c].type) || f->nodes[c].type == FORM_ACKNOWLEDGE)
			continue;
		char *path = xasprintf("%s/%s", inst, f->nodes[c].name);
		const char *v = engine_value(u->e, path);
		answer_state st = engine_state(u->e, path);
		free(path);
		if (v && *v && st == STATE_ANSWERED)
			return ui_answer_text(u, c, v, st, 1);
	}
	return NULL;
}

char *ui_screen_title(struct ui *u, const engine_screen *s)
{
	const char *path = s->kind == ENGINE_FIELD_LIST ? s->path
			   : s->nitems ? s->items[0].path : NULL;
	int node = s->kind == ENGINE_FIELD_LIST ? s->node : s->nitems ? s->items[0].node : -1;
	if (!path || node < 0)
		return ui_section_title(u, path);
	int rnode = u->f->nodes[node].type == FORM_REPEAT ? node : u->f->nodes[node].repeat;
	const char *end = strrchr(path, ']');
	const char *br = end ? end : NULL;
	while (br && br > path && *br != '[')
		br--;
	if (rnode < 0 || !end || *br != '[')
		return ui_section_title(u, path);
	/* a repeat entry: "Family member 2/3 · Айбек" */
	char *inst = xstrndup(path, end + 1 - path);
	char *rpath = xstrndup(path, br - path);
	int k = atoi(br + 1), n = engine_instances(u->e, rpath);
	char *label = engine_text(u->e, inst, FORM_LABEL);
	char *ctx = entry_context(u, rnode, inst);
	char *t = xasprintf("%s %d/%d%s%s", label ? label : u->f->nodes[rnode].name, k,
			    n > k ? n : k, ctx ? " · " : "", ctx ? ctx : "");
	free(inst);
	free(rpath);
	free(label);
	free(ctx);
	return t;
}

static const char *state_name(answer_state st)
{
	switch (st) {
	case STATE_DONT_KNOW: return ui_tr(UI_M_DONT_KNOW);
	case STATE_REFUSED: return ui_tr(UI_M_REFUSED);
	case STATE_SKIPPED: return ui_tr(UI_M_SKIPPED);
	default: return NULL;
	}
}

/* A line with a lead ("12) ( ) ") and a text wrapped under itself: the lines after the first
 * keep the lead's indent (a hanging indent), so a long choice label reads as one block. */
void ui_body_add_hang(struct ui_body *b, const char *lead, const char *text, int width,
		      int indent, int attr, int field, int choice)
{
	int lw = ui_width(lead);
	if (width - indent - lw < 10)
		lw = 0;   /* too narrow for a hanging indent: wrap as one */
	ui_lines l = { 0 };
	ui_wrap(text, width - indent - lw, &l);
	for (int k = 0; k < l.n; k++) {
		char *t = ui_utf8_from_wcs(l.line[k], wcslen(l.line[k]));
		if (k == 0) {
			char *s = xasprintf("%s%s", lead, t);
			ui_body_add(b, s, lw ? width + 1 : width, indent, attr, field, choice);
			free(s);
		} else {
			ui_body_add(b, t, width, indent + lw, attr, field, choice);
		}
		free(t);
	}
	ui_lines_release(&l);
}

/* Where a text field sits in the body: its first line and rows. */
struct te_place {
	int line, rows;
};

/* The head of field i: its label (numbered, * when required), hint, how to answer, the
 * comment and the supervisor's notes. Returns its first line. */
static int field_head(struct ui *u, struct ui_body *b, int i, int width, int focused)
{
	struct ui_field *fl = &u->fields[i];
	int many = u->nfields > 1;
	char *label = engine_text(u->e, fl->path, FORM_LABEL);
	char *hint = engine_text(u->e, fl->path, FORM_HINT);
	const char *name = u->f->nodes[fl->node].name;
	char num[16] = "";
	if (u->numbers)
		snprintf(num, sizeof num, "%d. ", ui_question_number(u, fl->node));
	char *line = xasprintf("%s%s%s%s", many && focused ? "» " : "", num,
			       label ? label : name, fl->required ? " *" : "");
	int top = b->lines.n;
	ui_body_add(b, line, width, 0, fl->read_only ? 0 : A_BOLD, i, -1);
	free(line);
	if (hint)
		ui_body_add(b, hint, width, 2, A_DIM, i, -1);
	if (fl->type == FORM_SELECT_MULTIPLE)
		ui_body_add(b, ui_tr(UI_M_SEVERAL), width, 2, A_DIM, i, -1);
	if (fl->rank && !fl->read_only)
		ui_body_add(b, ui_tr(UI_M_RANK_HOW), width, 2, A_DIM, i, -1);
	const char *comment = engine_comment(u->e, fl->path);
	if (comment) {
		char *c = xasprintf(ui_tr(UI_M_COMMENT_SHOW), comment);
		ui_body_add(b, c, width, 2, A_DIM, i, -1);
		free(c);
	}
	for (int k = 0; ui_returns_note(u, fl->path, k); k++) {
		const session_review *r = ui_returns_note(u, fl->path, k);
		char who[300];
		snprintf(who, sizeof who, ui_tr(UI_M_SV_SUP_COMMENT), r->reviewer);
		char *c = xasprintf("%s%s", who, r->text);
		ui_body_add(b, c, width, 2, A_BOLD, i, -1);
		free(c);
	}
	free(label);
	free(hint);
	return top;
}

/* The choices of field i, marked as answered (v: the answer), the highlighted one reversed. */
static void field_choices(struct ui *u, struct ui_body *b, int i, const char *v, int width,
			  int focused)
{
	struct ui_field *fl = &u->fields[i];
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
		char *rl = fl->rank ? ui_rank_line(u, fl, j) : NULL;
		char *lead = rl ? xstrdup("") : xasprintf("%2d) %s ", j + 1, mark);
		int hl = focused && j == fl->hl;
		if (hl)
			b->focus_line = b->lines.n;
		ui_body_add_hang(b, lead, rl ? rl : cl ? cl : fl->choices[j]->name, width, 2,
				 hl ? A_REVERSE : 0, i, j);
		free(lead);
		free(rl);
	}
}

/* The text field i: its rows (tp[i]: where), then the format, the point, "today", the range
 * or the attachment under it. */
static void field_text(struct ui *u, struct ui_body *b, int i, struct te_place *tp, int width,
		       int min_rows, int focused)
{
	struct ui_field *fl = &u->fields[i];
	int w = width - 4;
	int rows = fl->multiline ? ui_te_rows(&fl->te, w) : 1;
	if (fl->multiline) {
		/* at least 3 rows (min_rows when the screen has room for more), as many
		 * as the text takes while they fit on the screen */
		if (rows < (min_rows > 3 ? min_rows : 3))
			rows = min_rows > 3 ? min_rows : 3;
		if (rows > UI_BODY_ROWS - 2)
			rows = UI_BODY_ROWS - 2 > 3 ? UI_BODY_ROWS - 2 : 3;
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
	if (form_type_is_geo(fl->type))
		ui_geo_draw(u, b, fl, i, width);
	if (fl->prefill && !fl->te.dirty)
		ui_body_add(b, ui_tr(UI_M_DATE_TODAY), width, 2, A_DIM, i, -1);
	if (fl->type == FORM_RANGE) {
		const form_node *nd = &u->f->nodes[fl->node];
		char *r = xasprintf(ui_tr(UI_M_RANGE), nd->range_start, nd->range_end);
		if (ui_lang_get() != UI_LANG_EN)   /* «0,5 – 12,5»: the ky/ru decimal sign */
			for (char *c = r; *c; c++)
				*c = *c == '.' ? ',' : *c;
		ui_body_add(b, r, width, 2, A_DIM, i, -1);
		free(r);
	}
	if (fl->attach)
		ui_attach_draw(u, fl, b, width, i);
}

static void add_field(struct ui *u, struct ui_body *b, int i, struct te_place *tp, int width,
		      int min_rows)
{
	struct ui_field *fl = &u->fields[i];
	int focused = i == u->focus && !fl->read_only;
	int top = field_head(u, b, i, width, focused);
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
	answer_state st = engine_state(u->e, fl->path);
	const char *sname = engine_has_answer(u->e, fl->path) ? state_name(st) : NULL;
	if (sname && !ui_field_dirty(fl)) {
		char *s = xasprintf("[%s]", sname);
		ui_body_add(b, s, width, 2, A_BOLD, i, -1);
		free(s);
	}
	if (fl->choice && focused)
		ui_find_draw(u, fl, b, width, i);
	if (fl->choice && fl->nchoices == 0)
		ui_body_add(b, ui_tr(UI_M_NO_CHOICES), width, 2, A_DIM, i, -1);
	if (fl->choice)
		field_choices(u, b, i, st == STATE_ANSWERED ? engine_value(u->e, fl->path) : NULL,
			      width, focused);
	else if (fl->text)
		field_text(u, b, i, tp, width, min_rows, focused);
	if (focused)
		b->focus_bottom = b->lines.n - 1;
}

static void draw_special(struct ui *u, const engine_screen *s, struct ui_body *b, int width)
{
	const char *opts[UI_END_NOPTIONS];
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
		opts[UI_END_COMPLETE] = ui_tr(UI_M_FINISH);
		opts[UI_END_REVIEW] = ui_tr(UI_M_REVIEW_ANSWERS);
		opts[UI_END_LEAVE] = ui_tr(UI_M_LEAVE_DRAFT);
		nopt = UI_END_NOPTIONS;
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

/* The keys line: the most needed keys that fit, in a fixed order (F1 lists them all). */
static void draw_keys(void)
{
	static const struct {
		const char *key;
		enum ui_msg word;
		int rank;   /* 0: dropped last */
	} keys[] = {
		{ "F1", UI_M_HELP, 3 }, { "Enter", UI_M_NEXT, 0 }, { "PgUp", UI_M_BACK, 1 },
		{ "F5", UI_M_DONT_KNOW, 4 }, { "F6", UI_M_REFUSED_SHORT, 6 },
		{ "F9", UI_M_REVIEW, 5 }, { "F10", UI_M_LEAVE, 2 },
		{ "F3", UI_M_TOC_SHORT, 7 }, { "F4", UI_M_COMMENT_SHORT, 8 },
	};
	enum { N = sizeof keys / sizeof keys[0] };
	int shown[N], width = 0;
	for (int i = 0; i < N; i++) {
		shown[i] = 1;
		width += ui_width(keys[i].key) + 1 + ui_width(ui_tr(keys[i].word)) + 2;
	}
	for (int rank = N - 1; rank > 0 && width - 2 > COLS - 2; rank--) {
		for (int i = 0; i < N; i++) {
			if (keys[i].rank == rank) {
				shown[i] = 0;
				width -= ui_width(keys[i].key) + 1 + ui_width(ui_tr(keys[i].word)) + 2;
			}
		}
	}
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < N; i++)
		if (shown[i])
			sb_addf(&sb, "%s%s %s", sb.len ? "  " : "", keys[i].key, ui_tr(keys[i].word));
	ui_draw_keys(sb_str(&sb));
	sb_release(&sb);
}

/* The body of a question screen; min_rows: the rows of a multiline field (0: its own). */
static void build_body(struct ui *u, const engine_screen *s, struct ui_body *b,
		       struct te_place *tp, int width, int min_rows)
{
	if (s->kind == ENGINE_FIELD_LIST) {
		/* the group's own label heads the screen */
		char *gl = engine_text(u->e, s->path, FORM_LABEL);
		if (gl) {
			ui_body_add(b, gl, width, 0, A_BOLD | A_UNDERLINE, -1, -1);
			ui_body_add(b, "", width, 0, 0, -1, -1);
		}
		free(gl);
	}
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END) {
		draw_special(u, s, b, width);
		return;
	}
	for (int i = 0; i < u->nfields; i++) {
		if (i)
			ui_body_add(b, "", width, 0, 0, -1, -1);
		add_field(u, b, i, tp, width, min_rows);
	}
}

void ui_question_draw(struct ui *u)
{
	const engine_screen *s = engine_current(u->e);
	int width = COLS - 1;
	struct ui_body b = { .focus_line = -1, .te_line = -1 };
	struct te_place *tp = xcalloc(u->nfields ? u->nfields : 1, sizeof *tp);
	char *title = ui_screen_title(u, s);
	build_body(u, s, &b, tp, width, 0);
	if (s->kind == ENGINE_QUESTION && u->nfields == 1 && u->fields[0].multiline &&
	    !u->fields[0].read_only && b.lines.n < UI_BODY_ROWS) {
		/* a multiline field alone on its screen takes the rows left over */
		int rows = tp[0].rows + UI_BODY_ROWS - b.lines.n;
		ui_body_release(&b);
		b = (struct ui_body){ .focus_line = -1, .te_line = -1 };
		build_body(u, s, &b, tp, width, rows);
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

/* spec_check.c: a report spec checked against its questionnaire — the questions it names exist
 * and can be tabulated as asked, filters parse, every text is there in every language. */
#include "report/spec.h"
#include "form/geo.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

struct checker {
	const report_spec *s;
	const form *f;
	form_diags *d;
	int errors;
	const char *sheet;
};

static void diag(struct checker *ck, form_severity sev, int row, const char *column, int pos,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void diag(struct checker *ck, form_severity sev, int row, const char *column, int pos,
		 const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	form_diag_add(ck->d, sev, ck->s->path, ck->sheet, row, column, pos, "%s", sb_str(&sb));
	sb_release(&sb);
	if (sev == FORM_ERROR)
		ck->errors++;
}

/* How a question is used. */
enum use { USE_FREQ, USE_ROW, USE_COL, USE_BY, USE_WEIGHT, USE_ANSWERS, USE_UNIT };

static int is_numeric(form_type t)
{
	return t == FORM_INTEGER || t == FORM_DECIMAL || t == FORM_RANGE;
}

/* Check one question name; returns its node or -1. */
static int check_question(struct checker *ck, int row, const char *column, const char *name,
			  enum use use)
{
	const form *f = ck->f;
	int k = form_find(f, name);
	if (k < 0) {
		diag(ck, FORM_ERROR, row, column, -1, "unknown question '%s' (not in form '%s')",
		     name, f->id);
		return -1;
	}
	const form_node *n = &f->nodes[k];
	form_type t = n->type;
	if (form_type_is_container(t) || t == FORM_NOTE) {
		diag(ck, FORM_ERROR, row, column, -1, "'%s' is a %s, not a question with answers",
		     name, form_type_name(t));
		return -1;
	}
	if (n->repeat >= 0) {
		diag(ck, FORM_ERROR, row, column, -1, "'%s' is inside the repeat '%s': report "
		     "tables count interviews, one answer each", name, f->nodes[n->repeat].name);
		return -1;
	}
	switch (use) {
	case USE_WEIGHT:
		if (!is_numeric(t) && t != FORM_CALCULATE && t != FORM_HIDDEN)
			diag(ck, FORM_ERROR, row, column, -1, "weight '%s' is a %s question, not a "
			     "number", name, form_type_name(t));
		break;
	case USE_FREQ:
		if (t == FORM_TEXT || form_type_is_meta(t) || form_type_is_geo(t) ||
		    form_type_is_media(t) || t == FORM_BARCODE)
			diag(ck, FORM_ERROR, row, column, -1, "'%s' is a %s question: free answers "
			     "cannot be counted in a table (list them with an answers row)", name,
			     form_type_name(t));
		break;
	case USE_ANSWERS:
		if (t != FORM_TEXT)
			diag(ck, FORM_ERROR, row, column, -1, "'%s' is a %s question: an answers row "
			     "lists the answers to a text question", name, form_type_name(t));
		break;
	case USE_UNIT:
		break;
	case USE_ROW:
	case USE_COL:
	case USE_BY:
		if (t == FORM_TEXT || form_type_is_meta(t) || form_type_is_media(t) ||
		    t == FORM_BARCODE || t == FORM_DECIMAL || form_type_is_geo(t) ||
		    t == FORM_DATE || t == FORM_TIME || t == FORM_DATETIME)
			diag(ck, FORM_ERROR, row, column, -1, "cannot cross-tabulate %s question "
			     "'%s': use a select_one or select_multiple question", form_type_name(t),
			     name);
		else if (t == FORM_SELECT_MULTIPLE && use != USE_ROW)
			diag(ck, FORM_ERROR, row, column, -1, "select_multiple question '%s' can only "
			     "be the row of a cross-tab (each choice a row)", name);
		break;
	}
	return k;
}

struct refs {
	struct checker *ck;
	int row;
	const char *column;
	const char *src;
};

static void check_ref(void *arg, const char *name, int pos)
{
	struct refs *r = arg;
	int k = form_find(r->ck->f, name);
	if (k < 0)
		diag(r->ck, FORM_ERROR, r->row, r->column, pos + 1,
		     "unknown question '%s' in ${%s}", name, name);
	else if (r->ck->f->nodes[k].repeat >= 0)
		diag(r->ck, FORM_ERROR, r->row, r->column, pos + 1,
		     "'%s' is inside a repeat: a filter uses one answer per interview", name);
}

static void check_where(struct checker *ck, int row, const char *column, const char *src)
{
	char err[ERR_MAX];
	int pos = -1;
	expr *x = expr_parse(src, err, &pos);
	if (!x) {
		diag(ck, FORM_ERROR, row, column, pos >= 0 ? pos + 1 : -1, "%s", err);
		return;
	}
	struct refs r = { ck, row, column, src };
	expr_refs(x, check_ref, &r);
	expr_free(x);
}

static const char *lang_label(const form_lang *l)
{
	return l->name;
}

/* The spec language matching a form language (by code, else by name); -1 if none. */
static int spec_lang_of(const report_spec *s, const form_lang *l)
{
	for (int i = 0; i < s->nlangs; i++) {
		if (l->code && s->langs[i].code && !ascii_casecmp(l->code, s->langs[i].code))
			return i;
		if (!ascii_casecmp(l->name, s->langs[i].name))
			return i;
	}
	return -1;
}

/* A warning for each form language the text lacks; `what` names the text. */
static void check_langs(struct checker *ck, int row, const char *column, const report_text *t,
			const char *what)
{
	const form *f = ck->f;
	int any = 0;
	for (int i = 0; i < REPORT_MAX_LANGS; i++)
		any |= t->v[i] != NULL;
	if (!any)
		return;
	for (int i = 0; i < f->nlangs; i++) {
		if (!strcmp(f->langs[i].name, "default") && f->nlangs > 1)
			continue;
		int li = spec_lang_of(ck->s, &f->langs[i]);
		if (li < 0 || !t->v[li])
			diag(ck, FORM_WARNING, row, column, -1, "%s has no text in %s", what,
			     lang_label(&f->langs[i]));
	}
}

static void check_item(struct checker *ck, const report_item *it)
{
	int table = it->kind == REPORT_FREQ || it->kind == REPORT_TAB ||
		    it->kind == REPORT_ANSWERS;
	char *what = *it->name ? xasprintf("%s '%s'", report_kind_name(it->kind), it->name)
			       : xasprintf("the %s", report_kind_name(it->kind));
	if (table) {
		if (!report_spec_text(ck->s, &it->title, -1))
			diag(ck, FORM_WARNING, it->row, "title", -1, "%s has no title: the "
			     "question's label is used", what);
		if (it->var_row)
			check_question(ck, it->row, "row", it->var_row,
				       it->kind == REPORT_FREQ ? USE_FREQ :
				       it->kind == REPORT_ANSWERS ? USE_ANSWERS : USE_ROW);
		if (it->var_col)
			check_question(ck, it->row, "col", it->var_col, USE_COL);
		if (it->var_by)
			check_question(ck, it->row, "by", it->var_by, USE_BY);
		if (it->weight)
			check_question(ck, it->row, "weight", it->weight, USE_WEIGHT);
		if (it->where)
			check_where(ck, it->row, "where", it->where);
	}
	check_langs(ck, it->row, "title", &it->title, what);
	check_langs(ck, it->row, "note", &it->note, what);
	check_langs(ck, it->row, "groups", &it->groups, what);
	free(what);
}

int report_spec_check(const report_spec *s, const form *f, form_diags *diags)
{
	struct checker ck = { .s = s, .f = f, .d = diags, .sheet = s->settings_sheet_name };
	int row = s->settings_row;
	if (s->form_id && strcmp(s->form_id, f->id))
		diag(&ck, FORM_ERROR, row, "form_id", -1, "the spec describes form '%s', not '%s'",
		     s->form_id, f->id);
	if (s->weight)
		check_question(&ck, row, "weight", s->weight, USE_WEIGHT);
	if (s->where)
		check_where(&ck, row, "where", s->where);
	if (s->settings_sheet_name) {
		check_langs(&ck, row, "title", &s->title, "the report's title");
		check_langs(&ck, row, "subtitle", &s->subtitle, "the subtitle");
		check_langs(&ck, row, "author", &s->author, "the author");
	}
	if (!report_spec_text(s, &s->title, -1))
		diag(&ck, FORM_WARNING, row, "title", -1, "the report has no title: the form's "
		     "title is used");
	if (s->unit)
		check_question(&ck, row, "unit", s->unit, USE_UNIT);
	ck.sheet = s->labels_sheet_name;
	for (int i = 0; i < s->nlabels; i++)
		if (form_find(f, s->labels[i].name) < 0)
			diag(&ck, FORM_WARNING, s->labels[i].row, "name", -1, "no question '%s' in "
			     "form '%s': its label is never used", s->labels[i].name, f->id);
	ck.sheet = s->report_sheet_name;
	for (int i = 0; i < s->nitems; i++)
		check_item(&ck, &s->items[i]);
	return ck.errors;
}

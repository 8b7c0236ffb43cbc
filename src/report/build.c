/* build.c: a report spec run against a database — sections and texts in the report's
 * language, each freq and tab row computed by the analysis pipeline and laid out as a grid,
 * a chart, the test in words and its warnings. Counting and tests are the pipeline's; this
 * file only chooses what to show and says it. */
#include "report/build_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int build_table(struct ctx *c, const report_item *it)
{
	const char *title = rb_text(c, &it->title);
	analysis_opts o;
	char *where;
	rb_opts(c, it, &o, &where);
	report_table *t = report_table_new(it->name, title ? title : it->name, 1);
	double t0 = rb_now();
	int rc = it->kind == REPORT_FREQ ? rb_freq(c, it, &o, t)
		 : it->kind == REPORT_ANSWERS ? rb_answers(c, it, &t) : rb_tab(c, it, &o, &t);
	rb_freq_batch_done(c, it);
	if (rc == 0) {
		if (!title) {   /* no title in the spec: the question's label */
			free(t->title);
			t->title = xstrdup(t->question ? t->question : it->name);
		}
		const char *note = rb_text(c, &it->note);
		if (note)
			t->note = xstrdup(note);
		report_doc_table(c->doc, t);
		if (c->o->progress)
			c->o->progress(c->o->progress_arg, it->name, rb_now() - t0);
	} else {
		report_table_free(t);
	}
	free(where);
	return rc;
}

/* Read every answer the report's tables and filters need in one pass over the database
 * (analysis_preload): each table, filter and count after it is computed from memory. */
static void preload(struct ctx *c)
{
	const report_spec *s = c->s;
	const char **names = xcalloc((size_t)s->nitems * 4 + 3, sizeof *names);
	char **wheres = xcalloc((size_t)s->nitems + 2, sizeof *wheres);
	int nn = 0, nw = 0;
	names[nn++] = s->unit;
	names[nn++] = s->weight;
	wheres[nw++] = s->where ? xstrdup(s->where) : NULL;
	for (int i = 0; i < s->nitems; i++) {
		const report_item *it = &s->items[i];
		if (it->kind != REPORT_FREQ && it->kind != REPORT_TAB && it->kind != REPORT_ANSWERS)
			continue;
		names[nn++] = it->var_row;
		names[nn++] = it->var_col;
		names[nn++] = it->var_by;
		names[nn++] = it->weight;
		wheres[nw++] = it->where ? rb_where(c, it) : NULL;
	}
	double t0 = rb_now();
	char why[ERR_MAX];
	/* a failure here only means every table reads the file itself, as without it */
	if (analysis_preload(c->db, names, nn, (const char *const *)wheres, nw, why) == 0 &&
	    c->o->progress)
		c->o->progress(c->o->progress_arg, "(every answer needed, one pass)", rb_now() - t0);
	strv_free(wheres, nw);
	free(names);
}

/* Annex: the questionnaire in the report's language — each group a heading, each question
 * numbered with its answers. */
static void questionnaire(struct ctx *c)
{
	const form *f = analysis_form(c->db);
	int li = -1;
	char why[ERR_MAX];
	analysis_find_lang(c->db, c->lang, &li, why);
	report_doc_heading(c->doc, 1, "questionnaire", rb_word(c, RW_QUESTIONNAIRE_ANNEX));
	int no = 0;
	for (int k = 1; k < f->nnodes; k++) {
		const form_node *n = &f->nodes[k];
		const char *label = form_text(f, k, FORM_LABEL, li);
		if (form_type_is_container(n->type)) {
			if (label)
				report_doc_heading(c->doc, 2, NULL, label);
			continue;
		}
		if (form_type_is_meta(n->type) || n->type == FORM_CALCULATE ||
		    n->type == FORM_HIDDEN || !label)
			continue;
		if (n->type == FORM_NOTE) {
			report_doc_para(c->doc, label);
			continue;
		}
		char *q = xasprintf("%d. %s", ++no, label);
		report_doc_para(c->doc, q);
		free(q);
		const form_list *l = form_node_list(f, k);
		if (l) {
			report_strs items = { 0 };
			for (int i = 0; i < l->nchoices; i++) {
				const char *cl = form_choice_label(f, &l->choices[i], li);
				report_strs_add(&items, cl ? cl : l->choices[i].name);
			}
			report_doc_list(c->doc, &items, NULL);
			report_strs_release(&items);
		}
	}
}

/* The language: asked for, else the spec's default, else the form's default. */
static int choose_lang(struct ctx *c, char *code, size_t size)
{
	const form *f = analysis_form(c->db);
	const char *want = c->o->lang;
	if (!want && c->s->nlangs && c->s->default_language)
		want = c->s->langs[c->s->default_lang].code;
	if (!want && f->default_lang >= 0)
		want = f->langs[f->default_lang].code ? f->langs[f->default_lang].code
						      : f->langs[f->default_lang].name;
	int li = -1;
	char why[ERR_MAX];
	if (want && analysis_find_lang(c->db, want, &li, why))
		return errf(c->err, "%s", why);
	if (want && li >= 0)
		snprintf(code, size, "%s", f->langs[li].code ? f->langs[li].code
							     : f->langs[li].name);
	else
		snprintf(code, size, "%s", want ? want : "en");
	c->slang = report_spec_find_lang(c->s, code);
	return 0;
}

/* Under the titles: the simulated mark (simulated interviews mark the report by themselves;
 * the option only adds the mark) and the facts (questionnaire, fieldwork, interviews). */
static void front_facts(struct ctx *c, const struct facts *facts)
{
	report_doc *out = c->doc;
	const form *f = analysis_form(c->db);
	out->simulated = c->o->simulated || facts->simulated > 0;
	if (facts->simulated > 0) {
		char *a = rb_num(c, (double)facts->simulated, REPORT_N_COUNT);
		char *b = rb_num(c, (double)facts->complete, REPORT_N_COUNT);
		out->simulated_note = rb_say_str(c, RS_SIMULATED_COUNT, a, b, NULL);
		free(a);
		free(b);
	}
	if (*f->version)
		report_strs_addf(&out->facts, "%s: %s (%s, %s %s)", rb_word(c, RW_QUESTIONNAIRE),
				 f->title, f->id, rb_word(c, RW_VERSION), f->version);
	else
		report_strs_addf(&out->facts, "%s: %s (%s)", rb_word(c, RW_QUESTIONNAIRE), f->title,
				 f->id);
	if (facts->complete > 0) {
		char *a = rb_day(c, facts->first), *b = rb_day(c, facts->last);
		char *r = rb_say_str(c, RS_DATE_RANGE, a, b, NULL);
		report_strs_addf(&out->facts, "%s: %s", rb_word(c, RW_FIELDWORK), r);
		free(r);
		free(a);
		free(b);
	}
	char *n = rb_num(c, (double)facts->complete, REPORT_N_COUNT);
	report_strs_addf(&out->facts, "%s: %s", rb_word(c, RW_INTERVIEWS), n);
	free(n);
}

/* One item of the spec, in its place: a section, a text, the methods or a table. A section
 * after the methods ends them (*methods_end: where their tail goes). -1 with c->err. */
static int build_item(struct ctx *c, const report_item *it, const struct facts *facts,
		      int *methods_end)
{
	report_doc *out = c->doc;
	const char *t = rb_text(c, &it->title), *note = rb_text(c, &it->note);
	if (it->kind == REPORT_SECTION && c->in_methods) {
		c->in_methods = 0;
		*methods_end = out->nblocks;
	}
	switch (it->kind) {
	case REPORT_SECTION: {
		rb_find_section(c, t);
		char *id = *it->name ? xstrdup(it->name) : xasprintf("s%d", it->row);
		report_doc_heading(out, 1, id, t ? t : "");
		free(id);
		if (note)
			report_doc_para(out, note);
		return 0;
	}
	case REPORT_TEXT:
		if (t)
			report_doc_heading(out, 2, *it->name ? it->name : NULL, t);
		if (note)
			report_doc_para(out, note);
		return 0;
	case REPORT_METHODS:
		if (rb_methods(c, it, facts))
			return -1;
		c->in_methods = 1;
		return 0;
	case REPORT_FREQ:
	case REPORT_TAB:
	case REPORT_ANSWERS:
		return build_table(c, it);
	default:
		return 0;
	}
}

/* The open answers' tables, moved to the annex at the end. */
static void annex(struct ctx *c)
{
	if (!c->nannex)
		return;
	report_doc_heading(c->doc, 1, "annex", rb_word(c, RW_ANNEX));
	for (int i = 0; i < c->nannex; i++) {
		report_doc_table(c->doc, c->annex[i]);
		c->annex[i] = NULL;
	}
}

int report_build(const report_spec *s, analysis_db *db, store *st,
		 const report_build_opts *o, report_doc *out, int *row, char *err)
{
	static const report_build_opts defaults;
	char code[16];
	struct ctx c = { .s = s, .db = db, .st = st, .o = o ? o : &defaults, .doc = out,
			 .err = err, .row = row };
	*row = 0;
	memset(out, 0, sizeof *out);
	if (choose_lang(&c, code, sizeof code))
		return -1;
	report_doc_init(out, code);
	c.lang = out->lang;
	const form *f = analysis_form(db);
	const char *title = rb_text(&c, &s->title);
	out->title = xstrdup(title ? title : f->title);
	out->subtitle = xstrdup(rb_text(&c, &s->subtitle));
	out->author = xstrdup(rb_text(&c, &s->author));
	out->date = c.o->date ? rb_day(&c, c.o->date) : NULL;
	out->made = c.o->made;

	struct facts facts;
	if (rb_facts(&c, &facts))
		goto fail;
	front_facts(&c, &facts);
	preload(&c);
	rb_freq_batches(&c);
	rb_tab_batches(&c);
	int methods = 0;
	for (int i = 0; i < s->nitems; i++)
		methods |= s->items[i].kind == REPORT_METHODS;
	if (!methods && rb_methods(&c, NULL, &facts))
		goto fail_facts;
	int methods_end = methods ? -1 : out->nblocks;   /* where the methods' tail goes */
	for (int i = 0; i < s->nitems; i++)
		if (build_item(&c, &s->items[i], &facts, &methods_end))
			goto fail_facts;
	if (methods_end < 0)
		methods_end = out->nblocks;
	/* the methods' tail (limitations, glossary) once every table is known */
	int from = out->nblocks;
	rb_methods_tail(&c, &facts);
	report_doc_move(out, from, methods_end);
	/* the key findings at the top, before the methods */
	rb_find_emit(&c, 0);
	annex(&c);
	if (s->questionnaire)
		questionnaire(&c);
	free(c.annex);
	rb_find_release(&c);
	rb_freq_batches_free(&c);
	rb_tab_batches_free(&c);
	rb_facts_release(&facts);
	return 0;
fail_facts:
	for (int i = 0; i < c.nannex; i++)
		report_table_free(c.annex[i]);
	free(c.annex);
	rb_find_release(&c);
	rb_freq_batches_free(&c);
	rb_tab_batches_free(&c);
	rb_facts_release(&facts);
fail:
	report_doc_release(out);
	return -1;
}

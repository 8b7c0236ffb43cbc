/* build_methods.c: the methods section — the questionnaire, the fieldwork dates, who was
 * counted and who left out, interviewers and laptops, weights, how tests are read. */
#include "report/build_impl.h"
#include "store/report_read.h"
#include "store/scan.h"
#include "util/hindex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_para(const struct ctx *c, report_sentence s, const char *a, const char *b,
		     const char *d)
{
	char *t = rb_say_str(c, s, a, b, d);
	report_doc_para(c->doc, t);
	free(t);
}

void rb_facts_release(struct facts *f)
{
	strv_free(f->names, f->ninterviewers);
	free(f->counts);
	free(f->versions);
}

/* What the scan of the interview list keeps: the distinct interviewers (with their
 * interviews), laptops and versions of the complete interviews — as many as there are
 * distinct ones, however many interviews. */
struct scan {
	struct facts *f;
	const char *fid;
	const analysis_db *db;  /* analysis_keeps: only approved ones (NULL: every complete one) */
	strmap names, devs, vers;
	long long *counts;      /* per name id */
	int cap;
};

static int scan_one(void *arg, const store_scan_row *row)
{
	struct scan *sc = arg;
	const store_interview *iv = row->iv;
	struct facts *f = sc->f;
	if (!iv->form_id || strcmp(iv->form_id, sc->fid)) {
		f->other++;
		return 0;
	}
	if (iv->status && strcmp(iv->status, "discarded") == 0)
		return 0;   /* kept in the file, never data */
	if (!iv->status || strcmp(iv->status, "complete")) {
		f->drafts++;
		return 0;
	}
	if (sc->db && !analysis_keeps(sc->db, iv->uuid)) {
		f->unapproved++;
		return 0;
	}
	f->complete++;
	f->simulated += iv->origin && strcmp(iv->origin, "simulated") == 0;
	char day[11];
	snprintf(day, sizeof day, "%.10s", iv->created ? iv->created : "");
	if (!*f->first || strcmp(day, f->first) < 0)
		memcpy(f->first, day, sizeof day);
	if (strcmp(day, f->last) > 0)
		memcpy(f->last, day, sizeof day);
	int id = strmap_put(&sc->names, iv->interviewer && *iv->interviewer ? iv->interviewer
									     : "—");
	if (id >= sc->cap) {
		int cap = sc->cap ? 2 * sc->cap : 64;
		sc->counts = xreallocarray(sc->counts, (size_t)cap, sizeof *sc->counts);
		memset(sc->counts + sc->cap, 0, sizeof *sc->counts * (size_t)(cap - sc->cap));
		sc->cap = cap;
	}
	sc->counts[id]++;
	strmap_put(&sc->devs, iv->device_id ? iv->device_id : "");
	strmap_put(&sc->vers, iv->form_version ? iv->form_version : "");
	return 0;
}

/* The keys of m sorted (borrowed; free the array). */
static char **sorted_keys(const strmap *m)
{
	char **k = xcalloc((size_t)m->ix.n + 1, sizeof *k);
	if (m->ix.n)   /* an empty map has no keys array */
		memcpy(k, m->keys, sizeof *k * (size_t)m->ix.n);
	qsort(k, (size_t)m->ix.n, sizeof *k, cmp_str);
	return k;
}

/* The interview list tallied by status, form, interviewer, laptop and version, streamed
 * (store_report_interviews: no answer is read). */
int rb_facts(struct ctx *c, struct facts *f)
{
	memset(f, 0, sizeof *f);
	struct scan sc = { .f = f, .fid = analysis_form_id(c->db),
			   .db = c->o->approved ? c->db : NULL };
	char why[ERR_MAX];
	if (store_report_interviews(c->st, scan_one, &sc, why)) {
		strmap_release(&sc.names);
		strmap_release(&sc.devs);
		strmap_release(&sc.vers);
		free(sc.counts);
		return errf(c->err, "cannot list the interviews: %s", why);
	}
	int n = sc.names.ix.n;
	char **names = sorted_keys(&sc.names);
	f->names = xcalloc((size_t)n + 1, sizeof *f->names);
	f->counts = xcalloc((size_t)n + 1, sizeof *f->counts);
	for (int i = 0; i < n; i++) {
		f->names[i] = xstrdup(names[i]);
		f->counts[i] = sc.counts[strmap_find(&sc.names, names[i])];
	}
	f->ninterviewers = n;
	f->ndevices = sc.devs.ix.n;
	char **vers = sorted_keys(&sc.vers);
	strbuf vs = STRBUF_INIT;
	for (int i = 0; i < sc.vers.ix.n; i++)
		sb_addf(&vs, "%s%s", vs.len ? ", " : "", vers[i]);
	f->versions = sb_detach(&vs);
	free(names);
	free(vers);
	free(sc.counts);
	strmap_release(&sc.names);
	strmap_release(&sc.devs);
	strmap_release(&sc.vers);
	return 0;
}

/* The number of complete interviews the report's condition keeps (through the pipeline). */
static int where_kept(struct ctx *c, double *kept)
{
	const char *var = NULL;
	for (int i = 0; i < c->s->nitems && !var; i++)
		if (c->s->items[i].var_row)
			var = c->s->items[i].var_row;
	*kept = NAN;
	if (!var)
		return 0;
	analysis_opts o = { .lang = c->lang, .where = c->s->where };
	analysis_freq *f;
	char why[ERR_MAX];
	if (analysis_freq_run(c->db, &var, 1, &o, &f, why))
		return errf(c->err, "the report's condition: %s", why);
	*kept = f->n_cases;
	analysis_freq_free(f, 1);
	return 0;
}

/* Does question name have a don't-know choice? */
static int has_dk(struct ctx *c, const char *name)
{
	analysis_var v;
	char why[ERR_MAX];
	if (!name || analysis_resolve(c->db, name, -1, &v, why))
		return 0;
	int r = 0;
	for (int k = 0; k < v.nvalid; k++)
		r |= rb_is_dk(c, v.cats[k].value);
	analysis_var_release(&v);
	return r;
}

/* How "don't know" is treated, said from what the tables do. */
static void dk_para(struct ctx *c)
{
	int with = 0, out = 0;
	strbuf names = STRBUF_INIT;
	for (int i = 0; i < c->s->nitems; i++) {
		const report_item *it = &c->s->items[i];
		if ((it->kind != REPORT_FREQ && it->kind != REPORT_TAB) ||
		    (!has_dk(c, it->var_row) && !has_dk(c, it->var_col)))
			continue;
		with++;
		if (rb_dk_excluded(c, it)) {
			out++;
			const char *t = rb_text(c, &it->title);
			if (names.len)
				sb_adds(&names, ", ");
			report_quote(&names, c->lang, t ? t : it->name);
		}
	}
	if (with) {
		char *dk = rb_quote(c, rb_word(c, RW_DONT_KNOW));
		add_para(c, !out ? RS_M_DK_CATEGORY : out == with ? RS_M_DK_EXCLUDED : RS_M_DK_MIXED,
			 dk, sb_str(&names), NULL);
		free(dk);
	}
	sb_release(&names);
}

/* The passport: response rate (with a frame size) and the distinct units surveyed. */
static int passport(struct ctx *c, const struct facts *f)
{
	if (c->s->frame_size > 0) {
		char *a = rb_num(c, (double)f->complete, REPORT_N_COUNT);
		char *b = rb_num(c, c->s->frame_size, REPORT_N_COUNT);
		char *r = rb_num(c, 100.0 * (double)f->complete / c->s->frame_size, REPORT_N_PCT);
		add_para(c, RS_M_RESPONSE, a, b, r);
		free(a);
		free(b);
		free(r);
	}
	if (c->s->unit) {
		analysis_opts o = { .lang = c->lang, .where = c->s->where };
		const char *var = c->s->unit;
		analysis_freq *fr;
		char why[ERR_MAX];
		if (analysis_freq_run(c->db, &var, 1, &o, &fr, why))
			return errf(c->err, "the unit '%s': %s", c->s->unit, why);
		int n = 0;
		for (int i = 0; i < fr->nrows; i++)
			n += fr->var.cats[fr->rows[i].cat].missing == ANALYSIS_VALID &&
			     fr->rows[i].count > 0;
		char *ns = rb_num(c, n, REPORT_N_COUNT);
		add_para(c, RS_M_UNITS, ns, fr->var.label, NULL);
		free(ns);
		analysis_freq_free(fr, 1);
	}
	return 0;
}

void rb_methods_tail(struct ctx *c, const struct facts *f)
{
	if (c->doc->simulated)
		add_para(c, RS_M_LIMITS_SIM, NULL, NULL, NULL);
	add_para(c, RS_M_LIMITS_SELF, NULL, NULL, NULL);
	if (!c->s->weight)
		add_para(c, RS_M_LIMITS_UNWEIGHTED, NULL, NULL, NULL);
	if (c->nsmall) {
		char *n = rb_num(c, c->nsmall, REPORT_N_COUNT);
		add_para(c, RS_M_LIMITS_SMALL, n, NULL, NULL);
		free(n);
	}
	if (!(c->s->frame_size > 0))
		add_para(c, RS_M_LIMITS_NOFRAME, NULL, NULL, NULL);
	long long sealed = 0;
	char why[ERR_MAX];
	if (store_sealed_count(c->st, analysis_form_id(c->db), &sealed, why) == 0 && sealed > 0) {
		char *n = rb_num(c, (double)sealed, REPORT_N_COUNT);
		add_para(c, RS_M_LIMITS_SEALED, n, NULL, NULL);
		free(n);
	}
	(void)f;
	/* a line for each statistic the report shows */
	static const struct {
		unsigned bit;
		report_sentence s;
	} gl[] = {
		{ USED_PCT, RS_G_PCT }, { USED_MULTIPLE, RS_G_MULTIPLE }, { USED_CI, RS_G_CI },
		{ USED_P, RS_G_P }, { USED_CHI2, RS_G_CHI2 }, { USED_DF, RS_G_DF },
		{ USED_FISHER, RS_G_FISHER }, { USED_RAO_SCOTT, RS_G_RAO_SCOTT },
		{ USED_CMH, RS_G_CMH }, { USED_CRAMER, RS_G_CRAMER }, { USED_GAMMA, RS_G_GAMMA },
		{ USED_ADJ, RS_G_ADJ },
	};
	report_strs items = { 0 };
	for (size_t i = 0; i < sizeof gl / sizeof *gl; i++)
		if (c->used & gl[i].bit) {
			char *t = rb_say_str(c, gl[i].s, NULL, NULL, NULL);
			report_strs_add(&items, t);
			free(t);
		}
	if (items.n) {
		report_doc_heading(c->doc, 2, "glossary", rb_word(c, RW_GLOSSARY));
		report_doc_list(c->doc, &items, NULL);
	}
	report_strs_release(&items);
}

/* Which interviews the report counts and which it leaves out (drafts, other questionnaires,
 * the spec's condition), as one paragraph. -1 with c->err. */
static int included_para(struct ctx *c, const struct facts *f)
{
	strbuf sb = STRBUF_INIT;
	char *n = rb_num(c, (double)f->complete, REPORT_N_COUNT);
	if (c->o->approved) {   /* a reader must never take them for all the interviews */
		char *all = rb_num(c, (double)(f->complete + f->unapproved), REPORT_N_COUNT);
		report_say(&sb, c->lang, RS_M_APPROVED, 2, n, all);
		free(all);
	} else
		report_say(&sb, c->lang, RS_M_INCLUDED, 1, n);
	free(n);
	if (f->drafts) {
		n = rb_num(c, (double)f->drafts, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_M_EXCLUDED_DRAFTS, 1, n);
		free(n);
	}
	if (f->other) {
		n = rb_num(c, (double)f->other, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_M_EXCLUDED_OTHER, 1, n);
		free(n);
	}
	if (c->s->where) {
		double kept;
		if (where_kept(c, &kept)) {
			sb_release(&sb);
			return -1;
		}
		if (!isnan(kept)) {
			n = rb_num(c, (double)f->complete - kept, REPORT_N_COUNT);
			sb_addc(&sb, ' ');
			report_say(&sb, c->lang, RS_M_EXCLUDED_WHERE, 2, n, c->s->where);
			free(n);
		}
	}
	report_doc_para(c->doc, sb_str(&sb));
	sb_release(&sb);
	return 0;
}

/* The table of complete interviews by interviewer. */
static void interviewers_table(struct ctx *c, const struct facts *f)
{
	report_table *t = report_table_new("interviewers", rb_word(c, RW_BY_INTERVIEWER), 1);
	report_grid *g = &t->layers[0].grid;
	report_grid_init(g, f->ninterviewers + 1, 2, 1);
	rb_label(&g->corner, rb_word(c, RW_INTERVIEWER));
	rb_label(&g->col_label[0], rb_word(c, RW_INTERVIEWS));
	rb_label(&g->col_label[1], "%");
	g->col_code[0] = xstrdup("count");
	g->col_code[1] = xstrdup("percent");
	rb_label(&g->val_label[0], rb_word(c, RW_VALUE));
	g->val_key[0] = xstrdup("value");
	g->total_rows = 1;
	for (int i = 0; i <= f->ninterviewers; i++) {
		double v = i < f->ninterviewers ? (double)f->counts[i] : (double)f->complete;
		rb_label(&g->row_label[i], i < f->ninterviewers ? f->names[i]
								 : rb_word(c, RW_TOTAL));
		rb_set(g, i, 0, 0, v, REPORT_N_COUNT);
		rb_set(g, i, 1, 0, f->complete ? 100 * v / (double)f->complete : NAN,
			REPORT_N_PCT);
	}
	report_doc_table(c->doc, t);
}

int rb_methods(struct ctx *c, const report_item *it, const struct facts *f)
{
	const form *fm = analysis_form(c->db);
	const char *title = it ? rb_text(c, &it->title) : NULL;
	report_doc_heading(c->doc, 1, "methods", title ? title : rb_word(c, RW_METHODS));
	if (it && rb_text(c, &it->note))
		report_doc_para(c->doc, rb_text(c, &it->note));
	if (c->doc->simulated)
		report_doc_para(c->doc, report_simulated_note(c->doc));
	add_para(c, RS_M_FORM, fm->title, fm->id, *fm->version ? fm->version : "—");
	if (strchr(f->versions, ','))
		add_para(c, RS_M_VERSIONS, f->versions, NULL, NULL);
	if (f->complete > 0) {
		char *a = rb_day(c, f->first), *b = rb_day(c, f->last);
		add_para(c, RS_M_DATES, a, b, NULL);
		free(a);
		free(b);
	}
	if (included_para(c, f))
		return -1;
	char *ni = rb_num(c, f->ninterviewers, REPORT_N_COUNT), *nd = rb_num(c, f->ndevices,
								       REPORT_N_COUNT);
	add_para(c, RS_M_INTERVIEWERS, ni, nd, NULL);
	free(ni);
	free(nd);
	if (c->s->weight)
		add_para(c, RS_M_WEIGHTS, c->s->weight, NULL, NULL);
	else
		add_para(c, RS_M_WEIGHTS_NONE, NULL, NULL, NULL);
	add_para(c, RS_M_TESTS, NULL, NULL, NULL);
	add_para(c, RS_M_FLAGS, NULL, NULL, NULL);
	dk_para(c);
	add_para(c, RS_M_MISSING_REST, NULL, NULL, NULL);
	if (passport(c, f))
		return -1;
	interviewers_table(c, f);
	return 0;
}

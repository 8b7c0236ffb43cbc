/* build_answers.c: the answers to a text question (an open question, an "other, specify") —
 * every answer listed with its number, identical answers counted once, by the answers of a
 * grouping question (`by`); a long list is cut to its most frequent answers and printed whole
 * in an annex at the end of the report. Counting is survey freq's (a text question's distinct
 * values are its categories). */
#include "report/build_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ANSWERS_LIMIT 10   /* answers per group shown in the body by default */

/* One group: its label, and its answers sorted by number (then text). */
struct group {
	char *label;           /* NULL: no grouping */
	char *code;
	int n;
	char **text;
	double *count;
	double answered;
};

static const struct group *sort_g;
static int by_count(const void *a, const void *b)
{
	int i = *(const int *)a, j = *(const int *)b;
	if (sort_g->count[i] != sort_g->count[j])
		return sort_g->count[i] < sort_g->count[j] ? 1 : -1;
	return strcmp(sort_g->text[i], sort_g->text[j]);
}

/* The answers of one run of survey freq, sorted. */
static void take(struct group *g, const analysis_freq *f)
{
	int n = 0;
	for (int i = 0; i < f->nrows; i++)
		n += f->var.cats[f->rows[i].cat].missing == ANALYSIS_VALID && f->rows[i].count > 0;
	int *idx = xcalloc((size_t)n + 1, sizeof *idx);
	char **text = xcalloc((size_t)n + 1, sizeof *text);
	double *count = xcalloc((size_t)n + 1, sizeof *count);
	int k = 0;
	for (int i = 0; i < f->nrows; i++) {
		const analysis_cat *cat = &f->var.cats[f->rows[i].cat];
		if (cat->missing != ANALYSIS_VALID || !(f->rows[i].count > 0))
			continue;
		text[k] = xstrdup(cat->value);
		count[k] = f->rows[i].count;
		idx[k] = k;
		k++;
	}
	struct group tmp = { .n = n, .text = text, .count = count };
	sort_g = &tmp;
	qsort(idx, (size_t)n, sizeof *idx, by_count);
	g->n = n;
	g->text = xcalloc((size_t)n + 1, sizeof *g->text);
	g->count = xcalloc((size_t)n + 1, sizeof *g->count);
	for (int i = 0; i < n; i++) {
		g->text[i] = text[idx[i]];
		g->count[i] = count[idx[i]];
	}
	g->answered = f->valid;
	free(text);
	free(count);
	free(idx);
}

static void group_release(struct group *g)
{
	strv_free(g->text, g->n);
	free(g->count);
	free(g->label);
	free(g->code);
}

/* A table of the groups, each cut to `limit` answers (0: all). */
static report_table *answers_table(const struct ctx *c, const report_item *it, const char *id,
				   const char *title, struct group *g, int ng, int limit)
{
	report_table *t = report_table_new(id, title, ng);
	for (int k = 0; k < ng; k++) {
		report_layer *L = &t->layers[k];
		if (g[k].label) {
			char *n = rb_num(c, g[k].answered, REPORT_N_COUNT);
			L->label = xasprintf("%s (%s)", g[k].label, n);
			free(n);
		}
		int rows = limit && g[k].n > limit ? limit : g[k].n;
		if (!rows)
			continue;
		report_grid *gr = &L->grid;
		report_grid_init(gr, rows, 1, 1);
		gr->wrap = 1;
		rb_label(&gr->corner, rb_word(c, RW_ANSWER));
		rb_label(&gr->col_label[0], rb_word(c, RW_COUNT));
		gr->col_code[0] = xstrdup("count");
		rb_label(&gr->val_label[0], rb_word(c, RW_COUNT));
		gr->val_key[0] = xstrdup("count");
		for (int i = 0; i < rows; i++) {
			rb_label(&gr->row_label[i], g[k].text[i]);
			rb_set(gr, i, 0, 0, g[k].count[i], REPORT_N_COUNT);
		}
	}
	(void)it;
	return t;
}

/* A group of answers with some, added to g[0..*ng-1]. */
static void add_group(struct group **g, int *ng, const analysis_freq *f, const analysis_cat *cat)
{
	if (!(f->valid > 0))
		return;
	*g = xreallocarray(*g, (size_t)*ng + 1, sizeof **g);
	memset(&(*g)[*ng], 0, sizeof **g);
	take(&(*g)[*ng], f);
	(*g)[*ng].label = xstrdup(cat->label);
	(*g)[*ng].code = xstrdup(cat->value);
	(*ng)++;
}

/* The groups of analysis_freq_split_each, taken one at a time. */
struct groups {
	const analysis_var *by;
	struct group *g;
	int n;
};

static int one_group(void *arg, int k, analysis_freq *f)
{
	struct groups *gs = arg;
	if (k >= 0)   /* (k = -1, every case: the table's own frequencies, already known) */
		add_group(&gs->g, &gs->n, f, &gs->by->cats[k]);
	return 0;
}

/* One pass of survey freq per answer of BY (a select_multiple), its groups added to
 * (*g)[0..*ng-1]: 0, else -1 with c->err (the groups taken before kept for the caller). */
static int groups_pass_each(struct ctx *c, const report_item *it, const char *where,
			    const analysis_opts *o, const analysis_var *by, struct group **g,
			    int *ng)
{
	const char *var = it->var_row;
	char why[ERR_MAX];
	int rc = 0;
	for (int k = 0; k < by->nvalid && !rc; k++) {
		/* choice names are XLSForm names: no quote to escape */
		char *w = where ? xasprintf("(%s) and ${%s} = '%s'", where, it->var_by,
					    by->cats[k].value)
				: xasprintf("${%s} = '%s'", it->var_by, by->cats[k].value);
		analysis_opts og = *o;
		og.where = w;
		analysis_freq *f = NULL;
		if (analysis_freq_run(c->db, &var, 1, &og, &f, why)) {
			*c->row = it->row;
			rc = errf(c->err, "%s: %s", it->name, why);
		} else {
			add_group(g, ng, f, &by->cats[k]);
			analysis_freq_free(f, 1);
		}
		free(w);
	}
	return rc;
}

/* The answers grouped by the answers of it->var_by, into (*g)[0..*ng-1]: 0, else -1 with
 * c->err (the groups taken before kept for the caller). */
static int groups_by(struct ctx *c, const report_item *it, const char *where,
		     const analysis_opts *o, struct group **g, int *ng)
{
	analysis_var by;
	char why[ERR_MAX];
	int li = -1, rc = 0;
	analysis_find_lang(c->db, c->lang, &li, why);
	if (analysis_resolve(c->db, it->var_by, li, &by, why)) {
		*c->row = it->row;
		return errf(c->err, "%s: %s", it->name, why);
	}
	/* every group from one pass, one group held at a time; else (by is
	 * select_multiple) one pass per group */
	const char **values = xcalloc((size_t)by.nvalid + 1, sizeof *values);
	for (int k = 0; k < by.nvalid; k++)
		values[k] = by.cats[k].value;
	struct groups gs = { .by = &by };
	int split = analysis_freq_split_each(c->db, it->var_row, it->var_by, values, by.nvalid, o,
					     one_group, &gs, why) == 0;
	free(values);
	if (split) {
		*g = gs.g;
		*ng = gs.n;
	} else {
		for (int k = 0; k < gs.n; k++)
			group_release(&gs.g[k]);
		free(gs.g);
		rc = groups_pass_each(c, it, where, o, &by, g, ng);
	}
	analysis_var_release(&by);
	return rc;
}

/* The line under table T: how many answers, how many distinct (or that there is none). */
static void answers_count_line(struct ctx *c, report_table *t, const analysis_freq *all, int ng)
{
	if (!ng) {
		rb_say(c, &t->warnings, RS_ANSWERS_NONE, NULL, NULL, NULL, NULL);
		return;
	}
	struct group tot = { 0 };
	take(&tot, all);
	int distinct = tot.n;
	group_release(&tot);
	char *a = rb_num(c, all->valid, REPORT_N_COUNT), *b = rb_num(c, distinct, REPORT_N_COUNT);
	rb_say(c, &t->lines, RS_ANSWERS_COUNT, a, b, NULL, NULL);
	free(a);
	free(b);
}

/* The full list of answers in the annex (T was cut to LIMIT answers), and a line under T
 * pointing to it. */
static void answers_annex(struct ctx *c, const report_item *it, report_table *t,
			  struct group *g, int ng, int limit)
{
	/* the full list goes to the annex, named like the table */
	char *id = xasprintf("%s_all", it->name);
	report_table *full = answers_table(c, it, id, t->title, g, ng, 0);
	free(id);
	full->question = xstrdup(t->question);
	c->annex = xreallocarray(c->annex, (size_t)c->nannex + 1, sizeof *c->annex);
	c->annex[c->nannex++] = full;
	char *n = rb_num(c, limit, REPORT_N_COUNT);
	char *title = rb_quote(c, t->title);
	strbuf sb = STRBUF_INIT;
	report_say(&sb, c->lang, RS_ANSWERS_ANNEX, 2, n, title);
	sb_addc(&sb, '.');
	report_strs_add(&t->lines, sb_str(&sb));
	sb_release(&sb);
	free(n);
	free(title);
}

int rb_answers(struct ctx *c, const report_item *it, report_table **tp)
{
	char *where = rb_where(c, it);
	const char *weight = NULL;   /* answers are listed, not estimated: never weighted */
	struct group *g = NULL;
	int ng = 0, rc = 0;
	char why[ERR_MAX];
	const char *var = it->var_row;
	analysis_opts o = { .lang = c->lang, .where = where, .weight = weight };
	analysis_freq *own = NULL;
	const analysis_freq *all = rb_freq_batched(c, it);   /* computed with the frequencies */
	if (!all && analysis_freq_run(c->db, &var, 1, &o, &own, why)) {
		*c->row = it->row;
		free(where);
		return errf(c->err, "%s: %s", it->name, why);
	}
	if (!all)
		all = own;
	char *question = xstrdup(all->var.label);
	double n_cases = all->n_cases, missing = all->missing;
	if (it->var_by) {
		if ((rc = groups_by(c, it, where, &o, &g, &ng)))
			goto done;
	} else if (all->valid > 0) {
		g = xcalloc(1, sizeof *g);
		take(&g[0], all);
		ng = 1;
	}
	int limit = it->limit ? it->limit : ANSWERS_LIMIT, longest = 0;
	for (int k = 0; k < ng; k++)
		longest = g[k].n > longest ? g[k].n : longest;
	report_table *t = answers_table(c, it, it->name, (*tp)->title, g, ng, limit);
	report_table_free(*tp);
	*tp = t;
	t->question = question;
	question = NULL;
	answers_count_line(c, t, all, ng);
	if (longest > limit)
		answers_annex(c, it, t, g, ng, limit);
	rb_base_line(c, t, n_cases, where, missing);
done:
	free(question);
	for (int k = 0; k < ng; k++)
		group_release(&g[k]);
	free(g);
	if (own)
		analysis_freq_free(own, 1);
	free(where);
	return rc;
}

/* build_freq.c: a frequency table of the report — counts and percents (or a numeric summary)
 * from survey freq's pipeline, a bar chart, and its notes. */
#include "report/build_impl.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void freq_summary(const struct ctx *c, const analysis_freq *f, report_layer *L)
{
	static const report_word_id rows[] = { RW_N, RW_MEAN, RW_SD, RW_MIN, RW_Q1, RW_MEDIAN,
						RW_Q3, RW_MAX };
	const analysis_summary *s = &f->summary;
	double v[] = { s->n, s->mean, s->sd, s->min, s->q25, s->median, s->q75, s->max };
	report_grid *g = &L->grid;
	report_grid_init(g, 8, 1, 1);
	rb_label(&g->corner, rb_word(c, RW_STATISTIC));
	rb_label(&g->col_label[0], rb_word(c, RW_VALUE));
	rb_label(&g->val_label[0], rb_word(c, RW_VALUE));
	static const char *const keys[] = { "n", "mean", "sd", "min", "q25", "median", "q75",
					    "max" };
	for (int i = 0; i < 8; i++) {
		rb_label(&g->row_label[i], rb_word(c, rows[i]));
		g->row_code[i] = xstrdup(keys[i]);
		rb_set(g, i, 0, 0, v[i], i == 0 ? REPORT_N_COUNT : REPORT_N_NUM);
	}
	g->val_key[0] = xstrdup("value");
}

/* Columns of a frequency table for the cells asked for. */
struct fcol {
	const char *key;       /* JSON key of survey freq, the name of its analysis_freq_row member */
	report_word_id head;
	report_num kind;
	size_t off;            /* where that member is */
};
#define FCOL(member, head, kind) \
	((struct fcol){ #member, head, kind, offsetof(analysis_freq_row, member) })

static int freq_columns(unsigned cells, int multiple, struct fcol *out)
{
	int n = 0;
	if (!cells)   /* the default: counts, the share of those answering and its interval */
		cells = REPORT_FC_COUNT | REPORT_FC_VALID | REPORT_FC_CI;
	if (cells & REPORT_FC_COUNT)
		out[n++] = FCOL(count, RW_COUNT, REPORT_N_COUNT);
	if (cells & REPORT_FC_PERCENT)
		out[n++] = multiple ? FCOL(percent, RW_PCT_OF_ANSWERS, REPORT_N_PCT)
				    : FCOL(percent, RW_PERCENT, REPORT_N_PCT);
	if (cells & REPORT_FC_VALID)
		out[n++] = multiple ? FCOL(cases_percent, RW_VALID_PERCENT, REPORT_N_PCT)
				    : FCOL(valid_percent, RW_VALID_PERCENT, REPORT_N_PCT);
	if ((cells & REPORT_FC_CUM) && !multiple)
		out[n++] = FCOL(cum_percent, RW_CUM_PERCENT, REPORT_N_PCT);
	if (cells & REPORT_FC_CI) {
		out[n++] = FCOL(ci_low, RW_CI_LOW, REPORT_N_PCT);
		out[n++] = FCOL(ci_high, RW_CI_HIGH, REPORT_N_PCT);
	}
	return n;
}

static double freq_value(const analysis_freq_row *r, const struct fcol *c)
{
	return *(const double *)((const char *)r + c->off);
}

/* Is this answer one that goes last: other, none, don't know? */
static int goes_last(const struct ctx *c, const char *v)
{
	return rb_is_dk(c, v) || !strcmp(v, "other") || !strcmp(v, "none") ||
	       !strcmp(v, "no_contact");
}

static const analysis_freq *sort_f;
static const struct ctx *sort_c;
static double share(const analysis_freq_row *r)
{
	double v = isnan(r->valid_percent) ? r->cases_percent : r->valid_percent;
	return isnan(v) ? -1 : v;
}

static int by_share(const void *a, const void *b)
{
	const analysis_freq_row *x = &sort_f->rows[*(const int *)a];
	const analysis_freq_row *y = &sort_f->rows[*(const int *)b];
	int lx = goes_last(sort_c, sort_f->var.cats[x->cat].value);
	int ly = goes_last(sort_c, sort_f->var.cats[y->cat].value);
	if (lx != ly)
		return lx - ly;
	if (share(x) != share(y))
		return share(x) < share(y) ? 1 : -1;
	return *(const int *)a - *(const int *)b;
}

/* Is row i of f shown: a valid answer, and not a don't know the table leaves out? */
static int shown_row(const struct ctx *c, const report_item *it, const analysis_freq *f, int i)
{
	const analysis_cat *cat = &f->var.cats[f->rows[i].cat];
	return cat->missing == ANALYSIS_VALID && !(rb_is_dk(c, cat->value) && rb_dk_excluded(c, it));
}

/* The indices of f's shown rows: in the list's order, or sorted by share (malloc'd). */
static int *valid_order(const struct ctx *c, const report_item *it, const analysis_freq *f,
			int sorted)
{
	int *o = xcalloc((size_t)f->nrows + 1, sizeof *o), n = 0;
	for (int i = 0; i < f->nrows; i++)
		if (shown_row(c, it, f, i))
			o[n++] = i;
	if (sorted) {
		sort_f = f;
		sort_c = c;
		qsort(o, (size_t)n, sizeof *o, by_share);
	}
	return o;
}

/* The key finding of a frequency: its most frequent answers, with their share and interval. */
static void top_answers(struct ctx *c, const report_item *it, const analysis_freq *f,
			const report_table *t, const int *order, int nvalid)
{
	int multiple = f->var.vtype == ANALYSIS_MULTIPLE;
	int *o = xcalloc((size_t)nvalid + 1, sizeof *o);
	memcpy(o, order, (size_t)nvalid * sizeof *o);
	sort_f = f;
	sort_c = c;
	qsort(o, (size_t)nvalid, sizeof *o, by_share);
	int want = multiple ? 3 : 2;
	strbuf list = STRBUF_INIT, codes = STRBUF_INIT, pcts = STRBUF_INIT, los = STRBUF_INIT,
	       his = STRBUF_INIT;
	int n = 0;
	for (int k = 0; k < nvalid && n < want; k++) {
		const analysis_freq_row *r = &f->rows[o[k]];
		const analysis_cat *cat = &f->var.cats[r->cat];
		double v = multiple ? r->cases_percent : r->valid_percent;
		if (!(v > 0) || goes_last(c, cat->value))
			continue;
		if (n)
			sb_adds(&list, "; ");
		report_quote(&list, c->lang, cat->label);
		sb_adds(&list, " \xe2\x80\x94 ");
		report_fmt(&list, c->lang, v, REPORT_N_PCT);
		if (!isnan(r->ci_low) && !isnan(r->ci_high)) {
			sb_addf(&list, " (%s ", rb_word(c, RW_CI95));
			report_fmt(&list, c->lang, r->ci_low, REPORT_N_PCT);
			sb_adds(&list, "\xe2\x80\x93");
			report_fmt(&list, c->lang, r->ci_high, REPORT_N_PCT);
			sb_addc(&list, ')');
		}
		sb_addf(&codes, "%s%s", n ? "," : "", cat->value);
		if (n) {
			sb_addc(&pcts, ',');
			sb_addc(&los, ',');
			sb_addc(&his, ',');
		}
		report_fmt_raw(&pcts, v);
		report_fmt_raw(&los, r->ci_low);
		report_fmt_raw(&his, r->ci_high);
		n++;
	}
	if (n) {
		char *title = rb_quote(c, t->title);
		char *ref = rb_table_ref(c, rb_table_no(c));
		char *sent = rb_say_str(c, RS_F_TOP, title, sb_str(&list), ref);
		char *data = xasprintf("table=%s kind=top var=%s codes=%s pct=%s lo=%s hi=%s%s",
				       it->name, it->var_row, sb_str(&codes), sb_str(&pcts),
				       sb_str(&los), sb_str(&his),
				       rb_dk_excluded(c, it) ? " dk=excluded" : "");
		rb_find_add(c, sent, data);
		free(data);
		free(sent);
		free(ref);
		free(title);
	}
	sb_release(&list);
	sb_release(&codes);
	sb_release(&pcts);
	sb_release(&los);
	sb_release(&his);
	free(o);
}

static void freq_grid(struct ctx *c, const report_item *it, const analysis_freq *f,
		      report_table *t, report_layer *L)
{
	int multiple = f->var.vtype == ANALYSIS_MULTIPLE;
	struct fcol cols[8];
	int ncol = freq_columns(it->cells, multiple, cols);
	int nvalid = 0, used = 0, last_used = -1;
	for (int i = 0; i < f->nrows; i++)
		if (shown_row(c, it, f, i)) {
			nvalid++;
			if (f->rows[i].count > 0)
				used++, last_used = i;
		}
	report_grid *g = &L->grid;
	report_grid_init(g, nvalid + 1, ncol, 1);
	rb_label(&g->corner, "");   /* the question is written above the table */
	rb_label(&g->val_label[0], rb_word(c, RW_VALUE));
	g->val_key[0] = xstrdup("value");
	for (int j = 0; j < ncol; j++) {
		rb_label(&g->col_label[j], rb_word(c, cols[j].head));
		g->col_code[j] = xstrdup(cols[j].key);
	}
	int r = 0;
	for (int i = 0; i < f->nrows; i++) {
		const analysis_freq_row *fr = &f->rows[i];
		const analysis_cat *cat = &f->var.cats[fr->cat];
		if (!shown_row(c, it, f, i))
			continue;
		rb_label(&g->row_label[r], cat->label);
		g->row_code[r] = xstrdup(cat->value);
		for (int j = 0; j < ncol; j++)
			rb_set(g, r, j, 0, freq_value(fr, &cols[j]), cols[j].kind);
		r++;
	}
	/* the total of those answering; with several answers the base, not a "100%" */
	rb_label(&g->row_label[r], rb_word(c, multiple ? RW_BASE_INTERVIEWS : RW_TOTAL));
	g->total_rows = 1;
	for (int j = 0; j < ncol; j++) {
		const char *k = cols[j].key;
		double v = NAN;
		if (!strcmp(k, "count"))
			v = f->valid;
		else if (!strcmp(k, "valid_percent"))
			v = f->valid > 0 ? 100 : NAN;
		else if (!strcmp(k, "percent") && !multiple)
			v = f->total > 0 ? 100 * f->valid / f->total : NAN;
		else if (!strcmp(k, "percent") && multiple)
			v = f->responses > 0 ? 100 : NAN;
		rb_set(g, r, j, 0, v, cols[j].kind);
	}
	/* the chart: the share of those answering, as in the table; bars sorted by size with
	 * "other", "none" and "don't know" last, unless the answers are an ordered scale */
	int *order = valid_order(c, it, f, !rb_ordinal(&f->var, NULL, f->var.nvalid));
	if (it->chart != REPORT_CHART_NONE && nvalid > 0 && f->valid > 0) {
		report_chart *ch = &L->chart;
		report_chart_init(ch, REPORT_CHART_BARS, nvalid, 1);
		ch->axis = xstrdup(rb_word(c, multiple ? RW_PCT_OF_INTERVIEWS : RW_VALID_PERCENT));
		for (int k = 0; k < nvalid; k++) {
			const analysis_freq_row *fr = &f->rows[order[k]];
			ch->cat[k] = xstrdup(f->var.cats[fr->cat].label);
			ch->v[k] = multiple ? fr->cases_percent : fr->valid_percent;
		}
	}
	top_answers(c, it, f, t, order, nvalid);
	free(order);
	if (multiple) {
		rb_say(c, &L->lines, RS_MULTIPLE, NULL, NULL, NULL, NULL);
		c->used |= USED_MULTIPLE;
	}
	c->used |= USED_PCT | ((it->cells ? it->cells : REPORT_FC_CI) & REPORT_FC_CI ? USED_CI : 0);
	if (used == 1 && !multiple)
		rb_say(c, &t->warnings, RS_ONE_CATEGORY_FREQ,
		    f->var.cats[f->rows[last_used].cat].label, NULL, NULL, NULL);
}

/* Frequencies of the tables that share a filter and a weight, computed in one pass. */
struct freq_batch {
	char *where;            /* the filter (malloc'd) or NULL */
	const char *weight;     /* the weight question or NULL */
	int n;                  /* tables */
	const char **vars;      /* their questions */
	const report_item **items;
	analysis_freq *res;     /* n results, or NULL when the pass failed */
};

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

void rb_freq_batches(struct ctx *c)
{
	for (int i = 0; i < c->s->nitems; i++) {
		const report_item *it = &c->s->items[i];
		if ((it->kind != REPORT_FREQ && it->kind != REPORT_ANSWERS) || !it->var_row)
			continue;
		analysis_opts o;
		char *where;
		if (it->kind == REPORT_ANSWERS) {   /* rb_answers: its filter, never weighted */
			where = rb_where(c, it);
			o.weight = NULL;
		} else {
			rb_opts(c, it, &o, &where);
		}
		struct freq_batch *b = NULL;
		for (int k = 0; k < c->nbatches && !b; k++)
			if (same(c->batches[k].where, where) && same(c->batches[k].weight, o.weight))
				b = &c->batches[k];
		if (!b) {
			c->batches = xreallocarray(c->batches, (size_t)c->nbatches + 1,
						   sizeof *c->batches);
			b = &c->batches[c->nbatches++];
			memset(b, 0, sizeof *b);
			b->where = where;
			b->weight = o.weight;
		} else {
			free(where);
		}
		b->vars = xreallocarray(b->vars, (size_t)b->n + 1, sizeof *b->vars);
		b->items = xreallocarray(b->items, (size_t)b->n + 1, sizeof *b->items);
		b->vars[b->n] = it->var_row;
		b->items[b->n++] = it;
	}
	for (int k = 0; k < c->nbatches; k++) {
		struct freq_batch *b = &c->batches[k];
		analysis_opts o = { .lang = c->lang, .fisher = { .seed = 1 }, .where = b->where,
				    .weight = b->weight };
		char why[ERR_MAX];
		double t0 = rb_now();
		if (analysis_freq_run(c->db, b->vars, b->n, &o, &b->res, why))
			b->res = NULL;
		else if (c->o->progress && b->n > 1) {
			char *what = xasprintf("(%d frequencies, one pass)", b->n);
			c->o->progress(c->o->progress_arg, what, rb_now() - t0);
			free(what);
		}
	}
}

void rb_freq_batches_free(struct ctx *c)
{
	for (int k = 0; k < c->nbatches; k++) {
		struct freq_batch *b = &c->batches[k];
		if (b->res)
			analysis_freq_free(b->res, b->n);
		free(b->where);
		free(b->vars);
		free(b->items);
	}
	free(c->batches);
	c->batches = NULL;
	c->nbatches = 0;
}

const analysis_freq *rb_freq_batched(const struct ctx *c, const report_item *it)
{
	for (int k = 0; k < c->nbatches; k++)
		for (int i = 0; c->batches[k].res && i < c->batches[k].n; i++)
			if (c->batches[k].items[i] == it)
				return &c->batches[k].res[i];
	return NULL;
}

void rb_freq_batch_done(struct ctx *c, const report_item *it)
{
	for (int k = 0; k < c->nbatches; k++)
		for (int i = 0; c->batches[k].res && i < c->batches[k].n; i++)
			if (c->batches[k].items[i] == it) {
				analysis_freq_release(&c->batches[k].res[i]);
				c->batches[k].items[i] = NULL;
			}
}

int rb_freq(struct ctx *c, const report_item *it, const analysis_opts *o, report_table *t)
{
	const analysis_freq *f = rb_freq_batched(c, it);
	analysis_freq *own = NULL;
	if (!f) {
		const char *vars[1] = { it->var_row };
		char why[ERR_MAX];
		if (analysis_freq_run(c->db, vars, 1, o, &own, why)) {
			*c->row = it->row;
			return errf(c->err, "%s: %s", it->name, why);
		}
		f = own;
	}
	t->question = xstrdup(f->var.label);
	report_layer *L = &t->layers[0];
	char *shown = rb_where(c, it);
	if (f->n_cases == 0) {
		rb_say(c, &t->warnings, shown ? RS_NO_DATA_WHERE : RS_NO_DATA, shown, NULL,
		       NULL, NULL);
	} else if (f->has_summary) {
		freq_summary(c, f, L);
	} else {
		freq_grid(c, it, f, t, L);
	}
	if (f->valid == 0 && f->n_cases > 0)
		rb_say(c, &t->warnings, RS_NO_DATA, NULL, NULL, NULL, NULL);
	if (o->weight)
		rb_say(c, &L->lines, RS_WEIGHTED, o->weight, NULL, NULL, NULL);
	/* interviews without an answer: f->missing is weighted when a weight is used */
	double missing = f->has_summary ? f->n_cases - f->summary.n : o->weight ? 0 : f->missing;
	rb_base_line(c, t, f->n_cases, shown, missing);
	if (rb_dk_excluded(c, it) && o->where && (!shown || strcmp(o->where, shown)))
		rb_dk_line(c, it, shown, t);
	free(shown);
	if (own)
		analysis_freq_free(own, 1);
	return 0;
}

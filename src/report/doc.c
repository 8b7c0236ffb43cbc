/* doc.c: the report document's lifecycle — lists of strings, grids, charts, tables, blocks. */
#include "report/report.h"
#include "report/words.h"

#include <math.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void report_strs_add(report_strs *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(s);
}

void report_strs_addf(report_strs *l, const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	report_strs_add(l, sb_str(&sb));
	sb_release(&sb);
}

void report_strs_release(report_strs *l)
{
	strv_free(l->v, l->n);
	memset(l, 0, sizeof *l);
}

void report_grid_init(report_grid *g, int nrow, int ncol, int nval)
{
	*g = (report_grid){ .nrow = nrow, .ncol = ncol, .nval = nval };
	g->corner = xstrdup("");
	g->row_label = xcalloc((size_t)nrow + 1, sizeof *g->row_label);
	g->row_code = xcalloc((size_t)nrow + 1, sizeof *g->row_code);
	g->col_label = xcalloc((size_t)ncol + 1, sizeof *g->col_label);
	g->col_code = xcalloc((size_t)ncol + 1, sizeof *g->col_code);
	g->val_label = xcalloc((size_t)nval + 1, sizeof *g->val_label);
	g->val_key = xcalloc((size_t)nval + 1, sizeof *g->val_key);
	size_t n = (size_t)nrow * (size_t)ncol * (size_t)nval;
	g->v = xcalloc(n + 1, sizeof *g->v);
	g->kind = xcalloc(n + 1, 1);
	g->flag = xcalloc((size_t)nrow * (size_t)ncol + 1, 1);
	for (size_t i = 0; i < n; i++)
		g->v[i] = NAN;
}

void report_grid_release(report_grid *g)
{
	free(g->corner);
	free(g->col_title);
	strv_free(g->row_label, g->nrow);
	strv_free(g->row_code, g->nrow);
	strv_free(g->col_label, g->ncol);
	strv_free(g->col_code, g->ncol);
	strv_free(g->val_label, g->nval);
	strv_free(g->val_key, g->nval);
	free(g->v);
	free(g->kind);
	free(g->flag);
	memset(g, 0, sizeof *g);
}

void report_chart_init(report_chart *c, report_chart_kind kind, int ncat, int nser)
{
	*c = (report_chart){ .kind = kind, .ncat = ncat, .nser = nser };
	c->cat = xcalloc((size_t)ncat + 1, sizeof *c->cat);
	c->ser = xcalloc((size_t)nser + 1, sizeof *c->ser);
	c->v = xcalloc((size_t)ncat * (size_t)nser + 1, sizeof *c->v);
}

void report_chart_release(report_chart *c)
{
	strv_free(c->cat, c->ncat);
	strv_free(c->ser, c->nser);
	free(c->v);
	free(c->axis);
	memset(c, 0, sizeof *c);
	c->kind = REPORT_CHART_NONE;
}

report_table *report_table_new(const char *id, const char *title, int nlayers)
{
	report_table *t = xcalloc(1, sizeof *t);
	t->id = xstrdup(id);
	t->title = xstrdup(title);
	t->nlayers = nlayers;
	t->layers = xcalloc((size_t)nlayers + 1, sizeof *t->layers);
	for (int i = 0; i < nlayers; i++)
		t->layers[i].chart.kind = REPORT_CHART_NONE;
	return t;
}

void report_table_free(report_table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nlayers; i++) {
		report_layer *l = &t->layers[i];
		free(l->label);
		report_grid_release(&l->grid);
		report_chart_release(&l->chart);
		report_strs_release(&l->lines);
		report_strs_release(&l->warnings);
		for (int k = 0; k < l->nstat; k++)
			free(l->stat[k].name);
		free(l->stat);
	}
	free(t->layers);
	free(t->id);
	free(t->title);
	free(t->question);
	free(t->base);
	free(t->note);
	free(t->legend);
	report_strs_release(&t->lines);
	report_strs_release(&t->warnings);
	free(t);
}

void report_doc_init(report_doc *d, const char *lang)
{
	memset(d, 0, sizeof *d);
	snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "en");
}

const char *report_simulated_note(const report_doc *d)
{
	return d->simulated_note ? d->simulated_note : report_word(d->lang, RW_SIMULATED_NOTE);
}

void report_doc_release(report_doc *d)
{
	for (int i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		free(d->blocks[i].id);
		report_table_free(d->blocks[i].table);
		report_strs_release(&d->blocks[i].items);
		report_strs_release(&d->blocks[i].data);
	}
	free(d->blocks);
	free(d->title);
	free(d->subtitle);
	free(d->author);
	free(d->date);
	free(d->simulated_note);
	report_strs_release(&d->facts);
	memset(d, 0, sizeof *d);
}

static report_block *add_block(report_doc *d, report_block_kind kind)
{
	d->blocks = xreallocarray(d->blocks, (size_t)d->nblocks + 1, sizeof *d->blocks);
	report_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void report_doc_heading(report_doc *d, int level, const char *id, const char *text)
{
	report_block *b = add_block(d, REPORT_B_HEADING);
	b->level = level;
	b->id = xstrdup(id);
	b->text = xstrdup(text);
}

void report_doc_para(report_doc *d, const char *text)
{
	add_block(d, REPORT_B_PARA)->text = xstrdup(text);
}

void report_doc_table(report_doc *d, report_table *t)
{
	add_block(d, REPORT_B_TABLE)->table = t;
}

void report_doc_list(report_doc *d, const report_strs *items, const report_strs *data)
{
	report_block *b = add_block(d, REPORT_B_LIST);
	for (int i = 0; i < items->n; i++) {
		report_strs_add(&b->items, items->v[i]);
		report_strs_add(&b->data, data && i < data->n ? data->v[i] : "");
	}
}

void report_doc_move(report_doc *d, int from, int to)
{
	if (from <= to || from >= d->nblocks)
		return;
	int n = d->nblocks - from;
	report_block *tmp = xcalloc((size_t)n, sizeof *tmp);
	memcpy(tmp, d->blocks + from, (size_t)n * sizeof *tmp);
	memmove(d->blocks + to + n, d->blocks + to, (size_t)(from - to) * sizeof *tmp);
	memcpy(d->blocks + to, tmp, (size_t)n * sizeof *tmp);
	free(tmp);
}

void report_table_caption(strbuf *sb, const char *lang, int no)
{
	if (lang && !strcmp(lang, "ky"))
		sb_addf(sb, "%d-%s.", no, "таблица");
	else
		sb_addf(sb, "%s %d.", report_word(lang, RW_TABLE), no);
}

void report_grid_legend(strbuf *sb, const char *lang, const report_grid *g)
{
	if (g->nval <= 1)
		return;
	sb_addf(sb, "%s: ", report_word(lang, RW_IN_EACH_CELL));
	for (int k = 0; k < g->nval; k++) {
		if (k)
			sb_adds(sb, k == 1 ? " (" : "; ");
		sb_adds(sb, g->val_label[k] ? g->val_label[k] : "");
	}
	sb_addc(sb, ')');
}

void report_layer_stat(report_layer *l, const char *name, double value, double df, double p)
{
	l->stat = xreallocarray(l->stat, (size_t)l->nstat + 1, sizeof *l->stat);
	l->stat[l->nstat++] = (report_stat){ xstrdup(name), value, df, p };
}

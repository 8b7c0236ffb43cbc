/* xlsx.c: the report as an Excel workbook through libxlsxwriter — a contents sheet (title,
 * methods, links to the tables) and one sheet per table whose cells are real numbers with
 * number formats (percentages as fractions shown 0.0%), headers frozen, and beside the first
 * layer's percentages an Excel chart drawn from those very cells (bars for a frequency, grouped
 * columns for a cross-tab), so that a reader who changes a cell sees the chart follow. */
#include "report/report.h"
#include "report/words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

struct fmts {
	lxw_format *title, *bold, *italic, *wrap, *head, *label, *total_label, *sim, *link;
	lxw_format *warn;
	lxw_format *num[5][2];   /* [report_num][total] */
	lxw_format *count1[2];   /* counts with a decimal (weighted) */
};

static lxw_format *numfmt(lxw_workbook *wb, const char *f, int total)
{
	lxw_format *x = workbook_add_format(wb);
	format_set_num_format(x, f);
	format_set_border(x, LXW_BORDER_THIN);
	format_set_border_color(x, 0xC5CED8);
	if (total) {
		format_set_bold(x);
		format_set_bg_color(x, 0xF3F6F9);
	}
	return x;
}

static void make_fmts(lxw_workbook *wb, struct fmts *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	format_set_font_color(f->title, 0x16365C);
	f->bold = workbook_add_format(wb);
	format_set_bold(f->bold);
	f->italic = workbook_add_format(wb);
	format_set_italic(f->italic);
	format_set_font_color(f->italic, 0x444444);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_bg_color(f->head, 0xE8EEF5);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_border_color(f->head, 0xC5CED8);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	f->label = workbook_add_format(wb);
	format_set_text_wrap(f->label);
	format_set_border(f->label, LXW_BORDER_THIN);
	format_set_border_color(f->label, 0xC5CED8);
	format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);
	f->total_label = workbook_add_format(wb);
	format_set_bold(f->total_label);
	format_set_border(f->total_label, LXW_BORDER_THIN);
	format_set_border_color(f->total_label, 0xC5CED8);
	format_set_bg_color(f->total_label, 0xF3F6F9);
	f->sim = workbook_add_format(wb);
	format_set_bold(f->sim);
	format_set_font_color(f->sim, 0xB00020);
	format_set_font_size(f->sim, 12);
	f->link = workbook_add_format(wb);
	format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(f->link, 0x16365C);
	f->warn = workbook_add_format(wb);
	format_set_font_color(f->warn, 0x8A5A00);
	for (int t = 0; t < 2; t++) {
		f->num[REPORT_N_COUNT][t] = numfmt(wb, "#,##0", t);
		f->count1[t] = numfmt(wb, "#,##0.0", t);
		f->num[REPORT_N_PCT][t] = numfmt(wb, "0.0%", t);
		f->num[REPORT_N_NUM][t] = numfmt(wb, "#,##0.00", t);
		f->num[REPORT_N_STAT][t] = numfmt(wb, "0.000", t);
		f->num[REPORT_N_P][t] = numfmt(wb, "0.000", t);
	}
}

/* A sheet name from an id: at most 31 characters, none of []:*?/\, unique (ASCII
 * case-insensitively) among the names already used. */
static char *sheet_name(const char *id, char **used, int nused)
{
	char base[32];
	size_t n = 0;
	/* whole UTF-8 characters only, at most 28 bytes (room for "~N") */
	for (const unsigned char *p = (const unsigned char *)id; *p;) {
		size_t len = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : 4;
		for (size_t k = 1; k < len; k++)
			if (!p[k])
				len = k;   /* a cut sequence: its bytes as they are */
		if (n + len > 28)
			break;
		for (size_t k = 0; k < len; k++)
			base[n++] = strchr("[]:*?/\\'", p[k]) ? '_' : (char)p[k];
		p += len;
	}
	base[n] = 0;
	if (!n)
		snprintf(base, sizeof base, "table");
	char *name = xstrdup(base);
	for (int k = 2;; k++) {
		int clash = 0;
		for (int i = 0; i < nused; i++)
			clash |= !ascii_casecmp(used[i], name);
		if (!clash)
			return name;
		free(name);
		name = xasprintf("%s~%d", base, k);
	}
}

static void write_text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s ? s : "", f);
}

/* One block: the values k of a layer's grid, with a header row. Returns the next row. */
static int block(lxw_worksheet *ws, const struct fmts *f, const report_grid *g, int k, int row)
{
	strbuf h = STRBUF_INIT;
	sb_adds(&h, g->corner);
	if (g->val_label[k]) {
		if (h.len)
			sb_adds(&h, " — ");
		sb_adds(&h, g->val_label[k]);
	}
	write_text(ws, row, 0, sb_str(&h), f->head);
	sb_release(&h);
	for (int j = 0; j < g->ncol; j++)
		write_text(ws, row, 1 + j, g->col_label[j], f->head);
	row++;
	for (int i = 0; i < g->nrow; i++, row++) {
		int trow = i >= g->nrow - g->total_rows;
		write_text(ws, row, 0, g->row_label[i], trow ? f->total_label : f->label);
		for (int j = 0; j < g->ncol; j++) {
			int t = trow || j >= g->ncol - g->total_cols;
			size_t at = report_grid_at(g, i, j, k);
			double v = g->v[at];
			report_num kind = (report_num)g->kind[at];
			lxw_format *nf = f->num[kind][t];
			if (kind == REPORT_N_COUNT && fabs(v - round(v)) > 1e-9)
				nf = f->count1[t];
			if (isnan(v))
				worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)(1 + j), nf);
			else
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(1 + j),
						       kind == REPORT_N_PCT ? v / 100 : v, nf);
		}
	}
	return row + 1;
}

/* The statistics of a layer as numbers: name, value, df, p. */
static int stats_block(lxw_worksheet *ws, const struct fmts *f, const report_doc *d,
		       const report_layer *l, int row)
{
	if (!l->nstat)
		return row;
	write_text(ws, row, 0, report_word(d->lang, RW_STATISTIC), f->head);
	write_text(ws, row, 1, report_word(d->lang, RW_VALUE), f->head);
	write_text(ws, row, 2, "df", f->head);
	write_text(ws, row, 3, "p", f->head);
	row++;
	for (int i = 0; i < l->nstat; i++, row++) {
		const report_stat *s = &l->stat[i];
		write_text(ws, row, 0, s->name, f->label);
		double v[3] = { s->value, s->df, s->p };
		report_num k[3] = { REPORT_N_STAT, REPORT_N_COUNT, REPORT_N_P };
		for (int j = 0; j < 3; j++)
			if (!isnan(v[j]))
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(1 + j), v[j],
						       f->num[k[j]][0]);
	}
	return row + 1;
}

/* The ▲▼ marks of a grid as a block of their own (the number cells stay numbers). */
static int flags(lxw_worksheet *ws, const struct fmts *f, const report_grid *g, int row)
{
	int any = 0;
	for (int i = 0; i < g->nrow * g->ncol; i++)
		any |= g->flag[i] != 0;
	if (!any)
		return row;
	write_text(ws, row, 0, "\xe2\x96\xb2\xe2\x96\xbc", f->head);
	for (int j = 0; j < g->ncol; j++)
		write_text(ws, row, 1 + j, g->col_label[j], f->head);
	row++;
	for (int i = 0; i < g->nrow; i++, row++) {
		write_text(ws, row, 0, g->row_label[i], f->label);
		for (int j = 0; j < g->ncol; j++) {
			unsigned char m = g->flag[i * g->ncol + j];
			if (m)
				write_text(ws, row, 1 + j, m == REPORT_FLAG_UP ? "\xe2\x96\xb2"
									 : "\xe2\x96\xbc", NULL);
		}
	}
	return row + 1;
}

static int lines(lxw_worksheet *ws, const report_strs *l, int row, lxw_format *f,
		 const char *prefix)
{
	for (int i = 0; i < l->n; i++) {
		char *s = prefix ? xasprintf("%s: %s", prefix, l->v[i]) : xstrdup(l->v[i]);
		write_text(ws, row++, 0, s, f);
		free(s);
	}
	return row + (l->n ? 1 : 0);
}

/* The value k of grid g holds percentages (a cross-tab's column %), or, for a one-value grid (a
 * frequency), the first percentage column: *col -1 then means "every non-total column". */
static int chart_source(const report_grid *g, int *k, int *col)
{
	int data = g->nrow - g->total_rows;
	if (data < 1 || g->ncol < 1)
		return 0;
	if (g->nval == 1 && g->val_key[0] && !strcmp(g->val_key[0], "value")) {
		for (int j = 0; j < g->ncol - g->total_cols; j++)
			if (g->kind[report_grid_at(g, 0, j, 0)] == REPORT_N_PCT) {
				*k = 0, *col = j;
				return 1;
			}
		return 0;
	}
	for (int v = 0; v < g->nval; v++)
		if (g->val_key[v] && !strcmp(g->val_key[v], "col_pct")) {
			*k = v, *col = -1;
			return g->ncol - g->total_cols >= 1;
		}
	return 0;
}

/* A chart of block k of grid g, written at first_row (its header row) of sheet `sheet`. */
static void add_chart(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
		      const report_grid *g, int k, int col, int first_row, const char *title,
		      int at_col)
{
	int freq = col >= 0;
	lxw_chart *ch = workbook_add_chart(wb, freq ? LXW_CHART_BAR : LXW_CHART_COLUMN);
	if (!ch)
		return;
	lxw_row_t r0 = (lxw_row_t)(first_row + 1), r1 = (lxw_row_t)(first_row + g->nrow - g->total_rows);
	int from = freq ? col : 0, to = freq ? col : g->ncol - g->total_cols - 1;
	for (int j = from; j <= to; j++) {
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(s, sheet, r0, 0, r1, 0);
		chart_series_set_values(s, sheet, r0, (lxw_col_t)(1 + j), r1, (lxw_col_t)(1 + j));
		chart_series_set_name_range(s, sheet, (lxw_row_t)first_row, (lxw_col_t)(1 + j));
	}
	(void)k;
	chart_title_set_name(ch, title);
	chart_axis_set_num_format(freq ? ch->x_axis : ch->y_axis, "0%");
	if (freq) {
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		chart_axis_set_reverse(ch->y_axis);   /* the first answer on top, as in the table */
	}
	lxw_chart_options opt = { .x_scale = 1.3, .y_scale = 1.2 };
	worksheet_insert_chart_opt(ws, (lxw_row_t)(first_row), (lxw_col_t)at_col, ch, &opt);
}

static void table_sheet(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
			const struct fmts *f, const report_doc *d, const report_table *t, int no)
{
	strbuf cap = STRBUF_INIT;
	report_table_caption(&cap, d->lang, no);
	sb_addf(&cap, " %s", t->title);
	write_text(ws, 0, 0, sb_str(&cap), f->title);
	sb_release(&cap);
	int row = 1;
	if (d->simulated)
		write_text(ws, row++, 0, report_word(d->lang, RW_SIMULATED), f->sim);
	row++;
	const char *caution = report_word(d->lang, RW_WARNING);
	row = lines(ws, &t->warnings, row, f->warn, caution);
	int frozen = 0, maxcol = 1, charted = 0;
	for (int i = 0; i < t->nlayers; i++) {
		const report_layer *l = &t->layers[i];
		if (l->label)
			write_text(ws, row++, 0, l->label, f->bold);
		if (l->grid.col_title) {
			write_text(ws, row, 1, l->grid.col_title, f->bold);
			row++;
		}
		if (l->grid.nrow > 0 && l->grid.ncol > 0) {
			if (!frozen) {
				worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 1);
				frozen = 1;
			}
			int ck = -1, ccol = -1;
			int chart = !charted && chart_source(&l->grid, &ck, &ccol);
			for (int k = 0; k < l->grid.nval; k++) {
				if (chart && k == ck) {
					add_chart(wb, ws, sheet, &l->grid, k, ccol, row, t->title,
						  l->grid.ncol + 2);
					charted = 1;
				}
				row = block(ws, f, &l->grid, k, row);
			}
			row = flags(ws, f, &l->grid, row);
			row = stats_block(ws, f, d, l, row);
			if (l->grid.ncol + 1 > maxcol)
				maxcol = l->grid.ncol + 1;
		}
		row = lines(ws, &l->lines, row, NULL, NULL);
		row = lines(ws, &l->warnings, row, f->warn, caution);
	}
	row = lines(ws, &t->lines, row, NULL, NULL);
	if (t->legend)
		write_text(ws, row++, 0, t->legend, f->italic);
	if (t->question)
		write_text(ws, row++, 0, t->question, f->italic);
	if (t->base)
		write_text(ws, row++, 0, t->base, f->italic);
	if (t->note) {
		char *s = xasprintf("%s. %s", report_word(d->lang, RW_NOTE), t->note);
		write_text(ws, row++, 0, s, f->italic);
		free(s);
	}
	worksheet_set_column(ws, 0, 0, 46, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)(maxcol > 1 ? maxcol - 1 : 1), 14, NULL);
}

/* The contents sheet's head: its columns, the titles and facts, the header of the list of
 * sheets. Returns the first row of that list. */
static int contents_head(lxw_worksheet *toc, const report_doc *d, const struct fmts *f)
{
	worksheet_set_column(toc, 0, 0, 8, NULL);
	worksheet_set_column(toc, 1, 1, 22, NULL);
	worksheet_set_column(toc, 2, 2, 90, f->wrap);
	int row = 0;
	if (d->author)
		write_text(toc, row++, 2, d->author, NULL);
	write_text(toc, row++, 2, d->title, f->title);
	if (d->subtitle)
		write_text(toc, row++, 2, d->subtitle, f->bold);
	if (d->simulated) {
		write_text(toc, row++, 2, report_word(d->lang, RW_SIMULATED), f->sim);
		write_text(toc, row++, 2, report_simulated_note(d), f->wrap);
	}
	for (int i = 0; i < d->facts.n; i++)
		write_text(toc, row++, 2, d->facts.v[i], NULL);
	if (d->date)
		write_text(toc, row++, 2, d->date, NULL);
	row++;
	write_text(toc, row, 0, "№", f->head);
	write_text(toc, row, 1, report_word(d->lang, RW_SHEET), f->head);
	write_text(toc, row, 2, report_word(d->lang, RW_TITLE), f->head);
	worksheet_freeze_panes(toc, (lxw_row_t)(row + 1), 0);
	return row + 1;
}

/* Table no on its own sheet name, and its line (row) in the contents: number, link, title.
 * 0, else -1 with err. */
static int add_table_sheet(lxw_workbook *wb, lxw_worksheet *toc, int row, const char *name,
			   const struct fmts *f, const report_doc *d, const report_table *t, int no,
			   char *err)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws)
		return errf(err, "cannot add the sheet '%s'", name);
	table_sheet(wb, ws, name, f, d, t, no);
	worksheet_write_number(toc, (lxw_row_t)row, 0, no, NULL);
	char *url = xasprintf("internal:'%s'!A1", name);
	worksheet_write_url(toc, (lxw_row_t)row, 1, url, f->link);
	worksheet_write_string(toc, (lxw_row_t)row, 1, name, f->link);
	free(url);
	write_text(toc, row, 2, t->title, f->wrap);
	return 0;
}

int report_xlsx(const report_doc *d, const char *path, const char *tmpdir, char *err)
{
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = (char *)tmpdir };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb)
		return errf(err, "cannot create '%s'", path);
	lxw_doc_properties props = {
		.title = d->title, .author = d->author, .comments = "survey report",
		.created = d->made ? (time_t)d->made : time(NULL),
	};
	workbook_set_properties(wb, &props);
	struct fmts f;
	make_fmts(wb, &f);

	int ntables = 0;
	for (int i = 0; i < d->nblocks; i++)
		ntables += d->blocks[i].kind == REPORT_B_TABLE;
	char **names = xcalloc((size_t)ntables + 2, sizeof *names);
	int nnames = 0;
	names[nnames++] = sheet_name(report_word(d->lang, RW_CONTENTS), names, 0);
	lxw_worksheet *toc = workbook_add_worksheet(wb, names[0]);
	int row = contents_head(toc, d, &f);
	int no = 0, rc = 0;
	for (int i = 0; i < d->nblocks; i++) {
		const report_block *b = &d->blocks[i];
		if (b->kind == REPORT_B_HEADING) {
			write_text(toc, row++, 2, b->text, b->level == 1 ? f.title : f.bold);
		} else if (b->kind == REPORT_B_PARA) {
			write_text(toc, row++, 2, b->text, f.wrap);
		} else if (b->kind == REPORT_B_LIST) {
			for (int k = 0; k < b->items.n; k++)
				write_text(toc, row++, 2, b->items.v[k], f.wrap);
		} else {
			/* the sheet is named as the report names the table: "5-таблица" */
			strbuf cap = STRBUF_INIT;
			report_table_caption(&cap, d->lang, ++no);
			if (cap.len && cap.buf[cap.len - 1] == '.')
				cap.buf[--cap.len] = 0;
			char *name = sheet_name(sb_str(&cap), names, nnames);
			sb_release(&cap);
			names[nnames++] = name;
			if ((rc = add_table_sheet(wb, toc, row++, name, &f, d, b->table, no, err)))
				break;
		}
	}
	lxw_error e = workbook_close(wb);
	if (!rc && e != LXW_NO_ERROR)
		rc = errf(err, "cannot write '%s': %s", path, lxw_strerror(e));
	strv_free(names, nnames);
	return rc;
}

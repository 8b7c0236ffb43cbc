/* md.c: the report as Markdown (pipe tables, as pandoc and most wikis read them) — the same
 * headings, tables, tests in words, warnings and notes as the HTML, without the charts. */
#include "report/report.h"
#include "report/words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Text for one table cell or line: pipes escaped, line breaks as spaces, markup characters
 * that would change the meaning escaped. */
static void md_text(strbuf *sb, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '<' ||
		    *p == '[' || *p == ']')
			sb_addc(sb, '\\');
		/* line breaks and other control characters (an escape sequence in an open
		 * answer) become spaces: one cell stays one line, nothing reaches a terminal */
		sb_addc(sb, (unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p);
	}
}

/* open, then text escaped, then close (html.c's tag_text) */
static void md_tag(strbuf *sb, const char *open, const char *text, const char *close)
{
	sb_adds(sb, open);
	md_text(sb, text);
	sb_adds(sb, close);
}

static void md_cell(strbuf *sb, const report_doc *d, const report_grid *g, int i, int j)
{
	for (int k = 0; k < g->nval; k++) {
		size_t at = report_grid_at(g, i, j, k);
		strbuf t = STRBUF_INIT;
		report_fmt(&t, d->lang, g->v[at], (report_num)g->kind[at]);
		if (k == 1)
			sb_adds(sb, " (");
		else if (k > 1)
			sb_adds(sb, "; ");
		md_text(sb, t.len ? sb_str(&t) : "–");
		sb_release(&t);
		unsigned char f = g->flag[i * g->ncol + j];
		if (k == 0 && f)
			sb_adds(sb, f == REPORT_FLAG_UP ? " \xe2\x96\xb2" : " \xe2\x96\xbc");
	}
	if (g->nval > 1)
		sb_addc(sb, ')');
}

static void grid(strbuf *sb, const report_doc *d, const report_grid *g)
{
	strbuf legend = STRBUF_INIT;
	report_grid_legend(&legend, d->lang, g);
	if (legend.len)
		md_tag(sb, "", sb_str(&legend), ".\n\n");
	sb_release(&legend);
	sb_adds(sb, "| ");
	md_text(sb, *g->corner ? g->corner : " ");
	for (int j = 0; j < g->ncol; j++) {
		sb_adds(sb, " | ");
		md_text(sb, g->col_label[j]);
	}
	sb_adds(sb, " |\n|:--");
	for (int j = 0; j < g->ncol; j++)
		sb_adds(sb, "|--:");
	sb_adds(sb, "|\n");
	for (int i = 0; i < g->nrow; i++) {
		int total = i >= g->nrow - g->total_rows;
		sb_adds(sb, total ? "| **" : "| ");
		md_text(sb, g->row_label[i]);
		sb_adds(sb, total ? "**" : "");
		for (int j = 0; j < g->ncol; j++) {
			sb_adds(sb, " | ");
			md_cell(sb, d, g, i, j);
		}
		sb_adds(sb, " |\n");
	}
	sb_addc(sb, '\n');
}

static void lines(strbuf *sb, const report_strs *l, const char *mark)
{
	for (int i = 0; i < l->n; i++) {
		sb_addf(sb, "%s> %s", i ? ">\n" : "", mark);
		md_text(sb, l->v[i]);
		sb_addc(sb, '\n');
	}
	if (l->n)
		sb_addc(sb, '\n');
}

static void table(strbuf *sb, const report_doc *d, const report_table *t, int no)
{
	char warn[64];
	snprintf(warn, sizeof warn, "**%s:** ", report_word(d->lang, RW_WARNING));
	sb_adds(sb, "### ");
	strbuf cap = STRBUF_INIT;
	report_table_caption(&cap, d->lang, no);
	md_text(sb, sb_str(&cap));
	sb_release(&cap);
	sb_addc(sb, ' ');
	md_text(sb, t->title);
	sb_adds(sb, "\n\n");
	lines(sb, &t->warnings, warn);
	for (int i = 0; i < t->nlayers; i++) {
		const report_layer *l = &t->layers[i];
		if (l->label)
			md_tag(sb, "#### ", l->label, "\n\n");
		if (l->grid.nrow > 0 && l->grid.ncol > 0)
			grid(sb, d, &l->grid);
		lines(sb, &l->lines, "");
		lines(sb, &l->warnings, warn);
	}
	lines(sb, &t->lines, "");
	if (t->legend)
		md_tag(sb, "", t->legend, "\n\n");
	if (t->question)
		md_tag(sb, "*", t->question, "*\n\n");
	if (t->base)
		md_tag(sb, "", t->base, "\n\n");
	if (t->note) {
		sb_addf(sb, "*%s.* ", report_word(d->lang, RW_NOTE));
		md_text(sb, t->note);
		sb_adds(sb, "\n\n");
	}
}

void report_md(const report_doc *d, strbuf *sb)
{
	if (d->simulated)
		md_tag(sb, "**", report_word(d->lang, RW_SIMULATED), "**\n\n");
	if (d->author)
		md_tag(sb, "", d->author, "\n\n");
	md_tag(sb, "# ", d->title ? d->title : "", "\n\n");
	if (d->subtitle)
		md_tag(sb, "**", d->subtitle, "**\n\n");
	if (d->simulated) {
		md_tag(sb, "> **", report_word(d->lang, RW_SIMULATED), "** ");
		md_tag(sb, "", report_simulated_note(d), "\n\n");
	}
	for (int i = 0; i < d->facts.n; i++) {
		sb_adds(sb, "- ");
		md_text(sb, d->facts.v[i]);
		sb_addc(sb, '\n');
	}
	if (d->facts.n)
		sb_addc(sb, '\n');
	if (d->date)
		md_tag(sb, "", d->date, "\n\n");
	int no = 0;
	for (int i = 0; i < d->nblocks; i++) {
		const report_block *b = &d->blocks[i];
		switch (b->kind) {
		case REPORT_B_HEADING:
			sb_adds(sb, b->level == 1 ? "## " : "### ");
			md_text(sb, b->text);
			sb_adds(sb, "\n\n");
			break;
		case REPORT_B_PARA:
			md_text(sb, b->text);
			sb_adds(sb, "\n\n");
			break;
		case REPORT_B_TABLE:
			table(sb, d, b->table, ++no);
			break;
		case REPORT_B_LIST:
			for (int k = 0; k < b->items.n; k++) {
				sb_adds(sb, "- ");
				md_text(sb, b->items.v[k]);
				sb_addc(sb, '\n');
			}
			sb_addc(sb, '\n');
			break;
		}
	}
	sb_adds(sb, "---\n\n");
	md_text(sb, report_word(d->lang, RW_MADE_WITH));
	if (d->date) {
		sb_adds(sb, " · ");
		md_text(sb, d->date);
	}
	sb_addc(sb, '\n');
}

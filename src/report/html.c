/* html.c: the report as one self-contained HTML file — inline CSS and SVG, no script, no
 * external fetch, no web font — printable to A4 (page breaks kept out of tables and charts)
 * and readable on a phone (fluid layout, tables scroll sideways). */
#include "report/report.h"
#include "report/words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char css[] =
	"@page{size:A4;margin:18mm 16mm 20mm 16mm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#555}}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{font-family:\"DejaVu Sans\",\"Noto Sans\",\"Liberation Sans\",Arial,sans-serif;"
	"font-size:10.5pt;line-height:1.45;color:#1b1b1b;background:#fff;max-width:1200px;"
	"margin:0 auto;padding:0 14px 24px}\n"
	"main>p,main>ul,.title-page,nav.toc{max-width:46em}\n"
	"h1,h2,h3,h4{color:#16365c;line-height:1.25;break-after:avoid;page-break-after:avoid}\n"
	"h1{font-size:22pt;margin:0 0 .4em}\n"
	"h2{font-size:15pt;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:2px solid "
	"#16365c}\n"
	"h3{font-size:11.5pt;margin:1.5em 0 .3em}\n"
	"h4{font-size:10.5pt;margin:1em 0 .3em;color:#333}\n"
	"p{margin:.4em 0}\n"
	"a{color:#16365c}\n"
	".title-page{min-height:250mm;display:flex;flex-direction:column;justify-content:center;"
	"break-after:page;page-break-after:always;padding:10mm 0}\n"
	".title-page .author{font-size:12pt;color:#444;margin-bottom:2.5em;text-transform:none}\n"
	".title-page .subtitle{font-size:13pt;color:#333;margin:0 0 2em}\n"
	".title-page .facts{margin:2em 0 0;padding:0;list-style:none;color:#333}\n"
	".title-page .facts li{margin:.25em 0}\n"
	".title-page .date{margin-top:3em;color:#555}\n"
	".sim{border:3px solid #b00020;color:#b00020;padding:.7em 1em;margin:1.2em 0;"
	"font-weight:bold}\n"
	".sim p{font-weight:normal;color:#5a0010;margin:.4em 0 0}\n"
	".sim-bar{position:sticky;top:0;z-index:2;background:#b00020;color:#fff;"
	"text-align:center;font-weight:bold;font-size:9pt;padding:3px 6px;margin:0 -14px}\n"
	".watermark{display:none}\n"
	"nav.toc{break-after:page;page-break-after:always}\n"
	"nav.toc ol{padding-left:1.4em}\n"
	"nav.toc li{margin:.2em 0}\n"
	"nav.toc ol ol{list-style:none;padding-left:1em;font-size:95%}\n"
	"section.tbl{margin:1.2em 0 2em}\n"
	".keep{break-inside:avoid;page-break-inside:avoid}\n"
	".question,.base,.cells{color:#444;font-size:9.5pt}\n"
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4em 0}\n"
	"table.grid{border-collapse:collapse;font-size:9pt;min-width:55%;max-width:100%;"
	"font-variant-numeric:tabular-nums;break-inside:avoid;page-break-inside:avoid}\n"
	"table.grid th,table.grid td{border:1px solid #c5ced8;padding:3px 6px;"
	"vertical-align:top}\n"
	"table.grid thead th{background:#e8eef5;font-weight:bold;text-align:center;"
	"overflow-wrap:anywhere;hyphens:auto}\n"
	"table.grid th[scope=row]{text-align:left;font-weight:normal;background:#fafbfc;"
	"min-width:8em;overflow-wrap:anywhere}\n"
	"table.grid td{text-align:right;white-space:nowrap}\n"
	"table.grid.wrap td{white-space:normal}\n"
	"table.grid .flag{font-size:90%;margin-left:2px}\n"
	"table.grid .flag.up{color:#0a6b2d}table.grid .flag.down{color:#b00020}\n"
	"ul.findings li{margin:.3em 0}\n"
	".legend{color:#444;font-size:9pt}\n"
	".questionnaire dt{font-weight:bold;margin-top:.6em}.questionnaire dd{margin-left:1.5em}\n"
	"table.grid td .v1,table.grid td .v2,table.grid td .v3{display:block;color:#666;"
	"font-size:85%}\n"
	"table.grid tr.total th,table.grid tr.total td{font-weight:bold;border-top:2px solid "
	"#8a9bb0}\n"
	"table.grid td.total,table.grid th.total{font-weight:bold;background:#f3f6f9}\n"
	"figure.chart{margin:.6em 0;break-inside:avoid;page-break-inside:avoid}\n"
	"svg.chart{width:100%;height:auto;max-width:170mm;display:block}\n"
	".test{margin:.5em 0;padding:.4em .7em;background:#f2f6fa;border-left:4px solid #16365c;"
	"break-inside:avoid}\n"
	".warn{margin:.5em 0;padding:.4em .7em;background:#fff6e0;border-left:4px solid #d08c00;"
	"break-inside:avoid}\n"
	".warn p,.test p{margin:.2em 0}\n"
	".note{font-size:9.5pt;color:#333;font-style:italic}\n"
	"footer{margin-top:3em;padding-top:.5em;border-top:1px solid #ccc;color:#666;"
	"font-size:8.5pt}\n"
	"@media screen and (max-width:640px){body{font-size:15px;padding:0 10px 20px}"
	"h1{font-size:1.7em}h2{font-size:1.3em}.title-page{min-height:0}"
	"table.grid{font-size:10.5px;min-width:0;width:100%}"
	"table.grid th,table.grid td{padding:2px 3px}"
	"table.grid th[scope=row]{min-width:0;width:30%}"
	"table.grid td{white-space:normal}"
	"table.grid td .v1,table.grid td .v2,table.grid td .v3{font-size:9px}"
	"table.grid.wide thead{display:none}"
	"table.grid.wide,table.grid.wide tbody,table.grid.wide tr{display:block;width:100%}"
	"table.grid.wide tr{margin:0 0 6px;border:1px solid #c5ced8}"
	"table.grid.wide th[scope=row]{display:block;width:auto;border:0;font-weight:bold}"
	"table.grid.wide td{display:flex;justify-content:flex-end;align-items:baseline;gap:6px;"
	"border:0;border-top:1px solid #eef1f5;text-align:right}"
	"table.grid.wide td::before{content:attr(data-label);text-align:left;color:#444;"
	"margin-right:auto}"
	"table.grid.wide td .v0,table.grid.wide td .v1{display:inline}"
	".sim-bar{margin:0 -10px}}\n"
	"@media print{body{max-width:none;padding:0}.scroll{overflow:visible}"
	"table.grid{font-size:8pt;width:100%}table.grid td{white-space:normal}"
	"table.grid th,table.grid td{padding:2px 3px}table.grid th[scope=row]{min-width:0}"
	".sim-bar{display:none}a{color:inherit;text-decoration:none}"
	".watermark{display:block;position:fixed;top:45%;left:0;right:0;text-align:center;"
	"transform:rotate(-30deg);font-size:22pt;font-weight:bold;white-space:nowrap;"
	"color:rgba(176,0,32,.08);z-index:0;pointer-events:none}}\n";

static void esc(strbuf *sb, const char *s)
{
	report_xml_escape(sb, s);
}

static void tag_text(strbuf *sb, const char *open, const char *text, const char *close)
{
	sb_adds(sb, open);
	esc(sb, text);
	sb_adds(sb, close);
}

static const char *const val_class[] = { "v0", "v1", "v2", "v3" };

static void cell(strbuf *sb, const report_doc *d, const report_grid *g, int i, int j,
		 int total)
{
	sb_adds(sb, total ? "<td class=\"total\"" : "<td");
	if (g->ncol >= 5) {   /* the column's label, for a wide table's cards on a phone */
		sb_adds(sb, " data-label=\"");
		esc(sb, g->col_label[j]);
		sb_addc(sb, '"');
	}
	sb_addc(sb, '>');
	for (int k = 0; k < g->nval; k++) {
		size_t at = report_grid_at(g, i, j, k);
		double v = g->v[at];
		sb_addf(sb, "<span class=\"%s\"", val_class[k < 4 ? k : 3]);
		if (g->val_key[k])
			sb_addf(sb, " data-k=\"%s\"", g->val_key[k]);
		if (!isnan(v)) {
			sb_adds(sb, " data-v=\"");
			report_fmt_raw(sb, v);
			sb_addc(sb, '"');
		}
		sb_addc(sb, '>');
		strbuf t = STRBUF_INIT;
		report_fmt(&t, d->lang, v, (report_num)g->kind[at]);
		esc(sb, t.len ? sb_str(&t) : "");
		sb_release(&t);
		sb_adds(sb, "</span>");
		/* the mark after the value's own span, so that its text stays the number */
		unsigned char f = g->flag[i * g->ncol + j];
		if (k == 0 && f)
			sb_adds(sb, f == REPORT_FLAG_UP ? "<span class=\"flag up\" data-flag=\"up\">"
							  "\xe2\x96\xb2</span>"
							: "<span class=\"flag down\" data-flag=\"down\">"
							  "\xe2\x96\xbc</span>");
	}
	sb_adds(sb, "</td>");
}

/* A heading cell: open ("<th" and its attributes), the category's code as data-code when it
 * has one, the label escaped. */
static void th_coded(strbuf *sb, const char *open, const char *code, const char *label)
{
	sb_adds(sb, open);
	if (code) {
		sb_adds(sb, " data-code=\"");
		esc(sb, code);
		sb_addc(sb, '"');
	}
	sb_addc(sb, '>');
	esc(sb, label);
	sb_adds(sb, "</th>");
}

static void grid(strbuf *sb, const report_doc *d, const report_grid *g)
{
	strbuf legend = STRBUF_INIT;
	report_grid_legend(&legend, d->lang, g);
	if (legend.len)
		tag_text(sb, "<p class=\"cells\">", sb_str(&legend), ".</p>\n");
	sb_release(&legend);
	/* a table of many columns: on a phone each row becomes a card (see the CSS) */
	sb_addf(sb, "<div class=\"scroll\"><table class=\"grid%s%s\">\n<thead>\n",
		g->wrap ? " wrap" : "", g->ncol >= 5 ? " wide" : "");
	if (g->col_title) {
		sb_adds(sb, "<tr><th rowspan=\"2\">");
		esc(sb, g->corner);
		sb_addf(sb, "</th><th colspan=\"%d\">", g->ncol);
		esc(sb, g->col_title);
		sb_adds(sb, "</th></tr>\n<tr>");
	} else {
		sb_adds(sb, "<tr>");
		tag_text(sb, "<th>", g->corner, "</th>");
	}
	for (int j = 0; j < g->ncol; j++) {
		int total = j >= g->ncol - g->total_cols;
		th_coded(sb, total ? "<th class=\"total\"" : "<th", g->col_code[j], g->col_label[j]);
	}
	sb_adds(sb, "</tr>\n</thead>\n<tbody>\n");
	for (int i = 0; i < g->nrow; i++) {
		int total = i >= g->nrow - g->total_rows;
		sb_adds(sb, total ? "<tr class=\"total\">" : "<tr>");
		th_coded(sb, "<th scope=\"row\"", g->row_code[i], g->row_label[i]);
		for (int j = 0; j < g->ncol; j++)
			cell(sb, d, g, i, j, j >= g->ncol - g->total_cols);
		sb_adds(sb, "</tr>\n");
	}
	sb_adds(sb, "</tbody>\n</table></div>\n");
}

static void paras(strbuf *sb, const report_strs *l, const char *cls)
{
	if (!l->n)
		return;
	sb_addf(sb, "<div class=\"%s\">", cls);
	for (int i = 0; i < l->n; i++)
		tag_text(sb, "<p>", l->v[i], "</p>");
	sb_adds(sb, "</div>\n");
}

/* "1-таблица. Title", escaped. */
static void caption(strbuf *sb, const report_doc *d, int no, const char *title)
{
	strbuf cap = STRBUF_INIT;
	report_table_caption(&cap, d->lang, no);
	sb_addc(&cap, ' ');
	sb_adds(&cap, title);
	esc(sb, sb_str(&cap));
	sb_release(&cap);
}

static void table(strbuf *sb, const report_doc *d, const report_table *t, int no)
{
	sb_adds(sb, "<section class=\"tbl\" id=\"t-");
	esc(sb, t->id);
	/* the heading stays on the page of the table's first rows */
	sb_adds(sb, "\">\n<div class=\"keep\">\n<h3>");
	caption(sb, d, no, t->title);
	sb_adds(sb, "</h3>\n");
	paras(sb, &t->warnings, "warn");
	for (int i = 0; i < t->nlayers; i++) {
		const report_layer *l = &t->layers[i];
		if (i)
			sb_adds(sb, "<div class=\"keep\">\n");
		if (l->label)
			tag_text(sb, "<h4>", l->label, "</h4>\n");
		if (l->grid.nrow > 0 && l->grid.ncol > 0)
			grid(sb, d, &l->grid);
		sb_adds(sb, "</div>\n");
		if (l->chart.kind == REPORT_CHART_BARS || l->chart.kind == REPORT_CHART_STACKED ||
		    l->chart.kind == REPORT_CHART_GROUPED) {
			sb_adds(sb, "<figure class=\"chart\">");
			report_svg(&l->chart, d->lang, sb);
			sb_adds(sb, "</figure>\n");
		}
		paras(sb, &l->lines, "test");
		paras(sb, &l->warnings, "warn");
	}
	if (!t->nlayers)
		sb_adds(sb, "</div>\n");
	paras(sb, &t->lines, "test");
	if (t->legend)
		tag_text(sb, "<p class=\"legend\">", t->legend, "</p>\n");
	if (t->question)
		tag_text(sb, "<p class=\"question\">", t->question, "</p>\n");
	if (t->base)
		tag_text(sb, "<p class=\"base\">", t->base, "</p>\n");
	if (t->note) {
		sb_addf(sb, "<p class=\"note\"><b>%s.</b> ", report_word(d->lang, RW_NOTE));
		esc(sb, t->note);
		sb_adds(sb, "</p>\n");
	}
	sb_adds(sb, "</section>\n");
}

/* A list; each item's data "k=v k2=v2" as data-k attributes (for machine checks). */
static void list(strbuf *sb, const report_block *b)
{
	sb_adds(sb, "<ul class=\"findings\">\n");
	for (int i = 0; i < b->items.n; i++) {
		sb_adds(sb, "<li");
		const char *p = i < b->data.n ? b->data.v[i] : "";
		while (*p) {
			while (*p == ' ')
				p++;
			const char *e = p, *eq = NULL;
			while (*e && *e != ' ') {
				if (*e == '=' && !eq)
					eq = e;
				e++;
			}
			if (eq && eq > p) {
				sb_adds(sb, " data-");
				for (const char *k = p; k < eq; k++)
					if ((*k >= 'a' && *k <= 'z') || *k == '-' || *k == '_')
						sb_addc(sb, *k == '_' ? '-' : *k);
				sb_adds(sb, "=\"");
				char *v = xstrndup(eq + 1, (size_t)(e - eq - 1));
				esc(sb, v);
				free(v);
				sb_addc(sb, '"');
			}
			p = e;
		}
		sb_addc(sb, '>');
		esc(sb, b->items.v[i]);
		sb_adds(sb, "</li>\n");
	}
	sb_adds(sb, "</ul>\n");
}

static void title_page(strbuf *sb, const report_doc *d)
{
	sb_adds(sb, "<header class=\"title-page\">\n");
	if (d->author)
		tag_text(sb, "<p class=\"author\">", d->author, "</p>\n");
	tag_text(sb, "<h1>", d->title ? d->title : "", "</h1>\n");
	if (d->subtitle)
		tag_text(sb, "<p class=\"subtitle\">", d->subtitle, "</p>\n");
	if (d->simulated) {
		tag_text(sb, "<div class=\"sim\">", report_word(d->lang, RW_SIMULATED), "");
		tag_text(sb, "<p>", report_simulated_note(d), "</p></div>\n");
	}
	if (d->facts.n) {
		sb_adds(sb, "<ul class=\"facts\">\n");
		for (int i = 0; i < d->facts.n; i++)
			tag_text(sb, "<li>", d->facts.v[i], "</li>\n");
		sb_adds(sb, "</ul>\n");
	}
	if (d->date)
		tag_text(sb, "<p class=\"date\">", d->date, "</p>\n");
	sb_adds(sb, "</header>\n");
}

/* Contents: the level-1 headings, each with its tables. */
static void contents(strbuf *sb, const report_doc *d)
{
	sb_addf(sb, "<nav class=\"toc\">\n<h2>%s</h2>\n<ol>\n",
		report_word(d->lang, RW_CONTENTS));
	int open = 0, sub = 0, no = 0;
	for (int i = 0; i < d->nblocks; i++) {
		const report_block *b = &d->blocks[i];
		if (b->kind == REPORT_B_HEADING && b->level == 1) {
			if (sub)
				sb_adds(sb, "</ol>");
			if (open)
				sb_adds(sb, "</li>\n");
			sb_adds(sb, "<li><a href=\"#");
			esc(sb, b->id ? b->id : "");
			sb_adds(sb, "\">");
			esc(sb, b->text);
			sb_adds(sb, "</a>");
			open = 1;
			sub = 0;
		} else if (b->kind == REPORT_B_TABLE) {
			no++;
			if (!sub) {
				sb_adds(sb, open ? "<ol>" : "<li><ol>");
				sub = open = 1;
			}
			sb_adds(sb, "<li><a href=\"#t-");
			esc(sb, b->table->id);
			sb_adds(sb, "\">");
			caption(sb, d, no, b->table->title);
			sb_adds(sb, "</a></li>");
		}
	}
	if (sub)
		sb_adds(sb, "</ol>");
	if (open)
		sb_adds(sb, "</li>\n");
	sb_adds(sb, "</ol>\n</nav>\n");
}

void report_html(const report_doc *d, strbuf *sb)
{
	sb_adds(sb, "<!DOCTYPE html>\n<html lang=\"");
	esc(sb, d->lang);
	sb_adds(sb, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"survey report\">\n");
	tag_text(sb, "<title>", d->title ? d->title : "", "</title>\n");
	sb_adds(sb, "<style>\n");
	sb_adds(sb, css);
	sb_adds(sb, "</style>\n</head>\n<body>\n");
	if (d->simulated) {
		tag_text(sb, "<div class=\"sim-bar\">", report_word(d->lang, RW_SIMULATED),
			 "</div>\n");
		tag_text(sb, "<div class=\"watermark\" aria-hidden=\"true\">",
			 report_word(d->lang, RW_SIMULATED_SHORT), "</div>\n");
	}
	title_page(sb, d);
	contents(sb, d);
	sb_adds(sb, "<main>\n");
	int no = 0;
	for (int i = 0; i < d->nblocks; i++) {
		const report_block *b = &d->blocks[i];
		switch (b->kind) {
		case REPORT_B_HEADING:
			sb_addf(sb, "<h%d", b->level == 1 ? 2 : 3);
			if (b->id) {
				sb_adds(sb, " id=\"");
				esc(sb, b->id);
				sb_addc(sb, '"');
			}
			sb_addc(sb, '>');
			esc(sb, b->text);
			sb_addf(sb, "</h%d>\n", b->level == 1 ? 2 : 3);
			break;
		case REPORT_B_PARA:
			tag_text(sb, "<p>", b->text, "</p>\n");
			break;
		case REPORT_B_TABLE:
			table(sb, d, b->table, ++no);
			break;
		case REPORT_B_LIST:
			list(sb, b);
			break;
		}
	}
	sb_adds(sb, "</main>\n<footer>");
	esc(sb, report_word(d->lang, RW_MADE_WITH));
	if (d->date) {
		sb_adds(sb, " · ");
		esc(sb, d->date);
	}
	sb_adds(sb, "</footer>\n</body>\n</html>\n");
}

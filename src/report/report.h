/* report.h: a report ready to print — a document of headings, paragraphs and tables whose
 * numbers are already computed and whose texts are already in the report's language — and its
 * writers: HTML (one self-contained file with inline CSS and SVG charts), Markdown and XLSX.
 * Writers only format: they never count or test anything (build.c fills the document from the
 * analysis pipeline, so its numbers are survey tab's). */
#ifndef SURVEY_REPORT_H
#define SURVEY_REPORT_H

#include "report/spec.h"
#include "util/util.h"

/* What a number is, for formatting (percent with one decimal, p-values, ...). */
typedef enum report_num {
	REPORT_N_COUNT,   /* a (weighted) count: whole numbers without decimals */
	REPORT_N_PCT,     /* a percentage 0..100 (XLSX stores it as a fraction, format 0.0%) */
	REPORT_N_NUM,     /* a quantity such as a mean: two decimals */
	REPORT_N_STAT,    /* a statistic or measure: three decimals */
	REPORT_N_P,       /* a p-value: three decimals, "< 0.001" below */
} report_num;

/* A growable list of malloc'd strings. */
typedef struct report_strs {
	char **v;
	int n, cap;
} report_strs;
void report_strs_add(report_strs *l, const char *s);
void report_strs_addf(report_strs *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_strs_release(report_strs *l);

/* A table of numbers: nrow x ncol cells, each holding nval values (e.g. a column percent and
 * a count). Row and column labels are display texts; codes (choice names) are kept beside them
 * for machine readers (HTML data attributes). */
typedef struct report_grid {
	char *corner;          /* header over the row labels; "" when none */
	char *col_title;       /* a header spanning the columns (the column question); NULL: none */
	int nrow, ncol, nval;
	char **row_label;      /* nrow */
	char **row_code;       /* nrow; NULL entries for totals */
	char **col_label;      /* ncol */
	char **col_code;       /* ncol; NULL entries for totals */
	char **val_label;      /* nval: what each value is ("Count", "Column %") */
	char **val_key;        /* nval: its machine name ("count", "col_pct") */
	double *v;             /* nrow * ncol * nval values, NAN for blank: report_grid_at() */
	unsigned char *kind;   /* the report_num of each value, same shape */
	int total_rows;        /* the last total_rows rows are totals */
	int total_cols;        /* the last total_cols columns are totals */
	unsigned char *flag;   /* nrow * ncol: REPORT_FLAG_* of each cell (i * ncol + j) */
	int wrap;              /* 1: long labels (open answers): the first column wraps */
} report_grid;

/* A cell's mark: its share differs significantly from the other groups' (adjusted
 * standardized residual beyond the corrected critical value). */
enum { REPORT_FLAG_NONE = 0, REPORT_FLAG_UP = 1, REPORT_FLAG_DOWN = 2 };

/* Allocate the arrays (labels NULL, values NAN, kinds REPORT_N_COUNT). */
void report_grid_init(report_grid *g, int nrow, int ncol, int nval);
void report_grid_release(report_grid *g);
static inline size_t report_grid_at(const report_grid *g, int i, int j, int k)
{
	return ((size_t)i * (size_t)g->ncol + (size_t)j) * (size_t)g->nval + (size_t)k;
}

/* A bar chart of percentages. */
typedef struct report_chart {
	report_chart_kind kind;  /* BARS, STACKED or GROUPED; NONE (or AUTO): no chart */
	int ncat;                /* BARS: bars; STACKED: bars (one per column category);
	                            GROUPED: groups (one per row category) */
	char **cat;              /* ncat labels */
	int nser;                /* BARS: 1; STACKED: segments of a bar; GROUPED: bars of a group */
	char **ser;              /* nser legend labels (NULL when nser is 1) */
	double *v;               /* ncat * nser percentages, v[c * nser + s] */
	char *axis;              /* what the values are: "% of interviews" */
	int ordinal;             /* 1: the series are an ordered scale (a sequential palette) */
} report_chart;
void report_chart_init(report_chart *c, report_chart_kind kind, int ncat, int nser);
void report_chart_release(report_chart *c);

/* A statistic as numbers (XLSX writes them in cells): a test or a measure. */
typedef struct report_stat {
	char *name;              /* in the report's language */
	double value, df, p;     /* NAN: none */
} report_stat;

/* One table of a cross-tab with layers, or the only one. */
typedef struct report_layer {
	char *label;             /* "Oblast: Batken Oblast"; NULL without layers */
	report_grid grid;
	report_chart chart;      /* kind NONE: no chart */
	report_strs lines;       /* the test in words, then other statistics */
	report_strs warnings;    /* small expected counts, Monte Carlo p-values, ... */
	int nstat;               /* the statistics of `lines` as numbers */
	report_stat *stat;
} report_layer;
/* Add a statistic to a layer (name copied). */
void report_layer_stat(report_layer *l, const char *name, double value, double df, double p);

typedef struct report_table {
	char *id;                /* the spec's name: HTML anchor, XLSX sheet name */
	char *title;             /* without a number: writers number the tables */
	char *question;          /* the questions it shows, in words (printed under the table);
	                            NULL: none */
	char *base;              /* who is counted: "Complete interviews: 1 893"; NULL: none */
	char *note;              /* the author's note; NULL: none */
	int nlayers;
	report_layer *layers;
	report_strs lines;       /* statistics about all layers (Cochran-Mantel-Haenszel) */
	report_strs warnings;    /* about the whole table (no data, one category, ...) */
	char *legend;            /* what the ▲▼ marks mean, when a cell has one; NULL: none */
} report_table;
/* A new table with nlayers zeroed layers; free with report_table_free (NULL accepted). */
report_table *report_table_new(const char *id, const char *title, int nlayers);
void report_table_free(report_table *t);

typedef enum report_block_kind {
	REPORT_B_HEADING,        /* text at level 1 (a section) or 2 */
	REPORT_B_PARA,           /* a paragraph */
	REPORT_B_TABLE,          /* table */
	REPORT_B_LIST,           /* a bulleted list (the key findings) */
} report_block_kind;

typedef struct report_block {
	report_block_kind kind;
	int level;               /* heading: 1 or 2 */
	char *text;              /* heading or paragraph; NULL for a table */
	char *id;                /* heading: anchor for the contents; NULL: none */
	report_table *table;     /* REPORT_B_TABLE, owned */
	report_strs items;       /* REPORT_B_LIST: the sentences */
	report_strs data;        /* REPORT_B_LIST: per sentence, the numbers it states for machine
	                            checks, "key=value" pairs separated by spaces (values without
	                            spaces); HTML writes them as data-key attributes */
} report_block;

typedef struct report_doc {
	char lang[16];           /* language code of the texts ("ky", "ru", "en"): the fixed words
	                            and number formats (decimal comma in ky and ru) follow it */
	char *title;             /* the report's title */
	char *subtitle;          /* NULL: none */
	char *author;            /* the organisation; NULL: none */
	char *date;              /* the date it was made, as printed; NULL: none */
	long long made;          /* when it was made, seconds since 1970 (XLSX properties);
	                            0: now */
	report_strs facts;       /* title-page lines: questionnaire and version, fieldwork, ... */
	int simulated;           /* 1: the data are simulated (a banner on every page) */
	char *simulated_note;    /* under the banner: how many interviews are simulated; NULL:
	                            the general note (report_simulated_note) */
	int nblocks;
	report_block *blocks;
} report_doc;

void report_doc_init(report_doc *d, const char *lang);
/* The paragraph under the simulated-data banner: d->simulated_note, else the general one. */
const char *report_simulated_note(const report_doc *d);
void report_doc_release(report_doc *d);
void report_doc_heading(report_doc *d, int level, const char *id, const char *text);
void report_doc_para(report_doc *d, const char *text);
void report_doc_table(report_doc *d, report_table *t);   /* takes ownership of t */
/* A list (items and their data, copied; data may be NULL or have fewer entries). */
void report_doc_list(report_doc *d, const report_strs *items, const report_strs *data);
/* Move the blocks from index `from` to the end so that they start at index `to`. */
void report_doc_move(report_doc *d, int from, int to);
/* The caption of table number no in the language: "Table 1.", "Таблица 1.", "1-таблица." */
void report_table_caption(strbuf *sb, const char *lang, int no);
/* What a cell of g holds when it holds several values, as plain text for the writers to
 * escape: "In each cell: Count (Row %; Column %)"; appends nothing when a cell holds one. */
void report_grid_legend(strbuf *sb, const char *lang, const report_grid *g);

/* ---- Writers. Each appends a whole document to sb. ---- */
void report_html(const report_doc *d, strbuf *sb);
void report_md(const report_doc *d, strbuf *sb);
/* An XLSX workbook at path (libxlsxwriter; its temporary files go in tmpdir, NULL: the
 * system's). Returns 0, or -1 with err. */
int report_xlsx(const report_doc *d, const char *path, const char *tmpdir, char *err);
/* One chart as an <svg> element (no XML declaration), for inline use in HTML. Deterministic:
 * the same chart gives the same bytes. */
void report_svg(const report_chart *c, const char *lang, strbuf *sb);

typedef enum report_format { REPORT_HTML, REPORT_MD, REPORT_XLSX } report_format;
/* The format named by a path's extension (.html/.htm, .md, .xlsx); -1 when none of these. */
int report_format_of(const char *path);
/* Write d to path in the format of its extension: to a temporary file in the same folder,
 * renamed over path only when complete. A missing folder, an unknown extension or a write
 * error return -1 with a one-line err, and nothing is left behind. */
int report_write(const report_doc *d, const char *path, char *err);
/* Can path be written (a known extension, an existing folder)? 0, or -1 with err: checked
 * before the work of building a report. */
int report_check_output(const char *path, char *err);

/* ---- Formatting shared by the writers (fmt.c). ---- */
/* Append v as kind in the conventions of language lang (decimal comma and non-breaking space
 * as thousands separator in ky and ru; "12.5%" in en, "12,5 %" in ky and ru). NAN appends
 * nothing. */
void report_fmt(strbuf *sb, const char *lang, double v, report_num kind);
/* Append v with up to 15 significant digits and a '.' decimal point whatever the locale: the
 * exact value for machine readers (HTML data attributes). NAN appends nothing. */
void report_fmt_raw(strbuf *sb, double v);
/* Append s with &, <, >, " and ' escaped for XML and HTML text and attributes. */
void report_xml_escape(strbuf *sb, const char *s);

#endif

/* spec.h: a report spec — what `survey report` puts in a report, written by a questionnaire
 * author as a workbook (.md, .csv or .xlsx, read by form/sheets.h) with a `report` sheet (one
 * row per section, text, frequency table or cross-tab) and an optional `settings` sheet
 * (titles, the form it describes). reports/README.md documents the format. */
#ifndef SURVEY_REPORT_SPEC_H
#define SURVEY_REPORT_SPEC_H

#include "form/form.h"

/* At most this many languages in a spec (columns title::Language (code), ...). */
#define REPORT_MAX_LANGS 16

typedef enum report_kind {
	REPORT_SECTION,   /* a heading (title), with an optional paragraph (note) */
	REPORT_TEXT,      /* a paragraph (note), with an optional sub-heading (title) */
	REPORT_FREQ,      /* a frequency table of `row` */
	REPORT_TAB,       /* a cross-tab of `row` by `col` (by `by`: a table per layer) */
	REPORT_METHODS,   /* the methods section: who was counted, when, by whom, how; the
	                     rows after it, up to the next section, belong to it */
	REPORT_ANSWERS,   /* the answers to a text question (an open question, an "other,
	                     specify"): every answer listed with its number, by `by` */
	REPORT_NKINDS
} report_kind;
const char *report_kind_name(report_kind k);   /* "section", "text", "freq", "tab", "methods" */

typedef enum report_chart_kind {
	REPORT_CHART_AUTO = 0,   /* freq: bars; tab: stacked */
	REPORT_CHART_NONE,
	REPORT_CHART_BARS,       /* horizontal bars, one per category */
	REPORT_CHART_STACKED,    /* one bar per column category, split by the row categories */
	REPORT_CHART_GROUPED,    /* a group per row category, a bar per column category */
} report_chart_kind;

/* Cells of a frequency table (bits of report_item.cells for REPORT_FREQ). */
enum {
	REPORT_FC_COUNT = 1,      /* "count" */
	REPORT_FC_PERCENT = 2,    /* "percent": of all cases, missing included */
	REPORT_FC_VALID = 4,      /* "valid_percent": of the cases with an answer */
	REPORT_FC_CUM = 8,        /* "cum_percent": cumulative valid percent */
	REPORT_FC_CI = 16,        /* "ci": confidence interval of the valid percent */
};

/* "Don't know" answers in a table (the dont_know column and setting). */
typedef enum report_dk {
	REPORT_DK_DEFAULT = 0,   /* the item: the settings' choice; the settings: category */
	REPORT_DK_CATEGORY,      /* a category of its own, in the percentages and tests */
	REPORT_DK_EXCLUDE,       /* left out of the table (its number said under it) */
} report_dk;

/* A text in each of the spec's languages. */
typedef struct report_text {
	char *v[REPORT_MAX_LANGS];   /* v[lang] per spec language, NULL when empty */
} report_text;

typedef struct report_item {
	report_kind kind;
	int row;                 /* line (or spreadsheet row) in the spec, for messages */
	char *name;              /* identifier ("" when none: allowed for section and text) */
	char *var_row;           /* question names; NULL when the cell is empty */
	char *var_col;
	char *var_by;
	char *weight;            /* the table's weight question; NULL: the settings' one */
	char *where;             /* filter expression; NULL: none */
	unsigned cells;          /* freq: REPORT_FC_* bits; tab: bits 1 << stats_cell_kind;
	                            0 when the cell is empty (the defaults apply) */
	char **stats;            /* statistics keys as written (survey tab's JSON keys), or
	                            "none"; nstats 0: the default (a test chosen for the table) */
	int nstats;
	report_chart_kind chart;
	report_text title;
	report_text note;
	report_text groups;      /* the column categories as a noun for the test's sentence:
	                            "oblasts" / "областями" / "облустардын" (author's grammar) */
	report_dk dont_know;     /* freq and tab: don't know as a category or left out */
	int limit;               /* answers: the answers per group shown before the annex holds
	                            the rest (0: the default, 10) */
} report_item;

/* A short label of a question for table headers (the spec's `labels` sheet). */
typedef struct report_label {
	char *name;              /* the question */
	report_text label;
	int row;
} report_label;

typedef struct report_lang {
	char *name;   /* as written after "::", "Kyrgyz (ky)"; "default" for plain columns */
	char *code;   /* "ky"; NULL when the name has no "(code)" */
} report_lang;

typedef struct report_spec {
	char *path;               /* the file it was read from */
	int nlangs;
	report_lang langs[REPORT_MAX_LANGS];
	/* settings sheet */
	char *form_id;            /* the questionnaire it describes; NULL: any */
	report_text title, subtitle, author;
	char *default_language;   /* as written; NULL: none */
	int default_lang;         /* index into langs of the default; 0 when none is named */
	char *weight;             /* default weight question of every table; NULL: none */
	char *where;              /* filter applied to every table (and the methods); NULL: none */
	int settings_row;         /* row of the settings values, 0 when none */
	report_dk dont_know;      /* every table's default (REPORT_DK_DEFAULT: category) */
	char **dk_codes;          /* the choice names that mean "don't know" (default dont_know) */
	int ndk_codes;
	double frame_size;        /* units in the sample frame (response rate); 0: not given */
	char *unit;               /* a question naming the unit surveyed (distinct ones counted);
	                             NULL: none */
	int questionnaire;        /* 1: an annex prints the questionnaire (setting
	                             questionnaire = yes) */
	int nlabels;              /* the `labels` sheet */
	report_label *labels;
	char *labels_sheet_name;
	/* report sheet */
	int nitems;
	report_item *items;
	char *report_sheet_name;  /* the sheets' names as written, for messages */
	char *settings_sheet_name;   /* NULL when there is no settings sheet */
} report_spec;

/* Read a spec file. Problems go into diags (errors and warnings, located
 * FILE:SHEET:ROW: ... as `survey check` prints them). Returns 0 with *out (free with
 * report_spec_free) when there was no error; otherwise -1, *out NULL, and err holds one line
 * (the file could not be read, or "'FILE' has N errors"). */
int report_spec_load(const char *path, report_spec **out, form_diags *diags, char *err);
/* The same from a workbook already read (wb->path names it). */
int report_spec_from_workbook(const workbook *wb, report_spec **out, form_diags *diags,
                              char *err);
/* Like report_spec_load, but *out is set whenever the file could be read, errors or not
 * (its rows kept as far as they could be understood), so that `survey check` can go on to
 * check it against its form and list every problem at once. -1 (err): an unreadable file. */
int report_spec_read(const char *path, report_spec **out, form_diags *diags, char *err);
void report_spec_free(report_spec *s);   /* NULL is accepted */

/* The spec language for a language code or name (as form_find_lang); -1 when none. */
int report_spec_find_lang(const report_spec *s, const char *lang);
/* A text in spec language `lang` (-1: the default), falling back to the default language,
 * then to the first language that has one; NULL when none has. */
const char *report_spec_text(const report_spec *s, const report_text *t, int lang);

/* The short label of question `name` in spec language lang (fallbacks as report_spec_text),
 * or NULL when the labels sheet has none. */
const char *report_spec_label(const report_spec *s, const char *name, int lang);

/* Check a spec against the questionnaire it describes: every question it names exists and can
 * be tabulated that way (no cross-tab of a text question, a numeric weight), expressions parse
 * and name existing questions, a table has a title in every language of the form (else a
 * warning). Problems go into diags, located at the spec's rows. Returns the number of errors
 * added. */
int report_spec_check(const report_spec *s, const form *f, form_diags *diags);

#endif

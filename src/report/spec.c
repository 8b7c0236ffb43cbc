/* spec.c: reading a report spec from its workbook — the `report` sheet's rows into items, the
 * `settings` sheet into titles and defaults, every problem located at its row. */
#include "report/spec.h"
#include "analysis/statistics.h"
#include "stats/table.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[REPORT_NKINDS] = {
	"section", "text", "freq", "tab", "methods", "answers",
};

const char *report_kind_name(report_kind k)
{
	return k >= 0 && k < REPORT_NKINDS ? kind_names[k] : "?";
}

/* The columns of the report sheet. */
enum col {
	C_IGNORE, C_KIND, C_NAME, C_ROW, C_COL, C_BY, C_WEIGHT, C_WHERE, C_CELLS, C_STATS,
	C_CHART, C_TITLE, C_NOTE, C_GROUPS, C_DONT_KNOW, C_LIMIT,
};
static const struct {
	const char *name;
	enum col col;
	int text;   /* takes ::language */
} columns[] = {
	{ "kind", C_KIND, 0 }, { "name", C_NAME, 0 }, { "row", C_ROW, 0 }, { "col", C_COL, 0 },
	{ "column", C_COL, 0 }, { "by", C_BY, 0 }, { "weight", C_WEIGHT, 0 },
	{ "where", C_WHERE, 0 }, { "cells", C_CELLS, 0 }, { "stats", C_STATS, 0 },
	{ "chart", C_CHART, 0 }, { "title", C_TITLE, 1 }, { "note", C_NOTE, 1 },
	{ "groups", C_GROUPS, 1 }, { "dont_know", C_DONT_KNOW, 0 }, { "limit", C_LIMIT, 0 },
};

struct loader {
	report_spec *s;
	const char *file;
	form_diags *diags;
	const char *sheet;   /* the sheet being read, for messages */
};

static void err_at(struct loader *ld, int row, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void warn_at(struct loader *ld, int row, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void vdiag(struct loader *ld, form_severity sev, int row, const char *column,
		  const char *fmt, va_list ap)
{
	strbuf sb = STRBUF_INIT;
	sb_vaddf(&sb, fmt, ap);
	form_diag_add(ld->diags, sev, ld->file, ld->sheet, row, column, -1, "%s", sb_str(&sb));
	sb_release(&sb);
}

static void err_at(struct loader *ld, int row, const char *column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(ld, FORM_ERROR, row, column, fmt, ap);
	va_end(ap);
}

static void warn_at(struct loader *ld, int row, const char *column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(ld, FORM_WARNING, row, column, fmt, ap);
	va_end(ap);
}

/* s without leading and trailing blanks, malloc'd. */
static char *trim(const char *s)
{
	size_t n = strlen(s);
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/* "title::Kyrgyz (ky)" -> key "title" (lowercase ASCII), lang "Kyrgyz (ky)" (NULL if none). */
static void split_header(const char *h, char **key, char **lang)
{
	const char *sep = strstr(h, "::");
	char *k = sep ? xstrndup(h, (size_t)(sep - h)) : xstrdup(h);
	char *t = trim(k);
	free(k);
	for (char *p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	*key = t;
	*lang = sep ? trim(sep + 2) : NULL;
}

/* "Kyrgyz (ky)" -> "ky"; NULL when the name has no "(code)". */
static char *lang_code(const char *name)
{
	size_t n = strlen(name);
	const char *open = strrchr(name, '(');
	if (!n || name[n - 1] != ')' || !open)
		return NULL;
	char *inner = xstrndup(open + 1, (size_t)(name + n - 1 - (open + 1)));
	char *code = trim(inner);
	free(inner);
	if (!*code) {
		free(code);
		return NULL;
	}
	return code;
}

/* The index of a language, added when new; -1 (reported) beyond REPORT_MAX_LANGS. */
static int lang_index(struct loader *ld, const char *name, int row, const char *header)
{
	report_spec *s = ld->s;
	for (int i = 0; i < s->nlangs; i++)
		if (strcmp(s->langs[i].name, name) == 0)
			return i;
	if (s->nlangs == REPORT_MAX_LANGS) {
		err_at(ld, row, header, "more than %d languages", REPORT_MAX_LANGS);
		return -1;
	}
	report_lang *l = &s->langs[s->nlangs];
	l->name = xstrdup(name);
	l->code = lang_code(name);
	return s->nlangs++;
}

/* One header cell: which column and language. */
struct head {
	enum col col;
	int lang;            /* text columns: language index; -1 otherwise */
	const char *header;  /* as written */
};

static void read_header(struct loader *ld, const sheet_row *h, struct head *out,
			int settings)
{
	for (int c = 0; c < h->ncells; c++) {
		out[c] = (struct head){ C_IGNORE, -1, h->cells[c] };
		if (!*h->cells[c])
			continue;
		char *key, *lang;
		split_header(h->cells[c], &key, &lang);
		int text = settings ? (!strcmp(key, "title") || !strcmp(key, "subtitle") ||
				       !strcmp(key, "author")) : 0;
		if (!settings)
			for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
				if (!strcmp(key, columns[i].name)) {
					out[c].col = columns[i].col;
					text = columns[i].text;
				}
		if (!settings && out[c].col == C_IGNORE)
			warn_at(ld, h->line, h->cells[c], "unknown column, ignored");
		if (text) {
			out[c].lang = lang_index(ld, lang && *lang ? lang : "default", h->line,
						 h->cells[c]);
			if (out[c].lang < 0)
				out[c].col = C_IGNORE;
		} else if (lang && (settings || out[c].col != C_IGNORE)) {
			warn_at(ld, h->line, h->cells[c], "column '%s' takes no language", key);
		}
		free(key);
		free(lang);
	}
}

static void set_text(report_text *t, int lang, const char *v)
{
	if (lang < 0 || !*v)
		return;
	free(t->v[lang]);
	t->v[lang] = trim(v);
}

/* Split a list "a b,c" into words; returns the count, *out malloc'd (free each and it). */
static int split_words(const char *s, char ***out)
{
	int n = 0;
	char **v = NULL;
	for (const char *p = s; *p;) {
		while (*p == ' ' || *p == ',' || *p == '\t' || *p == ';')
			p++;
		const char *b = p;
		while (*p && *p != ' ' && *p != ',' && *p != '\t' && *p != ';')
			p++;
		if (p > b) {
			v = xreallocarray(v, (size_t)n + 1, sizeof *v);
			v[n++] = xstrndup(b, (size_t)(p - b));
		}
	}
	*out = v;
	return n;
}

static int parse_freq_cell(const char *w)
{
	static const char *const names[] = { "count", "percent", "valid_percent", "cum_percent",
					     "ci" };
	for (int i = 0; i < 5; i++)
		if (!strcmp(w, names[i]))
			return 1 << i;
	return 0;
}

static int known_stat(const char *w)
{
	return statistic_find(w) || !strcmp(w, "none");
}

static void read_cells(struct loader *ld, report_item *it, const char *v, const char *hdr)
{
	char **w;
	int n = split_words(v, &w);
	for (int i = 0; i < n; i++) {
		if (it->kind == REPORT_FREQ) {
			int bit = parse_freq_cell(w[i]);
			if (!bit)
				err_at(ld, it->row, hdr, "unknown cell '%s' of a frequency table "
				       "(count, percent, valid_percent, cum_percent, ci)", w[i]);
			it->cells |= (unsigned)bit;
		} else if (it->kind == REPORT_TAB) {
			int k = stats_cell_kind_parse(w[i]);
			if (k < 0)
				err_at(ld, it->row, hdr, "unknown cell '%s' of a cross-tab (count, "
				       "row_pct, col_pct, total_pct, expected, residual, std_residual, "
				       "adj_residual)", w[i]);
			else
				it->cells |= 1u << k;
		}
	}
	if (n && it->kind != REPORT_FREQ && it->kind != REPORT_TAB)
		warn_at(ld, it->row, hdr, "cells apply to freq and tab rows only, ignored");
	strv_free(w, n);
}

static void read_stats(struct loader *ld, report_item *it, const char *v, const char *hdr)
{
	char **w;
	int n = split_words(v, &w);
	if (n && it->kind != REPORT_TAB) {
		if (it->kind == REPORT_FREQ)
			err_at(ld, it->row, hdr, "a frequency table has no statistics; use a tab row");
		else
			warn_at(ld, it->row, hdr, "stats apply to tab rows only, ignored");
		strv_free(w, n);
		return;
	}
	for (int i = 0; i < n; i++)
		if (!known_stat(w[i]))
			err_at(ld, it->row, hdr, "unknown statistic '%s' (as 'survey tab --format "
			       "json' names them: pearson_chi2, fisher_exact, cramers_v, ...)", w[i]);
		else if (!strcmp(w[i], "none") && n > 1)
			err_at(ld, it->row, hdr, "'none' cannot go with other statistics");
	it->stats = w;
	it->nstats = n;
}

static void read_chart(struct loader *ld, report_item *it, const char *v, const char *hdr)
{
	static const struct {
		const char *name;
		report_chart_kind k;
	} charts[] = {
		{ "auto", REPORT_CHART_AUTO }, { "none", REPORT_CHART_NONE },
		{ "no", REPORT_CHART_NONE }, { "bar", REPORT_CHART_BARS },
		{ "bars", REPORT_CHART_BARS }, { "stacked", REPORT_CHART_STACKED },
		{ "grouped", REPORT_CHART_GROUPED },
	};
	char *t = trim(v);
	if (*t) {
		int found = 0;
		for (size_t i = 0; i < sizeof charts / sizeof *charts; i++)
			if (!ascii_casecmp(t, charts[i].name)) {
				it->chart = charts[i].k;
				found = 1;
			}
		if (!found)
			err_at(ld, it->row, hdr, "unknown chart '%s' (bar, stacked, grouped, none)", t);
		else if (it->kind == REPORT_FREQ && (it->chart == REPORT_CHART_STACKED ||
						    it->chart == REPORT_CHART_GROUPED))
			err_at(ld, it->row, hdr, "a frequency table takes a bar chart or none");
		else if (it->kind == REPORT_TAB && it->chart == REPORT_CHART_BARS)
			err_at(ld, it->row, hdr, "a cross-tab takes a stacked or grouped chart, or none");
	}
	free(t);
}

static char *opt_name(const char *v)
{
	char *t = trim(v);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

#define KINDS "section, text, freq, tab, answers or methods"

static int parse_kind(const char *v)
{
	for (int k = 0; k < REPORT_NKINDS; k++)
		if (!ascii_casecmp(v, kind_names[k]))
			return k;
	if (!ascii_casecmp(v, "frequency") || !ascii_casecmp(v, "frequencies"))
		return REPORT_FREQ;
	if (!ascii_casecmp(v, "crosstab") || !ascii_casecmp(v, "cross-tab"))
		return REPORT_TAB;
	return -1;
}

/* Is s a name: a letter or '_' then letters, digits, '_', '-', '.'? */
static int is_ident(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* "category" or "exclude" (and their synonyms); -1 when neither. */
static int parse_dk(const char *v)
{
	char *t = trim(v);
	int r = -1;
	if (!ascii_casecmp(t, "category") || !ascii_casecmp(t, "include") ||
	    !ascii_casecmp(t, "keep"))
		r = REPORT_DK_CATEGORY;
	else if (!ascii_casecmp(t, "exclude") || !ascii_casecmp(t, "missing") ||
		 !ascii_casecmp(t, "leave out"))
		r = REPORT_DK_EXCLUDE;
	free(t);
	return r;
}

/* Phase 1 of a row: its kind; the new item, or NULL (reported) when the kind is missing or
 * unknown. */
static report_item *new_item(struct loader *ld, const sheet_row *r, const struct head *hd,
			     int nhd)
{
	report_spec *s = ld->s;
	int kind_col = -1;
	for (int c = 0; c < nhd && c < r->ncells; c++)
		if (hd[c].col == C_KIND)
			kind_col = c;
	const char *kv = kind_col >= 0 ? r->cells[kind_col] : "";
	char *kt = trim(kv);
	int kind = *kt ? parse_kind(kt) : -1;
	if (!*kt)
		err_at(ld, r->line, "kind", "missing kind (%s)", KINDS);
	else if (kind < 0)
		err_at(ld, r->line, "kind", "unknown kind '%s' (%s)", kt, KINDS);
	free(kt);
	if (kind < 0)
		return NULL;
	s->items = xreallocarray(s->items, (size_t)s->nitems + 1, sizeof *s->items);
	report_item *it = &s->items[s->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = (report_kind)kind;
	it->row = r->line;
	it->name = xstrdup("");
	return it;
}

/* The cells read after the others (they depend on the kind), with their column's header. */
struct later {
	const char *cells_v, *stats_v, *chart_v, *dk_v, *limit_v;
	const char *cells_h, *stats_h, *chart_h;
};

/* Phase 2: each cell of the row into it (or into *lt, for phase 3). */
static void read_fields(report_item *it, const sheet_row *r, const struct head *hd, int nhd,
			struct later *lt)
{
	for (int c = 0; c < nhd && c < r->ncells; c++) {
		const char *v = r->cells[c];
		switch (hd[c].col) {
		case C_NAME:
			free(it->name);
			it->name = trim(v);
			break;
		case C_ROW:
			it->var_row = opt_name(v);
			break;
		case C_COL:
			it->var_col = opt_name(v);
			break;
		case C_BY:
			it->var_by = opt_name(v);
			break;
		case C_WEIGHT:
			it->weight = opt_name(v);
			break;
		case C_WHERE:
			it->where = opt_name(v);
			break;
		case C_CELLS:
			lt->cells_v = v, lt->cells_h = hd[c].header;
			break;
		case C_STATS:
			lt->stats_v = v, lt->stats_h = hd[c].header;
			break;
		case C_CHART:
			lt->chart_v = v, lt->chart_h = hd[c].header;
			break;
		case C_TITLE:
			set_text(&it->title, hd[c].lang, v);
			break;
		case C_NOTE:
			set_text(&it->note, hd[c].lang, v);
			break;
		case C_GROUPS:
			set_text(&it->groups, hd[c].lang, v);
			break;
		case C_DONT_KNOW:
			lt->dk_v = v;
			break;
		case C_LIMIT:
			lt->limit_v = v;
			break;
		default:
			break;
		}
	}
}

/* Phase 3: the cells whose meaning depends on the kind — cells, stats, chart, dont_know,
 * limit. */
static void read_later(struct loader *ld, report_item *it, const struct later *lt)
{
	if (lt->cells_v)
		read_cells(ld, it, lt->cells_v, lt->cells_h);
	if (lt->stats_v)
		read_stats(ld, it, lt->stats_v, lt->stats_h);
	if (lt->chart_v)
		read_chart(ld, it, lt->chart_v, lt->chart_h);
	if (lt->dk_v && *lt->dk_v) {
		int dk = parse_dk(lt->dk_v);
		if (dk < 0)
			err_at(ld, it->row, "dont_know", "unknown choice '%s' (category or exclude)",
			       lt->dk_v);
		else if (it->kind != REPORT_FREQ && it->kind != REPORT_TAB)
			warn_at(ld, it->row, "dont_know", "dont_know applies to freq and tab rows "
				"only, ignored");
		else
			it->dont_know = (report_dk)dk;
	}
	if (lt->limit_v && *lt->limit_v) {
		char *end;
		long n = strtol(lt->limit_v, &end, 10);
		if (*end || n < 1 || n > 100000)
			err_at(ld, it->row, "limit", "'%s' is not a number of answers (1 to 100000)",
			       lt->limit_v);
		else if (it->kind != REPORT_ANSWERS)
			warn_at(ld, it->row, "limit", "limit applies to answers rows only, ignored");
		else
			it->limit = (int)n;
	}
}

/* Phase 4: what a row of its kind needs (a name, questions, a title) and may not have. */
static void check_row(struct loader *ld, const report_item *it)
{
	report_spec *s = ld->s;
	int table = it->kind == REPORT_FREQ || it->kind == REPORT_TAB ||
		    it->kind == REPORT_ANSWERS;
	if (*it->name && !is_ident(it->name))
		err_at(ld, it->row, "name", "'%s' is not a name: use letters, digits and '_'",
		       it->name);
	if (table && !*it->name)
		err_at(ld, it->row, "name", "a %s row needs a name", kind_names[it->kind]);
	if (*it->name)
		for (int i = 0; i < s->nitems - 1; i++)
			if (!strcmp(s->items[i].name, it->name))
				err_at(ld, it->row, "name", "duplicate name '%s' (first on row %d)",
				       it->name, s->items[i].row);
	if (table && !it->var_row)
		err_at(ld, it->row, "row", "a %s row needs a question in 'row'",
		       kind_names[it->kind]);
	if (it->kind == REPORT_TAB && !it->var_col)
		err_at(ld, it->row, "col", "a tab row needs a question in 'col'");
	if (it->kind == REPORT_ANSWERS && it->var_col)
		err_at(ld, it->row, "col", "an answers row lists answers by the question in 'by', "
		       "not 'col'");
	if (it->kind == REPORT_FREQ && (it->var_col || it->var_by))
		err_at(ld, it->row, it->var_col ? "col" : "by",
		       "a frequency table has no column or layer; use a tab row");
	if (!table && (it->var_row || it->var_col || it->var_by || it->weight || it->where))
		warn_at(ld, it->row, NULL, "a %s row shows no data: its questions are ignored",
			kind_names[it->kind]);
	if (it->kind == REPORT_SECTION && !report_spec_text(s, &it->title, -1))
		err_at(ld, it->row, "title", "a section needs a title");
	if (it->kind == REPORT_METHODS)
		for (int i = 0; i < s->nitems - 1; i++)
			if (s->items[i].kind == REPORT_METHODS)
				err_at(ld, it->row, "kind", "a second methods row (the first is on "
				       "row %d)", s->items[i].row);
	if (it->kind == REPORT_TEXT && !report_spec_text(s, &it->note, -1))
		err_at(ld, it->row, "note", "a text row needs its text in 'note'");
}

/* One row of the report sheet: its kind, its cells, the cells that depend on the kind, the
 * checks. */
static void read_item(struct loader *ld, const sheet_row *r, const struct head *hd, int nhd)
{
	report_item *it = new_item(ld, r, hd, nhd);
	if (!it)
		return;
	struct later lt = { .cells_h = "cells", .stats_h = "stats", .chart_h = "chart" };
	read_fields(it, r, hd, nhd, &lt);
	read_later(ld, it, &lt);
	check_row(ld, it);
}

static void read_report(struct loader *ld, const sheet *sh)
{
	if (sh->nrows == 0)
		return;
	const sheet_row *h = &sh->rows[0];
	struct head *hd = xcalloc((size_t)h->ncells + 1, sizeof *hd);
	read_header(ld, h, hd, 0);
	int has_kind = 0;
	for (int c = 0; c < h->ncells; c++)
		has_kind |= hd[c].col == C_KIND;
	if (!has_kind)
		err_at(ld, h->line, NULL, "the report sheet has no 'kind' column");
	else
		for (int i = 1; i < sh->nrows; i++)
			read_item(ld, &sh->rows[i], hd, h->ncells);
	free(hd);
}

static void read_settings(struct loader *ld, const sheet *sh)
{
	report_spec *s = ld->s;
	if (sh->nrows < 2)
		return;
	if (sh->nrows > 2)
		warn_at(ld, sh->rows[2].line, NULL, "settings take one row of values; "
			"later rows are ignored");
	const sheet_row *h = &sh->rows[0], *r = &sh->rows[1];
	s->settings_row = r->line;
	struct head *hd = xcalloc((size_t)h->ncells + 1, sizeof *hd);
	read_header(ld, h, hd, 1);
	for (int c = 0; c < h->ncells && c < r->ncells; c++) {
		const char *v = r->cells[c];
		char *key, *lang;
		split_header(h->cells[c], &key, &lang);
		if (!strcmp(key, "title"))
			set_text(&s->title, hd[c].lang, v);
		else if (!strcmp(key, "subtitle"))
			set_text(&s->subtitle, hd[c].lang, v);
		else if (!strcmp(key, "author"))
			set_text(&s->author, hd[c].lang, v);
		else if (!strcmp(key, "form_id"))
			s->form_id = opt_name(v);
		else if (!strcmp(key, "default_language"))
			s->default_language = opt_name(v);
		else if (!strcmp(key, "weight"))
			s->weight = opt_name(v);
		else if (!strcmp(key, "where"))
			s->where = opt_name(v);
		else if (!strcmp(key, "dont_know")) {
			int dk = *v ? parse_dk(v) : REPORT_DK_DEFAULT;
			if (dk < 0)
				err_at(ld, r->line, h->cells[c], "unknown choice '%s' (category or "
				       "exclude)", v);
			else
				s->dont_know = (report_dk)dk;
		} else if (!strcmp(key, "dont_know_codes")) {
			strv_free(s->dk_codes, s->ndk_codes);
			s->ndk_codes = split_words(v, &s->dk_codes);
		} else if (!strcmp(key, "frame_size")) {
			char *end;
			double n = strtod(v, &end);
			if (*v && (*end || !(n >= 1 && n <= 1e9)))
				err_at(ld, r->line, h->cells[c], "'%s' is not a number of units "
				       "(1 to 1000000000)", v);
			else if (*v)
				s->frame_size = n;
		} else if (!strcmp(key, "unit"))
			s->unit = opt_name(v);
		else if (!strcmp(key, "questionnaire")) {
			char *t = trim(v);
			s->questionnaire = !ascii_casecmp(t, "yes") || !ascii_casecmp(t, "true") ||
					   !strcmp(t, "1");
			if (*t && !s->questionnaire && ascii_casecmp(t, "no") &&
			    ascii_casecmp(t, "false") && strcmp(t, "0"))
				err_at(ld, r->line, h->cells[c], "'%s' is not yes or no", t);
			free(t);
		} else if (*key)
			warn_at(ld, h->line, h->cells[c], "unknown setting, ignored");
		free(key);
		free(lang);
	}
	free(hd);
}

/* The labels sheet: name, label::Language (code) per language. */
static void read_labels(struct loader *ld, const sheet *sh)
{
	report_spec *s = ld->s;
	if (sh->nrows == 0)
		return;
	const sheet_row *h = &sh->rows[0];
	int name_col = -1;
	int *lang = xcalloc((size_t)h->ncells + 1, sizeof *lang);
	for (int c = 0; c < h->ncells; c++) {
		char *key, *ln;
		split_header(h->cells[c], &key, &ln);
		lang[c] = -1;
		if (!strcmp(key, "name"))
			name_col = c;
		else if (!strcmp(key, "label"))
			lang[c] = lang_index(ld, ln && *ln ? ln : "default", h->line, h->cells[c]);
		else if (*key)
			warn_at(ld, h->line, h->cells[c], "unknown column, ignored");
		free(key);
		free(ln);
	}
	if (name_col < 0) {
		err_at(ld, h->line, NULL, "the labels sheet has no 'name' column");
		free(lang);
		return;
	}
	for (int i = 1; i < sh->nrows; i++) {
		const sheet_row *r = &sh->rows[i];
		char *name = name_col < r->ncells ? trim(r->cells[name_col]) : xstrdup("");
		if (!*name) {
			free(name);
			continue;
		}
		s->labels = xreallocarray(s->labels, (size_t)s->nlabels + 1, sizeof *s->labels);
		report_label *l = &s->labels[s->nlabels++];
		memset(l, 0, sizeof *l);
		l->name = name;
		l->row = r->line;
		for (int c = 0; c < r->ncells && c < h->ncells; c++)
			if (lang[c] >= 0)
				set_text(&l->label, lang[c], r->cells[c]);
	}
	free(lang);
}

/* keep: return the spec even when it has errors (for checking it further). */
static int from_workbook(const workbook *wb, report_spec **out, form_diags *diags, char *err,
			 int keep)
{
	form_diags own;
	form_diags *d = diags ? diags : &own;
	if (!diags)
		form_diags_init(&own);
	int errors0 = d->nerrors;
	*out = NULL;
	report_spec *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(wb->path);
	struct loader ld = { .s = s, .file = wb->path, .diags = d };
	const sheet *rep = workbook_sheet(wb, "report");
	const sheet *set = workbook_sheet(wb, "settings");
	if (set) {
		s->settings_sheet_name = xstrdup(set->name);
		ld.sheet = set->name;
		read_settings(&ld, set);
	}
	const sheet *lab = workbook_sheet(wb, "labels");
	if (lab) {
		s->labels_sheet_name = xstrdup(lab->name);
		ld.sheet = lab->name;
		read_labels(&ld, lab);
	}
	if (!rep) {
		ld.sheet = NULL;
		err_at(&ld, 0, NULL, "no 'report' sheet: a spec lists its tables in a sheet "
		       "called report");
	} else {
		s->report_sheet_name = xstrdup(rep->name);
		/* the default language first, so that fallbacks and checks know it */
		ld.sheet = rep->name;
		read_report(&ld, rep);
	}
	if (s->default_language) {
		int li = report_spec_find_lang(s, s->default_language);
		ld.sheet = s->settings_sheet_name;
		if (li < 0)
			warn_at(&ld, s->settings_row, "default_language", "no column is in language "
				"'%s'", s->default_language);
		s->default_lang = li < 0 ? 0 : li;
	}
	int nerr = d->nerrors - errors0;
	if (nerr) {
		if (diags)
			errf(err, "'%s' has %d error%s", wb->path, nerr, nerr == 1 ? "" : "s");
		else {
			strbuf sb = STRBUF_INIT;
			for (int i = 0; i < d->n; i++)
				if (d->items[i].severity == FORM_ERROR) {
					form_diag_format(&d->items[i], &sb);
					break;
				}
			errf(err, "%s", sb_str(&sb));
			sb_release(&sb);
		}
		if (keep)
			*out = s;
		else
			report_spec_free(s);
	} else {
		*out = s;
	}
	if (!diags)
		form_diags_release(&own);
	return nerr ? -1 : 0;
}

int report_spec_from_workbook(const workbook *wb, report_spec **out, form_diags *diags,
			      char *err)
{
	return from_workbook(wb, out, diags, err, 0);
}

static int load(const char *path, report_spec **out, form_diags *diags, char *err, int keep)
{
	workbook wb;
	char why[ERR_MAX];
	*out = NULL;
	if (workbook_read(path, &wb, why)) {
		errf(err, "%s: %s", path, why);
		if (diags)
			form_diag_add(diags, FORM_ERROR, path, NULL, 0, NULL, -1, "%s", why);
		return -1;
	}
	int rc = from_workbook(&wb, out, diags, err, keep);
	workbook_release(&wb);
	return rc;
}

int report_spec_load(const char *path, report_spec **out, form_diags *diags, char *err)
{
	return load(path, out, diags, err, 0);
}

int report_spec_read(const char *path, report_spec **out, form_diags *diags, char *err)
{
	int rc = load(path, out, diags, err, 1);
	return *out ? 0 : rc;
}

static void text_release(report_text *t)
{
	for (int i = 0; i < REPORT_MAX_LANGS; i++)
		free(t->v[i]);
}

void report_spec_free(report_spec *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->nitems; i++) {
		report_item *it = &s->items[i];
		free(it->name);
		free(it->var_row);
		free(it->var_col);
		free(it->var_by);
		free(it->weight);
		free(it->where);
		strv_free(it->stats, it->nstats);
		text_release(&it->title);
		text_release(&it->note);
		text_release(&it->groups);
	}
	free(s->items);
	for (int i = 0; i < s->nlabels; i++) {
		free(s->labels[i].name);
		text_release(&s->labels[i].label);
	}
	free(s->labels);
	free(s->labels_sheet_name);
	strv_free(s->dk_codes, s->ndk_codes);
	free(s->unit);
	for (int i = 0; i < s->nlangs; i++) {
		free(s->langs[i].name);
		free(s->langs[i].code);
	}
	text_release(&s->title);
	text_release(&s->subtitle);
	text_release(&s->author);
	free(s->path);
	free(s->form_id);
	free(s->default_language);
	free(s->weight);
	free(s->where);
	free(s->report_sheet_name);
	free(s->settings_sheet_name);
	free(s);
}

int report_spec_find_lang(const report_spec *s, const char *lang)
{
	if (!lang)
		return -1;
	for (int i = 0; i < s->nlangs; i++)
		if (!ascii_casecmp(s->langs[i].name, lang) ||
		    (s->langs[i].code && !ascii_casecmp(s->langs[i].code, lang)))
			return i;
	return -1;
}

const char *report_spec_text(const report_spec *s, const report_text *t, int lang)
{
	if (lang >= 0 && lang < s->nlangs && t->v[lang])
		return t->v[lang];
	if (s->default_lang >= 0 && s->default_lang < s->nlangs && t->v[s->default_lang])
		return t->v[s->default_lang];
	for (int i = 0; i < s->nlangs; i++)
		if (t->v[i])
			return t->v[i];
	return NULL;
}

const char *report_spec_label(const report_spec *s, const char *name, int lang)
{
	if (!name)
		return NULL;
	for (int i = 0; i < s->nlabels; i++)
		if (!strcmp(s->labels[i].name, name))
			return report_spec_text(s, &s->labels[i].label, lang);
	return NULL;
}

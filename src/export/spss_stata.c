/* spss_stata.c: the SPSS (.sav) and Stata (.dta) export through ReadStat. Two passes over the
 * interviews: the first counts rows and measures every column (string widths, values that do
 * not convert, numbers that would clash with the missing-value codes), the second writes.
 *
 * Choices made here (documented in `survey help export`):
 *  - select_one: the choice names themselves when every name is an integer, else codes 1..K
 *    in choice order (newest version first), the names listed in the file's notes; value
 *    labels are the choice labels in the chosen language.
 *  - select_multiple: the names, space-separated, as a string, and one 0/1 variable per choice.
 *  - don't know / refused: SPSS declared missing values -98 / -99 with value labels ("Билбейт",
 *    "Баш тартты" in Kyrgyz; -998 / -999 and so on when a real value is -98 or -99); Stata
 *    extended missing values .d / .r with value labels; in text variables ".d" / ".r".
 *  - date, today: SPSS DATE11, Stata %td; dateTime, start, end: SPSS DATETIME20, Stata %tc
 *    (wall time as recorded, the offset dropped; the _start/_end metadata in UTC); time:
 *    SPSS TIME8, Stata %tcHH:MM:SS. */
#include "export/export_impl.h"

#include <math.h>
#include <readstat.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

#define NCAND 5
static const double cand_dk[NCAND] = { -98, -998, -9998, -99998, -999998 };
static const double cand_ref[NCAND] = { -99, -999, -9999, -99999, -999999 };

#define DTA_STR_MAX 2045

typedef struct scol {
	xkind kind;            /* as written (after pass 1) */
	int numeric_ok;        /* pass 1: every value converted */
	int calc_num;          /* pass 1: a calculation whose values are all numbers */
	long nvalues;          /* values seen */
	size_t maxlen;         /* longest string form, bytes */
	unsigned char clash[NCAND];  /* a value equals candidate pair k */
	double dk, ref;        /* SPSS codes of don't know and refused */
	readstat_variable_t *var;
	int strref;            /* Stata strL */
	readstat_string_ref_t **refs;  /* strL: one per row, made before the first row */
	long nrefs;
} scol;

typedef struct stab {
	scol *cols;
	long rows;
	int strls;             /* columns that are Stata strLs */
	long seen;             /* rows seen while collecting strL values */
	readstat_writer_t *w;
	xout *out;
	long written;
} stab;

typedef struct lset {
	char *key;
	readstat_label_set_t *set;
} lset;

typedef struct statw {
	const xmodel *m;
	int dta;               /* 1 Stata, 0 SPSS */
	stab *tabs;
	int pass;              /* 1 measure, 2 write */
	lset *sets;
	int nsets, capsets;
	xname_set setnames;
	readstat_writer_t *cur; /* the file whose variables are being defined */
	char *err;
	strbuf sb;
} statw;

static double D1582, D1960;

/* ---- cells ---- */

enum cell { CELL_VALUE, CELL_DK, CELL_REF, CELL_MISSING, CELL_BAD };

/* The kind a column would have before pass 1 decides. */
static xkind natural_kind(const xmodel *m, const xcol *c)
{
	switch (c->kind) {
	case XC_VALUE:
		return m->qs[c->q].kind;
	case XC_OPTION:
		return XK_CODE;
	case XC_GEO:
		return XK_NUMBER;
	case XC_META:
		if (c->meta == XM_ORIGIN)
			return XK_CODE;
		return c->meta == XM_START || c->meta == XM_END ? XK_DATETIME : XK_STRING;
	default:
		return XK_STRING;
	}
}

/* The cell as text (string variables); NULL when missing. */
static const char *cell_text(const xmodel *m, const xcol *c, const xrow *r)
{
	if (c->kind == XC_META)
		return xmeta_text(r->iv, c->meta);
	if (c->kind == XC_KEY)
		return r->key;
	if (c->kind == XC_PARENT_KEY)
		return r->parent_key;
	int slot = m->qs[c->q].slot;
	if (!r->present[slot])
		return NULL;
	switch (r->states[slot]) {
	case STATE_DONT_KNOW: return X_MARK_DONT_KNOW;
	case STATE_REFUSED: return X_MARK_REFUSED;
	case STATE_SKIPPED: return NULL;
	default: return c->kind == XC_GEO ? xgeo_part(r->values[slot], c->choice) : r->values[slot];
	}
}

/* The text of a cell, for cell_number: CELL_VALUE with *text (not empty), or why it has none. */
static enum cell cell_source(const xmodel *m, const xcol *c, const xrow *r, const char **text)
{
	if (c->kind == XC_META) {
		*text = xmeta_text(r->iv, c->meta);
		return *text && **text ? CELL_VALUE : CELL_MISSING;
	}
	int slot = m->qs[c->q].slot;
	if (!r->present[slot])
		return CELL_MISSING;
	if (r->states[slot] == STATE_DONT_KNOW)
		return CELL_DK;
	if (r->states[slot] == STATE_REFUSED)
		return CELL_REF;
	*text = r->values[slot];
	if (r->states[slot] == STATE_SKIPPED || !*text || !**text)
		return CELL_MISSING;
	return CELL_VALUE;
}

/* Text read as kind k, in the file's units (dates from 1960 in Stata, 1582 in SPSS). */
static enum cell text_number(const statw *w, const xcol *c, xkind k, const char *text, double *out)
{
	long days;
	double secs;
	switch (k) {
	case XK_NUMBER:
		return xparse_number(text, out) ? CELL_BAD : CELL_VALUE;
	case XK_CODE: {
		const xquestion *q = &w->m->qs[c->q];
		for (int j = 0; j < q->nchoices; j++) {
			if (strcmp(q->choices[j].name, text) == 0) {
				*out = q->choices[j].code;
				return CELL_VALUE;
			}
		}
		return CELL_BAD;
	}
	case XK_DATE:
		if (xparse_date(text, &days))
			return CELL_BAD;
		*out = w->dta ? (double)(days - D1960) : (days - D1582) * 86400.0;
		return CELL_VALUE;
	case XK_DATETIME:
		if (xparse_datetime(text, c->kind == XC_META, &days, &secs))
			return CELL_BAD;
		*out = w->dta ? ((days - D1960) * 86400.0 + secs) * 1000.0 :
			(days - D1582) * 86400.0 + secs;
		return CELL_VALUE;
	case XK_TIME:
		if (xparse_time(text, &secs))
			return CELL_BAD;
		*out = w->dta ? secs * 1000.0 : secs;
		return CELL_VALUE;
	default:
		return CELL_BAD;
	}
}

/* The cell as a number in the file's units, for kind k: its text (cell_source), then the
 * columns that are not read by kind (the origin's code, a choice's 0/1, a point's part), then
 * the text as k (text_number). */
static enum cell cell_number(const statw *w, const xcol *c, xkind k, const xrow *r, double *out)
{
	const char *text;
	enum cell e = cell_source(w->m, c, r, &text);
	if (e != CELL_VALUE)
		return e;
	if (c->kind == XC_META && c->meta == XM_ORIGIN) {   /* codes 1, 2, 3 as store_origin */
		store_origin o;
		if (store_origin_parse(text, &o))
			return CELL_BAD;
		*out = (double)o + 1;
		return CELL_VALUE;
	}
	if (c->kind == XC_OPTION) {
		*out = xvalue_has(text, w->m->qs[c->q].choices[c->choice].name);
		return CELL_VALUE;
	}
	if (c->kind == XC_GEO)
		text = xgeo_part(text, c->choice);
	if (!text)
		return CELL_BAD;
	return text_number(w, c, k, text, out);
}

/* ---- pass 1: measure ---- */

static int measure_row(void *arg, const xrow *r, char *err)
{
	statw *w = arg;
	stab *tb = &w->tabs[r->table];
	const xtable *t = &w->m->tables[r->table];
	tb->rows++;
	for (int i = 0; i < t->ncols; i++) {
		const xcol *c = &t->cols[i];
		scol *sc = &tb->cols[i];
		const char *text = cell_text(w->m, c, r);
		if (text) {
			size_t n = strlen(text);
			if (n > sc->maxlen)
				sc->maxlen = n;
		}
		xkind k = natural_kind(w->m, c);
		int calc = c->kind == XC_VALUE && w->m->qs[c->q].type == FORM_CALCULATE &&
			!w->m->qs[c->q].mixed;
		if (k == XK_STRING && !calc)
			continue;
		double v;
		enum cell e = cell_number(w, c, calc ? XK_NUMBER : k, r, &v);
		if (e == CELL_BAD) {
			sc->numeric_ok = 0;
		} else if (e == CELL_VALUE) {
			sc->nvalues++;
			for (int j = 0; j < NCAND; j++)
				if (v == cand_dk[j] || v == cand_ref[j])
					sc->clash[j] = 1;
		}
	}
	return 0;
}

/* ---- labels ---- */

static char *cut_label(const statw *w, const char *s, int value_label)
{
	if (w->dta)
		return xlabel_line(s, value_label ? 32000 : 80, !value_label);
	return xlabel_line(s, value_label ? 120 : 255, 0);
}

/* A label set with these labels, shared with earlier variables that have the same. */
static readstat_label_set_t *label_set(statw *w, const char *varname, int n, const double *codes,
				       const char *const *labels, const scol *sc, int special)
{
	strbuf key = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		sb_addf(&key, "%.17g=%s\n", codes[i], labels[i]);
	if (special)
		sb_addf(&key, "dk=%.17g ref=%.17g", sc->dk, sc->ref);
	for (int i = 0; i < w->nsets; i++) {
		if (strcmp(w->sets[i].key, sb_str(&key)) == 0) {
			sb_release(&key);
			return w->sets[i].set;
		}
	}
	char *name = xname_unique(&w->setnames, varname, XN_DTA_MAX);
	readstat_label_set_t *set = readstat_add_label_set(w->cur,
		w->dta ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, name);
	free(name);
	for (int i = 0; i < n; i++) {
		char *l = cut_label(w, labels[i], 1);
		if (w->dta)
			readstat_label_int32_value(set, (int32_t)codes[i], l);
		else
			readstat_label_double_value(set, codes[i], l);
		free(l);
	}
	if (special) {
		const char *lc = w->m->lang_code;
		if (w->dta) {
			readstat_label_tagged_value(set, 'd', xword_dont_know(lc));
			readstat_label_tagged_value(set, 'r', xword_refused(lc));
		} else {
			readstat_label_double_value(set, sc->dk, xword_dont_know(lc));
			readstat_label_double_value(set, sc->ref, xword_refused(lc));
		}
	}
	if (w->nsets == w->capsets) {
		w->capsets = w->capsets ? w->capsets * 2 : 16;
		w->sets = xreallocarray(w->sets, (size_t)w->capsets, sizeof *w->sets);
	}
	w->sets[w->nsets].key = sb_detach(&key);
	w->sets[w->nsets++].set = set;
	return set;
}

/* ---- setting up a file ---- */

static ssize_t write_bytes(const void *data, size_t len, void *ctx)
{
	FILE *f = ctx;
	return (ssize_t)fwrite(data, 1, len, f);
}

static const char *sav_format(const xmodel *m, const xcol *c, xkind k)
{
	switch (k) {
	case XK_NUMBER:
		if (c->kind == XC_VALUE && m->qs[c->q].type == FORM_INTEGER)
			return "F11.0";
		if (c->kind == XC_GEO)
			return "F16.7";
		return "F16.4";
	case XK_CODE: return c->kind == XC_OPTION ? "F7.0" : "F11.0";
	case XK_DATE: return "DATE11";
	case XK_DATETIME: return "DATETIME20";
	case XK_TIME: return "TIME8";
	default: return NULL;
	}
}

static const char *dta_format(xkind k)
{
	switch (k) {
	case XK_DATE: return "%td";
	case XK_DATETIME: return "%tc";
	case XK_TIME: return "%tcHH:MM:SS";
	default: return NULL;
	}
}

/* Notes listing the codes of select_one variables whose choice names are not numbers. */
static void add_code_notes(statw *w, readstat_writer_t *rw, const xtable *t, const stab *tb)
{
	int any = 0;
	for (int i = 0; i < t->ncols; i++) {
		const xcol *c = &t->cols[i];
		if (c->kind != XC_VALUE || tb->cols[i].kind != XK_CODE || w->m->qs[c->q].numeric)
			continue;
		if (!any)
			readstat_add_note(rw, "select_one codes (code=choice name):");
		any = 1;
		const xquestion *q = &w->m->qs[c->q];
		strbuf line = STRBUF_INIT;
		sb_addf(&line, "%s:", c->name[w->dta ? XN_DTA : XN_SAV]);
		for (int j = 0; j < q->nchoices; j++) {
			char *item = xasprintf(" %d=%s", q->choices[j].code, q->choices[j].name);
			if (strlen(item) > 75)
				item[75] = 0;
			if (line.len + strlen(item) > 76) {
				readstat_add_note(rw, sb_str(&line));
				sb_reset(&line);
				sb_adds(&line, " ");
			}
			sb_adds(&line, item);
			free(item);
		}
		readstat_add_note(rw, sb_str(&line));
		sb_release(&line);
	}
}

static int rs_fail(statw *w, const xout *o, readstat_error_t e, const char *what)
{
	return errf(w->err, "cannot write '%s': %s%s%s", o->path, what ? what : "",
		    what ? ": " : "", readstat_error_message(e));
}

/* The kind a column is written as: its natural kind, a string when its values are not all
 * numbers (a calculation: a number when they all are). */
static xkind column_kind(const xmodel *m, const xcol *c, const scol *sc)
{
	xkind k = natural_kind(m, c);
	int calc = c->kind == XC_VALUE && m->qs[c->q].type == FORM_CALCULATE &&
		!m->qs[c->q].mixed;
	if (calc)
		k = sc->numeric_ok && sc->nvalues > 0 ? XK_NUMBER : XK_STRING;
	else if (k != XK_STRING && !sc->numeric_ok)
		k = XK_STRING;
	return k;
}

/* The codes of "don't know" and "refused" in a column of kind K: the first candidates that
 * clash with none of its values (nor, for a code, with its choices' codes). */
static void pick_special_codes(const xmodel *m, const xcol *c, scol *sc, xkind k)
{
	int cand = 0;
	while (cand < NCAND - 1 && sc->clash[cand])
		cand++;
	if (c->kind == XC_VALUE && k == XK_CODE) {
		const xquestion *q = &m->qs[c->q];
		for (int again = 1; again && cand < NCAND - 1;) {
			again = 0;
			for (int j = 0; j < q->nchoices; j++)
				if (q->choices[j].code == cand_dk[cand] ||
				    q->choices[j].code == cand_ref[cand])
					again = 1;
			if (again)
				cand++;
		}
	}
	sc->dk = cand_dk[cand];
	sc->ref = cand_ref[cand];
}

/* The variable of column C (kind sc->kind) added to RW with its type, format and measure. */
static readstat_variable_t *add_column_variable(statw *w, readstat_writer_t *rw, stab *tb,
						const xcol *c, scol *sc, const char *name)
{
	readstat_variable_t *v;
	xkind k = sc->kind;
	if (k == XK_STRING) {
		size_t width = sc->maxlen ? sc->maxlen : 1;
		if (w->dta && width > DTA_STR_MAX) {
			sc->strref = 1;
			tb->strls++;
			sc->refs = xcalloc((size_t)tb->rows + 1, sizeof *sc->refs);
			v = readstat_add_variable(rw, name, READSTAT_TYPE_STRING_REF, 0);
		} else {
			v = readstat_add_variable(rw, name, READSTAT_TYPE_STRING, width);
		}
		readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL);
	} else {
		v = readstat_add_variable(rw, name, READSTAT_TYPE_DOUBLE, 0);
		const char *fmt = w->dta ? dta_format(k) : sav_format(w->m, c, k);
		if (fmt)
			readstat_variable_set_format(v, fmt);
		readstat_variable_set_measure(v, k == XK_CODE ? READSTAT_MEASURE_NOMINAL :
					      READSTAT_MEASURE_SCALE);
	}
	return v;
}

/* The value labels of a numeric answer column (yes/no, the choices, or only the special
 * codes), and for .sav the special codes declared missing. */
static void set_value_labels(statw *w, const xcol *c, scol *sc, const char *name)
{
	const xmodel *m = w->m;
	readstat_variable_t *v = sc->var;
	int special = 1;
	readstat_label_set_t *set = NULL;
	if (c->kind == XC_OPTION) {
		double codes[2] = { 0, 1 };
		const char *labels[2] = { xword_no(m->lang_code), xword_yes(m->lang_code) };
		set = label_set(w, "yesno", 2, codes, labels, sc, special);
	} else if (sc->kind == XK_CODE) {
		const xquestion *q = &m->qs[c->q];
		double *codes = xcalloc((size_t)q->nchoices + 1, sizeof *codes);
		const char **labels = xcalloc((size_t)q->nchoices + 1, sizeof *labels);
		for (int j = 0; j < q->nchoices; j++) {
			codes[j] = q->choices[j].code;
			labels[j] = q->choices[j].label ? q->choices[j].label :
				q->choices[j].name;
		}
		set = label_set(w, name, q->nchoices, codes, labels, sc, special);
		free(codes);
		free(labels);
	} else {
		set = label_set(w, "dkref", 0, NULL, NULL, sc, special);
	}
	readstat_variable_set_label_set(v, set);
	if (!w->dta) {
		readstat_variable_add_missing_double_value(v, sc->dk);
		readstat_variable_add_missing_double_value(v, sc->ref);
	}
}

/* Column C declared in RW (for the table TB): its kind, special codes, variable and labels. */
static void setup_column(statw *w, readstat_writer_t *rw, stab *tb, const xcol *c, scol *sc)
{
	const xmodel *m = w->m;
	xkind k = column_kind(m, c, sc);
	sc->kind = k;
	pick_special_codes(m, c, sc, k);
	const char *name = c->name[w->dta ? XN_DTA : XN_SAV];
	readstat_variable_t *v = add_column_variable(w, rw, tb, c, sc, name);
	sc->var = v;
	if (c->label) {
		char *l = cut_label(w, c->label, 0);
		readstat_variable_set_label(v, l);
		free(l);
	}
	if (c->kind == XC_META && c->meta == XM_ORIGIN && k == XK_CODE) {
		double codes[ORIGIN_N];
		const char *labels[ORIGIN_N];
		for (int o = 0; o < ORIGIN_N; o++) {
			codes[o] = o + 1;
			labels[o] = xword_origin(o, m->lang_code);
		}
		readstat_variable_set_label_set(v, label_set(w, "origin", ORIGIN_N, codes,
							     labels, sc, 0));
	}
	if (k == XK_STRING || c->kind == XC_META)
		return;
	set_value_labels(w, c, sc, name);
}

/* The file's header written and the variables validated: 0, else -1 with w->err. */
static int begin_table(statw *w, readstat_writer_t *rw, const xtable *t, stab *tb)
{
	readstat_error_t e = w->dta ? readstat_begin_writing_dta(rw, tb->out->f, tb->rows) :
		readstat_begin_writing_sav(rw, tb->out->f, tb->rows);
	if (e != READSTAT_OK)
		return rs_fail(w, tb->out, e, NULL);
	e = readstat_validate_metadata(rw);
	if (e != READSTAT_OK)
		return rs_fail(w, tb->out, e, NULL);
	for (int i = 0; i < t->ncols; i++) {
		e = readstat_validate_variable(rw, tb->cols[i].var);
		if (e != READSTAT_OK)
			return rs_fail(w, tb->out, e, t->cols[i].name[w->dta ? XN_DTA : XN_SAV]);
	}
	return 0;
}

static int setup_table(statw *w, int ti)
{
	const xmodel *m = w->m;
	const xtable *t = &m->tables[ti];
	stab *tb = &w->tabs[ti];
	readstat_writer_t *rw = readstat_writer_init();
	tb->w = rw;
	readstat_set_data_writer(rw, write_bytes);
	char *title = xlabel_line(m->title, w->dta ? 80 : 64, w->dta);
	readstat_writer_set_file_label(rw, title);
	free(title);
	if (!w->dta)
		readstat_writer_set_compression(rw, READSTAT_COMPRESS_ROWS);
	/* label sets are per file: start afresh */
	for (int i = 0; i < w->nsets; i++)
		free(w->sets[i].key);
	w->nsets = 0;
	xname_set_release(&w->setnames);
	w->cur = rw;
	for (int i = 0; i < t->ncols; i++)
		setup_column(w, rw, tb, &t->cols[i], &tb->cols[i]);
	add_code_notes(w, rw, t, tb);
	return begin_table(w, rw, t, tb);
}

/* ---- pass 1b: Stata strL values ----
 * ReadStat writes the file's map when the first row begins, and the map counts the strLs: all
 * of them must exist by then, each with its variable and observation numbers (1-based). */

static int collect_strls(void *arg, const xrow *r, char *err)
{
	statw *w = arg;
	stab *tb = &w->tabs[r->table];
	const xtable *t = &w->m->tables[r->table];
	if (!tb->strls)
		return 0;
	for (int i = 0; i < t->ncols; i++) {
		scol *sc = &tb->cols[i];
		if (!sc->strref || sc->nrefs >= tb->rows)
			continue;
		const char *s = cell_text(w->m, &t->cols[i], r);
		readstat_string_ref_t *ref = readstat_add_string_ref(tb->w, s ? s : "");
		ref->first_v = readstat_variable_get_index(sc->var) + 1;
		ref->first_o = tb->seen + 1;
		sc->refs[sc->nrefs++] = ref;
	}
	tb->seen++;
	return 0;
}

/* ---- pass 2: write ---- */

static int write_row(void *arg, const xrow *r, char *err)
{
	statw *w = arg;
	stab *tb = &w->tabs[r->table];
	const xtable *t = &w->m->tables[r->table];
	readstat_writer_t *rw = tb->w;
	if (tb->written >= tb->rows)   /* the database changed between the passes */
		return errf(err, "cannot write '%s': the database changed while exporting",
			    tb->out->path);
	readstat_error_t e = readstat_begin_row(rw);
	for (int i = 0; i < t->ncols && e == READSTAT_OK; i++) {
		const xcol *c = &t->cols[i];
		scol *sc = &tb->cols[i];
		if (sc->kind == XK_STRING) {
			const char *s = cell_text(w->m, c, r);
			if (s && strlen(s) > (sc->maxlen ? sc->maxlen : 1))
				return errf(err, "cannot write '%s': the database changed while "
					    "exporting", tb->out->path);
			if (sc->strref)
				e = tb->written < sc->nrefs ?
					readstat_insert_string_ref(rw, sc->var, sc->refs[tb->written]) :
					READSTAT_ERROR_STRING_REF_IS_REQUIRED;
			else if (s && *s)
				e = readstat_insert_string_value(rw, sc->var, s);
			else
				e = readstat_insert_missing_value(rw, sc->var);
			continue;
		}
		double v = 0;
		switch (cell_number(w, c, sc->kind, r, &v)) {
		case CELL_VALUE:
			e = readstat_insert_double_value(rw, sc->var, v);
			break;
		case CELL_DK:
			e = w->dta ? readstat_insert_tagged_missing_value(rw, sc->var, 'd') :
				readstat_insert_double_value(rw, sc->var, sc->dk);
			break;
		case CELL_REF:
			e = w->dta ? readstat_insert_tagged_missing_value(rw, sc->var, 'r') :
				readstat_insert_double_value(rw, sc->var, sc->ref);
			break;
		default:
			e = readstat_insert_missing_value(rw, sc->var);
			break;
		}
	}
	if (e == READSTAT_OK)
		e = readstat_end_row(rw);
	if (e != READSTAT_OK)
		return rs_fail(w, tb->out, e, NULL);
	tb->written++;
	return 0;
}

int xstat_write(store *st, const xmodel *m, const export_opts *o, xout *outs, char *err)
{
	D1582 = (double)date_days_from_civil(1582, 10, 14);
	D1960 = (double)date_days_from_civil(1960, 1, 1);
	statw w = { .m = m, .dta = o->format == EXPORT_DTA, .err = err };
	w.tabs = xcalloc((size_t)m->ntables, sizeof *w.tabs);
	for (int t = 0; t < m->ntables; t++) {
		w.tabs[t].cols = xcalloc((size_t)m->tables[t].ncols, sizeof *w.tabs[t].cols);
		w.tabs[t].out = &outs[t];
		for (int i = 0; i < m->tables[t].ncols; i++)
			w.tabs[t].cols[i].numeric_ok = 1;
	}
	int rc = xrows_scan(st, m, measure_row, &w, err);
	int strls = 0;
	for (int t = 0; t < m->ntables && !rc; t++) {
		rc = setup_table(&w, t);
		strls += w.tabs[t].strls;
	}
	if (!rc && strls)
		rc = xrows_scan(st, m, collect_strls, &w, err);
	if (!rc)
		rc = xrows_scan(st, m, write_row, &w, err);
	for (int t = 0; t < m->ntables && !rc; t++) {
		if (w.tabs[t].written != w.tabs[t].rows) {
			rc = errf(err, "cannot write '%s': the database changed while exporting",
				  outs[t].path);
			break;
		}
		readstat_error_t e = readstat_end_writing(w.tabs[t].w);
		if (e != READSTAT_OK)
			rc = rs_fail(&w, &outs[t], e, NULL);
	}
	for (int t = 0; t < m->ntables; t++) {
		if (w.tabs[t].w)
			readstat_writer_free(w.tabs[t].w);
		for (int i = 0; i < m->tables[t].ncols; i++)
			free(w.tabs[t].cols[i].refs);
		free(w.tabs[t].cols);
	}
	free(w.tabs);
	for (int i = 0; i < w.nsets; i++)
		free(w.sets[i].key);
	free(w.sets);
	xname_set_release(&w.setnames);
	sb_release(&w.sb);
	return rc ? -1 : 0;
}

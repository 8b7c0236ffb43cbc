/* csv.c: the CSV export — one file for the interviews and one per repeat (joined by KEY and
 * PARENT_KEY, as ODK Central does), RFC 4180 quoting, UTF-8 with an optional byte order mark,
 * choice names or labels, don't know and refused as ".d" and ".r" (or their words), cells that
 * a spreadsheet would run as a formula made text with a leading "'". */
#include "export/export_impl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A plain decimal number: [+-]digits[.digits][e[+-]digits] (or .digits). */
static int is_number(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int digits = 0;
	if (*p == '+' || *p == '-')
		p++;
	for (; isdigit(*p); p++)
		digits++;
	if (*p == '.')
		for (p++; isdigit(*p); p++)
			digits++;
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit(*p))
			return 0;
		while (isdigit(*p))
			p++;
	}
	return !*p;
}

int xcsv_formula_like(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s) && !is_number(s);
}

void xcsv_field(FILE *f, const char *s, int raw)
{
	if (!s || !*s)
		return;
	if (!raw && xcsv_formula_like(s)) {
		/* OWASP's rule (as Ona's ODK server): a leading ' keeps it text in Excel */
		char *t = xasprintf("'%s", s);
		xcsv_field(f, t, 1);
		free(t);
		return;
	}
	size_t n = strlen(s);
	int quote = s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t' ||
		strpbrk(s, ",\"\r\n;") != NULL;
	if (!quote) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

typedef struct csvw {
	store *st;
	const xmodel *m;
	const export_opts *o;
	xout *outs;
	strbuf sb;
} csvw;

static const char *choice_label(const xquestion *q, const char *name)
{
	for (int j = 0; j < q->nchoices; j++)
		if (strcmp(q->choices[j].name, name) == 0)
			return q->choices[j].label ? q->choices[j].label : q->choices[j].name;
	return name;
}

/* The text of a question's cell. */
static const char *value_text(csvw *w, const xquestion *q, const char *v, store_state st)
{
	const char *lc = w->m->lang_code;
	switch (st) {
	case STATE_DONT_KNOW:
		return w->o->labels ? xword_dont_know(lc) : X_MARK_DONT_KNOW;
	case STATE_REFUSED:
		return w->o->labels ? xword_refused(lc) : X_MARK_REFUSED;
	case STATE_SKIPPED:
		return NULL;
	default:
		break;
	}
	if (!v || !w->o->labels || q->mixed)
		return v;
	if (q->type == FORM_SELECT_ONE)
		return choice_label(q, v);
	if (q->type != FORM_SELECT_MULTIPLE)
		return v;
	sb_reset(&w->sb);
	for (const char *p = v; *p;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		char *name = xstrndup(p, len);
		if (w->sb.len)
			sb_adds(&w->sb, "; ");
		sb_adds(&w->sb, choice_label(q, name));
		free(name);
		p += len;
	}
	return sb_str(&w->sb);
}

static int on_row(void *arg, const xrow *r, char *err)
{
	csvw *w = arg;
	const xtable *t = &w->m->tables[r->table];
	FILE *f = w->outs[r->table].f;
	for (int c = 0; c < t->ncols; c++) {
		const xcol *col = &t->cols[c];
		if (c)
			fputc(',', f);
		const xquestion *q = col->q >= 0 ? &w->m->qs[col->q] : NULL;
		int slot = q ? q->slot : 0;
		switch (col->kind) {
		case XC_VALUE:
			if (r->present[slot])
				xcsv_field(f, value_text(w, q, r->values[slot], r->states[slot]),
					   w->o->raw);
			break;
		case XC_OPTION:
			if (r->present[slot] && r->states[slot] == STATE_ANSWERED && r->values[slot])
				fputc(xvalue_has(r->values[slot], q->choices[col->choice].name) ? '1' : '0',
				      f);
			break;
		case XC_GEO:
			if (r->present[slot] && r->states[slot] == STATE_ANSWERED)
				xcsv_field(f, xgeo_part(r->values[slot], col->choice), w->o->raw);
			break;
		case XC_META:
			xcsv_field(f, xmeta_text(r->iv, col->meta), w->o->raw);
			break;
		case XC_KEY:
			xcsv_field(f, r->key, w->o->raw);
			break;
		case XC_PARENT_KEY:
			xcsv_field(f, r->parent_key, w->o->raw);
			break;
		}
	}
	if (r->table == 0 && xcomments_cell(w->st, f, r->iv->uuid, w->o->raw, err))
		return -1;
	fputc('\n', f);
	if (ferror(f))
		return errf(err, "cannot write '%s': write error", w->outs[r->table].path);
	return 0;
}

int xcomments_cell(store *st, FILE *f, const char *uuid, int raw, char *err)
{
	store_answer *c;
	int n;
	if (store_comments(st, uuid, &c, &n, err))
		return -1;
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		sb_addf(&sb, "%s%s: %s", i ? "\n" : "", c[i].path, c[i].value);
	fputc(',', f);
	xcsv_field(f, sb_str(&sb), raw);
	sb_release(&sb);
	store_answers_free(c, n);
	return 0;
}

int xcsv_write(store *st, const xmodel *m, const export_opts *o, xout *outs, char *err)
{
	for (int t = 0; t < m->ntables; t++) {
		FILE *f = outs[t].f;
		if (o->bom)
			fputs("\xef\xbb\xbf", f);
		for (int c = 0; c < m->tables[t].ncols; c++) {
			if (c)
				fputc(',', f);
			xcsv_field(f, m->tables[t].cols[c].name[XN_CSV], o->raw);
		}
		if (t == 0)
			fputs(",_comments", f);   /* the interviewer's comments: "path: text" lines */
		fputc('\n', f);
	}
	csvw w = { .st = st, .m = m, .o = o, .outs = outs };
	int rc = xrows_scan(st, m, on_row, &w, err);
	sb_release(&w.sb);
	return rc ? -1 : 0;
}

/* columns.c: the column model every export format shares — the questions of all versions of a
 * form merged in questionnaire order (a question only an older version has goes after the one
 * it followed there), choice lists united, one table for the interviews and one per repeat,
 * and each table's columns with a name for CSV, SPSS and Stata and a variable label. */
#include "export/export_impl.h"

#include <stdlib.h>
#include <string.h>

/* A select whose list, read from a media file (select_one_from_file, select_one_external),
 * has more choices than this is exported as its values: no value labels, no column per
 * choice (a list of villages would otherwise make thousands of columns and labels). */
#define XCHOICES_FILE_MAX 1000

/* ---- a small map from path to int ---- */

struct xpath_index {
	strmap keys;   /* path -> id */
	int *vals;     /* vals[id] */
	int cap;       /* vals allocated */
};

static int index_get(const struct xpath_index *x, const char *key, size_t n)
{
	int id = x ? strmap_findn(&x->keys, key, n) : -1;
	return id < 0 ? -1 : x->vals[id];
}

static void index_put(struct xpath_index *x, const char *key, int val)
{
	int id = strmap_put(&x->keys, key);
	if (id >= x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->vals = xreallocarray(x->vals, (size_t)x->cap, sizeof *x->vals);
	}
	x->vals[id] = val;
}

static void index_release(struct xpath_index *x)
{
	strmap_release(&x->keys);
	free(x->vals);
}

int xmodel_find(const xmodel *m, const char *path, size_t len)
{
	return index_get(m->index, path, len);
}

/* ---- merging the versions ---- */

/* A node that carries a value: not a container, not a note. */
static int value_node(form_type t)
{
	return !form_type_is_container(t) && t != FORM_NOTE;
}

typedef struct entry {
	const char *path;     /* borrowed from the newest form defining it */
	int repeat;           /* 1: a repeat node, else a value node */
	int nd;               /* definitions, newest first */
	int *form, *node;
	int next;             /* order: linked list */
} entry;

typedef struct merge {
	entry *e;
	int n, cap;
	int head, tail;
	int nforms;           /* versions: the most definitions an entry can have */
	struct xpath_index idx;
} merge;

static int merge_add(merge *mg, int fi, const form *f, int node, int after)
{
	const form_node *nd = &f->nodes[node];
	int k = index_get(&mg->idx, nd->path, strlen(nd->path));
	if (k >= 0) {
		entry *e = &mg->e[k];
		e->form[e->nd] = fi;
		e->node[e->nd++] = node;
		return k;
	}
	if (mg->n == mg->cap) {
		mg->cap = mg->cap ? mg->cap * 2 : 64;
		mg->e = xreallocarray(mg->e, (size_t)mg->cap, sizeof *mg->e);
	}
	k = mg->n++;
	entry *e = &mg->e[k];
	memset(e, 0, sizeof *e);
	e->path = nd->path;
	e->repeat = nd->type == FORM_REPEAT;
	e->form = xcalloc((size_t)mg->nforms, sizeof(int));
	e->node = xcalloc((size_t)mg->nforms, sizeof(int));
	e->form[0] = fi;
	e->node[0] = node;
	e->nd = 1;
	if (after < 0) {           /* at the front */
		e->next = mg->head;
		mg->head = k;
		if (mg->tail < 0)
			mg->tail = k;
	} else {
		e->next = mg->e[after].next;
		mg->e[after].next = k;
		if (mg->tail == after)
			mg->tail = k;
	}
	index_put(&mg->idx, nd->path, k);
	return k;
}

/* Newest version first in its own order; then each older one, its new nodes placed after the
 * node that precedes them there. */
static void merge_forms(merge *mg, form **forms, int n)
{
	mg->head = mg->tail = -1;
	mg->nforms = n;
	for (int fi = n - 1; fi >= 0; fi--) {
		const form *f = forms[fi];
		int last = fi == n - 1 ? mg->tail : -1;
		for (int i = 1; i < f->nnodes; i++) {
			form_type t = f->nodes[i].type;
			if (!value_node(t) && t != FORM_REPEAT)
				continue;
			if (fi == n - 1)
				last = merge_add(mg, fi, f, i, mg->tail);
			else
				last = merge_add(mg, fi, f, i, last);
		}
	}
}

static void merge_release(merge *mg)
{
	for (int i = 0; i < mg->n; i++) {
		free(mg->e[i].form);
		free(mg->e[i].node);
	}
	free(mg->e);
	index_release(&mg->idx);
}

/* ---- questions ---- */

static xkind kind_of(form_type t)
{
	switch (t) {
	case FORM_INTEGER: case FORM_DECIMAL: case FORM_RANGE:
		return XK_NUMBER;
	case FORM_SELECT_ONE:
		return XK_CODE;
	case FORM_DATE: case FORM_TODAY:
		return XK_DATE;
	case FORM_DATETIME: case FORM_START: case FORM_END:
		return XK_DATETIME;
	case FORM_TIME:
		return XK_TIME;
	default:
		return XK_STRING;
	}
}

static int is_int_name(const char *s)
{
	const char *p = s;
	if (*p == '-')
		p++;
	size_t n = strspn(p, "0123456789");
	return n >= 1 && n <= 9 && !p[n] && !(n > 1 && *p == '0');
}

static void build_question(xmodel *m, const entry *e, xquestion *q)
{
	const form *f = m->forms[e->form[0]];
	const form_node *nd = &f->nodes[e->node[0]];
	q->path = xstrdup(nd->path);
	q->name = xstrdup(nd->name);
	q->type = nd->type;
	for (int k = 1; k < e->nd; k++)
		if (m->forms[e->form[k]]->nodes[e->node[k]].type != q->type)
			q->mixed = 1;
	for (int k = 0; k < e->nd && !q->label; k++) {
		const char *t = form_text(m->forms[e->form[k]], e->node[k], FORM_LABEL,
					  m->lang[e->form[k]]);
		if (t && *t)
			q->label = xlabel_line(t, 0, 0);
	}
	q->kind = q->mixed ? XK_STRING : kind_of(q->type);
	if (q->type != FORM_SELECT_ONE && q->type != FORM_SELECT_MULTIPLE)
		return;
	/* the union of the versions' choices, newest first */
	int cap = 0;
	for (int k = 0; k < e->nd; k++) {
		const form *fk = m->forms[e->form[k]];
		const form_list *l = form_node_list(fk, e->node[k]);
		if (!l || (l->file && l->nchoices > XCHOICES_FILE_MAX))
			continue;   /* a long list from a media file: its values, as text */
		for (int c = 0; c < l->nchoices; c++) {
			const form_choice *ch = &l->choices[c];
			/* the first version: only a repeated name in its own list (constant time,
			 * for lists of thousands read from media files) */
			int have = k == 0 && form_list_choice(fk, fk->nodes[e->node[k]].list,
							      ch->name) != ch;
			for (int j = 0; k > 0 && j < q->nchoices && !have; j++)
				have = strcmp(q->choices[j].name, ch->name) == 0;
			if (have)
				continue;
			if (q->nchoices == cap) {
				cap = cap ? cap * 2 : 8;
				q->choices = xreallocarray(q->choices, (size_t)cap, sizeof *q->choices);
			}
			xchoice *x = &q->choices[q->nchoices++];
			x->name = xstrdup(ch->name);
			const char *lab = form_choice_label(fk, ch, m->lang[e->form[k]]);
			x->label = lab && *lab ? xlabel_line(lab, 0, 0) : NULL;
			x->code = 0;
		}
	}
	q->numeric = q->type == FORM_SELECT_ONE && !q->mixed && q->nchoices > 0;
	for (int j = 0; j < q->nchoices && q->numeric; j++)
		q->numeric = is_int_name(q->choices[j].name);
	for (int j = 0; j < q->nchoices; j++)
		q->choices[j].code = q->numeric ? atoi(q->choices[j].name) : j + 1;
}

/* ---- tables and columns ---- */

static xcol *add_col(xtable *t, int *cap, xcol_kind kind)
{
	if (t->ncols == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		t->cols = xreallocarray(t->cols, (size_t)*cap, sizeof *t->cols);
	}
	xcol *c = &t->cols[t->ncols++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->q = -1;
	c->choice = -1;
	return c;
}

static void name_col(xcol *c, xname_set sets[XN_N], const char *csv, const char *base)
{
	c->name[XN_CSV] = xname_unique(&sets[XN_CSV], csv, 0);
	char *s = xname_clean(base, XN_SAV), *d = xname_clean(base, XN_DTA);
	c->name[XN_SAV] = xname_unique(&sets[XN_SAV], s, XN_SAV_MAX);
	c->name[XN_DTA] = xname_unique(&sets[XN_DTA], d, XN_DTA_MAX);
	free(s);
	free(d);
}

static void build_columns(xmodel *m, int ti)
{
	xtable *t = &m->tables[ti];
	xname_set sets[XN_N];
	memset(sets, 0, sizeof sets);
	int cap = 0;
	/* join keys and metadata first: their names are fixed, questions give way */
	xcol *keys[2] = { NULL, NULL };
	if (ti > 0) {
		keys[0] = add_col(t, &cap, XC_PARENT_KEY);
		name_col(keys[0], sets, "PARENT_KEY", "PARENT_KEY");
	}
	if (ti > 0 || m->ntables > 1) {
		keys[1] = add_col(t, &cap, XC_KEY);
		name_col(keys[1], sets, "KEY", "KEY");
	}
	if (ti == 0) {
		for (int k = 0; k < XM_N; k++) {
			xcol *c = add_col(t, &cap, XC_META);
			c->meta = (enum xmeta)k;
			char *base = xasprintf("iv%s", xmeta_csv_name((enum xmeta)k));
			name_col(c, sets, xmeta_csv_name((enum xmeta)k), base);
			free(base);
			c->label = xstrdup(xword_meta((enum xmeta)k, m->lang_code));
		}
	}
	int nfixed = t->ncols;
	for (int i = 0; i < t->nq; i++) {
		xquestion *q = &m->qs[t->qs[i]];
		xcol *c = add_col(t, &cap, XC_VALUE);
		c->q = t->qs[i];
		name_col(c, sets, q->path, q->name);
		c->label = xstrdup(q->label);
		for (int j = 0; q->type == FORM_GEOPOINT && !q->mixed && j < XGEO_NPARTS; j++) {
			c = add_col(t, &cap, XC_GEO);
			c->q = t->qs[i];
			c->choice = j;
			char *csv = xasprintf("%s_%s", q->path, xgeo_suffix[j]);
			char *base = xasprintf("%s_%s", q->name, xgeo_suffix[j]);
			name_col(c, sets, csv, base);
			free(csv);
			free(base);
			c->label = q->label ? xasprintf("%s: %s", q->label, xgeo_suffix[j]) :
				xstrdup(xgeo_suffix[j]);
		}
		if (q->type != FORM_SELECT_MULTIPLE || q->mixed)
			continue;
		for (int j = 0; j < q->nchoices; j++) {
			c = add_col(t, &cap, XC_OPTION);
			c->q = t->qs[i];
			c->choice = j;
			char *csv = xasprintf("%s/%s", q->path, q->choices[j].name);
			char *base = xasprintf("%s_%s", q->name, q->choices[j].name);
			name_col(c, sets, csv, base);
			free(csv);
			free(base);
			const char *cl = q->choices[j].label ? q->choices[j].label : q->choices[j].name;
			c->label = q->label ? xasprintf("%s: %s", q->label, cl) : xstrdup(cl);
		}
	}
	/* questions first, then metadata and keys (as ODK Central and KoboToolbox) */
	xcol *cols = xcalloc((size_t)t->ncols, sizeof *cols);
	memcpy(cols, t->cols + nfixed, sizeof *cols * (size_t)(t->ncols - nfixed));
	int k = t->ncols - nfixed;
	for (int i = 0; i < nfixed; i++)
		if (t->cols[i].kind == XC_META)
			cols[k++] = t->cols[i];
	for (int i = 0; i < nfixed; i++)
		if (t->cols[i].kind != XC_META)
			cols[k++] = t->cols[i];
	free(t->cols);
	t->cols = cols;
	for (int s = 0; s < XN_N; s++)
		xname_set_release(&sets[s]);
}

/* The repeat enclosing a node in its form, as a path; NULL for the main table. */
static const char *enclosing_repeat(const form *f, int node)
{
	int r = f->nodes[node].repeat;
	return r >= 0 ? f->nodes[r].path : NULL;
}

static int resolve_lang(xmodel *m, const char *lang, char *err)
{
	int found = 0;
	for (int i = 0; i < m->nforms; i++) {
		m->lang[i] = lang ? form_find_lang(m->forms[i], lang) : -1;
		found |= m->lang[i] >= 0;
	}
	const form *newest = m->forms[m->nforms - 1];
	if (lang && !found) {
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < newest->nlangs; i++)
			sb_addf(&sb, "%s'%s'", i ? ", " : "", newest->langs[i].code ?
				newest->langs[i].code : newest->langs[i].name);
		errf(err, "the questionnaire has no language '%s' (it has %s)", lang,
		     newest->nlangs ? sb_str(&sb) : "no translations");
		sb_release(&sb);
		return -1;
	}
	for (int i = m->nforms - 1; i >= 0 && !m->lang_code; i--) {
		const form *f = m->forms[i];
		int l = m->lang[i] >= 0 ? m->lang[i] : f->default_lang;
		if (l >= 0 && l < f->nlangs && (m->lang[i] >= 0 || !lang))
			m->lang_code = f->langs[l].code;
	}
	return 0;
}

/* The tables: the main one, then one per repeat in merged order (tabidx: a repeat's path to
 * its table), each with its parent table. */
static void build_tables(xmodel *m, const merge *mg, struct xpath_index *tabidx)
{
	int cap_t = 8;
	m->tables = xcalloc((size_t)cap_t, sizeof *m->tables);
	m->ntables = 1;
	m->tables[0].parent = -1;
	m->tables[0].suffix = xstrdup("");
	for (int k = mg->head; k >= 0; k = mg->e[k].next) {
		if (!mg->e[k].repeat)
			continue;
		if (m->ntables == cap_t) {
			cap_t *= 2;
			m->tables = xreallocarray(m->tables, (size_t)cap_t, sizeof *m->tables);
		}
		xtable *t = &m->tables[m->ntables];
		memset(t, 0, sizeof *t);
		t->repeat = xstrdup(mg->e[k].path);
		const char *up = enclosing_repeat(m->forms[mg->e[k].form[0]], mg->e[k].node[0]);
		t->parent = up ? index_get(tabidx, up, strlen(up)) : 0;
		if (t->parent < 0)
			t->parent = 0;
		index_put(tabidx, t->repeat, m->ntables++);
	}
}

/* The repeats' file suffixes: the repeat's name, numbered when two repeats share it. */
static void name_suffixes(xmodel *m)
{
	for (int i = 1; i < m->ntables; i++) {
		const char *slash = strrchr(m->tables[i].repeat, '/');
		const char *name = slash ? slash + 1 : m->tables[i].repeat;
		int same = 0, nth = 0;
		for (int j = 1; j < m->ntables; j++) {
			const char *s2 = strrchr(m->tables[j].repeat, '/');
			if (strcmp(s2 ? s2 + 1 : m->tables[j].repeat, name) == 0) {
				same++;
				if (j <= i)
					nth++;
			}
		}
		m->tables[i].suffix = same > 1 ? xasprintf("-%s~%d", name, nth) :
			xasprintf("-%s", name);
	}
}

/* The questions in merged order, each in its table (its slot there) and in m->index. */
static void place_questions(xmodel *m, const merge *mg, struct xpath_index *tabidx)
{
	int cap_q = 0;
	int *tcap = xcalloc((size_t)m->ntables, sizeof(int));
	for (int k = mg->head; k >= 0; k = mg->e[k].next) {
		const entry *e = &mg->e[k];
		if (e->repeat)
			continue;
		if (m->nq == cap_q) {
			cap_q = cap_q ? cap_q * 2 : 64;
			m->qs = xreallocarray(m->qs, (size_t)cap_q, sizeof *m->qs);
		}
		xquestion *q = &m->qs[m->nq];
		memset(q, 0, sizeof *q);
		build_question(m, e, q);
		const char *up = enclosing_repeat(m->forms[e->form[0]], e->node[0]);
		q->table = up ? index_get(tabidx, up, strlen(up)) : 0;
		if (q->table < 0)
			q->table = 0;
		xtable *t = &m->tables[q->table];
		if (t->nq == tcap[q->table]) {
			tcap[q->table] = tcap[q->table] ? tcap[q->table] * 2 : 16;
			t->qs = xreallocarray(t->qs, (size_t)tcap[q->table], sizeof(int));
		}
		q->slot = t->nq;
		t->qs[t->nq++] = m->nq;
		index_put(m->index, q->path, m->nq);
		m->nq++;
	}
	free(tcap);
}

int xmodel_build(form **forms, int n, const char *lang, xmodel **out, char *err)
{
	*out = NULL;
	xmodel *m = xcalloc(1, sizeof *m);
	m->forms = forms;
	m->nforms = n;
	m->lang = xcalloc((size_t)n, sizeof(int));
	m->index = xcalloc(1, sizeof *m->index);
	if (n <= 0) {
		xmodel_free(m);
		return errf(err, "no questionnaire to export");
	}
	const form *newest = forms[n - 1];
	m->form_id = xstrdup(newest->id);
	m->title = xstrdup(newest->title);
	if (resolve_lang(m, lang, err)) {
		xmodel_free(m);
		return -1;
	}
	merge mg;
	memset(&mg, 0, sizeof mg);
	merge_forms(&mg, forms, n);

	struct xpath_index tabidx = { 0 };
	build_tables(m, &mg, &tabidx);
	name_suffixes(m);
	place_questions(m, &mg, &tabidx);
	index_release(&tabidx);
	merge_release(&mg);
	for (int t = 0; t < m->ntables; t++)
		build_columns(m, t);
	*out = m;
	return 0;
}

void xmodel_free(xmodel *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nq; i++) {
		xquestion *q = &m->qs[i];
		free(q->path);
		free(q->name);
		free(q->label);
		for (int j = 0; j < q->nchoices; j++) {
			free(q->choices[j].name);
			free(q->choices[j].label);
		}
		free(q->choices);
	}
	free(m->qs);
	for (int t = 0; t < m->ntables; t++) {
		xtable *tb = &m->tables[t];
		free(tb->repeat);
		free(tb->suffix);
		free(tb->qs);
		for (int c = 0; c < tb->ncols; c++) {
			for (int s = 0; s < XN_N; s++)
				free(tb->cols[c].name[s]);
			free(tb->cols[c].label);
		}
		free(tb->cols);
	}
	free(m->tables);
	for (int i = 0; i < m->nforms; i++)
		form_free(m->forms[i]);
	free(m->forms);
	free(m->lang);
	free(m->form_id);
	free(m->title);
	if (m->index)
		index_release(m->index);
	free(m->index);
	free(m);
}

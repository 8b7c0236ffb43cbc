/* form.c: loading a questionnaire (file, memory or workbook -> model, with diagnostics),
 * freeing it, and the lookups the interview engine and reports use. */
#include "form/form_impl.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void form_err(form_loader *ld, const char *sheet, int row, const char *column, int pos,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	form_diag_vadd(ld->diags, FORM_ERROR, ld->file, sheet, row, column, pos, fmt, ap);
	va_end(ap);
}

void form_warn(form_loader *ld, const char *sheet, int row, const char *column, int pos,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	form_diag_vadd(ld->diags, FORM_WARNING, ld->file, sheet, row, column, pos, fmt, ap);
	va_end(ap);
}

const char *form_sheet_name(const sheet *sh, const char *fallback)
{
	return sh ? sh->name : fallback;
}

/* ---- loading ---- */


static int sheet_rank(const workbook *wb, const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; wb && i < wb->nsheets; i++)
		if (strcmp(wb->sheets[i].name, name) == 0)
			return i;
	return wb ? wb->nsheets : 0;
}

static int diag_cmp(const workbook *wb, const form_diag *x, const form_diag *y)
{
	int rx = sheet_rank(wb, x->sheet), ry = sheet_rank(wb, y->sheet);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return 0;
}

/* Sort items [start, n) by sheet then row, keeping the order found among equals (a bottom-up
 * merge sort: stable, and qsort is not). */
static void sort_diags(form_diags *d, int start, const workbook *wb)
{
	int n = d->n - start;
	if (n < 2)
		return;
	form_diag *v = d->items + start, *tmp = xmalloc((size_t)n * sizeof *tmp);
	for (int w = 1; w < n; w *= 2) {
		for (int lo = 0; lo < n; lo += 2 * w) {
			int mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			int a = lo, b = mid, k = lo;
			while (a < mid && b < hi)
				tmp[k++] = diag_cmp(wb, &v[b], &v[a]) < 0 ? v[b++] : v[a++];
			while (a < mid)
				tmp[k++] = v[a++];
			while (b < hi)
				tmp[k++] = v[b++];
		}
		memcpy(v, tmp, (size_t)n * sizeof *v);
	}
	free(tmp);
}

static void loader_release(form_loader *ld)
{
	free(ld->scols);
	free(ld->ccols);
	free(ld->default_language);
	free(ld->instance_name_col);
	form_map_release(&ld->node_names);
	form_map_release(&ld->node_names_lc);
	form_map_release(&ld->repeat_names);
	form_table_release(ld->ext);
	free(ld->ext);
	strv_free(ld->media_failed, ld->nmedia_failed);
}

static int finish(form_diags *d, int start, int errors_before, const char *file, form *f,
		form **out, int own_diags, char *err)
{
	if (d->nerrors > errors_before) {
		if (own_diags) {
			strbuf sb = STRBUF_INIT;
			for (int i = start; i < d->n; i++) {
				if (d->items[i].severity == FORM_ERROR) {
					form_diag_format(&d->items[i], &sb);
					break;
				}
			}
			errf(err, "%s", sb_str(&sb));
			sb_release(&sb);
		} else {
			int n = d->nerrors - errors_before;
			errf(err, "'%s' has %d error%s", file, n, n == 1 ? "" : "s");
		}
		form_free(f);
		*out = NULL;
		return -1;
	}
	*out = f;
	return 0;
}

/* (list, choice name) -> choice: a choice of a list of thousands (a media file) is found in
 * constant time. The first of duplicate names wins, as a scan would find it. */
static void index_choices(form *f)
{
	f->choice_names = xcalloc(1, sizeof *f->choice_names);
	form_map_init(f->choice_names, 0);
	for (int l = 0; l < f->nlists; l++)
		for (int c = 0; c < f->lists[l].nchoices; c++) {
			int existed;
			form_map_put(f->choice_names, l, f->lists[l].choices[c].name, c, &existed);
		}
}

static int from_workbook(const workbook *wb, const form_media_src *media, form **out,
		form_diags *diags, char *err)
{
	form_diags local;
	int own = diags == NULL;
	if (own) {
		form_diags_init(&local);
		diags = &local;
	}
	int start = diags->n, errors_before = diags->nerrors;
	form_loader ld = { .wb = wb, .file = wb->path ? wb->path : "", .diags = diags,
			   .plain_lang = -1, .media = media };
	form_map_init(&ld.node_names, 0);
	form_map_init(&ld.node_names_lc, 1);
	form_map_init(&ld.repeat_names, 0);
	ld.f = xcalloc(1, sizeof *ld.f);
	ld.f->default_lang = -1;
	xlsform_build(&ld);
	if (ld.f->nnodes > 0)
		form_check(&ld);
	index_choices(ld.f);
	loader_release(&ld);
	sort_diags(diags, start, wb);
	int rc = finish(diags, start, errors_before, wb->path ? wb->path : "", ld.f, out, own, err);
	if (own)
		form_diags_release(&local);
	return rc;
}

/* Media files of a form file: in DIR/STEM-media/ or DIR/ (form_media.c). */
static void media_of_path(form_media_src *m, const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	m->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	if (slash && slash == path) {
		free(m->dir);
		m->dir = xstrdup("");
	}
	m->stem = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

int form_from_workbook(const workbook *wb, form **out, form_diags *diags, char *err)
{
	form_media_src m = { 0 };
	if (wb->path && *wb->path)
		media_of_path(&m, wb->path);
	int rc = from_workbook(wb, &m, out, diags, err);
	free(m.dir);
	free(m.stem);
	return rc;
}

/* A reader's error "SHEET:ROW: what" or "ROW: what" becomes a located diagnostic. */
static void reader_error(form_diags *d, const char *file, const char *msg)
{
	const char *p = msg;
	char *sheetname = NULL;
	int row = 0;
	const char *colon = strstr(p, ": ");
	if (colon) {
		/* the part before ": " is ROW or SHEET:ROW */
		const char *q = colon;
		while (q > p && isdigit((unsigned char)q[-1]))
			q--;
		if (q < colon && (q == p || q[-1] == ':')) {
			row = atoi(q);
			if (q > p)
				sheetname = xstrndup(p, (size_t)(q - 1 - p));
			p = colon + 2;
		}
	}
	form_diag_add(d, FORM_ERROR, file, sheetname, row, NULL, -1, "%s", p);
	free(sheetname);
}

static int load_workbook(const char *file, int rc, workbook *wb, const form_media_src *media,
		form **out, form_diags *diags, char *rerr, char *err)
{
	if (rc < 0) {
		*out = NULL;
		if (diags) {
			reader_error(diags, file, rerr);
			errf(err, "'%s' has 1 error", file);
		} else {
			form_diags d;
			form_diags_init(&d);
			reader_error(&d, file, rerr);
			strbuf sb = STRBUF_INIT;
			form_diag_format(&d.items[0], &sb);
			errf(err, "%s", sb_str(&sb));
			sb_release(&sb);
			form_diags_release(&d);
		}
		workbook_release(wb);
		return -1;
	}
	rc = from_workbook(wb, media, out, diags, err);
	workbook_release(wb);
	return rc;
}

int form_load(const char *path, form **out, form_diags *diags, char *err)
{
	workbook wb = { 0 };
	char rerr[ERR_MAX];
	int rc = workbook_read(path, &wb, rerr);
	if (rc == 0 && !wb.path)
		wb.path = xstrdup(path);
	form_media_src m = { 0 };
	media_of_path(&m, path);
	rc = load_workbook(path, rc, &wb, &m, out, diags, rerr, err);
	free(m.dir);
	free(m.stem);
	return rc;
}

int form_load_mem(const char *name, const char *kind, const void *data, size_t len,
		form **out, form_diags *diags, char *err)
{
	workbook wb = { 0 };
	char rerr[ERR_MAX];
	form_bundle b = { 0 };
	form_media_src m = { 0 };
	int rc;
	if (kind && !strcmp(kind, "bundle")) {   /* the form and its media files */
		rc = form_bundle_open(data, len, &b, rerr);
		if (rc == 0) {
			kind = workbook_kind(b.name);
			data = b.data;
			len = b.len;
			m.files = b.media;
			m.nfiles = b.nmedia;
		}
	}
	if (!kind || strcmp(kind, "bundle") != 0)
		rc = workbook_read_mem(name, kind, data, len, &wb, rerr);
	if (rc == 0 && !wb.path)
		wb.path = xstrdup(name);
	rc = load_workbook(name, rc, &wb, &m, out, diags, rerr, err);
	form_bundle_release(&b);
	return rc;
}

/* ---- freeing ---- */

void form_free(form *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nnodes; i++) {
		form_node *n = &f->nodes[i];
		free(n->name);
		free(n->path);
		free(n->appearance);
		free(n->parameters);
		free(n->default_value);
		for (int k = 0; k < FORM_NTEXTS; k++)
			strv_free(n->text[k], f->nlangs);
		for (int k = 0; k < FORM_NEXPRS; k++) {
			free(n->src[k]);
			expr_free(n->x[k]);
		}
		free(n->dependents);
	}
	free(f->nodes);
	for (int i = 0; i < f->nlists; i++) {
		form_list *l = &f->lists[i];
		for (int c = 0; c < l->nchoices; c++) {
			free(l->choices[c].name);
			strv_free(l->choices[c].label, f->nlangs);
			if (l->choices[c].extra)
				for (int e = 0; e < f->nchoice_columns; e++)
					free(l->choices[c].extra[e]);
			free(l->choices[c].extra);
		}
		free(l->choices);
		free(l->name);
		free(l->file);
		free(l->from);
	}
	free(f->lists);
	for (int i = 0; i < f->ntables; i++)
		form_table_release(&f->tables[i]);
	free(f->tables);
	for (int i = 0; i < f->nmedia; i++) {
		free(f->media[i].name);
		free(f->media[i].data);
	}
	free(f->media);
	strv_free(f->choice_columns, f->nchoice_columns);
	for (int i = 0; i < f->nlangs; i++) {
		free(f->langs[i].name);
		free(f->langs[i].code);
	}
	free(f->langs);
	free(f->calc_order);
	free(f->eval_order);
	free(f->source);
	free(f->title);
	free(f->id);
	free(f->version);
	free(f->style);
	free(f->key_questions);
	free(f->public_key);
	free(f->instance_name_src);
	expr_free(f->instance_name);
	if (f->names) {
		form_map_release(f->names);
		free(f->names);
	}
	if (f->list_names) {
		form_map_release(f->list_names);
		free(f->list_names);
	}
	if (f->choice_names) {
		form_map_release(f->choice_names);
		free(f->choice_names);
	}
	free(f);
}

/* ---- lookups ---- */

int form_find(const form *f, const char *name)
{
	int *v = f->names ? form_map_find(f->names, 0, name) : NULL;
	return v ? *v : -1;
}

/* Depth of the deepest common ancestor of nodes a and b. */
static int common_depth(const form *f, int a, int b)
{
	while (a != b) {
		if (f->nodes[a].depth >= f->nodes[b].depth)
			a = f->nodes[a].parent;
		else
			b = f->nodes[b].parent;
	}
	return f->nodes[a].depth;
}

int form_find_near(const form *f, const char *name, int from)
{
	int t = form_find(f, name);
	if (t >= 0 || from < 0 || from >= f->nnodes)
		return t;
	int best = -1, best_depth = -1, tie = 0;
	for (int i = 1; i < f->nnodes; i++) {
		if (strcmp(f->nodes[i].name, name) != 0)
			continue;
		int d = common_depth(f, i, from);
		if (d > best_depth) {
			best = i;
			best_depth = d;
			tie = 0;
		} else if (d == best_depth)
			tie = 1;
	}
	return tie ? -1 : best;
}

int form_find_list(const form *f, const char *name)
{
	int *v = f->list_names ? form_map_find(f->list_names, 0, name) : NULL;
	return v ? *v : -1;
}

int form_find_lang(const form *f, const char *lang)
{
	for (int i = 0; i < f->nlangs; i++)
		if (ascii_casecmp(f->langs[i].name, lang) == 0)
			return i;
	for (int i = 0; i < f->nlangs; i++)
		if (f->langs[i].code && ascii_casecmp(f->langs[i].code, lang) == 0)
			return i;
	return -1;
}

static const char *pick(const form *f, char *const *t, int lang)
{
	if (!t)
		return NULL;
	if (lang >= 0 && lang < f->nlangs && t[lang])
		return t[lang];
	if (f->default_lang >= 0 && t[f->default_lang])
		return t[f->default_lang];
	for (int i = 0; i < f->nlangs; i++)
		if (t[i])
			return t[i];
	return NULL;
}

const char *form_text(const form *f, int node, enum form_text_kind kind, int lang)
{
	if (node < 0 || node >= f->nnodes || kind < 0 || kind >= FORM_NTEXTS)
		return NULL;
	return pick(f, f->nodes[node].text[kind], lang);
}

const char *form_choice_label(const form *f, const form_choice *c, int lang)
{
	return pick(f, c->label, lang);
}

const form_list *form_node_list(const form *f, int node)
{
	if (node < 0 || node >= f->nnodes || f->nodes[node].list < 0)
		return NULL;
	return &f->lists[f->nodes[node].list];
}

const form_choice *form_list_choice(const form *f, int list, const char *name)
{
	if (list < 0 || list >= f->nlists)
		return NULL;
	const form_list *l = &f->lists[list];
	if (f->choice_names) {
		int *c = form_map_find(f->choice_names, list, name);
		return c ? &l->choices[*c] : NULL;
	}
	for (int i = 0; i < l->nchoices; i++)
		if (strcmp(l->choices[i].name, name) == 0)
			return &l->choices[i];
	return NULL;
}

const char *form_choice_column(const form *f, const form_choice *c, const char *column, int lang)
{
	if (strcmp(column, "name") == 0)
		return c->name;
	if (strcmp(column, "label") == 0) {
		const char *s = form_choice_label(f, c, lang);
		return s ? s : "";
	}
	for (int i = 0; i < f->nchoice_columns; i++)
		if (strcmp(f->choice_columns[i], column) == 0)
			return c->extra ? c->extra[i] : "";
	return NULL;
}

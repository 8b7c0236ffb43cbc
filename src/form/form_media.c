/* form_media.c: the media files a questionnaire reads (select_one_from_file, csv-external,
 * xml-external, pulldata): found in FORM-media/ or beside the form (ODK's and pyxform's
 * conventions) or in the form's stored bundle, read within bounds, turned into tables (CSV
 * here; XML and GeoJSON in form_media_xml.c and form_media_json.c), and into choice lists. */
#include "form/form_impl.h"
#include "form/sheets_impl.h"
#include "util/readall.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void form_table_release(form_table *t)
{
	if (!t)
		return;
	strv_free(t->cols, t->ncols);
	strv_free(t->cells, (size_t)t->nrows * (size_t)t->ncols);
	free(t->lines);
	free(t->name);
	free(t->file);
	memset(t, 0, sizeof *t);
}

const form_table *form_find_table(const form *f, const char *name)
{
	for (int i = 0; i < f->ntables; i++)
		if (strcmp(f->tables[i].name, name) == 0)
			return &f->tables[i];
	return NULL;
}

/* ---- the table builder (XML, GeoJSON) ---- */

void form_tb_init(form_tbuild *b, form_table *t)
{
	memset(b, 0, sizeof *b);
	memset(t, 0, sizeof *t);
	b->t = t;
	form_map_init(&b->cols, 0);
}

void form_tb_release(form_tbuild *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->tval[i]);
	free(b->trow);
	free(b->tcol);
	free(b->tval);
	form_map_release(&b->cols);
	memset(&b->cols, 0, sizeof b->cols);
	b->trow = b->tcol = NULL;
	b->tval = NULL;
	b->n = b->cap = 0;
}

int form_tb_row(form_tbuild *b, int line, char *err)
{
	form_table *t = b->t;
	if (t->nrows >= FORM_MEDIA_MAX_ROWS)
		return errf(err, "more than %d rows", FORM_MEDIA_MAX_ROWS);
	if (t->nrows % 64 == 0)
		t->lines = xreallocarray(t->lines, (size_t)t->nrows + 64, sizeof *t->lines);
	t->lines[t->nrows++] = line;
	return 0;
}

int form_tb_set(form_tbuild *b, const char *col, const char *s, size_t n, char *err)
{
	form_table *t = b->t;
	if (!t->nrows)
		return 0;
	int existed, *ci = form_map_find(&b->cols, 0, col);
	if (!ci) {
		if (t->ncols >= FORM_MEDIA_MAX_COLS)
			return errf(err, "more than %d columns", FORM_MEDIA_MAX_COLS);
		if (t->ncols == b->capcols) {
			b->capcols = b->capcols ? 2 * b->capcols : 16;
			t->cols = xreallocarray(t->cols, (size_t)b->capcols, sizeof *t->cols);
			/* the map's keys point at the names, which do not move */
		}
		t->cols[t->ncols] = xstrdup(col);
		ci = form_map_put(&b->cols, 0, t->cols[t->ncols], t->ncols, &existed);
		t->ncols++;
	}
	int row = t->nrows - 1, c = *ci;
	for (size_t i = b->n; i > 0 && b->trow[i - 1] == row; i--)
		if (b->tcol[i - 1] == c)
			return 0;   /* the first value is kept */
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->trow = xreallocarray(b->trow, b->cap, sizeof *b->trow);
		b->tcol = xreallocarray(b->tcol, b->cap, sizeof *b->tcol);
		b->tval = xreallocarray(b->tval, b->cap, sizeof *b->tval);
	}
	b->trow[b->n] = row;
	b->tcol[b->n] = c;
	b->tval[b->n] = xstrndup(s, n);
	b->n++;
	return 0;
}

int form_tb_finish(form_tbuild *b, char *err)
{
	form_table *t = b->t;
	if ((size_t)t->nrows * (size_t)t->ncols > FORM_MEDIA_MAX_CELLS) {
		form_tb_release(b);
		return errf(err, "more than %d cells (rows x columns)", FORM_MEDIA_MAX_CELLS);
	}
	size_t total = (size_t)t->nrows * (size_t)t->ncols;
	t->cells = xcalloc(total ? total : 1, sizeof *t->cells);
	for (size_t i = 0; i < b->n; i++) {
		t->cells[(size_t)b->trow[i] * t->ncols + b->tcol[i]] = b->tval[i];
		b->tval[i] = NULL;
	}
	for (size_t i = 0; i < total; i++)
		if (!t->cells[i])
			t->cells[i] = xstrdup("");
	form_tb_release(b);
	return 0;
}

/* A sheet as a table (its header row names the columns). */
static form_table *sheet_table(const sheet *sh)
{
	form_table *t = xcalloc(1, sizeof *t);
	const sheet_row *h = &sh->rows[0];
	t->name = xstrdup(sh->name);
	t->ncols = h->ncells;
	t->cols = xcalloc((size_t)t->ncols + 1, sizeof *t->cols);
	for (int c = 0; c < t->ncols; c++)
		t->cols[c] = xstrdup(h->cells[c]);
	t->nrows = sh->nrows - 1;
	t->cells = xcalloc((size_t)t->nrows * (size_t)t->ncols + 1, sizeof *t->cells);
	t->lines = xcalloc((size_t)t->nrows + 1, sizeof *t->lines);
	for (int r = 0; r < t->nrows; r++) {
		const sheet_row *row = &sh->rows[r + 1];
		t->lines[r] = row->line;
		for (int c = 0; c < t->ncols; c++)
			t->cells[(size_t)r * t->ncols + c] = xstrdup(c < row->ncells ? row->cells[c]
								     : "");
	}
	return t;
}

/* ---- CSV ---- */

static int csv_table(const char *data, size_t len, form_table *t, char *err)
{
	workbook wb = { 0 };
	char why[ERR_MAX];
	if (sheets_read_csv_table(data, len, &wb, why) < 0) {
		workbook_release(&wb);
		return errf(err, "%s%s", why[0] >= '0' && why[0] <= '9' ? "line " : "", why);
	}
	memset(t, 0, sizeof *t);
	const sheet *sh = wb.nsheets ? &wb.sheets[0] : NULL;
	if (!sh || sh->nrows < 1) {
		workbook_release(&wb);
		return errf(err, "it is empty: the first line must name the columns");
	}
	const sheet_row *h = &sh->rows[0];
	if (sh->nrows - 1 > FORM_MEDIA_MAX_ROWS || h->ncells > FORM_MEDIA_MAX_COLS ||
	    (size_t)(sh->nrows - 1) * (size_t)h->ncells > FORM_MEDIA_MAX_CELLS) {
		workbook_release(&wb);
		return errf(err, "too large: at most %d rows, %d columns and %d cells",
			    FORM_MEDIA_MAX_ROWS, FORM_MEDIA_MAX_COLS, FORM_MEDIA_MAX_CELLS);
	}
	int rc = 0;
	for (int c = 0; c < h->ncells && !rc; c++) {
		if (!*h->cells[c])
			rc = errf(err, "line %d: column %d has no name", h->line, c + 1);
		for (int d = 0; d < c && !rc; d++)
			if (strcmp(h->cells[c], h->cells[d]) == 0)
				rc = errf(err, "line %d: column '%s' appears twice", h->line,
					  h->cells[c]);
	}
	if (rc) {
		workbook_release(&wb);
		return rc;
	}
	form_table *tt = sheet_table(sh);
	*t = *tt;
	free(tt);
	free(t->name);
	t->name = NULL;
	workbook_release(&wb);
	return 0;
}

/* ---- finding and reading the files ---- */

/* A plain file name: no folder, not hidden, printable, not too long. */
static int plain_name(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 200 || s[0] == '.' || strpbrk(s, "/\\:"))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static const char *extension(const char *file)
{
	const char *dot = strrchr(file, '.');
	if (!dot)
		return "";
	if (!ascii_casecmp(dot, ".csv"))
		return "csv";
	if (!ascii_casecmp(dot, ".xml"))
		return "xml";
	if (!ascii_casecmp(dot, ".geojson"))
		return "geojson";
	return "";
}

/* Read path if it exists: 1 with the bytes, 0 when there is no such file, -1 with err. */
static int read_media(const char *path, size_t room, char **data, size_t *len, char *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return errf(err, "cannot open '%s': %s", path, strerror(errno));
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return errf(err, "'%s' is not a regular file", path);
	}
	size_t max = room < FORM_MEDIA_MAX_FILE ? room : FORM_MEDIA_MAX_FILE;
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return errf(err, "'%s' is too large (more than %zu MiB%s)", path, max >> 20,
			    max < FORM_MEDIA_MAX_FILE ? " with the other media files" : "");
	}
	strbuf sb = STRBUF_INIT;
	int rc = readall(&sb, readall_fd, &fd, max), bad = errno;
	close(fd);
	if (rc == READALL_TOO_LARGE)
		return errf(err, "'%s' is too large (it grew while read)", path);
	if (rc)
		return errf(err, "cannot read '%s': %s", path, strerror(bad));
	*len = sb.len;
	*data = sb_detach(&sb);
	return 1;
}

/* The bytes of media file `file`: -1 with err when it cannot be had. */
static int fetch(form_loader *ld, const char *file, char **data, size_t *len, char *err)
{
	const form_media_src *m = ld->media;
	size_t room = FORM_MEDIA_MAX_TOTAL - ld->media_bytes;
	if (m && m->files) {
		for (int i = 0; i < m->nfiles; i++)
			if (strcmp(m->files[i].name, file) == 0) {
				if (m->files[i].len > room)
					return errf(err, "the media files are too large together");
				*len = m->files[i].len;
				*data = xmalloc(*len + 1);
				memcpy(*data, m->files[i].data, *len);
				(*data)[*len] = '\0';
				return 0;
			}
		return errf(err, "media file '%s' is not stored with the questionnaire", file);
	}
	if (!m || !m->dir)
		return errf(err, "media file '%s' is not stored with the questionnaire", file);
	char *in_media = xasprintf("%s/%s-media/%s", m->dir, m->stem, file);
	char *beside = xasprintf("%s/%s", m->dir, file);
	int rc = read_media(in_media, room, data, len, err);
	if (rc == 0)
		rc = read_media(beside, room, data, len, err);
	if (rc == 0)
		errf(err, "media file '%s' not found: put it in '%s/%s-media/' or beside the form",
		     file, m->dir, m->stem);
	free(in_media);
	free(beside);
	return rc > 0 ? 0 : -1;
}

static void keep_media(form *f, const char *file, char *data, size_t len)
{
	int at = 0;
	while (at < f->nmedia && strcmp(f->media[at].name, file) < 0)
		at++;
	f->media = xreallocarray(f->media, (size_t)f->nmedia + 1, sizeof *f->media);
	memmove(&f->media[at + 1], &f->media[at], (size_t)(f->nmedia - at) * sizeof *f->media);
	f->media[at].name = xstrdup(file);
	f->media[at].data = data;
	f->media[at].len = len;
	f->nmedia++;
}

/* Remember that instance `file` (its first stem bytes) could not be read: expressions that
 * read it are not reported again. Returns -1. */
static int failed(form_loader *ld, const char *file, size_t stem)
{
	ld->media_failed = xreallocarray(ld->media_failed, (size_t)ld->nmedia_failed + 1,
					 sizeof *ld->media_failed);
	ld->media_failed[ld->nmedia_failed++] = xstrndup(file, stem);
	return -1;
}

static int has_failed(const form_loader *ld, const char *name)
{
	for (int i = 0; i < ld->nmedia_failed; i++)
		if (!strcmp(ld->media_failed[i], name))
			return 1;
	return 0;
}

int form_media_table(form_loader *ld, const char *file, const char *sheet, int row,
		const char *col)
{
	form *f = ld->f;
	for (int i = 0; i < f->ntables; i++)
		if (f->tables[i].file && strcmp(f->tables[i].file, file) == 0)
			return i;
	const char *ext = extension(file);
	if (!plain_name(file) || !*ext) {
		form_err(ld, sheet, row, col, -1, "'%s' is not a media file name: write a file "
			 "name ending in .csv, .xml or .geojson, without a folder", file);
		return -1;
	}
	size_t stem = strlen(file) - strlen(ext) - 1;
	for (int i = 0; i < f->ntables; i++)
		if (strlen(f->tables[i].name) == stem && !strncmp(f->tables[i].name, file, stem)) {
			form_err(ld, sheet, row, col, -1, "'%s' and '%s' would both be instance "
				 "'%s': rename one", file, f->tables[i].file ? f->tables[i].file :
				 "the choice list", f->tables[i].name);
			return -1;
		}
	if (f->nmedia >= FORM_MEDIA_MAX_FILES) {
		form_err(ld, sheet, row, col, -1, "more than %d media files", FORM_MEDIA_MAX_FILES);
		return -1;
	}
	char *data = NULL, why[ERR_MAX];
	size_t len = 0;
	if (fetch(ld, file, &data, &len, why) < 0) {
		form_err(ld, sheet, row, col, -1, "%s", why);
		return failed(ld, file, stem);
	}
	form_table t;
	int rc;
	if (!strcmp(ext, "csv"))
		rc = csv_table(data, len, &t, why);
	else if (!strcmp(ext, "xml"))
		rc = form_media_xml(data, len, &t, why);
	else
		rc = form_media_geojson(data, len, &t, why);
	if (rc < 0) {
		free(data);
		form_err(ld, sheet, row, col, -1, "media file '%s': %s", file, why);
		return failed(ld, file, stem);
	}
	ld->media_bytes += len;
	keep_media(f, file, data, len);
	t.name = xstrndup(file, stem);
	t.file = xstrdup(file);
	f->tables = xreallocarray(f->tables, (size_t)f->ntables + 1, sizeof *f->tables);
	f->tables[f->ntables] = t;
	return f->ntables++;
}

/* ---- choice lists from tables ---- */

/* The value of key=... in a parameters cell, malloc'd; NULL when absent. */
static char *param(const char *params, const char *key)
{
	size_t k = strlen(key);
	for (const char *p = params; *p;) {
		while (*p == ' ' || *p == '\t' || *p == ',' || *p == ';' || *p == '\n')
			p++;
		const char *end = p;
		while (*end && !strchr(" \t,;\n", *end))
			end++;
		if ((size_t)(end - p) > k && p[k] == '=' && !strncmp(p, key, k))
			return xstrndup(p + k + 1, (size_t)(end - p - k - 1));
		p = end;
	}
	return NULL;
}

/* The index of choice column `name`, added when new (every choice's extra grows). */
static int choice_column(form *f, const char *name)
{
	for (int i = 0; i < f->nchoice_columns; i++)
		if (strcmp(f->choice_columns[i], name) == 0)
			return i;
	int n = f->nchoice_columns;
	f->choice_columns = xreallocarray(f->choice_columns, (size_t)n + 1,
					  sizeof *f->choice_columns);
	f->choice_columns[n] = xstrdup(name);
	for (int l = 0; l < f->nlists; l++)
		for (int c = 0; c < f->lists[l].nchoices; c++) {
			form_choice *ch = &f->lists[l].choices[c];
			if (!ch->extra)
				continue;
			ch->extra = xreallocarray(ch->extra, (size_t)n + 1, sizeof *ch->extra);
			ch->extra[n] = xstrdup("");
		}
	return f->nchoice_columns++;
}

/* The language of a "label" column: the plain one maps to "default" if the form has it,
 * else to the default language; "label::X" to language X. -1 when the form has none. */
static int label_lang(const form *f, const char *header, size_t base)
{
	if (!header[base]) {
		for (int i = 0; i < f->nlangs; i++)
			if (!strcmp(f->langs[i].name, "default"))
				return i;
		return f->default_lang;
	}
	return form_find_lang(f, header + base + 2);
}

/* The columns of t that hold labels: lbase and lbase::language (lang_of[c]: the language),
 * and the others but the value's (vc) and the list's (lnc), the choices' extra columns
 * (extra_of[c]); -1 where none. Returns how many label columns there are. */
static int label_columns(form *f, const form_table *t, const char *lbase, int vc, int lnc,
			 int *lang_of, int *extra_of)
{
	size_t lb = strlen(lbase);
	int nlabels = 0;
	for (int c = 0; c < t->ncols; c++) {
		const char *h = t->cols[c];
		lang_of[c] = extra_of[c] = -1;
		if (!strncmp(h, lbase, lb) && (!h[lb] || !strncmp(h + lb, "::", 2))) {
			lang_of[c] = label_lang(f, h, lb);
			nlabels++;
		} else if (c != vc && c != lnc) {
			extra_of[c] = choice_column(f, h);
		}
	}
	return nlabels;
}

/* Where a select's errors are said: the question's sheet, row and column, and the file read. */
struct where {
	const char *sheet;
	int row;
	const char *col, *fname;
};

/* Is value v (on that line of the file, in column vname) refused as a choice: empty, with a
 * blank where a select_multiple reads it, or seen already (in seen)? One error then. */
static int value_refused(form_loader *ld, const struct where *w, int line, const char *v,
			 const char *vname, int multiple, form_map *seen)
{
	int existed, *dup;
	if (!*v) {
		form_err(ld, w->sheet, w->row, w->col, -1, "%s row %d: no value in column '%s'",
			 w->fname, line, vname);
		return 1;
	}
	if (multiple && strpbrk(v, " \t\n")) {
		form_err(ld, w->sheet, w->row, w->col, -1, "%s row %d: '%s' has a blank, which "
			 "select_multiple cannot store", w->fname, line, v);
		return 1;
	}
	dup = form_map_put(seen, 0, v, line, &existed);
	if (existed && !ld->allow_choice_duplicates) {
		form_err(ld, w->sheet, w->row, w->col, -1, "%s row %d: duplicate value '%s' (also "
			 "row %d)", w->fname, line, v, *dup);
		return 1;
	}
	return 0;
}

/* The table a select from a file (what) or from external_choices reads its choices from;
 * NULL after an error. */
static const form_table *select_source(form_loader *ld, const char *what, int from,
				       const char *sheet, int row, const char *col)
{
	if (from == FROM_FILE) {
		int ti = form_media_table(ld, what, sheet, row, col);
		return ti < 0 ? NULL : &ld->f->tables[ti];
	}
	const struct sheet *sh = workbook_sheet(ld->wb, "external_choices");
	if (!ld->ext && sh && sh->nrows > 0)
		ld->ext = sheet_table(sh);
	if (!ld->ext)
		form_err(ld, sheet, row, col, -1, "select_one_external '%s': the form has no "
			 "external_choices sheet", what);
	return ld->ext;
}

/* A list read already (l) used again: its index, or -1 after an error when a select_multiple
 * cannot store one of its values. */
static int list_again(form_loader *ld, int l, int multiple, const char *sheet, int row,
		      const char *col)
{
	const form_list *L = &ld->f->lists[l];
	for (int c = 0; multiple && c < L->nchoices; c++)
		if (strpbrk(L->choices[c].name, " \t\n")) {
			form_err(ld, sheet, row, col, -1, "%s row %d: '%s' has a blank, which "
				 "select_multiple cannot store", L->file, L->choices[c].row,
				 L->choices[c].name);
			return -1;
		}
	return l;
}

/* The choice of value v on a row of t (line: its line in the file): its labels from the
 * columns lang_of names a language of, its extra columns from those extra_of places. */
static void add_choice(form *f, form_list *L, const form_table *t, const char *const *cells,
		       const char *v, int line, const int *lang_of, const int *extra_of)
{
	if (L->nchoices % 256 == 0)
		L->choices = xreallocarray(L->choices, (size_t)L->nchoices + 256,
					   sizeof *L->choices);
	form_choice *ch = &L->choices[L->nchoices++];
	memset(ch, 0, sizeof *ch);
	ch->name = xstrdup(v);
	ch->row = line;
	for (int c = 0; c < t->ncols; c++) {
		if (lang_of[c] >= 0 && *cells[c]) {
			if (!ch->label)
				ch->label = xcalloc((size_t)f->nlangs, sizeof *ch->label);
			if (!ch->label[lang_of[c]])
				ch->label[lang_of[c]] = xstrdup(cells[c]);
		}
	}
	if (f->nchoice_columns) {
		ch->extra = xcalloc((size_t)f->nchoice_columns, sizeof *ch->extra);
		for (int c = 0; c < t->ncols; c++)
			if (extra_of[c] >= 0)
				ch->extra[extra_of[c]] = xstrdup(cells[c]);
		for (int e = 0; e < f->nchoice_columns; e++)
			if (!ch->extra[e])
				ch->extra[e] = xstrdup("");
	}
}

int form_media_select(form_loader *ld, const char *what, int from, const char *params,
		int multiple, const char *sheet, int row, const char *col)
{
	form *f = ld->f;
	char *vcol = param(params, "value"), *lcol = param(params, "label");
	const char *dv = "name", *dl = "label";
	int rc = -1;
	const form_table *t = select_source(ld, what, from, sheet, row, col);
	if (!t)
		goto done;
	if (from == FROM_FILE && !strcmp(extension(what), "geojson"))
		dv = "id", dl = "title";
	strbuf name = STRBUF_INIT;
	sb_addf(&name, "%s%s", from == FROM_EXTERNAL ? "external_choices:" : "", what);
	if (vcol || lcol)
		sb_addf(&name, " value=%s label=%s", vcol ? vcol : dv, lcol ? lcol : dl);
	for (int l = 0; l < f->nlists; l++)
		if (!strcmp(f->lists[l].name, sb_str(&name))) {   /* read already */
			rc = list_again(ld, l, multiple, sheet, row, col);
			sb_release(&name);
			goto done;
		}
	const char *fname = from == FROM_FILE ? what : "external_choices";
	int vc = expr_table_col(t, vcol ? vcol : dv);
	int lnc = from == FROM_EXTERNAL ? expr_table_col(t, "list_name") : -1;
	if (vc < 0 || (from == FROM_EXTERNAL && lnc < 0)) {
		form_err(ld, sheet, row, col, -1, "'%s' has no column '%s'%s", fname,
			 vc < 0 ? (vcol ? vcol : dv) : "list_name", vc < 0 && !vcol ?
			 ": name the column of the choices' values so, or write parameters "
			 "value=COLUMN" : "");
		sb_release(&name);
		goto done;
	}
	/* the label columns: LABEL and LABEL::language */
	const char *lbase = lcol ? lcol : dl;
	int *lang_of = xmalloc(((size_t)t->ncols + 1) * sizeof *lang_of);
	int *extra_of = xmalloc(((size_t)t->ncols + 1) * sizeof *extra_of);
	if (!label_columns(f, t, lbase, vc, lnc, lang_of, extra_of))
		form_warn(ld, sheet, row, col, -1, "'%s' has no column '%s': the choices are shown "
			  "by their values", fname, lbase);
	f->lists = xreallocarray(f->lists, (size_t)f->nlists + 1, sizeof *f->lists);
	form_list *L = &f->lists[f->nlists];
	memset(L, 0, sizeof *L);
	L->name = sb_detach(&name);
	L->file = xstrdup(fname);
	L->row = row;
	form_map seen;
	form_map_init(&seen, 0);
	int errors = 0;
	for (int r = 0; r < t->nrows && errors < 3; r++) {
		const char *const *cells = (const char *const *)&t->cells[(size_t)r * t->ncols];
		int line = t->lines ? t->lines[r] : r + 2;
		if (lnc >= 0 && strcmp(cells[lnc], what) != 0)
			continue;
		const char *v = cells[vc];
		struct where w = { sheet, row, col, fname };
		if (value_refused(ld, &w, line, v, t->cols[vc], multiple, &seen))
			errors++;
		else
			add_choice(f, L, t, cells, v, line, lang_of, extra_of);
	}
	form_map_release(&seen);
	free(lang_of);
	free(extra_of);
	if (!L->nchoices && !errors)
		form_warn(ld, sheet, row, col, -1, "'%s' gives no choices%s", fname,
			  from == FROM_EXTERNAL ? " for this list_name" : "");
	rc = f->nlists++;
done:
	free(vcol);
	free(lcol);
	return rc;
}

/* ---- instances read by expressions ---- */

/* A table of choice list l (columns name, label in the default language, the choices
 * sheet's other columns), added to f->tables. */
static const form_table *list_table(form *f, int l)
{
	const form_list *L = &f->lists[l];
	form_table t = { 0 };
	t.name = xstrdup(L->name);
	t.ncols = 2 + f->nchoice_columns;
	t.cols = xcalloc((size_t)t.ncols, sizeof *t.cols);
	t.cols[0] = xstrdup("name");
	t.cols[1] = xstrdup("label");
	for (int i = 0; i < f->nchoice_columns; i++)
		t.cols[2 + i] = xstrdup(f->choice_columns[i]);
	t.nrows = L->nchoices;
	t.cells = xcalloc((size_t)t.nrows * (size_t)t.ncols + 1, sizeof *t.cells);
	t.lines = xcalloc((size_t)t.nrows + 1, sizeof *t.lines);
	for (int r = 0; r < t.nrows; r++) {
		const form_choice *ch = &L->choices[r];
		char **row = &t.cells[(size_t)r * t.ncols];
		const char *label = form_choice_label(f, ch, -1);
		t.lines[r] = ch->row;
		row[0] = xstrdup(ch->name);
		row[1] = xstrdup(label ? label : "");
		for (int i = 0; i < f->nchoice_columns; i++)
			row[2 + i] = xstrdup(ch->extra ? ch->extra[i] : "");
	}
	f->tables = xreallocarray(f->tables, (size_t)f->ntables + 1, sizeof *f->tables);
	f->tables[f->ntables] = t;
	return &f->tables[f->ntables++];
}

struct icheck {
	form_loader *ld;
	const char *sheet, *col, *src;
	const char *missing;   /* an instance reported missing in this cell */
	int row;
	const int *map;
};

static void check_instance(void *arg, const char *inst, const char *column, int pulldata,
		int pos)
{
	struct icheck *c = arg;
	form_loader *ld = c->ld;
	form *f = ld->f;
	int cpos = form_char_pos(c->src, c->map ? c->map[pos] : pos);
	if (has_failed(ld, inst) || (c->missing && !strcmp(c->missing, inst)))
		return;   /* reported already */
	const form_table *t = form_find_table(f, inst);
	if (!t && form_find_list(f, inst) >= 0)
		t = list_table(f, form_find_list(f, inst));
	if (!t && pulldata) {   /* pulldata('x', ...) reads x.csv */
		char *file = xasprintf("%s.csv", inst);
		int ti = form_media_table(ld, file, c->sheet, c->row, c->col);
		free(file);
		if (ti < 0)
			return;
		t = &f->tables[ti];
	}
	if (!t) {
		c->missing = inst;
		form_err(ld, c->sheet, c->row, c->col, cpos, "instance('%s'): no choice list or "
			 "media file of that name; declare a file with csv-external or xml-external",
			 inst);
		return;
	}
	if (column && expr_table_col(t, column) < 0)
		form_err(ld, c->sheet, c->row, c->col, cpos, "'%s' has no column '%s'",
			 t->file ? t->file : inst, column);
}

void form_media_check_expr(form_loader *ld, const expr *e, const char *sheet, int row,
		const char *col, const char *src, const int *map)
{
	struct icheck c = { .ld = ld, .sheet = sheet, .col = col, .src = src, .row = row,
			    .map = map };
	expr_instances(e, check_instance, &c);
}

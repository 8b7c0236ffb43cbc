/* import_csv.c: a strict RFC 4180 reader for the data files `survey import` takes. Unlike the
 * questionnaire reader (src/form/sheets_csv.c, which is lenient the way pyxform is and
 * normalises cells), it keeps every field exactly as written and refuses what would silently
 * shift data into the wrong column: a stray quote, a ragged record, bytes that are not UTF-8. */
#include "export/export_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/csv.h"
#include "util/termsafe.h"

/* p's why and where; returns -1. */
static int problem(import_csv_problem *p, import_csv_why why, int line, const char *column,
		   long long n, long long m)
{
	*p = (import_csv_problem){ .why = why, .line = line, .n = n, .m = m };
	snprintf(p->column, sizeof p->column, "%s", column ? column : "");
	return -1;
}

/* Every byte valid UTF-8, no NUL; -1 with "LINE: ..." otherwise. */
static int check_text(const unsigned char *s, size_t n, import_csv_problem *p, char *err)
{
	int line, nul;
	if (utf8_text_check((const char *)s, n, &line, &nul)) {
		problem(p, nul ? IMPORT_CSV_NUL : IMPORT_CSV_NOT_UTF8, line, NULL, 0, 0);
		return errf(err, nul ? "%d: the file contains a NUL byte: is it a text file?"
				     : "%d: not UTF-8 (Windows-1251?): save it as UTF-8", line);
	}
	return 0;
}

typedef struct reader {
	csv_scan s;          /* where it is (util/csv.h) */
	strbuf arena;        /* every field, NUL-terminated */
	size_t *offs;        /* field offsets into arena */
	size_t noffs, capoffs;
	char *err;
	import_csv_problem *problem;   /* why, besides err */
	const csv_doc *doc;  /* for column names in messages (once the header is read) */
	long max_cols;       /* import_limits */
	size_t max_cell;
} reader;

static void add_field(reader *r, const char *s, size_t n)
{
	if (r->noffs == r->capoffs) {
		r->capoffs = r->capoffs ? r->capoffs * 2 : 256;
		r->offs = xreallocarray(r->offs, r->capoffs, sizeof *r->offs);
	}
	r->offs[r->noffs++] = r->arena.len;
	sb_add(&r->arena, s, n);
	sb_addc(&r->arena, '\0');
}

static int fail_at(reader *r, int line, int col, import_csv_why why, const char *what)
{
	int named = r->doc && col < r->doc->ncols && r->doc->header[col][0];
	problem(r->problem, why, line, named ? r->doc->header[col] : NULL, col + 1,
		(long long)r->max_cell);
	if (named)
		return errf(r->err, "%d:%s: %s", line, r->doc->header[col], what);
	return errf(r->err, "%d: field %d: %s", line, col + 1, what);
}

static int cell_too_big(reader *r, int line, int col)
{
	char what[96];
	snprintf(what, sizeof what, "a cell of more than %zu bytes (--max-cell raises the limit)",
		 r->max_cell);
	return fail_at(r, line, col, IMPORT_CSV_MAX_CELL, what);
}

/* One record: its fields are appended; *nfields set. 1 at the end of the input. */
static int read_record(reader *r, int *nfields, int *start_line)
{
	static const char *const why[] = {
		[CSV_UNCLOSED] = "a quoted field is never closed (a stray quote?)",
		[CSV_AFTER_QUOTE] = "text after a closing quote (a stray quote?)",
		[CSV_QUOTE_INSIDE] = "a quote inside an unquoted field (a stray quote?)",
	};
	static const import_csv_why code[] = {
		[CSV_UNCLOSED] = IMPORT_CSV_UNCLOSED, [CSV_AFTER_QUOTE] = IMPORT_CSV_AFTER_QUOTE,
		[CSV_QUOTE_INSIDE] = IMPORT_CSV_QUOTE_INSIDE,
	};
	strbuf field = STRBUF_INIT;
	int col = 0, rc = 0, more = 1;
	*start_line = r->s.line;
	*nfields = 0;
	if (r->s.p >= r->s.end)
		return 1;
	while (more && !rc) {
		int at, bad = csv_scan_field(&r->s, &field, 1, r->max_cell, &at);
		if (bad == CSV_TOO_BIG)
			rc = cell_too_big(r, at, col);
		else if (bad)
			rc = fail_at(r, at, col, code[bad], why[bad]);
		else if (col >= r->max_cols) {
			problem(r->problem, IMPORT_CSV_MAX_COLUMNS, *start_line, NULL, r->max_cols, 0);
			rc = errf(r->err, "%d: more than %ld columns (--max-columns raises the limit)",
				  *start_line, r->max_cols);
		}
		else
			add_field(r, field.buf ? field.buf : "", field.len);
		col++;
		more = !rc && csv_scan_next(&r->s);
	}
	*nfields = rc ? 0 : col;
	sb_release(&field);
	return rc;
}

/* lim with its defaults filled in */
static import_limits limits_of(const import_limits *lim)
{
	import_limits l = lim ? *lim : (import_limits){ 0 };
	if (l.columns <= 0)
		l.columns = IMPORT_MAX_COLUMNS;
	if (l.rows <= 0)
		l.rows = IMPORT_MAX_ROWS;
	if (l.cell <= 0)
		l.cell = IMPORT_MAX_CELL;
	if (l.size <= 0)
		l.size = IMPORT_MAX_SIZE;
	return l;
}

int csv_parse(const char *data, size_t len, csv_doc *out, char *err)
{
	return csv_parse_bounded(data, len, NULL, out, err);
}

/* A header name and its column, sorted by name then column (first_repeated). */
struct named_col { const char *name; int col; };

static int named_col_cmp(const void *a, const void *b)
{
	const struct named_col *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* The first column c that repeats a non-empty name of an earlier column d: 1 with *d, *c; 0 when
 * every name is unique. Sorted, not compared pairwise: 100,000 columns stay fast. */
static int first_repeated(char *const *names, int n, int *d, int *c)
{
	struct named_col *v = xcalloc((size_t)n + 1, sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = (struct named_col){ names[i], i };
	qsort(v, (size_t)n, sizeof *v, named_col_cmp);
	int found = 0;
	for (int i = 1; i < n; i++)   /* v[i-1] starts a run of one name: v[i] is its second */
		if (v[i].name[0] && strcmp(v[i].name, v[i - 1].name) == 0 &&
		    (i < 2 || strcmp(v[i - 2].name, v[i].name) != 0) && (!found || v[i].col < *c)) {
			*d = v[i - 1].col;
			*c = v[i].col;
			found = 1;
		}
	free(v);
	return found;
}

/* The header: the first record that is not blank, its names trimmed; a name twice is refused.
 * 0, else -1 with err. */
static int read_header(reader *r, csv_doc *out, char *err)
{
	int nf, line, rc;
	do {
		r->noffs = 0;
		sb_reset(&r->arena);
		rc = read_record(r, &nf, &line);
	} while (!rc && nf == 1 && !r->arena.buf[0]);
	if (rc > 0) {
		problem(r->problem, IMPORT_CSV_EMPTY, 0, NULL, 0, 0);
		return errf(err, "the file is empty");
	}
	if (rc)
		return -1;
	out->ncols = nf;
	out->header = xcalloc((size_t)nf, sizeof *out->header);
	for (int c = 0; c < nf; c++) {
		const char *h = r->arena.buf + r->offs[c];
		while (*h == ' ' || *h == '\t')
			h++;
		size_t n = strlen(h);
		while (n && (h[n - 1] == ' ' || h[n - 1] == '\t'))
			n--;
		out->header[c] = xstrndup(h, n);
	}
	int dup_c = 0, dup_d = 0;
	if (!first_repeated(out->header, nf, &dup_d, &dup_c))
		return 0;
	problem(r->problem, IMPORT_CSV_DUP_COLUMN, line, out->header[dup_c], dup_d + 1, dup_c + 1);
	return errf(err, "%d: column '%s' appears twice (columns %d and %d)", line,
		    out->header[dup_c], dup_d + 1, dup_c + 1);
}

/* The records' fields as rows of out, pointing into one block: the reader's arena, which
 * out then owns (rec_first[i]: record i's first field). */
static void point_rows(reader *r, const size_t *rec_first, csv_doc *out)
{
	out->rows = xcalloc((size_t)out->nrows + 1, sizeof *out->rows);
	char *arena = sb_detach(&r->arena);
	for (int i = 0; i < out->nrows; i++) {
		out->rows[i] = xcalloc((size_t)out->ncols, sizeof **out->rows);
		for (int c = 0; c < out->ncols; c++)
			out->rows[i][c] = arena + r->offs[rec_first[i] + (size_t)c];
	}
	out->arena = arena;
}

int csv_parse_bounded(const char *data, size_t len, const import_limits *lim, csv_doc *out,
		      char *err)
{
	import_limits l = limits_of(lim);
	memset(out, 0, sizeof *out);
	const unsigned char *s = (const unsigned char *)data;
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
		problem(&out->problem, IMPORT_CSV_UTF16, 1, NULL, 0, 0);
		return errf(err, "1: the file is UTF-16 text: save it as UTF-8");
	}
	size_t start = len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf ? 3 : 0;
	if (check_text(s + start, len - start, &out->problem, err))
		return -1;
	size_t k = start;
	while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r' || data[k] == '\n'))
		k++;
	if (k == len) {
		problem(&out->problem, IMPORT_CSV_EMPTY, 0, NULL, 0, 0);
		return errf(err, "the file is empty");
	}
	import_csv_problem pr = { 0 };
	reader r = { .s = { .p = data + start, .end = data + len, .line = 1 }, .err = err,
		     .problem = &pr, .max_cols = l.columns, .max_cell = (size_t)l.cell };
	r.s.sep = csv_sniff(r.s.p, r.s.end, 0);
	out->sep = r.s.sep;
	int nf, line, rc;
	size_t *rec_first = NULL;
	int *lines = NULL, nrec = 0, caprec = 0;
	if (read_header(&r, out, err))
		goto fail;
	r.doc = out;
	r.noffs = 0;
	sb_reset(&r.arena);
	for (;;) {
		size_t first = r.noffs;
		rc = read_record(&r, &nf, &line);
		if (rc > 0)
			break;
		if (rc < 0)
			goto fail;
		int blank = nf == 1 && !r.arena.buf[r.offs[first]];
		if (blank && out->ncols != 1) {
			r.noffs = first;
			continue;
		}
		if (nf != out->ncols) {
			problem(&pr, IMPORT_CSV_FIELDS, line, NULL, nf, out->ncols);
			errf(err, "%d: %d field%s, but the header has %d (a stray separator or quote?)",
			     line, nf, nf == 1 ? "" : "s", out->ncols);
			goto fail;
		}
		if (nrec >= l.rows) {
			problem(&pr, IMPORT_CSV_MAX_ROWS, line, NULL, l.rows, 0);
			errf(err, "%d: more than %ld rows (--max-rows raises the limit)", line, l.rows);
			goto fail;
		}
		if (nrec == caprec) {
			caprec = caprec ? caprec * 2 : 64;
			rec_first = xreallocarray(rec_first, (size_t)caprec, sizeof *rec_first);
			lines = xreallocarray(lines, (size_t)caprec, sizeof *lines);
		}
		rec_first[nrec] = first;
		lines[nrec++] = line;
	}
	out->nrows = nrec;
	out->lines = lines;
	point_rows(&r, rec_first, out);
	out->mixed_eol = (r.s.eol_kinds & (r.s.eol_kinds - 1)) != 0;
	free(rec_first);
	free(r.offs);
	return 0;
fail:
	free(rec_first);
	free(lines);
	free(r.offs);
	sb_release(&r.arena);
	csv_doc_release(out);
	out->problem = pr;
	return -1;
}

static const char *kind_of_mode(mode_t m)
{
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISFIFO(m))
		return "a pipe (FIFO)";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int import_regular_file(const char *path, char *err)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return errf(err, "cannot open '%s': %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return errf(err, "'%s' is %s, not a file: give a file", path,
			    kind_of_mode(st.st_mode));
	return 0;
}

/* The whole regular file at path, at most max bytes; NULL with err and *p. */
static char *read_bounded(const char *path, long long max, size_t *len, import_csv_problem *p,
			  char *err)
{
	problem(p, IMPORT_CSV_OTHER, 0, NULL, 0, 0);
	/* O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused just after */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		errf(err, "cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		errf(err, "cannot read '%s': %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		problem(p, IMPORT_CSV_NOT_FILE, 0, NULL, 0, 0);
		errf(err, "'%s' is %s, not a file: give a CSV file", path, kind_of_mode(st.st_mode));
		close(fd);
		return NULL;
	}
	if (st.st_size > max) {
		problem(p, IMPORT_CSV_MAX_SIZE, 0, NULL, max, 0);
		errf(err, "'%s' is %lld bytes, more than the limit of %lld (--max-size raises it)",
		     path, (long long)st.st_size, max);
		close(fd);
		return NULL;
	}
	strbuf sb = STRBUF_INIT;
	char chunk[65536];
	int bad = 0;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			bad = errf(err, "cannot read '%s': %s", path, strerror(errno));
			break;
		}
		if (n == 0)
			break;
		sb_add(&sb, chunk, (size_t)n);
		if ((long long)sb.len > max) {   /* it grew while being read */
			problem(p, IMPORT_CSV_MAX_SIZE, 0, NULL, max, 0);
			bad = errf(err, "'%s' is more than the limit of %lld bytes (--max-size raises "
				   "it)", path, max);
			break;
		}
	}
	close(fd);
	if (bad) {
		sb_release(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb_detach(&sb);
}

int csv_read(const char *path, const import_limits *lim, csv_doc *out, char *err)
{
	import_limits l = limits_of(lim);
	char e2[ERR_MAX];
	size_t len;
	memset(out, 0, sizeof *out);
	import_csv_problem p;
	char *data = read_bounded(path, l.size, &len, &p, e2);
	if (!data) {
		out->problem = p;
		return errf(err, "%s", e2);
	}
	int rc = csv_parse_bounded(data, len, &l, out, e2);
	free(data);
	if (rc)
		return errf(err, "%s:%s%s", path, e2[0] >= '0' && e2[0] <= '9' ? "" : " ", e2);
	out->path = xstrdup(path);
	return 0;
}

void csv_doc_release(csv_doc *d)
{
	if (!d)
		return;
	strv_free(d->header, d->ncols);
	for (int i = 0; i < d->nrows && d->rows; i++)
		free(d->rows[i]);   /* a row's cells point into the arena */
	free(d->rows);
	free(d->lines);
	free(d->arena);
	free(d->path);
	memset(d, 0, sizeof *d);
}

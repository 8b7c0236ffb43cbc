/* sheets_xlsx.c: .xlsx workbooks through libzip and expat: the package relationships, the
 * workbook part (sheet names, date system), shared strings, styles (which cells are dates) and
 * each worksheet, every part streamed through expat in chunks, with limits on what it inflates to.
 * Booleans read as "TRUE"/"FALSE" and formulas as their cached results, as pyxform sees them. */
#include "form/sheets_impl.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

size_t sheets_xlsx_part_limit = (size_t)256 << 20;
size_t sheets_xlsx_total_limit = (size_t)512 << 20;

#define MAX_RELS 10000      /* relationships in one .rels part */
#define MAX_XFS 1000000     /* cell formats in the styles part */
#define MAX_NUMFMT 65536    /* number format ids that can be dates */
#define MAX_DEPTH 256       /* element nesting (worksheets need about 8) */

typedef struct rel {
	char *id;         /* "rId3" */
	char *type;       /* URI ending in "/worksheet", "/sharedStrings", "/styles", ... */
	char *target;     /* the part name it points at, resolved; NULL when external */
} rel;

typedef struct rels {
	rel *v;           /* the relationships, in file order */
	int n, cap;       /* used and allocated entries */
} rels;

typedef struct xlsx xlsx;
typedef void (*start_fn)(xlsx *x, const char *name, const char **attrs);
typedef void (*end_fn)(xlsx *x, const char *name);

struct xlsx {
	zip_t *za;              /* the archive */
	wbb *b;                 /* the workbook being built */
	char *err;              /* the caller's error buffer */
	size_t inflated;        /* bytes inflated from all parts so far */
	XML_Parser parser;      /* the parser of the current part */
	const char *part;       /* the current part's name */
	int failed;             /* a handler failed; err is filled */
	int depth;              /* depth of the element being started or ended (root = 1) */
	int collect;            /* character data goes into `text` */
	strbuf text;            /* collected character data */
	start_fn on_start;      /* handlers for the current part (element names are local) */
	end_fn on_end;

	rels *rels_out;         /* (.rels parts) where relationships go */
	const char *rels_base;  /* (.rels parts) the part the targets are relative to */

	char **sheet_names;     /* (workbook) sheet names, in order */
	char **sheet_rids;      /* (workbook) their relationship ids (entries may be NULL) */
	int nsheets, cap_sheets;
	int date1904;           /* (workbook) dates count from 1904 */

	strbuf sst;             /* shared strings, each NUL-terminated */
	size_t *sst_off;        /* sst_off[i]: where string i starts in sst */
	long nsst, cap_sst;
	unsigned char *fmt_date;  /* MAX_NUMFMT entries: number format id is a date format */
	unsigned char *xf_date;   /* xf_date[s]: cells of style s are dates */
	long nxf, cap_xf;
	int numfmts_depth, cellxfs_depth;

	/* element depths while open (0 = not open) */
	int si_depth, sd_depth, row_depth, c_depth, v_depth, is_depth, t_depth, rph_depth;
	const char *sheet;      /* (worksheet) its name */
	long row;               /* (worksheet) current row number, 0 before the first */
	int next_col, col;      /* (worksheet) column of the next and of the current cell */
	char ctype[12];         /* (worksheet) the cell's t attribute */
	long cstyle;            /* (worksheet) the cell's s attribute */
	strbuf val;             /* (worksheet) the cell's text */
	int skip_empty_rows;    /* (worksheet) filter valueless rows out before parsing */
	xlsx_rowfilter rows;
};

static void fail(xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(xlsx *x, const char *fmt, ...)
{
	if (x->failed)
		return;
	if (x->err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(x->err, ERR_MAX, fmt, ap);
		va_end(ap);
	}
	x->failed = 1;
	XML_StopParser(x->parser, XML_FALSE);
}

/* After wbb_* filled err. */
static void fail_quiet(xlsx *x)
{
	x->failed = 1;
	XML_StopParser(x->parser, XML_FALSE);
}

/* Non-negative decimal number between optional blanks, at most 10 digits; -1 if not that. */
static long parse_uint(const char *s)
{
	long n = 0;
	int digits = 0;
	while (*s == ' ')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		if (++digits > 10)
			return -1;
		else
			n = n * 10 + (*s - '0');
	while (*s == ' ')
		s++;
	return digits && !*s ? n : -1;
}

static const char *local_name(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

/* Attribute `name` without a namespace (ns == 0) or in any namespace (ns == 1); NULL if absent. */
static const char *attr(const char **a, const char *name, int ns)
{
	for (; *a; a += 2) {
		const char *sp = strrchr(a[0], ' ');
		if ((sp != NULL) == ns && !strcmp(sp ? sp + 1 : a[0], name))
			return a[1];
	}
	return NULL;
}

static void XMLCALL xml_start(void *ud, const char *name, const char **attrs)
{
	xlsx *x = ud;
	if (x->failed)
		return;
	if (++x->depth > MAX_DEPTH) {
		fail(x, "damaged .xlsx file: elements nested too deeply in part '%s'", x->part);
		return;
	}
	if (x->on_start)
		x->on_start(x, local_name(name), attrs);
}

static void XMLCALL xml_end(void *ud, const char *name)
{
	xlsx *x = ud;
	if (x->failed)
		return;
	if (x->on_end)
		x->on_end(x, local_name(name));
	x->depth--;
}

static void XMLCALL xml_text(void *ud, const char *s, int len)
{
	xlsx *x = ud;
	if (x->collect && !x->failed)
		sb_add(&x->text, s, (size_t)len);
}

static void XMLCALL xml_doctype(void *ud, const char *name, const char *sysid, const char *pubid,
                                int internal)
{
	xlsx *x = ud;
	fail(x, "damaged .xlsx file: part '%s' has a document type declaration", x->part);
}

/* Finds part `name` (exactly, else ignoring case); -1 if absent. */
static zip_int64_t find_part(zip_t *za, const char *name)
{
	zip_int64_t i = zip_name_locate(za, name, 0);
	return i >= 0 ? i : zip_name_locate(za, name, ZIP_FL_NOCASE);
}

/* Streams part `name` through expat with the given handlers. 0 when parsed, 1 when the part
 * does not exist, -1 with x->err filled. */
static int parse_part(xlsx *x, const char *name, start_fn on_start, end_fn on_end)
{
	zip_int64_t idx = find_part(x->za, name);
	if (idx < 0)
		return 1;
	zip_file_t *zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!zf) {
		int code = zip_error_code_zip(zip_get_error(x->za));
		if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
			return errf(x->err, "the .xlsx file is encrypted: save it without a password");
		return errf(x->err, "damaged .xlsx file: cannot read part '%s': %s", name,
		            zip_strerror(x->za));
	}
	XML_Parser p = XML_ParserCreateNS(NULL, ' ');
	if (!p) {
		zip_fclose(zf);
		return errf(x->err, "out of memory reading part '%s' of the .xlsx file", name);
	}
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, xml_start, xml_end);
	XML_SetCharacterDataHandler(p, xml_text);
	XML_SetStartDoctypeDeclHandler(p, xml_doctype);
	x->parser = p;
	x->part = name;
	x->failed = 0;
	x->depth = 0;
	x->collect = 0;
	x->on_start = on_start;
	x->on_end = on_end;
	sb_reset(&x->text);
	sb_reset(&x->rows.carry);

	char buf[1 << 16];
	size_t part = 0;
	int rc = 0;
	for (;;) {
		zip_int64_t n = zip_fread(zf, buf, sizeof buf);
		if (n < 0) {
			rc = errf(x->err, "damaged .xlsx file: cannot inflate part '%s': %s", name,
			          zip_file_strerror(zf));
			break;
		}
		part += (size_t)n;
		x->inflated += (size_t)n;
		if (part > sheets_xlsx_part_limit) {
			rc = errf(x->err, "part '%s' inflates to more than %zu MiB", name,
			          sheets_xlsx_part_limit >> 20);
			break;
		}
		if (x->inflated > sheets_xlsx_total_limit) {
			rc = errf(x->err, "the .xlsx file inflates to more than %zu MiB",
			          sheets_xlsx_total_limit >> 20);
			break;
		}
		const char *data = buf;
		size_t dn = (size_t)n;
		if (x->skip_empty_rows)
			data = xlsx_rows_filter(&x->rows, buf, (size_t)n, n == 0, &dn);
		if (XML_Parse(p, data, (int)dn, n == 0) == XML_STATUS_ERROR) {
			if (!x->failed)
				errf(x->err, "damaged .xlsx file: malformed XML in part '%s' at line %lu: %s",
				     name, (unsigned long)XML_GetCurrentLineNumber(p),
				     XML_ErrorString(XML_GetErrorCode(p)));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	if (x->failed)
		rc = -1;
	XML_ParserFree(p);
	x->parser = NULL;
	zip_fclose(zf);
	return rc;
}

/* ---- relationships ---- */


/* The part a relationship target names: relative to the directory of `base` unless it starts
 * with '/', %XX decoded, "." and ".." segments resolved. Caller frees. */
static char *resolve_target(const char *base, const char *target)
{
	strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	if (target[0] == '/') {
		target++;
	} else {
		const char *slash = strrchr(base, '/');
		if (slash)
			sb_add(&in, base, (size_t)(slash - base + 1));
	}
	for (const char *t = target; *t; t++) {
		int h1, h2;
		if (*t == '%' && (h1 = xlsx_hexval(t[1])) >= 0 && (h2 = xlsx_hexval(t[2])) >= 0) {
			sb_addc(&in, (char)(h1 << 4 | h2));
			t += 2;
		} else {
			sb_addc(&in, *t);
		}
	}
	const char *s = sb_str(&in);
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 2 && !memcmp(s, "..", 2)) {
			char *up = out.len ? strrchr(out.buf, '/') : NULL;
			out.len = up ? (size_t)(up - out.buf) : 0;
			if (out.buf)
				out.buf[out.len] = '\0';
		} else if (n && !(n == 1 && *s == '.')) {
			if (out.len)
				sb_addc(&out, '/');
			sb_add(&out, s, n);
		}
		s += n + (e != NULL);
	}
	sb_release(&in);
	return sb_detach(&out);
}

static void rels_start(xlsx *x, const char *name, const char **a)
{
	if (strcmp(name, "Relationship"))
		return;
	rels *r = x->rels_out;
	const char *id = attr(a, "Id", 0), *type = attr(a, "Type", 0);
	const char *target = attr(a, "Target", 0), *mode = attr(a, "TargetMode", 0);
	if (!id || !target)
		return;
	if (r->n >= MAX_RELS) {
		fail(x, "damaged .xlsx file: too many relationships in part '%s'", x->part);
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
	}
	r->v[r->n++] = (rel){
		.id = xstrdup(id),
		.type = xstrdup(type ? type : ""),
		.target = mode && !strcmp(mode, "External") ? NULL : resolve_target(x->rels_base, target),
	};
}

static int parse_rels(xlsx *x, const char *rels_part, const char *base, rels *out)
{
	x->rels_out = out;
	x->rels_base = base;
	return parse_part(x, rels_part, rels_start, NULL);
}

static void rels_release(rels *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->v[i].id);
		free(r->v[i].type);
		free(r->v[i].target);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

static const rel *rel_by_id(const rels *r, const char *id)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].id, id))
			return &r->v[i];
	return NULL;
}

/* The first internal relationship whose type ends in "/" + kind. */
static const char *target_by_type(const rels *r, const char *kind)
{
	size_t k = strlen(kind);
	for (int i = 0; i < r->n; i++) {
		size_t n = strlen(r->v[i].type);
		if (r->v[i].target && n > k && r->v[i].type[n - k - 1] == '/' &&
		    !strcmp(r->v[i].type + n - k, kind))
			return r->v[i].target;
	}
	return NULL;
}

/* ---- workbook, styles, shared strings ---- */

static void workbook_start(xlsx *x, const char *name, const char **a)
{
	if (!strcmp(name, "workbookPr")) {
		const char *v = attr(a, "date1904", 0);
		x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	} else if (!strcmp(name, "sheet")) {
		const char *sheet_name = attr(a, "name", 0), *rid = attr(a, "id", 1);
		if (!sheet_name) {
			fail(x, "damaged .xlsx file: a sheet has no name");
			return;
		}
		if (x->nsheets >= SHEETS_MAX_SHEETS) {
			fail(x, "too many sheets (more than %d)", SHEETS_MAX_SHEETS);
			return;
		}
		if (x->nsheets == x->cap_sheets) {
			x->cap_sheets = x->cap_sheets ? 2 * x->cap_sheets : 8;
			x->sheet_names = xreallocarray(x->sheet_names, (size_t)x->cap_sheets, sizeof(char *));
			x->sheet_rids = xreallocarray(x->sheet_rids, (size_t)x->cap_sheets, sizeof(char *));
		}
		x->sheet_names[x->nsheets] = xstrdup(sheet_name);
		x->sheet_rids[x->nsheets++] = xstrdup(rid);
	}
}

static void styles_start(xlsx *x, const char *name, const char **a)
{
	int d = x->depth;
	if (!strcmp(name, "numFmts") && !x->numfmts_depth) {
		x->numfmts_depth = d;
	} else if (!strcmp(name, "cellXfs") && !x->cellxfs_depth) {
		x->cellxfs_depth = d;
	} else if (!strcmp(name, "numFmt") && x->numfmts_depth && d == x->numfmts_depth + 1) {
		const char *id = attr(a, "numFmtId", 0), *code = attr(a, "formatCode", 0);
		long n = id ? parse_uint(id) : -1;
		if (n >= 0 && n < MAX_NUMFMT && code)
			x->fmt_date[n] = (unsigned char)xlsx_format_is_date(code);
	} else if (!strcmp(name, "xf") && x->cellxfs_depth && d == x->cellxfs_depth + 1) {
		const char *id = attr(a, "numFmtId", 0);
		long n = id ? parse_uint(id) : 0;
		if (x->nxf >= MAX_XFS) {
			fail(x, "damaged .xlsx file: too many cell formats (more than %d)", MAX_XFS);
			return;
		}
		if (x->nxf == x->cap_xf) {
			x->cap_xf = x->cap_xf ? 2 * x->cap_xf : 64;
			x->xf_date = xrealloc(x->xf_date, (size_t)x->cap_xf);
		}
		x->xf_date[x->nxf++] = n >= 0 && n < MAX_NUMFMT ? x->fmt_date[n] : 0;
	}
}

static void styles_end(xlsx *x, const char *name)
{
	if (x->depth == x->numfmts_depth)
		x->numfmts_depth = 0;
	else if (x->depth == x->cellxfs_depth)
		x->cellxfs_depth = 0;
}

/* Rich text (<si> or <is>): the <t> elements' text, phonetic runs (<rPh>) left out. */
static void rich_start(xlsx *x, const char *name)
{
	if (!strcmp(name, "rPh") && !x->rph_depth) {
		x->rph_depth = x->depth;
	} else if (!strcmp(name, "t") && !x->rph_depth && !x->t_depth) {
		x->t_depth = x->depth;
		x->collect = 1;
	}
}

/* 1 if the element ending is part of rich text. */
static int rich_end(xlsx *x)
{
	if (x->depth == x->t_depth) {
		x->t_depth = 0;
		x->collect = 0;
		return 1;
	}
	if (x->depth == x->rph_depth) {
		x->rph_depth = 0;
		return 1;
	}
	return 0;
}

static void sst_start(xlsx *x, const char *name, const char **a)
{
	if (x->si_depth) {
		rich_start(x, name);
	} else if (!strcmp(name, "si")) {
		x->si_depth = x->depth;
		sb_reset(&x->text);
	}
}

static void sst_end(xlsx *x, const char *name)
{
	if (rich_end(x) || x->depth != x->si_depth)
		return;
	x->si_depth = 0;
	if (x->nsst >= SHEETS_MAX_CELLS) {
		fail(x, "too many shared strings (more than %d)", SHEETS_MAX_CELLS);
		return;
	}
	if (x->nsst == x->cap_sst) {
		x->cap_sst = x->cap_sst ? 2 * x->cap_sst : 256;
		x->sst_off = xreallocarray(x->sst_off, (size_t)x->cap_sst, sizeof *x->sst_off);
	}
	x->sst_off[x->nsst++] = x->sst.len;
	xlsx_add_text(&x->sst, sb_str(&x->text), x->text.len);
	sb_add(&x->sst, "", 1);
}

/* ---- worksheets ---- */

static void row_start(xlsx *x, const char **a)
{
	const char *r = attr(a, "r", 0);
	long n = r ? parse_uint(r) : x->row + 1;
	if (n < 1) {
		fail(x, "%s: damaged .xlsx file: bad row number '%.20s' after row %ld", x->sheet, r,
		     x->row);
	} else if (n <= x->row) {
		fail(x, "%s:%ld: damaged .xlsx file: rows out of order", x->sheet, n);
	} else if (n > SHEETS_MAX_ROWNUM) {
		fail(x, "%s:%ld: damaged .xlsx file: row number past Excel's last row %d", x->sheet, n,
		     SHEETS_MAX_ROWNUM);
	} else {
		x->row = n;
		x->row_depth = x->depth;
		x->next_col = 0;
		wbb_row_begin(x->b, (int)n);
	}
}

static void cell_start(xlsx *x, const char **a)
{
	const char *r = attr(a, "r", 0), *t = attr(a, "t", 0), *s = attr(a, "s", 0);
	long col = 0;
	for (; r && ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z')); r++)
		if (col <= SHEETS_MAX_COLS)
			col = col * 26 + ((*r | 0x20) - 'a' + 1);
	x->col = col ? (int)(col - 1) : x->next_col;
	snprintf(x->ctype, sizeof x->ctype, "%s", t ? t : "n");
	x->cstyle = s ? parse_uint(s) : 0;
	x->c_depth = x->depth;
	sb_reset(&x->text);
}

/* Time-of-day zero in an ISO 8601 value: "T00:00:00", maybe with ".000" and "Z". */
static int midnight(const char *s)
{
	if (strncmp(s, "T00:00:00", 9))
		return 0;
	for (s += 9; *s; s++)
		if (*s != '.' && *s != '0' && *s != 'Z')
			return 0;
	return 1;
}

static void cell_end(xlsx *x)
{
	const char *t = x->ctype, *raw = sb_str(&x->text);
	size_t n = x->text.len;
	strbuf *v = &x->val;
	sb_reset(v);
	if (!n) {
		/* empty */
	} else if (!strcmp(t, "s")) {
		long i = parse_uint(raw);
		if (i < 0 || i >= x->nsst) {
			fail(x, "%s:%ld: damaged .xlsx file: shared string '%.20s' does not exist",
			     x->sheet, x->row, raw);
			return;
		}
		sb_adds(v, x->sst.buf + x->sst_off[i]);
	} else if (!strcmp(t, "inlineStr") || !strcmp(t, "str")) {
		xlsx_add_text(v, raw, n);
	} else if (!strcmp(t, "b")) {
		long b = parse_uint(raw);
		sb_adds(v, b == 1 ? "TRUE" : b == 0 ? "FALSE" : raw);
	} else if (!strcmp(t, "d")) {
		sb_add(v, raw, n >= 10 && midnight(raw + 10) ? 10 : n);
	} else if (!strcmp(t, "n")) {
		int is_date = x->cstyle > 0 && x->cstyle < x->nxf && x->xf_date[x->cstyle];
		xlsx_add_number(v, raw, is_date, x->date1904);
	} else {
		sb_add(v, raw, n);   /* "e" (#N/A, ...) and unknown types: the text as it is */
	}
	/* A cell with formatting and no value costs nothing: the row keeps only cells with text. */
	if (v->len && wbb_cell(x->b, x->col, sb_str(v), v->len, x->err))
		fail_quiet(x);
	x->next_col = x->col + 1;
}

static void sheet_start(xlsx *x, const char *name, const char **a)
{
	int d = x->depth;
	if (!x->sd_depth) {
		if (!strcmp(name, "sheetData"))
			x->sd_depth = d;
	} else if (!x->row_depth) {
		if (d == x->sd_depth + 1 && !strcmp(name, "row"))
			row_start(x, a);
	} else if (!x->c_depth) {
		if (d == x->row_depth + 1 && !strcmp(name, "c"))
			cell_start(x, a);
	} else if (d == x->c_depth + 1) {
		if (!strcmp(name, "v")) {
			x->v_depth = d;
			x->collect = 1;
		} else if (!strcmp(name, "is")) {
			x->is_depth = d;
		}
	} else if (x->is_depth) {
		rich_start(x, name);
	}
}

static void sheet_end(xlsx *x, const char *name)
{
	int d = x->depth;
	if (rich_end(x))
		return;
	if (d == x->v_depth) {
		x->v_depth = 0;
		x->collect = 0;
	} else if (d == x->is_depth) {
		x->is_depth = 0;
	} else if (d == x->c_depth) {
		x->c_depth = 0;
		cell_end(x);
	} else if (d == x->row_depth) {
		x->row_depth = 0;
		if (wbb_row_end(x->b, x->err))
			fail_quiet(x);
	} else if (d == x->sd_depth) {
		x->sd_depth = 0;
	}
}

/* ---- the workbook ---- */

/* "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". Caller frees. */
static char *rels_part_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	int dir = slash ? (int)(slash - part + 1) : 0;
	return xasprintf("%.*s_rels/%s.rels", dir, part, part + dir);
}

static int read_sheets(xlsx *x, const rels *wb_rels)
{
	const char **done = xcalloc((size_t)x->nsheets + 1, sizeof *done);
	int ndone = 0, rc = 0;
	for (int i = 0; i < x->nsheets && !rc; i++) {
		const char *name = x->sheet_names[i], *rid = x->sheet_rids[i];
		const rel *r = rid ? rel_by_id(wb_rels, rid) : NULL;
		if (!r || !r->target) {
			rc = errf(x->err, "damaged .xlsx file: sheet '%s' has no part", name);
			break;
		}
		size_t tl = strlen(r->type);
		if (tl < 10 || strcmp(r->type + tl - 10, "/worksheet"))
			continue;   /* a chart sheet, dialog sheet, macro sheet: no cells */
		if (wbb_sheet(x->b, name, 0, x->err)) {
			rc = -1;
			break;
		}
		if (x->b->skip)
			continue;
		for (int k = 0; k < ndone; k++)
			if (!ascii_casecmp(done[k], r->target))
				rc = errf(x->err, "damaged .xlsx file: two sheets share part '%s'", r->target);
		if (rc)
			break;
		done[ndone++] = r->target;
		x->sheet = name;
		x->row = 0;
		x->sd_depth = x->row_depth = x->c_depth = x->v_depth = 0;
		x->is_depth = x->t_depth = x->rph_depth = 0;
		x->skip_empty_rows = 1;
		rc = parse_part(x, r->target, sheet_start, sheet_end);
		x->skip_empty_rows = 0;
		if (rc > 0)
			rc = errf(x->err, "damaged .xlsx file: part '%s' of sheet '%s' is missing",
			          r->target, name);
	}
	free(done);
	return rc;
}

static int read_workbook(xlsx *x)
{
	rels pkg = { 0 }, wbr = { 0 };
	char *wb_rels_part = NULL;
	int rc = parse_rels(x, "_rels/.rels", "", &pkg);
	if (rc < 0)
		goto out;
	const char *wb_part = target_by_type(&pkg, "officeDocument");
	if (!wb_part)
		wb_part = "xl/workbook.xml";
	rc = parse_part(x, wb_part, workbook_start, NULL);
	if (rc > 0)
		rc = errf(x->err, "not an .xlsx file (the zip archive has no '%s')", wb_part);
	if (rc)
		goto out;
	wb_rels_part = rels_part_of(wb_part);
	rc = parse_rels(x, wb_rels_part, wb_part, &wbr);
	if (rc > 0)
		rc = errf(x->err, "damaged .xlsx file: part '%s' is missing", wb_rels_part);
	if (rc)
		goto out;
	const char *styles = target_by_type(&wbr, "styles");
	if (styles) {
		x->fmt_date = xcalloc(MAX_NUMFMT, 1);
		for (int id = 0; id < MAX_NUMFMT; id++)
			x->fmt_date[id] = (unsigned char)xlsx_builtin_is_date(id);
		if ((rc = parse_part(x, styles, styles_start, styles_end)) < 0)
			goto out;
	}
	const char *sst = target_by_type(&wbr, "sharedStrings");
	if (sst && (rc = parse_part(x, sst, sst_start, sst_end)) < 0)
		goto out;
	rc = read_sheets(x, &wbr);
out:
	free(wb_rels_part);
	rels_release(&pkg);
	rels_release(&wbr);
	return rc < 0 ? -1 : 0;
}

int sheets_read_xlsx(const char *data, size_t len, workbook *wb, char *err)
{
	if (len >= 8 && !memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return errf(err, "password-protected or not an .xlsx file (it is an OLE2 document, "
		            "like an old .xls): save it without a password as .xlsx");
	if (len < 4 || memcmp(data, "PK", 2))
		return errf(err, "not an .xlsx file (it is not a zip archive)");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!za) {
		int code = zip_error_code_zip(&ze);
		if (code == ZIP_ER_NOZIP)
			errf(err, "damaged .xlsx file (no zip directory: is it truncated?)");
		else
			errf(err, "damaged .xlsx file: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		zip_source_free(src);
		return -1;
	}
	zip_error_fini(&ze);

	wbb b;
	wbb_init(&b, wb, 0);
	xlsx x = { .za = za, .b = &b, .err = err };
	int rc = read_workbook(&x);
	if (!rc)
		wbb_finish(&b);
	wbb_release(&b);
	for (int i = 0; i < x.nsheets; i++) {
		free(x.sheet_names[i]);
		free(x.sheet_rids[i]);
	}
	free(x.sheet_names);
	free(x.sheet_rids);
	sb_release(&x.text);
	sb_release(&x.val);
	xlsx_rows_release(&x.rows);
	sb_release(&x.sst);
	free(x.sst_off);
	free(x.fmt_date);
	free(x.xf_date);
	zip_discard(za);
	return rc;
}

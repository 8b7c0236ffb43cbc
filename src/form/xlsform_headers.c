/* xlsform_headers.c: the header rows of the survey and choices sheets — which column is the
 * type, the name, a text in which language, an expression, the parameters — read into the
 * loader's columns (form_impl.h), with the languages they name. */
#include "form/form_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

const char *xlsform_cell(const sheet_row *r, int c)
{
	return c >= 0 && c < r->ncells ? r->cells[c] : "";
}

/* ---- headers ---- */

struct alias {
	const char *name;          /* the first part of a header, lowercased, blanks as '_' */
	enum form_col_kind kind;
	int sub;
};

static const struct alias survey_aliases[] = {
	{ "type", COL_TYPE, 0 }, { "command", COL_TYPE, 0 },
	{ "name", COL_NAME, 0 }, { "value", COL_NAME, 0 },
	{ "label", COL_TEXT, FORM_LABEL }, { "caption", COL_TEXT, FORM_LABEL },
	{ "hint", COL_TEXT, FORM_HINT },
	{ "required_message", COL_TEXT, FORM_REQUIRED_MSG },
	{ "jr:requiredmsg", COL_TEXT, FORM_REQUIRED_MSG },
	{ "requiredmsg", COL_TEXT, FORM_REQUIRED_MSG },
	{ "constraint_message", COL_TEXT, FORM_CONSTRAINT_MSG },
	{ "constraining_message", COL_TEXT, FORM_CONSTRAINT_MSG },
	{ "jr:constraintmsg", COL_TEXT, FORM_CONSTRAINT_MSG },
	{ "relevant", COL_EXPR, FORM_X_RELEVANT }, { "relevance", COL_EXPR, FORM_X_RELEVANT },
	{ "constraint", COL_EXPR, FORM_X_CONSTRAINT },
	{ "calculation", COL_EXPR, FORM_X_CALCULATION },
	{ "calculate", COL_EXPR, FORM_X_CALCULATION },
	{ "required", COL_EXPR, FORM_X_REQUIRED },
	{ "read_only", COL_EXPR, FORM_X_READ_ONLY }, { "readonly", COL_EXPR, FORM_X_READ_ONLY },
	{ "choice_filter", COL_EXPR, FORM_X_CHOICE_FILTER },
	{ "repeat_count", COL_EXPR, FORM_X_REPEAT_COUNT },
	{ "jr:count", COL_EXPR, FORM_X_REPEAT_COUNT }, { "count", COL_EXPR, FORM_X_REPEAT_COUNT },
	{ "default", COL_EXPR, FORM_X_DEFAULT },
	{ "trigger", COL_EXPR, FORM_X_TRIGGER },
	{ "appearance", COL_APPEARANCE, 0 },
	{ "parameters", COL_PARAMETERS, 0 },
	/* media and guidance are not shown by a terminal; accepted and ignored */
	{ "guidance_hint", COL_IGNORE, 0 }, { "image", COL_IGNORE, 0 },
	{ "big-image", COL_IGNORE, 0 }, { "audio", COL_IGNORE, 0 }, { "video", COL_IGNORE, 0 },
	{ "media", COL_IGNORE, 0 },
};

static const struct alias choices_aliases[] = {
	{ "list_name", COL_LIST_NAME, 0 },
	{ "name", COL_NAME, 0 }, { "value", COL_NAME, 0 },
	{ "label", COL_TEXT, FORM_LABEL }, { "caption", COL_TEXT, FORM_LABEL },
	{ "image", COL_IGNORE, 0 }, { "big-image", COL_IGNORE, 0 }, { "audio", COL_IGNORE, 0 },
	{ "video", COL_IGNORE, 0 }, { "media", COL_IGNORE, 0 },
};

/* Lowercase, blanks runs as '_', ends trimmed: "List Name" -> "list_name". Caller frees. */
char *xlsform_snake(const char *s, size_t n)
{
	strbuf sb = STRBUF_INIT;
	int blank = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = 1;
			continue;
		}
		if (blank && sb.len)
			sb_addc(&sb, '_');
		blank = 0;
		sb_addc(&sb, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
	}
	return sb_detach(&sb);
}

static char *trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* Split a header into its column part (snake-cased) and its language part (NULL if none). */
static void split_header(const char *h, int double_colon, char **col, char **lang)
{
	const char *sep = NULL;
	size_t seplen = 0;
	if (double_colon) {
		sep = strstr(h, "::");
		seplen = 2;
	} else {
		sep = strchr(h, ':');
		seplen = 1;
		if (sep) {
			char *pre = xlsform_snake(h, (size_t)(sep - h));
			if (strcmp(pre, "jr") == 0)   /* jr:count, jr:constraintMsg */
				sep = strchr(sep + 1, ':');
			free(pre);
		}
	}
	if (!sep) {
		*col = xlsform_snake(h, strlen(h));
		*lang = NULL;
		return;
	}
	*col = xlsform_snake(h, (size_t)(sep - h));
	*lang = trimmed(sep + seplen, strlen(sep + seplen));
}

/* Parse "Kyrgyz (ky)" -> "ky"; NULL when there is no "(code)". */
static char *lang_code(const char *name)
{
	size_t n = strlen(name);
	if (!n || name[n - 1] != ')')
		return NULL;
	const char *open = strrchr(name, '(');
	if (!open)
		return NULL;
	char *code = trimmed(open + 1, (size_t)(name + n - 1 - (open + 1)));
	if (!*code) {
		free(code);
		return NULL;
	}
	return code;
}

/* Is code shaped like a BCP 47 tag: 2-3 letters, then -subtags? */
static int code_ok(const char *code)
{
	int n = 0;
	while ((code[n] >= 'a' && code[n] <= 'z') || (code[n] >= 'A' && code[n] <= 'Z'))
		n++;
	if (n < 2 || n > 3)
		return 0;
	for (const char *p = code + n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

/* The index of language `name`, added (and checked) when new; -1 beyond FORM_MAX_LANGS. */
static int lang_index(form_loader *ld, const char *name, const char *sheetname, int row,
		const char *header)
{
	form *f = ld->f;
	for (int i = 0; i < f->nlangs; i++)
		if (strcmp(f->langs[i].name, name) == 0)
			return i;
	if (f->nlangs == FORM_MAX_LANGS) {
		if (!ld->too_many_langs++)
			form_err(ld, sheetname, row, header, -1, "more than %d languages",
				 FORM_MAX_LANGS);
		return -1;
	}
	f->langs = xreallocarray(f->langs, (size_t)f->nlangs + 1, sizeof *f->langs);
	form_lang *l = &f->langs[f->nlangs];
	l->name = xstrdup(name);
	l->code = lang_code(name);
	if (strcmp(name, "default") != 0) {
		if (!l->code)
			form_warn(ld, sheetname, row, header, -1,
				  "language '%s' has no code: write it as '%s (xx)' with its "
				  "ISO 639 code, e.g. 'Kyrgyz (ky)'", name, name);
		else if (!code_ok(l->code))
			form_warn(ld, sheetname, row, header, -1,
				  "language '%s': '%s' is not a language code such as 'ky' or 'ru'",
				  name, l->code);
	}
	return f->nlangs++;
}

/* Read a header row into columns. Returns the number of columns. */
static int parse_headers(form_loader *ld, const sheet *sh, const struct alias *aliases,
		size_t naliases, int choices, form_col **out)
{
	const sheet_row *h = &sh->rows[0];
	const char *sname = sh->name;
	form_col *cols = xcalloc((size_t)h->ncells + 1, sizeof *cols);
	int double_colon = 0;
	for (int c = 0; c < h->ncells; c++)
		if (strstr(h->cells[c], "::"))
			double_colon = 1;
	form_map seen;
	form_map_init(&seen, 0);
	for (int c = 0; c < h->ncells; c++) {
		const char *hd = h->cells[c];
		form_col *col = &cols[c];
		col->header = hd;
		col->kind = COL_IGNORE;
		if (!*hd)
			continue;
		char *name, *lang;
		split_header(hd, double_colon, &name, &lang);
		const struct alias *a = NULL;
		for (size_t i = 0; i < naliases; i++)
			if (strcmp(name, aliases[i].name) == 0)
				a = &aliases[i];
		if (!a) {
			if (choices) {
				form *f = ld->f;
				col->kind = COL_EXTRA;
				col->sub = f->nchoice_columns;
				f->choice_columns = xreallocarray(f->choice_columns,
								  (size_t)f->nchoice_columns + 1,
								  sizeof *f->choice_columns);
				f->choice_columns[f->nchoice_columns++] = trimmed(hd, strlen(hd));
			}
			free(name);
			free(lang);
			continue;
		}
		col->kind = a->kind;
		col->sub = a->sub;
		if (a->kind == COL_TEXT) {
			col->plain = lang == NULL || !*lang;
			const char *ln = col->plain ? (ld->default_language ? ld->default_language
							     : "default") : lang;
			col->lang = lang_index(ld, ln, sname, h->line, hd);
			if (col->lang < 0) {
				col->kind = COL_IGNORE;
				free(name);
				free(lang);
				continue;
			}
		} else if (lang && *lang && a->kind != COL_IGNORE) {
			form_warn(ld, sname, h->line, hd, -1, "column '%s' cannot be translated; "
				  "it is ignored", name);
			col->kind = COL_IGNORE;
		} else if (a->kind == COL_EXPR) {
			ld->xcol[a->sub] = hd;
		}
		/* two columns meaning the same thing */
		if (col->kind != COL_IGNORE) {
			int scope = col->kind * 64 + col->sub * 2 + (col->kind == COL_TEXT && col->plain);
			const char *key = col->kind == COL_TEXT ? ld->f->langs[col->lang].name : "";
			int existed;
			int *first = form_map_put(&seen, scope, key, c, &existed);
			if (existed) {
				form_err(ld, sname, h->line, hd, -1, "duplicate column: '%s' means "
					 "the same as '%s'", hd, cols[*first].header);
				col->kind = COL_IGNORE;
			}
		}
		free(name);
		free(lang);
	}
	form_map_release(&seen);
	*out = cols;
	return h->ncells;
}

int xlsform_find_col(const form_col *cols, int n, enum form_col_kind kind)
{
	for (int i = 0; i < n; i++)
		if (cols[i].kind == kind)
			return i;
	return -1;
}

void xlsform_read_headers(form_loader *ld)
{
	ld->nscols = parse_headers(ld, ld->survey, survey_aliases,
				   sizeof survey_aliases / sizeof survey_aliases[0], 0, &ld->scols);
	if (ld->choices && ld->choices->nrows > 0)
		ld->nccols = parse_headers(ld, ld->choices, choices_aliases,
					   sizeof choices_aliases / sizeof choices_aliases[0], 1,
					   &ld->ccols);
}

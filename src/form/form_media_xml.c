/* form_media_xml.c: an XML media file (xml-external, select_one_from_file FILE.xml) read with
 * expat into a table, as ODK reads it: each child of the root element is an item (a row), each
 * child of an item a column holding its text. A DOCTYPE is refused (no entities, no external
 * fetch); nesting, rows and columns are bounded. */
#include "form/form_impl.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_MAX_DEPTH 32

struct xctx {
	XML_Parser p;
	form_tbuild b;
	int depth;          /* 1: the root, 2: an item, 3: a column */
	char *col;          /* the column being read (depth 3) */
	strbuf text;        /* its text */
	char err[ERR_MAX];
	int failed;
};

static void stop(struct xctx *x, const char *why)
{
	if (!x->failed) {
		errf(x->err, "line %lu: %.400s", (unsigned long)XML_GetCurrentLineNumber(x->p), why);
		x->failed = 1;
	}
	XML_StopParser(x->p, XML_FALSE);
}

static void on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xctx *x = ud;
	(void)atts;
	if (x->failed)
		return;
	if (++x->depth > XML_MAX_DEPTH) {
		stop(x, "elements nested too deeply");
		return;
	}
	char why[ERR_MAX];
	if (x->depth == 2 && form_tb_row(&x->b, (int)XML_GetCurrentLineNumber(x->p), why) < 0)
		stop(x, why);
	else if (x->depth == 3) {
		free(x->col);
		x->col = xstrdup(name);
		sb_reset(&x->text);
	}
}

static void on_end(void *ud, const XML_Char *name)
{
	struct xctx *x = ud;
	(void)name;
	if (x->failed)
		return;
	char why[ERR_MAX];
	if (x->depth == 3 && x->col) {
		if (form_tb_set(&x->b, x->col, sb_str(&x->text), x->text.len, why) < 0)
			stop(x, why);
		free(x->col);
		x->col = NULL;
	}
	x->depth--;
}

static void on_text(void *ud, const XML_Char *s, int len)
{
	struct xctx *x = ud;
	if (x->depth >= 3 && x->col && !x->failed) {
		if (x->text.len + (size_t)len > FORM_MEDIA_MAX_FILE)
			stop(x, "text too long");
		else
			sb_add(&x->text, s, (size_t)len);
	}
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
		       const XML_Char *pubid, int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	stop(ud, "a DOCTYPE is not accepted in a media file: remove it");
}

int form_media_xml(const char *data, size_t len, form_table *t, char *err)
{
	struct xctx x;
	memset(&x, 0, sizeof x);
	form_tb_init(&x.b, t);
	x.p = XML_ParserCreate("UTF-8");
	XML_SetUserData(x.p, &x);
	XML_SetElementHandler(x.p, on_start, on_end);
	XML_SetCharacterDataHandler(x.p, on_text);
	XML_SetStartDoctypeDeclHandler(x.p, on_doctype);
	if (XML_Parse(x.p, data, (int)len, 1) == XML_STATUS_ERROR && !x.failed) {
		snprintf(x.err, sizeof x.err, "line %lu: %s",
			 (unsigned long)XML_GetCurrentLineNumber(x.p),
			 XML_ErrorString(XML_GetErrorCode(x.p)));
		x.failed = 1;
	}
	XML_ParserFree(x.p);
	free(x.col);
	sb_release(&x.text);
	if (x.failed) {
		form_tb_release(&x.b);
		form_table_release(t);
		return errf(err, "%s", x.err);
	}
	if (form_tb_finish(&x.b, err) < 0) {
		form_table_release(t);
		return -1;
	}
	/* values as ODK sees them: without surrounding blanks */
	for (size_t i = 0; i < (size_t)t->nrows * (size_t)t->ncols; i++) {
		char *c = t->cells[i], *s = c, *e;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
			e--;
		memmove(c, s, (size_t)(e - s));
		c[e - s] = '\0';
	}
	return 0;
}

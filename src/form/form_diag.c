/* form_diag.c: the list of problems found in a questionnaire, and their one-line format
 * FILE:SHEET:ROW: error|warning: COLUMN: MESSAGE at character N. */
#include "form/form.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void form_diags_init(form_diags *d)
{
	memset(d, 0, sizeof *d);
}

void form_diags_release(form_diags *d)
{
	for (int i = 0; i < d->n; i++) {
		form_diag *g = &d->items[i];
		free(g->file);
		free(g->sheet);
		free(g->column);
		free(g->message);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

void form_diag_add(form_diags *d, form_severity sev, const char *file, const char *sheet,
		int row, const char *column, int pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	form_diag_vadd(d, sev, file, sheet, row, column, pos, fmt, ap);
	va_end(ap);
}

void form_diag_vadd(form_diags *d, form_severity sev, const char *file, const char *sheet,
		    int row, const char *column, int pos, const char *fmt, va_list ap)
{
	strbuf sb = STRBUF_INIT;
	sb_vaddf(&sb, fmt, ap);
	/* the same problem found twice at the same place (a row a loop repeats) is said once */
	for (int i = 0; i < d->n; i++) {
		const form_diag *o = &d->items[i];
		if (o->severity == sev && o->row == row && o->pos == pos &&
		    same_str(o->sheet, sheet) && same_str(o->column, column) &&
		    !strcmp(o->message, sb_str(&sb))) {
			sb_release(&sb);
			return;
		}
	}
	int kept = sev == FORM_ERROR ? d->nerrors : d->nwarnings;
	if (sev == FORM_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
	if (kept >= FORM_DIAGS_MAX) {
		d->dropped++;
		sb_release(&sb);
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = xreallocarray(d->items, (size_t)d->cap, sizeof *d->items);
	}
	form_diag *g = &d->items[d->n++];
	g->severity = sev;
	g->file = xstrdup(file ? file : "");
	g->sheet = xstrdup(sheet);
	g->row = row;
	g->column = xstrdup(column);
	g->pos = pos;
	g->message = sb_detach(&sb);
}

void form_diag_format(const form_diag *g, strbuf *sb)
{
	sb_adds(sb, g->file);
	if (g->sheet)
		sb_addf(sb, ":%s", g->sheet);
	if (g->row > 0)
		sb_addf(sb, ":%d", g->row);
	sb_adds(sb, g->severity == FORM_ERROR ? ": error: " : ": warning: ");
	if (g->column)
		sb_addf(sb, "%s: ", g->column);
	sb_adds(sb, g->message);
	if (g->pos >= 0)
		sb_addf(sb, " at character %d", g->pos);
}

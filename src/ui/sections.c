/* sections.c: what the review and the table of contents share — the section a question is
 * in (its top-level group or repeat), its label, and the lines of a list of questions laid out
 * by display width (wrapped at words, a hanging indent, never cut inside a word). */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

int ui_section_node(struct ui *u, int node)
{
	const form *f = u->f;
	int top = node;
	while (top > 0 && f->nodes[top].parent > 0)
		top = f->nodes[top].parent;
	return top > 0 && top != node && form_type_is_container(f->nodes[top].type) ? top : -1;
}

char *ui_section_label(struct ui *u, int section)
{
	if (section < 0)
		return xstrdup(u->f->title);   /* questions outside any group: the form's own */
	const form_node *nd = &u->f->nodes[section];
	char *label = engine_text(u->e, nd->path, FORM_LABEL);
	return label ? label : xstrdup(nd->name);
}

char *ui_cut_words(const char *utf8, int width)
{
	if (ui_width(utf8) <= width)
		return xstrdup(utf8);
	ui_lines l = { 0 };
	ui_wrap(utf8, width > 2 ? width - 1 : 1, &l);
	char *first = ui_utf8_from_wcs(l.n ? l.line[0] : L"", l.n ? wcslen(l.line[0]) : 0);
	ui_lines_release(&l);
	char *s = xasprintf("%s…", first);
	free(first);
	return s;
}

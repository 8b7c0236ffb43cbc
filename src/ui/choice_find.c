/* choice_find.c: type-to-search in a long choice list (UI_FIND_MIN choices or more, e.g. a
 * list of villages from a CSV file): letters typed on a select_one keep only the choices whose
 * label or value holds them (case-insensitive, Cyrillic too); on a select_multiple, whose ticks
 * must all stay in view, they move the highlight to the first such choice. Backspace takes a
 * letter back, Esc clears the search. */
#include "ui/screens.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* s lowercased into a wide string (invalid bytes become '?'); caller frees. */
static wchar_t *lower_wide(const char *s)
{
	size_t n = strlen(s), k = 0;
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (*s) {
		wchar_t c;
		size_t r = mbrtowc(&c, s, n, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			c = L'?';
			r = 1;
			memset(&st, 0, sizeof st);
		}
		w[k++] = (wchar_t)towlower((wint_t)c);
		s += r;
		n -= r;
	}
	return w;
}

static int matches(struct ui *u, const form_choice *c, const wchar_t *needle)
{
	const char *label = form_choice_label(u->f, c, engine_lang(u->e));
	int hit = 0;
	for (int k = 0; k < 2 && !hit; k++) {
		const char *s = k ? c->name : label;
		if (!s)
			continue;
		wchar_t *w = lower_wide(s);
		hit = wcsstr(w, needle) != NULL;
		free(w);
	}
	return hit;
}

/* Show the choices of fl->all that match fl->find (select_one), or highlight the first. */
static void apply(struct ui *u, struct ui_field *fl)
{
	wchar_t *needle = lower_wide(fl->find);
	if (fl->type == FORM_SELECT_MULTIPLE) {
		for (int j = 0; j < fl->nchoices; j++)
			if (matches(u, fl->choices[j], needle)) {
				fl->hl = j;
				fl->moved = 1;
				break;
			}
		free(needle);
		return;
	}
	int n = 0;
	for (int j = 0; j < fl->nall; j++)
		if (matches(u, fl->all[j], needle))
			fl->choices[n++] = fl->all[j];
	fl->nchoices = n;
	fl->hl = 0;
	fl->moved = n > 0 && *fl->find;
	free(needle);
}

/* A select_one about to be searched keeps its whole list in fl->all. */
static void keep_all(struct ui_field *fl)
{
	if (fl->all || fl->type != FORM_SELECT_ONE)
		return;
	fl->nall = fl->nchoices;
	fl->all = xmalloc((size_t)(fl->nall ? fl->nall : 1) * sizeof *fl->all);
	memcpy(fl->all, fl->choices, (size_t)fl->nall * sizeof *fl->all);
}

int ui_find_key(struct ui *u, int fkey, wint_t ch)
{
	if (u->screen != UI_SCREEN_QUESTION || !u->e || u->nfields == 0)
		return 0;
	const engine_screen *s = engine_current(u->e);
	if (s->kind == ENGINE_ADD_REPEAT || s->kind == ENGINE_END)
		return 0;
	struct ui_field *fl = &u->fields[u->focus];
	if (!fl->choice || fl->read_only || fl->type == FORM_ACKNOWLEDGE ||
	    (!fl->all && fl->nchoices < UI_FIND_MIN))
		return 0;
	size_t n = strlen(fl->find);
	if (!fkey && iswprint(ch) && ch != L' ') {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t k = wcrtomb(mb, (wchar_t)ch, &st);
		if (k == (size_t)-1 || n + k >= sizeof fl->find)
			return 1;
		memcpy(fl->find + n, mb, k);
		fl->find[n + k] = '\0';
	} else if ((fkey && ch == KEY_BACKSPACE) || (!fkey && (ch == 127 || ch == 8))) {
		if (!n)
			return 0;
		while (n > 0 && ((unsigned char)fl->find[n - 1] & 0xc0) == 0x80)
			n--;
		fl->find[n > 0 ? n - 1 : 0] = '\0';
	} else if (!fkey && ch == 27) {
		if (!n)
			return 0;
		fl->find[0] = '\0';
	} else {
		return 0;
	}
	keep_all(fl);
	apply(u, fl);
	u->top = 0;
	return 1;
}

void ui_find_carry(struct ui *u, struct ui_field *fl, const struct ui_field *of)
{
	if (!of->find[0] || !fl->choice || fl->type != of->type)
		return;
	const form_choice *at = of->hl < of->nchoices ? of->choices[of->hl] : NULL;
	memcpy(fl->find, of->find, sizeof fl->find);
	keep_all(fl);
	apply(u, fl);
	for (int j = 0; at && j < fl->nchoices; j++)
		if (fl->choices[j] == at)
			fl->hl = j;
	fl->moved = of->moved;
}

void ui_find_draw(struct ui *u, const struct ui_field *fl, struct ui_body *b, int width,
		  int field)
{
	if (!fl->find[0]) {
		if (fl->type != FORM_ACKNOWLEDGE && !fl->read_only && fl->nchoices >= UI_FIND_MIN)
			ui_body_add(b, ui_tr(UI_M_FIND_HINT), width, 2, A_DIM, field, -1);
		return;
	}
	int total = fl->all ? fl->nall : fl->nchoices;
	char *s = xasprintf(ui_tr(UI_M_FIND), fl->find,
			    fl->type == FORM_SELECT_ONE ? fl->nchoices : total, total);
	ui_body_add(b, s, width, 2, A_BOLD, field, -1);
	free(s);
}

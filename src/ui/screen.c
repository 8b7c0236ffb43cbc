/* screen.c: the terminal — the UTF-8 locale check, colours, and the drawing helpers every
 * screen uses: clipped text by display width, bars, the message and status lines, and a
 * scrolling body of wrapped lines. */
#include "ui/screens.h"
#include "ui/input.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { PAIR_ERROR = 1, PAIR_SAVED, PAIR_HINT };

static int codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int ui_locale_check(char *err)
{
	if (codeset_is_utf8())
		return 0;
	const char *var = "LANG", *val = getenv("LANG");
	const char *lc_all = getenv("LC_ALL"), *lc_ctype = getenv("LC_CTYPE");
	if (lc_all && *lc_all)
		var = "LC_ALL", val = lc_all;
	else if (lc_ctype && *lc_ctype)
		var = "LC_CTYPE", val = lc_ctype;
	/* a UTF-8 locale that is not installed (ky_KG.UTF-8 on many laptops): C.UTF-8 draws the
	 * same letters, and the UI's language still follows the variable */
	if (val && (strcasestr(val, "utf-8") || strcasestr(val, "utf8")) &&
	    setlocale(LC_CTYPE, "C.UTF-8") && codeset_is_utf8())
		return 0;
	return errf(err, ui_tr(UI_M_RUN_LOCALE), var, val && *val ? val : "unset");
}

void ui_init_colors(void)
{
	if (!has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_SAVED, COLOR_GREEN, -1);
	init_pair(PAIR_HINT, COLOR_CYAN, -1);
}

void ui_list_move(enum ui_action a, int *pos, int page, int last)
{
	switch (a) {
	case UI_A_UP: --*pos; break;
	case UI_A_DOWN: ++*pos; break;
	case UI_A_PAGE_UP: *pos -= page; break;
	case UI_A_PAGE_DOWN: *pos += page; break;
	case UI_A_HOME: *pos = 0; break;
	case UI_A_END: *pos = last; break;
	default: break;
	}
}

SCREEN *ui_term_start(char *err)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		errf(err, ui_tr(UI_M_RUN_NO_TERM), getenv("TERM") ? getenv("TERM") : "unset");
		return NULL;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	ui_init_colors();
	ui_input_start();
	return scr;
}

int ui_putw(int y, int x, const wchar_t *w, int width, int attr)
{
	return ui_putwn(y, x, w, wcslen(w), width, attr);
}

int ui_put(int y, int x, const char *utf8, int width, int attr)
{
	wchar_t *w = ui_wcs_from_utf8(utf8, NULL);
	int used = ui_putw(y, x, w, width, attr);
	free(w);
	return used;
}

int ui_put_cut(int y, int x, const char *utf8, int width, int attr)
{
	if (width <= 0)
		return 0;
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(utf8, &n);
	if (ui_wcswidth(w, n) > width) {
		/* the words that fit with the ellipsis after them; a first word too long for the
		 * width is cut where it must be */
		size_t fit = ui_fit(w, n, width - 1), cut = fit;
		if (fit < n && w[fit] != L' ')
			while (cut > 0 && w[cut - 1] != L' ')
				cut--;
		if (cut == 0)
			cut = fit;
		while (cut > 0 && w[cut - 1] == L' ')
			cut--;
		w[cut] = L'…';
		w[cut + 1] = L'\0';
	}
	int used = ui_putw(y, x, w, width, attr);
	free(w);
	return used;
}

void ui_bar(int y, const char *left, const char *right)
{
	attron(A_REVERSE);
	mvhline(y, 0, ' ', COLS);
	int rw = right ? ui_width(right) : 0;
	if (rw > COLS - 2)
		rw = 0;
	ui_put_cut(y, 1, left, COLS - 2 - (rw ? rw + 2 : 0), A_REVERSE | A_BOLD);
	if (rw)
		ui_put(y, COLS - 1 - rw, right, rw, A_REVERSE);
	attroff(A_REVERSE);
}

void ui_message(struct ui *u, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

void ui_draw_message(struct ui *u)
{
	if (!u->msg[0])
		return;
	int attr = u->msg_error ? (A_BOLD | COLOR_PAIR(PAIR_ERROR)) : COLOR_PAIR(PAIR_SAVED);
	/* a long message takes the lines above it */
	ui_lines l = { 0 };
	ui_wrap(u->msg, COLS - 2, &l);
	int n = l.n > 3 ? 3 : l.n;
	for (int i = 0; i < n; i++) {
		move(LINES - 3 - (n - 1) + i, 0);
		clrtoeol();
		ui_putw(LINES - 3 - (n - 1) + i, 1, l.line[i], COLS - 2, attr);
	}
	ui_lines_release(&l);
}

void ui_draw_keys(const char *keys)
{
	move(LINES - 2, 0);
	clrtoeol();
	/* too wide: whole "key word" groups (two spaces apart) as far as they fit */
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(keys, &n);
	int width = COLS - 2;
	if (ui_wcswidth(w, n) > width) {
		size_t fit = ui_fit(w, n, width), cut = fit;
		if (w[fit] == L' ' && w[fit + 1] == L' ')
			cut = fit + 2;
		while (cut > 1 && !(w[cut - 1] == L' ' && w[cut - 2] == L' '))
			cut--;
		if (cut > 1)
			w[cut - 2] = L'\0';
	}
	ui_putw(LINES - 2, 1, w, width, COLOR_PAIR(PAIR_HINT));
	free(w);
}

void ui_draw_status(struct ui *u)
{
	strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	if (u->e) {
		int index, total;
		engine_progress(u->e, &index, &total);
		sb_addf(&left, "%d/%d", index, total);
		if (u->saved && !(u->msg[0] && u->msg_error))   /* never beside a fresh error */
			sb_addf(&left, "  %s", ui_tr(UI_M_SAVED));
	}
	const char *code = NULL;
	if (u->e) {
		int l = engine_lang(u->e);
		if (l >= 0)
			code = u->f->langs[l].code ? u->f->langs[l].code : u->f->langs[l].name;
	} else if (u->lang[0]) {
		int l = form_find_lang(u->f, u->lang);
		if (l >= 0)
			code = u->f->langs[l].code ? u->f->langs[l].code : u->f->langs[l].name;
	}
	if (!code)
		code = ui_lang_code(ui_lang_get());
	if (u->interviewer[0])
		sb_addf(&right, "%s  ", u->interviewer);
	if (u->e)
		sb_addf(&right, "%.8s  ", engine_uuid(u->e));
	sb_addf(&right, "[%s]", code);
	ui_bar(LINES - 1, sb_str(&left), sb_str(&right));
	sb_release(&left);
	sb_release(&right);
}

void ui_follow_lang(const char *form_lang)
{
	enum ui_lang l;
	if (form_lang && ui_lang_parse(form_lang, &l) == 0)
		ui_lang_set(l);
}

void ui_body_add(struct ui_body *b, const char *utf8, int width, int indent, int attr,
		 int field, int choice)
{
	int first = b->lines.n;
	ui_wrap(utf8, width - indent > 1 ? width - indent : 1, &b->lines);
	if (b->lines.n > b->cap) {
		b->cap = b->lines.n > 2 * b->cap ? b->lines.n : 2 * b->cap;
		b->attr = xreallocarray(b->attr, b->cap, sizeof *b->attr);
		b->field = xreallocarray(b->field, b->cap, sizeof *b->field);
		b->choice = xreallocarray(b->choice, b->cap, sizeof *b->choice);
		b->indent = xreallocarray(b->indent, b->cap, sizeof *b->indent);
	}
	for (int i = first; i < b->lines.n; i++) {
		b->attr[i] = attr;
		b->field[i] = field;
		b->choice[i] = choice;
		b->indent[i] = indent;
	}
}

void ui_body_paint(struct ui_body *b, int *top)
{
	int rows = UI_BODY_ROWS;
	if (rows < 1)
		rows = 1;
	/* scroll so that the focused field is visible, whole when it fits, else from its
	 * label down to focus_line, else focus_line */
	if (b->focus_line >= 0) {
		int lo = b->focus_top, hi = b->focus_bottom, at = b->focus_line;
		if (b->te_line >= 0 && b->te_line + b->te_rows - 1 > at)
			at = b->te_line + b->te_rows - 1;
		if (hi < at)
			hi = at;
		if (hi - lo >= rows)
			hi = at;
		if (hi - lo >= rows)
			lo = at - rows + 1;
		if (*top > lo)
			*top = lo;
		if (hi - *top >= rows)
			*top = hi - rows + 1;
	}
	if (*top > b->lines.n - rows)
		*top = b->lines.n - rows;
	if (*top < 0)
		*top = 0;
	for (int r = 0; r < rows; r++) {
		int i = *top + r;
		if (i >= b->lines.n)
			break;
		int y = UI_BODY_TOP + r;
		if (b->attr[i] & A_REVERSE) {
			attron(A_REVERSE);
			mvhline(y, b->indent[i], ' ', COLS - 1 - b->indent[i]);
			attroff(A_REVERSE);
		}
		ui_putw(y, b->indent[i], b->lines.line[i], COLS - 1 - b->indent[i], b->attr[i]);
	}
	/* a scroll mark when there is more above or below */
	if (*top > 0)
		mvaddstr(UI_BODY_TOP, COLS - 1, "↑");
	if (*top + rows < b->lines.n)
		mvaddstr(UI_BODY_TOP + rows - 1, COLS - 1, "↓");
}

void ui_body_release(struct ui_body *b)
{
	ui_lines_release(&b->lines);
	free(b->attr);
	free(b->field);
	free(b->choice);
	free(b->indent);
	memset(b, 0, sizeof *b);
}

double ui_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* textedit.c: the UTF-8 text field: editing by character over wchar_t, and its painting. */
#include "ui/textedit.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui/curses.h"
#include "ui/text.h"
#include "util/util.h"

void ui_te_init(ui_textedit *t, size_t maxlen)
{
	memset(t, 0, sizeof *t);
	t->maxlen = maxlen ? maxlen : UI_TE_MAXLEN;
	t->cap = 16;
	t->buf = xcalloc(t->cap + 1, sizeof *t->buf);
}

void ui_te_release(ui_textedit *t)
{
	free(t->buf);
	t->buf = NULL;
	t->len = t->cap = t->cur = 0;
}

static void reserve(ui_textedit *t, size_t n)
{
	if (n <= t->cap)
		return;
	while (t->cap < n)
		t->cap *= 2;
	t->buf = xreallocarray(t->buf, t->cap + 1, sizeof *t->buf);
}

void ui_te_set(ui_textedit *t, const char *utf8)
{
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(utf8, &n);
	reserve(t, n);
	for (size_t i = 0; i < n; i++)
		t->buf[i] = ((w[i] == L'\n' && !t->lines) || w[i] == L'\t' || w[i] == L'\r')
			? L' ' : w[i];
	t->buf[n] = 0;
	t->len = t->cur = n;
	t->scroll = 0;
	t->dirty = 0;
	free(w);
}

char *ui_te_get(const ui_textedit *t)
{
	return ui_utf8_from_wcs(t->buf, t->len);
}

int ui_te_insert(ui_textedit *t, wchar_t c)
{
	if (t->len >= t->maxlen || (!iswprint((wint_t)c) && !(t->lines && c == L'\n')))
		return -1;
	reserve(t, t->len + 1);
	memmove(t->buf + t->cur + 1, t->buf + t->cur, (t->len - t->cur + 1) * sizeof *t->buf);
	t->buf[t->cur++] = c;
	t->len++;
	t->dirty = 1;
	return 0;
}

static void erase_at(ui_textedit *t, size_t i)
{
	memmove(t->buf + i, t->buf + i + 1, (t->len - i) * sizeof *t->buf);
	t->len--;
	t->dirty = 1;
}

int ui_te_action(ui_textedit *t, enum ui_action a)
{
	switch (a) {
	case UI_A_LEFT:
		if (t->cur > 0)
			t->cur--;
		return 1;
	case UI_A_RIGHT:
		if (t->cur < t->len)
			t->cur++;
		return 1;
	case UI_A_HOME:
		t->cur = 0;
		return 1;
	case UI_A_END:
		t->cur = t->len;
		return 1;
	case UI_A_BACKSPACE:
		if (t->cur > 0)
			erase_at(t, --t->cur);
		return 1;
	case UI_A_DELETE:
		if (t->cur < t->len)
			erase_at(t, t->cur);
		return 1;
	case UI_A_CLEAR_TEXT:
		if (t->len)
			t->dirty = 1;
		t->len = t->cur = t->scroll = 0;
		t->buf[0] = 0;
		return 1;
	default:
		return 0;
	}
}

/* Break the text into rows of `width` columns at words (a row ends after a space; a word
 * longer than a row is cut; every character has one place, a space at a row's end may fall
 * just past it), and after each '\n' (which ends its row): starts[r] is the first character
 * of row r. Returns the number of rows; a cursor at the end of a full last row gets a row of
 * its own. */
static int row_starts(const ui_textedit *t, int width, size_t **starts)
{
	size_t cap = 8, n = 0, i = 0;
	size_t *s = xmalloc(cap * sizeof *s);
	if (width < 1)
		width = 1;
	for (;;) {
		if (n == cap)
			s = xreallocarray(s, cap *= 2, sizeof *s);
		s[n++] = i;
		const wchar_t *nl = wmemchr(t->buf + i, L'\n', t->len - i);
		size_t end = nl ? (size_t)(nl - t->buf) : t->len;
		size_t fit = ui_fit(t->buf + i, end - i, width);
		if (fit == 0 && i < end)
			fit = 1;
		if (i + fit < end) {
			/* wrap at a word: a space right after the row stays on it (not painted);
			 * else the row ends after its last space, when it has one */
			if (t->buf[i + fit] == L' ') {
				fit++;
			} else {
				size_t k = fit;
				while (k > 0 && t->buf[i + k - 1] != L' ')
					k--;
				if (k > 0)
					fit = k;
			}
		}
		i += fit;
		if (nl && i == end) {
			i++;        /* the line end closes this row */
			continue;
		}
		if (i >= t->len) {
			/* the cursor after a row filled to the edge starts a new row */
			if (fit > 0 && ui_wcswidth(t->buf + s[n - 1], i - s[n - 1]) >= width) {
				if (n == cap)
					s = xreallocarray(s, cap *= 2, sizeof *s);
				s[n++] = i;
			}
			break;
		}
	}
	*starts = s;
	return (int)n;
}

int ui_te_rows(const ui_textedit *t, int width)
{
	size_t *s;
	int n = row_starts(t, width, &s);
	free(s);
	return n;
}

void ui_te_cursor(const ui_textedit *t, int width, int *row, int *col)
{
	size_t *s;
	int n = row_starts(t, width, &s);
	int r = n - 1;
	while (r > 0 && s[r] > t->cur)
		r--;
	*row = r;
	*col = ui_wcswidth(t->buf + s[r], t->cur - s[r]);
	free(s);
}

int ui_putwn(int y, int x, const wchar_t *w, size_t n, int width, int attr)
{
	if (width <= 0 || y < 0 || y >= LINES)
		return 0;
	int used = 0;
	attron(attr);
	move(y, x);
	for (size_t i = 0; i < n && w[i]; i++) {
		wchar_t c = w[i];
		int cw = ui_wcwidth(c);
		if (used + cw > width)
			break;
		if (wcwidth(c) < 0)
			c = L'?';
		addnwstr(&c, 1);
		used += cw;
	}
	attroff(attr);
	return used;
}

/* One row of the text (up to a line break), padded with spaces to width. */
static void paint(int y, int x, const wchar_t *w, size_t n, int width)
{
	const wchar_t *nl = wmemchr(w, L'\n', n);
	move(y, x);
	for (int used = ui_putwn(y, x, w, nl ? (size_t)(nl - w) : n, width, 0); used < width; used++)
		addch(' ');
}

void ui_te_draw(ui_textedit *t, int y, int x, int width, int rows, int *cy, int *cx)
{
	if (width < 2)
		width = 2;
	attron(A_UNDERLINE);
	if (rows <= 1) {
		/* keep the cursor inside [scroll, scroll + width) */
		if (t->scroll > t->cur)
			t->scroll = t->cur;
		while (ui_wcswidth(t->buf + t->scroll, t->cur - t->scroll) >= width)
			t->scroll++;
		paint(y, x, t->buf + t->scroll, t->len - t->scroll, width);
		*cy = y;
		*cx = x + ui_wcswidth(t->buf + t->scroll, t->cur - t->scroll);
	} else {
		size_t *s;
		int n = row_starts(t, width, &s), crow, ccol;
		ui_te_cursor(t, width, &crow, &ccol);
		int first = crow - rows + 1 > 0 ? crow - rows + 1 : 0;
		for (int r = 0; r < rows; r++) {
			int k = first + r;
			if (k < n) {
				size_t end = k + 1 < n ? s[k + 1] : t->len;
				paint(y + r, x, t->buf + s[k], end - s[k], width);
			} else {
				paint(y + r, x, t->buf, 0, width);
			}
		}
		*cy = y + crow - first;
		*cx = x + ccol;
		free(s);
	}
	attroff(A_UNDERLINE);
}

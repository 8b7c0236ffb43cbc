/* textedit.h: a text field over wchar_t — insert, cursor left/right/home/end, backspace and
 * delete by character (never by byte), shown on one scrolling line or wrapped over several
 * rows by display width. Editing is curses-free; only ui_te_draw paints. */
#ifndef SURVEY_UI_TEXTEDIT_H
#define SURVEY_UI_TEXTEDIT_H

#include <stddef.h>
#include <wchar.h>

#include "ui/keys.h"

/* The longest answer a field takes, in characters: longer than any reasonable text. */
#define UI_TE_MAXLEN 2000

typedef struct ui_textedit {
	wchar_t *buf;     /* the text, NUL-terminated; '\n' only when lines */
	size_t len, cap;  /* characters used, allocated (without the NUL) */
	size_t cur;       /* cursor: the index it stands before, 0..len */
	size_t maxlen;    /* inserts beyond this many characters are refused */
	size_t scroll;    /* one-line display: first character shown */
	int dirty;        /* changed since ui_te_set */
	int lines;        /* a multiline field: keeps '\n' (set after ui_te_init) */
} ui_textedit;

void ui_te_init(ui_textedit *t, size_t maxlen);   /* empty; maxlen 0 means UI_TE_MAXLEN */
void ui_te_release(ui_textedit *t);                /* frees the buffer; init to reuse */
/* Replace the text with utf8 (NULL is empty), cursor at the end, not dirty. A tab, and a
 * '\n' unless the field has lines, becomes a space. */
void ui_te_set(ui_textedit *t, const char *utf8);
char *ui_te_get(const ui_textedit *t);   /* the text as UTF-8; malloc'd, the caller frees */

/* Insert a character at the cursor. Returns 0, or -1 (nothing changes) when the field is full
 * or c is not printable ('\n' is, in a field with lines). */
int ui_te_insert(ui_textedit *t, wchar_t c);
/* Apply an editing action (UI_A_LEFT, RIGHT, HOME, END, BACKSPACE, DELETE, CLEAR_TEXT: the
 * whole text). Returns 1 when a
 * is an editing action (even if nothing could move), 0 otherwise. */
int ui_te_action(ui_textedit *t, enum ui_action a);

/* Rows needed to show the text wrapped at width (cursor at the end may need one more). */
int ui_te_rows(const ui_textedit *t, int width);
/* Where the cursor is when wrapped at width: row and column (display columns). */
void ui_te_cursor(const ui_textedit *t, int width, int *row, int *col);

/* Paint at (y, x) of the standard screen, width columns: rows == 1 scrolls horizontally to
 * keep the cursor visible; rows > 1 wraps, showing the rows around the cursor. The field is
 * underlined; *cy, *cx get the cursor's screen position. */
void ui_te_draw(ui_textedit *t, int y, int x, int width, int rows, int *cy, int *cx);

/* Draw the characters of w[0..n) (up to a NUL) at (y, x), at most width columns, with
 * attributes; a character the terminal cannot show as '?'. Returns the columns used. */
int ui_putwn(int y, int x, const wchar_t *w, size_t n, int width, int attr);

#endif

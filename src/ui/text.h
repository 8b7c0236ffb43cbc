/* text.h: UTF-8 <-> wchar_t and display width (wcwidth: Cyrillic and ң ө ү are one column,
 * CJK two, combining marks none), and word wrapping by display width. No curses here. */
#ifndef SURVEY_UI_TEXT_H
#define SURVEY_UI_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decode UTF-8 (an invalid byte becomes U+FFFD). Returns a malloc'd NUL-terminated string the
 * caller frees; *len (may be NULL) gets its length in characters. s NULL is "". */
wchar_t *ui_wcs_from_utf8(const char *s, size_t *len);
/* Encode n characters as UTF-8; malloc'd, NUL-terminated, the caller frees. */
char *ui_utf8_from_wcs(const wchar_t *w, size_t n);

/* Columns a character takes: wcwidth, except that a control or unknown character counts 1
 * (it is shown as a replacement) and a combining mark 0. Needs a UTF-8 LC_CTYPE. */
int ui_wcwidth(wchar_t c);
int ui_wcswidth(const wchar_t *w, size_t n);   /* sum of ui_wcwidth */
int ui_width(const char *utf8);                 /* of a UTF-8 string */
/* How many of the first characters of w (n of them) fit in `width` columns. */
size_t ui_fit(const wchar_t *w, size_t n, int width);

/* Lines of text wrapped to a width: each line is malloc'd and NUL-terminated. */
typedef struct ui_lines {
	wchar_t **line;   /* the lines, in order */
	int n, cap;       /* lines used, allocated */
} ui_lines;

/* Append utf8 wrapped at `width` columns to out: breaks at spaces, at '\n', and inside a word
 * longer than a line; spaces at a break are dropped. An empty string adds one empty line. */
void ui_wrap(const char *utf8, int width, ui_lines *out);
void ui_lines_release(ui_lines *l);
void ui_lines_add(ui_lines *l, const wchar_t *w, size_t n);   /* one more line, as it is */   /* frees the lines; l may be reused (zeroed) */

#endif

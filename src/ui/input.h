/* input.h: the keys the terminal sends, as the UI should see them — bracketed paste turned on
 * and read as one paste, escape sequences curses does not know either mapped to the key they
 * stand for (xterm/PuTTY/vt100 forms) or discarded whole, and each key marked when it came in
 * the same burst of input as the key before it (a paste from a terminal without bracketed
 * paste: no human types two keys before the program has read the first). */
#ifndef SURVEY_UI_INPUT_H
#define SURVEY_UI_INPUT_H

#include <stddef.h>
#include <wchar.h>

/* The longest paste kept, in characters; the rest of a longer one is dropped. */
#define UI_PASTE_MAX 8000

enum ui_in_kind { UI_IN_KEY, UI_IN_PASTE };

struct ui_in {
	enum ui_in_kind kind;
	int fkey;              /* KEY: code is a curses KEY_* */
	wint_t code;           /* KEY: the key or character */
	int burst;             /* KEY: it was already waiting when the key before it was read */
	int more;              /* KEY: the next key of the same burst is already waiting */
	const wchar_t *text;   /* PASTE: the text ('\n' for line ends), valid until the next read */
	size_t len;            /* PASTE: its length */
};

/* After newterm: bracketed paste on (and off around a suspension by SIGTSTP). */
void ui_input_start(void);
/* Before endwin: bracketed paste off. */
void ui_input_stop(void);
/* SIGTERM or SIGHUP arrived (the read returns -1 at once): the signal, else 0. The UI then
 * saves what was typed, ends curses and calls ui_input_reraise(sig) (after ui_input_stop),
 * which ends the program as the signal would have. */
int ui_input_ended(void);
void ui_input_reraise(int sig);
/* The next key or paste (blocks). Returns 0, or -1 when nothing came (an interrupted read). */
int ui_input_read(struct ui_in *ev);

#endif

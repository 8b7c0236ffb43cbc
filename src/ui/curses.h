/* curses.h: includes ncursesw with its wide-character functions (get_wch, add_wch, cchar_t)
 * declared, whatever the feature macros; every ui/ file includes curses through this one. */
#ifndef SURVEY_UI_CURSES_H
#define SURVEY_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <wchar.h>

#endif

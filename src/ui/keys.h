/* keys.h: the interview UI's key table — one X-macro gives the actions, the keys bound to
 * each, and the help text in Kyrgyz, Russian and English; the help screen is generated from it
 * and the screens switch on actions, never on raw keys (tig, nnn). Every F-key action has a
 * Ctrl alternative for terminals that keep F-keys for themselves (GNOME Terminal: F1, F10);
 * Ctrl-S/Q (flow control), Ctrl-Z, Ctrl-V (paste in Windows Terminal), Ctrl-B/A (tmux, screen)
 * and Ctrl-H/I/J/M (Backspace, Tab, Enter) are not used. */
#ifndef SURVEY_UI_KEYS_H
#define SURVEY_UI_KEYS_H

#include "ui/curses.h"

/* Where a binding applies. A key may mean different things in different places: digits pick
 * a choice on a select question but are typed into a text or number field. */
enum ui_ctx {
	UI_CTX_ANY = 1,       /* every interview screen (question, review) */
	UI_CTX_CHOICE = 2,    /* a select question has the focus */
	UI_CTX_TEXT = 4,      /* a text, number or date field has the focus */
	UI_CTX_REVIEW = 8,    /* the review list */
	UI_CTX_START = 16,    /* the start screen */
};
#define UI_CTX_QUESTION (UI_CTX_ANY | UI_CTX_CHOICE | UI_CTX_TEXT)

/* A key: a curses function key (KEY_*, as get_wch returns with KEY_CODE_YES) or a character. */
#define UI_K(code) { 1, (code) }     /* function key */
#define UI_C(ch) { 0, (ch) }         /* character */
#define UI_KEYS(...) { __VA_ARGS__ }

/* X(action, contexts, keys, key names as shown, help in ky, ru, en)
 * The order is the help screen's order. At most UI_KEYS_MAX keys per action. */
#define UI_KEY_TABLE(X) \
	X(UI_A_HELP, UI_CTX_ANY | UI_CTX_REVIEW | UI_CTX_START, \
	  UI_KEYS(UI_K(KEY_F(1)), UI_C(L'?'), UI_C(7)), "F1 ? Ctrl-G", \
	  "Жардам: баскычтардын тизмеси", \
	  "Справка: список клавиш", \
	  "Help: this list of keys") \
	X(UI_A_NEXT, UI_CTX_ANY, \
	  UI_KEYS(UI_C(L'\n'), UI_C(L'\r'), UI_K(KEY_ENTER)), "Enter", \
	  "Жоопту бекитип, кийинки суроого өтүү", \
	  "Подтвердить ответ и перейти к следующему вопросу", \
	  "Confirm the answer and go to the next question") \
	X(UI_A_PREV, UI_CTX_ANY, UI_KEYS(UI_K(KEY_PPAGE)), "PgUp", \
	  "Мурунку суроого кайтуу", \
	  "Вернуться к предыдущему вопросу", \
	  "Go back to the previous question") \
	X(UI_A_DIGIT, UI_CTX_CHOICE, \
	  UI_KEYS(UI_C(L'1'), UI_C(L'2'), UI_C(L'3'), UI_C(L'4'), UI_C(L'5'), UI_C(L'6'), \
		  UI_C(L'7'), UI_C(L'8'), UI_C(L'9'), UI_C(L'0')), "1..9 0", \
	  "N-тандоону белгилөө (бир нечени тандоодо: белгилөө же алып салуу); 0 = 10-тандоо; " \
	  "10дон ашык тандоодо эки цифраны бир секунданын ичинде басыңыз: 1, анан 2 = 12-тандоо", \
	  "Выбрать вариант N (при выборе нескольких: отметить или снять); 0 = вариант 10; " \
	  "если вариантов больше 10, наберите две цифры в течение секунды: 1, затем 2 = " \
	  "вариант 12", \
	  "Pick choice N (several allowed: tick or untick); 0 = choice 10; with more than 10 " \
	  "choices, type two digits within a second: 1 then 2 = choice 12") \
	X(UI_A_UP, UI_CTX_ANY | UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_UP)), "Up", \
	  "Жогору: мурунку тандоо же талаа", \
	  "Вверх: предыдущий вариант или поле", \
	  "Up: previous choice or field") \
	X(UI_A_DOWN, UI_CTX_ANY | UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_DOWN)), "Down", \
	  "Ылдый: кийинки тандоо же талаа", \
	  "Вниз: следующий вариант или поле", \
	  "Down: next choice or field") \
	X(UI_A_TOGGLE, UI_CTX_CHOICE, UI_KEYS(UI_C(L' ')), "Space", \
	  "Курсор турган жоопту белгилөө (же белгини алып салуу)", \
	  "Выбрать (или снять) выделенный вариант", \
	  "Pick (or untick) the highlighted choice") \
	X(UI_A_FIELD_NEXT, UI_CTX_ANY, UI_KEYS(UI_C(L'\t')), "Tab", \
	  "Ушул эле экрандагы кийинки суроо", \
	  "Следующий вопрос на этом же экране", \
	  "Next question on the same screen") \
	X(UI_A_FIELD_PREV, UI_CTX_ANY, UI_KEYS(UI_K(KEY_BTAB)), "Shift-Tab", \
	  "Ушул эле экрандагы мурунку суроо", \
	  "Предыдущий вопрос на этом же экране", \
	  "Previous question on the same screen") \
	X(UI_A_LEFT, UI_CTX_TEXT, UI_KEYS(UI_K(KEY_LEFT)), "Left", \
	  "Курсорду солго жылдыруу", \
	  "Курсор влево", \
	  "Cursor left") \
	X(UI_A_RIGHT, UI_CTX_TEXT, UI_KEYS(UI_K(KEY_RIGHT)), "Right", \
	  "Курсорду оңго жылдыруу", \
	  "Курсор вправо", \
	  "Cursor right") \
	X(UI_A_HOME, UI_CTX_TEXT | UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_HOME)), \
	  "Home", \
	  "Башына", \
	  "В начало", \
	  "To the start") \
	X(UI_A_END, UI_CTX_TEXT | UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_END)), "End", \
	  "Аягына", \
	  "В конец", \
	  "To the end") \
	X(UI_A_BACKSPACE, UI_CTX_TEXT, \
	  UI_KEYS(UI_K(KEY_BACKSPACE), UI_C(127), UI_C(8)), "Backspace", \
	  "Курсордун алдындагы тамганы өчүрүү", \
	  "Удалить букву перед курсором", \
	  "Delete the letter before the cursor") \
	X(UI_A_DELETE, UI_CTX_TEXT, UI_KEYS(UI_K(KEY_DC)), "Delete", \
	  "Курсордун астындагы тамганы өчүрүү", \
	  "Удалить букву под курсором", \
	  "Delete the letter under the cursor") \
	X(UI_A_CLEAR_TEXT, UI_CTX_TEXT, UI_KEYS(UI_C(21)), "Ctrl-U", \
	  "Талааны тазалоо (Enter менен бекитилет)", \
	  "Очистить поле (подтверждается клавишей Enter)", \
	  "Clear the field (Enter confirms)") \
	X(UI_A_CLEAR, UI_CTX_CHOICE, UI_KEYS(UI_K(KEY_DC), UI_C(11)), "Delete Ctrl-K", \
	  "Тандалган жоопту өчүрүү (милдеттүү эмес суроодо)", \
	  "Удалить выбранный ответ (если вопрос необязательный)", \
	  "Clear the answer (when the question is optional)") \
	X(UI_A_LANG, UI_CTX_ANY | UI_CTX_REVIEW | UI_CTX_START, \
	  UI_KEYS(UI_K(KEY_F(2)), UI_C(20)), "F2 Ctrl-T", \
	  "Тилди которуу", \
	  "Сменить язык", \
	  "Switch the language") \
	X(UI_A_DONT_KNOW, UI_CTX_ANY, UI_KEYS(UI_K(KEY_F(5)), UI_C(4)), "F5 Ctrl-D", \
	  "Жооп: билбейт", \
	  "Ответ: не знает", \
	  "Answer: don't know") \
	X(UI_A_REFUSED, UI_CTX_ANY, UI_KEYS(UI_K(KEY_F(6)), UI_C(18)), "F6 Ctrl-R", \
	  "Жооп: жооп берүүдөн баш тартты", \
	  "Ответ: отказ от ответа", \
	  "Answer: refused") \
	X(UI_A_REMOVE, UI_CTX_ANY, UI_KEYS(UI_K(KEY_F(8))), "F8", \
	  "Кайталануучу топтун ушул жазуусун өчүрүү (F8 эки жолу)", \
	  "Удалить эту запись повторяющейся группы (F8 дважды)", \
	  "Delete this entry of a repeated group (F8 twice)") \
	X(UI_A_REVIEW, UI_CTX_ANY | UI_CTX_REVIEW, UI_KEYS(UI_K(KEY_F(9)), UI_C(16)), \
	  "F9 Ctrl-P", \
	  "Бардык жоопторду карап чыгуу (же суроого кайтуу)", \
	  "Просмотр всех ответов (или возврат к вопросу)", \
	  "Review all answers (or back to the question)") \
	X(UI_A_TOC, UI_CTX_ANY | UI_CTX_REVIEW, UI_KEYS(UI_K(KEY_F(3)), UI_C(15)), "F3 Ctrl-O", \
	  "Мазмуну: бөлүмдөр жана суроолор, каалаганына өтүү", \
	  "Содержание: разделы и вопросы, переход к любому", \
	  "Contents: sections and questions, go to any of them") \
	X(UI_A_COMMENT, UI_CTX_ANY | UI_CTX_REVIEW, UI_KEYS(UI_K(KEY_F(4)), UI_C(14)), \
	  "F4 Ctrl-N", \
	  "Суроого супервайзер үчүн пикир жазуу", \
	  "Комментарий к вопросу для супервайзера", \
	  "A comment on the question, for the supervisor") \
	X(UI_A_JUMP, UI_CTX_REVIEW, UI_KEYS(UI_C(L'\n'), UI_C(L'\r'), UI_K(KEY_ENTER)), \
	  "Enter", \
	  "Тандалган суроого өтүү", \
	  "Перейти к выбранному вопросу", \
	  "Go to the highlighted question") \
	X(UI_A_NEXT_PROBLEM, UI_CTX_REVIEW, UI_KEYS(UI_C(L'\t'), UI_C(5)), "Tab Ctrl-E", \
	  "Кийинки көйгөйгө өтүү", \
	  "К следующей проблеме", \
	  "To the next problem") \
	X(UI_A_PAGE_DOWN, UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_NPAGE)), "PgDn", \
	  "Кийинки бет", \
	  "Следующая страница", \
	  "Next page") \
	X(UI_A_PAGE_UP, UI_CTX_REVIEW | UI_CTX_START, UI_KEYS(UI_K(KEY_PPAGE)), "PgUp", \
	  "Мурунку бет", \
	  "Предыдущая страница", \
	  "Previous page") \
	X(UI_A_NEW, UI_CTX_START, UI_KEYS(UI_C(L'n'), UI_C(L'N'), UI_C(L'т'), UI_C(L'Т')), \
	  "n", \
	  "Жаңы интервью баштоо", \
	  "Начать новое интервью", \
	  "Start a new interview") \
	X(UI_A_OPEN, UI_CTX_START, UI_KEYS(UI_C(L'\n'), UI_C(L'\r'), UI_K(KEY_ENTER)), \
	  "Enter", \
	  "Тандалган интервьюну улантуу же карап чыгуу", \
	  "Продолжить или просмотреть выбранное интервью", \
	  "Resume or review the highlighted interview") \
	X(UI_A_LEAVE, UI_CTX_ANY | UI_CTX_REVIEW | UI_CTX_START, \
	  UI_KEYS(UI_K(KEY_F(10)), UI_C(3)), "F10 Ctrl-C", \
	  "Чыгуу: интервью сакталат, кийин улантууга болот", \
	  "Выход: интервью сохранится, его можно продолжить", \
	  "Leave: the interview is kept and can be resumed") \
	X(UI_A_QUIT, UI_CTX_START, UI_KEYS(UI_C(L'q'), UI_C(L'Q'), UI_C(L'й'), UI_C(L'Й')), \
	  "q", \
	  "Программадан чыгуу", \
	  "Выйти из программы", \
	  "Quit the program") \
	X(UI_A_BACK, UI_CTX_REVIEW, UI_KEYS(UI_C(27)), "Esc", \
	  "Суроого кайтуу", \
	  "Вернуться к вопросу", \
	  "Back to the question") \
	X(UI_A_BROWSE, UI_CTX_TEXT, UI_KEYS(UI_K(KEY_F(7)), UI_C(2)), "F7 Ctrl-B", \
	  "Файл суроосунда: папкаларды карап, файл тандоо (дагы бир жолу басса жабылат)", \
	  "В вопросе-файле: просмотреть папки и выбрать файл (повторное нажатие закрывает)", \
	  "On a file question: browse the folders and pick a file (again: close)")

enum ui_action {
	UI_A_NONE = 0,        /* the key means nothing here */
	UI_A_CHAR,            /* a printable character for the focused text field */
	UI_A_RESIZE,          /* the terminal changed size */
	UI_A_PASTE,           /* pasted text (struct ui: paste, npaste) for the focused field */
#define UI_ACTION_ENUM(a, ctx, keys, names, ky, ru, en) a,
	UI_KEY_TABLE(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	UI_NACTIONS
};

#define UI_KEYS_MAX 10

struct ui_key {
	int fkey;      /* 1: a curses KEY_* code; 0: a character */
	wint_t code;   /* the code or character */
};

struct ui_binding {
	enum ui_action action;
	int ctx;                        /* UI_CTX_* bits where it applies */
	struct ui_key keys[UI_KEYS_MAX]; /* terminated by a zero code */
	const char *names;              /* the keys as the help screen shows them */
	const char *help[3];            /* help text in ky, ru, en (the order of enum ui_lang) */
};

extern const struct ui_binding ui_bindings[];
extern const int ui_nbindings;

/* The action of a key read by get_wch (fkey: it returned KEY_CODE_YES) where ctx applies.
 * In UI_CTX_TEXT a printable character not bound there is UI_A_CHAR; KEY_RESIZE is
 * UI_A_RESIZE everywhere. */
enum ui_action ui_key_action(int fkey, wint_t code, int ctx);
/* The binding of an action (its first row), or NULL. */
const struct ui_binding *ui_key_binding(enum ui_action a);

#endif

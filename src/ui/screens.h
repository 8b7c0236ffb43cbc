/* screens.h: what the UI's screens share — the UI state, the drawing helpers of screen.c, and
 * each screen's _init/_draw/_key (ncdu's browser/help/delete shape). Internal to src/ui/. */
#ifndef SURVEY_UI_SCREENS_H
#define SURVEY_UI_SCREENS_H

#include "interview/engine.h"
#include "ui/curses.h"
#include "ui/i18n.h"
#include "ui/keys.h"
#include "ui/text.h"
#include "ui/textedit.h"
#include "ui/ui.h"
#include "util/util.h"

enum ui_screen_id { UI_SCREEN_START, UI_SCREEN_QUESTION, UI_SCREEN_REVIEW, UI_SCREEN_HELP,
		    UI_SCREEN_NAME, UI_SCREEN_TOC };

/* One question (or note) of the question screen, with the interviewer's unsaved edit. */
struct ui_field {
	int node;                     /* index into form->nodes */
	char *path;                   /* answer path (owned) */
	form_type type;
	int required;                 /* as the engine says now */
	int read_only;                /* notes and read-only questions take no input */
	int choice;                   /* select_one, select_multiple, acknowledge */
	int text;                     /* typed: text, numbers, dates, times, range */
	int multiline;                /* text with appearance multiline: wrapped over rows */
	const form_choice **choices;  /* select: the filtered choices (array owned, items not) */
	int nchoices;                 /* choices shown (acknowledge: 1) */
	int hl;                       /* highlighted choice */
	int moved;                    /* the interviewer moved the highlight with Up/Down */
	unsigned char *sel;           /* select_multiple: the ticks being edited (owned) */
	int sel_dirty;                /* ticks changed and not yet saved */
	ui_textedit te;               /* text: the field being edited */
	int rank;                     /* rank: choices holds the order being built (sel unused) */
	int grabbed;                  /* rank: the highlighted choice is being carried */
	int attach;                   /* a media question: te is a file's path (attach_input.c) */
	const form_choice **all;      /* select_one being searched: every choice (owned array) */
	int nall;
	char find[64];                /* the search typed in a long list (choice_find.c) */
	int prefill;                  /* te holds a default not saved yet (a date: today);
	                                 Enter confirms it */
};

/* Layout of a screen body: wrapped lines, some of them belonging to a field. */
struct ui_body {
	ui_lines lines;     /* the text of each line */
	int *attr;          /* curses attributes per line */
	int *field;         /* the field a line belongs to, -1 if none */
	int *choice;        /* the choice a line shows, -1 if none */
	int *indent;        /* columns before the text */
	int cap;            /* allocated entries of the arrays above */
	int focus_top;      /* first line to keep visible (the focused field's label) */
	int focus_line;     /* the line that must be visible (highlight, input) */
	int focus_bottom;   /* the focused field's last line: shown too when it all fits */
	int te_line;        /* the focused text field's first line, -1 if none */
	int te_rows;        /* and the rows it takes */
};

struct ui {
	const ui_options *o;
	const form *f;
	engine *e;                 /* the open interview; NULL on the start screen */
	enum ui_screen_id screen;  /* shown now */
	enum ui_screen_id back;    /* where help returns to */
	int quit;                  /* leave the main loop */
	char lang[64];             /* form language code or name to start new interviews in */
	char msg[ERR_MAX];         /* message line; "" when none */
	int msg_error;             /* the message is a refusal or an error */
	int saved;                 /* show the saved mark: the last change was committed */

	/* start screen */
	session_interview *ivs;    /* this form's interviews under the filter (session_interviews) */
	int nivs;
	int start_hl, start_top;   /* highlighted row, first row shown */
	int start_filter;          /* enum ui_start_filter */
	int *start_answers;        /* per row: questions answered (metadata and calculations
	                              are not answers) */
	int *start_section;        /* per row: the section it stands in, 1..start_nsections */
	int start_nsections;       /* sections of the form: top-level groups and repeats */
	unsigned start_present;    /* statuses this form's interviews have: 1 << filter */
	session_unit *units;       /* the units assigned to this laptop's interviewer (issue 15):
	                              those with no interview yet are rows of status "todo", those
	                              sent back make their interview's row "returned" */
	int nunits;
	int searching;             /* `/`: typing into the search field */
	ui_textedit search;        /* the search: rows whose name or id holds it */
	char interviewer[256];     /* the interviewer's name: --interviewer or the saved one */
	ui_textedit name;          /* UI_SCREEN_NAME: the name being typed */

	/* a question asked over the screen (ask.c), and what it is about */
	int ask;                   /* enum ui_ask; UI_ASK_NONE when none */
	char ask_uuid[SESSION_UUID_LEN + 1]; /* the interview it is about (start screen) */
	char ask_name[256];        /* its name as the start screen shows it */
	int reopened;              /* the open interview was reopened here: leaving asks whether
	                              to complete it again (UI_ASK_FINISH) */
	int ask_count;             /* UI_ASK_HIDE: the entries that would be hidden */
	enum ui_action ask_action; /* UI_ASK_HIDE: the key to go on with once confirmed */
	enum ui_action cur_action; /* the question screen's key being handled */
	int hide_ok;               /* UI_ASK_HIDE answered yes: commit without asking */
	ui_textedit comment;       /* UI_ASK_COMMENT: the comment being written */
	char *comment_path;        /* and the question it is on (owned) */

	/* question screen */
	char *screen_path;         /* the engine screen the fields were built for */
	struct ui_field *fields;
	int nfields;
	int focus;                 /* focused field; for ADD_REPEAT/END the highlighted option */
	int end_hl;                /* ADD_REPEAT / END: highlighted option */
	int top;                   /* first body line shown */
	double digit_time;         /* when the last digit was typed (for "12") */
	int digit_value;           /* the number typed so far */
	int digit_field;           /* the field it was typed in */
	char *confirm_remove;      /* F8 pressed once: the repeat instance to delete on a second */
	enum ui_action confirm_drop; /* PgUp/F9/F10 refused for a bad edit: pressed again, the
	                              * edit is dropped and the key goes through */
	const wchar_t *paste;      /* UI_A_PASTE: the text ('\n' line ends), npaste characters */
	size_t npaste;

	/* review screen */
	engine_review_item *rv;
	int nrv, rv_hl, rv_top, rv_problems;
	int rv_detail;             /* the highlighted question is shown whole (Enter) */

	/* table of contents (toc.c) */
	struct ui_toc_row *toc;
	int ntoc, toc_hl, toc_top;
	int auto_advance;          /* laptop setting: a digit on any single choice goes on */
	int numbers;               /* laptop setting: questions shown with their numbers */
	int prefs_loaded;

	/* help screen */
	int help_top;

	/* review15: a returned interview's supervisor notes (session_review_notes), shown under
	 * their questions while the interview sv_uuid is open */
	session_review *sv_notes;
	int nsv_notes;
	char sv_uuid[SESSION_UUID_LEN + 1];
};

/* ---- screen.c: drawing helpers ---- */
void ui_init_colors(void);
/* The keys that move in a list or a scrolled text (a switch's case labels), and the move: pos
 * changed by UP and DOWN (1), PAGE_UP and PAGE_DOWN (page), HOME (to 0) and END (to last);
 * keeping it in range is the caller's. */
#define UI_LIST_MOVE_KEYS \
	case UI_A_UP: case UI_A_DOWN: case UI_A_PAGE_UP: case UI_A_PAGE_DOWN: case UI_A_HOME: \
	case UI_A_END
void ui_list_move(enum ui_action a, int *pos, int page, int last);
/* Start curses on the terminal (stdin/stdout): raw keys (Ctrl-C arrives as a key and the
 * terminal stays sane), no echo, keypad, a short Esc delay, the colours, input reading. NULL with
 * err (the language's "no terminal" line) when the terminal cannot be used. */
SCREEN *ui_term_start(char *err);
/* Draw utf8 at (y, x), at most width columns, with attributes; returns the columns used. */
int ui_put(int y, int x, const char *utf8, int width, int attr);
int ui_putw(int y, int x, const wchar_t *w, int width, int attr);
/* The same, cut at a word with "…" when it does not fit (never in the middle of a word, unless
 * the first word alone is wider than width). */
int ui_put_cut(int y, int x, const char *utf8, int width, int attr);
/* A full-width bar at row y: left text, right text (right-aligned), reverse video. */
void ui_bar(int y, const char *left, const char *right);
/* The message line (row LINES-3) and the status line (row LINES-1). */
void ui_draw_message(struct ui *u);
void ui_draw_status(struct ui *u);
/* Set the message line (printf-style); error makes it stand out. */
void ui_message(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Switch the UI language to follow a form language (code or name) when it is ky, ru or en. */
void ui_follow_lang(const char *form_lang);
/* Rows of the body area: from row 2 to LINES-4. */
#define UI_BODY_TOP 2
#define UI_BODY_ROWS (LINES - 5)
/* The body: lines added, then painted scrolled so that the focus is visible. */
void ui_body_add(struct ui_body *b, const char *utf8, int width, int indent, int attr,
		 int field, int choice);
void ui_body_paint(struct ui_body *b, int *top);
void ui_body_release(struct ui_body *b);
/* The key hints line (row LINES-2) for the question screens. */
void ui_draw_keys(const char *keys);
/* Seconds on a monotonic clock. */
double ui_clock(void);

/* ---- ask.c: a question over the screen, answered by one key ---- */
enum ui_ask {
	UI_ASK_NONE,
	UI_ASK_REOPEN,          /* open a completed interview to change it? 1 / Esc */
	UI_ASK_REOPEN_WHY,      /* why: 1 2 3 / Esc; then reopened with that reason */
	UI_ASK_DISCARD,         /* discard this draft? 1 / Esc */
	UI_ASK_DISCARD_AGAIN,   /* really? Enter / Esc; then discarded */
	UI_ASK_FINISH,          /* leaving a reopened interview: 1 complete again, 2 draft, Esc */
	UI_ASK_HIDE,            /* a lower repeat count hides entries with answers: 1 / Esc */
	UI_ASK_COMMENT,         /* the comment on a question: typed, Enter saves, Esc cancels */
};
void ui_ask_draw(struct ui *u);
/* A box over the body: the lines from column x, w wide, the first nhead of them bold. */
void ui_draw_box(const ui_lines *l, int nhead, int x, int w);
/* A key while a question is asked (the raw key: the answers are digits, Enter and Esc on any
 * keyboard layout). Any other key keeps the question. */
void ui_ask_key(struct ui *u, int fkey, wint_t ch);

/* ---- start.c ---- */
/* The filters f cycles through. A filter of a status no interview has (returned, once
 * supervisors can return interviews) is skipped: add the status here and to shown(). */
enum ui_start_filter { UI_FILTER_ACTIVE, UI_FILTER_DRAFTS, UI_FILTER_COMPLETE,
		       UI_FILTER_DISCARDED, UI_FILTER_RETURNED, UI_NFILTERS };
/* A key of the start screen's own that the key table does not know: d (discard), f (filter),
 * also on a Russian/Kyrgyz layout (в, а); / (or . or Ctrl-F) searches, Esc ends the search. */
void ui_start_char(struct ui *u, wint_t ch);
/* The assigned unit whose interview is uuid, or NULL (start_list.c). */
const session_unit *ui_start_unit(const struct ui *u, const char *uuid);
/* The filter a status belongs to (UI_FILTER_DRAFTS for "draft", ...; the statuses present
 * decide which filters f offers). */
int ui_start_status(const char *status);
/* The name of a row: its instance name, or its short id and where it stands. */
void ui_start_row_name(const session_interview *v, char *out, size_t size);
/* The key context of the start screen: a text field while searching. */
int ui_start_ctx(struct ui *u);
/* F2 before an interview: the next language of the form (saved as the laptop's choice). */
void ui_next_lang(struct ui *u);
/* After UI_ASK_REOPEN_WHY: open u->ask_uuid, reopen it with reason, show its review — or, when
 * a supervisor returned it with comments on questions, its first commented question, the
 * reason on the message line (returns.c). */
void ui_start_reopen(struct ui *u, const char *reason);
/* After UI_ASK_DISCARD_AGAIN: discard u->ask_uuid (session_discard) and list again. */
void ui_start_discard(struct ui *u);
/* returns.c: load the supervisor's notes of interview uuid (none: nothing), the first question
 * they comment on in the questionnaire's order (NULL if none; borrowed), its reason; the note
 * on a question of the open interview (NULL if none); free them. */
void ui_returns_load(struct ui *u, const char *uuid);
const char *ui_returns_first(const struct ui *u);
const char *ui_returns_reason(const struct ui *u);
const session_review *ui_returns_note(const struct ui *u, const char *path, int k);
void ui_returns_release(struct ui *u);

void ui_start_init(struct ui *u);       /* (re)reads the interview list */
void ui_start_draw(struct ui *u);
void ui_start_key(struct ui *u, enum ui_action a, wint_t ch);
void ui_start_release(struct ui *u);

/* ---- name.c: the interviewer's name, asked on the first run on a laptop ---- */
/* Show the name screen when no name is known (none given, none saved); else the start screen.
 * Returns -1 with err when the database cannot be read. */
int ui_name_init(struct ui *u, char *err);
void ui_name_draw(struct ui *u);
void ui_name_key(struct ui *u, enum ui_action a, wint_t ch);

/* ---- question.c ---- */
void ui_question_init(struct ui *u);    /* after the engine moved: rebuild the fields */
void ui_question_key(struct ui *u, enum ui_action a, wint_t ch);
int ui_question_ctx(struct ui *u);      /* UI_CTX_* of the focused field */
void ui_question_release(struct ui *u);
/* The program is told to end (SIGTERM, SIGHUP): save what was typed and not confirmed — as
 * the answer when the engine takes it, else as an "unsaved" event (engine_keep_unsaved) —
 * and an open comment, then leave the interview as F10 does (no screen is drawn). */
void ui_save_typed(struct ui *u);
/* Go to the question at path (engine_jump) and focus it; a refusal goes to the message line.
 * Returns engine_jump's value. */
int ui_go_to(struct ui *u, const char *path);
/* UI_ASK_HIDE answered yes: the key that asked goes on, the entries hidden. */
void ui_question_confirm_hide(struct ui *u);
/* F4 / Ctrl-N: write the comment on the focused question (UI_ASK_COMMENT, comment.c). */
void ui_comment_open(struct ui *u, const char *path);
void ui_comment_draw(struct ui *u);
void ui_comment_key(struct ui *u, int fkey, wint_t ch);
int ui_field_dirty(const struct ui_field *fl);   /* an edit not saved yet */
/* F10 on a reopened interview, answered "leave it as a draft" (ui.c): leave as F10 does. */
void ui_leave_as_draft(struct ui *u);
/* Leave the interview (F10): logs it, frees the engine, back to the start screen. */
void ui_interview_leave(struct ui *u);
/* Complete the interview; on success back to the start screen. */
void ui_interview_complete(struct ui *u);
/* The options of the end screen, in order. */
enum ui_end_option { UI_END_COMPLETE, UI_END_REVIEW, UI_END_LEAVE, UI_END_NOPTIONS };

/* ---- question_draw.c ---- */
/* The label of the group or repeat entry around path ("Family member [2]"), or the form's
 * title. malloc'd, the caller frees. */
char *ui_section_title(struct ui *u, const char *path);
/* geo_input.c: may c be typed into a location field? Its format line and saved answer. */
int ui_geo_char_ok(wint_t c);
void ui_geo_draw(struct ui *u, struct ui_body *b, const struct ui_field *fl, int i, int width);
/* The title bar of a question screen: the section around it; in a repeat entry its label,
 * number of the whole and first answer ("Family member 2/3 · Айбек"). malloc'd. */
char *ui_screen_title(struct ui *u, const engine_screen *s);
/* Add a line "lead text" whose text, wrapped, hangs under its own start (choice labels). */
void ui_body_add_hang(struct ui_body *b, const char *lead, const char *text, int width,
		      int indent, int attr, int field, int choice);
void ui_question_draw(struct ui *u);
/* A question's number (the optional numbers setting): its place among the form's questions. */
int ui_question_number(struct ui *u, int node);

/* ---- sections.c: what review.c and toc.c share ---- */
/* The section of a form node: its top-level group or repeat, -1 when it stands at the top. */
int ui_section_node(struct ui *u, int node);
/* The section's label in the current language (the form's title for -1). malloc'd. */
char *ui_section_label(struct ui *u, int section);
/* utf8 cut to width columns at a word, with "…" when it was cut. malloc'd. */
char *ui_cut_words(const char *utf8, int width);

/* ---- toc.c: the table of contents (F3 / Ctrl-O) ---- */
/* Sections (top-level groups and repeats) with answered/total and a problem mark, and their
 * questions; Enter goes to the one highlighted. Also the laptop's settings (1, 2). */
void ui_toc_init(struct ui *u);
void ui_toc_draw(struct ui *u);
void ui_toc_key(struct ui *u, enum ui_action a, wint_t ch);
void ui_toc_release(struct ui *u);
/* The laptop's settings of the question screen, read once per run (the meta table). */
void ui_prefs_load(struct ui *u);

/* ---- review.c ---- */
void ui_review_init(struct ui *u);
void ui_review_draw(struct ui *u);
void ui_review_key(struct ui *u, enum ui_action a, wint_t ch);
void ui_review_release(struct ui *u);
/* A stored answer as the interviewer reads it: choice labels, a special state's name,
 * or "(no answer)". malloc'd, the caller frees. */
char *ui_answer_text(struct ui *u, int node, const char *value, answer_state state, int answered);

/* ---- help.c ---- */
void ui_help_init(struct ui *u);
void ui_help_draw(struct ui *u);
void ui_help_key(struct ui *u, enum ui_action a, wint_t ch);

/* ---- question_rank.c: the rank widget ---- */
void ui_rank_load(struct ui *u, struct ui_field *fl);   /* the stored order into choices */
char *ui_rank_value(const struct ui_field *fl);        /* the order as the answer (malloc'd) */
/* A key on a rank field: 1 when it was the rank's (taken, carried), 0 to go on as usual. */
int ui_rank_key(struct ui *u, struct ui_field *fl, enum ui_action a);
char *ui_rank_line(const struct ui *u, const struct ui_field *fl, int j);   /* malloc'd */

/* ---- attach_input.c: the field of a media question (image, audio, video, file) ---- */
/* Enter on it: read the file at the path typed (text; "~/" is $HOME) and attach it
 * (engine_attach), or do nothing when nothing was typed. 0, or ENGINE_REJECTED / -1 with a
 * message in err, as engine_answer. */
int ui_attach_commit(struct ui *u, struct ui_field *fl, const char *text, char *err);
/* Keys of its own: Tab completes the path; F7 (Ctrl-B) opens and closes the file browser, which takes
 * the keys while open (ch: the character of UI_A_CHAR); Delete on the empty field takes the
 * attached file away. 1 when the key was used. */
int ui_attach_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch);
/* "~/x" with $HOME; anything else as typed. malloc'd. */
char *ui_attach_expand(const char *text);
/* Its lines under the path being typed: the attached file's name, and how to attach one (or
 * the file browser, when it is open on this field and it has the focus). */
void ui_attach_draw(struct ui *u, const struct ui_field *fl, struct ui_body *b, int width,
		    int field);

/* ---- attach_browse.c: the file browser of a media question ---- */
/* Open it on the folder of the path typed in fl (else the current folder). */
void ui_browse_open(struct ui *u, struct ui_field *fl);
/* Is it open on fl? (Open on another field, it is closed.) */
int ui_browse_open_on(const struct ui *u, const struct ui_field *fl);
/* A key while it is open: 1 when it used the key (0: closed, the key goes on). */
int ui_browse_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch);
/* Its lines: the folder, the entries (the highlighted one kept in view), its keys. */
void ui_browse_draw(struct ui_body *b, int width, int field);

/* ---- choice_find.c: type-to-search in a list of UI_FIND_MIN choices or more ---- */
#define UI_FIND_MIN 10
/* A key not bound on the question screen: a letter, Backspace or Esc searching the focused
 * choice list. 1 when it was taken. */
int ui_find_key(struct ui *u, int fkey, wint_t ch);
/* The same question rebuilt on the same screen (after an answer): its search goes on. */
void ui_find_carry(struct ui *u, struct ui_field *fl, const struct ui_field *of);
/* The search line of a field being searched, or the hint that typing searches. */
void ui_find_draw(struct ui *u, const struct ui_field *fl, struct ui_body *b, int width,
                  int field);

#endif

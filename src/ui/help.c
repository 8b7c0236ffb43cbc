/* help.c: the help screen (F1), generated from the key table in the current language: each
 * binding listed once, under the first part of the UI it applies to. */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	int ctx;            /* bindings with any of these bits (not listed before) */
	enum ui_msg title;
} sections[] = {
	{ UI_CTX_ANY | UI_CTX_CHOICE, UI_M_HELP_QUESTION },
	{ UI_CTX_TEXT, UI_M_HELP_TEXT },
	{ UI_CTX_REVIEW, UI_M_HELP_REVIEW },
	{ UI_CTX_START, UI_M_HELP_START },
};
#define NSECTIONS (int)(sizeof sections / sizeof sections[0])
#define NAME_COLS 12

/* The section a binding is listed in: the first whose bits it has. */
static int section_of(const struct ui_binding *b)
{
	for (int s = 0; s < NSECTIONS; s++)
		if (b->ctx & sections[s].ctx)
			return s;
	return NSECTIONS - 1;
}

/* The key names of a binding as the interviewer reads them: arrows for the arrow keys, the
 * space bar's name in the current language; the others are written on the keys (Enter, Esc,
 * Tab, F1, Ctrl-G ...). */
static void key_names(const char *names, strbuf *out)
{
	static const char *const arrows[][2] = {
		{ "Up", "↑" }, { "Down", "↓" }, { "Left", "←" }, { "Right", "→" },
	};
	const char *p = names;
	while (*p) {
		size_t n = strcspn(p, " ");
		const char *word = NULL;
		for (size_t a = 0; a < sizeof arrows / sizeof arrows[0]; a++)
			if (strlen(arrows[a][0]) == n && strncmp(p, arrows[a][0], n) == 0)
				word = arrows[a][1];
		if (n == 5 && strncmp(p, "Space", 5) == 0)
			word = ui_tr(UI_M_KEY_SPACE);
		if (word)
			sb_adds(out, word);
		else
			sb_addf(out, "%.*s", (int)n, p);
		p += n;
		if (*p)
			sb_addc(out, *p++);
	}
}

/* Keys of the start screen's own, outside the key table (start.c reads them as characters). */
static const struct {
	const char *names;
	enum ui_msg help;
} start_chars[] = {
	{ "/ . Ctrl-F", UI_M_HELP_SEARCH },
	{ "Esc", UI_M_HELP_SEARCH_END },
	{ "f", UI_M_HELP_FILTER },
	{ "d", UI_M_HELP_DISCARD },
};

/* One entry: the key names in their column, the text wrapped beside them. */
static void add_entry(struct ui_body *b, const char *names8, const char *help, int width)
{
	strbuf names = STRBUF_INIT;
	key_names(names8, &names);
	ui_body_add(b, sb_str(&names), width, 2, A_BOLD, -1, -1);
	sb_release(&names);
	int at = b->lines.n - 1;
	ui_lines text = { 0 };
	ui_wrap(help, width - 2 - NAME_COLS, &text);
	if (text.n) {
		/* the first line of the text goes on the name's line */
		size_t nl = wcslen(b->lines.line[at]), tl = wcslen(text.line[0]);
		int pad = NAME_COLS - ui_wcswidth(b->lines.line[at], nl);
		if (pad < 1)
			pad = 1;
		wchar_t *joined = xmalloc((nl + pad + tl + 1) * sizeof *joined);
		wmemcpy(joined, b->lines.line[at], nl);
		for (int p = 0; p < pad; p++)
			joined[nl + p] = L' ';
		wmemcpy(joined + nl + pad, text.line[0], tl + 1);
		free(b->lines.line[at]);
		b->lines.line[at] = joined;
		b->attr[at] = 0;
		for (int t = 1; t < text.n; t++) {
			char *s8 = ui_utf8_from_wcs(text.line[t], wcslen(text.line[t]));
			ui_body_add(b, s8, width, 2 + NAME_COLS, 0, -1, -1);
			free(s8);
		}
	}
	ui_lines_release(&text);
}

/* Build the help text as body lines: section titles, then "NAME  text" wrapped. */
static void build(struct ui_body *b, int width)
{
	enum ui_lang l = ui_lang_get();
	for (int s = 0; s < NSECTIONS; s++) {
		if (s)
			ui_body_add(b, "", width, 0, 0, -1, -1);
		ui_body_add(b, ui_tr(sections[s].title), width, 0, A_BOLD | A_UNDERLINE, -1, -1);
		for (int i = 0; i < ui_nbindings; i++) {
			const struct ui_binding *k = &ui_bindings[i];
			if (section_of(k) != s)
				continue;
			add_entry(b, k->names, k->help[l], width);
		}
		if (sections[s].title == UI_M_HELP_START)
			for (size_t c = 0; c < sizeof start_chars / sizeof start_chars[0]; c++)
				add_entry(b, start_chars[c].names, ui_tr(start_chars[c].help), width);
	}
}

void ui_help_init(struct ui *u)
{
	u->help_top = 0;
	u->screen = UI_SCREEN_HELP;
}

void ui_help_draw(struct ui *u)
{
	struct ui_body b = { .focus_line = -1, .te_line = -1 };
	build(&b, COLS - 1);
	ui_bar(0, ui_tr(UI_M_HELP_TITLE), NULL);
	ui_body_paint(&b, &u->help_top);
	ui_draw_keys(ui_tr(UI_M_ANY_KEY));
	ui_draw_status(u);
	ui_body_release(&b);
}

void ui_help_key(struct ui *u, enum ui_action a, wint_t ch)
{
	int page = UI_BODY_ROWS > 1 ? UI_BODY_ROWS - 1 : 1;
	switch (a) {
	UI_LIST_MOVE_KEYS:
		ui_list_move(a, &u->help_top, page, 1 << 20);
		break;
	default:
		u->screen = u->back;
		return;
	}
	if (u->help_top < 0)
		u->help_top = 0;
}

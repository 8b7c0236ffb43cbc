/* start_draw.c: the start screen drawn — columns as wide as their headers and values allow
 * (under 100 columns the answers, under 80 the id too, go to the line under the list), names
 * and titles cut after a whole word, the saved time local with the zone in the header. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "2026-11-27T03:50:12.345Z" as local time "2026-11-27 09:50". */
static void local_time(const char *iso, char out[32])
{
	struct tm tm = { 0 };
	snprintf(out, 32, "%.16s", iso ? iso : "");
	if (iso && strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm)) {
		time_t t = timegm(&tm);
		struct tm lt;
		if (localtime_r(&t, &lt))
			strftime(out, 32, "%Y-%m-%d %H:%M", &lt);
	} else if (strlen(out) > 10) {
		out[10] = ' ';
	}
}

/* The header of the saved column: "Saved, +06" (the local zone, as strftime names it). */
static void saved_header(char *out, size_t size)
{
	char zone[16] = "";
	time_t now = time(NULL);
	struct tm lt;
	if (localtime_r(&now, &lt))
		strftime(zone, sizeof zone, "%Z", &lt);
	snprintf(out, size, "%s, %s", ui_tr(UI_M_COL_SAVED), zone);
}

/* The name of a row: its instance name, or its short id and where it stands. */
void ui_start_row_name(const session_interview *v, char *out, size_t size)
{
	if (v->instance_name && *v->instance_name)
		snprintf(out, size, "%s", v->instance_name);
	else
		snprintf(out, size, "%.8s%s%s", v->uuid, v->position && *v->position ? "  " : "",
			 v->position ? v->position : "");
}

static const enum ui_msg filter_names[UI_NFILTERS] = {
	UI_M_FILTER_ALL, UI_M_FILTER_DRAFTS, UI_M_FILTER_COMPLETE, UI_M_FILTER_DISCARDED,
	UI_M_FILTER_RETURNED,
};

static enum ui_msg status_name(const session_interview *v)
{
	if (strcmp(v->status, "todo") == 0)   /* an assigned unit not started yet */
		return UI_M_TODO;
	if (strcmp(v->status, "sealed") == 0)   /* seal17 */
		return UI_M_SEALED;
	switch (ui_start_status(v->status)) {
	case UI_FILTER_COMPLETE: return UI_M_COMPLETE;
	case UI_FILTER_DISCARDED: return UI_M_DISCARDED;
	case UI_FILTER_RETURNED: return UI_M_RETURNED;
	default: return UI_M_DRAFT;
	}
}

/* The k-th section (1-based) of the form, -1 if none. */
static int section_node(const form *f, int k)
{
	for (int c = f->nodes[0].first_child; c >= 0; c = f->nodes[c].next_sibling)
		if ((f->nodes[c].type == FORM_GROUP || f->nodes[c].type == FORM_REPEAT) && --k == 0)
			return c;
	return -1;
}

static int max_width(int a, int b)
{
	return a > b ? a : b;
}

/* The column widths: each at least its header's width (a header is never cut); under 100
 * columns the answers, under 80 the id too, are left to the detail line. */
struct start_cols {
	int name, saved, status, section, answers, id;
	int short_time;   /* "12-03 22:11" instead of "2026-12-03 22:11" */
};

static void layout(struct ui *u, struct start_cols *c, const char *saved_head)
{
	int wide = COLS >= 80;
	c->short_time = COLS < 70;
	c->saved = max_width(ui_width(saved_head), c->short_time ? 11 : 16);
	c->status = ui_width(ui_tr(UI_M_COL_STATUS));
	for (int i = 0; i < u->nivs; i++)
		c->status = max_width(c->status, ui_width(ui_tr(status_name(&u->ivs[i]))));
	c->section = max_width(ui_width(ui_tr(UI_M_COL_SECTION)), 5);
	c->answers = COLS >= 100 ? max_width(ui_width(ui_tr(UI_M_COL_ANSWERS)), 4) : 0;
	c->id = wide ? max_width(ui_width(ui_tr(UI_M_COL_ID)), 8) : 0;
	/* a margin of one column on each side, two between columns */
	int fixed = 1 + 2 + (c->saved + 2) + (c->status + 2) + c->section +
		    (c->id ? c->id + 2 : 0) + (c->answers ? c->answers + 2 : 0) + 1;
	c->name = COLS - fixed;
}

/* A row (or the header when v is NULL) at y. */
static void draw_row(struct ui *u, const struct start_cols *c, int y, int i, int attr,
		     const char *saved_head)
{
	const session_interview *v = i >= 0 ? &u->ivs[i] : NULL;
	char name[512], when[32], section[32], answers[16], id[16];
	if (v) {
		ui_start_row_name(v, name, sizeof name);
		local_time(v->modified, when);
		if (c->short_time)
			memmove(when, when + 5, strlen(when + 5) + 1);
		snprintf(section, sizeof section, "%d/%d", u->start_section[i], u->start_nsections);
		snprintf(answers, sizeof answers, "%*d", c->answers, u->start_answers[i]);
		snprintf(id, sizeof id, "%.8s", v->uuid);
	}
	int x = 1;
	ui_put_cut(y, x, v ? name : ui_tr(UI_M_COL_NAME), c->name, attr);
	ui_put(y, x += c->name + 2, v ? when : saved_head, c->saved, attr);
	ui_put(y, x += c->saved + 2, v ? ui_tr(status_name(v)) : ui_tr(UI_M_COL_STATUS), c->status,
	       attr);
	x += c->status + 2;
	if (c->id) {
		ui_put(y, x, v ? id : ui_tr(UI_M_COL_ID), c->id, attr);
		x += c->id + 2;
	}
	if (v)
		ui_put(y, x + c->section - ui_width(section), section, c->section, attr);
	else
		ui_put(y, x, ui_tr(UI_M_COL_SECTION), c->section, attr);
	x += c->section + 2;
	if (c->answers) {
		int w = v ? c->answers : ui_width(ui_tr(UI_M_COL_ANSWERS));
		ui_put(y, x + c->answers - w, v ? answers : ui_tr(UI_M_COL_ANSWERS), w, attr);
	}
}

/* The line under the list: the search being typed, or where the highlighted interview stands
 * (its section's title, questions answered, id). */
static void draw_detail(struct ui *u, int y)
{
	char line[1024];
	if (u->searching || u->search.len) {
		char *q = ui_te_get(&u->search);
		snprintf(line, sizeof line, "%s: ", ui_tr(UI_M_SEARCH));
		int x = 1 + ui_put(y, 1, line, COLS - 2, A_BOLD);
		int cy, cx;
		if (u->searching) {
			ui_te_draw(&u->search, y, x, COLS - 1 - x, 1, &cy, &cx);
			move(cy, cx);
			curs_set(1);
		} else {
			ui_put(y, x, q, COLS - 1 - x, 0);
		}
		free(q);
		return;
	}
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return;
	int i = u->start_hl, k = u->start_section[i];
	int node = section_node(u->f, k);
	int lang = u->lang[0] ? form_find_lang(u->f, u->lang) : -1;
	const char *title = node >= 0 ? form_text(u->f, node, FORM_LABEL, lang) : NULL;
	snprintf(line, sizeof line, ui_tr(UI_M_START_DETAIL), u->ivs[i].uuid, u->start_answers[i],
		 k, u->start_nsections, title ? title : "");
	ui_put_cut(y, 1, line, COLS - 2, 0);
}

void ui_start_draw(struct ui *u)
{
	char title[512], right[256], saved[64];
	snprintf(title, sizeof title, "%s: %s", ui_tr(UI_M_START_TITLE), u->f->title);
	snprintf(right, sizeof right, "[%s]  %s", ui_tr(filter_names[u->start_filter]),
		 u->f->version);
	ui_bar(0, title, right);
	saved_header(saved, sizeof saved);
	struct start_cols c;
	layout(u, &c, saved);
	draw_row(u, &c, 1, -1, A_BOLD, saved);
	int rows = UI_BODY_ROWS - 1;   /* the last body row is the detail line */
	if (u->nivs == 0) {
		ui_lines l = { 0 };
		enum ui_msg empty = u->search.len ? UI_M_SEARCH_EMPTY
				    : u->start_filter == UI_FILTER_ACTIVE ? UI_M_START_EMPTY
				    : UI_M_FILTER_EMPTY;
		ui_wrap(ui_tr(empty), COLS - 4, &l);
		for (int i = 0; i < l.n && i < rows; i++)
			ui_putw(UI_BODY_TOP + 1 + i, 2, l.line[i], COLS - 4, 0);
		ui_lines_release(&l);
	}
	if (u->start_hl < u->start_top)
		u->start_top = u->start_hl;
	if (u->start_hl >= u->start_top + rows)
		u->start_top = u->start_hl - rows + 1;
	for (int r = 0; r < rows && u->start_top + r < u->nivs; r++) {
		int i = u->start_top + r;
		int y = UI_BODY_TOP + r, attr = i == u->start_hl ? A_REVERSE : 0;
		if (attr) {
			attron(A_REVERSE);
			mvhline(y, 0, ' ', COLS);
			attroff(A_REVERSE);
		}
		draw_row(u, &c, y, i, attr, saved);
	}
	ui_draw_message(u);
	ui_draw_keys(ui_tr(u->searching ? UI_M_SEARCH_KEYS : UI_M_START_KEYS));
	ui_draw_status(u);
	draw_detail(u, UI_BODY_TOP + rows);   /* last: it may place the cursor */
}

/* The interview is open in u->e: show its screen (a completed one opens on the review), in
 * the language the interviewer uses now, not the one it was left in. */

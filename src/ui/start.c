/* start.c: the start screen — this questionnaire's interviews in the database, newest saved
 * first, each with its name (the form's instance_name, choice labels in the interview's
 * language), last saved time (local, the zone in the header), status, the section it stands
 * in, questions answered and short id; f filters, / searches by name or id, n starts one,
 * Enter resumes a draft or reopens a completed one (asked first, ask.c) in the language in
 * use now, d discards a draft (asked twice). */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

void ui_start_release(struct ui *u)
{
	store_interviews_free(u->ivs, u->nivs);
	free(u->start_answers);
	free(u->start_section);
	u->ivs = NULL;
	u->start_answers = u->start_section = NULL;
	u->nivs = 0;
}

/* The filter a status belongs to (the statuses present decide which filters f offers). */
static int status_filter(const char *status)
{
	if (strcmp(status, "draft") == 0)
		return UI_FILTER_DRAFTS;
	if (strcmp(status, "complete") == 0)
		return UI_FILTER_COMPLETE;
	if (strcmp(status, "discarded") == 0)
		return UI_FILTER_DISCARDED;
	if (strcmp(status, "returned") == 0)
		return UI_FILTER_RETURNED;
	return UI_FILTER_ACTIVE;
}

static int shown_by_filter(const struct ui *u, const store_interview *v)
{
	int f = status_filter(v->status);
	if (u->start_filter == UI_FILTER_ACTIVE)
		return f != UI_FILTER_DISCARDED;
	return f == u->start_filter;
}

/* Lowercase wide copy of utf8 (Cyrillic too: towlower of a UTF-8 locale). */
static wchar_t *folded(const char *utf8)
{
	wchar_t *w = ui_wcs_from_utf8(utf8, NULL);
	for (wchar_t *p = w; *p; p++)
		*p = (wchar_t)towlower((wint_t)*p);
	return w;
}

/* The search: the row's name or id holds the text typed after /, in any case. */
static int shown_by_search(const struct ui *u, const store_interview *v)
{
	if (u->search.len == 0)
		return 1;
	char *q8 = ui_te_get(&u->search);
	wchar_t *q = folded(q8), *name = folded(v->instance_name ? v->instance_name : ""),
		*id = folded(v->uuid);
	int hit = wcsstr(name, q) || wcsstr(id, q);
	free(q8);
	free(q);
	free(name);
	free(id);
	return hit;
}

/* The node of an answer path ("grp[2]/q" is the node "grp/q"); -1 if none. */
static int node_of(const form *f, const char *path)
{
	char *bare = xstrdup(path), *o = bare;
	for (const char *p = path; *p; p++) {
		if (*p == '[') {
			while (*p && *p != ']')
				p++;
			if (!*p)
				break;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	const char *slash = strrchr(bare, '/');
	int n = form_find(f, slash ? slash + 1 : bare);
	if (n < 0 || strcmp(f->nodes[n].path, bare) != 0)
		for (n = f->nnodes - 1; n >= 0; n--)
			if (strcmp(f->nodes[n].path, bare) == 0)
				break;
	free(bare);
	return n;
}

/* Sections: the form's top-level groups and repeats, in order. The section of a node: the
 * last one starting at or before it (0 before the first). */
static int section_of_node(const form *f, int node, int *nsections)
{
	int k = 0, n = 0;
	for (int c = f->nodes[0].first_child; c >= 0; c = f->nodes[c].next_sibling) {
		if (f->nodes[c].type != FORM_GROUP && f->nodes[c].type != FORM_REPEAT)
			continue;
		n++;
		if (node >= c)
			k = n;
	}
	*nsections = n;
	return k;
}

/* What a row shows besides the list's own columns: questions answered (not metadata, nor
 * calculations) and the section the interview stands in. */
static void row_progress(struct ui *u, int i)
{
	const store_interview *v = &u->ivs[i];
	const form *f = u->f;
	store_answer *a;
	int n, count = 0;
	char err[ERR_MAX];
	if (store_answers(u->o->st, v->uuid, &a, &n, err) == 0) {
		for (int k = 0; k < n; k++) {
			int node = a[k].state == STATE_ANSWERED ? node_of(f, a[k].path) : -1;
			count += node >= 0 && form_type_is_input(f->nodes[node].type);
		}
		store_answers_free(a, n);
	}
	u->start_answers[i] = count;
	int pos = v->position && *v->position ? node_of(f, v->position) : -1;
	int section = section_of_node(f, pos < 0 ? 0 : pos, &u->start_nsections);
	u->start_section[i] = status_filter(v->status) == UI_FILTER_COMPLETE
		? u->start_nsections : section;
}

/* Newest saved first; the same time: the later uuid first (a fixed order). */
static int by_modified(const void *pa, const void *pb)
{
	const store_interview *a = pa, *b = pb;
	int c = strcmp(b->modified ? b->modified : "", a->modified ? a->modified : "");
	return c ? c : strcmp(b->uuid, a->uuid);
}

void ui_start_init(struct ui *u)
{
	char err[ERR_MAX], keep[STORE_UUID_LEN + 1] = "";
	if (u->start_hl >= 0 && u->start_hl < u->nivs)
		snprintf(keep, sizeof keep, "%s", u->ivs[u->start_hl].uuid);
	if (u->e)
		snprintf(keep, sizeof keep, "%s", engine_uuid(u->e));
	ui_start_release(u);
	u->screen = UI_SCREEN_START;
	u->reopened = 0;
	store_interview *all;
	int n;
	if (store_interviews(u->o->st, &all, &n, err)) {
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	/* this form's interviews under the filter and the search; the others are freed */
	u->ivs = xcalloc(n ? n : 1, sizeof *u->ivs);
	u->start_present = 0;
	for (int i = 0; i < n; i++) {
		int mine = strcmp(all[i].form_id, u->f->id) == 0 && all[i].status;
		if (mine)
			u->start_present |= 1u << status_filter(all[i].status);
		if (mine && shown_by_filter(u, &all[i]) && shown_by_search(u, &all[i]))
			u->ivs[u->nivs++] = all[i];
		else
			store_interview_release(&all[i]);
	}
	free(all);
	qsort(u->ivs, (size_t)u->nivs, sizeof *u->ivs, by_modified);
	u->start_answers = xcalloc(u->nivs ? u->nivs : 1, sizeof *u->start_answers);
	u->start_section = xcalloc(u->nivs ? u->nivs : 1, sizeof *u->start_section);
	section_of_node(u->f, 0, &u->start_nsections);
	for (int i = 0; i < u->nivs; i++)
		row_progress(u, i);
	u->start_hl = 0;
	for (int i = 0; i < u->nivs; i++)
		if (strcmp(u->ivs[i].uuid, keep) == 0)
			u->start_hl = i;
}

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
static void row_name(const store_interview *v, char *out, size_t size)
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

static enum ui_msg status_name(const store_interview *v)
{
	switch (status_filter(v->status)) {
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
	const store_interview *v = i >= 0 ? &u->ivs[i] : NULL;
	char name[512], when[32], section[32], answers[16], id[16];
	if (v) {
		row_name(v, name, sizeof name);
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
static void opened(struct ui *u, int review)
{
	char err[ERR_MAX];
	int now = u->lang[0] ? form_find_lang(u->f, u->lang) : -1;
	if (now >= 0 && now != engine_lang(u->e) && engine_set_lang(u->e, u->lang, err))
		ui_message(u, 1, "%s", err);
	int l = engine_lang(u->e);
	if (l >= 0) {
		const form_lang *fl = &u->f->langs[l];
		snprintf(u->lang, sizeof u->lang, "%s", fl->code ? fl->code : fl->name);
		ui_follow_lang(u->lang);
	}
	u->saved = 0;
	ui_start_release(u);
	ui_question_init(u);
	if (review)
		ui_review_init(u);
}

static void start_new(struct ui *u)
{
	char err[ERR_MAX];
	engine_new how = { 0 };
	how.interviewer = u->interviewer[0] ? u->interviewer : NULL;
	how.lang = u->lang[0] ? u->lang : NULL;
	how.source_path = u->o->form_path;
	int rc = engine_start(u->o->st, u->f, &how, &u->e, err);
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 0);
}

/* Ask about the highlighted row: remember which interview the question is about. */
static const store_interview *ask_about(struct ui *u, enum ui_ask what)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return NULL;
	const store_interview *v = &u->ivs[u->start_hl];
	snprintf(u->ask_uuid, sizeof u->ask_uuid, "%s", v->uuid);
	row_name(v, u->ask_name, sizeof u->ask_name);
	u->ask = what;
	return v;
}

static void open_highlighted(struct ui *u)
{
	if (u->start_hl < 0 || u->start_hl >= u->nivs)
		return;
	const store_interview *v = &u->ivs[u->start_hl];
	if (strcmp(v->status, "discarded") == 0) {
		ui_message(u, 1, "%s", ui_tr(UI_M_DISCARDED_CLOSED));
		return;
	}
	if (strcmp(v->status, "complete") == 0) {   /* nothing changes before it is confirmed */
		ask_about(u, UI_ASK_REOPEN);
		return;
	}
	char err[ERR_MAX];
	int rc = engine_resume(u->o->st, u->f, v->uuid, 0, &u->e, err);
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 0);
}

void ui_start_reopen(struct ui *u, const char *reason)
{
	char err[ERR_MAX];
	int rc = engine_resume(u->o->st, u->f, u->ask_uuid, 0, &u->e, err);
	if (rc == 0 && (rc = engine_reopen(u->e, reason, err)) != 0) {
		engine_free(u->e);
		u->e = NULL;
	}
	if (rc) {
		u->e = NULL;
		ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_ERROR), err);
		return;
	}
	opened(u, 1);
	u->reopened = 1;
	ui_message(u, 0, "%s", ui_tr(UI_M_REOPENED));
}

void ui_start_discard(struct ui *u)
{
	char err[ERR_MAX];
	store_iv *iv;
	int rc = store_iv_resume(u->o->st, u->ask_uuid, &iv, err);
	if (rc == 0) {
		rc = store_iv_discard(iv, "interviewer", err);
		store_iv_close(iv);
	}
	ui_start_init(u);
	if (rc)
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
	else
		ui_message(u, 0, ui_tr(UI_M_DISCARD_DONE), u->ask_name);
}

/* F2 before an interview: the next language of the form, for the UI and new interviews; kept
 * as the laptop's choice (`survey list` and the next run use it). */
void ui_next_lang(struct ui *u)
{
	const form *f = u->f;
	char err[ERR_MAX];
	if (f->nlangs == 0) {
		ui_lang_set((ui_lang_get() + 1) % UI_NLANGS);
		if (store_setting_set(u->o->st, STORE_SET_LANG, ui_lang_code(ui_lang_get()), err))
			ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	int cur = form_find_lang(f, u->lang);
	int next = (cur + 1) % f->nlangs;
	snprintf(u->lang, sizeof u->lang, "%s", f->langs[next].code ? f->langs[next].code
		 : f->langs[next].name);
	ui_follow_lang(u->lang);
	if (store_setting_set(u->o->st, STORE_SET_LANG, u->lang, err))
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
}

/* f: the next filter, skipping those of a status no interview has (returned). */
static void next_filter(struct ui *u)
{
	int f = u->start_filter;
	do
		f = (f + 1) % UI_NFILTERS;
	while (f == UI_FILTER_RETURNED && !(u->start_present & (1u << f)));
	u->start_filter = f;
	ui_start_init(u);
}

int ui_start_ctx(struct ui *u)
{
	return u->searching ? UI_CTX_START | UI_CTX_TEXT : UI_CTX_START;
}

static void search_start(struct ui *u)
{
	if (!u->search.buf)
		ui_te_init(&u->search, 100);
	u->searching = 1;
}

/* Esc: the search ends and is cleared. */
static void search_clear(struct ui *u)
{
	u->searching = 0;
	if (u->search.buf) {
		ui_te_set(&u->search, NULL);
		ui_start_init(u);
	}
}

void ui_start_char(struct ui *u, wint_t ch)
{
	u->msg[0] = '\0';
	if (ch == 27) {
		search_clear(u);
	} else if (u->searching) {
		return;
	} else if (ch == L'/' || ch == L'.' || ch == 6) {
		search_start(u);
	} else if (ch == L'd' || ch == L'D' || ch == L'в' || ch == L'В') {
		if (u->start_hl < 0 || u->start_hl >= u->nivs)
			return;
		if (strcmp(u->ivs[u->start_hl].status, "draft") != 0)
			ui_message(u, 1, "%s", ui_tr(UI_M_DISCARD_ONLY_DRAFT));
		else
			ask_about(u, UI_ASK_DISCARD);
	} else if (ch == L'f' || ch == L'F' || ch == L'а' || ch == L'А') {
		next_filter(u);
	}
}

/* A key while typing the search: the list follows every change. */
static int search_key(struct ui *u, enum ui_action a, wint_t ch)
{
	if (!u->searching)
		return 0;
	if (a == UI_A_CHAR) {
		ui_te_insert(&u->search, (wchar_t)ch);
	} else if (a == UI_A_PASTE) {
		for (size_t i = 0; i < u->npaste; i++)
			ui_te_insert(&u->search, u->paste[i] == L'\n' ? L' ' : u->paste[i]);
	} else if (a != UI_A_HOME && a != UI_A_END && ui_te_action(&u->search, a)) {
		;
	} else {
		return 0;
	}
	u->start_hl = 0;
	ui_start_init(u);
	return 1;
}

void ui_start_key(struct ui *u, enum ui_action a, wint_t ch)
{
	int page = UI_BODY_ROWS > 2 ? UI_BODY_ROWS - 2 : 1;
	u->msg[0] = '\0';
	if (search_key(u, a, ch))
		return;
	switch (a) {
	case UI_A_UP: u->start_hl--; break;
	case UI_A_DOWN: u->start_hl++; break;
	case UI_A_PAGE_UP: u->start_hl -= page; break;
	case UI_A_PAGE_DOWN: u->start_hl += page; break;
	case UI_A_HOME: u->start_hl = 0; break;
	case UI_A_END: u->start_hl = u->nivs - 1; break;
	case UI_A_NEW: start_new(u); return;
	case UI_A_OPEN: u->searching = 0; open_highlighted(u); return;
	case UI_A_LANG: ui_next_lang(u); return;
	case UI_A_QUIT:
	case UI_A_LEAVE: u->quit = 1; return;
	default: return;
	}
	if (u->start_hl >= u->nivs)
		u->start_hl = u->nivs - 1;
	if (u->start_hl < 0)
		u->start_hl = 0;
}

/* start_list.c: the start screen's list — this questionnaire's interviews in the database under
 * the filter and the search, newest saved first, each with the questions answered (not the
 * metadata, nor calculations) and the section it stands in. */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

void ui_start_release(struct ui *u)
{
	session_interviews_free(u->ivs, u->nivs);
	session_units_free(u->units, u->nunits);
	u->units = NULL;
	u->nunits = 0;
	free(u->start_answers);
	free(u->start_section);
	u->ivs = NULL;
	u->start_answers = u->start_section = NULL;
	u->nivs = 0;
}

int ui_start_status(const char *status)
{
	if (strcmp(status, "draft") == 0)
		return UI_FILTER_DRAFTS;
	if (strcmp(status, "complete") == 0 || strcmp(status, "sealed") == 0)
		return UI_FILTER_COMPLETE;
	if (strcmp(status, "discarded") == 0)
		return UI_FILTER_DISCARDED;
	if (strcmp(status, "returned") == 0)
		return UI_FILTER_RETURNED;
	return UI_FILTER_ACTIVE;
}

static int shown_by_filter(const struct ui *u, const session_interview *v)
{
	int f = ui_start_status(v->status);
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
static int shown_by_search(const struct ui *u, const session_interview *v)
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
	const session_interview *v = &u->ivs[i];
	const form *f = u->f;
	session_answer *a;
	int n, count = 0;
	char err[ERR_MAX];
	if (session_answers(u->o->st, v->uuid, &a, &n, err) == 0) {
		for (int k = 0; k < n; k++) {
			int node = a[k].state == STATE_ANSWERED ? node_of(f, a[k].path) : -1;
			count += node >= 0 && form_type_is_input(f->nodes[node].type);
		}
		session_answers_free(a, n);
	}
	u->start_answers[i] = count;
	int pos = v->position && *v->position ? node_of(f, v->position) : -1;
	int section = section_of_node(f, pos < 0 ? 0 : pos, &u->start_nsections);
	u->start_section[i] = ui_start_status(v->status) == UI_FILTER_COMPLETE
		? u->start_nsections : section;
}

const session_unit *ui_start_unit(const struct ui *u, const char *uuid)
{
	for (int i = 0; i < u->nunits; i++)
		if (strcmp(u->units[i].uuid, uuid) == 0)
			return &u->units[i];
	return NULL;
}

/* A unit's name on the start screen: its id, its text values, then the labels of its choices
 * in the language in use ("CH-01  Лебединовка айыл өкмөтү — Chuy Oblast, Alamudun District"). */
static char *unit_name(struct ui *u, const session_unit *un)
{
	char err[ERR_MAX], **names, **values;
	int n;
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, un->unit_id);
	if (session_unit_values(u->o->st, un->uuid, &names, &values, &n, err))
		return sb_detach(&sb);
	int lang = u->lang[0] ? form_find_lang(u->f, u->lang) : -1;
	const char *sep = "  ";
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < n; k++) {
			int node = form_find(u->f, names[k]);
			if (node < 0 || !*values[k])
				continue;
			const form_node *nd = &u->f->nodes[node];
			const form_list *fl = form_node_list(u->f, node);
			const form_choice *c = nd->type == FORM_SELECT_ONE && fl ?
				form_list_choice(u->f, nd->list, values[k]) : NULL;
			const char *label = c ? form_choice_label(u->f, c, lang) : NULL;
			if (pass == 0 && nd->type == FORM_TEXT)
				sb_addf(&sb, "%s%s", sep, values[k]);
			else if (pass == 1 && label)
				sb_addf(&sb, "%s%s", sep, label);
			else
				continue;
			sep = ", ";
		}
		sep = " — ";
	}
	session_strings_free(names, n);
	session_strings_free(values, n);
	return sb_detach(&sb);
}

/* The assigned units (fieldwork, issue 15): a unit sent back marks its interview "returned";
 * one with no interview yet is a row of its own, "todo", named by its unit id and frame. */
static void add_units(struct ui *u, session_interview **all, int *n)
{
	char err[ERR_MAX];
	if (session_units(u->o->st, u->f->id, NULL, &u->units, &u->nunits, err))
		return;   /* a file without fieldwork lists its interviews as before */
	for (int k = 0; k < u->nunits; k++) {
		const session_unit *un = &u->units[k];
		int found = -1;
		for (int i = 0; i < *n && found < 0; i++)
			if (strcmp((*all)[i].uuid, un->uuid) == 0)
				found = i;
		if (found >= 0 && un->state == UNIT_RETURNED) {
			free((*all)[found].status);
			(*all)[found].status = xstrdup("returned");
		}
		if (found >= 0 || un->state != UNIT_TODO)
			continue;
		*all = xreallocarray(*all, (size_t)*n + 1, sizeof **all);
		session_interview *v = &(*all)[(*n)++];
		memset(v, 0, sizeof *v);
		snprintf(v->uuid, sizeof v->uuid, "%s", un->uuid);
		v->form_id = xstrdup(u->f->id);
		v->status = xstrdup("todo");
		v->instance_name = unit_name(u, un);
	}
}

/* Newest saved first; the same time: the later uuid first (a fixed order). */
static int by_modified(const void *pa, const void *pb)
{
	const session_interview *a = pa, *b = pb;
	int c = strcmp(b->modified ? b->modified : "", a->modified ? a->modified : "");
	if (!c && !a->modified && !b->modified && a->instance_name && b->instance_name)
		c = strcmp(a->instance_name, b->instance_name);   /* units to do: by unit id */
	return c ? c : strcmp(b->uuid, a->uuid);
}

void ui_start_init(struct ui *u)
{
	char err[ERR_MAX], keep[SESSION_UUID_LEN + 1] = "";
	if (u->start_hl >= 0 && u->start_hl < u->nivs)
		snprintf(keep, sizeof keep, "%s", u->ivs[u->start_hl].uuid);
	if (u->e)
		snprintf(keep, sizeof keep, "%s", engine_uuid(u->e));
	ui_start_release(u);
	u->screen = UI_SCREEN_START;
	u->reopened = 0;
	session_interview *all;
	int n;
	if (session_interviews(u->o->st, &all, &n, err) ||
	    session_sealed_interviews(u->o->st, &all, &n, err)) {   /* seal17: sealed ones too */
		ui_message(u, 1, ui_tr(UI_M_ERROR), err);
		return;
	}
	add_units(u, &all, &n);
	/* this form's interviews under the filter and the search; the others are freed */
	u->ivs = xcalloc(n ? n : 1, sizeof *u->ivs);
	u->start_present = 0;
	for (int i = 0; i < n; i++) {
		int mine = strcmp(all[i].form_id, u->f->id) == 0 && all[i].status;
		if (mine)
			u->start_present |= 1u << ui_start_status(all[i].status);
		if (mine && shown_by_filter(u, &all[i]) && shown_by_search(u, &all[i]))
			u->ivs[u->nivs++] = all[i];
		else
			session_interview_release(&all[i]);
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

/* nav.c: the cursor — which screen comes next or before, honouring relevance, field-list
 * groups, repeat instances and the add-another screens of open repeats; jumps by path; the
 * screen the UI reads. */
#include "interview/engine_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_cursor(engine *e, enum cursor_kind k, const iv_pos *p)
{
	e->ck = k;
	if (p)
		e->cur = *p;
	else
		memset(&e->cur, 0, sizeof e->cur);
}

/* p with node x: a child or sibling in the same instances. */
static iv_pos at_node(const engine *e, const iv_pos *p, int x)
{
	iv_pos q = *p;
	q.node = x;
	q.ninst = e->nrep[x];
	return q;
}

static int is_open_repeat(const engine *e, int n)
{
	return e->f->nodes[n].type == FORM_REPEAT && !e->f->nodes[n].x[FORM_X_REPEAT_COUNT];
}

/* Visible relevant questions and notes of a field-list group at gp; calls fn for each when
 * fn is not NULL. Returns how many. */
static int group_items(engine *e, const iv_pos *gp, void (*fn)(engine *, const iv_pos *))
{
	int n = 0, end = e->f->nodes[gp->node].end;
	for (int x = gp->node + 1; x < end; x++) {
		if (!e->visible[x])
			continue;
		iv_pos q = at_node(e, gp, x);
		if (!iv_relevant(e, &q))
			continue;
		n++;
		if (fn)
			fn(e, &q);
	}
	return n;
}

static int enter_fwd(engine *e, const iv_pos *p);
static int enter_bwd(engine *e, const iv_pos *p);

static int instance_fwd(engine *e, const iv_pos *inst)
{
	for (int c = e->f->nodes[inst->node].first_child; c >= 0; c = e->f->nodes[c].next_sibling) {
		iv_pos q = at_node(e, inst, c);
		if (enter_fwd(e, &q))
			return 1;
	}
	return 0;
}

static int instance_bwd(engine *e, const iv_pos *inst)
{
	const form *f = e->f;
	int c = f->nodes[inst->node].first_child;
	if (c < 0)
		return 0;
	while (f->nodes[c].next_sibling >= 0)
		c = f->nodes[c].next_sibling;
	for (; c >= 0; c = e->prev_sibling[c]) {
		iv_pos q = at_node(e, inst, c);
		if (enter_bwd(e, &q))
			return 1;
	}
	return 0;
}

static iv_pos instance_of(const iv_pos *whole, int k)
{
	iv_pos i = *whole;
	i.inst[i.ninst++] = k;
	return i;
}

/* Enter node p (a repeat: as a whole) going forward (back: backward): set the cursor on its
 * first (back: last) screen. 0 when it shows none. */
static int enter(engine *e, const iv_pos *p, int back)
{
	const form_node *nd = &e->f->nodes[p->node];
	if (!iv_own_relevant(e, p))
		return 0;
	if (e->visible[p->node]) {
		set_cursor(e, CUR_QUESTION, p);
		return 1;
	}
	if (nd->type == FORM_GROUP) {
		if (e->fieldlist[p->node] == p->node) {
			if (!group_items(e, p, NULL))
				return 0;
			set_cursor(e, CUR_GROUP, p);
			return 1;
		}
		return back ? instance_bwd(e, p) : instance_fwd(e, p);
	}
	if (nd->type != FORM_REPEAT || p->ninst >= ENGINE_NEST_MAX)
		return 0;
	if (back && is_open_repeat(e, p->node)) {   /* the "add another" screen comes last */
		set_cursor(e, CUR_ADD, p);
		return 1;
	}
	int n = iv_count(e, p);
	for (int j = 1; j <= n; j++) {
		iv_pos i = instance_of(p, back ? n + 1 - j : j);
		if (back ? instance_bwd(e, &i) : instance_fwd(e, &i))
			return 1;
	}
	if (!back && is_open_repeat(e, p->node)) {
		set_cursor(e, CUR_ADD, p);
		return 1;
	}
	return 0;
}

static int enter_fwd(engine *e, const iv_pos *p)
{
	return enter(e, p, 0);
}

static int enter_bwd(engine *e, const iv_pos *p)
{
	return enter(e, p, 1);
}

/* The first screen after node p's subtree; END at the end of the form. */
static void after(engine *e, iv_pos p)
{
	const form *f = e->f;
	for (;;) {
		for (int s = f->nodes[p.node].next_sibling; s >= 0; s = f->nodes[s].next_sibling) {
			iv_pos q = at_node(e, &p, s);
			if (enter_fwd(e, &q))
				return;
		}
		int par = f->nodes[p.node].parent;
		if (par <= 0) {
			set_cursor(e, CUR_END, NULL);
			return;
		}
		iv_pos up = at_node(e, &p, par);
		if (f->nodes[par].type == FORM_REPEAT) {
			int k = p.inst[e->nrep[par]];
			int n = iv_count(e, &up);
			for (int j = k + 1; j <= n; j++) {
				iv_pos i = instance_of(&up, j);
				if (instance_fwd(e, &i))
					return;
			}
			if (is_open_repeat(e, par)) {
				set_cursor(e, CUR_ADD, &up);
				return;
			}
		}
		p = up;
	}
}

/* The last screen before node p; 0 when p is at the start of the form. */
static int before(engine *e, iv_pos p)
{
	const form *f = e->f;
	for (;;) {
		for (int s = e->prev_sibling[p.node]; s >= 0; s = e->prev_sibling[s]) {
			iv_pos q = at_node(e, &p, s);
			if (enter_bwd(e, &q))
				return 1;
		}
		int par = f->nodes[p.node].parent;
		if (par <= 0)
			return 0;
		iv_pos up = at_node(e, &p, par);
		if (f->nodes[par].type == FORM_REPEAT) {
			for (int j = p.inst[e->nrep[par]] - 1; j >= 1; j--) {
				iv_pos i = instance_of(&up, j);
				if (instance_bwd(e, &i))
					return 1;
			}
		}
		p = up;
	}
}

int nav_first(engine *e, char *err)
{
	iv_pos root;
	memset(&root, 0, sizeof root);
	if (!instance_fwd(e, &root))
		set_cursor(e, CUR_END, NULL);
	return 0;
}

/* Move forward without checks. */
void nav_step_fwd(engine *e)
{
	switch (e->ck) {
	case CUR_QUESTION:
	case CUR_GROUP:
	case CUR_ADD:
		after(e, e->cur);
		break;
	case CUR_END:
		break;
	}
}

/* Move backward; 0 when there is nothing before. */
int nav_step_bwd(engine *e)
{
	enum cursor_kind k = e->ck;
	iv_pos c = e->cur;
	if (k == CUR_END) {
		iv_pos root;
		memset(&root, 0, sizeof root);
		return instance_bwd(e, &root);
	}
	if (k == CUR_ADD) {
		for (int j = iv_count(e, &c); j >= 1; j--) {
			iv_pos i = instance_of(&c, j);
			if (instance_bwd(e, &i))
				return 1;
		}
	}
	if (before(e, c))
		return 1;
	e->ck = k;
	e->cur = c;
	return 0;
}

void nav_forward_from(engine *e, const iv_pos *pos)
{
	after(e, *pos);
}

int nav_valid(engine *e)
{
	switch (e->ck) {
	case CUR_QUESTION:
		return iv_relevant(e, &e->cur);
	case CUR_GROUP:
		return iv_relevant(e, &e->cur) && group_items(e, &e->cur, NULL) > 0;
	case CUR_ADD:
		return iv_relevant(e, &e->cur);
	case CUR_END:
		return 1;
	}
	return 0;
}

static int same_cursor(const engine *e, enum cursor_kind k, const iv_pos *p)
{
	if (e->ck != k)
		return 0;
	if (k == CUR_END)
		return 1;
	return e->cur.node == p->node && e->cur.ninst == p->ninst &&
	       memcmp(e->cur.inst, p->inst, sizeof(int) * (size_t)p->ninst) == 0;
}

void engine_progress(engine *e, int *index, int *total)
{
	enum cursor_kind k = e->ck;
	iv_pos c = e->cur;
	int n = 0, at = -1;
	char err[ERR_MAX];
	nav_first(e, err);
	for (int guard = 0; guard < 1000000; guard++) {
		if (e->ck == CUR_QUESTION || e->ck == CUR_GROUP)
			n++;
		if (at < 0 && same_cursor(e, k, &c))
			at = n;
		if (e->ck == CUR_END)
			break;
		nav_step_fwd(e);
	}
	e->ck = k;
	e->cur = c;
	*index = at < 0 ? n : (at == 0 ? 1 : at);
	*total = n;
}

int nav_set(engine *e, const char *path, char *msg)
{
	const form *f = e->f;
	if (strcmp(path, ENGINE_END_PATH) == 0) {
		set_cursor(e, CUR_END, NULL);
		return 0;
	}
	size_t len = strlen(path), sl = strlen(ENGINE_ADD_SUFFIX);
	iv_pos p;
	if (len > sl && strcmp(path + len - sl, ENGINE_ADD_SUFFIX) == 0) {
		char *r = xstrndup(path, len - sl);
		int bad = iv_parse(e, r, &p);
		free(r);
		if (bad || !is_open_repeat(e, p.node) || p.ninst != e->nrep[p.node])
			goto none;
		if (!iv_relevant(e, &p))
			goto irrelevant;
		set_cursor(e, CUR_ADD, &p);
		return 0;
	}
	if (iv_parse(e, path, &p))
		goto none;
	const form_node *nd = &f->nodes[p.node];
	if (nd->type == FORM_REPEAT && p.ninst == e->nrep[p.node])
		goto none;
	if (!iv_relevant(e, &p))
		goto irrelevant;
	int g = e->fieldlist[p.node];
	if (g >= 0) {
		iv_pos gp;
		iv_ancestor(e, &p, g, &gp);
		if (!e->visible[p.node] && p.node != g)
			goto none;
		if (!group_items(e, &gp, NULL))
			goto irrelevant;
		set_cursor(e, CUR_GROUP, &gp);
		return 0;
	}
	if (e->visible[p.node]) {
		set_cursor(e, CUR_QUESTION, &p);
		return 0;
	}
	if (nd->type == FORM_GROUP || nd->type == FORM_REPEAT) {
		enum cursor_kind k = e->ck;
		iv_pos c = e->cur;
		if (instance_fwd(e, &p))
			return 0;
		e->ck = k;
		e->cur = c;
		goto irrelevant;
	}
none:
	snprintf(msg, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NO_QUESTION));
	return ENGINE_REJECTED;
irrelevant:
	snprintf(msg, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NOT_RELEVANT));
	return ENGINE_REJECTED;
}

static void add_item(engine *e, const iv_pos *q)
{
	if (e->nitems == e->capitems) {
		e->capitems = e->capitems ? 2 * e->capitems : 8;
		e->items = xreallocarray(e->items, (size_t)e->capitems, sizeof *e->items);
		e->item_paths = xreallocarray(e->item_paths, (size_t)e->capitems, sizeof(char *));
	}
	int i = e->nitems++;
	e->item_paths[i] = iv_path(e, q);
	e->items[i].node = q->node;
	e->items[i].path = e->item_paths[i];
	e->items[i].required = iv_required(e, q);
	e->items[i].read_only = iv_read_only(e, q);
}

void nav_build(engine *e)
{
	for (int i = 0; i < e->nitems; i++)
		free(e->item_paths[i]);
	e->nitems = 0;
	free(e->screen_path);
	e->screen_path = NULL;
	engine_screen *s = &e->screen;
	memset(s, 0, sizeof *s);
	s->node = e->ck == CUR_END ? -1 : e->cur.node;
	switch (e->ck) {
	case CUR_QUESTION:
		s->kind = ENGINE_QUESTION;
		add_item(e, &e->cur);
		e->screen_path = xstrdup(e->item_paths[0]);
		break;
	case CUR_GROUP:
		s->kind = ENGINE_FIELD_LIST;
		group_items(e, &e->cur, add_item);
		e->screen_path = iv_path(e, &e->cur);
		break;
	case CUR_ADD: {
		s->kind = ENGINE_ADD_REPEAT;
		s->instances = iv_count(e, &e->cur);
		char *r = iv_path(e, &e->cur);
		e->screen_path = xasprintf("%s%s", r, ENGINE_ADD_SUFFIX);
		free(r);
		break;
	}
	case CUR_END:
		s->kind = ENGINE_END;
		e->screen_path = xstrdup(ENGINE_END_PATH);
		break;
	}
	s->path = e->screen_path;
	s->nitems = e->nitems;
	s->items = e->items;
}

const char *iv_lang_code(const engine *e)
{
	if (e->lang < 0)
		return NULL;
	const form_lang *l = &e->f->langs[e->lang];
	return l->code ? l->code : l->name;
}

int iv_save_position(engine *e, char *err)
{
	char *name = iv_instance_name(e);
	int rc = store_iv_set_position(e->iv, e->screen_path, iv_lang_code(e), name, err);
	free(name);
	return rc;
}

int nav_moved(engine *e, char *err)
{
	if (e->no_move_log)
		return 0;
	if (iv_save_position(e, err) ||
	    store_iv_event(e->iv, "moved", e->screen_path, NULL, err))
		return -1;
	return 0;
}

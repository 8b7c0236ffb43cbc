/* eval.c: expressions evaluated in a position of the interview — ${name} resolved relative to
 * the current repeat instance (a nodeset when seen from outside the repeat), '.', position(..),
 * indexed-repeat(), ${last-saved#q}, the seed of random(), jr:choice-name, choice_filter
 * columns — and the relevance, required and read-only rules. */
#include "interview/engine_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *iv_lookup_value(engine *e, const iv_pos *pos)
{
	iv_entry *en = iv_find(e, pos);
	if (!en || !en->stored || en->state != STATE_ANSWERED || !en->value)
		return "";
	return en->value;
}

/* Push the values of node t for every instance of the repeats in treps[from..nt). */
static void push_values(engine *e, int t, const int *treps, int nt, iv_pos *p, int whole,
			expr_nodes *out)
{
	if (p->ninst == nt) {
		p->node = t;
		if (whole) {   /* ${repeat}: one (empty) item per instance, so count() works */
			int n = iv_count(e, p);
			for (int k = 0; k < n; k++)
				expr_nodes_push(out, "");
		} else {
			expr_nodes_push(out, iv_lookup_value(e, p));
		}
		return;
	}
	iv_pos r = *p;
	r.node = treps[p->ninst];
	int n = iv_count(e, &r);
	for (int k = 1; k <= n; k++) {
		p->inst[p->ninst++] = k;
		push_values(e, t, treps, nt, p, whole, out);
		p->ninst--;
	}
}

static int cb_lookup(void *user, const char *name, expr_nodes *out)
{
	iv_ctx *c = user;
	engine *e = c->e;
	const form *f = e->f;
	if (name[0] == FORM_CHOICE_COLUMN_PREFIX) {
		const char *v = c->choice ? form_choice_column(f, c->choice, name + 1, e->lang) : NULL;
		expr_nodes_push(out, v ? v : "");
		return 0;
	}
	int t = form_find_near(f, name, c->pos.node);   /* ../x in a loop: the x beside it */
	if (t < 0)
		return -1;
	int creps[ENGINE_NEST_MAX + 1], treps[ENGINE_NEST_MAX + 1];
	int nc = iv_repeats(e, c->pos.node, creps);
	if (nc > c->pos.ninst)
		nc = c->pos.ninst;
	int nt = iv_repeats(e, t, treps);
	int whole = f->nodes[t].type == FORM_REPEAT;
	if (whole)
		nt--;
	int j = 0;
	while (j < nc && j < nt && creps[j] == treps[j])
		j++;
	iv_pos p;
	memset(&p, 0, sizeof p);
	memcpy(p.inst, c->pos.inst, sizeof p.inst);
	p.ninst = j;
	if (form_type_is_container(f->nodes[t].type) && !whole) {
		expr_nodes_push(out, "");
		return 0;
	}
	if (c->labels && nt == j && f->nodes[t].type == FORM_SELECT_ONE && f->nodes[t].list >= 0) {
		p.node = t;
		const char *v = iv_lookup_value(e, &p);
		const form_choice *ch = *v ? form_list_choice(f, f->nodes[t].list, v) : NULL;
		const char *l = ch ? form_choice_label(f, ch, e->lang) : NULL;
		expr_nodes_push(out, l ? l : v);
		return 0;
	}
	push_values(e, t, treps, nt, &p, whole, out);
	return 0;
}

/* indexed-repeat(): question `name` in the instances named of the repeats around it; the
 * levels not named are the current position's where it shares them, else all instances. */
static int cb_indexed(void *user, const char *name, int nrep, const char *const *reps,
		      const int *idx, expr_nodes *out)
{
	iv_ctx *c = user;
	engine *e = c->e;
	const form *f = e->f;
	int t = form_find(f, name);
	if (t < 0 || form_type_is_container(f->nodes[t].type))
		return -1;
	int treps[ENGINE_NEST_MAX + 1], creps[ENGINE_NEST_MAX + 1];
	int given[ENGINE_NEST_MAX + 1] = { 0 };
	int nt = iv_repeats(e, t, treps);
	for (int k = 0; k < nrep; k++) {
		int r = form_find(f, reps[k]), l = 0;
		while (l < nt && treps[l] != r)
			l++;
		if (r < 0 || l == nt)
			return -1;
		given[l] = idx[k] > 0 ? idx[k] : -1;
	}
	int nc = iv_repeats(e, c->pos.node, creps);
	if (nc > c->pos.ninst)
		nc = c->pos.ninst;
	iv_pos p;
	memset(&p, 0, sizeof p);
	int shared = 1;
	for (p.ninst = 0; p.ninst < nt; p.ninst++) {
		int l = p.ninst, k;
		shared = shared && l < nc && creps[l] == treps[l];
		if (given[l] < 0)
			return 0;   /* instance 0 or none: no value */
		if (given[l])
			k = given[l];
		else if (shared)
			k = c->pos.inst[l];
		else
			break;
		iv_pos r = p;
		r.node = treps[l];
		if (k > iv_count(e, &r))
			return 0;
		p.inst[l] = k;
		shared = shared && k == c->pos.inst[l];   /* deeper levels: still ours? */
	}
	push_values(e, t, treps, nt, &p, 0, out);
	return 0;
}

/* ${last-saved#name}: name's answer, at the same place (repeat instances shared with the
 * position), in the interview of this form saved last in the database; "" when none. */
static int cb_last_saved(void *user, const char *name, expr_nodes *out)
{
	iv_ctx *c = user;
	engine *e = c->e;
	int t = form_find(e->f, name);
	if (t < 0)
		return -1;
	char err[ERR_MAX], *v = NULL;
	if (!e->last_saved_known) {
		e->last_saved_known = 1;
		if (store_last_saved(e->st, e->f->id, e->uuid, e->last_saved, err))
			e->last_saved[0] = '\0';   /* unreadable: as if there were none */
	}
	int treps[ENGINE_NEST_MAX + 1], creps[ENGINE_NEST_MAX + 1];
	int nt = iv_repeats(e, t, treps), nc = iv_repeats(e, c->pos.node, creps);
	if (nc > c->pos.ninst)
		nc = c->pos.ninst;
	int j = 0;
	while (j < nc && j < nt && creps[j] == treps[j])
		j++;
	if (e->last_saved[0] && j == nt && !form_type_is_container(e->f->nodes[t].type)) {
		iv_pos p = c->pos;
		p.node = t;
		p.ninst = nt;
		char *path = iv_path(e, &p);
		if (store_answer_value(e->st, e->last_saved, path, &v, err))
			v = NULL;
		free(path);
	}
	expr_nodes_push(out, v ? v : "");
	free(v);
	return 0;
}

/* The seed of random() and uuid() at pos: the interview's UUID and the position, so that a
 * value stays the same when recomputed, differs between questions, instances and interviews,
 * and `simulate --seed` (whose UUIDs are seeded) gives the same values again. */
unsigned long long iv_position_seed(const engine *e, const iv_pos *pos)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	for (const char *p = e->uuid; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	h = (h ^ (unsigned long long)pos->node) * 0x100000001b3ULL;
	for (int i = 0; i < pos->ninst; i++)
		h = (h ^ (unsigned long long)pos->inst[i]) * 0x100000001b3ULL;
	return h;
}

static const char *cb_current(void *user)
{
	iv_ctx *c = user;
	if (c->dot)
		return c->dot;
	iv_entry *en = iv_find(c->e, &c->pos);
	return en && en->value && en->stored && en->state == STATE_ANSWERED ? en->value : "";
}

static int cb_position(void *user)
{
	iv_ctx *c = user;
	return c->pos.ninst > 0 ? c->pos.inst[c->pos.ninst - 1] : 1;
}

static const char *cb_choice_label(void *user, const char *qname, const char *value)
{
	iv_ctx *c = user;
	const form *f = c->e->f;
	int t = form_find(f, qname);
	if (t < 0 || f->nodes[t].list < 0)
		return NULL;
	if (f->lists[f->nodes[t].list].from)
		return value;   /* select_one ${q}: the choice's label is the answer itself */
	const form_choice *ch = form_list_choice(f, f->nodes[t].list, value);
	if (ch)
		return form_choice_label(f, ch, c->e->lang);
	if (!c->labels)
		return NULL;
	/* the instance name reads ${q} as its choice's label already (c->labels), so that
	 * jr:choice-name(${q}, '${q}') receives a label: it is its own label */
	const form_list *l = &f->lists[f->nodes[t].list];
	for (int i = 0; i < l->nchoices; i++) {
		const char *lb = form_choice_label(f, &l->choices[i], c->e->lang);
		if (lb && !strcmp(lb, value))
			return lb;
	}
	return NULL;
}

/* instance('x'), pulldata('x', ...): a media file's rows or a choice list. */
static const expr_table *cb_instance(void *user, const char *name)
{
	iv_ctx *c = user;
	return form_find_table(c->e->f, name);
}

void iv_ctx_init(iv_ctx *c, engine *e, const iv_pos *pos)
{
	memset(c, 0, sizeof *c);
	c->e = e;
	c->pos = *pos;
	c->env.user = c;
	c->env.lookup = cb_lookup;
	c->env.current = cb_current;
	c->env.position = cb_position;
	c->env.choice_label = cb_choice_label;
	c->env.indexed = cb_indexed;
	c->env.last_saved = cb_last_saved;
	c->env.instance = cb_instance;
	c->env.now = e->now;
	c->env.seed = iv_position_seed(e, pos);
}

int iv_eval_bool(engine *e, const iv_pos *pos, const expr *x, const char *dot, int *out,
		 char *err)
{
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	c.dot = dot;
	return expr_eval_bool(x, &c.env, out, err);
}

int iv_eval_string(engine *e, const iv_pos *pos, const expr *x, char **out, char *err)
{
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	return expr_eval_string(x, &c.env, out, err);
}

int iv_eval_number(engine *e, const iv_pos *pos, const expr *x, double *out, char *err)
{
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	expr_value v;
	if (expr_eval(x, &c.env, &v, err))
		return -1;
	*out = expr_value_number(&v);
	expr_value_release(&v);
	return 0;
}

/* The select whose or_other made the generated node g, or -1. */
static int other_owner(const form *f, int g)
{
	for (int s = g - 1; s > 0; s--)
		if (f->nodes[s].other == g)
			return s;
	return -1;
}

static int compute_own(engine *e, const iv_pos *pos)
{
	const form *f = e->f;
	const form_node *nd = &f->nodes[pos->node];
	int rel = 1;
	char err[ERR_MAX];
	if (nd->x[FORM_X_RELEVANT]) {
		if (iv_eval_bool(e, pos, nd->x[FORM_X_RELEVANT], NULL, &rel, err))
			rel = 1;   /* an expression that cannot be evaluated hides nothing */
	} else if (nd->generated) {
		/* NAME_other: relevant when "other" is chosen (if the loader set no relevant) */
		int s = other_owner(f, pos->node);
		if (s >= 0) {
			iv_pos sp = *pos;
			sp.node = s;
			const char *v = iv_lookup_value(e, &sp);
			rel = 0;
			for (const char *p = v; *p;) {
				size_t n = strcspn(p, " ");
				if (n == 5 && memcmp(p, "other", 5) == 0)
					rel = 1;
				p += n;
				p += strspn(p, " ");
			}
		}
	}
	return rel;
}

int iv_own_relevant(engine *e, const iv_pos *pos)
{
	const form_node *nd = &e->f->nodes[pos->node];
	if (!nd->x[FORM_X_RELEVANT] && !nd->generated)
		return 1;
	iv_pos p = *pos;
	if (nd->type == FORM_REPEAT)
		p.ninst = e->nrep[pos->node];   /* a repeat's relevance is the whole repeat's */
	int i = iv_get(e, &p);
	if (iv_ent(e, i)->rel < 0) {
		int rel = compute_own(e, &p);
		iv_ent(e, i)->rel = (signed char)rel;
	}
	return iv_ent(e, i)->rel;
}

/* Recompute and cache; returns 1 when it changed. */
int iv_refresh_relevant(engine *e, const iv_pos *pos)
{
	int i = iv_get(e, pos);
	int old = iv_ent(e, i)->rel;
	int rel = compute_own(e, pos);
	iv_ent(e, i)->rel = (signed char)rel;
	return old != rel;
}

int iv_relevant(engine *e, const iv_pos *pos)
{
	const form *f = e->f;
	for (int a = pos->node; a > 0; a = f->nodes[a].parent) {
		iv_pos ap;
		iv_ancestor(e, pos, a, &ap);
		if (!iv_own_relevant(e, &ap))
			return 0;
		if (f->nodes[a].type == FORM_REPEAT) {
			int level = e->nrep[a];
			ap.ninst = level;   /* the repeat as a whole */
			if (level < pos->ninst && pos->inst[level] > iv_count(e, &ap))
				return 0;
		}
	}
	return 1;
}

/* The value of the optional boolean expression x at pos: 0 when absent, and when it cannot be
 * evaluated. */
static int optional_bool(engine *e, const iv_pos *pos, const expr *x)
{
	int v = 0;
	char err[ERR_MAX];
	if (x && iv_eval_bool(e, pos, x, NULL, &v, err))
		v = 0;
	return v;
}

int iv_required(engine *e, const iv_pos *pos)
{
	const form_node *nd = &e->f->nodes[pos->node];
	if (!form_type_is_input(nd->type))
		return 0;
	if (nd->required)
		return 1;
	return optional_bool(e, pos, nd->x[FORM_X_REQUIRED]);
}

int iv_read_only(engine *e, const iv_pos *pos)
{
	const form_node *nd = &e->f->nodes[pos->node];
	if (!form_type_is_input(nd->type))
		return 1;
	if (e->preloading)   /* engine_start_unit sets what the frame gives */
		return 0;
	if (nd->read_only || (e->locked && e->locked[pos->node]))
		return 1;
	return optional_bool(e, pos, nd->x[FORM_X_READ_ONLY]);
}

char *iv_interpolate(engine *e, const iv_pos *pos, const char *text)
{
	strbuf sb = STRBUF_INIT;
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	const char *p = text;
	for (;;) {
		const char *s = strstr(p, "${");
		const char *close = s ? strchr(s + 2, '}') : NULL;
		if (!s || !close) {
			sb_adds(&sb, p);
			break;
		}
		sb_add(&sb, p, (size_t)(s - p));
		char *name = xstrndup(s + 2, (size_t)(close - s - 2));
		expr_nodes ns = { 0 };
		int saved = !strncmp(name, "last-saved#", 11);
		if (saved ? cb_last_saved(&c, name + 11, &ns) == 0 :
		    name[0] != FORM_CHOICE_COLUMN_PREFIX && cb_lookup(&c, name, &ns) == 0) {
			for (int i = 0; i < ns.n; i++) {
				if (i)
					sb_adds(&sb, ", ");
				sb_adds(&sb, ns.items[i]);
			}
		} else {
			sb_add(&sb, s, (size_t)(close + 1 - s));
		}
		expr_nodes_release(&ns);
		free(name);
		p = close + 1;
	}
	return sb_detach(&sb);
}

int iv_choice_kept(engine *e, const iv_pos *pos, const form_choice *ch, char *err)
{
	const expr *x = e->f->nodes[pos->node].x[FORM_X_CHOICE_FILTER];
	if (!x)
		return 1;
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	c.choice = ch;
	int keep;
	if (expr_eval_bool(x, &c.env, &keep, err))
		return -1;
	return keep;
}

/* recompute.c: what an answer changes — relevance and calculations of the nodes that depend on
 * it (form->eval_order, node->dependents), repeat_count, defaults of new instances, and the
 * skipped/answered states of stored answers that follow from relevance. */
#include "interview/engine_impl.h"

#include <stdlib.h>
#include <string.h>

/* Mark node (when self) and everything that depends on it, transitively, for the next round. */
static void mark_from(engine *e, int node, int self)
{
	const form *f = e->f;
	int qn = 0;
	if (self) {
		if (e->mark[node])
			return;
		e->mark[node] = 1;
		e->queue[qn++] = node;
	} else {
		const form_node *nd = &f->nodes[node];
		for (int i = 0; i < nd->ndependents; i++) {
			int d = nd->dependents[i];
			if (!e->mark[d]) {
				e->mark[d] = 1;
				e->queue[qn++] = d;
			}
		}
	}
	while (qn) {
		const form_node *nd = &f->nodes[e->queue[--qn]];
		for (int i = 0; i < nd->ndependents; i++) {
			int d = nd->dependents[i];
			if (!e->mark[d]) {
				e->mark[d] = 1;
				e->queue[qn++] = d;
			}
		}
	}
}

/* Does entry position p lie inside scope (the first scope->ninst instances agree)? */
static int inside(const iv_pos *p, const iv_pos *scope)
{
	if (p->ninst < scope->ninst)
		return 0;
	for (int l = 0; l < scope->ninst; l++)
		if (p->inst[l] != scope->inst[l])
			return 0;
	return 1;
}

/* Bring the states of stored answers under scope (a node in an instance) in line with their
 * relevance: not relevant -> skipped (value kept), relevant again -> answered. */
static int sync_states(engine *e, const iv_pos *scope, char *err)
{
	const form *f = e->f;
	int end = f->nodes[scope->node].end;
	for (int x = scope->node; x < end; x++) {
		for (int j = 0; j < e->tab.nby[x]; j++) {
			int idx = e->tab.by_node[x][j];
			iv_entry *en = iv_ent(e, idx);
			if (!en->stored || !inside(&en->pos, scope))
				continue;
			iv_pos p = en->pos;
			int rel = iv_relevant(e, &p);
			en = iv_ent(e, idx);
			store_state want = en->state;
			if (!rel)
				want = STATE_SKIPPED;
			else if (en->state == STATE_SKIPPED &&
				 (e->quiet || store_iv_state_before_skip(e->iv, en->key, &want, err)))
				want = STATE_ANSWERED;   /* no log to ask: the value stands */
			if (want == en->state)
				continue;
			char *v = xstrdup(en->value);
			int rc = iv_store(e, &p, v, want, err);
			free(v);
			if (rc)
				return -1;
			/* a calculation coming back is computed again: its inputs may have changed */
			mark_from(e, x, f->nodes[x].x[FORM_X_CALCULATION] != NULL);
		}
	}
	return 0;
}

static int default_of(engine *e, const iv_pos *pos, char **out, char *err)
{
	const form_node *nd = &e->f->nodes[pos->node];
	*out = NULL;
	if (nd->x[FORM_X_DEFAULT])
		return iv_eval_string(e, pos, nd->x[FORM_X_DEFAULT], out, err);
	if (nd->default_value && *nd->default_value)
		*out = xstrdup(nd->default_value);
	return 0;
}

int iv_apply_defaults(engine *e, const iv_pos *scope, char *err)
{
	const form *f = e->f;
	int first = scope->node + 1, end = scope->node == 0 ? f->nnodes : f->nodes[scope->node].end;
	if (scope->node == 0)
		first = 1;
	for (int x = first; x < end; x++) {
		const form_node *nd = &f->nodes[x];
		if (e->nrep[x] != scope->ninst ||
		    (!form_type_is_input(nd->type) && nd->type != FORM_HIDDEN) ||
		    (!nd->x[FORM_X_DEFAULT] && !(nd->default_value && *nd->default_value)))
			continue;
		iv_pos p = *scope;
		p.node = x;
		iv_entry *en = iv_find(e, &p);
		if (en && en->stored)
			continue;
		char *v;
		if (default_of(e, &p, &v, err))
			return -1;
		int rc = v && *v ? iv_store(e, &p, v, STATE_ANSWERED, err) : 0;
		free(v);
		if (rc)
			return -1;
		mark_from(e, x, 0);
	}
	return 0;
}

/* Store the value of pos's calculation now: nothing when it has none, evaluates to "" or
 * cannot be evaluated (e.g. a bad regex); stored only when there is a value or was one. */
static int store_calculation(engine *e, const iv_pos *pos, char *err)
{
	const expr *calc = e->f->nodes[pos->node].x[FORM_X_CALCULATION];
	char *v = NULL;
	if (calc && iv_eval_string(e, pos, calc, &v, err))
		v = NULL;
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	iv_entry *en = iv_find(e, pos);
	int rc = 0;
	if (v || (en && en->stored))
		rc = iv_store(e, pos, v, STATE_ANSWERED, err);
	free(v);
	return rc;
}

static int recompute_one(engine *e, const iv_pos *pos, void *arg)
{
	char *err = arg;
	const form_node *nd = &e->f->nodes[pos->node];
	if ((nd->x[FORM_X_RELEVANT] || nd->generated) && iv_refresh_relevant(e, pos)) {
		if (sync_states(e, pos, err))
			return -1;
	}
	if (nd->x[FORM_X_CALCULATION] && !nd->x[FORM_X_TRIGGER]) {
		if (!iv_relevant(e, pos)) {
			/* not relevant: keep the value it had, marked skipped */
			iv_entry *en = iv_find(e, pos);
			if (!en || !en->stored || en->state == STATE_SKIPPED)
				return 0;
			char *v = xstrdup(en->value);
			int rc = iv_store(e, pos, v, STATE_SKIPPED, err);
			free(v);
			return rc;
		}
		if (store_calculation(e, pos, err))
			return -1;
	}
	return 0;
}

/* Instances of a repeat with repeat_count: evaluate it again; set defaults of new instances;
 * states of instances beyond the count become skipped (and come back when it grows). */
static int recount(engine *e, const iv_pos *pos, void *arg)
{
	char *err = arg;
	int idx = iv_get(e, pos);
	int old = iv_ent(e, idx)->count;
	iv_ent(e, idx)->count = -1;
	int n = iv_count(e, pos);
	iv_entry *en = iv_ent(e, idx);
	int made = en->made < 0 ? 0 : en->made;
	if (n > made) {
		en->made = n;
		for (int k = made + 1; k <= n; k++) {
			iv_pos inst = *pos;
			inst.inst[inst.ninst++] = k;
			if (iv_apply_defaults(e, &inst, err))
				return -1;
		}
		for (int x = pos->node + 1; x < e->f->nodes[pos->node].end; x++)
			mark_from(e, x, 1);
	}
	if (old != n) {
		mark_from(e, pos->node, 0);
		if (sync_states(e, pos, err))
			return -1;
	}
	return 0;
}

static int propagate(engine *e, char *err)
{
	const form *f = e->f;
	for (int round = 0; round < 2 * f->nnodes + 16; round++) {
		int any = 0;
		for (int i = 0; i < f->nnodes; i++) {
			e->pending[i] = e->mark[i];
			any |= e->mark[i];
		}
		if (!any)
			return 0;
		memset(e->mark, 0, (size_t)f->nnodes);
		for (int i = 0; i < f->neval; i++) {
			int d = f->eval_order[i];
			if (e->pending[d] && iv_each_instance(e, d, recompute_one, err))
				return -1;
		}
		for (int d = 0; d < f->nnodes; d++) {
			const form_node *nd = &f->nodes[d];
			if (e->pending[d] && nd->type == FORM_REPEAT && nd->x[FORM_X_REPEAT_COUNT] &&
			    iv_each_instance(e, d, recount, err))
				return -1;
			/* NAME_other without a relevant of its own: not in eval_order */
			if (e->pending[d] && nd->generated && !nd->x[FORM_X_RELEVANT] &&
			    iv_each_instance(e, d, recompute_one, err))
				return -1;
		}
	}
	return 0;   /* a form without cycles settles long before this */
}

int iv_recompute_all(engine *e, char *err)
{
	const form *f = e->f;
	for (int i = 0; i < f->nnodes; i++)
		e->mark[i] = 1;
	/* everything once, then whatever that changed */
	if (propagate(e, err))
		return -1;
	iv_pos root;
	memset(&root, 0, sizeof root);
	if (sync_states(e, &root, err))
		return -1;
	return propagate(e, err);
}

int iv_changed(engine *e, int node, char *err)
{
	mark_from(e, node, 0);
	/* a select with or_other: its NAME_other follows it */
	int other = e->f->nodes[node].other;
	if (other >= 0)
		mark_from(e, other, 1);
	return propagate(e, err);
}

/* A new instance of an open repeat: defaults, then everything in it. */
int iv_instance_added(engine *e, const iv_pos *inst, char *err)
{
	if (iv_apply_defaults(e, inst, err))
		return -1;
	for (int x = inst->node; x < e->f->nodes[inst->node].end; x++)
		mark_from(e, x, 1);
	return propagate(e, err);
}

struct fire {
	const iv_pos *changed;
	char *err;
};

/* A node triggered by a change at f->changed: its calculation now (blank without one), in
 * the instances that share the changed question's repeat instances. */
static int fire_one(engine *e, const iv_pos *pos, void *arg)
{
	struct fire *fi = arg;
	int shared = pos->ninst < fi->changed->ninst ? pos->ninst : fi->changed->ninst;
	for (int l = 0; l < shared; l++)
		if (pos->inst[l] != fi->changed->inst[l])
			return 0;
	if (!iv_relevant(e, pos))
		return 0;
	if (store_calculation(e, pos, fi->err) || iv_changed(e, pos->node, fi->err))
		return -1;
	return 0;
}

int iv_triggered(engine *e, const iv_pos *changed, char *err)
{
	const form *f = e->f;
	struct fire fi = { changed, err };
	for (int t = 1; t < f->nnodes; t++)
		for (int k = 0; k < f->nodes[t].ntriggers; k++)
			if (f->nodes[t].triggers[k] == changed->node) {
				if (iv_each_instance(e, t, fire_one, &fi))
					return -1;
				break;
			}
	return 0;
}

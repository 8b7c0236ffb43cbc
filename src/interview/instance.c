/* instance.c: the interview's values by path — answer paths with repeat instance numbers
 * ("partners[2]/partner_name"), the table of stored answers, cached relevance and repeat
 * counts, and saving an answer through the store. */
#include "interview/engine_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void iv_table_init(iv_table *t, int nnodes)
{
	memset(t, 0, sizeof *t);
	t->by_node = xcalloc((size_t)nnodes, sizeof *t->by_node);
	t->nby = xcalloc((size_t)nnodes, sizeof *t->nby);
	t->capby = xcalloc((size_t)nnodes, sizeof *t->capby);
}

void iv_table_release(iv_table *t, int nnodes)
{
	for (int i = 0; i < t->n; i++) {
		free(t->ents[i].key);
		free(t->ents[i].value);
	}
	for (int i = 0; i < nnodes; i++)
		free(t->by_node[i]);
	free(t->ents);
	hindex_release(&t->ix);
	free(t->by_node);
	free(t->nby);
	free(t->capby);
	memset(t, 0, sizeof *t);
}

static int table_lookup(const iv_table *t, const char *key)
{
	uint64_t h = hash_str(key);
	int i;
	for (size_t pos = 0; (i = hindex_next(&t->ix, h, &pos)) >= 0;)
		if (strcmp(t->ents[i].key, key) == 0)
			return i;
	return -1;
}

/* Walk from the root to pos.node, calling the path pieces into sb. */
void iv_path_sb(const engine *e, const iv_pos *pos, strbuf *sb)
{
	const form *f = e->f;
	int chain[256], n = 0;
	for (int a = pos->node; a > 0 && n < 256; a = f->nodes[a].parent)
		chain[n++] = a;
	for (int i = n - 1; i >= 0; i--) {
		const form_node *nd = &f->nodes[chain[i]];
		if (i != n - 1)
			sb_addc(sb, '/');
		sb_adds(sb, nd->name);
		if (nd->type == FORM_REPEAT) {
			int level = e->nrep[chain[i]];
			if (level < pos->ninst)
				sb_addf(sb, "[%d]", pos->inst[level]);
		}
	}
}

char *iv_path(const engine *e, const iv_pos *pos)
{
	strbuf sb = STRBUF_INIT;
	iv_path_sb(e, pos, &sb);
	return sb_detach(&sb);
}

static int child_named(const form *f, int parent, const char *name, size_t len)
{
	for (int c = f->nodes[parent].first_child; c >= 0; c = f->nodes[c].next_sibling) {
		const char *nm = f->nodes[c].name;
		if (strlen(nm) == len && memcmp(nm, name, len) == 0)
			return c;
	}
	return -1;
}

int iv_parse(const engine *e, const char *path, iv_pos *pos)
{
	const form *f = e->f;
	memset(pos, 0, sizeof *pos);
	int node = 0;
	const char *p = path;
	if (!*p)
		return -1;
	for (;;) {
		const char *end = p + strcspn(p, "/[");
		int c = child_named(f, node, p, (size_t)(end - p));
		if (c < 0)
			return -1;
		node = c;
		p = end;
		if (*p == '[') {
			if (f->nodes[c].type != FORM_REPEAT || pos->ninst >= ENGINE_NEST_MAX)
				return -1;
			char *q;
			long k = strtol(p + 1, &q, 10);
			if (q == p + 1 || *q != ']' || k < 1 || k > ENGINE_REPEAT_MAX || p[1] == '+')
				return -1;
			pos->inst[pos->ninst++] = (int)k;
			p = q + 1;
		} else if (f->nodes[c].type == FORM_REPEAT && *p) {
			return -1;   /* a repeat inside a path needs its instance */
		}
		if (!*p)
			break;
		if (*p != '/' || !p[1])
			return -1;
		p++;
	}
	pos->node = node;
	return 0;
}

int iv_repeats(const engine *e, int node, int out[ENGINE_NEST_MAX + 1])
{
	const form *f = e->f;
	int tmp[ENGINE_NEST_MAX + 1], n = 0;
	for (int a = node; a > 0; a = f->nodes[a].parent)
		if (f->nodes[a].type == FORM_REPEAT && n <= ENGINE_NEST_MAX)
			tmp[n++] = a;
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

void iv_ancestor(const engine *e, const iv_pos *pos, int anc, iv_pos *out)
{
	*out = *pos;
	out->node = anc;
	if (anc != pos->node)
		out->ninst = e->nrep[anc];
}

iv_entry *iv_ent(engine *e, int idx)
{
	return &e->tab.ents[idx];
}

iv_entry *iv_find(engine *e, const iv_pos *pos)
{
	char *key = iv_path(e, pos);
	int i = table_lookup(&e->tab, key);
	free(key);
	return i < 0 ? NULL : &e->tab.ents[i];
}

static int table_add(engine *e, char *key, const iv_pos *pos)
{
	iv_table *t = &e->tab;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->ents = xreallocarray(t->ents, (size_t)t->cap, sizeof *t->ents);
	}
	int i = t->n++;
	iv_entry *en = &t->ents[i];
	memset(en, 0, sizeof *en);
	en->key = key;
	en->pos = *pos;
	en->rel = -1;
	en->count = -1;
	en->made = -1;
	en->state = STATE_ANSWERED;
	hindex_add(&t->ix, hash_str(key));
	int nd = pos->node;
	if (t->nby[nd] == t->capby[nd]) {
		t->capby[nd] = t->capby[nd] ? 2 * t->capby[nd] : 4;
		t->by_node[nd] = xreallocarray(t->by_node[nd], (size_t)t->capby[nd], sizeof(int));
	}
	t->by_node[nd][t->nby[nd]++] = i;
	return i;
}

int iv_get(engine *e, const iv_pos *pos)
{
	char *key = iv_path(e, pos);
	int i = table_lookup(&e->tab, key);
	if (i >= 0) {
		free(key);
		return i;
	}
	return table_add(e, key, pos);
}

int iv_store(engine *e, const iv_pos *pos, const char *value, store_state state, char *err)
{
	int i = iv_get(e, pos);
	iv_entry *en = iv_ent(e, i);
	if (en->stored && en->state == state &&
	    ((!en->value && !value) || (en->value && value && strcmp(en->value, value) == 0)))
		return 0;
	if (!e->quiet) {
		if (engine_reopen(e, NULL, err))
			return -1;
		if (store_iv_set(e->iv, en->key, value, state, err))
			return -1;
	}
	en = iv_ent(e, i);
	char *old = en->value;
	en->value = xstrdup(value);
	free(old);
	en->state = state;
	en->stored = 1;
	return 0;
}

int iv_count(engine *e, const iv_pos *pos)
{
	int i = iv_get(e, pos);
	iv_entry *en = iv_ent(e, i);
	if (en->count >= 0)
		return en->count;
	const form_node *nd = &e->f->nodes[pos->node];
	int count = 0;
	if (nd->x[FORM_X_REPEAT_COUNT]) {
		double v;
		char err[ERR_MAX];
		if (iv_eval_number(e, pos, nd->x[FORM_X_REPEAT_COUNT], &v, err) == 0 && v == v)
			count = v < 0 ? 0 : v > ENGINE_REPEAT_MAX ? ENGINE_REPEAT_MAX : (int)v;
	}
	iv_ent(e, i)->count = count;
	return count;
}

static int each_level(engine *e, int node, const int *reps, int nreps, iv_pos *p,
		      int (*fn)(engine *, const iv_pos *, void *), void *arg)
{
	if (p->ninst == nreps) {
		p->node = node;
		return fn(e, p, arg);
	}
	iv_pos r = *p;
	r.node = reps[p->ninst];
	int n = iv_count(e, &r);
	for (int k = 1; k <= n; k++) {
		p->inst[p->ninst++] = k;
		int rc = each_level(e, node, reps, nreps, p, fn, arg);
		p->ninst--;
		if (rc)
			return rc;
	}
	return 0;
}

int iv_each_instance(engine *e, int node, int (*fn)(engine *e, const iv_pos *pos, void *arg),
		     void *arg)
{
	int reps[ENGINE_NEST_MAX + 1];
	int n = iv_repeats(e, node, reps);
	if (e->f->nodes[node].type == FORM_REPEAT)
		n--;   /* a repeat as a whole: only the repeats around it */
	iv_pos p;
	memset(&p, 0, sizeof p);
	return each_level(e, node, reps, n, &p, fn, arg);
}

int iv_load(engine *e, char *err)
{
	store_answer *a;
	int n;
	if (store_answers(e->st, e->uuid, &a, &n, err))
		return -1;
	for (int i = 0; i < n; i++) {
		iv_pos pos;
		if (iv_parse(e, a[i].path, &pos) || pos.ninst != e->nrep[pos.node])
			continue;   /* a path this form does not have: left in the store as it is */
		int idx = iv_get(e, &pos);
		iv_entry *en = iv_ent(e, idx);
		free(en->value);
		en->value = xstrdup(a[i].value);
		en->state = a[i].state;
		en->stored = 1;
		/* open repeats: as many instances as the highest one holding an answer */
		iv_cover(e, &pos);
	}
	store_answers_free(a, n);
	return 0;
}

void iv_cover(engine *e, const iv_pos *pos)
{
	int reps[ENGINE_NEST_MAX + 1];
	int nr = iv_repeats(e, pos->node, reps);
	for (int l = 0; l < nr && l < pos->ninst; l++) {
		if (e->f->nodes[reps[l]].x[FORM_X_REPEAT_COUNT])
			continue;
		iv_pos r = *pos;
		r.node = reps[l];
		r.ninst = l;
		iv_entry *re = iv_ent(e, iv_get(e, &r));
		if (re->count < pos->inst[l])
			re->count = pos->inst[l];
	}
}

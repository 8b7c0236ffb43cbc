/* review.c: the review of an interview — every relevant question in screen order with its
 * value, state and problem — and completion, refused while a problem remains. */
#include "interview/engine_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

typedef struct review {
	engine_review_item *items;
	int n, cap;
	int nproblems;
	int first;   /* index of the first item with a problem, -1 */
} review;

static void add(engine *e, review *r, const iv_pos *p)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->items = xreallocarray(r->items, (size_t)r->cap, sizeof *r->items);
	}
	engine_review_item *it = &r->items[r->n];
	memset(it, 0, sizeof *it);
	char msg[ERR_MAX];
	it->node = p->node;
	it->path = iv_path(e, p);
	it->problem = iv_problem(e, p, msg);
	if (it->problem) {
		it->message = xstrdup(msg);
		if (r->first < 0)
			r->first = r->n;
		r->nproblems++;
	}
	iv_entry *en = iv_find(e, p);
	if (en && en->stored) {
		it->value = xstrdup(en->value);
		it->state = en->state;
		it->answered = en->value || en->state != STATE_ANSWERED;
	}
	r->n++;
}

/* Children of the instance or group at p, in order. */
static void walk(engine *e, review *r, const iv_pos *p)
{
	const form *f = e->f;
	for (int c = f->nodes[p->node].first_child; c >= 0; c = f->nodes[c].next_sibling) {
		iv_pos q = *p;
		q.node = c;
		q.ninst = e->nrep[c];
		if (!iv_own_relevant(e, &q))
			continue;
		form_type t = f->nodes[c].type;
		if (t == FORM_GROUP) {
			walk(e, r, &q);
		} else if (t == FORM_REPEAT) {
			if (q.ninst >= ENGINE_NEST_MAX)
				continue;
			int n = iv_count(e, &q);
			for (int k = 1; k <= n; k++) {
				iv_pos i = q;
				i.inst[i.ninst++] = k;
				walk(e, r, &i);
			}
		} else if (form_type_is_input(t)) {
			add(e, r, &q);
		}
	}
}

static void review_build(engine *e, review *r)
{
	memset(r, 0, sizeof *r);
	r->first = -1;
	iv_pos root;
	memset(&root, 0, sizeof root);
	walk(e, r, &root);
}

int engine_review(engine *e, engine_review_item **out, int *n, char *err)
{
	review r;
	review_build(e, &r);
	*out = r.items;
	*n = r.n;
	return 0;
}

void engine_review_free(engine_review_item *items, int n)
{
	for (int i = 0; i < n; i++) {
		free(items[i].path);
		free(items[i].value);
		free(items[i].message);
	}
	free(items);
}

char *iv_instance_name(engine *e)
{
	const form *f = e->f;
	char *name = NULL, err[ERR_MAX];
	iv_pos root = { .node = 0 };
	if (!f->instance_name)
		return NULL;
	iv_ctx c;
	iv_ctx_init(&c, e, &root);
	c.labels = 1;
	if (expr_eval_string(f->instance_name, &c.env, &name, err))
		return NULL;
	if (name && !*name) {
		free(name);
		name = NULL;
	}
	return name;
}

/* How the refusal to complete names a question: its label in the current language (the
 * interviewer never sees paths), with the repeat entry ("Name [2]"), cut at a word near 60
 * columns; the question's name when it has no label. malloc'd. */
char *iv_problem_label(engine *e, const char *path, int node)
{
	char *label = engine_text(e, path, FORM_LABEL);
	if (!label || !*label) {
		free(label);
		label = xstrdup(e->f->nodes[node].name);
	}
	for (char *c = label; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	size_t n = strlen(label);
	if (n > 120) {
		/* cut at a space, never inside a UTF-8 character */
		size_t k = 120;
		while (k > 40 && label[k] != ' ')
			k--;
		k = utf8_cut(label, k);
		label[k] = '\0';
		char *t = xasprintf("%s…", label);
		free(label);
		label = t;
	}
	const char *br = strrchr(path, '[');
	if (br) {
		char *t = xasprintf("%s %.*s", label, (int)strcspn(br, "/"), br);
		free(label);
		label = t;
	}
	return label;
}

int engine_complete(engine *e, char *err)
{
	review r;
	review_build(e, &r);
	if (r.nproblems) {
		const engine_review_item *it = &r.items[r.first];
		char *label = iv_problem_label(e, it->path, it->node);
		snprintf(err, ERR_MAX, engine_msg(e, ENGINE_MSG_INCOMPLETE), r.nproblems, label,
			 it->message);
		free(label);
		engine_review_free(r.items, r.n);
		return ENGINE_REJECTED;
	}
	engine_review_free(r.items, r.n);
	const form *f = e->f;
	for (int i = 1; i < f->nnodes; i++) {
		if (f->nodes[i].type != FORM_END || e->nrep[i])
			continue;
		char *v = iv_clock_text(e, 0);
		iv_pos p = { .node = i };
		int rc = iv_store(e, &p, v, STATE_ANSWERED, err);
		free(v);
		if (rc)
			return -1;
	}
	char *name = iv_instance_name(e);
	int seal = f->public_key && *f->public_key;
	int rc = seal ? store_iv_complete_sealed(e->iv, name, f->public_key, err) :
		 store_iv_complete(e->iv, name, err);
	free(name);
	if (rc)
		return -1;
	e->complete = 1;
	e->sealed = seal;
	return 0;
}

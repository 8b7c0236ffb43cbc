/* choices.c: select_one ${q} / select_multiple ${q} — choices made of the answers to q, a
 * question inside a repeat (ODK's "choices from a previous repeat"): each distinct answer (for
 * a select_multiple, one without a blank: its ticks are blank-separated), in instance order, is
 * a choice whose value and label are the answer. The choices are
 * pooled per select for the engine's life, so the pointers handed out stay valid. */
#include "interview/engine_impl.h"

#include <stdlib.h>
#include <string.h>

/* The pooled choice `value` of select `node`, made when new. */
static const form_choice *pooled(engine *e, int node, const char *value)
{
	for (int i = 0; i < e->ndyn; i++)
		if (e->dyn_node[i] == node && strcmp(e->dyn[i]->name, value) == 0)
			return e->dyn[i];
	if (e->ndyn == e->capdyn) {
		e->capdyn = e->capdyn ? 2 * e->capdyn : 16;
		e->dyn = xreallocarray(e->dyn, (size_t)e->capdyn, sizeof *e->dyn);
		e->dyn_node = xreallocarray(e->dyn_node, (size_t)e->capdyn, sizeof *e->dyn_node);
	}
	form_choice *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(value);
	e->dyn[e->ndyn] = c;
	e->dyn_node[e->ndyn++] = node;
	return c;
}

int iv_repeat_choices(engine *e, const iv_pos *pos, const form_list *l,
		      const form_choice ***out, int *n, char *err)
{
	iv_ctx c;
	iv_ctx_init(&c, e, pos);
	expr_nodes ns = { 0 };
	if (c.env.lookup(c.env.user, l->from, &ns) < 0) {
		expr_nodes_release(&ns);
		return errf(err, "no question '%s' for the choices of '%s'", l->from,
			    e->f->nodes[pos->node].name);
	}
	int multiple = e->f->nodes[pos->node].type == FORM_SELECT_MULTIPLE;
	const form_choice **v = xcalloc((size_t)ns.n + 1, sizeof *v);
	int k = 0;
	for (int i = 0; i < ns.n; i++) {
		const char *a = ns.items[i];
		int seen = !*a || (multiple && strpbrk(a, " \t\n"));   /* ticks are blank-separated */
		for (int j = 0; j < k && !seen; j++)
			seen = strcmp(v[j]->name, a) == 0;
		if (seen)
			continue;
		const form_choice *ch = pooled(e, pos->node, a);
		int keep = iv_choice_kept(e, pos, ch, err);
		if (keep < 0) {
			free(v);
			expr_nodes_release(&ns);
			return -1;
		}
		if (keep)
			v[k++] = ch;
	}
	expr_nodes_release(&ns);
	*out = v;
	*n = k;
	return 0;
}

const form_choice *iv_repeat_choice(engine *e, const iv_pos *pos, const char *name, size_t len,
				    char *err, int *failed)
{
	const form_choice **cs;
	int n;
	if (iv_repeat_choices(e, pos, form_node_list(e->f, pos->node), &cs, &n, err) < 0) {
		*failed = 1;
		return NULL;
	}
	const form_choice *found = NULL;
	for (int i = 0; i < n && !found; i++)
		if (strlen(cs[i]->name) == len && !memcmp(cs[i]->name, name, len))
			found = cs[i];
	free(cs);
	return found;
}

void iv_repeat_choices_free(engine *e)
{
	for (int i = 0; i < e->ndyn; i++) {
		free(e->dyn[i]->name);
		free(e->dyn[i]);
	}
	free(e->dyn);
	free(e->dyn_node);
	e->dyn = NULL;
	e->dyn_node = NULL;
	e->ndyn = e->capdyn = 0;
}

/* expr_instance.c: secondary instances in expressions — instance('x')/root/item[filter]/column
 * (a node-set of the matching items' column) and pulldata('x', 'col', 'keycol', key), over the
 * tables the caller gives through expr_env.instance (media files, choice lists). */
#include "form/expr_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const expr_table *table_of(struct ectx *cx, const char *name)
{
	const expr_env *env = cx->env;
	const expr_table *t = env && env->instance ? env->instance(env->user, name) : NULL;
	if (!t)
		errf(cx->err, "no choice list or media file '%s' for instance()", name);
	return t;
}

int expr_table_col(const expr_table *t, const char *col)
{
	for (int c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], col) == 0)
			return c;
	return -1;
}

/* "#instance": str the instance, name the column (NULL: the items themselves), kid 0 the
 * filter. A filter that gives a number keeps the item at that 1-based position. */
EXPR_FN(expr_fn_instance)
{
	const expr_table *t = table_of(cx, n->str);
	if (!t)
		return -1;
	int col = -1;
	if (n->name && (col = expr_table_col(t, n->name)) < 0)
		return errf(cx->err, "instance('%s') has no column '%s'", n->str, n->name);
	out->type = EXPR_NODES;
	memset(&out->nodes, 0, sizeof out->nodes);
	const expr_table *outer = cx->item_tab;
	int outer_row = cx->item_row;
	for (int r = 0; r < t->nrows; r++) {
		if (n->nkids) {
			val v;
			cx->item_tab = t;
			cx->item_row = r;
			int rc = expr_ev_kid(cx, n, 0, &v);
			cx->item_tab = outer;
			cx->item_row = outer_row;
			if (rc < 0) {
				expr_nodes_release(&out->nodes);
				return -1;
			}
			int keep = v.type == EXPR_NUM ? v.num == r + 1 : val_bool(&v);
			val_release(&v);
			if (!keep)
				continue;
		}
		expr_nodes_push(&out->nodes, col >= 0 ? t->cells[(size_t)r * t->ncols + col] : "");
	}
	return 0;
}

/* "#column": str the column of the item being filtered. */
EXPR_FN(expr_fn_column)
{
	const expr_table *t = cx->item_tab;
	int col = t ? expr_table_col(t, n->str) : -1;
	if (col < 0)
		return errf(cx->err, "instance('%s') has no column '%s'", n->name, n->str);
	val_str_borrow(out, t->cells[(size_t)cx->item_row * t->ncols + col]);
	return 0;
}

/* pulldata('x', 'col', 'keycol', key): col of the first row whose keycol is key; "" if none. */
EXPR_FN(expr_fn_pulldata)
{
	char *name = NULL, *col = NULL, *keycol = NULL, *key = NULL;
	int rc = -1;
	if (expr_arg_dup(cx, n, 0, &name) < 0 || expr_arg_dup(cx, n, 1, &col) < 0 ||
	    expr_arg_dup(cx, n, 2, &keycol) < 0 || expr_arg_dup(cx, n, 3, &key) < 0)
		goto done;
	const expr_table *t = table_of(cx, name);
	if (!t)
		goto done;
	int c = expr_table_col(t, col), k = expr_table_col(t, keycol);
	if (c < 0 || k < 0) {
		rc = errf(cx->err, "pulldata(): '%s' has no column '%s'", name, c < 0 ? col : keycol);
		goto done;
	}
	const char *found = "";
	for (int r = 0; r < t->nrows; r++)
		if (strcmp(t->cells[(size_t)r * t->ncols + k], key) == 0) {
			found = t->cells[(size_t)r * t->ncols + c];
			break;
		}
	val_str_own(out, xstrdup(found));
	rc = 0;
done:
	free(name);
	free(col);
	free(keycol);
	free(key);
	return rc;
}

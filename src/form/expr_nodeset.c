/* expr_nodeset.c: functions over repeats and lists of values — indexed-repeat(),
 * count-non-empty(), checklist(), weighted-checklist() — with ODK's semantics. */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* indexed-repeat(${q}, ${rep1}, i1 [, ${rep2}, i2 [, ${rep3}, i3]]): q in the instances named
 * (the parser made sure the question arguments are references); "" when there is none. */
EXPR_FN(expr_fn_indexed_repeat)
{
	const expr_env *env = cx->env;
	const struct expr *e = cx->e;
	const char *reps[3];
	int idx[3], nrep = (n->nkids - 1) / 2;
	if (!env || !env->indexed)
		return errf(cx->err, "indexed-repeat() is not available here");
	for (int k = 0; k < nrep; k++) {
		double d;
		reps[k] = expr_kid(e, n, 1 + 2 * k)->str;
		if (expr_arg_num(cx, n, 2 + 2 * k, &d) < 0)
			return -1;
		/* JavaRosa rounds the index down; no such instance (0, NaN, past the end) is "" */
		idx[k] = isnan(d) || d < 1 || d > 1e9 ? 0 : (int)floor(d);
	}
	const char *q = expr_kid(e, n, 0)->str;
	out->type = EXPR_NODES;
	memset(&out->nodes, 0, sizeof out->nodes);
	if (env->indexed(env->user, q, nrep, reps, idx, &out->nodes) < 0) {
		expr_nodes_release(&out->nodes);
		return errf(cx->err, "indexed-repeat(): '%s' is not a question inside the repeat%s "
			"named", q, nrep > 1 ? "s" : "");
	}
	return 0;
}

/* count-non-empty(nodes): how many of the nodes have a value */
EXPR_FN(expr_fn_count_non_empty)
{
	val v;
	char buf[EXPR_NUMBUF];
	if (expr_ev_kid(cx, n, 0, &v) < 0)
		return -1;
	int c = 0;
	if (v.type == EXPR_NODES) {
		for (int i = 0; i < v.nodes.n; i++)
			c += v.nodes.items[i][0] != '\0';
	} else
		c = val_str(&v, buf)[0] != '\0';
	val_release(&v);
	val_num_set(out, c);
	return 0;
}

/* Is count within [lo, hi], where a negative bound is no bound (ODK)? */
static int within(double count, double lo, double hi)
{
	return (lo < 0 || count >= lo) && (hi < 0 || count <= hi);
}

/* checklist(min, max, v...): is the number of true values (each node of a list counting
 * by its own value) within min..max, -1 meaning no bound? */
EXPR_FN(expr_fn_checklist)
{
	double lo, hi, count = 0;
	if (expr_arg_num(cx, n, 0, &lo) < 0 || expr_arg_num(cx, n, 1, &hi) < 0)
		return -1;
	for (int i = 2; i < n->nkids; i++) {
		val v;
		if (expr_ev_kid(cx, n, i, &v) < 0)
			return -1;
		if (v.type == EXPR_NODES) {
			for (int j = 0; j < v.nodes.n; j++) {
				val one = { .type = EXPR_STR, .s = v.nodes.items[j] };
				count += val_bool(&one);
			}
		} else
			count += val_bool(&v);
		val_release(&v);
	}
	val_bool_set(out, within(count, lo, hi));
	return 0;
}

/* weighted-checklist(min, max, v1, w1, v2, w2, ...): is the sum of the weights of the true
 * values within min..max? A pair of lists pairs their nodes in order. */
EXPR_FN(expr_fn_weighted_checklist)
{
	double lo, hi, sum = 0;
	if (n->nkids % 2)
		return errf(cx->err, "weighted-checklist() needs pairs of a value and a weight");
	if (expr_arg_num(cx, n, 0, &lo) < 0 || expr_arg_num(cx, n, 1, &hi) < 0)
		return -1;
	for (int i = 2; i < n->nkids; i += 2) {
		val v, w;
		if (expr_ev_kid(cx, n, i, &v) < 0)
			return -1;
		if (expr_ev_kid(cx, n, i + 1, &w) < 0) {
			val_release(&v);
			return -1;
		}
		if (v.type == EXPR_NODES && w.type == EXPR_NODES) {
			if (v.nodes.n != w.nodes.n) {
				int nv = v.nodes.n, nw = w.nodes.n;
				val_release(&v);
				val_release(&w);
				return errf(cx->err, "weighted-checklist(): %d values but %d weights",
					nv, nw);
			}
			for (int j = 0; j < v.nodes.n; j++)
				if (v.nodes.items[j][0])
					sum += expr_str_num(w.nodes.items[j]);
		} else if (val_bool(&v))
			sum += val_num(&w);
		val_release(&v);
		val_release(&w);
	}
	val_bool_set(out, within(sum, lo, hi));
	return 0;
}
